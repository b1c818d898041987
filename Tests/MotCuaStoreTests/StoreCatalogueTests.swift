import MotCuaCore
import MotCuaDesk
import MotCuaTesting
import MotCuaDefaults
import Testing
@testable import MotCuaStore

@Suite struct StoreCatalogueTests {
    @Test func shippedCatalogueRoundTrips() throws {
        let db = try TestDatabase()
        let seed = try ShippedConfig.seed()
        let stored = try db.store.procedures(on: d("2026-11-21")).map(\.procedure)
        #expect(stored == seed.procedures)
        #expect(stored.count == 31)
        #expect(try db.store.bodies() == seed.bodies)
        #expect(try db.store.calendarConfig() == seed.calendar)
    }

    @Test func liênThôngGroupsHaveRoutesWithinTheirLimits() throws {
        let db = try TestDatabase()
        let procedures = try db.store.procedures(on: d("2026-11-21")).map(\.procedure)
        let groups = procedures.filter { $0.field == "Liên thông" }
        #expect(groups.count == 2)
        for g in groups {
            #expect(g.results.count == 3)
            #expect(g.route.count == 3)
            #expect(g.route.filter(\.isLead).count == 1)
            #expect(g.isInterlinked)
        }
        let known = Set(try db.store.bodies().map(\.code))
        for p in procedures {
            #expect(p.routeProblems(knownBodies: known).isEmpty, "\(p.code): \(p.routeProblems(knownBodies: known))")
        }
        // Choosing only the birth certificate and the health card drops the police step.
        let birth = groups.first { $0.name.contains("khai sinh") }!
        #expect(birth.route(forResults: [0, 2]).map(\.bodyCode) == ["TUPHAP", "BHXH"])
    }

    @Test func procedureVersionsKeepOldCasesOnTheirVersion() throws {
        let db = try TestDatabase()
        let old = try db.register("Trần Văn An", procedure: "XA.CT.02", at: "2026-11-16 09:00")
        var changed = try db.store.procedure(code: "XA.CT.02", on: d("2026-11-16"))!.procedure
        #expect(changed.fee == .fixed(amount: 10000, online: nil))
        // Editing the version a case uses is refused; a new effective date makes a new version.
        changed.fee = .fixed(amount: 12000, online: nil)
        #expect(throws: StoreError.self) { try db.store.saveProcedure(changed) }
        changed.effectiveFrom = d("2027-01-01")
        try db.store.saveProcedure(changed)
        #expect(
            try db.store.procedure(code: "XA.CT.02", on: d("2026-12-31"))!.procedure.fee
                == .fixed(amount: 10000, online: nil))
        #expect(
            try db.store.procedure(code: "XA.CT.02", on: d("2027-01-02"))!.procedure.fee
                == .fixed(amount: 12000, online: nil))
        #expect(try db.store.caseRecord(code: old.code)!.procedure.fee == .fixed(amount: 10000, online: nil))
        // Saving an identical version is a no-op.
        let id = try db.store.saveProcedure(changed)
        #expect(try db.store.saveProcedure(changed) == id)
    }

    @Test func procedureSearchIgnoresDiacritics() throws {
        let db = try TestDatabase()
        let found = try db.store.searchProcedures("chung thuc chu ky", on: d("2026-11-21")).map(\.procedure.name)
        #expect(found.first == "Chứng thực chữ ký")
        #expect(found.contains("Chứng thực chữ ký người dịch"))
        #expect(try db.store.searchProcedures("khai sinh", on: d("2026-11-21")).count >= 4)
        #expect(try db.store.searchProcedures("1.0048", on: d("2026-11-21")).map(\.procedure.code) == ["1.004873"])
        #expect(
            try db.store.searchProcedures("ĐĂNG KÝ KẾT HÔN", on: d("2026-11-21")).first?.procedure.code == "1.000894")
    }

    @Test func unitProfileValidation() throws {
        let db = try TestDatabase()
        var unit = try db.store.unitProfile()
        unit.unitCode = "xã tân phú"
        #expect(throws: StoreError.self) { try db.store.saveUnitProfile(unit) }
        unit.unitCode = "000.00.15.H42"
        unit.name = "Phường Hòa Bình"
        try db.store.saveUnitProfile(unit)
        #expect(try db.store.unitProfile().name == "Phường Hòa Bình")
    }

    @Test func unitCodeKeepsTheNumberingOnceACaseCarriesIt() throws {
        let db = try TestDatabase()
        var unit = try db.store.unitProfile()
        let code = unit.unitCode
        unit.unitCode = "000.00.15.H99"
        try db.store.saveUnitProfile(unit, keepingNumbering: true)  // no case yet: allowed
        #expect(try db.store.unitProfile().unitCode == "000.00.15.H99")
        try db.register("Đặng Văn Đức")
        unit.unitCode = code
        unit.placeName = "Nơi khác"
        #expect(throws: StoreError.refused("Đã có hồ sơ mang mã 000.00.15.H99: không đổi mã định danh ở đây")) {
            try db.store.saveUnitProfile(unit, keepingNumbering: true)
        }
        #expect(try db.store.unitProfile().placeName != "Nơi khác", "nothing of a refused profile is written")
        unit.unitCode = "000.00.15.H99"
        try db.store.saveUnitProfile(unit, keepingNumbering: true)  // the same code: names change
        #expect(try db.store.unitProfile().placeName == "Nơi khác")
    }

    @Test func settingsChangeAllOrNone() throws {
        let db = try TestDatabase()
        let admin = try db.rules.actor("quantri")
        #expect(throws: DeskError.self) {
            try db.rules.desk.changeSettings([(.printerDestination, "quay1"), (.idleLockMinutes, "0")], by: admin)
        }
        #expect(try db.store.setting("printer_destination") == nil, "the valid one was not written alone")
        try db.rules.desk.changeSettings([(.printerDestination, " quay1 "), (.idleLockMinutes, "15")], by: admin)
        #expect(try db.store.setting("printer_destination") == "quay1")
        #expect(try db.store.setting("idle_lock_minutes") == "15")
    }

    @Test func officersAndPasswords() throws {
        let db = try TestDatabase()
        let desk = db.rules.desk
        func login(_ user: String, _ password: String) -> Officer? {
            try? desk.login(username: user, password: password, channel: .screen, terminal: "test").officer
        }
        let officer = login("tiepnhan", "matkhau-tiepnhan")
        #expect(officer?.fullName == "Lê Thị Tiếp")
        #expect(officer?.role == .deskOfficer)
        #expect(login("tiepnhan", "sai-mat-khau") == nil)
        #expect(login("khong-co", "matkhau-tiepnhan") == nil)
        // The command-line account cannot log in.
        #expect(login("he-thong", "") == nil)
        let hash = try db.store.db.scalarText("SELECT password_hash FROM officers WHERE username = 'tiepnhan'")!
        #expect(hash.hasPrefix("$y$"), "yescrypt")
        try db.store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        let bytes = fileBytes(db.path)
        #expect(
            !bytes.contains(subsequence: Array("matkhau-tiepnhan".utf8)), "the clear password is nowhere in the file")
        let admin = try db.rules.actor("quantri")
        #expect(throws: DeskError.refused(.usernameTaken("tiepnhan"))) {
            try desk.createOfficer(
                username: "tiepnhan", fullName: "X", role: .deskOfficer, bodyCode: nil, password: "123456", by: admin)
        }
        #expect(throws: DeskError.refused(.invalidField(.username, .shape(.username)))) {
            try desk.createOfficer(
                username: "Lê", fullName: "X", role: .deskOfficer, bodyCode: nil, password: "123456", by: admin)
        }
        #expect(throws: DeskError.refused(.invalidField(.password, .tooShort(min: 6)))) {
            try desk.createOfficer(
                username: "moi", fullName: "X", role: .deskOfficer, bodyCode: nil, password: "123", by: admin)
        }
        try db.store.setOfficerActive(username: "tiepnhan", active: false)
        #expect(login("tiepnhan", "matkhau-tiepnhan") == nil)
        try db.store.setOfficerActive(username: "tiepnhan", active: true)
        try db.store.setPassword(username: "tiepnhan", password: "mat-khau-moi")
        #expect(login("tiepnhan", "mat-khau-moi") != nil)
    }
}

extension Array where Element == UInt8 {
    func contains(subsequence: [UInt8]) -> Bool {
        guard !subsequence.isEmpty, subsequence.count <= count else { return false }
        return (0...(count - subsequence.count)).contains { i in
            self[i..<(i + subsequence.count)].elementsEqual(subsequence)
        }
    }
}
