import YAMLSyntax

/// Reads chart templates line by line: YAML structure by indentation, Go template actions
/// (`if`, `with`, `range`, `end`) tracked as blocks. Enough for the shapes `helm create` and
/// most charts use; anything else is reported as not mapped rather than guessed.
enum HelmTemplateScanner {
    /// The workload and autoscaler documents of one template file.
    static func scan(_ bytes: [UInt8], file: String) -> [HelmTemplate] {
        let lines = TemplateLine.split(bytes)
        var documents: [[TemplateLine]] = [[]]
        for line in lines {
            if line.content == "---" || line.content.hasPrefix("--- ") {
                documents.append([])
            } else {
                documents[documents.count - 1].append(line)
            }
        }
        return documents.enumerated().compactMap { index, lines in
            scanDocument(lines, file: file, document: index)
        }
    }

    private static func scanDocument(_ lines: [TemplateLine], file: String, document: Int) -> HelmTemplate? {
        let blocks = BlockTracker.track(lines)
        guard let kindIndex = lines.firstIndex(where: { $0.isYAML && $0.indent == 0 && $0.key == "kind" }),
            let kind = lines[kindIndex].value.map(unquote), !kind.contains(ascii: "{{")
        else { return nil }
        let isWorkload = ManifestScanner.podSpecPaths[kind] != nil
        guard isWorkload || kind == "HorizontalPodAutoscaler" else { return nil }
        let apiVersion =
            lines.first { $0.isYAML && $0.indent == 0 && $0.key == "apiVersion" }?.value.map(unquote) ?? ""
        var template = HelmTemplate(
            file: file, document: document, line: lines[kindIndex].number, apiVersion: apiVersion, kind: kind,
            nameExpression: child(of: "metadata", key: "name", in: lines).map { unquote($0.value) },
            conditions: blocks.conditions[kindIndex], replicasExpression: nil, containers: [], autoscaler: nil
        )
        if isWorkload {
            if let (index, value) = child(of: "spec", key: "replicas", in: lines) {
                template.replicasExpression = value
                template.replicasConditions = blocks.conditions[index]
            }
            template.containers = containers(in: lines, blocks: blocks)
        } else {
            template.autoscaler = autoscaler(in: lines)
        }
        return template
    }

    /// The line index and value of `key` directly under the top-level `parent` mapping.
    private static func child(of parent: String, key: String, in lines: [TemplateLine]) -> (
        index: Int, value: String
    )? {
        guard let start = lines.firstIndex(where: { $0.isYAML && $0.indent == 0 && $0.key == parent }) else {
            return nil
        }
        var childIndent: Int?
        for index in (start + 1)..<lines.count where lines[index].isYAML {
            let line = lines[index]
            if line.indent == 0 { return nil }
            if childIndent == nil { childIndent = line.indent }
            if line.indent == childIndent, line.key == key, let value = line.value { return (index, value) }
        }
        return nil
    }

    private static func containers(in lines: [TemplateLine], blocks: BlockTracker) -> [HelmTemplate.Container]
    {
        var result: [HelmTemplate.Container] = []
        var index = 0
        while index < lines.count {
            let line = lines[index]
            guard line.isYAML, let key = line.key, key == "containers" || key == "initContainers",
                line.value == nil
            else {
                index += 1
                continue
            }
            // The items: `- ` lines at the first dash indentation, up to a line that ends the list.
            var itemStarts: [Int] = []
            var dash: Int?
            var end = index + 1
            while end < lines.count {
                let next = lines[end]
                if next.isYAML {
                    if next.indent < line.indent { break }
                    if next.isItem && (dash == nil || next.indent == dash) {
                        dash = next.indent
                        itemStarts.append(end)
                    } else if let dash, next.indent <= dash, !next.isItem {
                        break
                    } else if dash == nil, next.indent <= line.indent {
                        break
                    }
                }
                end += 1
            }
            for (position, start) in itemStarts.enumerated() {
                let stop = position + 1 < itemStarts.count ? itemStarts[position + 1] : end
                if let container = container(lines, start..<stop, section: key, blocks: blocks) {
                    result.append(container)
                }
            }
            index = end
        }
        return result
    }

    private static func container(
        _ lines: [TemplateLine], _ range: Range<Int>, section: String, blocks: BlockTracker
    ) -> HelmTemplate.Container? {
        let first = lines[range.lowerBound]
        let keyIndent = first.indent + 2
        var keys: [(index: Int, key: String, value: String?)] = []
        if let key = first.itemKey { keys.append((range.lowerBound, key, first.itemValue)) }
        for index in range.dropFirst() where lines[index].isYAML && lines[index].indent == keyIndent {
            if let key = lines[index].key { keys.append((index, key, lines[index].value)) }
        }
        guard let name = keys.first(where: { $0.key == "name" })?.value.map(unquote) else { return nil }
        var mentions: [YAMLPath] = []
        for index in range {
            mentions += ValuesReference.paths(in: lines[index].text)
        }
        var container = HelmTemplate.Container(
            section: section, nameExpression: name, line: first.number,
            restartPolicy: keys.first { $0.key == "restartPolicy" }?.value.map(unquote), resources: .none,
            mentionsValues: mentions)
        if let resources = keys.first(where: { $0.key == "resources" }) {
            var blockEnd = resources.index + 1
            while blockEnd < range.upperBound
                && (!lines[blockEnd].isYAML || lines[blockEnd].indent > keyIndent)
            {
                blockEnd += 1
            }
            container.resources = resourcesReference(
                lines, resources.index, blockEnd, blocks: blocks)
        }
        return container
    }

    /// Where a `resources:` key at `start` takes its content from.
    private static func resourcesReference(
        _ lines: [TemplateLine], _ start: Int, _ end: Int, blocks: BlockTracker
    ) -> ResourcesReference {
        let line = lines[start].number
        let body = lines[start..<end]
        for candidate in body {
            for action in candidate.actions where action.contains(ascii: "toYaml") {
                if let path = ValuesReference.paths(in: action).first {
                    return .block(path, line: line)
                }
                if action.contains(ascii: "toYaml .") || action.contains(ascii: "toYaml $.") {
                    let index = lines.firstIndex { $0.number == candidate.number } ?? start
                    if let with = blocks.withPaths[index] { return .block(with, line: line) }
                }
            }
        }
        var fields: [ResourceField: YAMLPath] = [:]
        var section: String?
        for candidate in body.dropFirst() where candidate.isYAML {
            guard let key = candidate.key else { continue }
            if key == "requests" || key == "limits" {
                section = key
            } else if let section, let field = ResourceField(rawValue: "\(section).\(key)"),
                let value = candidate.value, let path = ValuesReference.paths(in: value).first
            {
                fields[field] = path
            }
        }
        if !fields.isEmpty { return .fields(fields, line: line) }
        let text = body.map { $0.content }.joined(separator: " ")
        return .indirect(text, line: line)
    }

    private static func autoscaler(in lines: [TemplateLine]) -> HelmTemplate.AutoscalerExpressions? {
        var targetKind: String?
        var targetName: String?
        var inTarget = false
        var targetIndent = 0
        var minReplicas: String?
        var maxReplicas: String?
        var utilization: [String: String] = [:]
        var metric: String?
        for line in lines where line.isYAML {
            if inTarget && line.indent <= targetIndent { inTarget = false }
            switch line.key {
            case "scaleTargetRef":
                inTarget = true
                targetIndent = line.indent
            case "kind" where inTarget: targetKind = line.value.map(unquote)
            case "name" where inTarget: targetName = line.value.map(unquote)
            case "name": metric = line.value.map(unquote)
            case "minReplicas": minReplicas = line.value
            case "maxReplicas": maxReplicas = line.value
            case "averageUtilization", "targetAverageUtilization":
                if let metric, let value = line.value { utilization[metric] = value }
            case "targetCPUUtilizationPercentage":
                if let value = line.value { utilization["cpu"] = value }
            default: break
            }
            if line.isItem, line.itemKey == "type" { metric = nil }
        }
        guard let targetKind, let targetName else { return nil }
        return HelmTemplate.AutoscalerExpressions(
            targetKind: targetKind, targetName: targetName, minReplicas: minReplicas,
            maxReplicas: maxReplicas,
            utilization: utilization)
    }

    /// A scalar's text without surrounding quotes.
    static func unquote(_ text: String) -> String {
        if text.count >= 2, let first = text.first, first == "\"" || first == "'", text.last == first {
            return String(text.dropFirst().dropLast())
        }
        return text
    }
}

/// `.Values.a.b` references in template text.
enum ValuesReference {
    /// Every values path the text mentions, in order.
    static func paths(in text: String) -> [YAMLPath] {
        guard text.withBytes({ contains($0, marker) }) else { return [] }
        var result: [YAMLPath] = []
        var rest = Substring(text)
        while let range = rest.firstRange(ofASCII: ".Values.") {
            let before = rest[..<range.lowerBound].last
            var path = ""
            var index = range.upperBound
            while index < rest.endIndex,
                rest[index].isLetter || rest[index].isNumber || "_.".contains(rest[index])
            {
                path.append(rest[index])
                index = rest.index(after: index)
            }
            rest = rest[index...]
            if let before, before.isLetter || before.isNumber { continue }
            let keys = path.split(separator: ".").map { YAMLPath.Component.key(String($0)) }
            if !keys.isEmpty { result.append(YAMLPath(keys)) }
        }
        return result
    }

    private static let marker = Array(".Values.".utf8)

    /// Whether `bytes` contain `needle`: most template lines mention no values, and a byte scan
    /// tells so without searching the text by characters.
    private static func contains(_ bytes: UnsafeBufferPointer<UInt8>, _ needle: [UInt8]) -> Bool {
        guard bytes.count >= needle.count else { return false }
        return (0...(bytes.count - needle.count)).contains { start in
            bytes[start] == needle[0] && bytes[start..<(start + needle.count)].elementsEqual(needle)
        }
    }
}
