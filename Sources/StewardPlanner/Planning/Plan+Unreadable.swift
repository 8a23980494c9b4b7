import Kubernetes

extension Plan {
    /// The files a target reads that are not valid YAML: broken data in Git that a person must
    /// fix. A file no target reads (a template, a scratch file) is only reported: it deploys
    /// nothing, and failing every run over it would train people to ignore the alert.
    package var unreadable: [InventoryProblem] {
        errors.filter { $0.isSyntaxError && $0.target != nil }
    }

    /// The error to exit with when ``unreadable`` is not empty: the plan of the rest is still
    /// printed, but CI must see it fail.
    package var unreadableFailure: StewardError? {
        guard let first = unreadable.first else { return nil }
        return .unreadableManifests(first: first.description, others: unreadable.count - 1)
    }
}
