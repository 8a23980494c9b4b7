import Kubernetes
import Policy
import PropertyBased
import Testing

/// For random bounds and changes: whatever the policy lets through lies inside every bound,
/// moves the way the proposal did, and is allowed unchanged when proposed again.
@Suite struct DecisionPropertyTests {
    static let percents = Gen.int(in: -1...150)
    static let amounts = Gen.int(in: -1...5000)

    @Test func permittedValuesRespectEveryBoundAndAreStable() async {
        await propertyCheck(
            count: 2000, input: Self.amounts, Self.amounts, Self.amounts, Self.amounts, Self.percents,
            Self.percents, Gen.bool
        ) { minimum, maximum, from, to, up, down, memory in
            let unit: (Int) -> Quantity = { amount in
                memory ? .memory(bytes: Int128(amount) * Quantity.mebi / 7) : .cpu(millicores: Int128(amount))
            }
            let resource = memory ? "memory" : "cpu"
            var settings: [String] = []
            if minimum >= 0 { settings.append("min: \"\(unit(minimum).text)\"") }
            if maximum >= 0 && maximum >= minimum { settings.append("max: \"\(unit(maximum).text)\"") }
            if up >= 0 { settings.append("maxIncreasePercent: \(up)") }
            if (0...99).contains(down) { settings.append("maxDecreasePercent: \(down)") }
            guard
                let policy = try? BoundsTests.policy(resource, settings.joined(separator: "; "))
            else {
                Issue.record("generated policy did not load: \(settings)")
                return
            }
            let field = policy.rules[0].fields[0]
            let old = from >= 0 ? unit(from) : nil
            let new = unit(to)
            let change = Fixtures.change("requests.\(resource)", from: old?.text, to: new.text)
            let decision = policy.evaluate(change)
            guard decision.permitsEdit, let value = decision.value else { return }
            let context = "\(settings) \(old?.text ?? "unset") -> \(new.text): \(decision)"
            if let min = field.min { #expect(value >= min, "\(context)") }
            if let max = field.max { #expect(value <= max, "\(context)") }
            if let old, let percent = field.maxIncreasePercent {
                #expect(value.nanos * 100 <= old.nanos * Int128(100 + percent), "\(context)")
            }
            if let old, let percent = field.maxDecreasePercent {
                #expect(value.nanos * 100 >= old.nanos * Int128(100 - percent), "\(context)")
            }
            if decision.outcome == .allowed { #expect(value == new, "\(context)") }
            if let old, decision.outcome == .clamped {
                #expect(value != old && (value < old) == (new < old), "\(context)")
            }
            var again = change
            again.to = value
            #expect(policy.evaluate(again) == .allowed(value, rule: "r"), "\(context)")
        }
    }
}
