import MotCuaCore

/// Encodes event payloads as the JSON kept in `events.data`, and back. Instants are written
/// `YYYY-MM-DD HH:MM` so that the history stays readable with any SQLite tool.
enum EventCodec {
    /// The payload as JSON, without null members (they are implied by their absence).
    static func encode(_ payload: CaseEventPayload) -> JSONValue {
        guard case .object(let members) = encodeAll(payload) else { return encodeAll(payload) }
        return .object(members.filter { $0.value != .null })
    }

    static func encodeAll(_ payload: CaseEventPayload) -> JSONValue {
        func t(_ v: LocalDateTime) -> JSONValue { .string(v.iso) }
        func opt(_ s: String?) -> JSONValue { s.map { .string($0) } ?? .null }
        switch payload {
        case .received(let due):
            return .object([("due", t(due))])
        case let .supplementRequested(items, reason):
            return .object([("items", .array(items.map { .string($0) })), ("reason", .string(reason))])
        case let .supplementReceived(due, stepDue):
            return .object([("newDue", t(due)), ("stepDue", stepDue.map(t) ?? .null)])
        case .refused(let reasons):
            return .object([("reasons", .array(reasons.map { .string($0) }))])
        case let .handedOver(step, due, slip):
            return .object([("step", .int(step)), ("stepDue", t(due)), ("slip", opt(slip))])
        case let .acknowledged(step, receipt):
            return .object([("step", .int(step)), ("receipt", opt(receipt))])
        case let .stepDone(step, note):
            return .object([("step", .int(step)), ("note", .string(note))])
        case let .resultReceived(number, date, overrideReason):
            return .object([
                ("documentNumber", .string(number)), ("documentDate", opt(date?.iso)),
                ("overrideReason", opt(overrideReason))
            ])
        case let .rescheduled(due, reason, late):
            return .object([("newDue", t(due)), ("reason", .string(reason)), ("late", late ? .bool(true) : .null)])
        case let .returned(method, receipt, told):
            return .object([
                ("method", .string(method.rawValue)), ("postalReceipt", opt(receipt)),
                ("toldEarly", told.map { .bool($0) } ?? .null)
            ])
        case .evaluated(let e):
            switch e {
            case .indices(let scores):
                return .object([("indices", .object(scores.keys.sorted().map { ($0, .int(scores[$0]!)) }))])
            case .satisfaction(let level):
                return .object([("satisfaction", .string(level.rawValue))])
            }
        case .withdrawn(let r), .stopped(let r), .cancelled(let r):
            return .object([("reason", .string(r))])
        case let .corrected(field, old, new, reason):
            return .object([
                ("field", .string(field)), ("old", .string(old)), ("new", .string(new)), ("reason", .string(reason))
            ])
        case let .printed(document, reprint, failure):
            return .object([("document", .string(document)), ("reprint", .bool(reprint)), ("failure", opt(failure))])
        }
    }

    struct Malformed: Error {}

    static func decode(kind: String, data: String) throws -> CaseEventPayload {
        let v = try JSONParser.parse(data)
        func s(_ k: String) throws -> String {
            guard case let .string(x)? = v[k] else { throw Malformed() }
            return x
        }
        func os(_ k: String) -> String? { if case let .string(x)? = v[k] { return x } else { return nil } }
        func t(_ k: String) throws -> LocalDateTime {
            guard let x = LocalDateTime(iso: try s(k)) else { throw Malformed() }
            return x
        }
        func i(_ k: String) throws -> Int {
            guard case let .number(n)? = v[k], let x = Int(n) else { throw Malformed() }
            return x
        }
        func b(_ k: String) -> Bool { if case let .bool(x)? = v[k] { return x } else { return false } }
        func ob(_ k: String) -> Bool? { if case let .bool(x)? = v[k] { return x } else { return nil } }
        func list(_ k: String) throws -> [String] {
            guard case let .array(items)? = v[k] else { throw Malformed() }
            return try items.map { if case let .string(x) = $0 { return x } else { throw Malformed() } }
        }
        switch CaseEventKind(rawValue: kind) {
        case .received: return .received(due: try t("due"))
        case .supplementRequested: return .supplementRequested(items: try list("items"), reason: try s("reason"))
        case .supplementReceived:
            return .supplementReceived(
                newDue: try t("newDue"), stepDue: os("stepDue").flatMap { LocalDateTime(iso: $0) })
        case .refused: return .refused(reasons: try list("reasons"))
        case .handedOver: return .handedOver(step: try i("step"), stepDue: try t("stepDue"), slipNumber: os("slip"))
        case .acknowledged: return .acknowledged(step: try i("step"), receiptNumber: os("receipt"))
        case .stepDone: return .stepDone(step: try i("step"), note: os("note") ?? "")
        case .resultReceived:
            return .resultReceived(
                documentNumber: try s("documentNumber"),
                documentDate: os("documentDate").flatMap { CivilDate(iso: $0) },
                overrideReason: os("overrideReason"))
        case .rescheduled: return .rescheduled(newDue: try t("newDue"), reason: try s("reason"), late: b("late"))
        case .returned:
            return .returned(
                method: CollectMethod(rawValue: try s("method")) ?? .counter, postalReceipt: os("postalReceipt"),
                applicantToldEarly: ob("toldEarly"))
        case .evaluated:
            if case let .object(members)? = v["indices"] {
                var scores: [String: Int] = [:]
                for m in members { if case let .number(n) = m.value, let x = Int(n) { scores[m.key] = x } }
                return .evaluated(.indices(scores))
            }
            guard let level = SatisfactionLevel(rawValue: try s("satisfaction")) else { throw Malformed() }
            return .evaluated(.satisfaction(level))
        case .withdrawn: return .withdrawn(reason: try s("reason"))
        case .stopped: return .stopped(reason: try s("reason"))
        case .cancelled: return .cancelled(reason: try s("reason"))
        case .corrected:
            return .corrected(field: try s("field"), old: try s("old"), new: try s("new"), reason: try s("reason"))
        case .printed: return .printed(document: try s("document"), reprint: b("reprint"), failure: os("failure"))
        case nil: throw Malformed()
        }
    }
}
