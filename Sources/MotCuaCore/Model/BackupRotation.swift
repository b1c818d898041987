/// Which backups of a folder to keep: the newest of each of the last `daily` days that have one, then the
/// newest of each of the `weekly` weeks (Monday to Sunday) before those, then the newest of each of the
/// `monthly` months before those. Only files named as the program names its backups are ever considered
/// (`motcua-YYYY-MM-DD-HHMM.db`, possibly with `-N` before `.db`): anything else in the folder is not ours.
public enum BackupRotation {
    public struct Policy: Hashable, Sendable {
        public var daily: Int
        public var weekly: Int
        public var monthly: Int
        public init(daily: Int = 7, weekly: Int = 4, monthly: Int = 12) {
            self.daily = daily
            self.weekly = weekly
            self.monthly = monthly
        }

        /// From the setting's text "days,weeks,months" (e.g. "7,4,12").
        public init?(setting: String) {
            let parts = setting.split(separator: ",").map { Int(String($0).trimmingSpaces) }
            guard parts.count == 3, let d = parts[0], let w = parts[1], let m = parts[2], (1...366).contains(d),
                (0...366).contains(w), (0...366).contains(m)
            else { return nil }
            self.init(daily: d, weekly: w, monthly: m)
        }
    }

    /// The time a backup's file name says it was made, or nil when the name is not one of ours.
    public static func time(ofFileName name: String) -> LocalDateTime? {
        guard name.hasPrefix("motcua-"), name.hasSuffix(".db") else { return nil }
        let core = name.dropFirst("motcua-".count).dropLast(".db".count)
        let parts = core.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 4 || parts.count == 5, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            parts[3].count == 4,
            parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
            let date = CivilDate(iso: "\(parts[0])-\(parts[1])-\(parts[2])"),
            let hour = Int(parts[3].prefix(2)), let minute = Int(parts[3].suffix(2)), hour < 24, minute < 60
        else { return nil }
        return LocalDateTime(date: date, minuteOfDay: hour * 60 + minute)
    }

    /// The names to delete among `names` (the folder's entries), keeping what `policy` says and never one
    /// that is not a backup of ours.
    public static func toDelete(_ names: [String], policy: Policy) -> [String] {
        // Newest first; two made in the same minute are told apart by their "-N".
        func sequence(_ name: String) -> Int {
            let core = name.dropLast(".db".count).split(separator: "-")
            return core.count == 6 ? Int(core[5]) ?? 1 : 1
        }
        let dated = names.compactMap { n in time(ofFileName: n).map { (n, $0) } }
            .sorted { ($0.1, sequence($0.0)) > ($1.1, sequence($1.0)) }
        var keep: Set<String> = []
        var days: [CivilDate] = []
        var weeks: [Int] = []
        var months: [Int] = []
        for (name, t) in dated {
            let day = t.date
            if days.count < policy.daily || days.contains(day) {
                if !days.contains(day) {
                    days.append(day)
                    keep.insert(name)  // the newest of its day
                }
                continue
            }
            let monday = day.dayNumber - (day.weekday.rawValue - 1)
            if weeks.count < policy.weekly || weeks.contains(monday) {
                if !weeks.contains(monday) {
                    weeks.append(monday)
                    keep.insert(name)
                }
                continue
            }
            let month = day.year * 12 + day.components.month
            if months.count < policy.monthly && !months.contains(month) {
                months.append(month)
                keep.insert(name)
            }
        }
        return dated.map(\.0).filter { !keep.contains($0) }
    }
}
