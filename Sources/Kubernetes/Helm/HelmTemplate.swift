import YAMLSyntax

/// What Steward reads from one document of a chart template without running Go templates: the
/// kind, the name expression, the conditions around it, and for each container where its
/// resources come from in values.
struct HelmTemplate: Sendable {
    var file: String
    /// 0-based index of the document among the template's `---` separated documents.
    var document: Int
    /// 1-based line of `kind:`.
    var line: Int
    var apiVersion: String
    var kind: String
    /// The text after `name:` under `metadata`, with its template actions.
    var nameExpression: String?
    /// `if` conditions around the document, outermost first (action text, e.g. `.Values.worker.enabled`).
    var conditions: [String]
    /// The text after `replicas:`, and the `if` conditions around that line.
    var replicasExpression: String?
    var replicasConditions: [String] = []
    var containers: [Container]
    /// For an autoscaler: the `scaleTargetRef` and bounds as expressions.
    var autoscaler: AutoscalerExpressions?

    struct Container: Sendable {
        /// `containers` or `initContainers`.
        var section: String
        var nameExpression: String
        var line: Int
        var restartPolicy: String?
        var resources: ResourcesReference
        /// Values paths the item mentions anywhere, for the conventions.
        var mentionsValues: [YAMLPath]
    }

    struct AutoscalerExpressions: Sendable {
        var targetKind: String
        var targetName: String
        var minReplicas: String?
        var maxReplicas: String?
        var utilization: [String: String]
    }
}

/// How a template writes a container's `resources`.
enum ResourcesReference: Sendable, Hashable {
    /// `toYaml .Values.<path>` (directly or through `with`): the whole block from values.
    case block(YAMLPath, line: Int)
    /// Each field from its own values path (`cpu: {{ .Values.cpu }}`).
    case fields([ResourceField: YAMLPath], line: Int)
    /// A `resources:` key whose content Steward cannot follow (a helper, a range variable).
    case indirect(String, line: Int)
    /// No `resources:` key at all.
    case none
}
