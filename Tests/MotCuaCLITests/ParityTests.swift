import MotCuaApp
import MotCuaCore
import MotCuaDesk
import MotCuaStore
import MotCuaTesting
import TerminalUI
import Testing

/// One table of case actions, each run through the command line and through the screens on two identical
/// databases: both front ends must record the same events (kind, payload, time, officer, late reason) or
/// refuse with the same rule. The front ends only collect input; this is the proof that the rules are not
/// coded twice.
@Suite struct ParityTests {
    static let passwords = [
        "tiepnhan": "mat-khau-tn", "tuphap": "mat-khau-tp", "lanhdao": "mat-khau-ld", "quantri": "mat-khau-qt"
    ]

    enum Expected {
        case recorded([CaseEventKind])
        case refused(Refusal)
    }

    struct Row: CustomTestStringConvertible, Sendable {
        let name: String
        /// The procedure of the case (received 16/11/2026 09:00 by the desk officer).
        var procedure = "1.004222"
        /// What happened to the case before, through the application layer: (action, when, by whom).
        var before: [(CaseAction, String, String)] = []
        /// The moment of the action, and who does it.
        var now = "2026-11-18 10:00"
        let officer: String
        /// `motcua case …` after the case code.
        let cli: [String]
        /// The keys on the case view (the case is open).
        let keys: @Sendable (ScreenDriver) -> Void
        let expected: Expected
        var testDescription: String { name }
    }

    static func typeTime(_ d: ScreenDriver, _ text: String) {
        // The time field: after the last field of the form's own values (Tab until it, then clear and type).
        d.press(.control("u"))
        d.type(text)
    }

    static let rows: [Row] = [
        Row(
            name: "giao hồ sơ", officer: "tiepnhan", cli: ["handover"],
            keys: { d in
                d.press(.function(5)); d.press(.function(10))
            }, expected: .recorded([.handedOver])),
        Row(
            name: "xác nhận nhận hồ sơ của cơ quan ngoài xã",
            before: [(.handOver(step: 0), "2026-11-16 10:00", "tiepnhan")],
            officer: "tiepnhan", cli: ["acknowledge", "--receipt", "BN-7"],
            keys: { d in
                d.press(.function(5)); d.type("BN-7"); d.press(.function(10))
            }, expected: .recorded([.acknowledged])),
        Row(
            name: "cơ quan trong xã tự xác nhận, không phải một cửa", procedure: "XA.LT.01",
            before: [(.handOver(step: 0), "2026-11-16 10:00", "tiepnhan")], officer: "tiepnhan", cli: ["acknowledge"],
            keys: { d in d.press(.function(5)) },
            expected: .refused(.bodyRecordsItself(bodyName: "Công chức Tư pháp - Hộ tịch"))),
        Row(
            name: "kết quả của bước không được trống", procedure: "XA.LT.01",
            before: [
                (.handOver(step: 0), "2026-11-16 10:00", "tiepnhan"),
                (.acknowledge(step: 0), "2026-11-16 10:30", "tuphap")
            ],
            officer: "tuphap", cli: ["step-done", "--note", " "],
            keys: { d in
                d.press(.function(5)); d.type(" "); d.press(.function(10))
            }, expected: .refused(.emptyStepResult)),
        Row(
            name: "xong bước và giao tiếp", procedure: "XA.LT.01",
            before: [
                (.handOver(step: 0), "2026-11-16 10:00", "tiepnhan"),
                (.acknowledge(step: 0), "2026-11-16 10:30", "tuphap")
            ],
            officer: "tuphap", cli: ["step-done", "--note", "Đã cấp Giấy khai sinh", "--next"],
            keys: { d in
                d.press(.function(5)); d.type("Đã cấp Giấy khai sinh"); d.press(.function(10)); d.press(.character("k"))
            },
            expected: .recorded([.stepDone, .handedOver])),
        Row(
            name: "liên thông chưa xong: một cửa không nhận kết quả", procedure: "XA.LT.01",
            before: [(.handOver(step: 0), "2026-11-16 10:00", "tiepnhan")], officer: "tiepnhan",
            cli: ["result", "--number", "KQ-1"],
            keys: { d in d.press(.function(6)) },  // said at once, before any input
            expected: .refused(.routeNotDone(openStep: 0, bodyName: "Công chức Tư pháp - Hộ tịch"))),
        Row(
            name: "liên thông chưa xong: lãnh đạo ghi nhận kèm lý do", procedure: "XA.LT.01",
            before: [(.handOver(step: 0), "2026-11-16 10:00", "tiepnhan")], officer: "lanhdao",
            cli: ["result", "--number", "KQ-1", "--override-reason", "Các cơ quan đã trả kết quả trực tiếp"],
            keys: { d in
                d.press(.function(6)); d.type("KQ-1"); d.press(.tab); d.press(.tab)
                d.type("Các cơ quan đã trả kết quả trực tiếp"); d.press(.function(10))
            },
            expected: .recorded([.resultReceived])),
        Row(
            name: "trả sớm phải nói đã báo hay chưa",
            before: [
                (.resultReceived(number: "KQ-1", overrideReason: "Có kết quả ngay"), "2026-11-17 09:00", "lanhdao")
            ],
            officer: "tiepnhan", cli: ["return"],
            keys: { d in
                d.press(.function(6)); d.press(.function(10))
            },
            expected: .refused(.mustSayWhetherTold)),
        Row(
            name: "trả sớm, đã báo trước",
            before: [
                (.resultReceived(number: "KQ-1", overrideReason: "Có kết quả ngay"), "2026-11-17 09:00", "lanhdao")
            ],
            officer: "tiepnhan", cli: ["return", "--told", "yes"],
            keys: { d in
                d.press(.function(6)); d.press(.tab); d.press(.tab); d.press(.right); d.press(.function(10));
                d.press(.character("k"))
            },
            expected: .recorded([.returned])),
        Row(
            name: "rút hồ sơ sau khi đã có kết quả từ chối",
            before: [(.refuse(reasons: ["Không đủ điều kiện"]), "2026-11-17 09:00", "lanhdao")],
            officer: "tiepnhan", cli: ["withdraw", "--reason", "Người nộp xin rút"],
            keys: { d in d.press(.control("w")) },
            expected: .refused(.withdrawalAfterResult)),
        Row(
            name: "một cửa không hẹn lại", officer: "tiepnhan",
            cli: ["reschedule", "--new-due", "2026-11-30 09:00", "--reason", "Chờ xác minh"],
            keys: { d in d.press(.control("l")) }, expected: .refused(.leaderOnly(.reschedule))),
        Row(
            name: "lãnh đạo hẹn lại", officer: "lanhdao",
            cli: ["reschedule", "--new-due", "2026-11-30 09:00", "--reason", "Chờ xác minh"],
            keys: { d in
                d.press(.control("l")); d.press(.control("u")); d.type("30/11/2026 09:00\t"); d.type("Chờ xác minh")
                d.press(.function(10)); d.press(.character("k"))
            },
            expected: .recorded([.rescheduled])),
        Row(
            name: "yêu cầu bổ sung", officer: "tiepnhan",
            cli: ["supplement", "--item", "Bản sao sổ hộ khẩu", "--reason", "Thiếu giấy tờ"],
            keys: { d in
                d.press(.control("b")); d.type("Bản sao sổ hộ khẩu"); d.press(.tab); d.press(.tab); d.press(.tab);
                d.press(.tab)
                d.type("Thiếu giấy tờ"); d.press(.function(10)); d.press(.character("k"))
            },
            expected: .recorded([.supplementRequested])),
        Row(
            name: "hủy chỉ lãnh đạo", officer: "tiepnhan", cli: ["cancel", "--reason", "Nhập nhầm"],
            keys: { d in d.press(.control("x")) },
            expected: .refused(.leaderOnly(.cancel))),
        Row(
            name: "thời điểm ở tương lai", officer: "tiepnhan", cli: ["handover", "--at", "2026-11-18 12:00"],
            keys: { d in
                d.press(.function(5)); d.press(.tab); typeTime(d, "18/11/2026 12:00"); d.press(.function(10))
            },
            expected: .refused(.timeInFuture(LocalDateTime(iso: "2026-11-18 12:00")!))),
        Row(
            name: "nhập sau không có lý do", officer: "tiepnhan", cli: ["handover", "--at", "2026-11-18 08:00"],
            keys: { d in
                d.press(.function(5)); d.press(.tab); typeTime(d, "18/11/2026 08:00"); d.press(.function(10))
            },
            expected: .refused(.lateReasonRequired(LocalDateTime(iso: "2026-11-18 08:00")!))),
        Row(
            name: "nhập sau có lý do", officer: "tiepnhan",
            cli: ["handover", "--at", "2026-11-18 08:00", "--late-reason", "Mất điện buổi sáng"],
            keys: { d in
                d.press(.function(5)); d.press(.tab); typeTime(d, "18/11/2026 08:00"); d.press(.tab);
                d.type("Mất điện buổi sáng")
                d.press(.function(10))
            },
            expected: .recorded([.handedOver])),
        Row(
            name: "quá một ngày làm việc: cần lãnh đạo", officer: "tiepnhan",
            cli: ["handover", "--at", "2026-11-16 10:00", "--late-reason", "Quên ghi"],
            keys: { d in
                d.press(.function(5)); d.press(.tab); typeTime(d, "16/11/2026 10:00"); d.press(.tab); d.type("Quên ghi")
                d.press(.function(10))
            },
            expected: .refused(.backdatingNeedsLeader(LocalDateTime(iso: "2026-11-16 10:00")!)))
    ]

    /// A case in a fresh workspace, with the row's history.
    static func prepare(_ row: Row) throws -> (TestWorkspace, String) {
        let ws = try TestWorkspace(now: row.now)
        let code = try ws.register("Nguyễn Văn Bình", procedure: row.procedure, at: "2026-11-16 09:00").code
        for (action, at, officer) in row.before { try ws.act(action, on: code, at: at, by: officer) }
        return (ws, code)
    }

    struct Recorded: Equatable, CustomStringConvertible {
        let payload: CaseEventPayload
        let at: LocalDateTime
        let officer: String
        let lateReason: String?
        var description: String { "\(payload) at \(at.iso) by \(officer)\(lateReason.map { " (\($0))" } ?? "")" }
    }

    static func newEvents(_ ws: TestWorkspace, _ code: String, after count: Int) throws -> [Recorded] {
        let id = try ws.store.caseID(code: code)!
        return try ws.store.events(caseID: id).dropFirst(count).map {
            Recorded(payload: $0.event.payload, at: $0.event.at, officer: $0.event.officer, lateReason: $0.lateReason)
        }
    }

    @Test(arguments: rows) func bothFrontEndsDecideAlike(_ row: Row) throws {
        // The command line.
        let (cliWS, code) = try Self.prepare(row)
        let before = try cliWS.store.events(caseID: try cliWS.store.caseID(code: code)!).count
        let r = runCLI(
            ["case", row.cli[0], code] + row.cli.dropFirst() + ["--db", cliWS.path, "--officer", row.officer],
            now: row.now, password: Self.passwords[row.officer])
        let cliEvents = try Self.newEvents(cliWS, code, after: before)

        // The screens.
        let (screenWS, screenCode) = try Self.prepare(row)
        #expect(screenCode == code)
        let app = try screenWS.application()
        final class Capture: @unchecked Sendable { var refusals: [Refusal] = [] }
        let capture = Capture()
        app.env.desk.onRefusal = { capture.refusals.append($0) }
        let d = ScreenDriver(app: app)
        d.type(row.officer); d.press(.tab); d.type(Self.passwords[row.officer]!); d.press(.enter)
        d.press(.function(3)); d.press(.control("t")); d.type(String(code.suffix(11))); d.press(.enter);
        d.press(.control("t"))
        #expect(d.shows("Mã hồ sơ: \(code)"), "\(d.text)")
        row.keys(d)
        let screenEvents = try Self.newEvents(screenWS, code, after: before)

        switch row.expected {
        case .recorded(let kinds):
            #expect(r.status == 0, "CLI: \(r.out)\(r.err)")
            #expect(cliEvents.map(\.payload.kind) == kinds, "CLI recorded \(cliEvents)")
            #expect(screenEvents == cliEvents, "screen recorded \(screenEvents)\n\(d.text)")
        case .refused(let refusal):
            #expect(r.refusals == [refusal], "CLI: \(r.refusals) \(r.err)")
            #expect(cliEvents.isEmpty && screenEvents.isEmpty)
            // The screen refuses with the same rule: asked of the application layer, or said before any
            // input from the options the layer computed; either way the catalogue's words for it.
            #expect(capture.refusals.allSatisfy { $0 == refusal }, "screen: \(capture.refusals)")
            #expect(d.showsWrapped(Messages.text(refusal)), "screen shows the refusal\n\(d.text)")
        }
    }
}
