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

/// `LocalDateTime.iso` writes its digits directly; it must equal the date's and the time's own texts and
/// parse back, over the whole range the program accepts and beyond.
@Suite struct DateTimeTextTests {
    @Test func isoIsTheDateAndTheTime() throws {
        var generator = SystemRandomNumberGenerator()
        let low = LocalDateTime(iso: "0001-01-01 00:00")!.minutes
        let high = LocalDateTime(iso: "9999-12-31 23:59")!.minutes
        var samples = [
            low, high, LocalDateTime(iso: "1900-01-01 00:00")!.minutes, LocalDateTime(iso: "2199-12-31 23:59")!.minutes
        ]
        for _ in 0..<20_000 { samples.append(Int.random(in: low...high, using: &generator)) }
        for m in samples {
            let t = LocalDateTime(minutes: m)
            #expect(t.iso == "\(t.date.iso) \(t.time.text)")
            #expect(LocalDateTime(iso: t.iso) == t)
        }
    }
}
