import Kubernetes
import YAMLSyntax

extension YAMLReader {
    /// A non-negative Kubernetes quantity, or nil after reporting why not.
    mutating func quantity(_ node: YAMLNode, at location: String) -> Quantity? {
        guard node.kind == .scalar, let text = node.scalar, let quantity = Quantity(text) else {
            report(
                node,
                "\(location): \"\(node.source)\" is not a Kubernetes quantity (e.g. 250m, 1.5, 512Mi, 2Gi)")
            return nil
        }
        guard quantity.nanos >= 0 else {
            report(node, "\(location): \(text) is negative")
            return nil
        }
        return quantity
    }
}
