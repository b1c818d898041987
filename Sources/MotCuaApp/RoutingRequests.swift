import MotCuaCore
import MotCuaDesk
import MotCuaDocuments
import MotCuaStore
import MotCuaSystem

extension Application {
    /// Performs the routing requests through the application layer: actions on a case after reception, the
    /// bodies' queues, bulk hand-over, report exports and the backup.
    func performRoutingRequest(_ request: Request) throws -> Response? {
        let desk = env.desk
        switch request {
        case let .caseAction(code, action, at, lateReason):
            let outcome = try desk.perform(action, on: code, by: try actor, at: at, lateReason: lateReason)
            return .actionDone(Messages.text(outcome), outcome.record)
        case .loadBodies:
            return .bodies(try env.store.bodyLoads(now: env.clock()))
        case .loadBodyQueue(let body):
            return .bodyQueue(bodyCode: body, try env.store.bodyQueue(bodyCode: body))
        case .bulkHandOver(let codes):
            let (done, failures) = desk.bulkHandOver(codes, by: try actor)
            let message =
                "Đã giao \(done)/\(codes.count) hồ sơ"
                + (failures.isEmpty
                    ? ""
                    : "; không giao được: "
                        + failures.map { "\($0.code): \(Messages.text($0.error))" }.joined(separator: "; "))
            return .done(message)
        case .exportData(let source):
            // The workbook first: it opens right in any spreadsheet program, whatever the list separator.
            let workbook = shown(try desk.saveSpreadsheet(source))
            let csv = shown(try desk.saveCSV(source))
            let sameName = csv.dropLast(4) == workbook.dropLast(5)
            return .done("Đã lưu bảng tính: \(workbook) " + (sameName ? "và .csv" : "và \(csv)"))
        case let .backup(folder, rotate):
            let (record, removed) = try desk.backup(into: folder, rotate: rotate, by: try actor)
            return .done(Messages.text(record, removedOld: removed.count))
        default:
            return nil
        }
    }
}
