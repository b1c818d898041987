import MotCuaCore
import Testing

@testable import MotCuaStore

/// `CSV.line` works on bytes for speed; it must write exactly what the field-by-field definition writes:
/// quoted when a field holds a comma, a quote or a line break, quotes doubled, a formula-like field prefixed
/// with an apostrophe.
@Suite struct CSVLineTests {
    /// Scalar by scalar. (The first version compared Characters, so a quote followed by a combining mark —
    /// one Character — was neither quoted nor doubled, and the CSV broke; bytes and scalars get it right.)
    static func reference(_ fields: [String]) -> String {
        fields.map { raw in
            let f = CSV.isFormulaLike(raw) ? "'" + raw : raw
            guard f.unicodeScalars.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else {
                return f
            }
            var out = String.UnicodeScalarView()
            out.append("\"")
            for scalar in f.unicodeScalars {
                out.append(scalar)
                if scalar == "\"" { out.append("\"") }
            }
            out.append("\"")
            return String(out)
        }.joined(separator: ",") + "\r\n"
    }

    @Test func aQuoteBeforeACombiningMarkIsStillAQuote() throws {
        #expect(CSV.line(["\"\u{301}"]) == "\"\"\"\u{301}\"\r\n")
        var reader = CSVReader(bytes: Array(CSV.line(["a\"\u{301}b", "c"]).utf8))
        #expect(try reader.next()?.fields == ["a\"\u{301}b", "c"])
    }

    @Test func bytesWriteWhatTheDefinitionWrites() {
        let pieces = [
            "", "a", "Đặng Văn Đức", "\"", "\"\"", ",", "\n", "\r\n", "\r", "=1+1", "+84", "-", "@x", "\t",
            "e\u{301}", "\"\u{301}", "👨‍👩‍👧", "{\"due\":\"2026-09-23 09:00\"}", "x,y\"z"
        ]
        var generator = SystemRandomNumberGenerator()
        var rows: [[String]] = pieces.map { [$0] } + [pieces]
        for _ in 0..<2000 {
            rows.append(
                (0..<Int.random(in: 1...5, using: &generator)).map { _ in
                    (0..<Int.random(in: 0...3, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }
                        .joined()
                })
        }
        for row in rows {
            #expect(CSV.line(row) == Self.reference(row), "\(row)")
        }
    }
}
