/// What a case's history says about the papers handed out: the appointment printed on the receipt, the
/// rounds of supplement, the fee as the receipt states it. Pure folds over the events; the documents and the
/// ledger read them from here so that every paper tells the same story.
public enum CaseHistory {
    /// The appointment printed on the receipt when it was first issued: the `received` event's due, as
    /// corrected afterwards (a correction fixes what the receipt got wrong, and is followed by a reprint).
    /// What happens later in the case's life — the deadline restarted after a supplement, a new date given
    /// in an apology — is not the receipt's: it is on the supplement papers, Mẫu 04 and the ledger.
    public static func receiptAppointment(_ events: [CaseEvent]) -> LocalDateTime? {
        var appointment: LocalDateTime?
        for e in events {
            switch e.payload {
            case .received(let due):
                appointment = due
            case let .corrected(field, _, new, _) where field == CorrectableField.appointment.rawValue:
                if appointment != nil, let t = LocalDateTime(iso: new) { appointment = t }
            case .supplementReceived, .rescheduled:
                return appointment
            default:
                continue
            }
        }
        return appointment
    }

    /// One request to supplement during processing: when it was asked, and when the complete dossier came
    /// back (nil while it has not) with the deadline that then restarted.
    public struct SupplementRound: Hashable, Sendable {
        public let requestedAt: LocalDateTime
        public let receivedAt: LocalDateTime?
        public let newDue: LocalDateTime?

        public init(requestedAt: LocalDateTime, receivedAt: LocalDateTime? = nil, newDue: LocalDateTime? = nil) {
            self.requestedAt = requestedAt
            self.receivedAt = receivedAt
            self.newDue = newDue
        }
    }

    /// The requests to supplement made during processing, in order.
    public static func supplementRounds(_ events: [CaseEvent]) -> [SupplementRound] {
        var rounds: [SupplementRound] = []
        for e in events {
            switch e.payload {
            case .supplementRequested:
                rounds.append(SupplementRound(requestedAt: e.at))
            case .supplementReceived(let newDue, _):
                if let last = rounds.last, last.receivedAt == nil {
                    rounds[rounds.count - 1] = SupplementRound(
                        requestedAt: last.requestedAt, receivedAt: e.at, newDue: newDue)
                }
            default:
                continue
            }
        }
        return rounds
    }
}

/// The fee as the receipt states it. A fee of 0 means different things: nothing to pay (a free procedure,
/// an exemption, or an amount the officer set to zero with a reason) or nothing entered yet (a procedure whose
/// fee the province sets and the catalogue does not know): the latter prints a blank to fill by hand.
public enum FeeStatement: Hashable, Sendable {
    /// An amount to pay; `reduction`: the reason recorded when it was reduced.
    case amount(Int, reduction: String?)
    /// Exempted, with the reason.
    case exempt(String)
    /// Nothing to pay.
    case free
    /// Never entered: the amount is left blank on the paper.
    case notEntered

    public init(fee: Int, exemption: String?, rule: FeeRule) {
        if fee > 0 {
            self = .amount(fee, reduction: exemption)
        } else if let exemption {
            self = .exempt(exemption)
        } else if rule == .setByProvince {
            self = .notEntered
        } else {
            self = .free
        }
    }
}
