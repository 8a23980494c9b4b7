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
        switch rule(allowing: .revert, for: subject) {
        case .success(let rule): .allowed(nil, rule: rule.name)
        case .failure(let refusal): refusal.decision
        }
    }

    /// Decides a rollback in Argo CD of `subject`'s Application that goes `entriesBack` history
    /// entries back from the one running: the opt-out annotation, the `rollback` switch, the first
    /// matching rule's actions (default deny: a rule must list `rollback`) and the switch's
    /// `maxHistoryEntries`.
    public func evaluateRollback(of subject: PolicySubject, entriesBack: Int) -> PolicyDecision {
        let rule: PolicyRule
        switch self.rule(allowing: .rollback, for: subject) {
        case .success(let allowing): rule = allowing
        case .failure(let refusal): return refusal.decision
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

    /// The rule that allows `action` on `subject`, or the decision refusing it: opted out,
    /// switched off, no rule (default deny), or a rule without the action.
    private func rule(allowing action: PolicyAction, for subject: PolicySubject) -> Result<
        PolicyRule, Refusal
    > {
        if let refusal = refusal(action, for: subject) {
            return .failure(Refusal(decision: refusal))
        }
        guard let rule = rule(for: subject) else {
            return .failure(
                Refusal(decision: .rejected("no rule matches \(subject.workload) (default deny)")))
        }
        guard rule.actions.contains(action) else {
            return .failure(
                Refusal(
                    decision: .rejected(
                        "the rule does not allow the action \(action.rawValue)", rule: rule.name)))
        }
        return .success(rule)
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

/// A policy decision that refuses an action, as the failure of a rule lookup.
private struct Refusal: Error {
    var decision: PolicyDecision
}
