import MotCuaCore
import MotCuaDocuments
import MotCuaStore
import MotCuaSystem
import TerminalUI

extension Application {
    var officerName: String { officer?.username ?? Officer.commandLineUsername }

    var printContext: PrintContext {
        PrintContext(unit: (try? env.store.unitProfile()) ?? UnitProfile(name: "", governingBody: "", counterName: "",
                                                                        unitCode: "", province: "", placeName: ""),
                     forms: env.forms)
    }

    /// Performs the reception, search and case requests (issue 5). Errors are turned into `.failed` by the caller.
    func performCaseRequest(_ request: Request) throws -> Response {
        let now = env.clock()
        switch request {
        case .registerCase(let draft):
            let registered = try env.store.registerCase(draft, officer: officerName, calendar: env.calendar)
            env.log?.write("case registered: \(registered.code) by \(officerName)")
            return .registered(registered)
        case let .recordContact(kind, code, applicant, items, reason):
            let contact = try env.store.recordContact(kind, procedureCode: code, applicant: applicant, items: items, reason: reason,
                                                      at: now, officer: officerName)
            env.log?.write("contact recorded: \(contact.number) by \(officerName)")
            return .contactRecorded(contact)
        case let .lookupApplicant(id, phone):
            return .applicantFound(try env.store.latestApplicant(idNumber: id, phone: phone))
        case let .previousContacts(id, phone, code):
            return .contacts(try env.store.previousContacts(idNumber: id, phone: phone, procedureCode: code))
        case .search(let text):
            return .searchResults(query: text, try env.store.searchCases(text, limit: 100))
        case .loadCase(let code):
            guard let record = try env.store.caseRecord(code: code) else { return .failed("Không có hồ sơ mã \(code)") }
            return .caseLoaded(record, try env.store.events(caseID: record.id))
        case .buildDocument(let source):
            switch try build(source) {
            case .success(let built): return .document(built.document)
            case .failure(let reason): return .failed(reason.message)
            }
        case let .printDocument(source, saveOnly):
            return try printDocument(source, saveOnly: saveOnly)
        case let .correct(code, field, value, reason):
            try env.store.correct(caseCode: code, field: field, newValue: value, reason: reason, at: now, officer: officerName)
            env.log?.write("case corrected: \(code) field \(field.rawValue) by \(officerName)")
            return .done("Đã sửa \(field.vietnameseName.lowercased())")
        case let .correctDocuments(code, documents, reason):
            try env.store.correctDocuments(caseCode: code, documents: documents, reason: reason, at: now, officer: officerName)
            env.log?.write("case corrected: \(code) documents by \(officerName)")
            return .done("Đã sửa thành phần hồ sơ")
        case let .correctProcedure(code, procedureCode, reason):
            try env.store.correctProcedure(caseCode: code, newProcedureCode: procedureCode, reason: reason, at: now,
                                           officer: officerName, calendar: env.calendar)
            env.log?.write("case corrected: \(code) procedure by \(officerName)")
            return .done("Đã sửa thủ tục và tính lại ngày hẹn")
        case .returnOnTheSpot(let code):
            try env.store.returnOnTheSpot(caseCode: code, at: now, officer: officerName)
            env.log?.write("case returned on the spot: \(code) by \(officerName)")
            return .done("Đã trả kết quả ngay cho người nộp")
        case .loadCatalogue:
            return .catalogue(try env.store.procedures(on: now.date))
        default:
            return .failed("Yêu cầu không được hỗ trợ")
        }
    }

    var documents: CaseDocuments { CaseDocuments(store: env.store, context: printContext) }

    /// The document of a source as it would print now (a reprint once printed or saved before).
    func build(_ source: DocumentSource) throws -> Result<BuiltDocument, DocumentUnavailable> {
        try documents.build(source, now: env.clock())
    }

    /// Builds the document fresh, saves it beside the database, prints it unless asked only to save, and
    /// records the print; answers with the document as the next print would be.
    func printDocument(_ source: DocumentSource, saveOnly: Bool) throws -> Response {
        let built: BuiltDocument
        switch try build(source) {
        case .success(let b): built = b
        case .failure(let reason): return .failed(reason.message)
        }
        let document = built.document
        let text = TextRenderer(pageSize: document.pageSize).text(document)
        let path = try env.archive.save(text, name: built.name)
        // Shown relative to the database's folder: documents/…txt.
        let shown = path.hasPrefix(FileSystem.directoryName(env.store.path) + "/")
            ? String(path.dropFirst(FileSystem.directoryName(env.store.path).count + 1)) : path
        var message = "Đã lưu \(shown)"
        var produced = saveOnly
        if !saveOnly {
            refreshSettings()
            let outcome = env.printer.print(text, pageSize: document.pageSize, title: document.caption)
            var printed = outcome.message
            while printed.hasSuffix(".") { printed.removeLast() }
            message += "; \(printed)"
            produced = outcome.producedDocument
            env.log?.write("print \(document.kind): \(outcome.logText)")
        }
        // Printed, saved on purpose, or saved where there is no spooler at all: the document exists and the
        // next one is a reprint. A job the spooler refused is not — the paper the citizen finally gets must
        // not say "BẢN IN LẠI".
        if produced { try documents.recordPrint(built, source: source, at: env.clock(), officer: officerName) }
        guard case .success(let next) = try build(source) else { return .printed(path: path, message: message, document: document) }
        return .printed(path: path, message: message, document: next.document)
    }
}
