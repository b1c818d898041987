/// Bracketed paste: a terminal in paste mode (`ESC [ ? 2004 h`) wraps pasted text in `ESC [ 200 ~` …
/// `ESC [ 201 ~`. This decoder takes the characters the terminal delivers one at a time and turns a
/// bracketed run into one piece of text (newlines included), so that a paste goes into the focused field
/// only and is never read as keys (a newline as Enter, a tab as Tab). Pure, so it is tested without a
/// terminal.
public struct PasteDecoder: Sendable {
    public enum Output: Hashable, Sendable {
        /// Characters to handle as typed (held back while they might start a bracket).
        case characters([UInt32])
        /// A complete paste.
        case paste(String)
    }

    static let start: [UInt32] = [0x1B, 0x5B, 0x32, 0x30, 0x30, 0x7E]  // ESC [ 2 0 0 ~
    static let end: [UInt32] = [0x1B, 0x5B, 0x32, 0x30, 0x31, 0x7E]  // ESC [ 2 0 1 ~

    private var held: [UInt32] = []
    private var pasting = false
    private var pasted: [UInt32] = []

    public init() {}

    /// True while characters are held back (a possible bracket, or a paste not finished).
    public var isPending: Bool { !held.isEmpty || pasting }

    /// Feeds one character code; returns what can be delivered now.
    public mutating func feed(_ value: UInt32) -> [Output] {
        if pasting {
            pasted.append(value)
            if pasted.count >= Self.end.count && Array(pasted.suffix(Self.end.count)) == Self.end {
                pasting = false
                var text = ""
                text.unicodeScalars.append(contentsOf: pasted.dropLast(Self.end.count).compactMap(Unicode.Scalar.init))
                pasted = []
                return [.paste(text)]
            }
            return []
        }
        held.append(value)
        if held == Self.start {
            held = []
            pasting = true
            pasted = []
            return []
        }
        if Self.start.starts(with: held) { return [] }
        // Not a bracket: deliver what was held.
        defer { held = [] }
        return [.characters(held)]
    }

    /// Gives back what is held when no more characters came: a lone Esc typed by the officer, or a paste
    /// whose end never arrived (delivered as it is, rather than lost).
    public mutating func flush() -> [Output] {
        if pasting {
            pasting = false
            var text = ""
            text.unicodeScalars.append(contentsOf: pasted.compactMap(Unicode.Scalar.init))
            pasted = []
            return [.paste(text)]
        }
        guard !held.isEmpty else { return [] }
        defer { held = [] }
        return [.characters(held)]
    }
}
