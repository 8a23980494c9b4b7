/// An Ingress a target deploys whose backends lead to no workload of the repository: its Services
/// are missing, or select no workload's pods. Failing probes of its hosts belong to no workload,
/// so the planner reports them on the Ingress itself instead of dropping them.
///
/// Package access: only the planner asks for it, and the regression detector reads it from its
/// subject.
package struct UnroutedIngress: Sendable, Hashable {
    /// A Service the Ingress routes to, and why it leads to no workload.
    package struct Backend: Sendable, Hashable {
        package var service: String
        /// Whether the repository declares a Service of that name in the Ingress's namespace; when
        /// it does, its selector matches no workload's pods.
        package var declared: Bool

        package init(service: String, declared: Bool) {
            self.service = service
            self.declared = declared
        }
    }

    package var name: String
    /// As written, else the namespace its target deploys to, else `default`.
    package var namespace: String
    package var file: String
    package var document: Int
    /// The host names of its rules and its `tls` entries, lowercased.
    package var hosts: Set<String>
    /// The files that change what TLS it serves: its own file and those of the Certificates and
    /// Secrets filling its `tls` Secrets.
    package var tlsFiles: Set<String>
    /// Its backend Services by name; empty when it names none.
    package var backends: [Backend]

    package init(
        name: String, namespace: String, file: String, document: Int, hosts: Set<String>,
        tlsFiles: Set<String>,
        backends: [Backend]
    ) {
        self.name = name
        self.namespace = namespace
        self.file = file
        self.document = document
        self.hosts = hosts
        self.tlsFiles = tlsFiles
        self.backends = backends
    }
}
