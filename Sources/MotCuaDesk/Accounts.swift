import MotCuaCore
import MotCuaStore
import MotCuaSystem

/// Wrong passwords: after 3 for an account the next try waits (30 s, doubling, up to 5 minutes); after 10
/// the account is locked until an administrator unlocks it.
public enum LoginThrottle {
    public static let freeFailures = 3
    public static let lockAfter = 10
    public static let firstWaitSeconds = 30
    public static let maxWaitSeconds = 300

    /// Seconds to wait before the next try after `failures` wrong passwords in a row.
    public static func wait(afterFailures failures: Int) -> Int {
        guard failures >= freeFailures else { return 0 }
        let doublings = min(failures - freeFailures, 10)
        return min(maxWaitSeconds, firstWaitSeconds << doublings)
    }
}

extension Desk {
    // MARK: Who acts

    /// Logs an officer in from `channel` (`terminal` names the counter in the log: a tty, an SSH client).
    /// Wrong passwords are counted per account and throttled; every failure is logged (account, terminal),
    /// never the password.
    public func login(username: String, password: String, channel: RecordingChannel, terminal: String) throws(DeskError)
        -> Actor
    {
        try run {
            let name = username.trimmingSpaces
            guard name != Officer.commandLineUsername, let officer = try store.officer(username: name) else {
                _ = try store.passwordMatches(username: name, password: password)  // the same time as a real check
                log?.write("login failed: unknown account (\(terminal))")
                throw Refusal.wrongPassword
            }
            let nowSeconds = clock.unixSeconds()
            let (failures, notBefore) = try store.loginFailures(username: name)
            if let notBefore, notBefore > nowSeconds {
                log?.write("login refused: \(name) waiting after \(failures) wrong passwords (\(terminal))")
                throw Refusal.loginThrottled(seconds: Int(notBefore - nowSeconds))
            }
            guard try store.passwordMatches(username: name, password: password) else {
                let count = failures + 1
                let wait = LoginThrottle.wait(afterFailures: count)
                let lock = count >= LoginThrottle.lockAfter && officer.isActive
                try store.recordLoginFailure(
                    username: name, count: count, notBefore: wait > 0 ? nowSeconds + Int64(wait) : nil, lock: lock)
                log?.write(
                    "login failed: \(name), \(count) wrong in a row (\(terminal))\(lock ? ", account locked" : "")")
                if lock { try audit(.accountLocked, detail: name, by: Actor(officer: officer, channel: channel)) }
                throw lock ? Refusal.accountLocked(username: name) : Refusal.wrongPassword
            }
            guard officer.isActive else {
                log?.write("login refused: \(name) is locked (\(terminal))")
                throw Refusal.accountLocked(username: name)
            }
            try store.clearLoginFailures(username: name)
            log?.write("login: \(name) (\(channel.rawValue), \(terminal))")
            return Actor(officer: officer, channel: channel)
        }
    }

    /// Checks the password of the officer of an open session (unlocking the screen), with the same counting.
    public func verify(_ actor: Actor, password: String, terminal: String) throws(DeskError) {
        _ = try login(username: actor.username, password: password, channel: actor.channel, terminal: terminal)
    }

    /// The command line's own account ("he-thong"), for commands run without `--officer`: what it may do is
    /// the administrator's setting `cli_actions`.
    public func commandLineActor(importing: Bool = false) throws(DeskError) -> Actor {
        try run {
            guard let officer = try store.officer(username: Officer.commandLineUsername) else {
                throw Refusal.missingOfficer(username: Officer.commandLineUsername)
            }
            return Actor(officer: officer, channel: importing ? .importer : .commandLine)
        }
    }

    /// Refuses what the command line's own account may not do (setting `cli_actions`). Officers who give
    /// their password may do what their role allows.
    func checkCommandLine(_ actor: Actor, importing: Bool) throws {
        guard actor.isCommandLineAccount else { return }
        let policy = CommandLinePolicy(rawValue: try store.settingValue(.commandLineActions)) ?? .all
        switch policy {
        case .all: return
        case .importOnly where importing: return
        default: throw Refusal.commandLineNotAllowed(policy: policy)
        }
    }

    // MARK: Accounts

    /// An administrator adds an account (a department officer belongs to a body).
    public func createOfficer(
        username: String, fullName: String, role: Role, bodyCode: String?, password: String,
        by actor: Actor
    ) throws(DeskError) -> Officer {
        try run {
            try requireAdministrator(actor)
            let name = username.trimmingSpaces
            guard Officer.isValidUsername(name), name != Officer.commandLineUsername else {
                throw Refusal.invalidField(.username, .shape(.username))
            }
            let full = try TextRules.clean(fullName, .fullName, limit: .name, required: true)
            try checkPassword(password)
            var body: String?
            if role == .departmentOfficer {
                guard let code = bodyCode, !code.isEmpty else { throw Refusal.invalidField(.bodyCode, .empty) }
                guard try store.bodies().contains(where: { $0.code == code && $0.isInternal }) else {
                    throw Refusal.missingBody(code: code)
                }
                body = code
            }
            let created = try store.createOfficer(
                username: name, fullName: full, role: role, bodyCode: body, password: password)
            try audit(.officerCreated, detail: "\(name) (\(role.rawValue))", by: actor)
            return created
        }
    }

    /// An administrator sets a new password for an officer who forgot theirs. From the command line (the
    /// recovery path for a forgotten administrator password) it is allowed whatever `cli_actions` says, and
    /// recorded with the operating-system user.
    public func resetPassword(username: String, password: String, by actor: Actor) throws(DeskError) {
        try run {
            if !(actor.isCommandLineAccount && actor.channel == .commandLine) { try requireAdministrator(actor) }
            guard username != Officer.commandLineUsername else { throw Refusal.commandLineAccountFixed }
            try checkPassword(password)
            try store.setPassword(username: username, password: password)
            try audit(.passwordReset, detail: username, by: actor)
        }
    }

    /// An administrator locks an account (it cannot log in; the cases it handled keep its name) or unlocks it
    /// (which also clears its wrong passwords). Never oneself, never the last administrator who can log in.
    public func setOfficerActive(username: String, active: Bool, by actor: Actor) throws(DeskError) {
        try run {
            try requireAdministrator(actor)
            guard username != Officer.commandLineUsername else { throw Refusal.commandLineAccountFixed }
            if !active && username == actor.username { throw Refusal.cannotLockYourself }
            try store.setOfficerActive(username: username, active: active)
            try audit(active ? .officerUnlocked : .officerLocked, detail: username, by: actor)
        }
    }

    /// The logged-in officer changes their own password, proving the current one.
    public func changeOwnPassword(current: String, new: String, by actor: Actor) throws(DeskError) {
        try run {
            guard try store.passwordMatches(username: actor.username, password: current) else {
                log?.write("own password change refused: \(actor.username)")
                throw Refusal.wrongCurrentPassword
            }
            try checkPassword(new)
            try store.setPassword(username: actor.username, password: new)
            try audit(.ownPasswordChanged, detail: actor.username, by: actor)
        }
    }

    func checkPassword(_ password: String) throws {
        guard password.count >= 6 else { throw Refusal.invalidField(.password, .tooShort(min: 6)) }
        guard password.count <= 200, TextRules.problem(password) == nil else {
            throw Refusal.invalidField(.password, .controlCharacters)
        }
    }

    func requireAdministrator(_ actor: Actor) throws {
        let officer = try current(actor)
        guard officer.role == .administrator else { throw Refusal.administratorOnly }
        try checkCommandLine(actor, importing: false)
    }

    /// The accounts (without the command line's) and the bodies a department officer may belong to.
    public func officers(by actor: Actor) throws(DeskError) -> (officers: [Officer], bodies: [Body]) {
        try run {
            try requireAdministrator(actor)
            return (
                try store.officers().filter { $0.username != Officer.commandLineUsername },
                try store.bodies().filter { $0.isInternal && $0.isActive }
            )
        }
    }
}

extension Desk {
    /// The first run: the unit's names and the first administrator, allowed only while no administrator can
    /// log in (afterwards accounts are an administrator's). Returns the administrator, logged in.
    public func firstRun(
        username: String, fullName: String, password: String, unit: UnitProfile,
        channel: RecordingChannel
    ) throws(DeskError) -> Actor {
        try run {
            guard !(try store.hasLoginAdministrator()) else { throw Refusal.administratorOnly }
            let name = username.trimmingSpaces
            guard Officer.isValidUsername(name), name != Officer.commandLineUsername else {
                throw Refusal.invalidField(.username, .shape(.username))
            }
            let full = try TextRules.clean(fullName, .fullName, limit: .name, required: true)
            try checkPassword(password)
            let officer = try store.createOfficer(
                username: name, fullName: full, role: .administrator, password: password)
            let actor = Actor(officer: officer, channel: channel)
            _ = try saveUnitProfile(unit, by: actor)
            log?.write("first run: administrator \(name) created")
            return actor
        }
    }

    /// True when `actor` is an administrator now (read again: a lock or a change from another terminal
    /// takes effect at once), for showing the administration screens.
    public func isAdministrator(_ actor: Actor?) -> Bool {
        guard let actor, let officer = try? current(actor) else { return false }
        return officer.role == .administrator
    }
}
