import Foundation
import PlanFixtures
import StewardKit
import TestSupport
import Testing

/// `steward run` sizes with the policy's recommender settings, its evidence notes say so, and
/// `steward verify` accepts the commits against that policy.
@Suite struct RecommenderPolicyRunTests {
    @Test func aRunSizesWithThePolicysPercentileAndVerifies() async throws {
        let policy = ShopRepository.policy.replacingOccurrences(
            of: "spec:\n", with: "spec:\n  recommender: {cpuPercentile: p99}\n")
        try await RunFixture.with(policy: policy) { fixture in
            let report = try await fixture.run()
            #expect(report.exitStatus == .success)
            // web: p99 0.201 × 1.15 = 0.23115 cores → 235m (180m from the default p95).
            #expect(
                try fixture.git.git(["show", "steward/apps-shop:apps/shop/web.yaml"], in: fixture.bare)
                    == ShopRepository.web.replacingOccurrences(of: "cpu: 500m ", with: "cpu: 235m ")
                    .replacingOccurrences(of: "\"1Gi\"", with: "\"384Mi\"").dropLast())
            let web = try #require(try fixture.commits(on: "steward/apps-shop").last)
            let note = try fixture.git.git(["notes", "--ref=steward", "show", web], in: fixture.bare)
            #expect(note.contains("cpuPercentile: p99 (spec.recommender)"))
            // The commit's body names the percentile the request was sized from, not p95.
            let body = try fixture.git.git(["log", "-1", "--format=%b", web], in: fixture.bare)
                .components(separatedBy: "\n")
            #expect(
                body.filter { $0.hasPrefix("cpu request") } == [
                    "cpu request     500m -> 235m  p99 0.201 cores over 6048 samples; allowed by rule apps"
                ])

            let checkout = fixture.git.path("verify")
            try fixture.git.git(["clone", "--quiet", "--mirror", fixture.bare, checkout])
            let verify = try PackagePaths.steward().result([
                "verify", "--repo", checkout, "main..steward/apps-shop",
            ])
            #expect(verify.stderr == "")
            #expect(
                verify.text
                    == "ok: 2 bot commits verified in main..steward/apps-shop, 0 human commits ignored\n")
            #expect(verify.status == 0)
        }
    }
}
