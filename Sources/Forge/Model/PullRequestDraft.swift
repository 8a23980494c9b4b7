/// What Steward wants a pull request to say: used to open one, or to bring an existing one up to date.
public struct PullRequestDraft: Sendable, Equatable {
    /// The title (`steward: right-size shop/web (cpu 500m→180m)`).
    public var title: String
    /// The Markdown description.
    public var body: String
    /// The bot branch the changes are on, in the forge's own repository (`steward/shop-web`).
    public var head: String
    /// The branch to merge into (`main`).
    public var base: String
    /// Labels to set; they replace whatever labels the pull request had.
    public var labels: [String]

    /// Describes a pull request to open or update.
    public init(title: String, body: String, head: String, base: String, labels: [String] = []) {
        self.title = title
        self.body = body
        self.head = head
        self.base = base
        self.labels = labels
    }
}
