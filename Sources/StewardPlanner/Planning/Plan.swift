import Analysis
import Kubernetes
import Policy
import Profiles
import YAMLSyntax

/// The outcome of planning: what Steward found, which edits it would make, and the diff.
package struct Plan: Sendable {
    /// The repository that was planned, as given.
    package var repository: String
    package var cluster: String
    package var window: Window
    /// Findings in a stable order (workload, then container, then kind), each with its edits or
    /// revert; findings that only report (a suspected leak, a crash loop) have neither.
    package var findings: [PlannedFinding]
    /// Containers that have a profile and whose values already match the recommendation.
    package var unchanged: [ContainerSubject]
    /// Containers Steward did not size, with the reason.
    package var skipped: [SkippedContainer]
    /// The files as they are and as the plan would write them.
    package var fileEdits: [FileEdit]
    /// Commits blamed for a regression, each proposed as a revert on a branch of its own, with
    /// the policy's decision: the reverts of the `regression-after-change` findings, in plan order.
    package var reverts: [RevertProposal] = []
    /// The rollbacks in Argo CD that would go with those reverts, with the policy's decision or
    /// why Steward does not try; empty without Argo CD.
    package var rollbacks: [RollbackProposal] = []
    /// A unified diff of every file edit, with `a/` and `b/` prefixes, for `git apply` at the root.
    package var diff: String
    /// The policy that decided every change.
    package var policy: PolicyState
    /// Whether the policy's schedule lets `run` publish at the planning time; nil without a
    /// schedule (or without a usable policy).
    package var scheduleOpen: Bool?
    /// The CPU and memory requested before and after the permitted changes.
    package var savings: Savings
    /// What the analysis could not do and why, e.g. a repository without Git history, or a failing
    /// probe of a host no Ingress of the repository serves.
    package var notes: [String] = []
    /// The inventory the plan was made from: the publisher's edit stage works on it again, one
    /// finding per commit.
    package var inventory: Inventory
    /// Where each finding's changes go, before the policy decided: what the publisher writes.
    package var proposals: PlanProposals
    /// Whether Argo CD was asked about the Application targets (`argocd` in the configuration).
    package var readsArgoCD = false

    /// The targets of the repository (what gets deployed where), those of other clusters included.
    package var targets: [TargetSummary] {
        inventory.targets.map { target in
            TargetSummary(
                name: target.name, kind: target.kind, definedIn: target.definedIn?.file, paths: target.paths,
                cluster: target.cluster, namespace: target.namespace, workloads: target.workloads.count,
                planned: target.cluster == nil || target.cluster == cluster)
        }
    }

    /// What the inventory could not read or render, per target, with file and line.
    package var errors: [InventoryProblem] { inventory.problems + inventory.targets.flatMap(\.problems) }

    /// True when the plan would change at least one file or revert a commit.
    package var proposesChanges: Bool { !fileEdits.isEmpty || !permittedReverts.isEmpty }

    /// Every change of every finding, in plan order.
    package var changes: [PlannedChange] { findings.flatMap(\.changes) }

    /// The changes the policy lets the plan write (allowed or clamped).
    package var permittedChanges: [PlannedChange] { changes.filter(\.decision.permitsEdit) }

    /// The reverts the policy allows; the publisher applies each with `Repository.revert`.
    package var permittedReverts: [RevertProposal] { reverts.filter(\.decision.permitsEdit) }

    /// The error to exit with after printing the plan when the policy file does not load: a
    /// broken policy must fail a CronJob or CI run, not look like a quiet plan.
    package var policyFailure: StewardError? {
        guard case .invalid(let path, let error) = policy else { return nil }
        return .policyNotLoaded(path: path, errors: error.diagnostics.count)
    }

    /// Whether `run` may publish this plan: a loaded policy, an open schedule, something to write.
    package var mayPublish: Bool { policy.policy != nil && scheduleOpen != false && proposesChanges }
}

/// A target as reports list it.
package struct TargetSummary: Sendable, Hashable {
    package var name: String
    package var kind: DeploymentTarget.Kind
    /// The file declaring the target, if any.
    package var definedIn: String?
    package var paths: [String]
    /// The cluster as resolved from the deployment tool, nil for the cluster Steward runs for.
    package var cluster: String?
    package var namespace: String?
    package var workloads: Int
    /// Whether the plan covered the target (it deploys to the planned cluster).
    package var planned: Bool
}

/// A finding and where its proposals are written.
package struct PlannedFinding: Sendable {
    package var finding: Finding
    /// The target whose workload the finding is about.
    package var target: String
    package var changes: [PlannedChange]
    /// The revert the finding proposes, with the policy's decision; nil for every other finding.
    package var revert: PlannedRevert?
}

/// A revert of one commit, proposed by a `regression-after-change` finding. It is not a YAML
/// edit: the publisher applies it with `Repository.revert(ObjectID(hex: commit.id)!, onto: base)`
/// on a bot branch, so that the diff is exactly the inverse of the blamed commit.
package struct PlannedRevert: Sendable, Hashable {
    package var commit: ManifestCommit
    /// What the policy says (`Policy.evaluateRevert`); rejected until the policy stage decides.
    package var decision: PolicyDecision = .rejected("no policy")
}

/// One field edit: the file, the document, the YAML path, the old and new text, and the policy's
/// decision about it.
package struct PlannedChange: Sendable, Hashable {
    /// How a change reaches the rendered workload.
    package enum Placement: String, Sendable, Hashable, Codable {
        /// The value is edited where it is defined (or its container declared).
        case inPlace = "in-place"
        /// Steward's strategic-merge patch in the target's overlay sets it.
        case overlayPatch = "overlay-patch"
    }

    package var target: String
    /// Where the change is written.
    package var file: String
    package var document: Int
    package var path: YAMLPath
    package var field: ResourceField
    /// The field in workload form, as policies name it
    /// (`spec.template.spec.containers[name=app].resources.requests.cpu`).
    package var workloadPath: YAMLPath
    /// The rendered value before the change, as written where it is defined; nil when unset.
    package var from: String?
    /// The text written: the proposal, or the bound it was clamped to; for a rejected change the
    /// proposal, which is not written. Nil when the change removes the field.
    package var to: String?
    /// The value the analysis proposed, written like the current value; nil for a removal.
    package var proposed: String?
    package var placement: Placement
    /// Where the current value is defined, when that is not where the change is written.
    package var definedIn: FieldLocation?
    /// What the policy says; rejected until the policy stage decides.
    package var decision: PolicyDecision = .rejected("no policy")
}

/// A container by workload and name, as reports list it.
package struct ContainerSubject: Sendable, Hashable {
    package var workload: WorkloadReference
    package var container: String
    /// The target deploying the workload.
    package var target: String?

    package init(workload: WorkloadReference, container: String, target: String? = nil) {
        self.workload = workload
        self.container = container
        self.target = target
    }
}

/// A container Steward did not size, and why.
package struct SkippedContainer: Sendable, Hashable {
    package var subject: ContainerSubject
    package var reason: String
}

/// A file before and after the plan's edits.
package struct FileEdit: Sendable {
    package var path: String
    /// The bytes before, nil when the plan creates the file.
    package var before: [UInt8]?
    package var after: [UInt8]
}
