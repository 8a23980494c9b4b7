import Analysis
import GitStore
import Kubernetes
import Telemetry
import YAMLSyntax

/// Turns a repository and usage profiles into a plan: findings, byte-minimal edits and a diff.
///
/// Nothing is written: the plan holds the edited bytes, and callers decide what to do with them.
public struct Planner: Sendable {
    public var recommender = SimpleRecommender()

    public init() {}

    /// Plans `request`.
    ///
    /// - Throws: ``StewardError`` for a missing repository, a profiles file that cannot be used, a
    ///   manifest that does not parse (with its file, line, column and a caret), or an edit the
    ///   YAML engine refuses.
    public func plan(_ request: PlanRequest) throws(StewardError) -> Plan {
        let source = ManifestSource(root: request.repository)
        let paths = try source.yamlFiles()
        let profiles: UsageProfiles
        do {
            profiles = try UsageProfiles.load(from: request.profiles)
        } catch {
            throw StewardError(error.description)
        }
        let cluster = try Self.cluster(request.cluster, in: profiles)

        var files: [String: YAMLFile] = [:]
        var workloads: [Workload] = []
        for path in paths {
            let file: YAMLFile
            do {
                file = try YAMLFile(bytes: try source.read(path), path: source.displayPath(path))
            } catch let error as YAMLError {
                throw StewardError(error.description)
            } catch {
                throw StewardError("\(path): \(error)")
            }
            files[path] = file
            workloads += ManifestScanner.workloads(in: file, relativePath: path)
        }

        let index = Dictionary(
            profiles.profiles.filter { $0.cluster == cluster }.map { (ProfileKey($0), $0) },
            uniquingKeysWith: { first, _ in first })
        var findings: [PlannedFinding] = []
        var unchanged: [ContainerSubject] = []
        var skipped: [SkippedContainer] = []
        for workload in workloads {
            let reference = workload.reference(cluster: cluster)
            for container in workload.containers {
                let subject = ContainerSubject(workload: reference, container: container.name)
                if let (field, invalid) = container.invalidFields.min(by: { $0.key < $1.key }) {
                    let reason =
                        "\(workload.file):\(invalid.line):\(invalid.column): \(field.label) "
                        + "\"\(invalid.text)\" is not a Kubernetes quantity"
                    skipped.append(SkippedContainer(subject: subject, reason: reason))
                    continue
                }
                guard let profile = index[ProfileKey(reference, container: container.name)] else {
                    skipped.append(SkippedContainer(subject: subject, reason: "no usage profile"))
                    continue
                }
                guard
                    let finding = recommender.recommend(
                        workload: reference, container: container, profile: profile, window: profiles.window)
                else {
                    unchanged.append(subject)
                    continue
                }
                let changes = finding.proposals.map { proposal in
                    PlannedChange(
                        file: workload.file, document: workload.document,
                        path: container.path(of: proposal.field).description, field: proposal.field,
                        from: proposal.from?.text, to: proposal.to.text)
                }
                findings.append(PlannedFinding(finding: finding, changes: changes))
            }
        }
        findings.sort { ($0.finding.workload, $0.finding.container) < ($1.finding.workload, $1.finding.container) }

        let fileEdits = try Self.edit(files, with: findings.flatMap(\.changes))
        var diff = ""
        for edit in fileEdits {
            do {
                diff += try GitDiff.unifiedPatch(
                    old: edit.before, new: edit.after, oldPath: edit.path, newPath: edit.path)
            } catch {
                throw StewardError("\(edit.path): cannot compute the diff: \(error)")
            }
        }
        return Plan(
            repository: request.repository, cluster: cluster, window: profiles.window, findings: findings,
            unchanged: unchanged, skipped: skipped, fileEdits: fileEdits, diff: diff)
    }

    /// Applies the changes file by file; the YAML engine re-parses and checks each result.
    static func edit(_ files: [String: YAMLFile], with changes: [PlannedChange]) throws(StewardError) -> [FileEdit] {
        var byFile: [String: [PlannedChange]] = [:]
        for change in changes {
            byFile[change.file, default: []].append(change)
        }
        var edits: [FileEdit] = []
        for (path, changes) in byFile.sorted(by: { $0.key < $1.key }) {
            guard let file = files[path] else { continue }
            var yamlEdits: [YAMLEdit] = []
            for change in changes {
                do {
                    yamlEdits.append(.set(document: change.document, path: try YAMLPath(parsing: change.path), value: change.to))
                } catch {
                    throw StewardError("\(path): \(error)")
                }
            }
            do {
                let edited = try file.applying(yamlEdits)
                edits.append(FileEdit(path: path, before: file.bytes, after: edited.bytes))
            } catch {
                throw StewardError(error.description)
            }
        }
        return edits
    }

    /// The cluster to plan for: the one asked for, or the only one the profiles cover.
    static func cluster(_ requested: String?, in profiles: UsageProfiles) throws(StewardError) -> String {
        let clusters = Set(profiles.profiles.map(\.cluster)).sorted()
        if let requested {
            return requested
        }
        guard clusters.count <= 1 else {
            throw StewardError(
                "the profiles cover several clusters (\(clusters.joined(separator: ", "))): choose one with --cluster")
        }
        return clusters.first ?? "default"
    }
}

/// Matches a profile to a workload container.
private struct ProfileKey: Hashable {
    var namespace: String
    var kind: String
    var name: String
    var container: String

    init(_ profile: UsageProfile) {
        namespace = profile.namespace
        kind = profile.workload.kind
        name = profile.workload.name
        container = profile.container
    }

    init(_ workload: WorkloadReference, container: String) {
        namespace = workload.namespace
        kind = workload.kind
        name = workload.name
        self.container = container
    }
}
