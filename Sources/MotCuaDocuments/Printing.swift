import MotCuaStore
import MotCuaSystem

/// How documents reach the printer (settings `printer_destination`, `printer_options`, `lp_path`). Only `lp`
/// is ever run, with arguments the program builds; no setting is passed to a shell.
public struct PrinterSettings: Sendable, Equatable {
    /// The CUPS destination (`lp -d`); empty for the system's default printer.
    public var destination: String
    /// Extra `lp` options, each `-o name=value` or `-n copies` (checked by the settings' rule).
    public var options: [String]
    /// An absolute path to `lp`, or empty to look for it on the PATH.
    public var lpPath: String

    public init(destination: String = "", options: [String] = [], lpPath: String = "") {
        self.destination = destination
        self.options = options
        self.lpPath = lpPath
    }

    /// The settings kept in the database.
    public static func stored(in store: Store) throws(StoreError) -> PrinterSettings {
        PrinterSettings(
            destination: try store.settingValue(.printerDestination),
            options: try store.settingValue(.printerOptions).split(separator: " ").map(String.init),
            lpPath: try store.settingValue(.lpPath))
    }
}

/// What happened when a document was sent to the printer.
public enum PrintOutcome: Equatable, Sendable {
    /// Queued; `job` is what `lp` answered ("request id is …").
    case printed(job: String, filtered: Bool)
    /// No print spooler on this machine (`lp` missing).
    case noSpooler
    /// The spooler refused (no printer, printer stopped…): its message.
    case failed(String)

    /// Whether the document now exists for the applicant: only when the spooler took the job. A refused job,
    /// or a machine without any spooler, is to be printed again (the saved copy is not the paper).
    public var producedDocument: Bool {
        switch self {
        case .printed: true
        case .noSpooler, .failed: false
        }
    }

    /// For the log: what happened, without the spooler's own text (it could echo the document, with a
    /// citizen's name).
    public var logText: String {
        switch self {
        case let .printed(_, filtered): "printed\(filtered ? " (filtered)" : "")"
        case .noSpooler: "no spooler"
        case .failed: "refused by the spooler or filter"
        }
    }

    /// For the status line, in Vietnamese.
    public var message: String {
        switch self {
        case let .printed(job, filtered):
            let note = filtered ? "" : " (in dạng văn bản thường; cài gói paps để in đúng dấu tiếng Việt)"
            return "Đã gửi lệnh in\(job.isEmpty ? "" : ": \(job)")\(note)"
        case .noSpooler:
            return "Máy này chưa có chương trình in (lp, gói cups-client): chưa in được"
        case .failed(let m):
            return "Không in được: \(m)"
        }
    }
}

/// Sends text documents to the system's print spooler (CUPS `lp`).
public struct PrintService: Sendable {
    public var settings: PrinterSettings
    /// Extra environment for the spooler (tests put fake `lp` and `paps` first in PATH).
    public var environment: [String: String]

    public init(settings: PrinterSettings, environment: [String: String] = [:]) {
        self.settings = settings
        self.environment = environment
    }

    func find(_ program: String) -> String? {
        if let path = environment["PATH"] {
            for dir in path.split(separator: ":") where FileSystem.exists("\(dir)/\(program)") {
                return "\(dir)/\(program)"
            }
            return nil
        }
        return Subprocess.which(program)
    }

    /// The `lp` to run: the administrator's absolute path when set, else the one on the PATH.
    var lp: String? {
        if !settings.lpPath.isEmpty {
            return settings.lpPath.hasPrefix("/") && FileSystem.exists(settings.lpPath) ? settings.lpPath : nil
        }
        return find("lp")
    }

    /// Prints a text document: through `paps` (a fixed program, never a setting) into PostScript so that
    /// Vietnamese prints right when it is installed, else as plain text.
    /// Sends a rendered document to the spooler: a PDF as it is (CUPS turns it into what the printer
    /// speaks), text through the text path below.
    public func print(_ bytes: [UInt8], format: DocumentFormat, pageSize: PageSize, title: String) -> PrintOutcome {
        guard format == .pdf else {
            return print(String(decoding: bytes, as: UTF8.self), pageSize: pageSize, title: title)
        }
        guard let lp else { return .noSpooler }
        var args = [lp, "-t", title, "-o", "document-format=application/pdf"]
        if !settings.destination.isEmpty { args += ["-d", settings.destination] }
        args += settings.options
        return spool(args, data: bytes, filtered: true)
    }

    func spool(_ args: [String], data: [UInt8], filtered: Bool) -> PrintOutcome {
        do {
            let r = try Subprocess.run(args, input: data, environment: environment)
            guard r.succeeded else {
                let message =
                    firstLine(r.stderrText).isEmpty ? "lp kết thúc với mã \(r.status)" : firstLine(r.stderrText)
                return .failed(message)
            }
            return .printed(job: firstLine(r.stdoutText), filtered: filtered)
        } catch {
            return .noSpooler
        }
    }

    /// Text (when no font makes a PDF possible): through `paps` to PostScript when it is installed, else plain
    /// text with CUPS's text filter.
    public func print(_ text: String, pageSize: PageSize, title: String) -> PrintOutcome {
        guard let lp else { return .noSpooler }
        var data = Array(text.utf8)
        var filtered = false
        var format = "text/plain"
        if let paps = find("paps") {
            let command =
                [paps, "--font=DejaVu Sans Mono \(pageSize.fontPoints)", "--paper=a4"]
                + (pageSize.isLandscape ? ["--landscape"] : [])
            do {
                let r = try Subprocess.run(command, input: data, environment: environment)
                guard r.succeeded, !r.stdout.isEmpty else { return .failed("bộ chuyển chữ paps lỗi") }
                data = r.stdout
                filtered = true
                format = "application/postscript"
            } catch {
                return .failed("không chạy được paps")
            }
        }
        var args = [lp, "-t", title, "-o", "document-format=\(format)"]
        if !settings.destination.isEmpty { args += ["-d", settings.destination] }
        if !filtered {
            args += ["-o", "media=\(pageSize.cupsMedia)"]
            // CUPS's text filter: enough characters per inch for the wide reports.
            switch pageSize {
            case .a5: break
            case .a4: args += ["-o", "cpi=17", "-o", "lpi=9"]
            case .a4Landscape: args += ["-o", "landscape", "-o", "cpi=15", "-o", "lpi=8"]
            }
        }
        args += settings.options
        return spool(args, data: data, filtered: filtered)
    }

    func firstLine(_ s: String) -> String {
        String(s.split(separator: "\n").first ?? "").trimmingCharacters(in: " ")
    }
}

/// Saved documents: UTF-8 text files in a documents folder beside the database (mode 0600: they hold
/// personal data). Never overwritten: a second save gets a numbered name.
public struct DocumentArchive: Sendable {
    public let folder: String

    public init(folder: String) { self.folder = folder }

    /// The archive of the database at `databasePath`: `<folder of the database>/documents`.
    public init(databasePath: String) { self.folder = FileSystem.directoryName(databasePath) + "/documents" }

    /// Saves `text` as `<name>.txt` (or `<name>-2.txt`, …; another extension for a CSV export) and returns
    /// the path. Never replaces a file and never writes through a symbolic link: the copy is written whole
    /// under a temporary name, then linked to the first free name.
    @discardableResult
    public func save(_ text: String, name: String, extension ext: String = "txt") throws -> String {
        try save(Array(text.utf8), name: name, extension: ext)
    }

    @discardableResult
    public func save(_ bytes: [UInt8], name: String, extension ext: String) throws -> String {
        try firstFreeName(name, ext) { path in try FileSystem.writeNew(path, bytes: bytes) }
    }

    /// Saves a file written piece by piece by `write` (through an `OutputFile`, which `write` fills and
    /// commits) under the first free name, as `save` does; returns the path.
    public func save(name: String, extension ext: String, protected: ProtectedFiles, write: (OutputFile) throws -> Void)
        throws -> String
    {
        try firstFreeName(name, ext) { path in try write(try OutputFile(path: path, protected: protected)) }
    }

    /// Runs `create` on `<name>.<ext>`, `<name>-2.<ext>`, … until one is created (`create` throws
    /// `OutputRefusal.exists` when another terminal took the name meanwhile); returns that path.
    private func firstFreeName(_ name: String, _ ext: String, _ create: (String) throws -> Void) throws -> String {
        try FileSystem.makeDirectories(folder, mode: 0o700)
        let safe = String(name.map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "." || $0 == "_" ? $0 : "-" })
        var n = 1
        while true {
            let path = n == 1 ? "\(folder)/\(safe).\(ext)" : "\(folder)/\(safe)-\(n).\(ext)"
            n += 1
            if FileSystem.exists(path) || FileSystem.isSymbolicLink(path) { continue }
            do {
                try create(path)
                return path
            } catch OutputRefusal.exists {
                continue
            }
        }
    }
}

extension String {
    func trimmingCharacters(in c: Character) -> String {
        var s = Substring(self)
        while s.first == c { s = s.dropFirst() }
        while s.last == c { s = s.dropLast() }
        return String(s)
    }
}
