import MotCuaCore
import TerminalUI

/// What the form screens (first run, accounts, passwords, the unit) have in common: both kinds of form
/// answer keys, hold values and move the cursor the same way.
protocol TypedForm {
    mutating func handle(_ key: Key, inputMethod: VietnameseInputMethod?) -> Form.Outcome
    mutating func paste(_ text: String) -> Form.Outcome
    var focusedField: Field? { get }
    func value(_ id: FieldID) -> String
    mutating func setValue(_ id: FieldID, _ text: String)
    mutating func focus(on id: FieldID)
    /// The whole text of the focused checklist item or choice, for the status line.
    var focusedDescription: String? { get }
}

extension Form {
    public var focusedDescription: String? { nil }
}

extension Form: TypedForm {}
extension ScrollForm: TypedForm {}

// Form fields that carry a value the rules check are named by the rule book's `InputField`, so that a
// refusal about a field (`Refusal.field`) puts the cursor on it, whichever front end typed the value.
extension FieldID {
    init(_ input: InputField) { self.init(input.rawValue) }
}

/// The fields of the program's forms, declared once. Those whose value the rules check share the rule
/// book's name (`InputField`); the rest (choices of layout, confirmations) are the screens' own.
extension FieldID {
    static let applicantName = FieldID(InputField.applicantName)
    static let applicantIDNumber = FieldID(InputField.applicantIDNumber)
    static let applicantIDKind = FieldID(InputField.applicantIDKind)
    static let applicantBirthDate = FieldID(InputField.applicantBirthDate)
    static let applicantPhone = FieldID(InputField.applicantPhone)
    static let applicantEmail = FieldID(InputField.applicantEmail)
    static let applicantAddress = FieldID(InputField.applicantAddress)
    static let representativeName = FieldID(InputField.representativeName)
    static let representativeIDNumber = FieldID(InputField.representativeIDNumber)
    static let organisationName = FieldID(InputField.organisationName)
    static let collectAddress = FieldID(InputField.collectAddress)
    static let sets = FieldID(InputField.sets)
    static let fee = FieldID(InputField.fee)
    static let feeExemption = FieldID(InputField.feeExemption)
    static let feeReceiptNumber = FieldID(InputField.feeReceiptNumber)
    static let note = FieldID(InputField.note)
    static let documentName = FieldID(InputField.documentName)
    static let documentQuantity = FieldID(InputField.documentQuantity)
    static let reason = FieldID(InputField.reason)
    static let lateReason = FieldID(InputField.lateReason)
    static let receptionReason = FieldID(InputField.receptionReason)
    static let item = FieldID(InputField.item)
    static let stepNote = FieldID(InputField.stepNote)
    static let slipNumber = FieldID(InputField.slipNumber)
    static let receiptNumber = FieldID(InputField.receiptNumber)
    static let resultNumber = FieldID(InputField.resultNumber)
    static let resultDate = FieldID(InputField.resultDate)
    static let postalReceipt = FieldID(InputField.postalReceipt)
    static let applicantToldEarly = FieldID(InputField.applicantToldEarly)
    static let newDue = FieldID(InputField.newDue)
    static let chosenResults = FieldID(InputField.chosenResults)
    static let procedure = FieldID(InputField.procedure)
    static let receivedAt = FieldID(InputField.receivedAt)
    static let at = FieldID(InputField.at)
    static let username = FieldID(InputField.username)
    static let fullName = FieldID(InputField.fullName)
    static let password = FieldID(InputField.password)
    static let unitName = FieldID(InputField.unitName)
    static let governingBody = FieldID(InputField.governingBody)
    static let counterName = FieldID(InputField.counterName)
    static let unitCode = FieldID(InputField.unitCode)
    static let province = FieldID(InputField.province)
    static let placeName = FieldID(InputField.placeName)
    static let unitAddress = FieldID(InputField.unitAddress)
    static let unitPhone = FieldID(InputField.unitPhone)
    static let holidayName = FieldID(InputField.holidayName)
    static let procedureName = FieldID(InputField.procedureName)
    static let procedureCode = FieldID(InputField.procedureCode)
    static let bodyName = FieldID(InputField.bodyName)
    static let bodyCode = FieldID(InputField.bodyCode)
    static let settingValue = FieldID(InputField.settingValue)
    static let scores = FieldID(InputField.scores)
    static let satisfaction = FieldID(InputField.satisfaction)
    static let period = FieldID(InputField.period)
    static let caseCode = FieldID(InputField.caseCode)
    static let csvColumn = FieldID(InputField.csvColumn)

    // The screens' own.
    /// The n-th line of a list of reasons (a refusal's) or of items (a supplement request's), from 1.
    static func reason(_ n: Int) -> FieldID { FieldID("reason\(n)") }
    static func item(_ n: Int) -> FieldID { FieldID("item\(n)") }
    /// The n-th document of a procedure's checklist, the n-th document added by hand, the n-th result.
    static func document(_ n: Int) -> FieldID { FieldID("doc\(n)") }
    static func extraDocument(_ n: Int) -> FieldID { FieldID("extra\(n)") }
    static func chosenResult(_ n: Int) -> FieldID { FieldID("result\(n)") }
    /// The field of one setting.
    static func setting(_ key: SettingKey) -> FieldID { FieldID("setting-\(key.rawValue)") }
    /// The score of one evaluation index.
    static func score(_ index: EvaluationIndex) -> FieldID { FieldID("score-\(index.rawValue)") }
    static let address = FieldID("address")
    static let birthDate = FieldID("birthDate")
    static let body = FieldID("body")
    static let channel = FieldID("channel")
    static let collect = FieldID("collect")
    static let copies = FieldID("copies")
    static let current = FieldID("current")
    static let email = FieldID("email")
    static let exemption = FieldID("exemption")
    static let feeReason = FieldID("feeReason")
    static let field = FieldID("field")
    static let otherDocument = FieldID("otherDocument")
    static let rotate = FieldID("rotate")
    static let folder = FieldID("folder")
    static let from = FieldID("from")
    static let idKind = FieldID("idKind")
    static let idNumber = FieldID("idNumber")
    static let kind = FieldID("kind")
    static let level = FieldID("level")
    static let method = FieldID("method")
    static let mode = FieldID("mode")
    static let name = FieldID("name")
    static let next = FieldID("next")
    static let pages = FieldID("pages")
    static let password2 = FieldID("password2")
    static let phone = FieldID("phone")
    static let receivedReason = FieldID("receivedReason")
    static let representative = FieldID("representative")
    static let role = FieldID("role")
    static let to = FieldID("to")
    static let value = FieldID("value")
    static let verify = FieldID("verify")
}

/// A typed key in a form: nil when the officer pressed Enter on the last field (save), else what to show —
/// the field's complaint, or the hint of the field the cursor reached.
func formKey(_ key: Key, in form: inout some TypedForm, inputMethod: VietnameseInputMethod?) -> [Effect]? {
    let outcome = form.handle(key, inputMethod: inputMethod)
    switch outcome {
    case .invalid(let message): return [.status(message, .error)]
    case .completed: return nil
    case .moved:
        if let hint = form.focusedField?.hint { return [.status(hint, .dim)] }
        return form.focusedDescription.map { [.status($0, .dim)] } ?? []
    default: return []
    }
}

/// Esc on a form: back at once when nothing was typed, else the question (answered with tag "discard").
func leaveForm(unsaved: Bool, question: String, detail: String) -> [Effect] {
    unsaved ? [.ask(Dialog(title: question, lines: [detail]), tag: .discard)] : [.pop]
}

/// Nil when a new password was typed the same twice (fields "password" and "password2"); otherwise the
/// second typing is cleared, the cursor put there, and the message shown.
func repeatedPasswordProblem(in form: inout some TypedForm, message: String = "Hai lần nhập mật khẩu không giống nhau")
    -> [Effect]?
{
    guard form.value(.password) != form.value(.password2) else { return nil }
    form.setValue(.password2, "")
    form.focus(on: .password2)
    return [.status(message, .error)]
}

/// What a form screen is asked to do by an event all form screens answer alike.
enum FormEvent {
    case save
    case effects([Effect])
}

/// The events a simple form screen answers like every other: keys and pasted text for the form, F10/Ctrl-S
/// and Enter on the last field to save, Esc (asking first when something was typed; tag "discard"), a
/// saved result (back to the screen below) and a failure (the form stays, as typed, for a retry). Nil for
/// the events the screen handles itself.
func commonFormEvent(
    _ event: ScreenEvent, in form: inout some TypedForm, inputMethod: VietnameseInputMethod?,
    unsaved: Bool, question: String, detail: String
) -> FormEvent? {
    switch event {
    case .key(let key):
        return formKey(key, in: &form, inputMethod: inputMethod).map(FormEvent.effects) ?? .save
    case .text(let text):
        _ = form.paste(text)
        return .effects([])
    case .command(let c) where c.id == AppCommand.save.id:
        return .save
    case .command(let c) where c.id == AppCommand.back.id:
        return .effects(leaveForm(unsaved: unsaved, question: question, detail: detail))
    case .answer(tag: .discard, let answer):
        return .effects(answer == .yes ? [.pop] : [])
    case .response(.done(let message)):
        return .effects([.status(message, .ok), .pop])
    case .response(.failed(let message, let field)):
        if let field { form.focus(on: FieldID(field)) }
        return .effects([.status(message, .error)])
    default:
        return nil
    }
}
