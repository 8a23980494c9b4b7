/// The entries of a mapping node by key, after the reader checked the keys.
package struct MappingFields {
    package let node: YAMLNode
    package let entries: [(key: String, keyNode: YAMLNode, value: YAMLNode)]

    package subscript(key: String) -> YAMLNode? {
        entries.first { $0.key == key }?.value
    }
}
