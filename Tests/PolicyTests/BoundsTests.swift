import Kubernetes
import Policy
import Testing

/// Clamping to `min`/`max` and step limits, rounding, and the rejections when no value fits.
@Suite struct BoundsTests {
    /// A policy with one field rule on `requests.<resource>`; `settings` are its other entries,
    /// separated by `; ` (`min: 10m; maxDecreasePercent: 50`).
    static func policy(_ resource: String, _ settings: String) throws -> Policy {
        let lines = settings.split(separator: "; ").map { "          \($0)\n" }.joined()
        return try Fixtures.policy(
            """
              rules:
                - name: r
                  actions: [rightsize]
                  fields:
                    - path: spec.template.spec.containers[*].resources.requests.\(resource)

            """ + lines)
    }

    @Test(
        arguments: [
            ("cpu", "min: 10m", nil, "5m", "clamped to 10m by min 10m (rule r)"),
            ("cpu", "max: \"4\"", "1", "6", "clamped to 4 by max 4 (rule r)"),
            ("cpu", "min: 10m; max: \"4\"", "1", "2500m", "allowed (rule r)"),
            (
                "cpu", "maxDecreasePercent: 50", "500m", "180m",
                "clamped to 250m by maxDecreasePercent 50 of 500m (rule r)"
            ),
            ("cpu", "maxDecreasePercent: 50", "500m", "250m", "allowed (rule r)"),
            (
                "cpu", "maxDecreasePercent: 50", "3m", "1m",
                "clamped to 2m by maxDecreasePercent 50 of 3m (rule r)"
            ),
            (
                "cpu", "maxIncreasePercent: 0", "500m", "600m",
                "rejected: maxIncreasePercent 0 of 500m leaves no room to move from 500m toward 600m (rule r)"
            ),
            (
                "memory", "maxIncreasePercent: 100", "512Mi", "3Gi",
                "clamped to 1Gi by maxIncreasePercent 100 of 512Mi (rule r)"
            ),
            (
                "memory", "maxDecreasePercent: 30", "1Gi", "384Mi",
                "clamped to 717Mi by maxDecreasePercent 30 of 1Gi (rule r)"
            ),
            (
                "memory", "maxDecreasePercent: 50", "1000", "100",
                "clamped to 500 by maxDecreasePercent 50 of 1000 (rule r)"
            ),
            (
                "memory", "min: 512Mi; maxDecreasePercent: 90", "1Gi", "100Mi",
                "clamped to 512Mi by min 512Mi (rule r)"
            ),
            (
                "memory", "min: 64Mi; maxDecreasePercent: 20", "1Gi", "100Mi",
                "clamped to 820Mi by maxDecreasePercent 20 of 1Gi (rule r)"
            ),
            (
                "memory", "min: 512Mi", "256Mi", "128Mi",
                "rejected: min 512Mi leaves no room to move from 256Mi toward 128Mi (rule r)"
            ),
            (
                "memory", "min: 256Mi; maxIncreasePercent: 50", "100Mi", "300Mi",
                "rejected: min 256Mi is above maxIncreasePercent 50 of 100Mi: no value fits (rule r)"
            ),
            ("memory", "max: 4096Mi", nil, "8Gi", "clamped to 4096Mi by max 4096Mi (rule r)"),
            ("memory", "maxIncreasePercent: 10", nil, "8Gi", "allowed (rule r)"),
        ] as [(String, String, String?, String, String)])
    func clampsToTheNearestBound(
        resource: String, settings: String, from: String?, to: String, expected: String
    )
        throws
    {
        let policy = try Self.policy(resource, settings)
        let decision = policy.evaluate(Fixtures.change("requests.\(resource)", from: from, to: to))
        #expect(decision.description == expected)
    }

    @Test func aClampedDecisionCarriesTheValueAndTheBound() throws {
        let policy = try Self.policy("memory", "maxDecreasePercent: 30")
        let decision = policy.evaluate(Fixtures.change("requests.memory", from: "1Gi", to: "384Mi"))
        #expect(decision.outcome == .clamped)
        #expect(decision.value?.text == "717Mi")
        #expect(decision.value == Quantity.memory(bytes: 717 * Quantity.mebi))
        #expect(decision.bound == "maxDecreasePercent 30 of 1Gi")
        #expect(decision.rule == "r")
        #expect(decision.reason == nil)
        #expect(decision.permitsEdit)
    }

    @Test func removingAFieldNeedsAllowRemove() throws {
        let strict = try Self.policy("cpu", "max: \"2\"")
        #expect(
            strict.evaluate(Fixtures.change("requests.cpu", from: "1", to: nil)).description
                == "rejected: removing spec.template.spec.containers[*].resources.requests.cpu is not allowed "
                + "(allowRemove is false) (rule r)")
        let lenient = try Self.policy("cpu", "allowRemove: true")
        let removal = lenient.evaluate(Fixtures.change("requests.cpu", from: "1", to: nil))
        #expect(removal == .allowed(nil, rule: "r"))
    }
}
