import Kubernetes
import Profiles
import YAMLSyntax

extension PolicyDecoder {
    /// A `recommender` block (`spec.recommender` or a rule's): every knob checked for its kind
    /// and range; a knob with an error is left out (and the policy does not load).
    mutating func recommender(_ node: YAMLNode, at location: String) -> [RecommenderKnob: RecommenderValue] {
        recommenderBlock(node, at: location).values
    }

    /// The same, with the node of every knob read, for the checks across knobs.
    mutating func recommenderBlock(_ node: YAMLNode, at location: String) -> RecommenderBlock {
        var keys: [String] = []
        for knob in RecommenderKnob.allCases where !keys.contains(knob.group ?? knob.key) {
            keys.append(knob.group ?? knob.key)
        }
        var block = RecommenderBlock(location: location)
        guard let fields = reader.fields(node, at: location, known: keys) else { return block }
        for (key, _, value) in fields.entries {
            let members = RecommenderKnob.allCases.filter { $0.group == key }
            if let knob = RecommenderKnob.allCases.first(where: { $0.group == nil && $0.key == key }) {
                block.set(knob, self.value(value, of: knob, at: "\(location).\(key)"), at: value)
                continue
            }
            guard let group = reader.fields(value, at: "\(location).\(key)", known: members.map(\.key)) else {
                continue
            }
            for (member, _, memberValue) in group.entries {
                guard let knob = members.first(where: { $0.key == member }) else { continue }
                block.set(
                    knob, self.value(memberValue, of: knob, at: "\(location).\(key).\(member)"),
                    at: memberValue)
            }
        }
        return block
    }

    private mutating func value(_ node: YAMLNode, of knob: RecommenderKnob, at location: String)
        -> RecommenderValue?
    {
        switch knob.kind {
        case .percentile:
            return choice(node, at: location, what: "a percentile Steward sizes CPU from").map(
                RecommenderValue.percentile)
        case .throttlingResponse:
            return choice(node, at: location, what: "a response to throttling").map(
                RecommenderValue.throttlingResponse)
        case .cpuLimit:
            return cpuLimit(node, at: location).map(RecommenderValue.cpuLimit)
        case .percent:
            return reader.number(node, at: location, in: 0...Double.infinity).map { .amount($0, text: $1) }
        case .share:
            return reader.number(node, at: location, in: 0...100).map { .amount($0, text: $1) }
        case .ratio:
            return reader.number(node, at: location, in: 0...1).map { .amount($0, text: $1) }
        case .count:
            return reader.integer(node, at: location, in: 1...Int.max).map {
                .amount(Double($0), text: String($0))
            }
        case .cpu, .memory:
            let resource = knob.kind == .cpu ? "cpu" : "memory"
            guard let quantity = bound(node, at: location, resource: resource) else { return nil }
            if quantity.nanos == 0, knob.mustBePositive {
                reader.report(node, "\(location): \(quantity.text) is out of range: expected more than 0")
                return nil
            }
            let amount = resource == "cpu" ? quantity.milliValue : quantity.unitValue
            return .amount(Double(amount), text: quantity.text)
        case .duration:
            guard node.kind == .scalar, let text = node.scalar,
                let milliseconds = PrometheusDuration.milliseconds(in: text)
            else {
                reader.report(
                    node, "\(location): \"\(node.source)\" is not a duration (e.g. 90m, 24h, 7d, 1d12h)")
                return nil
            }
            if milliseconds == 0, knob.mustBePositive {
                reader.report(node, "\(location): \(text) is out of range: expected more than 0")
                return nil
            }
            return .amount(Double(milliseconds) / 1000, text: text)
        }
    }

    /// One of a fixed set of names, with a did-you-mean.
    private mutating func choice<Choice: RawRepresentable & CaseIterable>(
        _ node: YAMLNode, at location: String, what: String
    ) -> Choice? where Choice.RawValue == String {
        let known = Choice.allCases.map(\.rawValue)
        guard node.kind == .scalar, let text = node.scalar, let choice = Choice(rawValue: text) else {
            reader.report(
                node,
                "\(location): \"\(node.source)\" is not \(what) (\(known.joined(separator: ", ")))"
                    + Suggestion.hint(for: node.scalar ?? "", in: known))
            return nil
        }
        return choice
    }

    /// `keep`, `remove` or `{multipleOfRequest: N}`.
    private mutating func cpuLimit(_ node: YAMLNode, at location: String) -> RecommenderValue.CPULimit? {
        if node.kind == .mapping {
            guard let fields = reader.fields(node, at: location, known: ["multipleOfRequest"]),
                let factor = reader.required(fields, "multipleOfRequest", at: location)
            else { return nil }
            return reader.number(factor, at: "\(location).multipleOfRequest", in: 1...Double.infinity).map {
                .multipleOfRequest($0.value)
            }
        }
        switch node.kind == .scalar ? node.scalar : nil {
        case "keep": return .keep
        case "remove": return .remove
        default:
            reader.report(
                node,
                "\(location): \"\(node.source)\" is not a CPU limit rule (keep, remove or {multipleOfRequest: N})"
                    + Suggestion.hint(for: node.scalar ?? "", in: ["keep", "remove", "multipleOfRequest"]))
            return nil
        }
    }
}
