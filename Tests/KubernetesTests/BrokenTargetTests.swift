import Kubernetes
import TestSupport
import Testing

/// Broken targets are reported with their file and line, and every other target is read as if
/// they were not there.
@Suite struct BrokenTargetTests {
    let fixture: FixtureInventory

    init() throws {
        fixture = try FixtureInventory(files: GitOpsFixture.brokenFiles)
    }

    @Test func reportsEachProblemWithItsTargetFileAndLine() {
        let problems = fixture.inventory.targets.flatMap(\.problems).filter { $0.target != "catalog-prod" }
            .map { "\($0.target ?? "-") | \($0.description) | blocks=\($0.blocksWrites)" }
        #expect(
            problems == [
                "broken-cycle | apps/broken/cycle-b/kustomization.yaml:2:5: cycle between kustomizations: "
                    + "apps/broken/cycle-a -> apps/broken/cycle-b -> apps/broken/cycle-a | blocks=true",
                "broken-missing | apps/broken/missing/kustomization.yaml:3:5: 'service.yaml' does not exist | blocks=true",
                "broken-path | argocd/broken.yaml:27:11: path 'apps/does-not-exist' does not exist in the repository"
                    + " | blocks=true",
                "broken-remote | apps/broken/remote/kustomization.yaml:2:5: "
                    + "remote base 'github.com/example/platform//base?ref=v1.2.0' is not supported | blocks=true",
                "broken-unparsable | apps/broken/unparsable/deployment.yaml:4:9: "
                    + "unclosed double-quoted scalar: missing closing \" | blocks=true",
            ])
        #expect(
            fixture.inventory.problems.map {
                "\($0.target ?? "-") | \($0.description) | blocks=\($0.blocksWrites)"
            }
                == [
                    "- | argocd/matrix.yaml:7:7: ApplicationSet everywhere: the `matrix` generator is not supported "
                        + "(only list and git directories are) | blocks=false"
                ])
    }

    @Test func rendersWhatItCanOfABrokenTarget() throws {
        let missing = try fixture.target("broken-missing")
        #expect(missing.workloads.map(\.name) == ["lonely"])
        #expect(!missing.isWritable)
        let remote = try fixture.target("broken-remote")
        #expect(remote.workloads.map(\.name) == ["lonely"])
        #expect(try fixture.target("broken-path").workloads.isEmpty)
        let unparsable = try fixture.target("broken-unparsable")
        #expect(unparsable.problems.first?.detail == "  name: \"half\n        ^")
    }

    @Test func readsEveryHealthyTargetAsWithoutTheBrokenOnes() throws {
        let clean = try FixtureInventory()
        for target in clean.inventory.targets {
            let same = try fixture.target(target.name)
            #expect(KubectlRender.facts(of: same) == KubectlRender.facts(of: target), "\(target.name)")
            #expect(same.problems == target.problems, "\(target.name)")
        }
    }

    @Test func refusesToWriteToABrokenTarget() throws {
        let target = try fixture.target("broken-missing")
        let workload = try fixture.workload("broken-missing", "Deployment", "lonely")
        #expect(
            fixture.inventory.placement(of: .requestsCPU, container: "lonely", workload: workload, in: target)
                == .unwritable(
                    "target broken-missing has problems (apps/broken/missing/kustomization.yaml:3:5: "
                        + "'service.yaml' does not exist)"))
    }
}
