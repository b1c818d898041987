/// Arithmetic in GF(2^8) with the QR Code field polynomial x^8 + x^4 + x^3 + x^2 + 1 (0x11D), whose
/// primitive element α is 2 (ISO/IEC 18004, 7.5.2).
enum QRGaloisField {
    /// `exponents[i]` = α^i for i in 0..<255, repeated once so that a sum of two logarithms can index it
    /// without a modulo.
    static let exponents: [UInt8] = {
        var table = [UInt8](repeating: 0, count: 510)
        var value = 1
        for i in 0..<255 {
            table[i] = UInt8(value)
            table[i + 255] = UInt8(value)
            value <<= 1
            if value & 0x100 != 0 { value ^= 0x11D }
        }
        return table
    }()

    /// `logarithms[v]` = i such that α^i = v, for v in 1...255 (`logarithms[0]` is unused).
    static let logarithms: [Int] = {
        var table = [Int](repeating: 0, count: 256)
        for i in 0..<255 { table[Int(exponents[i])] = i }
        return table
    }()

    static func multiply(_ a: UInt8, _ b: UInt8) -> UInt8 {
        if a == 0 || b == 0 { return 0 }
        return exponents[logarithms[Int(a)] + logarithms[Int(b)]]
    }
}

/// Reed–Solomon error correction codewords as QR Code defines them (ISO/IEC 18004, 7.5.2): the data
/// codewords are the coefficients of a polynomial (first codeword = highest power), multiplied by x^n and
/// divided by the generator polynomial g(x) = (x − α^0)(x − α^1)…(x − α^(n−1)); the n coefficients of the
/// remainder are the error correction codewords.
enum QRReedSolomon {
    /// The coefficients of the generator polynomial of degree `degree`, highest power first, without the
    /// leading 1 (the polynomial is monic): `degree` values.
    static func generator(degree: Int) -> [UInt8] {
        precondition(degree >= 1 && degree <= 254)
        // Start from g(x) = 1 and multiply by (x − α^i), i.e. (x + α^i) in characteristic 2.
        var coefficients: [UInt8] = [1]  // highest power first, including the leading 1
        for i in 0..<degree {
            let root = QRGaloisField.exponents[i]
            var next = [UInt8](repeating: 0, count: coefficients.count + 1)
            for (j, c) in coefficients.enumerated() {
                next[j] ^= c  // c·x
                next[j + 1] ^= QRGaloisField.multiply(c, root)  // c·α^i
            }
            coefficients = next
        }
        return Array(coefficients.dropFirst())
    }

    /// The generator polynomial as exponents of α (the form of the standard's Annex A), highest power
    /// first, without the leading term.
    static func generatorExponents(degree: Int) -> [Int] {
        generator(degree: degree).map { QRGaloisField.logarithms[Int($0)] }
    }

    /// The error correction codewords of `data` for a generator of the given coefficients (from
    /// `generator(degree:)`): polynomial long division, keeping only the running remainder.
    static func remainder(of data: some Collection<UInt8>, generator: [UInt8]) -> [UInt8] {
        let degree = generator.count
        var remainder = [UInt8](repeating: 0, count: degree)
        let generatorLogs = generator.map { QRGaloisField.logarithms[Int($0)] }
        for byte in data {
            let factor = byte ^ remainder[0]
            // Shift the remainder left by one coefficient.
            for i in 0..<(degree - 1) { remainder[i] = remainder[i + 1] }
            remainder[degree - 1] = 0
            if factor != 0 {
                let factorLog = QRGaloisField.logarithms[Int(factor)]
                for i in 0..<degree where generator[i] != 0 {
                    remainder[i] ^= QRGaloisField.exponents[factorLog + generatorLogs[i]]
                }
            }
        }
        return remainder
    }
}
