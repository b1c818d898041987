import TerminalUI

/// The identities of every command of the program, declared once.
public extension CommandID {
    static let addOfficer = CommandID("addOfficer")
    static let adminBackup = CommandID("adminBackup")
    static let adminBodies = CommandID("adminBodies")
    static let adminCalendar = CommandID("adminCalendar")
    static let adminCatalogue = CommandID("adminCatalogue")
    static let adminOfficers = CommandID("adminOfficers")
    static let adminPrinter = CommandID("adminPrinter")
    static let adminUnit = CommandID("adminUnit")
    static let back = CommandID("back")
    static let backup = CommandID("backup")
    static let byBody = CommandID("byBody")
    static let cancel = CommandID("cancel")
    static let caseView = CommandID("caseView")
    static let changePassword = CommandID("changePassword")
    static let correct = CommandID("correct")
    static let documents = CommandID("documents")
    static let evaluate = CommandID("evaluate")
    static let explain = CommandID("explain")
    static let exportData = CommandID("exportData")
    static let handOver = CommandID("handOver")
    static let help = CommandID("help")
    static let inputTelex = CommandID("inputTelex")
    static let inputVNI = CommandID("inputVNI")
    static let lock = CommandID("lock")
    static let lockOfficer = CommandID("lockOfficer")
    static let login = CommandID("login")
    static let logout = CommandID("logout")
    static let menu = CommandID("menu")
    static let messages = CommandID("messages")
    static let newCase = CommandID("newCase")
    static let open = CommandID("open")
    static let pick = CommandID("pick")
    static let print = CommandID("print")
    static let printCatalogue = CommandID("printCatalogue")
    static let quit = CommandID("quit")
    static let refresh = CommandID("refresh")
    static let refuse = CommandID("refuse")
    static let reports = CommandID("reports")
    static let reschedule = CommandID("reschedule")
    static let resetPassword = CommandID("resetPassword")
    static let result = CommandID("result")
    static let returnNow = CommandID("returnNow")
    static let save = CommandID("save")
    static let saveFile = CommandID("saveFile")
    static let search = CommandID("search")
    static let showReport = CommandID("showReport")
    static let stop = CommandID("stop")
    static let supplement = CommandID("supplement")
    static let testPrint = CommandID("testPrint")
    static let toggleTyping = CommandID("toggleTyping")
    static let toneStyle = CommandID("toneStyle")
    static let withdraw = CommandID("withdraw")
}

/// Every command of the program with its Vietnamese title (ui.md: the key map is a contract).
public enum AppCommand {
    public static let help = Command(
        id: .help, title: "Trợ giúp", help: "xem các phím dùng được ở màn hình này", short: "Giúp")
    public static let newCase = Command(
        id: .newCase, title: "Tiếp nhận", help: "tiếp nhận hồ sơ mới (phiếu tiếp nhận)", short: "Nhận HS")
    public static let search = Command(
        id: .search, title: "Tra cứu", help: "tìm hồ sơ theo mã, họ tên, số giấy tờ, điện thoại")
    public static let pick = Command(id: .pick, title: "Chọn", help: "mở danh sách để chọn cho ô đang nhập")
    public static let handOver = Command(
        id: .handOver, title: "Chuyển", help: "giao hồ sơ cho cơ quan tiếp theo / ghi nhận cơ quan đã nhận")
    public static let result = Command(
        id: .result, title: "Trả kết quả", help: "ghi nhận đã có kết quả / trả kết quả cho người nộp", short: "Trả KQ")
    public static let reports = Command(
        id: .reports, title: "Báo cáo", help: "sổ theo dõi, thống kê, hồ sơ trễ hạn, đánh giá")
    public static let print = Command(id: .print, title: "In", help: "in hoặc lưu văn bản của màn hình này")
    public static let menu = Command(id: .menu, title: "Menu", help: "mọi chức năng, kể cả quản trị")
    public static let save = Command(id: .save, title: "Lưu", help: "lưu / xác nhận")
    public static let back = Command(
        id: .back, title: "Quay lại", help: "quay lại / hủy (hỏi trước khi bỏ dữ liệu đã gõ)")
    public static let quit = Command(id: .quit, title: "Thoát", help: "thoát chương trình (hỏi trước)")
    public static let messages = Command(
        id: .messages, title: "Thông báo", help: "xem đầy đủ các thông báo gần đây (khi một thông báo dài bị cắt)")
    public static let toggleTyping = Command(
        id: .toggleTyping, title: "Gõ tiếng Việt",
        help: "bật/tắt bộ gõ tiếng Việt có sẵn (Telex; chọn VNI trong Menu); trạng thái VI/EN ở dòng tiêu đề")
    public static let open = Command(id: .open, title: "Mở", help: "mở hồ sơ đang chọn")
    public static let explain = Command(id: .explain, title: "Giải thích hạn", help: "xem vì sao có ngày hẹn trả này")
    public static let lock = Command(id: .lock, title: "Khóa màn hình", help: "khóa màn hình, mở lại bằng mật khẩu")
    public static let changePassword = Command(
        id: .changePassword, title: "Đổi mật khẩu", help: "đổi mật khẩu đăng nhập của mình")
    public static let logout = Command(id: .logout, title: "Đăng xuất", help: "kết thúc phiên làm việc của cán bộ")
    public static let login = Command(
        id: .login, title: "Đăng nhập", help: "đăng nhập bằng tên và mật khẩu", short: "Vào")
    public static let refresh = Command(id: .refresh, title: "Làm mới", help: "đọc lại số liệu")
    public static let inputMethodVNI = Command(
        id: .inputVNI, title: "Kiểu gõ VNI", help: "dùng kiểu gõ VNI (1–5 dấu thanh, 6–9 dấu mũ, móc, trăng, đ)")
    public static let inputMethodTelex = Command(
        id: .inputTelex, title: "Kiểu gõ Telex", help: "dùng kiểu gõ Telex (s f r x j; aa ee oo aw ow uw dd)")
    public static let toneStyle = Command(
        id: .toneStyle, title: "Kiểu đặt dấu", help: "chuyển giữa kiểu mới (hoà, thuỳ) và kiểu cũ (hòa, thủy)")

    /// Global keys, shown on every screen's key bar after the screen's own (ui.md "Keys").
    public static let global = KeyMap([
        KeyBinding([.function(1)], help),
        KeyBinding([.function(2)], newCase),
        KeyBinding([.function(3)], search),
        KeyBinding([.function(7)], reports),
        KeyBinding([.function(9)], menu),
        KeyBinding([.escape], back, inBar: false),
        KeyBinding([.control("q")], quit),
        KeyBinding([.control("t")], toggleTyping, inBar: false),
        KeyBinding([.control("o")], messages, inBar: false)
    ])

    /// Keys that stay global inside a form (F2, F3, F7 are "everywhere outside a form").
    public static let globalInForm = KeyMap([
        KeyBinding([.function(1)], help),
        KeyBinding([.function(9)], menu),
        KeyBinding([.escape], back, inBar: false),
        KeyBinding([.control("q")], quit),
        KeyBinding([.control("t")], toggleTyping, inBar: false),
        KeyBinding([.control("o")], messages, inBar: false)
    ])
}
