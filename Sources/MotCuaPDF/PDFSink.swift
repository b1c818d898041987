import Glibc

/// Where a PDF's bytes go, in order. The writer hands over chunks of up to 64 KiB.
public protocol PDFSink: AnyObject {
    func write(_ bytes: [UInt8]) throws
}

/// Keeps the document in memory.
public final class MemorySink: PDFSink {
    public private(set) var bytes: [UInt8] = []
    public init() {}
    public func write(_ bytes: [UInt8]) throws { self.bytes += bytes }
}

/// Writes the document to a file (created with mode 0600 — documents hold personal data — or truncated).
/// Call `close()` when done; an unclosed sink closes its file when released.
public final class FileSink: PDFSink {
    public let path: String
    private var fd: Int32

    public init(path: String, mode: mode_t = 0o600) throws(PDFError) {
        self.path = path
        fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode)
        guard fd >= 0 else { throw .io(operation: "open", path: path, code: errno) }
    }

    public func write(_ bytes: [UInt8]) throws {
        guard fd >= 0 else { throw PDFError.io(operation: "write", path: path, code: EBADF) }
        var done = 0
        while done < bytes.count {
            let n = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + done, $0.count - done) }
            if n < 0 {
                if errno == EINTR { continue }
                throw PDFError.io(operation: "write", path: path, code: errno)
            }
            done += n
        }
    }

    /// Flushes to disk (fsync) and closes the file.
    public func close() throws(PDFError) {
        guard fd >= 0 else { return }
        defer { fd = -1 }
        if fsync(fd) != 0 { let e = errno; Glibc.close(fd); throw .io(operation: "fsync", path: path, code: e) }
        if Glibc.close(fd) != 0 { throw .io(operation: "close", path: path, code: errno) }
    }

    deinit { if fd >= 0 { Glibc.close(fd) } }
}

/// What can go wrong while writing a PDF.
public enum PDFError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A system call on the output file failed (errno).
    case io(operation: String, path: String, code: Int32)
    /// A font could not be subset.
    case font(FontStyle, TrueTypeError)
    /// An object was reserved but never written (a late content stream).
    case unwrittenObject(Int)
    /// The writer was used after `finish()`.
    case finished
    /// `finish()` was called before any page was added.
    case noPages

    public var description: String {
        switch self {
        case let .io(operation, path, code): "\(operation) \(path): \(FileAccess.message(code))"
        case let .font(style, error): "\(style.englishName) font: \(error)"
        case .unwrittenObject(let n): "object \(n) was reserved but never written"
        case .finished: "the document is already finished"
        case .noPages: "the document has no page"
        }
    }
}
