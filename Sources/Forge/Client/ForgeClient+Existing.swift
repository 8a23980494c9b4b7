extension ForgeClient {
    /// The open pull request for `draft`'s branch, brought up to date with the draft: what
    /// ``createPullRequest(_:)`` answers when the forge says one already exists.
    /// - Throws: `error`, the forge's refusal, when no such pull request can be found.
    func updateExisting(_ draft: PullRequestDraft, refusal error: ForgeError) async throws(ForgeError)
        -> PullRequest
    {
        guard let existing = try await findOpenPullRequest(head: draft.head, base: draft.base) else {
            throw error
        }
        return try await updatePullRequest(
            existing.number, title: draft.title, body: draft.body, labels: draft.labels)
    }
}
