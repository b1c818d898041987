/// An indirect object's number, reserved before the object is written.
public struct PDFObjectRef: Hashable, Sendable {
    public let number: Int
    var reference: String { "\(number) 0 R" }
}

/// The document information dictionary.
public struct PDFDocumentInfo: Sendable, Equatable {
    public var title: String
    public var author: String?
    public var subject: String?
    /// The producer, "motcua" by default.
    public var producer: String
    /// When the document was made; given by the caller.
    public var creationDate: PDFDate?

    public init(
        title: String, author: String? = nil, subject: String? = nil, producer: String = "motcua",
        creationDate: PDFDate?
    ) {
        self.title = title
        self.author = author
        self.subject = subject
        self.producer = producer
        self.creationDate = creationDate
    }
}

/// Writes a PDF 1.7 document incrementally to a sink: the header at once, each page (its content stream and
/// page object) when it is added, and at `finish()` the fonts (subset to every glyph used in the whole
/// document), the page tree, the catalog, the information dictionary, the cross-reference table and the
/// trailer. Memory stays bounded by one page's content plus a few numbers per page and per glyph.
///
/// Pages refer to the fonts, the page tree and any late content through object numbers reserved in advance.
/// Fonts are Type0 fonts with a CIDFontType2 descendant (Identity-H encoding, CIDToGIDMap Identity), a `/W`
/// array of the glyphs used, a font descriptor with the subset as `/FontFile2`, and a ToUnicode CMap so that
/// text extraction gives back the text drawn.
public final class PDFWriter {
    /// Options of the output.
    public struct Options: Sendable {
        /// Compress streams with Flate (zlib); content streams and fonts shrink to about a third.
        public var compressStreams: Bool
        /// The document's natural language (`/Lang` of the catalog).
        public var language: String?

        public init(compressStreams: Bool = true, language: String? = "vi-VN") {
            self.compressStreams = compressStreams
            self.language = language
        }
    }

    public let fonts: FontFamily
    public let info: PDFDocumentInfo
    public let options: Options
    let sink: any PDFSink

    var buffer: [UInt8] = []
    /// Bytes handed to the sink so far plus the buffer: the offset of the next byte.
    var position = 0
    /// Byte offset of each object, by number (index 0 unused); -1 while only reserved.
    var offsets: [Int] = [0]
    var hashA: UInt64 = 0xCBF2_9CE4_8422_2325
    var hashB: UInt64 = 0x6C62_272E_07BB_0142

    let catalogRef: PDFObjectRef
    let pagesRef: PDFObjectRef
    let infoRef: PDFObjectRef
    var pageRefs: [Int] = []
    var fontRefs: [PDFObjectRef?] = [nil, nil, nil, nil]
    /// Per face: the scalar each glyph was first drawn for, `PDFContent.none` when unused.
    var glyphScalars: [[UInt32]] = [[], [], [], []]
    var pendingLate: Set<Int> = []
    var isFinished = false

    /// Starts a document: writes the header.
    public init(sink: any PDFSink, fonts: FontFamily, info: PDFDocumentInfo, options: Options = Options()) throws {
        self.sink = sink
        self.fonts = fonts
        self.info = info
        self.options = options
        buffer.reserveCapacity(1 << 16)
        catalogRef = PDFObjectRef(number: 1)
        pagesRef = PDFObjectRef(number: 2)
        infoRef = PDFObjectRef(number: 3)
        offsets += [-1, -1, -1]
        // The second line's bytes above 127 tell transfer programs the file is binary.
        try emit(
            Array("%PDF-1.7\n%\u{E2}\u{E3}\u{CF}\u{D3}\n".unicodeScalars.map { UInt8(truncatingIfNeeded: $0.value) }))
    }

    /// A new, empty content stream for a page (or for late content).
    public func makeContent() -> PDFContent { PDFContent(fonts: fonts) }

    /// The number of pages added so far.
    public var pageCount: Int { pageRefs.count }

    /// Reserves an object number, e.g. for a late content stream.
    public func reserveObject() -> PDFObjectRef {
        offsets.append(-1)
        return PDFObjectRef(number: offsets.count - 1)
    }

    /// Adds a page: writes its content stream and its page object now. `lateContents` are content streams
    /// drawn after `content` that will be written later with `writeLateContent` (e.g. "Trang 3/12", whose
    /// total is known only at the end); `lateStyles` are the faces they use, named in the page's resources.
    public func addPage(
        size: PDFPageSize, content: PDFContent, lateContents: [PDFObjectRef] = [],
        lateStyles: Set<FontStyle> = []
    ) throws {
        guard !isFinished else { throw PDFError.finished }
        merge(content)
        let pageRef = reserveObject()
        let contentRef = reserveObject()
        try writeStream(contentRef, dictionary: "", data: content.bytes)
        for ref in lateContents { pendingLate.insert(ref.number) }
        var page =
            "<< /Type /Page /Parent \(pagesRef.reference) /MediaBox [0 0 \(PDFSyntax.number(size.width)) \(PDFSyntax.number(size.height))]"
        var fontEntries = ""
        for style in content.stylesUsed.union(lateStyles).sorted() {
            fontEntries += " /\(PDFContent.resourceName(style)) \(fontRef(style).reference)"
        }
        page +=
            " /Resources << /ProcSet [/PDF /Text]" + (fontEntries.isEmpty ? "" : " /Font <<\(fontEntries) >>") + " >>"
        if lateContents.isEmpty {
            page += " /Contents \(contentRef.reference) >>"
        } else {
            page += " /Contents [\(contentRef.reference)" + lateContents.map { " " + $0.reference }.joined() + "] >>"
        }
        try writeObject(pageRef, page)
        pageRefs.append(pageRef.number)
    }

    /// Writes a content stream reserved with `reserveObject` and listed in a page's `lateContents`. Its
    /// faces must have been named in that page's `lateStyles`.
    public func writeLateContent(_ ref: PDFObjectRef, _ content: PDFContent) throws {
        guard !isFinished else { throw PDFError.finished }
        merge(content)
        pendingLate.remove(ref.number)
        try writeStream(ref, dictionary: "", data: content.bytes)
    }

    /// Ends the document: fonts, page tree, catalog, information, cross-reference table, trailer. The sink
    /// has received every byte when this returns.
    public func finish() throws {
        guard !isFinished else { throw PDFError.finished }
        guard !pageRefs.isEmpty else { throw PDFError.noPages }
        if let missing = pendingLate.min() { throw PDFError.unwrittenObject(missing) }
        for style in FontStyle.allCases {
            if let ref = fontRefs[style.rawValue] { try writeFont(style, ref) }
        }
        try writeObject(
            pagesRef,
            "<< /Type /Pages /Kids [" + pageRefs.map { "\($0) 0 R" }.joined(separator: " ")
                + "] /Count \(pageRefs.count) >>")
        var catalog = "<< /Type /Catalog /Pages \(pagesRef.reference)"
        if let language = options.language { catalog += " /Lang \(PDFSyntax.literal(language))" }
        try writeObject(catalogRef, catalog + " >>")
        var infoText = "<< /Title \(PDFSyntax.textString(info.title)) /Producer \(PDFSyntax.textString(info.producer))"
        if let author = info.author { infoText += " /Author \(PDFSyntax.textString(author))" }
        if let subject = info.subject { infoText += " /Subject \(PDFSyntax.textString(subject))" }
        if let date = info.creationDate { infoText += " /CreationDate \(PDFSyntax.literal(date.pdfString))" }
        try writeObject(infoRef, infoText + " >>")

        let xrefOffset = position
        var xref = "xref\n0 \(offsets.count)\n0000000000 65535 f \n"
        for n in 1..<offsets.count {
            let o = offsets[n]
            if o < 0 { throw PDFError.unwrittenObject(n) }
            let digits = String(o)
            xref += String(repeating: "0", count: 10 - digits.count) + digits + " 00000 n \n"
        }
        let id = Self.hex64(hashA) + Self.hex64(hashB)
        xref +=
            "trailer\n<< /Size \(offsets.count) /Root \(catalogRef.reference) /Info \(infoRef.reference) /ID [<\(id)> <\(id)>] >>\n"
        xref += "startxref\n\(xrefOffset)\n%%EOF\n"
        try emit(Array(xref.utf8))
        try flush()
        isFinished = true
    }

    // MARK: Objects

    func fontRef(_ style: FontStyle) -> PDFObjectRef {
        if let ref = fontRefs[style.rawValue] { return ref }
        let ref = reserveObject()
        fontRefs[style.rawValue] = ref
        return ref
    }

    func merge(_ content: PDFContent) {
        for style in content.stylesUsed.sorted() { _ = fontRef(style) }
        for s in 0..<4 where !content.newGlyphs[s].isEmpty {
            if glyphScalars[s].isEmpty {
                glyphScalars[s] = [UInt32](repeating: PDFContent.none, count: fonts[FontStyle(rawValue: s)!].glyphCount)
            }
            for g in content.newGlyphs[s] where glyphScalars[s][Int(g)] == PDFContent.none {
                glyphScalars[s][Int(g)] = content.glyphScalars[s][Int(g)]
            }
        }
    }

    func writeObject(_ ref: PDFObjectRef, _ body: String) throws {
        offsets[ref.number] = position
        try emit(Array("\(ref.number) 0 obj\n\(body)\nendobj\n".utf8))
    }

    /// Writes a stream object; `dictionary` holds extra entries (" /Length1 123").
    func writeStream(_ ref: PDFObjectRef, dictionary: String, data: [UInt8]) throws {
        offsets[ref.number] = position
        var payload = data
        var filter = ""
        if options.compressStreams && data.count > 64 {
            payload = Deflate.zlib(data)
            filter = " /Filter /FlateDecode"
        }
        try emit(Array("\(ref.number) 0 obj\n<< /Length \(payload.count)\(filter)\(dictionary) >>\nstream\n".utf8))
        try emit(payload)
        try emit(Array("\nendstream\nendobj\n".utf8))
    }

    func emit(_ bytes: [UInt8]) throws {
        var h = hashA
        for b in bytes { h = (h ^ UInt64(b)) &* 0x100_0000_01B3 }
        hashA = h
        hashB = (hashB ^ UInt64(bytes.count)) &* 0x100_0000_01B3 ^ hashA
        position += bytes.count
        if bytes.count >= 1 << 16 {
            try flush()
            try sink.write(bytes)
            return
        }
        buffer += bytes
        if buffer.count >= 1 << 16 { try flush() }
    }

    func flush() throws {
        guard !buffer.isEmpty else { return }
        try sink.write(buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    static func hex64(_ v: UInt64) -> String {
        (0..<4).map { PDFSyntax.hex16(UInt16(truncatingIfNeeded: v >> UInt64(48 - 16 * $0))) }.joined()
    }

    // MARK: Fonts

    /// Writes one face: the subset font file, its descriptor, the CID font with its widths, the ToUnicode
    /// map and the Type0 font at its reserved number.
    func writeFont(_ style: FontStyle, _ type0: PDFObjectRef) throws {
        let font = fonts[style]
        let scalars = glyphScalars[style.rawValue]
        let used = scalars.indices.filter { scalars[$0] != PDFContent.none }.map { UInt16($0) }
        let subset: TrueTypeSubset
        do { subset = try font.subset(keeping: used) } catch { throw PDFError.font(style, error) }

        let fileRef = reserveObject()
        try writeStream(fileRef, dictionary: " /Length1 \(subset.bytes.count)", data: subset.bytes)

        let descriptorRef = reserveObject()
        let box = font.boundingBox
        let name = PDFSyntax.name(subset.baseFontName)
        try writeObject(
            descriptorRef,
            "<< /Type /FontDescriptor /FontName \(name) /Flags \(font.pdfFlags)"
                + " /FontBBox [\(font.pdfUnits(box.xMin)) \(font.pdfUnits(box.yMin)) \(font.pdfUnits(box.xMax)) \(font.pdfUnits(box.yMax))]"
                + " /ItalicAngle \(PDFSyntax.number(font.italicAngle)) /Ascent \(font.pdfUnits(font.ascent))"
                + " /Descent \(font.pdfUnits(font.descent)) /CapHeight \(font.pdfUnits(font.capHeight))"
                + " /StemV \(font.stemV) /FontFile2 \(fileRef.reference) >>")

        let cidRef = reserveObject()
        try writeObject(
            cidRef,
            "<< /Type /Font /Subtype /CIDFontType2 /BaseFont \(name)"
                + " /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >>"
                + " /FontDescriptor \(descriptorRef.reference) /DW \(font.pdfAdvance(of: 0))"
                + " /W \(Self.widthArray(font, used)) /CIDToGIDMap /Identity >>")

        let toUnicodeRef = reserveObject()
        try writeStream(
            toUnicodeRef, dictionary: "", data: Array(Self.toUnicodeCMap(used.map { ($0, scalars[Int($0)]) }).utf8))

        try writeObject(
            type0,
            "<< /Type /Font /Subtype /Type0 /BaseFont \(name) /Encoding /Identity-H"
                + " /DescendantFonts [\(cidRef.reference)] /ToUnicode \(toUnicodeRef.reference) >>")
    }

    /// The `/W` array: runs of consecutive glyph ids, "[first [w1 w2 …] first [w …] …]".
    static func widthArray(_ font: TrueTypeFont, _ glyphs: [UInt16]) -> String {
        var out = "["
        var i = 0
        while i < glyphs.count {
            var j = i + 1
            while j < glyphs.count && glyphs[j] == glyphs[j - 1] + 1 { j += 1 }
            out +=
                "\(glyphs[i]) [" + glyphs[i..<j].map { String(font.pdfAdvance(of: $0)) }.joined(separator: " ") + "] "
            i = j
        }
        if out.last == " " { out.removeLast() }
        return out + "]"
    }

    /// A ToUnicode CMap for glyph → character pairs sorted by glyph: ranges where consecutive glyphs map to
    /// consecutive characters (`bfrange`), single pairs otherwise (`bfchar`), at most 100 entries a section.
    static func toUnicodeCMap(_ pairs: [(glyph: UInt16, scalar: UInt32)]) -> String {
        func utf16Hex(_ v: UInt32) -> String {
            guard let scalar = Unicode.Scalar(v) else { return "FFFD" }
            return String(scalar).utf16.map { PDFSyntax.hex16($0) }.joined()
        }
        var ranges: [(UInt16, UInt16, UInt32)] = []
        var singles: [(UInt16, UInt32)] = []
        var i = 0
        while i < pairs.count {
            var j = i + 1
            // A range stays within one high byte of the code and of the character's last UTF-16 unit.
            while j < pairs.count && pairs[j].glyph == pairs[j - 1].glyph + 1
                && pairs[j].scalar == pairs[j - 1].scalar + 1
                && pairs[j].glyph >> 8 == pairs[i].glyph >> 8 && pairs[j].scalar >> 8 == pairs[i].scalar >> 8
                && pairs[j].scalar < 0x10000
            { j += 1 }
            if j - i >= 2 {
                ranges.append((pairs[i].glyph, pairs[j - 1].glyph, pairs[i].scalar))
            } else {
                singles.append((pairs[i].glyph, pairs[i].scalar))
            }
            i = j
        }
        var out = """
            /CIDInit /ProcSet findresource begin
            12 dict begin
            begincmap
            /CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def
            /CMapName /Adobe-Identity-UCS def
            /CMapType 2 def
            1 begincodespacerange
            <0000> <FFFF>
            endcodespacerange

            """
        for chunkStart in stride(from: 0, to: singles.count, by: 100) {
            let chunk = singles[chunkStart..<min(singles.count, chunkStart + 100)]
            out += "\(chunk.count) beginbfchar\n"
            for (g, s) in chunk { out += "<\(PDFSyntax.hex16(g))> <\(utf16Hex(s))>\n" }
            out += "endbfchar\n"
        }
        for chunkStart in stride(from: 0, to: ranges.count, by: 100) {
            let chunk = ranges[chunkStart..<min(ranges.count, chunkStart + 100)]
            out += "\(chunk.count) beginbfrange\n"
            for (a, b, s) in chunk { out += "<\(PDFSyntax.hex16(a))> <\(PDFSyntax.hex16(b))> <\(utf16Hex(s))>\n" }
            out += "endbfrange\n"
        }
        out += """
            endcmap
            CMapName currentdict /CMap defineresource pop
            end
            end

            """
        return out
    }
}
