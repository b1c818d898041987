// VietnameseInputMethod.swift
//
// A built-in Vietnamese typing method (Telex and VNI), in the spirit of Unikey, so the program
// works on machines without an OS input method. Standard library only.
//
// The method is stateless: it sees only the word before the cursor and the key just typed, and
// returns the replacement word (or nil: "insert the key as typed"). Everything below follows from
// that: the word is decoded into letters (base letter + mark + tone), split into a Vietnamese
// syllable (initial consonant, vowel cluster, final consonant), the key's action is applied, and
// the result is accepted only if it is still a plausible Vietnamese syllable. The tone mark is then
// placed again from scratch, so it always sits on the right vowel after every keystroke.

// MARK: - Public API

/// The keyboard layout of the typing method.
public enum InputMethodKind: String, Sendable, CaseIterable {
    /// Letters as keys: s f r x j tones, z no tone, aa ee oo aw ow uw w dd marks.
    case telex
    /// Digits as keys: 1 2 3 4 5 tones, 0 no tone, 6 circumflex, 7 horn, 8 breve, 9 đ.
    case vni
}

/// Where the tone mark goes in open syllables with oa, oe, uy: modern "hoà, thuỳ" or traditional "hòa, thùy".
public enum ToneStyle: String, Sendable, CaseIterable {
    case modern, traditional
}

/// A Vietnamese input method working one keystroke at a time on the word before the cursor.
///
/// ## Rules chosen for the ambiguous points
///
/// - **Only plausible Vietnamese is transformed.** A tone or mark is applied only if the result is a
///   plausible syllable: a valid initial (b c ch d đ g gh gi h k kh l m n ng ngh nh p ph qu r s t th
///   tr v x, plus "kr" for Tây Nguyên names like Krông), a valid vowel cluster (including the
///   unfinished clusters met while typing, such as "ie" before "iê" or "uo" before "ươ"), a valid
///   final (c ch m n ng nh p t, plus "k" after ă and u for Đắk Lắk, Krông Búk), and only sắc or nặng
///   with the finals c ch k p t. A word that is not such a syllable (e.g. "class", "email", "fax")
///   is never touched: every key returns nil.
/// - **Foreign words are restored (Telex only).** When a plain letter turns a transformed word into
///   something that cannot be Vietnamese, the word is given back as the keys that produced it, so
///   "USB" ("US" → "Ú", then "B") and "Excel" ("Ex" → "Ẽ", then "c") come out unchanged.
///   A complete syllable with a final consonant followed by another consonant ("Nguyễnn") is taken
///   as a typo, not a foreign word, and is left alone (nil), so one backspace fixes it.
/// - **Undo by repeating a key:** the change is removed and the key letter is left at the end
///   ("ass" → "as", "tieengss" → "tiêngs", "a11" → "a1"). Being stateless, the method cannot know
///   where the first tone key was typed; in a word without an initial consonant whose tone sits on a
///   vowel followed by another vowel ("ÁU" from "ASU"), the first key is put back after that vowel,
///   so "ASUS" stays "ASUS". A lone "w" is undone to "w" ("ww" → "w").
/// - **Precomposed input (an OS input method is on).** A key that is not a single ASCII scalar is
///   never transformed (nil). A word containing any character that is not a Vietnamese or ASCII
///   letter (ü, ñ, digits, emoji…) is never transformed. Precomposed Vietnamese letters in the word
///   are otherwise indistinguishable from letters this method produced, so they are treated the
///   same, with one check: the word must look exactly as this method would have written it (a single
///   tone, on the vowel where this method puts it, with this `toneStyle`). If not — "hòa" while the
///   style is modern, "muá", two tones — this method could not have produced it, and every key
///   returns nil. Hence typing "á" directly then "s" gives "as", exactly like "ass": the tone is
///   undone, never applied twice; "á" then "f" gives "à".
/// - **Digits.** In Telex digits are never keys and never transformed. In VNI they are the keys; a
///   word that contains a literal digit (e.g. "a1" after undoing) is never transformed again.
///   ``isWordCharacter(_:)`` counts letters only; ``isWordCharacter(_:for:)`` also counts ASCII
///   digits for VNI, so a VNI digit key is always handed the letters before it.
/// - Input words may be NFC or decomposed (NFD); every returned word is NFC.
public struct VietnameseInputMethod: Sendable, Equatable {
    public var kind: InputMethodKind
    public var toneStyle: ToneStyle

    public init(kind: InputMethodKind = .telex, toneStyle: ToneStyle = .modern) {
        self.kind = kind
        self.toneStyle = toneStyle
    }

    /// Whether `c` belongs to a word, for finding where the word before the cursor starts.
    ///
    /// Letters only (any Unicode letter, so Vietnamese letters, precomposed or not, and all Telex key
    /// letters). Digits are NOT word characters here, because this function does not know the kind;
    /// use ``isWordCharacter(_:for:)`` when typing with VNI.
    public static func isWordCharacter(_ c: Character) -> Bool {
        c.isLetter
    }

    /// Whether `c` belongs to a word when typing with `kind`: letters, plus the ASCII digits for VNI
    /// (where digits are the tone and mark keys).
    public static func isWordCharacter(_ c: Character, for kind: InputMethodKind) -> Bool {
        if c.isLetter { return true }
        guard kind == .vni, c.unicodeScalars.count == 1, let ascii = c.asciiValue else { return false }
        return ascii >= ASCII.zero && ascii <= ASCII.nine
    }

    /// `word` is the word immediately before the cursor (the trailing run of letters, as typed so far,
    /// possibly already containing Vietnamese letters this method produced), `key` the character just typed.
    /// Returns the new word when the key transforms it (tone, mark, đ, undo), or nil when the key must simply
    /// be inserted as typed. All output is Unicode NFC (precomposed letters).
    ///
    /// The returned word replaces `word`; the key itself is consumed (when it stays visible, e.g. on
    /// undo, it is part of the returned word). See the type's documentation for the rules on foreign
    /// words, undo, precomposed input and digits. Never traps, whatever the input.
    public func apply(_ key: Character, to word: String) -> String? {
        guard key.unicodeScalars.count == 1, let ascii = key.asciiValue,
            let action = action(for: ascii)
        else { return nil }
        guard let letters = Alphabet.decode(word),
            let state = WordState(letters, style: toneStyle)
        else { return nil }
        let edit = Edit(
            kind: kind, style: toneStyle, word: word, state: state,
            key: key, keyLetter: Letter(ascii: ascii))
        return edit.perform(action)
    }

    /// What `key` does with this layout; nil for keys that are never part of a word (punctuation,
    /// space, digits in Telex).
    private func action(for ascii: UInt8) -> Action? {
        let isLetter = Letter(ascii: ascii) != nil
        switch kind {
        case .telex:
            guard isLetter else { return nil }
            switch ascii | 0x20 {  // lowercase
            case ASCII.s: return .tone(.acute)
            case ASCII.f: return .tone(.grave)
            case ASCII.r: return .tone(.hook)
            case ASCII.x: return .tone(.tilde)
            case ASCII.j: return .tone(.dot)
            case ASCII.z: return .removeTone
            case ASCII.a: return .circumflex([ASCII.a])
            case ASCII.e: return .circumflex([ASCII.e])
            case ASCII.o: return .circumflex([ASCII.o])
            case ASCII.w: return .hornOrBreve(horn: true, breve: true, loneW: true)
            case ASCII.d: return .stroke
            default: return .letter
            }
        case .vni:
            if isLetter { return .letter }
            switch ascii {
            case ASCII.zero: return .removeTone
            case ASCII.zero + 1...ASCII.zero + 5: return .tone(Tone(rawValue: Int(ascii - ASCII.zero)) ?? .none)
            case ASCII.zero + 6: return .circumflex([ASCII.a, ASCII.e, ASCII.o])
            case ASCII.zero + 7: return .hornOrBreve(horn: true, breve: false, loneW: false)
            case ASCII.zero + 8: return .hornOrBreve(horn: false, breve: true, loneW: false)
            case ASCII.nine: return .stroke
            default: return nil
            }
        }
    }
}

// MARK: - Letters

/// ASCII codes used by the method.
enum ASCII {
    static let a = UInt8(ascii: "a"), d = UInt8(ascii: "d"), e = UInt8(ascii: "e"), f = UInt8(ascii: "f")
    static let g = UInt8(ascii: "g"), i = UInt8(ascii: "i"), j = UInt8(ascii: "j"), o = UInt8(ascii: "o")
    static let q = UInt8(ascii: "q"), r = UInt8(ascii: "r"), s = UInt8(ascii: "s"), u = UInt8(ascii: "u")
    static let w = UInt8(ascii: "w"), x = UInt8(ascii: "x"), y = UInt8(ascii: "y"), z = UInt8(ascii: "z")
    static let zero = UInt8(ascii: "0"), nine = UInt8(ascii: "9")
}

/// A diacritic that changes the letter itself, as opposed to the tone: â ê ô, ă, ơ ư, đ.
enum Mark: Sendable, Hashable {
    case none, circumflex, breve, horn, stroke
}

/// The Vietnamese tones, in the order of the VNI keys 1...5.
enum Tone: Int, Sendable, Hashable, CaseIterable {
    case none = 0, acute, grave, hook, tilde, dot

    /// The Telex key letter of the tone (lowercase).
    var telexKey: UInt8 {
        switch self {
        case .none: return ASCII.z
        case .acute: return ASCII.s
        case .grave: return ASCII.f
        case .hook: return ASCII.r
        case .tilde: return ASCII.x
        case .dot: return ASCII.j
        }
    }
}

/// One letter of a word: a lowercase ASCII base letter plus mark, tone and case.
struct Letter: Sendable, Hashable {
    var base: UInt8
    var mark: Mark = .none
    var tone: Tone = .none
    var isUppercase = false

    init(base: UInt8, mark: Mark = .none, tone: Tone = .none, isUppercase: Bool = false) {
        self.base = base
        self.mark = mark
        self.tone = tone
        self.isUppercase = isUppercase
    }

    /// The plain letter for an ASCII letter key; nil for anything else.
    init?(ascii: UInt8) {
        switch ascii {
        case UInt8(ascii: "a")...UInt8(ascii: "z"): self.init(base: ascii)
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): self.init(base: ascii | 0x20, isUppercase: true)
        default: return nil
        }
    }

    var isVowel: Bool {
        switch base {
        case ASCII.a, ASCII.e, ASCII.i, ASCII.o, ASCII.u, ASCII.y: return true
        default: return false
        }
    }

    var withoutTone: Letter {
        var letter = self
        letter.tone = .none
        return letter
    }
}

/// The Vietnamese alphabet: conversion between characters and ``Letter``s.
enum Alphabet {
    private struct Row {
        let base: UInt8
        let mark: Mark
        let lower: [Character]  // no tone, sắc, huyền, hỏi, ngã, nặng
        let upper: [Character]
    }

    /// All Vietnamese vowels with their six tone forms, precomposed (NFC).
    private static let rows: [Row] = [
        Row(base: ASCII.a, mark: .none, lower: Array("aáàảãạ"), upper: Array("AÁÀẢÃẠ")),
        Row(base: ASCII.a, mark: .breve, lower: Array("ăắằẳẵặ"), upper: Array("ĂẮẰẲẴẶ")),
        Row(base: ASCII.a, mark: .circumflex, lower: Array("âấầẩẫậ"), upper: Array("ÂẤẦẨẪẬ")),
        Row(base: ASCII.e, mark: .none, lower: Array("eéèẻẽẹ"), upper: Array("EÉÈẺẼẸ")),
        Row(base: ASCII.e, mark: .circumflex, lower: Array("êếềểễệ"), upper: Array("ÊẾỀỂỄỆ")),
        Row(base: ASCII.i, mark: .none, lower: Array("iíìỉĩị"), upper: Array("IÍÌỈĨỊ")),
        Row(base: ASCII.o, mark: .none, lower: Array("oóòỏõọ"), upper: Array("OÓÒỎÕỌ")),
        Row(base: ASCII.o, mark: .circumflex, lower: Array("ôốồổỗộ"), upper: Array("ÔỐỒỔỖỘ")),
        Row(base: ASCII.o, mark: .horn, lower: Array("ơớờởỡợ"), upper: Array("ƠỚỜỞỠỢ")),
        Row(base: ASCII.u, mark: .none, lower: Array("uúùủũụ"), upper: Array("UÚÙỦŨỤ")),
        Row(base: ASCII.u, mark: .horn, lower: Array("ưứừửữự"), upper: Array("ƯỨỪỬỮỰ")),
        Row(base: ASCII.y, mark: .none, lower: Array("yýỳỷỹỵ"), upper: Array("YÝỲỶỸỴ"))
    ]

    private struct VowelKey: Hashable {
        let base: UInt8
        let mark: Mark
        let tone: Tone
        let isUppercase: Bool
    }

    private static let vowels: [VowelKey: Character] = {
        var table: [VowelKey: Character] = [:]
        for row in rows {
            for tone in Tone.allCases {
                table[VowelKey(base: row.base, mark: row.mark, tone: tone, isUppercase: false)] =
                    row.lower[tone.rawValue]
                table[VowelKey(base: row.base, mark: row.mark, tone: tone, isUppercase: true)] =
                    row.upper[tone.rawValue]
            }
        }
        return table
    }()

    /// Every character of the alphabet. `Character` hashing and equality follow canonical
    /// equivalence, so decomposed input ("a" + U+0301) finds the same entry as "á".
    private static let letters: [Character: Letter] = {
        var table: [Character: Letter] = [:]
        for (key, character) in vowels {
            table[character] = Letter(base: key.base, mark: key.mark, tone: key.tone, isUppercase: key.isUppercase)
        }
        for code in UInt8(ascii: "a")...UInt8(ascii: "z") {
            table[Character(Unicode.Scalar(code))] = Letter(base: code)
            table[Character(Unicode.Scalar(code - 0x20))] = Letter(base: code, isUppercase: true)
        }
        table["đ"] = Letter(base: ASCII.d, mark: .stroke)
        table["Đ"] = Letter(base: ASCII.d, mark: .stroke, isUppercase: true)
        return table
    }()

    /// The letters of `word`, or nil if it contains anything that is not an ASCII or Vietnamese letter.
    static func decode(_ word: String) -> [Letter]? {
        var result: [Letter] = []
        for character in word {
            guard let letter = letters[character] else { return nil }
            result.append(letter)
        }
        return result
    }

    /// The precomposed character of `letter`.
    static func character(_ letter: Letter) -> Character {
        if letter.isVowel {
            let mark = letter.mark == .stroke ? .none : letter.mark
            if let c = vowels[
                VowelKey(base: letter.base, mark: mark, tone: letter.tone, isUppercase: letter.isUppercase)]
                ?? vowels[VowelKey(base: letter.base, mark: .none, tone: letter.tone, isUppercase: letter.isUppercase)]
            {
                return c
            }
        }
        if letter.base == ASCII.d && letter.mark == .stroke { return letter.isUppercase ? "Đ" : "đ" }
        return Character(Unicode.Scalar(letter.isUppercase ? letter.base & ~0x20 : letter.base))
    }

    static func render<S: Sequence>(_ letters: S) -> String where S.Element == Letter {
        var text = ""
        for letter in letters { text.append(character(letter)) }
        return text
    }

    /// Lowercase spelling without tone, used to look up syllable parts ("Ườ" → "ươ").
    static func spelling(_ letters: ArraySlice<Letter>) -> String {
        render(
            letters.lazy.map { letter in
                var plain = letter
                plain.tone = .none
                plain.isUppercase = false
                return plain
            })
    }
}

// MARK: - Syllable structure

/// The parts of a syllable, as index ranges into its letters.
struct Parts: Sendable {
    var onset: Range<Int>
    var nucleus: Range<Int>
    var coda: Range<Int>
}

/// Vietnamese spelling rules: what a syllable may be made of and where its tone goes.
enum Syllable {
    static let onsets: Set<String> = [
        "", "b", "c", "ch", "d", "đ", "g", "gh", "gi", "h", "k", "kh", "kr", "l", "m", "n", "ng", "ngh",
        "nh", "p", "ph", "qu", "r", "s", "t", "th", "tr", "v", "x"
    ]

    /// Consonant runs allowed in a word that has no vowel yet ("q" waits for its "u").
    static let onsetPrefixes: Set<String> = onsets.union(["q"])

    /// Vowel clusters: complete ones, then the unfinished ones met while typing
    /// ("tie" before "tiê", "truo" before "trươ", "khue" before "khuê", "huu" before "hưu"…).
    static let nuclei: Set<String> = [
        "a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y",
        "ai", "ao", "au", "ay", "âu", "ây", "eo", "êu", "ia", "iê", "iu", "oa", "oă", "oe", "oi", "ôi",
        "ơi", "oo", "ua", "uâ", "uê", "ui", "uô", "uơ", "uy", "ưa", "ưi", "ươ", "ưu", "yê",
        "iêu", "oai", "oay", "oeo", "uây", "uôi", "uya", "uyê", "uyu", "ươi", "ươu", "yêu",
        // unfinished
        "ie", "ye", "uo", "ưo", "eu", "ue", "uu", "ieu", "yeu", "uoi", "ưoi", "uou", "ưou", "uye"
    ]

    /// Vowel clusters that end the syllable: no final consonant may follow.
    static let openNuclei: Set<String> = [
        "ai", "ao", "au", "ay", "âu", "ây", "eo", "êu", "ia", "iu", "oi", "ôi", "ơi", "ui", "ưa", "ưi",
        "ưu", "iêu", "oai", "oay", "oeo", "uây", "uôi", "uya", "uyu", "ươi", "ươu", "yêu",
        "eu", "uu", "ieu", "yeu", "uoi", "ưoi", "uou", "ưou"
    ]

    static let codas: Set<String> = ["", "c", "ch", "k", "m", "n", "ng", "nh", "p", "t"]

    /// Finals after which only sắc or nặng is possible.
    static let stopCodas: Set<String> = ["c", "ch", "k", "p", "t"]

    /// Vowels after which the final "k" of Tây Nguyên names is accepted (Đắk, Lắk, Búk).
    static let kNuclei: Set<String> = ["ă", "u"]

    /// Unfinished clusters whose "e" will become "ê": the tone already goes there.
    static let pendingCircumflexE: Set<String> = ["ie", "ye", "ue", "eu", "ieu", "yeu", "uye"]

    /// Open two-vowel clusters whose tone position depends on ``ToneStyle``.
    static let styleDependent: Set<String> = ["oa", "oe", "uy"]

    /// Splits letters (tones ignored) into initial consonants, vowels and final consonants.
    /// Returns nil if a vowel follows the final consonant ("email"). "qu" and "gi" (before another
    /// vowel) count as initials.
    static func split(_ letters: [Letter]) -> Parts? {
        let count = letters.count
        var index = 0
        while index < count && !letters[index].isVowel { index += 1 }
        var onsetEnd = index
        while index < count && letters[index].isVowel { index += 1 }
        let nucleusEnd = index
        while index < count {
            if letters[index].isVowel { return nil }
            index += 1
        }
        if onsetEnd == 1 && nucleusEnd - onsetEnd >= 2 && letters[0].mark == .none {
            let vowel = letters[1]
            if letters[0].base == ASCII.q && vowel.base == ASCII.u && vowel.mark == .none {
                onsetEnd = 2  // qu
            } else if letters[0].base == ASCII.g && vowel.base == ASCII.i {
                onsetEnd = 2  // gi
            }
        }
        return Parts(onset: 0..<onsetEnd, nucleus: onsetEnd..<nucleusEnd, coda: nucleusEnd..<count)
    }

    /// Whether `letters` (tones ignored) with `tone` is a plausible Vietnamese syllable, complete or
    /// still being typed.
    static func isValid(_ letters: [Letter], _ parts: Parts, tone: Tone) -> Bool {
        let onset = Alphabet.spelling(letters[parts.onset])
        if parts.nucleus.isEmpty {
            return tone == .none && onsetPrefixes.contains(onset)
        }
        let nucleus = Alphabet.spelling(letters[parts.nucleus])
        let coda = Alphabet.spelling(letters[parts.coda])
        guard onsets.contains(onset), nuclei.contains(nucleus), codas.contains(coda) else { return false }
        if coda == "k" && !kNuclei.contains(nucleus) { return false }
        if !coda.isEmpty && openNuclei.contains(nucleus) { return false }
        if stopCodas.contains(coda) && tone != .none && tone != .acute && tone != .dot { return false }
        return true
    }

    /// Index (into `letters`) of the vowel that carries the tone; nil if there is no vowel.
    static func toneIndex(_ letters: [Letter], _ parts: Parts, style: ToneStyle) -> Int? {
        let nucleus = parts.nucleus
        guard !nucleus.isEmpty else { return nil }
        let start = nucleus.lowerBound
        let count = nucleus.count
        if count == 1 { return start }
        // u followed by o (ươ, uô, uơ, and the unfinished uo, ưo): on the o. "người", "muốn", "thuở".
        for k in start..<(nucleus.upperBound - 1)
        where letters[k].base == ASCII.u && letters[k + 1].base == ASCII.o {
            return k + 1
        }
        // A vowel with a diacritic takes it (the last one if several): "tiếng", "cứu", "mưa".
        if let k = nucleus.last(where: { letters[$0].mark != .none }) { return k }
        let skeleton = String(decoding: letters[nucleus].map(\.base), as: UTF8.self)
        // Unfinished "ie", "uye"…: the e that is about to become ê.
        if pendingCircumflexE.contains(skeleton),
            let k = nucleus.first(where: { letters[$0].base == ASCII.e })
        {
            return k
        }
        // With a final consonant: the last vowel. "hoàn", "toán", "huỳnh".
        if !parts.coda.isEmpty { return nucleus.upperBound - 1 }
        // Open, three vowels: the middle one. "ngoài", "khuỷu".
        if count >= 3 { return start + 1 }
        // Open, two vowels: the first, except oa oe uy in the modern style. "mía", "hoà"/"hòa".
        if styleDependent.contains(skeleton) && style == .modern { return start + 1 }
        return start
    }

    /// Fixes the horn of "uơ" / "ươ": "ươ" whenever anything follows (truơn → trươn, người), and
    /// "uơ" in an open toned syllable after th, h or kh ("thươ" + r → "thuở"), since a bare open
    /// "ươ" is not Vietnamese. (Toneless "huơ" cannot be typed; "hươ" stays as typed.)
    static func normalize(_ letters: inout [Letter], _ parts: Parts, tone: Tone) {
        let nucleus = parts.nucleus
        guard nucleus.count >= 2 else { return }
        for k in nucleus.lowerBound..<(nucleus.upperBound - 1)
        where letters[k].base == ASCII.u && letters[k + 1].base == ASCII.o && letters[k + 1].mark == .horn {
            let followed = k + 2 < nucleus.upperBound || !parts.coda.isEmpty
            if followed {
                letters[k].mark = .horn
            } else if tone != .none && nucleus.count == 2 && letters[k].mark == .horn {
                let onset = Alphabet.spelling(letters[parts.onset])
                if onset == "th" || onset == "h" || onset == "kh" { letters[k].mark = .none }
            }
        }
    }

    /// `letters` with `tone` as this method writes them (horns fixed, tone placed), or nil if that
    /// is not a plausible syllable.
    static func finish(_ input: [Letter], tone: Tone, style: ToneStyle) -> [Letter]? {
        var letters = input.map(\.withoutTone)
        guard let parts = split(letters) else { return nil }
        normalize(&letters, parts, tone: tone)
        guard isValid(letters, parts, tone: tone) else { return nil }
        if tone != .none {
            guard let index = toneIndex(letters, parts, style: style) else { return nil }
            letters[index].tone = tone
        }
        return letters
    }
}

// MARK: - Applying a key

/// What a key does.
enum Action: Sendable {
    case tone(Tone)
    case removeTone
    /// â ê ô, on a vowel whose base is one of these letters.
    case circumflex([UInt8])
    /// ơ ư (horn) and/or ă (breve); `loneW`: Telex "w" with no vowel before it is "ư".
    case hornOrBreve(horn: Bool, breve: Bool, loneW: Bool)
    /// d → đ
    case stroke
    /// A plain letter.
    case letter
}

/// The word before the cursor, decoded and checked.
struct WordState {
    /// The letters as in the word, tone included.
    let letters: [Letter]
    /// The same letters without tone.
    let bare: [Letter]
    let parts: Parts
    let tone: Tone
    let tonedIndex: Int?

    /// Nil unless the word is a plausible syllable written exactly as this method writes it.
    init?(_ letters: [Letter], style: ToneStyle) {
        var tonedIndex: Int?
        for (index, letter) in letters.enumerated() where letter.tone != .none {
            if tonedIndex != nil { return nil }  // two tones
            tonedIndex = index
        }
        let tone = tonedIndex.map { letters[$0].tone } ?? .none
        let bare = letters.map(\.withoutTone)
        guard let parts = Syllable.split(bare), Syllable.isValid(bare, parts, tone: tone) else { return nil }
        var normalized = bare
        Syllable.normalize(&normalized, parts, tone: tone)
        guard normalized == bare else { return nil }
        if let tonedIndex, Syllable.toneIndex(bare, parts, style: style) != tonedIndex { return nil }
        self.letters = letters
        self.bare = bare
        self.parts = parts
        self.tone = tone
        self.tonedIndex = tonedIndex
    }

    /// Whether any letter carries a tone or a mark, i.e. the method (may have) changed the keys.
    var isTransformed: Bool {
        letters.contains { $0.tone != .none || $0.mark != .none }
    }
}

/// One keystroke applied to one word.
struct Edit {
    let kind: InputMethodKind
    let style: ToneStyle
    let word: String
    let state: WordState
    let key: Character
    /// The key as a plain letter; nil for VNI digits.
    let keyLetter: Letter?

    func perform(_ action: Action) -> String? {
        switch action {
        case .tone(let tone): return applyTone(tone)
        case .removeTone: return removeTone()
        case .circumflex(let bases): return applyCircumflex(on: bases)
        case .hornOrBreve(let horn, let breve, let loneW):
            return applyHornOrBreve(horn: horn, breve: breve, loneW: loneW)
        case .stroke: return applyStroke()
        case .letter: return appendKey()
        }
    }

    // MARK: Helpers

    private func finish(_ letters: [Letter], tone: Tone) -> String? {
        Syllable.finish(letters, tone: tone, style: style).map(Alphabet.render)
    }

    /// Undo: the word with `change` applied, followed by the key as typed.
    private func undo(_ change: (inout [Letter]) -> Void) -> String {
        var letters = state.letters
        change(&letters)
        var text = Alphabet.render(letters)
        text.append(key)
        return text
    }

    /// The key as an ordinary letter: appended, with the tone placed again (hoà + n → hoàn under the
    /// traditional style). Nil when that is just the word followed by the key.
    private func appendKey() -> String? {
        guard let keyLetter else { return nil }  // a VNI digit that did nothing: insert it
        if let result = finish(state.bare + [keyLetter], tone: state.tone) {
            return result == word + String(key) ? nil : result
        }
        // Not Vietnamese. A transformed word is given back as its keys ("Ú" + "B" → "USB"), unless
        // it is a complete syllable with a final consonant and the key another consonant ("Nguyễnn"),
        // which is a typo.
        if kind == .telex && state.isTransformed && (state.parts.coda.isEmpty || keyLetter.isVowel) {
            return restoredKeys()
        }
        return nil
    }

    /// The Telex keys that produce the word, followed by the key: "Ú" → "US", "Gô" → "Goo",
    /// "Ừi" → "Wif". Added key letters are uppercase when the word is in capitals.
    private func restoredKeys() -> String {
        let letters = state.letters
        let allUppercase = letters.allSatisfy(\.isUppercase)
        let uppercaseKeys = letters.count >= 2 ? allUppercase : allUppercase && (keyLetter?.isUppercase ?? false)
        func keyText(_ ascii: UInt8) -> Character {
            Character(Unicode.Scalar(uppercaseKeys ? ascii & ~0x20 : ascii))
        }
        var text = ""
        for letter in letters {
            var plain = letter
            plain.mark = .none
            plain.tone = .none
            switch letter.mark {
            case .none:
                text.append(Alphabet.character(plain))
            case .horn where letter.base == ASCII.u:
                text.append(letter.isUppercase ? "W" : "w")  // ư is typed as a lone w
            case .horn, .breve:
                text.append(Alphabet.character(plain))
                text.append(keyText(ASCII.w))
            case .circumflex:
                text.append(Alphabet.character(plain))
                text.append(keyText(letter.base))
            case .stroke:
                text.append(Alphabet.character(plain))
                text.append(keyText(ASCII.d))
            }
        }
        if state.tone != .none { text.append(keyText(state.tone.telexKey)) }
        text.append(key)
        return text
    }

    // MARK: Actions

    private func applyTone(_ tone: Tone) -> String? {
        guard !state.parts.nucleus.isEmpty else { return appendKey() }
        if tone == state.tone, let toned = state.tonedIndex {
            // Same key twice: undo, leaving the key letter.
            return undo { letters in
                letters[toned].tone = .none
                // "ÁU" + S: put the first S back after Á too, so "ASUS" stays "ASUS".
                if kind == .telex, state.parts.onset.isEmpty, toned + 1 < state.parts.nucleus.upperBound,
                    letters.allSatisfy({ $0.mark == .none }), let keyLetter
                {
                    letters.insert(keyLetter, at: toned + 1)
                }
            }
        }
        return finish(state.bare, tone: tone) ?? appendKey()
    }

    private func removeTone() -> String? {
        guard state.tone != .none else { return appendKey() }
        return finish(state.bare, tone: .none) ?? Alphabet.render(state.bare)
    }

    private func applyCircumflex(on bases: [UInt8]) -> String? {
        let parts = state.parts
        let bare = state.bare
        let targets = parts.nucleus.filter { bases.contains(bare[$0].base) }
        if let marked = targets.first(where: { bare[$0].mark == .circumflex }) {
            return undo { $0[marked].mark = .none }  // "aaa" → "aa"
        }
        for k in targets.reversed() {
            var candidate = bare
            candidate[k].mark = .circumflex  // also ă → â, ơ → ô
            if bare[k].base == ASCII.o && k > parts.nucleus.lowerBound && bare[k - 1].base == ASCII.u {
                candidate[k - 1].mark = .none  // ươ → uô
            }
            if let result = finish(candidate, tone: state.tone) { return result }
        }
        return appendKey()
    }

    private func applyHornOrBreve(horn: Bool, breve: Bool, loneW: Bool) -> String? {
        let parts = state.parts
        let bare = state.bare
        let nucleus = parts.nucleus

        // Telex: "w" with no vowel before it ("w", "nhw"), or right after "gi", is "ư".
        if loneW && parts.coda.isEmpty {
            let onset = Alphabet.spelling(bare[parts.onset])
            let nucleusText = Alphabet.spelling(bare[nucleus])
            if nucleus.isEmpty || (onset == "g" && nucleusText == "i") {
                let u = Letter(base: ASCII.u, mark: .horn, isUppercase: keyLetter?.isUppercase ?? false)
                return finish(bare + [u], tone: state.tone) ?? appendKey()
            }
        }
        guard !nucleus.isEmpty else { return appendKey() }

        // u + o → ươ ("truongw" → "trương", "đưo" + w → "đươ").
        if horn, let k = nucleus.dropLast().first(where: { bare[$0].base == ASCII.u && bare[$0 + 1].base == ASCII.o }),
            bare[k + 1].mark != .horn
        {
            var candidate = bare
            candidate[k].mark = .horn
            candidate[k + 1].mark = .horn
            if let result = finish(candidate, tone: state.tone) { return result }
        }

        // Already there: undo ("aww" → "aw", "ww" → "w").
        let marked = nucleus.filter { (horn && bare[$0].mark == .horn) || (breve && bare[$0].mark == .breve) }
        if !marked.isEmpty {
            let k = nucleus.lowerBound
            if loneW && nucleus.count == 1 && parts.coda.isEmpty && state.tone == .none && bare[k].base == ASCII.u {
                var letters = state.letters
                letters[k] = Letter(base: ASCII.w, isUppercase: letters[k].isUppercase)
                return Alphabet.render(letters)
            }
            return undo { letters in for k in marked { letters[k].mark = .none } }
        }

        // A single vowel: u → ư, o → ơ, a → ă (also ô → ơ, â → ă), the first that gives a valid cluster.
        for k in nucleus {
            var candidate = bare
            switch bare[k].base {
            case ASCII.u where horn, ASCII.o where horn: candidate[k].mark = .horn
            case ASCII.a where breve: candidate[k].mark = .breve
            default: continue
            }
            if let result = finish(candidate, tone: state.tone) { return result }
        }
        return appendKey()
    }

    private func applyStroke() -> String? {
        guard state.parts.onset.count == 1, state.bare[0].base == ASCII.d else { return appendKey() }
        if state.bare[0].mark == .stroke {
            return undo { $0[0].mark = .none }  // "ddd" → "dd"
        }
        var candidate = state.bare
        candidate[0].mark = .stroke
        return finish(candidate, tone: state.tone) ?? appendKey()
    }
}
