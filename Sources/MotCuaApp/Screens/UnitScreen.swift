import MotCuaCore
import TerminalUI

/// Thông tin đơn vị (F9, administrators): the names printed at the head of every form and the place name
/// before its date. The unit's code is part of every case number, so it is editable only while no case has
/// been registered.
struct UnitScreen: Screen {
    var form: ScrollForm
    let original: UnitProfile

    init(unit: UnitProfile) {
        // Compared with what the form saves (the two header lines in capitals), so that opening and leaving
        // without typing asks nothing.
        var normalized = unit
        normalized.governingBody = unit.governingBody.uppercased()
        normalized.counterName = unit.counterName.uppercased()
        original = normalized
        form = ScrollForm([
            .section("Thông tin đơn vị (in trên phiếu)"),
            .field(Field(id: .unitName, label: "Tên xã, phường", text: unit.name, maxLength: 80, required: true)),
            .field(
                Field(
                    id: .governingBody, label: "Cơ quan chủ quản", text: unit.governingBody, maxLength: 100,
                    required: true,
                    hint: "in dòng đầu phiếu, chữ in hoa")),
            .field(
                Field(
                    id: .counterName, label: "Tên bộ phận một cửa", text: unit.counterName, maxLength: 100,
                    required: true)),
            .field(
                Field(
                    id: .unitCode, label: "Mã định danh", text: unit.unitCode, maxLength: 40, required: true,
                    hint: "dùng trong mã hồ sơ; chỉ đổi được khi chưa có hồ sơ nào", vietnamese: false
                ) {
                    UnitProfile.isValidUnitCode($0)
                        ? nil : "chỉ gồm chữ in hoa, chữ số và dấu chấm (ví dụ 000.00.15.H42)"
                }),
            .field(Field(id: .province, label: "Tỉnh, thành phố", text: unit.province, maxLength: 80, required: true)),
            .field(Field(id: .address, label: "Địa chỉ", text: unit.address, maxLength: 120)),
            .field(Field(id: .phone, label: "Điện thoại", text: unit.phone, maxLength: 20, vietnamese: false)),
            .field(
                Field(
                    id: .placeName, label: "Địa danh ghi ngày", text: unit.placeName, maxLength: 60, required: true,
                    hint: "in trước ngày tháng: \"Tân Phú, ngày … tháng … năm …\""))
        ])
        form.focus(on: .unitName)
    }

    var title: String { "Thông tin đơn vị" }
    var isForm: Bool { true }
    var hasUnsavedInput: Bool { edited != original }
    var keyMap: KeyMap { KeyMap([KeyBinding([.function(10), .control("s")], AppCommand.save)]) }

    /// The profile as typed.
    var edited: UnitProfile {
        var u = original
        u.name = form.value(.unitName)
        u.governingBody = form.value(.governingBody).uppercased()
        u.counterName = form.value(.counterName).uppercased()
        u.unitCode = form.value(.unitCode)
        u.province = form.value(.province)
        u.address = form.value(.address)
        u.phone = form.value(.phone)
        u.placeName = form.value(.placeName)
        return u
    }

    mutating func handle(_ event: ScreenEvent, _ context: ScreenContext) -> [Effect] {
        let plain = form.focusedID == .unitCode || form.focusedID == .phone
        switch commonFormEvent(
            event, in: &form, inputMethod: plain ? nil : context.input.active, unsaved: hasUnsavedInput,
            question: "Bỏ thay đổi?", detail: "Các thông tin đã sửa chưa lưu sẽ mất. Bỏ và quay lại?")
        {
        case .save: return save()
        case .effects(let effects): return effects
        case nil: return []
        }
    }

    mutating func save() -> [Effect] {
        if let problem = form.checkAll() { return [.status(problem, .error)] }
        if edited == original { return [.status("Không có gì thay đổi", .dim), .pop] }
        return [.perform(.saveUnitProfile(edited))]
    }

    func render(into frame: inout Frame, _ context: ScreenContext) {
        let area = context.area
        form.render(
            into: &frame,
            rect: Rect(row: area.row + 1, column: 1, width: min(area.width - 2, 100), height: area.height - 3),
            labelWidth: 24)
        frame.put(
            "* bắt buộc   Tab/Enter: ô sau   F10: lưu   Esc: quay lại", row: area.bottom - 1, column: 1, style: .dim,
            maxWidth: area.width - 2)
    }
}
