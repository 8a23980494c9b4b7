import YAMLSyntax

/// Where Steward writes a new value for one container field of one target.
public enum WritePlacement: Sendable, Hashable {
    /// Set the value at this location: the field's defining location, used only by this
    /// target, or (for a field not set yet) the place its container or values block is declared.
    /// Missing keys are created.
    case inPlace(SourceLocation)
    /// Write a strategic-merge patch in the target's overlay: the defining location is shared
    /// with other targets.
    case overlayPatch(OverlayPatch)
    /// Steward cannot write the field for this target; the reason says why.
    case unwritable(String)
}

/// A field set by Steward's own patch file in a target's overlay folder.
public struct OverlayPatch: Sendable, Hashable {
    /// The overlay's kustomization file, which must reference the patch.
    public var kustomizationFile: String
    /// The patch file (`steward-resources.yaml` next to the kustomization, or as configured).
    public var patchFile: String
    /// The workload as the overlay's kustomization sees it (before its own prefix, suffix and
    /// namespace): what the patch document names.
    public var apiVersion: String
    public var kind: String
    public var name: String
    public var namespace: String?
    /// The pod spec's path in the workload (`spec.template.spec`).
    public var podSpecPath: YAMLPath
    /// `containers` or `initContainers`.
    public var section: String
    public var container: String
    public var field: ResourceField

    /// The field's path inside the patch document,
    /// e.g. `spec.template.spec.containers[name=app].resources.requests.cpu`.
    public var path: YAMLPath {
        YAMLPath(
            podSpecPath.components + [
                .key(section), .match(key: "name", value: container), .key("resources"), .key(field.section),
                .key(field.resource),
            ])
    }
}
