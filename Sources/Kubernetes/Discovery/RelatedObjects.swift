import YAMLSyntax

/// The objects of the repository that expose a workload under a host name: the Services that
/// select its pods, the Ingresses that route to those Services, and the Certificates and Secrets
/// that fill those Ingresses' TLS Secrets. They tie blackbox probes and TLS changes to the
/// workload, and find the Ingresses that route to no workload, whose probes would otherwise be
/// about nothing.
///
/// They are read from the files as written, not rendered: an object without a namespace counts
/// as in the workload's namespace when the workload's target reads its document (Kustomize's
/// `namespace`, Argo CD's destination), and names are compared as written.
public struct RelatedObjects: Sendable {
    /// Where an object is declared and the namespace it names, if any.
    struct Origin: Sendable {
        var file: String
        var document: Int
        var namespace: String?
    }

    struct Service: Sendable {
        var origin: Origin
        var name: String
        var selector: [String: String]
    }

    struct Ingress: Sendable {
        var origin: Origin
        var name: String
        var hosts: [String]
        var services: Set<String>
        var tlsSecrets: Set<String>
    }

    /// A Certificate (cert-manager) or a Secret (plain or sealed): a file that changes what TLS
    /// an Ingress serves, by the Secret name it fills.
    struct TLSSource: Sendable {
        var origin: Origin
        var secretName: String
    }

    private(set) var services: [Service] = []
    private(set) var ingresses: [Ingress] = []
    private(set) var tlsSources: [TLSSource] = []

    /// Scans every document of the repository.
    public init(snapshot: RepositorySnapshot) {
        for (path, file) in snapshot.files.sorted(by: { $0.key < $1.key }) {
            for document in file.documents {
                guard let root = document.root, let kind = root["kind"]?.scalar,
                    let name = root["metadata"]?["name"]?.scalar
                else { continue }
                let origin = Origin(
                    file: path, document: document.index, namespace: root["metadata"]?["namespace"]?.scalar)
                switch kind {
                case "Service":
                    services.append(
                        Service(
                            origin: origin, name: name,
                            selector: ManifestScanner.stringMap(root["spec"]?["selector"])))
                case "Ingress":
                    ingresses.append(Self.ingress(root, name: name, origin: origin))
                case "Certificate":
                    if let secret = root["spec"]?["secretName"]?.scalar {
                        tlsSources.append(TLSSource(origin: origin, secretName: secret))
                    }
                case "Secret", "SealedSecret":
                    tlsSources.append(TLSSource(origin: origin, secretName: name))
                default:
                    continue
                }
            }
        }
    }

    /// The host names under which Ingresses serve `workload` (through a Service selecting its
    /// pods), and the files declaring those Ingresses and their TLS Secrets and Certificates.
    public func exposure(of workload: Workload, in target: DeploymentTarget, inventory: Inventory) -> Exposure
    {
        let namespace = workload.namespace ?? "default"
        var exposure = Exposure(
            hosts: [], tlsFiles: [], ingresses: Set(routes(to: workload, in: target, inventory: inventory)))
        for index in exposure.ingresses {
            exposure.hosts.formUnion(ingresses[index].hosts.map { $0.lowercased() })
            exposure.tlsFiles.formUnion(
                tlsFiles(
                    of: ingresses[index], namespace: namespace, target: target.name, inventory: inventory))
        }
        return exposure
    }

    /// The Ingresses `targets` deploy that are behind none of `exposures`, in the order of their
    /// files, each once with the first of `targets` (by name) that reads it. `exposures` are
    /// those of the workloads whose probes the caller matches: an Ingress of `targets` either
    /// serves one of them or is listed here, so that a probe of its hosts always has a subject.
    package func unroutedIngresses(
        deployedBy targets: [DeploymentTarget], besides exposures: [Exposure], inventory: Inventory
    ) -> [(target: DeploymentTarget, ingress: UnroutedIngress)] {
        let routed = exposures.reduce(into: Set<Int>()) { $0.formUnion($1.ingresses) }
        let byName = Dictionary(targets.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        var result: [(target: DeploymentTarget, ingress: UnroutedIngress)] = []
        for (index, ingress) in ingresses.enumerated() where !routed.contains(index) {
            guard
                let target = inventory.targets(using: ingress.origin.file, document: ingress.origin.document)
                    .lazy.compactMap({ byName[$0] }).first
            else { continue }
            let namespace = ingress.origin.namespace ?? target.namespace ?? "default"
            let backends = ingress.services.sorted().map { name in
                UnroutedIngress.Backend(
                    service: name,
                    declared: services.contains {
                        $0.name == name
                            && isLocal(
                                $0.origin, namespace: namespace, target: target.name, inventory: inventory)
                    })
            }
            let unrouted = UnroutedIngress(
                name: ingress.name, namespace: namespace, file: ingress.origin.file,
                document: ingress.origin.document, hosts: Set(ingress.hosts.map { $0.lowercased() }),
                tlsFiles: tlsFiles(
                    of: ingress, namespace: namespace, target: target.name, inventory: inventory),
                backends: backends)
            result.append((target, unrouted))
        }
        return result
    }

    /// Whether a probe's host is one of `hosts` (a `*.example.com` host matches one more label).
    public static func host(_ host: String?, matches hosts: Set<String>) -> Bool {
        guard let host else { return false }
        return hosts.contains { pattern in
            guard pattern.hasPrefix("*.") else { return pattern == host }
            let suffix = pattern.dropFirst()
            return host.hasSuffix(suffix) && host.count > suffix.count
                && !host.dropLast(suffix.count).contains(".")
        }
    }

    /// The positions in ``ingresses`` of those routing to a Service that selects `workload`'s pods.
    private func routes(to workload: Workload, in target: DeploymentTarget, inventory: Inventory) -> [Int] {
        let namespace = workload.namespace ?? "default"
        let podLabels = Self.podLabels(of: workload, in: inventory.snapshot)
        let selecting = Set(
            services.filter { service in
                isLocal(service.origin, namespace: namespace, target: target.name, inventory: inventory)
                    && !service.selector.isEmpty
                    && service.selector.allSatisfy { podLabels[$0.key] == $0.value }
            }.map(\.name))
        return ingresses.indices.filter {
            isLocal(ingresses[$0].origin, namespace: namespace, target: target.name, inventory: inventory)
                && !ingresses[$0].services.isDisjoint(with: selecting)
        }
    }

    /// The Ingress's file and those of the Certificates and Secrets filling its `tls` Secrets.
    private func tlsFiles(of ingress: Ingress, namespace: String, target: String, inventory: Inventory)
        -> Set<String>
    {
        var files: Set<String> = [ingress.origin.file]
        for source in tlsSources
        where ingress.tlsSecrets.contains(source.secretName)
            && isLocal(source.origin, namespace: namespace, target: target, inventory: inventory)
        {
            files.insert(source.origin.file)
        }
        return files
    }

    /// Whether an object is in `namespace` as `target` deploys it: it names that namespace, or
    /// names none and `target` reads its document.
    private func isLocal(_ origin: Origin, namespace: String, target: String, inventory: Inventory) -> Bool {
        if let declared = origin.namespace { return declared == namespace }
        return inventory.targets(using: origin.file, document: origin.document).contains(target)
    }

    /// The labels of a workload's pod template as its manifest writes them, which Services select.
    static func podLabels(of workload: Workload, in snapshot: RepositorySnapshot) -> [String: String] {
        guard let podSpec = ManifestScanner.podSpecPaths[workload.kind],
            let document = snapshot.files[workload.file]?.documents.first(where: {
                $0.index == workload.document
            })
        else { return [:] }
        let template = YAMLPath(Array(podSpec.components.dropLast()))
        return ManifestScanner.stringMap(
            document.node(at: template.appending(.key("metadata")).appending(.key("labels"))))
    }

    private static func ingress(_ root: YAMLNode, name: String, origin: Origin) -> Ingress {
        let spec = root["spec"]
        var hosts: [String] = []
        var services: Set<String> = []
        var secrets: Set<String> = []
        func backend(_ node: YAMLNode?) {
            // networking.k8s.io/v1 `service.name`; extensions/v1beta1 `serviceName`.
            if let service = node?["service"]?["name"]?.scalar ?? node?["serviceName"]?.scalar {
                services.insert(service)
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
        return Ingress(origin: origin, name: name, hosts: hosts, services: services, tlsSecrets: secrets)
    }
}
