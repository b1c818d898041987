import MotCuaCore
import MotCuaDesk
import MotCuaDocuments
import MotCuaStore
import MotCuaSystem

/// `motcua import FILE`: shows what a file would change, applies it on confirmation.
enum ImportCommand {
    static func run(_ args: ParsedArguments, _ io: CommandIO) throws -> Int32 {
        let file = args.positionals[0]
        let text = try FileSystem.readText(file)
        let store = try StoreAccess.open(args, io, for: .writing)
        var effectiveFrom: CivilDate?
        if let value = args.value("effective-from") {
            effectiveFrom = try CalendarCommands.parseDate(value, what: "--effective-from")
        }
        let plan: (lines: [String], apply: () throws -> Void)
        switch motcuaFileFormat(text) {
        case CatalogueFile.formatName:
            plan = try catalogue(text, file: file, store: store, effectiveFrom: effectiveFrom)
        case CalendarConfig.formatName:
            plan = try calendar(text, file: file, store: store)
        case UnitFile.formatName:
            let unit = try UnitFile.parse(text, file: file)
            let current = try store.unitProfile()
            plan = (
                unit == current
                    ? []
                    : ["~ thông tin đơn vị: \(current.name) (\(current.unitCode)) → \(unit.name) (\(unit.unitCode))"],
                { try store.saveUnitProfile(unit) }
            )
        case FormCatalog.formatName:
            let forms = try FormCatalog.parse(text, file: file)
            let current = try Desk.storedForms(store)
            let changed = FormKind.allCases.filter { forms.entry($0) != current.entry($0) }
            var lines = changed.map {
                "~ mẫu \($0): \(current.numberLine($0)) \(current.entry($0).title) → \(forms.numberLine($0)) \(forms.entry($0).title)"
            }
            if forms.circular != current.circular {
                lines.insert("~ văn bản quy định mẫu: \(current.circular) → \(forms.circular)", at: 0)
            }
            plan = (
                lines,
                { try store.setSetting("forms", forms.json.compactText) }
            )
        case BodiesFile.formatName:
            let bodies = try BodiesFile.parse(text, file: file)
            let current = Dictionary(try store.bodies().map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })
            var lines: [String] = []
            for b in bodies where current[b.code] != b {
                lines.append(
                    current[b.code] == nil ? "+ thêm cơ quan \(b.code) \(b.name)" : "~ sửa cơ quan \(b.code) \(b.name)")
            }
            plan = (lines, { for b in bodies where current[b.code] != b { try store.saveBody(b) } })
        default:
            throw ConfigError(
                file: file, field: "format",
                reason:
                    "không nhận ra loại tệp (cần motcua-catalogue, motcua-holidays, motcua-unit, motcua-bodies hoặc motcua-forms)"
            )
        }
        if plan.lines.isEmpty {
            io.out("Không có thay đổi nào so với cơ sở dữ liệu.")
            return ExitStatus.success
        }
        for line in plan.lines { io.out(line) }
        // A warning ("!") is confirmed by a person: --yes alone does not pass it.
        let warned = plan.lines.contains { $0.hasPrefix("! ") }
        if warned && args.has("yes") && !args.has("accept-warnings") {
            io.err(
                "Tệp có cảnh báo (dòng bắt đầu bằng !): không áp dụng với --yes; xác nhận khi được hỏi, hoặc thêm --accept-warnings."
            )
            return ExitStatus.refused
        }
        if !args.has("yes") {
            io.writeOut("Áp dụng các thay đổi trên? (c/k): ")
            let answer = VietnameseText.fold(firstLine(of: String(decoding: io.readStdin(), as: UTF8.self)))
                .trimmingSpaces
            guard ["c", "co", "y", "yes"].contains(answer) else {
                io.out("Không áp dụng.")
                return ExitStatus.refused
            }
        }
        try plan.apply()
        io.out("Đã áp dụng.")
        return ExitStatus.success
    }

    static func catalogue(_ text: String, file: String, store: Store, effectiveFrom: CivilDate?) throws -> (
        [String], () throws -> Void
    ) {
        let known = Set(try store.bodies().map(\.code))
        var procedures = try CatalogueFile.parse(text, file: file, knownBodies: known)
        var lines: [String] = []
        var toSave: [ProcedureVersion] = []
        var unchanged = 0
        for i in procedures.indices {
            let p = procedures[i]
            let current = try store.procedure(code: p.code, on: effectiveFrom ?? p.effectiveFrom)?.procedure
            guard let current else {
                lines.append("+ thêm thủ tục \(p.code) \(p.name)")
                for problem in p.routeProblems(knownBodies: known) { lines.append("  ! \(problem)") }
                toSave.append(p)
                continue
            }
            var candidate = p
            candidate.effectiveFrom = current.effectiveFrom
            if candidate == current {
                unchanged += 1
                continue
            }
            if let effectiveFrom { procedures[i].effectiveFrom = effectiveFrom }
            let changed = differences(current, procedures[i])
            lines.append(
                "~ sửa thủ tục \(p.code) \(p.name): \(changed.joined(separator: "; ")) (phiên bản hiệu lực từ \(procedures[i].effectiveFrom.vietnamese))"
            )
            toSave.append(procedures[i])
            for problem in procedures[i].routeProblems(knownBodies: known) { lines.append("  ! \(problem)") }
        }
        if unchanged > 0 && !lines.isEmpty { lines.append("= \(unchanged) thủ tục không đổi") }
        return (lines, { for p in toSave { try store.saveProcedure(p) } })
    }

    static func differences(_ a: ProcedureVersion, _ b: ProcedureVersion) -> [String] {
        var d: [String] = []
        if a.name != b.name { d.append("tên") }
        if a.field != b.field { d.append("lĩnh vực \(a.field) → \(b.field)") }
        if a.limit != b.limit { d.append("thời hạn \(a.limit) → \(b.limit)") }
        if a.cutoff != b.cutoff {
            d.append("giờ chốt \(a.cutoff?.text ?? "mặc định") → \(b.cutoff?.text ?? "mặc định")")
        }
        if a.extraVerificationDays != b.extraVerificationDays {
            d.append("ngày xác minh \(a.extraVerificationDays) → \(b.extraVerificationDays)")
        }
        if a.fee != b.fee { d.append("lệ phí \(a.fee.description) → \(b.fee.description)") }
        if a.feeExemptions != b.feeExemptions { d.append("trường hợp miễn phí") }
        if a.documents != b.documents { d.append("thành phần hồ sơ") }
        if a.results != b.results { d.append("kết quả") }
        if a.route != b.route { d.append("quy trình") }
        if a.resultOnTheSpot != b.resultOnTheSpot { d.append("trả ngay") }
        if a.certainty != b.certainty { d.append("độ tin cậy \(a.certainty.rawValue) → \(b.certainty.rawValue)") }
        if a.note != b.note { d.append("ghi chú") }
        return d
    }

    static func calendar(_ text: String, file: String, store: Store) throws -> ([String], () throws -> Void) {
        let incoming = try CalendarConfig.parse(text, file: file)
        let current = try store.calendarConfig()
        var lines: [String] = []
        if incoming.schedule != current.schedule {
            let s = incoming.schedule
            lines.append(
                "~ giờ làm việc: \(s.sessions.map { "\($0.start)–\($0.end)" }.joined(separator: ", ")); giờ chốt \(s.sameDayCutoff)"
            )
        }
        let years = Set(incoming.holidays.officialYears.keys).union(current.holidays.officialYears.keys).sorted()
        for year in years {
            switch (current.holidays.officialYears[year], incoming.holidays.officialYears[year]) {
            case (nil, let new?):
                lines.append(
                    "+ năm \(year): lịch nghỉ chính thức (\(new.days.filter(\.isOff).count) ngày nghỉ, \(new.days.filter { !$0.isOff }.count) ngày làm bù)"
                )
            case (_?, nil):
                lines.append("- năm \(year): bỏ lịch chính thức, dùng quy tắc mặc định")
            case let (old?, new?) where old != new:
                let added = Set(new.days).subtracting(old.days).map(\.date.iso).sorted()
                let removed = Set(old.days).subtracting(new.days).map(\.date.iso).sorted()
                lines.append(
                    "~ năm \(year): thêm/sửa \(added.joined(separator: ", ")); bỏ \(removed.joined(separator: ", "))")
            default:
                break
            }
        }
        if incoming.holidays.additionalHolidays != current.holidays.additionalHolidays {
            lines.append(
                "~ ngày lễ bổ sung: \(incoming.holidays.additionalHolidays.map { "\($0.day)/\($0.month) \($0.name)" }.joined(separator: ", "))"
            )
        }
        let unusual = HolidayRules(
            data: incoming.holidays, restDays: Set(Weekday.allCases).subtracting(incoming.schedule.workingWeekdays)
        ).unusualYears()
        for u in unusual {
            lines.append(
                "! năm \(u.year): \(u.listed) ngày nghỉ, nhiều hơn quá 10 ngày so với số ngày nghỉ theo luật (\(u.law)): kiểm tra lại tệp"
            )
        }
        return (lines, { try store.saveCalendarConfig(incoming) })
    }
}
