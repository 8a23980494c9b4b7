/// What the pull-request template sees: every value already formatted as text, so a template
/// (the bundled one or a repository's own) only arranges it. `docs/publishing.md` lists the names.
struct PullRequestContext: Sendable {
    struct WindowText: Sendable {
        var length: String
        var start: String
        var end: String
    }

    struct ChangeRow: Sendable {
        var workload: String
        var container: String
        var field: String
        var current: String
        var proposed: String
        var decision: String
    }

    struct CPUUsageRow: Sendable {
        var p50: String
        var p95: String
        var p99: String
        var peak: String
        var samples: String
    }

    struct MemoryUsageRow: Sendable {
        var p50: String
        var p95: String
        var peak: String
        var samples: String
    }

    struct Container: Sendable {
        var workload: String
        var container: String
        var file: String
        var commit: String
        var cpu: CPUUsageRow?
        var memory: MemoryUsageRow?
        var oomKills: String
        var restarts: String
        var throttling: String
        var window: String
        var chart: MemoryChart?
    }

    struct RejectedList: Sendable {
        var items: [ChangeRow]
    }

    struct QueryList: Sendable {
        var items: [String]
    }

    var title: String
    /// `7 changes to 3 containers`.
    var summary: String
    /// `namespace shop`, `shop/web`, `the repository`.
    var scope: String
    var cluster: String
    var window: WindowText
    var changes: [ChangeRow]
    /// `CPU −320m, memory −1.3 GiB`.
    var savings: String
    var containers: [Container]
    /// `Policy policies/steward.yaml (demo) at blob 3b18e51: 7 changes allowed, 0 clamped.`
    var policy: String
    var rejected: RejectedList?
    /// `the profiles file …` or `Prometheus http://…`.
    var source: String
    var queries: QueryList?
    var branch: String
    var base: String
    var lastCommit: String
    var run: String
}
