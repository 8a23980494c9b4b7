import Foundation
import Kubernetes

/// The files of a repository working directory, as a tree the inventory reads.
///
/// Hidden files and folders (`.git`, `.github`) are left out: they hold no manifests Steward edits.
package struct ManifestSource: FileTree, Sendable {
    /// The repository root, as given.
    package var root: String

    package init(root: String) {
        self.root = root
    }

    /// Paths of every file, relative to the root with `/` separators, sorted.
    package func filePaths() throws(FileTreeError) -> [String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root, isDirectory: &isDirectory) else {
            throw FileTreeError(subject: root, message: "no such directory")
        }
        guard isDirectory.boolValue else {
            throw FileTreeError(subject: root, message: "not a directory")
        }
        let rootURL = URL(fileURLWithPath: root, isDirectory: true).standardizedFileURL
        guard
            let enumerator = FileManager.default.enumerator(
                at: rootURL, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles])
        else {
            throw FileTreeError(subject: root, message: "cannot list the directory")
        }
        var paths: [String] = []
        let prefix = rootURL.path.hasSuffix("/") ? rootURL.path : rootURL.path + "/"
        for case let url as URL in enumerator {
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else {
                continue
            }
            let path = url.standardizedFileURL.path
            paths.append(path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path)
        }
        return paths.sorted()
    }

    /// The path of a file as the user can open it: the root as given joined with the relative path.
    package func displayPath(_ relativePath: String) -> String {
        (root as NSString).appendingPathComponent(relativePath)
    }

    /// The bytes of a file given relative to the root.
    package func contents(of relativePath: String) throws(FileTreeError) -> [UInt8] {
        let path = displayPath(relativePath)
        guard let data = FileManager.default.contents(atPath: path) else {
            throw FileTreeError(subject: path, message: "cannot read the file")
        }
        return [UInt8](data)
    }
}
