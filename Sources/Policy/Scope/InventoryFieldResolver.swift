import Kubernetes
import YAMLSyntax

/// Maps a changed place in a file to the workload field it sets, through the inventory: the
/// rendered workload (its name after prefixes, its namespace from the overlay or the
/// destination), whatever the file is — a manifest, a patch, a Helm values file. A place read
/// by more than one target resolves to nothing, so that the scope check refuses it.
public struct InventoryFieldResolver: FieldResolver {
    let inventory: Inventory

    public init(inventory: Inventory) {
        self.inventory = inventory
    }

    public func resolve(_ location: DocumentLocation, cluster: String) -> ResolvedField? {
        let owners = inventory.owners(
            of: SourceLocation(file: location.file, document: location.document, path: location.path))
        guard owners.count == 1, let owner = owners.first else { return nil }
        return Self.field(owner, in: inventory, cluster: cluster)
    }

    /// The owner as the policy sees it: the rendered workload, the container, the workload-form path.
    static func field(_ owner: FieldOwner, in inventory: Inventory, cluster: String) -> ResolvedField? {
        guard let target = inventory.target(named: owner.target),
            let workload = target.workload(kind: owner.kind, name: owner.name, namespace: owner.namespace),
            let container = workload.container(owner.container)
        else { return nil }
        return ResolvedField(
            subject: PolicySubject(workload, cluster: owner.cluster ?? cluster), container: owner.container,
            path: container.path(of: owner.field))
    }
}
