import MotCuaCore
import MotCuaStore

/// Which document to build, save and print. Built fresh each time from the store, so that a second print
/// of a document handed to someone is marked "BẢN IN LẠI".
public enum DocumentSource: Hashable, Sendable {
    /// Giấy tiếp nhận hồ sơ và hẹn trả kết quả.
    case receipt(caseCode: String)
    /// A slip given at the counter without a case (BS-…, TC-…).
    case contact(number: String)
    /// Phiếu chuyển xử lý of a step (nil: the last step handed over).
    case transfer(caseCode: String, step: Int?)
    /// Phiếu kiểm soát quá trình giải quyết hồ sơ, as it stands now.
    case controlSheet(caseCode: String)
    /// Văn bản xin lỗi và đề nghị gia hạn (after a reschedule).
    case apology(caseCode: String)
    /// Thông báo dừng giải quyết hồ sơ.
    case stopNotice(caseCode: String)
    /// Phiếu từ chối after examination.
    case caseRefusal(caseCode: String)
    /// Phiếu yêu cầu bổ sung sent during processing.
    case caseSupplement(caseCode: String)
    /// A report of a period (or, for the daily summary, of a day).
    case report(ReportKind, ReportPeriod?, day: CivilDate)

    public var caseCode: String? {
        switch self {
        case .receipt(let c), .transfer(let c, _), .controlSheet(let c), .apology(let c), .stopNotice(let c),
            .caseRefusal(let c), .caseSupplement(let c):
            c
        case .contact, .report: nil
        }
    }
}

/// A document built for a source: what to show, print and save, the file name, and how to record its print.
public struct BuiltDocument: Sendable {
    public let document: Document
    /// File name without the extension, e.g. "000.00.15.H42-261120-0001-giay-tiep-nhan-in-lai".
    public let name: String
    /// The `printed` event's document key ("receipt", "transfer-2"…), nil for a counter slip.
    public let printKey: String?
    public let reprint: Bool
    /// The same data as CSV (reports only), built when asked.
    var makeCSV: (@Sendable () -> String)? = nil
    public var csv: String? { makeCSV?() }
    /// The report's tables typed for a spreadsheet (reports only; empty for the forms).
    public var sheets: [ReportSheet] = []
}

/// Builds the documents of cases and slips from the store, and records their prints.
public struct CaseDocuments {
    public let store: Store
    public let context: PrintContext

    public init(store: Store, context: PrintContext) {
        self.store = store
        self.context = context
    }

    /// The document as it would print now, or nil when it does not exist (unknown code, no reschedule…),
    /// with the reason.
    /// `layout` applies to reports only: `.oneTable` for the screen (F7) and the PDF, which lay out rows themselves.
    public func build(_ source: DocumentSource, now: LocalDateTime, layout: ReportLayout = .pages) throws -> Result<
        BuiltDocument, DocumentUnavailable
    > {
        if case .contact(let number) = source {
            guard let contact = try store.contact(number: number) else {
                return .failure(.init("Không có phiếu số \(number)"))
            }
            let slip = Slip(
                number: contact.number, at: contact.at, officerName: contact.officerName,
                procedureName: contact.procedureName,
                applicantName: contact.applicant.fullName, applicantAddress: contact.applicant.address,
                applicantPhone: contact.applicant.phone, items: contact.items, reason: contact.reason)
            let reprint = contact.printCount > 0
            let document =
                contact.kind == .supplement
                ? ReceptionForms.supplement(slip, context, reprint: reprint)
                : ReceptionForms.refusal(slip, context, reprint: reprint)
            return .success(
                BuiltDocument(
                    document: document, name: "\(contact.number)-\(document.kind)\(reprint ? "-in-lai" : "")",
                    printKey: nil, reprint: reprint))
        }
        if case let .report(kind, period, day) = source {
            let report = try ReportForms.build(
                kind, period: period, day: day, store: store, context: context, now: now, layout: layout)
            return .success(
                BuiltDocument(
                    document: report.document, name: report.name, printKey: nil, reprint: false,
                    makeCSV: report.makeCSV,
                    sheets: report.sheets))
        }
        guard let code = source.caseCode, let c = try store.caseRecord(code: code.trimmingSpaces) else {
            return .failure(.init("Không có hồ sơ mã \(source.caseCode ?? "")"))
        }
        let events = try store.events(caseID: c.id)
        func officers() throws -> [String: Officer] {
            Dictionary(try store.officers().map { ($0.username, $0) }, uniquingKeysWith: { a, _ in a })
        }
        func printedBefore(_ key: String) -> Bool {
            events.contains { if case .printed(key, _, nil) = $0.event.payload { true } else { false } }
        }
        let key: String
        var document: Document?
        var missing = ""
        switch source {
        case .receipt:
            key = "receipt"
            document = ReceptionForms.receipt(c, events, context, reprint: printedBefore(key))
        case .transfer(_, let step):
            let k = step ?? c.state.steps.lastIndex { $0.handedOverAt != nil }
            guard let k, c.steps.indices.contains(k) else {
                return .failure(
                    .init(
                        c.steps.isEmpty
                            ? "Thủ tục này không có bước chuyển xử lý" : "Hồ sơ chưa được giao cho cơ quan nào"))
            }
            guard c.state.steps[k].handedOverAt != nil else { return .failure(.init("Bước \(k + 1) chưa được giao")) }
            key = "transfer-\(k + 1)"
            document = RoutingForms.transferSlip(c, events, step: k, context, reprint: printedBefore(key))
        case .controlSheet:
            key = "control-sheet"
            document = RoutingForms.controlSheet(c, events, context, now: now, officers: try officers())
        case .apology:
            key = "apology"
            document = RoutingForms.apology(c, events, context, reprint: printedBefore(key))
            missing = "Hồ sơ chưa được hẹn lại (chưa có văn bản xin lỗi)"
        case .stopNotice:
            key = "stop"
            document = RoutingForms.stopNotice(c, events, context, reprint: printedBefore(key))
            missing = "Hồ sơ không bị dừng giải quyết"
        case .caseRefusal:
            key = "refusal"
            document = RoutingForms.refusalAfterExamination(c, events, context, officers: try officers())
            missing = "Hồ sơ \(c.code) không bị từ chối"
        case .caseSupplement:
            key = "supplement"
            document = RoutingForms.supplementDuringProcessing(c, events, context)
            missing = "Hồ sơ \(c.code) chưa có yêu cầu bổ sung"
        case .contact, .report:
            return .failure(.init(""))
        }
        guard let document else { return .failure(.init(missing)) }
        // The control sheet is a snapshot of the journey: each print is current, never "a reprint".
        let reprint = key != "control-sheet" && printedBefore(key)
        let base = key == "receipt" ? "\(c.code)-giay-tiep-nhan" : "\(c.code)-\(document.kind)"
        return .success(
            BuiltDocument(document: document, name: base + (reprint ? "-in-lai" : ""), printKey: key, reprint: reprint))
    }
}

/// Why a document cannot be built (in Vietnamese).
public struct DocumentUnavailable: Error, Sendable {
    public let message: String
    public init(_ message: String) { self.message = message }
}
