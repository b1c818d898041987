/// Big-endian reads and writes on byte arrays: the byte order of every TrueType table.
///
/// Reads are bounds-checked by the callers (the parser checks a table's extent before reading inside it), so
/// these helpers trap on an out-of-range index like any array access; `TrueTypeFont` never lets that happen
/// with a file's data (see `TableSlice`).
@usableFromInline
enum BigEndian {
    @inlinable
    static func u16(_ b: [UInt8], _ i: Int) -> UInt16 { UInt16(b[i]) << 8 | UInt16(b[i + 1]) }

    @inlinable
    static func i16(_ b: [UInt8], _ i: Int) -> Int16 { Int16(bitPattern: u16(b, i)) }

    @inlinable
    static func u32(_ b: [UInt8], _ i: Int) -> UInt32 {
        UInt32(b[i]) << 24 | UInt32(b[i + 1]) << 16 | UInt32(b[i + 2]) << 8 | UInt32(b[i + 3])
    }

    @inlinable
    static func append16(_ out: inout [UInt8], _ v: UInt16) {
        out.append(UInt8(v >> 8))
        out.append(UInt8(v & 0xFF))
    }

    @inlinable
    static func append32(_ out: inout [UInt8], _ v: UInt32) {
        out.append(UInt8(v >> 24))
        out.append(UInt8((v >> 16) & 0xFF))
        out.append(UInt8((v >> 8) & 0xFF))
        out.append(UInt8(v & 0xFF))
    }

    @inlinable
    static func put16(_ out: inout [UInt8], _ i: Int, _ v: UInt16) {
        out[i] = UInt8(v >> 8)
        out[i + 1] = UInt8(v & 0xFF)
    }

    @inlinable
    static func put32(_ out: inout [UInt8], _ i: Int, _ v: UInt32) {
        out[i] = UInt8(v >> 24)
        out[i + 1] = UInt8((v >> 16) & 0xFF)
        out[i + 2] = UInt8((v >> 8) & 0xFF)
        out[i + 3] = UInt8(v & 0xFF)
    }

    /// The TrueType table checksum: the sum of the data as big-endian 32-bit words, the last word padded
    /// with zeros, modulo 2^32.
    static func checksum(_ b: [UInt8], from start: Int = 0, count: Int? = nil) -> UInt32 {
        let end = start + (count ?? (b.count - start))
        var sum: UInt32 = 0
        var i = start
        while i + 4 <= end {
            sum &+= u32(b, i)
            i += 4
        }
        if i < end {
            var last: UInt32 = 0
            for k in 0..<4 {
                last <<= 8
                if i + k < end { last |= UInt32(b[i + k]) }
            }
            sum &+= last
        }
        return sum
    }
}

/// A four-character table tag ("glyf", "cvt ") as the 32-bit number stored in the table directory.
func tagValue(_ tag: String) -> UInt32 {
    var v: UInt32 = 0
    var n = 0
    for byte in tag.utf8.prefix(4) {
        v = v << 8 | UInt32(byte)
        n += 1
    }
    while n < 4 {
        v = v << 8 | 0x20
        n += 1
    }
    return v
}

/// The text of a tag value, for messages ("glyf").
func tagText(_ v: UInt32) -> String {
    let bytes = [UInt8(v >> 24), UInt8((v >> 16) & 0xFF), UInt8((v >> 8) & 0xFF), UInt8(v & 0xFF)]
    return String(decoding: bytes.map { (0x20...0x7E).contains($0) ? $0 : UInt8(ascii: "?") }, as: UTF8.self)
}
