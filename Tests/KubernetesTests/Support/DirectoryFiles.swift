import Foundation
import Kubernetes

/// A folder read into memory, for taking the inventory of a repository after `git apply`.
enum DirectoryFiles {
    static func tree(_ directory: URL) throws -> InMemoryFileTree {
        var files: [String: [UInt8]] = [:]
        let root = directory.standardizedFileURL.path + "/"
        let enumerator = FileManager.default.enumerator(
            at: directory, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles])
        while let url = enumerator?.nextObject() as? URL {
            guard try url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile == true else { continue }
            let path = url.standardizedFileURL.path
            files[String(path.dropFirst(root.count))] = [UInt8](try Data(contentsOf: url))
        }
        return InMemoryFileTree(files)
    }
}
