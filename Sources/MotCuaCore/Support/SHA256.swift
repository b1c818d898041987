/// SHA-256 (FIPS 180-4, section 6.2), incremental: feed any number of `update` calls, then `finalize`.
///
/// The hasher is a plain value (no heap storage): the chaining state is eight `UInt32` words and the
/// unprocessed tail of the input (less than one 64-byte block) is kept inline. Whole blocks are compressed
/// straight from the caller's contiguous storage, so hashing a long history one event at a time costs no
/// allocation per call. `finalize()` does not consume the hasher: it pads a copy, so a running digest can
/// be taken at any point and hashing can go on afterwards.
///
/// ```swift
/// var hasher = SHA256()
/// for event in events { hasher.update(event.bytes) }
/// let digest = hasher.finalize()          // 32 bytes
/// SHA256.hex(digest)                      // 64 lowercase hexadecimal digits
/// ```
public struct SHA256: Sendable {
    /// The size of a message block in bytes.
    public static let blockSize = 64
    /// The size of a digest in bytes.
    public static let digestSize = 32

    /// The eight working hash values H0…H7.
    private var h0: UInt32 = 0x6A09_E667
    private var h1: UInt32 = 0xBB67_AE85
    private var h2: UInt32 = 0x3C6E_F372
    private var h3: UInt32 = 0xA54F_F53A
    private var h4: UInt32 = 0x510E_527F
    private var h5: UInt32 = 0x9B05_688C
    private var h6: UInt32 = 0x1F83_D9AB
    private var h7: UInt32 = 0x5BE0_CD19

    /// Bytes received but not yet compressed: always fewer than 64, at the start of `pending`.
    private var pending: Block = Block()
    private var pendingCount = 0
    /// Total message length in bytes so far.
    private var length: UInt64 = 0

    public init() {}

    /// Adds bytes to the message. Contiguous collections (arrays, array slices, `UnsafeBufferPointer`,
    /// a string's `utf8` view when native) are read in place; other sequences byte by byte.
    public mutating func update(_ bytes: some Sequence<UInt8>) {
        let handled: Void? = bytes.withContiguousStorageIfAvailable { buffer in
            update(raw: UnsafeRawBufferPointer(buffer))
        }
        if handled != nil { return }
        for byte in bytes { append(byte) }
    }

    /// Adds the UTF-8 encoding of `string` to the message.
    public mutating func update(_ string: String) {
        var text = string
        text.withUTF8 { update(raw: UnsafeRawBufferPointer($0)) }
    }

    /// Adds the bytes of a raw buffer to the message.
    public mutating func update(raw buffer: UnsafeRawBufferPointer) {
        guard var source = buffer.baseAddress, buffer.count > 0 else { return }
        var remaining = buffer.count
        length &+= UInt64(remaining)

        // Top up a partly filled block first.
        if pendingCount > 0 {
            let take = min(SHA256.blockSize - pendingCount, remaining)
            withUnsafeMutableBytes(of: &pending) { block in
                block.baseAddress!.advanced(by: pendingCount).copyMemory(from: source, byteCount: take)
            }
            pendingCount += take
            source += take
            remaining -= take
            if pendingCount < SHA256.blockSize { return }
            let block = pending
            withUnsafeBytes(of: block) { compress(blocks: $0.baseAddress!, count: 1) }
            pendingCount = 0
        }

        // Whole blocks straight from the caller's memory.
        let wholeBlocks = remaining / SHA256.blockSize
        if wholeBlocks > 0 {
            compress(blocks: source, count: wholeBlocks)
            source += wholeBlocks * SHA256.blockSize
            remaining -= wholeBlocks * SHA256.blockSize
        }

        // Keep the tail.
        if remaining > 0 {
            withUnsafeMutableBytes(of: &pending) { block in
                block.baseAddress!.copyMemory(from: source, byteCount: remaining)
            }
            pendingCount = remaining
        }
    }

    /// The digest of everything added so far (32 bytes). The hasher is unchanged and can take more input.
    public func finalize() -> [UInt8] {
        [UInt8](unsafeUninitializedCapacity: SHA256.digestSize) { buffer, count in
            finalize(into: UnsafeMutableRawPointer(buffer.baseAddress!))
            count = SHA256.digestSize
        }
    }

    /// Writes the digest's 32 bytes at `out` (no allocation: for hashing millions of events).
    public func finalize(into out: UnsafeMutableRawPointer) {
        var copy = self
        let bitLength = length &* 8
        // Padding: 0x80, zeros up to 56 mod 64, then the message length in bits, big-endian (5.1.1).
        withUnsafeMutableBytes(of: &copy.pending) { block in
            block[copy.pendingCount] = 0x80
            for i in (copy.pendingCount + 1)..<SHA256.blockSize { block[i] = 0 }
        }
        if copy.pendingCount + 1 > 56 {
            let block = copy.pending
            withUnsafeBytes(of: block) { copy.compress(blocks: $0.baseAddress!, count: 1) }
            copy.pending = Block()
        }
        withUnsafeMutableBytes(of: &copy.pending) { block in
            for i in 0..<8 { block[56 + i] = UInt8(truncatingIfNeeded: bitLength >> UInt64(56 - 8 * i)) }
        }
        let block = copy.pending
        withUnsafeBytes(of: block) { copy.compress(blocks: $0.baseAddress!, count: 1) }
        out.storeBytes(of: copy.h0.bigEndian, toByteOffset: 0, as: UInt32.self)
        out.storeBytes(of: copy.h1.bigEndian, toByteOffset: 4, as: UInt32.self)
        out.storeBytes(of: copy.h2.bigEndian, toByteOffset: 8, as: UInt32.self)
        out.storeBytes(of: copy.h3.bigEndian, toByteOffset: 12, as: UInt32.self)
        out.storeBytes(of: copy.h4.bigEndian, toByteOffset: 16, as: UInt32.self)
        out.storeBytes(of: copy.h5.bigEndian, toByteOffset: 20, as: UInt32.self)
        out.storeBytes(of: copy.h6.bigEndian, toByteOffset: 24, as: UInt32.self)
        out.storeBytes(of: copy.h7.bigEndian, toByteOffset: 28, as: UInt32.self)
    }

    /// The digest of `bytes` in one call.
    public static func hash(_ bytes: [UInt8]) -> [UInt8] {
        var hasher = SHA256()
        hasher.update(bytes)
        return hasher.finalize()
    }

    /// Lowercase hexadecimal, two digits per byte (the form `sha256sum` prints).
    public static func hex(_ bytes: [UInt8]) -> String {
        String(unsafeUninitializedCapacity: bytes.count * 2) { out in
            bytes.withUnsafeBytes { hex($0, into: out.baseAddress!) }
            return bytes.count * 2
        }
    }

    /// Lower-case hexadecimal of `bytes`, two digits per byte written at `out`.
    public static func hex(_ bytes: UnsafeRawBufferPointer, into out: UnsafeMutablePointer<UInt8>) {
        for (i, byte) in bytes.enumerated() {
            out[2 * i] = hexDigits[Int(byte >> 4)]
            out[2 * i + 1] = hexDigits[Int(byte & 0x0F)]
        }
    }

    private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)

    // MARK: - Internals

    /// 64 bytes of inline storage.
    private struct Block: Sendable {
        var words: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0, 0, 0, 0, 0)
    }

    /// Adds one message byte (the path for sequences without contiguous storage).
    private mutating func append(_ byte: UInt8) {
        length &+= 1
        appendPadding(byte)
    }

    /// Adds one byte to the pending block without counting it in the message length.
    private mutating func appendPadding(_ byte: UInt8) {
        let index = pendingCount
        withUnsafeMutableBytes(of: &pending) { $0[index] = byte }
        pendingCount += 1
        if pendingCount == SHA256.blockSize {
            let block = pending
            withUnsafeBytes(of: block) { compress(blocks: $0.baseAddress!, count: 1) }
            pendingCount = 0
        }
    }

    /// Compresses `count` consecutive 64-byte blocks starting at `blocks` (6.2.2).
    private mutating func compress(blocks: UnsafeRawPointer, count: Int) {
        var sa = h0, sb = h1, sc = h2, sd = h3, se = h4, sf = h5, sg = h6, sh = h7
        SHA256.roundConstants.withUnsafeBufferPointer { constants in
            let k = constants.baseAddress!
            withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 64) { schedule in
                let w = schedule.baseAddress!
                for blockIndex in 0..<count {
                    let block = blocks + blockIndex * SHA256.blockSize
                    // Message schedule W0…W63.
                    for t in 0..<16 {
                        w[t] = UInt32(bigEndian: block.loadUnaligned(fromByteOffset: t * 4, as: UInt32.self))
                    }
                    for t in 16..<64 {
                        let x = w[t - 15], y = w[t - 2]
                        let sigma0 = rotr(x, 7) ^ rotr(x, 18) ^ (x &>> 3)
                        let sigma1 = rotr(y, 17) ^ rotr(y, 19) ^ (y &>> 10)
                        w[t] = w[t - 16] &+ sigma0 &+ w[t - 7] &+ sigma1
                    }
                    var a = sa, b = sb, c = sc, d = sd, e = se, f = sf, g = sg, h = sh
                    // 64 rounds, eight at a time with the roles of the variables rotated instead of moved.
                    var t = 0
                    while t < 64 {
                        round(a, b, c, &d, e, f, g, &h, k[t] &+ w[t])
                        round(h, a, b, &c, d, e, f, &g, k[t + 1] &+ w[t + 1])
                        round(g, h, a, &b, c, d, e, &f, k[t + 2] &+ w[t + 2])
                        round(f, g, h, &a, b, c, d, &e, k[t + 3] &+ w[t + 3])
                        round(e, f, g, &h, a, b, c, &d, k[t + 4] &+ w[t + 4])
                        round(d, e, f, &g, h, a, b, &c, k[t + 5] &+ w[t + 5])
                        round(c, d, e, &f, g, h, a, &b, k[t + 6] &+ w[t + 6])
                        round(b, c, d, &e, f, g, h, &a, k[t + 7] &+ w[t + 7])
                        t += 8
                    }
                    sa &+= a
                    sb &+= b
                    sc &+= c
                    sd &+= d
                    se &+= e
                    sf &+= f
                    sg &+= g
                    sh &+= h
                }
            }
        }
        h0 = sa
        h1 = sb
        h2 = sc
        h3 = sd
        h4 = se
        h5 = sf
        h6 = sg
        h7 = sh
    }

    /// K0…K63: the first 32 bits of the fractional parts of the cube roots of the first 64 primes (4.2.2).
    private static let roundConstants: [UInt32] = [
        0x428A_2F98, 0x7137_4491, 0xB5C0_FBCF, 0xE9B5_DBA5, 0x3956_C25B, 0x59F1_11F1, 0x923F_82A4, 0xAB1C_5ED5,
        0xD807_AA98, 0x1283_5B01, 0x2431_85BE, 0x550C_7DC3, 0x72BE_5D74, 0x80DE_B1FE, 0x9BDC_06A7, 0xC19B_F174,
        0xE49B_69C1, 0xEFBE_4786, 0x0FC1_9DC6, 0x240C_A1CC, 0x2DE9_2C6F, 0x4A74_84AA, 0x5CB0_A9DC, 0x76F9_88DA,
        0x983E_5152, 0xA831_C66D, 0xB003_27C8, 0xBF59_7FC7, 0xC6E0_0BF3, 0xD5A7_9147, 0x06CA_6351, 0x1429_2967,
        0x27B7_0A85, 0x2E1B_2138, 0x4D2C_6DFC, 0x5338_0D13, 0x650A_7354, 0x766A_0ABB, 0x81C2_C92E, 0x9272_2C85,
        0xA2BF_E8A1, 0xA81A_664B, 0xC24B_8B70, 0xC76C_51A3, 0xD192_E819, 0xD699_0624, 0xF40E_3585, 0x106A_A070,
        0x19A4_C116, 0x1E37_6C08, 0x2748_774C, 0x34B0_BCB5, 0x391C_0CB3, 0x4ED8_AA4A, 0x5B9C_CA4F, 0x682E_6FF3,
        0x748F_82EE, 0x78A5_636F, 0x84C8_7814, 0x8CC7_0208, 0x90BE_FFFA, 0xA450_6CEB, 0xBEF9_A3F7, 0xC671_78F2
    ]
}

/// One round of 6.2.2 step 3 on the working variables a…h, written so that the caller rotates their roles:
/// T1 = h + Σ1(e) + Ch(e, f, g) + K_t + W_t, T2 = Σ0(a) + Maj(a, b, c); d becomes d + T1 (the next e) and
/// h becomes T1 + T2 (the next a).
@inline(__always)
private func round(
    _ a: UInt32, _ b: UInt32, _ c: UInt32, _ d: inout UInt32,
    _ e: UInt32, _ f: UInt32, _ g: UInt32, _ h: inout UInt32, _ kw: UInt32
) {
    let bigSigma1 = rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)
    let choose = g ^ (e & (f ^ g))  // (e ∧ f) ⊕ (¬e ∧ g)
    let t1 = h &+ bigSigma1 &+ choose &+ kw
    let bigSigma0 = rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)
    let majority = (a & b) | (c & (a | b))  // (a ∧ b) ⊕ (a ∧ c) ⊕ (b ∧ c)
    d &+= t1
    h = t1 &+ bigSigma0 &+ majority
}

/// Rotation right of a 32-bit word (ROTR^n, 3.2).
@inline(__always)
private func rotr(_ x: UInt32, _ n: UInt32) -> UInt32 {
    (x &>> n) | (x &<< (32 &- n))
}
