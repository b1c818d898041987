/// A small Deflate (RFC 1951) compressor in a zlib wrapper (RFC 1950), for PDF's FlateDecode filter.
///
/// LZ77 with hash chains over a 32 KiB window and one lazy-match step, then per block of 16,384 symbols
/// either Huffman codes built for the block (dynamic) or the fixed codes of RFC 1951 §3.2.6, whichever is
/// shorter. Data that would grow is stored instead.
enum Deflate {
    static let lengthBase: [Int] = [
        3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115,
        131, 163, 195, 227, 258
    ]
    static let lengthExtra: [Int] = [
        0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0
    ]
    static let distanceBase: [Int] = [
        1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537,
        2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577
    ]
    static let distanceExtra: [Int] = [
        0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13
    ]

    /// Length (3…258) → length code index (0…28).
    static let lengthCode: [UInt8] = {
        var table = [UInt8](repeating: 0, count: 259)
        for code in 0..<29 {
            let end = code == 28 ? 259 : lengthBase[code] + (1 << lengthExtra[code])
            for l in lengthBase[code]..<min(end, 259) { table[l] = UInt8(code) }
        }
        table[258] = 28
        return table
    }()

    struct BitWriter {
        var out: [UInt8] = []
        var bits: UInt64 = 0
        var count = 0

        /// Appends the low `n` bits of `value`, least significant first.
        @inline(__always)
        mutating func write(_ value: Int, _ n: Int) {
            bits |= UInt64(value) << UInt64(count)
            count += n
            while count >= 8 {
                out.append(UInt8(truncatingIfNeeded: bits))
                bits >>= 8
                count -= 8
            }
        }

        mutating func flush() {
            if count > 0 { out.append(UInt8(truncatingIfNeeded: bits)) }
            bits = 0
            count = 0
        }
    }

    static func reverse(_ code: Int, _ n: Int) -> Int {
        var reversed = 0
        var c = code
        for _ in 0..<n {
            reversed = reversed << 1 | (c & 1)
            c >>= 1
        }
        return reversed
    }

    /// The fixed literal/length codes (RFC 1951 §3.2.6), bit-reversed for the LSB-first stream, and their
    /// lengths.
    static let literalCodes: [(code: Int, bits: Int)] = (0..<288).map { v in
        switch v {
        case 0...143: (reverse(0x30 + v, 8), 8)
        case 144...255: (reverse(0x190 + v - 144, 9), 9)
        case 256...279: (reverse(v - 256, 7), 7)
        default: (reverse(0xC0 + v - 280, 8), 8)
        }
    }
    static let distanceCodes: [Int] = (0..<30).map { reverse($0, 5) }

    /// Distance code for distances 1…256 (index distance − 1) and, above, for (distance − 1) >> 7.
    static let distanceCodeSmall: [UInt8] = (1...256).map { d in UInt8(distanceBase.lastIndex { $0 <= d }!) }
    static let distanceCodeLarge: [UInt8] = (0..<256).map { i in UInt8(distanceBase.lastIndex { $0 <= (i << 7) + 1 }!) }

    /// The zlib stream of `data`.
    static func zlib(_ data: [UInt8]) -> [UInt8] {
        var out: [UInt8] = [0x78, 0x9C]
        let compressed = deflate(data)
        if compressed.count < data.count + 5 * (data.count / 65535 + 1) {
            out += compressed
        } else {
            out += stored(data)
        }
        let a = adler32(data)
        out += [UInt8(a >> 24), UInt8((a >> 16) & 0xFF), UInt8((a >> 8) & 0xFF), UInt8(a & 0xFF)]
        return out
    }

    static func adler32(_ data: [UInt8]) -> UInt32 {
        var a: UInt32 = 1, b: UInt32 = 0
        var i = 0
        while i < data.count {
            let end = min(data.count, i + 5552)
            while i < end {
                a &+= UInt32(data[i])
                b &+= a
                i += 1
            }
            a %= 65521
            b %= 65521
        }
        return b << 16 | a
    }

    /// Stored blocks (no compression).
    static func stored(_ data: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        var i = 0
        repeat {
            let n = min(65535, data.count - i)
            out.append(i + n == data.count ? 1 : 0)
            out += [UInt8(n & 0xFF), UInt8(n >> 8), UInt8(~n & 0xFF), UInt8((~n >> 8) & 0xFF)]
            out += data[i..<(i + n)]
            i += n
        } while i < data.count
        return out
    }

    /// One final block with the fixed Huffman codes.
    static func deflate(_ input: [UInt8]) -> [UInt8] {
        input.withUnsafeBufferPointer { deflate($0) }
    }

    /// LZ77 tokens of `data`: a literal byte (< 256) or a match, `matchFlag | length << 16 | distance`.
    static let matchFlag: UInt32 = 1 << 31

    static func deflate(_ data: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        let tokens = lz77(data)
        var w = BitWriter()
        w.out.reserveCapacity(data.count / 3 + 16)
        let blockSize = 1 << 14
        var start = 0
        repeat {
            let end = min(tokens.count, start + blockSize)
            writeBlock(&w, tokens[start..<end], final: end == tokens.count)
            start = end
        } while start < tokens.count
        w.flush()
        return w.out
    }

    /// Hash-chain LZ77 over a 32 KiB window, with one lazy-match step.
    static func lz77(_ data: UnsafeBufferPointer<UInt8>) -> [UInt32] {
        var tokens: [UInt32] = []
        tokens.reserveCapacity(data.count / 2 + 1)
        let n = data.count
        let windowSize = 1 << 15
        let hashBits = 15
        let head = UnsafeMutableBufferPointer<Int32>.allocate(capacity: 1 << hashBits)
        head.initialize(repeating: -1)
        let previous = UnsafeMutableBufferPointer<Int32>.allocate(capacity: windowSize)
        previous.initialize(repeating: -1)
        defer {
            head.deallocate()
            previous.deallocate()
        }
        let maxChain = 32
        let goodEnough = 128

        @inline(__always) func hash(_ i: Int) -> Int {
            let v = Int(data[i]) << 16 | Int(data[i + 1]) << 8 | Int(data[i + 2])
            return (v &* 0x9E37_79B1) >> (32 - hashBits) & ((1 << hashBits) - 1)
        }
        @inline(__always) func insert(_ i: Int) {
            guard i + 2 < n else { return }
            let h = hash(i)
            previous[i & (windowSize - 1)] = head[h]
            head[h] = Int32(i)
        }
        @inline(__always) func longestMatch(_ i: Int) -> (length: Int, distance: Int) {
            guard i + 2 < n else { return (0, 0) }
            var best = 0, bestDistance = 0
            var candidate = Int(head[hash(i)])
            var chain = maxChain
            let maxLength = min(258, n - i)
            while candidate >= 0 && i - candidate <= windowSize - 1 && chain > 0 {
                if best == 0 || data[candidate + best] == data[i + best] {
                    var l = 0
                    while l < maxLength && data[candidate + l] == data[i + l] { l += 1 }
                    if l > best {
                        best = l
                        bestDistance = i - candidate
                        if l >= goodEnough || l == maxLength { break }
                    }
                }
                let next = Int(previous[candidate & (windowSize - 1)])
                if next >= candidate { break }
                candidate = next
                chain -= 1
            }
            return best >= 3 ? (best, bestDistance) : (0, 0)
        }
        @inline(__always) func match(_ length: Int, _ distance: Int) -> UInt32 {
            matchFlag | UInt32(length) << 16 | UInt32(distance)
        }

        var i = 0
        while i < n {
            var found = longestMatch(i)
            if found.length > 0 && found.length < goodEnough && i + 1 < n {
                // Lazy step: a longer match one byte later wins over this one.
                insert(i)
                let next = longestMatch(i + 1)
                if next.length > found.length {
                    tokens.append(UInt32(data[i]))
                    i += 1
                    found = next
                } else {
                    tokens.append(match(found.length, found.distance))
                    for k in (i + 1)..<(i + found.length) { insert(k) }
                    i += found.length
                    continue
                }
            }
            if found.length > 0 {
                tokens.append(match(found.length, found.distance))
                for k in i..<(i + found.length) { insert(k) }
                i += found.length
            } else {
                tokens.append(UInt32(data[i]))
                insert(i)
                i += 1
            }
        }
        return tokens
    }

    @inline(__always)
    static func distanceCode(_ distance: Int) -> Int {
        Int(distance <= 256 ? distanceCodeSmall[distance - 1] : distanceCodeLarge[(distance - 1) >> 7])
    }

    /// One block: with codes made for its symbols (dynamic Huffman) or with the fixed codes, whichever is
    /// shorter.
    static func writeBlock(_ w: inout BitWriter, _ tokens: ArraySlice<UInt32>, final: Bool) {
        var literalFrequencies = [Int](repeating: 0, count: 286)
        var distanceFrequencies = [Int](repeating: 0, count: 30)
        var extraBits = 0
        for t in tokens {
            if t & matchFlag == 0 {
                literalFrequencies[Int(t)] += 1
            } else {
                let length = Int((t >> 16) & 0x1FF), distance = Int(t & 0xFFFF)
                let lc = Int(lengthCode[length]), dc = distanceCode(distance)
                literalFrequencies[257 + lc] += 1
                distanceFrequencies[dc] += 1
                extraBits += lengthExtra[lc] + distanceExtra[dc]
            }
        }
        literalFrequencies[256] = 1

        // Fixed codes' cost.
        var fixedBits = 3 + extraBits
        for (symbol, f) in literalFrequencies.enumerated() where f > 0 { fixedBits += f * literalCodes[symbol].bits }
        for f in distanceFrequencies { fixedBits += 5 * f }

        // Dynamic codes: every tree gets at least two used symbols so that it is complete.
        func atLeastTwo(_ f: [Int]) -> [Int] {
            var f = f
            var used = f.filter { $0 > 0 }.count
            var k = 0
            while used < 2 && k < f.count {
                if f[k] == 0 { f[k] = 1; used += 1 }
                k += 1
            }
            return f
        }
        let literalLengths = codeLengths(atLeastTwo(literalFrequencies), limit: 15)
        let distanceLengths = codeLengths(atLeastTwo(distanceFrequencies), limit: 15)
        var literalCount = 286
        while literalCount > 257 && literalLengths[literalCount - 1] == 0 { literalCount -= 1 }
        var distanceCount = 30
        while distanceCount > 1 && distanceLengths[distanceCount - 1] == 0 { distanceCount -= 1 }

        // The code lengths, run-length encoded (16: repeat previous 3–6, 17: zeros 3–10, 18: zeros 11–138).
        let all = Array(literalLengths[0..<literalCount]) + Array(distanceLengths[0..<distanceCount])
        var runs: [(symbol: Int, extra: Int, bits: Int)] = []
        var p = 0
        while p < all.count {
            let v = all[p]
            var r = 1
            while p + r < all.count && all[p + r] == v { r += 1 }
            if v == 0 && r >= 3 {
                let take = min(r, 138)
                runs.append(take >= 11 ? (18, take - 11, 7) : (17, take - 3, 3))
                p += take
            } else if v != 0 && r >= 4 {
                runs.append((v, 0, 0))
                let take = min(r - 1, 6)
                runs.append((16, take - 3, 2))
                p += 1 + take
            } else {
                runs.append((v, 0, 0))
                p += 1
            }
        }
        var lengthFrequencies = [Int](repeating: 0, count: 19)
        for r in runs { lengthFrequencies[r.symbol] += 1 }
        let lengthLengths = codeLengths(atLeastTwo(lengthFrequencies), limit: 7)
        let order = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15]
        var lengthCount = 19
        while lengthCount > 4 && lengthLengths[order[lengthCount - 1]] == 0 { lengthCount -= 1 }

        var dynamicBits = 3 + 5 + 5 + 4 + 3 * lengthCount + extraBits
        for r in runs { dynamicBits += lengthLengths[r.symbol] + r.bits }
        for (symbol, f) in literalFrequencies.enumerated() where f > 0 { dynamicBits += f * literalLengths[symbol] }
        for (symbol, f) in distanceFrequencies.enumerated() where f > 0 { dynamicBits += f * distanceLengths[symbol] }

        w.write(final ? 1 : 0, 1)
        let literalTable: [(code: Int, bits: Int)]
        let distanceTable: [(code: Int, bits: Int)]
        if dynamicBits < fixedBits {
            w.write(2, 2)
            w.write(literalCount - 257, 5)
            w.write(distanceCount - 1, 5)
            w.write(lengthCount - 4, 4)
            for k in 0..<lengthCount { w.write(lengthLengths[order[k]], 3) }
            let lengthTable = canonicalCodes(lengthLengths)
            for r in runs {
                w.write(lengthTable[r.symbol].code, lengthTable[r.symbol].bits)
                if r.bits > 0 { w.write(r.extra, r.bits) }
            }
            literalTable = canonicalCodes(literalLengths)
            distanceTable = canonicalCodes(distanceLengths)
        } else {
            w.write(1, 2)
            literalTable = literalCodes
            distanceTable = distanceCodes.map { ($0, 5) }
        }
        for t in tokens {
            if t & matchFlag == 0 {
                let c = literalTable[Int(t)]
                w.write(c.code, c.bits)
            } else {
                let length = Int((t >> 16) & 0x1FF), distance = Int(t & 0xFFFF)
                let lc = Int(lengthCode[length])
                let c = literalTable[257 + lc]
                w.write(c.code, c.bits)
                if lengthExtra[lc] > 0 { w.write(length - lengthBase[lc], lengthExtra[lc]) }
                let dc = distanceCode(distance)
                let d = distanceTable[dc]
                w.write(d.code, d.bits)
                if distanceExtra[dc] > 0 { w.write(distance - distanceBase[dc], distanceExtra[dc]) }
            }
        }
        let end = literalTable[256]
        w.write(end.code, end.bits)
    }

    /// Canonical Huffman codes (RFC 1951 §3.2.2) for code lengths, bit-reversed for the LSB-first stream.
    static func canonicalCodes(_ lengths: [Int]) -> [(code: Int, bits: Int)] {
        let maxBits = lengths.max() ?? 0
        var count = [Int](repeating: 0, count: maxBits + 1)
        for l in lengths where l > 0 { count[l] += 1 }
        var next = [Int](repeating: 0, count: maxBits + 2)
        var code = 0
        if maxBits >= 1 {
            for bits in 1...maxBits {
                code = (code + count[bits - 1]) << 1
                next[bits] = code
            }
        }
        return lengths.map { l in
            guard l > 0 else { return (0, 0) }
            defer { next[l] += 1 }
            return (reverse(next[l], l), l)
        }
    }

    /// Huffman code lengths for `frequencies`, none longer than `limit`: a plain Huffman tree, its
    /// frequencies halved (never below 1) until the deepest leaf fits.
    static func codeLengths(_ frequencies: [Int], limit: Int) -> [Int] {
        var f = frequencies
        while true {
            let lengths = huffmanLengths(f)
            if (lengths.max() ?? 0) <= limit { return lengths }
            f = f.map { $0 == 0 ? 0 : max(1, $0 / 2) }
        }
    }

    static func huffmanLengths(_ frequencies: [Int]) -> [Int] {
        var lengths = [Int](repeating: 0, count: frequencies.count)
        let symbols = frequencies.indices.filter { frequencies[$0] > 0 }
        if symbols.count == 1 { lengths[symbols[0]] = 1 }
        guard symbols.count >= 2 else { return lengths }
        // Nodes 0..<symbols.count are leaves; internal nodes follow. A binary min-heap of (weight, node).
        var weight = symbols.map { frequencies[$0] }
        var parent = [Int](repeating: -1, count: 2 * symbols.count - 1)
        var heap = Array(0..<symbols.count)
        func less(_ a: Int, _ b: Int) -> Bool { weight[a] < weight[b] || (weight[a] == weight[b] && a < b) }
        func siftDown(_ start: Int) {
            var i = start
            while true {
                let l = 2 * i + 1, r = l + 1
                var smallest = i
                if l < heap.count && less(heap[l], heap[smallest]) { smallest = l }
                if r < heap.count && less(heap[r], heap[smallest]) { smallest = r }
                if smallest == i { return }
                heap.swapAt(i, smallest)
                i = smallest
            }
        }
        func pop() -> Int {
            let top = heap[0]
            heap[0] = heap[heap.count - 1]
            heap.removeLast()
            if !heap.isEmpty { siftDown(0) }
            return top
        }
        func push(_ node: Int) {
            heap.append(node)
            var i = heap.count - 1
            while i > 0 {
                let up = (i - 1) / 2
                if !less(heap[i], heap[up]) { break }
                heap.swapAt(i, up)
                i = up
            }
        }
        for i in stride(from: heap.count / 2 - 1, through: 0, by: -1) { siftDown(i) }
        while heap.count > 1 {
            let a = pop(), b = pop()
            let node = weight.count
            weight.append(weight[a] + weight[b])
            parent[a] = node
            parent[b] = node
            push(node)
        }
        // Depths from the root (the last node) down: a parent always has a larger index than its children.
        var depth = [Int](repeating: 0, count: weight.count)
        for node in stride(from: weight.count - 2, through: 0, by: -1) { depth[node] = depth[parent[node]] + 1 }
        for (leaf, symbol) in symbols.enumerated() { lengths[symbol] = depth[leaf] }
        return lengths
    }
}
