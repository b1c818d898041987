/// The four faces of a family used by documents.
public enum FontStyle: Int, Sendable, CaseIterable, Hashable, Comparable {
    case regular, bold, italic, boldItalic

    public static func < (a: FontStyle, b: FontStyle) -> Bool { a.rawValue < b.rawValue }

    /// The face used when this one is missing: bold italic falls back to bold, the others to regular.
    var fallback: FontStyle? {
        switch self {
        case .regular: nil
        case .bold, .italic: .regular
        case .boldItalic: .bold
        }
    }

    var englishName: String {
        switch self {
        case .regular: "regular"
        case .bold: "bold"
        case .italic: "italic"
        case .boldItalic: "bold italic"
        }
    }

    var vietnameseName: String {
        switch self {
        case .regular: "thường"
        case .bold: "đậm"
        case .italic: "nghiêng"
        case .boldItalic: "đậm nghiêng"
        }
    }
}

/// A usable font family: four parsed faces (a missing face is replaced by its fallback, see
/// `substitutedStyles`), each covering every Vietnamese letter.
public struct FontFamily: Sendable {
    /// The family's name ("Liberation Serif").
    public let name: String
    let faces: [TrueTypeFont]
    /// The file each face was read from (a substituted face has its fallback's path).
    public let paths: [FontStyle: String]
    /// Faces that were missing or unusable and are drawn with their fallback instead.
    public let substitutedStyles: [FontStyle]

    /// A family from parsed faces; a nil face is replaced by its fallback (bold italic → bold → regular).
    public init(
        name: String, regular: TrueTypeFont, bold: TrueTypeFont? = nil, italic: TrueTypeFont? = nil,
        boldItalic: TrueTypeFont? = nil, paths: [FontStyle: String] = [:]
    ) {
        self.name = name
        let bold2 = bold ?? regular
        faces = [regular, bold2, italic ?? regular, boldItalic ?? bold2]
        var substituted: [FontStyle] = []
        var paths = paths
        if bold == nil { substituted.append(.bold); paths[.bold] = paths[.regular] }
        if italic == nil { substituted.append(.italic); paths[.italic] = paths[.regular] }
        if boldItalic == nil {
            substituted.append(.boldItalic); paths[.boldItalic] = paths[bold == nil ? .regular : .bold]
        }
        self.paths = paths
        substitutedStyles = substituted
    }

    public subscript(style: FontStyle) -> TrueTypeFont { faces[style.rawValue] }
}

/// A family to look for: the files of each face, first existing path first.
public struct FontCandidate: Sendable, Equatable {
    public var name: String
    /// Paths to try for each face, in order. `regular` must be non-empty.
    public var paths: [FontStyle: [String]]

    public init(name: String, paths: [FontStyle: [String]]) {
        self.name = name
        self.paths = paths
    }

    /// Liberation Serif (metric-compatible with Times New Roman): Debian's fonts-liberation2, then the older
    /// fonts-liberation.
    public static let liberationSerif: FontCandidate = {
        let dirs = ["/usr/share/fonts/truetype/liberation2/", "/usr/share/fonts/truetype/liberation/"]
        func files(_ suffix: String) -> [String] { dirs.map { $0 + "LiberationSerif-\(suffix).ttf" } }
        return FontCandidate(
            name: "Liberation Serif",
            paths: [
                .regular: files("Regular"), .bold: files("Bold"),
                .italic: files("Italic"), .boldItalic: files("BoldItalic")
            ])
    }()

    /// DejaVu Serif (Debian's fonts-dejavu-core and fonts-dejavu-extra).
    public static let dejaVuSerif: FontCandidate = {
        let dir = "/usr/share/fonts/truetype/dejavu/"
        return FontCandidate(
            name: "DejaVu Serif",
            paths: [
                .regular: [dir + "DejaVuSerif.ttf"], .bold: [dir + "DejaVuSerif-Bold.ttf"],
                .italic: [dir + "DejaVuSerif-Italic.ttf"],
                .boldItalic: [dir + "DejaVuSerif-BoldItalic.ttf"]
            ])
    }()

    /// One font file given by the user, used for every face (or separate files per face).
    public static func explicit(regular: String, bold: String? = nil, italic: String? = nil, boldItalic: String? = nil)
        -> FontCandidate
    {
        var paths: [FontStyle: [String]] = [.regular: [regular]]
        if let bold { paths[.bold] = [bold] }
        if let italic { paths[.italic] = [italic] }
        if let boldItalic { paths[.boldItalic] = [boldItalic] }
        return FontCandidate(name: regular, paths: paths)
    }

    /// The families searched by default, in order: Liberation Serif, then DejaVu Serif.
    public static let standard: [FontCandidate] = [liberationSerif, dejaVuSerif]
}

/// Why one face of a candidate could not be used.
public enum FontProblem: Sendable, Equatable, CustomStringConvertible {
    /// No file at any of the paths.
    case notFound(paths: [String])
    /// The file exists but could not be read (errno).
    case unreadable(path: String, code: Int32)
    /// The file is not a usable TrueType font.
    case invalid(path: String, TrueTypeError)
    /// The font lacks Vietnamese letters (listed, lower case first).
    case missingLetters(path: String, [Character])

    public var description: String {
        switch self {
        case .notFound(let paths): "not found (\(paths.joined(separator: ", ")))"
        case let .unreadable(path, code): "\(path): cannot be read (\(FileAccess.message(code)))"
        case let .invalid(path, error): "\(path): \(error)"
        case let .missingLetters(path, letters): "\(path): lacks the Vietnamese letters \(String(letters))"
        }
    }

    /// The same in Vietnamese, for the officer.
    public var vietnameseDescription: String {
        switch self {
        case .notFound(let paths): "không có tệp (\(paths.joined(separator: ", ")))"
        case let .unreadable(path, code): "\(path): không đọc được (\(FileAccess.message(code)))"
        case let .invalid(path, error): "\(path): không phải phông TrueType dùng được (\(error))"
        case let .missingLetters(path, letters): "\(path): thiếu các chữ tiếng Việt \(String(letters))"
        }
    }
}

/// What the search found for one candidate family.
public struct FontCandidateOutcome: Sendable {
    public let name: String
    /// The path used for each face that was usable.
    public let found: [FontStyle: String]
    /// The problem of each face that was not.
    public let problems: [FontStyle: FontProblem]
    /// Usable when the regular face is.
    public var usable: Bool { found[.regular] != nil }
}

/// The result of a font search: the family chosen (nil when none was usable) and what was found for every
/// candidate tried, to explain a failure.
public struct FontDiscoveryResult: Sendable {
    public let family: FontFamily?
    public let outcomes: [FontCandidateOutcome]

    /// One line per candidate tried, in English (for logs and tests).
    public var explanation: String {
        outcomes.map { o in
            let state = o.usable ? "usable" : "unusable"
            let problems = FontStyle.allCases.compactMap { s in o.problems[s].map { "\(s.englishName): \($0)" } }
            return "\(o.name): \(state)" + (problems.isEmpty ? "" : "; " + problems.joined(separator: "; "))
        }.joined(separator: "\n")
    }

    /// A message for the officer, in Vietnamese, when no family was usable (empty when one was).
    public var vietnameseMessage: String {
        guard family == nil else { return "" }
        var lines = [
            "Không tìm được phông chữ có đủ dấu tiếng Việt để tạo tệp PDF; văn bản được lưu dạng chữ thường (.txt)."
        ]
        for o in outcomes {
            let problems = FontStyle.allCases.compactMap { s in
                o.problems[s].map { "kiểu \(s.vietnameseName): \($0.vietnameseDescription)" }
            }
            lines.append("- \(o.name): " + problems.joined(separator: "; "))
        }
        lines.append(
            "Cài gói fonts-liberation2 (apt-get install fonts-liberation2) hoặc chỉ ra tệp phông .ttf có đủ chữ tiếng Việt."
        )
        return lines.joined(separator: "\n")
    }
}

/// Finds a serif family that can print Vietnamese.
public enum FontDiscovery {
    /// Tries `candidates` in order (by default Liberation Serif, then DejaVu Serif), then `explicitPath` when
    /// given, and returns the first family whose regular face is a valid TrueType font covering every
    /// Vietnamese letter. Faces that are missing or fail the same checks fall back (bold italic → bold →
    /// regular) and are listed in `FontFamily.substitutedStyles`.
    ///
    /// `read` returns a file's bytes (tests pass fakes); the default reads the file system.
    public static func discover(
        candidates: [FontCandidate] = FontCandidate.standard, explicitPath: String? = nil,
        read: (String) throws(FileAccess.ReadError) -> [UInt8] = { p throws(FileAccess.ReadError) in
            try FileAccess.read(p)
        }
    )
        -> FontDiscoveryResult
    {
        var list = candidates
        if let explicitPath { list.append(.explicit(regular: explicitPath)) }
        var outcomes: [FontCandidateOutcome] = []
        var cache: [String: TrueTypeFont] = [:]
        for candidate in list {
            var found: [FontStyle: String] = [:]
            var problems: [FontStyle: FontProblem] = [:]
            var faces: [FontStyle: TrueTypeFont] = [:]
            for style in FontStyle.allCases {
                guard let paths = candidate.paths[style], !paths.isEmpty else { continue }
                var problem: FontProblem = .notFound(paths: paths)
                for path in paths {
                    if let font = cache[path] {
                        faces[style] = font
                        found[style] = path
                        break
                    }
                    let bytes: [UInt8]
                    do { bytes = try read(path) } catch {
                        if !error.notFound { problem = .unreadable(path: path, code: error.code) }
                        continue
                    }
                    let font: TrueTypeFont
                    do { font = try TrueTypeFont(bytes: bytes) } catch {
                        problem = .invalid(path: path, error)
                        continue
                    }
                    let missing = VietnameseCoverage.missingLetters(in: font)
                    guard missing.isEmpty else {
                        problem = .missingLetters(path: path, missing)
                        continue
                    }
                    cache[path] = font
                    faces[style] = font
                    found[style] = path
                    break
                }
                if found[style] == nil { problems[style] = problem }
            }
            if candidate.paths[.regular] == nil { problems[.regular] = .notFound(paths: []) }
            let outcome = FontCandidateOutcome(name: candidate.name, found: found, problems: problems)
            outcomes.append(outcome)
            if let regular = faces[.regular] {
                let family = FontFamily(
                    name: regular.familyName, regular: regular, bold: faces[.bold], italic: faces[.italic],
                    boldItalic: faces[.boldItalic], paths: found)
                return FontDiscoveryResult(family: family, outcomes: outcomes)
            }
        }
        return FontDiscoveryResult(family: nil, outcomes: outcomes)
    }
}

/// The letters of Vietnamese that a font must map.
public enum VietnameseCoverage {
    /// Every lower-case letter: the basic Latin letters, đ, and the twelve vowels (a ă â e ê i o ô ơ u ư y)
    /// with no tone and with each of the five tones, precomposed (NFC).
    public static let lowercaseLetters: [Character] = Array(
        "abcdefghijklmnopqrstuvwxyzđ"
            + "àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ")

    /// Lower and upper case.
    public static let letters: [Character] = lowercaseLetters + lowercaseLetters.map { Character($0.uppercased()) }

    /// The letters `font` does not map, in the order of `letters` (empty when the font covers Vietnamese).
    public static func missingLetters(in font: TrueTypeFont) -> [Character] {
        letters.filter { letter in letter.unicodeScalars.contains { font.glyph(for: $0) == nil } }
    }
}
