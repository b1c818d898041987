/// A QR Code symbol (ISO/IEC 18004, Model 2) holding bytes in byte mode.
///
/// The encoder chooses the smallest version (1–40) that holds the data at the requested error correction
/// level, adds Reed–Solomon error correction in the standard's block structure, interleaves the blocks,
/// places the codewords, and applies the data mask with the lowest penalty score (7.8.3). The result is a
/// square of `size` × `size` modules; a renderer draws each dark module and leaves a light quiet zone of at
/// least 4 modules around the symbol (`isDark` answers `false` outside the symbol, so a renderer may simply
/// iterate from −4 to `size + 4`).
///
/// Text is encoded as its UTF-8 bytes without an ECI header: common readers (phones, zbar) detect UTF-8
/// in byte mode.
///
/// ```swift
/// let code = try QRCode.encode(Array("000.00.15.H42-261120-0001".utf8))
/// for y in 0..<code.size { for x in 0..<code.size where code.isDark(x: x, y: y) { /* fill */ } }
/// ```
public struct QRCode: Sendable {
    /// The error correction level: the share of codewords that can be restored is about 7 % (low), 15 %
    /// (medium), 25 % (quartile) and 30 % (high).
    public enum ErrorCorrection: Sendable, CaseIterable {
        case low, medium, quartile, high
    }

    /// Why a symbol could not be made.
    public enum EncodingError: Error, Sendable, Equatable, CustomStringConvertible {
        /// The data does not fit in a version 40 symbol at the requested level; `maximum` is the most bytes
        /// that do.
        case dataTooLong(byteCount: Int, maximum: Int)

        /// The reason in Vietnamese, for the officer.
        public var description: String {
            switch self {
            case let .dataTooLong(byteCount, maximum):
                return "Dữ liệu quá dài để tạo mã QR: \(byteCount) byte, tối đa \(maximum) byte ở mức sửa lỗi đã chọn"
            }
        }
    }

    /// Modules per side: 17 + 4 × version (21 for version 1, 177 for version 40).
    public let size: Int
    /// The version, 1…40.
    public let version: Int
    /// The error correction level the symbol was made with.
    let errorCorrection: ErrorCorrection
    /// The data mask pattern reference (0…7) that was applied.
    let mask: Int
    /// Row-major: `modules[y * size + x]` is true for a dark module.
    private let modules: [Bool]

    /// Whether the module in column `x`, row `y` (from the top-left corner) is dark. Coordinates outside
    /// the symbol are light (the quiet zone).
    public func isDark(x: Int, y: Int) -> Bool {
        guard x >= 0, y >= 0, x < size, y < size else { return false }
        return modules[y * size + x]
    }

    /// Encodes `bytes` in byte mode in the smallest version that holds them at `errorCorrection`.
    /// Throws `EncodingError.dataTooLong` when even version 40 is too small.
    public static func encode(_ bytes: [UInt8], errorCorrection: ErrorCorrection = .medium) throws -> QRCode {
        try encode(bytes, errorCorrection: errorCorrection, mask: nil)
    }

    /// Encodes with a given mask pattern (0…7) instead of the one with the lowest penalty, when `mask` is
    /// not nil. For tests that compare with other encoders.
    static func encode(_ bytes: [UInt8], errorCorrection level: ErrorCorrection, mask forcedMask: Int?) throws -> QRCode
    {
        guard let version = smallestVersion(byteCount: bytes.count, level: level) else {
            throw EncodingError.dataTooLong(byteCount: bytes.count, maximum: byteCapacity(version: 40, level: level))
        }
        let data = dataCodewords(bytes, version: version, level: level)
        let codewords = interleavedCodewords(data: data, version: version, level: level)

        var matrix = QRMatrix(version: version)
        matrix.place(codewords: codewords)

        let chosenMask: Int
        if let forcedMask {
            precondition((0..<8).contains(forcedMask), "mask pattern 0…7")
            chosenMask = forcedMask
        } else {
            // 7.8.3: apply each pattern to the encoding region, evaluate, keep the lowest score (the first
            // on a tie). The format and version information are added after the choice (7.1, steps 6–7),
            // so their modules are light while the candidates are scored.
            var best = (mask: 0, score: Int.max)
            for candidate in 0..<8 {
                var trial = matrix
                trial.applyMask(candidate)
                let score = trial.penaltyScore()
                if score < best.score { best = (candidate, score) }
            }
            chosenMask = best.mask
        }
        matrix.applyMask(chosenMask)
        matrix.drawFormatInformation(level: level, mask: chosenMask)
        matrix.drawVersionInformation(version: version)
        return QRCode(
            size: matrix.size, version: version, errorCorrection: level, mask: chosenMask, modules: matrix.dark)
    }

    private init(size: Int, version: Int, errorCorrection: ErrorCorrection, mask: Int, modules: [Bool]) {
        self.size = size
        self.version = version
        self.errorCorrection = errorCorrection
        self.mask = mask
        self.modules = modules
    }

    // MARK: - Capacity

    /// Modules available for data and error correction codewords (and remainder bits) in a version: the
    /// whole square less the function patterns and the format and version information.
    static func rawDataModuleCount(version: Int) -> Int {
        let size = 17 + 4 * version
        var count = size * size
        count -= 3 * 64  // finder patterns with their separators (8 × 8 each)
        count -= 2 * (size - 16)  // timing patterns between the separators
        count -= 2 * 15 + 1  // two copies of the format information, and the dark module
        if version >= 2 {
            let n = version / 7 + 2  // alignment coordinates per axis
            count -= 25 * (n * n - 3)  // alignment patterns, less the three under finder patterns
            count += 2 * 5 * (n - 2)  // their modules that were already counted as timing pattern
        }
        if version >= 7 { count -= 2 * 18 }  // two copies of the version information
        return count
    }

    /// Total codewords (data and error correction) of a version (Table 1).
    static func totalCodewords(version: Int) -> Int { rawDataModuleCount(version: version) / 8 }

    /// Data codewords of a version at a level (Table 7).
    static func dataCodewordCount(version: Int, level: ErrorCorrection) -> Int {
        totalCodewords(version: version)
            - QRTables.blockCount[level]![version] * QRTables.errorCorrectionCodewordsPerBlock[level]![version]
    }

    /// Bits of the character count indicator in byte mode (Table 3).
    static func characterCountBits(version: Int) -> Int { version <= 9 ? 8 : 16 }

    /// The most bytes a version holds at a level in byte mode.
    static func byteCapacity(version: Int, level: ErrorCorrection) -> Int {
        (dataCodewordCount(version: version, level: level) * 8 - 4 - characterCountBits(version: version)) / 8
    }

    static func smallestVersion(byteCount: Int, level: ErrorCorrection) -> Int? {
        (1...40).first { byteCount <= byteCapacity(version: $0, level: level) }
    }

    // MARK: - Codewords

    /// The data codewords: mode indicator 0100, character count, the bytes, the terminator, zero bits to
    /// the byte boundary, then the pad codewords 11101100 and 00010001 in turn (7.4).
    static func dataCodewords(_ bytes: [UInt8], version: Int, level: ErrorCorrection) -> [UInt8] {
        let capacity = dataCodewordCount(version: version, level: level)
        var writer = QRBitWriter(capacity: capacity)
        writer.append(0b0100, bits: 4)
        writer.append(bytes.count, bits: characterCountBits(version: version))
        for byte in bytes { writer.append(Int(byte), bits: 8) }
        precondition(writer.bitCount <= capacity * 8)
        writer.append(0, bits: min(4, capacity * 8 - writer.bitCount))  // terminator (may be shortened)
        writer.append(0, bits: (8 - writer.bitCount % 8) % 8)  // to the codeword boundary
        var codewords = writer.bytes
        var pad: UInt8 = 0xEC
        while codewords.count < capacity {
            codewords.append(pad)
            pad = pad == 0xEC ? 0x11 : 0xEC
        }
        return codewords
    }

    /// Splits the data codewords into blocks, appends each block's error correction codewords, and
    /// interleaves: the data codewords column by column across the blocks, then the error correction
    /// codewords likewise (7.6). The shorter blocks come first.
    static func interleavedCodewords(data: [UInt8], version: Int, level: ErrorCorrection) -> [UInt8] {
        let blocks = QRTables.blockCount[level]![version]
        let ecPerBlock = QRTables.errorCorrectionCodewordsPerBlock[level]![version]
        let total = totalCodewords(version: version)
        let shortBlocks = blocks - total % blocks
        let shortDataLength = total / blocks - ecPerBlock
        let generator = QRReedSolomon.generator(degree: ecPerBlock)

        var dataBlocks: [ArraySlice<UInt8>] = []
        var ecBlocks: [[UInt8]] = []
        var start = 0
        for index in 0..<blocks {
            let length = shortDataLength + (index < shortBlocks ? 0 : 1)
            let block = data[start..<(start + length)]
            start += length
            dataBlocks.append(block)
            ecBlocks.append(QRReedSolomon.remainder(of: block, generator: generator))
        }
        precondition(start == data.count, "data codewords do not match the block structure")

        var result: [UInt8] = []
        result.reserveCapacity(total)
        for i in 0...shortDataLength {
            for block in dataBlocks where i < block.count { result.append(block[block.startIndex + i]) }
        }
        for i in 0..<ecPerBlock {
            for block in ecBlocks { result.append(block[i]) }
        }
        precondition(result.count == total)
        return result
    }

    // MARK: - Format and version information

    /// The 2-bit error correction level indicator of the format information (Table 12).
    static func levelIndicator(_ level: ErrorCorrection) -> Int {
        switch level {
        case .low: return 0b01
        case .medium: return 0b00
        case .quartile: return 0b11
        case .high: return 0b10
        }
    }

    /// The 15-bit format information (7.9.1): level indicator and mask reference, a BCH(15,5) code with
    /// generator x^10 + x^8 + x^5 + x^4 + x^2 + x + 1, XORed with 101010000010010. Bit 14 is the first.
    static func formatBits(level: ErrorCorrection, mask: Int) -> Int {
        let data = levelIndicator(level) << 3 | mask
        return (data << 10 | bchRemainder(data << 10, generator: 0b101_0011_0111)) ^ 0b101_0100_0001_0010
    }

    /// The 18-bit version information (7.10): the version in 6 bits and a BCH(18,6) code with generator
    /// x^12 + x^11 + x^10 + x^9 + x^8 + x^5 + x^2 + 1. Bit 17 is the first.
    static func versionBits(version: Int) -> Int {
        version << 12 | bchRemainder(version << 12, generator: 0b1_1111_0010_0101)
    }

    /// The remainder of the polynomial `value` divided by `generator`, over GF(2).
    private static func bchRemainder(_ value: Int, generator: Int) -> Int {
        let degree = Int.bitWidth - generator.leadingZeroBitCount - 1
        var remainder = value
        while remainder != 0 {
            let top = Int.bitWidth - remainder.leadingZeroBitCount - 1
            if top < degree { break }
            remainder ^= generator << (top - degree)
        }
        return remainder
    }
}

/// Appends bit fields, most significant bit first.
struct QRBitWriter {
    private(set) var bytes: [UInt8] = []
    private(set) var bitCount = 0

    init(capacity: Int) { bytes.reserveCapacity(capacity) }

    mutating func append(_ value: Int, bits: Int) {
        precondition(bits >= 0 && bits <= 31 && value >> bits == 0, "value does not fit in its field")
        for shift in stride(from: bits - 1, through: 0, by: -1) {
            if bitCount % 8 == 0 { bytes.append(0) }
            if (value >> shift) & 1 == 1 { bytes[bytes.count - 1] |= UInt8(0x80 >> (bitCount % 8)) }
            bitCount += 1
        }
    }
}
