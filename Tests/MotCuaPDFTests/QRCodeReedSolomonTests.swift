import Testing
@testable import MotCuaPDF

@Suite struct QRCodeReedSolomonTests {
    @Test func fieldTables() {
        // α^8 = α^4 + α^3 + α^2 + 1 = 0x1D under x^8 + x^4 + x^3 + x^2 + 1.
        #expect(QRGaloisField.exponents[8] == 0x1D)
        #expect(QRGaloisField.exponents[255] == 1)
        // Every non-zero element appears exactly once among α^0…α^254.
        #expect(Set(QRGaloisField.exponents[0..<255]).count == 255)
        for v in 1...255 { #expect(Int(QRGaloisField.exponents[QRGaloisField.logarithms[v]]) == v) }
    }

    @Test func generatorOfDegreeTwoByHand() {
        // (x − α^0)(x − α^1) = x² + (1 ⊕ 2)x + 2 = x² + 3x + 2 = x² + α^25·x + α^1.
        #expect(QRReedSolomon.generator(degree: 2) == [3, 2])
        #expect(QRReedSolomon.generatorExponents(degree: 2) == [25, 1])
    }

    @Test func generatorPolynomialsOfAnnexA() {
        // ISO/IEC 18004 Annex A, as exponents of α, highest power first (the leading x^n omitted).
        #expect(QRReedSolomon.generatorExponents(degree: 7) == [87, 229, 146, 149, 238, 102, 21])
        #expect(QRReedSolomon.generatorExponents(degree: 10) == [251, 67, 46, 61, 118, 70, 64, 94, 32, 45])
    }

    @Test func workedExampleOneM() {
        // The standard's worked example: "01234567" in version 1-M (numeric mode), 16 data codewords,
        // 10 error correction codewords.
        let data: [UInt8] = [
            0x10, 0x20, 0x0C, 0x56, 0x61, 0x80, 0xEC, 0x11, 0xEC, 0x11, 0xEC, 0x11, 0xEC, 0x11, 0xEC, 0x11
        ]
        let ec = QRReedSolomon.remainder(of: data, generator: QRReedSolomon.generator(degree: 10))
        #expect(ec == [0xA5, 0x24, 0xD4, 0xC1, 0xED, 0x36, 0xC7, 0x87, 0x2C, 0x55])
    }
}
