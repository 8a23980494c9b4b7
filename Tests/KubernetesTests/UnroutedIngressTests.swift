import Kubernetes
import TestSupport
import Testing

/// The Ingresses whose Services lead to no workload: a Service the repository does not declare,
/// or one whose selector matches no workload's pods. They are what the planner reports failing
/// probes on when no workload serves the probed host.
@Suite struct UnroutedIngressTests {
    static let web = """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web, namespace: shop}
        spec:
          template:
            metadata:
              labels: {app: web}
            spec:
              containers:
                - name: app
                  image: ghcr.io/example/web:2.14.1

        """

    static func ingress(_ name: String, host: String, service: String, tls: String? = nil) -> String {
        let tlsBlock = tls.map { "  tls:\n    - hosts: [\(host)]\n      secretName: \($0)\n" } ?? ""
        return """
            apiVersion: networking.k8s.io/v1
            kind: Ingress
            metadata: {name: \(name), namespace: shop}
            spec:
            \(tlsBlock)  rules:
                - host: \(host)
                  http:
                    paths:
                      - path: /
                        pathType: Prefix
                        backend:
                          service: {name: \(service), port: {number: 80}}

            """
    }

    static func service(_ name: String, selecting app: String) -> String {
        """
        apiVersion: v1
        kind: Service
        metadata: {name: \(name), namespace: shop}
        spec:
          selector: {app: \(app)}

        """
    }

    /// web is served through its Service; checkout's Ingress names a Service that is not there;
    /// search's Service selects pods no workload has.
    static let files = [
        "apps/shop/web.yaml": web,
        "apps/shop/web-exposure.yaml": service("web", selecting: "web") + "---\n"
            + ingress("web", host: "Shop.example.com", service: "web"),
        "apps/shop/checkout-ingress.yaml": ingress(
            "checkout", host: "pay.example.com", service: "checkout", tls: "pay-tls"),
        "apps/shop/pay-certificate.yaml": """
        apiVersion: cert-manager.io/v1
        kind: Certificate
        metadata: {name: pay-tls, namespace: shop}
        spec:
          secretName: pay-tls

        """,
        "apps/shop/search.yaml": service("search", selecting: "search-v2") + "---\n"
            + ingress("search", host: "search.example.com", service: "search"),
    ]

    @Test func listsTheIngressesWhoseServicesLeadToNoWorkload() throws {
        let inventory = try Inventory(tree: InMemoryFileTree(Self.files.mapValues { Array($0.utf8) }))
        let target = try #require(inventory.targets.first)
        #expect(inventory.targets.map(\.name) == ["apps/shop"])
        let workloads = target.workloads.map { (target: target, workload: $0) }
        #expect(workloads.map(\.workload.name) == ["web"])

        let related = RelatedObjects(snapshot: inventory.snapshot)
        let unrouted = related.unroutedIngresses(
            deployedBy: inventory.targets,
            besides: workloads.map { related.exposure(of: $0.workload, in: $0.target, inventory: inventory) },
            inventory: inventory)

        #expect(unrouted.map(\.target.name) == ["apps/shop", "apps/shop"])
        #expect(
            unrouted.map(\.ingress) == [
                UnroutedIngress(
                    name: "checkout", namespace: "shop", file: "apps/shop/checkout-ingress.yaml", document: 0,
                    hosts: ["pay.example.com"],
                    tlsFiles: ["apps/shop/checkout-ingress.yaml", "apps/shop/pay-certificate.yaml"],
                    backends: [UnroutedIngress.Backend(service: "checkout", declared: false)]),
                UnroutedIngress(
                    name: "search", namespace: "shop", file: "apps/shop/search.yaml", document: 1,
                    hosts: ["search.example.com"], tlsFiles: ["apps/shop/search.yaml"],
                    backends: [UnroutedIngress.Backend(service: "search", declared: true)]),
            ])
        // web's Ingress is routed, and the probes of its host go to web.
        let exposure = RelatedObjects(snapshot: inventory.snapshot).exposure(
            of: workloads[0].workload, in: target, inventory: inventory)
        #expect(exposure.hosts == ["shop.example.com"])
        #expect(exposure.tlsFiles == ["apps/shop/web-exposure.yaml"])
    }

    @Test func anIngressOfNoPlannedTargetIsNotListed() throws {
        let inventory = try Inventory(tree: InMemoryFileTree(Self.files.mapValues { Array($0.utf8) }))
        let unrouted = RelatedObjects(snapshot: inventory.snapshot).unroutedIngresses(
            deployedBy: [], besides: [], inventory: inventory)
        #expect(unrouted.isEmpty)
    }
}
