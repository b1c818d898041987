import CCrypt
import MotCuaCore

extension Store {
    // MARK: Calendar

    /// The working hours and holiday data kept in the database.
    public func calendarConfig() throws(StoreError) -> CalendarConfig {
        try storeCall {
            var config = CalendarConfig()
            if let text = try db.scalarText("SELECT value FROM settings WHERE key = 'working_time'") {
                // Stored in the same format as the file's "workingTime" member.
                let wrapped = "{\"format\": \"\(CalendarConfig.formatName)\", \"version\": 1, \"workingTime\": \(text)}"
                config.schedule = try CalendarConfig.parse(wrapped, file: "cơ sở dữ liệu (settings.working_time)")
                    .schedule
            }
            let days = try db.rows("SELECT date, year, kind, name, provisional FROM holiday_days ORDER BY date") { r in
                (
                    r.int(1),
                    SpecialDay(
                        date: CivilDate(iso: r.text(0))!, kind: SpecialDayKind(rawValue: r.text(2)) ?? .other,
                        name: r.text(3), provisional: r.bool(4))
                )
            }
            let years = try db.rows("SELECT year, source FROM holiday_years ORDER BY year") { r in
                OfficialHolidayYear(year: r.int(0), source: r.text(1), days: days.filter { $0.0 == r.int(0) }.map(\.1))
            }
            let extras = try db.rows("SELECT month, day, name, from_year, to_year FROM additional_holidays ORDER BY id")
            { r in
                AdditionalHoliday(
                    month: r.int(0), day: r.int(1), name: r.text(2), firstYear: r.int(3), lastYear: r.optionalInt(4))
            }
            config.holidays = HolidayData(officialYears: years, additionalHolidays: extras)
            return config
        }
    }

    /// Replaces the working hours and every holiday year with `config`.
    public func saveCalendarConfig(_ config: CalendarConfig) throws(StoreError) {
        guard case let .object(members) = config.json,
            let workingTime = members.first(where: { $0.key == "workingTime" })?.value
        else { throw .invalid("Cấu hình lịch không hợp lệ") }
        try write {
            try db.run(
                "INSERT INTO settings (key, value) VALUES ('working_time', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                workingTime.compactText)
            try db.execute("DELETE FROM holiday_days; DELETE FROM holiday_years; DELETE FROM additional_holidays;")
            for year in config.holidays.officialYears.keys.sorted() {
                let y = config.holidays.officialYears[year]!
                try db.run("INSERT INTO holiday_years (year, status, source) VALUES (?, 'official', ?)", year, y.source)
                for d in y.days {
                    try db.run(
                        "INSERT INTO holiday_days (date, year, kind, name, provisional) VALUES (?, ?, ?, ?, ?)",
                        d.date.iso, year, d.kind.rawValue, d.name, d.provisional)
                }
            }
            for h in config.holidays.additionalHolidays {
                try db.run(
                    "INSERT INTO additional_holidays (month, day, name, from_year, to_year) VALUES (?, ?, ?, ?, ?)",
                    h.month, h.day, h.name, h.firstYear, h.lastYear)
            }
        }
    }

    // MARK: Officers

    /// Creates an officer (validated by the application layer) with a password hashed by the system's
    /// `crypt` (yescrypt). The password is never stored or logged in clear.
    @discardableResult
    public func createOfficer(
        username: String, fullName: String, role: Role, bodyCode: String? = nil,
        password: String
    ) throws -> Officer {
        let hash = try Store.hashPassword(password)
        return try transaction {
            if try db.scalarInt("SELECT count(*) FROM officers WHERE username = ?", username) ?? 0 > 0 {
                throw Refusal.usernameTaken(username)
            }
            let bodyID = try bodyCode.map { try self.bodyID($0) }
            try db.run(
                "INSERT INTO officers (username, full_name, role, body_id, password_hash, is_active, created_at) VALUES (?, ?, ?, ?, ?, 1, unixepoch())",
                username, fullName, role.rawValue, bodyID, hash)
            return Officer(
                id: db.lastInsertRowID, username: username, fullName: fullName, role: role, bodyCode: bodyCode)
        }
    }

    static let officerColumns = """
        SELECT o.id, o.username, o.full_name, o.role, b.code, o.is_active FROM officers o LEFT JOIN bodies b ON b.id = o.body_id
        """

    static func mapOfficer(_ r: Row) -> Officer {
        Officer(
            id: r.int64(0), username: r.text(1), fullName: r.text(2), role: Role(rawValue: r.text(3)) ?? .deskOfficer,
            bodyCode: r.optionalText(4), isActive: r.bool(5))
    }

    public func officer(username: String) throws(StoreError) -> Officer? {
        try storeCall { try db.row("\(Store.officerColumns) WHERE o.username = ?", [username], map: Store.mapOfficer) }
    }

    public func officers() throws(StoreError) -> [Officer] {
        try storeCall { try db.rows("\(Store.officerColumns) ORDER BY o.id", map: Store.mapOfficer) }
    }

    /// True when at least one active administrator can log in (has a password).
    public func hasLoginAdministrator() throws(StoreError) -> Bool {
        try storeCall {
            try db.scalarInt(
                "SELECT count(*) FROM officers WHERE role = 'admin' AND is_active = 1 AND password_hash IS NOT NULL")
                ?? 0 > 0
        }
    }

    /// True when the password is the account's (active or not). The same time is spent for an unknown
    /// account, so that timing does not reveal which usernames exist.
    public func passwordMatches(username: String, password: String) throws(StoreError) -> Bool {
        let hash = try storeCall {
            try db.scalarText("SELECT password_hash FROM officers WHERE username = ?", username)
        }
        guard let hash else {
            _ = Store.verifyPassword(password, hash: Store.decoyHash)
            return false
        }
        return Store.verifyPassword(password, hash: hash)
    }

    /// Wrong passwords so far and when the next try is allowed (Unix seconds), for the login rules.
    public func loginFailures(username: String) throws(StoreError) -> (count: Int, notBefore: Int64?) {
        try storeCall {
            try db.row("SELECT failed_logins, login_not_before FROM officers WHERE username = ?", [username]) { r in
                (r.int(0), r.isNull(1) ? nil : r.int64(1))
            } ?? (0, nil)
        }
    }

    /// Records a wrong password: the new count, the next allowed try, and whether the account is now locked.
    public func recordLoginFailure(username: String, count: Int, notBefore: Int64?, lock: Bool) throws(StoreError) {
        try write {
            try db.run(
                "UPDATE officers SET failed_logins = ?, login_not_before = ? WHERE username = ?", count, notBefore,
                username)
            if lock {
                try db.run(
                    "UPDATE officers SET is_active = 0, locked_reason = 'failed_logins' WHERE username = ?", username)
            }
        }
    }

    /// A successful login clears the count of wrong passwords.
    public func clearLoginFailures(username: String) throws(StoreError) {
        try write {
            try db.run(
                "UPDATE officers SET failed_logins = 0, login_not_before = NULL WHERE username = ? AND failed_logins > 0",
                username)
        }
    }

    public func setPassword(username: String, password: String) throws {
        let hash = try Store.hashPassword(password)
        try transaction {
            try db.run("UPDATE officers SET password_hash = ? WHERE username = ?", hash, username)
            if db.changes == 0 { throw Refusal.missingOfficer(username: username) }
        }
    }

    /// Locks (inactive: cannot log in, history kept) or unlocks an account; unlocking also clears the count
    /// of wrong passwords. The last administrator who can log in is never locked: nobody could then manage
    /// the accounts from the program (checked inside the write, against another terminal doing the same).
    public func setOfficerActive(username: String, active: Bool) throws {
        try transaction {
            if !active {
                let others =
                    try db.scalarInt(
                        """
                        SELECT count(*) FROM officers WHERE role = 'admin' AND is_active = 1 AND password_hash IS NOT NULL
                        AND username <> ?
                        """, username) ?? 0
                let isLoginAdmin =
                    try db.scalarInt(
                        """
                        SELECT count(*) FROM officers WHERE username = ? AND role = 'admin' AND is_active = 1
                        AND password_hash IS NOT NULL
                        """, username) ?? 0 > 0
                if isLoginAdmin && others == 0 { throw Refusal.lastAdministrator(username: username) }
            }
            try db.run(
                """
                UPDATE officers SET is_active = ?, locked_reason = CASE WHEN ? THEN NULL ELSE 'administrator' END,
                    failed_logins = CASE WHEN ? THEN 0 ELSE failed_logins END,
                    login_not_before = CASE WHEN ? THEN NULL ELSE login_not_before END
                WHERE username = ?
                """, active, active, active, active, username)
            if db.changes == 0 { throw Refusal.missingOfficer(username: username) }
        }
    }

    static func hashPassword(_ password: String) throws(StoreError) -> String {
        var buffer = [CChar](repeating: 0, count: 256)
        let rc = motcua_password_hash(password, &buffer, buffer.count)
        guard rc == 0 else { throw .invalid("Không băm được mật khẩu (thư viện crypt của hệ thống)") }
        return String(decoding: buffer.prefix(while: { $0 != 0 }).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    static func verifyPassword(_ password: String, hash: String) -> Bool {
        motcua_password_verify(password, hash) == 1
    }

    /// A valid yescrypt hash of a random string, for constant-time refusals.
    static let decoyHash = (try? hashPassword("decoy-\(UInt64.random(in: 0...UInt64.max))")) ?? "*"
}
