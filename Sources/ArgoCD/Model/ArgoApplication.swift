import Foundation

/// What Steward reads of an Argo CD Application (`argoproj.io/v1alpha1`): where it is, whether it
/// syncs itself, what it deployed when, and how it is doing now.
public struct ArgoApplication: Sendable, Hashable {
    /// `metadata.name`.
    public var name: String
    /// The namespace the Application object lives in (`argocd` unless apps-in-any-namespace).
    public var namespace: String
    /// `spec.project`: the RBAC object is `<project>/<name>`.
    public var project: String
    /// Whether `spec.syncPolicy.automated` is set: Argo CD then refuses rollbacks, and a revert in
    /// Git is the only remedy.
    public var automatedSync: Bool
    /// `status.history`, oldest first: what each sync deployed.
    public var history: [ArgoHistoryEntry]
    /// `status.sync.status`: `Synced`, `OutOfSync`, `Unknown`.
    public var syncStatus: String?
    /// `status.health.status`: `Healthy`, `Progressing`, `Degraded`, `Suspended`, `Missing`, `Unknown`.
    public var health: String?
    /// `status.operationState`, when an operation ran or runs.
    public var operation: ArgoOperationState?
    /// Whether the top-level `operation` is set: an operation was requested and has not ended.
    /// Argo CD clears it when the operation ends, and refuses another one until then.
    public var operationPending: Bool

    /// `status.reconciledAt`: when Argo CD last compared the Application with the cluster, which
    /// is when ``health`` was computed.
    public var reconciledAt: Date?

    /// Whether an operation requested earlier has ended: none is pending and the last one's
    /// state is final.
    public var operationEnded: Bool { !operationPending && operation?.phase?.isFinished == true }

    /// Whether ``health`` says how the Application is after its last operation: computed since
    /// that operation finished (where Argo CD says when), and not `Progressing`.
    public var healthSettled: Bool {
        if health == "Progressing" { return false }
        guard let finished = operation?.finishedAt, let reconciledAt else { return true }
        return reconciledAt >= finished
    }
}

/// One entry of an Application's deployment history (`status.history[]`).
public struct ArgoHistoryEntry: Sendable, Hashable, Codable {
    /// What `POST …/rollback` takes.
    public var id: Int
    /// The Git revisions deployed: `revision`, or `revisions` of a multi-source Application.
    public var revisions: [String]
    /// When the sync finished.
    public var deployedAt: Date
    /// When the sync began, where Argo CD records it.
    public var deployStartedAt: Date?

    public init(id: Int, revisions: [String], deployedAt: Date, deployStartedAt: Date? = nil) {
        self.id = id
        self.revisions = revisions
        self.deployedAt = deployedAt
        self.deployStartedAt = deployStartedAt
    }
}

/// `status.operationState`: the last or running operation.
public struct ArgoOperationState: Sendable, Hashable {
    /// The phases Argo CD reports.
    public enum Phase: String, Sendable, Hashable {
        case running = "Running"
        case terminating = "Terminating"
        case failed = "Failed"
        case error = "Error"
        case succeeded = "Succeeded"

        /// Whether the operation is over.
        public var isFinished: Bool { self == .failed || self == .error || self == .succeeded }
    }

    /// Nil for a phase this client does not know, read as still running.
    public var phase: Phase?
    /// What Argo CD says of it (`successfully synced`, the error of a failed sync).
    public var message: String
    /// When it ended, once it has.
    public var finishedAt: Date?
}
