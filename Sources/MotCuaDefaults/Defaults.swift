import MotCuaCore
import MotCuaSystem

/// Everything a new database is seeded with.
public struct SeedConfig: Sendable {
    public var unit: UnitProfile
    public var bodies: [Body]
    public var procedures: [ProcedureVersion]
    public var calendar: CalendarConfig

    public init(unit: UnitProfile, bodies: [Body], procedures: [ProcedureVersion], calendar: CalendarConfig) {
        self.unit = unit
        self.bodies = bodies
        self.procedures = procedures
        self.calendar = calendar
    }
}

/// The configuration shipped in `Config/`, compiled into the binary so that the program works from any
/// directory and on a machine without the source tree.
public enum ShippedConfig {
    public static let fileNames = ["unit.json", "bodies.json", "catalogue.json", "holidays.json"]

    /// The shipped text of one of `fileNames`.
    public static func text(_ name: String) -> String {
        switch name {
        case "unit.json": String(decoding: PackageResources.unit_json, as: UTF8.self)
        case "bodies.json": String(decoding: PackageResources.bodies_json, as: UTF8.self)
        case "catalogue.json": String(decoding: PackageResources.catalogue_json, as: UTF8.self)
        case "holidays.json": String(decoding: PackageResources.holidays_json, as: UTF8.self)
        case "forms.json": String(decoding: PackageResources.forms_json, as: UTF8.self)
        default: preconditionFailure("no shipped file \(name)")
        }
    }

    /// `Config/holidays.json` as shipped.
    public static var holidaysJSON: String { text("holidays.json") }

    /// The shipped working hours and holiday data. The tests parse every shipped file, so a failure here
    /// is a build defect, not a user error.
    public static func calendarConfig() -> CalendarConfig {
        do {
            return try CalendarConfig.parse(holidaysJSON, file: "Config/holidays.json")
        } catch {
            fatalError("Config/holidays.json shipped with the program is invalid: \(error)")
        }
    }

    /// The shipped seed.
    public static func seed() throws(ConfigError) -> SeedConfig {
        try parseSeed {
            "Config/" + $0
        } text: {
            text($0)
        }
    }

    /// The seed from a folder: each of `fileNames` present there replaces the shipped one.
    public static func seed(directory: String) throws -> SeedConfig {
        guard FileSystem.isDirectory(directory) else {
            throw ConfigError(file: directory, field: "", reason: "không phải thư mục cấu hình")
        }
        var texts: [String: String] = [:]
        for name in fileNames {
            let path = directory + "/" + name
            texts[name] = FileSystem.exists(path) ? try FileSystem.readText(path) : text(name)
        }
        return try parseSeed {
            FileSystem.exists(directory + "/" + $0) ? directory + "/" + $0 : "Config/" + $0
        } text: {
            texts[$0]!
        }
    }

    static func parseSeed(label: (String) -> String, text: (String) -> String) throws(ConfigError) -> SeedConfig {
        let unit = try UnitFile.parse(text("unit.json"), file: label("unit.json"))
        let bodies = try BodiesFile.parse(text("bodies.json"), file: label("bodies.json"))
        let procedures = try CatalogueFile.parse(
            text("catalogue.json"), file: label("catalogue.json"),
            knownBodies: Set(bodies.map(\.code)))
        let calendar = try CalendarConfig.parse(text("holidays.json"), file: label("holidays.json"))
        return SeedConfig(unit: unit, bodies: bodies, procedures: procedures, calendar: calendar)
    }
}
