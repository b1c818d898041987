import MotCuaCore

/// The configuration shipped in `Config/`, compiled into the binary so that the program works from any
/// directory and on a machine without the source tree.
public enum ShippedConfig {
    /// `Config/holidays.json` as shipped.
    public static var holidaysJSON: String { String(decoding: PackageResources.holidays_json, as: UTF8.self) }

    /// The shipped working hours and holiday data. The file is checked by the tests, so a failure here is a
    /// build defect, not a user error.
    public static func calendarConfig() -> CalendarConfig {
        do {
            return try CalendarConfig.parse(holidaysJSON, file: "Config/holidays.json")
        } catch {
            fatalError("Config/holidays.json shipped with the program is invalid: \(error)")
        }
    }
}
