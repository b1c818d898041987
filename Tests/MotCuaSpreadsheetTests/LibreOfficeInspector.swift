import Foundation
import Testing

/// Opens a workbook in LibreOffice through its UNO bridge (python3-uno) and reports what the program
/// made of it: per sheet the name, frozen panes, used area, column widths, row heights, merged ranges and,
/// for the first rows, each cell's type (EMPTY, VALUE, TEXT, FORMULA), text as shown, value, number
/// format, boldness, wrapping, centring and border. LibreOffice's headless CSV and ODS exports carry no
/// view settings, so frozen panes can only be seen this way.
struct LibreOfficeInspection {
    struct CellInfo {
        let type: String
        let text: String
        let value: Double
        let formula: String
        let format: String
        let bold: Bool
        let wrap: Bool
        let centred: Bool
        let bordered: Bool
    }

    struct Sheet {
        let name: String
        let frozen: Bool
        let splitRow: Int
        let splitColumn: Int
        let usedRows: Int
        let usedColumns: Int
        /// Widths and heights in 1/100 mm.
        let columnWidths: [Int]
        let rowHeights: [Int]
        let merges: [String]
        let cells: [[CellInfo]]
    }

    let sheets: [Sheet]

    /// Inspects `path`, reading cells of the first `rows` rows.
    init(path: String, rows: Int = 50) throws {
        let directory = try SheetTools.temporaryDirectory("lo-uno")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let script = directory + "/inspect.py"
        try LibreOfficeInspection.script.write(toFile: script, atomically: true, encoding: .utf8)
        let result = try SheetTools.run(
            try #require(SheetTools.unoPython), [script, path, directory + "/profile", String(rows)],
            environment: SheetTools.officeEnvironment(home: directory))
        try #require(
            result.status == 0, "inspection failed: \(String(decoding: result.stderr, as: UTF8.self).suffix(2000))")
        let json = try #require(try JSONSerialization.jsonObject(with: result.stdout) as? [String: Any])
        let sheetObjects = try #require(json["sheets"] as? [[String: Any]])
        sheets = sheetObjects.map { s in
            let cellRows = (s["cells"] as? [[[String: Any]]]) ?? []
            return Sheet(
                name: s["name"] as? String ?? "",
                frozen: s["frozen"] as? Bool ?? false,
                splitRow: s["splitRow"] as? Int ?? -1,
                splitColumn: s["splitColumn"] as? Int ?? -1,
                usedRows: s["usedRows"] as? Int ?? 0,
                usedColumns: s["usedColumns"] as? Int ?? 0,
                columnWidths: s["columnWidths"] as? [Int] ?? [],
                rowHeights: s["rowHeights"] as? [Int] ?? [],
                merges: s["merges"] as? [String] ?? [],
                cells: cellRows.map { row in
                    row.map { c in
                        CellInfo(
                            type: c["type"] as? String ?? "", text: c["text"] as? String ?? "",
                            value: (c["value"] as? NSNumber)?.doubleValue ?? .nan,
                            formula: c["formula"] as? String ?? "",
                            format: c["format"] as? String ?? "", bold: c["bold"] as? Bool ?? false,
                            wrap: c["wrap"] as? Bool ?? false, centred: c["centred"] as? Bool ?? false,
                            bordered: c["bordered"] as? Bool ?? false)
                    }
                })
        }
    }

    private static let script = #"""
        import json, os, subprocess, sys, time
        import uno
        from com.sun.star.beans import PropertyValue

        def prop(name, value):
            p = PropertyValue()
            p.Name = name
            p.Value = value
            return p

        def column_name(c):
            s = ""
            c += 1
            while c > 0:
                c, r = divmod(c - 1, 26)
                s = chr(65 + r) + s
            return s

        path, profile, max_rows = sys.argv[1], sys.argv[2], int(sys.argv[3])
        pipe = "motcua_inspect_%d" % os.getpid()
        office = subprocess.Popen(["soffice", "--headless", "--invisible", "--norestore", "--nologo",
                                   "-env:UserInstallation=" + uno.systemPathToFileUrl(profile),
                                   "--accept=pipe,name=%s;urp;" % pipe],
                                  stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        desktop = None
        try:
            local = uno.getComponentContext()
            resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
            ctx = None
            for _ in range(600):
                try:
                    ctx = resolver.resolve("uno:pipe,name=%s;urp;StarOffice.ComponentContext" % pipe)
                    break
                except Exception:
                    time.sleep(0.1)
            desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
            doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(os.path.abspath(path)), "_blank", 0, (prop("Hidden", True),))
            formats = doc.getNumberFormats()
            controller = doc.getCurrentController()
            out = {"sheets": []}
            sheets = doc.getSheets()
            for index in range(sheets.getCount()):
                sheet = sheets.getByIndex(index)
                controller.setActiveSheet(sheet)
                cursor = sheet.createCursor()
                cursor.gotoEndOfUsedArea(False)
                used = cursor.getRangeAddress()
                rows, cols = used.EndRow + 1, used.EndColumn + 1
                info = {"name": sheet.getName(), "frozen": bool(controller.hasFrozenPanes()),
                        "splitRow": controller.getSplitRow(), "splitColumn": controller.getSplitColumn(),
                        "usedRows": rows, "usedColumns": cols,
                        "columnWidths": [sheet.getColumns().getByIndex(c).Width for c in range(cols)],
                        "rowHeights": [sheet.getRows().getByIndex(r).Height for r in range(min(rows, max_rows))]}
                merges = set()
                cells = []
                for r in range(min(rows, max_rows)):
                    row = []
                    for c in range(cols):
                        cell = sheet.getCellByPosition(c, r)
                        area = sheet.createCursorByRange(cell)
                        area.collapseToMergedArea()
                        a = area.getRangeAddress()
                        if a.EndColumn > a.StartColumn or a.EndRow > a.StartRow:
                            merges.add("%s%d:%s%d" % (column_name(a.StartColumn), a.StartRow + 1, column_name(a.EndColumn), a.EndRow + 1))
                        fmt = formats.getByKey(cell.NumberFormat)
                        row.append({"type": cell.getType().value, "text": cell.getString(), "value": cell.getValue(),
                                    "formula": cell.getFormula(), "format": fmt.FormatString,
                                    "bold": cell.CharWeight >= 150, "wrap": bool(cell.IsTextWrapped),
                                    "centred": cell.HoriJustify.value == "CENTER",
                                    "bordered": cell.TopBorder.OuterLineWidth > 0 and cell.BottomBorder.OuterLineWidth > 0})
                    cells.append(row)
                info["merges"] = sorted(merges)
                info["cells"] = cells
                out["sheets"].append(info)
            doc.close(True)
            print(json.dumps(out))
        finally:
            try:
                if desktop is not None:
                    desktop.terminate()
            except Exception:
                pass
            try:
                office.wait(timeout=60)
            except Exception:
                office.kill()
        """#
}
