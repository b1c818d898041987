import MotCuaCore
import Testing
@testable import TerminalUI

// MARK: - Harness

/// Simulates the editor: the text typed so far; for every key, the word before the cursor is the
/// trailing run of word characters (`isWordCharacter(_:for:)`), `apply` is called (for every key,
/// punctuation included), and its result replaces that word, or else the key is appended.
func typed(_ keys: String, _ method: VietnameseInputMethod, outputs: ((String) -> Void)? = nil) -> String {
    var text = ""
    for key in keys {
        let start =
            text.lastIndex { !VietnameseInputMethod.isWordCharacter($0, for: method.kind) }
            .map { text.index(after: $0) } ?? text.startIndex
        let word = String(text[start...])
        if let replacement = method.apply(key, to: word) {
            outputs?(replacement)
            text.replaceSubrange(start..., with: replacement)
        } else {
            text.append(key)
        }
    }
    return text
}

/// One row of a typing table: the keys pressed and the text expected on screen.
struct TypingCase: Sendable, CustomTestStringConvertible {
    let keys: String
    let expected: String
    var testDescription: String { "\"\(keys)\" → \"\(expected)\"" }
}

/// Parses "keys | expected" lines; blank lines and lines starting with "#" are skipped.
func table(_ text: String) -> [TypingCase] {
    text.split(separator: "\n").compactMap { line in
        let line = line.drop { $0 == " " }
        guard !line.isEmpty, !line.hasPrefix("#"), let bar = line.firstRange(of: " | ") else { return nil }
        return TypingCase(keys: String(line[..<bar.lowerBound]), expected: String(line[bar.upperBound...]))
    }
}

/// True if every character is a single Unicode scalar: for Vietnamese letters, that is NFC.
func isPrecomposed(_ s: String) -> Bool {
    s.allSatisfy { $0.unicodeScalars.count == 1 }
}

let telexModern = VietnameseInputMethod(kind: .telex, toneStyle: .modern)
let telexTraditional = VietnameseInputMethod(kind: .telex, toneStyle: .traditional)
let vniModern = VietnameseInputMethod(kind: .vni, toneStyle: .modern)
let vniTraditional = VietnameseInputMethod(kind: .vni, toneStyle: .traditional)

// MARK: - Telex, independent of the tone style (run with both styles)

let telexCases = table(
    """
    # Names
    Nguyeenx | Nguyễn
    Nguyenxe | Nguyễn
    nguyeenx | nguyễn
    Huynhf | Huỳnh
    Huyfnh | Huỳnh
    Khuee | Khuê
    Quyeets | Quyết
    Quyeest | Quyết
    Quyetse | Quyết
    Giuwx | Giữ
    Giwx | Giữ
    Ddawngj | Đặng
    Dawngjd | Đặng
    Dduwcs | Đức
    Duwcsd | Đức
    Truwowng | Trương
    Truowng | Trương
    Truongw | Trương
    Phuwowngj | Phượng
    Phuongwj | Phượng
    Khoa | Khoa
    Tuaans | Tuấn
    Tuansa | Tuấn
    Quynhf | Quỳnh
    Nghiax | Nghĩa
    Hwng | Hưng
    Huwng | Hưng
    Huwowng | Hương
    Huongw | Hương
    Dungx | Dũng
    Yeens | Yến
    Uyeen | Uyên
    Oanh | Oanh
    Khanhs | Khánh
    Giang | Giang
    Gia | Gia
    Quoocs | Quốc
    Quocos | Quốc
    Quys | Quý
    Ngocj | Ngọc
    Thaor | Thảo
    Luwu | Lưu
    Luuw | Lưu
    Vux | Vũ
    Vox | Võ
    Traanf | Trần
    Lee | Lê
    Phamj | Phạm
    Hoangf | Hoàng
    Ddoox | Đỗ
    Buif | Bùi
    Ddinh | Đinh
    Lys | Lý
    Duwowng | Dương
    Laam | Lâm
    Too | Tô
    Hoof | Hồ
    Ngoo | Ngô
    Ddaof | Đào
    Ddoanf | Đoàn
    Taj | Tạ
    Chaau | Châu
    Thij | Thị
    Vawn | Văn
    Huwux | Hữu
    Hair | Hải
    Hieeus | Hiếu
    Hungf | Hùng
    Phucs | Phúc
    Loocj | Lộc
    Thawngs | Thắng
    Cuwowngf | Cường
    Hanhj | Hạnh
    Xuaan | Xuân
    Hawngf | Hằng
    Ngaan | Ngân
    Dieepj | Diệp
    Tieens | Tiến
    Vieetj | Việt
    Kieeuf | Kiều
    Duyeen | Duyên
    Huyeenf | Huyền
    Tuyeets | Tuyết
    Toanf | Toàn
    Thuaanj | Thuận
    Nguyeetj | Nguyệt
    Quaan | Quân
    Quyeenf | Quyền
    Giaps | Giáp
    Ddatj | Đạt
    Ddieepj | Điệp
    Truwowngf | Trường
    Nhuw | Như
    Nhw | Như
    Thw | Thư
    Nguyeenx Thij Minh Khai | Nguyễn Thị Minh Khai
    Traanf Hwng Ddaoj | Trần Hưng Đạo
    Lee Lowij | Lê Lợi
    Hai Baf Trwng | Hai Bà Trưng
    Ddieenj Bieen Phur | Điện Biên Phủ
    Vox Thij Sasu | Võ Thị Sáu

    # Common words
    dduwowngf | đường
    dduongwf | đường
    nguwowif | người
    nguoiwf | người
    nghieeng | nghiêng
    khuyur | khuỷu
    quoocs | quốc
    giuwowngf | giường
    chuyeenj | chuyện
    luaatj | luật
    thuowr | thuở
    uwu | ưu
    wu | ưu
    uwown | ươn
    huwowngs | hướng
    thuyeenf | thuyền
    truyeenj | truyện
    tieengs | tiếng
    tieengs vieetj | tiếng việt
    truongwf | trường
    nhw | như
    nhwng | nhưng
    wng | ưng
    khuya | khuya
    yeeus | yếu
    yeeu | yêu
    ngoaif | ngoài
    mias | mía
    muas | múa
    muwa | mưa
    muaw | mưa
    hais | hái
    caos | cáo
    tuooir | tuổi
    tuoiro | tuổi
    quas | quá
    giuwx | giữ
    giaf | già
    gif | gì
    gifn | gìn
    giuwxa | giữa
    giuwax | giữa
    hoanf | hoàn
    toans | toán
    quyeets | quyết
    khuyeens | khuyến
    ruwowuj | rượu
    rwowuj | rượu
    cuwus | cứu
    huwu | hưu
    gawps | gắp
    ddi | đi
    ddaauf | đầu
    ddoongf | đồng
    ddowij | đợi
    dduwowcj | được
    ddwowcj | được
    duwowcj | dược
    hoawcj | hoặc
    xoawns | xoắn
    nuwowcs | nước
    muoons | muốn
    chuoong | chuông
    khoong | không
    cuar | của
    nhuwngx | những
    ddeens | đến
    mootj | một
    hocj | học
    truwowngf hocj | trường học
    laf | là
    vaf | và
    cos | có
    giaays | giấy
    quyeenf | quyền
    gieo | gieo
    gieengs | giếng
    nghix | nghĩ
    ngheef | nghề
    thuwowngf | thường
    khuyeen | khuyên
    quyr | quỷ
    uoongs | uống
    uwowts | ướt
    thoair mais | thoải mái
    baor hieemr | bảo hiểm
    ddaats ddai | đất đai
    chuwngs minh | chứng minh
    nhaan daan | nhân dân
    cawn cuwowcs coong daan | căn cước công dân
    hooj khaaur | hộ khẩu
    keets hoon | kết hôn
    ddawng kys | đăng ký
    ddiaj chir | địa chỉ
    quee quasn | quê quán
    thuwowngf trus | thường trú
    tajm trus | tạm trú
    giaays towf | giấy tờ
    ngayf sinh | ngày sinh
    nowi sinh | nơi sinh
    quoocs tichj | quốc tịch
    daan toocj | dân tộc
    toon giaos | tôn giáo
    chur hooj | chủ hộ
    quan heej | quan hệ
    vowj choongf | vợ chồng
    ddaays | đấy

    # The tone moves (or the letters change) when more letters are typed
    gisa | giá
    hoafn | hoàn
    hoafi | hoài
    ngoafi | ngoài
    khuyru | khuỷu
    thuyfeen | thuyền
    tiesen | tiến
    nguwowfi | người
    dduwowfng | đường
    Huwowfng | Hường
    thuwowfng | thường
    tuoroi | tuổi
    vieejt | việt
    tieesng | tiếng
    hojc | học
    Nguyeexn | Nguyễn
    dduwowjc | được
    truowng | trương

    # Undo by typing the key again
    ass | as
    aaa | aa
    ddd | dd
    aww | aw
    ooo | oo
    eee | ee
    oww | ow
    tieengss | tiêngs
    asf | à
    asff | af
    asj | ạ
    asjj | aj
    hoaff | hoaf
    muass | muas
    tieengsz | tiêng
    asz | a
    az | az
    ww | w
    www | ww
    xooong | xoong
    vieee | viee
    dduwowngff | đươngf
    Laoss | Laos
    bosss | boss
    did | đi
    didd | did

    # Capitals
    AS | Á
    As | Á
    aS | á
    ASS | AS
    DD | Đ
    Dd | Đ
    dD | đ
    NGUYEENX | NGUYỄN
    TRUWOWNGF | TRƯỜNG
    TRUONGWF | TRƯỜNG
    DDUWCS | ĐỨC
    DDAWNGJ | ĐẶNG
    QUOOCS | QUỐC
    DDOOX | ĐỖ
    HUYNHF | HUỲNH
    NGUWOWIF | NGƯỜI
    TIEENGS VIEETJ | TIẾNG VIỆT
    W | Ư
    Wng | Ưng
    Ddoocj laapj - Tuwj do - Hanhj phucs | Độc lập - Tự do - Hạnh phúc

    # Addresses: punctuation and digits end words, digits are never keys
    Thoon 3, xax Taan Phus | Thôn 3, xã Tân Phú
    Soos 12, dduwowngf Nguyeenx Traix | Số 12, đường Nguyễn Trãi
    Phuwowngf 5, quaanj 10 | Phường 5, quận 10
    Ddawks Lawks | Đắk Lắk
    Ddawks Noong | Đắk Nông
    Kroong Buks | Krông Búk
    Buoon Ma Thuootj | Buôn Ma Thuột
    Toor 7, aaps Ddoong | Tổ 7, ấp Đông
    Huyeenj Cur Chi | Huyện Củ Chi
    Tirnh Quangr Nam | Tỉnh Quảng Nam
    Khu phoos 3, thij traans | Khu phố 3, thị trấn
    soos nhaf 45/2 | số nhà 45/2
    Haf Nooij | Hà Nội
    TP. Hoof Chis Minh | TP. Hồ Chí Minh
    Thanhf phoos Ddaf Nawngx | Thành phố Đà Nẵng
    CCCD soos 0123 | CCCD số 0123
    ngayf 15/08/2024 | ngày 15/08/2024
    Caanf Thow | Cần Thơ
    Bawcs Giang | Bắc Giang
    Ddoongf Nai | Đồng Nai
    Quangr Ngaix | Quảng Ngãi
    Thuwaf Thieen Huees | Thừa Thiên Huế
    Ngheej An | Nghệ An
    Binhf Duwowng | Bình Dương
    Vinhx Long | Vĩnh Long
    Socs Trawng | Sóc Trăng
    Laam Ddoongf | Lâm Đồng
    Taan Phus-Quangr Nam | Tân Phú-Quảng Nam
    Sdt: 0905 123 456 | Sdt: 0905 123 456
    Email: nguyenvana@gmail.com | Email: nguyenvana@gmail.com
    Tooi 2 laanf | Tôi 2 lần
    a1 | a1

    # English and other non-Vietnamese words come out unchanged
    Excel | Excel
    email | email
    Facebook | Facebook
    USB | USB
    ASUS | ASUS
    asus | asus
    Asus | Asus
    fax | fax
    class | class
    Windows | Windows
    Word | Word
    Google | Google
    Gmail | Gmail
    Zalo | Zalo
    Samsung | Samsung
    PowerPoint | PowerPoint
    Wifi | Wifi
    Twitter | Twitter
    iPhone | iPhone
    Internet | Internet
    online | online
    Youtube | Youtube
    TikTok | TikTok
    # a doubled tone letter undoes the tone, so it is typed three times (as "bosss" above)
    Messsenger | Messenger
    OK | OK
    PDF | PDF
    Zoom | Zoom
    Microsoft | Microsoft
    Java | Java
    Python | Python
    Excel 2019 | Excel 2019
    USB 3.0 | USB 3.0
    file Word, Excel, PDF | file Word, Excel, PDF

    # Invalid sequences are not transformed
    asd | asd
    hjk | hjk
    qwerty | qwerty
    xyz | xyz
    abcd | abcd
    aeiou | aeiou
    Bs | Bs
    ngf | ngf
    ddf | ddf
    acf | acf
    matf | matf
    hocf | hocf
    mats | mát
    """)

@Test("Telex, both tone styles", arguments: telexCases, ToneStyle.allCases)
func telex(_ c: TypingCase, style: ToneStyle) {
    #expect(typed(c.keys, VietnameseInputMethod(kind: .telex, toneStyle: style)) == c.expected)
}

// MARK: - Telex, style-dependent (oa, oe, uy in open syllables)

let telexModernCases = table(
    """
    Hoaf | Hoà
    hoaf | hoà
    HOAF | HOÀ
    Thuyr | Thuỷ
    Thuys | Thuý
    Thuyf | Thuỳ
    thuyf | thuỳ
    hoef | hoè
    loef | loè
    xoas | xoá
    uyr | uỷ
    khoer | khoẻ
    khoas | khoá
    toaf | toà
    hoaj | hoạ
    tuyf | tuỳ
    tuys | tuý
    thoar | thoả
    xoaf | xoà
    oaf | oà
    hosa | hoá
    thusy | thuý
    xax Hoaf Phus | xã Hoà Phú
    COONGJ HOAF XAX HOOIJ CHUR NGHIAX VIEETJ NAM | CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM
    Khanhs Hoaf | Khánh Hoà
    Hoaf Binhf | Hoà Bình
    Thanh Hoas | Thanh Hoá
    hoaf binhf | hoà bình
    khoer manhj | khoẻ mạnh
    tuyf thichs | tuỳ thích
    thuyr tinh | thuỷ tinh
    uyr ban nhaan daan | uỷ ban nhân dân
    Nguyeenx Thij Thuyr | Nguyễn Thị Thuỷ
    loaf xoaf | loà xoà
    hoar hoanj | hoả hoạn
    huyr bor | huỷ bỏ
    """)

let telexTraditionalCases = table(
    """
    Hoaf | Hòa
    hoaf | hòa
    HOAF | HÒA
    Thuyr | Thủy
    Thuys | Thúy
    Thuyf | Thùy
    thuyf | thùy
    hoef | hòe
    loef | lòe
    xoas | xóa
    uyr | ủy
    khoer | khỏe
    khoas | khóa
    toaf | tòa
    hoaj | họa
    tuyf | tùy
    tuys | túy
    thoar | thỏa
    xoaf | xòa
    oaf | òa
    hosa | hóa
    thusy | thúy
    xax Hoaf Phus | xã Hòa Phú
    COONGJ HOAF XAX HOOIJ CHUR NGHIAX VIEETJ NAM | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
    Khanhs Hoaf | Khánh Hòa
    Hoaf Binhf | Hòa Bình
    Thanh Hoas | Thanh Hóa
    hoaf binhf | hòa bình
    khoer manhj | khỏe mạnh
    tuyf thichs | tùy thích
    thuyr tinh | thủy tinh
    uyr ban nhaan daan | ủy ban nhân dân
    Nguyeenx Thij Thuyr | Nguyễn Thị Thủy
    loaf xoaf | lòa xòa
    hoar hoanj | hỏa hoạn
    huyr bor | hủy bỏ
    """)

@Test("Telex, modern tone style", arguments: telexModernCases)
func telexModernStyle(_ c: TypingCase) {
    #expect(typed(c.keys, telexModern) == c.expected)
}

@Test("Telex, traditional tone style", arguments: telexTraditionalCases)
func telexTraditionalStyle(_ c: TypingCase) {
    #expect(typed(c.keys, telexTraditional) == c.expected)
}

// MARK: - VNI

let vniCases = table(
    """
    # Names
    Nguye6n4 | Nguyễn
    Nguyen64 | Nguyễn
    Nguyen46 | Nguyễn
    NGUYE6N4 | NGUYỄN
    Huy2nh | Huỳnh
    Huynh2 | Huỳnh
    Khue6 | Khuê
    Quye6t1 | Quyết
    Quyet61 | Quyết
    Giu74 | Giữ
    D9a8ng5 | Đặng
    Dang859 | Đặng
    D9u7c1 | Đức
    Duc719 | Đức
    Tru7o7ng | Trương
    Truong7 | Trương
    Phuong75 | Phượng
    Khoa | Khoa
    Tua6n1 | Tuấn
    Quynh2 | Quỳnh
    Nghia4 | Nghĩa
    Hu7ng | Hưng
    Hu7o7ng | Hương
    Huong7 | Hương
    Dung4 | Dũng
    Ye6n1 | Yến
    Uye6n | Uyên
    Oanh | Oanh
    Khanh1 | Khánh
    Giang | Giang
    Gia | Gia
    Quo6c1 | Quốc
    Quy1 | Quý
    Ngoc5 | Ngọc
    Thao3 | Thảo
    Lu7u | Lưu
    Vu4 | Vũ
    Vo4 | Võ
    Tra6n2 | Trần
    Le6 | Lê
    Pham5 | Phạm
    Hoang2 | Hoàng
    D9o64 | Đỗ
    Bui2 | Bùi
    D9inh | Đinh
    Ly1 | Lý
    Du7o7ng | Dương
    Va8n | Văn
    Thi5 | Thị
    Hu7u4 | Hữu
    Cu7o7ng2 | Cường
    Xua6n | Xuân
    Hie6u1 | Hiếu

    # Words
    d9u7o7ng2 | đường
    duong792 | đường
    ngu7o7i2 | người
    nguoi72 | người
    nghie6ng | nghiêng
    khuyu3 | khuỷu
    giu7o7ng2 | giường
    chuye6n5 | chuyện
    lua6t5 | luật
    thuo73 | thuở
    thuo37 | thuở
    u7u | ưu
    u7o7n | ươn
    uo7 | ươ
    u7o7 | ươ
    huong71 | hướng
    thuye6n2 | thuyền
    truye6n5 | truyện
    tie6ng1 | tiếng
    vie6t5 | việt
    hoa2n | hoàn
    ho2an | hoàn
    toan1 | toán
    khuye6n1 | khuyến
    ngoai2 | ngoài
    khuya | khuya
    mu7a | mưa
    mua7 | mưa
    cu7u1 | cứu
    ruou75 | rượu
    hoa8c5 | hoặc
    xoa8n1 | xoắn
    gia1 | giá
    gi2 | gì
    giu74a | giữa

    # Undo, changes, capitals
    a11 | a1
    a66 | a6
    d99 | d9
    o77 | o7
    a88 | a8
    a12 | à
    a10 | a
    a0 | a0
    tie6ng11 | tiêng1
    a86 | â
    o67 | ơ
    o76 | ô
    a1 | á
    A1 | Á
    D9 | Đ
    d9 | đ

    # Addresses
    Tho6n 3, xa4 Ta6n Phu1 | Thôn 3, xã Tân Phú
    So61 12, d9u7o7ng2 Nguye6n4 Trai4 | Số 12, đường Nguyễn Trãi
    Phu7o7ng2 5, qua6n5 10 | Phường 5, quận 10
    D9a8k1 La8k1 | Đắk Lắk
    giay61 A44 | giấy A4
    Ha2 No65i | Hà Nội
    TP. Ho62 Chi1 Minh | TP. Hồ Chí Minh
    D9o65c la65p - Tu75 do - Ha5nh phu1c | Độc lập - Tự do - Hạnh phúc

    # Letters are never keys in VNI: English comes out unchanged
    USB | USB
    Excel | Excel
    email | email
    ASUS | ASUS
    fax | fax
    Windows | Windows
    Facebook | Facebook
    Tieng Viet | Tieng Viet
    A44 | A4
    """)

@Test("VNI", arguments: vniCases)
func vni(_ c: TypingCase) {
    #expect(typed(c.keys, vniModern) == c.expected)
}

let vniStyleCases: [(TypingCase, ToneStyle)] = [
    (TypingCase(keys: "Hoa2", expected: "Hoà"), .modern),
    (TypingCase(keys: "Ho2a", expected: "Hoà"), .modern),
    (TypingCase(keys: "Thuy3", expected: "Thuỷ"), .modern),
    (TypingCase(keys: "xoa1", expected: "xoá"), .modern),
    (TypingCase(keys: "Kha1nh Hoa2", expected: "Khánh Hoà"), .modern),
    (TypingCase(keys: "Hoa2", expected: "Hòa"), .traditional),
    (TypingCase(keys: "Ho2a", expected: "Hòa"), .traditional),
    (TypingCase(keys: "Thuy3", expected: "Thủy"), .traditional),
    (TypingCase(keys: "xoa1", expected: "xóa"), .traditional),
    (TypingCase(keys: "Kha1nh Hoa2", expected: "Khánh Hòa"), .traditional)
]

@Test("VNI, tone styles", arguments: vniStyleCases)
func vniStyles(_ c: TypingCase, style: ToneStyle) {
    #expect(typed(c.keys, VietnameseInputMethod(kind: .vni, toneStyle: style)) == c.expected)
}

// MARK: - Every vowel with every tone

/// (Telex keys, VNI keys, the six forms) for each Vietnamese vowel.
let vowelForms: [(telex: String, vni: String, forms: String)] = [
    ("a", "a", "aáàảãạ"), ("aw", "a8", "ăắằẳẵặ"), ("aa", "a6", "âấầẩẫậ"),
    ("e", "e", "eéèẻẽẹ"), ("ee", "e6", "êếềểễệ"), ("i", "i", "iíìỉĩị"),
    ("o", "o", "oóòỏõọ"), ("oo", "o6", "ôốồổỗộ"), ("ow", "o7", "ơớờởỡợ"),
    ("u", "u", "uúùủũụ"), ("uw", "u7", "ưứừửữự"), ("y", "y", "yýỳỷỹỵ")
]

let vowelCases: [TypingCase] = vowelForms.flatMap { vowel in
    let forms = Array(vowel.forms)
    return zip(["", "s", "f", "r", "x", "j"], ["", "1", "2", "3", "4", "5"]).enumerated().flatMap { index, keys in
        [
            TypingCase(keys: vowel.telex + keys.0, expected: String(forms[index])),
            TypingCase(keys: (vowel.telex + keys.0).uppercased(), expected: String(forms[index]).uppercased()),
            TypingCase(keys: "vni:" + vowel.vni + keys.1, expected: String(forms[index])),
            TypingCase(keys: "vni:" + (vowel.vni + keys.1).uppercased(), expected: String(forms[index]).uppercased())
        ]
    }
}

@Test("Every vowel and tone, lower and upper case, Telex and VNI", arguments: vowelCases)
func everyVowel(_ c: TypingCase) {
    let result = c.keys.hasPrefix("vni:") ? typed(String(c.keys.dropFirst(4)), vniModern) : typed(c.keys, telexModern)
    #expect(result == c.expected)
    #expect(isPrecomposed(result))
}

// MARK: - Direct calls: keys that must be inserted as typed

struct NilCase: Sendable, CustomTestStringConvertible {
    let key: Character
    let word: String
    let method: VietnameseInputMethod
    let why: String
    var testDescription: String { "\(method.kind)/\(method.toneStyle): \"\(word)\" + \"\(key)\" (\(why))" }
}

let nilCases: [NilCase] = [
    NilCase(key: "1", word: "a", method: telexModern, why: "Telex: digits are never keys"),
    NilCase(key: "9", word: "d", method: telexModern, why: "Telex: digits are never keys"),
    NilCase(key: " ", word: "á", method: telexModern, why: "space"),
    NilCase(key: ",", word: "việt", method: telexModern, why: "punctuation"),
    NilCase(key: "b", word: "a", method: telexModern, why: "plain letter, nothing changes"),
    NilCase(key: "n", word: "hoà", method: telexModern, why: "tone stays: plain insert"),
    NilCase(key: "s", word: "", method: telexModern, why: "tone key with no vowel"),
    NilCase(key: "s", word: "nh", method: telexModern, why: "tone key with no vowel"),
    NilCase(key: "s", word: "abc", method: telexModern, why: "not a Vietnamese syllable"),
    NilCase(key: "s", word: "class", method: telexModern, why: "not a Vietnamese syllable"),
    NilCase(key: "\r\n", word: "a", method: telexModern, why: "CR-LF is not a key"),
    NilCase(key: "á", word: "", method: telexModern, why: "non-ASCII key (OS input method)"),
    NilCase(key: "ế", word: "ti", method: telexModern, why: "non-ASCII key (OS input method)"),
    NilCase(key: "\u{301}", word: "a", method: telexModern, why: "combining mark key"),
    NilCase(key: "😀", word: "a", method: telexModern, why: "emoji key"),
    NilCase(key: "s", word: "😀", method: telexModern, why: "emoji in word"),
    NilCase(key: "s", word: "a😀", method: telexModern, why: "emoji in word"),
    NilCase(key: "s", word: "Müller", method: telexModern, why: "non-Vietnamese letter in word"),
    NilCase(key: "s", word: "café", method: telexModern, why: "not a Vietnamese syllable"),
    NilCase(key: "s", word: "áá", method: telexModern, why: "two tones: not produced by this method"),
    NilCase(key: "s", word: "muá", method: telexModern, why: "tone misplaced: not produced by this method"),
    NilCase(key: "n", word: "hòa", method: telexModern, why: "traditional placement under modern style"),
    NilCase(key: "f", word: "hóa", method: telexModern, why: "traditional placement under modern style"),
    NilCase(key: "f", word: "hoá", method: telexTraditional, why: "modern placement under traditional style"),
    NilCase(key: "r", word: "thưở", method: telexModern, why: "spelled ươ where this method writes uơ"),
    NilCase(key: "s", word: "12", method: telexModern, why: "digits in word"),
    NilCase(key: "a", word: "aa", method: telexModern, why: "word frozen after undo"),
    NilCase(key: "s", word: "as", method: telexModern, why: "word frozen after undo"),
    NilCase(key: "n", word: "Nguyễn", method: telexModern, why: "typo after a final consonant is not restored"),
    NilCase(key: "g", word: "đường", method: telexModern, why: "typo after a final consonant is not restored"),
    NilCase(key: "s", word: "a", method: vniModern, why: "VNI: letters are never keys"),
    NilCase(key: "w", word: "u", method: vniModern, why: "VNI: letters are never keys"),
    NilCase(key: "1", word: "", method: vniModern, why: "VNI: tone key with no vowel"),
    NilCase(key: "1", word: "12", method: vniModern, why: "VNI: digits in word"),
    NilCase(key: "1", word: "a1", method: vniModern, why: "VNI: word frozen after undo"),
    NilCase(key: "0", word: "a", method: vniModern, why: "VNI: no tone to remove"),
    NilCase(key: "6", word: "oa", method: vniModern, why: "VNI: no valid circumflex"),
    NilCase(key: "b", word: "Ú", method: vniModern, why: "VNI never restores keys")
]

@Test("Keys inserted as typed", arguments: nilCases)
func insertedAsTyped(_ c: NilCase) {
    #expect(c.method.apply(c.key, to: c.word) == nil)
}

// MARK: - Direct calls: transformations, precomposed and decomposed input

struct ApplyCase: Sendable, CustomTestStringConvertible {
    let key: Character
    let word: String
    let expected: String
    let method: VietnameseInputMethod
    var testDescription: String { "\(method.kind)/\(method.toneStyle): \"\(word)\" + \"\(key)\" → \"\(expected)\"" }
}

let applyCases: [ApplyCase] = [
    ApplyCase(key: "s", word: "a", expected: "á", method: telexModern),
    // A precomposed "á" typed directly is treated like one this method made: "s" undoes it, as in "ass".
    ApplyCase(key: "s", word: "\u{E1}", expected: "as", method: telexModern),
    ApplyCase(key: "s", word: "a\u{301}", expected: "as", method: telexModern),
    ApplyCase(key: "f", word: "\u{E1}", expected: "\u{E0}", method: telexModern),
    ApplyCase(key: "f", word: "a\u{301}", expected: "\u{E0}", method: telexModern),
    ApplyCase(key: "z", word: "á", expected: "a", method: telexModern),
    ApplyCase(key: "x", word: "Nguyên", expected: "Nguyễn", method: telexModern),
    ApplyCase(key: "x", word: "Nguye\u{302}n", expected: "Nguyễn", method: telexModern),
    ApplyCase(key: "s", word: "tie\u{302}ng", expected: "tiếng", method: telexModern),
    ApplyCase(key: "n", word: "ho\u{300}a", expected: "hoàn", method: telexTraditional),
    ApplyCase(key: "n", word: "hòa", expected: "hoàn", method: telexTraditional),
    ApplyCase(key: "n", word: "Hùy", expected: "Huỳn", method: telexTraditional),
    ApplyCase(key: "i", word: "ngòa", expected: "ngoài", method: telexTraditional),
    ApplyCase(key: "a", word: "gí", expected: "giá", method: telexModern),
    ApplyCase(key: "a", word: "hó", expected: "hoá", method: telexModern),
    ApplyCase(key: "n", word: "Truơ", expected: "Trươn", method: telexModern),
    ApplyCase(key: "w", word: "", expected: "ư", method: telexModern),
    ApplyCase(key: "W", word: "", expected: "Ư", method: telexModern),
    ApplyCase(key: "w", word: "nh", expected: "như", method: telexModern),
    ApplyCase(key: "w", word: "truong", expected: "trương", method: telexModern),
    ApplyCase(key: "d", word: "d", expected: "đ", method: telexModern),
    ApplyCase(key: "d", word: "D", expected: "Đ", method: telexModern),
    ApplyCase(key: "S", word: "ÁU", expected: "ASUS", method: telexModern),
    ApplyCase(key: "B", word: "Ú", expected: "USB", method: telexModern),
    ApplyCase(key: "c", word: "Ẽ", expected: "Exc", method: telexModern),
    ApplyCase(key: "s", word: "tiếng", expected: "tiêngs", method: telexModern),
    ApplyCase(key: "1", word: "a\u{301}", expected: "a1", method: vniModern),
    ApplyCase(key: "6", word: "Nguyen", expected: "Nguyên", method: vniModern),
    ApplyCase(key: "7", word: "uo", expected: "ươ", method: vniModern),
    ApplyCase(key: "n", word: "hòa", expected: "hoàn", method: vniTraditional)
]

@Test("Direct calls", arguments: applyCases)
func directCalls(_ c: ApplyCase) throws {
    let result = try #require(c.method.apply(c.key, to: c.word))
    #expect(result == c.expected)
    #expect(isPrecomposed(result), "output must be NFC")
}

// MARK: - An OS input method sending precomposed letters

/// Real words, typed letter by letter as an OS input method would send them (precomposed letters
/// as keys): nothing must change.
let precomposedWords = """
    Nguyễn Huỳnh Khuê Quyết Giữ Đặng Đức Trương Phượng Khoa Tuấn Quỳnh Nghĩa Hưng Hương Dũng Yến Uyên
    Oanh Khánh Giang Gia Quốc Quý Ngọc Thảo Lưu Vũ Võ đường người nghiêng quốc giường chuyện luật thuở
    ưu ươn hướng thuyền truyện tiếng Việt giữa rượu được khuya Đắk Lắk Krông Búk hoặc xoắn yếu tuổi mía
    múa mưa cáo già gì gìn quá hoàn toán khuyến NGUYỄN TRƯỜNG ĐỨC
    """.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init)

let precomposedStyled: [(String, ToneStyle)] = [
    ("Hoà", .modern), ("Thuỷ", .modern), ("xoá", .modern), ("loè", .modern), ("uỷ", .modern),
    ("khoẻ", .modern), ("ngoài", .modern), ("khuỷu", .modern),
    ("Hòa", .traditional), ("Thủy", .traditional), ("xóa", .traditional), ("lòe", .traditional),
    ("ủy", .traditional), ("khỏe", .traditional), ("ngoài", .traditional), ("khuỷu", .traditional)
]

@Test("Precomposed words typed directly stay unchanged", arguments: precomposedWords, InputMethodKind.allCases)
func precomposedTyping(_ word: String, kind: InputMethodKind) {
    for style in ToneStyle.allCases {
        #expect(typed(word, VietnameseInputMethod(kind: kind, toneStyle: style)) == word)
    }
}

@Test("Precomposed style-dependent words typed directly stay unchanged", arguments: precomposedStyled)
func precomposedStyledTyping(_ word: String, style: ToneStyle) {
    for kind in InputMethodKind.allCases {
        #expect(typed(word, VietnameseInputMethod(kind: kind, toneStyle: style)) == word)
    }
}

// MARK: - Word characters, API shape

@Test func wordCharacters() {
    for c: Character in ["a", "Z", "w", "đ", "Đ", "ư", "Ữ", "e\u{302}", "ñ"] {
        #expect(VietnameseInputMethod.isWordCharacter(c))
        #expect(VietnameseInputMethod.isWordCharacter(c, for: .telex))
        #expect(VietnameseInputMethod.isWordCharacter(c, for: .vni))
    }
    for c: Character in ["0", "5", "9"] {
        #expect(!VietnameseInputMethod.isWordCharacter(c))
        #expect(!VietnameseInputMethod.isWordCharacter(c, for: .telex))
        #expect(VietnameseInputMethod.isWordCharacter(c, for: .vni))
    }
    for c: Character in [" ", ",", ".", "-", "/", "'", "@", "😀", "\n", "٣"] {
        #expect(!VietnameseInputMethod.isWordCharacter(c))
        #expect(!VietnameseInputMethod.isWordCharacter(c, for: .vni))
    }
}

@Test func defaultsAndEquality() {
    let method = VietnameseInputMethod()
    #expect(method.kind == .telex)
    #expect(method.toneStyle == .modern)
    #expect(method == VietnameseInputMethod(kind: .telex, toneStyle: .modern))
    #expect(method != VietnameseInputMethod(kind: .vni))
    var changed = method
    changed.toneStyle = .traditional
    #expect(changed.apply("f", to: "hoa") == "hòa")
    #expect(InputMethodKind(rawValue: "vni") == .vni)
    #expect(ToneStyle(rawValue: "traditional") == .traditional)
}

// MARK: - Robustness

@Test(
    "Random keystrokes never crash and only produce NFC",
    arguments: [telexModern, telexTraditional, vniModern, vniTraditional])
func randomKeystrokes(_ method: VietnameseInputMethod) {
    let keys: [Character] =
        Array("aeiouyAEOUYdDwWsfrxjzSFRXJqgnhtcmpkbvlQGNHT0123456789 ,.-") + [
            "á", "ư", "Ơ", "đ", "ễ", "e\u{302}", "\u{301}", "😀", "ñ", "ü", "\r\n", "\t"
        ]
    var random = SplitMix64(seed: 0x5EED)
    var badOutputs: [String] = []
    for _ in 0..<3000 {
        let length = Int.random(in: 1...16, using: &random)
        let sequence = String((0..<length).map { _ in keys.randomElement(using: &random)! })
        _ = typed(sequence, method) { output in
            if !isPrecomposed(output) { badOutputs.append(output) }
        }
    }
    #expect(badOutputs.isEmpty)
}

@Test func oddWords() {
    let method = VietnameseInputMethod()
    let long = String(repeating: "a", count: 100_000)
    #expect(method.apply("s", to: long) == nil)
    #expect(method.apply("s", to: String(repeating: "đ", count: 10_000)) == nil)
    #expect(method.apply("s", to: String(repeating: "ng", count: 10_000) + "a") == nil)
    #expect(method.apply("w", to: String(repeating: "w", count: 1_000)) == nil)
    #expect(method.apply("s", to: "\u{301}") == nil)
    #expect(method.apply("s", to: "\u{0}") == nil)
    #expect(method.apply("\u{0}", to: "a") == nil)
    #expect(method.apply("s", to: " ") == nil)
}

/// Paste and Telex never corrupt a form (issue 12 §5).
@Suite struct PasteAndCompositionTests {
    func feed(_ text: String, _ decoder: inout PasteDecoder) -> [PasteDecoder.Output] {
        text.unicodeScalars.flatMap { decoder.feed($0.value) }
    }

    @Test func aBracketedPasteIsOnePieceOfText() {
        var d = PasteDecoder()
        var out = feed("ab\u{1B}[200~Thôn 3\r\nTân Phú\t\u{1B}[201~c", &d)
        #expect(out == [.characters([0x61]), .characters([0x62]), .paste("Thôn 3\r\nTân Phú\t"), .characters([0x63])])
        // A lone Esc (the officer's) is held, then given back when nothing follows.
        out = feed("\u{1B}", &d)
        #expect(out.isEmpty && d.isPending)
        #expect(d.flush() == [.characters([0x1B])])
        // Esc then another key: both delivered as keys (Esc 1 = F1 stays possible).
        #expect(feed("\u{1B}1", &d) == [.characters([0x1B, 0x31])])
        // Almost a bracket.
        #expect(feed("\u{1B}[20x", &d) == [.characters([0x1B, 0x5B, 0x32, 0x30, 0x78])])
        // A paste whose end never came is delivered rather than lost.
        _ = feed("\u{1B}[200~dở", &d)
        #expect(d.flush() == [.paste("dở")])
    }

    @Test func pastedLinesStayInTheirOneLineField() {
        var e = LineEditor()
        e.insert("Thôn 3\r\nxã Tân Phú\n\tĐồng Nai")
        #expect(e.text == "Thôn 3 xã Tân Phú  Đồng Nai")
    }

    @Test func telexNeverComposesAcrossALeftFieldOrARefusedKey() {
        let telex = VietnameseInputMethod(kind: .telex)
        var form = ScrollForm([
            .field(Field(id: FieldID("name"), label: "Họ tên", required: true)),
            .field(Field(id: FieldID("email"), label: "Thư điện tử", vietnamese: false))
        ])
        // "Tho", Tab refused? No: the name is not empty; Tab moves on. Type in the name, come back, go on.
        for c in "Tho" { _ = form.handle(.character(c), inputMethod: telex) }
        _ = form.handle(.tab, inputMethod: telex)
        _ = form.handle(.backTab, inputMethod: telex)
        for c in "ofo" { _ = form.handle(.character(c), inputMethod: telex) }
        // "ofo" is a word of its own ("ồ"), never composed with "Tho" ("Thồ…").
        #expect(form.value(FieldID("name")) == "Thoồ", "\(form.value(FieldID("name")))")
        // A refused Tab (an invalid value) ends the word too.
        var strict = ScrollForm([
            .field(Field(id: FieldID("x"), label: "X") { $0.hasSuffix("!") ? nil : "kết thúc bằng !" })
        ])
        for c in "Tho" { _ = strict.handle(.character(c), inputMethod: telex) }
        #expect(strict.handle(.tab, inputMethod: telex) == .invalid("X: kết thúc bằng !"))
        for c in "ofo" { _ = strict.handle(.character(c), inputMethod: telex) }
        #expect(strict.value(FieldID("x")) == "Thoồ", "\(strict.value(FieldID("x")))")
        // E-mail: never Telex, whatever the global state.
        _ = form.handle(.tab, inputMethod: telex)
        for c in "tuans@x.vn" { _ = form.handle(.character(c), inputMethod: telex) }
        #expect(form.value(FieldID("email")) == "tuans@x.vn")
    }
}
