import Testing
@testable import MotCuaCore

@Suite struct VietnameseTextTests {
    @Test(arguments: [
        ("Đặng Văn Đức", "dang van duc"), ("NGUYỄN THỊ HỒNG", "nguyen thi hong"),
        ("Huỳnh Quốc Khuê", "huynh quoc khue"),
        ("Nguye\u{0302}\u{0303}n", "nguyen"), ("đĐ", "dd"), ("Trương Phượng", "truong phuong"), ("ỷ ỹ ỵ", "y y y"),
        ("000.00.15.H42-261120-0001", "000.00.15.h42-261120-0001"), ("Ça va Ñandú", "ca va nandu"),
        // Letters outside the table keep their own lower case, several bytes long, and İ becomes i + a mark.
        ("ΑΒΓ Жук", "αβγ жук"), ("İ", "i\u{0307}"), ("Ǆ", "ǆ"), ("漢字 ①", "漢字 ①"), ("", "")
    ])
    func folding(_ text: String, _ folded: String) {
        #expect(VietnameseText.fold(text) == folded)
    }

    @Test func nfcMakesDecomposedTextIdentical() {
        let decomposed = "Nguye\u{0302}\u{0303}n Thi\u{0323} Ho\u{0300}a"
        #expect(Array(VietnameseText.nfc(decomposed).utf8) == Array("Nguyễn Thị Hòa".utf8))
        // Marks in non-canonical order still compose (dot below before circumflex).
        #expect(VietnameseText.nfc("e\u{0323}\u{0302}") == "ệ")
        #expect(Array(VietnameseText.nfc("e\u{0323}\u{0302}").unicodeScalars) == ["\u{1EC7}"])
        #expect(VietnameseText.normalizedField("  Lê   Văn\tTám  ") == "Lê Văn Tám")
    }

    @Test func tokens() {
        #expect(VietnameseText.tokens("Đặng Văn-Đức, 0912.345.678") == ["dang", "van", "duc", "0912", "345", "678"])
        #expect(VietnameseText.tokens("  ").isEmpty)
        #expect(VietnameseText.digits("+84 912-345-678") == "84912345678")
        #expect(VietnameseText.digits("Số ０９١٢ 3ề4") == "34", "only ASCII digits")
    }

    @Test func collationPutsVietnameseLettersInDictionaryOrder() {
        let names = ["Đào", "Ân", "Bình", "Dũng", "An", "Ánh", "Ơn", "Ông", "Zô", "Ư", "Ứng", "Ăn"]
        let sorted = names.sorted {
            VietnameseText.collationKey($0).lexicographicallyPrecedes(VietnameseText.collationKey($1))
        }
        #expect(sorted == ["An", "Ánh", "Ăn", "Ân", "Bình", "Dũng", "Đào", "Ông", "Ơn", "Ư", "Ứng", "Zô"])
    }
}

@Suite struct ApplicantTests {
    @Test(arguments: [
        ("0912345678", "0912345678"), ("0912 345 678", "0912345678"), ("+84 912 345 678", "0912345678"),
        ("84912345678", "0912345678"), ("0243.825.1234", "02438251234"), ("032-111-2222", "0321112222")
    ])
    func validPhones(_ text: String, _ normalized: String) {
        #expect(PhoneNumber.normalize(text) == normalized)
    }

    @Test(arguments: ["12345", "0112345678", "091234567", "09123456789", "abc", "0912-345-67x", ""])
    func invalidPhones(_ text: String) {
        #expect(PhoneNumber.normalize(text) == nil)
    }

    @Test func idNumbers() {
        #expect(IDKind.infer(from: "001099012345") == .citizenCard)
        #expect(IDKind.infer(from: "012345678") == .identityCard)
        #expect(IDKind.infer(from: "12345") == nil)
        #expect(!IDKind.citizenCard.accepts("00109901234"))
        #expect(IDKind.citizenCard.accepts("001099012345"))
        #expect(IDKind.passport.accepts("C1234567"))
        #expect(!IDKind.passport.accepts("c12"))
        #expect(IDKind.taxCode.accepts("0101234567-001"))
        #expect(!IDKind.taxCode.accepts("0101234567-01"))
    }

    @Test func applicantProblemsNameTheField() {
        let today = CivilDate(year: 2026, month: 11, day: 21)!
        let ok = Applicant(
            fullName: "Đặng Văn Đức", idNumber: "001099012345", birthDate: CivilDate(year: 1990, month: 1, day: 1),
            phone: "0912345678", email: "duc@example.vn"
        ).normalized
        #expect(ok.problems(today: today).isEmpty)
        let bad = Applicant(
            fullName: "", idNumber: "12345", birthDate: CivilDate(year: 2027, month: 1, day: 1),
            phone: "12", email: "duc@"
        ).normalized
        #expect(
            Set(bad.problems(today: today).map(\.field)) == [
                .applicantName, .applicantIDNumber, .applicantBirthDate, .applicantPhone, .applicantEmail
            ])
        let org = Applicant(
            kind: .organisation, fullName: "Công ty TNHH Phú An", idKind: .taxCode, idNumber: "0101234567")
        #expect(org.problems(today: today).map(\.field) == [.representativeName])
        // A person must give an identity document number (blank, spaces or a tab are no number).
        for blank in ["", " ", "\t"] {
            let none = Applicant(fullName: "Đặng Văn Đức", idNumber: blank).normalized
            #expect(none.problems(today: today).map(\.field) == [.applicantIDNumber], "\"\(blank)\"")
        }
    }
}

@Suite struct FeeTests {
    @Test(arguments: [(1, 1, 2000), (2, 1, 4000), (3, 1, 5000), (10, 1, 12000), (250, 1, 200000), (3, 2, 10000)])
    func certifiedCopyPerPageWithCap(_ pages: Int, _ copies: Int, _ expected: Int) {
        let rule = FeeRule.perPage(firstPages: 2000, reducedFromPage: 3, laterPages: 1000, capPerCopy: 200_000)
        #expect(rule.amount(pages: pages, copies: copies) == expected)
    }

    @Test func otherRules() {
        #expect(FeeRule.fixed(amount: 20000, online: 10000).amount(channel: .online) == 10000)
        #expect(FeeRule.fixed(amount: 20000, online: 10000).amount(channel: .inPerson) == 20000)
        #expect(FeeRule.perCopy(amount: 8000).amount(copies: 3) == 24000)
        #expect(FeeRule.setByProvince.amount() == nil)
        #expect(FeeRule.free.amount() == 0)
    }

    @Test func money() {
        #expect(Money.format(1_500_000) == "1.500.000 đ")
        #expect(Money.format(0) == "0 đ")
        #expect(Money.parse("1.500.000 đ") == 1_500_000)
        #expect(Money.parse("12a") == nil)
    }
}

@Suite struct CaseLifecycleTests {
    let t0 = LocalDateTime(iso: "2026-11-16 09:00")!
    func at(_ minutes: Int) -> LocalDateTime { t0.adding(minutes: minutes) }
    func ev(_ p: CaseEventPayload, _ m: Int) -> CaseEvent { CaseEvent(p, at: at(m), officer: "tiepnhan") }
    var due: LocalDateTime { at(3 * 1440) }

    func start(steps: Int = 2) throws -> CaseState {
        try CaseLifecycle.start(ev(.received(due: due), 0), stepCount: steps)
    }

    @Test func happyPathThroughTwoBodies() throws {
        var s = try start()
        for (i, base) in [(0, 10), (1, 300)] {
            s = try CaseLifecycle.apply(ev(.handedOver(step: i, stepDue: at(base + 900), slipNumber: nil), base), to: s)
            s = try CaseLifecycle.apply(ev(.acknowledged(step: i, receiptNumber: nil), base + 5), to: s)
            s = try CaseLifecycle.apply(ev(.stepDone(step: i, note: ""), base + 100), to: s)
        }
        #expect(s.status == .inProgress)
        s = try CaseLifecycle.apply(ev(.resultReceived(documentNumber: "12/KQ", documentDate: nil), 500), to: s)
        #expect(s.status == .resultReady)
        s = try CaseLifecycle.apply(
            ev(.returned(method: .counter, postalReceipt: nil, applicantToldEarly: true), 600), to: s)
        #expect(s.status == .returned)
        #expect(s.punctuality == .early)
        s = try CaseLifecycle.apply(ev(.evaluated(.satisfaction(.verySatisfied)), 601), to: s)
        #expect(s.evaluated)
        // Both steps finished the calendar day before their due dates.
        #expect(s.steps.map(\.punctuality) == [.early, .early])
    }

    @Test func forbiddenTransitions() throws {
        let s = try start()
        let forbidden: [CaseEventPayload] = [
            .returned(method: .counter, postalReceipt: nil, applicantToldEarly: false),  // no result yet
            .acknowledged(step: 0, receiptNumber: nil),  // not handed over
            .stepDone(step: 0, note: ""),
            .handedOver(step: 1, stepDue: at(100), slipNumber: nil),  // step 1 before step 0 is done
            .handedOver(step: 5, stepDue: at(100), slipNumber: nil),  // no such step
            .evaluated(.satisfaction(.satisfied)),
            .supplementReceived(newDue: at(2000), stepDue: nil),
            .received(due: due)
        ]
        for p in forbidden {
            #expect(throws: Refusal.self, "\(p.kind)") { try CaseLifecycle.apply(ev(p, 10), to: s) }
        }
        // Nothing handed over: the counter may record a result it produced itself (on the spot).
        #expect(
            try CaseLifecycle.apply(ev(.resultReceived(documentNumber: "1", documentDate: nil), 10), to: s).status
                == .resultReady)
        var handed = try CaseLifecycle.apply(ev(.handedOver(step: 0, stepDue: at(900), slipNumber: nil), 10), to: s)
        #expect(throws: Refusal.self, "a result while a handed-over step is not done") {
            try CaseLifecycle.apply(ev(.resultReceived(documentNumber: "1", documentDate: nil), 11), to: handed)
        }
        handed = try CaseLifecycle.apply(ev(.acknowledged(step: 0, receiptNumber: nil), 11), to: handed)
        #expect(throws: Refusal.self, "acknowledging twice") {
            try CaseLifecycle.apply(ev(.acknowledged(step: 0, receiptNumber: nil), 12), to: handed)
        }
        let once = try CaseLifecycle.apply(
            ev(.rescheduled(newDue: at(5000), reason: "Cần xác minh thêm"), 20), to: handed)
        #expect(once.appointment == at(5000))
        #expect(once.legalDue == due, "statistics still judge against the original date")
        #expect(throws: Refusal.self, "a second reschedule") {
            try CaseLifecycle.apply(ev(.rescheduled(newDue: at(6000), reason: "Lần hai"), 30), to: once)
        }
        let cancelled = try CaseLifecycle.apply(ev(.cancelled(reason: "Nhập nhầm"), 40), to: once)
        #expect(throws: Refusal.self) { try CaseLifecycle.apply(ev(.stepDone(step: 0, note: ""), 41), to: cancelled) }
    }

    @Test func supplementPausesAndRestarts() throws {
        var s = try start()
        s = try CaseLifecycle.apply(ev(.handedOver(step: 0, stepDue: at(900), slipNumber: nil), 10), to: s)
        s = try CaseLifecycle.apply(
            ev(.supplementRequested(items: ["Bản sao giấy khai sinh"], reason: "Thiếu"), 60), to: s)
        #expect(s.status == .waitingSupplement)
        #expect(s.pausedAt == at(60))
        s = try CaseLifecycle.apply(ev(.supplementReceived(newDue: at(10000), stepDue: nil), 3000), to: s)
        #expect(s.status == .inProgress, "back with the bodies: a step was handed over")
        #expect(s.legalDue == at(10000) && s.appointment == at(10000))
        #expect(s.supplementRounds == 1)
        #expect(s.pausedAt == nil)
    }

    @Test func refusalIsTheResultAndIsJudgedAgainstTheLimit() throws {
        var s = try start(steps: 0)
        s = try CaseLifecycle.apply(ev(.refused(reasons: ["Không đủ điều kiện"]), 6000), to: s)
        #expect(s.status == .resultReady)
        #expect(s.resultIsRefusal)
        #expect(s.punctuality == .late, "a refusal after the limit is flagged late")
    }

    /// The one rule (issue 11 §3): trước hạn — finished on a day before the due day; đúng hạn — on the due day,
    /// no later than the due time; quá hạn — after the due time.
    @Test(arguments: [
        // The control sheet's case of issue 11: the due day, after the hour.
        ("2026-11-24 09:00", "2026-11-24 16:00", Punctuality.late),
        ("2026-11-24 09:00", "2026-11-24 09:00", .onTime),  // at the due minute
        ("2026-11-24 09:00", "2026-11-24 09:01", .late),
        ("2026-11-24 09:00", "2026-11-24 07:30", .onTime),  // the due day, before the hour
        ("2026-11-24 09:00", "2026-11-23 16:59", .early),  // the working day before
        ("2026-11-24 09:00", "2026-11-21 10:00", .early),  // a Saturday before the due day
        ("2026-11-24 17:00", "2026-11-24 16:59", .onTime),
        ("2026-11-24 17:00", "2026-11-25 07:30", .late),  // the next morning
        ("2026-11-23 07:30", "2026-11-20 17:00", .early),  // due at the first minute of Monday, done Friday
        ("2026-11-23 07:30", "2026-11-23 07:45", .late)
    ])
    func punctualityRule(_ row: (due: String, done: String, expected: Punctuality)) {
        #expect(
            Punctuality.judge(done: LocalDateTime(iso: row.done)!, due: LocalDateTime(iso: row.due)!) == row.expected)
    }

    @Test func caseCodeFormat() {
        let date = CivilDate(year: 2026, month: 11, day: 20)!
        #expect(
            CaseCodeFormat.standard.code(unit: "000.00.15.H42", date: date, sequence: 12) == "000.00.15.H42-261120-0012"
        )
        #expect(
            CaseCodeFormat(pattern: "{unit}.{yyyymmdd}.{seq}").code(unit: "X", date: date, sequence: 7)
                == "X.20261120.7")
    }
}

/// The procedure list as the officer types: the name in full first, then names where more typed words are
/// whole words, then catalogue order; the code's prefix finds it too.
@Suite struct ProcedureSearchTests {
    static let names = [
        ("1.011536", "Liên thông: Đăng ký khai sinh - Đăng ký thường trú - Cấp thẻ BHYT cho trẻ em dưới 6 tuổi"),
        ("1.000656", "Đăng ký khai tử"), ("1.000419", "Đăng ký khai tử lưu động"),
        ("1.011537", "Liên thông: Đăng ký khai tử - Xóa đăng ký thường trú - Trợ cấp mai táng phí"),
        ("1.001193", "Đăng ký khai sinh")
    ]

    func ranked(_ text: String) -> [String] {
        ProcedureSearch.rank(text, Self.names, code: \.0, name: \.1).map(\.0)
    }

    @Test func wholeWordsRankBeforeWordBeginnings() {
        #expect(ranked("lien thong khai tu") == ["1.011537", "1.011536"], "tử, not tuổi, for \"tu\"")
        #expect(ranked("khai tu").prefix(3) == ["1.000656", "1.000419", "1.011537"])
        #expect(ranked("dang ky khai tu") == ["1.000656", "1.000419", "1.011537", "1.011536"], "the full name first")
        #expect(ranked("1.0006") == ["1.000656"])
        #expect(ranked("KHAI SINH").first == "1.001193")
        #expect(ranked("xyz").isEmpty && ranked("").count == 5)
    }
}
