import MotCuaCore
import MotCuaDocuments
import MotCuaStore
import MotCuaSystem

/// The clock of the application: Vietnam time, read in one place. Tests inject their own.
public struct DeskClock: Sendable {
    /// Now, to the minute, Vietnam time.
    public let now: @Sendable () -> LocalDateTime
    /// Now in Unix seconds (the true recording time of every event).
    public let unixSeconds: @Sendable () -> Int64

    public init(now: @escaping @Sendable () -> LocalDateTime, unixSeconds: @escaping @Sendable () -> Int64) {
        self.now = now
        self.unixSeconds = unixSeconds
    }

    /// The machine's clock in Vietnam time (UTC+7 whatever `TZ` says).
    public static let system = DeskClock(now: { SystemClock.now() }, unixSeconds: { SystemClock.unixSeconds() })

    /// A clock that reads `now()` (a test's settable time); the recording time follows it.
    public static func following(_ now: @escaping @Sendable () -> LocalDateTime) -> DeskClock {
        DeskClock(now: now, unixSeconds: { now().unixSeconds })
    }
}

/// Who acts: an authenticated officer (or the command line's own account), from which channel, as which
/// operating-system user.
public struct Actor: Hashable, Sendable {
    public let officer: Officer
    public let channel: RecordingChannel
    public let osUser: String

    public init(officer: Officer, channel: RecordingChannel, osUser: String = CurrentProcess.userName) {
        self.officer = officer
        self.channel = channel
        self.osUser = osUser
    }

    public var username: String { officer.username }
    public var isCommandLineAccount: Bool { officer.username == Officer.commandLineUsername }
}

/// Why a use case did not happen: the rules refused it (with its data), or the store, the file system or an
/// output path failed. Turned into Vietnamese by `Messages`.
public enum DeskError: Error, Equatable, Sendable {
    case refused(Refusal)
    case store(StoreError)
    case system(SystemError)
    case output(OutputRefusal)

    /// True when trying again later may succeed (a busy database, a full disk after freeing space): the
    /// screens keep the typed form.
    public var isRetryable: Bool {
        switch self {
        case .store(let e): e.isRetryable
        case .system(let e): e.isDiskFull
        default: false
        }
    }

    /// The refusal, when the rules refused.
    public var refusal: Refusal? { if case .refused(let r) = self { r } else { nil } }

    /// For the log: what kind of refusal or failure, without a citizen's data.
    public var logText: String {
        switch self {
        case .refused(let r): "refused: \(r)"
        case .store(let e): "store: \(e)"
        case .system(let e): "system: \(e.operation) (errno \(e.code))"
        case .output(let e): "output: \(e)"
        }
    }

    /// Any error as a `DeskError` (errors of the layers below are wrapped).
    public static func from(_ error: any Error) -> DeskError {
        switch error {
        case let e as DeskError: e
        case let e as Refusal: .refused(e)
        case let e as StoreError: .store(e)
        case let e as SystemError: .system(e)
        case let e as OutputRefusal: .output(e)
        case let e as DatabaseError: .store(.database(e))
        default: .store(.invalid("\(error)"))
        }
    }
}

/// The application layer: every use case of the counter, decided once for the screens and the command line.
/// Each takes who (an `Actor`), when (the clock; an explicit time for an entry after the fact) and what, and
/// returns a typed result or throws a `DeskError`. The front ends only collect input and show results.
public final class Desk {
    public let store: Store
    public var calendar: WorkingCalendar
    public let clock: DeskClock
    public let log: Logger?
    public var forms: FormCatalog
    /// Where documents are saved (beside the database).
    public var archive: DocumentArchive
    /// The print spooler's environment (tests point PATH at a fake `lp`).
    public var spoolerEnvironment: [String: String]
    /// The address of the counter's PC when the program runs in its SSH session (`SSH_CLIENT`'s first
    /// field): the setting `counter_printers` may name its printer.
    public var clientAddress: String?
    /// Called with every refusal (the parity test compares the screens' and the command line's).
    public var onRefusal: ((Refusal) -> Void)?
    /// The fonts and renderers of the documents, found at the first document (the administrator's
    /// `font_path` is read then).
    public lazy var renderer = DocumentRenderer(explicitFont: try? store.settingValue(.fontPath))

    public init(
        store: Store, calendar: WorkingCalendar, clock: DeskClock = .system, log: Logger? = nil,
        forms: FormCatalog = FormCatalog.standard, archive: DocumentArchive? = nil,
        spoolerEnvironment: [String: String] = [:]
    ) {
        self.store = store
        self.calendar = calendar
        self.clock = clock
        self.log = log
        self.forms = forms
        self.archive = archive ?? DocumentArchive(databasePath: store.path)
        self.spoolerEnvironment = spoolerEnvironment
    }

    /// A desk on `store` with its own calendar and forms.
    public convenience init(store: Store, clock: DeskClock = .system, log: Logger? = nil) throws(DeskError) {
        let calendar: WorkingCalendar
        do { calendar = try store.calendarConfig().makeCalendar() } catch { throw .store(error) }
        self.init(store: store, calendar: calendar, clock: clock, log: log, forms: Desk.storedForms(store))
    }

    /// The forms' numbers and titles: the database's (imported), else the shipped ones.
    public static func storedForms(_ store: Store) -> FormCatalog {
        if let text = try? store.setting("forms"),
            let catalog = try? FormCatalog.parse(text, file: "cơ sở dữ liệu (settings.forms)")
        {
            return catalog
        }
        return FormCatalog.standard
    }

    /// How many use cases are running (one may call another: only the outermost reports a refusal).
    private var depth = 0

    /// Runs a use case, turning every error into a `DeskError` and telling `onRefusal` about refusals.
    func run<T>(_ body: () throws -> T) throws(DeskError) -> T {
        depth += 1
        defer { depth -= 1 }
        do {
            return try body()
        } catch {
            let e = DeskError.from(error)
            if case .refused(let r) = e, depth == 1 { onRefusal?(r) }
            return try { () throws(DeskError) -> T in throw e }()
        }
    }

    /// The author of events recorded now by `actor`.
    func author(_ actor: Actor, officer: Officer? = nil) -> EventAuthor {
        EventAuthor(
            officer: officer ?? actor.officer, channel: actor.channel, osUser: actor.osUser,
            recordedAt: clock.unixSeconds())
    }

    /// The officer as the store knows it now: a lock or a change of role from another terminal takes effect
    /// at once, in sessions already open.
    func current(_ actor: Actor) throws -> Officer {
        guard let officer = try store.officer(username: actor.username), officer.isActive else {
            throw Refusal.noActiveOfficer(username: actor.username)
        }
        return officer
    }
}
