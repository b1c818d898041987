import MotCuaCore
import MotCuaDesk
import MotCuaTesting
import Testing
@testable import MotCuaStore

/// Slips given at the counter without a case, and corrections of documents and procedure.
@Suite struct StoreReceptionTests {
    @Test func contactNumbersRunPerKindAndDay() throws {
        let db = try TestDatabase()
        let a = Applicant(fullName: "Trần Thị Bích", idNumber: "001190012345", phone: "0912 345 678")
        let s1 = try db.rules.recordContact(
            .supplement, procedureCode: "1.001193", applicant: a, items: ["Giấy chứng sinh"],
            reason: "Thiếu giấy", at: t("2026-11-20 09:00"), officer: "tiepnhan")
        let s2 = try db.rules.recordContact(
            .supplement, procedureCode: "1.001193", applicant: a, items: ["Tờ khai"],
            reason: "", at: t("2026-11-20 10:00"), officer: "tiepnhan")
        let r1 = try db.rules.recordContact(
            .refusal, procedureCode: "1.004873", applicant: a, items: ["Không thuộc thẩm quyền"],
            reason: "", at: t("2026-11-20 10:30"), officer: "tiepnhan")
        let next = try db.rules.recordContact(
            .supplement, procedureCode: "1.001193", applicant: a, items: ["Tờ khai"],
            reason: "", at: t("2026-11-21 08:00"), officer: "tiepnhan")
        #expect(
            [s1.number, s2.number, r1.number, next.number] == [
                "BS-261120-0001", "BS-261120-0002", "TC-261120-0001", "BS-261121-0001"
            ])
        #expect(s1.applicant.phone == "0912345678", "stored normalised")
        #expect(try db.store.contact(number: " bs-261120-0001 ")?.items == ["Giấy chứng sinh"])
        #expect(try db.store.contact(number: "BS-261120-0009") == nil)
    }

    @Test func contactsNeedAnOfficerAProcedureANameAndItems() throws {
        let db = try TestDatabase()
        let a = Applicant(fullName: "Trần Thị Bích")
        let at = t("2026-11-20 09:00")
        #expect(throws: DeskError.self) {
            try db.rules.recordContact(
                .supplement, procedureCode: "1.001193", applicant: a, items: ["  "], reason: "", at: at,
                officer: "tiepnhan")
        }
        #expect(throws: DeskError.self) {
            try db.rules.recordContact(
                .refusal, procedureCode: "9.999999", applicant: a, items: ["x"], reason: "", at: at, officer: "tiepnhan"
            )
        }
        #expect(throws: DeskError.self) {
            try db.rules.recordContact(
                .refusal, procedureCode: "1.001193", applicant: Applicant(fullName: " "), items: ["x"], reason: "",
                at: at, officer: "tiepnhan")
        }
        #expect(throws: DeskError.self) {
            try db.rules.recordContact(
                .refusal, procedureCode: "1.001193", applicant: a, items: ["x"], reason: "", at: at, officer: "khongco")
        }
        #expect(try db.store.db.scalarInt("SELECT count(*) FROM reception_contacts") == 0)
        #expect(
            try db.store.db.scalarInt("SELECT count(*) FROM contact_counters") == 0, "a refused slip takes no number")
    }

    @Test func aSecondVisitFindsTheEarlierSlipsForTheSameMatterOnly() throws {
        let db = try TestDatabase()
        let a = Applicant(fullName: "Trần Thị Bích", idNumber: "001190012345", phone: "0912345678")
        _ = try db.rules.recordContact(
            .supplement, procedureCode: "1.001193", applicant: a, items: ["Giấy chứng sinh"],
            reason: "", at: t("2026-11-18 09:00"), officer: "tiepnhan")
        _ = try db.rules.recordContact(
            .supplement, procedureCode: "1.001193",
            applicant: Applicant(fullName: "Trần Thị Bích", phone: "0912345678"),
            items: ["Tờ khai"], reason: "", at: t("2026-11-19 09:00"), officer: "tiepnhan")
        _ = try db.rules.recordContact(
            .supplement, procedureCode: "1.004873", applicant: a, items: ["Tờ khai"],
            reason: "", at: t("2026-11-19 10:00"), officer: "tiepnhan")
        _ = try db.rules.recordContact(
            .supplement, procedureCode: "1.001193",
            applicant: Applicant(fullName: "Người Khác", idNumber: "001190099999"),
            items: ["Tờ khai"], reason: "", at: t("2026-11-19 11:00"), officer: "tiepnhan")
        let byID = try db.store.previousContacts(idNumber: "001190012345", phone: nil, procedureCode: "1.001193")
        #expect(byID.map(\.number) == ["BS-261118-0001"])
        let byEither = try db.store.previousContacts(
            idNumber: "001190012345", phone: "+84 912 345 678", procedureCode: "1.001193")
        #expect(
            byEither.map(\.number) == ["BS-261119-0001", "BS-261118-0001"], "newest first, phone in any written form")
        #expect(try db.store.previousContacts(idNumber: nil, phone: nil, procedureCode: "1.001193").isEmpty)
        #expect(try db.store.previousContacts(idNumber: "", phone: "abc", procedureCode: "1.001193").isEmpty)
    }

    @Test func printsAreCountedForSlipsAndReceipts() throws {
        let db = try TestDatabase()
        let slip = try db.rules.recordContact(
            .refusal, procedureCode: "1.001193", applicant: Applicant(fullName: "Trần Thị Bích"),
            items: ["Hồ sơ không thuộc thẩm quyền"], reason: "", at: t("2026-11-20 09:00"), officer: "tiepnhan")
        try db.store.markContactPrinted(number: slip.number)
        try db.store.markContactPrinted(number: slip.number)
        #expect(try db.store.contact(number: slip.number)?.printCount == 2)
        #expect(throws: StoreError.self) { try db.store.markContactPrinted(number: "TC-000000-0000") }
        #expect(throws: DatabaseError.self) { try db.store.db.execute("DELETE FROM reception_contacts") }

        let r = try db.register("Phạm Văn Cường")
        #expect(try db.store.receiptPrintCount(caseID: r.id) == 0)
        try db.rules.record(
            .printed(document: "receipt", reprint: false), caseCode: r.code, at: t("2026-11-16 09:05"),
            officer: "tiepnhan")
        try db.rules.record(
            .printed(document: "transfer", reprint: false), caseCode: r.code, at: t("2026-11-16 09:06"),
            officer: "tiepnhan")
        #expect(try db.store.receiptPrintCount(caseID: r.id) == 1, "only the receipt counts")
    }

    @Test func documentCorrectionIsRecordedOldAndNew() throws {
        let db = try TestDatabase()
        let r = try db.register("Phạm Văn Cường")
        let before = try db.store.caseRecord(code: r.code)!
        var docs = before.documents
        docs.append(CaseDocument(name: "Giấy ủy quyền", form: .certifiedCopy, quantity: 2))
        #expect(throws: DeskError.self) {
            try db.rules.correctDocuments(
                caseCode: r.code, documents: docs, reason: " ", at: t("2026-11-16 10:00"), officer: "tiepnhan")
        }
        #expect(throws: DeskError.self) {
            try db.rules.correctDocuments(
                caseCode: r.code, documents: before.documents, reason: "Không đổi", at: t("2026-11-16 10:00"),
                officer: "tiepnhan")
        }
        try db.rules.correctDocuments(
            caseCode: r.code, documents: docs, reason: "Bổ sung giấy ủy quyền", at: t("2026-11-16 10:00"),
            officer: "tiepnhan")
        let after = try db.store.caseRecord(code: r.code)!
        #expect(after.documents.last == CaseDocument(name: "Giấy ủy quyền", form: .certifiedCopy, quantity: 2))
        #expect(after.documents.count == before.documents.count + 1)
        guard case let .corrected(field, old, new, reason)? = try db.store.events(caseID: r.id).last?.event.payload
        else {
            Issue.record("no correction event"); return
        }
        #expect(field == "documents" && reason == "Bổ sung giấy ủy quyền")
        #expect(!old.contains("Giấy ủy quyền") && new.hasSuffix("Giấy ủy quyền (Bản sao chứng thực, 2)"))
        #expect(try db.check().isEmpty)
    }

    @Test func procedureCorrectionRecomputesTheAppointmentBeforeHandoverOnly() throws {
        let db = try TestDatabase()
        // Registered as a birth (same day) on a Monday morning, it was in fact a marital-status certificate (3 working days).
        let r = try db.register("Phạm Văn Cường", procedure: "1.001193", at: "2026-11-16 09:00")
        try db.rules.correctProcedure(
            caseCode: r.code, newProcedureCode: "1.004873", reason: "Chọn nhầm thủ tục",
            at: t("2026-11-16 09:10"), officer: "tiepnhan")
        let after = try db.store.caseRecord(code: r.code)!
        #expect(after.procedure.code == "1.004873")
        #expect(
            after.state.appointment
                == db.calendar.due(
                    after.procedure.dueRule(verificationNeeded: false), receivedAt: t("2026-11-16 09:00")))
        #expect(after.state.appointment.date == d("2026-11-19"))
        let fields = try db.store.events(caseID: r.id).compactMap { e -> String? in
            if case let .corrected(field, _, _, _) = e.event.payload { field } else { nil }
        }
        #expect(fields == ["procedure", "appointment"])
        #expect(throws: DeskError.self, "the same procedure again") {
            try db.rules.correctProcedure(
                caseCode: r.code, newProcedureCode: "1.004873", reason: "x", at: t("2026-11-16 09:20"),
                officer: "tiepnhan")
        }
        let stepDue = db.calendar.due(DueRule(limit: .workingDays(2)), receivedAt: t("2026-11-16 10:00"))
        _ = stepDue
        try db.rules.record(
            .handedOver(step: 0, stepDue: stepDue, slipNumber: nil), caseCode: r.code, at: t("2026-11-16 10:00"),
            officer: "tiepnhan")
        #expect(throws: DeskError.self, "handed over: too late to change the procedure") {
            try db.rules.correctProcedure(
                caseCode: r.code, newProcedureCode: "1.001193", reason: "x", at: t("2026-11-16 10:30"),
                officer: "tiepnhan")
        }
        #expect(try db.store.derivedState(caseID: r.id) == db.store.caseRecord(code: r.code)!.state)
        #expect(try db.check().isEmpty)
    }
}
