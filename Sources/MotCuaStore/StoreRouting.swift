import MotCuaCore
import MotCuaSystem

/// A step of a case's route seen from the body that holds it (Theo phòng ban).
public struct BodyQueueItem: Hashable, Sendable {
    public enum Stage: String, Sendable {
        /// The previous step is done (or none): waiting for the dossier to be handed to this body.
        case toHandOver = "to_hand_over"
        /// Handed over, not yet acknowledged by the body.
        case handedOver = "handed_over"
        /// Acknowledged: the body is processing.
        case processing
    }

    public let summary: CaseSummary
    public let step: Int
    public let bodyCode: String
    public let task: String
    public let stage: Stage
    /// The step's deadline once handed over.
    public let stepDue: LocalDateTime?
}

/// How many cases each body holds.
public struct BodyLoad: Hashable, Sendable {
    public let body: Body
    /// Waiting to be handed to this body.
    public let toHandOver: Int
    /// With this body (handed over or being processed).
    public let holding: Int
    /// With this body past the step's deadline.
    public let overdue: Int
}

/// Cases needing the counter's attention on the home screen.
public struct Attention: Hashable, Sendable {
    /// Not handed over although the counter's hand-over deadline has passed (the 15:00 rule).
    public var handOverLate: Set<String> = []
    /// One working day or less before the appointment without a result, not rescheduled yet: the apology
    /// with a new date (Mẫu 04) must go out.
    public var apologyDue: Set<String> = []

    public init(handOverLate: Set<String> = [], apologyDue: Set<String> = []) {
        self.handOverLate = handOverLate
        self.apologyDue = apologyDue
    }
}

extension Store {
    /// Hands the dossier to the body of `step` (default: the next step of the route) and records that step's
    /// deadline, computed from the hand-over instant.
    @discardableResult
    public func handOver(caseCode: String, step: Int? = nil, slipNumber: String? = nil, at: LocalDateTime, officer: String,
                         calendar: WorkingCalendar, recordedAt: Int64 = SystemClock.unixSeconds()) throws(StoreError) -> CaseState {
        let c = try existing(caseCode)
        let k: Int
        if let step {
            k = step
        } else {
            switch Routing.next(c.state) {
            case .handOver(let next): k = next
            case .acknowledge(let s): throw .refused("Bước \(s + 1) (\(c.steps[s].bodyName)) đã được giao, đang chờ xác nhận nhận hồ sơ")
            case .finish(let s): throw .refused("Bước \(s + 1) (\(c.steps[s].bodyName)) chưa hoàn thành nên chưa giao tiếp được")
            case .receiveResult: throw .refused("Các bước đã xong: chờ ghi nhận kết quả")
            case .none: throw .refused("Không thể giao hồ sơ khi ở trạng thái \"\(c.state.status.vietnameseName)\"")
            }
        }
        guard c.steps.indices.contains(k) else { throw .invalid("Hồ sơ không có bước \(k + 1)") }
        let due = Routing.stepDue(budget: c.steps[k].budget, handedOverAt: at, calendar: calendar)
        let slip = slipNumber.map(VietnameseText.normalizedField).flatMap { $0.isEmpty ? nil : $0 }
        return try self.record(.handedOver(step: k, stepDue: due, slipNumber: slip), caseCode: c.code, at: at, officer: officer,
                          bodyCode: c.steps[k].bodyCode, recordedAt: recordedAt)
    }

    /// Records that the body of `step` (default: the step handed over and not acknowledged) received the dossier.
    @discardableResult
    public func acknowledge(caseCode: String, step: Int? = nil, receiptNumber: String? = nil, at: LocalDateTime, officer: String,
                            recordedAt: Int64 = SystemClock.unixSeconds()) throws(StoreError) -> CaseState {
        let c = try existing(caseCode)
        let k: Int
        if let step { k = step } else {
            guard case .acknowledge(let next) = Routing.next(c.state) else {
                throw .refused("Không có bước nào đang chờ xác nhận nhận hồ sơ")
            }
            k = next
        }
        guard c.steps.indices.contains(k) else { throw .invalid("Hồ sơ không có bước \(k + 1)") }
        let receipt = receiptNumber.map(VietnameseText.normalizedField).flatMap { $0.isEmpty ? nil : $0 }
        return try self.record(.acknowledged(step: k, receiptNumber: receipt), caseCode: c.code, at: at, officer: officer,
                          bodyCode: c.steps[k].bodyCode, recordedAt: recordedAt)
    }

    /// Records that the body of `step` (default: the step being processed) finished its task.
    @discardableResult
    public func finishStep(caseCode: String, step: Int? = nil, note: String = "", at: LocalDateTime, officer: String,
                           recordedAt: Int64 = SystemClock.unixSeconds()) throws(StoreError) -> CaseState {
        let c = try existing(caseCode)
        let k: Int
        if let step { k = step } else {
            guard case .finish(let next) = Routing.next(c.state) else {
                throw .refused("Không có bước nào đang xử lý")
            }
            k = next
        }
        guard c.steps.indices.contains(k) else { throw .invalid("Hồ sơ không có bước \(k + 1)") }
        return try self.record(.stepDone(step: k, note: VietnameseText.normalizedField(note)), caseCode: c.code, at: at,
                          officer: officer, bodyCode: c.steps[k].bodyCode, recordedAt: recordedAt)
    }

    /// Records that the body of `step` finished and hands the dossier to the next body at the same instant,
    /// in one transaction (both or neither).
    @discardableResult
    public func finishAndHandOver(caseCode: String, step: Int, note: String = "", slipNumber: String? = nil, at: LocalDateTime,
                                  officer username: String, calendar: WorkingCalendar,
                                  recordedAt: Int64 = SystemClock.unixSeconds()) throws(StoreError) -> CaseState {
        let c = try existing(caseCode)
        guard c.steps.indices.contains(step + 1) else { throw .invalid("Bước \(step + 1) là bước cuối: không có cơ quan tiếp theo") }
        let (finisher, caseID) = try actor(username, .stepDone, c.code)
        let (giver, _) = try actor(username, .handedOver, c.code)
        let due = Routing.stepDue(budget: c.steps[step + 1].budget, handedOverAt: at, calendar: calendar)
        let slip = slipNumber.map(VietnameseText.normalizedField).flatMap { $0.isEmpty ? nil : $0 }
        return try write {
            _ = try appendEvent(.stepDone(step: step, note: VietnameseText.normalizedField(note)), caseID: caseID, at: at,
                                officer: finisher, bodyCode: c.steps[step].bodyCode, recordedAt: recordedAt)
            return try appendEvent(.handedOver(step: step + 1, stepDue: due, slipNumber: slip), caseID: caseID, at: at,
                                   officer: giver, bodyCode: c.steps[step + 1].bodyCode, recordedAt: recordedAt)
        }
    }

    /// The result reached the counter (document number and date). When the last body's step is still open,
    /// the result's arrival closes it too — recorded by the counter even for a commune office, since the
    /// result in hand shows the step is done — in the same transaction.
    @discardableResult
    public func receiveResult(caseCode: String, documentNumber: String, documentDate: CivilDate?, at: LocalDateTime,
                              officer username: String, recordedAt: Int64 = SystemClock.unixSeconds()) throws(StoreError) -> CaseState {
        let c = try existing(caseCode)
        let (officer, caseID) = try actor(username, .resultReceived, c.code)
        return try write {
            if case .finish(let k) = Routing.next(c.state), k == c.steps.count - 1 {
                guard CaseEventKind.stepDone.allowedRoles.contains(officer.role) else {
                    throw StoreError.refused("Cán bộ \(officer.fullName) không được ghi nhận hoàn thành bước")
                }
                _ = try appendEvent(.stepDone(step: k, note: "Kết quả về Bộ phận một cửa"), caseID: caseID, at: at, officer: officer,
                                    bodyCode: c.steps[k].bodyCode, recordedAt: recordedAt, checkingBody: officer.role != .deskOfficer)
            }
            return try appendEvent(.resultReceived(documentNumber: VietnameseText.normalizedField(documentNumber), documentDate: documentDate),
                                   caseID: caseID, at: at, officer: officer, bodyCode: nil, recordedAt: recordedAt)
        }
    }

    /// A procedure whose result is given on the spot: the result and its return recorded together.
    @discardableResult
    public func returnOnTheSpot(caseCode: String, at: LocalDateTime, officer username: String,
                                recordedAt: Int64 = SystemClock.unixSeconds()) throws(StoreError) -> CaseState {
        let c = try existing(caseCode)
        let (officer, caseID) = try actor(username, .resultReceived, c.code)
        let (returner, _) = try actor(username, .returned, c.code)
        return try write {
            _ = try appendEvent(.resultReceived(documentNumber: "Trả ngay", documentDate: at.date), caseID: caseID, at: at, officer: officer,
                                bodyCode: nil, recordedAt: recordedAt)
            return try appendEvent(.returned(method: .counter, postalReceipt: nil, applicantToldEarly: false), caseID: caseID, at: at,
                                   officer: returner, bodyCode: nil, recordedAt: recordedAt)
        }
    }

    /// The complete dossier came back after a supplement request: the deadline restarts (or shifts, by the
    /// policy), and so does the deadline of the step being processed.
    @discardableResult
    public func resumeAfterSupplement(caseCode: String, at: LocalDateTime, officer: String, calendar: WorkingCalendar,
                                      policy: ResumePolicy, recordedAt: Int64 = SystemClock.unixSeconds()) throws(StoreError) -> CaseState {
        let c = try existing(caseCode)
        guard c.state.status == .waitingSupplement else {
            throw .refused("Hồ sơ không ở trạng thái chờ bổ sung")
        }
        let rule = c.procedure.dueRule(verificationNeeded: c.verificationNeeded)
        let budget = c.state.currentStep.map { c.steps[$0].budget }
        let (caseDue, stepDue) = Routing.resume(c.state, caseRule: rule, stepBudget: budget, resumedAt: at, policy: policy,
                                                calendar: calendar)
        return try self.record(.supplementReceived(newDue: caseDue, stepDue: stepDue), caseCode: c.code, at: at, officer: officer,
                          recordedAt: recordedAt)
    }

    /// The resume policy in force (setting `resume_policy`, the law's restart by default).
    public func resumePolicy() throws(StoreError) -> ResumePolicy {
        ResumePolicy(rawValue: try setting("resume_policy") ?? "") ?? .restartFromZero
    }

    func existing(_ code: String) throws(StoreError) -> CaseRecord {
        guard let record = try caseRecord(code: code.trimmingSpaces) else { throw .missing("Không có hồ sơ mã \(code)") }
        return record
    }

    // MARK: By body

    /// Each active body with what it holds and what waits to be handed to it.
    public func bodyLoads(now: LocalDateTime) throws(StoreError) -> [BodyLoad] {
        let items = try bodyQueue(bodyCode: nil)
        return try bodies(includeInactive: false).filter { $0.kind != .counter }.map { body in
            let mine = items.filter { $0.bodyCode == body.code }
            let holding = mine.filter { $0.stage != .toHandOver }
            return BodyLoad(body: body, toHandOver: mine.count - holding.count, holding: holding.count,
                            overdue: holding.filter { ($0.stepDue.map { $0 < now }) ?? false }.count)
        }
    }

    /// The open steps of one body (or of all when nil): handed over or being processed, and those waiting to
    /// be handed over to it; by step deadline, then by appointment.
    public func bodyQueue(bodyCode: String?) throws(StoreError) -> [BodyQueueItem] {
        try storeCall {
            try db.rows("""
                SELECT c.id, c.code, c.applicant_name, v.name, c.status, c.appointment_at, c.received_at,
                       s.position, b.code, r.task, s.handed_over_at, s.acknowledged_at, s.step_due_at
                FROM case_steps s
                JOIN cases c ON c.id = s.case_id
                JOIN bodies b ON b.id = s.body_id
                JOIN procedure_versions v ON v.id = c.procedure_version_id
                JOIN route_steps r ON r.version_id = c.procedure_version_id AND r.position = s.route_position
                LEFT JOIN case_steps p ON p.case_id = s.case_id AND p.position = s.position - 1
                WHERE c.status IN ('received', 'in_progress') AND s.done_at IS NULL
                  AND (s.handed_over_at IS NOT NULL OR s.position = 0 OR p.done_at IS NOT NULL)
                  AND (? IS NULL OR b.code = ?)
                ORDER BY s.step_due_at IS NULL, s.step_due_at, c.appointment_at
                """, [bodyCode, bodyCode]) { r in
                let summary = CaseSummary(id: r.int64(0), code: r.text(1), applicantName: r.text(2), procedureName: r.text(3),
                                          status: CaseStatus(rawValue: r.text(4)) ?? .received,
                                          appointment: LocalDateTime(minutes: r.int(5)), receivedAt: LocalDateTime(minutes: r.int(6)))
                let stage: BodyQueueItem.Stage = r.optionalInt(10) == nil ? .toHandOver : (r.optionalInt(11) == nil ? .handedOver : .processing)
                return BodyQueueItem(summary: summary, step: r.int(7), bodyCode: r.text(8), task: r.text(9), stage: stage,
                                     stepDue: r.optionalInt(12).map(LocalDateTime.init(minutes:)))
            }
        }
    }

    // MARK: Attention

    /// The cases the home screen flags: not handed over in time, and those needing an apology. Reads open
    /// cases only (a few thousand at most), so it does not grow with the years of closed ones.
    public func attention(now: LocalDateTime, calendar: WorkingCalendar) throws(StoreError) -> Attention {
        try storeCall {
            var result = Attention()
            // Only cases due within one working day from now can need an apology: the index finds them, and
            // only those are measured in working time (the home screen refreshes this every 30 s).
            let horizon = calendar.addingWorkingMinutes(calendar.schedule.minutesPerDay, to: now)
            _ = try db.rows("""
                SELECT code, status, received_at, appointment_at, reschedule_count, result_at IS NOT NULL
                FROM cases WHERE status IN ('received', 'in_progress') AND (status = 'received' OR appointment_at <= ?)
                """, [horizon.minutes]) { r -> Void in
                let code = r.text(0)
                let status = CaseStatus(rawValue: r.text(1)) ?? .received
                let received = LocalDateTime(minutes: r.int(2))
                let appointment = LocalDateTime(minutes: r.int(3))
                if status == .received && Routing.isHandOverLate(receivedAt: received, now: now, calendar: calendar) {
                    result.handOverLate.insert(code)
                }
                if r.int(4) == 0 && !r.bool(5) && appointment <= horizon
                    && (appointment <= now || calendar.workingMinutes(from: now, to: appointment) <= calendar.schedule.minutesPerDay) {
                    result.apologyDue.insert(code)
                }
            }
            return result
        }
    }
}
