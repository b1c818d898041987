extension TrueTypeFont {
    /// What is drawn for `scalar`, and the character that glyph stands for (for the text a reader copies out):
    /// its own glyph; nothing for an invisible formatting character or mark the font lacks (a joiner, a
    /// variation selector); else the replacement character "�" (or "?"), so that a letter the font lacks
    /// shows as missing rather than as a blank (a Chinese name in a Latin font).
    @inline(__always)
    public func drawn(_ scalar: Unicode.Scalar) -> (glyph: UInt16, stands: UInt32)? {
        let code = scalar.value
        // Zero-width spaces, joiners, direction marks, word joiners, variation selectors, the byte order mark
        // and tags are never drawn (some fonts give them a visible glyph).
        if code >= 0x200B
            && (code <= 0x200F || (0x202A...0x202E).contains(code) || (0x2060...0x206F).contains(code)
                || (0xFE00...0xFE0F).contains(code) || code == 0xFEFF || (0xE0000...0xE0FFF).contains(code))
        {
            return nil
        }
        let g = code < 0x10000 ? bmpGlyphs[Int(code)] : (supplementaryGlyphs[code] ?? 0)
        return g != 0 ? (g, code) : replacement(for: scalar)
    }

    func replacement(for scalar: Unicode.Scalar) -> (glyph: UInt16, stands: UInt32)? {
        switch scalar.properties.generalCategory {
        case .format, .nonspacingMark, .enclosingMark, .control: return nil
        default: break
        }
        if let g = glyph(for: "\u{FFFD}") { return (g, 0xFFFD) }
        if let g = glyph(for: "?") { return (g, 0x3F) }
        return (0, 0xFFFD)
    }

    /// The advance of `glyph` in PDF glyph space (1/1000 em), rounded: the value written in the `/W` array.
    public func pdfAdvance(of glyph: UInt16) -> Int {
        Int(glyph) < pdfAdvances.count ? Int(pdfAdvances[Int(glyph)]) : 0
    }

    /// The width of `text` in 1/1000 em (sum of the `drawn` glyphs' `pdfAdvance`; no kerning). Exact, so that
    /// tests and line breaks do not depend on floating point.
    public func textUnits(_ text: some StringProtocol) -> Int {
        var total = 0
        for scalar in text.unicodeScalars {
            if let g = drawn(scalar)?.glyph { total += Int(pdfAdvances[Int(g)]) }
        }
        return total
    }

    /// The width of `text` in points when set at `size` points.
    public func width(of text: some StringProtocol, size: Double) -> Double {
        Double(textUnits(text)) * size / 1000
    }
}

/// Greedy line breaking on a font's real advance widths.
///
/// Lines break at spaces; a "\n" in the text always starts a new line; a word wider than the line is cut
/// between grapheme clusters (user-perceived characters, so a letter and its combining marks stay together).
/// Runs of spaces count as one and are not kept at the ends of lines.
public struct LineBreaker: Sendable {
    public let font: TrueTypeFont
    public let size: Double

    public init(font: TrueTypeFont, size: Double) {
        self.font = font
        self.size = size
    }

    /// The lines of `text` that fit `width` points (a single grapheme wider than the line stays alone on its
    /// line). An empty text gives one empty line.
    public func lines(_ text: String, width: Double) -> [String] {
        let limit = units(width)
        var out: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            out += breakParagraph(paragraph, limit: limit)
        }
        return out
    }

    /// The line's room in 1/1000 em at this size.
    func units(_ width: Double) -> Int { Int((width * 1000 / size + 1e-6).rounded(.down)) }

    /// The widest line of `text` in points (after breaking at "\n" only).
    public func naturalWidth(_ text: String) -> Double {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { font.width(of: $0, size: size) }.max() ?? 0
    }

    func breakParagraph(_ paragraph: Substring, limit: Int) -> [String] {
        let space = font.textUnits(" ")
        var lines: [String] = []
        var current = ""
        var currentUnits = 0
        for word in paragraph.split(separator: " ") {
            let w = font.textUnits(word)
            if !current.isEmpty && currentUnits + space + w <= limit {
                current += " "
                current += word
                currentUnits += space + w
                continue
            }
            if !current.isEmpty {
                lines.append(current)
                current = ""
                currentUnits = 0
            }
            if w <= limit {
                current = String(word)
                currentUnits = w
            } else {
                // Cut the word between graphemes; the last piece starts the next line.
                var piece = ""
                var pieceUnits = 0
                for grapheme in word {
                    let g = font.textUnits(String(grapheme))
                    if !piece.isEmpty && pieceUnits + g > limit {
                        lines.append(piece)
                        piece = ""
                        pieceUnits = 0
                    }
                    piece.append(grapheme)
                    pieceUnits += g
                }
                current = piece
                currentUnits = pieceUnits
            }
        }
        if !current.isEmpty || lines.isEmpty { lines.append(current) }
        return lines
    }
}
