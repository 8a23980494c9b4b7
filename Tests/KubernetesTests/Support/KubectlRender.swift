import Foundation
import Kubernetes
import TestSupport
import Yams

/// What `kubectl kustomize` renders, read with Yams (an independent YAML parser), as lines of
/// facts Steward's renderer must agree with: workloads with their namespace, replicas and
/// containers (role, image, the four resource fields), and autoscalers with their target.
enum KubectlRender {
    /// The facts of `kubectl kustomize directory`, with `defaultNamespace` for resources that
    /// name none (what Argo CD does with its destination namespace).
    static func facts(of directory: URL, defaultNamespace: String?) throws -> [String] {
        let output = try ExternalTool.kubectl.run(["kustomize", directory.path])
        var facts: [String] = []
        for document in try Yams.load_all(yaml: output) {
            guard let resource = document as? [String: Any], let kind = resource["kind"] as? String,
                let metadata = resource["metadata"] as? [String: Any], let name = metadata["name"] as? String
            else { continue }
            let namespace = metadata["namespace"] as? String ?? defaultNamespace ?? "-"
            let spec = resource["spec"] as? [String: Any] ?? [:]
            if kind == "HorizontalPodAutoscaler" {
                let target = spec["scaleTargetRef"] as? [String: Any] ?? [:]
                facts.append(
                    "\(namespace)/HPA/\(name) -> \(target["kind"] ?? "?")/\(target["name"] ?? "?") "
                        + "min=\(spec["minReplicas"] ?? "-") max=\(spec["maxReplicas"] ?? "-")")
                continue
            }
            var podSpec: [String: Any]?
            if kind == "CronJob" {
                let job = (spec["jobTemplate"] as? [String: Any])?["spec"] as? [String: Any]
                podSpec = ((job?["template"] as? [String: Any])?["spec"]) as? [String: Any]
            } else {
                podSpec = ((spec["template"] as? [String: Any])?["spec"]) as? [String: Any]
            }
            guard let podSpec else { continue }
            facts.append("\(namespace)/\(kind)/\(name) replicas=\(spec["replicas"].map { "\($0)" } ?? "-")")
            for (section, defaultRole) in [("initContainers", "init"), ("containers", "main")] {
                for container in podSpec[section] as? [[String: Any]] ?? [] {
                    let role = container["restartPolicy"] as? String == "Always" ? "sidecar" : defaultRole
                    let resources = container["resources"] as? [String: Any] ?? [:]
                    var fields: [String] = []
                    for field in ResourceField.allCases {
                        let value = (resources[field.section] as? [String: Any])?[field.resource]
                        fields.append("\(field.rawValue)=\(value.map { "\($0)" } ?? "-")")
                    }
                    facts.append(
                        "  \(role) \(container["name"] ?? "?") image=\(container["image"] ?? "-") "
                            + fields.joined(separator: " "))
                }
            }
        }
        return facts.sorted()
    }

    /// The same facts from Steward's rendering of a target.
    static func facts(of target: DeploymentTarget) -> [String] {
        var facts: [String] = []
        for autoscaler in target.autoscalers {
            facts.append(
                "\(autoscaler.namespace ?? "-")/HPA/\(autoscaler.name) -> "
                    + "\(autoscaler.targetKind)/\(autoscaler.targetName) "
                    + "min=\(autoscaler.minReplicas.map(String.init) ?? "-") "
                    + "max=\(autoscaler.maxReplicas.map(String.init) ?? "-")")
        }
        for workload in target.workloads {
            facts.append(
                "\(workload.namespace ?? "-")/\(workload.kind)/\(workload.name) "
                    + "replicas=\(workload.replicas.map(String.init) ?? "-")")
            for container in workload.containers {
                let fields = ResourceField.allCases.map { field in
                    "\(field.rawValue)=\(container.resources[field]?.text ?? container.invalidFields[field]?.text ?? "-")"
                }
                facts.append(
                    "  \(container.role.rawValue) \(container.name) image=\(container.image ?? "-") "
                        + fields.joined(separator: " "))
            }
        }
        return facts.sorted()
    }
}
