import GitStore
import YAMLSyntax

extension Planner {
    /// Applies the changes file by file; the YAML engine re-parses and checks each result.
    static func edit(_ files: [String: YAMLFile], with changes: [PlannedChange]) throws(StewardError)
        -> [FileEdit]
    {
        var byFile: [String: [PlannedChange]] = [:]
        for change in changes {
            byFile[change.file, default: []].append(change)
        }
        var edits: [FileEdit] = []
        for (path, changes) in byFile.sorted(by: { $0.key < $1.key }) {
            guard let file = files[path] else { continue }
            let yamlEdits = changes.map { change in
                change.to.map { YAMLEdit.set(document: change.document, path: change.path, value: $0) }
                    ?? YAMLEdit.delete(document: change.document, path: change.path)
            }
            do {
                let edited = try file.applying(yamlEdits)
                edits.append(FileEdit(path: path, before: file.bytes, after: edited.bytes))
            } catch {
                throw StewardError(error.description)
            }
        }
        return edits
    }

    /// One unified diff of every edited file, as libgit2 writes it for `git apply`.
    static func diff(_ edits: [FileEdit]) throws(StewardError) -> String {
        var diff = ""
        for edit in edits {
            do {
                diff += try GitDiff.unifiedPatch(
                    old: edit.before, new: edit.after, oldPath: edit.path, newPath: edit.path)
            } catch {
                throw StewardError("\(edit.path): cannot compute the diff: \(error)")
            }
        }
        return diff
    }
}
