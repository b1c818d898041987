/// CRC-32 as ZIP uses it (PKWARE APPNOTE 4.4.7; the same CRC as ISO-HDLC, zlib and PNG): polynomial
/// 0x04C11DB7 processed least significant bit first (reflected constant 0xEDB88320), initial value and
/// final XOR 0xFFFFFFFF. Table-driven, eight bytes per step ("slicing by 8") on long input.
///
/// ```swift
/// var crc = CRC32()
/// crc.update(Array("1234".utf8)); crc.update(Array("56789".utf8))
/// crc.value   // 0xCBF43926
/// ```
public struct CRC32: Sendable {
    /// The running register, already inverted (starts at 0xFFFFFFFF).
    private var register: UInt32 = 0xFFFF_FFFF

    public init() {}

    /// The CRC of everything added so far.
    public var value: UInt32 { register ^ 0xFFFF_FFFF }

    /// The CRC of `bytes` in one call.
    public static func checksum(_ bytes: [UInt8]) -> UInt32 {
        var crc = CRC32()
        crc.update(bytes)
        return crc.value
    }

    public mutating func update(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { update($0) }
    }

    public mutating func update(_ buffer: UnsafeRawBufferPointer) {
        guard var p = buffer.baseAddress else { return }
        var remaining = buffer.count
        var crc = register
        CRC32.tables.withUnsafeBufferPointer { tables in
            let t = tables.baseAddress!
            // Eight bytes at a time: the register absorbs the first four, the tables carry each byte's
            // contribution forward by the number of bytes still to come in the group.
            while remaining >= 8 {
                let low = UInt32(littleEndian: p.loadUnaligned(as: UInt32.self)) ^ crc
                let high = UInt32(littleEndian: p.loadUnaligned(fromByteOffset: 4, as: UInt32.self))
                crc =
                    t[7 * 256 + Int(low & 0xFF)] ^ t[6 * 256 + Int((low >> 8) & 0xFF)]
                    ^ t[5 * 256 + Int((low >> 16) & 0xFF)] ^ t[4 * 256 + Int(low >> 24)]
                    ^ t[3 * 256 + Int(high & 0xFF)] ^ t[2 * 256 + Int((high >> 8) & 0xFF)]
                    ^ t[1 * 256 + Int((high >> 16) & 0xFF)] ^ t[Int(high >> 24)]
                p += 8
                remaining -= 8
            }
            // The rest byte by byte with the first table.
            while remaining > 0 {
                crc = t[Int((crc ^ UInt32(p.load(as: UInt8.self))) & 0xFF)] ^ (crc >> 8)
                p += 1
                remaining -= 1
            }
        }
        register = crc
    }

    /// Table k (k = 0…7) at k × 256: the CRC of a byte followed by k zero bytes. Table 0 is the classic
    /// byte-at-a-time table.
    private static let tables: [UInt32] = {
        var tables = [UInt32](repeating: 0, count: 8 * 256)
        for byte in 0..<256 {
            var c = UInt32(byte)
            for _ in 0..<8 { c = c & 1 == 1 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
            tables[byte] = c
        }
        for k in 1..<8 {
            for byte in 0..<256 {
                let previous = tables[(k - 1) * 256 + byte]
                tables[k * 256 + byte] = tables[Int(previous & 0xFF)] ^ (previous >> 8)
            }
        }
        return tables
    }()
}
