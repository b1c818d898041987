import Foundation
import MotCuaCore
import Testing

@Suite struct SHA256Tests {
    private func digest(_ text: String) -> String { SHA256.hex(SHA256.hash(Array(text.utf8))) }

    /// FIPS 180-4 examples (NIST CSRC "SHA256.pdf", "SHA2_Additional") and the CAVP long message.
    @Test func standardVectors() {
        #expect(digest("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(digest("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(
            digest("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        #expect(
            digest(
                "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu"
            )
                == "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1")
    }

    @Test func oneMillionA() {
        #expect(
            SHA256.hex(SHA256.hash([UInt8](repeating: 0x61, count: 1_000_000)))
                == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
        // The same million fed in pieces of 1,000 (how a stream of events is hashed).
        var hasher = SHA256()
        let piece = [UInt8](repeating: 0x61, count: 1000)
        for _ in 0..<1000 { hasher.update(piece) }
        #expect(SHA256.hex(hasher.finalize()) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    /// A 200-byte message split in two at every offset (and in three around the block boundaries) gives
    /// the one-shot digest.
    @Test func incrementalSplitsEqualOneShot() {
        let message = (0..<200).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) }
        let expected = SHA256.hash(message)
        for cut in 0...message.count {
            var hasher = SHA256()
            hasher.update(message[..<cut])
            hasher.update(message[cut...])
            #expect(hasher.finalize() == expected, "cut at \(cut)")
        }
        for first in [1, 55, 56, 63, 64, 65, 127, 128] {
            for second in [0, 1, 9, 63, 64, 65] where first + second <= message.count {
                var hasher = SHA256()
                hasher.update(message[..<first])
                hasher.update(message[first..<(first + second)])
                hasher.update(message[(first + second)...])
                #expect(hasher.finalize() == expected, "cuts at \(first), \(first + second)")
            }
        }
        var byteByByte = SHA256()
        for byte in message { byteByByte.update([byte]) }
        #expect(byteByByte.finalize() == expected)
    }

    /// Sequences without contiguous storage take the byte-by-byte path; strings hash their UTF-8.
    @Test func otherInputForms() {
        let message = (0..<300).map { UInt8(truncatingIfNeeded: $0 * 7) }
        var lazy = SHA256()
        lazy.update(message.lazy.map { $0 })
        #expect(lazy.finalize() == SHA256.hash(message))

        let text = "Hồ sơ 000.00.15.H42-261120-0001: tiếp nhận lúc 08:30"
        var fromString = SHA256()
        fromString.update(text)
        #expect(fromString.finalize() == SHA256.hash(Array(text.utf8)))
        var fromView = SHA256()
        fromView.update(text.utf8)
        #expect(fromView.finalize() == SHA256.hash(Array(text.utf8)))
        var fromSubstring = SHA256()
        fromSubstring.update(String(text.dropFirst(6)))
        #expect(fromSubstring.finalize() == SHA256.hash(Array(String(text.dropFirst(6)).utf8)))
    }

    /// `finalize` leaves the hasher usable: a running digest, then more input.
    @Test func finalizeDoesNotConsume() {
        var hasher = SHA256()
        hasher.update(Array("ab".utf8))
        let running = hasher.finalize()
        #expect(hasher.finalize() == running)
        hasher.update(Array("c".utf8))
        #expect(SHA256.hex(hasher.finalize()) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(running == SHA256.hash(Array("ab".utf8)))
    }

    @Test func hexIsLowercaseTwoDigitsPerByte() {
        #expect(SHA256.hex([0x00, 0x0F, 0xA0, 0xFF]) == "000fa0ff")
        #expect(SHA256.hex([]) == "")
        #expect(SHA256.hash([]).count == 32)
    }

    /// Random data of lengths around the padding boundaries and beyond, compared with coreutils' sha256sum.
    @Test(.enabled(if: SystemSHA256.isAvailable, "sha256sum (coreutils) is not installed"))
    func agreesWithSha256sum() throws {
        var generator = SHA256TestRandom(seed: 0xC0FF_EE00_1234)
        let lengths = [
            0, 1, 3, 55, 56, 57, 63, 64, 65, 111, 112, 119, 120, 127, 128, 129, 1000, 4095, 65_536, 1_000_003
        ]
        for length in lengths {
            let data = (0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) }
            #expect(SHA256.hex(SHA256.hash(data)) == (try SystemSHA256.hex(of: data)), "length \(length)")
        }
    }
}

/// coreutils' sha256sum as an oracle.
enum SystemSHA256 {
    static let executable: String? = {
        for directory in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let candidate = "\(directory)/sha256sum"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }()

    static var isAvailable: Bool { executable != nil }

    static func hex(of data: [UInt8]) throws -> String {
        let path = NSTemporaryDirectory() + "/motcua-sha256-\(UUID().uuidString).bin"
        try Data(data).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(executable))
        process.arguments = [path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0)
        return String(decoding: output.prefix(64), as: UTF8.self)
    }
}

/// xorshift64*, so that the random data is reproducible.
struct SHA256TestRandom: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state ^= state >> 12
        state ^= state << 25
        state ^= state >> 27
        return state &* 0x2545_F491_4F6C_DD1D
    }
}
