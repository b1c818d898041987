#if canImport(Glibc)
    import Glibc
#endif
import MotCuaSystem

/// A group of measurements, selected by name on the command line.
struct BenchmarkGroup: Sendable {
    let name: String
    let summary: String
    let run: @Sendable (BenchmarkContext) throws -> Void
}

/// What a benchmark group may use: where the binaries are, a scratch directory, the printer of figures.
struct BenchmarkContext {
    /// Directory holding the `motcua` binary built with this benchmark (same build configuration).
    let binaryDirectory: String
    let scratch: String
    let options: [String: String]

    func report(_ name: String, _ value: String) {
        let padded = name.count < 46 ? name + String(repeating: " ", count: 46 - name.count) : name
        print("  \(padded) \(value)")
    }
}

public enum BenchmarkMain {
    static let groups: [BenchmarkGroup] = [
        CalendarBenchmarks.group, StoreBenchmarks.group, UIBenchmarks.group, ReportBenchmarks.group,
        BulkBenchmarks.group, SoakBenchmarks.group
    ]

    public static func run(_ arguments: [String]) -> Int32 {
        var selected: [String] = []
        var options: [String: String] = [:]
        var i = 0
        while i < arguments.count {
            let a = arguments[i]
            if a == "--help" || a == "-h" {
                print(
                    "Cách dùng: motcua-bench [\(groups.map(\.name).joined(separator: "|"))|all] [--cases N] [--fresh yes] [--dir DIR] [--full yes] [--out DIR]"
                )
                for g in groups { print("  \(g.name): \(g.summary)") }
                return 0
            }
            if a.hasPrefix("--"), i + 1 < arguments.count {
                options[String(a.dropFirst(2))] = arguments[i + 1]
                i += 2
                continue
            }
            selected.append(a)
            i += 1
        }
        if selected.isEmpty || selected.contains("all") { selected = groups.map(\.name) }
        #if DEBUG
            print("CẢNH BÁO: bản build debug; số liệu chỉ có ý nghĩa với `swift run -c release motcua-bench`.")
        #endif
        print("motcua-bench — \(machineDescription())")
        let binaryDirectory = FileSystem.directoryName(FileSystem.absolute(CommandLine.arguments[0]))
        for name in selected {
            guard let group = groups.first(where: { $0.name == name }) else {
                print("không có nhóm đo \"\(name)\"; có: \(groups.map(\.name).joined(separator: ", "))")
                return 2
            }
            let scratch: String
            do { scratch = try FileSystem.makeTemporaryDirectory(prefix: "motcua-bench") } catch {
                print("\(error)")
                return 2
            }
            defer { FileSystem.removeTree(scratch) }
            print("\n[\(group.name)] \(group.summary)")
            do {
                try group.run(BenchmarkContext(binaryDirectory: binaryDirectory, scratch: scratch, options: options))
            } catch {
                print("  lỗi: \(error)")
                return 1
            }
        }
        return 0
    }

    static func machineDescription() -> String {
        var model = "unknown CPU"
        if let text = try? FileSystem.readText("/proc/cpuinfo"),
            let line = text.split(separator: "\n").first(where: { $0.hasPrefix("model name") }),
            let colon = line.firstIndex(of: ":")
        {
            model = line[line.index(after: colon)...].trimmingCharacters(in: " ")
        }
        return "\(model), \(sysconf(Int32(_SC_NPROCESSORS_ONLN))) cores"
    }
}

/// Median and high percentiles of a list of durations.
struct Distribution {
    let sorted: [Double]
    init(_ values: [Double]) { sorted = values.sorted() }
    func percentile(_ p: Double) -> Double {
        guard !sorted.isEmpty else { return 0 }
        let index = Swift.min(sorted.count - 1, Int((p / 100 * Double(sorted.count)).rounded(.up)) - 1)
        return sorted[Swift.max(0, index)]
    }
    var median: Double { percentile(50) }
    var max: Double { sorted.last ?? 0 }
}

/// Formats a number with a fixed number of decimals (no Foundation).
func fixed(_ value: Double, _ decimals: Int) -> String {
    var scale = 1.0
    for _ in 0..<decimals { scale *= 10 }
    let scaled = (value * scale).rounded()
    let whole = Int(scaled / scale)
    if decimals == 0 { return String(whole) }
    let fraction = Int(abs(scaled) - abs(Double(whole)) * scale)
    let digits = String(fraction)
    return
        "\(value < 0 && whole == 0 ? "-" : "")\(whole).\(String(repeating: "0", count: decimals - digits.count))\(digits)"
}

/// Thousands grouped with dots, the Vietnamese way: 1.234.567.
func grouped(_ value: Int) -> String {
    let digits = Array(String(abs(value)))
    var out = ""
    for (i, c) in digits.enumerated() {
        if i > 0 && (digits.count - i) % 3 == 0 { out += "." }
        out.append(c)
    }
    return value < 0 ? "-" + out : out
}

extension Substring {
    func trimmingCharacters(in set: Character) -> String {
        String(drop(while: { $0 == set }).reversed().drop(while: { $0 == set }).reversed())
    }
}
