import Foundation
import MotCuaCore
import MotCuaDefaults
import MotCuaSystem
import MotCuaTesting
import Testing
@testable import MotCuaStore

/// A private folder with a freshly seeded database, removed at the end of the test.
final class TestDatabase {
    let directory: String
    let path: String
    let store: Store
    let calendar: WorkingCalendar

    init(admin: Bool = true) throws {
        directory = try FileSystem.makeTemporaryDirectory(prefix: "motcua-store-test")
        path = directory + "/motcua.db"
        let seed = try ShippedConfig.seed()
        store = try Store.create(path: path) { s in
            try s.saveUnitProfile(UnitProfile(name: "Xã Tân Phú", governingBody: "ỦY BAN NHÂN DÂN XÃ TÂN PHÚ",
                                              counterName: "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG", unitCode: "000.00.15.H42",
                                              province: "Tỉnh Mẫu", placeName: "Tân Phú"))
            for b in seed.bodies { try s.saveBody(b) }
            for p in seed.procedures { try s.saveProcedure(p) }
            try s.saveCalendarConfig(seed.calendar)
            if admin {
                try s.createOfficer(username: "quantri", fullName: "Nguyễn Quản Trị", role: .administrator, password: "matkhau-quantri")
                try s.createOfficer(username: "tiepnhan", fullName: "Lê Thị Tiếp", role: .deskOfficer, password: "matkhau-tiepnhan")
            }
        }
        calendar = try store.calendarConfig().makeCalendar()
    }

    deinit { FileSystem.removeTree(directory) }

    func draft(_ name: String, id: String? = nil, phone: String? = nil, procedure: String = "1.001193",
               at received: String = "2026-11-16 09:00") -> CaseDraft {
        CaseDraft(procedureCode: procedure, applicant: Applicant(fullName: name, idNumber: id, phone: phone),
                  receivedAt: LocalDateTime(iso: received)!)
    }

    @discardableResult
    func register(_ name: String, id: String? = nil, phone: String? = nil, procedure: String = "1.001193",
                  at received: String = "2026-11-16 09:00") throws -> RegisteredCase {
        try store.registerCase(draft(name, id: id, phone: phone, procedure: procedure, at: received), officer: "tiepnhan", calendar: calendar)
    }
}

func t(_ text: String) -> LocalDateTime { LocalDateTime(iso: text)! }
func d(_ text: String) -> CivilDate { CivilDate(iso: text)! }

/// Bytes of a file, for checking that a refused file was left untouched.
func fileBytes(_ path: String) -> [UInt8] { (try? FileSystem.readBytes(path)) ?? [] }



/// FNV-1a 64-bit, to pin the text of shipped migrations.
func fnv1a(_ text: String) -> UInt64 {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for b in text.utf8 {
        hash ^= UInt64(b)
        hash = hash &* 0x100_0000_01b3
    }
    return hash
}
