import Foundation
import Kubernetes
import YAMLSyntax

/// Steward's configuration file (`steward.yaml`, `--config`), documented in `docs/inventory.md`.
///
/// ```yaml
/// apiVersion: steward.dev/v1
/// kind: Configuration
/// inventory:
///   clusters: {https://kubernetes.default.svc: prod}
///   patchFile: steward-resources.yaml
///   repositoryURLs: [https://github.com/acme/gitops]
///   helm:
///     - {chart: charts/shop, template: templates/worker.yaml, container: worker, values: worker.resources}
/// ```
package struct StewardConfiguration: Sendable {
    /// How the inventory reads the repository.
    package var inventory = InventoryOptions()
    /// `publish.groupBy`, when the file sets it: `plan` groups as the run will.
    package var groupBy: Grouping?

    package init(inventory: InventoryOptions = InventoryOptions(), groupBy: Grouping? = nil) {
        self.inventory = inventory
        self.groupBy = groupBy
    }

    /// Reads and checks a configuration file.
    /// - Throws: ``StewardError`` naming the file, line and column of the first problem.
    package static func load(from path: String) throws(StewardError) -> StewardConfiguration {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw StewardError("\(path): cannot read the configuration file")
        }
        let file: YAMLFile
        do {
            file = try YAMLFile(bytes: [UInt8](data), path: path)
        } catch {
            throw StewardError(error.description)
        }
        return try ConfigurationReader(file: file).read()
    }
}
