import YAMLSyntax

/// The entries of a mapping node by key, after the reader checked the keys.
struct MappingFields {
    let node: YAMLNode
    let entries: [(key: String, keyNode: YAMLNode, value: YAMLNode)]

    subscript(key: String) -> YAMLNode? {
        entries.first { $0.key == key }?.value
    }
}
