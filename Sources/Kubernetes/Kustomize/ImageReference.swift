/// Container image references as Kustomize's `images` transformer rewrites them.
enum ImageReference {
    /// The image name without tag or digest: `registry:5000/app:1.0` is `registry:5000/app`.
    static func name(_ reference: String) -> String {
        if let at = reference.firstIndex(of: "@") { return String(reference[..<at]) }
        let lastSlash = reference.lastIndex(of: "/") ?? reference.startIndex
        if let colon = reference[lastSlash...].lastIndex(of: ":") { return String(reference[..<colon]) }
        return reference
    }

    /// `reference` after the first entry with its name: a new name, tag or digest.
    static func transform(_ reference: String, _ entries: [Kustomization.ImageEntry]) -> String {
        let name = name(reference)
        guard let entry = entries.first(where: { $0.name == name }) else { return reference }
        let newName = entry.newName ?? name
        if let digest = entry.digest { return "\(newName)@\(digest)" }
        if let tag = entry.newTag { return "\(newName):\(tag)" }
        return newName + reference.dropFirst(name.count)
    }

    /// An Argo CD image override: `name=newName:tag`, `name:tag`, `name@digest`.
    static func argoOverride(_ text: String) -> Kustomization.ImageEntry {
        var name = text
        var replacement = text
        if let equals = text.firstIndex(of: "=") {
            name = String(text[..<equals])
            replacement = String(text[text.index(after: equals)...])
        }
        let newName = Self.name(replacement)
        let suffix = replacement.dropFirst(newName.count)
        let original = Self.name(name)
        var entry = Kustomization.ImageEntry(name: original, newName: newName == original ? nil : newName)
        if suffix.hasPrefix("@") {
            entry.digest = String(suffix.dropFirst())
        } else if suffix.hasPrefix(":") {
            entry.newTag = String(suffix.dropFirst())
        }
        return entry
    }
}
