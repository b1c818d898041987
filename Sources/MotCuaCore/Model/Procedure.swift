/// How sure we are of a catalogue value (domain.md): read in the law, from the press, or not checked.
public enum Certainty: String, Sendable, CaseIterable {
    case law, press, unverified

    public var vietnameseName: String {
        switch self {
        case .law: "theo văn bản pháp luật"
        case .press: "theo cổng thông tin, báo chí"
        case .unverified: "chưa kiểm chứng"
        }
    }
}

/// The form in which a document is submitted (bản chính, bản sao…).
public enum DocumentForm: String, Sendable, CaseIterable {
    case original
    case copy
    case certifiedCopy = "certified_copy"
    /// Original shown for checking, not kept (xuất trình).
    case presentOriginal = "present_original"
    case originalOrCopy = "original_or_copy"

    public var vietnameseName: String {
        switch self {
        case .original: "Bản chính"
        case .copy: "Bản sao"
        case .certifiedCopy: "Bản sao chứng thực"
        case .presentOriginal: "Bản chính (xuất trình)"
        case .originalOrCopy: "Bản chính hoặc bản sao"
        }
    }
}

/// A document the procedure requires (thành phần hồ sơ).
public struct RequiredDocument: Hashable, Sendable {
    public var name: String
    public var form: DocumentForm
    public var quantity: Int
    public var isMandatory: Bool

    public init(name: String, form: DocumentForm, quantity: Int = 1, isMandatory: Bool = true) {
        self.name = name
        self.form = form
        self.quantity = quantity
        self.isMandatory = isMandatory
    }
}

/// A result the procedure produces (kết quả). A group procedure produces several.
public struct ResultDocument: Hashable, Sendable {
    public var name: String
    /// The body that produces it.
    public var bodyCode: String

    public init(name: String, bodyCode: String) {
        self.name = name
        self.bodyCode = bodyCode
    }
}

/// One step of a procedure's route: a body, its task, its time budget (liên thông).
public struct RouteStep: Hashable, Sendable {
    public var bodyCode: String
    public var task: String
    /// Working days or working hours.
    public var budget: TimeLimit
    /// The lead body (cơ quan chủ trì).
    public var isLead: Bool
    /// Indexes into the procedure's results that this step produces (empty: contributes to all).
    public var producesResults: [Int]

    public init(bodyCode: String, task: String, budget: TimeLimit, isLead: Bool = false, producesResults: [Int] = []) {
        self.bodyCode = bodyCode
        self.task = task
        self.budget = budget
        self.isLead = isLead
        self.producesResults = producesResults
    }
}

/// How the fee is computed (phí, lệ phí). Money is whole đồng.
public enum FeeRule: Hashable, Sendable {
    /// No fee.
    case free
    /// A fixed amount per case; `online` when submitting online costs less.
    case fixed(amount: Int, online: Int?)
    /// Per page: `firstPages` đ a page up to `reducedFromPage - 1`, then `laterPages` đ a page, at most `capPerCopy`
    /// đ per copy (e.g. certified copies: 2,000 đ, 1,000 đ from page 3, at most 200,000 đ).
    case perPage(firstPages: Int, reducedFromPage: Int, laterPages: Int, capPerCopy: Int)
    /// A fixed amount for each copy issued (e.g. extracts of civil-status records).
    case perCopy(amount: Int)
    /// Set by the province, not yet entered by the administrator: the officer types the amount.
    case setByProvince

    /// The fee for `copies` copies of `pages` pages each.
    public func amount(pages: Int = 1, copies: Int = 1, channel: Channel = .inPerson) -> Int? {
        switch self {
        case .free: return 0
        case let .fixed(amount, online): return channel == .online ? (online ?? amount) : amount
        case let .perCopy(amount): return amount * max(1, copies)
        case let .perPage(first, from, later, cap):
            guard pages >= 1, copies >= 1 else { return 0 }
            let fullRate = min(pages, from - 1)
            let perCopy = min(cap, fullRate * first + max(0, pages - fullRate) * later)
            return perCopy * copies
        case .setByProvince: return nil
        }
    }

    /// "10.000 đ", "2.000 đ/trang (từ trang 3: 1.000 đ/trang, tối đa 200.000 đ/bản)", "Miễn phí"…
    public var description: String {
        switch self {
        case .free: return "Không thu"
        case let .fixed(amount, online):
            if let online { return "\(Money.format(amount)) (nộp trực tuyến: \(Money.format(online)))" }
            return Money.format(amount)
        case let .perCopy(amount): return "\(Money.format(amount))/bản"
        case let .perPage(first, from, later, cap):
            return
                "\(Money.format(first))/trang (từ trang \(from): \(Money.format(later))/trang, tối đa \(Money.format(cap))/bản)"
        case .setByProvince: return "Theo quy định của tỉnh"
        }
    }
}

/// Money in whole đồng, written the Vietnamese way: "1.500.000 đ".
public enum Money {
    public static func format(_ amount: Int) -> String { "\(grouped(amount)) đ" }

    public static func grouped(_ amount: Int) -> String {
        let digits = Array(String(abs(amount)))
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out += "." }
            out.append(c)
        }
        return amount < 0 ? "-" + out : out
    }

    /// Parses "1.500.000", "1500000", "1.500.000 đ" → 1500000; nil when not whole đồng.
    public static func parse(_ text: String) -> Int? {
        var t = text.trimmingSpaces
        if t.hasSuffix("đ") { t = String(t.dropLast()).trimmingSpaces }
        let digits = t.filter { $0 != "." }
        guard !digits.isEmpty, digits.count <= 12, digits.allSatisfy(\.isASCII), let value = Int(digits), value >= 0
        else { return nil }
        return value
    }
}

/// One version of a procedure (thủ tục hành chính), effective from a date. A case keeps the version it was
/// received under, so changing the catalogue never changes old cases.
public struct ProcedureVersion: Hashable, Sendable {
    /// Code in the national database (e.g. `1.001193`), or a local code when it has none.
    public var code: String
    public var name: String
    /// Field (lĩnh vực): Hộ tịch, Chứng thực, Đất đai…
    public var field: String
    public var limit: TimeLimit
    /// Same-day cut-off (nil: the unit's, usually 15:00).
    public var cutoff: ClockTime?
    /// Working days added when verification is needed.
    public var extraVerificationDays: Int
    public var fee: FeeRule
    /// Reasons a fee may be waived (miễn phí), chosen at reception.
    public var feeExemptions: [String]
    public var documents: [RequiredDocument]
    public var results: [ResultDocument]
    /// True when the result is given on the spot (trả ngay).
    public var resultOnTheSpot: Bool
    public var route: [RouteStep]
    public var certainty: Certainty
    public var note: String
    public var effectiveFrom: CivilDate

    public init(
        code: String, name: String, field: String, limit: TimeLimit, cutoff: ClockTime? = nil,
        extraVerificationDays: Int = 0, fee: FeeRule = .free, feeExemptions: [String] = [],
        documents: [RequiredDocument] = [], results: [ResultDocument] = [], resultOnTheSpot: Bool = false,
        route: [RouteStep] = [], certainty: Certainty = .unverified, note: String = "",
        effectiveFrom: CivilDate
    ) {
        self.code = code
        self.name = name
        self.field = field
        self.limit = limit
        self.cutoff = cutoff
        self.extraVerificationDays = extraVerificationDays
        self.fee = fee
        self.feeExemptions = feeExemptions
        self.documents = documents
        self.results = results
        self.resultOnTheSpot = resultOnTheSpot
        self.route = route
        self.certainty = certainty
        self.note = note
        self.effectiveFrom = effectiveFrom
    }

    /// The due rule for a case under this version.
    public func dueRule(verificationNeeded: Bool) -> DueRule {
        DueRule(limit: limit, cutoff: cutoff, extraWorkingDays: verificationNeeded ? extraVerificationDays : 0)
    }

    /// How the appointment is counted, for the applicant (the guidance slip), in the words the receipt's
    /// explanation uses: the limit's own rule, what happens to a dossier brought after the cut-off or outside
    /// working hours, and the days added when verification is needed.
    public func countingRule(schedule: WorkSchedule) -> String {
        var text: String
        switch limit {
        case .sameDay:
            let cut = (cutoff ?? schedule.sameDayCutoff).text
            text =
                "Hồ sơ nộp trong ngày làm việc, không quá \(cut), được trả trong ngày, cuối giờ làm việc; nộp sau \(cut) hoặc vào ngày nghỉ thì trả vào cuối ngày làm việc tiếp theo."
        case .workingDays, .workingHours:
            text =
                DueReason.limit(limit).vietnamese
                + " Hồ sơ nộp ngoài giờ làm việc hoặc ngày nghỉ được tính từ đầu buổi làm việc tiếp theo."
        case .calendarDays:
            text = DueReason.limit(limit).vietnamese
        }
        if extraVerificationDays > 0 {
            text += " Trường hợp cần xác minh: cộng thêm \(extraVerificationDays) ngày làm việc."
        }
        return text
    }

    /// True for an inter-linked procedure (several bodies, or a group with several results).
    public var isInterlinked: Bool { Set(route.map(\.bodyCode)).count > 1 && results.count > 1 }

    /// The route for the chosen subset of results (all when `chosen` is nil): steps that produce none of
    /// the chosen results are dropped; steps producing no specific result are kept.
    public func route(forResults chosen: Set<Int>?) -> [RouteStep] {
        guard let chosen else { return route }
        return route.filter { $0.producesResults.isEmpty || $0.producesResults.contains(where: chosen.contains) }
    }

    /// Problems an administrator must see: a route whose budgets exceed the case's limit, steps naming
    /// unknown bodies, no lead body.
    public func routeProblems(knownBodies: Set<String>) -> [String] {
        var problems: [String] = []
        for step in route where !knownBodies.contains(step.bodyCode) {
            problems.append("Bước \"\(step.task)\" giao cho cơ quan không có trong danh mục: \(step.bodyCode)")
        }
        if !route.isEmpty && route.filter(\.isLead).count != 1 {
            problems.append("Quy trình phải có đúng một cơ quan chủ trì")
        }
        let budget = route.reduce(0) { $0 + $1.budget.workingMinutesEquivalent }
        let total = limit.workingMinutesEquivalent + extraVerificationDays * 480
        if budget > total {
            problems.append(
                "Tổng thời gian các bước (\(RemainingTime.durationText(minutes: budget))) vượt thời hạn giải quyết (\(limit))"
            )
        }
        return problems
    }
}

extension TimeLimit {
    /// The limit in working minutes for comparing budgets (same day = 1 day, calendar days as working days).
    public var workingMinutesEquivalent: Int {
        switch self {
        case .sameDay: 480
        case .workingDays(let n), .calendarDays(let n): n * 480
        case .workingHours(let h): h * 60
        }
    }
}

extension String {
    /// The string without leading and trailing white space.
    public var trimmingSpaces: String {
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s = s.dropFirst() }
        while let l = s.last, l.isWhitespace { s = s.dropLast() }
        return String(s)
    }
}
