import Kubernetes

extension FieldRule {
    /// Judges a change of this field from `from` to `to` (nil: remove the field).
    ///
    /// The step limits (relative to `from`) and `min`/`max` make an interval; a value inside it
    /// is allowed, a value outside is clamped to the nearest end, rounded to a whole millicore or
    /// mebibyte inside the interval. A clamp that would not move the value the way the proposal
    /// does (or not at all) is a rejection: the bot never writes a change nobody proposed. Every
    /// value this returns as allowed or clamped is judged `allowed` when proposed again.
    func judge(from: Quantity?, to: Quantity?, resource: String, rule: String) -> PolicyDecision {
        guard let to else {
            if from == nil || allowRemove { return .allowed(nil, rule: rule) }
            return .rejected("removing \(pattern) is not allowed (allowRemove is false)", rule: rule)
        }
        var lower: Bound?
        var upper: Bound?
        if let from, let percent = maxDecreasePercent {
            guard let nanos = Self.scaled(from.nanos, percent: 100 - percent, roundingUp: true) else {
                return .rejected("\(from.text) is too large to apply maxDecreasePercent", rule: rule)
            }
            lower = Bound(nanos: nanos, label: "maxDecreasePercent \(percent) of \(from.text)")
        }
        if let from, let percent = maxIncreasePercent {
            guard let nanos = Self.scaled(from.nanos, percent: 100 + percent, roundingUp: false) else {
                return .rejected("\(from.text) is too large to apply maxIncreasePercent", rule: rule)
            }
            upper = Bound(nanos: nanos, label: "maxIncreasePercent \(percent) of \(from.text)")
        }
        if let min, lower.map({ min.nanos > $0.nanos }) ?? true {
            lower = Bound(nanos: min.nanos, label: "min \(min.text)", exact: min)
        }
        if let max, upper.map({ max.nanos < $0.nanos }) ?? true {
            upper = Bound(nanos: max.nanos, label: "max \(max.text)", exact: max)
        }
        if let lower, let upper, lower.nanos > upper.nanos {
            return .rejected("\(lower.label) is above \(upper.label): no value fits", rule: rule)
        }
        let bound: Bound
        let candidates: [Quantity]
        if let lower, to.nanos < lower.nanos {
            bound = lower
            candidates = Self.candidates(lower, resource: resource, roundingUp: true)
                .filter { candidate in upper.map { candidate.nanos <= $0.nanos } ?? true }
        } else if let upper, to.nanos > upper.nanos {
            bound = upper
            candidates = Self.candidates(upper, resource: resource, roundingUp: false)
                .filter { candidate in lower.map { candidate.nanos >= $0.nanos } ?? true }
        } else {
            return .allowed(to, rule: rule)
        }
        let moving = candidates.filter { candidate in
            guard let from else { return true }
            return candidate != from && (candidate < from) == (to < from)
        }
        guard let value = moving.first else {
            let start = from.map { " from \($0.text)" } ?? ""
            return .rejected("\(bound.label) leaves no room to move\(start) toward \(to.text)", rule: rule)
        }
        return .clamped(value, bound: bound.label, rule: rule)
    }

    /// One end of the allowed interval, in nano-units; `exact` when it is a quantity of the policy.
    private struct Bound {
        var nanos: Int128
        var label: String
        var exact: Quantity?
    }

    /// The values to write for a bound, best first: the policy's own quantity, or the bound
    /// rounded into the interval to a whole mebibyte, then to a whole byte (memory), or to a
    /// whole millicore (CPU).
    private static func candidates(_ bound: Bound, resource: String, roundingUp: Bool) -> [Quantity] {
        if let exact = bound.exact { return [exact] }
        let round = roundingUp ? divideRoundingUp : divideRoundingDown
        if resource == "cpu" {
            return [.cpu(millicores: round(bound.nanos, 1_000_000))]
        }
        let bytes = round(bound.nanos, 1_000_000_000)
        let mebibytes = round(bytes, Quantity.mebi) * Quantity.mebi
        return mebibytes == bytes
            ? [.memory(bytes: bytes)] : [.memory(bytes: mebibytes), .memory(bytes: bytes)]
    }

    /// `value × percent / 100`, rounded up or down; nil on overflow.
    private static func scaled(_ value: Int128, percent: Int, roundingUp: Bool) -> Int128? {
        let (product, overflow) = value.multipliedReportingOverflow(by: Int128(percent))
        guard !overflow else { return nil }
        return roundingUp ? divideRoundingUp(product, 100) : divideRoundingDown(product, 100)
    }

    private static func divideRoundingUp(_ value: Int128, _ divisor: Int128) -> Int128 {
        let (quotient, remainder) = value.quotientAndRemainder(dividingBy: divisor)
        return remainder > 0 ? quotient + 1 : quotient
    }

    private static func divideRoundingDown(_ value: Int128, _ divisor: Int128) -> Int128 {
        let (quotient, remainder) = value.quotientAndRemainder(dividingBy: divisor)
        return remainder < 0 ? quotient - 1 : quotient
    }
}
