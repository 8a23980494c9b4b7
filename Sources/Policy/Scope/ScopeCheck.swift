import Kubernetes
import YAMLSyntax

/// The independent check of a change on its bytes: parse every changed file before and after,
/// take the semantic difference of each document, map every changed leaf to a workload field,
/// and ask the policy about it. Anything that is not a workload's resources field, or that the
/// policy would not write exactly so, is a violation.
///
/// It trusts nothing about how the change was made: it sees only the two versions of each file.
public struct ScopeCheck: Sendable {
    public var policy: Policy
    /// The cluster the files deploy to (rules can match on it).
    public var cluster: String
    /// The actions the change claims to make; a field passes when one of them allows it.
    public var actions: Set<PolicyAction>
    public var resolver: any FieldResolver

    public init(
        policy: Policy, cluster: String, actions: Set<PolicyAction>,
        resolver: any FieldResolver = ManifestFieldResolver()
    ) {
        self.policy = policy
        self.cluster = cluster
        self.actions = actions
        self.resolver = resolver
    }

    /// Checks every file of a change.
    public func check(_ files: [ChangedFile]) -> ScopeReport {
        var report = ScopeReport()
        for file in files.sorted(by: { $0.path < $1.path }) {
            check(file, into: &report)
        }
        return report
    }

    private func check(_ file: ChangedFile, into report: inout ScopeReport) {
        guard file.path.hasSuffix(".yaml") || file.path.hasSuffix(".yml") else {
            report.violations.append(
                ScopeViolation(
                    file: file.path, message: "not a YAML manifest; the bot changes only manifests"))
            return
        }
        guard let beforeBytes = file.before else {
            report.violations.append(ScopeViolation(file: file.path, message: "the file is added"))
            return
        }
        guard let afterBytes = file.after else {
            report.violations.append(ScopeViolation(file: file.path, message: "the file is deleted"))
            return
        }
        guard let before = parse(beforeBytes, file.path, "before", into: &report),
            let after = parse(afterBytes, file.path, "after", into: &report)
        else { return }
        guard before.count == after.count else {
            report.violations.append(
                ScopeViolation(
                    file: file.path,
                    message: "documents are added or removed (\(before.count) before, \(after.count) after)"))
            return
        }
        for index in before.indices {
            for change in LeafChanges.of(YAMLValue.changes(from: before[index], to: after[index])) {
                let location = DocumentLocation(
                    file: file.path, document: index, before: before[index], after: after[index],
                    path: change.path)
                check(change, at: location, into: &report)
            }
        }
    }

    private func check(_ change: YAMLChange, at location: DocumentLocation, into report: inout ScopeReport) {
        func violation(_ message: String) {
            report.violations.append(
                ScopeViolation(
                    file: location.file, document: location.document, path: change.path, message: message))
        }
        let values = "\(change.old?.description ?? "(absent)") -> \(change.new?.description ?? "(absent)")"
        guard let field = resolver.resolve(location, cluster: cluster) else {
            violation("not a container resources field of a workload (\(values))")
            return
        }
        let old = change.old.flatMap(Self.quantity)
        let new = change.new.flatMap(Self.quantity)
        guard (change.old == nil) == (old == nil), (change.new == nil) == (new == nil) else {
            violation("not a Kubernetes quantity (\(values))")
            return
        }
        let decision = decide(field, from: old, to: new)
        report.fields.append(
            CheckedField(
                file: location.file, document: location.document, location: change.path, field: field,
                old: old,
                new: new, decision: decision))
        switch decision.outcome {
        case .allowed:
            break
        case .clamped:
            let rule = decision.rule.map { " (rule \($0))" } ?? ""
            violation(
                "\(values) is out of bounds: \(decision.bound ?? "a bound") allows at most a change to "
                    + "\(decision.value?.text ?? "?")\(rule)")
        case .rejected:
            violation("\(values) is not allowed: \(decision)")
        }
    }

    /// The decision under the first claimed action that allows the change, else the first refusal.
    private func decide(_ field: ResolvedField, from old: Quantity?, to new: Quantity?) -> PolicyDecision {
        let decisions = actions.sorted().map { action in
            policy.evaluate(
                ProposedChange(
                    subject: field.subject, container: field.container, path: field.path, action: action,
                    from: old,
                    to: new))
        }
        return decisions.first { $0.outcome == .allowed } ?? decisions.first
            ?? .rejected("the change claims no action")
    }

    private func parse(
        _ bytes: [UInt8], _ path: String, _ side: String, into report: inout ScopeReport
    ) -> [YAMLValue]? {
        do {
            return try YAMLFile(bytes: bytes, path: path).documents.map(\.value)
        } catch {
            report.violations.append(
                ScopeViolation(
                    file: path,
                    message:
                        "does not parse \(side) the change: \(error.line):\(error.column): \(error.message)"))
            return nil
        }
    }

    private static func quantity(_ value: YAMLValue) -> Quantity? {
        value.scalarText.flatMap { Quantity($0) }
    }
}
