import YAMLSyntax

extension YAMLPath {
    /// The path with `suffix` appended, built in one allocation (appending one component at a
    /// time allocates an array for each).
    func appending(contentsOf suffix: [Component]) -> YAMLPath {
        var result: [Component] = []
        result.reserveCapacity(components.count + suffix.count)
        result += components
        result += suffix
        return YAMLPath(result)
    }
}
