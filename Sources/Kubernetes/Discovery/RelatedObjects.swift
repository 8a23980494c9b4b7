import YAMLSyntax

/// The objects of the repository that expose a workload under a host name: the Services that
/// select its pods, the Ingresses that route to those Services, and the Certificates and Secrets
/// that fill those Ingresses' TLS Secrets. They tie blackbox probes and TLS changes to the
/// workload.
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
                    ingresses.append(Self.ingress(root, origin: origin))
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
    public func exposure(of workload: Workload, in target: DeploymentTarget, inventory: Inventory)
        -> (hosts: Set<String>, tlsFiles: Set<String>)
    {
        let namespace = workload.namespace ?? "default"
        func local(_ origin: Origin) -> Bool {
            if let declared = origin.namespace { return declared == namespace }
            return inventory.targets(using: origin.file, document: origin.document).contains(target.name)
        }
        let podLabels = Self.podLabels(of: workload, in: inventory.snapshot)
        let selecting = Set(
            services.filter { service in
                local(service.origin) && !service.selector.isEmpty
                    && service.selector.allSatisfy { podLabels[$0.key] == $0.value }
            }.map(\.name))
        var hosts: Set<String> = []
        var files: Set<String> = []
        for ingress in ingresses where local(ingress.origin) && !ingress.services.isDisjoint(with: selecting)
        {
            hosts.formUnion(ingress.hosts.map { $0.lowercased() })
            files.insert(ingress.origin.file)
            for source in tlsSources
            where local(source.origin) && ingress.tlsSecrets.contains(source.secretName) {
                files.insert(source.origin.file)
            }
        }
        return (hosts, files)
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

    private static func ingress(_ root: YAMLNode, origin: Origin) -> Ingress {
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
        return Ingress(origin: origin, hosts: hosts, services: services, tlsSecrets: secrets)
    }
}
