import Foundation
import Profiles
import StewardKit
import TestSupport
import Testing

/// `steward run` on the inventory's GitOps fixture (Kustomize bases and overlays, Helm values of
/// Argo CD and Flux, plain manifests, an ApplicationSet), over `git http-backend`: one branch per
/// target, every commit written where the inventory places it, and `steward verify` passing on
/// every branch, overlay patches and values files included.
@Suite struct RunGitOpsTests {
    @Test func everyTargetGetsABranchWhoseCommitsVerify() async throws {
        let profiles = try UsageProfiles.decode(
            Data(GitOpsFixture.profilesJSON().utf8), path: "profiles.json")
        try await RunFixture.with(files: GitOpsFixture.files, profiles: profiles) { fixture in
            let report = try await fixture.run()
            #expect(report.exitStatus == .success, "\(report.text)")
            #expect(
                report.outcomes.map(\.branch) == [
                    "steward/apps-podinfo", "steward/cart", "steward/catalog-prod", "steward/orders-eu",
                    "steward/orders-us", "steward/shop-prod", "steward/tools-janitor",
                ])
            #expect(report.outcomes.allSatisfy { $0.action == .opened }, "\(report.text)")
            let mirror = fixture.git.path("verify")
            try fixture.git.git(["clone", "--quiet", "--mirror", fixture.bare, mirror])
            for outcome in report.outcomes {
                let verify = try PackagePaths.steward().result([
                    "verify", "--repo", mirror, "main..\(outcome.branch)",
                ])
                #expect(verify.status == 0, "\(outcome.branch): \(verify.text)\(verify.stderr)")
                #expect(verify.text.hasPrefix("ok: \(outcome.commits.count) bot commit"))
            }
            // Each branch changes the files the inventory places its changes in: overlay patches
            // where a base is shared, the release's values file for Helm.
            func files(_ branch: String) throws -> [String] {
                try fixture.git.git(["diff", "--name-only", "main", branch], in: fixture.bare)
                    .split(separator: "\n").map(String.init)
            }
            #expect(
                try report.outcomes.map { try files($0.branch) } == [
                    ["flux/podinfo.yaml"], ["apps/cart/redis.yaml"], ["charts/catalog/values-prod.yaml"],
                    [
                        "apps/orders/overlays/eu/kustomization.yaml",
                        "apps/orders/overlays/eu/steward-resources.yaml",
                    ],
                    [
                        "apps/orders/overlays/us/kustomization.yaml",
                        "apps/orders/overlays/us/steward-resources.yaml",
                    ],
                    [
                        "apps/shop/components/tracing/agent.yaml",
                        "apps/shop/overlays/prod/kustomization.yaml",
                        "apps/shop/overlays/prod/memory.yaml",
                        "apps/shop/overlays/prod/steward-resources.yaml",
                    ],
                    ["tools/janitor/cronjob.yaml"],
                ])
            let again = try await fixture.run()
            #expect(again.outcomes.allSatisfy { $0.action == .unchanged }, "\(again.text)")
        }
    }
}
