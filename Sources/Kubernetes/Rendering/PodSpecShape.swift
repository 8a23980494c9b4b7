import YAMLSyntax

/// Where a workload kind keeps its pod spec. The paths are built once: every workload of every
/// target names its container lists by them.
enum PodSpecShape: Sendable {
    /// `spec.template.spec`: Deployments, StatefulSets, DaemonSets, Jobs, ReplicaSets, Rollouts.
    case template
    /// `spec.jobTemplate.spec.template.spec`: CronJobs.
    case jobTemplate

    /// The shape of each workload kind Steward knows.
    static let byKind: [String: PodSpecShape] = [
        "Deployment": .template, "StatefulSet": .template, "DaemonSet": .template, "Job": .template,
        "ReplicaSet": .template, "Rollout": .template, "CronJob": .jobTemplate,
    ]

    /// The mapping keys leading to the pod spec.
    var keys: [String] {
        switch self {
        case .template: Self.templateKeys
        case .jobTemplate: Self.jobTemplateKeys
        }
    }

    var path: YAMLPath {
        switch self {
        case .template: Self.templatePath
        case .jobTemplate: Self.jobTemplatePath
        }
    }

    /// The path of a container list (`containers` or `initContainers`).
    func sectionPath(_ section: String) -> YAMLPath {
        switch (self, section == "initContainers") {
        case (.template, false): Self.templateContainers
        case (.template, true): Self.templateInitContainers
        case (.jobTemplate, false): Self.jobTemplateContainers
        case (.jobTemplate, true): Self.jobTemplateInitContainers
        }
    }

    private static let templateKeys = ["spec", "template", "spec"]
    private static let jobTemplateKeys = ["spec", "jobTemplate", "spec", "template", "spec"]
    private static let templatePath = YAMLPath(templateKeys.map { .key($0) })
    private static let jobTemplatePath = YAMLPath(jobTemplateKeys.map { .key($0) })
    private static let templateContainers = templatePath.appending(.key("containers"))
    private static let templateInitContainers = templatePath.appending(.key("initContainers"))
    private static let jobTemplateContainers = jobTemplatePath.appending(.key("containers"))
    private static let jobTemplateInitContainers = jobTemplatePath.appending(.key("initContainers"))
}
