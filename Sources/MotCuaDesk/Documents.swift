import MotCuaCore
import MotCuaDocuments
import MotCuaStore
import MotCuaSystem

/// What happened to a document sent to print (or saved).
public struct PrintResult: Sendable {
    /// The saved copy (an absolute path).
    public let path: String
    /// What the spooler did; nil when only saving was asked.
    public let outcome: PrintOutcome?
    /// The document exists for the applicant now (printed, or saved on purpose, or saved where there is no
    /// spooler at all): the next one is a reprint.
    public let produced: Bool
    /// The document as the next print would read, for the screen that printed it (marked as a reprint once
    /// produced; a report's long lists as one table, as the screen shows them).
    public let next: Document?
    /// The copy saved for the officer's counter (setting `documents_share`), if any.
    public var sharedPath: String? = nil
    /// Why that copy could not be saved (the print itself went on).
    public var shareProblem: String? = nil
}

extension Desk {
    /// What every form needs besides its own data: the unit's names (read now: another terminal may have
    /// changed them) and the forms' numbers and titles.
    public var printContext: PrintContext {
        PrintContext(
            unit: (try? store.unitProfile())
                ?? UnitProfile(
                    name: "", governingBody: "", counterName: "", unitCode: "",
                    province: "", placeName: ""),
            forms: forms, caseLookupURL: (try? store.settingValue(.caseLookupURL)) ?? "",
            receiptPaper: PrintContext.receiptPaper((try? store.settingValue(.receiptPaper)) ?? "a5"),
            ledgerBook: (try? store.settingValue(.ledgerBook)) ?? "")
    }

    var documents: CaseDocuments { CaseDocuments(store: store, context: printContext) }

    /// The document of a source as it would print now (a reprint once printed before), for the preview.
    public func document(_ source: DocumentSource, layout: ReportLayout = .pages) throws(DeskError) -> BuiltDocument {
        try run {
            switch try documents.build(source, now: clock.now(), layout: layout) {
            case .success(let built): return built
            case .failure(let reason): throw Refusal.documentUnavailable(reason.message)
            }
        }
    }

    /// Builds the document fresh, saves a copy beside the database, prints it unless asked only to save,
    /// and records the print — a print that did not reach the spooler is recorded as failed, with its
    /// reason, and does not count: the next successful one is not "BẢN IN LẠI".
    public func print(_ source: DocumentSource, saveOnly: Bool, printer: PrinterSettings, by actor: Actor)
        throws(DeskError) -> PrintResult
    {
        try run {
            let built = try document(source)
            // The PDF is what is printed and kept (the text only when no font makes a PDF possible).
            let rendered = try renderer.render(built.document, as: .pdf, at: clock.now())
            let path = try archive.save(rendered.bytes, name: built.name, extension: rendered.format.fileExtension)
            var outcome: PrintOutcome?
            var produced = saveOnly
            if !saveOnly {
                let o = PrintService(
                    settings: counterPrinter(printer, officer: actor.officer.username), environment: spoolerEnvironment
                )
                .print(
                    rendered.bytes, format: rendered.format, pageSize: built.document.pageSize,
                    title: built.document.caption)
                outcome = o
                produced = o.producedDocument
                log?.write("print \(built.document.kind): \(o.logText)")
            }
            var failure: String?
            if case .failed(let reason)? = outcome { failure = reason }
            if case .noSpooler? = outcome { failure = "máy này chưa có chương trình in (lp)" }
            try recordPrint(built, source: source, failure: produced ? nil : failure ?? "không in được", by: actor)
            // The counter's extra copy is best effort: a share that is not mounted never stops a print.
            var shared: String?
            var shareProblem: String?
            do {
                shared = try shareCopy(
                    rendered.bytes, name: built.name, extension: rendered.format.fileExtension, for: actor)
            } catch {
                shareProblem = Messages.text(DeskError.from(error))
                log?.write("share copy failed: \(built.document.kind)")
            }
            // For the screen that printed it (a report's long lists as one table, as F7 shows them).
            let next = try? document(source, layout: .oneTable)
            return PrintResult(
                path: path, outcome: outcome, produced: produced, next: next?.document, sharedPath: shared,
                shareProblem: shareProblem)
        }
    }

    /// The printer of the officer's counter on a shared machine (setting `counter_printers`: by username,
    /// then by the SSH client's address), else `printer` as configured.
    func counterPrinter(_ printer: PrinterSettings, officer: String?) -> PrinterSettings {
        let table = (try? store.settingValue(.counterPrinters)) ?? ""
        guard let destination = CounterPrinters.printer(for: officer ?? "", client: clientAddress, in: table) else {
            return printer
        }
        var routed = printer
        routed.destination = destination
        return routed
    }

    /// Saves one more copy in the officer's shared folder (setting `documents_share`, "%u" the username),
    /// never overwriting; returns its path, or nil when no folder is set.
    func shareCopy(_ bytes: [UInt8], name: String, extension ext: String, for actor: Actor) throws -> String? {
        let template = (try? store.settingValue(.documentsShare)) ?? ""
        guard !template.isEmpty else { return nil }
        let folder = template.replacing("%u", with: actor.officer.username)
        return try DocumentArchive(folder: folder).save(bytes, name: name, extension: ext)
    }

    /// Writes a report as a PDF to a file the caller chose (`report --format pdf --output`), whole or not at
    /// all, laid out as it prints (pages streamed to the file).
    public func writeReportPDF(_ source: DocumentSource, to output: OutputFile) throws(DeskError) {
        try run {
            guard case .report = source else {
                throw Refusal.documentUnavailable("Chỉ báo cáo được ghi theo cách này")
            }
            // The PDF renderer lays out its own pages from one table (the text's page furniture is skipped), and
            // only the document is kept while it renders: the rows behind the report's CSV and sheets go.
            let (document, name) = try {
                let built = try self.document(source, layout: .oneTable)
                return (built.document, built.name)
            }()
            try renderer.write(document, as: .pdf, to: output, at: clock.now())
            // Rows that could not be read as they were drawn: no file rather than a ledger with lines missing.
            if let failure = document.rowReadFailure { throw failure }
            try output.commit()
            log?.write("report written: \(name).pdf")
        }
    }

    /// Writes a document to a file the caller chose (`--output`), whole or not at all, and records the print.
    public func write(_ source: DocumentSource, to output: OutputFile, by actor: Actor) throws(DeskError) -> Document {
        try run {
            let built = try document(source)
            try renderer.write(built.document, as: DocumentFormat.forOutput(output.path), to: output, at: clock.now())
            try output.commit()
            try recordPrint(built, source: source, failure: nil, by: actor)
            return built.document
        }
    }

    /// Records that a built document was printed or saved (the next one is a reprint), or that printing
    /// failed (`failure`; the next one is still the first).
    func recordPrint(_ built: BuiltDocument, source: DocumentSource, failure: String?, by actor: Actor) throws {
        if case .contact(let number) = source {
            if failure == nil { try store.markContactPrinted(number: number) }
        } else if let key = built.printKey, let code = source.caseCode {
            let officer = try current(actor)
            let now = clock.now()
            let reason = try failure.map { try TextRules.clean($0, .reason, limit: .longText) }
            try store.recordEvents(caseCode: code, author: author(actor, officer: officer)) { _, _ in
                Decision([
                    NewEvent(
                        .printed(document: key, reprint: built.reprint && failure == nil, failure: reason), at: now)
                ])
            }
        }
    }

    /// A short page with Vietnamese text through the given printer settings (administrators): only paper
    /// counts as success.
    public func testPrint(_ printer: PrinterSettings, by actor: Actor) throws(DeskError) -> PrintOutcome {
        try run {
            try requireAdministrator(actor)
            let now = clock.now()
            let counter = try store.unitProfile().counterName
            let page = """
                TRANG IN THỬ — motcua
                \(counter)
                In lúc \(now.time.text) ngày \(now.date.vietnamese)
                Máy in: \(printer.destination.isEmpty ? "mặc định" : printer.destination)

                Chữ tiếng Việt phải in đúng dấu:
                ẮẰẲẴẶ ắằẳẵặ ẤẦẨẪẬ ấầẩẫậ ĐđƠơƯư
                Nguyễn Thị Hồng Nhung — Ủy ban nhân dân xã

                """
            let document = Document(
                kind: "in-thu", caption: "In thử", pageSize: .a5,
                blocks: page.split(separator: "\n", omittingEmptySubsequences: false).map { .line(String($0), .left) })
            let rendered = try renderer.render(document, as: .pdf, at: now)
            // No officer is named here: the counter's printer by its SSH address, else the common one.
            let outcome = PrintService(settings: counterPrinter(printer, officer: nil), environment: spoolerEnvironment)
                .print(
                    rendered.bytes, format: rendered.format, pageSize: .a5, title: "In thử")
            log?.write("test print: \(outcome.logText)")
            return outcome
        }
    }

    // MARK: Reports

    /// Refuses a report whose period or day lies outside the years the program accepts.
    func checkReportYears(period: ReportPeriod?, day: CivilDate) throws(Refusal) {
        if let period {
            try RecordingTime.checkYear(period.from)
            try RecordingTime.checkYear(period.to)
        }
        try RecordingTime.checkYear(day)
    }

    /// Writes a report as text (as printed) through `write`, the long lists page by page (a year's ledger is
    /// never held).
    public func writeReportText(
        _ kind: ReportKind, period: ReportPeriod?, day: CivilDate, _ write: (String) throws -> Void
    ) throws(DeskError) {
        try run {
            try checkReportYears(period: period, day: day)
            try ReportForms.writeText(
                kind, period: period, day: day, store: store, context: printContext, now: clock.now(), write)
        }
    }

    /// The data of a report (its CSV and sheets, the ledger's streamed from the store).
    func reportData(_ source: DocumentSource) throws -> ReportData {
        guard case let .report(kind, period, day) = source else {
            throw Refusal.documentUnavailable("Văn bản này không có bảng dữ liệu để xuất")
        }
        try checkReportYears(period: period, day: day)
        return try ReportForms.data(
            kind, period: period, day: day, store: store, context: printContext, now: clock.now())
    }

    /// Writes a report's data as CSV through `write`, piece by piece (a year's ledger is never held whole).
    public func writeReportCSV(_ source: DocumentSource, _ write: (String) throws -> Void) throws(DeskError) {
        try run {
            let data = try reportData(source)
            try data.writeCSV(write)
            log?.write("report exported: \(data.name).csv")
        }
    }

    /// Saves a report's data as CSV beside the database; returns the path.
    public func saveCSV(_ source: DocumentSource) throws(DeskError) -> String {
        try run {
            let data = try reportData(source)
            let path = try archive.save(
                name: data.name, extension: "csv", protected: ProtectedFiles(databasePath: store.path)
            ) { output in
                try data.writeCSV { try output.write($0) }
                try output.commit()
            }
            log?.write("report exported: \(data.name).csv")
            return path
        }
    }
}

extension Desk {
    /// Writes a report's tables as an Office Open XML workbook into `output` (streamed; the file gets its
    /// name only when complete).
    public func writeSpreadsheet(_ source: DocumentSource, to output: OutputFile) throws(DeskError) {
        try run {
            let data = try reportData(source)
            guard !data.sheets.isEmpty else {
                throw Refusal.documentUnavailable("Văn bản này không có bảng dữ liệu để ghi thành bảng tính")
            }
            let now = clock.now()
            try output.writeStaged { path in
                try WorkbookExport.write(data.sheets, to: path, title: data.caption, at: now)
            }
            log?.write("report exported: \(data.name).xlsx")
        }
    }

    /// Saves a report's tables as a workbook (.xlsx) in the documents folder; returns its path.
    public func saveSpreadsheet(_ source: DocumentSource) throws(DeskError) -> String {
        try run {
            let data = try reportData(source)
            let now = clock.now()
            return try archive.save(
                name: data.name, extension: "xlsx", protected: ProtectedFiles(databasePath: store.path)
            ) { output in
                try output.writeStaged { path in
                    try WorkbookExport.write(data.sheets, to: path, title: data.caption, at: now)
                }
            }
        }
    }
}

/// The documents the counter publishes for citizens (not about a case).
public enum PublicDocument: Hashable, Sendable {
    /// The wall sheet of the catalogue with a QR code per procedure.
    case catalogue
    /// The guidance slip of one procedure (by its code).
    case guide(procedureCode: String)
}

extension Desk {
    /// A public document as it is today (the catalogue in force today).
    public func document(_ kind: PublicDocument) throws(DeskError) -> Document {
        try run {
            let now = clock.now()
            let template = try store.settingValue(.procedureLookupURL)
            switch kind {
            case .catalogue:
                let procedures = try store.procedures(on: now.date).map(\.procedure)
                return PublicForms.catalogueSheet(procedures, printContext, template: template, date: now.date)
            case .guide(let code):
                let clean = try TextRules.clean(code, .procedure, limit: .short, required: true)
                guard let stored = try store.procedure(code: clean, on: now.date) else {
                    throw Refusal.missingProcedure(code: clean, on: now.date)
                }
                return PublicForms.guide(
                    stored.procedure, printContext, schedule: calendar.schedule, template: template, date: now.date)
            }
        }
    }

    /// Prints a public document (and keeps its PDF in the documents folder), or writes it to `output`.
    public func print(_ kind: PublicDocument, printer: PrinterSettings, output: OutputFile? = nil) throws(DeskError)
        -> PrintResult
    {
        try run {
            let document = try document(kind)
            if let output {
                try renderer.write(document, as: DocumentFormat.forOutput(output.path), to: output, at: clock.now())
                try output.commit()
                return PrintResult(path: output.path, outcome: nil, produced: true, next: nil)
            }
            let rendered = try renderer.render(document, as: .pdf, at: clock.now())
            let path = try archive.save(rendered.bytes, name: document.kind, extension: rendered.format.fileExtension)
            // No officer is named here: the counter's printer by its SSH address, else the common one.
            let outcome = PrintService(settings: counterPrinter(printer, officer: nil), environment: spoolerEnvironment)
                .print(
                    rendered.bytes, format: rendered.format, pageSize: document.pageSize, title: document.caption)
            log?.write("print \(document.kind): \(outcome.logText)")
            return PrintResult(path: path, outcome: outcome, produced: outcome.producedDocument, next: nil)
        }
    }
}
