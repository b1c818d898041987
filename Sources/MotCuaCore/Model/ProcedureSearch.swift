/// Finding a procedure by what the officer types: its code, or words of its name (diacritics and case
/// ignored, đ ≈ d). One rule for the reception screen's list and the command line's `--procedure`.
public enum ProcedureSearch {
    /// The items whose code starts with `text`, or whose name has a word starting with each word typed,
    /// best first: the name typed in full (or the code), then the names where more of the typed words are
    /// whole words ("khai tu" puts "khai tử" before "… dưới 6 tuổi"), then the shorter names (what was typed
    /// is more of them: "khai sinh" puts "Đăng ký khai sinh" before the inter-linked groups), then the given
    /// order.
    public static func rank<T>(_ text: String, _ items: [T], code: (T) -> String, name: (T) -> String) -> [T] {
        let query = VietnameseText.tokens(text)
        let trimmed = text.trimmingSpaces
        guard !query.isEmpty || !trimmed.isEmpty else { return items }
        var scored: [(item: T, score: Int, length: Int, order: Int)] = []
        for (order, item) in items.enumerated() {
            let words = VietnameseText.tokens(name(item))
            let codeMatch = !trimmed.isEmpty && code(item).hasPrefix(trimmed)
            guard codeMatch || (!query.isEmpty && query.allSatisfy({ q in words.contains { $0.hasPrefix(q) } }))
            else { continue }
            let full = words == query || code(item) == trimmed  // as `isFullName`, with the words at hand
            let whole = query.filter { words.contains($0) }.count
            scored.append((item, (full ? 1000 : 0) + whole, words.count, order))
        }
        scored.sort {
            if $0.score != $1.score { return $0.score > $1.score }
            return $0.length != $1.length ? $0.length < $1.length : $0.order < $1.order
        }
        return scored.map(\.item)
    }

    /// Whether `text` is the whole of `name`, diacritics and case ignored ("chung thuc chu ky").
    public static func isFullName(_ text: String, _ name: String) -> Bool {
        VietnameseText.tokens(name) == VietnameseText.tokens(text)
    }
}
