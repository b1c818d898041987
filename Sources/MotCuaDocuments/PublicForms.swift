import MotCuaCore

/// What the counter publishes for citizens rather than for a case: the wall sheet of the catalogue with a
/// QR code per procedure ("công khai thủ tục hành chính bằng mã QR"), and the one-page guidance slip of one
/// procedure given to a citizen who asks what to bring.
public enum PublicForms {
    /// National procedure codes ("1.004873") have a page in the national database; the commune's local
    /// codes ("XA.CT.02") do not.
    public static func hasNationalPage(_ code: String) -> Bool {
        code.first?.isNumber == true
    }

    /// The address of a procedure's page from the template (`procedure_lookup_url`), nil for a local code or
    /// without a template.
    public static func pageAddress(_ code: String, template: String) -> String? {
        guard hasNationalPage(code), !template.isEmpty else { return nil }
        return template.replacing("{code}", with: code)
    }

    static func publicHeader(_ ctx: PrintContext, date: CivilDate) -> [DocumentBlock] {
        [
            .header(
                left: [ctx.unit.governingBody.uppercased(), ctx.unit.counterName.uppercased(), "──────────"],
                right: ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "───────────────"]),
            .line(FormalDate.placeAndDate(ctx.unit.placeName, date), .right),
            .space(1)
        ]
    }

    /// The wall sheet: every procedure of the catalogue by field, with its code, time limit and fee, and the
    /// QR code of its page in the national database.
    public static func catalogueSheet(
        _ procedures: [ProcedureVersion], _ ctx: PrintContext, template: String, date: CivilDate
    ) -> Document {
        var b = publicHeader(ctx, date: date)
        b.append(
            .title(
                "CÔNG KHAI THỦ TỤC HÀNH CHÍNH",
                subtitle: [
                    "giải quyết tại \(ReceptionForms.sentenceCase(ctx.unit.counterName).lowercased())",
                    "Quét mã QR bằng điện thoại để xem đầy đủ thủ tục trên Cơ sở dữ liệu quốc gia về thủ tục hành chính"
                ]))
        let fields = procedures.map(\.field).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        var n = 0
        for field in fields {
            b.append(.space(1))
            b.append(.line("LĨNH VỰC \(field.uppercased())", .left))
            for p in procedures where p.field == field {
                n += 1
                if let address = pageAddress(p.code, template: template) {
                    b.append(.qrCode(payload: address, caption: p.code))
                }
                b.append(.listItem(number: n, text: p.name))
                b.append(.field(label: "Mã thủ tục", value: hasNationalPage(p.code) ? p.code : "\(p.code) (mã của xã)"))
                b.append(.field(label: "Thời hạn giải quyết", value: p.limit.description))
                b.append(.field(label: "Lệ phí", value: p.fee.description))
                b.append(.space(1))
            }
        }
        return Document(kind: "cong-khai-thu-tuc", caption: "Công khai thủ tục hành chính", pageSize: .a4, blocks: b)
    }

    /// The guidance slip of a procedure (one page): what to bring, the fee, the time limit, where and when
    /// to submit and collect, and the QR code of its national page.
    public static func guide(
        _ p: ProcedureVersion, _ ctx: PrintContext, schedule: WorkSchedule, template: String, date: CivilDate
    ) -> Document {
        var b = publicHeader(ctx, date: date)
        b.append(.title("HƯỚNG DẪN THỰC HIỆN THỦ TỤC HÀNH CHÍNH", subtitle: [p.name]))
        if let address = pageAddress(p.code, template: template) {
            b.append(.qrCode(payload: address, caption: p.code))
        }
        b.append(.field(label: "Mã thủ tục", value: p.code))
        b.append(.field(label: "Lĩnh vực", value: p.field))
        b.append(.space(1))
        b.append(.line("Thành phần hồ sơ:", .left))
        for (i, d) in p.documents.enumerated() {
            b.append(
                .listItem(
                    number: i + 1,
                    text:
                        "\(d.name) (\(d.form.vietnameseName.lowercased()), \(d.quantity) bản)\(d.isMandatory ? "" : " — nếu có")"
                ))
        }
        b.append(.space(1))
        b.append(.field(label: "Thời hạn giải quyết", value: p.limit.description))
        b.append(.field(label: "Lệ phí", value: p.fee.description))
        if !p.feeExemptions.isEmpty {
            b.append(.field(label: "Miễn lệ phí", value: p.feeExemptions.joined(separator: "; ")))
        }
        if !p.results.isEmpty {
            b.append(.field(label: "Kết quả", value: p.results.map(\.name).joined(separator: "; ")))
        }
        var place = ReceptionForms.sentenceCase(ctx.unit.counterName)
        if !ctx.unit.address.isEmpty { place += ", \(ctx.unit.address)" }
        if !ctx.unit.phone.isEmpty { place += "; điện thoại \(ctx.unit.phone)" }
        b.append(.field(label: "Nơi nộp hồ sơ và nhận kết quả", value: place))
        b.append(.field(label: "Thời gian làm việc", value: workingHours(schedule)))
        b.append(.space(1))
        b.append(
            .paragraph(
                p.countingRule(schedule: schedule)
                    + " Ngày hẹn trả được ghi trên giấy tiếp nhận hồ sơ và hẹn trả kết quả."
            ))
        return Document(kind: "huong-dan-\(p.code)", caption: "Hướng dẫn thủ tục \(p.code)", pageSize: .a5, blocks: b)
    }

    /// "Thứ Hai đến thứ Sáu: 07:30–11:30, 13:00–17:00".
    static func workingHours(_ s: WorkSchedule) -> String {
        let days = Weekday.allCases.filter { s.workingWeekdays.contains($0) }
        let names = days.map(\.vietnameseName)
        let dayText: String
        if days.count > 2, let first = names.first, let last = names.last,
            Weekday.allCases.firstIndex(of: days.last!)! - Weekday.allCases.firstIndex(of: days.first!)! == days.count
                - 1
        {
            dayText = "\(first.prefix(1).uppercased() + first.dropFirst()) đến \(last)"
        } else {
            dayText = names.joined(separator: ", ")
        }
        return "\(dayText): " + s.sessions.map { "\($0.start.text)–\($0.end.text)" }.joined(separator: ", ")
    }
}
