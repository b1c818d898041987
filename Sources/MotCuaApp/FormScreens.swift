import MotCuaCore
import TerminalUI

/// What the form screens (first run, accounts, passwords, the unit) have in common: both kinds of form
/// answer keys, hold values and move the cursor the same way.
protocol TypedForm {
    mutating func handle(_ key: Key, inputMethod: VietnameseInputMethod?) -> Form.Outcome
    mutating func paste(_ text: String) -> Form.Outcome
    var focusedField: Field? { get }
    func value(_ id: String) -> String
    mutating func setValue(_ id: String, _ text: String)
    mutating func focus(on id: String)
}

extension Form: TypedForm {}
extension ScrollForm: TypedForm {}

// Form fields that carry a value the rules check are named by the rule book's `InputField`, so that a
// refusal about a field (`Refusal.field`) puts the cursor on it, whichever front end typed the value.
extension TypedForm {
    func value(_ input: InputField) -> String { value(input.rawValue) }
    mutating func focus(on input: InputField) { focus(on: input.rawValue) }
}

extension ScrollForm {
    func choice(_ input: InputField) -> ChoiceField? { choice(input.rawValue) }
}

extension Field {
    init(_ input: InputField, label: String, text: String = "", mask: FieldMask = .text, maxLength: Int? = nil,
         required: Bool = false, hint: String? = nil, pickList: Bool = false, readOnly: Bool = false,
         validate: @escaping @Sendable (String) -> String? = { _ in nil }) {
        self.init(id: input.rawValue, label: label, text: text, mask: mask, maxLength: maxLength, required: required,
                  hint: hint, pickList: pickList, readOnly: readOnly, validate: validate)
    }
}

extension ChoiceField {
    init(_ input: InputField, label: String, options: [String], selected: Int = 0) {
        self.init(id: input.rawValue, label: label, options: options, selected: selected)
    }
}

/// A typed key in a form: nil when the officer pressed Enter on the last field (save), else what to show —
/// the field's complaint, or the hint of the field the cursor reached.
func formKey(_ key: Key, in form: inout some TypedForm, inputMethod: VietnameseInputMethod?) -> [Effect]? {
    let outcome = form.handle(key, inputMethod: inputMethod)
    switch outcome {
    case .invalid(let message): return [.status(message, .error)]
    case .completed: return nil
    case .moved: return form.focusedField?.hint.map { [.status($0, .dim)] } ?? []
    default: return []
    }
}

/// Esc on a form: back at once when nothing was typed, else the question (answered with tag "discard").
func leaveForm(unsaved: Bool, question: String, detail: String) -> [Effect] {
    unsaved ? [.ask(Dialog(title: question, lines: [detail]), tag: "discard")] : [.pop]
}

/// Nil when a new password was typed the same twice (fields "password" and "password2"); otherwise the
/// second typing is cleared, the cursor put there, and the message shown.
func repeatedPasswordProblem(in form: inout some TypedForm, message: String = "Hai lần nhập mật khẩu không giống nhau") -> [Effect]? {
    guard form.value("password") != form.value("password2") else { return nil }
    form.setValue("password2", "")
    form.focus(on: "password2")
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
func commonFormEvent(_ event: ScreenEvent, in form: inout some TypedForm, inputMethod: VietnameseInputMethod?,
                     unsaved: Bool, question: String, detail: String) -> FormEvent? {
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
    case .answer(tag: "discard", let answer):
        return .effects(answer == .yes ? [.pop] : [])
    case .response(.done(let message)):
        return .effects([.status(message, .ok), .pop])
    case .response(.failed(let message, let field)):
        if let field { form.focus(on: field) }
        return .effects([.status(message, .error)])
    default:
        return nil
    }
}
