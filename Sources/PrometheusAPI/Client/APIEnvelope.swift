/// The JSON envelope every Prometheus API answer comes in: `status` and then either `data` or
/// `errorType` and `error`; `warnings` (and `infos`) in both.
enum APIEnvelope: Sendable {
    case success(QueryResponse)
    case failure(errorType: String, error: String, warnings: [String])
}
