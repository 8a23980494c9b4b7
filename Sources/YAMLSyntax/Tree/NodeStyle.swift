/// How a node is written.
enum NodeStyle: UInt8 {
    case plain
    case singleQuoted
    case doubleQuoted
    case literal
    case folded
    case block
    case flow
}
