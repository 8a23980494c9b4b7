import Foundation

/// An Application as the fake holds it.
public struct ArgoCDFakeApplication: Sendable {
    /// One `status.history` entry.
    public struct HistoryEntry: Sendable, Equatable {
        public var id: Int
        public var revision: String
        public var deployStartedAt: Date?
        public var deployedAt: Date

        public init(id: Int, revision: String, deployStartedAt: Date? = nil, deployedAt: Date) {
            self.id = id
            self.revision = revision
            self.deployStartedAt = deployStartedAt
            self.deployedAt = deployedAt
        }
    }

    /// How a rollback that is not a dry run goes.
    public enum Rollback: Sendable, Equatable {
        /// `Running` for `polls` reads, then `Succeeded`; the Application then reports `health`.
        case succeed(afterPolls: Int, health: String)
        /// `Running` for `polls` reads, then `Failed` with `message`.
        case fail(afterPolls: Int, message: String)
        /// `Running` for ever.
        case neverFinish
    }

    public var name: String
    public var namespace: String
    public var project: String
    public var automatedSync: Bool
    public var history: [HistoryEntry]
    public var syncStatus: String
    public var health: String
    /// Set while Kubernetes deletes the Application: every change is refused.
    public var deleting: Bool
    public var rollback: Rollback
    /// The operation's phase and message, how many more reads it stays `Running`, and whether it
    /// is a dry run (which ends `Succeeded` after one read and changes nothing).
    var operation:
        (phase: String, message: String, pollsLeft: Int, startedAt: Date, finishedAt: Date?, dryRun: Bool)?
    /// The history id the running rollback goes to.
    var rollbackTarget: Int?
    /// Set by a rollback until the next read: Argo CD's `SetAppOperation` clears the
    /// `operationState` when it sets the operation.
    var operationStateCleared = false
    /// The health values the next reads show after a rollback succeeded, one per read: Argo CD
    /// refreshes health only after the sync, so the read that shows it succeeded still has the
    /// old health and an older `reconciledAt`.
    var healthToCome: [String] = []
    /// When health was last computed.
    var reconciledAt = Date().addingTimeInterval(-3_600)

    public init(
        name: String, namespace: String = "argocd", project: String = "default", automatedSync: Bool = false,
        history: [HistoryEntry], syncStatus: String = "Synced", health: String = "Degraded",
        deleting: Bool = false, rollback: Rollback = .succeed(afterPolls: 1, health: "Healthy")
    ) {
        self.name = name
        self.namespace = namespace
        self.project = project
        self.automatedSync = automatedSync
        self.history = history
        self.syncStatus = syncStatus
        self.health = health
        self.deleting = deleting
        self.rollback = rollback
    }

    var key: String { "\(namespace)/\(name)" }

    /// The operation's phase now, if one ran.
    public var operationPhase: String? { operation?.phase }

    /// The JSON Argo CD answers with: `metadata`, `spec` and `status` as `kubectl get -o json`
    /// shows them, the fields Steward reads and a few beside.
    func json() -> [String: Any] {
        var spec: [String: Any] = [
            "project": project,
            "source": ["repoURL": "https://git.example.com/acme/deploy.git", "path": "apps/\(name)"],
            "destination": ["server": "https://kubernetes.default.svc", "namespace": name],
        ]
        if automatedSync { spec["syncPolicy"] = ["automated": ["prune": true, "selfHeal": true]] }
        var status: [String: Any] = [
            "sync": ["status": syncStatus, "revision": history.last?.revision ?? ""],
            "health": ["status": health], "reconciledAt": Self.time(reconciledAt),
            "history": history.map { entry -> [String: Any] in
                var object: [String: Any] = [
                    "id": entry.id, "revision": entry.revision, "deployedAt": Self.time(entry.deployedAt),
                    "source": ["repoURL": "https://git.example.com/acme/deploy.git", "path": "apps/\(name)"],
                ]
                if let started = entry.deployStartedAt { object["deployStartedAt"] = Self.time(started) }
                return object
            },
        ]
        if let operation, !operationStateCleared {
            var state: [String: Any] = [
                "phase": operation.phase, "message": operation.message,
                "startedAt": Self.time(operation.startedAt),
                "operation": [
                    "sync": ["revision": rollbackRevision ?? ""], "initiatedBy": ["username": "steward"],
                ],
            ]
            if let finished = operation.finishedAt { state["finishedAt"] = Self.time(finished) }
            status["operationState"] = state
        }
        var metadata: [String: Any] = ["name": name, "namespace": namespace]
        if deleting { metadata["deletionTimestamp"] = Self.time(Date()) }
        var object: [String: Any] = [
            "apiVersion": "argoproj.io/v1alpha1", "kind": "Application", "metadata": metadata, "spec": spec,
            "status": status,
        ]
        // The requested operation stays on the object until it ends, as SetAppOperation leaves it.
        if let operation, operation.phase == "Running" {
            object["operation"] = [
                "sync": ["revision": rollbackRevision ?? "", "dryRun": operation.dryRun, "prune": false],
                "initiatedBy": ["username": "steward"],
            ]
        }
        return object
    }

    private var rollbackRevision: String? {
        rollbackTarget.flatMap { id in history.first { $0.id == id }?.revision }
    }

    /// One read: a running operation moves on, or health computed after it shows.
    mutating func advance(now: Date) {
        operationStateCleared = false
        if !healthToCome.isEmpty {
            health = healthToCome.removeFirst()
            reconciledAt = now
        }
        guard var operation, operation.phase == "Running" else { return }
        if operation.pollsLeft > 0 {
            operation.pollsLeft -= 1
            self.operation = operation
            return
        }
        if operation.dryRun {
            operation.phase = "Succeeded"
            operation.message = "successfully synced (dry run)"
            operation.finishedAt = now
            self.operation = operation
            return
        }
        switch rollback {
        case .neverFinish:
            return
        case .fail(_, let message):
            operation.phase = "Failed"
            operation.message = message
        case .succeed(_, let newHealth):
            operation.phase = "Succeeded"
            operation.message = "successfully synced (all tasks run)"
            if let revision = rollbackRevision {
                let id = (history.map(\.id).max() ?? -1) + 1
                history.append(
                    HistoryEntry(
                        id: id, revision: revision, deployStartedAt: operation.startedAt, deployedAt: now))
            }
            syncStatus = "OutOfSync"
            healthToCome = ["Progressing", newHealth]
        }
        operation.finishedAt = now
        self.operation = operation
    }

    static func time(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle(timeZone: .gmt))
    }
}
