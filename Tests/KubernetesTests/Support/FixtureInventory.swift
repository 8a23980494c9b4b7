import Foundation
import Kubernetes
import TestSupport

/// The fixture repository written to a temporary folder, and its inventory.
struct FixtureInventory {
    let directory: TemporaryDirectory
    let inventory: Inventory

    init(
        files: [String: String] = GitOpsFixture.files, options: InventoryOptions = InventoryOptions()
    ) throws {
        directory = try TemporaryDirectory("steward-inventory")
        try GitOpsFixture.write(to: directory.url, files: files)
        inventory = try Inventory(
            tree: InMemoryFileTree(files.mapValues { Array($0.utf8) }), options: options)
    }

    /// The target named `name`, or a test failure.
    func target(_ name: String) throws -> DeploymentTarget {
        guard let target = inventory.target(named: name) else {
            throw FixtureError("no target \(name); targets: \(inventory.targets.map(\.name))")
        }
        return target
    }

    /// A workload of a target, or a test failure.
    func workload(_ target: String, _ kind: String, _ name: String) throws -> Workload {
        let found = try self.target(target)
        guard let workload = found.workload(kind: kind, name: name) else {
            throw FixtureError("\(target) has no \(kind) \(name); it has \(found.workloads.map(\.name))")
        }
        return workload
    }
}

struct FixtureError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
