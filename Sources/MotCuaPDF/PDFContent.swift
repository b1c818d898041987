/// A page size in points (1/72 inch).
public struct PDFPageSize: Sendable, Equatable {
    public var width: Double
    public var height: Double

    public init(width: Double, height: Double) {
        self.width = width
        self.height = height
    }

    /// A4 portrait, 210 × 297 mm.
    public static let a4Portrait = PDFPageSize(width: 595.28, height: 841.89)
    /// A4 landscape, 297 × 210 mm.
    public static let a4Landscape = PDFPageSize(width: 841.89, height: 595.28)
    /// A5 portrait, 148 × 210 mm.
    public static let a5Portrait = PDFPageSize(width: 419.53, height: 595.28)
    /// A5 landscape, 210 × 148 mm.
    public static let a5Landscape = PDFPageSize(width: 595.28, height: 419.53)

    /// Points in `mm` millimetres.
    public static func points(mm: Double) -> Double { mm * 72 / 25.4 }
}

/// A content stream being built: text, lines, rectangles, module matrices. Coordinates are PDF points with
/// the origin at the bottom-left corner of the page and y growing upwards.
///
/// Text is drawn with the family's faces through Identity-H (two-byte glyph ids); the glyphs used and the
/// character each one was drawn for are recorded, so the writer can subset the fonts and write the
/// ToUnicode maps when the document ends.
public struct PDFContent {
    public let fonts: FontFamily
    /// The content stream's operators so far.
    public private(set) var bytes: [UInt8] = []
    /// Per face: the scalar each glyph was first drawn for (`none` when unused); allocated on first use.
    var glyphScalars: [[UInt32]] = [[], [], [], []]
    /// Per face: glyphs drawn here for the first time, in order (so merging is proportional to them).
    var newGlyphs: [[UInt16]] = [[], [], [], []]
    /// The faces this content selects with `Tf`.
    public private(set) var stylesUsed: Set<FontStyle> = []
    var lineWidth: Double = 1
    var capStyleSet = false

    static let none = UInt32.max

    public init(fonts: FontFamily) {
        self.fonts = fonts
        bytes.reserveCapacity(8192)
    }

    /// The resource name of a face in every page's font dictionary.
    static func resourceName(_ style: FontStyle) -> String { "F\(style.rawValue + 1)" }

    /// The width of `text` in `style` at `size` points.
    public func width(of text: some StringProtocol, style: FontStyle, size: Double) -> Double {
        fonts[style].width(of: text, size: size)
    }

    /// Draws `text` on one line with its baseline starting at (`x`, `y`). Characters the font lacks are
    /// drawn as the font's drawing of them says (`TrueTypeFont.drawn`: a replacement character, or nothing).
    public mutating func text(_ text: some StringProtocol, x: Double, y: Double, style: FontStyle, size: Double) {
        guard !text.isEmpty else { return }
        let s = style.rawValue
        let font = fonts[style]
        if glyphScalars[s].isEmpty { glyphScalars[s] = [UInt32](repeating: Self.none, count: font.glyphCount) }
        stylesUsed.insert(style)
        bytes.append(contentsOf: "BT /F".utf8)
        PDFSyntax.appendInteger(&bytes, style.rawValue + 1)
        bytes.append(0x20)
        PDFSyntax.appendNumber(&bytes, size)
        bytes.append(contentsOf: " Tf 1 0 0 1 ".utf8)
        PDFSyntax.appendNumber(&bytes, x)
        bytes.append(0x20)
        PDFSyntax.appendNumber(&bytes, y)
        bytes.append(contentsOf: " Tm <".utf8)
        for scalar in text.unicodeScalars {
            guard let (g, stands) = font.drawn(scalar) else { continue }
            if glyphScalars[s][Int(g)] == Self.none {
                glyphScalars[s][Int(g)] = stands
                newGlyphs[s].append(g)
            }
            PDFSyntax.appendHex16(&bytes, g)
        }
        bytes.append(contentsOf: "> Tj ET\n".utf8)
    }

    mutating func setLineWidth(_ width: Double) {
        if !capStyleSet {
            // Projecting caps: lines meeting at a corner of a grid close it without a notch.
            bytes.append(contentsOf: "2 J\n".utf8)
            capStyleSet = true
        }
        guard width != lineWidth else { return }
        PDFSyntax.appendNumber(&bytes, width)
        bytes.append(contentsOf: " w\n".utf8)
        lineWidth = width
    }

    /// A straight line from (`x1`, `y1`) to (`x2`, `y2`), `width` points wide.
    public mutating func line(x1: Double, y1: Double, x2: Double, y2: Double, width: Double = 0.5) {
        setLineWidth(width)
        for v in [x1, y1] { PDFSyntax.appendNumber(&bytes, v); bytes.append(0x20) }
        bytes.append(contentsOf: "m ".utf8)
        for v in [x2, y2] { PDFSyntax.appendNumber(&bytes, v); bytes.append(0x20) }
        bytes.append(contentsOf: "l S\n".utf8)
    }

    /// The outline of a rectangle whose lower-left corner is (`x`, `y`).
    public mutating func strokeRectangle(x: Double, y: Double, width: Double, height: Double, lineWidth: Double = 0.5) {
        setLineWidth(lineWidth)
        appendRectangle(x, y, width, height)
        bytes.append(contentsOf: "S\n".utf8)
    }

    /// A filled (black) rectangle whose lower-left corner is (`x`, `y`).
    public mutating func fillRectangle(x: Double, y: Double, width: Double, height: Double) {
        appendRectangle(x, y, width, height)
        bytes.append(contentsOf: "f\n".utf8)
    }

    mutating func appendRectangle(_ x: Double, _ y: Double, _ w: Double, _ h: Double) {
        for v in [x, y, w, h] { PDFSyntax.appendNumber(&bytes, v); bytes.append(0x20) }
        bytes.append(contentsOf: "re ".utf8)
    }

    /// Draws a square matrix of `count` × `count` modules (a QR code) whose lower-left corner is (`x`, `y`):
    /// `isDark(column, row)` with row 0 at the top. Dark modules are filled; horizontal runs of dark modules
    /// in a row are merged into one rectangle, and all of them are filled at once.
    public mutating func drawModules(isDark: (Int, Int) -> Bool, count: Int, x: Double, y: Double, moduleSize: Double) {
        guard count > 0 else { return }
        var any = false
        for row in 0..<count {
            var column = 0
            while column < count {
                guard isDark(column, row) else {
                    column += 1
                    continue
                }
                var end = column + 1
                while end < count && isDark(end, row) { end += 1 }
                appendRectangle(
                    x + Double(column) * moduleSize, y + Double(count - 1 - row) * moduleSize,
                    Double(end - column) * moduleSize, moduleSize)
                any = true
                column = end
            }
        }
        if any { bytes.append(contentsOf: "f\n".utf8) }
    }

    /// Appends raw content-stream operators (for what the builder does not cover).
    public mutating func appendOperators(_ text: String) {
        bytes += Array(text.utf8)
        if bytes.last != 0x0A { bytes.append(0x0A) }
    }

    /// Marks `style` as used by this content without drawing (so a page's resources name it).
    public mutating func declare(_ style: FontStyle) { stylesUsed.insert(style) }
}
