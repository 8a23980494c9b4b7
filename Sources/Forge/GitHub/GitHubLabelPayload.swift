/// A label as GitHub lists it after setting an issue's labels.
struct GitHubLabelPayload: Decodable, Sendable {
    let name: String
}
