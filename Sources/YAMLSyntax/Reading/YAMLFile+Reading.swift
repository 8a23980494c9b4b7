import Foundation

extension YAMLFile {
    /// Reads and parses the file at `path`; `what` names it when it cannot be read
    /// (`the configuration file`).
    /// - Throws: ``YAMLDiagnostics`` with the one problem: the file cannot be read, or where it
    ///   stops being YAML.
    package init(contentsOf path: String, what: String) throws(YAMLDiagnostics) {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw YAMLDiagnostics([YAMLError(path: path, line: 0, column: 0, message: "cannot read \(what)")])
        }
        do {
            try self.init(bytes: [UInt8](data), path: path)
        } catch {
            throw YAMLDiagnostics([error])
        }
    }
}
