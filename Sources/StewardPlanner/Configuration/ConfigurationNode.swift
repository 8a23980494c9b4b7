import YAMLSyntax

/// A node of a configuration file with the checks every reader needs: known keys only, the
/// expected shape, and errors that point at the node (`file:line:column`, the line, a caret).
struct ConfigurationNode {
    let node: YAMLNode
    let file: YAMLFile
    /// The dotted name of the node (`forge.kind`), for messages.
    let name: String

    /// The mapping's value for `key`, when present and not null.
    subscript(key: String) -> ConfigurationNode? {
        guard let value = node[key], !value.isEmpty,
            !(value.kind == .scalar && ["null", "~"].contains(value.source))
        else { return nil }
        return ConfigurationNode(node: value, file: file, name: name.isEmpty ? key : "\(name).\(key)")
    }

    /// Refuses any key outside `keys`, naming the known ones.
    func mapping(allowing keys: [String]) throws(StewardError) -> ConfigurationNode {
        guard node.kind == .mapping else { throw error("\(label) must be a mapping") }
        for (key, _) in node.entries where !keys.contains(key.scalar ?? "") {
            throw ConfigurationNode(node: key, file: file, name: name).error(
                "unknown key \"\(key.scalar ?? key.source)\"\(name.isEmpty ? "" : " in \(name)") "
                    + "(known keys: \(keys.joined(separator: ", ")))")
        }
        return self
    }

    /// The node as a non-empty string.
    func string() throws(StewardError) -> String {
        guard node.kind == .scalar, let text = node.scalar, !text.isEmpty else {
            throw error("\(label) must be a non-empty string")
        }
        return text
    }

    /// The node as a list of non-empty strings.
    func strings() throws(StewardError) -> [String] {
        guard node.kind == .sequence else { throw error("\(label) must be a list of strings") }
        var values: [String] = []
        for item in node.items {
            values.append(
                try ConfigurationNode(node: item, file: file, name: "\(name)[\(values.count)]").string())
        }
        return values
    }

    /// The node as one of `values`.
    func choice<Value: RawRepresentable<String> & CaseIterable>(_ type: Value.Type) throws(StewardError)
        -> Value
    {
        let text = try string()
        guard let value = Value(rawValue: text) else {
            let known = Value.allCases.map(\.rawValue).joined(separator: ", ")
            throw error("\(label) must be one of \(known), not \"\(text)\"")
        }
        return value
    }

    /// An error at this node.
    func error(_ message: String) -> StewardError {
        StewardError(file.error(at: node.byteRange.lowerBound, message).description)
    }

    private var label: String { name.isEmpty ? "the configuration" : name }
}
