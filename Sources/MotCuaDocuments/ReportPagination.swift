/// Long tables in pages: where the pages break, what each page holds, and the text written a page at a time.
extension ReportForms {
    /// Splits a long table into pages: the first page after `first` blocks, the others after a one-line
    /// heading; each page ends with "Trang i/n".
    static func paginate(
        _ table: DocumentTable, first: [DocumentBlock], continuation: String, after: [DocumentBlock],
        pageSize: PageSize, layout: ReportLayout = .pages
    ) -> [DocumentBlock] {
        // On the screen and in the PDF the table is one table: laying out a year's text pages (every row's
        // wrapped height) is what made the ledger slow to open, and the PDF renderer makes its own pages.
        guard layout == .pages else { return first + [.table(table)] + after }
        let renderer = TextRenderer(pageSize: pageSize)
        let sizes = pageSizes(
            table, rowHeights: renderer.rowHeights(table).rows, first: first, after: after, pageSize: pageSize)
        var blocks: [DocumentBlock] = []
        var start = 0
        for (n, size) in sizes.enumerated() {
            blocks += pageBlocks(
                n, of: sizes.count, rows: Array(table.rows[start..<(start + size)]), table: table, first: first,
                continuation: continuation, after: after)
            start += size
        }
        return blocks
    }

    /// How many rows each page of a long table holds, from the rows' heights: the first page after `first`,
    /// the others after the continuation heading; every page keeps room for the table's borders and header,
    /// the page number and the lines after the table (only the last page has them; reserving them everywhere
    /// keeps this simple). Always at least one page (an empty table has one).
    static func pageSizes(
        _ table: DocumentTable, rowHeights: some Sequence<Int>, first: [DocumentBlock], after: [DocumentBlock],
        pageSize: PageSize
    ) -> [Int] {
        let renderer = TextRenderer(pageSize: pageSize)
        var header = table
        header.rows = []
        let frame = 3 + renderer.rowHeights(header).header + 2 + renderer.lineCount(after)
        var sizes: [Int] = []
        var current = 0
        var used = renderer.lineCount(first) + frame
        for h in rowHeights {
            let lines = h + (table.ruled && current > 0 ? 1 : 0)  // a rule between rows
            if current > 0 && used + lines > pageSize.textLines {
                sizes.append(current)
                current = 0
                used = 2 + frame  // the continuation heading
            }
            used += h + (table.ruled && current > 0 ? 1 : 0)
            current += 1
        }
        sizes.append(current)
        return sizes
    }

    /// The blocks of page `n` (from 0) of `count`: the page break and continuation heading after the first,
    /// the page's rows, the lines after the table on the last, the page number.
    static func pageBlocks(
        _ n: Int, of count: Int, rows: [[String]], table: DocumentTable, first: [DocumentBlock], continuation: String,
        after: [DocumentBlock]
    ) -> [DocumentBlock] {
        // The page breaks, continuation headings and page numbers are the text rendering's own: the PDF
        // renderer skips them, joins the chunks into one table and numbers its pages itself.
        var blocks = n == 0 ? first : []
        if n > 0 {
            blocks.append(.textPagination([.pageBreak, .line("\(continuation) (tiếp theo)", .left), .space(1)]))
        }
        var chunk = table
        chunk.rows = rows
        blocks.append(.table(chunk))
        if n == count - 1 { blocks += after }
        blocks.append(.textPagination([.space(1), .line("Trang \(n + 1)/\(count)", .right)]))
        return blocks
    }

    /// Writes a long table's report as text one page at a time, from rows given twice by `rows` (once to
    /// measure them, once to write them: the caller reads them from one snapshot), so that only a page is
    /// ever held. The text is the one `TextRenderer.text` gives for `paginate`'s blocks, byte for byte.
    static func writePagedText(
        _ table: DocumentTable, first: [DocumentBlock], continuation: String,
        after: (_ rowCount: Int) throws -> [DocumentBlock], pageSize: PageSize,
        rows: (_ body: ([String]) throws -> Void) throws -> Void, write: (String) throws -> Void
    ) throws {
        let renderer = TextRenderer(pageSize: pageSize)
        var heights: [Int] = []
        try rows { heights.append(renderer.rowHeight($0, in: table)) }
        let closing = try after(heights.count)
        let sizes = pageSizes(table, rowHeights: heights, first: first, after: closing, pageSize: pageSize)
        heights = []
        var page = 0
        var chunk: [[String]] = []
        // `write` is only called while this function runs (Swift cannot see that through `rows`).
        try withoutActuallyEscaping(write) { write in
            func emit() throws {
                let blocks = pageBlocks(
                    page, of: sizes.count, rows: chunk, table: table, first: first, continuation: continuation,
                    after: closing)
                try write(blocks.flatMap { renderer.render($0) }.joined(separator: "\n") + "\n")
                chunk = []
                page += 1
            }
            try rows { cells in
                chunk.append(cells)
                if page < sizes.count - 1 && chunk.count == sizes[page] { try emit() }
            }
            while page < sizes.count { try emit() }
        }
    }
}
