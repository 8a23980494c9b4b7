/// What the user tells the inventory (configuration `inventory:`): how clusters are named, which
/// repository URLs are this repository, where patches go, and values paths for unusual charts.
public struct InventoryOptions: Sendable, Hashable {
    /// Argo CD destination names and server URLs mapped to the cluster names of the usage
    /// profiles, e.g. `https://kubernetes.default.svc: prod`.
    public var clusters: [String: String]
    /// The file Steward writes strategic-merge patches to, in a target's overlay folder.
    public var patchFileName: String
    /// The URLs Argo CD sources use for this repository; empty means every source is read
    /// from this repository.
    public var repositoryURLs: [String]
    /// Values paths for chart containers Steward cannot map by itself.
    public var helmMappings: [HelmMapping]
    /// Files and folders (relative to the repository root) Steward does not read at all, such as
    /// Go-template skeletons that are not YAML.
    public var ignore: [String]

    public init(
        clusters: [String: String] = [:], patchFileName: String = "steward-resources.yaml",
        repositoryURLs: [String] = [], helmMappings: [HelmMapping] = [], ignore: [String] = []
    ) {
        self.clusters = clusters
        self.patchFileName = patchFileName
        self.repositoryURLs = repositoryURLs
        self.helmMappings = helmMappings
        self.ignore = ignore
    }

    /// Whether `path` is an ignored file or lies in an ignored folder.
    func ignores(_ path: String) -> Bool {
        ignore.contains { RepositoryPath.isInside(path, $0) }
    }

    /// Whether a source's `repoURL` is this repository.
    func isThisRepository(_ url: String?) -> Bool {
        guard !repositoryURLs.isEmpty, let url else { return true }
        let normalized = Self.normalize(url)
        return repositoryURLs.contains { Self.normalize($0) == normalized }
    }

    /// A URL without scheme, user, `.git` suffix and trailing slash, lowercased; `git@host:path`
    /// reads as `host/path`.
    static func normalize(_ url: String) -> String {
        var text = Substring(url.lowercased())
        if let scheme = text.firstRange(of: "://") { text = text[scheme.upperBound...] }
        if let at = text.firstIndex(of: "@"), !text[..<at].contains("/") {
            text = text[text.index(after: at)...]
        }
        var result = String(text)
        if let colon = result.firstIndex(of: ":"), !result[..<colon].contains("/") {
            result.replaceSubrange(colon...colon, with: "/")
        }
        while result.hasSuffix("/") { result.removeLast() }
        if result.hasSuffix(".git") { result.removeLast(4) }
        return result
    }
}
