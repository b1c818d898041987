/// A JSON value. Objects keep their members' order (configuration files are read by people).
public indirect enum JSONValue: Equatable, Sendable {
    case null
    case bool(Bool)
    /// Numbers keep their source text; integers are read exactly.
    case number(String)
    case string(String)
    case array([JSONValue])
    case object([(key: String, value: JSONValue)])

    public static func == (a: JSONValue, b: JSONValue) -> Bool {
        switch (a, b) {
        case (.null, .null): true
        case let (.bool(x), .bool(y)): x == y
        case let (.number(x), .number(y)): x == y
        case let (.string(x), .string(y)): x == y
        case let (.array(x), .array(y)): x == y
        case let (.object(x), .object(y)):
            x.count == y.count && zip(x, y).allSatisfy { $0.key == $1.key && $0.value == $1.value }
        default: false
        }
    }

    public static func int(_ v: Int) -> JSONValue { .number(String(v)) }

    public subscript(key: String) -> JSONValue? {
        if case let .object(members) = self { return members.first(where: { $0.key == key })?.value }
        return nil
    }
}

/// Where and why a JSON text could not be parsed.
public struct JSONSyntaxError: Error, Equatable, Sendable {
    public let line: Int
    public let column: Int
    /// What was wrong, in Vietnamese.
    public let reason: String
}

/// A strict RFC 8259 parser over UTF-8 bytes.
public struct JSONParser {
    private let bytes: [UInt8]
    private var index = 0

    public static func parse(_ text: String) throws(JSONSyntaxError) -> JSONValue {
        try parse(bytes: Array(text.utf8))
    }

    public static func parse(bytes: [UInt8]) throws(JSONSyntaxError) -> JSONValue {
        var parser = JSONParser(bytes: bytes)
        // Tolerate a UTF-8 byte order mark, which some Windows editors write.
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { parser.index = 3 }
        parser.skipWhitespace()
        let value = try parser.parseValue(depth: 0)
        parser.skipWhitespace()
        guard parser.index == bytes.count else { throw parser.error("có nội dung thừa sau giá trị JSON") }
        return value
    }

    private init(bytes: [UInt8]) { self.bytes = bytes }

    private func error(_ reason: String) -> JSONSyntaxError {
        var line = 1
        var column = 1
        for b in bytes[..<min(index, bytes.count)] {
            if b == 0x0A { line += 1; column = 1 } else if b & 0xC0 != 0x80 { column += 1 }
        }
        return JSONSyntaxError(line: line, column: column, reason: reason)
    }

    private mutating func skipWhitespace() {
        while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { index += 1 }
    }

    private mutating func parseValue(depth: Int) throws(JSONSyntaxError) -> JSONValue {
        guard depth < 200 else { throw error("lồng nhau quá sâu") }
        guard index < bytes.count else { throw error("tệp kết thúc khi đang chờ một giá trị") }
        switch bytes[index] {
        case UInt8(ascii: "{"): return try parseObject(depth: depth)
        case UInt8(ascii: "["): return try parseArray(depth: depth)
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "t"): try expectWord("true"); return .bool(true)
        case UInt8(ascii: "f"): try expectWord("false"); return .bool(false)
        case UInt8(ascii: "n"): try expectWord("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try parseNumber()
        default: throw error("ký tự không hợp lệ")
        }
    }

    private mutating func expectWord(_ word: String) throws(JSONSyntaxError) {
        let start = index
        for u in word.utf8 {
            guard index < bytes.count, bytes[index] == u else {
                index = start
                throw error("từ khoá không hợp lệ (chỉ có true, false, null)")
            }
            index += 1
        }
    }

    private mutating func parseObject(depth: Int) throws(JSONSyntaxError) -> JSONValue {
        index += 1
        var members: [(key: String, value: JSONValue)] = []
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "}") { index += 1; return .object(members) }
        while true {
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else {
                throw error("thiếu tên trường (chuỗi trong dấu ngoặc kép)")
            }
            let keyStart = index
            let key = try parseString()
            if members.contains(where: { $0.key == key }) {
                index = keyStart
                throw error("trường \"\(key)\" bị lặp")
            }
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { throw error("thiếu dấu ':'") }
            index += 1
            skipWhitespace()
            members.append((key, try parseValue(depth: depth + 1)))
            skipWhitespace()
            guard index < bytes.count else { throw error("tệp kết thúc khi đối tượng chưa đóng") }
            if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
            if bytes[index] == UInt8(ascii: "}") { index += 1; return .object(members) }
            throw error("thiếu dấu ',' hoặc '}'")
        }
    }

    private mutating func parseArray(depth: Int) throws(JSONSyntaxError) -> JSONValue {
        index += 1
        var items: [JSONValue] = []
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "]") { index += 1; return .array(items) }
        while true {
            skipWhitespace()
            items.append(try parseValue(depth: depth + 1))
            skipWhitespace()
            guard index < bytes.count else { throw error("tệp kết thúc khi mảng chưa đóng") }
            if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
            if bytes[index] == UInt8(ascii: "]") { index += 1; return .array(items) }
            throw error("thiếu dấu ',' hoặc ']'")
        }
    }

    private mutating func parseNumber() throws(JSONSyntaxError) -> JSONValue {
        let start = index
        func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
        if bytes[index] == UInt8(ascii: "-") { index += 1 }
        guard index < bytes.count, isDigit(bytes[index]) else { throw error("số không hợp lệ") }
        if bytes[index] == 0x30 {
            index += 1
        } else {
            while index < bytes.count, isDigit(bytes[index]) { index += 1 }
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            guard index < bytes.count, isDigit(bytes[index]) else { throw error("số không hợp lệ") }
            while index < bytes.count, isDigit(bytes[index]) { index += 1 }
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") {
                index += 1
            }
            guard index < bytes.count, isDigit(bytes[index]) else { throw error("số không hợp lệ") }
            while index < bytes.count, isDigit(bytes[index]) { index += 1 }
        }
        return .number(String(decoding: bytes[start..<index], as: UTF8.self))
    }

    private mutating func parseHex4() throws(JSONSyntaxError) -> UInt32 {
        guard index + 4 <= bytes.count else { throw error("mã \\u không hợp lệ") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let b = bytes[index]
            let digit: UInt32
            switch b {
            case 0x30...0x39: digit = UInt32(b - 0x30)
            case 0x41...0x46: digit = UInt32(b - 0x41 + 10)
            case 0x61...0x66: digit = UInt32(b - 0x61 + 10)
            default: throw error("mã \\u không hợp lệ")
            }
            value = value * 16 + digit
            index += 1
        }
        return value
    }

    private mutating func parseString() throws(JSONSyntaxError) -> String {
        index += 1
        var out: [UInt8] = []
        while true {
            guard index < bytes.count else { throw error("chuỗi chưa đóng dấu ngoặc kép") }
            let b = bytes[index]
            switch b {
            case UInt8(ascii: "\""):
                index += 1
                guard let s = String(validating: out, as: UTF8.self) else {
                    throw error("chuỗi không phải UTF-8 hợp lệ")
                }
                return s
            case UInt8(ascii: "\\"):
                index += 1
                guard index < bytes.count else { throw error("chuỗi chưa đóng dấu ngoặc kép") }
                let e = bytes[index]
                index += 1
                switch e {
                case UInt8(ascii: "\""): out.append(0x22)
                case UInt8(ascii: "\\"): out.append(0x5C)
                case UInt8(ascii: "/"): out.append(0x2F)
                case UInt8(ascii: "b"): out.append(0x08)
                case UInt8(ascii: "f"): out.append(0x0C)
                case UInt8(ascii: "n"): out.append(0x0A)
                case UInt8(ascii: "r"): out.append(0x0D)
                case UInt8(ascii: "t"): out.append(0x09)
                case UInt8(ascii: "u"):
                    var code = try parseHex4()
                    if (0xD800...0xDBFF).contains(code) {
                        guard index + 1 < bytes.count, bytes[index] == 0x5C, bytes[index + 1] == UInt8(ascii: "u")
                        else { throw error("cặp mã thay thế UTF-16 không đầy đủ") }
                        index += 2
                        let low = try parseHex4()
                        guard (0xDC00...0xDFFF).contains(low) else { throw error("cặp mã thay thế UTF-16 sai") }
                        code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                    }
                    guard let scalar = Unicode.Scalar(code) else { throw error("mã \\u không hợp lệ") }
                    out.append(contentsOf: Array(String(Character(scalar)).utf8))
                default: throw error("ký tự thoát không hợp lệ")
                }
            default:
                guard b >= 0x20 else { throw error("ký tự điều khiển trong chuỗi") }
                out.append(b)
                index += 1
            }
        }
    }
}

// MARK: - Writing

extension JSONValue {
    /// Compact JSON text (one line), keys in the stored order, non-ASCII kept as UTF-8.
    public var compactText: String {
        var out: [UInt8] = []
        out.reserveCapacity(256)
        write(into: &out, indent: nil, level: 0)
        return String(decoding: out, as: UTF8.self)
    }

    /// Indented JSON text (two spaces), for files people read.
    public var prettyText: String {
        var out: [UInt8] = []
        write(into: &out, indent: "  ", level: 0)
        return String(decoding: out, as: UTF8.self) + "\n"
    }

    // Written as UTF-8 bytes (exports write millions of values; appending bytes is a copy, appending to a
    // String is not always).
    private func write(into out: inout [UInt8], indent: String?, level: Int) {
        func newline(_ level: Int) {
            if let indent {
                out.append(0x0A)
                for _ in 0..<level { out.append(contentsOf: indent.utf8) }
            }
        }
        switch self {
        case .null: out.append(contentsOf: "null".utf8)
        case .bool(let b): out.append(contentsOf: (b ? "true" : "false").utf8)
        case .number(let n): out.append(contentsOf: n.utf8)
        case .string(let s): JSONValue.writeString(s, into: &out)
        case .array(let items):
            if items.isEmpty { out.append(contentsOf: "[]".utf8); return }
            out.append(0x5B)
            for (i, item) in items.enumerated() {
                if i > 0 { out.append(0x2C) }
                newline(level + 1)
                item.write(into: &out, indent: indent, level: level + 1)
            }
            newline(level)
            out.append(0x5D)
        case .object(let members):
            if members.isEmpty { out.append(contentsOf: "{}".utf8); return }
            out.append(0x7B)
            for (i, member) in members.enumerated() {
                if i > 0 { out.append(0x2C) }
                newline(level + 1)
                JSONValue.writeString(member.key, into: &out)
                out.append(0x3A)
                if indent != nil { out.append(0x20) }
                member.value.write(into: &out, indent: indent, level: level + 1)
            }
            newline(level)
            out.append(0x7D)
        }
    }

    /// A JSON string: quotes, backslashes and control characters escaped, everything else as its UTF-8.
    static func writeString(_ s: String, into out: inout [UInt8]) {
        out.append(0x22)
        var s = s
        s.withUTF8 { bytes in
            var runStart = 0
            for i in 0..<bytes.count {
                let b = bytes[i]
                guard b < 0x20 || b == 0x22 || b == 0x5C else { continue }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<i]))
                out.append(0x5C)
                switch b {
                case 0x22: out.append(0x22)
                case 0x5C: out.append(0x5C)
                case 0x0A: out.append(0x6E)
                case 0x0D: out.append(0x72)
                case 0x09: out.append(0x74)
                default:
                    let hex = Array("0123456789abcdef".utf8)
                    out.append(contentsOf: [0x75, 0x30, 0x30, hex[Int(b >> 4)], hex[Int(b & 0xF)]])
                }
                runStart = i + 1
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<bytes.count]))
        }
        out.append(0x22)
    }
}

// MARK: - Reading with paths

/// A configuration or data file that does not say what it must. Names the file, the field (a JSON path
/// such as `years[1].daysOff[3].date`) and, in Vietnamese, what is wrong.
public struct ConfigError: Error, Equatable, Sendable, CustomStringConvertible {
    public let file: String
    public let field: String
    public let reason: String

    public init(file: String, field: String, reason: String) {
        self.file = file
        self.field = field
        self.reason = reason
    }

    public var description: String {
        field.isEmpty ? "\(file): \(reason)" : "\(file): trường \(field): \(reason)"
    }
}

/// A cursor into a parsed JSON document that knows its own path, for precise error messages.
public struct JSONReader: Sendable {
    public let value: JSONValue
    public let path: String
    public let file: String

    public init(_ value: JSONValue, file: String, path: String = "") {
        self.value = value
        self.file = file
        self.path = path
    }

    /// Parses `text` and wraps a syntax error into a `ConfigError` naming line and column.
    public static func parse(_ text: String, file: String) throws(ConfigError) -> JSONReader {
        do {
            return JSONReader(try JSONParser.parse(text), file: file)
        } catch {
            throw ConfigError(
                file: file, field: "",
                reason: "JSON sai cú pháp ở dòng \(error.line), cột \(error.column): \(error.reason)")
        }
    }

    public func fail(_ reason: String) -> ConfigError {
        ConfigError(file: file, field: path, reason: reason)
    }

    func childPath(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    /// A required member.
    public func member(_ key: String) throws(ConfigError) -> JSONReader {
        guard case let .object(members) = value else { throw fail("phải là một đối tượng JSON") }
        guard let v = members.first(where: { $0.key == key })?.value else {
            throw ConfigError(file: file, field: childPath(key), reason: "thiếu trường bắt buộc")
        }
        return JSONReader(v, file: file, path: childPath(key))
    }

    /// An optional member (absent or null → nil).
    public func optionalMember(_ key: String) throws(ConfigError) -> JSONReader? {
        guard case let .object(members) = value else { throw fail("phải là một đối tượng JSON") }
        guard let v = members.first(where: { $0.key == key })?.value, v != .null else { return nil }
        return JSONReader(v, file: file, path: childPath(key))
    }

    /// Fails on members that are not in `allowed`, so a misspelt field is reported, not ignored.
    public func rejectUnknownMembers(_ allowed: Set<String>) throws(ConfigError) {
        guard case let .object(members) = value else { throw fail("phải là một đối tượng JSON") }
        for m in members where !allowed.contains(m.key) {
            throw ConfigError(file: file, field: childPath(m.key), reason: "trường không được hỗ trợ")
        }
    }

    public func array() throws(ConfigError) -> [JSONReader] {
        guard case let .array(items) = value else { throw fail("phải là một mảng JSON") }
        return items.enumerated().map { JSONReader($1, file: file, path: "\(path)[\($0)]") }
    }

    /// A text value: no control characters (a configuration file never needs them: a name with an escape
    /// sequence would reach every printed form), at most 2,000 characters, in NFC.
    public func string() throws(ConfigError) -> String {
        guard case let .string(s) = value else { throw fail("phải là một chuỗi") }
        switch TextRules.problem(s) {
        case nil: break
        case .directionMarks?: throw fail("có ký tự ẩn đổi chiều viết chữ, không được phép")
        default: throw fail("có ký tự điều khiển (ESC, NUL, xuống dòng…), không được phép")
        }
        guard s.count <= 2000 else { throw fail("dài quá 2000 ký tự") }
        return VietnameseText.nfc(s)
    }

    /// A text value of at most `limit` characters.
    public func string(max limit: Int) throws(ConfigError) -> String {
        let s = try string()
        guard s.count <= limit else { throw fail("dài quá \(limit) ký tự") }
        return s
    }

    public func nonEmptyString(max limit: Int = 2000) throws(ConfigError) -> String {
        let s = try string(max: limit)
        guard !s.allSatisfy(\.isWhitespace) else { throw fail("không được để trống") }
        return s
    }

    public func bool() throws(ConfigError) -> Bool {
        guard case let .bool(b) = value else { throw fail("phải là true hoặc false") }
        return b
    }

    public func int(in range: ClosedRange<Int>? = nil) throws(ConfigError) -> Int {
        guard case let .number(n) = value, let v = Int(n) else { throw fail("phải là một số nguyên") }
        if let range, !range.contains(v) {
            throw fail("giá trị \(v) nằm ngoài khoảng \(range.lowerBound)–\(range.upperBound)")
        }
        return v
    }

    public func date() throws(ConfigError) -> CivilDate {
        let s = try string()
        guard let d = CivilDate(iso: s) else { throw fail("\"\(s)\" không phải ngày hợp lệ dạng YYYY-MM-DD") }
        return d
    }

    public func clockTime() throws(ConfigError) -> ClockTime {
        let s = try string()
        guard let t = ClockTime(text: s) else { throw fail("\"\(s)\" không phải giờ hợp lệ dạng HH:MM") }
        return t
    }
}
