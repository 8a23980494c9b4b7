/// Refuses files whose aliases would expand to far more nodes than they hold ("billion laughs"),
/// so that reading a document's value stays proportional to the file.
enum AliasExpansionCheck {
    static func check(_ tree: SyntaxTree) -> ParseFailure? {
        guard tree.kinds.contains(.alias) else { return nil }
        let limit = max(100 * tree.nodeCount, 1_000_000)
        var anchors: [String: Int] = [:]
        for document in tree.documents {
            let nodes = document.root..<tree.subtreeEnd(document.root)
            guard tree.kinds[nodes].contains(.alias) else { continue }
            var firstAlias: Int?
            let size = expandedSize(document.root, tree, &anchors, &firstAlias, limit)
            if size > limit {
                return ParseFailure(
                    offset: Int(tree.starts[firstAlias ?? document.root]),
                    message: "aliases expand to more than \(limit) nodes; refusing to read this document")
            }
            anchors.removeAll()
        }
        return nil
    }

    private static func expandedSize(
        _ node: Int, _ tree: SyntaxTree, _ anchors: inout [String: Int], _ firstAlias: inout Int?,
        _ limit: Int
    ) -> Int {
        let size: Int
        switch tree.kind(node) {
        case .alias:
            firstAlias = firstAlias ?? node
            return anchors[YAMLNode(tree: tree, index: node).anchor ?? ""] ?? 1
        case .scalar:
            size = 1
        case .mapping, .sequence:
            var total = 1
            let end = Int(tree.aux[node])
            var child = node + 1
            while child < end && total <= limit {
                total += expandedSize(child, tree, &anchors, &firstAlias, limit)
                child = tree.subtreeEnd(child)
            }
            size = total
        }
        if let anchor = tree.nodeProperties(node)?.anchor {
            anchors[String(decoding: tree.bytes[anchor], as: UTF8.self)] = size
        }
        return size
    }
}
