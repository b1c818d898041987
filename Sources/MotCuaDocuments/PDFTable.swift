import MotCuaPDF

/// Tables in the PDF: column widths, the header repeated on every page, rows kept whole where they fit.
extension PDFLayout {
    /// Column widths from the relative shares, widened where a header word would not fit unbroken (the
    /// room is taken from the other columns in proportion to what they have to spare).
    func columnWidths(_ t: DocumentTable) -> [Double] {
        let n = t.headers.count
        var shares = (0..<n).map { $0 < t.widths.count ? max(0, Double(t.widths[$0])) : 1 }
        if shares.reduce(0, +) <= 0 { shares = Array(repeating: 1, count: n) }
        let total = shares.reduce(0, +)
        var widths = shares.map { m.textWidth * $0 / total }
        let minimum = t.headers.map { h in
            (h.split(whereSeparator: { $0 == " " || $0 == "\n" }).map { width(String($0), .bold, m.cell) }.max() ?? 0)
                + 2 * m.cellPadX + 0.5
        }
        guard minimum.reduce(0, +) <= m.textWidth else { return widths }
        for _ in 0..<n {
            let deficit = (0..<n).reduce(0.0) { $0 + max(0, minimum[$1] - widths[$1]) }
            if deficit < 0.01 { break }
            for c in 0..<n where widths[c] < minimum[c] { widths[c] = minimum[c] }
            let slack = (0..<n).reduce(0.0) { $0 + max(0, widths[$1] - minimum[$1]) }
            guard slack > 0 else { break }
            for c in 0..<n where widths[c] > minimum[c] { widths[c] -= deficit * (widths[c] - minimum[c]) / slack }
        }
        return widths
    }

    /// The group row's cells (when the groups cover every column): title, first column, span.
    func groupCells(_ t: DocumentTable) -> [(title: String, first: Int, span: Int)]? {
        guard !t.groups.isEmpty, t.groups.map(\.span).reduce(0, +) == t.headers.count,
            t.groups.allSatisfy({ $0.span >= 1 })
        else {
            return nil
        }
        var first = 0
        return t.groups.map { g in
            defer { first += g.span }
            return (g.title, first, g.span)
        }
    }

    func wrapCell(_ text: String, _ style: FontStyle, _ width: Double) -> [String] {
        breaker(style, m.cell).lines(text, width: max(1, width - 2 * m.cellPadX))
    }

    func rowHeight(lines: Int) -> Double { Double(max(1, lines)) * m.lineHeight(m.cell) + 2 * m.cellPadY }

    /// The header's height (group row and header row) without drawing it.
    func tableHeaderHeight(_ t: DocumentTable, _ widths: [Double]) -> Double {
        let layout = headerLayout(t, widths)
        return layout.groupHeight + layout.headerHeight + layout.numbersHeight
    }

    struct HeaderLayout {
        var groups: [(title: [String], first: Int, span: Int, merged: Bool)]
        var headers: [[String]]
        var groupHeight: Double
        var headerHeight: Double
        /// The row of column numbers ("(1)", "(2)"…), empty when the table has none.
        var numbers: [String] = []
        var numbersHeight: Double = 0
    }

    func headerLayout(_ t: DocumentTable, _ widths: [Double]) -> HeaderLayout {
        let headers = (0..<t.headers.count).map { wrapCell(t.headers[$0], .bold, widths[$0]) }
        var groups: [(title: [String], first: Int, span: Int, merged: Bool)] = []
        var groupHeight = 0.0
        var mergedColumns = Set<Int>()
        if let cells = groupCells(t) {
            for c in cells {
                let w = widths[c.first..<(c.first + c.span)].reduce(0, +)
                // An untitled group over one column: that header cell spans both rows.
                let merged = c.span == 1 && c.title.allSatisfy { $0 == " " }
                if merged { mergedColumns.insert(c.first) }
                groups.append((merged ? [] : wrapCell(c.title, .bold, w), c.first, c.span, merged))
            }
            groupHeight = rowHeight(lines: groups.filter { !$0.merged }.map(\.title.count).max() ?? 1)
        }
        var headerHeight = rowHeight(
            lines: headers.enumerated().filter { !mergedColumns.contains($0.offset) }.map(\.element.count).max() ?? 1)
        // A merged header taller than both rows makes the header row taller.
        for c in mergedColumns {
            headerHeight = max(headerHeight, rowHeight(lines: headers[c].count) - groupHeight)
        }
        var layout = HeaderLayout(
            groups: groups, headers: headers, groupHeight: groupHeight, headerHeight: headerHeight)
        if t.columnNumbers.count == t.headers.count {
            layout.numbers = t.columnNumbers
            layout.numbersHeight = rowHeight(lines: 1)
        }
        return layout
    }

    /// Draws the table's header at the cursor: grid, bold centred titles, the optional group row.
    mutating func drawTableHeader(_ layout: HeaderLayout, _ widths: [Double]) {
        let x0 = m.left
        let xs = widths.reduce(into: [x0]) { $0.append($0.last! + $1) }
        let top = y
        let lh = m.lineHeight(m.cell)
        let bottom = top - layout.groupHeight - layout.headerHeight
        content.line(x1: x0, y1: top, x2: xs.last!, y2: top, width: m.grid)
        var merged = Set<Int>()
        if !layout.groups.isEmpty {
            let groupBottom = top - layout.groupHeight
            for g in layout.groups {
                if g.merged {
                    merged.insert(g.first)
                    continue
                }
                let gx = xs[g.first], gw = xs[g.first + g.span] - gx
                let textTop = top - (layout.groupHeight - Double(g.title.count) * lh) / 2
                for (k, l) in g.title.enumerated() {
                    drawLine(
                        l, style: .bold, size: m.cell, x: gx + m.cellPadX, width: gw - 2 * m.cellPadX,
                        top: textTop - Double(k) * lh,
                        alignment: .center)
                }
                content.line(x1: gx, y1: groupBottom, x2: gx + gw, y2: groupBottom, width: m.grid)
            }
            // Verticals of the group row: at the groups' edges only.
            var edges: Set<Int> = [0, widths.count]
            for g in layout.groups { edges.insert(g.first); edges.insert(g.first + g.span) }
            for e in edges { content.line(x1: xs[e], y1: top, x2: xs[e], y2: groupBottom, width: m.grid) }
        }
        let rowTop = top - layout.groupHeight
        for (c, lines) in layout.headers.enumerated() {
            let cellTop = merged.contains(c) ? top : rowTop
            let cellHeight = cellTop - bottom
            let textTop = cellTop - (cellHeight - Double(lines.count) * lh) / 2
            for (k, l) in lines.enumerated() {
                drawLine(
                    l, style: .bold, size: m.cell, x: xs[c] + m.cellPadX, width: widths[c] - 2 * m.cellPadX,
                    top: textTop - Double(k) * lh,
                    alignment: .center)
            }
        }
        for x in xs { content.line(x1: x, y1: rowTop, x2: x, y2: bottom, width: m.grid) }
        content.line(x1: x0, y1: bottom, x2: xs.last!, y2: bottom, width: m.grid)
        y = bottom
        if !layout.numbers.isEmpty {
            // The column numbers, italic and centred, in a row of their own under the titles.
            let numbersBottom = bottom - layout.numbersHeight
            for (c, number) in layout.numbers.enumerated() {
                drawLine(
                    number, style: .italic, size: m.cell, x: xs[c] + m.cellPadX, width: widths[c] - 2 * m.cellPadX,
                    top: bottom - m.cellPadY, alignment: .center)
            }
            for x in xs { content.line(x1: x, y1: bottom, x2: x, y2: numbersBottom, width: m.grid) }
            content.line(x1: x0, y1: numbersBottom, x2: xs.last!, y2: numbersBottom, width: m.grid)
            y = numbersBottom
        }
        pageHasContent = true
    }

    /// A table with a full grid: the header (and group row) repeated at the top of every page, rows kept
    /// whole on a page unless one is taller than a page, which is then cut between lines.
    ///
    /// `signOff` is the height of what ends the document after the table (a total line, the signatures;
    /// `signOffHeight`): the last row moves to a new page when the two would not fit together, so that the
    /// signatures never stand alone on a page, away from the rows they sign for.
    mutating func table(_ t: DocumentTable, signOff: Double) throws {
        let n = t.headers.count
        guard n > 0 else { return }
        let widths = columnWidths(t)
        let xs = widths.reduce(into: [m.left]) { $0.append($0.last! + $1) }
        let header = headerLayout(t, widths)
        let headerHeight = header.groupHeight + header.headerHeight + header.numbersHeight
        let lh = m.lineHeight(m.cell)
        y -= m.cell * 0.3
        // The header and the first row (or a line of it) start on the same page.
        let firstRowLines =
            t.firstRow.map { r in
                (0..<n).map { wrapCell($0 < r.count ? r[$0] : "", .regular, widths[$0]).count }.max() ?? 1
            } ?? 0
        try ensure(headerHeight + rowHeight(lines: min(firstRowLines, 3)))
        drawTableHeader(header, widths)
        let last = t.rowCount - 1
        var index = 0
        try t.forEachRow { row in
            let cells = (0..<n).map { wrapCell($0 < row.count ? row[$0] : "", .regular, widths[$0]) }
            let lineCount = cells.map(\.count).max() ?? 1
            var start = 0
            // A row that fits on a fresh page is moved whole; a taller one is cut between lines. The last row
            // (unless it is the only one) moves with the sign-off when a fresh page holds both.
            let whole = rowHeight(lines: lineCount)
            let isLast = index == last
            let keep = isLast && index > 0 && whole + signOff <= fullRoom - headerHeight ? signOff : 0
            if whole + keep > room && whole + keep <= fullRoom - headerHeight {
                try newPage()
                drawTableHeader(header, widths)
            }
            index += 1
            while start < lineCount {
                var fit = Int(((room - 2 * m.cellPadY) / lh).rounded(.down))
                if fit < 1 {
                    try newPage()
                    drawTableHeader(header, widths)
                    fit = Int(((room - 2 * m.cellPadY) / lh).rounded(.down))
                }
                var end = min(lineCount, start + max(1, fit))
                // The lines that end the table, when the sign-off does not fit under them (the row could not
                // move whole to a page with it, or is the only row): the last of them go on with the sign-off.
                if isLast && signOff > 0 && end == lineCount && end - start > 1
                    && rowHeight(lines: end - start) + signOff > room
                {
                    let withSignOff = Int(((fullRoom - headerHeight - signOff - 2 * m.cellPadY) / lh).rounded(.down))
                    end = lineCount - min(end - start - 1, max(1, withSignOff))
                }
                let height = rowHeight(lines: end - start)
                let top = y
                for c in 0..<n {
                    let alignment = c < t.alignments.count ? t.alignments[c] : .left
                    for k in start..<max(start, min(end, cells[c].count)) {
                        drawLine(
                            cells[c][k], style: .regular, size: m.cell, x: xs[c] + m.cellPadX,
                            width: widths[c] - 2 * m.cellPadX,
                            top: top - m.cellPadY - Double(k - start) * lh, alignment: alignment)
                    }
                }
                for x in xs { content.line(x1: x, y1: top, x2: x, y2: top - height, width: m.grid) }
                content.line(x1: xs[0], y1: top - height, x2: xs.last!, y2: top - height, width: m.grid)
                y = top - height
                start = end
                if start < lineCount {
                    try newPage()
                    drawTableHeader(header, widths)
                }
            }
        }
        y -= tableGapAfter
    }

    /// The space left under a table.
    var tableGapAfter: Double { m.body * 0.4 }

    /// The height of what signs off the document after a block (a table: the gap under it included): spaces,
    /// lines and paragraphs, then signatures, measured as `place` sets them; 0 when no signatures follow
    /// (nothing then needs the block's last lines beside it).
    func signOffHeight(_ blocks: ArraySlice<DocumentBlock>, afterTable: Bool = true) -> Double {
        let lh = m.lineHeight(m.body)
        var height = afterTable ? tableGapAfter : 0
        var previous: DocumentBlock?
        for block in blocks {
            switch block {
            case .space(let n): height += Double(n) * lh * 0.5
            case .line(let text, _):
                height += Double(breaker(.regular, m.body).lines(text, width: m.textWidth).count) * lh
            case .paragraph(let text):
                if case .paragraph? = previous { height += lh * 0.35 }
                height += Double(breaker(.regular, m.body).lines(text, width: m.textWidth).count) * lh
            case .signatures(let signatures): return height + signatureRow(signatures).height
            default: return 0
            }
            previous = block
        }
        return 0
    }
}
