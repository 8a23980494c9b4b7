import Kubernetes
import Policy
import YAMLSyntax

extension PolicyState {
    /// Reads the policy file at `path` of `tree` (a folder or a Git tree); messages name it by
    /// its path in the repository, as trailers do.
    package static func load(_ path: String, in tree: some FileTree) -> PolicyState {
        let bytes: [UInt8]
        do {
            bytes = try tree.contents(of: path)
        } catch {
            guard (try? tree.filePaths().contains(path)) == true else { return .missing(path: path) }
            let unreadable = YAMLError(path: path, line: 0, column: 0, message: "cannot read the file")
            return .invalid(path: path, error: YAMLDiagnostics([unreadable]))
        }
        do {
            return .loaded(try Policy(bytes: bytes, path: path))
        } catch {
            return .invalid(path: path, error: error)
        }
    }
}
