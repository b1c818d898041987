/// The rules every text typed or imported must follow, whatever the front end: valid text, no control
/// characters (an escape sequence stored in a name would later drive the terminal that shows it; a NUL cuts
/// it in C), NFC with single spaces, and a maximum length per kind of field.
public enum TextRules {
    /// Maximum length in characters (grapheme clusters) of each kind of text.
    public enum Limit: Sendable {
        /// Names of people, organisations, officers: 100.
        case name
        /// Addresses: 300.
        case address
        /// Reasons, notes, items of a request, step results: 2,000.
        case longText
        /// Numbers of documents and receipts, codes, phones, e-mail: 100.
        case short

        public var rawValue: Int {
            switch self {
            case .name, .short: 100
            case .address: 300
            case .longText: 2000
            }
        }
    }

    /// The text cleaned (NFC, spaces collapsed, trimmed; in multi-line text, lines kept), or the field's
    /// refusal. Empty text is refused when `required`.
    public static func clean(
        _ text: String, _ field: InputField, limit: Limit, required: Bool = false,
        multiline: Bool = false
    ) throws(Refusal) -> String {
        if let problem = problem(text, multiline: multiline) { throw .invalidField(field, problem) }
        let cleaned: String
        if multiline {
            cleaned =
                text.split(separator: "\n", omittingEmptySubsequences: false)
                .map { VietnameseText.normalizedField(String($0)) }.joined(separator: "\n").trimmingNewlines
        } else {
            cleaned = VietnameseText.normalizedField(text)
        }
        if required && cleaned.isEmpty { throw .invalidField(field, .empty) }
        if cleaned.count > limit.rawValue { throw .invalidField(field, .tooLong(max: limit.rawValue)) }
        return cleaned
    }

    /// The optional text cleaned; nil when empty.
    public static func cleanOptional(_ text: String?, _ field: InputField, limit: Limit) throws(Refusal) -> String? {
        guard let text else { return nil }
        let cleaned = try clean(text, field, limit: limit)
        return cleaned.isEmpty ? nil : cleaned
    }

    /// Why `text` is not acceptable text, or nil: a replacement character (invalid UTF-8 decoded), a control
    /// character (C0 but tab and, in multi-line text, line feed; DEL; C1), or a bidirectional mark, embedding,
    /// override or isolate (no Vietnamese text needs one; an override makes a printed name read otherwise
    /// than the stored one). Tabs become spaces.
    public static func problem(_ text: String, multiline: Bool = false) -> FieldProblem? {
        for scalar in text.unicodeScalars {
            let v = scalar.value
            if v == 0xFFFD { return .invalidText }
            if v == 0x09 || (multiline && v == 0x0A) { continue }
            if v < 0x20 || (0x7F...0x9F).contains(v) { return .controlCharacters }
            if v == 0x061C || v == 0x200E || v == 0x200F || (0x202A...0x202E).contains(v)
                || (0x2066...0x2069).contains(v)
            {
                return .directionMarks
            }
        }
        return nil
    }
}

extension String {
    var trimmingNewlines: String {
        var s = Substring(self)
        while s.first == "\n" { s = s.dropFirst() }
        while s.last == "\n" { s = s.dropLast() }
        return String(s)
    }
}
