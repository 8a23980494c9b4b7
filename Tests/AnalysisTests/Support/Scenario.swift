import Analysis
import Kubernetes
import Profiles
import YAMLSyntax

/// A workload of one container, as a scenario test sets it up: the manifest's resources, the
/// profile, and what else the analysis gets (autoscaler, commits, probes).
struct Scenario {
    static let mebibyte = 1_048_576.0
    static let hour = 3600.0
    static let day = 86_400.0
    /// 2026-09-21T00:00:00Z, a Monday; windows end a week later.
    static let windowStart = 1_789_948_800.0
    static let windowEnd = windowStart + 7 * day

    var workload = WorkloadReference(cluster: "prod", namespace: "shop", kind: "Deployment", name: "web")
    var container = "app"
    var role = ContainerSpec.Role.main
    var resources: [ResourceField: String] = [:]
    var profile: UsageProfile
    var autoscaler: HorizontalScaling?
    var commits: [ManifestCommit] = []
    var probes: [ProbeProfile] = []
    var window = Window(start: Scenario.windowStart, end: Scenario.windowEnd)
    var now = Scenario.windowEnd
    var settings = RecommenderSettings()

    init(resources: [ResourceField: String], profile: UsageProfile) {
        self.resources = resources
        self.profile = profile
    }

    var spec: ContainerSpec {
        ContainerSpec(
            name: container, role: role,
            resources: ResourceRequirements(resources.mapValues { Quantity($0)! }),
            path: YAMLPath([
                .key("spec"), .key("template"), .key("spec"), .key("containers"),
                .match(key: "name", value: container),
            ]))
    }

    var subject: WorkloadSubject {
        WorkloadSubject(
            workload: workload, containers: [spec], profiles: [container: profile], autoscaler: autoscaler,
            commits: commits, probes: probes)
    }

    func analyze() -> WorkloadAnalysis {
        Analyzer(settings: settings).analyze(subject, context: AnalysisContext(window: window, now: now))
    }

    /// Every proposal of every finding as `kind field from->to`.
    func proposals() -> [String] {
        analyze().findings.flatMap { finding in
            finding.proposals.map {
                "\(finding.kind.rawValue) \($0.field.rawValue) \($0.from?.text ?? "unset")->\($0.to?.text ?? "removed")"
            }
        }
    }

    /// The kinds of the findings, in order.
    func kinds() -> [FindingKind] {
        analyze().findings.map(\.kind)
    }
}
