/// Low-level PDF syntax: numbers, names, strings, appended straight to byte buffers.
enum PDFSyntax {
    static let hexDigits: [UInt8] = Array("0123456789ABCDEF".utf8)

    /// Appends `v` with at most three decimals, without trailing zeros ("12", "12.5", "-0.125").
    static func appendNumber(_ out: inout [UInt8], _ v: Double) {
        var scaled = Int64((v * 1000).rounded())
        if scaled < 0 {
            out.append(UInt8(ascii: "-"))
            scaled = -scaled
        }
        appendInteger(&out, Int(scaled / 1000))
        var fraction = Int(scaled % 1000)
        guard fraction != 0 else { return }
        out.append(UInt8(ascii: "."))
        var digits = 3
        while fraction % 10 == 0 {
            fraction /= 10
            digits -= 1
        }
        var divisor = 1
        for _ in 1..<digits { divisor *= 10 }
        while divisor > 0 {
            out.append(UInt8(ascii: "0") + UInt8(fraction / divisor % 10))
            divisor /= 10
        }
    }

    static func appendInteger(_ out: inout [UInt8], _ v: Int) {
        if v < 0 {
            out.append(UInt8(ascii: "-"))
            appendInteger(&out, -v)
            return
        }
        var divisor = 1
        while divisor <= v / 10 { divisor *= 10 }
        var n = v
        while divisor > 0 {
            out.append(UInt8(ascii: "0") + UInt8(n / divisor))
            n %= divisor
            divisor /= 10
        }
    }

    static func number(_ v: Double) -> String {
        var b: [UInt8] = []
        appendNumber(&b, v)
        return String(decoding: b, as: UTF8.self)
    }

    static func appendHex16(_ out: inout [UInt8], _ v: UInt16) {
        out.append(hexDigits[Int(v >> 12)])
        out.append(hexDigits[Int((v >> 8) & 0xF)])
        out.append(hexDigits[Int((v >> 4) & 0xF)])
        out.append(hexDigits[Int(v & 0xF)])
    }

    static func hex16(_ v: UInt16) -> String {
        var b: [UInt8] = []
        appendHex16(&b, v)
        return String(decoding: b, as: UTF8.self)
    }

    /// A name object ("/LiberationSerif"): bytes outside the regular characters are written as #xx.
    static func name(_ s: String) -> String {
        var out: [UInt8] = [UInt8(ascii: "/")]
        for b in s.utf8 {
            let delimiter = "()<>[]{}/%#".utf8.contains(b)
            if b < 0x21 || b > 0x7E || delimiter {
                out.append(UInt8(ascii: "#"))
                out.append(hexDigits[Int(b >> 4)])
                out.append(hexDigits[Int(b & 0xF)])
            } else {
                out.append(b)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// A text string ("<FEFF…>"): UTF-16BE with a byte order mark, in hexadecimal, so any Vietnamese text
    /// survives.
    static func textString(_ s: String) -> String {
        var out: [UInt8] = Array("<FEFF".utf8)
        for unit in s.utf16 { appendHex16(&out, unit) }
        out.append(UInt8(ascii: ">"))
        return String(decoding: out, as: UTF8.self)
    }

    /// A literal ASCII string "(…)" with the delimiters escaped; for text outside ASCII use `textString`.
    static func literal(_ s: String) -> String {
        var out = "("
        for c in s.unicodeScalars {
            switch c {
            case "(", ")", "\\": out += "\\" + String(c)
            default: out.unicodeScalars.append(c.isASCII && c.value >= 0x20 ? c : "?")
            }
        }
        return out + ")"
    }
}

/// A moment for the document information dictionary, given by the caller (the module never reads a clock).
public struct PDFDate: Sendable, Equatable {
    public var year: Int, month: Int, day: Int
    public var hour: Int, minute: Int, second: Int
    /// Offset from UTC in minutes (Vietnam: +420).
    public var utcOffsetMinutes: Int

    public init(
        year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0, utcOffsetMinutes: Int = 420
    ) {
        self.year = year
        self.month = month
        self.day = day
        self.hour = hour
        self.minute = minute
        self.second = second
        self.utcOffsetMinutes = utcOffsetMinutes
    }

    /// "D:20261120153000+07'00'"
    public var pdfString: String {
        func two(_ v: Int) -> String { v < 10 ? "0\(v)" : String(v) }
        let year = String(repeating: "0", count: max(0, 4 - String(self.year).count)) + String(self.year)
        let sign = utcOffsetMinutes < 0 ? "-" : "+"
        let offset = abs(utcOffsetMinutes)
        return
            "D:\(year)\(two(month))\(two(day))\(two(hour))\(two(minute))\(two(second))\(sign)\(two(offset / 60))'\(two(offset % 60))'"
    }
}
