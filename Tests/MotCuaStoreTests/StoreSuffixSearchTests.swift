import MotCuaCore
import MotCuaTesting
import Testing
@testable import MotCuaStore

/// Issue 12 §6: a case is found by the last four digits or more of its phone, its ID number or its code
/// ("số đuôi"), as the officer types, besides everything a prefix already finds.
@Suite struct StoreSuffixSearchTests {
    @Test func theLastDigitsOfAPhoneAnIDNumberOrTheCodeFindTheCase() throws {
        let db = try TestDatabase()
        // 000.00.15.H42-261116-0001; its digits end …2611160001.
        let duc = try db.register("Đặng Văn Đức", id: "001099012345", phone: "0912345678")
        // Numbers holding the same digits elsewhere than at their end.
        let hoa = try db.register("Nguyễn Thị Hoa", id: "056780001234", phone: "0905678123", at: "2026-11-16 09:30")
        func find(_ q: String) throws -> [String] { try db.store.searchCases(q).map(\.code) }
        #expect(try find("5678") == [duc.code], "the phone's last four digits, not the other's middle ones")
        #expect(try find("45678") == [duc.code])
        #expect(try find("2345") == [duc.code], "the ID number's last four")
        #expect(try find("9012345") == [duc.code], "seven of them")
        #expect(try find("345 678") == [duc.code], "typed in groups")
        #expect(try find("345.678") == [duc.code])
        #expect(try find("1234") == [hoa.code], "the other's ID number")
        #expect(try find("8123") == [hoa.code], "the other's phone")
        #expect(try find("0123").isEmpty)
        #expect(try find("678").isEmpty, "three digits: only a prefix counts")
        #expect(try find("duc 5678") == [duc.code], "with a name")
        #expect(try find("hoa 5678").isEmpty)
        // The code: its sequence (a word of its own) and longer ends across the dash.
        #expect(try find("160001") == [duc.code])
        #expect(try find("116-0001") == [duc.code])
        #expect(try find("1160002") == [hoa.code])
        // Prefixes still work as before.
        #expect(try find("0912") == [duc.code])
        #expect(try find("0567") == [hoa.code])
        #expect(try db.check().isEmpty)
    }

    /// Every keystroke of "số đuôi" typed: the case appears once what is typed is the number's end, from the
    /// fourth digit on (before that only prefixes count).
    @Test func asYouType() throws {
        let db = try TestDatabase()
        let duc = try db.register("Đặng Văn Đức", id: "001099012345", phone: "0912345678")
        func keystrokes(_ text: String) throws -> [[String]] {
            let typed = Array(text)
            return try (1...typed.count).map { try db.store.searchCases(String(typed[0..<$0])).map(\.code) }
        }
        #expect(try keystrokes("5678") == [[], [], [], [duc.code]])
        #expect(try keystrokes("45678") == [[], [], [], [], [duc.code]], "4567 ends no number")
    }

    @Test func theReversedNumbersFollowCorrectionsAndCheckVerifiesThem() throws {
        let db = try TestDatabase()
        let r = try db.register("Lê Văn Tám", id: "001099012345", phone: "0912345678")
        try db.rules.correct(
            caseCode: r.code, field: .applicantPhone, newValue: "0987000111", reason: "Gõ nhầm số",
            at: LocalDateTime(iso: "2026-11-16 09:30")!, officer: "tiepnhan")
        #expect(try db.store.searchCases("5678").isEmpty)
        #expect(try db.store.searchCases("0111").map(\.code) == [r.code])
        #expect(try db.check().isEmpty)
        // Changed outside the program: `check` says the search columns are stale.
        try db.store.db.run("UPDATE cases SET search_digits = '' WHERE code = ?", r.code)
        #expect(try db.check().map(\.message).contains("hồ sơ \(r.code): nội dung tìm kiếm chưa cập nhật"))
    }

    @Test func theStoredDigitsAreEachNumberReversed() {
        let a = Applicant(
            fullName: "Đặng Văn Đức", idNumber: "001099012345", phone: "0912345678",
            representativeIDNumber: "C1234567")
        #expect(
            Store.searchDigits(code: "000.00.15.H42-261116-0001", applicant: a)
                == "1000611162245100000 543210990100 8765432190 7654321")
        // Short numbers are left out; a number given twice is stored once.
        #expect(
            Store.searchDigits(
                code: "A-1", applicant: Applicant(fullName: "X", idNumber: "0912345678", phone: "0912345678"))
                == "8765432190")
    }

    @Test func theQueryKeepsTypedWordsOutOfTheReversedNumbers() {
        #expect(Store.searchMatch("") == nil)
        #expect(Store.searchMatch("dang 12") == "search_text : \"dang\"* AND search_text : \"12\"*")
        #expect(
            Store.searchMatch("5678")
                == "(search_text : \"5678\"* OR search_digits : \"8765\"*)")
        #expect(
            Store.searchMatch("0912 345")
                == "(((search_text : \"0912\"* OR search_digits : \"2190\"*) AND search_text : \"345\"*) OR (search_text : \"0912345\"* OR search_digits : \"5432190\"*))"
        )
    }

    @Test func aScannedCodeOrLookupAddressGivesTheCase() throws {
        let db = try TestDatabase()
        let r = try db.register("Đặng Văn Đức", id: "001099012345", phone: "0912345678")
        #expect(try db.store.caseCode(scanned: r.code) == r.code)
        #expect(try db.store.caseCode(scanned: " \(r.code.lowercased()) ") == r.code)
        #expect(try db.store.caseCode(scanned: "https://dichvucong.example.vn/tra-cuu?ma=\(r.code)&lang=vi") == r.code)
        #expect(try db.store.caseCode(scanned: "https://dichvucong.example.vn/ho-so/\(r.code)") == r.code)
        #expect(try db.store.caseCode(scanned: "261116-0001") == nil, "part of a code is a search, not a scan")
        #expect(try db.store.caseCode(scanned: "dang van duc") == nil)
    }
}
