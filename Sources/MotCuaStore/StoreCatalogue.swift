import MotCuaCore

/// A procedure version as stored, with its row id.
public struct StoredProcedure: Hashable, Sendable {
    public let versionID: Int64
    public let procedure: ProcedureVersion
}

extension Store {
    // MARK: Unit

    public func unitProfile() throws(StoreError) -> UnitProfile {
        let unit = try storeCall {
            try db.row(
                "SELECT name, governing_body, counter_name, unit_code, province, address, phone, place_name, is_example FROM unit_profile WHERE id = 1"
            ) { r in
                UnitProfile(
                    name: r.text(0), governingBody: r.text(1), counterName: r.text(2), unitCode: r.text(3),
                    province: r.text(4), address: r.text(5), phone: r.text(6), placeName: r.text(7),
                    isExample: r.bool(8))
            }
        }
        guard let unit else { throw .missing("Chưa có thông tin đơn vị trong cơ sở dữ liệu") }
        return unit
    }

    /// Saves the unit's profile. With `keepingNumbering`, a changed code is refused once a case carries
    /// the old one (checked in the same transaction as the write, so another terminal cannot slip a case in).
    public func saveUnitProfile(_ u: UnitProfile, keepingNumbering: Bool = false) throws(StoreError) {
        guard UnitProfile.isValidUnitCode(u.unitCode) else {
            throw .invalid("Mã đơn vị \"\(u.unitCode)\" chỉ gồm chữ in hoa, chữ số và dấu chấm (ví dụ 000.00.15.H42)")
        }
        try write {
            if keepingNumbering, let stored = try db.scalarText("SELECT unit_code FROM unit_profile WHERE id = 1"),
                stored != u.unitCode, try db.scalarInt("SELECT count(*) FROM (SELECT 1 FROM cases LIMIT 1)") ?? 0 > 0
            {
                throw StoreError.refused("Đã có hồ sơ mang mã \(stored): không đổi mã định danh ở đây")
            }
            try db.run(
                """
                INSERT INTO unit_profile (id, name, governing_body, counter_name, unit_code, province, address, phone, place_name, is_example)
                VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET name = excluded.name, governing_body = excluded.governing_body,
                    counter_name = excluded.counter_name, unit_code = excluded.unit_code, province = excluded.province,
                    address = excluded.address, phone = excluded.phone, place_name = excluded.place_name,
                    is_example = excluded.is_example
                """, u.name, u.governingBody, u.counterName, u.unitCode, u.province, u.address, u.phone, u.placeName,
                u.isExample)
        }
    }

    public func caseCodeFormat() throws(StoreError) -> CaseCodeFormat {
        let pattern = try storeCall { try db.scalarText("SELECT case_code_pattern FROM unit_profile WHERE id = 1") }
        return pattern.map(CaseCodeFormat.init(pattern:)) ?? .standard
    }

    // MARK: Bodies

    public func bodies(includeInactive: Bool = true) throws(StoreError) -> [Body] {
        try storeCall {
            try db.rows(
                "SELECT code, name, kind, is_internal, is_active FROM bodies \(includeInactive ? "" : "WHERE is_active = 1") ORDER BY id"
            ) { r in
                Body(
                    code: r.text(0), name: r.text(1), kind: BodyKind(rawValue: r.text(2)) ?? .other,
                    isInternal: r.bool(3), isActive: r.bool(4))
            }
        }
    }

    /// Adds a body or updates the one with the same code.
    public func saveBody(_ b: Body) throws(StoreError) {
        try write {
            try db.run(
                """
                INSERT INTO bodies (code, name, kind, is_internal, is_active) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (code) DO UPDATE SET name = excluded.name, kind = excluded.kind,
                    is_internal = excluded.is_internal, is_active = excluded.is_active
                """, b.code, b.name, b.kind.rawValue, b.isInternal, b.isActive)
        }
    }

    func bodyID(_ code: String) throws -> Int64 {
        guard let id = try db.scalarInt("SELECT id FROM bodies WHERE code = ?", code) else {
            throw StoreError.missing("Không có cơ quan mã \(code)")
        }
        return id
    }

    // MARK: Procedures

    /// Saves a procedure version. An identical version is left as is; a version with the same code and
    /// effective date that differs replaces it only if no case uses it (otherwise a new effective date is
    /// needed). Returns the version's id.
    @discardableResult
    public func saveProcedure(_ p: ProcedureVersion) throws(StoreError) -> Int64 {
        let known = Set(try bodies().map(\.code))
        let problems =
            p.route.map(\.bodyCode).filter { !known.contains($0) }
            + p.results.map(\.bodyCode).filter { !known.contains($0) }
        if let unknown = problems.first { throw .invalid("Thủ tục \(p.code): không có cơ quan mã \(unknown)") }
        return try write {
            try db.run("INSERT INTO procedures (code) VALUES (?) ON CONFLICT (code) DO NOTHING", p.code)
            let procedureID = try db.scalarInt("SELECT id FROM procedures WHERE code = ?", p.code)!
            if let existing = try db.scalarInt(
                "SELECT id FROM procedure_versions WHERE procedure_id = ? AND effective_from = ?",
                procedureID, p.effectiveFrom.iso)
            {
                if try loadProcedure(versionID: existing) == p { return existing }
                let used = try db.scalarInt("SELECT count(*) FROM cases WHERE procedure_version_id = ?", existing) ?? 0
                guard used == 0 else {
                    throw StoreError.refused(
                        "Thủ tục \(p.code) phiên bản hiệu lực từ \(p.effectiveFrom.vietnamese) đã có hồ sơ sử dụng; hãy tạo phiên bản mới với ngày hiệu lực sau."
                    )
                }
                for table in ["procedure_fee_exemptions", "procedure_documents", "procedure_results", "route_steps"] {
                    try db.run("DELETE FROM \(table) WHERE version_id = ?", existing)
                }
                try db.run("DELETE FROM procedure_versions WHERE id = ?", existing)
            }
            var feeAmount = 0
            var online: Int?
            var reducedFrom: Int?
            var reducedAmount: Int?
            var cap: Int?
            let feeKind: String
            switch p.fee {
            case .free: feeKind = "free"
            case .setByProvince: feeKind = "province"
            case let .fixed(amount, o): feeKind = "fixed"; feeAmount = amount; online = o
            case let .perCopy(amount): feeKind = "per_copy"; feeAmount = amount
            case let .perPage(first, from, later, c):
                feeKind = "per_page"; feeAmount = first; reducedFrom = from; reducedAmount = later; cap = c
            }
            try db.run(
                """
                INSERT INTO procedure_versions (procedure_id, effective_from, name, name_folded, field, limit_unit, limit_value,
                    cutoff, extra_verification_days, fee_kind, fee_amount, fee_online_amount, fee_reduced_from_page,
                    fee_reduced_amount, fee_cap, result_on_the_spot, certainty, note)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, procedureID, p.effectiveFrom.iso, p.name, VietnameseText.fold(p.name), p.field, p.limit.unitCode,
                p.limit.value, p.cutoff?.text, p.extraVerificationDays, feeKind, feeAmount, online, reducedFrom,
                reducedAmount, cap, p.resultOnTheSpot, p.certainty.rawValue, p.note)
            let versionID = db.lastInsertRowID
            for (i, e) in p.feeExemptions.enumerated() {
                try db.run(
                    "INSERT INTO procedure_fee_exemptions (version_id, position, reason) VALUES (?, ?, ?)", versionID,
                    i, e)
            }
            for (i, d) in p.documents.enumerated() {
                try db.run(
                    "INSERT INTO procedure_documents (version_id, position, name, form, quantity, is_mandatory) VALUES (?, ?, ?, ?, ?, ?)",
                    versionID, i, d.name, d.form.rawValue, d.quantity, d.isMandatory)
            }
            for (i, r) in p.results.enumerated() {
                try db.run(
                    "INSERT INTO procedure_results (version_id, position, name, body_id) VALUES (?, ?, ?, ?)",
                    versionID, i, r.name, try bodyID(r.bodyCode))
            }
            for (i, s) in p.route.enumerated() {
                try db.run(
                    """
                    INSERT INTO route_steps (version_id, position, body_id, task, budget_unit, budget_value, is_lead, produces_results)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """, versionID, i, try bodyID(s.bodyCode), s.task, s.budget.unitCode, s.budget.value, s.isLead,
                    s.producesResults.map(String.init).joined(separator: ","))
            }
            return versionID
        }
    }

    /// One stored procedure version.
    public func procedure(versionID: Int64) throws(StoreError) -> ProcedureVersion {
        try storeCall { try loadProcedure(versionID: versionID) }
    }

    func loadProcedure(versionID: Int64) throws -> ProcedureVersion {
        guard
            var p = try db.row(
                """
                SELECT p.code, v.name, v.field, v.limit_unit, v.limit_value, v.cutoff, v.extra_verification_days, v.fee_kind,
                       v.fee_amount, v.fee_online_amount, v.fee_reduced_from_page, v.fee_reduced_amount, v.fee_cap,
                       v.result_on_the_spot, v.certainty, v.note, v.effective_from
                FROM procedure_versions v JOIN procedures p ON p.id = v.procedure_id WHERE v.id = ?
                """, [versionID],
                map: { r -> ProcedureVersion in
                    let fee: FeeRule
                    switch r.text(7) {
                    case "fixed": fee = .fixed(amount: r.int(8), online: r.optionalInt(9))
                    case "per_copy": fee = .perCopy(amount: r.int(8))
                    case "per_page":
                        fee = .perPage(
                            firstPages: r.int(8), reducedFromPage: r.optionalInt(10) ?? 2,
                            laterPages: r.optionalInt(11) ?? 0, capPerCopy: r.optionalInt(12) ?? 0)
                    case "province": fee = .setByProvince
                    default: fee = .free
                    }
                    return ProcedureVersion(
                        code: r.text(0), name: r.text(1), field: r.text(2),
                        limit: TimeLimit(unitCode: r.text(3), value: r.int(4)) ?? .sameDay,
                        cutoff: r.optionalText(5).flatMap { ClockTime(text: $0) },
                        extraVerificationDays: r.int(6), fee: fee, resultOnTheSpot: r.bool(13),
                        certainty: Certainty(rawValue: r.text(14)) ?? .unverified, note: r.text(15),
                        effectiveFrom: CivilDate(iso: r.text(16))!)
                })
        else { throw StoreError.missing("Không có phiên bản thủ tục số \(versionID)") }
        p.feeExemptions = try db.rows(
            "SELECT reason FROM procedure_fee_exemptions WHERE version_id = ? ORDER BY position", [versionID]
        ) { $0.text(0) }
        p.documents = try db.rows(
            "SELECT name, form, quantity, is_mandatory FROM procedure_documents WHERE version_id = ? ORDER BY position",
            [versionID]
        ) { r in
            RequiredDocument(
                name: r.text(0), form: DocumentForm(rawValue: r.text(1)) ?? .original, quantity: r.int(2),
                isMandatory: r.bool(3))
        }
        p.results = try db.rows(
            "SELECT r.name, b.code FROM procedure_results r JOIN bodies b ON b.id = r.body_id WHERE r.version_id = ? ORDER BY r.position",
            [versionID]
        ) { r in
            ResultDocument(name: r.text(0), bodyCode: r.text(1))
        }
        p.route = try db.rows(
            """
            SELECT b.code, s.task, s.budget_unit, s.budget_value, s.is_lead, s.produces_results
            FROM route_steps s JOIN bodies b ON b.id = s.body_id WHERE s.version_id = ? ORDER BY s.position
            """, [versionID]
        ) { r in
            RouteStep(
                bodyCode: r.text(0), task: r.text(1),
                budget: TimeLimit(unitCode: r.text(2), value: r.int(3)) ?? .workingDays(1),
                isLead: r.bool(4), producesResults: r.text(5).split(separator: ",").compactMap { Int($0) })
        }
        return p
    }

    /// The version of a procedure in force on `date` (the latest effective on or before it).
    public func procedure(code: String, on date: CivilDate) throws(StoreError) -> StoredProcedure? {
        try storeCall {
            guard
                let id = try db.scalarInt(
                    """
                    SELECT v.id FROM procedure_versions v JOIN procedures p ON p.id = v.procedure_id
                    WHERE p.code = ? AND v.effective_from <= ? ORDER BY v.effective_from DESC LIMIT 1
                    """, code, date.iso)
            else { return nil }
            return StoredProcedure(versionID: id, procedure: try loadProcedure(versionID: id))
        }
    }

    /// Every active procedure in the version in force on `date`, in catalogue order.
    public func procedures(on date: CivilDate) throws(StoreError) -> [StoredProcedure] {
        try storeCall {
            let ids = try db.rows(
                """
                SELECT (SELECT v.id FROM procedure_versions v WHERE v.procedure_id = p.id AND v.effective_from <= ?
                        ORDER BY v.effective_from DESC LIMIT 1)
                FROM procedures p WHERE p.is_active = 1 ORDER BY p.id
                """, [date.iso]
            ) { $0.isNull(0) ? nil : $0.int64(0) }
            return try ids.compactMap { $0 }.map {
                StoredProcedure(versionID: $0, procedure: try loadProcedure(versionID: $0))
            }
        }
    }

    /// Procedures in force on `date` whose code or name matches `text`, best first (`ProcedureSearch`).
    public func searchProcedures(_ text: String, on date: CivilDate) throws(StoreError) -> [StoredProcedure] {
        ProcedureSearch.rank(text, try procedures(on: date), code: \.procedure.code, name: \.procedure.name)
    }
}
