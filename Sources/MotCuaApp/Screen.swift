import MotCuaCore
@_exported import MotCuaDesk
import MotCuaDocuments
import MotCuaStore
import TerminalUI

/// The built-in Vietnamese typing state shown as VI/EN on the title line.
public struct InputMode: Equatable, Sendable {
    public var vietnamese: Bool
    public var method: VietnameseInputMethod

    /// Telex, tone marks placed the traditional way ("hòa", "Ủy ban"), as in administrative documents; the
    /// modern placement ("hoà") is one menu entry away.
    public init(
        vietnamese: Bool = true,
        method: VietnameseInputMethod = VietnameseInputMethod(kind: .telex, toneStyle: .traditional)
    ) {
        self.vietnamese = vietnamese
        self.method = method
    }

    /// The method to apply to typed letters, or nil when typing is off (EN).
    public var active: VietnameseInputMethod? { vietnamese ? method : nil }
    public var label: String { vietnamese ? "VI-\(method.kind == .telex ? "Telex" : "VNI")" : "EN" }
}

/// What screens may read while handling events and rendering (never the store or the clock directly).
public struct ScreenContext {
    public var now: LocalDateTime
    public var officer: Officer?
    public var unit: UnitProfile
    public var input: InputMode
    public var calendar: WorkingCalendar
    /// The size of the whole terminal (screens know their area from it).
    public var size: Size
    /// Rows available to the screen between the title line and the status line.
    public var area: Rect { Rect(row: 1, column: 0, width: size.columns, height: max(0, size.rows - 3)) }
}

/// What reaches a screen.
public enum ScreenEvent {
    case key(Key)
    case text(String)
    case command(Command)
    case tick
    /// The screen became the top one (first shown, or uncovered).
    case appeared
    /// The answer of a dialog the screen asked for.
    case answer(tag: DialogTag, Dialog.Answer)
    /// The outcome of a request the screen made.
    case response(Response)
}

/// What a screen asks the application to do.
public enum Effect {
    case push(any Screen)
    case pop
    case replace(any Screen)
    /// Replaces the whole stack (after login, logout).
    case reset(any Screen)
    case status(String, Style)
    case ask(Dialog, tag: DialogTag)
    case perform(Request)
    case quit
    case lock
    case logout
    /// Opens a screen of the catalog (e.g. the case view) with an argument (e.g. a case code).
    case openScreen(id: CommandID, argument: String?)
}

/// Work for the store, performed by the run loop; the outcome comes back as `.response`.
public enum Request {
    case login(username: String, password: String)
    case firstRun(SetupData)
    case unlock(password: String)
    case loadHome
    case registerCase(CaseDraft)
    case recordContact(
        ReceptionContact.Kind, procedureCode: String, applicant: Applicant, items: [String], reason: String)
    case lookupApplicant(idNumber: String?, phone: String?)
    case previousContacts(idNumber: String?, phone: String?, procedureCode: String)
    case search(String)
    /// The case whose whole code was typed or scanned (a receipt's QR code, which may hold the province's
    /// lookup address with the code), if there is one.
    case findScannedCode(String)
    case loadCase(String)
    /// Builds a document for the preview (nothing saved or recorded).
    case buildDocument(DocumentSource)
    /// Saves the document (and prints it unless `saveOnly`), recording the print.
    case printDocument(DocumentSource, saveOnly: Bool)
    /// Prints a document for citizens (the catalogue's QR wall sheet, a procedure's guidance slip).
    case printPublic(PublicDocument)
    case correct(caseCode: String, field: CorrectableField, value: String, reason: String)
    case correctDocuments(caseCode: String, documents: [CaseDocument], reason: String)
    case correctProcedure(caseCode: String, procedureCode: String, reason: String)
    /// A procedure with its result on the spot: result received and returned at once.
    case returnOnTheSpot(caseCode: String)
    /// The procedures in force today (pick lists).
    case loadCatalogue
    /// An action on a case after reception (hand-over, result, return…), at `at` (nil: now); an entry after
    /// the fact gives its reason.
    case caseAction(caseCode: String, CaseAction, at: LocalDateTime?, lateReason: String?)
    /// Every body with what it holds (Theo phòng ban).
    case loadBodies
    /// The open steps of one body.
    case loadBodyQueue(bodyCode: String)
    /// Hands several cases over to the body of their next step, each in its own transaction.
    case bulkHandOver(caseCodes: [String])
    /// Saves a report's data as a workbook (.xlsx) and as CSV beside the database.
    case exportData(DocumentSource)
    /// Backs the database up into a folder (the end-of-day backup, e.g. to a USB stick).
    case backup(folder: String, rotate: Bool = false)
    /// The accounts and the bodies a department officer may belong to (administrators only).
    case loadOfficers
    case createOfficer(OfficerDraft)
    /// An administrator sets a forgotten password.
    case resetPassword(username: String, password: String)
    /// Locks (inactive) or unlocks an account.
    case setOfficerActive(username: String, active: Bool)
    /// The logged-in officer changes their own password, proving the current one.
    case changeOwnPassword(current: String, new: String)
    /// The values of some settings (administrators only).
    case loadSettings(keys: [SettingKey])
    /// Changes settings: all are checked before any is written; the running program takes them at once.
    case saveSettings([SettingValue])
    /// A short page with Vietnamese text through the printer settings saved.
    case testPrint
    /// The unit's names as printed on forms; its code only while no case carries the old one.
    case saveUnitProfile(UnitProfile)
}

/// A new account typed on the officers' screen.
public struct OfficerDraft: Hashable, Sendable {
    public var username: String
    public var fullName: String
    public var role: Role
    public var bodyCode: String?
    public var password: String
}

public enum Response {
    case loggedIn(Officer)
    case loginFailed(String)
    case firstRunDone(Officer)
    case unlocked
    case home(HomeData)
    case registered(RegisteredCase)
    case contactRecorded(ReceptionContact)
    case applicantFound(Applicant?)
    case contacts([ReceptionContact])
    case searchResults(query: String, [CaseSummary])
    /// The answer to `findScannedCode`: the case's code, nil when the text is no case's whole code.
    case scannedCode(query: String, code: String?)
    /// A case with its history and what the officer may do on it now.
    case caseLoaded(CaseRecord, [RecordedEvent], CaseOptions)
    case document(Document)
    /// A print (or save) done: the saved copy, the message (failure first), the document as the next print
    /// would be, and whether the print failed.
    case printed(path: String, message: String, document: Document?, failed: Bool)
    case done(String)
    case catalogue([StoredProcedure])
    /// A case action was recorded: what was done, and the case as it is now.
    case actionDone(String, CaseRecord)
    case bodies([BodyLoad])
    case bodyQueue(bodyCode: String, [BodyQueueItem])
    case officers([Officer], bodies: [Body])
    case settings([SettingValue])
    /// A request failed; the message is Vietnamese and names no citizen. `field` is the input the refusal is
    /// about, if any: the form puts its cursor there.
    case failed(String, field: InputField? = nil)
}

/// The data of the home screen.
public struct HomeData: Hashable, Sendable {
    public var counts: HomeCounts
    public var items: [CaseSummary]
    /// Years whose official holiday schedule is missing (next year, from November).
    public var missingOfficialYears: [Int]
    public var unitIsExample: Bool
    /// Cases not handed over in time and cases needing an apology.
    public var attention: Attention = Attention()
}

/// The first administrator and the unit's names, typed at first run.
public struct SetupData: Hashable, Sendable {
    public var username: String
    public var fullName: String
    public var password: String
    public var unit: UnitProfile
}

/// A screen: a value with its state; `handle` changes it and returns effects, `render` draws it (pure).
public protocol Screen {
    /// The screen's name as shown on the title line ("Bàn làm việc").
    var title: String { get }
    /// The screen's own keys (the global ones are added by the application).
    var keyMap: KeyMap { get }
    /// Inside a form F2, F3 and F7 are not global and Esc asks before discarding typed data.
    var isForm: Bool { get }
    /// True while the screen holds typed data that leaving would lose.
    var hasUnsavedInput: Bool { get }
    /// What F1 says about this screen beyond its keys (typing, moving), in Vietnamese.
    var helpLines: [String] { get }
    mutating func handle(_ event: ScreenEvent, _ context: ScreenContext) -> [Effect]
    func render(into frame: inout Frame, _ context: ScreenContext)
}

extension Screen {
    public var isForm: Bool { false }
    public var hasUnsavedInput: Bool { false }
    public var helpLines: [String] { [] }
}

/// A pick list shown over a screen (the procedures of the catalogue, the documents of a case): Esc — which
/// arrives as the global "back" command — closes it, Enter closes it and returns the selected row, other keys
/// move or filter. Returns nil while it stays open or when it was closed without a choice.
func handlePicker(_ picker: inout ListView?, _ event: ScreenEvent) -> ListRow? {
    guard var list = picker else { return nil }
    if case .command(let c) = event, c.id == AppCommand.back.id {
        picker = nil
        return nil
    }
    guard case .key(let key) = event else { return nil }
    switch key {
    case .escape:
        picker = nil
    case .enter:
        picker = nil
        return list.selectedRow
    default:
        _ = list.handle(key)
        picker = list
    }
    return nil
}

/// The headings above a list's columns, from column 1 of a screen `width` wide: each as wide as its list
/// column (0: the rest of the line), so headings and cells line up.
func putColumnHeadings(_ titles: [String], widths: [Int], into frame: inout Frame, row: Int, width: Int) {
    var column = 1
    for (i, title) in titles.enumerated() {
        let w = widths[i] > 0 ? widths[i] : width - column - 1
        column = frame.put(TextWidth.fit(title, w) + " ", row: row, column: column, style: .heading)
    }
}

/// Which question a dialog asked, so that the screen that asked knows what the answer is about. Declared
/// once here: a misspelt tag is a compile error.
public struct DialogTag: Hashable, Sendable {
    let rawValue: String
    init(_ rawValue: String) { self.rawValue = rawValue }

    /// Leave a form and lose what was typed?
    static let discard = DialogTag("discard")
    /// Receive a dossier whose mandatory documents are not all ticked?
    static let incomplete = DialogTag("incomplete")
    /// Lock an officer's account?
    static let lock = DialogTag("lock")
    /// Print the receipt again after a correction?
    static let reprint = DialogTag("reprint")
    /// Reuse the details of an applicant seen before?
    static let reuse = DialogTag("reuse")
    /// Record the applicant's evaluation now?
    static let evaluate = DialogTag("evaluate")
    static let printTransfer = DialogTag("print-transfer")
    static let printApology = DialogTag("print-apology")
    static let printRefusal = DialogTag("print-refusal")
    static let printSupplement = DialogTag("print-supplement")
    static let printStop = DialogTag("print-stop")
}
