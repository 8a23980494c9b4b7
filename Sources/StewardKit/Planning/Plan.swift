import Analysis
import Kubernetes
import Policy
import Telemetry
import YAMLSyntax

/// The outcome of planning: what Steward found, which edits it would make, and the diff.
public struct Plan: Sendable {
    /// The repository that was planned, as given.
    public var repository: String
    public var cluster: String
    public var window: Window
    /// The targets of the repository (what gets deployed where), those of other clusters included.
    public var targets: [TargetSummary]
    /// Findings in a stable order (workload, then container), each with its edits.
    public var findings: [PlannedFinding]
    /// Containers that have a profile and whose values already match the recommendation.
    public var unchanged: [ContainerSubject]
    /// Containers Steward did not size, with the reason.
    public var skipped: [SkippedContainer]
    /// What the inventory could not read or render, per target, with file and line.
    public var errors: [InventoryProblem]
    /// The files as they are and as the plan would write them.
    public var fileEdits: [FileEdit]
    /// Commits blamed for a regression, each proposed as a revert on a branch of its own, with
    /// the policy's decision.
    public var reverts: [RevertProposal] = []
    /// A unified diff of every file edit, with `a/` and `b/` prefixes, for `git apply` at the root.
    public var diff: String
    /// The policy that decided every change.
    public var policy: PolicyState
    /// Whether the policy's schedule lets `run` publish at the planning time; nil without a
    /// schedule (or without a usable policy).
    public var scheduleOpen: Bool?

    /// True when the plan would change at least one file.
    public var proposesChanges: Bool { !fileEdits.isEmpty }

    /// Every change of every finding, in plan order.
    public var changes: [PlannedChange] { findings.flatMap(\.changes) }

    /// The changes the policy lets the plan write (allowed or clamped).
    public var permittedChanges: [PlannedChange] { changes.filter(\.decision.permitsEdit) }

    /// The error to exit with after printing the plan when the policy file does not load: a
    /// broken policy must fail a CronJob or CI run, not look like a quiet plan.
    public var policyFailure: StewardError? {
        guard case .invalid(let path, let error) = policy else { return nil }
        let count = error.diagnostics.count
        return StewardError(
            "\(path) does not load (\(count) error\(count == 1 ? "" : "s")): every proposal is rejected")
    }

    /// Whether `run` may publish this plan: a loaded policy, an open schedule, something to write.
    public var mayPublish: Bool { policy.policy != nil && scheduleOpen != false && proposesChanges }
}

/// A target as reports list it.
public struct TargetSummary: Sendable, Hashable {
    public var name: String
    public var kind: DeploymentTarget.Kind
    /// The file declaring the target, if any.
    public var definedIn: String?
    public var paths: [String]
    /// The cluster as resolved from the deployment tool, nil for the cluster Steward runs for.
    public var cluster: String?
    public var namespace: String?
    public var workloads: Int
    /// Whether the plan covered the target (it deploys to the planned cluster).
    public var planned: Bool
}

/// A finding and where its proposals are written.
public struct PlannedFinding: Sendable {
    public var finding: Finding
    /// The target whose workload the finding is about.
    public var target: String
    public var changes: [PlannedChange]
}

/// One field edit: the file, the document, the YAML path, the old and new text, and the policy's
/// decision about it.
public struct PlannedChange: Sendable, Hashable {
    /// How a change reaches the rendered workload.
    public enum Placement: String, Sendable, Hashable, Codable {
        /// The value is edited where it is defined (or its container declared).
        case inPlace = "in-place"
        /// Steward's strategic-merge patch in the target's overlay sets it.
        case overlayPatch = "overlay-patch"
    }

    public var target: String
    /// Where the change is written.
    public var file: String
    public var document: Int
    public var path: YAMLPath
    public var field: ResourceField
    /// The field in workload form, as policies name it
    /// (`spec.template.spec.containers[name=app].resources.requests.cpu`).
    public var workloadPath: YAMLPath
    /// The rendered value before the change, as written where it is defined; nil when unset.
    public var from: String?
    /// The text written: the proposal, or the bound it was clamped to; for a rejected change the
    /// proposal, which is not written.
    public var to: String
    /// The value the analysis proposed, written like the current value.
    public var proposed: String
    public var placement: Placement
    /// Where the current value is defined, when that is not where the change is written.
    public var definedIn: FieldLocation?
    /// What the policy says; rejected until the policy stage decides.
    public var decision: PolicyDecision = .rejected("no policy")
}

/// A container by workload and name, as reports list it.
public struct ContainerSubject: Sendable, Hashable {
    public var workload: WorkloadReference
    public var container: String
    /// The target deploying the workload.
    public var target: String?

    public init(workload: WorkloadReference, container: String, target: String? = nil) {
        self.workload = workload
        self.container = container
        self.target = target
    }
}

/// A container Steward did not size, and why.
public struct SkippedContainer: Sendable, Hashable {
    public var subject: ContainerSubject
    public var reason: String
}

/// A file before and after the plan's edits.
public struct FileEdit: Sendable {
    public var path: String
    /// The bytes before, nil when the plan creates the file.
    public var before: [UInt8]?
    public var after: [UInt8]
}
