import Analysis
import Kubernetes
import Telemetry
import YAMLSyntax

/// The objects of the repository that say something about a workload without being one: the
/// HorizontalPodAutoscalers that scale it, and the Services, Ingresses, Certificates and Secrets
/// that expose it under a host name (which ties blackbox probes and TLS changes to it).
struct RelatedObjects: Sendable {
    struct Autoscaler: Sendable {
        var name: String
        var namespace: String
        var targetKind: String
        var targetName: String
        var utilization: [String: Int]
    }

    struct Service: Sendable {
        var name: String
        var namespace: String
        var selector: [String: String]
    }

    struct Ingress: Sendable {
        var file: String
        var namespace: String
        var hosts: [String]
        var services: Set<String>
        var tlsSecrets: Set<String>
    }

    /// A Certificate (cert-manager) or a Secret (plain or sealed): a file that changes what TLS
    /// an Ingress serves, by the Secret name it fills.
    struct TLSSource: Sendable {
        var file: String
        var namespace: String
        var secretName: String
    }

    private(set) var autoscalers: [Autoscaler] = []
    private(set) var services: [Service] = []
    private(set) var ingresses: [Ingress] = []
    private(set) var tlsSources: [TLSSource] = []

    /// Scans every document of `files` (path relative to the root → parsed file).
    init(files: [String: YAMLFile]) {
        for (path, file) in files.sorted(by: { $0.key < $1.key }) {
            for document in file.documents {
                guard let root = document.root, let kind = root["kind"]?.scalar,
                    let name = root["metadata"]?["name"]?.scalar
                else { continue }
                let namespace = root["metadata"]?["namespace"]?.scalar ?? "default"
                switch kind {
                case "HorizontalPodAutoscaler":
                    if let autoscaler = Self.autoscaler(root, name: name, namespace: namespace) {
                        autoscalers.append(autoscaler)
                    }
                case "Service":
                    services.append(
                        Service(
                            name: name, namespace: namespace,
                            selector: Self.stringMap(root["spec"]?["selector"])))
                case "Ingress":
                    ingresses.append(Self.ingress(root, file: path, namespace: namespace))
                case "Certificate":
                    if let secret = root["spec"]?["secretName"]?.scalar {
                        tlsSources.append(TLSSource(file: path, namespace: namespace, secretName: secret))
                    }
                case "Secret", "SealedSecret":
                    tlsSources.append(TLSSource(file: path, namespace: namespace, secretName: name))
                default:
                    continue
                }
            }
        }
    }

    /// The autoscaler that scales `workload`, with the resources it scales on by utilisation.
    func autoscaler(for workload: WorkloadReference) -> HorizontalScaling? {
        autoscalers.first {
            $0.namespace == workload.namespace && $0.targetKind == workload.kind
                && $0.targetName == workload.name
        }.map { HorizontalScaling(name: $0.name, utilization: $0.utilization) }
    }

    /// The host names under which Ingresses serve `workload` (through a Service selecting its
    /// pods), and the files declaring those Ingresses and their TLS Secrets and Certificates.
    func exposure(of workload: WorkloadReference, podLabels: [String: String]) -> (
        hosts: Set<String>, tlsFiles: Set<String>
    ) {
        let selecting = Set(
            services.filter { service in
                service.namespace == workload.namespace && !service.selector.isEmpty
                    && service.selector.allSatisfy { podLabels[$0.key] == $0.value }
            }.map(\.name))
        var hosts: Set<String> = []
        var files: Set<String> = []
        for ingress in ingresses
        where ingress.namespace == workload.namespace && !ingress.services.isDisjoint(with: selecting) {
            hosts.formUnion(ingress.hosts)
            files.insert(ingress.file)
            for source in tlsSources
            where source.namespace == ingress.namespace && ingress.tlsSecrets.contains(source.secretName) {
                files.insert(source.file)
            }
        }
        return (hosts, files)
    }

    /// Whether a probe's host is one of `hosts` (a `*.example.com` host matches one more label).
    static func probe(_ probe: ProbeProfile, matches hosts: Set<String>) -> Bool {
        guard let host = probe.host else { return false }
        return hosts.contains { pattern in
            let pattern = pattern.lowercased()
            if pattern.hasPrefix("*.") {
                let suffix = pattern.dropFirst(1)
                return host.hasSuffix(suffix) && !host.dropLast(suffix.count).contains(".")
                    && host.count > suffix.count
            }
            return pattern == host
        }
    }

    private static func autoscaler(_ root: YAMLNode, name: String, namespace: String) -> Autoscaler? {
        let spec = root["spec"]
        guard let kind = spec?["scaleTargetRef"]?["kind"]?.scalar,
            let target = spec?["scaleTargetRef"]?["name"]?.scalar
        else { return nil }
        var utilization: [String: Int] = [:]
        if let percent = spec?["targetCPUUtilizationPercentage"]?.scalar.flatMap({ Int($0) }) {
            utilization["cpu"] = percent
        }
        for metric in spec?["metrics"]?.items ?? [] {
            // autoscaling/v2 `Resource` and `ContainerResource`, and v2beta1's `targetAverageUtilization`.
            let source = metric["resource"] ?? metric["containerResource"]
            guard let resource = source?["name"]?.scalar else { continue }
            let percent =
                source?["target"]?["type"]?.scalar == "Utilization"
                ? source?["target"]?["averageUtilization"]?.scalar
                : source?["targetAverageUtilization"]?.scalar
            if let percent = percent.flatMap({ Int($0) }) {
                utilization[resource] = percent
            }
        }
        return Autoscaler(
            name: name, namespace: namespace, targetKind: kind, targetName: target, utilization: utilization)
    }

    private static func ingress(_ root: YAMLNode, file: String, namespace: String) -> Ingress {
        let spec = root["spec"]
        var hosts: [String] = []
        var services: Set<String> = []
        var secrets: Set<String> = []
        func backend(_ node: YAMLNode?) {
            // networking.k8s.io/v1 `service.name`; extensions/v1beta1 `serviceName`.
            if let name = node?["service"]?["name"]?.scalar ?? node?["serviceName"]?.scalar {
                services.insert(name)
            }
        }
        backend(spec?["defaultBackend"] ?? spec?["backend"])
        for rule in spec?["rules"]?.items ?? [] {
            if let host = rule["host"]?.scalar { hosts.append(host) }
            for path in rule["http"]?["paths"]?.items ?? [] {
                backend(path["backend"])
            }
        }
        for tls in spec?["tls"]?.items ?? [] {
            hosts += (tls["hosts"]?.items ?? []).compactMap(\.scalar)
            if let secret = tls["secretName"]?.scalar { secrets.insert(secret) }
        }
        return Ingress(
            file: file, namespace: namespace, hosts: hosts, services: services, tlsSecrets: secrets)
    }

    static func stringMap(_ node: YAMLNode?) -> [String: String] {
        var map: [String: String] = [:]
        for (key, value) in node?.entries ?? [] {
            if let key = key.scalar, let value = value.scalar {
                map[key] = value
            }
        }
        return map
    }
}
