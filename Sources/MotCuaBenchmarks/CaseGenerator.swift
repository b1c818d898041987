import MotCuaCore
import MotCuaDefaults
@_spi(Benchmark) import MotCuaStore
import MotCuaSystem

/// Generates a large, realistic database for benchmarks: years of cases with Vietnamese names, ID numbers,
/// phones, the shipped catalogue's procedures, routes and complete histories (received → handed over →
/// acknowledged → done → result → returned, some late, the recent ones still open). The data satisfies
/// every invariant `motcua check` verifies.
struct CaseGenerator {
    let cases: Int
    let firstDay: CivilDate
    let lastDay: CivilDate

    static let surnames: [(String, Int)] = [
        ("Nguyễn", 38), ("Trần", 11), ("Lê", 9), ("Phạm", 7), ("Hoàng", 5), ("Huỳnh", 4),
        ("Phan", 4), ("Vũ", 4), ("Võ", 3), ("Đặng", 2), ("Bùi", 2), ("Đỗ", 2), ("Hồ", 2),
        ("Ngô", 2), ("Dương", 2), ("Lý", 1)
    ]
    static let middles = [
        "Văn", "Thị", "Hữu", "Đức", "Minh", "Ngọc", "Thanh", "Quốc", "Xuân", "Thu", "Hồng", "Kim", "Đình", "Thế"
    ]
    static let givens = [
        "An", "Anh", "Bình", "Chi", "Cường", "Dũng", "Dung", "Đức", "Giang", "Hà", "Hải", "Hạnh", "Hoa", "Hùng",
        "Hương", "Khánh", "Lan", "Linh", "Long", "Mai", "Minh", "Nam", "Nga", "Ngọc", "Phong", "Phương", "Quân",
        "Quang", "Sơn", "Tâm", "Thảo", "Thắng", "Thủy", "Trang", "Tuấn", "Tú", "Uyên", "Vân", "Việt", "Yến"
    ]

    static func name(_ rng: inout SplitMix64) -> String {
        var pick = rng.below(100)
        var surname = surnames[0].0
        for (s, w) in surnames {
            if pick < w { surname = s; break }
            pick -= w
        }
        return "\(surname) \(middles[rng.below(middles.count)]) \(givens[rng.below(givens.count)])"
    }

    /// Creates the database at `path` and fills it. Prints progress.
    func generate(path: String) throws {
        let seed = try ShippedConfig.seed()
        let store = try Store.create(path: path) { s in
            try s.saveUnitProfile(
                UnitProfile(
                    name: "Phường Mẫu", governingBody: "ỦY BAN NHÂN DÂN PHƯỜNG MẪU",
                    counterName: "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG", unitCode: "000.00.15.H42",
                    province: "Tỉnh Mẫu", placeName: "Mẫu"))
            for b in seed.bodies { try s.saveBody(b) }
            for p in seed.procedures { try s.saveProcedure(p) }
            try s.saveCalendarConfig(seed.calendar)
            try s.createOfficer(
                username: "tiepnhan", fullName: "Lê Thị Tiếp", role: .deskOfficer, password: "matkhau-tiepnhan")
        }
        let db = store.rawDatabase
        try db.execute("PRAGMA synchronous = OFF")
        let calendar = seed.calendar.makeCalendar()
        let officerID = try db.scalarInt("SELECT id FROM officers WHERE username = 'tiepnhan'")!
        let bodyIDs = Dictionary(
            uniqueKeysWithValues: try db.rows("SELECT code, id FROM bodies") { ($0.text(0), $0.int64(1)) })
        let procedures = try store.procedures(on: lastDay)
        // Commune reality: many certifications and civil-status cases, fewer land cases.
        let weights = procedures.map { p -> Int in
            switch p.procedure.field {
            case "Chứng thực": 30
            case "Hộ tịch": 12
            case "Cư trú": 8
            case "Liên thông": 6
            case "Đất đai": 3
            default: 2
            }
        }
        let totalWeight = weights.reduce(0, +)

        var workingDays: [CivilDate] = []
        var day = firstDay
        while day <= lastDay {
            if calendar.isWorkingDay(day) { workingDays.append(day) }
            day = day.adding(days: 1)
        }
        var rng = SplitMix64(seed: 20261121)
        var ledger: [Int: Int] = [:]
        var made = 0
        var chainNumber: Int64 = 0
        var previousLink = GeneratorChain.genesis
        let progress = Stopwatch()
        try db.execute("BEGIN")
        for (dayIndex, date) in workingDays.enumerated() {
            // An even spread that ends exactly on the last day.
            let count = cases * (dayIndex + 1) / workingDays.count - cases * dayIndex / workingDays.count
            guard count > 0 else { continue }
            for sequence in 1...count {
                let p = procedures[weightedIndex(weights, totalWeight, &rng)]
                let minute = 450 + (sequence * 540 / (count + 1)) + (sequence * 540 / (count + 1) >= 240 ? 90 : 0)
                let received = LocalDateTime(date: date, minuteOfDay: min(minute, 1010))
                let due = calendar.due(p.procedure.dueRule(verificationNeeded: false), receivedAt: received)
                let year = date.year
                ledger[year, default: 0] += 1
                let c = date.components
                let code =
                    "000.00.15.H42-\(CivilDate(year: c.year, month: c.month, day: c.day)!.compactYYMMDD)-\(sequence.zeroPadded(4))"
                let name = CaseGenerator.name(&rng)
                let id = "0\(String(10 + rng.below(89)))\(String(100_000_000 + rng.below(900_000_000)))"
                let phone = "09\(String(10_000_000 + rng.below(89_999_999)))"
                let route = p.procedure.route

                // History: open if received within ~12 working days of the last day, else returned.
                let open = date.dayNumber > lastDay.dayNumber - 18
                var events: [(CaseEventPayload, LocalDateTime, String?)] = [(.received(due: due), received, "MOTCUA")]
                var clock = received.adding(minutes: 20 + rng.below(60))
                var steps: [StepProgress] = []
                var stopped = false
                for (i, step) in route.enumerated() {
                    if open && rng.below(3) == 0 { stopped = true }
                    if stopped { steps.append(StepProgress()); continue }
                    var progress = StepProgress()
                    progress.handedOverAt = clock
                    let stepDue = calendar.due(DueRule(limit: step.budget), receivedAt: clock)
                    progress.stepDue = stepDue
                    events.append((.handedOver(step: i, stepDue: stepDue, slipNumber: nil), clock, step.bodyCode))
                    clock = clock.adding(minutes: 5 + rng.below(30))
                    progress.acknowledgedAt = clock
                    events.append((.acknowledged(step: i, receiptNumber: nil), clock, step.bodyCode))
                    let span = max(30, stepDue.minutes - clock.minutes)
                    let late = rng.below(50) == 0
                    clock = clock.adding(minutes: late ? span + 1440 + rng.below(2000) : max(10, rng.below(span)))
                    progress.doneAt = clock
                    events.append((.stepDone(step: i, note: "Đã xử lý"), clock, step.bodyCode))
                    steps.append(progress)
                }
                var status: CaseStatus = steps.contains { $0.handedOverAt != nil } ? .inProgress : .received
                var resultAt: LocalDateTime?
                var returnedAt: LocalDateTime?
                var evaluated = false
                if !stopped && !(open && rng.below(2) == 0) {
                    clock = clock.adding(minutes: 15 + rng.below(60))
                    resultAt = clock
                    events.append(
                        (
                            .resultReceived(
                                documentNumber: "\(String(rng.below(9000) + 100))/KQ", documentDate: clock.date), clock,
                            nil
                        ))
                    status = .resultReady
                    if !open || rng.below(2) == 0 {
                        clock = max(clock, due.adding(minutes: -rng.below(3000))).adding(minutes: 10)
                        returnedAt = clock
                        events.append(
                            (
                                .returned(method: .counter, postalReceipt: nil, applicantToldEarly: clock < due), clock,
                                nil
                            ))
                        status = .returned
                        if rng.below(5) == 0 {
                            evaluated = true
                            events.append(
                                (
                                    .evaluated(
                                        .satisfaction(
                                            [.verySatisfied, .satisfied, .satisfied, .dissatisfied][rng.below(4)])),
                                    clock, nil
                                ))
                        }
                    }
                }
                // The search columns as the store writes them (same functions), so that `check` finds them current.
                let applicant = Applicant(fullName: name, idNumber: id, phone: phone)
                let search = Store.searchText(code: code, applicant: applicant)
                let digits = Store.searchDigits(code: code, applicant: applicant)
                try db.run(
                    """
                    INSERT INTO cases (code, ledger_year, ledger_number, procedure_version_id, applicant_kind, applicant_name,
                        applicant_id_kind, applicant_id_number, applicant_phone, applicant_address, channel, collect_method, sets,
                        fee_amount, received_at, received_by, recorded_at, status, legal_due_at, appointment_at, result_at,
                        returned_at, evaluated, search_text, search_digits)
                    VALUES (?, ?, ?, ?, 'person', ?, 'cccd', ?, ?, ?, 'in_person', 'counter', 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """, code, year, ledger[year]!, p.versionID, name, id, phone,
                    "Thôn \(rng.below(12) + 1), Phường Mẫu",
                    p.procedure.fee.amount() ?? 0, received.minutes, officerID, received.unixSeconds,
                    status.rawValue, due.minutes, due.minutes, resultAt?.minutes, returnedAt?.minutes, evaluated,
                    search,
                    digits
                )
                let caseID = db.lastInsertRowID
                for (i, d) in p.procedure.documents.enumerated() where d.isMandatory {
                    try db.run(
                        "INSERT INTO case_documents (case_id, position, checklist_index, form, quantity) VALUES (?, ?, ?, ?, ?)",
                        caseID, i, i, d.form.rawValue, d.quantity)
                }
                for (i, s) in route.enumerated() {
                    let pr = steps[i]
                    try db.run(
                        """
                        INSERT INTO case_steps (case_id, position, route_position, body_id, handed_over_at, step_due_at,
                            acknowledged_at, done_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                        """, caseID, i, i, bodyIDs[s.bodyCode]!,
                        pr.handedOverAt?.minutes, pr.stepDue?.minutes, pr.acknowledgedAt?.minutes, pr.doneAt?.minutes)
                }
                // Chained as the program chains them; the row's digest on the case's last event only (as for
                // histories written before the chain existed), to keep generation fast.
                let digest = try GeneratorChain.rowDigest(db, caseID: caseID)
                for (seq, e) in events.enumerated() {
                    chainNumber += 1
                    let data = CaseGeneratorCodec.encode(e.0)
                    let bodyID = e.2.flatMap { bodyIDs[$0] }
                    let recordedAt = Int64(e.1.minutes - LocalDateTime.vietnamOffsetMinutes) * 60
                    let rowDigest = seq == events.count - 1 ? digest : nil
                    previousLink = GeneratorChain.link(
                        previous: previousLink, number: chainNumber, caseID: caseID, seq: seq + 1,
                        kind: e.0.kind.rawValue,
                        at: e.1.minutes, recordedAt: recordedAt, officerID: officerID, bodyID: bodyID, data: data,
                        rowDigest: rowDigest)
                    try db.run(
                        """
                        INSERT INTO events (case_id, seq, kind, at, recorded_at, officer_id, body_id, data, chain_no, row_digest,
                            chain_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """,
                        caseID, seq + 1, e.0.kind.rawValue, e.1.minutes, recordedAt, officerID, bodyID, data,
                        chainNumber,
                        rowDigest, previousLink)
                }
                made += 1
                if made % 20_000 == 0 {
                    try db.execute("COMMIT")
                    print("  … \(grouped(made)) hồ sơ (\(fixed(progress.elapsedSeconds, 0)) s)")
                    try db.execute("BEGIN")
                }
            }
            try db.run(
                "INSERT INTO case_code_counters (unit_code, day, last_sequence) VALUES ('000.00.15.H42', ?, ?)",
                date.compactYYMMDD, count)
        }
        for (year, last) in ledger {
            try db.run("INSERT INTO ledger_counters (year, last_number) VALUES (?, ?)", year, last)
        }
        try db.execute("COMMIT")
        try db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        try db.execute("ANALYZE")
    }

    func weightedIndex(_ weights: [Int], _ total: Int, _ rng: inout SplitMix64) -> Int {
        var pick = rng.below(total)
        for (i, w) in weights.enumerated() {
            if pick < w { return i }
            pick -= w
        }
        return weights.count - 1
    }
}

/// The store's event encoding, reached through a public entry point for the generator.
enum CaseGeneratorCodec {
    static func encode(_ payload: CaseEventPayload) -> String { CaseExport.eventData(payload) }
}
