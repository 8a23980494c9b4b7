/// Changes a deployment tool makes to the root kustomization before building it: Argo CD's
/// `spec.source.kustomize` and a Flux Kustomization's `targetNamespace`, `patches`, `images`.
struct KustomizeOverrides: Sendable {
    var namespace: String?
    var namePrefix: String?
    var nameSuffix: String?
    var images: [Kustomization.ImageEntry] = []
    var replicas: [Kustomization.ReplicaEntry] = []
    var patches: [Kustomization.PatchEntry] = []
    /// Component folders, relative to the root kustomization's folder.
    var components: [Kustomization.Entry] = []

    var isEmpty: Bool {
        namespace == nil && namePrefix == nil && nameSuffix == nil && images.isEmpty && replicas.isEmpty
            && patches.isEmpty && components.isEmpty
    }

    /// `kustomization` as the tool builds it: scalars replaced, lists extended (an image or
    /// replica entry with the same name replaced).
    func applied(to kustomization: consuming Kustomization) -> Kustomization {
        guard !isEmpty else { return kustomization }
        var result = kustomization
        if let namespace { result.namespace = namespace }
        if let namePrefix { result.namePrefix = namePrefix }
        if let nameSuffix { result.nameSuffix = nameSuffix }
        for image in images {
            result.images.removeAll { $0.name == image.name }
            result.images.append(image)
        }
        for replica in replicas {
            result.replicas.removeAll { $0.name == replica.name }
            result.replicas.append(replica)
        }
        result.patches += patches
        result.components += components
        return result
    }
}
