import MotCuaDefaults
import Testing
@testable import MotCuaCore

@Suite struct JSONTests {
    @Test func parsesAndWritesBack() throws {
        let text =
            #"{"a": [1, -2.5e3, true, false, null], "b": "Tết \"Nguyên đán\"\n", "c": {}, "d": "\u0110\u1eb7ng"}"#
        let value = try JSONParser.parse(text)
        #expect(value["b"] == .string("Tết \"Nguyên đán\"\n"))
        #expect(value["d"] == .string("Đặng"))
        #expect(try JSONParser.parse(value.compactText) == value)
        #expect(try JSONParser.parse(value.prettyText) == value)
    }

    @Test(arguments: [
        ("{\"a\": 1,}", 1, 9), ("[1, 2", 1, 6), ("{\"a\" 1}", 1, 6), ("\n\n  tru", 3, 3), ("{\"a\":1}x", 1, 8),
        ("{\"a\":1, \"a\":2}", 1, 9), ("\"abc", 1, 5), ("01", 1, 2)
    ])
    func syntaxErrorsHavePositions(_ text: String, _ line: Int, _ column: Int) {
        do {
            _ = try JSONParser.parse(text)
            Issue.record("accepted invalid JSON \(text)")
        } catch {
            #expect(error.line == line)
            #expect(error.column == column)
        }
    }
}

@Suite struct CalendarConfigTests {
    @Test func shippedConfigRoundTripsThroughJSON() throws {
        let shipped = ShippedConfig.calendarConfig()
        #expect(shipped.schedule == WorkSchedule.standard)
        let again = try CalendarConfig.parse(shipped.json.prettyText, file: "x.json")
        #expect(again == shipped)
    }

    static let valid = """
        {"format": "motcua-holidays", "version": 1, "years": [
          {"year": 2031, "status": "official", "source": "thử", "daysOff": [{"date": "2031-01-01", "name": "Tết Dương lịch"}],
           "workDays": [{"date": "2031-01-04", "name": "Làm bù"}]}]}
        """

    @Test func officialYearIsUsedExactly() throws {
        let cal = try CalendarConfig.parse(Self.valid, file: "h.json").makeCalendar()
        #expect(cal.yearStatus(2031) == .official)
        #expect(cal.specialDays(of: 2031).map(\.date.iso) == ["2031-01-01", "2031-01-04"])
        // Tết 2031 is not in this official list, so it is a working day.
        #expect(cal.isWorkingDay(d("2031-01-23")))
    }

    @Test func customWorkingHours() throws {
        let text = """
            {"format": "motcua-holidays", "version": 1, "workingTime": {"weekdays": ["mon","tue","wed","thu","fri","sat"],
             "sessions": [{"start": "07:00", "end": "11:00"}, {"start": "13:30", "end": "17:00"}], "sameDayCutoff": "16:00"}}
            """
        let config = try CalendarConfig.parse(text, file: "h.json")
        #expect(config.schedule.minutesPerDay == 450)
        #expect(config.schedule.workingWeekdays.contains(.saturday))
        let cal = config.makeCalendar()
        #expect(cal.due(DueRule(limit: .sameDay), receivedAt: t("2033-03-05 15:30")) == t("2033-03-05 17:00"))
        #expect(cal.due(DueRule(limit: .workingDays(1)), receivedAt: t("2033-03-04 12:00")) == t("2033-03-05 13:30"))
    }

    @Test(arguments: [
        (#"{"format": "x", "version": 1}"#, "format", "phải là \"motcua-holidays\""),
        (#"{"format": "motcua-holidays", "version": 2}"#, "version", "phiên bản 2 chưa được hỗ trợ"),
        (#"{"format": "motcua-holidays", "version": 1, "yeras": []}"#, "yeras", "trường không được hỗ trợ"),
        (
            #"{"format": "motcua-holidays", "version": 1, "years": [{"year": 2031, "status": "official", "source": "s", "daysOff": [{"date": "2031-02-30", "name": "x"}]}]}"#,
            "years[0].daysOff[0].date", "\"2031-02-30\" không phải ngày hợp lệ"
        ),
        (
            #"{"format": "motcua-holidays", "version": 1, "years": [{"year": 2031, "status": "official", "source": "s", "daysOff": [{"date": "2032-01-01", "name": "x"}]}]}"#,
            "years[0].daysOff[0].date", "không thuộc năm 2031"
        ),
        (
            #"{"format": "motcua-holidays", "version": 1, "years": [{"year": 2031, "status": "official", "source": "s", "daysOff": [{"date": "2031-01-01", "name": ""}]}]}"#,
            "years[0].daysOff[0].name", "không được để trống"
        ),
        (
            #"{"format": "motcua-holidays", "version": 1, "years": [{"year": 2031, "status": "official", "source": "s", "daysOff": [{"date": "2031-01-01", "name": "a", "kind": "party"}]}]}"#,
            "years[0].daysOff[0].kind", "phải là một trong"
        ),
        (
            #"{"format": "motcua-holidays", "version": 1, "years": [{"year": 2031, "status": "maybe"}]}"#,
            "years[0].status", "phải là"
        ),
        (
            #"{"format": "motcua-holidays", "version": 1, "years": [{"year": 2031, "status": "official", "source": "s", "daysOff": []}, {"year": 2031, "status": "default"}]}"#,
            "years[1].year", "hai lần"
        ),
        (
            #"{"format": "motcua-holidays", "version": 1, "workingTime": {"sessions": [{"start": "13:00", "end": "12:00"}]}}"#,
            "workingTime.sessions[0].end", "sau giờ bắt đầu"
        ),
        (
            #"{"format": "motcua-holidays", "version": 1, "workingTime": {"sessions": [{"start": "13:00", "end": "17:00"}, {"start": "07:30", "end": "11:30"}]}}"#,
            "workingTime", "chồng lên nhau"
        ),
        (
            #"{"format": "motcua-holidays", "version": 1, "workingTime": {"weekdays": ["monday"]}}"#,
            "workingTime.weekdays[0]", "không phải tên ngày"
        ),
        (
            #"{"format": "motcua-holidays", "version": 1, "workingTime": {"sameDayCutoff": "25:00"}}"#,
            "workingTime.sameDayCutoff", "không phải giờ hợp lệ"
        ),
        (#"{"format": "motcua-holidays"}"#, "version", "thiếu trường bắt buộc")
    ])
    func malformedConfigNamesTheField(_ text: String, _ field: String, _ reason: String) {
        do {
            _ = try CalendarConfig.parse(text, file: "/etc/motcua/holidays.json")
            Issue.record("accepted \(text)")
        } catch {
            #expect(error.file == "/etc/motcua/holidays.json")
            #expect(error.field == field)
            #expect(error.reason.contains(reason), "\(error.reason)")
        }
    }

    @Test func syntaxErrorNamesFileLineAndColumn() {
        do {
            _ = try CalendarConfig.parse("{\n  \"format\": \"motcua-holidays\",\n  \"version\": 1,,\n}", file: "h.json")
            Issue.record("accepted")
        } catch {
            #expect(error.description.hasPrefix("h.json: JSON sai cú pháp ở dòng 3, cột 16"))
        }
    }
}
