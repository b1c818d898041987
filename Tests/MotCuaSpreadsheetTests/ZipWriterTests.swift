import Foundation
import Testing
@testable import MotCuaSpreadsheet

@Suite struct CRC32Tests {
    @Test func checkValues() {
        #expect(CRC32.checksum(Array("123456789".utf8)) == 0xCBF4_3926)  // the catalogue's check value
        #expect(CRC32.checksum([]) == 0)
        #expect(CRC32.checksum(Array("a".utf8)) == 0xE8B7_BE43)
        #expect(CRC32.checksum(Array("The quick brown fox jumps over the lazy dog".utf8)) == 0x414F_A339)
        #expect(CRC32.checksum([UInt8](repeating: 0, count: 32)) == 0x190A_55AD)
        #expect(CRC32.checksum([UInt8](repeating: 0xFF, count: 32)) == 0xFF6C_AB0B)
    }

    /// The eight-bytes-at-a-time path agrees with a plain bit-by-bit CRC at every length and split.
    @Test func slicedPathAgreesWithBitwiseReference() {
        func bitwise(_ bytes: [UInt8]) -> UInt32 {
            var crc: UInt32 = 0xFFFF_FFFF
            for byte in bytes {
                crc ^= UInt32(byte)
                for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
            }
            return ~crc
        }
        var generator = SheetTestRandom(seed: 42)
        let data = (0..<300).map { _ in UInt8.random(in: 0...255, using: &generator) }
        for length in 0...data.count {
            let slice = Array(data[..<length])
            #expect(CRC32.checksum(slice) == bitwise(slice), "length \(length)")
        }
        let expected = bitwise(data)
        for cut in 0...data.count {
            var crc = CRC32()
            crc.update(Array(data[..<cut]))
            crc.update(Array(data[cut...]))
            #expect(crc.value == expected, "cut \(cut)")
        }
    }
}

@Suite struct ZipWriterTests {
    /// The archive's structure read back field by field (APPNOTE 4.3.7, 4.3.12, 4.3.16): every local header
    /// carries the same CRC and sizes as its central directory entry, and the data follows the header.
    @Test func structureOfAnArchiveInMemory() throws {
        let output = ZipMemoryOutput()
        let writer = ZipWriter(output: output, modified: testCreated)
        try writer.addEntry("a.txt", bytes: Array("hello".utf8))
        try writer.beginEntry("empty")
        try writer.endEntry()
        try writer.beginEntry("dir/streamed.xml")
        for piece in ["<a>", "x & y", "</a>"] { try writer.write(piece) }
        try writer.endEntry()
        try writer.addEntry("tên.txt", bytes: Array("đ".utf8))
        try writer.finish()

        let archive = ParsedZip(output.bytes)
        #expect(archive.entries.map(\.name) == ["a.txt", "empty", "dir/streamed.xml", "tên.txt"])
        let contents = ["hello", "", "<a>x & y</a>", "đ"]
        for (entry, content) in zip(archive.entries, contents) {
            #expect(entry.data == Array(content.utf8), "\(entry.name)")
            #expect(entry.centralCRC == CRC32.checksum(Array(content.utf8)))
            #expect(entry.localCRC == entry.centralCRC)
            #expect(entry.localSize == entry.centralSize)
            #expect(entry.localCompressedSize == entry.centralSize)
            #expect(entry.method == 0)
            #expect(entry.localFlags == entry.centralFlags)
            #expect(entry.localFlags & 0x0008 == 0, "no data descriptor")
            // 26 November 2026 09:30:00 in MS-DOS format.
            let dosDate: UInt16 = (2026 - 1980) << 9 | 11 << 5 | 26
            let dosTime: UInt16 = 9 << 11 | 30 << 5
            #expect(entry.dosDate == dosDate)
            #expect(entry.dosTime == dosTime)
        }
        #expect(archive.entries[3].localFlags == 0x0800, "UTF-8 name flag")
        #expect(archive.entries[0].localFlags == 0)
        #expect(archive.endRecordCount == 4)
    }

    /// A file archive with entries larger than the output buffer (so that their headers are patched with
    /// pwrite, after leaving the buffer) and small ones (patched in the buffer), streamed in random
    /// pieces, passes `unzip -t` and reads back byte for byte with `unzip -p`.
    @Test(.enabled(if: SheetTools.unzip != nil, "unzip is not installed"))
    func unzipAcceptsAStreamedArchive() throws {
        let directory = try SheetTools.temporaryDirectory("zip")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/test.zip"
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        try #require(descriptor >= 0)
        let output = ZipFileOutput(descriptor: descriptor, path: path, bufferSize: 64 * 1024)
        let writer = ZipWriter(output: output, modified: testCreated)
        var generator = SheetTestRandom(seed: 7)
        var expected: [String: [UInt8]] = [:]
        for (name, size) in [
            ("small.bin", 100), ("large.bin", 1_000_000), ("empty.bin", 0), ("medium.bin", 70_000), ("last.txt", 5)
        ] {
            let data = (0..<size).map { _ in UInt8.random(in: 0...255, using: &generator) }
            expected[name] = data
            try writer.beginEntry(name)
            var start = 0
            while start < data.count {
                let end = min(data.count, start + Int.random(in: 1...50_000, using: &generator))
                try writer.write(Array(data[start..<end]))
                start = end
            }
            try writer.endEntry()
        }
        try writer.finish()
        try output.close()

        let test = try SheetTools.run(try #require(SheetTools.unzip), ["-t", path])
        #expect(test.status == 0, "\(test.text)")
        #expect(test.text.contains("No errors detected"))
        for (name, data) in expected {
            let read = try SheetTools.run(try #require(SheetTools.unzip), ["-p", path, name])
            #expect(Array(read.stdout) == data, "\(name)")
        }
        // The in-memory parser agrees with the file.
        let parsed = ParsedZip(Array(try Data(contentsOf: URL(fileURLWithPath: path))))
        #expect(parsed.entries.count == 5 && parsed.entries.allSatisfy { $0.localCRC == $0.centralCRC })
    }

    @Test func writeErrorsAreReported() throws {
        let descriptor = open("/dev/full", O_WRONLY)
        try #require(descriptor >= 0)
        let output = ZipFileOutput(descriptor: descriptor, path: "/dev/full", bufferSize: 4096)
        let writer = ZipWriter(output: output, modified: testCreated)
        #expect(throws: SpreadsheetError.system(operation: "Không ghi được", path: "/dev/full", code: ENOSPC)) {
            try writer.addEntry("x", bytes: [UInt8](repeating: 1, count: 10_000))
            try writer.finish()
        }
        #expect(
            SpreadsheetError.system(operation: "Không ghi được", path: "/dev/full", code: ENOSPC).description
                == "Không ghi được /dev/full: ổ đĩa đã đầy")
    }
}

/// A minimal reader of the archives ZipWriter makes (no ZIP64, no encryption), for checking structure.
struct ParsedZip {
    struct Entry {
        var name = ""
        var localFlags: UInt16 = 0, centralFlags: UInt16 = 0, method: UInt16 = 0
        var dosTime: UInt16 = 0, dosDate: UInt16 = 0
        var localCRC: UInt32 = 0, centralCRC: UInt32 = 0
        var localCompressedSize: UInt32 = 0, localSize: UInt32 = 0, centralSize: UInt32 = 0
        var data: [UInt8] = []
    }

    var entries: [Entry] = []
    var endRecordCount = 0

    init(_ bytes: [UInt8]) {
        func u16(_ at: Int) -> UInt16 { UInt16(bytes[at]) | UInt16(bytes[at + 1]) << 8 }
        func u32(_ at: Int) -> UInt32 { UInt32(u16(at)) | UInt32(u16(at + 2)) << 16 }
        // End of central directory: the last 22 bytes (no comment).
        let end = bytes.count - 22
        guard end >= 0, u32(end) == 0x0605_4B50 else { return }
        endRecordCount = Int(u16(end + 10))
        var at = Int(u32(end + 16))
        for _ in 0..<endRecordCount {
            guard u32(at) == 0x0201_4B50 else { return }
            var entry = Entry()
            entry.centralFlags = u16(at + 8)
            entry.centralCRC = u32(at + 16)
            entry.centralSize = u32(at + 24)
            let nameLength = Int(u16(at + 28)), extra = Int(u16(at + 30)), comment = Int(u16(at + 32))
            let local = Int(u32(at + 42))
            entry.name = String(decoding: bytes[(at + 46)..<(at + 46 + nameLength)], as: UTF8.self)
            at += 46 + nameLength + extra + comment
            guard u32(local) == 0x0403_4B50 else { return }
            entry.localFlags = u16(local + 6)
            entry.method = u16(local + 8)
            entry.dosTime = u16(local + 10)
            entry.dosDate = u16(local + 12)
            entry.localCRC = u32(local + 14)
            entry.localCompressedSize = u32(local + 18)
            entry.localSize = u32(local + 22)
            let dataStart = local + 30 + Int(u16(local + 26)) + Int(u16(local + 28))
            entry.data = Array(bytes[dataStart..<(dataStart + Int(entry.localCompressedSize))])
            entries.append(entry)
        }
    }
}
