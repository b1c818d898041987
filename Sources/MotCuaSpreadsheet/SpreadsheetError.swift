#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Why a workbook or an archive could not be written. `description` is Vietnamese, for the officer; no
/// cell content appears in it (cells may hold personal data).
public enum SpreadsheetError: Error, Equatable, Sendable, CustomStringConvertible {
    /// An operating-system call failed: what was being done, the file, and `errno`.
    case system(operation: String, path: String, code: Int32)
    /// The archive would pass a limit of the ZIP format without ZIP64 (4 GiB, 65,535 entries).
    case archiveTooLarge
    /// A sheet would have more rows (1,048,576) or columns (16,384) than a spreadsheet program opens.
    case tooManyRows(sheet: String)
    case tooManyColumns(sheet: String, row: Int)
    /// A date or time that does not exist, or one before 1 March 1900 (the first serial date that every
    /// spreadsheet program reads the same way). `row` is 1-based.
    case invalidDate(sheet: String, row: Int, column: Int)
    /// A merged range that is a single cell, is reversed, lies outside the sheet, or overlaps another.
    case invalidMerge(sheet: String, range: String)
    /// A column width outside 0…255.
    case invalidColumnWidth(sheet: String, column: Int)

    public var description: String {
        switch self {
        case let .system(operation, path, code):
            return "\(operation) \(path): \(SpreadsheetError.reason(errno: code))"
        case .archiveTooLarge:
            return "Tệp bảng tính quá lớn (vượt giới hạn 4 GiB của định dạng ZIP)"
        case let .tooManyRows(sheet):
            return "Trang \"\(sheet)\" vượt quá 1.048.576 dòng"
        case let .tooManyColumns(sheet, row):
            return "Dòng \(row) của trang \"\(sheet)\" vượt quá 16.384 cột"
        case let .invalidDate(sheet, row, column):
            return "Ngày giờ không hợp lệ ở ô \(CellRange.columnName(column - 1))\(row) của trang \"\(sheet)\""
        case let .invalidMerge(sheet, range):
            return "Vùng gộp ô \(range) của trang \"\(sheet)\" không hợp lệ"
        case let .invalidColumnWidth(sheet, column):
            return "Độ rộng cột \(CellRange.columnName(column - 1)) của trang \"\(sheet)\" không hợp lệ"
        }
    }

    static func reason(errno code: Int32) -> String {
        switch code {
        case ENOENT: return "thư mục không tồn tại"
        case EACCES, EPERM: return "không có quyền ghi"
        case ENOSPC, EDQUOT: return "ổ đĩa đã đầy"
        case EFBIG: return "tệp vượt quá kích thước cho phép"
        case EROFS: return "ổ đĩa chỉ cho phép đọc"
        case EISDIR: return "là một thư mục, không phải tệp"
        case ENOTDIR: return "một phần của đường dẫn không phải thư mục"
        case EIO: return "lỗi đọc/ghi thiết bị"
        case ENAMETOOLONG: return "đường dẫn quá dài"
        default:
            if let s = strerror(code) { return "lỗi hệ thống \(code) (\(String(cString: s)))" }
            return "lỗi hệ thống \(code)"
        }
    }
}

/// A local date and time with its offset from UTC: the workbook's creation time (given by the caller, the
/// writer never reads the clock) and the modification time of the archive's entries.
public struct DocumentTimestamp: Sendable, Hashable {
    public let year: Int, month: Int, day: Int
    public let hour: Int, minute: Int, second: Int
    /// Minutes east of UTC (Vietnam: 420).
    public let utcOffsetMinutes: Int

    /// A valid date and time, or nil.
    public init?(
        year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0, utcOffsetMinutes: Int
    ) {
        guard CivilDays.isValid(year: year, month: month, day: day), (0..<24).contains(hour), (0..<60).contains(minute),
            (0..<60).contains(second), abs(utcOffsetMinutes) <= 14 * 60
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
        self.hour = hour
        self.minute = minute
        self.second = second
        self.utcOffsetMinutes = utcOffsetMinutes
    }

    /// W3C date-time in UTC ("2026-11-26T02:30:00Z"), as `dcterms:created` takes it.
    var w3cUTC: String {
        let local = CivilDays.days(year: year, month: month, day: day) * 86_400 + hour * 3600 + minute * 60 + second
        let utc = local - utcOffsetMinutes * 60
        let days = utc >= 0 ? utc / 86_400 : (utc - 86_399) / 86_400
        let seconds = utc - days * 86_400
        let (y, m, d) = CivilDays.civil(days: days)
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        let yearText = String(repeating: "0", count: max(0, 4 - String(y).count)) + String(y)
        return "\(yearText)-\(two(m))-\(two(d))T\(two(seconds / 3600)):\(two(seconds / 60 % 60)):\(two(seconds % 60))Z"
    }

    /// MS-DOS date and time (local time, 2-second resolution; years before 1980 become 1 January 1980).
    var dosDateTime: (date: UInt16, time: UInt16) {
        guard year >= 1980 else { return (date: 1 << 5 | 1, time: 0) }
        let date = (min(year, 2107) - 1980) << 9 | month << 5 | day
        let time = hour << 11 | minute << 5 | second / 2
        return (UInt16(date), UInt16(time))
    }
}

/// Days of the proleptic Gregorian calendar counted from 1970-01-01.
enum CivilDays {
    static func isLeap(_ year: Int) -> Bool { year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) }

    static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    static func isValid(year: Int, month: Int, day: Int) -> Bool {
        (1...9999).contains(year) && (1...12).contains(month) && day >= 1
            && day <= daysInMonth(year: year, month: month)
    }

    /// Days from 1970-01-01 to the given date (negative before it). Counts whole 400-year cycles of
    /// 146,097 days from 1 March of year 0, so that the leap day falls at the end of each counted year.
    static func days(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year  // years start on 1 March
        let cycle = (y >= 0 ? y : y - 399) / 400
        let yearOfCycle = y - cycle * 400  // 0…399
        let monthFromMarch = (month + 9) % 12  // March = 0 … February = 11
        let dayOfYear = (153 * monthFromMarch + 2) / 5 + day - 1
        let dayOfCycle = yearOfCycle * 365 + yearOfCycle / 4 - yearOfCycle / 100 + dayOfYear
        return cycle * 146_097 + dayOfCycle - 719_468  // 719,468 days from 0000-03-01 to 1970-01-01
    }

    /// The date `days` after 1970-01-01 (the inverse of `days(year:month:day:)`).
    static func civil(days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let cycle = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfCycle = z - cycle * 146_097
        let yearOfCycle = (dayOfCycle - dayOfCycle / 1460 + dayOfCycle / 36_524 - dayOfCycle / 146_096) / 365
        let dayOfYear = dayOfCycle - (365 * yearOfCycle + yearOfCycle / 4 - yearOfCycle / 100)
        let monthFromMarch = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthFromMarch + 2) / 5 + 1
        let month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9
        let year = yearOfCycle + cycle * 400 + (month <= 2 ? 1 : 0)
        return (year, month, day)
    }
}
