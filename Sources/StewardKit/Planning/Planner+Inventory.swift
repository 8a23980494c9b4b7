import Kubernetes
import YAMLSyntax

/// What the planner knows about the repository: its parsed YAML files and the workloads in them.
struct RepositoryInventory: Sendable {
    /// Parsed files by path relative to the repository root.
    var files: [String: YAMLFile]
    var workloads: [Workload]
}

extension Planner {
    /// Parses every YAML file of the repository and finds the workloads in them.
    func inventory(of source: ManifestSource) throws(StewardError) -> RepositoryInventory {
        var files: [String: YAMLFile] = [:]
        var workloads: [Workload] = []
        for path in try source.yamlFiles() {
            let file: YAMLFile
            do {
                file = try YAMLFile(bytes: try source.read(path), path: source.displayPath(path))
            } catch let error as YAMLError {
                throw StewardError(error.description)
            } catch {
                throw StewardError("\(source.displayPath(path)): \(error)")
            }
            files[path] = file
            workloads += ManifestScanner.workloads(in: file, relativePath: path)
        }
        return RepositoryInventory(files: files, workloads: workloads)
    }
}
