/// A wrong command line: the message (Vietnamese) goes to stderr, and the exit status is 2.
public struct UsageError: Error, Equatable, Sendable {
    public let message: String
    public init(_ message: String) { self.message = message }
}

/// The options a subcommand accepts.
struct OptionSpec: Sendable {
    /// Options that take a value (`--db PATH`, also `--db=PATH`).
    var valued: Set<String> = []
    /// Options without a value (`--json`).
    var flags: Set<String> = []
    /// Options that may be given several times (their values are kept in order).
    var repeatable: Set<String> = []
    /// How many positional arguments are allowed.
    var positionals: ClosedRange<Int> = 0...0
    /// Names of the positionals, for messages.
    var positionalNames: [String] = []
}

/// The parsed command line of one subcommand.
struct ParsedArguments {
    var positionals: [String] = []
    var values: [String: [String]] = [:]
    var flags: Set<String> = []

    func value(_ name: String) -> String? { values[name]?.last }
    func all(_ name: String) -> [String] { values[name] ?? [] }
    func has(_ name: String) -> Bool { flags.contains(name) || values[name] != nil }

    /// A required option's value.
    func require(_ name: String) throws(UsageError) -> String {
        guard let v = value(name) else { throw UsageError("thiếu tuỳ chọn bắt buộc --\(name)") }
        return v
    }

    /// An integer option in a range.
    func int(_ name: String, in range: ClosedRange<Int>) throws(UsageError) -> Int? {
        guard let text = value(name) else { return nil }
        guard let v = Int(text), range.contains(v) else {
            throw UsageError("--\(name): \"\(text)\" phải là số nguyên từ \(range.lowerBound) đến \(range.upperBound)")
        }
        return v
    }

    static func parse(_ arguments: ArraySlice<String>, spec: OptionSpec) throws(UsageError) -> ParsedArguments {
        var result = ParsedArguments()
        var i = arguments.startIndex
        var onlyPositionals = false
        while i < arguments.endIndex {
            let arg = arguments[i]
            i += 1
            if onlyPositionals || !arg.hasPrefix("--") || arg == "-" {
                if arg.hasPrefix("-") && arg.count > 1 && !onlyPositionals && Int(arg) == nil {
                    throw UsageError("tuỳ chọn không hợp lệ: \(arg)")
                }
                result.positionals.append(arg)
                continue
            }
            if arg == "--" { onlyPositionals = true; continue }
            var name = String(arg.dropFirst(2))
            var inlineValue: String?
            if let eq = name.firstIndex(of: "=") {
                inlineValue = String(name[name.index(after: eq)...])
                name = String(name[..<eq])
            }
            if spec.flags.contains(name) {
                guard inlineValue == nil else { throw UsageError("--\(name) không nhận giá trị") }
                result.flags.insert(name)
            } else if spec.valued.contains(name) {
                let value: String
                if let inlineValue {
                    value = inlineValue
                } else {
                    guard i < arguments.endIndex else { throw UsageError("--\(name) cần một giá trị") }
                    value = arguments[i]
                    i += 1
                }
                if result.values[name] != nil && !spec.repeatable.contains(name) {
                    throw UsageError("--\(name) được cho nhiều lần")
                }
                result.values[name, default: []].append(value)
            } else {
                throw UsageError("tuỳ chọn không hợp lệ: --\(name)")
            }
        }
        guard spec.positionals.contains(result.positionals.count) else {
            if result.positionals.count < spec.positionals.lowerBound {
                let missing = spec.positionalNames.dropFirst(result.positionals.count).first ?? "đối số"
                throw UsageError("thiếu \(missing)")
            }
            throw UsageError(
                "thừa đối số: \(result.positionals[spec.positionals.upperBound...].joined(separator: " "))")
        }
        return result
    }
}
