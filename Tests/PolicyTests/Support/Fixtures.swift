import Kubernetes
import Policy
import YAMLSyntax

/// Builders for the policy tests: policies from YAML text, workloads and changes.
enum Fixtures {
    /// The header every test policy starts with.
    static let header = """
        apiVersion: steward.dev/v1
        kind: Policy
        metadata:
          name: test
        spec:

        """

    /// Loads a policy written as YAML; `body` follows `spec:` (indent it by two spaces).
    static func policy(_ body: String) throws -> Policy {
        try Policy(bytes: Array((header + body).utf8), path: "policies/steward.yaml")
    }

    /// The diagnostics of a whole policy file that does not load, each with its caret.
    static func diagnostics(_ text: String, path: String = "policies/steward.yaml") -> [String] {
        do {
            _ = try Policy(bytes: Array(text.utf8), path: path)
            return []
        } catch {
            return error.diagnostics.map(\.description)
        }
    }

    static func subject(
        kind: String = "Deployment", name: String = "web", namespace: String = "shop",
        cluster: String = "prod",
        labels: [String: String] = [:], annotations: [String: String] = [:]
    ) -> PolicySubject {
        PolicySubject(
            workload: WorkloadReference(cluster: cluster, namespace: namespace, kind: kind, name: name),
            labels: labels, annotations: annotations)
    }

    /// A change of `field` (e.g. `requests.cpu`) of container `app` in a Deployment-like workload.
    static func change(
        _ field: String, from: String?, to: String?, action: PolicyAction = .rightsize,
        subject: PolicySubject = subject(), container: String = "app", list: String = "containers"
    ) -> ProposedChange {
        ProposedChange(
            subject: subject, container: container,
            path: path("spec.template.spec.\(list)[name=\(container)].resources.\(field)"), action: action,
            from: from.map(quantity), to: to.map(quantity))
    }

    static func path(_ text: String) -> YAMLPath {
        try! YAMLPath(parsing: text)
    }

    static func quantity(_ text: String) -> Quantity {
        Quantity(text)!
    }
}
