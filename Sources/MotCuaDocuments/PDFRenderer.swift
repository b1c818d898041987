import MotCuaPDF

/// How the pages of a PDF are numbered.
public enum PDFPageNumbering: Sendable, Equatable {
    /// Landscape documents (the reports' wide tables) get `pageOfTotal`, the others `administrative`.
    case automatic
    /// Nghị định 30/2020/NĐ-CP: Arabic numerals centred in the top margin, from the second page on. A page
    /// break in the document (between the two copies of a receipt) starts a new sheet sequence, so each copy
    /// is numbered on its own and a one-page copy carries no number.
    case administrative
    /// "Trang n/N" at the bottom right of every page, N being the document's page count (written when known).
    case pageOfTotal
    case none
}

/// Renders a `Document` as PDF with an embedded, subset serif font (Liberation Serif or DejaVu Serif), in the
/// layout of Vietnamese administrative documents (Nghị định 30/2020/NĐ-CP, Phụ lục I): margins, the
/// two-column header with its rules, centred bold titles, italic place and date, tables with a full grid and
/// headers repeated on every page, signature blocks.
///
/// Pages are written to the sink as they are laid out, so a long report needs memory for one page only (and
/// the document model itself).
public struct PDFRenderer: Sendable {
    public let fonts: FontFamily
    /// The creation date written in the document information (the renderer never reads a clock).
    public var creationDate: PDFDate?
    public var pageNumbering: PDFPageNumbering
    public var compressStreams: Bool

    public init(
        fonts: FontFamily, creationDate: PDFDate?, pageNumbering: PDFPageNumbering = .automatic,
        compressStreams: Bool = true
    ) {
        self.fonts = fonts
        self.creationDate = creationDate
        self.pageNumbering = pageNumbering
        self.compressStreams = compressStreams
    }

    /// Writes `document` to `sink`; returns the number of pages.
    @discardableResult
    public func render(_ document: Document, to sink: any PDFSink) throws -> Int {
        let writer = try PDFWriter(
            sink: sink, fonts: fonts,
            info: PDFDocumentInfo(title: document.caption, subject: document.kind, creationDate: creationDate),
            options: .init(compressStreams: compressStreams))
        let metrics = PDFLayoutMetrics(document.pageSize)
        var numbering = pageNumbering
        if numbering == .automatic { numbering = document.pageSize.isLandscape ? .pageOfTotal : .administrative }
        var layout = PDFLayout(writer: writer, metrics: metrics, numbering: numbering)
        let blocks = Self.joinContinuedTables(document.blocks)
        for (i, block) in blocks.enumerated() {
            var signOff = 0.0
            switch block {
            case .table: signOff = layout.signOffHeight(blocks[(i + 1)...])
            case .field, .paragraph, .listItem, .line:
                signOff = layout.signOffHeight(blocks[(i + 1)...], afterTable: false)
            default: break
            }
            try layout.place(
                block, previous: i > 0 ? blocks[i - 1] : nil, next: i + 1 < blocks.count ? blocks[i + 1] : nil,
                signOff: signOff)
        }
        try layout.finish()
        return writer.pageCount
    }

    /// The PDF of `document` in memory.
    public func data(_ document: Document) throws -> [UInt8] {
        let sink = MemorySink()
        try render(document, to: sink)
        return sink.bytes
    }

    /// Drops `textPagination` blocks and joins a table with the next one when only such blocks lie between
    /// them and both have the same columns: the PDF paginates by itself and repeats the headers.
    static func joinContinuedTables(_ blocks: [DocumentBlock]) -> [DocumentBlock] {
        var out: [DocumentBlock] = []
        var skippedSinceTable = false
        for block in blocks {
            switch block {
            case .textPagination:
                skippedSinceTable = true
                continue
            case .table(let t):
                if skippedSinceTable, case .table(var previous)? = out.last, sameColumns(previous, t) {
                    previous.rows += t.rows
                    out[out.count - 1] = .table(previous)
                } else {
                    out.append(block)
                }
            default:
                out.append(block)
            }
            skippedSinceTable = false
        }
        return out
    }

    static func sameColumns(_ a: DocumentTable, _ b: DocumentTable) -> Bool {
        a.headers == b.headers && a.widths == b.widths && a.alignments == b.alignments
            && a.columnNumbers == b.columnNumbers
            && a.groups.map(\.title) == b.groups.map(\.title) && a.groups.map(\.span) == b.groups.map(\.span)
    }
}

/// Sizes of one paper format: margins (ND 30: top and bottom 20–25 mm, left 30–35 mm, right 15–20 mm on
/// A4, scaled for A5; narrower for landscape tables) and type sizes.
struct PDFLayoutMetrics {
    var page: PDFPageSize
    var top: Double, bottom: Double, left: Double, right: Double
    /// Running text, fields, lists.
    var body: Double
    /// The header's body names and the national name (12–13 pt on A4).
    var headerSmall: Double
    /// "Độc lập - Tự do - Hạnh phúc" (13–14 pt on A4).
    var motto: Double
    var title: Double
    /// Table cells.
    var cell: Double
    /// Baseline-to-baseline distance as a multiple of the type size.
    var leading: Double = 1.15
    var cellPadX: Double, cellPadY: Double
    var rule: Double, grid: Double
    /// The empty space for a signature, in body lines.
    var signatureLines: Double
    /// The side of a QR code symbol.
    var qrSide: Double

    init(_ size: PageSize) {
        let mm = PDFPageSize.points(mm:)
        switch size {
        case .a4:
            page = .a4Portrait
            (top, bottom, left, right) = (mm(20), mm(20), mm(30), mm(15))
            (body, headerSmall, motto, title, cell) = (13, 12, 13, 14, 11)
            (cellPadX, cellPadY, rule, grid) = (3, 2, 0.6, 0.5)
            leading = 1.25
            signatureLines = 4.5
            qrSide = mm(24)
        case .a5:
            // A4's margins scaled by about 148/210, the body type by 11/13; the header is smaller still so
            // that the national name keeps to one line beside the bodies' names.
            page = .a5Portrait
            (top, bottom, left, right) = (mm(14), mm(12), mm(20), mm(10))
            (body, headerSmall, motto, title, cell) = (11, 9, 10, 12, 10)
            (cellPadX, cellPadY, rule, grid) = (2.5, 1.5, 0.5, 0.45)
            signatureLines = 3
            qrSide = mm(18)
        case .a4Landscape:
            page = .a4Landscape
            (top, bottom, left, right) = (mm(15), mm(15), mm(20), mm(15))
            (body, headerSmall, motto, title, cell) = (12, 12, 13, 14, 10)
            (cellPadX, cellPadY, rule, grid) = (2.5, 1.5, 0.6, 0.45)
            signatureLines = 4
            qrSide = mm(24)
        }
    }

    var textWidth: Double { page.width - left - right }
    func lineHeight(_ size: Double) -> Double { size * leading }
    /// From the top of a line box to its baseline.
    func ascent(_ size: Double) -> Double { size * 0.95 }
}

/// Lays blocks out top to bottom, page after page, writing each page when it is full.
struct PDFLayout {
    let writer: PDFWriter
    let m: PDFLayoutMetrics
    let numbering: PDFPageNumbering
    var content: PDFContent
    /// The top of the free space on the current page.
    var y: Double
    /// Whether anything was drawn on the current page (a new page is not started for an empty one).
    var pageHasContent = false
    /// The page's number within the current sheet sequence (administrative numbering).
    var pageInSection = 1
    /// The late content stream of each page ("Trang n/N").
    var footers: [PDFObjectRef] = []
    /// A box at the right margin (the QR code) beside which text flows narrower, down to `bottom`.
    var float: (bottom: Double, width: Double)?

    init(writer: PDFWriter, metrics: PDFLayoutMetrics, numbering: PDFPageNumbering) {
        self.writer = writer
        m = metrics
        self.numbering = numbering
        content = writer.makeContent()
        y = m.page.height - m.top
        startPage()
    }

    var fonts: FontFamily { writer.fonts }
    var bottomLimit: Double { m.bottom }
    var room: Double { y - bottomLimit }
    var fullRoom: Double { m.page.height - m.top - m.bottom }

    // MARK: Pages

    mutating func startPage() {
        y = m.page.height - m.top
        pageHasContent = false
        float = nil
        if numbering == .administrative && pageInSection >= 2 {
            let text = String(pageInSection)
            let w = content.width(of: text, style: .regular, size: m.body)
            content.text(
                text, x: (m.page.width - w) / 2, y: m.page.height - m.top / 2 - m.body * 0.3, style: .regular,
                size: m.body)
        }
    }

    mutating func endPage() throws {
        if numbering == .pageOfTotal {
            let ref = writer.reserveObject()
            footers.append(ref)
            try writer.addPage(size: m.page, content: content, lateContents: [ref], lateStyles: [.regular])
        } else {
            try writer.addPage(size: m.page, content: content)
        }
        content = writer.makeContent()
    }

    /// Continues on a new page of the same sheet sequence.
    mutating func newPage() throws {
        try endPage()
        pageInSection += 1
        startPage()
    }

    /// Makes sure `height` points fit below the cursor: starts a new page when they do not (unless the page is
    /// still empty, where nothing would be gained).
    mutating func ensure(_ height: Double) throws {
        if height > room && pageHasContent { try newPage() }
    }

    mutating func finish() throws {
        try endPage()
        let total = writer.pageCount
        let size = m.cell
        for (i, ref) in footers.enumerated() {
            var footer = writer.makeContent()
            let text = "Trang \(i + 1)/\(total)"
            let w = footer.width(of: text, style: .regular, size: size)
            footer.text(text, x: m.page.width - m.right - w, y: m.bottom / 2 - size * 0.3, style: .regular, size: size)
            try writer.writeLateContent(ref, footer)
        }
        try writer.finish()
    }

    // MARK: Text

    func breaker(_ style: FontStyle, _ size: Double) -> LineBreaker { LineBreaker(font: fonts[style], size: size) }

    func width(_ text: String, _ style: FontStyle, _ size: Double) -> Double {
        fonts[style].width(of: text, size: size)
    }

    /// Draws one line in the box [x, x + width] aligned as asked, its line box starting at `top`.
    mutating func drawLine(
        _ text: String, style: FontStyle, size: Double, x: Double, width: Double, top: Double,
        alignment: Alignment = .left
    ) {
        guard !text.isEmpty else { return }
        let w = self.width(text, style, size)
        let dx: Double
        switch alignment {
        case .left: dx = 0
        case .center: dx = max(0, (width - w) / 2)
        case .right: dx = max(0, width - w)
        }
        content.text(text, x: x + dx, y: top - m.ascent(size), style: style, size: size)
        pageHasContent = true
    }

    /// Draws lines one under the other from the cursor, breaking pages between lines.
    mutating func flow(
        _ lines: [(text: String, indent: Double)], style: FontStyle, size: Double, alignment: Alignment = .left
    ) throws {
        let h = m.lineHeight(size)
        for line in lines {
            try ensure(h)
            drawLine(
                line.text, style: style, size: size, x: m.left + line.indent, width: m.textWidth - line.indent, top: y,
                alignment: alignment)
            y -= h
        }
    }

    // MARK: Blocks

    /// The width for running text: narrower beside a float.
    var flowWidth: Double {
        guard let f = float, y > f.bottom else { return m.textWidth }
        return m.textWidth - f.width - m.body
    }

    /// Moves below the float, if any.
    mutating func clearFloat() {
        if let f = float { y = min(y, f.bottom) }
        float = nil
    }

    /// Places one block; `signOff` is, for a table or the last text before the signatures, the height of what
    /// signs the document off after it (kept on the same page as the block's end).
    mutating func place(
        _ block: DocumentBlock, previous: DocumentBlock?, next: DocumentBlock?, signOff: Double
    ) throws {
        if let f = float, y <= f.bottom { float = nil }
        switch block {
        case .paragraph, .field, .listItem, .space, .textPagination, .line(_, .left): break
        default: clearFloat()
        }
        switch block {
        case let .header(left, right):
            try header(left: left, right: right)
        case let .title(title, subtitle):
            let titleLines = breaker(.bold, m.title).lines(title.uppercased(), width: m.textWidth)
            let subtitleLines = subtitle.flatMap { breaker(.regular, m.body).lines($0, width: m.textWidth) }
            try ensure(
                Double(titleLines.count) * m.lineHeight(m.title) + Double(min(1, subtitleLines.count))
                    * m.lineHeight(m.body)
                    + keepWithNext(next))
            try flow(titleLines.map { ($0, 0) }, style: .bold, size: m.title, alignment: .center)
            try flow(subtitleLines.map { ($0, 0) }, style: .regular, size: m.body, alignment: .center)
        case let .field(label, value):
            try field(label: label, value: value, next: next, signOff: signOff)
        case .paragraph(let text):
            // Consecutive paragraphs are set apart a little (ND 30: at least 6 pt on A4).
            if case .paragraph? = previous, pageHasContent { y -= m.lineHeight(m.body) * 0.35 }
            let lines = breaker(.regular, m.body).lines(text, width: flowWidth)
            try ensure(roomBefore(lines: lines.count, size: m.body, next: next, signOff: signOff))
            try flow(lines.map { ($0, 0) }, style: .regular, size: m.body)
        case let .listItem(number, text):
            let prefix = "\(number). "
            let indent = width(prefix, .regular, m.body)
            var lines = breaker(.regular, m.body).lines(text, width: flowWidth - indent).map {
                (text: $0, indent: indent)
            }
            lines[0] = (prefix + lines[0].text, 0)
            try ensure(roomBefore(lines: lines.count, size: m.body, next: next, signOff: signOff))
            try flow(lines, style: .regular, size: m.body)
        case let .line(text, alignment):
            try line(text, alignment, previous: previous, next: next, signOff: signOff)
        case .table(let table):
            try self.table(table, signOff: signOff)
        case .signatures(let signatures):
            try self.signatures(signatures)
        case let .closing(recipients, signature):
            try closing(recipients: recipients, signature: signature)
        case let .numberAndDate(number, placeAndDate):
            try numberAndDate(number, placeAndDate, previous: previous)
        case .space(let n):
            // Half a body line per empty line of the text rendering: paper is scarcer than screen rows.
            // At the foot of a page the space is simply used up: the next block starts the new page (so a
            // trailing space never makes an empty last page).
            if pageHasContent { y = max(bottomLimit, y - Double(n) * m.lineHeight(m.body) * 0.5) }
        case .pageBreak:
            // A new sheet sequence (the next copy of a receipt); an empty page is reused, not written.
            if pageHasContent { try endPage() } else { content = writer.makeContent() }
            pageInSection = 1
            startPage()
        case let .qrCode(payload, caption):
            try qrCode(payload: payload, caption: caption)
        case .textPagination:
            break
        }
    }

    /// Room to keep a lead-in line with what follows it: a table's header and first row, or one line.
    func keepWithNext(_ next: DocumentBlock?) -> Double {
        switch next {
        case .table(let t)?: return tableHeaderHeight(t, columnWidths(t)) + 2 * m.lineHeight(m.cell) + 2 * m.cellPadY
        case .field?, .listItem?, .paragraph?: return m.lineHeight(m.body)
        default: return 0
        }
    }

    mutating func line(
        _ text: String, _ alignment: Alignment, previous: DocumentBlock?, next: DocumentBlock?, signOff: Double
    ) throws {
        // The place-and-date line right after the header: italic, centred under the national motto.
        if alignment == .right, case let .header(_, right)? = previous {
            let (left, right) = (headerLeft(previous), right)
            let (_, rightX, rightWidth) = headerColumns(right, scale: headerScale(left: left, right: right))
            let w = width(text, .italic, m.body)
            try ensure(m.lineHeight(m.body))
            y -= m.lineHeight(m.body) * 0.25
            if w <= rightWidth {
                drawLine(text, style: .italic, size: m.body, x: rightX, width: rightWidth, top: y, alignment: .center)
                y -= m.lineHeight(m.body)
            } else {
                let lines = breaker(.italic, m.body).lines(text, width: m.textWidth)
                try flow(lines.map { ($0, 0) }, style: .italic, size: m.body, alignment: .right)
            }
            return
        }
        let lines = breaker(.regular, m.body).lines(text, width: alignment == .left ? flowWidth : m.textWidth)
        try ensure(roomBefore(lines: lines.count, size: m.body, next: next, signOff: signOff))
        try flow(lines.map { ($0, 0) }, style: .regular, size: m.body, alignment: alignment)
    }

    /// "Label: value": the value follows the label and its continuation lines hang under it when the label is
    /// short (at most a third of the line); after a long label they start a little indented, and a value that
    /// does not fit beside a long label starts on the next line (an appointment is never split from its date).
    mutating func field(label: String, value: String, next: DocumentBlock?, signOff: Double) throws {
        let size = m.body
        let prefix = label.isEmpty ? "" : label + ": "
        let prefixWidth = width(prefix, .regular, size)
        let b = breaker(.regular, size)
        let full = flowWidth
        let indent = prefixWidth <= m.textWidth / 3 ? prefixWidth : 2 * size
        var lines: [(text: String, indent: Double)]
        if prefixWidth > m.textWidth / 3 && prefixWidth + width(value, .regular, size) > full && !value.isEmpty {
            lines = [(String(prefix.dropLast()), 0)] + b.lines(value, width: full - indent).map { ($0, indent) }
        } else {
            let first = b.lines(value, width: full - prefixWidth)
            let head = first.first ?? ""
            let rest = first.count > 1 ? first.dropFirst().joined(separator: " ") : ""
            lines = [(prefix + head, 0)]
            if !rest.isEmpty { lines += b.lines(rest, width: full - indent).map { ($0, indent) } }
            if value.contains("\n") {
                // Explicit lines inside the value: keep them as they are.
                lines = [(prefix + first[0], 0)] + first.dropFirst().map { ($0, indent) }
            }
        }
        try ensure(roomBefore(lines: lines.count, size: size, next: next, signOff: signOff))
        try flow(lines, style: .regular, size: size)
    }

    /// Room to ask before a block of `lines` lines: its first line and what must follow it; or, for the last
    /// text before the signatures, the whole block with them (when a page can hold both), so that the
    /// signatures never stand alone on a page.
    func roomBefore(lines: Int, size: Double, next: DocumentBlock?, signOff: Double) -> Double {
        let whole = Double(lines) * m.lineHeight(size) + signOff
        if signOff > 0 && whole <= fullRoom { return whole }
        return m.lineHeight(size) + keepWithNext(next)
    }

    // MARK: Header

    /// The header's columns: the right one is as wide as the national name needs (at least half the line,
    /// at most 62%), the left one takes the rest.
    func headerColumns(_ right: [String], scale: Double = 1) -> (leftWidth: Double, rightX: Double, rightWidth: Double)
    {
        let texts = right.filter { !Self.isRule($0) }
        var needed = 0.0
        for (i, t) in texts.enumerated() {
            let size = (i == 0 ? m.headerSmall : m.motto) * scale
            needed = max(needed, width(i == 0 ? t.uppercased() : t, .bold, size) + size)
        }
        let rightWidth = min(max(needed, m.textWidth * 0.5), m.textWidth * 0.62)
        return (m.textWidth - rightWidth, m.left + m.textWidth - rightWidth, rightWidth)
    }

    /// The header's type scale: 1, or down to 0.85 so that the governing body's name (the first line on the
    /// left) stays on one line beside the national name.
    func headerScale(left: [String], right: [String]) -> Double {
        guard let first = left.first(where: { !Self.isRule($0) }) else { return 1 }
        var scale = 1.0
        while scale > 0.85 {
            let columns = headerColumns(right, scale: scale)
            if width(first.uppercased(), .regular, m.headerSmall * scale) + m.headerSmall * scale <= columns.leftWidth {
                break
            }
            scale -= 0.025
        }
        return scale
    }

    func headerLeft(_ block: DocumentBlock?) -> [String] {
        if case let .header(left, _)? = block { return left }
        return []
    }

    /// A header line drawn as a rule in the text rendering ("──────").
    static func isRule(_ s: String) -> Bool {
        !s.isEmpty && s.unicodeScalars.allSatisfy { $0 == "─" || $0 == "-" || $0 == "_" || $0 == " " }
    }

    /// The two header columns of ND 30: on the left the governing body (regular) over the issuing body
    /// (bold), both upper case, with a short centred rule under them; on the right the national name (bold,
    /// upper case) over the motto (bold) with a rule as long as the motto. Rules given as text are replaced
    /// by drawn ones.
    mutating func header(left: [String], right: [String]) throws {
        let leftTexts = left.filter { !Self.isRule($0) }
        let rightTexts = right.filter { !Self.isRule($0) }
        let scale = headerScale(left: left, right: right)
        let small = m.headerSmall * scale, motto = m.motto * scale
        let (leftWidth, rightX, rightWidth) = headerColumns(right, scale: scale)
        var leftLines: [(String, FontStyle, Double)] = []
        for (i, t) in leftTexts.enumerated() {
            let style: FontStyle = i == leftTexts.count - 1 ? .bold : .regular
            for l in breaker(style, small).lines(t.uppercased(), width: leftWidth - small) {
                leftLines.append((l, style, small))
            }
        }
        var rightLines: [(String, FontStyle, Double)] = []
        for (i, t) in rightTexts.enumerated() {
            let size = i == 0 ? small : motto
            for l in breaker(.bold, size).lines(i == 0 ? t.uppercased() : t, width: rightWidth) {
                rightLines.append((l, .bold, size))
            }
        }
        func height(_ lines: [(String, FontStyle, Double)]) -> Double { lines.reduce(0) { $0 + m.lineHeight($1.2) } }
        let ruleGap = small * 0.6
        let total = max(height(leftLines), height(rightLines)) + ruleGap + m.rule
        try ensure(total)
        let top = y
        var cursor = top
        var lastBold: (width: Double, bottom: Double)?
        for (text, style, size) in leftLines {
            drawLine(text, style: style, size: size, x: m.left, width: leftWidth, top: cursor, alignment: .center)
            cursor -= m.lineHeight(size)
            if style == .bold {
                let w = width(text, style, size)
                lastBold = (max(w, lastBold?.width ?? 0), cursor)
            }
        }
        if let bold = lastBold {
            let length = bold.width * 0.4
            let ry = bold.bottom + m.lineHeight(small) - m.ascent(small) - ruleGap
            let cx = m.left + leftWidth / 2
            content.line(x1: cx - length / 2, y1: ry, x2: cx + length / 2, y2: ry, width: m.rule)
        }
        cursor = top
        for (text, style, size) in rightLines {
            drawLine(text, style: style, size: size, x: rightX, width: rightWidth, top: cursor, alignment: .center)
            cursor -= m.lineHeight(size)
        }
        if let last = rightLines.last, rightLines.count >= 2 {
            let w = width(last.0, last.1, last.2)
            let ry = cursor + m.lineHeight(last.2) - m.ascent(last.2) - ruleGap
            let cx = rightX + rightWidth / 2
            content.line(x1: cx - w / 2, y1: ry, x2: cx + w / 2, y2: ry, width: m.rule)
        }
        y = top - total
        pageHasContent = true
    }

    // MARK: Letters

    /// The number under the issuing body and the place and date (italic) under the national motto, in the
    /// header's columns when a header precedes it.
    mutating func numberAndDate(_ number: String, _ placeAndDate: String, previous: DocumentBlock?) throws {
        var leftWidth = m.textWidth / 2
        var rightX = m.left + m.textWidth / 2
        var rightWidth = m.textWidth / 2
        if case let .header(left, right)? = previous {
            (leftWidth, rightX, rightWidth) = headerColumns(right, scale: headerScale(left: left, right: right))
        }
        let h = m.lineHeight(m.body)
        try ensure(h * 1.25)
        y -= h * 0.25
        drawLine(number, style: .regular, size: m.body, x: m.left, width: leftWidth, top: y, alignment: .center)
        let dateLines = breaker(.italic, m.body).lines(placeAndDate, width: rightWidth)
        for (i, line) in dateLines.enumerated() {
            drawLine(
                line, style: .italic, size: m.body, x: rightX, width: rightWidth, top: y - Double(i) * h,
                alignment: .center)
        }
        y -= h * Double(max(1, dateLines.count))
    }

    /// "Nơi nhận:" (bold italic) and its list (small) on the left, the signature on the right (Nghị định
    /// 30/2020, Phụ lục I); kept on one page.
    mutating func closing(recipients: [String], signature: Signature) throws {
        let half = m.textWidth / 2
        let small = max(m.cell, m.body - 2)
        let smallHeight = m.lineHeight(small)
        var left: [String] = []
        for r in recipients {
            let lines = breaker(.regular, small).lines("- " + r, width: half - small)
            left += lines.enumerated().map { $0.offset == 0 ? $0.element : "  " + $0.element }
        }
        let block = signatureBlock(signature, width: half)
        let leftHeight = m.lineHeight(small + 1) + Double(left.count) * smallHeight
        try ensure(max(leftHeight, block.height))
        let top = y
        drawLine("Nơi nhận:", style: .boldItalic, size: small + 1, x: m.left, width: half, top: top)
        var cursor = top - m.lineHeight(small + 1)
        for line in left {
            drawLine(line, style: .regular, size: small, x: m.left, width: half, top: cursor)
            cursor -= smallHeight
        }
        drawSignature(block, x: m.left + half, width: half, top: top, upper: block.upper)
        y = top - max(leftHeight, block.height)
        pageHasContent = true
    }

    // MARK: Signatures

    /// Signature blocks side by side (a single one stands in the right half): title bold upper case, the
    /// note in italic, the space to sign, the name in bold. Never split across pages.
    mutating func signatures(_ signatures: [Signature]) throws {
        guard !signatures.isEmpty else { return }
        let row = signatureRow(signatures)
        try ensure(row.height)
        let top = y
        for (i, b) in row.blocks.enumerated() {
            drawSignature(
                b, x: m.left + Double(row.firstColumn + i) * row.columnWidth, width: row.columnWidth, top: top,
                upper: row.upper)
        }
        y = top - row.height
        pageHasContent = true
    }

    /// Signatures side by side: the column width, the first column used (a single signature stands in the
    /// right half), each block, the tallest title and note (`upper`, so that the names line up), the height.
    struct SignatureRow {
        var columnWidth: Double, firstColumn: Int, blocks: [SignatureBlock], upper: Double, height: Double
    }

    func signatureRow(_ signatures: [Signature]) -> SignatureRow {
        let columns = signatures.count == 1 ? 2 : max(1, signatures.count)
        let w = m.textWidth / Double(columns)
        let blocks = signatures.map { signatureBlock($0, width: w) }
        let upper = blocks.map(\.upper).max() ?? 0
        let height = blocks.map { $0.height - $0.upper }.max().map { $0 + upper } ?? 0
        return SignatureRow(
            columnWidth: w, firstColumn: signatures.count == 1 ? 1 : 0, blocks: blocks, upper: upper, height: height)
    }

    struct SignatureBlock {
        var title: [String], note: [String], name: [String]
        /// The title and note's height, and the whole block's (with the space to sign and the name).
        var upper: Double, height: Double
    }

    /// A signature's lines in a column `width` wide: the title bold upper case (one line per "\n" at least),
    /// the note in italic, the name in bold.
    func signatureBlock(_ s: Signature, width w: Double) -> SignatureBlock {
        let size = m.body
        let lh = m.lineHeight(size)
        let title = breaker(.bold, size).lines(s.title.uppercased(), width: w - size)
        let note = s.note.isEmpty ? [] : breaker(.italic, size).lines(s.note, width: w - size)
        let name = s.name.isEmpty ? [] : breaker(.bold, size).lines(s.name, width: w - size)
        let upper = Double(title.count + note.count) * lh
        return SignatureBlock(
            title: title, note: note, name: name, upper: upper,
            height: upper + m.signatureLines * lh + max(Double(name.count), 1) * lh)
    }

    /// Draws a signature block; the space to sign starts `upper` below `top` (the tallest title of a row of
    /// signatures), so that the names line up.
    mutating func drawSignature(_ b: SignatureBlock, x: Double, width w: Double, top: Double, upper: Double) {
        let size = m.body
        let lh = m.lineHeight(size)
        var cursor = top
        for t in b.title {
            drawLine(t, style: .bold, size: size, x: x, width: w, top: cursor, alignment: .center)
            cursor -= lh
        }
        for t in b.note {
            drawLine(t, style: .italic, size: size, x: x, width: w, top: cursor, alignment: .center)
            cursor -= lh
        }
        cursor = top - upper - m.signatureLines * lh
        for t in b.name {
            drawLine(t, style: .bold, size: size, x: x, width: w, top: cursor, alignment: .center)
            cursor -= lh
        }
        pageHasContent = true
    }

    // MARK: QR code

    /// A QR code at the right margin with its caption (the case code) under it, floating: the running text
    /// that follows (paragraphs, fields, list items) flows beside it, narrower; anything else starts below it.
    /// A code that cannot be encoded leaves the caption alone, as "[Mã QR: …]".
    mutating func qrCode(payload: String, caption: String) throws {
        let captionSize = m.cell * 0.8
        guard let code = try? QRCode.encode(Array(payload.utf8), errorCorrection: .medium), code.size > 0 else {
            try flow([("[Mã QR: \(caption)]", 0)], style: .regular, size: m.body, alignment: .center)
            return
        }
        let side = m.qrSide
        // A long caption (a case code) is cut after its first hyphen rather than made wider than the symbol.
        var captionLines = [caption]
        if width(caption, .regular, captionSize) > side * 1.6, let dash = caption.firstIndex(of: "-") {
            captionLines = [String(caption[...dash]), String(caption[caption.index(after: dash)...])]
        }
        let captionWidth = captionLines.map { width($0, .regular, captionSize) }.max() ?? 0
        let boxWidth = max(side, captionWidth)
        let total = side + Double(captionLines.count) * m.lineHeight(captionSize) + captionSize * 0.3
        try ensure(total)
        let top = y
        let x = m.left + m.textWidth - boxWidth
        content.drawModules(
            isDark: { code.isDark(x: $0, y: $1) }, count: code.size, x: x + (boxWidth - side) / 2, y: top - side,
            moduleSize: side / Double(code.size))
        var cursor = top - side - captionSize * 0.3
        for line in captionLines {
            drawLine(line, style: .regular, size: captionSize, x: x, width: boxWidth, top: cursor, alignment: .center)
            cursor -= m.lineHeight(captionSize)
        }
        float = (top - total, boxWidth)
        pageHasContent = true
    }
}
