import MotCuaCore
import MotCuaTesting
import Testing

@testable import MotCuaStore

/// The CSV export reads one joined query of stored columns (`forEachExportRow`); its rows must be exactly
/// what each case's rebuilt record and decoded events give (`CaseExport.csvRows`), for every event kind of
/// the report dataset, whole and by period.
@Suite struct ExportRowsTests {
    @Test func joinedRowsEqualRebuiltRows() throws {
        let ws = try TestWorkspace(now: "2026-11-02 08:00")
        _ = try ReportDataset.build(ws)
        for (from, to) in [
            (nil, nil), (CivilDate(iso: "2026-10-01"), CivilDate(iso: "2026-10-31")),
            (CivilDate(iso: "2026-10-20"), nil), (nil, CivilDate(iso: "2026-10-05")),
            (CivilDate(iso: "2030-01-01"), nil)
        ] as [(CivilDate?, CivilDate?)] {
            var rebuilt: [[String]] = []
            var cases = 0
            try ws.store.exportCases(from: from, to: to) { record, events in
                rebuilt += CaseExport.csvRows(record, events: events)
                cases += 1
            }
            var joined: [[String]] = []
            var counted = 0
            try ws.store.forEachExportRow(from: from, to: to, afterCase: { counted = $0 }) { joined.append($0) }
            #expect(joined == rebuilt, "\(String(describing: from))…\(String(describing: to))")
            #expect(counted == cases)
            if from == nil && to == nil {
                #expect(cases >= 9 && Set(joined.map { $0[13] }).count >= 8, "many event kinds compared")
            }
        }
    }
}
