/// Reads typed values out of one of Steward's own files (a policy, a policy test, `steward.yaml`)
/// and collects every problem as a diagnostic with the node's position, so that one pass reports
/// all errors rather than the first.
package struct YAMLReader {
    package let file: YAMLFile
    package private(set) var diagnostics: [YAMLError] = []

    /// Anchored nodes by name, in document order, to resolve aliases.
    private let anchors: [String: [YAMLNode]]

    package init(file: YAMLFile) {
        self.file = file
        var anchors: [String: [YAMLNode]] = [:]
        for document in file.documents {
            if let root = document.root { Self.collectAnchors(root, into: &anchors) }
        }
        self.anchors = anchors
    }

    /// The node an alias refers to (the last anchor of its name before it); other nodes as they are.
    package func resolve(_ node: YAMLNode) -> YAMLNode {
        guard node.kind == .alias, let name = node.anchor else { return node }
        return anchors[name]?.last { $0.byteRange.lowerBound < node.byteRange.lowerBound } ?? node
    }

    /// A sequence's items, aliases resolved.
    package func items(_ node: YAMLNode) -> [YAMLNode] {
        node.items.map(resolve)
    }

    private static func collectAnchors(_ node: YAMLNode, into anchors: inout [String: [YAMLNode]]) {
        if node.kind != .alias, let name = node.anchor { anchors[name, default: []].append(node) }
        for (key, value) in node.entries {
            collectAnchors(key, into: &anchors)
            collectAnchors(value, into: &anchors)
        }
        for item in node.items { collectAnchors(item, into: &anchors) }
    }

    /// Records a problem at `node`.
    package mutating func report(_ node: YAMLNode, _ message: String) {
        diagnostics.append(file.error(at: node.byteRange.lowerBound, message))
    }

    /// The single document's root mapping with its keys checked, or nil after reporting why not;
    /// `what` names the file in the message about extra documents (`a policy file`).
    package mutating func root(known: [String], what: String) -> MappingFields? {
        let documents = file.documents.filter { $0.root.map { !$0.isEmpty } ?? false }
        guard let document = documents.first, let root = document.root else {
            diagnostics.append(file.error(at: 0, "the file is empty"))
            return nil
        }
        if documents.count > 1, let extra = documents[1].root {
            report(extra, "\(what) holds one document; found \(documents.count)")
        }
        return fields(root, at: "", known: known)
    }

    /// Checks `apiVersion` and `kind`, both required.
    package mutating func checkHeader(_ root: MappingFields, apiVersion: String, kind expected: String) {
        if let node = required(root, "apiVersion", at: ""), let value = node.scalar, value != apiVersion {
            report(node, "apiVersion: expected \(apiVersion), found \(value)")
        }
        if let node = required(root, "kind", at: ""), let value = node.scalar, value != expected {
            report(node, "kind: expected \(expected), found \(value)")
        }
    }

    /// A mapping's entries; an unknown key is reported with the nearest known one.
    package mutating func fields(_ node: YAMLNode, at location: String, known: [String]) -> MappingFields? {
        guard node.kind == .mapping else {
            report(node, "\(Self.name(location)): expected a mapping with \(Self.list(known))")
            return nil
        }
        var entries: [(key: String, keyNode: YAMLNode, value: YAMLNode)] = []
        for (key, value) in node.entries {
            guard let text = key.scalar else {
                report(key, "\(Self.name(location)): keys are plain names")
                continue
            }
            guard known.contains(text) else {
                let hint = Suggestion.hint(for: text, in: known)
                report(key, "\(Self.name(location)): unknown field \"\(text)\"\(hint)")
                continue
            }
            entries.append((text, key, resolve(value)))
        }
        return MappingFields(node: node, entries: entries)
    }

    /// A required entry, or nil after reporting that it is missing.
    package mutating func required(_ fields: MappingFields, _ key: String, at location: String) -> YAMLNode? {
        if let value = fields[key], !value.isEmpty { return value }
        report(fields[key] ?? fields.node, "\(Self.join(location, key)): required")
        return nil
    }

    package mutating func string(_ node: YAMLNode, at location: String) -> String? {
        guard node.kind == .scalar, let text = node.scalar, !text.isEmpty else {
            report(node, "\(location): expected a non-empty string")
            return nil
        }
        guard case .string = node.value else {
            report(node, "\(location): expected a string; write \"\(text)\" in quotes")
            return nil
        }
        return text
    }

    /// A sequence of strings; `[]` is an empty list.
    package mutating func strings(_ node: YAMLNode, at location: String) -> [(text: String, node: YAMLNode)]?
    {
        guard node.kind == .sequence else {
            report(node, "\(location): expected a list of strings, e.g. [a, b]")
            return nil
        }
        var result: [(text: String, node: YAMLNode)] = []
        for (index, item) in items(node).enumerated() {
            if let text = string(item, at: "\(location)[\(index)]") {
                result.append((text, item))
            }
        }
        return result
    }

    /// A mapping of strings to strings (labels, annotations).
    package mutating func stringMap(_ node: YAMLNode, at location: String) -> [String: String]? {
        guard node.kind == .mapping else {
            report(node, "\(location): expected a mapping of names to values")
            return nil
        }
        var result: [String: String] = [:]
        for (key, value) in node.entries {
            guard let name = key.scalar, !name.isEmpty else {
                report(key, "\(location): expected a name")
                continue
            }
            guard value.kind == .scalar, let text = value.scalar else {
                report(value, "\(Self.join(location, name)): expected a string value")
                continue
            }
            result[name] = text
        }
        return result
    }

    package mutating func integer(_ node: YAMLNode, at location: String, in range: ClosedRange<Int>) -> Int? {
        guard node.kind == .scalar, case .int(let value) = node.value else {
            report(node, "\(location): expected a whole number")
            return nil
        }
        guard range.contains(value) else {
            let upper = range.upperBound == .max ? "" : " and \(range.upperBound)"
            let wording =
                upper.isEmpty ? "at least \(range.lowerBound)" : "between \(range.lowerBound)\(upper)"
            report(node, "\(location): \(value) is out of range: expected \(wording)")
            return nil
        }
        return value
    }

    /// A number (whole or not) within `range`; `text` is the number as written.
    package mutating func number(_ node: YAMLNode, at location: String, in range: ClosedRange<Double>)
        -> (value: Double, text: String)?
    {
        let value: Double
        switch node.kind == .scalar ? node.value : nil {
        case .int(let whole): value = Double(whole)
        case .float(let number): value = number
        default:
            report(node, "\(location): expected a number")
            return nil
        }
        guard range.contains(value) else {
            let wording =
                range.upperBound == .infinity
                ? "at least \(Self.number(range.lowerBound))"
                : "between \(Self.number(range.lowerBound)) and \(Self.number(range.upperBound))"
            report(node, "\(location): \(node.source) is out of range: expected \(wording)")
            return nil
        }
        return (value, node.source)
    }

    package mutating func boolean(_ node: YAMLNode, at location: String) -> Bool? {
        guard node.kind == .scalar, case .bool(let value) = node.value else {
            report(node, "\(location): expected true or false")
            return nil
        }
        return value
    }

    /// `spec.rules[0]` joined with `name`.
    package static func join(_ location: String, _ key: String) -> String {
        location.isEmpty ? key : "\(location).\(key)"
    }

    /// `100` rather than `100.0`.
    private static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
    }

    private static func name(_ location: String) -> String {
        location.isEmpty ? "top level" : location
    }

    private static func list(_ keys: [String]) -> String {
        keys.map { "\"\($0)\"" }.joined(separator: ", ")
    }
}
