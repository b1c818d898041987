/// The module grid of a symbol under construction: the function patterns, the codeword placement, the
/// data masks, the format and version information, and the penalty score used to choose the mask.
///
/// Coordinates are (x, y) = (column, row) from the top-left corner; the standard's mask conditions use
/// i = row and j = column.
struct QRMatrix {
    let size: Int
    /// Row-major: `dark[y * size + x]`.
    var dark: [Bool]
    /// Modules of function patterns and of the format and version information (reserved or drawn); the
    /// rest is the encoding region.
    var isFunction: [Bool]

    /// A grid of `size` × `size` light modules with no function pattern (for penalty tests).
    init(size: Int, dark: [Bool]) {
        precondition(dark.count == size * size)
        self.size = size
        self.dark = dark
        isFunction = [Bool](repeating: false, count: size * size)
    }

    /// The grid of a version with its function patterns drawn (finder patterns with separators, timing
    /// patterns, alignment patterns) and the format information, the dark module and the version
    /// information reserved as light function modules.
    init(version: Int) {
        size = 17 + 4 * version
        dark = [Bool](repeating: false, count: size * size)
        isFunction = dark

        // Timing patterns (6.3.5): row 6 and column 6, dark at even coordinates. Drawn over the whole
        // length first; the finder patterns and separators then overwrite both ends.
        for i in 0..<size {
            setFunction(x: i, y: 6, dark: i % 2 == 0)
            setFunction(x: 6, y: i, dark: i % 2 == 0)
        }

        // Finder patterns (6.3.3) with their one-module light separators (6.3.4).
        for (left, top) in [(0, 0), (size - 7, 0), (0, size - 7)] {
            for dy in -1...7 {
                for dx in -1...7 {
                    let x = left + dx, y = top + dy
                    guard x >= 0, y >= 0, x < size, y < size else { continue }
                    let ring = max(abs(dx - 3), abs(dy - 3))  // 0…3 inside the pattern, 4 = separator
                    setFunction(x: x, y: y, dark: ring != 2 && ring != 4)
                }
            }
        }

        // Alignment patterns (6.3.6): 5 × 5, dark ring, light ring, dark centre.
        let coordinates = QRTables.alignmentCoordinates[version]
        let last = coordinates.last ?? 0
        for cy in coordinates {
            for cx in coordinates {
                // Skip the three positions occupied by finder patterns.
                if (cx == 6 && cy == 6) || (cx == 6 && cy == last) || (cx == last && cy == 6) { continue }
                for dy in -2...2 {
                    for dx in -2...2 {
                        setFunction(x: cx + dx, y: cy + dy, dark: max(abs(dx), abs(dy)) != 1)
                    }
                }
            }
        }

        // Reserve the format information (both copies) and the dark module, and the version information.
        for i in 0..<9 {
            setFunction(x: 8, y: i, dark: isDark(x: 8, y: i))  // keeps the timing module at (8, 6)…
            setFunction(x: i, y: 8, dark: isDark(x: i, y: 8))  // …and at (6, 8)
        }
        for i in 0..<8 {
            setFunction(x: size - 1 - i, y: 8, dark: false)
            setFunction(x: 8, y: size - 1 - i, dark: false)
        }
        if version >= 7 {
            for i in 0..<18 {
                setFunction(x: size - 11 + i % 3, y: i / 3, dark: false)
                setFunction(x: i / 3, y: size - 11 + i % 3, dark: false)
            }
        }
    }

    func isDark(x: Int, y: Int) -> Bool { dark[y * size + x] }

    private mutating func setFunction(x: Int, y: Int, dark value: Bool) {
        dark[y * size + x] = value
        isFunction[y * size + x] = true
    }

    // MARK: - Codeword placement (7.7.3)

    /// Places the codewords' bits, most significant first, in the encoding region: two-module-wide columns
    /// from the right edge, upwards then downwards in turn, skipping the vertical timing pattern; within a
    /// column pair the right module comes first. Modules left over are the remainder bits (light).
    mutating func place(codewords: [UInt8]) {
        let bitCount = codewords.count * 8
        var bitIndex = 0
        var right = size - 1
        var upward = true
        while right >= 1 {
            if right == 6 { right = 5 }  // column 6 is the timing pattern
            for step in 0..<size {
                let y = upward ? size - 1 - step : step
                for dx in 0..<2 {
                    let index = y * size + right - dx
                    if isFunction[index] { continue }
                    if bitIndex < bitCount {
                        dark[index] = (codewords[bitIndex >> 3] >> (7 - UInt8(bitIndex & 7))) & 1 == 1
                    } else {
                        dark[index] = false
                    }
                    bitIndex += 1
                }
            }
            upward.toggle()
            right -= 2
        }
        precondition(bitIndex >= bitCount, "codewords do not fit the encoding region")
    }

    // MARK: - Data masks (7.8.2)

    /// Whether mask pattern `mask` inverts the module in row `i`, column `j` (Table 10).
    static func maskInverts(_ mask: Int, i: Int, j: Int) -> Bool {
        switch mask {
        case 0: return (i + j) % 2 == 0
        case 1: return i % 2 == 0
        case 2: return j % 3 == 0
        case 3: return (i + j) % 3 == 0
        case 4: return (i / 2 + j / 3) % 2 == 0
        case 5: return (i * j) % 2 + (i * j) % 3 == 0
        case 6: return ((i * j) % 2 + (i * j) % 3) % 2 == 0
        case 7: return ((i + j) % 2 + (i * j) % 3) % 2 == 0
        default: preconditionFailure("mask pattern 0…7")
        }
    }

    /// Inverts the encoding region's modules where the mask pattern's condition holds.
    mutating func applyMask(_ mask: Int) {
        let size = size
        let rows = QRMaskResidues(count: size), columns = rows
        isFunction.withUnsafeBufferPointer { isFunction in
            dark.withUnsafeMutableBufferPointer { dark in
                for y in 0..<size {
                    for x in 0..<size
                    where !isFunction[y * size + x] && QRMatrix.maskInverts(mask, row: rows[y], column: columns[x]) {
                        dark[y * size + x].toggle()
                    }
                }
            }
        }
    }

    /// `maskInverts(_:i:j:)` from precomputed residues, without a division per module.
    @inline(__always)
    static func maskInverts(_ mask: Int, row i: QRMaskResidues.Residue, column j: QRMaskResidues.Residue) -> Bool {
        switch mask {
        case 0: return i.mod2 == j.mod2  // (i + j) mod 2 = 0
        case 1: return i.mod2 == 0
        case 2: return j.mod3 == 0
        case 3: return (i.mod3 &+ j.mod3) % 3 == 0
        case 4: return i.halfParity == j.thirdParity  // (⌊i/2⌋ + ⌊j/3⌋) mod 2 = 0
        case 5: return (i.mod2 & j.mod2) == 0 && QRMaskResidues.productMod3(i, j) == 0
        case 6: return ((i.mod2 & j.mod2) &+ QRMaskResidues.productMod3(i, j)) & 1 == 0
        case 7: return ((i.mod2 ^ j.mod2) &+ QRMaskResidues.productMod3(i, j)) & 1 == 0
        default: preconditionFailure("mask pattern 0…7")
        }
    }

    // MARK: - Format and version information (7.9, 7.10)

    /// Draws both copies of the format information and the dark module at (8, 4V + 9).
    /// Bit 0 is the least significant bit of `QRCode.formatBits`.
    mutating func drawFormatInformation(level: QRCode.ErrorCorrection, mask: Int) {
        let bits = QRCode.formatBits(level: level, mask: mask)
        func bit(_ i: Int) -> Bool { (bits >> i) & 1 == 1 }
        // Around the top-left finder pattern, from the most significant bit: bits 14–9 along row 8 in
        // columns 0–5, bit 8 in column 7 (column 6 is timing), bit 7 at (8, 8), then bits 6–0 up column 8
        // in rows 7, 5, 4 … 0 (row 6 is timing).
        for i in 0..<6 { setFunction(x: 8, y: i, dark: bit(i)) }
        setFunction(x: 8, y: 7, dark: bit(6))
        setFunction(x: 8, y: 8, dark: bit(7))
        setFunction(x: 7, y: 8, dark: bit(8))
        for i in 9..<15 { setFunction(x: 14 - i, y: 8, dark: bit(i)) }
        // Second copy: bits 14–8 up column 8 from the bottom edge (rows n−1 … n−7, beside the bottom-left
        // finder), then bits 7–0 along row 8 in columns n−8 … n−1 (below the top-right finder).
        for i in 0..<8 { setFunction(x: size - 1 - i, y: 8, dark: bit(i)) }
        for i in 8..<15 { setFunction(x: 8, y: size - 15 + i, dark: bit(i)) }
        setFunction(x: 8, y: size - 8, dark: true)
    }

    /// Draws both copies of the version information (versions 7 and above): bit i goes to the 6 × 3 block
    /// above the bottom-left finder at (i / 3, size − 11 + i % 3), and transposed beside the top-right
    /// finder. Bit 0 is the least significant bit of `QRCode.versionBits`.
    mutating func drawVersionInformation(version: Int) {
        guard version >= 7 else { return }
        let bits = QRCode.versionBits(version: version)
        for i in 0..<18 {
            let value = (bits >> i) & 1 == 1
            setFunction(x: i / 3, y: size - 11 + i % 3, dark: value)
            setFunction(x: size - 11 + i % 3, y: i / 3, dark: value)
        }
    }

    // MARK: - Penalty score (7.8.3.1, Table 11)

    /// The four penalty scores: N1 runs, N2 blocks, N3 finder-like patterns, N4 dark proportion.
    func penaltyScores() -> (runs: Int, blocks: Int, finderLike: Int, balance: Int) {
        var runs = 0, finderLike = 0
        var line = [Bool](repeating: false, count: size)
        dark.withUnsafeBufferPointer { modules in
            line.withUnsafeMutableBufferPointer { line in
                for y in 0..<size {
                    for x in 0..<size { line[x] = modules[y * size + x] }
                    runs += QRMatrix.runPenalty(UnsafeBufferPointer(line))
                    finderLike += QRMatrix.finderLikePenalty(UnsafeBufferPointer(line))
                }
                for x in 0..<size {
                    for y in 0..<size { line[y] = modules[y * size + x] }
                    runs += QRMatrix.runPenalty(UnsafeBufferPointer(line))
                    finderLike += QRMatrix.finderLikePenalty(UnsafeBufferPointer(line))
                }
            }
        }
        return (runs, blockPenalty(), finderLike, balancePenalty())
    }

    /// The total penalty score.
    func penaltyScore() -> Int {
        let s = penaltyScores()
        return s.runs + s.blocks + s.finderLike + s.balance
    }

    static func runPenalty(_ line: [Bool]) -> Int { line.withUnsafeBufferPointer { runPenalty($0) } }

    static func finderLikePenalty(_ line: [Bool]) -> Int { line.withUnsafeBufferPointer { finderLikePenalty($0) } }

    /// N1: every run of 5 + i adjacent modules of the same colour in a row or column scores 3 + i.
    static func runPenalty(_ line: UnsafeBufferPointer<Bool>) -> Int {
        guard let first = line.first else { return 0 }
        var score = 0
        var runLength = 0
        var previous = first
        for module in line {
            if module == previous {
                runLength += 1
            } else {
                if runLength >= 5 { score += 3 + runLength - 5 }
                runLength = 1
                previous = module
            }
        }
        if runLength >= 5 { score += 3 + runLength - 5 }
        return score
    }

    /// N2: a block of m × n modules of one colour scores 3 × (m − 1) × (n − 1), counted as 3 for every
    /// 2 × 2 square of one colour (an m × n block holds (m − 1) × (n − 1) of them).
    func blockPenalty() -> Int {
        var score = 0
        dark.withUnsafeBufferPointer { dark in
            for y in 0..<(size - 1) {
                for x in 0..<(size - 1) {
                    let c = dark[y * size + x]
                    if dark[y * size + x + 1] == c, dark[(y + 1) * size + x] == c, dark[(y + 1) * size + x + 1] == c {
                        score += 3
                    }
                }
            }
        }
        return score
    }

    /// N3: each dark-light-dark-dark-dark-light-dark pattern (1:1:3:1:1) in a row or column that has four
    /// light modules before it or after it scores 40 (once, even when both sides are light). Modules
    /// beyond the edge of the symbol belong to the quiet zone and count as light.
    static func finderLikePenalty(_ line: UnsafeBufferPointer<Bool>) -> Int {
        let n = line.count
        guard n >= 7 else { return 0 }
        func light(_ range: Range<Int>) -> Bool {
            for k in range where k >= 0 && k < n && line[k] { return false }
            return true
        }
        var score = 0
        for i in 0...(n - 7) {
            guard line[i], !line[i + 1], line[i + 2], line[i + 3], line[i + 4], !line[i + 5], line[i + 6] else {
                continue
            }
            if light((i - 4)..<i) || light((i + 7)..<(i + 11)) { score += 40 }
        }
        return score
    }

    /// N4: 10 points for every full 5 % by which the proportion of dark modules departs from 50 %.
    func balancePenalty() -> Int {
        let total = size * size
        var darkCount = 0
        dark.withUnsafeBufferPointer { for module in $0 where module { darkCount += 1 } }
        // k = floor(|100 · dark / total − 50| / 5) = floor(|20 · dark − 10 · total| / total)
        return 10 * (abs(20 * darkCount - 10 * total) / total)
    }
}

/// Residues of the row or column numbers 0..<count that the mask conditions need.
struct QRMaskResidues {
    struct Residue {
        let mod2: UInt8
        let mod3: UInt8
        /// ⌊n / 2⌋ mod 2 (rows in mask 4).
        let halfParity: UInt8
        /// ⌊n / 3⌋ mod 2 (columns in mask 4).
        let thirdParity: UInt8
    }

    private let residues: [Residue]

    init(count: Int) {
        var residues: [Residue] = []
        residues.reserveCapacity(count)
        for n in 0..<count {
            let mod2 = UInt8(n % 2), mod3 = UInt8(n % 3)
            let half = UInt8((n / 2) % 2), third = UInt8((n / 3) % 2)
            residues.append(Residue(mod2: mod2, mod3: mod3, halfParity: half, thirdParity: third))
        }
        self.residues = residues
    }

    subscript(_ n: Int) -> Residue { residues[n] }

    /// (i × j) mod 3 from i mod 3 and j mod 3.
    @inline(__always)
    static func productMod3(_ i: Residue, _ j: Residue) -> UInt8 { (i.mod3 &* j.mod3) % 3 }
}
