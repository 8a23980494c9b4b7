/// What a token is; the scanner's output and the parser's input.
enum TokenKind: UInt8 {
    case streamStart
    case streamEnd
    case versionDirective
    case tagDirective
    case reservedDirective
    case documentStart
    case documentEnd
    case blockSequenceStart
    case blockMappingStart
    case blockEnd
    case flowSequenceStart
    case flowSequenceEnd
    case flowMappingStart
    case flowMappingEnd
    case blockEntry
    case flowEntry
    case key
    case value
    case alias
    case anchor
    case tag
    case scalar
}

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
