import MotCuaCore
import MotCuaDesk
import MotCuaDocuments
import MotCuaStore
import MotCuaSystem
import TerminalUI

extension Application {
    var officerName: String { officer?.username ?? Officer.commandLineUsername }

    /// Performs the reception, search and case requests through the application layer.
    func performCaseRequest(_ request: Request) throws -> Response {
        let desk = env.desk
        switch request {
        case .registerCase(let draft):
            return .registered(try desk.register(draft, by: try actor).registered)
        case let .recordContact(kind, code, applicant, items, reason):
            return .contactRecorded(
                try desk.recordContact(
                    kind, procedureCode: code, applicant: applicant, items: items, reason: reason,
                    by: try actor))
        case let .lookupApplicant(id, phone):
            return .applicantFound(try env.store.latestApplicant(idNumber: id, phone: phone))
        case let .previousContacts(id, phone, code):
            return .contacts(try env.store.previousContacts(idNumber: id, phone: phone, procedureCode: code))
        case .search(let text):
            return .searchResults(query: text, try env.store.searchCases(text, limit: 100))
        case .findScannedCode(let text):
            return .scannedCode(query: text, code: try env.store.caseCode(scanned: text))
        case .loadCase(let code):
            guard let record = try env.store.caseRecord(code: code) else {
                throw DeskError.refused(.missingCase(code: code))
            }
            return .caseLoaded(record, try env.store.events(caseID: record.id), try desk.options(on: record, by: actor))
        case .buildDocument(let source):
            // Shown, not printed (F8 builds the printed pages afresh): a report's tables come as one table each.
            return .document(try desk.document(source, layout: .oneTable).document)
        case let .printDocument(source, saveOnly):
            refreshSettings()
            let result = try desk.print(source, saveOnly: saveOnly, printer: env.printer, by: try actor)
            return .printed(
                path: result.path, message: Messages.text(result, path: shown(result.path)), document: result.next,
                failed: !result.produced)
        case .printPublic(let kind):
            refreshSettings()
            let result = try desk.print(kind, printer: env.printer)
            return .printed(
                path: result.path, message: Messages.text(result, path: shown(result.path)), document: nil,
                failed: !result.produced)
        case let .correct(code, field, value, reason):
            try desk.correct(code, .field(field, value: value), reason: reason, by: try actor)
            return .done("Đã sửa \(field.vietnameseName.lowercased())")
        case let .correctDocuments(code, documents, reason):
            try desk.correct(code, .documents(documents), reason: reason, by: try actor)
            return .done("Đã sửa thành phần hồ sơ")
        case let .correctProcedure(code, procedureCode, reason):
            try desk.correct(code, .procedure(code: procedureCode), reason: reason, by: try actor)
            return .done("Đã sửa thủ tục và tính lại ngày hẹn")
        case .returnOnTheSpot(let code):
            try desk.returnOnTheSpot(code, by: try actor)
            return .done("Đã trả kết quả ngay cho người nộp")
        case .loadCatalogue:
            return .catalogue(try env.store.procedures(on: env.clock().date))
        default:
            return .failed("Yêu cầu không được hỗ trợ")
        }
    }

    /// A path under the database's folder shown relative to it ("documents/…").
    func shown(_ path: String) -> String {
        let base = FileSystem.directoryName(env.store.path) + "/"
        return path.hasPrefix(base) ? String(path.dropFirst(base.count)) : path
    }
}
