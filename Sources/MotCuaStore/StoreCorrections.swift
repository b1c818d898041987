import MotCuaCore
import MotCuaSystem

extension Store {
    /// Replaces the documents received, recording the old and new lists as one correction event.
    public func correctDocuments(caseCode: String, documents: [CaseDocument], reason: String, at: LocalDateTime,
                                 officer username: String, recordedAt: Int64 = SystemClock.unixSeconds()) throws(StoreError) {
        let reason = VietnameseText.normalizedField(reason)
        guard !reason.isEmpty else { throw .invalid("Sửa thông tin phải ghi lý do") }
        if let bad = documents.first(where: { $0.quantity < 1 || VietnameseText.normalizedField($0.name).isEmpty }) {
            throw .invalid("Giấy tờ \"\(bad.name)\": cần tên và số lượng từ 1 trở lên")
        }
        let (officer, caseID) = try actor(username, .corrected, caseCode)
        let record = try caseRecord(id: caseID)
        func describe(_ list: [CaseDocument]) -> String {
            list.map { "\($0.name) (\($0.form.vietnameseName), \($0.quantity))" }.joined(separator: "; ")
        }
        let old = describe(record.documents)
        let new = describe(documents)
        guard old != new else { throw .invalid("Thành phần hồ sơ không thay đổi") }
        try write {
            _ = try appendEvent(.corrected(field: CorrectableField.documents.rawValue, old: old, new: new, reason: reason),
                                caseID: caseID, at: at, officer: officer, bodyCode: nil, recordedAt: recordedAt)
            try db.run("DELETE FROM case_documents WHERE case_id = ?", caseID)
            for (i, d) in documents.enumerated() {
                let name = VietnameseText.normalizedField(d.name)
                let fromChecklist = d.checklistIndex.flatMap { record.procedure.documents.indices.contains($0) ? record.procedure.documents[$0].name : nil } == name
                try db.run("INSERT INTO case_documents (case_id, position, checklist_index, name, form, quantity) VALUES (?, ?, ?, ?, ?, ?)",
                           caseID, i, d.checklistIndex, fromChecklist ? nil : name, d.form.rawValue, d.quantity)
            }
        }
    }

    /// Moves a case to another procedure (a wrong choice at the counter): the case takes the new procedure's
    /// version in force at reception, its route and documents' checklist references are rebuilt, and the
    /// appointment is recomputed; both the procedure and the appointment changes are recorded. Only before the
    /// case was handed over.
    public func correctProcedure(caseCode: String, newProcedureCode: String, reason: String, at: LocalDateTime,
                                 officer username: String, calendar: WorkingCalendar,
                                 recordedAt: Int64 = SystemClock.unixSeconds()) throws(StoreError) {
        let reason = VietnameseText.normalizedField(reason)
        guard !reason.isEmpty else { throw .invalid("Sửa thông tin phải ghi lý do") }
        let (officer, caseID) = try actor(username, .corrected, caseCode)
        let record = try caseRecord(id: caseID)
        guard record.state.status == .received else {
            throw .refused("Chỉ sửa thủ tục khi hồ sơ chưa được giao đi xử lý")
        }
        guard let stored = try procedure(code: newProcedureCode, on: record.receivedAt.date) else {
            throw .missing("Không có thủ tục mã \(newProcedureCode)")
        }
        guard stored.procedure.code != record.procedure.code else { throw .invalid("Thủ tục mới giống thủ tục cũ") }
        let newDue = calendar.due(stored.procedure.dueRule(verificationNeeded: record.verificationNeeded), receivedAt: record.receivedAt)
        let route = stored.procedure.route(forResults: nil)
        try write {
            // Again inside the write lock: another terminal may have handed the case over meanwhile.
            guard try db.scalarText("SELECT status FROM cases WHERE id = ?", caseID) == CaseStatus.received.rawValue else {
                throw StoreError.refused("Chỉ sửa thủ tục khi hồ sơ chưa được giao đi xử lý")
            }
            _ = try appendEvent(.corrected(field: CorrectableField.procedure.rawValue,
                                           old: "\(record.procedure.code) \(record.procedure.name)",
                                           new: "\(stored.procedure.code) \(stored.procedure.name)", reason: reason),
                                caseID: caseID, at: at, officer: officer, bodyCode: nil, recordedAt: recordedAt)
            try db.run("UPDATE cases SET procedure_version_id = ?, chosen_results = NULL WHERE id = ?", stored.versionID, caseID)
            // Documents keep their names (no longer tied to the old checklist).
            for (i, d) in record.documents.enumerated() {
                try db.run("UPDATE case_documents SET checklist_index = NULL, name = ? WHERE case_id = ? AND position = ?", d.name, caseID, i)
            }
            try db.run("DELETE FROM case_steps WHERE case_id = ?", caseID)
            for (i, s) in route.enumerated() {
                try db.run("INSERT INTO case_steps (case_id, position, route_position, body_id) VALUES (?, ?, ?, ?)",
                           caseID, i, stored.procedure.route.firstIndex(of: s)!, try bodyID(s.bodyCode))
            }
            if newDue != record.state.appointment {
                _ = try appendEvent(.corrected(field: CorrectableField.appointment.rawValue, old: record.state.appointment.iso,
                                               new: newDue.iso, reason: "Theo thủ tục mới: \(reason)"),
                                    caseID: caseID, at: at, officer: officer, bodyCode: nil, recordedAt: recordedAt)
            }
        }
    }
}
