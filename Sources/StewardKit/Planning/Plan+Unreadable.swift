extension Plan {
    /// The error to exit with when a file of the repository is not valid YAML: the plan of the
    /// rest is still printed, but broken data in Git is bad input, and CI must see it fail.
    public var unreadableFailure: StewardError? {
        let unreadable = errors.filter(\.isSyntaxError)
        guard let first = unreadable.first else { return nil }
        let others = unreadable.count - 1
        let more = others == 0 ? "" : " (and \(others) more file\(others == 1 ? "" : "s"), listed above)"
        return StewardError("\(first.description)\(more): not valid YAML; the rest was planned")
    }
}
