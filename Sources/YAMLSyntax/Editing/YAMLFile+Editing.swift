extension YAMLFile {
    /// Applies the edits by replacing as few bytes as possible, then parses the result and checks
    /// that the data changed exactly as asked and nowhere else. Throws, and returns nothing, when an
    /// edit cannot be made or the check fails.
    public func applying(_ edits: [YAMLEdit]) throws(YAMLError) -> YAMLFile {
        var current = self
        var pending: [Replacement] = []
        var expectations: [EditExpectation] = []
        for edit in edits {
            let count = current.tree.documents.count
            guard edit.document >= 0 && edit.document < count else {
                throw error(at: 0, "document \(edit.document) does not exist (the file has \(count))")
            }
            var planner = EditPlanner(
                file: current, document: YAMLDocument(tree: current.tree, index: edit.document))
            switch edit {
            case .set(let document, let path, let value):
                let targets = planner.document.nodes(at: path)
                if !targets.isEmpty {
                    for target in targets {
                        let (steps, _, _) = try planner.walk(target.path)
                        let inFlow =
                            steps[steps.count - 1].parent.map {
                                $0.style == .flowMapping || $0.style == .flowSequence
                            } ?? false
                        pending.append(
                            try planner.replaceScalar(
                                target.node, path: target.path, value: value, inFlow: inFlow))
                        expectations.append(
                            EditExpectation(document: document, path: target.path, value: value))
                    }
                    continue
                }
                current = try current.spliced(pending)
                pending = []
                planner = EditPlanner(
                    file: current, document: YAMLDocument(tree: current.tree, index: document))
                let (steps, concrete, rest) = try planner.walk(path)
                let (replacement, full) = try planner.insert(
                    rest, value: value, after: steps, concrete: concrete)
                current = try current.spliced([replacement])
                expectations.append(EditExpectation(document: document, path: full, value: value))
            case .delete(let document, let path):
                let targets = planner.document.nodes(at: path)
                if targets.isEmpty {
                    throw error(
                        at: planner.document.byteRange.lowerBound,
                        "'\(path)' does not exist in document \(document)")
                }
                for target in targets {
                    pending.append(try planner.delete(target.path))
                    expectations.append(EditExpectation(document: document, path: target.path, value: nil))
                }
            }
        }
        current = try current.spliced(pending)
        try EditVerifier(original: self, edited: current).verify(expectations)
        return current
    }
}
