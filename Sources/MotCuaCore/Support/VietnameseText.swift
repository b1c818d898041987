/// Vietnamese text handling: normalisation, folding for search, collation keys.
public enum VietnameseText {
    /// The text in Unicode NFC (precomposed), as everything is stored and compared.
    ///
    /// Uses the standard library's NFC code units (see docs/DECISIONS.md D1): decomposed input such as
    /// "e\u{323}\u{302}" becomes "ệ", exactly as typed precomposed text.
    public static func nfc(_ text: String) -> String {
        // Fast path: ASCII is already NFC.
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return text }
        return String(decoding: text._nfcCodeUnits, as: UTF8.self)
    }

    /// NFC, with runs of white space collapsed to one space and the ends trimmed: how names and other
    /// single-line fields are stored.
    public static func normalizedField(_ text: String) -> String {
        var out = ""
        var pendingSpace = false
        for ch in nfc(text) {
            if ch.isWhitespace {
                pendingSpace = !out.isEmpty
            } else {
                if pendingSpace { out.append(" ") }
                pendingSpace = false
                out.append(ch)
            }
        }
        return out
    }

    /// Base letters of the Latin letters with diacritics used in Vietnamese (and Latin-1), lower case.
    /// Each string lists the variants of the letter after the colon.
    private static let foldTable: [UInt32: UInt8] = {
        let groups: [(Character, String)] = [
            ("a", "àáảãạăằắẳẵặâầấẩẫậäåāą"), ("e", "èéẻẽẹêềếểễệëēę"), ("i", "ìíỉĩịîïī"),
            ("o", "òóỏõọôồốổỗộơờớởỡợöøō"), ("u", "ùúủũụưừứửữựûüū"), ("y", "ỳýỷỹỵÿ"), ("d", "đð"),
            ("c", "çć"), ("n", "ñń"), ("s", "śš"), ("z", "źżž"), ("l", "ł")
        ]
        var table: [UInt32: UInt8] = [:]
        for (base, variants) in groups {
            let b = base.asciiValue!
            for ch in variants {
                for s in String(ch).unicodeScalars { table[s.value] = b }
                for s in String(ch).uppercased().unicodeScalars where s.value >= 0x80 { table[s.value] = b }
            }
        }
        table[0x0110] = UInt8(ascii: "d")  // Đ (uppercased() of đ gives it, listed for clarity)
        return table
    }()

    /// Folds text for matching: NFC, lower case, diacritics removed, đ/Đ → d. Characters other than
    /// letters and digits are kept (as lower case where they have a case).
    ///
    /// "Đặng Văn Đức" → "dang van duc"; "NGUYỄN Thị" → "nguyen thi".
    public static func fold(_ text: String) -> String {
        // Built as UTF-8 bytes: appending scalars to a string one by one cost more than the folding.
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        for scalar in nfc(text).unicodeScalars {
            let v = scalar.value
            if v < 0x80 {
                out.append(UInt8(v >= 65 && v <= 90 ? v + 32 : v))
            } else if let base = foldTable[v] {
                out.append(base)
            } else if (0x0300...0x036F).contains(v) {
                continue  // a combining mark left after NFC (no precomposed form)
            } else {
                for lower in scalar.properties.lowercaseMapping.unicodeScalars {
                    UTF8.encode(lower) { out.append($0) }
                }
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Search tokens of a text: folded, split on everything that is not a letter or a digit.
    /// "Đặng Văn-Đức, 0912.345.678" → ["dang", "van", "duc", "0912", "345", "678"].
    public static func tokens(_ text: String) -> [String] {
        var result: [String] = []
        var current = ""
        for scalar in fold(text).unicodeScalars {
            if scalar.properties.isAlphabetic || (scalar.value >= 48 && scalar.value <= 57) {
                current.unicodeScalars.append(scalar)
            } else if !current.isEmpty {
                result.append(current)
                current = ""
            }
        }
        if !current.isEmpty { result.append(current) }
        return result
    }

    /// Only the digits of a text ("0912.345.678" → "0912345678").
    public static func digits(_ text: String) -> String {
        // ASCII digits are single UTF-8 bytes that no other character's encoding contains.
        String(decoding: text.utf8.filter { $0 >= 48 && $0 <= 57 }, as: UTF8.self)
    }

    /// A key that sorts Vietnamese text in dictionary order (a ă â b c d đ e ê … ơ … ư …, tones after the
    /// letter), unlike code-point order which puts Á, Đ, Ơ after Z.
    public static func collationKey(_ text: String) -> [UInt32] {
        // Primary: letters in Vietnamese alphabet order; secondary: tone marks; compare primary first.
        var primary: [UInt32] = []
        var secondary: [UInt32] = []
        for scalar in nfc(text).lowercased().unicodeScalars {
            let (letter, tone) = letterAndTone(scalar)
            primary.append(letter)
            secondary.append(tone)
        }
        return primary + [0] + secondary
    }

    /// True when `a` comes before `b` in Vietnamese dictionary order.
    public static func precedes(_ a: String, _ b: String) -> Bool {
        collationKey(a).lexicographicallyPrecedes(collationKey(b))
    }

    private static let alphabet: [Character] = Array("aăâbcdđeêfghijklmnoôơpqrstuưvwxyz")

    private static let toneGroups: [(Character, String)] = [
        ("a", "aàáảãạ"), ("ă", "ăằắẳẵặ"), ("â", "âầấẩẫậ"), ("e", "eèéẻẽẹ"), ("ê", "êềếểễệ"), ("i", "iìíỉĩị"),
        ("o", "oòóỏõọ"), ("ô", "ôồốổỗộ"), ("ơ", "ơờớởỡợ"), ("u", "uùúủũụ"), ("ư", "ưừứửữự"), ("y", "yỳýỷỹỵ")
    ]

    private static let letterTable: [UInt32: (UInt32, UInt32)] = {
        var table: [UInt32: (UInt32, UInt32)] = [:]
        for (i, ch) in alphabet.enumerated() {
            table[ch.unicodeScalars.first!.value] = (UInt32(0x100 + i * 2), 0)
        }
        for (base, variants) in toneGroups {
            let rank = table[base.unicodeScalars.first!.value]!.0
            for (tone, ch) in variants.enumerated() {
                table[ch.unicodeScalars.first!.value] = (rank, UInt32(tone))
            }
        }
        return table
    }()

    private static func letterAndTone(_ scalar: Unicode.Scalar) -> (UInt32, UInt32) {
        if let entry = letterTable[scalar.value] { return entry }
        // Digits and punctuation before letters, other scripts after.
        return scalar.value < 0x80 ? (scalar.value, 0) : (0x10000 + scalar.value, 0)
    }
}
