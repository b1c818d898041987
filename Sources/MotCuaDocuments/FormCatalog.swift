import MotCuaCore

/// The forms' numbers and titles, as data: the 2025 circular renumbered them, and a province may follow
/// another numbering (`Config/forms.json`, format `motcua-forms`).
public struct FormCatalog: Sendable, Equatable {
    public struct Entry: Sendable, Equatable {
        public var number: String
        public var title: String
        public init(number: String, title: String) {
            self.number = number
            self.title = title
        }
    }

    public static let formatName = "motcua-forms"
    public static let kinds = ["receipt", "supplement", "refusal", "apology", "stop", "controlSheet", "ledger", "transfer"]

    public var circular: String
    public var entries: [String: Entry]

    public init(circular: String, entries: [String: Entry]) {
        self.circular = circular
        self.entries = entries
    }

    public func entry(_ kind: String) -> Entry { entries[kind] ?? Entry(number: "", title: kind.uppercased()) }

    /// "Mẫu số 01" (empty when the form has no number).
    public func numberLine(_ kind: String) -> String {
        let n = entry(kind).number
        return n.isEmpty ? "" : "Mẫu số \(n)"
    }

    public static func parse(_ text: String, file: String) throws(ConfigError) -> FormCatalog {
        let root = try JSONReader.parse(text, file: file)
        try root.rejectUnknownMembers(["format", "version", "note", "circular", "forms"])
        let format = try root.member("format")
        guard try format.string() == formatName else { throw format.fail("phải là \"\(formatName)\"") }
        guard try root.member("version").int() == 1 else { throw try root.member("version").fail("phiên bản chưa được hỗ trợ") }
        let forms = try root.member("forms")
        var entries: [String: Entry] = [:]
        for kind in kinds {
            let e = try forms.member(kind)
            try e.rejectUnknownMembers(["number", "title"])
            entries[kind] = Entry(number: try e.member("number").string(), title: try e.member("title").nonEmptyString())
        }
        try forms.rejectUnknownMembers(Set(kinds))
        return FormCatalog(circular: try root.member("circular").string(), entries: entries)
    }

    public var json: JSONValue {
        .object([
            ("format", .string(FormCatalog.formatName)), ("version", .int(1)), ("circular", .string(circular)),
            ("forms", .object(FormCatalog.kinds.map { k in
                (k, .object([("number", .string(entry(k).number)), ("title", .string(entry(k).title))]))
            })),
        ])
    }
}
