import YAMLSyntax

/// Maps a changed place in a file to the workload field it sets.
///
/// Plain manifests and Kustomize strategic-merge patches name their workload themselves
/// (`ManifestFieldResolver`); a Helm values file needs the chart's mapping, which the inventory
/// provides through its own resolver. The scope check takes any resolver, so that every source
/// of a field can be checked the same way.
public protocol FieldResolver: Sendable {
    /// The workload field at `location`, or nil when the place is not a container's resources
    /// field of a workload (and so not something the bot may change).
    func resolve(_ location: DocumentLocation, cluster: String) -> ResolvedField?
}

/// A changed leaf of one document of a file: the document's data before and after, and the
/// concrete path (`[N]` indexes) of the leaf.
public struct DocumentLocation: Sendable, Hashable {
    public var file: String
    /// 0-based index of the document in the file.
    public var document: Int
    public var before: YAMLValue?
    public var after: YAMLValue?
    public var path: YAMLPath

    public init(file: String, document: Int, before: YAMLValue?, after: YAMLValue?, path: YAMLPath) {
        self.file = file
        self.document = document
        self.before = before
        self.after = after
        self.path = path
    }
}

/// A workload field: the workload, its container, and the path in workload form
/// (`spec.template.spec.containers[name=app].resources.limits.memory`).
public struct ResolvedField: Sendable, Hashable {
    public var subject: PolicySubject
    public var container: String
    public var path: YAMLPath

    public init(subject: PolicySubject, container: String, path: YAMLPath) {
        self.subject = subject
        self.container = container
        self.path = path
    }
}
