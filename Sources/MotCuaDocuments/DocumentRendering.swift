import MotCuaCore
import MotCuaPDF
import MotCuaSystem

/// How a document leaves the program: a PDF with an embedded font (what is printed and kept), or the text
/// rendering (the screen's preview, `--output FILE.txt`, and the fallback when no usable font exists).
public enum DocumentFormat: String, Sendable {
    case pdf, text

    public var fileExtension: String { self == .pdf ? "pdf" : "txt" }
    public var mimeType: String { self == .pdf ? "application/pdf" : "text/plain" }

    /// The format a file name asks for: `.txt` is text, anything else the PDF.
    public static func forOutput(_ path: String) -> DocumentFormat {
        path.lowercased().hasSuffix(".txt") ? .text : .pdf
    }
}

/// A PDFSink that feeds an `OutputFile` (its temporary file, renamed when complete).
final class OutputFileSink: PDFSink {
    let output: OutputFile
    init(_ output: OutputFile) { self.output = output }
    func write(_ bytes: [UInt8]) throws { try output.write(bytes) }
}

/// The fonts found once (Liberation Serif, else DejaVu Serif, else the administrator's path) and the
/// renderers built on them. Shared by every document of a session.
public final class DocumentRenderer: @unchecked Sendable {
    public let discovery: FontDiscoveryResult

    /// Looks for the fonts now (about a millisecond); `explicitFont` is the administrator's `font_path`.
    public init(explicitFont: String? = nil) {
        discovery = FontDiscovery.discover(explicitPath: explicitFont.flatMap { $0.isEmpty ? nil : $0 })
    }

    /// Nil when a PDF can be made; else the officer's explanation (Vietnamese) of why only text can.
    public var unavailableReason: String? {
        discovery.family == nil ? discovery.vietnameseMessage : nil
    }

    func pdfRenderer(at now: LocalDateTime) -> PDFRenderer? {
        guard let fonts = discovery.family else { return nil }
        let c = now.date.components
        return PDFRenderer(
            fonts: fonts,
            creationDate: PDFDate(
                year: c.year, month: c.month, day: c.day, hour: now.time.hour, minute: now.time.minute, second: 0))
    }

    /// The document as bytes in `format` (`.pdf` falls back to text when no font is usable: the format
    /// returned says which).
    public func render(_ document: Document, as format: DocumentFormat, at now: LocalDateTime) throws -> (
        bytes: [UInt8], format: DocumentFormat
    ) {
        if format == .pdf, let renderer = pdfRenderer(at: now) {
            return (try renderer.data(document), .pdf)
        }
        return (Array(TextRenderer(pageSize: document.pageSize).text(document).utf8), .text)
    }

    /// Writes the document into `output` in `format`, streamed page by page for a PDF; refuses a PDF when no
    /// font is usable (the caller asked for one by name).
    public func write(_ document: Document, as format: DocumentFormat, to output: OutputFile, at now: LocalDateTime)
        throws
    {
        switch format {
        case .pdf:
            guard let renderer = pdfRenderer(at: now) else {
                throw DocumentUnavailable(
                    "Không tạo được PDF: \(discovery.vietnameseMessage) Dùng --output TỆP.txt để ghi văn bản.")
            }
            _ = try renderer.render(document, to: OutputFileSink(output))
        case .text:
            try output.write(TextRenderer(pageSize: document.pageSize).text(document))
        }
    }
}
