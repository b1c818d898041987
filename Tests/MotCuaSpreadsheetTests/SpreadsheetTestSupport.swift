import Foundation
import Testing
@testable import MotCuaSpreadsheet

/// External programs used as oracles, found on PATH.
enum SheetTools {
    static func find(_ name: String) -> String? {
        for directory in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let candidate = "\(directory)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    static let unzip = find("unzip")
    static let soffice = find("soffice")
    static let xmllint = find("xmllint")
    /// The system Python with LibreOffice's UNO bridge (python3-uno), not a virtualenv's.
    static let unoPython: String? = {
        guard soffice != nil, FileManager.default.isExecutableFile(atPath: "/usr/bin/python3") else { return nil }
        let result = try? run("/usr/bin/python3", ["-c", "import uno"])
        return result?.status == 0 ? "/usr/bin/python3" : nil
    }()

    struct Result {
        let status: Int32
        let stdout: Data
        let stderr: Data
        var text: String { String(decoding: stdout, as: UTF8.self) }
    }

    /// Runs a program to completion. Output goes through files, so a chatty program cannot fill a pipe.
    @discardableResult
    static func run(_ executable: String, _ arguments: [String], environment: [String: String]? = nil) throws -> Result
    {
        let directory = try temporaryDirectory("run")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let outPath = directory + "/stdout", errPath = directory + "/stderr"
        _ = FileManager.default.createFile(atPath: outPath, contents: nil)
        _ = FileManager.default.createFile(atPath: errPath, contents: nil)
        let out = try FileHandle(forWritingTo: URL(fileURLWithPath: outPath))
        let err = try FileHandle(forWritingTo: URL(fileURLWithPath: errPath))
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let environment { process.environment = environment }
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = out
        process.standardError = err
        try process.run()
        process.waitUntilExit()
        try out.close()
        try err.close()
        return Result(
            status: process.terminationStatus,
            stdout: try Data(contentsOf: URL(fileURLWithPath: outPath)),
            stderr: try Data(contentsOf: URL(fileURLWithPath: errPath)))
    }

    static func temporaryDirectory(_ label: String) throws -> String {
        let path = NSTemporaryDirectory() + "/motcua-\(label)-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// The environment for LibreOffice: a private HOME so that nothing of the user's is read or written.
    static func officeEnvironment(home: String) -> [String: String] {
        var environment = ProcessInfo.processInfo.environment
        environment["HOME"] = home
        environment["LANG"] = "C.UTF-8"
        environment["LC_ALL"] = "C.UTF-8"
        return environment
    }

    /// Converts a workbook to one CSV file per sheet with LibreOffice (UTF-8, comma, '"', cells as shown,
    /// en-US number formatting) and returns the sheets' rows, in sheet order.
    static func libreOfficeCSV(_ workbook: String, sheetNames: [String]) throws -> [[[String]]] {
        let directory = try temporaryDirectory("lo-csv")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let filter = "csv:Text - txt - csv (StarCalc):44,34,76,1,,1033,false,true,true,false,false,-1"
        let result = try run(
            try #require(soffice),
            [
                "--headless", "--norestore", "-env:UserInstallation=file://\(directory)/profile",
                "--convert-to", filter, "--outdir", directory + "/out", workbook
            ], environment: officeEnvironment(home: directory))
        try #require(result.status == 0, "soffice: \(String(decoding: result.stderr, as: UTF8.self))")
        let base = ((workbook as NSString).lastPathComponent as NSString).deletingPathExtension
        return try sheetNames.map { name in
            // With the "-1" (every sheet) option, LibreOffice names the files <base>-<sheet name>.csv.
            let file = "\(directory)/out/\(base)-\(name).csv"
            let data = try #require(FileManager.default.contents(atPath: file), "no CSV for sheet \(name)")
            return parseCSV(String(decoding: data, as: UTF8.self))
        }
    }

    /// RFC 4180 CSV: quoted fields may hold commas, doubled quotes and line breaks.
    static func parseCSV(_ text: String) -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var field = ""
        var quoted = false
        var scalars = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = nil
        func next() -> Unicode.Scalar? {
            if let p = pending { pending = nil; return p }
            return scalars.next()
        }
        while let c = next() {
            if quoted {
                if c == "\"" {
                    if let following = next() {
                        if following == "\"" {
                            field.unicodeScalars.append("\"")
                        } else {
                            quoted = false; pending = following
                        }
                    } else {
                        quoted = false
                    }
                } else {
                    field.unicodeScalars.append(c)
                }
            } else if c == "\"" {
                quoted = true
            } else if c == "," {
                row.append(field); field = ""
            } else if c == "\n" || c == "\r" {
                if c == "\r", let following = next(), following != "\n" { pending = following }
                row.append(field); field = ""
                rows.append(row); row = []
            } else {
                field.unicodeScalars.append(c)
            }
        }
        if !field.isEmpty || !row.isEmpty { row.append(field); rows.append(row) }
        return rows
    }

    /// Extracts an archive with unzip into a new directory and returns the directory.
    static func extract(_ archive: String) throws -> String {
        let directory = try temporaryDirectory("unzip")
        let result = try run(try #require(unzip), ["-q", archive, "-d", directory])
        try #require(result.status == 0, "unzip: \(String(decoding: result.stderr, as: UTF8.self))")
        return directory
    }
}

/// A creation time for tests: 26 November 2026, 09:30 in Vietnam.
let testCreated = DocumentTimestamp(year: 2026, month: 11, day: 26, hour: 9, minute: 30, utcOffsetMinutes: 420)!

/// xorshift64*, so that random data is reproducible.
struct SheetTestRandom: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state ^= state >> 12
        state ^= state << 25
        state ^= state >> 27
        return state &* 0x2545_F491_4F6C_DD1D
    }
}
