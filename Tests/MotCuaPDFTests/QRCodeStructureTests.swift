import Testing
@testable import MotCuaPDF

/// Tables and layout checked against ISO/IEC 18004 (format information Annex C, version information
/// Annex D, codeword counts Table 1, capacities Table 7, alignment positions Annex E).
@Suite struct QRCodeStructureTests {
    /// Table C.1: the 15 format information bits after masking, for every level and mask pattern.
    @Test func formatInformationMatchesAnnexC() {
        let table: [(QRCode.ErrorCorrection, [String])] = [
            (
                .low,
                [
                    "111011111000100", "111001011110011", "111110110101010", "111100010011101",
                    "110011000101111", "110001100011000", "110110001000001", "110100101110110"
                ]
            ),
            (
                .medium,
                [
                    "101010000010010", "101000100100101", "101111001111100", "101101101001011",
                    "100010111111001", "100000011001110", "100111110010111", "100101010100000"
                ]
            ),
            (
                .quartile,
                [
                    "011010101011111", "011000001101000", "011111100110001", "011101000000110",
                    "010010010110100", "010000110000011", "010111011011010", "010101111101101"
                ]
            ),
            (
                .high,
                [
                    "001011010001001", "001001110111110", "001110011100111", "001100111010000",
                    "000011101100010", "000001001010101", "000110100001100", "000100000111011"
                ]
            )
        ]
        for (level, rows) in table {
            for (mask, expected) in rows.enumerated() {
                #expect(
                    qrBitString(QRCode.formatBits(level: level, mask: mask), width: 15) == expected,
                    "\(level) mask \(mask)")
            }
        }
    }

    /// Table D.1: the 18 version information bits for versions 7–40.
    @Test func versionInformationMatchesAnnexD() {
        let table: [Int: Int] = [
            7: 0x07C94, 8: 0x085BC, 9: 0x09A99, 10: 0x0A4D3, 11: 0x0BBF6, 12: 0x0C762, 13: 0x0D847,
            14: 0x0E60D, 15: 0x0F928, 16: 0x10B78, 17: 0x1145D, 18: 0x12A17, 19: 0x13532, 20: 0x149A6,
            21: 0x15683, 22: 0x168C9, 23: 0x177EC, 24: 0x18EC4, 25: 0x191E1, 26: 0x1AFAB, 27: 0x1B08E,
            28: 0x1CC1A, 29: 0x1D33F, 30: 0x1ED75, 31: 0x1F250, 32: 0x209D5, 33: 0x216F0, 34: 0x228BA,
            35: 0x2379F, 36: 0x24B0B, 37: 0x2542E, 38: 0x26A64, 39: 0x27541, 40: 0x28C69
        ]
        for (version, expected) in table {
            #expect(QRCode.versionBits(version: version) == expected, "version \(version)")
        }
        // The standard's worked example for version 7: 000111 110010010100.
        #expect(qrBitString(QRCode.versionBits(version: 7), width: 18) == "000111110010010100")
    }

    /// Table 1: total codewords; and the formula agrees with the modules actually left free by the
    /// function patterns of every version.
    @Test func codewordCounts() {
        let table1 = [
            1: 26, 2: 44, 3: 70, 4: 100, 5: 134, 6: 172, 7: 196, 8: 242, 9: 292, 10: 346,
            14: 581, 20: 1085, 27: 1828, 32: 2465, 40: 3706
        ]
        for (version, total) in table1 {
            #expect(QRCode.totalCodewords(version: version) == total, "version \(version)")
        }
        for version in 1...40 {
            let matrix = QRMatrix(version: version)
            let free = matrix.isFunction.filter { !$0 }.count
            #expect(free == QRCode.rawDataModuleCount(version: version), "version \(version)")
            // Every block structure adds up: blocks × EC codewords never exceeds the total.
            for level in QRCode.ErrorCorrection.allCases {
                #expect(QRCode.dataCodewordCount(version: version, level: level) > 0)
            }
        }
        // Remainder bits (Table 1): 0 for version 1, 7 for 2–6, 0 for 7–13, 3 for 14–20, 4 for 21–27.
        #expect(QRCode.rawDataModuleCount(version: 1) % 8 == 0)
        #expect(QRCode.rawDataModuleCount(version: 2) % 8 == 7)
        #expect(QRCode.rawDataModuleCount(version: 7) % 8 == 0)
        #expect(QRCode.rawDataModuleCount(version: 14) % 8 == 3)
        #expect(QRCode.rawDataModuleCount(version: 21) % 8 == 4)
        #expect(QRCode.rawDataModuleCount(version: 40) % 8 == 0)
    }

    /// Table 7: byte-mode capacities.
    @Test func byteCapacities() {
        let expected: [(Int, QRCode.ErrorCorrection, Int)] = [
            (1, .low, 17), (1, .medium, 14), (1, .quartile, 11), (1, .high, 7),
            (2, .medium, 26), (7, .medium, 122), (10, .medium, 213), (20, .medium, 666),
            (40, .low, 2953), (40, .medium, 2331), (40, .quartile, 1663), (40, .high, 1273)
        ]
        for (version, level, bytes) in expected {
            #expect(QRCode.byteCapacity(version: version, level: level) == bytes, "\(version)-\(level)")
        }
    }

    @Test func smallestVersionIsChosen() throws {
        for level in QRCode.ErrorCorrection.allCases {
            var previous = 0
            for version in 1...40 {
                let capacity = QRCode.byteCapacity(version: version, level: level)
                #expect(capacity > previous)
                #expect(QRCode.smallestVersion(byteCount: previous + 1, level: level) == version)
                #expect(QRCode.smallestVersion(byteCount: capacity, level: level) == version)
                previous = capacity
            }
            #expect(QRCode.smallestVersion(byteCount: previous + 1, level: level) == nil)
        }
        // Whole symbols at a few boundaries (a full encode of every version is slow in a debug build).
        for (version, level) in [(1, QRCode.ErrorCorrection.low), (6, .high), (7, .medium), (13, .quartile), (14, .low)]
        {
            let capacity = QRCode.byteCapacity(version: version, level: level)
            let full = try QRCode.encode([UInt8](repeating: 0x41, count: capacity), errorCorrection: level)
            #expect(full.version == version && full.size == 17 + 4 * version)
            let over = try QRCode.encode([UInt8](repeating: 0x41, count: capacity + 1), errorCorrection: level)
            #expect(over.version == version + 1)
        }
        #expect(try QRCode.encode([]).version == 1)
    }

    @Test func dataTooLongIsATypedError() {
        #expect(throws: QRCode.EncodingError.dataTooLong(byteCount: 2332, maximum: 2331)) {
            try QRCode.encode([UInt8](repeating: 0x30, count: 2332))
        }
        #expect(throws: QRCode.EncodingError.dataTooLong(byteCount: 1274, maximum: 1273)) {
            try QRCode.encode([UInt8](repeating: 0x30, count: 1274), errorCorrection: .high)
        }
        #expect(throws: Never.self) { try QRCode.encode([UInt8](repeating: 0x30, count: 2953), errorCorrection: .low) }
    }

    /// 7.4: mode 0100, an 8-bit count, the bytes, the 4-bit terminator, then 11101100 / 00010001 pads.
    @Test func dataCodewordsOfAShortMessage() {
        let codewords = QRCode.dataCodewords(Array("AB".utf8), version: 1, level: .medium)
        // 0100 00000010 01000001 01000010 0000 → 0x40 0x24 0x14 0x20, then pads to 16 codewords.
        #expect(
            codewords == [
                0x40, 0x24, 0x14, 0x20, 0xEC, 0x11, 0xEC, 0x11, 0xEC, 0x11, 0xEC, 0x11, 0xEC, 0x11, 0xEC, 0x11
            ])
        // A full version 1-M symbol (14 bytes): 4 + 8 + 112 = 124 bits, so the terminator is cut to 4 bits
        // and no pad codeword follows.
        let full = QRCode.dataCodewords([UInt8](repeating: 0xFF, count: 14), version: 1, level: .medium)
        #expect(full.count == 16)
        #expect(full[0] == 0x40 && full[1] == 0xEF && full[15] == 0xF0)
        // Version 10 and above: a 16-bit count.
        let long = QRCode.dataCodewords([0x41], version: 10, level: .medium)
        #expect(Array(long.prefix(4)) == [0x40, 0x00, 0x14, 0x10])
    }

    /// 7.6: data codewords column-wise across the blocks (short blocks first), then EC codewords likewise.
    @Test func interleavingOfVersion5Q() {
        // 5-Q: 2 blocks of 15 data codewords and 2 of 16, 18 EC codewords each; 134 codewords in all.
        let data = (0..<62).map { UInt8($0) }
        let result = QRCode.interleavedCodewords(data: data, version: 5, level: .quartile)
        #expect(result.count == 134)
        #expect(Array(result.prefix(8)) == [0, 15, 30, 46, 1, 16, 31, 47])
        // Position 60 and 61: the 16th codewords exist only in the two long blocks.
        #expect(result[60] == 45 && result[61] == 61)
        let ec = QRReedSolomon.remainder(of: data[0..<15], generator: QRReedSolomon.generator(degree: 18))
        #expect(result[62] == ec[0] && result[66] == ec[1])
    }

    @Test func alignmentCoordinatesFollowTheirRule() {
        #expect(QRTables.alignmentCoordinates[2] == [6, 18])
        #expect(QRTables.alignmentCoordinates[7] == [6, 22, 38])
        #expect(QRTables.alignmentCoordinates[32] == [6, 34, 60, 86, 112, 138])
        #expect(QRTables.alignmentCoordinates[40] == [6, 30, 58, 86, 114, 142, 170])
        for version in 2...40 {
            let c = QRTables.alignmentCoordinates[version]
            #expect(c.count == version / 7 + 2, "version \(version)")
            #expect(c.first == 6 && c.last == 4 * version + 10, "version \(version)")
            // Evenly spaced after the first, an even step.
            let steps = zip(c.dropFirst(2), c.dropFirst()).map { $0 - $1 }
            #expect(Set(steps).count <= 1 && steps.allSatisfy { $0 % 2 == 0 }, "version \(version)")
            // (The first gap takes what is left over: version 15 has 20 then 22, version 32 has 28 then 26.)
        }
    }

    /// The function patterns of an encoded symbol: finders, separators, timing, dark module, format and
    /// version information at the positions of Figures 25 and 27.
    @Test func functionPatternsAndInformationPlacement() throws {
        let code = try QRCode.encode(Array(String(repeating: "0123456789", count: 12).utf8), errorCorrection: .quartile)
        let n = code.size
        #expect(code.version == 9 && n == 53)
        let finder = ["1111111", "1000001", "1011101", "1011101", "1011101", "1000001", "1111111"]
        for (left, top) in [(0, 0), (n - 7, 0), (0, n - 7)] {
            for y in 0..<7 {
                let row = String((0..<7).map { code.isDark(x: left + $0, y: top + y) ? "1" : "0" })
                #expect(row == finder[y])
            }
        }
        for i in 0..<8 {  // separators
            #expect(!code.isDark(x: 7, y: i) && !code.isDark(x: i, y: 7))
            #expect(!code.isDark(x: n - 8, y: i) && !code.isDark(x: n - 8 + i, y: 7))
            #expect(!code.isDark(x: 7, y: n - 1 - i) && !code.isDark(x: i, y: n - 8))
        }
        for i in 8..<(n - 8) {  // timing
            #expect(code.isDark(x: i, y: 6) == (i % 2 == 0))
            #expect(code.isDark(x: 6, y: i) == (i % 2 == 0))
        }
        #expect(code.isDark(x: 8, y: n - 8))  // the dark module
        #expect(!code.isDark(x: -1, y: 0) && !code.isDark(x: n, y: n))  // quiet zone

        // Format information, bit 14 first. Copy 1: (0…5, 8), (7, 8), (8, 8), (8, 7), (8, 5…0).
        // Copy 2: (8, n−1…n−7), then (n−8…n−1, 8).
        let copy1: [(Int, Int)] = [
            (0, 8), (1, 8), (2, 8), (3, 8), (4, 8), (5, 8), (7, 8), (8, 8), (8, 7),
            (8, 5), (8, 4), (8, 3), (8, 2), (8, 1), (8, 0)
        ]
        let copy2: [(Int, Int)] = (0..<7).map { (8, n - 1 - $0) } + (0..<8).map { (n - 8 + $0, 8) }
        let expected = qrBitString(QRCode.formatBits(level: .quartile, mask: code.mask), width: 15)
        #expect(String(copy1.map { code.isDark(x: $0.0, y: $0.1) ? "1" : "0" }) == expected)
        #expect(String(copy2.map { code.isDark(x: $0.0, y: $0.1) ? "1" : "0" }) == expected)

        // Version information (version 9: 001001 101010011001): bit 17 first. Bottom-left block: bit i at
        // (i / 3, n − 11 + i % 3); top-right: transposed.
        let versionCode = try QRCode.encode([UInt8](repeating: 0x61, count: 180), errorCorrection: .medium)
        #expect(versionCode.version == 9)
        let bits = QRCode.versionBits(version: 9)
        #expect(qrBitString(bits, width: 18) == "001001101010011001")
        let m = versionCode.size
        for i in 0..<18 {
            let bit = (bits >> i) & 1 == 1
            #expect(versionCode.isDark(x: i / 3, y: m - 11 + i % 3) == bit)
            #expect(versionCode.isDark(x: m - 11 + i % 3, y: i / 3) == bit)
        }
    }

    @Test func encodingIsDeterministic() throws {
        let input = Array("000.00.15.H42-261120-0001".utf8)
        let a = try QRCode.encode(input), b = try QRCode.encode(input)
        #expect(a.version == 2 && a.size == 25)
        for y in 0..<a.size { for x in 0..<a.size { #expect(a.isDark(x: x, y: y) == b.isDark(x: x, y: y)) } }
    }
}

func qrBitString(_ value: Int, width: Int) -> String {
    String((0..<width).reversed().map { (value >> $0) & 1 == 1 ? "1" : "0" })
}
