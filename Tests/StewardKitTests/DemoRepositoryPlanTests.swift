import Foundation
import TestSupport
import Testing

/// `steward plan` on a copy of the bundled demo repository, changed the way users change theirs:
/// a tighter per-PR limit, the run's grouping in `--config`, a Go-template skeleton next to the
/// manifests.
@Suite struct DemoRepositoryPlanTests {
    let directory: TemporaryDirectory
    let repository: URL
    let profiles = PackagePaths.root.appendingPathComponent("examples/demo-profiles.json").path

    init() throws {
        directory = try TemporaryDirectory("steward-demo-plan")
        repository = directory.path("repo")
        try FileManager.default.copyItem(
            at: PackagePaths.root.appendingPathComponent("examples/demo-repo"), to: repository)
        let policy = repository.appendingPathComponent("policies/steward.yaml")
        let text = try String(contentsOf: policy, encoding: .utf8)
        try Data(
            text.replacingOccurrences(of: "maxChangesPerPullRequest: 20", with: "maxChangesPerPullRequest: 4")
                .utf8
        ).write(to: policy)
    }

    func plan(_ arguments: [String] = []) throws -> ExternalToolOutput {
        try PackagePaths.steward().result(
            ["plan", "--repo", repository.path, "--profiles", profiles] + arguments)
    }

    static func waiting(_ scope: String) -> String {
        "rejected: over the limit of 4 changes per pull request for \(scope) "
            + "(spec.limits.maxChangesPerPullRequest); it waits for a later run\n"
    }

    /// The OOM fix comes first in its pull request, even though right-sizes precede it in plan
    /// order: a pod that is being OOM-killed must not wait behind a saving.
    @Test func anOOMFixIsAdmittedBeforeTheRightSizesOfItsPullRequest() throws {
        let output = try plan()
        #expect(output.status == 0)
        let text = output.text
        #expect(
            text.contains(
                "    memory limit    512Mi -> 615Mi   (OOM at 512 MiB)   allowed (rule demo-apps)\n"))
        #expect(
            text.contains(
                "    cpu request     500m  -> 180m    (p95 0.156 cores)  " + Self.waiting("target apps/shop"))
        )
        #expect(
            text.contains(
                "    cpu request     250m  -> 100m    (p95 0.085 cores)  " + Self.waiting("target apps/shop"))
        )
        #expect(
            text.contains(
                "    cpu request     50m   -> 15m     (p95 0.012 cores)  allowed (rule demo-apps)\n"))
        #expect(text.contains("\nPolicy policies/steward.yaml (demo): 10 allowed, 0 clamped, 4 rejected\n"))
    }

    /// `plan --config` groups as the run configured there will, so the per-PR limit counts the
    /// same changes in both.
    @Test func theConfigurationsGroupingDecidesWhatOnePullRequestHolds() throws {
        let configuration = try directory.write(
            "steward.yaml", "apiVersion: steward.dev/v1\nkind: Configuration\npublish:\n  groupBy: all\n")
        let output = try plan(["--config", configuration.path])
        #expect(output.status == 0)
        #expect(
            output.text.contains(
                "    cpu request     200m  -> 460m    (p95 0.4 cores)    " + Self.waiting("the repository")))
        #expect(
            output.text.contains("\nPolicy policies/steward.yaml (demo): 4 allowed, 0 clamped, 10 rejected\n")
        )
        // The command line still wins over the file.
        let byTarget = try plan(["--config", configuration.path, "--group-by", "target"])
        #expect(
            byTarget.text.contains(
                "\nPolicy policies/steward.yaml (demo): 10 allowed, 0 clamped, 4 rejected\n"))
    }

    /// A Go-template skeleton is not YAML: in a folder Steward reads, it fails the plan by name;
    /// `inventory.ignore` leaves it out and the plan passes.
    @Test func aTemplateSkeletonFailsThePlanUntilTheConfigurationIgnoresIt() throws {
        try FileManager.default.createDirectory(
            at: repository.appendingPathComponent("tools/skeleton"), withIntermediateDirectories: true)
        try Data(
            "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ .Name }}\n{{- if .X }}\nspec: {}\n{{- end }}\n"
                .utf8
        ).write(to: repository.appendingPathComponent("tools/skeleton/deploy.yaml"))
        let failing = try plan()
        #expect(failing.status == 1)
        #expect(
            failing.stderr
                == "steward: error: tools/skeleton/deploy.yaml:5:3: a block sequence entry '- ' is not allowed "
                + "inside a flow collection: not valid YAML; the rest was planned\n")
        let configuration = try directory.write(
            "steward.yaml",
            "apiVersion: steward.dev/v1\nkind: Configuration\ninventory:\n  ignore: [tools/skeleton/]\n")
        let ignored = try plan(["--config", configuration.path])
        #expect(ignored.status == 0)
        #expect(ignored.stderr == "")
        #expect(!ignored.text.contains("skeleton"))
        #expect(
            ignored.text.contains(
                "\nPolicy policies/steward.yaml (demo): 10 allowed, 0 clamped, 4 rejected\n"))
    }
}
