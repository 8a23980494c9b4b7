import Foundation
import Policy
import YAMLSyntax

extension PolicyState {
    /// Reads the policy file `relativePath` of the repository at `root`; messages name it by
    /// its path relative to the root, as it appears in the repository and in trailers.
    static func load(_ relativePath: String, in root: String) -> PolicyState {
        let file = (root as NSString).appendingPathComponent(relativePath)
        guard FileManager.default.fileExists(atPath: file) else {
            return .missing(path: relativePath)
        }
        guard let data = FileManager.default.contents(atPath: file) else {
            let unreadable = YAMLError(
                path: relativePath, line: 0, column: 0, message: "cannot read the file")
            return .invalid(path: relativePath, error: PolicyLoadError([unreadable]))
        }
        do {
            return .loaded(try Policy(bytes: [UInt8](data), path: relativePath))
        } catch {
            return .invalid(path: relativePath, error: error)
        }
    }
}
