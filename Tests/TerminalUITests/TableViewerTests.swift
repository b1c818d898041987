import Testing
@testable import TerminalUI

/// The screen table of issue 12 §8: frozen columns, a column at a time, the last column as a limit, headings
/// pinned over the scrolling rows.
@Suite struct TableViewerTests {
    /// Ten scrolling columns of 8 cells after a frozen "No" column (2 cells, the rule, a space).
    static let wide = ScreenTable(
        headers: ["No"] + (1...10).map { "Col \($0)" }, rightAligned: [true] + Array(repeating: false, count: 10),
        rows: (1...30).map { r in ["\(r)"] + (1...10).map { "c\($0)" + String(repeating: "-", count: $0 < 10 ? 6 : 5) }
        },
        frozen: 1)

    func draw(_ v: TableViewer, width: Int = 40, height: Int = 8) -> [String] {
        var frame = Frame(size: Size(columns: width, rows: height))
        v.render(into: &frame, rect: Rect(row: 0, column: 0, width: width, height: height))
        return (0..<height).map { row in
            var line = frame.line(row)
            while line.last == " " { line.removeLast() }
            return line
        }
    }

    @Test func frozenColumnsStayAndTheOthersMoveOneColumnAtATime() {
        var v = TableViewer(parts: [.table(Self.wide)])
        let layout = Self.wide.layout(width: 40)
        #expect(layout.widths == [2] + Array(repeating: 8, count: 10))
        #expect(layout.frozenWidth == 4, "the column, the rule, a space")
        // 36 cells for the others: 4 whole columns of 8 + 1; the last in view once 6 are hidden.
        #expect(layout.maxLeft == 6)
        #expect(draw(v)[0].hasPrefix("No│ Col 1    Col 2    Col 3    Col 4"))
        #expect(draw(v)[1] == " 1│ c1------ c2------ c3------ c4------")
        #expect(draw(v)[0].hasSuffix("»"), "more on the right")
        let handled = v.handle(.right, width: 40, height: 8)
        #expect(handled)
        #expect(draw(v)[0].hasPrefix("No« Col 2    Col 3"), "one column, and a mark that some are hidden")
        #expect(draw(v)[1].hasPrefix(" 1│ c2------"), "the frozen cell stays")
        for _ in 0..<20 { _ = v.handle(.right, width: 40, height: 8) }
        #expect(v.left == 6, "stops with the last column in view")
        #expect(draw(v)[0] == "No« Col 7    Col 8    Col 9    Col 10")
        #expect(draw(v)[1] == " 1│ c7------ c8------ c9------ c10-----")
        _ = v.handle(.left, width: 40, height: 8)
        #expect(v.left == 5)
        _ = v.handle(.home, width: 40, height: 8)
        #expect(v.left == 0 && v.top == 0)
    }

    /// A long list read as it is shown: the same frames as the rows held, and only the pages in view (and a
    /// few kept) are ever read.
    @Test func rowsReadAPageAtATimeShowAsTheRowsHeld() {
        let count = 3_000
        func cells(_ r: Int) -> [String] { ["\(r)"] + (1...10).map { "c\($0)-\(r % 7)" } }
        var asked: [Range<Int>] = []
        let source = RowSource(count: count) { range in
            asked.append(range)
            return range.map { cells($0 + 1) }
        }
        func table(_ rows: ScreenRows) -> ScreenTable {
            ScreenTable(
                headers: ["No"] + (1...10).map { "Col \($0)" },
                rightAligned: [true] + Array(repeating: false, count: 10), rows: rows, frozen: 1)
        }
        var lazy = TableViewer(parts: [.table(table(ScreenRows(source)))])
        var held = TableViewer(parts: [.table(table(ScreenRows((1...count).map(cells))))])
        #expect(draw(lazy) == draw(held))
        #expect(asked == [0..<256, 2816..<3000], "the first and last pages only (the widths are measured on them)")
        for key in [Key.end, .pageUp, .up, .home, .pageDown, .right] {
            _ = lazy.handle(key, width: 40, height: 8)
            _ = held.handle(key, width: 40, height: 8)
            #expect(draw(lazy) == draw(held), "\(key)")
        }
        #expect(lazy.position(width: 40, height: 8) == held.position(width: 40, height: 8))
        #expect(asked.count <= 3, "\(asked)")
        // Pages kept are read once; beyond the few kept, the oldest is read again when needed.
        for i in stride(from: 0, to: count, by: 100) { _ = source.row(i) }
        let reads = source.reads
        _ = source.row(count - 1)
        #expect(source.reads == reads, "the last page is still kept")
        _ = source.row(0)
        #expect(source.reads == reads + 1, "the first page was let go")
    }

    @Test func theHeadingIsPinnedWhileTheRowsScroll() {
        var v = TableViewer(parts: [.text("Title line", .normal, indent: 0, rightAligned: false), .table(Self.wide)])
        #expect(draw(v)[0] == "Title line" && draw(v)[1].hasPrefix("No│"))
        _ = v.handle(.down, width: 40, height: 8)  // the table's heading at the top
        #expect(draw(v)[0].hasPrefix("No") && draw(v)[1].hasPrefix(" 1│"))
        _ = v.handle(.down, width: 40, height: 8)  // row 2 under the pinned heading
        #expect(draw(v)[0].hasPrefix("No") && draw(v)[1].hasPrefix(" 2│"))
        _ = v.handle(.end, width: 40, height: 8)
        #expect(draw(v)[0].hasPrefix("No") && draw(v)[7].hasPrefix("30│"), "\(draw(v))")
        #expect(v.position(width: 40, height: 8) == "Dòng 26–32/32")
        _ = v.handle(.up, width: 40, height: 8)
        #expect(draw(v)[1].hasPrefix("23│"))
        _ = v.handle(.home, width: 40, height: 8)
        #expect(draw(v)[0] == "Title line")
    }

    @Test func aTableThatFitsGivesItsCutColumnsTheRoomLeftAndDoesNotScroll() {
        let t = ScreenTable(
            headers: ["Mã", "Thủ tục", "Giờ"], rightAligned: [false, false, true],
            rows: [["0001", String(repeating: "x", count: 50), "08:15"]], frozen: 1)
        var v = TableViewer(parts: [.table(t)])
        #expect(t.layout(width: 78).maxLeft == 0)
        #expect(t.layout(width: 78).widths == [4, 50, 5])
        #expect(t.layout(width: 40).widths[1] < 50, "cut to a third at 40")
        let handled = v.handle(.right, width: 78, height: 5)
        #expect(handled, "a moving key, even when it cannot move")
        #expect(v.left == 0)
        #expect(v.columns(width: 78) == nil, "nothing to say about columns when all fit")
    }

    @Test func headingsWrapOverAtMostThreeLinesAndGroupTitlesFit() {
        #expect(ScreenTable.headerWidth("Trực tiếp, bưu chính") == 9)
        #expect(ScreenTable.headerWidth("Tổng số") == 4)
        let t = ScreenTable(
            headers: ["Lĩnh vực", "Tổng số", "Quá hạn"], rightAligned: [false, true, true],
            rows: [["Hộ tịch", "6", "2"]],
            frozen: 1, groups: [nil, 0, 0], groupTitles: ["Số hồ sơ tiếp nhận"])
        let layout = t.layout(width: 40)
        #expect(layout.widths[1] + 1 + layout.widths[2] >= 18, "the group's title fits over its columns")
        var frame = Frame(size: Size(columns: 40, rows: 4))
        TableViewer(parts: [.table(t)]).render(into: &frame, rect: Rect(row: 0, column: 0, width: 40, height: 4))
        #expect(frame.line(0).contains("Số hồ sơ tiếp nhận"), "\(frame.text)")
    }
}
