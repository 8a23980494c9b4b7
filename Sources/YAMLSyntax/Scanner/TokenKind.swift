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
