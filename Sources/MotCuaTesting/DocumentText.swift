import MotCuaCore
import MotCuaSystem

/// The words of a saved or spooled document, whatever its format: a PDF through poppler's `pdftotext`
/// (what a reader gets back from the file, Vietnamese exact), a text file as it is. Runs of spaces and line
/// breaks become one space, so that a test looks for phrases, not for a layout.
public func documentText(_ path: String) throws -> String {
    let head = try FileSystem.readPrefix(path, count: 5)
    let raw: String
    if head == Array("%PDF-".utf8) {
        let r = try Subprocess.run(["pdftotext", "-enc", "UTF-8", path, "-"])
        guard r.succeeded else { throw SystemError(operation: "pdftotext không đọc được", path: path, code: 5) }
        raw = r.stdoutText
    } else {
        raw = try FileSystem.readText(path)
    }
    return raw.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\u{0C}" || $0 == "\r\n" || $0 == "\t" })
        .joined(separator: " ")
}
