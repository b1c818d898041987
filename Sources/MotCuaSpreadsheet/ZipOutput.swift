#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Where a ZIP archive is written: bytes appended in order, and bytes written earlier overwritten in place
/// (an entry's local header receives its CRC and sizes once the data has been streamed).
public protocol ZipOutput: AnyObject {
    /// Appends bytes at the end.
    func append(_ bytes: UnsafeRawBufferPointer) throws(SpreadsheetError)
    /// Replaces bytes already appended, starting `offset` bytes from the beginning.
    func overwrite(at offset: UInt64, with bytes: UnsafeRawBufferPointer) throws(SpreadsheetError)
    /// Makes everything appended so far durable (a file: written and fsynced).
    func flush() throws(SpreadsheetError)
}

/// An archive in memory (tests, small archives).
public final class ZipMemoryOutput: ZipOutput {
    public private(set) var bytes: [UInt8] = []

    public init() {}

    public func append(_ bytes: UnsafeRawBufferPointer) throws(SpreadsheetError) {
        self.bytes.append(contentsOf: bytes)
    }

    public func overwrite(at offset: UInt64, with bytes: UnsafeRawBufferPointer) throws(SpreadsheetError) {
        let start = Int(offset)
        precondition(start + bytes.count <= self.bytes.count, "overwrite past the end")
        for (i, byte) in bytes.enumerated() { self.bytes[start + i] = byte }
    }

    public func flush() throws(SpreadsheetError) {}
}

/// An archive written to a regular file through a fixed buffer: `write` when the buffer fills, `pwrite`
/// for an overwrite of bytes that already left the buffer (or a change in the buffer when they have not).
/// Memory stays at the buffer's size whatever the archive's.
public final class ZipFileOutput: ZipOutput {
    /// The path reported in errors.
    public let path: String
    private let descriptor: Int32
    private var buffer: [UInt8]
    private let capacity: Int
    /// File offset of `buffer[0]`: the number of bytes already written to the file.
    private var written: UInt64 = 0
    private var closed = false

    /// Takes ownership of `descriptor` (open for writing, positioned at 0, not O_APPEND).
    public init(descriptor: Int32, path: String, bufferSize: Int = 256 * 1024) {
        self.descriptor = descriptor
        self.path = path
        capacity = max(bufferSize, 4096)
        buffer = []
        buffer.reserveCapacity(capacity)
    }

    deinit {
        if !closed { _ = closeDescriptor(descriptor) }
    }

    public func append(_ bytes: UnsafeRawBufferPointer) throws(SpreadsheetError) {
        if buffer.count + bytes.count > capacity { try drain() }
        if bytes.count >= capacity {
            try writeAll(bytes)  // too large to buffer: straight to the file
            written += UInt64(bytes.count)
        } else {
            buffer.append(contentsOf: bytes)
        }
    }

    public func overwrite(at offset: UInt64, with bytes: UnsafeRawBufferPointer) throws(SpreadsheetError) {
        precondition(offset + UInt64(bytes.count) <= written + UInt64(buffer.count), "overwrite past the end")
        var index = 0
        // The part already in the file.
        while index < bytes.count, offset + UInt64(index) < written {
            let start = offset + UInt64(index)
            let count = min(bytes.count - index, Int(written - start))
            let n = pwrite(descriptor, bytes.baseAddress! + index, count, off_t(start))
            if n < 0 {
                if errno == EINTR { continue }
                throw SpreadsheetError.system(operation: "Không ghi được", path: path, code: errno)
            }
            index += n
        }
        // The part still in the buffer.
        while index < bytes.count {
            buffer[Int(offset + UInt64(index) - written)] = bytes[index]
            index += 1
        }
    }

    public func flush() throws(SpreadsheetError) {
        try drain()
        if fsync(descriptor) != 0 {
            throw SpreadsheetError.system(operation: "Không ghi được", path: path, code: errno)
        }
    }

    /// Flushes and closes the descriptor.
    public func close() throws(SpreadsheetError) {
        guard !closed else { return }
        defer { closed = true }
        do { try flush() } catch {
            _ = closeDescriptor(descriptor)
            throw error
        }
        if closeDescriptor(descriptor) != 0 {
            throw SpreadsheetError.system(operation: "Không ghi được", path: path, code: errno)
        }
    }

    private func drain() throws(SpreadsheetError) {
        guard !buffer.isEmpty else { return }
        let count = buffer.count
        try withRawBytes(buffer) { (bytes) throws(SpreadsheetError) in try writeAll(bytes) }
        written += UInt64(count)
        buffer.removeAll(keepingCapacity: true)
    }

    private func writeAll(_ bytes: UnsafeRawBufferPointer) throws(SpreadsheetError) {
        var index = 0
        while index < bytes.count {
            let n = write(descriptor, bytes.baseAddress! + index, bytes.count - index)
            if n < 0 {
                if errno == EINTR { continue }
                throw SpreadsheetError.system(operation: "Không ghi được", path: path, code: errno)
            }
            index += n
        }
    }
}

/// `close(2)`, under a name that the class's own `close()` does not hide.
private func closeDescriptor(_ descriptor: Int32) -> Int32 { close(descriptor) }

/// Calls `body` with the bytes of `array`, keeping the typed error (`withUnsafeBytes` rethrows it as
/// `any Error`).
func withRawBytes(_ array: [UInt8], _ body: (UnsafeRawBufferPointer) throws(SpreadsheetError) -> Void)
    throws(SpreadsheetError)
{
    var failure: SpreadsheetError? = nil
    array.withUnsafeBytes { raw in
        do throws(SpreadsheetError) { try body(raw) } catch { failure = error }
    }
    if let failure { throw failure }
}
