/// Structural additions the YAML engine's `set` does not make (it creates mapping keys with
/// scalar values only): an item appended to a sequence, a key holding a sequence, a new
/// document. Each splices as few bytes as possible at the indentation of its neighbours, then
/// parses the result and checks that the data changed exactly as intended.
public enum YAMLAppender {
    /// `file` with `item` appended to the sequence at `path` in `document`.
    public static func append(
        _ item: YAMLValue, toSequenceAt path: YAMLPath, document: Int, in file: YAMLFile
    ) throws(YAMLError) -> YAMLFile {
        let documentValue = file.documents[document]
        guard let sequence = documentValue.node(at: path), sequence.kind == .sequence else {
            throw file.error(at: documentValue.byteRange.lowerBound, "'\(path)' is not a sequence")
        }
        let bytes = file.bytes
        let splice: (Int, String)
        if sequence.style == .flowSequence {
            let items = sequence.items
            let searchFrom = items.last?.byteRange.upperBound ?? sequence.byteRange.lowerBound
            guard let close = bytes[searchFrom...].firstIndex(of: UInt8(ascii: "]")) else {
                throw file.error(at: sequence.byteRange.lowerBound, "cannot find the end of '\(path)'")
            }
            let at = items.last?.byteRange.upperBound ?? close
            splice = (at, (items.isEmpty ? "" : ", ") + item.description)
        } else {
            guard let first = sequence.items.first, let last = sequence.items.last else {
                throw file.error(at: sequence.byteRange.lowerBound, "'\(path)' is empty")
            }
            var dash = first.propertiesStart - 1
            while dash > 0 && bytes[dash] != UInt8(ascii: "-") { dash -= 1 }
            let column = lineColumn(of: dash, in: bytes)
            let (at, prefix) = afterLine(containing: max(last.byteRange.upperBound - 1, 0), in: bytes)
            splice = (at, prefix + sequenceItem(item, column: column))
        }
        let edited = try reparse(file, inserting: splice.1, at: splice.0)
        var expected = file.documents.map(\.value)
        expected[document] = try appended(item, to: expected[document], at: path.components, file: file)
        try verify(edited, expected: expected)
        return edited
    }

    /// `file` with `key: value` added at the end of the root mapping of `document`; a sequence
    /// value is written in the style of the mapping's other sequences.
    public static func addKey(_ key: String, value: YAMLValue, document: Int, in file: YAMLFile)
        throws(YAMLError)
        -> YAMLFile
    {
        let documentValue = file.documents[document]
        guard let root = documentValue.root, root.kind == .mapping, root.style == .blockMapping,
            let firstKey = root.entries.first?.key
        else {
            throw file.error(
                at: documentValue.byteRange.lowerBound,
                "cannot add '\(key)': the document is not a block mapping")
        }
        let bytes = file.bytes
        let keyColumn = lineColumn(of: firstKey.propertiesStart, in: bytes)
        var offset = 0
        for (_, existing) in root.entries where existing.style == .blockSequence {
            if let item = existing.items.first {
                var dash = item.propertiesStart - 1
                while dash > 0 && bytes[dash] != UInt8(ascii: "-") { dash -= 1 }
                offset = lineColumn(of: dash, in: bytes) - keyColumn
                break
            }
        }
        let pad = String(repeating: " ", count: keyColumn)
        var text = pad + key + ":"
        switch value {
        case .sequence(let items) where !items.isEmpty:
            text += "\n" + items.map { sequenceItem($0, column: keyColumn + offset) }.joined()
        default:
            text += " " + value.description + "\n"
        }
        let (at, prefix) = afterLine(containing: max(root.byteRange.upperBound - 1, 0), in: bytes)
        let edited = try reparse(file, inserting: prefix + text, at: at)
        var expected = file.documents.map(\.value)
        guard case .mapping(var pairs) = expected[document] else {
            throw file.error(at: root.byteRange.lowerBound, "the document is not a mapping")
        }
        pairs.append(YAMLPair(key: .string(key), value: value))
        expected[document] = .mapping(pairs)
        try verify(edited, expected: expected)
        return edited
    }

    /// `file` with a document appended after a `---` line.
    public static func appendDocument(_ value: YAMLValue, to file: YAMLFile) throws(YAMLError) -> YAMLFile {
        var text = file.bytes.isEmpty || file.bytes.last == UInt8(ascii: "\n") ? "" : "\n"
        text += "---\n" + YAMLEmitter.emit(value)
        let edited = try reparse(file, inserting: text, at: file.bytes.count)
        try verify(edited, expected: file.documents.map(\.value) + [value])
        return edited
    }

    // MARK: Helpers

    /// A block sequence item at `column`: `- ` and the emitted value, later lines indented under it.
    private static func sequenceItem(_ item: YAMLValue, column: Int) -> String {
        let pad = String(repeating: " ", count: column)
        let lines = YAMLEmitter.emit(item).split(separator: "\n", omittingEmptySubsequences: false)
        var text = ""
        for (index, line) in lines.enumerated() where !(index == lines.count - 1 && line.isEmpty) {
            text += (index == 0 ? pad + "- " : pad + "  ") + line + "\n"
        }
        return text
    }

    /// The offset just after the line holding `offset`, and a line break to put first when that
    /// line is the last and has none.
    private static func afterLine(containing offset: Int, in bytes: [UInt8]) -> (Int, String) {
        var end = offset
        while end < bytes.count && bytes[end] != UInt8(ascii: "\n") { end += 1 }
        return end < bytes.count ? (end + 1, "") : (end, "\n")
    }

    /// The 0-based column of a byte offset.
    private static func lineColumn(of offset: Int, in bytes: [UInt8]) -> Int {
        var start = offset
        while start > 0 && bytes[start - 1] != UInt8(ascii: "\n") { start -= 1 }
        return offset - start
    }

    private static func reparse(_ file: YAMLFile, inserting text: String, at offset: Int) throws(YAMLError)
        -> YAMLFile
    {
        var bytes = file.bytes
        bytes.insert(contentsOf: Array(text.utf8), at: offset)
        return try YAMLFile(bytes: bytes, path: file.path)
    }

    private static func verify(_ edited: YAMLFile, expected: [YAMLValue]) throws(YAMLError) {
        let actual = edited.documents.map(\.value)
        guard actual == expected else {
            throw edited.error(at: 0, "the addition did not give the intended data; nothing was written")
        }
    }

    /// `value` with `item` appended to the sequence at `components`.
    private static func appended(
        _ item: YAMLValue, to value: YAMLValue, at components: [YAMLPath.Component], file: YAMLFile
    ) throws(YAMLError) -> YAMLValue {
        guard let first = components.first else {
            guard case .sequence(let items) = value else { throw file.error(at: 0, "not a sequence") }
            return .sequence(items + [item])
        }
        let rest = Array(components.dropFirst())
        switch (first, value) {
        case (.key(let key), .mapping(var pairs)):
            guard let index = pairs.firstIndex(where: { $0.key.scalarText == key }) else {
                throw file.error(at: 0, "no key '\(key)'")
            }
            pairs[index].value = try appended(item, to: pairs[index].value, at: rest, file: file)
            return .mapping(pairs)
        case (.index(let index), .sequence(var items)) where index < items.count:
            items[index] = try appended(item, to: items[index], at: rest, file: file)
            return .sequence(items)
        case (.match(let key, let match), .sequence(var items)):
            guard let index = items.firstIndex(where: { $0[key]?.scalarText == match }) else {
                throw file.error(at: 0, "no item with \(key)=\(match)")
            }
            items[index] = try appended(item, to: items[index], at: rest, file: file)
            return .sequence(items)
        default:
            throw file.error(at: 0, "cannot follow the path to the sequence")
        }
    }
}
