import MotCuaCore
import MotCuaDesk
import MotCuaDocuments
import MotCuaStore
import MotCuaSystem

/// `case add|show|find|import`: scriptable registration and lookup (bulk entry of cases written on paper
/// during an outage, tests).
enum CaseCommands {
    static let officerHelp = StoreAccess.officerHelp

    /// Finds a procedure by exact code, else by an unambiguous name search.
    static func resolveProcedure(_ text: String, store: Store, on date: CivilDate) throws -> ProcedureVersion {
        if let exact = try store.procedure(code: text, on: date) { return exact.procedure }
        let matches = try store.searchProcedures(text, on: date)
        if matches.count == 1
            || (matches.count > 1 && ProcedureSearch.isFullName(text, matches[0].procedure.name))
        {
            return matches[0].procedure
        }
        if matches.isEmpty {
            throw CommandFailure("không có thủ tục mã hoặc tên \"\(text)\" (có hiệu lực ngày \(date.vietnamese))")
        }
        let list = matches.prefix(8).map { "  \($0.procedure.code)  \($0.procedure.name)" }.joined(separator: "\n")
        throw CommandFailure("\"\(text)\" khớp nhiều thủ tục; hãy dùng mã:\n\(list)")
    }

    struct AddInput {
        var fields: [String: String]
        func value(_ k: String) -> String? { fields[k].flatMap { $0.isEmpty ? nil : $0 } }
    }

    /// Builds a draft from named fields (command-line options or CSV columns) and registers it through the
    /// application layer.
    static func register(
        _ input: AddInput, desk: Desk, actor: Actor, io: CommandIO, warnings: Bool = true,
        importKey: String? = nil, requireReceived: Bool = false
    ) throws -> Registration {
        let store = desk.store
        var received = io.now()
        let reason = input.value("reason")
        if let text = input.value("received") {
            guard let t = LocalDateTime(iso: text.trimmingSpaces) ?? LocalDateTime(vietnamese: text.trimmingSpaces)
            else {
                throw UsageError("received: \"\(text)\" không phải thời điểm có thật dạng \"YYYY-MM-DD HH:MM\"")
            }
            received = t
        } else if requireReceived {
            throw UsageError("thiếu thời điểm tiếp nhận (cột received)")
        }
        try RecordingTime.checkYear(received.date)
        guard let procedureText = input.value("procedure") else { throw UsageError("thiếu thủ tục (--procedure)") }
        guard let name = input.value("name") else { throw UsageError("thiếu họ tên người nộp (--name)") }
        let procedure = try resolveProcedure(procedureText, store: store, on: received.date)
        var idKind: IDKind?
        if let k = input.value("id-kind") {
            guard let kind = IDKind(rawValue: k) else {
                throw UsageError(
                    "id-kind phải là một trong: \(IDKind.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            idKind = kind
        }
        var birth: CivilDate?
        if let b = input.value("birth-date") {
            guard let date = CivilDate(iso: b) ?? CivilDate(vietnamese: b) else {
                throw UsageError("birth-date: không phải ngày có thật (YYYY-MM-DD hoặc dd/mm/yyyy)")
            }
            birth = date
        }
        func choice<T: RawRepresentable>(_ key: String, _ type: T.Type, default value: T) throws -> T
        where T.RawValue == String, T: CaseIterable {
            guard let text = input.value(key) else { return value }
            guard let v = T(rawValue: text) else {
                throw UsageError("\(key) phải là một trong: \(T.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            return v
        }
        let channel = try choice("channel", Channel.self, default: .inPerson)
        let collect = try choice("collect", CollectMethod.self, default: .counter)
        func int(_ key: String, _ range: ClosedRange<Int>, default value: Int) throws -> Int {
            guard let text = input.value(key) else { return value }
            guard let v = Int(text), range.contains(v) else {
                throw UsageError("\(key): \"\(text)\" phải là số nguyên từ \(range.lowerBound) đến \(range.upperBound)")
            }
            return v
        }
        let pages = try int("pages", 1...10000, default: 1)
        let copies = try int("copies", 1...1000, default: 1)
        var fee: Int
        if let text = input.value("fee") {
            guard let v = Money.parse(text) else { throw UsageError("fee: \"\(text)\" phải là số tiền (đồng)") }
            fee = v
        } else if let computed = procedure.fee.amount(pages: pages, copies: copies, channel: channel) {
            fee = computed
        } else {
            fee = 0
            if warnings {
                io.err("Lưu ý: lệ phí của thủ tục \(procedure.code) do tỉnh quy định, chưa nhập (--fee); ghi 0 đ.")
            }
        }
        let exemption = input.value("exempt")
        if exemption != nil { fee = 0 }
        var chosen: Set<Int>?
        if let r = input.value("results") {
            // Numbers from 1 to the procedure's count of results; anything else (a huge or negative number) is
            // refused before any arithmetic.
            let count = max(1, procedure.results.count)
            let parts = r.split(separator: ",").map {
                Int(String($0).trimmingSpaces).flatMap { (1...count).contains($0) ? $0 - 1 : nil }
            }
            guard !parts.isEmpty, parts.allSatisfy({ $0 != nil }) else {
                throw UsageError("results: danh sách số thứ tự kết quả từ 1 đến \(count), ví dụ 1,3")
            }
            chosen = Set(parts.compactMap { $0 })
        }
        let documents = procedure.documents.enumerated().filter { $0.element.isMandatory }.map {
            CaseDocument(
                name: $0.element.name, form: $0.element.form, quantity: $0.element.quantity, checklistIndex: $0.offset)
        }
        let draft = CaseDraft(
            procedureCode: procedure.code,
            applicant: Applicant(
                kind: input.value("organisation") != nil ? .organisation : .person, fullName: name,
                idKind: idKind, idNumber: input.value("id"), birthDate: birth, phone: input.value("phone"),
                email: input.value("email"), address: input.value("address"),
                representativeName: input.value("representative")),
            channel: channel, collect: collect, collectAddress: input.value("collect-address"),
            sets: try int("sets", 1...99, default: 1), documents: documents,
            verificationNeeded: input.value("verify") != nil, fee: fee, feeExemption: exemption,
            feeReceiptNumber: input.value("receipt-number"), receivedAt: received, receivedAtReason: reason,
            chosenResults: chosen, note: input.value("note") ?? "")
        return try desk.register(draft, by: actor, importKey: importKey)
    }

    static let addFields = [
        "procedure", "name", "id", "id-kind", "birth-date", "phone", "email", "address", "received", "reason",
        "channel", "collect", "collect-address", "sets", "fee", "pages", "copies", "exempt", "receipt-number",
        "results", "note", "representative"
    ]

    static func registeredJSON(_ r: RegisteredCase) -> JSONValue {
        .object([
            ("code", .string(r.code)), ("ledgerYear", .int(r.ledgerYear)), ("ledgerNumber", .int(r.ledgerNumber)),
            ("receivedAt", .string(r.receivedAt.iso)), ("due", .string(r.due.iso)),
            ("status", .string(CaseStatus.received.rawValue))
        ])
    }

    static let add = Command(
        name: "case add",
        summary: "Tiếp nhận một hồ sơ từ dòng lệnh; in mã hồ sơ và thời điểm hẹn trả.",
        usage:
            "motcua case add --procedure CODE --name \"Họ tên\" --id SỐ [--received \"YYYY-MM-DD HH:MM\"] [tuỳ chọn] [--json]",
        help: """
            In một dòng: mã hồ sơ, dấu tab, thời điểm hẹn trả YYYY-MM-DD HH:MM (với --json: một đối tượng JSON).
            Hồ sơ được coi là đầy đủ các giấy tờ bắt buộc của thủ tục. Lệ phí tính theo thủ tục nếu không cho --fee.

            Tuỳ chọn:
              --procedure CODE       mã thủ tục (hoặc một phần tên, nếu chỉ khớp một thủ tục)
              --name TEN             họ tên người nộp (hoặc tên tổ chức, kèm --organisation)
              --id SO                số căn cước (12 chữ số) hoặc CMND (9 chữ số); giấy tờ khác: thêm --id-kind
              --id-kind KIND         cccd, cmnd, passport, tax_code, other
              --received THOI_DIEM   thời điểm tiếp nhận (mặc định: bây giờ), giờ Việt Nam; không được ở tương lai
              --reason LY_DO         bắt buộc khi --received khác bây giờ: lý do (vd. nhập bù hồ sơ ghi giấy khi mất
                                     điện); quá một ngày làm việc chỉ lãnh đạo, quản trị viên nhập được
              --birth-date, --phone, --email, --address, --representative, --note
              --channel in_person|post|online   --collect counter|post   --collect-address DIA_CHI
              --sets N  --verify  --results 1,3  --fee SO_TIEN  --pages N  --copies N  --exempt LY_DO  --receipt-number SO
            \(StoreCommands.dbHelp)
            \(officerHelp)

            """,
        spec: OptionSpec(
            valued: Set(addFields + ["db", "officer"]), flags: ["json", "verify", "organisation", "password-stdin"]),
        run: { args, io in
            var fields: [String: String] = [:]
            for key in addFields { if let v = args.value(key) { fields[key] = v } }
            if args.has("verify") { fields["verify"] = "1" }
            if args.has("organisation") { fields["organisation"] = "1" }
            if fields["name"] == nil { throw UsageError("thiếu tuỳ chọn bắt buộc --name") }
            if fields["procedure"] == nil { throw UsageError("thiếu tuỳ chọn bắt buộc --procedure") }
            let desk = try StoreAccess.desk(args, io, for: .writing)
            let actor = try StoreAccess.actor(args, io, desk)
            let registered = try register(AddInput(fields: fields), desk: desk, actor: actor, io: io).registered
            if args.has("json") {
                io.out(registeredJSON(registered).compactText)
            } else {
                io.out("\(registered.code)\t\(registered.due.iso)")
            }
            return ExitStatus.success
        }
    )

    static let show = Command(
        name: "case show",
        summary: "Xem một hồ sơ và lịch sử của nó.",
        usage: "motcua case show CODE [--db PATH] [--json]",
        help: """
            In thông tin hồ sơ, giấy tờ đã nhận, các bước xử lý và toàn bộ lịch sử (với --json: một đối tượng JSON
            gồm cả các sự kiện).

            Tuỳ chọn:
            \(StoreCommands.dbHelp)

            """,
        spec: OptionSpec(valued: ["db"], flags: ["json"], positionals: 1...1, positionalNames: ["mã hồ sơ CODE"]),
        run: { args, io in
            let store = try StoreAccess.open(args, io, for: .reading)
            guard let record = try store.caseRecord(code: args.positionals[0]) else {
                throw CommandFailure("không có hồ sơ mã \(args.positionals[0])")
            }
            let events = try store.events(caseID: record.id)
            if args.has("json") {
                io.out(CaseExport.json(record, events: events).compactText)
                return ExitStatus.success
            }
            for line in describe(record, events: events, now: io.now(), calendar: try StoreAccess.calendar(store)) {
                io.out(line)
            }
            return ExitStatus.success
        }
    )

    static func describe(_ c: CaseRecord, events: [RecordedEvent], now: LocalDateTime, calendar: WorkingCalendar)
        -> [String]
    {
        let a = c.applicant
        var lines = [
            "Mã hồ sơ: \(c.code)",
            "Số vào sổ: \(c.ledgerNumber)/\(c.ledgerYear)",
            "Thủ tục: \(c.procedure.code) \(c.procedure.name) (\(c.procedure.field); thời hạn \(c.procedure.limit))",
            "Người nộp: \(a.fullName)" + (a.kind == .organisation ? " (tổ chức)" : "")
        ]
        if let id = a.idNumber { lines.append("Giấy tờ tùy thân: \(a.idKind?.vietnameseName ?? "Số") \(id)") }
        if let b = a.birthDate { lines.append("Ngày sinh: \(b.vietnamese)") }
        if let p = a.phone { lines.append("Điện thoại: \(p)") }
        if let e = a.email { lines.append("Thư điện tử: \(e)") }
        if let ad = a.address { lines.append("Địa chỉ: \(ad)") }
        if let r = a.representativeName { lines.append("Người đại diện: \(r)") }
        lines.append(
            "Kênh tiếp nhận: \(c.channel.vietnameseName); nhận kết quả: \(c.collect.vietnameseName)\(c.collectAddress.map { " (\($0))" } ?? "")"
        )
        lines.append(
            "Tiếp nhận: \(c.receivedAt.vietnamese) — \(c.receivedByName)\(c.receivedAtReason.map { " (nhập sau: \($0))" } ?? "")"
        )
        lines.append("Hẹn trả: \(c.state.appointment.vietnameseAppointment)")
        if c.state.appointment != c.state.legalDue {
            lines.append("Hạn giải quyết theo quy định: \(c.state.legalDue.vietnamese)")
        }
        let standing = CaseStanding.of(CaseStanding.Facts(c), now: now, calendar: calendar)
        lines.append(
            "Trạng thái: \(standing.statusText)\(standing.remainingText.isEmpty || standing.remainingText == standing.statusText ? "" : " — \(standing.remainingText)")"
        )
        lines.append(
            "Lệ phí: \(Money.format(c.fee))\(c.feeExemption.map { " (miễn: \($0))" } ?? "")\(c.feeReceiptNumber.map { "; biên lai số \($0)" } ?? "")"
        )
        lines.append("Giấy tờ đã nhận:")
        for d in c.documents { lines.append("  - \(d.name) (\(d.form.vietnameseName), \(d.quantity))") }
        if !c.steps.isEmpty {
            lines.append("Các bước xử lý:")
            for s in c.steps {
                var line = "  \(s.position + 1). \(s.bodyName): \(s.task) (\(s.budget))\(s.isLead ? " — chủ trì" : "")"
                if let due = s.progress.stepDue { line += "; hạn \(due.vietnamese)" }
                if let done = s.progress.doneAt {
                    line += "; xong \(done.vietnamese) (\(s.progress.punctuality?.vietnameseName ?? ""))"
                }
                lines.append(line)
            }
        }
        lines.append("Lịch sử:")
        for e in events {
            lines.append("  \(e.seq). " + HistoryText.line(e, c))
        }
        return lines
    }

    static let find = Command(
        name: "case find",
        summary: "Tìm hồ sơ theo mã, họ tên, số giấy tờ hoặc số điện thoại (không cần dấu).",
        usage: "motcua case find TEXT [--db PATH] [--limit N] [--json]",
        help: """
            Mỗi hồ sơ khớp một dòng: mã hồ sơ, họ tên, thủ tục, trạng thái (cách nhau bằng tab), mới nhất trước.
            Không phân biệt hoa thường và dấu; "đ" khớp "d" ("dang van duc" tìm được "Đặng Văn Đức").
            Mỗi từ gõ vào phải là phần đầu của một từ trong hồ sơ; có thể gõ phần cuối mã hồ sơ ("0012").

            Tuỳ chọn:
            \(StoreCommands.dbHelp)
              --limit N     số kết quả tối đa (mặc định 50)
              --json        một mảng JSON

            """,
        spec: OptionSpec(
            valued: ["db", "limit"], flags: ["json"], positionals: 1...1, positionalNames: ["nội dung tìm TEXT"]),
        run: { args, io in
            let limit = try args.int("limit", in: 1...10000) ?? 50
            let store = try StoreAccess.open(args, io, for: .reading)
            let found = try store.searchCases(args.positionals[0], limit: limit)
            if args.has("json") {
                io.out(
                    JSONValue.array(
                        found.map { s in
                            .object([
                                ("code", .string(s.code)), ("name", .string(s.applicantName)),
                                ("procedure", .string(s.procedureName)),
                                ("status", .string(s.status.rawValue)),
                                ("statusText", .string(s.status.vietnameseName)),
                                ("receivedAt", .string(s.receivedAt.iso)), ("appointment", .string(s.appointment.iso))
                            ])
                        }
                    ).compactText)
            } else {
                let calendar = try StoreAccess.calendar(store)
                for s in found {
                    io.out(
                        "\(s.code)\t\(s.applicantName)\t\(s.procedureName)\t\(CaseStanding.of(s.facts, now: io.now(), calendar: calendar).statusText)"
                    )
                }
            }
            return ExitStatus.success
        }
    )

    static let importCases = Command(
        name: "case import",
        summary: "Nhập hàng loạt hồ sơ (ví dụ hồ sơ ghi giấy khi mất điện) từ tệp CSV.",
        usage: "motcua case import FILE.csv [--reason TEXT] [--db PATH] [--officer USER [--password-stdin]]",
        help: """
            Tệp CSV UTF-8 đúng chuẩn RFC 4180, dòng đầu là tên cột, mỗi cột một lần: procedure, name, id, received
            (bắt buộc, không được để trống) và tuỳ chọn: key, id-kind, birth-date, phone, email, address, reason,
            channel, collect, collect-address, sets, fee, pages, copies, exempt, receipt-number, results, note,
            representative, verify. Cả tệp được kiểm tra trước khi ghi: dấu ngoặc kép không cân, trường thừa hoặc
            thiếu, cột lặp hay không được hỗ trợ, thiếu thời điểm tiếp nhận… được báo kèm số dòng và số cột
            (không in nội dung tệp) và không ghi gì (mã thoát 2).

            Mỗi hồ sơ được ghi trong một giao dịch riêng; ngay khi ghi xong, in một dòng: mã hồ sơ, tab, thời điểm
            hẹn trả. Dòng có dữ liệu sai (thủ tục không có, số giấy tờ sai…) được báo trên stderr kèm số dòng và
            bỏ qua; khi có dòng như vậy, mã thoát là 1.

            Nhập lại cùng một tệp không thêm gì: mỗi dòng có một khoá (cột key, hoặc mã băm nội dung dòng và thứ
            tự xuất hiện của nó trong tệp); dòng đã nhập được bỏ qua và in lại mã hồ sơ đã cấp. Bị dừng giữa chừng
            (mất điện, đầy đĩa) thì chạy lại đúng lệnh đó: không trùng, không sót.

            Hồ sơ nhập sau thời điểm tiếp nhận cần lý do: cột reason của từng dòng, hoặc --reason cho cả tệp
            (mặc định: "Nhập hồ sơ giấy từ tệp TÊN_TỆP").

            Tuỳ chọn:
            \(StoreCommands.dbHelp)
            \(officerHelp)

            """,
        spec: OptionSpec(
            valued: ["db", "officer", "reason"], flags: ["password-stdin"], positionals: 1...1,
            positionalNames: ["tệp FILE.csv"]),
        run: { args, io in
            let path = args.positionals[0]
            let known = Set(addFields + ["verify", "key"])
            let required = ["procedure", "name", "id", "received"]
            func table() throws -> CSVTable {
                let reader = try FileReader(path: path)
                return try CSVTable(CSVReader(nextChunk: { try reader.next() }), known: known, required: required)
            }
            // First the whole file's structure, before anything is written.
            var rows = 0
            do {
                var check = try table()
                while let (line, values) = try check.next() {
                    rows += 1
                    for name in required where values[name]!.trimmingSpaces.isEmpty {
                        throw CSVError(.emptyValue(name), line: line, column: check.columns.firstIndex(of: name)! + 1)
                    }
                }
            } catch let e as CSVError {
                throw UsageError("\(FileSystem.baseName(path)): \(e.description); không nhập dòng nào")
            }
            let desk = try StoreAccess.desk(args, io, for: .writing)
            let actor = try StoreAccess.actor(args, io, desk, importing: true)
            let fileReason = args.value("reason") ?? "Nhập hồ sơ giấy từ tệp \(FileSystem.baseName(path))"
            var t = try table()
            var occurrences: [String: Int] = [:]
            var failures = 0
            var done = 0
            var again = 0
            while let (line, values) = try t.next() {
                done += 1
                var fields = values
                if let v = fields["verify"], v.isEmpty || v == "0" { fields["verify"] = nil }
                if (fields["reason"] ?? "").trimmingSpaces.isEmpty { fields["reason"] = fileReason }
                let key = importKey(fields, columns: t.columns, occurrences: &occurrences)
                fields["key"] = nil
                do {
                    // Per-row notes would drown real errors; a missing provincial fee is the "fee" column's job.
                    let r = try register(
                        AddInput(fields: fields), desk: desk, actor: actor, io: io, warnings: false, importKey: key,
                        requireReceived: true)
                    if !r.isNew { again += 1 }
                    io.out("\(r.registered.code)\t\(r.registered.due.iso)")
                } catch let e as DeskError where e.isRetryable {
                    // Disk full or database busy: stop here; running the same command again skips what was saved.
                    io.err("dòng \(line): \(Messages.text(e))")
                    let left = rows - done + 1
                    io.err(
                        "Dừng nhập: \(left) dòng chưa nhập (từ dòng \(line)). Sửa sự cố rồi chạy lại đúng lệnh này: các dòng đã nhập được bỏ qua."
                    )
                    return ExitStatus.refused
                } catch {
                    failures += 1
                    io.err("dòng \(line): \(CommandErrors.message(error))")
                }
            }
            if again > 0 { io.err("\(again) dòng đã được nhập trước đó: không nhập lại (in lại mã hồ sơ đã cấp)") }
            return failures == 0 ? ExitStatus.success : ExitStatus.refused
        }
    )

    /// The row's source key: its `key` column, or the SHA-256 of its values with how many times the same
    /// values came before in the file (two identical paper forms are two cases).
    static func importKey(_ fields: [String: String], columns: [String], occurrences: inout [String: Int]) -> String {
        if let given = fields["key"]?.trimmingSpaces, !given.isEmpty { return "key:" + given }
        var h = SHA256()
        for column in columns.sorted() where column != "key" {
            h.update(column)
            h.update([0x1F])
            h.update(fields[column] ?? "")
            h.update([0x1E])
        }
        let digest = SHA256.hex(h.finalize())
        let n = occurrences[digest, default: 0]
        occurrences[digest] = n + 1
        return "row:\(digest)#\(n)"
    }
}
