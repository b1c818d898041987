import Testing

@testable import MotCuaCore

/// The JSON writer escapes by runs of bytes (fast for exports); it must write exactly what escaping scalar by
/// scalar writes, and read back to the same string.
@Suite struct JSONEscapeTests {
    /// The reference: one scalar at a time.
    static func reference(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    @Test func runsEscapeLikeScalars() throws {
        let pieces = [
            "", "a", "Đặng Văn Đức", "\"", "\\", "\n", "\r\n", "\t", "\u{0}", "\u{1F}", "\u{7F}", "e\u{301}",
            "\"\u{301}", "👨‍👩‍👧", "🇻🇳", "=cmd|' /C calc'!A0", "x\u{1E}y\u{1F}z", "\\\"\\\""
        ]
        var generator = SystemRandomNumberGenerator()
        var strings = pieces
        for _ in 0..<2000 {
            let n = Int.random(in: 0...6, using: &generator)
            strings.append((0..<n).map { _ in pieces.randomElement(using: &generator)! }.joined())
        }
        for s in strings {
            let written = JSONValue.string(s).compactText
            #expect(written == Self.reference(s), "\(Array(s.unicodeScalars.map(\.value)))")
            #expect(try JSONParser.parse(written) == .string(s))
        }
    }
}
