/// One token: its kind and byte range, plus what the kind needs.
///
/// `aux` holds the content indentation of a block scalar, the offset where the suffix of a tag
/// starts, or the offset where the value of a directive starts.
struct Token {
    var kind: TokenKind
    var style: NodeStyle = .plain
    var start: Int
    var end: Int
    var aux: Int = 0
}
