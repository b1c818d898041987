import Foundation
@testable import MotCuaPDF

/// Fonts and external tools the tests use, with what to do when they are absent.
enum Fixtures {
    /// Debian's fonts-liberation2, else the older fonts-liberation.
    static func liberation(_ face: String) -> String {
        let paths = ["liberation2", "liberation"].map { "/usr/share/fonts/truetype/\($0)/LiberationSerif-\(face).ttf" }
        return paths.first(where: FileAccess.exists) ?? paths[0]
    }
    static let liberationRegular = liberation("Regular")
    static let liberationItalic = liberation("Italic")
    static let dejaVuSerif = "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf"

    static func bytes(_ path: String) throws -> [UInt8] { try FileAccess.read(path) }
    static func font(_ path: String) throws -> TrueTypeFont { try TrueTypeFont(bytes: bytes(path)) }

    /// The family found on this machine (Liberation Serif on Debian with fonts-liberation2).
    static let family: FontFamily? = FontDiscovery.discover().family

    /// A temporary directory for one test.
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("motcua-pdf-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

/// Runs external programs (qpdf, poppler-utils) when they are installed.
enum Tool {
    static func path(_ name: String) -> String? {
        let dirs = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":").map(
            String.init)
        return dirs.map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// True when every tool is present; otherwise prints which are missing (the caller skips its checks).
    static func available(_ names: [String], for test: String) -> Bool {
        let missing = names.filter { path($0) == nil }
        if !missing.isEmpty { print("SKIPPED (\(test)): \(missing.joined(separator: ", ")) not installed") }
        return missing.isEmpty
    }

    /// Runs a tool; stdout and stderr come back together. The output is read to the end before waiting for
    /// the child, so a chatty tool cannot block on a full pipe.
    static func run(_ name: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path(name)!)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    /// The text of a PDF (or of its pages `first`…`last`) from `pdftotext -layout`, through a file so that
    /// warnings on stderr do not mix with the text.
    static func text(_ pdf: URL, first: Int? = nil, last: Int? = nil) throws -> String {
        let out = pdf.deletingPathExtension().appendingPathExtension("txt")
        var args = ["-layout", "-enc", "UTF-8"]
        if let first { args += ["-f", String(first)] }
        if let last { args += ["-l", String(last)] }
        let result = try run("pdftotext", args + [pdf.path, out.path])
        guard result.status == 0 else { throw ToolError(message: result.output) }
        return try String(contentsOf: out, encoding: .utf8)
    }

    struct ToolError: Error { let message: String }
}

extension String {
    /// The text split at runs of two or more spaces (columns of `pdftotext -layout`), each piece trimmed.
    var layoutPieces: [String] {
        var pieces: [String] = []
        for line in split(separator: "\n", omittingEmptySubsequences: true) {
            var current = ""
            var spaces = 0
            for c in line {
                if c == " " {
                    spaces += 1
                    continue
                }
                if spaces >= 2 && !current.isEmpty {
                    pieces.append(current)
                    current = ""
                } else if spaces == 1 && !current.isEmpty {
                    current += " "
                }
                spaces = 0
                current.append(c)
            }
            if !current.isEmpty { pieces.append(current) }
        }
        return pieces
    }

    var trimmedLines: [String] {
        split(separator: "\n", omittingEmptySubsequences: true).map {
            $0.trimmingCharacters(in: CharacterSet.whitespaces.union(CharacterSet(charactersIn: "\u{0C}")))
        }.filter { !$0.isEmpty }
    }

    /// NFC normalisation (Foundation), to compare extracted text with what was drawn.
    var nfc: String { precomposedStringWithCanonicalMapping }
}

/// A minimal TrueType reader written independently of the module, used as an oracle: the table directory
/// and the raw `hmtx` entries.
enum Oracle {
    static func u16(_ b: [UInt8], _ i: Int) -> Int { Int(b[i]) << 8 | Int(b[i + 1]) }
    static func u32(_ b: [UInt8], _ i: Int) -> Int { u16(b, i) << 16 | u16(b, i + 2) }

    static func tables(_ b: [UInt8]) -> [String: (checksum: Int, offset: Int, length: Int)] {
        var out: [String: (Int, Int, Int)] = [:]
        for i in 0..<u16(b, 4) {
            let r = 12 + 16 * i
            out[String(decoding: b[r..<(r + 4)], as: UTF8.self)] = (u32(b, r + 4), u32(b, r + 8), u32(b, r + 12))
        }
        return out
    }

    /// hmtx advance of `glyph`, reading hhea.numberOfHMetrics.
    static func advance(_ b: [UInt8], glyph: Int) -> Int {
        let t = tables(b)
        let metrics = u16(b, t["hhea"]!.offset + 34)
        let g = min(glyph, metrics - 1)
        return u16(b, t["hmtx"]!.offset + 4 * g)
    }

    /// Sum of big-endian words, padded, modulo 2^32.
    static func checksum(_ b: ArraySlice<UInt8>) -> Int {
        var sum = 0
        var i = b.startIndex
        while i < b.endIndex {
            var word = 0
            for k in 0..<4 { word = word << 8 | (i + k < b.endIndex ? Int(b[i + k]) : 0) }
            sum = (sum + word) & 0xFFFF_FFFF
            i += 4
        }
        return sum
    }
}
