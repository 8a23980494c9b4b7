/// Works out the bytes of one edit against the current file: which range to replace and with what.
struct EditPlanner {
    let file: YAMLFile
    let document: YAMLDocument

    /// A node reached by a path walk, with the key and mapping it was reached through.
    struct Step {
        var node: YAMLNode
        var key: YAMLNode?
        var parent: YAMLNode?
    }

    // MARK: Walking

    /// Follows `path` as far as it exists; returns the steps taken and the components left over.
    func walk(_ path: YAMLPath) throws(YAMLError) -> (
        steps: [Step], concrete: YAMLPath, rest: [YAMLPath.Component]
    ) {
        guard let root = document.root else {
            throw file.error(at: document.byteRange.lowerBound, "document \(document.index) has no content")
        }
        var steps = [Step(node: root, key: nil, parent: nil)]
        var concrete = YAMLPath([])
        for (k, component) in path.components.enumerated() {
            let node = steps[steps.count - 1].node
            if node.kind == .alias {
                throw file.error(
                    at: node.byteRange.lowerBound, "'\(concrete)' is an alias; edit the anchored node instead"
                )
            }
            switch component {
            case .key(let name):
                guard let entry = node.entry(forKey: name) else {
                    return (steps, concrete, Array(path.components[k...]))
                }
                steps.append(Step(node: entry.value, key: entry.key, parent: node))
                concrete = concrete.appending(.key(name))
            case .index(let i):
                guard let item = node.item(at: i) else {
                    let what =
                        node.kind == .sequence
                        ? "the sequence has \(node.items.count) items" : "not a sequence"
                    throw file.error(
                        at: node.byteRange.lowerBound,
                        "'\(concrete.appending(component))' does not exist: \(what)")
                }
                steps.append(Step(node: item, key: nil, parent: node))
                concrete = concrete.appending(.index(i))
            case .match(let key, let value):
                let matches = node.items.enumerated().filter { $0.element[key]?.scalar == value }
                guard matches.count == 1, let match = matches.first else {
                    throw file.error(
                        at: node.byteRange.lowerBound,
                        matches.isEmpty
                            ? "'\(concrete.appending(component))' does not exist: no item has \(key)=\(value)"
                            : "'\(concrete.appending(component))' matches \(matches.count) items; use an index"
                    )
                }
                steps.append(Step(node: match.element, key: nil, parent: node))
                concrete = concrete.appending(.index(match.offset))
            case .wildcard:
                throw file.error(at: node.byteRange.lowerBound, "'\(path)' matches nothing to edit")
            }
        }
        return (steps, concrete, [])
    }

    // MARK: Setting a scalar

    /// Replaces the scalar `node` with `value`, in the node's own style.
    func replaceScalar(_ node: YAMLNode, path: YAMLPath, value: String, inFlow: Bool) throws(YAMLError)
        -> Replacement
    {
        let range = node.byteRange
        guard node.kind == .scalar else {
            let what = node.kind == .alias ? "an alias" : node.kind == .mapping ? "a mapping" : "a sequence"
            throw file.error(at: range.lowerBound, "'\(path)' is \(what), not a scalar")
        }
        if node.isEmpty {
            return Replacement(range, " " + newScalarText(value, inFlow: inFlow))
        }
        let text: String
        switch node.style {
        case .doubleQuoted:
            text = ScalarText.doubleQuoted(value)
        case .singleQuoted:
            text = ScalarText.singleQuoted(value) ?? ScalarText.doubleQuoted(value)
        case .literal, .folded:
            text = blockScalarText(value, node: node)
        default:
            let oldIsString: Bool
            if case .string = node.value { oldIsString = node.tag == nil } else { oldIsString = false }
            let changesMeaning =
                ScalarText.readsAsNonString(value)
                && (oldIsString || CoreSchema.resolvePlain(value) == .string(value))
            text =
                ScalarText.isPlainSafe(value, inFlow: inFlow) && !changesMeaning
                ? value : ScalarText.doubleQuoted(value)
        }
        return Replacement(range, text)
    }

    /// A value for a new key: plain when it reads back as the same text in YAML 1.1 and 1.2.
    func newScalarText(_ value: String, inFlow: Bool) -> String {
        let versionDependent =
            ScalarText.readsAsNonString(value) && CoreSchema.resolvePlain(value) == .string(value)
        return ScalarText.isPlainSafe(value, inFlow: inFlow) && !versionDependent
            ? value : ScalarText.doubleQuoted(value)
    }

    /// A literal block at the node's indentation for multi-line text, else a one-line scalar.
    private func blockScalarText(_ value: String, node: YAMLNode) -> String {
        guard value.contains("\n"), !value.hasPrefix(" "), !value.hasPrefix("\n"),
            value.unicodeScalars.allSatisfy({ ScalarText.isPrintable($0) && $0 != "\r" })
        else { return ScalarText.string(value, inFlow: false) }
        let indent = String(repeating: " ", count: max(Int(node.tree.aux[node.index]), 1))
        let newline = file.newline(near: node.byteRange.lowerBound)
        var lines = value.split(separator: "\n", omittingEmptySubsequences: false)
        var chomp = "-"
        if lines.last == "" {
            lines.removeLast()
            chomp = lines.last == "" ? "+" : ""
        }
        let trailing = chomp == "+" ? lines.reversed().prefix { $0.isEmpty }.count : 0
        lines.removeLast(trailing)
        var text = "|" + chomp
        for line in lines {
            text += newline + (line.isEmpty ? "" : indent + line)
        }
        text += String(repeating: newline, count: trailing)
        return text
    }

    // MARK: Inserting keys

    /// Inserts the missing keys `rest` (with `value` at the end) under the last step's node.
    func insert(
        _ rest: [YAMLPath.Component], value: String, after steps: [Step], concrete: YAMLPath
    ) throws(YAMLError) -> (Replacement, YAMLPath) {
        let last = steps[steps.count - 1]
        let parent = last.node
        var keys: [String] = []
        for component in rest {
            guard case .key(let key) = component else {
                throw file.error(
                    at: parent.byteRange.lowerBound,
                    "'\(YAMLPath(concrete.components + rest))' does not exist, and only mapping keys can be created"
                )
            }
            keys.append(key)
        }
        let full = YAMLPath(concrete.components + keys.map { .key($0) })
        let step = indentStep()
        switch (parent.kind, parent.style) {
        case (.mapping, .blockMapping):
            let column = file.column(of: parent.byteRange.lowerBound)
            var end = file.lineEnd(of: parent.byteRange.upperBound)
            if let last = parent.entries.last?.value, keepsTrailingLines(last) {
                end = endOfTrailingBlankLines(after: end)
            }
            let newline = file.newline(near: parent.byteRange.upperBound)
            let lines = blockLines(keys, value: value, column: column, step: step)
            if end == file.bytes.count {
                return (Replacement(end..<end, newline + lines.joined(separator: newline)), full)
            }
            let at = file.afterBreak(end)
            return (Replacement(at..<at, lines.joined(separator: newline) + newline), full)
        case (.mapping, _):
            let text = flowEntry(keys, value: value)
            let entries = parent.entries
            if let lastEntry = entries.last {
                let at = max(lastEntry.value.byteRange.upperBound, lastEntry.key.byteRange.upperBound)
                return (Replacement(at..<at, ", " + text), full)
            }
            let at = parent.byteRange.lowerBound + 1
            return (Replacement(at..<at, text), full)
        case (.scalar, _) where parent.isEmpty || parent.value == .null:
            let container = last.parent
            if parent.isEmpty, let key = last.key, let container, container.style == .blockMapping {
                let column = file.column(of: key.propertiesStart) + step
                let end = file.lineEnd(of: parent.byteRange.lowerBound)
                let newline = file.newline(near: end)
                let lines = blockLines(keys, value: value, column: column, step: step)
                return (Replacement(end..<end, newline + lines.joined(separator: newline)), full)
            }
            let text = "{" + flowEntry(keys, value: value) + "}"
            return (Replacement(parent.byteRange, parent.isEmpty ? " " + text : text), full)
        default:
            let what =
                parent.kind == .sequence ? "a sequence" : parent.kind == .alias ? "an alias" : "a scalar"
            throw file.error(
                at: parent.byteRange.lowerBound,
                "cannot add '\(keys[0])' under '\(concrete)': it holds \(what), not a mapping")
        }
    }

    /// A block scalar with `+` chomping owns the blank lines after it; new keys go below them.
    private func keepsTrailingLines(_ node: YAMLNode) -> Bool {
        guard node.style == .literal || node.style == .folded else { return false }
        let header = file.bytes[node.byteRange.lowerBound..<file.lineEnd(of: node.byteRange.lowerBound)]
        return header.prefix { $0 != Bytes.space && $0 != Bytes.tab && $0 != UInt8(ascii: "#") }.contains(
            UInt8(ascii: "+"))
    }

    /// The end of the last line of blanks following the line that ends at `lineEnd`.
    private func endOfTrailingBlankLines(after lineEnd: Int) -> Int {
        let b = file.bytes
        var end = lineEnd
        while end < b.count {
            var i = file.afterBreak(end)
            while i < b.count && Bytes.isBlank(b[i]) { i += 1 }
            guard i < b.count, Bytes.isBreak(b[i]) else { break }
            end = i
        }
        return end
    }

    private func blockLines(_ keys: [String], value: String, column: Int, step: Int) -> [String] {
        keys.enumerated().map { j, key in
            String(repeating: " ", count: column + j * step) + ScalarText.string(key, inFlow: false) + ":"
                + (j == keys.count - 1 ? " " + newScalarText(value, inFlow: false) : "")
        }
    }

    /// `a: {b: {c: value}}` for keys a, b, c.
    private func flowEntry(_ keys: [String], value: String) -> String {
        var text = newScalarText(value, inFlow: true)
        for (j, key) in keys.enumerated().reversed() {
            let entry = ScalarText.string(key, inFlow: true) + ": " + text
            text = j == 0 ? entry : "{" + entry + "}"
        }
        return text
    }

    /// The indentation step of the document: how much deeper a nested block mapping sits than its key.
    func indentStep() -> Int {
        guard let root = document.root else { return 2 }
        var stack = [root]
        while let node = stack.popLast() {
            switch node.kind {
            case .mapping:
                for (key, value) in node.entries {
                    if value.style == .blockMapping && file.isFirstOnLine(value.byteRange.lowerBound) {
                        let step =
                            file.column(of: value.byteRange.lowerBound) - file.column(of: key.propertiesStart)
                        if step > 0 { return step }
                    }
                    stack.append(value)
                }
            case .sequence:
                stack.append(contentsOf: node.items)
            default:
                break
            }
        }
        return 2
    }

    // MARK: Deleting keys

    /// Removes the mapping entry at `path` (its key, value, and the lines they fill).
    func delete(_ path: YAMLPath) throws(YAMLError) -> Replacement {
        let (steps, concrete, rest) = try walk(path)
        let last = steps[steps.count - 1]
        guard rest.isEmpty else {
            throw file.error(at: last.node.byteRange.lowerBound, "'\(path)' does not exist")
        }
        guard let key = last.key, let mapping = last.parent else {
            throw file.error(
                at: last.node.byteRange.lowerBound,
                "'\(concrete)' is not a mapping key; only keys can be deleted")
        }
        let entries = mapping.entries
        guard let index = entries.firstIndex(where: { $0.key.index == key.index }) else {
            throw file.error(at: key.byteRange.lowerBound, "'\(concrete)' is not a mapping key")
        }
        let value = entries[index].value
        let keyStart = key.propertiesStart
        let entryEnd = max(value.byteRange.upperBound, key.byteRange.upperBound)
        if mapping.style == .blockMapping {
            if entries.count == 1 {
                return Replacement(keyStart..<entryEnd, "{}")
            }
            if file.isFirstOnLine(keyStart) {
                let start = keyStart - file.column(of: keyStart)
                return Replacement(start..<file.afterBreak(file.lineEnd(of: entryEnd)), "")
            }
            guard index + 1 < entries.count else {
                throw file.error(at: keyStart, "cannot delete '\(concrete)': it does not start its line")
            }
            return Replacement(keyStart..<entries[index + 1].key.propertiesStart, "")
        }
        if index + 1 < entries.count {
            return Replacement(keyStart..<entries[index + 1].key.propertiesStart, "")
        }
        if index > 0 {
            let previous = entries[index - 1]
            let from = max(previous.value.byteRange.upperBound, previous.key.byteRange.upperBound)
            return Replacement(from..<entryEnd, "")
        }
        return Replacement(keyStart..<entryEnd, "")
    }
}
