/// Re-reads an edited file and compares its data with the original's: only the edited paths may
/// differ, and they must hold what the edits asked for.
struct EditVerifier {
    let original: YAMLFile
    let edited: YAMLFile

    func verify(_ expectations: [EditExpectation]) throws(YAMLError) {
        let before = original.documents
        let after = edited.documents
        guard before.count == after.count else {
            throw original.error(
                at: 0,
                "the edit would change the number of documents from \(before.count) to \(after.count); nothing was written"
            )
        }
        var byDocument: [Int: [EditExpectation]] = [:]
        for expectation in expectations { byDocument[expectation.document, default: []].append(expectation) }
        for (index, expected) in byDocument {
            try verify(before[index], after[index], expected)
        }
    }

    private func verify(_ before: YAMLDocument, _ after: YAMLDocument, _ expected: [EditExpectation])
        throws(YAMLError)
    {
        var sets: [YAMLPath: String] = [:]
        var deletes = Set<YAMLPath>()
        for expectation in expected {
            if let value = expectation.value {
                sets[expectation.path] = value
            } else {
                deletes.insert(expectation.path)
            }
        }
        for change in YAMLValue.changes(from: before.value, to: after.value) {
            if sets[change.path] != nil { continue }
            if deletes.contains(change.path) && change.new == nil { continue }
            if let new = change.new, change.old == nil || change.old == .null,
                new.leafPaths(under: change.path).allSatisfy({ sets[$0] != nil })
            {
                continue
            }
            throw refusal(before, change.path, "the edit would change \(change), which no edit asked for")
        }
        for (path, value) in sets {
            guard let node = after.node(at: path), node.kind == .scalar else {
                throw refusal(before, path, "after the edit, '\(path)' is not a scalar")
            }
            let content = node.scalar ?? ""
            if content != value {
                throw refusal(
                    before, path,
                    "after the edit, '\(path)' reads \(ScalarText.doubleQuoted(content)), not \(ScalarText.doubleQuoted(value))"
                )
            }
        }
        for path in deletes where after.node(at: path) != nil {
            throw refusal(before, path, "after the edit, '\(path)' still exists")
        }
    }

    /// An error pointing at the path's node in the original file (or its closest existing parent).
    private func refusal(_ document: YAMLDocument, _ path: YAMLPath, _ message: String) -> YAMLError {
        var components = path.components
        while !components.isEmpty && document.node(at: YAMLPath(components)) == nil {
            components.removeLast()
        }
        let offset =
            document.node(at: YAMLPath(components))?.byteRange.lowerBound ?? document.byteRange.lowerBound
        return original.error(at: offset, message + "; nothing was written")
    }
}
