/// A HorizontalPodAutoscaler and the workload it scales.
public struct Autoscaler: Sendable, Hashable {
    public var name: String
    public var namespace: String?
    /// `scaleTargetRef.kind` and `.name`, after Kustomize's name prefixes and suffixes.
    public var targetKind: String
    public var targetName: String
    public var minReplicas: Int?
    public var maxReplicas: Int?
    /// Target average utilization in percent of the request, by resource (`cpu`, `memory`).
    public var utilization: [String: Int]
    /// Where the autoscaler is declared.
    public var origin: SourceLocation

    public init(
        name: String, namespace: String?, targetKind: String, targetName: String, minReplicas: Int?,
        maxReplicas: Int?, utilization: [String: Int], origin: SourceLocation
    ) {
        self.name = name
        self.namespace = namespace
        self.targetKind = targetKind
        self.targetName = targetName
        self.minReplicas = minReplicas
        self.maxReplicas = maxReplicas
        self.utilization = utilization
        self.origin = origin
    }
}
