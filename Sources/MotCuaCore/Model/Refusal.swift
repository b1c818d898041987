/// Why the rules refuse something, with the data its message needs. One type for the whole rule book:
/// the lifecycle, the roles, the time rules, the input rules and the accounts. Turned into Vietnamese once,
/// by the message catalogue of the application layer; tests compare these cases, never the text.
public enum Refusal: Error, Hashable, Sendable {
    // MARK: The lifecycle (states and order)

    /// The first event of a case must be its reception.
    case firstEventMustBeReception
    case emptyHistory
    case alreadyReceived
    /// `action` cannot happen while the case is in `status`.
    case wrongState(action: CaseEventKind, status: CaseStatus)
    case noSuchStep(Int)
    case stepAlreadyHandedOver(Int)
    /// Step `step` cannot start before the one before it is done.
    case previousStepNotDone(step: Int)
    case stepNotHandedOver(Int)
    case stepAlreadyAcknowledged(Int)
    case stepNotAcknowledged(Int)
    case stepAlreadyDone(Int)
    /// A result on a case whose route is not done (step `openStep` is still open).
    case routeNotDone(openStep: Int, bodyName: String)
    case resumeDueNotAfterResume
    case rescheduledAlready
    case newDueNotLater(newDue: LocalDateTime, appointment: LocalDateTime)
    case newDueNotWorkingDay(CivilDate)
    case alreadyEvaluated
    /// The legal deadline cannot be corrected once there is a result or the case is closed.
    case appointmentLocked
    /// A withdrawal after a result (a refusal included).
    case withdrawalAfterResult
    /// A step result with nothing in it.
    case emptyStepResult
    /// An early return must say whether the applicant was told.
    case mustSayWhetherTold
    /// The route waits for something else first: step `step` (with `bodyName`) waits for `for`.
    case stepWaiting(step: Int, bodyName: String, for: CaseEventKind)
    /// Every step is done: the result is awaited at the counter.
    case routeFinished
    /// The case is not waiting for a supplement.
    case notWaitingForSupplement
    /// A correction that changes nothing.
    case unchanged
    /// The procedure can be changed only before the hand-over.
    case procedureFixedAfterHandOver
    /// The last step: there is no next body to hand the dossier to.
    case noNextStep(step: Int)

    // MARK: Who may do it

    case noActiveOfficer(username: String)
    /// `role` may not record `action`.
    case roleMayNot(role: Role, action: CaseEventKind)
    /// The dossier is with `holder`, not with the officer's own body.
    case notOwnBody(holder: String)
    /// An office of the commune records its own receipts and results, with its own accounts.
    case bodyRecordsItself(bodyName: String)
    /// Only a leader or an administrator may do this.
    case leaderOnly(LeaderAction)
    case administratorOnly
    /// The command line's own account may not do this (setting `cli_actions`).
    case commandLineNotAllowed(policy: CommandLinePolicy)
    /// The command line's account gets no password and is never locked.
    case commandLineAccountFixed
    case cannotLockYourself
    case lastAdministrator(username: String)
    case usernameTaken(String)

    // MARK: Logging in

    case wrongPassword
    /// The current password given to change one's own is not the right one.
    case wrongCurrentPassword
    /// Too many wrong passwords: the next try is possible after `seconds`.
    case loginThrottled(seconds: Int)
    /// Locked after too many wrong passwords (or by an administrator).
    case accountLocked(username: String)
    case passwordRequired(username: String)

    // MARK: Time

    /// A time later than now (plus the small tolerance for clocks set a little apart).
    case timeInFuture(LocalDateTime)
    /// A year outside the calendar's range.
    case yearOutOfRange(Int)
    /// Before something already recorded on the case: histories are recorded in the order things happened.
    case timeBeforeLastEvent(LocalDateTime, last: LocalDateTime)
    /// Recorded more than 30 minutes after it happened: the reason must be given.
    case lateReasonRequired(LocalDateTime)
    /// Recorded more than one working day after it happened: a leader's or an administrator's decision.
    case backdatingNeedsLeader(LocalDateTime)
    /// A changed reception time needs its reason.
    case receptionTimeReasonRequired

    // MARK: Input

    /// A field's value is not acceptable.
    case invalidField(InputField, FieldProblem)
    case missingCase(code: String)
    case missingProcedure(code: String, on: CivilDate)
    case missingOfficer(username: String)
    case missingSlip(number: String)
    case missingBody(code: String)
    case missingSetting(key: String)
    /// A setting's value does not follow its rule (the rule's own words).
    case invalidSetting(key: String, message: String)
    /// A document that does not exist for this case (no reschedule, no refusal…), with the reason.
    case documentUnavailable(String)
}

/// What only a leader (or an administrator) may decide.
public enum LeaderAction: String, Hashable, Sendable {
    case reschedule, stop, cancel
    case correctAppointment = "correct_appointment"
    /// A result recorded although the route is not done.
    case resultBeforeRoute = "result_before_route"
    /// Recording something more than a working day after it happened.
    case backdating
}

/// What the command line's own account may do (setting `cli_actions`).
public enum CommandLinePolicy: String, Hashable, Sendable, CaseIterable {
    /// Everything (the default: scripts keep working).
    case all
    /// Only the bulk import of paper cases.
    case importOnly = "import"
    /// Nothing: every action names an officer and gives their password.
    case none
}

/// The fields whose values the rules check, named in messages.
public enum InputField: String, Hashable, Sendable, CaseIterable {
    case applicantName, applicantIDNumber, applicantIDKind, applicantBirthDate, applicantPhone, applicantEmail
    case applicantAddress, representativeName, representativeIDNumber, organisationName
    case collectAddress, sets, fee, feeExemption, feeReceiptNumber, note, documentName, documentQuantity
    case reason, lateReason, receptionReason, item, stepNote, slipNumber, receiptNumber, resultNumber, resultDate
    case postalReceipt, applicantToldEarly, newDue, chosenResults, procedure, receivedAt, at
    case username, fullName, password, unitName, governingBody, counterName, unitCode, province, placeName
    case unitAddress, unitPhone, holidayName, procedureName, procedureCode, bodyName, bodyCode, settingValue
    case scores, satisfaction, period, caseCode, csvColumn
}

/// What is wrong with a field's value.
public enum FieldProblem: Hashable, Sendable {
    case empty
    /// Longer than `max` characters.
    case tooLong(max: Int)
    /// Shorter than `min` characters.
    case tooShort(min: Int)
    /// Holds control characters (escape sequences, NUL, bell, carriage return…).
    case controlCharacters
    /// Holds invisible marks that change the direction of writing (a name pasted from elsewhere, or text
    /// made to read differently on paper than it is stored).
    case directionMarks
    /// Not valid UTF-8 text.
    case invalidText
    /// Not in the expected form.
    case shape(ValueShape)
    /// A number outside `range`.
    case outOfRange(ClosedRange<Int>)
    /// A date in the future (a birth date).
    case inFuture
}

/// The forms values must have (named in messages).
public enum ValueShape: Hashable, Sendable {
    /// The number of an identity document of this kind.
    case idNumber(IDKind)
    /// A person's identity number whose kind cannot be told from it (not 12 or 9 digits): the kind is needed.
    case idKindNeeded
    case phone
    case email
    case date
    case dateTime
    case wholeNumber
    case money
    case username
    case unitCode
}

extension Refusal {
    /// The input the refusal is about, when there is one: a form puts its cursor there so that the officer
    /// corrects that value and tries again.
    public var field: InputField? {
        switch self {
        case .invalidField(let f, _): f
        case .mustSayWhetherTold: .applicantToldEarly
        case .emptyStepResult: .stepNote
        case .timeInFuture, .timeBeforeLastEvent, .yearOutOfRange: .at
        case .lateReasonRequired, .backdatingNeedsLeader: .lateReason
        case .receptionTimeReasonRequired: .receptionReason
        case .newDueNotLater, .newDueNotWorkingDay, .resumeDueNotAfterResume: .newDue
        case .usernameTaken: .username
        case .wrongCurrentPassword: .password
        default: nil
        }
    }
}
