import Foundation
import Testing
@testable import MotCuaPDF

/// Round trips through a real decoder: symbols are rendered to PGM images (4-module quiet zone, 4 pixels
/// per module) and read back with `zbarimg --raw -q` (zbar-tools). Skipped, and reported as skipped,
/// when zbarimg is not installed.
@Suite(.enabled(if: QRDecoder.isAvailable, "zbarimg (zbar-tools) is not installed: real-decoder round trips skipped"))
struct QRCodeDecoderTests {
    @Test func caseCode() throws {
        let text = "000.00.15.H42-261120-0001"
        let code = try QRCode.encode(Array(text.utf8))
        #expect(code.version == 2)
        #expect(try QRDecoder.decode(code) == Array(text.utf8))
    }

    @Test func portalAddress() throws {
        let text = "https://dichvucong.example.gov.vn/tra-cuu?ma=000.00.15.H42-261120-0001"
        let code = try QRCode.encode(Array(text.utf8))
        #expect(code.version == 5)
        #expect(try QRDecoder.decode(code) == Array(text.utf8))
    }

    @Test func vietnameseText() throws {
        let text =
            "Ủy ban nhân dân xã Tân Phú — Bộ phận tiếp nhận và trả kết quả. Hồ sơ: Đăng ký khai sinh; hẹn trả ngày 26/11/2020."
        #expect(text.unicodeScalars.contains { $0.value > 0x1E00 })  // precomposed (NFC) Vietnamese letters
        for level in QRCode.ErrorCorrection.allCases {
            let code = try QRCode.encode(Array(text.utf8), errorCorrection: level)
            let decoded = try #require(try QRDecoder.decode(code))
            #expect(String(decoding: decoded, as: UTF8.self) == text, "\(level)")
        }
    }

    /// Level M at the first and the last length of versions 1, 2, 7, 10, 20 and 40.
    @Test(arguments: [1, 2, 7, 10, 20, 40])
    func lengthsThatForceAVersion(version: Int) throws {
        let last = QRCode.byteCapacity(version: version, level: .medium)
        let first = version == 1 ? 1 : QRCode.byteCapacity(version: version - 1, level: .medium) + 1
        for length in [first, last] {
            let text = caseCodes(length: length)
            let code = try QRCode.encode(Array(text.utf8))
            #expect(code.version == version, "length \(length)")
            let decoded = try QRDecoder.decode(code)
            let same = decoded == Array(text.utf8)  // compared outside #expect: no 2,000-byte dumps
            #expect(same, "length \(length): read back \(decoded?.count ?? -1) bytes")
        }
    }

    /// Every version at every level, filled to capacity with random bytes (0x00–0xFF, read back with
    /// `-Sbinary` so that zbar does not convert character sets).
    @Test(arguments: QRCode.ErrorCorrection.allCases)
    func everyVersionFullOfBinaryData(level: QRCode.ErrorCorrection) throws {
        var generator = QRTestRandom(seed: 0x5EED_0000 + UInt64(QRCode.levelIndicator(level)))
        var inputs: [[UInt8]] = []
        var codes: [QRCode] = []
        for version in 1...40 {
            let bytes = (0..<QRCode.byteCapacity(version: version, level: level)).map { _ in
                UInt8.random(in: 0...255, using: &generator)
            }
            let code = try QRCode.encode(bytes, errorCorrection: level)
            #expect(code.version == version)
            inputs.append(bytes)
            codes.append(code)
        }
        let decoded = try QRDecoder.decodeEach(codes, binary: true)
        for version in 1...40 {
            let same = decoded[version - 1] == inputs[version - 1]
            #expect(same, "version \(version)-\(level): read back \(decoded[version - 1]?.count ?? -1) bytes")
        }
    }

    /// Each copy of the format information is enough on its own: with the other copy blanked the symbol
    /// still decodes; with both blanked it does not (so zbar really reads them).
    @Test func eitherCopyOfTheFormatInformation() throws {
        let text = Array("000.00.15.H42-261120-0001".utf8)
        let code = try QRCode.encode(text)
        let n = code.size
        let copy1: Set<[Int]> = [
            [0, 8], [1, 8], [2, 8], [3, 8], [4, 8], [5, 8], [7, 8], [8, 8], [8, 7],
            [8, 5], [8, 4], [8, 3], [8, 2], [8, 1], [8, 0]
        ]
        let copy2 = Set((0..<7).map { [8, n - 1 - $0] } + (0..<8).map { [n - 8 + $0, 8] })
        #expect(try QRDecoder.decode(code, blanking: copy1) == text)
        #expect(try QRDecoder.decode(code, blanking: copy2) == text)
        #expect(try QRDecoder.decode(code, blanking: copy1.union(copy2)) == nil)
    }

    /// Higher levels survive damage: a block of modules in the middle of a version 5-H symbol is inverted.
    @Test func errorCorrectionRepairsDamage() throws {
        let text = Array("https://dichvucong.example.gov.vn/tra-cuu?ma=000.00.15.H42-261120-0001".utf8)
        let code = try QRCode.encode(text, errorCorrection: .high)
        let centre = code.size / 2
        var damaged = Set<[Int]>()
        for y in (centre - 3)...(centre + 3) { for x in (centre - 7)...(centre - 3) { damaged.insert([x, y]) } }
        #expect(try QRDecoder.decode(code, inverting: damaged) == text)
    }

    /// Case codes separated by spaces, cut to `length` bytes.
    private func caseCodes(length: Int) -> String {
        var text = ""
        var serial = 1
        while text.utf8.count < length {
            text += "000.00.15.H42-261120-\(String(repeating: "0", count: max(0, 4 - String(serial).count)))\(serial) "
            serial += 1
        }
        return String(decoding: Array(text.utf8.prefix(length)), as: UTF8.self)
    }
}

/// zbarimg as an oracle.
enum QRDecoder {
    static let executable: String? = {
        for directory in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let candidate = "\(directory)/zbarimg"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }()

    static var isAvailable: Bool { executable != nil }

    /// Renders the symbol (with modules of `blanking` forced light and those of `inverting` flipped) and
    /// returns what zbarimg reads, or nil when it finds no symbol.
    static func decode(_ code: QRCode, blanking: Set<[Int]> = [], inverting: Set<[Int]> = []) throws -> [UInt8]? {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/symbol.pgm"
        try pgm(code, blanking: blanking, inverting: inverting).write(to: URL(fileURLWithPath: path))
        let (status, output) = try run([path], binary: false)
        if status == 4 { return nil }  // zbarimg: no symbol found
        try #require(status == 0, "zbarimg exited with \(status)")
        try #require(output.last == 0x0A)  // without -Sbinary, zbarimg ends each symbol's data with a newline
        return Array(output.dropLast())
    }

    /// Decodes several symbols in one zbarimg run; with `binary`, the data is output unconverted.
    static func decodeEach(_ codes: [QRCode], binary: Bool) throws -> [[UInt8]?] {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        var paths: [String] = []
        for (index, code) in codes.enumerated() {
            let path = directory + "/symbol-\(index).pgm"
            try pgm(code).write(to: URL(fileURLWithPath: path))
            paths.append(path)
        }
        // One run per file keeps the outputs apart even when the data holds newlines.
        return try paths.map { path in
            let (status, output) = try run([path], binary: binary)
            guard status == 0 else { return nil }
            if binary { return output }  // -Sbinary: the bytes exactly, no newline added
            return output.last == 0x0A ? Array(output.dropLast()) : nil
        }
    }

    private static func run(_ files: [String], binary: Bool) throws -> (Int32, [UInt8]) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(executable))
        // QR Code only: zbar's other decoders can find spurious linear symbols (a DataBar) in the modules.
        process.arguments = ["--raw", "-q", "-Sdisable", "-Sqrcode.enable"] + (binary ? ["-Sbinary"] : []) + files
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, Array(output))
    }

    /// A binary PGM (P5): 4 pixels per module, a 4-module quiet zone, dark = 0, light = 255.
    static func pgm(_ code: QRCode, blanking: Set<[Int]> = [], inverting: Set<[Int]> = [], scale: Int = 4) -> Data {
        let quiet = 4
        let width = (code.size + 2 * quiet) * scale
        var bytes = Array("P5\n\(width) \(width)\n255\n".utf8)
        bytes.reserveCapacity(bytes.count + width * width)
        for py in 0..<width {
            let y = py / scale - quiet
            for px in 0..<width {
                let x = px / scale - quiet
                var dark = code.isDark(x: x, y: y)
                if !blanking.isEmpty, blanking.contains([x, y]) { dark = false }
                if !inverting.isEmpty, inverting.contains([x, y]) { dark.toggle() }
                bytes.append(dark ? 0 : 255)
            }
        }
        return Data(bytes)
    }

    private static func temporaryDirectory() throws -> String {
        let path = NSTemporaryDirectory() + "/motcua-qr-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }
}

/// A small deterministic generator (xorshift64*) so that random tests are reproducible.
struct QRTestRandom: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed == 0 ? 0x9E37_79B9_7F4A_7C15 : seed }
    mutating func next() -> UInt64 {
        state ^= state >> 12
        state ^= state << 25
        state ^= state >> 27
        return state &* 0x2545_F491_4F6C_DD1D
    }
}
