/// Why a CSV file is refused: where (line and column, counted from 1), never what the file says — the file
/// may be anything (`case import /etc/shadow` must not print its first line).
public struct CSVError: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Kind: Hashable, Sendable {
        /// A quoted field that never closes (reported where it opened).
        case unbalancedQuote
        /// A quote inside an unquoted field, or text after a closing quote.
        case strayQuote
        /// Bytes that are not UTF-8.
        case invalidUTF8
        /// A carriage return that is not part of a CRLF line end (outside quotes).
        case bareCarriageReturn
        /// A row with more fields than the header.
        case extraField(count: Int, expected: Int)
        /// A row with fewer fields than the header.
        case missingField(count: Int, expected: Int)
        /// The header names a column twice (the second one's position).
        case duplicatedColumn
        /// The header names a column the importer does not know.
        case unknownColumn
        /// A required column is missing from the header.
        case missingColumn(String)
        /// A required value is empty in this row.
        case emptyValue(String)
        /// The file has no header line.
        case empty
    }

    public let kind: Kind
    public let line: Int
    public let column: Int

    public init(_ kind: Kind, line: Int, column: Int) {
        self.kind = kind
        self.line = line
        self.column = column
    }

    /// Vietnamese, naming the place only.
    public var description: String {
        let place = "dòng \(line), cột \(column)"
        switch kind {
        case .unbalancedQuote: return "\(place): dấu ngoặc kép mở mà không đóng"
        case .strayQuote:
            return "\(place): dấu ngoặc kép không đúng chỗ (trường có ngoặc kép phải được bao trọn trong ngoặc kép)"
        case .invalidUTF8: return "dòng \(line), cột \(column): không phải văn bản UTF-8"
        case .bareCarriageReturn: return "\(place): ký tự CR không thuộc xuống dòng CRLF"
        case let .extraField(count, expected):
            return "dòng \(line): có \(count) trường, nhiều hơn \(expected) cột của dòng tiêu đề"
        case let .missingField(count, expected):
            return "dòng \(line): có \(count) trường, ít hơn \(expected) cột của dòng tiêu đề"
        case .duplicatedColumn: return "dòng tiêu đề, cột \(column): tên cột bị lặp"
        case .unknownColumn: return "dòng tiêu đề, cột \(column): không phải tên cột được hỗ trợ"
        case .missingColumn(let name): return "dòng tiêu đề: thiếu cột \(name)"
        case .emptyValue(let name): return "\(place): cột \(name) không được để trống"
        case .empty: return "tệp trống: thiếu dòng tiêu đề"
        }
    }
}

/// A strict RFC 4180 reader that streams: records one at a time from chunks of bytes (memory does not grow
/// with the file). Fields are separated by commas; a field containing a comma, a quote or a line break is
/// enclosed in quotes, a quote inside it doubled; lines end in CRLF or LF; a UTF-8 byte-order mark at the
/// start is skipped. Anything else is an error naming the line and the column.
public struct CSVReader {
    private let nextChunk: () throws -> [UInt8]?
    private var buffer: [UInt8] = []
    private var position = 0
    private var finished = false
    private var started = false
    /// The line (from 1) where the next record starts.
    public private(set) var line = 1

    /// `nextChunk` returns the file's bytes piece by piece, then nil.
    public init(nextChunk: @escaping () throws -> [UInt8]?) {
        self.nextChunk = nextChunk
    }

    /// A reader over bytes already in memory.
    public init(bytes: [UInt8]) {
        var given: [UInt8]? = bytes
        self.init(nextChunk: {
            defer { given = nil }
            return given
        })
    }

    private mutating func peek() throws -> UInt8? {
        while position >= buffer.count {
            if finished { return nil }
            guard let chunk = try nextChunk() else {
                finished = true
                return nil
            }
            buffer = chunk
            position = 0
        }
        return buffer[position]
    }

    private mutating func take() throws -> UInt8? {
        let b = try peek()
        if b != nil { position += 1 }
        return b
    }

    /// The next record: its first line and its fields; nil at the end of the file. A last line without a
    /// line break is a record; an empty last line is not.
    public mutating func next() throws -> (line: Int, fields: [String])? {
        if !started {
            started = true
            if try peek() == 0xEF {
                // A byte-order mark is three bytes; anything else starting with 0xEF is data.
                let saved = (buffer, position)
                _ = try take()
                if try take() != 0xBB || take() != 0xBF { (buffer, position) = saved }
            }
        }
        guard try peek() != nil else { return nil }
        let first = line
        var fields: [String] = []
        var field: [UInt8] = []
        var column = 1
        func finish(_ bytes: [UInt8], line: Int, column: Int) throws -> String {
            guard let text = String(validating: bytes, as: UTF8.self) else {
                throw CSVError(.invalidUTF8, line: line, column: column)
            }
            return text
        }
        while true {
            guard let b = try take() else {
                fields.append(try finish(field, line: line, column: column))
                return (first, fields)
            }
            switch b {
            case UInt8(ascii: ","):
                fields.append(try finish(field, line: line, column: column))
                field = []
                column += 1
            case UInt8(ascii: "\n"):
                fields.append(try finish(field, line: line, column: column))
                line += 1
                return (first, fields)
            case UInt8(ascii: "\r"):
                guard try peek() == UInt8(ascii: "\n") else {
                    throw CSVError(.bareCarriageReturn, line: line, column: column)
                }
                _ = try take()
                fields.append(try finish(field, line: line, column: column))
                line += 1
                return (first, fields)
            case UInt8(ascii: "\""):
                guard field.isEmpty else { throw CSVError(.strayQuote, line: line, column: column) }
                let openedAt = (line, column)
                quoted: while true {
                    guard let q = try take() else {
                        throw CSVError(.unbalancedQuote, line: openedAt.0, column: openedAt.1)
                    }
                    switch q {
                    case UInt8(ascii: "\""):
                        if try peek() == UInt8(ascii: "\"") {
                            _ = try take()
                            field.append(q)
                        } else {
                            break quoted
                        }
                    case UInt8(ascii: "\n"):
                        line += 1
                        field.append(q)
                    default:
                        field.append(q)
                    }
                }
                // After the closing quote: a separator, a line end or the end of the file.
                if let after = try peek(), after != UInt8(ascii: ","), after != UInt8(ascii: "\n"),
                    after != UInt8(ascii: "\r")
                {
                    throw CSVError(.strayQuote, line: line, column: column)
                }
            default:
                field.append(b)
            }
        }
    }
}

/// A CSV table with a header: each record checked against the header (as many fields as columns).
public struct CSVTable {
    public private(set) var reader: CSVReader
    public let columns: [String]

    /// Reads the header: every column known (`known`), none twice, the `required` ones present.
    public init(_ reader: CSVReader, known: Set<String>, required: [String]) throws {
        var reader = reader
        guard let (line, header) = try reader.next() else { throw CSVError(.empty, line: 1, column: 1) }
        let names = header.map { $0.trimmingSpaces }
        var seen: Set<String> = []
        for (i, name) in names.enumerated() {
            guard known.contains(name) else { throw CSVError(.unknownColumn, line: line, column: i + 1) }
            guard seen.insert(name).inserted else { throw CSVError(.duplicatedColumn, line: line, column: i + 1) }
        }
        for name in required where !seen.contains(name) { throw CSVError(.missingColumn(name), line: line, column: 1) }
        self.reader = reader
        self.columns = names
    }

    /// The next row as column → value, with its line; nil at the end. A blank line is skipped.
    public mutating func next() throws -> (line: Int, values: [String: String])? {
        while let (line, fields) = try reader.next() {
            if fields == [""] { continue }
            if fields.count > columns.count {
                throw CSVError(
                    .extraField(count: fields.count, expected: columns.count), line: line, column: columns.count + 1)
            }
            if fields.count < columns.count {
                throw CSVError(
                    .missingField(count: fields.count, expected: columns.count), line: line, column: fields.count)
            }
            return (line, Dictionary(uniqueKeysWithValues: zip(columns, fields)))
        }
        return nil
    }
}
