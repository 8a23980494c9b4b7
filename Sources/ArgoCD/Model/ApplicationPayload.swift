import Foundation

/// The JSON of an Application as `GET /api/v1/applications/{name}` returns it, the fields Steward
/// reads; everything else is ignored.
struct ApplicationPayload: Decodable {
    struct Metadata: Decodable {
        var name: String
        var namespace: String?
    }

    struct Spec: Decodable {
        struct SyncPolicy: Decodable {
            /// Present (even empty) when automated sync is on.
            var automated: Automated?
        }

        struct Automated: Decodable {
            /// Argo CD 3.1 can keep the block and switch it off.
            var enabled: Bool?
        }

        var project: String?
        var syncPolicy: SyncPolicy?
    }

    struct History: Decodable {
        var id: Int
        var revision: String?
        var revisions: [String]?
        var deployedAt: String
        var deployStartedAt: String?
    }

    struct Status: Decodable {
        struct Sync: Decodable { var status: String? }
        struct Health: Decodable { var status: String? }
        struct OperationState: Decodable {
            var phase: String?
            var message: String?
            var finishedAt: String?
        }

        var history: [History]?
        var reconciledAt: String?
        var sync: Sync?
        var health: Health?
        var operationState: OperationState?
    }

    /// The requested operation, present until it ends; only its presence is read.
    struct Operation: Decodable {}

    var metadata: Metadata
    var spec: Spec?
    var operation: Operation?
    var status: Status?

    /// The Application, with `namespace` where the object names none.
    func application(defaultNamespace: String) throws(PayloadError) -> ArgoApplication {
        let history = try (status?.history ?? []).map { entry throws(PayloadError) in
            ArgoHistoryEntry(
                id: entry.id,
                revisions: entry.revisions ?? entry.revision.map { [$0] } ?? [],
                deployedAt: try Self.date(
                    entry.deployedAt, field: "status.history[id=\(entry.id)].deployedAt"),
                deployStartedAt: try entry.deployStartedAt.map { text throws(PayloadError) in
                    try Self.date(text, field: "status.history[id=\(entry.id)].deployStartedAt")
                })
        }
        let operation = try status?.operationState.map { state throws(PayloadError) in
            ArgoOperationState(
                phase: state.phase.flatMap(ArgoOperationState.Phase.init(rawValue:)),
                message: state.message ?? "",
                finishedAt: try state.finishedAt.map { text throws(PayloadError) in
                    try Self.date(text, field: "status.operationState.finishedAt")
                })
        }
        let automated = spec?.syncPolicy?.automated.map { $0.enabled ?? true } ?? false
        return ArgoApplication(
            name: metadata.name, namespace: metadata.namespace ?? defaultNamespace,
            project: spec?.project ?? "default", automatedSync: automated,
            history: history.sorted { ($0.deployedAt, $0.id) < ($1.deployedAt, $1.id) },
            syncStatus: status?.sync?.status, health: status?.health?.status, operation: operation,
            operationPending: self.operation != nil,
            reconciledAt: try status?.reconciledAt.map { text throws(PayloadError) in
                try Self.date(text, field: "status.reconciledAt")
            })
    }

    /// RFC 3339 as Kubernetes writes it, with or without fractional seconds.
    private static func date(_ text: String, field: String) throws(PayloadError) -> Date {
        if let date = try? Date(text, strategy: .iso8601) { return date }
        if let date = try? Date.ISO8601FormatStyle(includingFractionalSeconds: true).parse(text) {
            return date
        }
        throw PayloadError("\(field) is \"\(text)\", not an RFC 3339 time")
    }
}

/// A field of an answer that does not hold what the API documents.
struct PayloadError: Error {
    var message: String

    init(_ message: String) {
        self.message = message
    }
}
