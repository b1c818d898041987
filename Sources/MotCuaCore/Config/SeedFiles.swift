/// `Config/unit.json`: the unit profile.
public enum UnitFile {
    public static let formatName = "motcua-unit"

    public static func parse(_ text: String, file: String) throws(ConfigError) -> UnitProfile {
        let root = try JSONReader.parse(text, file: file)
        try root.rejectUnknownMembers([
            "format", "version", "note", "name", "governingBody", "counterName", "unitCode",
            "province", "address", "phone", "placeName", "example", "caseCodePattern"
        ])
        try checkFormat(root, formatName)
        let codeField = try root.member("unitCode")
        let code = try codeField.nonEmptyString()
        guard UnitProfile.isValidUnitCode(code) else {
            throw codeField.fail("mã đơn vị \"\(code)\" chỉ gồm chữ in hoa, chữ số và dấu chấm (ví dụ 000.00.15.H42)")
        }
        return UnitProfile(
            name: VietnameseText.normalizedField(try root.member("name").nonEmptyString(max: 200)),
            governingBody: VietnameseText.normalizedField(try root.member("governingBody").nonEmptyString(max: 200)),
            counterName: VietnameseText.normalizedField(try root.member("counterName").nonEmptyString(max: 200)),
            unitCode: code,
            province: VietnameseText.normalizedField(try root.member("province").string(max: 100)),
            address: VietnameseText.normalizedField(try root.optionalMember("address")?.string(max: 300) ?? ""),
            phone: try root.optionalMember("phone")?.string(max: 50) ?? "",
            placeName: VietnameseText.normalizedField(try root.member("placeName").nonEmptyString(max: 100)),
            isExample: try root.optionalMember("example")?.bool() ?? false)
    }

    public static func json(_ u: UnitProfile) -> JSONValue {
        .object([
            ("format", .string(formatName)), ("version", .int(1)), ("name", .string(u.name)),
            ("governingBody", .string(u.governingBody)), ("counterName", .string(u.counterName)),
            ("unitCode", .string(u.unitCode)), ("province", .string(u.province)), ("address", .string(u.address)),
            ("phone", .string(u.phone)), ("placeName", .string(u.placeName)), ("example", .bool(u.isExample))
        ])
    }
}

/// `Config/bodies.json`: the bodies that take part in cases.
public enum BodiesFile {
    public static let formatName = "motcua-bodies"

    public static func parse(_ text: String, file: String) throws(ConfigError) -> [Body] {
        let root = try JSONReader.parse(text, file: file)
        try root.rejectUnknownMembers(["format", "version", "note", "bodies"])
        try checkFormat(root, formatName)
        var bodies: [Body] = []
        var codes = Set<String>()
        for item in try root.member("bodies").array() {
            try item.rejectUnknownMembers(["code", "name", "kind", "internal", "active"])
            let codeField = try item.member("code")
            let code = try codeField.nonEmptyString()
            guard codes.insert(code).inserted else { throw codeField.fail("mã cơ quan \"\(code)\" bị lặp") }
            let kindField = try item.member("kind")
            let kindText = try kindField.string()
            guard let kind = BodyKind(rawValue: kindText) else {
                throw kindField.fail("phải là một trong: \(BodyKind.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            bodies.append(
                Body(
                    code: code, name: VietnameseText.normalizedField(try item.member("name").nonEmptyString(max: 200)),
                    kind: kind, isInternal: try item.member("internal").bool(),
                    isActive: try item.optionalMember("active")?.bool() ?? true))
        }
        guard bodies.contains(where: { $0.kind == .counter }) else {
            throw root.fail("danh sách cơ quan phải có Bộ phận một cửa (kind \"counter\")")
        }
        return bodies
    }
}

/// `Config/catalogue.json` (and files given to `motcua import`): procedures with their documents, results,
/// fees and routes.
public enum CatalogueFile {
    public static let formatName = "motcua-catalogue"

    public static func parse(_ text: String, file: String, knownBodies: Set<String>? = nil) throws(ConfigError)
        -> [ProcedureVersion]
    {
        let root = try JSONReader.parse(text, file: file)
        try root.rejectUnknownMembers(["format", "version", "note", "source", "procedures"])
        try checkFormat(root, formatName)
        var result: [ProcedureVersion] = []
        var seen = Set<String>()
        for item in try root.member("procedures").array() {
            let p = try parseProcedure(item, knownBodies: knownBodies)
            guard seen.insert("\(p.code)@\(p.effectiveFrom.iso)").inserted else {
                throw try item.member("code").fail("thủ tục \(p.code) hiệu lực từ \(p.effectiveFrom.iso) bị lặp")
            }
            result.append(p)
        }
        return result
    }

    static func parseLimit(_ unitField: JSONReader, _ valueField: JSONReader?) throws(ConfigError) -> TimeLimit {
        let unit = try unitField.string()
        let value = try valueField?.int(in: 0...3650) ?? 0
        guard let limit = TimeLimit(unitCode: unit, value: value) else {
            if ["same_day", "working_days", "working_hours", "calendar_days"].contains(unit) {
                throw (valueField ?? unitField).fail("thời hạn \(unit) cần giá trị từ 1 trở lên")
            }
            throw unitField.fail("phải là một trong: same_day, working_days, working_hours, calendar_days")
        }
        return limit
    }

    static func parseProcedure(_ item: JSONReader, knownBodies: Set<String>?) throws(ConfigError) -> ProcedureVersion {
        try item.rejectUnknownMembers([
            "code", "name", "field", "limit", "limitUnit", "cutoff", "extraVerificationDays", "fee",
            "feeExemptions", "documents", "results", "resultOnTheSpot", "route", "certainty",
            "note", "effectiveFrom", "source"
        ])
        let code = try item.member("code").nonEmptyString()
        let limit = try parseLimit(try item.member("limitUnit"), try item.optionalMember("limit"))
        let certaintyField = try item.member("certainty")
        guard let certainty = Certainty(rawValue: try certaintyField.string()) else {
            throw certaintyField.fail("phải là law, press hoặc unverified")
        }
        var results: [ResultDocument] = []
        if let list = try item.optionalMember("results") {
            for r in try list.array() {
                try r.rejectUnknownMembers(["name", "body"])
                results.append(
                    ResultDocument(
                        name: VietnameseText.normalizedField(try r.member("name").nonEmptyString()),
                        bodyCode: try bodyCode(try r.member("body"), knownBodies)))
            }
        }
        var documents: [RequiredDocument] = []
        if let list = try item.optionalMember("documents") {
            for d in try list.array() {
                try d.rejectUnknownMembers(["name", "form", "quantity", "mandatory"])
                let formField = try d.member("form")
                guard let form = DocumentForm(rawValue: try formField.string()) else {
                    throw formField.fail(
                        "phải là một trong: \(DocumentForm.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                documents.append(
                    RequiredDocument(
                        name: VietnameseText.normalizedField(try d.member("name").nonEmptyString()),
                        form: form, quantity: try d.optionalMember("quantity")?.int(in: 1...99) ?? 1,
                        isMandatory: try d.optionalMember("mandatory")?.bool() ?? true))
            }
        }
        var route: [RouteStep] = []
        if let list = try item.optionalMember("route") {
            for s in try list.array() {
                try s.rejectUnknownMembers(["body", "task", "budget", "budgetUnit", "lead", "results"])
                let budget = try parseLimit(try s.member("budgetUnit"), try s.optionalMember("budget"))
                var produces: [Int] = []
                if let r = try s.optionalMember("results") {
                    for idx in try r.array() {
                        let i = try idx.int(in: 0...99)
                        guard i < results.count else { throw idx.fail("không có kết quả số \(i) trong \"results\"") }
                        produces.append(i)
                    }
                }
                route.append(
                    RouteStep(
                        bodyCode: try bodyCode(try s.member("body"), knownBodies),
                        task: VietnameseText.normalizedField(try s.member("task").nonEmptyString()),
                        budget: budget, isLead: try s.optionalMember("lead")?.bool() ?? false,
                        producesResults: produces))
            }
            if !route.isEmpty && route.filter(\.isLead).count != 1 {
                throw list.fail("quy trình phải có đúng một cơ quan chủ trì (\"lead\": true)")
            }
        }
        return ProcedureVersion(
            code: code,
            name: VietnameseText.normalizedField(try item.member("name").nonEmptyString()),
            field: VietnameseText.normalizedField(try item.member("field").nonEmptyString()),
            limit: limit,
            cutoff: try item.optionalMember("cutoff")?.clockTime(),
            extraVerificationDays: try item.optionalMember("extraVerificationDays")?.int(in: 0...365) ?? 0,
            fee: try parseFee(try item.member("fee")),
            feeExemptions: try item.optionalMember("feeExemptions")?.array().map { e throws(ConfigError) in
                try e.nonEmptyString()
            } ?? [],
            documents: documents,
            results: results,
            resultOnTheSpot: try item.optionalMember("resultOnTheSpot")?.bool() ?? false,
            route: route,
            certainty: certainty,
            note: try item.optionalMember("note")?.string() ?? "",
            effectiveFrom: try item.optionalMember("effectiveFrom")?.date() ?? CivilDate(year: 2025, month: 7, day: 1)!)
    }

    static func bodyCode(_ field: JSONReader, _ known: Set<String>?) throws(ConfigError) -> String {
        let code = try field.nonEmptyString()
        if let known, !known.contains(code) {
            throw field.fail("không có cơ quan mã \"\(code)\" trong danh mục cơ quan")
        }
        return code
    }

    static func parseFee(_ fee: JSONReader) throws(ConfigError) -> FeeRule {
        try fee.rejectUnknownMembers(["kind", "amount", "online", "reducedFromPage", "reducedAmount", "capPerCopy"])
        let kindField = try fee.member("kind")
        switch try kindField.string() {
        case "free": return .free
        case "province": return .setByProvince
        case "fixed":
            return .fixed(
                amount: try fee.member("amount").int(in: 0...100_000_000),
                online: try fee.optionalMember("online")?.int(in: 0...100_000_000))
        case "per_copy":
            return .perCopy(amount: try fee.member("amount").int(in: 0...100_000_000))
        case "per_page":
            return .perPage(
                firstPages: try fee.member("amount").int(in: 0...10_000_000),
                reducedFromPage: try fee.member("reducedFromPage").int(in: 2...1000),
                laterPages: try fee.member("reducedAmount").int(in: 0...10_000_000),
                capPerCopy: try fee.member("capPerCopy").int(in: 0...100_000_000))
        default:
            throw kindField.fail("phải là một trong: free, fixed, per_copy, per_page, province")
        }
    }

    public static func json(_ procedures: [ProcedureVersion]) -> JSONValue {
        .object([("format", .string(formatName)), ("version", .int(1)), ("procedures", .array(procedures.map(json)))])
    }

    public static func json(_ p: ProcedureVersion) -> JSONValue {
        var m: [(key: String, value: JSONValue)] = [
            ("code", .string(p.code)), ("name", .string(p.name)), ("field", .string(p.field)),
            ("limitUnit", .string(p.limit.unitCode)), ("limit", .int(p.limit.value))
        ]
        if let c = p.cutoff { m.append(("cutoff", .string(c.text))) }
        m.append(("extraVerificationDays", .int(p.extraVerificationDays)))
        m.append(("fee", feeJSON(p.fee)))
        if !p.feeExemptions.isEmpty { m.append(("feeExemptions", .array(p.feeExemptions.map { .string($0) }))) }
        m.append(
            (
                "documents",
                .array(
                    p.documents.map {
                        .object([
                            ("name", .string($0.name)), ("form", .string($0.form.rawValue)),
                            ("quantity", .int($0.quantity)),
                            ("mandatory", .bool($0.isMandatory))
                        ])
                    })
            ))
        m.append(
            ("results", .array(p.results.map { .object([("name", .string($0.name)), ("body", .string($0.bodyCode))]) }))
        )
        m.append(("resultOnTheSpot", .bool(p.resultOnTheSpot)))
        m.append(
            (
                "route",
                .array(
                    p.route.map { s in
                        var step: [(key: String, value: JSONValue)] = [
                            ("body", .string(s.bodyCode)), ("task", .string(s.task)),
                            ("budgetUnit", .string(s.budget.unitCode)),
                            ("budget", .int(s.budget.value)), ("lead", .bool(s.isLead))
                        ]
                        if !s.producesResults.isEmpty {
                            step.append(("results", .array(s.producesResults.map { .int($0) })))
                        }
                        return .object(step)
                    })
            ))
        m.append(("certainty", .string(p.certainty.rawValue)))
        m.append(("note", .string(p.note)))
        m.append(("effectiveFrom", .string(p.effectiveFrom.iso)))
        return .object(m)
    }

    static func feeJSON(_ fee: FeeRule) -> JSONValue {
        switch fee {
        case .free: return .object([("kind", .string("free"))])
        case .setByProvince: return .object([("kind", .string("province"))])
        case let .fixed(amount, online):
            var m: [(key: String, value: JSONValue)] = [("kind", .string("fixed")), ("amount", .int(amount))]
            if let online { m.append(("online", .int(online))) }
            return .object(m)
        case let .perCopy(amount):
            return .object([("kind", .string("per_copy")), ("amount", .int(amount))])
        case let .perPage(first, from, later, cap):
            return .object([
                ("kind", .string("per_page")), ("amount", .int(first)), ("reducedFromPage", .int(from)),
                ("reducedAmount", .int(later)), ("capPerCopy", .int(cap))
            ])
        }
    }
}

func checkFormat(_ root: JSONReader, _ name: String) throws(ConfigError) {
    let format = try root.member("format")
    guard try format.string() == name else { throw format.fail("phải là \"\(name)\"") }
    let version = try root.member("version")
    guard try version.int() == 1 else {
        throw version.fail("phiên bản \(try version.int()) chưa được hỗ trợ (chương trình đọc phiên bản 1)")
    }
}

/// Which kind of motcua file a JSON text is, from its `format` field.
public func motcuaFileFormat(_ text: String) -> String? {
    guard let value = try? JSONParser.parse(text), case let .string(format)? = value["format"] else { return nil }
    return format
}
