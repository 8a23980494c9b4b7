import Foundation
import TestSupport

/// The GitOps fixture repository and its production profiles in a scratch folder, planned with
/// the built `steward` binary.
struct GitOpsPlanFixture {
    let directory: TemporaryDirectory
    var repo: URL { directory.path("repo") }

    init(files: [String: String] = GitOpsFixture.files, profiles: String = GitOpsFixture.profilesJSON())
        throws
    {
        directory = try TemporaryDirectory("steward-gitops")
        try GitOpsFixture.write(to: repo, files: files)
        try directory.write("profiles.json", profiles)
    }

    /// Runs `steward plan` on the repository with extra arguments.
    func plan(_ arguments: [String] = []) throws -> ExternalToolOutput {
        try PackagePaths.steward().result(
            ["plan", "--repo", "repo", "--profiles", "profiles.json"] + arguments, in: directory.url.path)
    }

    /// The plan as JSON, from a run that exits with `status` (1 when a file is not valid YAML).
    func planJSON(_ arguments: [String] = [], status: Int32 = 0) throws -> [String: Any] {
        let output = try plan(["--format", "json"] + arguments)
        guard output.status == status,
            let object = try JSONSerialization.jsonObject(with: Data(output.stdout)) as? [String: Any]
        else {
            throw FixtureFailure("steward plan exited with \(output.status): \(output.stderr)")
        }
        return object
    }

    /// Applies the plan's diff to the repository with `git apply`, as a reviewer would.
    func apply(_ plan: [String: Any]) throws {
        guard let diff = plan["diff"] as? String else { throw FixtureFailure("the plan has no diff") }
        if !FileManager.default.fileExists(atPath: repo.appendingPathComponent(".git").path) {
            try ExternalTool.git.run(["init", "-q"], in: repo.path)
        }
        try ExternalTool.git.run(["apply", "-"], in: repo.path, input: Array(diff.utf8))
    }

    /// `kubectl kustomize` of a folder of the repository.
    func kustomize(_ folder: String) throws -> String {
        try ExternalTool.kubectl.run(["kustomize", repo.appendingPathComponent(folder).path])
    }

    /// A file of the repository as text.
    func read(_ path: String) throws -> String {
        try String(contentsOf: repo.appendingPathComponent(path), encoding: .utf8)
    }

    /// `target container field from->to placement file#document:path` for every change.
    static func changes(_ plan: [String: Any]) -> [String] {
        let findings = plan["findings"] as? [[String: Any]] ?? []
        return findings.flatMap { finding in
            (finding["changes"] as? [[String: Any]] ?? []).map { change in
                "\(finding["target"] ?? "?") \(finding["container"] ?? "?") \(change["field"] ?? "?") "
                    + "\(change["from"] as? String ?? "unset")->\(change["to"] ?? "?") \(change["placement"] ?? "?") "
                    + "\(change["file"] ?? "?")#\(change["document"] ?? "?"):\(change["path"] ?? "?")"
            }
        }
    }
}

struct FixtureFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
