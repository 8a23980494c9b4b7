import YAMLSyntax

/// An explicit values path for a chart's container, for charts that do not write
/// `resources: {{ toYaml .Values.… }}` in a way Steward can read (configuration `inventory.helm`).
public struct HelmMapping: Sendable, Hashable {
    /// The chart's folder in the repository or its name from `Chart.yaml`.
    public var chart: String
    /// The template file relative to the chart (`templates/worker.yaml`), or nil for any.
    public var template: String?
    /// The container's name as rendered.
    public var container: String
    /// The values path of the container's `resources` block, e.g. `worker.app.resources`.
    public var values: YAMLPath

    public init(chart: String, template: String? = nil, container: String, values: YAMLPath) {
        self.chart = chart
        self.template = template
        self.container = container
        self.values = values
    }
}
