/// A repository label as Gitea / Forgejo lists it: pull requests refer to labels by id.
struct GiteaLabelPayload: Decodable, Sendable {
    let id: Int
    let name: String
}
