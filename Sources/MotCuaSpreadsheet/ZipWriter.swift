/// A streaming ZIP writer with stored (uncompressed) entries (PKWARE APPNOTE.TXT 6.3).
///
/// Each entry is streamed: `beginEntry` writes the local file header with the CRC and sizes left at zero,
/// `write` passes the data through while computing its CRC-32 and size, and `endEntry` overwrites the
/// three header fields in place. The central directory and the end-of-central-directory record follow
/// `finish()`. Only the central directory's entries (name, CRC, size, offset) are kept in memory.
///
/// Why patch the local header rather than use a data descriptor (general purpose bit 3): the local headers
/// then carry the true CRC and sizes, identical to the central directory, which every reader accepts —
/// `unzip -t`, LibreOffice, Excel, and also streaming readers that never read the central directory and
/// cannot find the end of a *stored* entry whose size is deferred (Java's `ZipInputStream` rejects stored
/// entries with a data descriptor). The price is an output that can overwrite earlier bytes, which a
/// regular file can (`ZipFileOutput` uses `pwrite`).
///
/// No ZIP64: an entry or the archive reaching 4 GiB, or more than 65,535 entries, throws
/// `SpreadsheetError.archiveTooLarge` (a spreadsheet of a million rows stays far below).
public final class ZipWriter {
    private struct Entry {
        let name: [UInt8]
        let headerOffset: UInt32
        var crc: UInt32 = 0
        var size: UInt32 = 0
    }

    private let output: ZipOutput
    private let dosDate: UInt16
    private let dosTime: UInt16
    private var entries: [Entry] = []
    /// Bytes appended so far.
    private var offset: UInt64 = 0
    private var current: Entry? = nil
    private var crc = CRC32()
    private var currentSize: UInt64 = 0
    private var finished = false
    private var scratch: [UInt8] = []

    /// `modified` is stored as every entry's modification time (MS-DOS format, local time).
    public init(output: ZipOutput, modified: DocumentTimestamp) {
        self.output = output
        (dosDate, dosTime) = modified.dosDateTime
        scratch.reserveCapacity(128)
    }

    /// Starts an entry: writes its local file header.
    public func beginEntry(_ name: String) throws(SpreadsheetError) {
        precondition(!finished && current == nil, "beginEntry: finish the previous entry first")
        let nameBytes = Array(name.utf8)
        precondition(!nameBytes.isEmpty && nameBytes.count <= 0xFFFF, "entry name length")
        guard entries.count < 0xFFFF, offset <= UInt64(UInt32.max) else { throw .archiveTooLarge }
        let entry = Entry(name: nameBytes, headerOffset: UInt32(offset))

        scratch.removeAll(keepingCapacity: true)
        appendLE(0x0403_4B50, 4)  // local file header signature
        appendLE(20, 2)  // version needed to extract: 2.0
        appendLE(UInt64(flags(for: nameBytes)), 2)
        appendLE(0, 2)  // compression method: stored
        appendLE(UInt64(dosTime), 2)
        appendLE(UInt64(dosDate), 2)
        appendLE(0, 4)  // CRC-32        } patched by endEntry
        appendLE(0, 4)  // compressed size }
        appendLE(0, 4)  // uncompressed size }
        appendLE(UInt64(nameBytes.count), 2)
        appendLE(0, 2)  // extra field length
        scratch.append(contentsOf: nameBytes)
        try emit(scratch)

        current = entry
        crc = CRC32()
        currentSize = 0
    }

    /// Streams data into the current entry.
    public func write(_ bytes: UnsafeRawBufferPointer) throws(SpreadsheetError) {
        precondition(current != nil, "write: no entry begun")
        guard bytes.count > 0 else { return }
        currentSize += UInt64(bytes.count)
        guard currentSize <= UInt64(UInt32.max) else { throw .archiveTooLarge }
        crc.update(bytes)
        try output.append(bytes)
        offset += UInt64(bytes.count)
    }

    public func write(_ bytes: [UInt8]) throws(SpreadsheetError) {
        try withRawBytes(bytes) { (raw) throws(SpreadsheetError) in try write(raw) }
    }

    public func write(_ text: String) throws(SpreadsheetError) {
        try write(Array(text.utf8))
    }

    /// Ends the current entry: its CRC and sizes go into its local header.
    public func endEntry() throws(SpreadsheetError) {
        guard var entry = current else { preconditionFailure("endEntry: no entry begun") }
        entry.crc = crc.value
        entry.size = UInt32(currentSize)
        scratch.removeAll(keepingCapacity: true)
        appendLE(UInt64(entry.crc), 4)
        appendLE(UInt64(entry.size), 4)  // compressed size = uncompressed size (stored)
        appendLE(UInt64(entry.size), 4)
        try withRawBytes(scratch) { (raw) throws(SpreadsheetError) in
            try output.overwrite(at: UInt64(entry.headerOffset) + 14, with: raw)
        }
        entries.append(entry)
        current = nil
    }

    /// A whole entry in one call.
    public func addEntry(_ name: String, bytes: [UInt8]) throws(SpreadsheetError) {
        try beginEntry(name)
        try write(bytes)
        try endEntry()
    }

    /// Writes the central directory and the end record, then flushes the output.
    public func finish() throws(SpreadsheetError) {
        precondition(current == nil, "finish: an entry is still open")
        precondition(!finished, "finish: called twice")
        let directoryOffset = offset
        for entry in entries {
            scratch.removeAll(keepingCapacity: true)
            appendLE(0x0201_4B50, 4)  // central file header signature
            appendLE(20, 2)  // version made by: 2.0, MS-DOS attributes
            appendLE(20, 2)  // version needed to extract
            appendLE(UInt64(flags(for: entry.name)), 2)
            appendLE(0, 2)  // stored
            appendLE(UInt64(dosTime), 2)
            appendLE(UInt64(dosDate), 2)
            appendLE(UInt64(entry.crc), 4)
            appendLE(UInt64(entry.size), 4)
            appendLE(UInt64(entry.size), 4)
            appendLE(UInt64(entry.name.count), 2)
            appendLE(0, 2)  // extra field length
            appendLE(0, 2)  // file comment length
            appendLE(0, 2)  // disk number start
            appendLE(0, 2)  // internal file attributes
            appendLE(0, 4)  // external file attributes
            appendLE(UInt64(entry.headerOffset), 4)
            scratch.append(contentsOf: entry.name)
            try emit(scratch)
        }
        let directorySize = offset - directoryOffset
        guard offset <= UInt64(UInt32.max) else { throw .archiveTooLarge }
        scratch.removeAll(keepingCapacity: true)
        appendLE(0x0605_4B50, 4)  // end of central directory signature
        appendLE(0, 2)  // number of this disk
        appendLE(0, 2)  // disk where the central directory starts
        appendLE(UInt64(entries.count), 2)  // entries on this disk
        appendLE(UInt64(entries.count), 2)  // entries in all
        appendLE(directorySize, 4)
        appendLE(directoryOffset, 4)
        appendLE(0, 2)  // comment length
        try emit(scratch)
        try output.flush()
        finished = true
    }

    /// General purpose flags: bit 11 when the name is not ASCII (it is UTF-8).
    private func flags(for name: [UInt8]) -> UInt16 {
        name.contains { $0 >= 0x80 } ? 1 << 11 : 0
    }

    private func appendLE(_ value: UInt64, _ byteCount: Int) {
        for i in 0..<byteCount { scratch.append(UInt8(truncatingIfNeeded: value >> (8 * UInt64(i)))) }
    }

    private func emit(_ bytes: [UInt8]) throws(SpreadsheetError) {
        try withRawBytes(bytes) { (raw) throws(SpreadsheetError) in try output.append(raw) }
        offset += UInt64(bytes.count)
    }
}
