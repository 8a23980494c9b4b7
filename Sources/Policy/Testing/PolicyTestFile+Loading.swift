import Foundation
import Kubernetes
import YAMLSyntax

extension PolicyTestFile {
    /// Reads and checks a parsed test file.
    /// - Throws: `YAMLDiagnostics` with every problem, each at its line.
    public init(file: YAMLFile) throws(YAMLDiagnostics) {
        var decoder = PolicyTestDecoder(reader: YAMLReader(file: file))
        let decoded = decoder.decode()
        guard let decoded, decoder.reader.diagnostics.isEmpty else {
            throw YAMLDiagnostics(decoder.reader.diagnostics)
        }
        self = decoded
    }
}

/// Turns a test file's nodes into cases.
private struct PolicyTestDecoder {
    var reader: YAMLReader

    mutating func decode() -> PolicyTestFile? {
        guard
            let root = reader.root(known: ["apiVersion", "kind", "metadata", "spec"], what: "a policy file")
        else { return nil }
        reader.checkHeader(root, apiVersion: Policy.apiVersion, kind: "PolicyTest")
        if let metadata = root["metadata"] {
            _ = reader.fields(metadata, at: "metadata", known: ["name", "labels", "annotations"])
        }
        guard let specNode = reader.required(root, "spec", at: ""),
            let spec = reader.fields(specNode, at: "spec", known: ["policy", "cases"]),
            let policyNode = reader.required(spec, "policy", at: "spec"),
            let policy = reader.string(policyNode, at: "spec.policy"),
            let casesNode = reader.required(spec, "cases", at: "spec")
        else { return nil }
        guard casesNode.kind == .sequence else {
            reader.report(casesNode, "spec.cases: expected a list of cases")
            return nil
        }
        var cases: [PolicyTestCase] = []
        for (index, item) in reader.items(casesNode).enumerated() {
            if let testCase = testCase(item, at: "spec.cases[\(index)]") { cases.append(testCase) }
        }
        return PolicyTestFile(path: reader.file.path, policy: policy, cases: cases)
    }

    private mutating func testCase(_ node: YAMLNode, at location: String) -> PolicyTestCase? {
        let known = ["name", "cluster", "workload", "change", "at", "expect"]
        guard let fields = reader.fields(node, at: location, known: known),
            let nameNode = reader.required(fields, "name", at: location),
            let name = reader.string(nameNode, at: "\(location).name"),
            let expectNode = reader.required(fields, "expect", at: location)
        else { return nil }
        if let atNode = fields["at"] {
            guard fields["change"] == nil, fields["workload"] == nil else {
                reader.report(
                    atNode, "\(location): a case checks either a change or the schedule at a time, not both")
                return nil
            }
            guard let text = atNode.scalar, let date = try? Date(text, strategy: .iso8601) else {
                reader.report(atNode, "\(location).at: expected a time such as 2026-03-02T09:30:00Z")
                return nil
            }
            guard let expect = reader.fields(expectNode, at: "\(location).expect", known: ["schedule"]),
                let scheduleNode = reader.required(expect, "schedule", at: "\(location).expect")
            else { return nil }
            guard let state = scheduleNode.scalar, state == "open" || state == "closed" else {
                reader.report(scheduleNode, "\(location).expect.schedule: expected open or closed")
                return nil
            }
            return PolicyTestCase(
                name: name, line: node.start.line, check: .schedule(at: date, open: state == "open"))
        }
        var cluster = "default"
        if let node = fields["cluster"], let text = reader.string(node, at: "\(location).cluster") {
            cluster = text
        }
        let subject = reader.required(fields, "workload", at: location).flatMap {
            workload($0, cluster: cluster, at: "\(location).workload")
        }
        if fields["change"] == nil, let expect = expectNode.kind == .mapping ? expectNode["recommender"] : nil
        {
            var decoder = PolicyDecoder(reader: reader)
            _ = decoder.reader.fields(expectNode, at: "\(location).expect", known: ["recommender"])
            let expected = decoder.recommender(expect, at: "\(location).expect.recommender")
            reader = decoder.reader
            if expect.kind == .mapping, expect.entries.isEmpty {
                reader.report(expect, "\(location).expect.recommender: name at least one knob to check")
            }
            guard let subject else { return nil }
            return PolicyTestCase(
                name: name, line: node.start.line, check: .recommender(subject, expected: expected))
        }
        let change = reader.required(fields, "change", at: location).flatMap {
            self.change($0, at: "\(location).change")
        }
        let expectation = expectation(expectNode, at: "\(location).expect")
        guard let subject, let change, let expectation else { return nil }
        let proposed = ProposedChange(
            subject: subject, container: change.container, path: change.path, action: change.action,
            from: change.from,
            to: change.to)
        return PolicyTestCase(
            name: name, line: node.start.line, check: .change(proposed, expected: expectation))
    }

    /// The workload's identity, labels and annotations, from a manifest (its `spec` is ignored).
    private mutating func workload(_ node: YAMLNode, cluster: String, at location: String) -> PolicySubject? {
        guard node.kind == .mapping else {
            reader.report(node, "\(location): expected a workload manifest with kind and metadata")
            return nil
        }
        guard let kindNode = node["kind"], let kind = reader.string(kindNode, at: "\(location).kind") else {
            reader.report(node, "\(location).kind: required")
            return nil
        }
        guard let metadataNode = node["metadata"],
            let metadata = reader.fields(
                metadataNode, at: "\(location).metadata",
                known: ["name", "namespace", "labels", "annotations"]),
            let nameNode = reader.required(metadata, "name", at: "\(location).metadata"),
            let name = reader.string(nameNode, at: "\(location).metadata.name")
        else {
            if node["metadata"] == nil { reader.report(node, "\(location).metadata: required") }
            return nil
        }
        let namespace = metadata["namespace"].flatMap {
            reader.string($0, at: "\(location).metadata.namespace")
        }
        let labels = metadata["labels"].flatMap { reader.stringMap($0, at: "\(location).metadata.labels") }
        let annotations = metadata["annotations"].flatMap {
            reader.stringMap($0, at: "\(location).metadata.annotations")
        }
        return PolicySubject(
            workload: WorkloadReference(
                cluster: cluster, namespace: namespace ?? "default", kind: kind, name: name),
            labels: labels ?? [:], annotations: annotations ?? [:])
    }

    private struct Change {
        var action: PolicyAction
        var path: YAMLPath
        var container: String
        var from: Quantity?
        var to: Quantity?
    }

    private mutating func change(_ node: YAMLNode, at location: String) -> Change? {
        guard
            let fields = reader.fields(node, at: location, known: ["action", "path", "from", "to", "remove"])
        else {
            return nil
        }
        var action: PolicyAction?
        if let node = reader.required(fields, "action", at: location),
            let text = reader.string(node, at: "\(location).action")
        {
            action = PolicyAction(rawValue: text)
            if action == nil {
                let known = PolicyAction.allCases.map(\.rawValue)
                reader.report(
                    node,
                    "\(location).action: unknown action \"\(text)\"" + Suggestion.hint(for: text, in: known))
            }
        }
        var path: YAMLPath?
        var container: String?
        if let node = reader.required(fields, "path", at: location),
            let text = reader.string(node, at: "\(location).path")
        {
            (path, container) = fieldPath(text, node, at: "\(location).path")
        }
        let from = fields["from"].flatMap { reader.quantity($0, at: "\(location).from") }
        let remove = fields["remove"].flatMap { reader.boolean($0, at: "\(location).remove") } ?? false
        var to: Quantity?
        if remove {
            if let node = fields["to"] { reader.report(node, "\(location).to: a removal has no new value") }
        } else if let node = reader.required(fields, "to", at: location) {
            to = reader.quantity(node, at: "\(location).to")
            if to == nil { return nil }
        }
        guard let action, let path, let container else { return nil }
        return Change(action: action, path: path, container: container, from: from, to: to)
    }

    /// A concrete field path: the container is named (`[name=app]`), as the bot writes it.
    private mutating func fieldPath(_ text: String, _ node: YAMLNode, at location: String) -> (
        YAMLPath?, String?
    ) {
        guard let path = try? YAMLPath(parsing: text) else {
            reader.report(node, "\(location): not a path")
            return (nil, nil)
        }
        let container = path.components.lazy.compactMap { component -> String? in
            if case .match("name", let name) = component { return name }
            return nil
        }.first
        guard let container, path.components.allSatisfy({ $0 != .wildcard }) else {
            reader.report(
                node, "\(location): name the container, as in containers[name=app].resources.requests.cpu")
            return (nil, nil)
        }
        return (path, container)
    }

    private mutating func expectation(_ node: YAMLNode, at location: String) -> PolicyTestCase.Expectation? {
        guard let fields = reader.fields(node, at: location, known: ["outcome", "value", "rule", "reason"]),
            let outcomeNode = reader.required(fields, "outcome", at: location)
        else { return nil }
        guard let text = outcomeNode.scalar, let outcome = PolicyDecision.Outcome(rawValue: text) else {
            reader.report(outcomeNode, "\(location).outcome: expected allowed, clamped or rejected")
            return nil
        }
        var expectation = PolicyTestCase.Expectation(outcome: outcome)
        expectation.value = fields["value"].flatMap { reader.quantity($0, at: "\(location).value")?.text }
        expectation.rule = fields["rule"].flatMap { reader.string($0, at: "\(location).rule") }
        expectation.reason = fields["reason"].flatMap { reader.string($0, at: "\(location).reason") }
        return expectation
    }
}
