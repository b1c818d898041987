import Testing
@testable import MotCuaPDF

/// The four penalty rules of ISO/IEC 18004 7.8.3.1 (Table 11): N1 = 3, N2 = 3, N3 = 40, N4 = 10.
@Suite struct QRCodePenaltyTests {
    private func line(_ text: String) -> [Bool] { text.map { $0 == "1" } }

    private func matrix(_ rows: [String]) -> QRMatrix {
        QRMatrix(size: rows.count, dark: rows.flatMap { $0.map { $0 == "1" } })
    }

    @Test func runsOfFiveOrMore() {
        #expect(QRMatrix.runPenalty(line("0000")) == 0)
        #expect(QRMatrix.runPenalty(line("11111")) == 3)  // 5 → N1
        #expect(QRMatrix.runPenalty(line("1111110")) == 4)  // 6 → N1 + 1
        #expect(QRMatrix.runPenalty(line("111110000001")) == 3 + 4)  // 5 and 6
        #expect(QRMatrix.runPenalty(line("101010101010")) == 0)
    }

    @Test func finderLikePatterns() {
        #expect(QRMatrix.finderLikePenalty(line("10111010000")) == 40)  // light after
        #expect(QRMatrix.finderLikePenalty(line("00001011101")) == 40)  // light before
        #expect(QRMatrix.finderLikePenalty(line("000010111010000")) == 40)  // both sides: once
        #expect(QRMatrix.finderLikePenalty(line("1011101")) == 40)  // the quiet zone is light
        #expect(QRMatrix.finderLikePenalty(line("0110111010110")) == 0)  // dark within 4 on both sides
        #expect(QRMatrix.finderLikePenalty(line("1001011101001")) == 0)
        #expect(QRMatrix.finderLikePenalty(line("10111011101")) == 80)  // two overlapping occurrences
        #expect(QRMatrix.finderLikePenalty(line("11001111110011")) == 0)  // only the 1-module scale counts
        #expect(QRMatrix.finderLikePenalty(line("1011")) == 0)
    }

    /// A 5 × 5 all-light matrix, by hand: N1 = 10 lines × 3 = 30; N2 = 16 squares × 3 = 48; N3 = 0;
    /// N4: 0 % dark, 50 % off, k = 10 → 100. Total 178.
    @Test func allLightMatrix() {
        let m = matrix(Array(repeating: "00000", count: 5))
        let s = m.penaltyScores()
        #expect(s.runs == 30 && s.blocks == 48 && s.finderLike == 0 && s.balance == 100)
        #expect(m.penaltyScore() == 178)
    }

    /// A 7 × 7 checkerboard scores nothing: no runs, no squares, no pattern, 25 of 49 dark (51 %).
    @Test func checkerboard() {
        let rows = (0..<7).map { y in String((0..<7).map { x in (x + y) % 2 == 0 ? "1" : "0" }) }
        #expect(matrix(rows).penaltyScore() == 0)
    }

    /// An 11 × 11 matrix, light but for row 0 = 10111010000, by hand:
    /// N1: row 0 none; rows 1–10 are runs of 11 → 9 each = 90; the 5 columns dark on top have a light run
    ///     of 10 → 8 each = 40; the 6 others a run of 11 → 9 each = 54. N1 = 184.
    /// N2: rows 1–10 give 9 × 10 = 90 light squares; rows 0–1 give 3 (columns 7–8, 8–9, 9–10). 93 × 3 = 279.
    /// N3: row 0 has the pattern with light after it (and the quiet zone before): 40.
    /// N4: 5 of 121 dark = 4.1 %, |20·5 − 1210| / 121 = 9.17 → k = 9 → 90.
    /// Total 593.
    @Test func matrixWithOneFinderLikeRow() {
        let m = matrix(["10111010000"] + Array(repeating: "00000000000", count: 10))
        let s = m.penaltyScores()
        #expect(s.runs == 184)
        #expect(s.blocks == 279)
        #expect(s.finderLike == 40)
        #expect(s.balance == 90)
        #expect(m.penaltyScore() == 593)
    }

    /// The version 2-M symbol of a case code, each mask scored before the format information is added
    /// (7.1 steps 6–7). The figures agree with an independent implementation (segno 1.6.6's
    /// `mask_scores`, run on the same candidate matrices); mask 2 has the lowest score and is chosen.
    @Test func scoresOfARealSymbol() throws {
        let bytes = Array("000.00.15.H42-261120-0001".utf8)
        let data = QRCode.dataCodewords(bytes, version: 2, level: .medium)
        var unmasked = QRMatrix(version: 2)
        unmasked.place(codewords: QRCode.interleavedCodewords(data: data, version: 2, level: .medium))
        let expected: [(Int, Int, Int, Int)] = [
            (280, 300, 840, 0), (294, 312, 840, 0), (266, 210, 720, 0), (281, 276, 760, 0),
            (243, 288, 800, 0), (252, 282, 760, 0), (252, 273, 720, 0), (293, 312, 760, 0)
        ]
        for mask in 0..<8 {
            var trial = unmasked
            trial.applyMask(mask)
            let s = trial.penaltyScores()
            #expect(
                s.runs == expected[mask].0 && s.blocks == expected[mask].1
                    && s.finderLike == expected[mask].2 && s.balance == expected[mask].3, "mask \(mask): \(s)")
        }
        #expect(try QRCode.encode(bytes).mask == 2)
    }

    @Test func maskPatternsOfTable10() {
        // The conditions at a few modules (i = row, j = column).
        #expect(QRMatrix.maskInverts(0, i: 0, j: 0) && !QRMatrix.maskInverts(0, i: 0, j: 1))
        #expect(QRMatrix.maskInverts(1, i: 2, j: 5) && !QRMatrix.maskInverts(1, i: 3, j: 5))
        #expect(QRMatrix.maskInverts(2, i: 1, j: 3) && !QRMatrix.maskInverts(2, i: 1, j: 4))
        #expect(QRMatrix.maskInverts(3, i: 1, j: 2) && !QRMatrix.maskInverts(3, i: 1, j: 1))
        #expect(QRMatrix.maskInverts(4, i: 2, j: 3) && !QRMatrix.maskInverts(4, i: 2, j: 0))
        #expect(
            QRMatrix.maskInverts(5, i: 6, j: 1) && QRMatrix.maskInverts(5, i: 0, j: 7)
                && !QRMatrix.maskInverts(5, i: 1, j: 1))
        #expect(QRMatrix.maskInverts(6, i: 1, j: 1) && !QRMatrix.maskInverts(6, i: 1, j: 5))
        #expect(QRMatrix.maskInverts(7, i: 0, j: 0) && !QRMatrix.maskInverts(7, i: 1, j: 0))
    }

    /// The fast form used when masking (residues instead of divisions) agrees with Table 10's formulas.
    @Test func fastMaskConditionsAgreeWithTheFormulas() {
        let residues = QRMaskResidues(count: 177)
        for mask in 0..<8 {
            var disagreements = 0
            for i in 0..<177 {
                for j in 0..<177
                where QRMatrix.maskInverts(mask, i: i, j: j)
                    != QRMatrix.maskInverts(mask, row: residues[i], column: residues[j])
                {
                    disagreements += 1
                }
            }
            #expect(disagreements == 0, "mask \(mask)")
        }
    }

    @Test func masksLeaveFunctionPatternsAlone() {
        let base = QRMatrix(version: 7)
        for mask in 0..<8 {
            var m = base
            m.applyMask(mask)
            for k in 0..<(m.size * m.size) where m.isFunction[k] { #expect(m.dark[k] == base.dark[k]) }
        }
    }
}
