import Foundation
import Kubernetes
import YAMLSyntax

/// Turns a policy file's nodes into a `Policy`, reporting every problem through its reader.
struct PolicyDecoder {
    var reader: YAMLReader
    /// `spec.recommender`, read before the rules so that each rule's block is checked merged over it.
    var globalRecommender: RecommenderBlock?

    mutating func decode() -> Policy? {
        guard
            let root = reader.root(known: ["apiVersion", "kind", "metadata", "spec"], what: "a policy file")
        else { return nil }
        reader.checkHeader(root, apiVersion: Policy.apiVersion, kind: "Policy")
        var name = ""
        if let metadata = reader.required(root, "metadata", at: ""),
            let fields = reader.fields(metadata, at: "metadata", known: ["name", "labels", "annotations"]),
            let node = reader.required(fields, "name", at: "metadata")
        {
            name = reader.string(node, at: "metadata.name") ?? ""
        }
        var policy = Policy(name: name, path: reader.file.path, rules: [])
        guard let specNode = reader.required(root, "spec", at: ""),
            let spec = reader.fields(
                specNode, at: "spec",
                known: ["rules", "exclude", "limits", "schedule", "actions", "recommender"])
        else { return nil }
        if let node = spec["recommender"] {
            let block = recommenderBlock(node, at: "spec.recommender")
            checkConstraints(of: block, over: nil)
            policy.recommender = block.values
            globalRecommender = block
        }
        if let node = spec["rules"] { policy.rules = rules(node) }
        if let node = spec["exclude"] { policy.exclusion = exclusion(node) }
        if let node = spec["limits"] { policy.limits = limits(node) }
        if let node = spec["schedule"] { policy.schedule = schedule(node) }
        if let node = spec["actions"] { policy.switches = switches(node) }
        return policy
    }

    // MARK: - Rules

    private mutating func rules(_ node: YAMLNode) -> [PolicyRule] {
        guard node.kind == .sequence else {
            reader.report(node, "spec.rules: expected a list of rules")
            return []
        }
        var decoded: [(rule: PolicyRule, node: YAMLNode)] = []
        for (index, item) in reader.items(node).enumerated() {
            if let rule = rule(item, at: "spec.rules[\(index)]") {
                decoded.append((rule, item))
            }
        }
        for (index, current) in decoded.enumerated() {
            let earlier = decoded[..<index]
            if let twin = earlier.first(where: { $0.rule.name == current.rule.name }) {
                reader.report(
                    current.node,
                    "rule \"\(current.rule.name)\": the name is already used by the rule at line \(twin.rule.line)"
                )
            } else if let wider = earlier.first(where: { $0.rule.match.covers(current.rule.match) }) {
                reader.report(
                    current.node,
                    "rule \"\(current.rule.name)\" never applies: rule \"\(wider.rule.name)\" (line "
                        + "\(wider.rule.line)) comes first and selects every workload it selects")
            }
        }
        return decoded.map(\.rule)
    }

    private mutating func rule(_ node: YAMLNode, at location: String) -> PolicyRule? {
        guard
            let fields = reader.fields(
                node, at: location, known: ["name", "match", "actions", "fields", "recommender"])
        else {
            return nil
        }
        let nameNode = reader.required(fields, "name", at: location)
        let name = nameNode.flatMap { reader.string($0, at: "\(location).name") }
        let match = fields["match"].map { self.match($0, at: "\(location).match") } ?? WorkloadMatch()
        var actions: Set<PolicyAction> = []
        if let node = fields["actions"] {
            actions = self.actions(node, at: "\(location).actions")
        }
        var fieldRules: [FieldRule] = []
        if let node = fields["fields"] {
            fieldRules = self.fieldRules(node, at: "\(location).fields")
        }
        let recommender = fields["recommender"].map { node in
            let block = recommenderBlock(node, at: "\(location).recommender")
            checkConstraints(of: block, over: globalRecommender)
            return block.values
        }
        guard let name, let match else { return nil }
        return PolicyRule(
            name: name, match: match, actions: actions, fields: fieldRules, recommender: recommender ?? [:],
            line: node.start.line)
    }

    private mutating func match(_ node: YAMLNode, at location: String) -> WorkloadMatch? {
        guard
            let fields = reader.fields(
                node, at: location, known: ["clusters", "namespaces", "kinds", "names", "labels"])
        else { return nil }
        var match = WorkloadMatch()
        match.clusters = globs(fields["clusters"], at: "\(location).clusters")
        match.namespaces = globs(fields["namespaces"], at: "\(location).namespaces")
        match.names = globs(fields["names"], at: "\(location).names")
        if let node = fields["kinds"], let kinds = reader.strings(node, at: "\(location).kinds") {
            let known = ManifestScanner.podSpecPaths.keys.sorted()
            for (kind, kindNode) in kinds where !known.contains(kind) {
                let hint = Suggestion.hint(for: kind, in: known)
                reader.report(
                    kindNode,
                    "\(location).kinds: \(kind) is not a workload kind Steward changes (\(known.joined(separator: ", ")))"
                        + hint)
            }
            match.kinds = kinds.map(\.text)
        }
        if let node = fields["labels"], let labels = reader.stringMap(node, at: "\(location).labels") {
            match.labels = labels.mapValues(Glob.init)
        }
        return match
    }

    private mutating func globs(_ node: YAMLNode?, at location: String) -> [Glob] {
        guard let node, let texts = reader.strings(node, at: location) else { return [] }
        return texts.map { Glob($0.text) }
    }

    private mutating func actions(_ node: YAMLNode, at location: String) -> Set<PolicyAction> {
        guard let names = reader.strings(node, at: location) else { return [] }
        var actions: Set<PolicyAction> = []
        for (name, item) in names {
            guard let action = PolicyAction(rawValue: name) else {
                let known = PolicyAction.allCases.map(\.rawValue)
                reader.report(
                    item,
                    "\(location): unknown action \"\(name)\" (\(known.joined(separator: ", ")))"
                        + Suggestion.hint(for: name, in: known))
                continue
            }
            actions.insert(action)
        }
        return actions
    }

    // MARK: - Fields

    private mutating func fieldRules(_ node: YAMLNode, at location: String) -> [FieldRule] {
        guard node.kind == .sequence else {
            reader.report(node, "\(location): expected a list of fields")
            return []
        }
        var decoded: [(field: FieldRule, node: YAMLNode)] = []
        for (index, item) in reader.items(node).enumerated() {
            guard let field = fieldRule(item, at: "\(location)[\(index)]") else { continue }
            if let wider = decoded.first(where: { $0.field.pattern.matches(field.pattern.path) }) {
                reader.report(
                    item,
                    "\(location)[\(index)] never applies: the field at line \(wider.node.start.line) "
                        + "(\(wider.field.pattern)) matches every path \(field.pattern) does")
            }
            decoded.append((field, item))
        }
        return decoded.map(\.field)
    }

    private mutating func fieldRule(_ node: YAMLNode, at location: String) -> FieldRule? {
        let known = ["path", "min", "max", "maxIncreasePercent", "maxDecreasePercent", "allowRemove"]
        guard let fields = reader.fields(node, at: location, known: known),
            let pathNode = reader.required(fields, "path", at: location),
            let text = reader.string(pathNode, at: "\(location).path")
        else { return nil }
        let pattern: FieldPattern
        do {
            pattern = try FieldPattern(parsing: text)
        } catch {
            reader.report(pathNode, "\(location).path: \(error.message)")
            return nil
        }
        var rule = FieldRule(pattern: pattern)
        rule.min = fields["min"].flatMap { bound($0, at: "\(location).min", resource: pattern.resource) }
        rule.max = fields["max"].flatMap { bound($0, at: "\(location).max", resource: pattern.resource) }
        if let min = rule.min, let max = rule.max, min > max, let node = fields["min"] {
            reader.report(node, "\(location).min: \(min.text) is above max \(max.text)")
        }
        rule.maxIncreasePercent = fields["maxIncreasePercent"].flatMap {
            reader.integer($0, at: "\(location).maxIncreasePercent", in: 0...Int.max)
        }
        rule.maxDecreasePercent = fields["maxDecreasePercent"].flatMap {
            reader.integer($0, at: "\(location).maxDecreasePercent", in: 0...99)
        }
        rule.allowRemove =
            fields["allowRemove"].flatMap { reader.boolean($0, at: "\(location).allowRemove") } ?? false
        return rule
    }

    /// A bound, checked against the field's resource: memory in `m` (millibytes) and CPU in
    /// binary units are almost always typos.
    mutating func bound(_ node: YAMLNode, at location: String, resource: String) -> Quantity? {
        guard let quantity = reader.quantity(node, at: location) else { return nil }
        if resource == "memory" && quantity.text.hasSuffix("m") {
            reader.report(
                node,
                "\(location): \(quantity.text) of memory is \(quantity.text.dropLast()) thousandths of a byte; "
                    + "did you mean \(quantity.text.dropLast())Mi?")
            return nil
        }
        if resource == "cpu" && quantity.format == .binarySI {
            reader.report(
                node,
                "\(location): \(quantity.text) is a memory size; CPU is counted in cores (2, 0.5) or millicores (500m)"
            )
            return nil
        }
        return quantity
    }

    // MARK: - Global settings

    private mutating func exclusion(_ node: YAMLNode) -> PolicyExclusion {
        var exclusion = PolicyExclusion()
        guard let fields = reader.fields(node, at: "spec.exclude", known: ["annotation", "value"]) else {
            return exclusion
        }
        if let node = fields["annotation"], let text = reader.string(node, at: "spec.exclude.annotation") {
            exclusion.annotation = text
        }
        if let node = fields["value"] {
            if node.kind == .scalar, let text = node.scalar {
                exclusion.value = text
            } else {
                reader.report(node, "spec.exclude.value: expected the annotation's value, e.g. \"true\"")
            }
        }
        return exclusion
    }

    private mutating func limits(_ node: YAMLNode) -> PolicyLimits {
        var limits = PolicyLimits()
        let known = ["maxOpenPullRequests", "maxChangesPerPullRequest"]
        guard let fields = reader.fields(node, at: "spec.limits", known: known) else { return limits }
        limits.maxOpenPullRequests = fields["maxOpenPullRequests"].flatMap {
            reader.integer($0, at: "spec.limits.maxOpenPullRequests", in: 0...Int.max)
        }
        limits.maxChangesPerPullRequest = fields["maxChangesPerPullRequest"].flatMap {
            reader.integer($0, at: "spec.limits.maxChangesPerPullRequest", in: 1...Int.max)
        }
        return limits
    }

    private mutating func switches(_ node: YAMLNode) -> [PolicyAction: ActionSwitch] {
        let known = PolicyAction.allCases.map(\.rawValue)
        guard let fields = reader.fields(node, at: "spec.actions", known: known) else { return [:] }
        var switches: [PolicyAction: ActionSwitch] = [:]
        for (key, _, value) in fields.entries {
            let location = "spec.actions.\(key)"
            let known =
                ["enabled", "requireLabels"]
                + (key == PolicyAction.rollback.rawValue ? ["maxHistoryEntries"] : [])
            guard let action = PolicyAction(rawValue: key),
                let settings = reader.fields(value, at: location, known: known)
            else { continue }
            var actionSwitch = ActionSwitch()
            if let node = settings["maxHistoryEntries"],
                let entries = reader.integer(node, at: "\(location).maxHistoryEntries", in: 1...100)
            {
                actionSwitch.maxHistoryEntries = entries
            }
            if let node = settings["enabled"], let enabled = reader.boolean(node, at: "\(location).enabled") {
                actionSwitch.enabled = enabled
            }
            if let node = settings["requireLabels"],
                let labels = reader.stringMap(node, at: "\(location).requireLabels")
            {
                actionSwitch.requiredLabels = labels
            }
            switches[action] = actionSwitch
        }
        return switches
    }

    private mutating func schedule(_ node: YAMLNode) -> PolicySchedule? {
        guard let fields = reader.fields(node, at: "spec.schedule", known: ["timeZone", "windows"]) else {
            return nil
        }
        var timeZone: TimeZone?
        var timeZoneName: String?
        if let node = reader.required(fields, "timeZone", at: "spec.schedule"),
            let name = reader.string(node, at: "spec.schedule.timeZone")
        {
            timeZone = TimeZone(identifier: name)
            timeZoneName = name
            if timeZone == nil {
                reader.report(
                    node,
                    "spec.schedule.timeZone: unknown time zone \"\(name)\" (an IANA name such as Europe/Berlin or UTC)"
                )
            }
        }
        var windows: [ScheduleWindow] = []
        if let node = reader.required(fields, "windows", at: "spec.schedule") {
            if node.kind == .sequence, !node.items.isEmpty {
                for (index, item) in reader.items(node).enumerated() {
                    if let window = window(item, at: "spec.schedule.windows[\(index)]") {
                        windows.append(window)
                    }
                }
            } else {
                reader.report(node, "spec.schedule.windows: expected a non-empty list of windows")
            }
        }
        guard let timeZone else { return nil }
        return PolicySchedule(timeZone: timeZone, timeZoneName: timeZoneName, windows: windows)
    }

    private mutating func window(_ node: YAMLNode, at location: String) -> ScheduleWindow? {
        guard let fields = reader.fields(node, at: location, known: ["days", "hours"]) else { return nil }
        var days: Set<Weekday>?
        if let node = reader.required(fields, "days", at: location) {
            days = self.days(node, at: "\(location).days")
        }
        var hours: (Int, Int)?
        if let node = reader.required(fields, "hours", at: location) {
            hours = ScheduleSyntax.hours(node.scalar ?? "")
            if hours == nil {
                reader.report(
                    node, "\(location).hours: expected a range such as 09:00-17:00 (end after start)")
            }
        }
        guard let days, let hours else { return nil }
        return ScheduleWindow(days: days, start: hours.0, end: hours.1)
    }

    private mutating func days(_ node: YAMLNode, at location: String) -> Set<Weekday>? {
        if node.kind == .scalar, let text = node.scalar, let days = ScheduleSyntax.days(text) {
            return days
        }
        if node.kind == .sequence, let names = reader.strings(node, at: location) {
            var days: Set<Weekday> = []
            for (name, item) in names {
                guard let day = Weekday(name: name) else {
                    reader.report(
                        item, "\(location): unknown day \"\(name)\" (Mon, Tue, Wed, Thu, Fri, Sat, Sun)")
                    return nil
                }
                days.insert(day)
            }
            if !days.isEmpty { return days }
        }
        reader.report(node, "\(location): expected days such as Mon-Fri, \"Mon,Wed\" or [Mon, Tue]")
        return nil
    }
}
