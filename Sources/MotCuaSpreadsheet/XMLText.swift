/// A reusable byte buffer for XML, with the escaping that SpreadsheetML text needs.
struct XMLBuffer {
    var bytes: [UInt8] = []

    init(capacity: Int) { bytes.reserveCapacity(capacity) }

    mutating func removeAll() { bytes.removeAll(keepingCapacity: true) }

    /// Appends literal markup.
    mutating func raw(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    /// Appends text that needs no escaping (numbers, references, known names). Not named `raw`, so that
    /// literals take the `StaticString` path.
    mutating func unescaped(_ text: String) {
        bytes.append(contentsOf: text.utf8)
    }

    mutating func decimal(_ value: Int) {
        if value < 0 {
            bytes.append(UInt8(ascii: "-"))
            decimal(UInt(value.magnitude))
        } else {
            decimal(UInt(value))
        }
    }

    mutating func decimal(_ value: UInt) {
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)  // room for 20 digits
        var count = 0
        var rest = value
        withUnsafeMutableBytes(of: &digits) { buffer in
            repeat {
                buffer[23 - count] = UInt8(ascii: "0") + UInt8(rest % 10)
                rest /= 10
                count += 1
            } while rest > 0
            bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: buffer[(24 - count)...]))
        }
    }

    /// Appends `text` as XML character data or attribute content (see `XMLText.escape`).
    /// Returns the number of UTF-16 code units written, at most `limit`.
    @discardableResult
    mutating func escaped(_ text: String, limit: Int = Int.max) -> Int {
        XMLText.escape(text, into: &bytes, limit: limit)
    }
}

enum XMLText {
    /// The most characters (UTF-16 code units) a spreadsheet cell holds.
    static let cellCharacterLimit = 32_767

    /// Appends `text` escaped for XML 1.0 content and attribute values:
    /// - `& < > " '` become entity references;
    /// - characters XML 1.0 forbids are dropped: the C0 controls other than tab, line feed and carriage
    ///   return, and U+FFFE, U+FFFF (Swift strings hold no lone surrogates);
    /// - CR LF and a lone CR become LF (a parser would turn them into LF anyway; a spreadsheet's line
    ///   break inside a cell is LF);
    /// - an underscore that starts `_xHHHH_` is written `_x005F_`, because SpreadsheetML readers decode
    ///   `_xHHHH_` in cell text as the character U+HHHH (ECMA-376 Part 1, 22.9.2.19, ST_Xstring);
    /// - the text stops before it would exceed `limit` UTF-16 code units (never inside a character).
    /// Returns the number of UTF-16 code units written.
    @discardableResult
    static func escape(_ text: String, into out: inout [UInt8], limit: Int = Int.max) -> Int {
        var text = text
        return text.withUTF8 { utf8 -> Int in
            var units = 0
            var i = 0
            let n = utf8.count
            var runStart = 0  // bytes from here to i are copied unchanged, in one append
            func flush(_ end: Int) {
                if end > runStart { out.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<end])) }
            }
            while i < n {
                let byte = utf8[i]
                // Width of this UTF-8 sequence and its UTF-16 length.
                let length = byte < 0x80 ? 1 : byte < 0xE0 ? 2 : byte < 0xF0 ? 3 : 4
                let width = length == 4 ? 2 : 1
                if units + width > limit { break }
                let replacement: StaticString?
                var consumed = length
                switch byte {
                case UInt8(ascii: "&"): replacement = "&amp;"
                case UInt8(ascii: "<"): replacement = "&lt;"
                case UInt8(ascii: ">"): replacement = "&gt;"
                case UInt8(ascii: "\""): replacement = "&quot;"
                case UInt8(ascii: "'"): replacement = "&apos;"
                case 0x0D:
                    // CR LF: drop the CR (the LF follows); a lone CR becomes LF.
                    replacement = i + 1 < n && utf8[i + 1] == 0x0A ? "" : "\n"
                case 0x09, 0x0A:
                    replacement = nil
                case 0x00..<0x20:
                    replacement = ""  // forbidden control character: dropped
                case UInt8(ascii: "_") where isEscapeSequence(utf8, at: i):
                    replacement = "_x005F_"
                case 0xEF where i + 2 < n && utf8[i + 1] == 0xBF && (utf8[i + 2] == 0xBE || utf8[i + 2] == 0xBF):
                    replacement = ""  // U+FFFE, U+FFFF: not XML characters
                    consumed = 3
                default:
                    replacement = nil
                }
                if let replacement {
                    flush(i)
                    replacement.withUTF8Buffer { out.append(contentsOf: $0) }
                    runStart = i + consumed
                }
                if replacement == nil || replacement!.utf8CodeUnitCount > 0 { units += width }
                i += consumed
            }
            flush(min(i, n))
            return units
        }
    }

    /// Whether `utf8[i...]` starts with `_x`, four hexadecimal digits and `_`.
    private static func isEscapeSequence(_ utf8: UnsafeBufferPointer<UInt8>, at i: Int) -> Bool {
        guard i + 6 < utf8.count, utf8[i + 1] == UInt8(ascii: "x") || utf8[i + 1] == UInt8(ascii: "X"),
            utf8[i + 6] == UInt8(ascii: "_")
        else { return false }
        for k in (i + 2)..<(i + 6) {
            let c = utf8[k] | 0x20
            guard
                (c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9")) || (c >= UInt8(ascii: "a") && c <= UInt8(ascii: "f"))
            else {
                return false
            }
        }
        return true
    }

    /// Whether text needs `xml:space="preserve"`: leading or trailing white space, which XML processors
    /// and spreadsheet programs would otherwise trim.
    static func needsPreserve(_ text: String) -> Bool {
        func isSpace(_ b: UInt8?) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }
        return isSpace(text.utf8.first) || isSpace(text.utf8.last)
    }
}
