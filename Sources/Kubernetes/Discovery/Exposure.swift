/// How a workload is exposed: the host names Ingresses serve it under, and the files that
/// change what TLS they serve. ``RelatedObjects/exposure(of:in:inventory:)`` finds it.
public struct Exposure: Sendable {
    /// Lowercased, as the Ingresses' rules and `tls` entries name them.
    public var hosts: Set<String>
    /// The files declaring those Ingresses and the Certificates and Secrets filling their `tls`
    /// Secrets.
    public var tlsFiles: Set<String>
    /// The Ingresses behind it, as positions in the scan that found it: what
    /// ``RelatedObjects/unroutedIngresses(deployedBy:besides:inventory:)`` leaves out without
    /// routing every workload again.
    var ingresses: Set<Int>
}
