import MotCuaCore
import MotCuaStore
import MotCuaSystem

/// The one message catalogue: every refusal, failure and outcome of the rule book in Vietnamese, the same
/// words on the screens and on the command line. Messages name cases by code and officers by account,
/// never a citizen.
public enum Messages {
    // MARK: Errors

    public static func text(_ error: DeskError) -> String {
        switch error {
        case .refused(let r): text(r)
        case .store(let e): e.description
        case .system(let e): e.description
        case .output(let e): e.description
        }
    }

    public static func text(_ r: Refusal) -> String {
        func step(_ k: Int) -> String { "bước \(k + 1)" }
        switch r {
        case .firstEventMustBeReception: return "Sự kiện đầu tiên của hồ sơ phải là tiếp nhận"
        case .emptyHistory: return "Hồ sơ không có sự kiện nào"
        case .alreadyReceived: return "Hồ sơ đã được tiếp nhận"
        case let .wrongState(action, status):
            return "Không thể \(verb(action)) khi hồ sơ ở trạng thái \"\(status.vietnameseName)\""
        case .noSuchStep(let k): return "Hồ sơ không có \(step(k))"
        case .stepAlreadyHandedOver(let k): return "\(cap(step(k))) đã được giao"
        case .previousStepNotDone(let k): return "Bước \(k) chưa hoàn thành nên chưa thể giao \(step(k))"
        case .stepNotHandedOver(let k): return "\(cap(step(k))) chưa được giao"
        case .stepAlreadyAcknowledged(let k): return "\(cap(step(k))) đã được xác nhận nhận hồ sơ"
        case .stepNotAcknowledged(let k): return "\(cap(step(k))) chưa được xác nhận nhận hồ sơ"
        case .stepAlreadyDone(let k): return "\(cap(step(k))) đã hoàn thành"
        case let .routeNotDone(k, body):
            return
                "Hồ sơ liên thông: \(step(k))\(body.isEmpty ? "" : " (\(body))") chưa hoàn thành nên chưa ghi nhận kết quả được; lãnh đạo có thể ghi nhận kèm lý do"
        case .resumeDueNotAfterResume: return "Hạn mới phải sau thời điểm nhận hồ sơ bổ sung"
        case .rescheduledAlready: return "Hồ sơ đã được hẹn lại một lần; chỉ được hẹn lại một lần"
        case let .newDueNotLater(newDue, appointment):
            return "Ngày hẹn mới (\(newDue.vietnamese)) phải sau ngày hẹn cũ (\(appointment.vietnamese))"
        case .newDueNotWorkingDay(let d): return "Ngày hẹn mới \(d.vietnamese) không phải ngày làm việc"
        case .alreadyEvaluated: return "Hồ sơ đã được đánh giá"
        case .appointmentLocked: return "Hồ sơ đã có kết quả hoặc đã kết thúc: không sửa ngày hẹn được"
        case .withdrawalAfterResult: return "Hồ sơ đã có kết quả (kể cả từ chối): người nộp không rút hồ sơ được nữa"
        case .emptyStepResult: return "Chưa nhập kết quả xử lý của bước: không lưu bước trống"
        case .mustSayWhetherTold: return "Trả kết quả trước ngày hẹn: cần ghi đã báo trước cho người nộp hay chưa"
        case let .stepWaiting(k, body, kind):
            switch kind {
            case .handedOver: return "Hồ sơ đang chờ giao \(step(k)) cho \(body)"
            case .acknowledged: return "\(cap(step(k))) (\(body)) đã được giao, đang chờ xác nhận nhận hồ sơ"
            default: return "\(cap(step(k))) (\(body)) chưa hoàn thành: chờ kết quả xử lý của bước"
            }
        case .routeFinished: return "Các bước đã xong: chờ ghi nhận kết quả về Bộ phận một cửa"
        case .notWaitingForSupplement: return "Hồ sơ không ở trạng thái chờ bổ sung"
        case .unchanged: return "Giá trị mới giống giá trị cũ: không có gì để sửa"
        case .procedureFixedAfterHandOver: return "Chỉ sửa thủ tục khi hồ sơ chưa được giao đi xử lý"
        case .noNextStep(let k): return "\(cap(step(k))) là bước cuối: không có cơ quan tiếp theo"
        case .noActiveOfficer(let u): return "Không có cán bộ \(u) đang hoạt động"
        case let .roleMayNot(role, action):
            return "\(role.vietnameseName) không được thực hiện việc \"\(action.vietnameseName)\""
        case .notOwnBody(let holder): return "Hồ sơ đang ở \(holder), không thuộc cơ quan của cán bộ"
        case .bodyRecordsItself(let body):
            return "\(body) là cơ quan trong xã: cán bộ của cơ quan đó tự xác nhận bằng tài khoản của mình"
        case .leaderOnly(let what):
            let task =
                switch what {
                case .reschedule: "Hẹn lại ngày trả"
                case .stop: "Dừng giải quyết"
                case .cancel: "Hủy hồ sơ"
                case .correctAppointment: "Sửa ngày hẹn trả (hạn giải quyết)"
                case .resultBeforeRoute: "Ghi nhận kết quả khi các bước liên thông chưa xong"
                case .backdating: "Ghi việc đã xảy ra quá một ngày làm việc"
                }
            return "\(task) cần lãnh đạo hoặc quản trị viên"
        case .administratorOnly: return "Chỉ quản trị viên làm được việc này"
        case .commandLineNotAllowed(let policy):
            return
                "Tài khoản dòng lệnh he-thong không được làm việc này (thiết lập cli_actions = \(policy.rawValue)): dùng --officer TÊN và mật khẩu"
        case .commandLineAccountFixed: return "Tài khoản he-thong là của dòng lệnh: không đặt mật khẩu, không khóa"
        case .cannotLockYourself: return "Không tự khóa tài khoản đang đăng nhập"
        case .lastAdministrator(let u):
            return "Không khóa được \(u): đây là tài khoản quản trị cuối cùng đăng nhập được"
        case .usernameTaken(let u): return "Tên đăng nhập \(u) đã có"
        case .wrongPassword: return "Tên đăng nhập hoặc mật khẩu không đúng"
        case .wrongCurrentPassword: return "Mật khẩu hiện tại không đúng"
        case .loginThrottled(let s): return "Sai mật khẩu nhiều lần: thử lại sau \(s) giây"
        case .accountLocked(let u):
            return
                "Tài khoản \(u) đang bị khóa (sai mật khẩu nhiều lần hoặc do quản trị viên): nhờ quản trị viên mở khóa"
        case .passwordRequired(let u):
            return "Cần mật khẩu của \(u) (gõ khi được hỏi, hoặc dòng đầu của stdin với --password-stdin)"
        case .timeInFuture(let t): return "Thời điểm \(t.vietnamese) ở tương lai: không ghi việc chưa xảy ra"
        case .yearOutOfRange(let y):
            return
                "Năm \(y) nằm ngoài khoảng lịch hỗ trợ \(CivilDate.supportedYears.lowerBound)–\(CivilDate.supportedYears.upperBound)"
        case let .timeBeforeLastEvent(t, last):
            return
                "Thời điểm \(t.vietnamese) trước việc đã ghi của hồ sơ (\(last.vietnamese)): ghi theo đúng thứ tự thời gian"
        case .lateReasonRequired(let t):
            return "\(t.vietnamese) đã qua hơn \(RecordingTime.lateEntryMinutes) phút: cần ghi lý do nhập sau"
        case .backdatingNeedsLeader(let t):
            return "\(t.vietnamese) đã qua hơn một ngày làm việc: lãnh đạo ghi nhận"
        case .receptionTimeReasonRequired:
            return "Thời điểm tiếp nhận khác thời điểm hiện tại: cần ghi lý do (--reason)"
        case let .invalidField(field, problem): return "\(fieldName(field)): \(problemText(problem))"
        case .missingCase(let code): return "Không có hồ sơ mã \(code)"
        case let .missingProcedure(code, date): return "Không có thủ tục mã \(code) có hiệu lực ngày \(date.vietnamese)"
        case .missingOfficer(let u): return "Không có cán bộ \(u)"
        case .missingSlip(let n): return "Không có phiếu số \(n)"
        case .missingBody(let code): return "Không có cơ quan trong xã mã \(code)"
        case .missingSetting(let key): return "Không có thiết lập \(key)"
        case let .invalidSetting(key, message): return "\(key): \(message)"
        case .documentUnavailable(let reason): return reason
        }
    }

    /// "giao hồ sơ", "nhận kết quả"…: what an event does, after "không thể".
    static func verb(_ kind: CaseEventKind) -> String {
        switch kind {
        case .received: "tiếp nhận"
        case .supplementRequested: "yêu cầu bổ sung"
        case .supplementReceived: "nhận hồ sơ bổ sung"
        case .refused: "từ chối giải quyết"
        case .handedOver: "giao hồ sơ"
        case .acknowledged: "xác nhận nhận hồ sơ"
        case .stepDone: "ghi nhận hoàn thành bước"
        case .resultReceived: "nhận kết quả"
        case .rescheduled: "hẹn lại ngày trả"
        case .returned: "trả kết quả"
        case .evaluated: "ghi nhận đánh giá"
        case .withdrawn: "rút hồ sơ"
        case .stopped: "dừng giải quyết"
        case .cancelled: "hủy hồ sơ"
        case .corrected: "sửa thông tin"
        case .printed: "in phiếu"
        }
    }

    static func cap(_ s: String) -> String { s.prefix(1).uppercased() + s.dropFirst() }

    public static func fieldName(_ f: InputField) -> String {
        switch f {
        case .applicantName: "Họ tên người nộp"
        case .applicantIDNumber: "Số giấy tờ tùy thân"
        case .applicantIDKind: "Loại giấy tờ"
        case .applicantBirthDate: "Ngày sinh"
        case .applicantPhone: "Số điện thoại"
        case .applicantEmail: "Thư điện tử"
        case .applicantAddress: "Địa chỉ"
        case .representativeName: "Người đại diện"
        case .representativeIDNumber: "Số giấy tờ của người đại diện"
        case .organisationName: "Tên tổ chức"
        case .collectAddress: "Địa chỉ nhận kết quả"
        case .sets: "Số bộ hồ sơ"
        case .fee: "Lệ phí"
        case .feeExemption: "Lý do miễn, giảm phí"
        case .feeReceiptNumber: "Số biên lai"
        case .note: "Ghi chú"
        case .documentName: "Tên giấy tờ"
        case .documentQuantity: "Số lượng giấy tờ"
        case .reason: "Lý do"
        case .lateReason: "Lý do nhập sau"
        case .receptionReason: "Lý do đổi thời điểm tiếp nhận"
        case .item: "Nội dung cần bổ sung"
        case .stepNote: "Kết quả xử lý của bước"
        case .slipNumber: "Số phiếu chuyển"
        case .receiptNumber: "Số biên nhận"
        case .resultNumber: "Số văn bản kết quả"
        case .resultDate: "Ngày văn bản kết quả"
        case .postalReceipt: "Số biên nhận bưu chính"
        case .applicantToldEarly: "Đã báo trả sớm"
        case .newDue: "Ngày hẹn"
        case .chosenResults: "Kết quả đề nghị"
        case .procedure: "Thủ tục"
        case .receivedAt: "Thời điểm tiếp nhận"
        case .at: "Thời điểm"
        case .username: "Tên đăng nhập"
        case .fullName: "Họ tên cán bộ"
        case .password: "Mật khẩu"
        case .unitName: "Tên đơn vị"
        case .governingBody: "Cơ quan chủ quản"
        case .counterName: "Tên bộ phận một cửa"
        case .unitCode: "Mã định danh đơn vị"
        case .province: "Tỉnh"
        case .placeName: "Địa danh"
        case .unitAddress: "Địa chỉ đơn vị"
        case .unitPhone: "Điện thoại đơn vị"
        case .holidayName: "Tên ngày nghỉ"
        case .procedureName: "Tên thủ tục"
        case .procedureCode: "Mã thủ tục"
        case .bodyName: "Tên cơ quan"
        case .bodyCode: "Cơ quan"
        case .settingValue: "Giá trị thiết lập"
        case .scores: "Điểm đánh giá"
        case .satisfaction: "Mức hài lòng"
        case .period: "Kỳ báo cáo"
        case .caseCode: "Mã hồ sơ"
        case .csvColumn: "Cột"
        }
    }

    public static func problemText(_ p: FieldProblem) -> String {
        switch p {
        case .empty: "chưa nhập"
        case .tooLong(let max): "quá dài (tối đa \(Money.grouped(max)) ký tự)"
        case .tooShort(let min): "quá ngắn (ít nhất \(min) ký tự)"
        case .controlCharacters: "có ký tự điều khiển (Esc, Tab lạ, NUL…): hãy gõ lại"
        case .directionMarks: "có ký tự ẩn đổi chiều viết chữ (thường do dán từ nơi khác): hãy gõ lại"
        case .invalidText: "không phải văn bản UTF-8 hợp lệ"
        case .outOfRange(let r): "phải từ \(Money.grouped(r.lowerBound)) đến \(Money.grouped(r.upperBound))"
        case .inFuture: "ở tương lai"
        case .shape(let shape): shapeText(shape)
        }
    }

    static func shapeText(_ s: ValueShape) -> String {
        switch s {
        case .idNumber(.citizenCard): "số căn cước phải có đúng 12 chữ số"
        case .idNumber(.identityCard): "số CMND phải có đúng 9 chữ số"
        case .idNumber(.passport): "số hộ chiếu gồm 6–12 chữ in hoa và chữ số"
        case .idNumber(.taxCode): "mã số thuế gồm 10 chữ số (chi nhánh: 10 chữ số, dấu gạch, 3 chữ số)"
        case .idNumber(.other): "số giấy tờ tối đa 30 ký tự"
        case .idKindNeeded:
            "phải là căn cước 12 chữ số hoặc CMND 9 chữ số; giấy tờ khác (hộ chiếu…) thì chọn loại giấy tờ"
        case .phone: "không đúng dạng (di động 10 số bắt đầu 03, 05, 07, 08, 09; cố định 11 số bắt đầu 02)"
        case .email: "không đúng dạng địa chỉ thư điện tử"
        case .date: "không phải ngày có thật (dd/mm/yyyy, năm từ 1900)"
        case .dateTime: "không phải thời điểm có thật dạng YYYY-MM-DD HH:MM"
        case .wholeNumber: "phải là số nguyên"
        case .money: "phải là số tiền (đồng)"
        case .username: "gồm 2–32 chữ thường không dấu, chữ số, dấu chấm, gạch ngang hoặc gạch dưới, bắt đầu bằng chữ"
        case .unitCode: "chỉ gồm chữ in hoa, chữ số và dấu chấm (ví dụ 000.00.15.H42)"
        }
    }

    // MARK: Outcomes

    /// What an action did, in one sentence.
    public static func text(_ outcome: ActionOutcome) -> String {
        text(outcome.done) + (outcome.lateEntry ? " (nhập sau, đã ghi lý do)" : "")
    }

    public static func text(_ done: ActionDone) -> String {
        func verdict(_ p: Punctuality?) -> String { p?.vietnameseName.lowercased() ?? "" }
        switch done {
        case let .handedOver(k, body, due): return "Đã giao bước \(k + 1) cho \(body); hạn của bước: \(due.vietnamese)"
        case let .acknowledged(k, body): return "\(body) đã nhận hồ sơ (bước \(k + 1))"
        case let .stepDone(k, body, v, next):
            var s = "\(body) đã xử lý xong bước \(k + 1): \(verdict(v))"
            if let next { s += "; đã giao bước \(next.step + 1) cho \(next.bodyName), hạn \(next.due.vietnamese)" }
            return s
        case let .resultReceived(number, v, overridden):
            return
                "Đã nhận kết quả số \(number): \(verdict(v))\(overridden ? " (lãnh đạo ghi nhận khi quy trình chưa xong)" : "")"
        case .returned(let v): return "Đã trả kết quả: \(verdict(v))"
        case .evaluated: return "Đã ghi đánh giá của người nộp"
        case let .supplementRequested(round, late):
            return
                "Đã ghi yêu cầu bổ sung (lần \(round)); thời hạn tạm dừng\(late ? ". Lưu ý: quá 3 ngày làm việc kể từ khi tiếp nhận mới yêu cầu bổ sung" : "")"
        case .resumed(let due): return "Đã nhận đủ hồ sơ bổ sung; hạn mới: \(due.vietnameseAppointment)"
        case let .refused(late, due):
            return late ? "Đã ghi từ chối giải quyết — SAU THỜI HẠN (\(due.vietnamese))" : "Đã ghi từ chối giải quyết"
        case let .rescheduled(due, late):
            return
                "Đã hẹn lại: \(due.vietnameseAppointment)\(late ? ". Xin lỗi muộn: gửi khi còn chưa đến một ngày làm việc trước hạn" : "")"
        case .withdrawn: return "Đã ghi người nộp rút hồ sơ"
        case .stopped: return "Đã dừng giải quyết hồ sơ"
        case .cancelled: return "Đã hủy hồ sơ"
        }
    }

    /// A print's outcome, failure first: "Chưa in được: …. Đã lưu bản sao: documents/…". `path` is the saved
    /// copy as the reader finds it (the screens show it relative to the data folder that F1 names; the
    /// command line, absolute).
    public static func text(_ result: PrintResult, path: String? = nil) -> String {
        let copy = path ?? result.path
        let shared =
            result.sharedPath.map { "; bản cho quầy: \($0)" }
            ?? result.shareProblem.map { "; không lưu được bản cho quầy: \($0)" } ?? ""
        switch result.outcome {
        case nil: return "Đã lưu \(copy)\(shared)"
        case .printed(let job, _)?:
            return "Đã gửi lệnh in\(job.isEmpty ? "" : " (\(job))"); bản sao: \(copy)\(shared)"
        case .noSpooler?:
            return
                "Chưa in được: máy này chưa có chương trình in (lp, gói cups-client). Đã lưu bản sao: \(copy)\(shared)"
        case .failed(let reason)?:
            // The spooler's own message often ends with a full stop already ("No default destination.").
            let said = reason.hasSuffix(".") ? String(reason.dropLast()) : reason
            return "Chưa in được: \(said). Đã lưu bản sao: \(copy)\(shared)"
        }
    }

    /// A verified backup: the new file's name first (a long folder is what a status line may cut), its size,
    /// its cases, and the history's link it ends at (to write down: `check` finds it again).
    public static func text(_ backup: BackupRecord, removedOld: Int = 0) -> String {
        var text =
            "Đã sao lưu \(FileSystem.baseName(backup.path)) (\(Money.grouped(backup.bytes / 1024)) KiB, \(backup.cases) hồ sơ, đã kiểm tra toàn vẹn)"
        if removedOld > 0 { text += "; đã xoá \(removedOld) bản cũ" }
        if let hash = backup.chainHash, let number = backup.chainNumber {
            text += "; lịch sử đến mắt xích số \(number), mã \(hash.prefix(16))"
        }
        return text + " vào thư mục \(FileSystem.directoryName(backup.path))"
    }
}
