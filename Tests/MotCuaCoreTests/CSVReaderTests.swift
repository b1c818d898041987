import MotCuaCore
import Testing

/// The strict CSV reader: RFC 4180 accepted as written, everything else refused naming line and column, and
/// never the file's content.
@Suite struct CSVReaderTests {
    func records(_ text: String, chunk: Int = 3) throws -> [[String]] {
        let bytes = Array(text.utf8)
        var offset = 0
        // Tiny chunks: every boundary (inside a quote, between CR and LF, inside a UTF-8 letter) is crossed.
        var reader = CSVReader(nextChunk: {
            guard offset < bytes.count else { return nil }
            defer { offset += chunk }
            return Array(bytes[offset..<min(bytes.count, offset + chunk)])
        })
        var out: [[String]] = []
        while let (_, fields) = try reader.next() { out.append(fields) }
        return out
    }

    func error(_ text: String) -> CSVError? {
        do {
            _ = try records(text)
            return nil
        } catch {
            return error as? CSVError
        }
    }

    @Test func rfc4180AsWritten() throws {
        let text =
            "\u{FEFF}name,address,note\r\n\"Đặng Thị Mai\",\"Thôn 3, xã Tân Phú\",\"nói \"\"khẩn\"\"\"\r\nLê Văn Nam,,\"hai\r\ndòng\"\nX,Y,Z"
        for chunk in [1, 2, 3, 7, 1000] {
            #expect(
                try records(text, chunk: chunk) == [
                    ["name", "address", "note"], ["Đặng Thị Mai", "Thôn 3, xã Tân Phú", "nói \"khẩn\""],
                    ["Lê Văn Nam", "", "hai\r\ndòng"], ["X", "Y", "Z"]
                ], "chunk \(chunk)")
        }
        #expect(try records("a,b\n") == [["a", "b"]], "a final line end makes no empty record")
        #expect(try records("") == [])
    }

    struct Bad: Sendable, CustomTestStringConvertible {
        let text: String
        let expected: CSVError
        var testDescription: String { expected.description }
    }

    @Test(arguments: [
        Bad(text: "a,b\n\"open,c\nd,e\n", expected: CSVError(.unbalancedQuote, line: 2, column: 1)),
        Bad(text: "a,b\nx\"y,c\n", expected: CSVError(.strayQuote, line: 2, column: 1)),
        Bad(text: "a,b\n\"x\"y,c\n", expected: CSVError(.strayQuote, line: 2, column: 1)),
        Bad(text: "a,b\nx,y\rz\n", expected: CSVError(.bareCarriageReturn, line: 2, column: 2))
    ])
    func malformedFilesAreRefusedWithThePlace(_ bad: Bad) {
        #expect(error(bad.text) == bad.expected)
    }

    @Test func bytesThatAreNotUTF8() {
        var reader = CSVReader(bytes: Array("a,b\nx,".utf8) + [0xFF, 0x0A])
        #expect(throws: CSVError(.invalidUTF8, line: 2, column: 2)) {
            while try reader.next() != nil {}
        }
    }

    @Test func theTableChecksItsHeaderAndEveryRow() throws {
        func table(_ text: String) throws -> CSVTable {
            try CSVTable(
                CSVReader(bytes: Array(text.utf8)), known: ["procedure", "name", "id", "received"],
                required: ["procedure", "name"])
        }
        #expect(throws: CSVError(.duplicatedColumn, line: 1, column: 3)) { try table("procedure,name,name\n") }
        #expect(throws: CSVError(.unknownColumn, line: 1, column: 1)) {
            try table("root:$y$j9T$secret:19000:0:99999:7:::\n")
        }
        #expect(throws: CSVError(.missingColumn("name"), line: 1, column: 1)) { try table("procedure,id\n") }
        #expect(throws: CSVError(.empty, line: 1, column: 1)) { try table("") }
        var t = try table("procedure,name\nA,B\n\nC,D,E\n")
        #expect(try t.next()?.values == ["procedure": "A", "name": "B"])
        #expect(throws: CSVError(.extraField(count: 3, expected: 2), line: 4, column: 3)) { _ = try t.next() }
        // The message names the place only.
        let leak = CSVError(.unknownColumn, line: 1, column: 1).description
        #expect(!leak.contains("root") && leak.contains("cột 1"))
    }
}
