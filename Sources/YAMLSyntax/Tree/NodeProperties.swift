/// Anchor and tag of a node, when it has either.
struct NodeProperties: Sendable {
    /// Byte range of the anchor's name (without `&`).
    var anchor: Range<Int>?
    /// The resolved tag (`tag:yaml.org,2002:str`, `!local`, or `!` for the non-specific tag).
    var tag: String?
    /// Where the first property starts.
    var start: Int
}
