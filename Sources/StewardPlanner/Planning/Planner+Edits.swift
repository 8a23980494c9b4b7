import Analysis
import GitStore
import Kubernetes
import YAMLSyntax

/// What the edit stage accepted and refused, and the files it changes.
struct PlanEdits: Sendable {
    var findings: [PlannedFinding] = []
    var skipped: [SkippedContainer] = []
    var files: [FileEdit] = []
}

extension Planner {
    /// Writes the permitted changes of each finding in the place the inventory chose: in place
    /// when only its target reads the defining location, in the overlay's patch file when a base
    /// is shared, in the most specific values file for Helm. Every target's changes are checked by
    /// rendering again; a finding whose changes do not render exactly as intended (or change
    /// another target) is skipped with the reason, and nothing of it is written.
    static func edit(_ inventory: Inventory, findings: [PlannedFinding], proposals: PlanProposals)
        throws(StewardError) -> PlanEdits
    {
        var result = PlanEdits()
        var session = EditSession(inventory: inventory)
        var planned = findings
        var byTarget: [String: [Int]] = [:]
        for (index, finding) in findings.enumerated()
        where finding.changes.contains(where: \.decision.permitsEdit) {
            byTarget[finding.target, default: []].append(index)
        }
        var refused: Set<Int> = []
        for (_, indexes) in byTarget.sorted(by: { $0.key < $1.key }) {
            guard let target = proposals.analyzed[findings[indexes[0]].finding.id]?.target else { continue }
            let groups = indexes.map { (index: $0, changes: permitted(findings[$0], proposals)) }
            if case .success(let locations) = session.attempt(
                groups.flatMap { $0.changes.map(\.1) }, for: target)
            {
                var offset = 0
                for group in groups {
                    record(locations[offset..<(offset + group.changes.count)], of: group, in: &planned)
                    offset += group.changes.count
                }
                continue
            }
            // One finding at a time, to keep those that work and say why the others do not.
            for group in groups {
                switch session.attempt(group.changes.map(\.1), for: target) {
                case .success(let locations):
                    record(locations[...], of: group, in: &planned)
                case .failure(let refusal):
                    refused.insert(group.index)
                    let finding = findings[group.index]
                    result.skipped.append(
                        SkippedContainer(
                            subject: ContainerSubject(
                                workload: finding.finding.workload, container: finding.finding.container,
                                target: finding.target),
                            reason: refusal.message))
                }
            }
        }
        result.findings = planned.enumerated().filter { !refused.contains($0.offset) }.map(\.element)
        for (path, bytes) in session.files.sorted(by: { $0.key < $1.key }) {
            let before = inventory.snapshot.files[path]?.bytes
            if before != bytes { result.files.append(FileEdit(path: path, before: before, after: bytes)) }
        }
        return result
    }

    /// The changes of a finding the policy lets the plan write, each with its position among the
    /// finding's changes, and the value to write (the proposal or its clamped bound).
    package static func permitted(_ finding: PlannedFinding, _ proposals: PlanProposals) -> [(
        Int, ResolvedChange
    )] {
        let resolved = proposals.resolved[finding.finding.id] ?? []
        return finding.changes.enumerated().compactMap { index, change in
            guard change.decision.permitsEdit, index < resolved.count else { return nil }
            var write = resolved[index]
            write.to = change.to
            return (index, write)
        }
    }

    /// Records where each change of a group was written.
    private static func record(
        _ locations: ArraySlice<SourceLocation>, of group: (index: Int, changes: [(Int, ResolvedChange)]),
        in findings: inout [PlannedFinding]
    ) {
        for ((position, _), location) in zip(group.changes, locations) {
            findings[group.index].changes[position].file = location.file
            findings[group.index].changes[position].document = location.document
            findings[group.index].changes[position].path = location.path
        }
    }

    /// One unified diff of every edited file, as libgit2 writes it for `git apply`.
    static func diff(_ edits: [FileEdit]) throws(StewardError) -> String {
        var diff = ""
        for edit in edits {
            do {
                diff += try GitDiff.unifiedPatch(
                    old: edit.before, new: edit.after, oldPath: edit.path, newPath: edit.path)
            } catch {
                throw StewardError(error, context: "\(edit.path): cannot compute the diff")
            }
        }
        return diff
    }
}
