import Foundation
import Policy
import PropertyBased
import StewardKit
import StewardPlanner
import TestSupport
import Testing

/// For random policies, manifests and usage: the planner's edits never change a place outside
/// what the policy allows, as the independent scope check sees the bytes, and they change
/// exactly the fields whose changes the policy permitted.
@Suite struct PlannerScopePropertyTests {
    static let tapes = Gen.int(in: 0...999_999).array(of: 80)

    @Test func plannedEditsStayInsideThePolicy() async throws {
        var withEdits = 0
        var permittedChanges = 0
        await propertyCheck(count: 150, input: Self.tapes) { numbers in
            var tape = Tape(numbers)
            let scenario = Scenario(&tape)
            do {
                let directory = try TemporaryDirectory("steward-property")
                try scenario.write(to: directory)
                let plan = try await Planner().plan(
                    PlanRequest(
                        repository: directory.path("repo").path,
                        profiles: directory.path("profiles.json").path))
                guard let policy = plan.policy.policy else {
                    Issue.record("the generated policy did not load:\n\(scenario.policy)")
                    return
                }
                let files = plan.fileEdits.map {
                    ChangedFile(path: $0.path, before: $0.before, after: $0.after)
                }
                let report = ScopeCheck(policy: policy, cluster: "prod", actions: [.rightsize]).check(files)
                #expect(report.violations == [], "\(scenario.policy)")
                if !plan.fileEdits.isEmpty { withEdits += 1 }
                permittedChanges += plan.permittedChanges.count
                let changed = Set(report.fields.map { "\($0.file) \($0.field.path)" })
                let permitted = Set(plan.permittedChanges.map { "\($0.file) \($0.path)" })
                #expect(changed == permitted, "\(scenario.policy)")
                for change in plan.changes where !change.decision.permitsEdit {
                    #expect(!changed.contains("\(change.file) \(change.path)"))
                }
                if let limit = policy.limits.maxChangesPerPullRequest {
                    // Per pull request, and the plan groups by target by default.
                    let perTarget = Dictionary(grouping: plan.permittedChanges, by: \.target)
                    #expect(perTarget.values.allSatisfy { $0.count <= limit })
                }

                // The check is not vacuous: the same edits plus an image bump are refused.
                if let edit = plan.fileEdits.first {
                    let text = String(decoding: edit.after, as: UTF8.self)
                        .replacingOccurrences(of: "image: app:1", with: "image: app:2")
                    let tampered = ChangedFile(path: edit.path, before: edit.before, after: Array(text.utf8))
                    let refused = ScopeCheck(policy: policy, cluster: "prod", actions: [.rightsize]).check([
                        tampered
                    ])
                    #expect(refused.violations.contains { $0.path?.description.hasSuffix(".image") == true })
                }
            } catch {
                Issue.record("planning failed: \(error)\n\(scenario.policy)")
            }
        }
        // Not vacuous: many random repositories got edits, through many permitted changes.
        #expect(withEdits >= 15, "\(withEdits) of 150 plans edited a file")
        #expect(permittedChanges >= 30, "\(permittedChanges) permitted changes")
    }
}

/// Numbers to draw choices from, in order; zero when exhausted.
private struct Tape {
    var numbers: [Int]
    var index = 0

    init(_ numbers: [Int]) {
        self.numbers = numbers
    }

    mutating func next(_ bound: Int) -> Int {
        defer { index += 1 }
        return index < numbers.count ? numbers[index] % bound : 0
    }

    mutating func chance(_ percent: Int) -> Bool { next(100) < percent }
}

/// A repository with two workloads, their usage, and a random policy about them.
private struct Scenario {
    var policy = ""
    var manifests: [String: String] = [:]
    var profiles: [String] = []

    static let fields = [
        ("containers", "requests.cpu"), ("containers", "requests.memory"), ("containers", "limits.memory"),
        ("initContainers", "requests.cpu"), ("initContainers", "requests.memory"),
        ("initContainers", "limits.memory"),
    ]

    init(_ tape: inout Tape) {
        policy = Self.policy(&tape)
        for (name, namespace) in [("web", "shop"), ("api", "blog")] {
            manifests["apps/\(name).yaml"] = Self.manifest(name, namespace, &tape)
            for container in ["app", "init"] {
                let cpu = Double(tape.next(4000) + 1) / 1000
                let memory = Double(tape.next(4096) + 8) * 1_048_576
                profiles.append(
                    """
                    {"cluster": "prod", "namespace": "\(namespace)", "workload": {"kind": "Deployment", "name": "\(name)"},
                     "container": "\(container)",
                     "cpu": {"p50": \(cpu), "p90": \(cpu), "p95": \(cpu), "p99": \(cpu), "max": \(cpu), "samples": 100},
                     "memory": {"p50": \(memory), "p95": \(memory), "max": \(memory), "samples": 100}}
                    """)
            }
        }
    }

    func write(to directory: TemporaryDirectory) throws {
        try directory.write("repo/policies/steward.yaml", policy)
        for (path, text) in manifests { try directory.write("repo/\(path)", text) }
        try directory.write(
            "profiles.json",
            """
            {"apiVersion": "steward.dev/v1", "kind": "UsageProfiles", "window": {"start": 0, "end": 604800},
             "profiles": [\(profiles.joined(separator: ",\n"))]}
            """)
    }

    private static func policy(_ tape: inout Tape) -> String {
        var text = "apiVersion: steward.dev/v1\nkind: Policy\nmetadata: {name: random}\nspec:\n"
        if tape.chance(30) { text += "  limits: {maxChangesPerPullRequest: \(tape.next(6) + 1)}\n" }
        text += "  rules:\n"
        // Distinct conditions, none covering another, so that no rule is shadowed; `{}` comes last.
        var matches = [
            "{namespaces: [shop]}", "{namespaces: [blog]}", "{names: [web]}",
            "{kinds: [Deployment], names: [api]}",
            "{labels: {tier: \"front*\"}}",
        ].filter { _ in tape.chance(45) }
        let turn = tape.next(max(matches.count, 1))
        matches = Array(matches[turn...] + matches[..<turn])
        if tape.chance(50) { matches.append("{}") }
        for (index, match) in matches.enumerated() {
            text += "    - name: rule-\(index)\n      match: \(match)\n"
            text += "      actions: [\(tape.chance(85) ? "rightsize" : "oom")]\n      fields:\n"
            for (list, field) in fields where tape.chance(55) {
                text += "        - path: spec.template.spec.\(list)[*].resources.\(field)\n"
                let memory = field.hasSuffix("memory")
                let unit = memory ? "Mi" : "m"
                if tape.chance(40) { text += "          min: \(tape.next(300) + 1)\(unit)\n" }
                if tape.chance(40) { text += "          max: \(tape.next(3000) + 300)\(unit)\n" }
                if tape.chance(50) { text += "          maxIncreasePercent: \(tape.next(150))\n" }
                if tape.chance(50) { text += "          maxDecreasePercent: \(tape.next(99))\n" }
            }
            if text.hasSuffix("fields:\n") { text += "        []\n" }
        }
        if matches.isEmpty { text += "    []\n" }
        if tape.chance(20) { text += "  actions: {rightsize: {requireLabels: {tier: frontend}}}\n" }
        return text
    }

    private static func manifest(_ name: String, _ namespace: String, _ tape: inout Tape) -> String {
        func resources(_ tape: inout Tape) -> String {
            var requests: [String] = []
            if tape.chance(70) { requests.append("cpu: \(tape.next(2000) + 1)m") }
            if tape.chance(70) { requests.append("memory: \(tape.next(2048) + 16)Mi") }
            var text = "resources:\n"
            if !requests.isEmpty { text += "            requests: {\(requests.joined(separator: ", "))}\n" }
            if tape.chance(60) {
                text += "            limits:\n              memory: \(tape.next(4096) + 16)Mi\n"
            }
            return text == "resources:\n" ? "resources: {}\n" : text
        }
        let tier = tape.chance(50) ? "frontend" : "backend"
        let optOut = tape.chance(10) ? "\n  annotations: {steward.dev/ignore: \"true\"}" : ""
        return """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: \(name)
              namespace: \(namespace)
              labels: {tier: \(tier)}\(optOut)
            spec:
              template:
                spec:
                  initContainers:
                    - name: init
                      image: init:1
                      restartPolicy: Always
                      \(resources(&tape).replacingOccurrences(of: "\n            ", with: "\n              "))
                  containers:
                    - name: app
                      image: app:1
                      \(resources(&tape).replacingOccurrences(of: "\n            ", with: "\n              "))
            """
    }
}
