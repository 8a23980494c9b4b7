/// A target as discovery finds it, before it renders.
struct DiscoveredTarget: Sendable {
    var name: String
    var kind: DeploymentTarget.Kind
    var definedIn: SourceLocation?
    var paths: [String]
    var cluster: String?
    var namespace: String?
    /// An Argo CD Application's own `metadata.name`, which ``name`` may extend to stay unique,
    /// and where the object lives and its project, when its manifest says.
    var applicationName: String?
    var applicationNamespace: String?
    var applicationProject: String?
    var kustomizationFile: String?
    var recipe: TargetRecipe
    /// Problems found while reading the declaration (a missing path, an unsupported source).
    var problems: [InventoryProblem] = []
}
