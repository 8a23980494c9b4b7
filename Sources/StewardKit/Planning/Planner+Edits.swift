import Analysis
import GitStore
import Kubernetes
import YAMLSyntax

/// What the edit stage accepted and refused, and the files it changes.
struct PlanEdits: Sendable {
    var findings: [PlannedFinding] = []
    var skipped: [SkippedContainer] = []
    /// Findings whose every proposal, written like the current value, equals it.
    var unchanged: [ContainerSubject] = []
    var files: [FileEdit] = []
}

extension Planner {
    /// Writes each finding's proposals in the right place: in place when only its target reads
    /// the defining location, in the overlay's patch file when a base is shared, in the most
    /// specific values file for Helm. Every group is checked by rendering again; a finding that
    /// cannot be written or does not render as intended is skipped with the reason.
    static func edit(_ inventory: Inventory, analysis: PlanAnalysis) throws(StewardError) -> PlanEdits {
        var result = PlanEdits()
        var session = EditSession(inventory: inventory)
        var byTarget: [String: [(AnalyzedFinding, [ResolvedChange])]] = [:]
        for analyzed in analysis.findings {
            let changes = analyzed.finding.proposals.map { resolve($0, of: analyzed, in: inventory) }.filter {
                $0.from.flatMap(Quantity.init) != Quantity($0.to)
            }
            guard !changes.isEmpty else {
                result.unchanged.append(
                    ContainerSubject(
                        workload: analyzed.finding.workload, container: analyzed.finding.container,
                        target: analyzed.target.name))
                continue
            }
            if let reason = changes.lazy.compactMap({ change -> String? in
                if case .unwritable(let reason) = change.placement { return reason }
                return nil
            }).first {
                result.skipped.append(skip(analyzed, "cannot write: \(reason)"))
                continue
            }
            byTarget[analyzed.target.name, default: []].append((analyzed, changes))
        }
        var accepted: [String: PlannedFinding] = [:]
        for (name, group) in byTarget.sorted(by: { $0.key < $1.key }) {
            let target = group[0].0.target
            if case .success(let planned) = session.attempt(group.flatMap(\.1), for: target) {
                var offset = 0
                for (analyzed, changes) in group {
                    accepted[analyzed.finding.id] = PlannedFinding(
                        finding: analyzed.finding, target: name,
                        changes: Array(planned[offset..<(offset + changes.count)]))
                    offset += changes.count
                }
                continue
            }
            // One finding at a time, to keep those that work and say why the others do not.
            for (analyzed, changes) in group {
                switch session.attempt(changes, for: target) {
                case .success(let planned):
                    accepted[analyzed.finding.id] = PlannedFinding(
                        finding: analyzed.finding, target: name, changes: planned)
                case .failure(let refusal):
                    result.skipped.append(skip(analyzed, refusal.message))
                }
            }
        }
        result.findings = analysis.findings.compactMap { accepted[$0.finding.id] }
        for (path, bytes) in session.files.sorted(by: { $0.key < $1.key }) {
            let before = inventory.snapshot.files[path]?.bytes
            if before != bytes { result.files.append(FileEdit(path: path, before: before, after: bytes)) }
        }
        return result
    }

    /// A proposal with its placement and its text written like the field's current value.
    private static func resolve(
        _ proposal: ResourceProposal, of analyzed: AnalyzedFinding, in inventory: Inventory
    )
        -> ResolvedChange
    {
        let container = analyzed.container
        let sibling = ResourceField.allCases.first {
            $0 != proposal.field && $0.resource == proposal.field.resource && container.resources[$0] != nil
        }.flatMap { container.resources[$0] }
        let to = proposal.to.formatted(like: proposal.from ?? sibling, resource: proposal.field.resource)
        return ResolvedChange(
            workload: analyzed.workload, container: container.name, field: proposal.field,
            from: proposal.from?.text, to: to.text,
            placement: inventory.placement(
                of: proposal.field, container: container.name, workload: analyzed.workload,
                in: analyzed.target),
            definedIn: container.locations[proposal.field])
    }

    private static func skip(_ analyzed: AnalyzedFinding, _ reason: String) -> SkippedContainer {
        SkippedContainer(
            subject: ContainerSubject(
                workload: analyzed.finding.workload, container: analyzed.finding.container,
                target: analyzed.target.name),
            reason: reason)
    }

    /// One unified diff of every edited file, as libgit2 writes it for `git apply`.
    static func diff(_ edits: [FileEdit]) throws(StewardError) -> String {
        var diff = ""
        for edit in edits {
            do {
                diff += try GitDiff.unifiedPatch(
                    old: edit.before, new: edit.after, oldPath: edit.path, newPath: edit.path)
            } catch {
                throw StewardError("\(edit.path): cannot compute the diff: \(error)")
            }
        }
        return diff
    }
}
