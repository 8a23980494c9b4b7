import Kubernetes

extension Policy {
    /// Decides one proposed change: the opt-out annotation, the action's switch, the first rule
    /// that selects the workload (default deny when none does), the rule's actions and fields,
    /// and the field's bounds and step limits.
    public func evaluate(_ change: ProposedChange) -> PolicyDecision {
        if let refusal = refusal(change.action, for: change.subject) {
            return refusal
        }
        guard let rule = rule(for: change.subject) else {
            return .rejected("no rule matches \(change.subject.workload) (default deny)")
        }
        guard rule.actions.contains(change.action) else {
            return .rejected("the rule does not allow the action \(change.action.rawValue)", rule: rule.name)
        }
        guard let field = rule.field(for: change.path) else {
            return .rejected("the rule does not allow changing \(change.path)", rule: rule.name)
        }
        return field.judge(from: change.from, to: change.to, resource: change.resource, rule: rule.name)
    }

    /// Decides a revert of a commit that changed `subject`'s manifests: no field bounds apply,
    /// only the opt-out annotation, the `revert` switch and the first matching rule's actions.
    public func evaluateRevert(of subject: PolicySubject) -> PolicyDecision {
        if let refusal = refusal(.revert, for: subject) {
            return refusal
        }
        guard let rule = rule(for: subject) else {
            return .rejected("no rule matches \(subject.workload) (default deny)")
        }
        guard rule.actions.contains(.revert) else {
            return .rejected("the rule does not allow the action revert", rule: rule.name)
        }
        return .allowed(nil, rule: rule.name)
    }

    /// Decides a rollback in Argo CD of `subject`'s Application that goes `entriesBack` history
    /// entries back from the one running: the opt-out annotation, the `rollback` switch, the first
    /// matching rule's actions (default deny: a rule must list `rollback`) and the switch's
    /// `maxHistoryEntries`.
    public func evaluateRollback(of subject: PolicySubject, entriesBack: Int) -> PolicyDecision {
        if let refusal = refusal(.rollback, for: subject) {
            return refusal
        }
        guard let rule = rule(for: subject) else {
            return .rejected("no rule matches \(subject.workload) (default deny)")
        }
        guard rule.actions.contains(.rollback) else {
            return .rejected("the rule does not allow the action rollback", rule: rule.name)
        }
        let bound = actionSwitch(.rollback).maxHistoryEntries
        guard entriesBack <= bound else {
            return .rejected(
                "the rollback would go \(entriesBack) history entries back, more than the \(bound) "
                    + "spec.actions.rollback.maxHistoryEntries allows",
                rule: rule.name)
        }
        return .allowed(nil, rule: rule.name)
    }

    /// The rule that decides for `subject`: the first whose `match` selects it.
    public func rule(for subject: PolicySubject) -> PolicyRule? {
        rules.first { $0.match.matches(subject) }
    }

    private func refusal(_ action: PolicyAction, for subject: PolicySubject) -> PolicyDecision? {
        if exclusion.excludes(subject) {
            return .rejected("opted out with the annotation \(exclusion.annotation): \"\(exclusion.value)\"")
        }
        if let reason = actionSwitch(action).refusal(action, for: subject) {
            return .rejected("\(reason); it stays a finding")
        }
        return nil
    }
}
