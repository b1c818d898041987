import MotCuaDocuments

/// Sample documents shaped like motcua's real forms (ReceptionForms.receipt, ReportForms.ledger), for the
/// benchmark and the tests. Not part of the module to integrate.
public enum Samples {
    public static let governingBody = "ỦY BAN NHÂN DÂN XÃ TÂN PHÚ"
    public static let counterName = "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG"

    static func header(_ number: String, date: String) -> [DocumentBlock] {
        [
            .line(number, .right),
            .header(
                left: [governingBody, counterName, "──────────"],
                right: ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "───────────────"]),
            .line("Tân Phú, \(date)", .right),
            .space(1)
        ]
    }

    /// One copy of the receipt (Giấy tiếp nhận hồ sơ và hẹn trả kết quả), as ReceptionForms builds it, with
    /// the QR code of the case code under the title.
    public static func receiptCopy(_ label: String, code: String = "000.00.15.H42-261120-0001") -> [DocumentBlock] {
        var b = header("Mẫu số 01", date: "ngày 20 tháng 11 năm 2026")
        b.append(.title("GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ", subtitle: ["Mã hồ sơ: \(code)", "(\(label))"]))
        b.append(.space(1))
        b.append(.qrCode(payload: code, caption: code))
        b.append(.paragraph("Trung tâm phục vụ hành chính công tiếp nhận hồ sơ của:"))
        b.append(.field(label: "Ông/Bà", value: "Đặng Văn Đức"))
        b.append(.field(label: "Địa chỉ", value: "Thôn 3, xã Tân Phú, tỉnh Đồng Nai"))
        b.append(.field(label: "Số điện thoại", value: "0912345678"))
        b.append(.field(label: "Thư điện tử", value: "duc.dang@example.vn"))
        b.append(.field(label: "Nội dung yêu cầu giải quyết", value: "Chứng thực chữ ký"))
        b.append(.paragraph("1. Thành phần hồ sơ nộp gồm:"))
        b.append(
            .table(
                DocumentTable(
                    headers: ["STT", "Tên giấy tờ", "Hình thức", "Số lượng"], widths: [5, 44, 16, 9],
                    alignments: [.right, .left, .left, .right],
                    rows: [
                        ["1", "Giấy tờ, văn bản cần chứng thực chữ ký", "Bản chính", "2"],
                        [
                            "2", "Giấy tờ tùy thân của người nộp hồ sơ (căn cước, hộ chiếu)", "Bản chính (xuất trình)",
                            "1"
                        ]
                    ])))
        b.append(.field(label: "2. Số lượng hồ sơ", value: "01 bộ"))
        b.append(.field(label: "3. Thời gian giải quyết hồ sơ theo quy định", value: "trong ngày"))
        b.append(.field(label: "4. Thời gian nhận hồ sơ", value: "15 giờ 30 phút, ngày 20/11/2026"))
        b.append(
            .field(label: "5. Thời gian trả kết quả giải quyết hồ sơ", value: "17 giờ 00 phút, thứ Hai ngày 23/11/2026")
        )
        b.append(.field(label: "6. Nơi nhận kết quả", value: "Trung tâm phục vụ hành chính công"))
        b.append(.field(label: "7. Vào Sổ theo dõi hồ sơ", value: "Quyển số 2026, số thứ tự 1"))
        b.append(.field(label: "8. Phí, lệ phí", value: "20.000 đ; biên lai số 0001234"))
        b.append(.space(1))
        b.append(
            .signatures([
                Signature(title: "NGƯỜI NỘP HỒ SƠ", name: "Đặng Văn Đức"),
                Signature(title: "NGƯỜI TIẾP NHẬN HỒ SƠ", name: "Lê Thị Tiếp")
            ]))
        return b
    }

    /// The receipt in two copies separated by a page break (A5).
    public static func receipt() -> Document {
        Document(
            kind: "giay-tiep-nhan", caption: "Giấy tiếp nhận hồ sơ và hẹn trả kết quả", pageSize: .a5,
            blocks: receiptCopy("Liên 1: Lưu") + [.pageBreak] + receiptCopy("Liên 2: Giao người nộp"))
    }

    static let familyNames = [
        "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương",
        "Lý"
    ]
    static let middleNames = ["Văn", "Thị", "Hữu", "Đức", "Ngọc", "Minh", "Thanh", "Quốc"]
    static let givenNames = [
        "An", "Bình", "Cường", "Dũng", "Hạnh", "Hương", "Khánh", "Lộc", "Mỹ", "Nghĩa", "Oanh", "Phúc", "Quý", "Sơn",
        "Thủy", "Uyên", "Việt", "Xuân", "Yến", "Ánh", "Ồn", "Ửng", "Ước", "Ẩn"
    ]
    static let procedures = [
        "Chứng thực chữ ký", "Cấp Giấy xác nhận tình trạng hôn nhân", "Đăng ký khai sinh",
        "Liên thông: Đăng ký khai sinh - Đăng ký thường trú - Cấp thẻ BHYT cho trẻ em dưới 6 tuổi",
        "Đăng ký thường trú", "Chứng thực bản sao từ bản chính giấy tờ, văn bản"
    ]
    static let bodies = ["Công chức Tư pháp - Hộ tịch", "Công an xã", "Công chức Địa chính - Xây dựng"]

    public static func applicantName(_ i: Int) -> String {
        "\(familyNames[i % familyNames.count]) \(middleNames[(i / 3) % middleNames.count]) \(givenNames[(i * 7) % givenNames.count])"
    }

    public static let ledgerHeaders = [
        "Số", "Mã hồ sơ", "Thủ tục", "Số bộ", "Người nộp", "Địa chỉ, điện thoại", "Cơ quan chủ trì", "Nhận",
        "Hẹn trả", "Chuyển", "Có KQ", "Trả", "Ký nhận", "Ghi chú"
    ]

    /// A ledger-like landscape report (Sổ theo dõi hồ sơ) of `rows` cases, as one table.
    public static func ledger(rows: Int) -> Document {
        func pad(_ v: Int) -> String { v < 10 ? "0\(v)" : String(v) }
        let table = DocumentTable(
            headers: ledgerHeaders,
            widths: [5, 14, 16, 3, 12, 13, 10, 6, 6, 6, 6, 6, 5, 9],
            alignments: [
                .right, .left, .left, .right, .left, .left, .left, .left, .left, .left, .left, .left, .left, .left
            ],
            rows: (0..<rows).map { i in
                let day = 1 + i % 28, month = 1 + (i / 28) % 12
                return [
                    String(i + 1), "000.00.15.H42-\n26\(pad(month))\(pad(day))-\(String(1000 + i % 9000).dropFirst())",
                    procedures[i % procedures.count], "1", applicantName(i),
                    i % 3 == 0 ? "Thôn \(1 + i % 9), xã Tân Phú; 09120\(String(10000 + i % 90000).dropFirst())" : "",
                    bodies[i % bodies.count], "\(pad(day))/\(pad(month))\n09:00",
                    "\(pad(min(28, day + 3)))/\(pad(month))\n17:00",
                    "\(pad(day))/\(pad(month))", i % 4 == 0 ? "" : "\(pad(min(28, day + 2)))/\(pad(month))", "", "",
                    i % 11 == 0 ? "Hẹn lại \(pad(min(28, day + 5)))/\(pad(month))" : (i % 13 == 0 ? "Rút hồ sơ" : "")
                ]
            }, ruled: true)
        var blocks: [DocumentBlock] = [
            .line("Mẫu số 07", .right),
            .header(
                left: [governingBody, counterName],
                right: ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]),
            .space(1),
            .title("SỔ THEO DÕI HỒ SƠ", subtitle: ["Năm 2026"]),
            .line("Lập lúc 08:00 ngày 02/01/2027", .center),
            .space(1),
            .table(table)
        ]
        blocks += [.space(1), .line("Tổng số: \(rows) hồ sơ", .left)]
        return Document(kind: "so-theo-doi-2026", caption: "Sổ theo dõi hồ sơ", pageSize: .a4Landscape, blocks: blocks)
    }

    /// A control sheet (Phiếu kiểm soát quá trình giải quyết hồ sơ, A5) with many hand-overs: multi-line
    /// cells, a table running onto a second page.
    public static func controlSheet(steps: Int = 9) -> Document {
        var b = header("Mẫu số 02", date: "ngày 27 tháng 11 năm 2026")
        b.append(
            .title("PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ", subtitle: ["Mã hồ sơ: 000.00.15.H42-261119-0001"]))
        b.append(.space(1))
        b.append(.field(label: "Kèm theo Giấy tiếp nhận hồ sơ và hẹn trả kết quả", value: "số 15/2026"))
        b.append(.field(label: "Ông/Bà", value: "Hồ Thị Hoa"))
        b.append(.field(label: "Thủ tục", value: procedures[3]))
        b.append(.field(label: "Cơ quan chủ trì giải quyết", value: bodies[0]))
        b.append(.field(label: "Cơ quan phối hợp", value: "Công an xã; Bảo hiểm xã hội huyện"))
        let rows: [[String]] = (0..<steps).map { i in
            [
                "\(i + 1). Giao: \(i == 0 ? "Trung tâm phục vụ hành chính công" : bodies[(i - 1) % 3])\nNhận: \(bodies[i % 3])",
                "Giao: 09:\(10 + i) 1\(i)/11/2026\nLê Thị Tiếp\nNhận: 10:\(10 + i) 1\(i)/11/2026\n\(applicantName(i))",
                i % 3 == 2 ? "Quá hạn" : "Đúng hạn", "Thẩm định hồ sơ; hạn 17:00 1\(i)/11/2026; phiếu \(i + 1)"
            ]
        }
        b.append(
            .table(
                DocumentTable(
                    headers: ["Cơ quan, bộ phận", "Thời gian giao, nhận", "Kết quả", "Ghi chú"],
                    widths: [22, 18, 12, 23], rows: rows, ruled: true)))
        b.append(
            .paragraph(
                "Kết quả: trước hạn, đúng hạn hoặc quá hạn (so sánh theo ngày) với hạn của từng bước; dòng nhận kết quả so với hạn giải quyết theo quy định; dòng trả kết quả so với ngày hẹn trả."
            ))
        b.append(.paragraph("Ghi chú quá trình:"))
        b.append(
            .listItem(
                number: 1,
                text:
                    "21/11/2026 09:00: yêu cầu bổ sung (Bản sao giấy chứng sinh; Giấy xác nhận cư trú — thiếu chữ ký), dừng tính thời hạn"
            ))
        b.append(.listItem(number: 2, text: "24/11/2026 10:30: nhận đủ hồ sơ bổ sung, hạn mới 27/11/2026"))
        return Document(
            kind: "phieu-kiem-soat", caption: "Phiếu kiểm soát quá trình giải quyết hồ sơ", pageSize: .a5, blocks: b)
    }

    /// An A4 portrait document: the apology letter (Văn bản xin lỗi), with paragraphs and a one-signature
    /// block (head of the body).
    public static func apology() -> Document {
        var b = header("Mẫu số 04", date: "ngày 26 tháng 11 năm 2026")
        b.append(
            .title("VĂN BẢN XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ", subtitle: ["Mã hồ sơ: 000.00.15.H42-261116-0001"]))
        b.append(.space(1))
        b.append(.field(label: "Kính gửi", value: "Ông/Bà Nguyễn Văn Năm"))
        b.append(
            .paragraph(
                "Ngày 16/11/2026, Trung tâm phục vụ hành chính công tiếp nhận hồ sơ đề nghị giải quyết thủ tục Cấp Giấy xác nhận tình trạng hôn nhân của Ông/Bà, mã hồ sơ 000.00.15.H42-261116-0001."
            ))
        b.append(.field(label: "Thời gian hẹn trả kết quả", value: "17 giờ 00 phút, thứ Năm ngày 19/11/2026"))
        b.append(.paragraph("Đến nay hồ sơ chưa được giải quyết xong theo thời gian đã hẹn."))
        b.append(
            .field(
                label: "Lý do",
                value: "Cần xác minh thông tin cư trú tại nơi đăng ký thường trú trước đây của người yêu cầu."))
        b.append(
            .paragraph(
                "Ủy ban nhân dân xã Tân Phú thành thật xin lỗi Ông/Bà vì sự chậm trễ này và xin gia hạn thời gian giải quyết hồ sơ."
            ))
        b.append(.field(label: "Thời gian hẹn trả kết quả mới", value: "17 giờ 00 phút, thứ Tư ngày 02/12/2026"))
        b.append(.paragraph("Rất mong Ông/Bà thông cảm."))
        b.append(.space(1))
        b.append(
            .signatures([
                Signature(title: "THỦ TRƯỞNG CƠ QUAN", note: "(Ký, ghi rõ họ tên, đóng dấu)", name: "Trần Văn Phúc")
            ]))
        return Document(kind: "van-ban-xin-loi", caption: "Văn bản xin lỗi", pageSize: .a4, blocks: b)
    }
}
