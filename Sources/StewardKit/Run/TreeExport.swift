import Foundation
import GitStore

/// Writes the files of a commit into a folder, for the planner, which reads a folder.
///
/// The inventory is moving to reading Git trees straight from the object database; until then a
/// run plans an export of the base commit, which holds exactly the committed bytes.
enum TreeExport {
    /// Writes every file of `commit` under `folder`.
    static func write(_ commit: ObjectID, of repository: Repository, to folder: String) throws(StewardError) {
        do {
            for path in try repository.files(at: commit.hex) {
                guard let bytes = try repository.blob(at: commit.hex, path: path) else { continue }
                let file = URL(fileURLWithPath: folder).appendingPathComponent(path)
                try FileManager.default.createDirectory(
                    at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(bytes).write(to: file)
            }
        } catch {
            throw StewardError("cannot read the base commit \(commit.short): \(error)")
        }
    }
}
