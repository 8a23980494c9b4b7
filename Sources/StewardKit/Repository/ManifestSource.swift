import Foundation

/// The YAML files of a repository working directory, read in a stable order.
///
/// Hidden directories (`.git`, `.github`) are skipped: they hold no manifests Steward edits.
public struct ManifestSource: Sendable {
    /// The repository root, as given.
    public var root: String

    public init(root: String) {
        self.root = root
    }

    /// Paths of every `*.yaml` and `*.yml` file, relative to the root with `/` separators, sorted.
    public func yamlFiles() throws(StewardError) -> [String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root, isDirectory: &isDirectory) else {
            throw StewardError("\(root): no such directory")
        }
        guard isDirectory.boolValue else {
            throw StewardError("\(root): not a directory")
        }
        let rootURL = URL(fileURLWithPath: root, isDirectory: true).standardizedFileURL
        guard
            let enumerator = FileManager.default.enumerator(
                at: rootURL, includingPropertiesForKeys: [.isRegularFileKey],
                options: [.skipsHiddenFiles])
        else {
            throw StewardError("\(root): cannot list the directory")
        }
        var paths: [String] = []
        let prefix = rootURL.path.hasSuffix("/") ? rootURL.path : rootURL.path + "/"
        for case let url as URL in enumerator {
            let ext = url.pathExtension
            guard ext == "yaml" || ext == "yml",
                (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true
            else { continue }
            let path = url.standardizedFileURL.path
            paths.append(path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path)
        }
        return paths.sorted()
    }

    /// The path of a file as the user can open it: the root as given joined with the relative path.
    public func displayPath(_ relativePath: String) -> String {
        (root as NSString).appendingPathComponent(relativePath)
    }

    /// The bytes of a file given relative to the root.
    public func read(_ relativePath: String) throws(StewardError) -> [UInt8] {
        let path = displayPath(relativePath)
        guard let data = FileManager.default.contents(atPath: path) else {
            throw StewardError("\(path): cannot read the file")
        }
        return [UInt8](data)
    }
}
