import Analysis
import Kubernetes
import Policy
import YAMLSyntax

/// The proposals of a plan with where each would be written, before the policy decides.
package struct PlanProposals: Sendable {
    var findings: [PlannedFinding] = []
    /// The resolved changes of each finding, by finding id, in the order of its planned changes.
    var resolved: [String: [ResolvedChange]] = [:]
    /// What each finding is about, by finding id.
    package var analyzed: [String: AnalyzedFinding] = [:]
    /// The policy's view of each finding's workload, by finding id.
    var subjects: [String: PolicySubject] = [:]
    /// Findings whose every proposal, written like the current value, equals it.
    var unchanged: [ContainerSubject] = []
    /// Findings with a proposal no place can take.
    var skipped: [SkippedContainer] = []
}

extension Planner {
    /// Resolves every proposal: its text in the style of the current value, and where it goes.
    static func propose(_ findings: [AnalyzedFinding], in inventory: Inventory) -> PlanProposals {
        var result = PlanProposals()
        for analyzed in findings {
            let id = analyzed.finding.id
            let subject = ContainerSubject(
                workload: analyzed.finding.workload, container: analyzed.finding.container,
                target: analyzed.target.name)
            let policySubject = PolicySubject(
                workload: analyzed.finding.workload, labels: analyzed.declared?.workload.labels ?? [:],
                annotations: analyzed.declared?.workload.annotations ?? [:])
            // A finding that only reports, or proposes a revert, has no field to place.
            if analyzed.finding.proposals.isEmpty {
                result.findings.append(
                    PlannedFinding(
                        finding: analyzed.finding, target: analyzed.target.name, changes: [],
                        revert: analyzed.finding.revert.map { PlannedRevert(commit: $0) }))
                result.analyzed[id] = analyzed
                result.subjects[id] = policySubject
                continue
            }
            guard let declared = analyzed.declared else {
                result.skipped.append(
                    SkippedContainer(
                        subject: subject,
                        reason: "cannot write: \(analyzed.finding.workload) declares no container"))
                continue
            }
            let changes = analyzed.finding.proposals.map {
                resolve($0, of: declared, in: analyzed.target, inventory: inventory)
            }.filter { $0.from.flatMap(Quantity.init) != $0.to.flatMap(Quantity.init) }
            guard !changes.isEmpty else {
                result.unchanged.append(subject)
                continue
            }
            if let reason = changes.lazy.compactMap({ change -> String? in
                if case .unwritable(let reason) = change.placement { return reason }
                return nil
            }).first {
                result.skipped.append(SkippedContainer(subject: subject, reason: "cannot write: \(reason)"))
                continue
            }
            result.findings.append(
                PlannedFinding(
                    finding: analyzed.finding, target: analyzed.target.name,
                    changes: changes.compactMap {
                        plannedChange($0, target: analyzed.target.name, inventory: inventory)
                    }))
            result.resolved[id] = changes
            result.analyzed[id] = analyzed
            result.subjects[id] = policySubject
        }
        return result
    }

    /// A proposal with its placement and its text written like the field's current value (or a
    /// sibling field of the same resource).
    private static func resolve(
        _ proposal: ResourceProposal, of declared: AnalyzedFinding.Declared, in target: DeploymentTarget,
        inventory: Inventory
    ) -> ResolvedChange {
        let container = declared.container
        let sibling = ResourceField.allCases.first {
            $0 != proposal.field && $0.resource == proposal.field.resource && container.resources[$0] != nil
        }.flatMap { container.resources[$0] }
        let to = proposal.to?.formatted(like: proposal.from ?? sibling, resource: proposal.field.resource)
        var placement = inventory.placement(
            of: proposal.field, container: container.name, workload: declared.workload, in: target)
        if proposal.removes, case .overlayPatch = placement {
            placement = .unwritable(
                "removing \(proposal.field.rawValue) needs an edit where it is defined, and that is a base other "
                    + "targets share")
        }
        return ResolvedChange(
            workload: declared.workload, container: container.name, field: proposal.field,
            workloadPath: container.path(of: proposal.field), from: proposal.from?.text, to: to?.text,
            placement: placement, definedIn: container.locations[proposal.field])
    }

    /// The change as the plan shows it before anything is written: an overlay patch's document
    /// is the workload's in the existing patch file, or 0 for a file Steward will create.
    private static func plannedChange(_ change: ResolvedChange, target: String, inventory: Inventory)
        -> PlannedChange?
    {
        let location: SourceLocation
        let placement: PlannedChange.Placement
        switch change.placement {
        case .inPlace(let target):
            location = target
            placement = .inPlace
        case .overlayPatch(let patch):
            let document =
                inventory.snapshot.files[patch.patchFile].flatMap {
                    OverlayPatchWriter.documentIndex(of: patch, in: $0)
                }
                ?? 0
            location = SourceLocation(file: patch.patchFile, document: document, path: patch.path)
            placement = .overlayPatch
        case .unwritable:
            return nil
        }
        return PlannedChange(
            target: target, file: location.file, document: location.document, path: location.path,
            field: change.field, workloadPath: change.workloadPath, from: change.from, to: change.to,
            proposed: change.to, placement: placement,
            definedIn: change.definedIn.flatMap { $0.location == location ? nil : $0 })
    }
}
