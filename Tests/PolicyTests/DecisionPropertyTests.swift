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
        var permitted = 0
        var clamped = 0
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
            permitted += 1
            if decision.outcome == .clamped { clamped += 1 }
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
        // Not vacuous: a good share of the cases got through the bounds, some of them clamped.
        #expect(permitted >= 700, "\(permitted) of 2000 permitted")
        #expect(clamped >= 400, "\(clamped) of 2000 clamped")
    }

    /// For random rules (kinds, names, a label glob, the actions) and workloads (kind, name,
    /// label, the opt-out annotation) and either action: the opt-out annotation, then the match,
    /// then the rule's actions decide, before any bound, exactly as an independent oracle says.
    @Test func theOptOutTheMatchAndTheActionsDecideFirst() async throws {
        var outcomes: [String: Int] = [:]
        await propertyCheck(count: 2000, input: Gen.int(in: 0...53), Gen.int(in: 0...47)) {
            ruleCode, workloadCode in
            var rule = ruleCode
            let ruleKinds = [[], ["Deployment"], ["StatefulSet"]][rule % 3]
            rule /= 3
            let ruleNames = [[], ["web"], ["a*"]][rule % 3]
            rule /= 3
            let ruleTier: String? = rule % 2 == 0 ? nil : "front*"
            rule /= 2
            let ruleActions: [PolicyAction] = [[.rightsize], [.oom], [.rightsize, .oom]][rule % 3]
            var workload = workloadCode
            let kind = ["Deployment", "StatefulSet"][workload % 2]
            workload /= 2
            let name = ["web", "api"][workload % 2]
            workload /= 2
            let tier = [nil, "frontend", "backend"][workload % 3]
            workload /= 3
            let optedOut = workload % 2 == 1
            workload /= 2
            let action: PolicyAction = workload % 2 == 0 ? .rightsize : .oom

            var match: [String] = []
            if !ruleKinds.isEmpty { match.append("kinds: [\(ruleKinds.joined(separator: ", "))]") }
            if !ruleNames.isEmpty { match.append("names: [\"\(ruleNames.joined(separator: "\", \""))\"]") }
            if let ruleTier { match.append("labels: {tier: \"\(ruleTier)\"}") }
            let text = """
                  rules:
                    - name: r
                      match: {\(match.joined(separator: ", "))}
                      actions: [\(ruleActions.map(\.rawValue).joined(separator: ", "))]
                      fields:
                        - path: spec.template.spec.containers[*].resources.requests.cpu

                """
            guard let policy = try? Fixtures.policy(text) else {
                Issue.record("generated policy did not load:\n\(text)")
                return
            }
            let subject = Fixtures.subject(
                kind: kind, name: name, labels: tier.map { ["tier": $0] } ?? [:],
                annotations: optedOut ? ["steward.dev/ignore": "true"] : [:])
            let change = Fixtures.change(
                "requests.cpu", from: "500m", to: "250m", action: action, subject: subject)
            let decision = policy.evaluate(change)

            let selected =
                (ruleKinds.isEmpty || ruleKinds.contains(kind))
                && (ruleNames.isEmpty
                    || ruleNames.contains { $0 == name || ($0 == "a*" && name.hasPrefix("a")) })
                && (ruleTier == nil || tier?.hasPrefix("front") == true)
            let context =
                "\(text) \(kind) \(name) tier \(tier ?? "-") opted out \(optedOut) \(action): \(decision)"
            let expected: String
            if optedOut {
                expected = "opted out"
                #expect(decision.reason?.hasPrefix("opted out with the annotation") == true, "\(context)")
            } else if !selected {
                expected = "no rule"
                #expect(decision.reason?.hasSuffix("(default deny)") == true, "\(context)")
            } else if !ruleActions.contains(action) {
                expected = "action refused"
                #expect(
                    decision == .rejected("the rule does not allow the action \(action.rawValue)", rule: "r"),
                    "\(context)")
            } else {
                expected = "allowed"
                #expect(decision == .allowed(Fixtures.quantity("250m"), rule: "r"), "\(context)")
            }
            outcomes[expected, default: 0] += 1
        }
        // Every branch of the oracle was taken, often.
        for outcome in ["opted out", "no rule", "action refused", "allowed"] {
            #expect(outcomes[outcome, default: 0] >= 40, "\(outcome): \(outcomes)")
        }
    }
}
