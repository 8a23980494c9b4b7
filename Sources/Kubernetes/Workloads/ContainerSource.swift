import YAMLSyntax

/// Where a container is declared: the item of a manifest or patch, a Helm values path, or
/// nowhere Steward can map.
public enum ContainerSource: Sendable, Hashable {
    /// The container's item in a manifest or patch (`…containers[name=app]`); a field it does not
    /// set is added under its `resources`.
    case manifest(FieldLocation)
    /// A container of a Helm chart whose resources come from values.
    case helmValues(HelmValuesSource)
    /// Steward cannot map the container's resources; the reason says why.
    case unmapped(String)
}

/// How a Helm chart's container reads its resources from values, and the values layers of the
/// release, lowest precedence first.
public struct HelmValuesSource: Sendable, Hashable {
    /// The values path of each resource field, e.g. `worker.resources.requests.cpu`.
    public var paths: [ResourceField: YAMLPath]
    /// The layers the release merges, lowest precedence first: the chart's defaults, the value
    /// files in order, inline values.
    public var layers: [HelmValuesLayer]
    /// For each field some layer sets, the index in `layers` of the one that wins.
    public var winners: [ResourceField: Int]
    /// How the mapping was found, for reports (`templates/deployment.yaml:42`, a convention, the
    /// configuration).
    public var evidence: String

    public init(
        paths: [ResourceField: YAMLPath], layers: [HelmValuesLayer], winners: [ResourceField: Int],
        evidence: String
    ) {
        self.paths = paths
        self.layers = layers
        self.winners = winners
        self.evidence = evidence
    }
}

/// One source of Helm values: a file, or inline values in an Application or HelmRelease.
public struct HelmValuesLayer: Sendable, Hashable {
    /// What kind of source it is, which decides whether Steward may write to it.
    public enum Kind: String, Sendable, Hashable {
        /// The chart's own `values.yaml`.
        case chartDefaults = "chart-defaults"
        /// A values file the release adds (Argo CD `valueFiles`, Flux `valuesFiles`/`valuesFrom`).
        case file
        /// Inline values in a mapping (`helm.valuesObject`, a HelmRelease's `spec.values`).
        case inline
        /// Inline values inside a string (`helm.values`); read-only.
        case inlineString = "inline-string"
        /// Argo CD `helm.parameters`, each a values path and a string.
        case parameters
    }

    public var kind: Kind
    /// The document holding the values and the path of the values' root inside it.
    public var root: SourceLocation
    /// Why the layer cannot be edited, or nil.
    public var readOnlyReason: String?

    public init(kind: Kind, root: SourceLocation, readOnlyReason: String? = nil) {
        self.kind = kind
        self.root = root
        self.readOnlyReason = readOnlyReason
    }
}
