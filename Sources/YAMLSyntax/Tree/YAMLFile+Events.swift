extension YAMLFile {
    /// The parse events in the YAML test suite's `test.event` format, one event a line
    /// (`+STR`, `+DOC ---`, `+MAP {}`, `=VAL :plain`, `=ALI *a`, `-DOC ...`, `-STR`).
    public func events() -> String {
        var out = "+STR\n"
        for document in tree.documents {
            out += document.startMarker != nil ? "+DOC ---\n" : "+DOC\n"
            appendEvents(of: document.root, to: &out)
            out += document.endMarker != nil ? "-DOC ...\n" : "-DOC\n"
        }
        out += "-STR\n"
        return out
    }

    private func appendEvents(of index: Int, to out: inout String) {
        let node = YAMLNode(tree: tree, index: index)
        var properties = ""
        if node.kind != .alias {
            if let anchor = node.anchor { properties += " &" + anchor }
            if let tag = node.tag { properties += " <" + tag + ">" }
        }
        switch node.kind {
        case .alias:
            out += "=ALI *" + (node.anchor ?? "") + "\n"
        case .scalar:
            let indicator: String
            switch node.style {
            case .singleQuoted: indicator = "'"
            case .doubleQuoted: indicator = "\""
            case .literal: indicator = "|"
            case .folded: indicator = ">"
            default: indicator = ":"
            }
            out += "=VAL" + properties + " " + indicator + Self.escaped(node.scalar ?? "") + "\n"
        case .mapping, .sequence:
            let isMapping = node.kind == .mapping
            let flow = tree.style(index) == .flow ? (isMapping ? " {}" : " []") : ""
            out += (isMapping ? "+MAP" : "+SEQ") + flow + properties + "\n"
            for child in tree.children(index) {
                appendEvents(of: child, to: &out)
            }
            out += isMapping ? "-MAP\n" : "-SEQ\n"
        }
    }

    private static func escaped(_ text: String) -> String {
        eventEscapes.apply(to: text)
    }

    private static let eventEscapes = Escapes(table: [
        "\\": "\\\\", "\n": "\\n", "\t": "\\t", "\r": "\\r", "\u{08}": "\\b",
    ])
}
