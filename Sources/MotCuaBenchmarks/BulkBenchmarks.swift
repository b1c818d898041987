#if canImport(Glibc)
    import Glibc
#endif
import MotCuaSystem

/// Issue 14's figures: the bulk commands run as a user runs them (the real `motcua` binary of this build, a
/// child process each), with their wall time and peak memory (the child's VmHWM), beside
/// the `sqlite3` shell dumping the same rows of the same file in the same run.
enum BulkBenchmarks {
    static let group = BenchmarkGroup(
        name: "bulk",
        summary:
            "lệnh xuất và báo cáo lớn trên cơ sở dữ liệu 1.000.000 hồ sơ: thời gian, bộ nhớ tối đa, so với sqlite3",
        run: run
    )

    struct ChildRun {
        let seconds: Double
        let peakMB: Double
        let status: Int32
        let outputBytes: Int64
    }

    /// Runs `arguments` with stdout into `stdoutPath` (stderr discarded) and measures it.
    static func measure(_ arguments: [String], stdoutPath: String) throws -> ChildRun {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, stdoutPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { for p in argv { free(p) } }
        let watch = Stopwatch()
        var pid = pid_t()
        let spawned = posix_spawnp(&pid, arguments[0], &actions, nil, &argv, environ)
        guard spawned == 0 else { throw SystemError(operation: "Không chạy được", path: arguments[0], code: spawned) }
        // The child's peak resident memory is its VmHWM, read while it runs (every 2 ms; VmHWM only grows, so
        // the last reading is the peak unless memory grew in the last 2 ms). Not `ru_maxrss` from wait4: a
        // child started by posix_spawn (vfork) inherits this process's high-water mark at its exec.
        var status: Int32 = 0
        var peakKB = 0
        while true {
            let r = waitpid(pid, &status, WNOHANG)
            if r == pid { break }
            if r < 0 && errno != EINTR { break }
            if let kb = highWaterKB(pid) { peakKB = max(peakKB, kb) }
            usleep(2000)
        }
        let seconds = watch.elapsedSeconds
        var st = stat()
        let outputBytes = stat(stdoutPath, &st) == 0 ? Int64(st.st_size) : 0
        return ChildRun(
            seconds: seconds, peakMB: Double(peakKB) / 1024, status: (status >> 8) & 0xff,
            outputBytes: outputBytes)
    }

    /// VmHWM of a running process, in KB (nil once it has exited).
    static func highWaterKB(_ pid: pid_t) -> Int? {
        guard let text = try? FileSystem.readText("/proc/\(pid)/status"),
            let line = text.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") })
        else { return nil }
        return Int(line.split(separator: " ").dropFirst().first ?? "")
    }

    static func fileSize(_ path: String) -> Int64 {
        var st = stat()
        return stat(path, &st) == 0 ? Int64(st.st_size) : 0
    }

    static func run(_ context: BenchmarkContext) throws {
        let (path, _) = try StoreBenchmarks.database(context)
        let motcua = context.binaryDirectory + "/motcua"
        let scratch = context.options["out"] ?? context.scratch
        let sink = scratch + "/stdout"
        // Any pending migration is applied once, before anything is measured.
        _ = try measure([motcua, "report", "stats", "--db", path, "--month", "2026-10"], stdoutPath: "/dev/null")

        func line(_ name: String, _ r: ChildRun, bytes: Int64? = nil) {
            let size = bytes ?? r.outputBytes
            let status = r.status == 0 ? "" : "  (mã thoát \(r.status))"
            context.report(
                name,
                "\(fixed(r.seconds, 2)) s, đỉnh bộ nhớ \(fixed(r.peakMB, 1)) MB, \(grouped(Int(size / 1024))) KB ra\(status)"
            )
        }
        func command(_ name: String, _ arguments: [String], file: String? = nil) throws -> ChildRun {
            if let file { FileSystem.remove(file) }
            let r = try measure(
                [motcua] + arguments + ["--db", path] + (file.map { ["--output", $0] } ?? []), stdoutPath: sink)
            line(name, r, bytes: file.map(fileSize))
            if let file { FileSystem.remove(file) }
            FileSystem.remove(sink)
            return r
        }

        _ = try command("export quarter 2026-Q1 (jsonl)", ["export", "--from", "2026-01-01", "--to", "2026-03-31"])
        _ = try command(
            "export quarter 2026-Q1 (xlsx)",
            ["export", "--from", "2026-01-01", "--to", "2026-03-31", "--format", "xlsx"],
            file: scratch + "/q1.xlsx")
        _ = try command(
            "report ledger --year 2025 --format csv", ["report", "ledger", "--year", "2025", "--format", "csv"])
        _ = try command(
            "report ledger --year 2025 --format xlsx", ["report", "ledger", "--year", "2025", "--format", "xlsx"],
            file: scratch + "/ledger.xlsx")
        _ = try command("report ledger --month 2025-10 (text)", ["report", "ledger", "--month", "2025-10"])
        _ = try command("report ledger --year 2025 (text, page by page)", ["report", "ledger", "--year", "2025"])
        _ = try command(
            "report ledger 01/01–14/03/2025 (19,029 cases) as PDF",
            ["report", "ledger", "--from", "2025-01-01", "--to", "2025-03-14", "--format", "pdf"],
            file: scratch + "/ledger.pdf")
        _ = try command("report late --quarter 2026-Q3", ["report", "late", "--quarter", "2026-Q3"])
        _ = try command("report stats --quarter 2020-Q1", ["report", "stats", "--quarter", "2020-Q1"])
        _ = try command("report stats --quarter 2026-Q3", ["report", "stats", "--quarter", "2026-Q3"])
        _ = try command("report evaluations --quarter 2026-Q3", ["report", "evaluations", "--quarter", "2026-Q3"])

        guard context.options["full"] == "yes" else {
            print("  (xuất toàn bộ và so với sqlite3: thêm --full yes; mỗi lệnh vài phút và vài GB đĩa)")
            return
        }
        // Exit status 1 on the bench's file: `check` reports the few events its generator dated in the future.
        _ = try command("check (integrity_check, chain, every case; three threads)", ["check"])
        let jsonl = try command("export all cases (jsonl, to a file)", ["export"], file: scratch + "/all.jsonl")
        let csv = try command(
            "export all cases (csv, to a file)", ["export", "--format", "csv"], file: scratch + "/all.csv")
        // The same rows and the same text as the CSV export: every event joined to its case, in case and event
        // order, times written as YYYY-MM-DD HH:MM.
        func iso(_ column: String) -> String { "strftime('%Y-%m-%d %H:%M', \(column) * 60, 'unixepoch')" }
        let dump = """
            SELECT c.code, c.ledger_year, c.ledger_number, p.code, v.name, c.applicant_name, c.applicant_id_number,
                   c.applicant_phone, \(iso("c.received_at")), \(iso("c.legal_due_at")), \(iso("c.appointment_at")),
                   c.status, e.seq, e.kind, \(iso("e.at")), o.username, b.code, e.data
            FROM cases c JOIN procedure_versions v ON v.id = c.procedure_version_id JOIN procedures p ON p.id = v.procedure_id
            JOIN events e ON e.case_id = c.id JOIN officers o ON o.id = e.officer_id
            LEFT JOIN bodies b ON b.id = e.body_id ORDER BY c.id, e.seq
            """
        let sqlite = try measure(["sqlite3", "-readonly", "-csv", path, dump], stdoutPath: sink)
        line("sqlite3 -csv, every event joined to its case", sqlite)
        FileSystem.remove(sink)
        context.report(
            "export ÷ sqlite3 (same rows, same file)",
            "jsonl \(fixed(jsonl.seconds / sqlite.seconds, 2))×, csv \(fixed(csv.seconds / sqlite.seconds, 2))×")
    }
}
