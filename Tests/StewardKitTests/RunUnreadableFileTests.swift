import Foundation
import PlanFixtures
import Profiles
import StewardKit
import TestSupport
import Testing

/// A manifest that is not valid YAML does not stop the run from publishing the rest, but the run
/// fails, so that the CronJob's alert reaches someone who can fix the file.
@Suite struct RunUnreadableFileTests {
    @Test func theRestIsPublishedAndTheRunFailsNamingTheFile() async throws {
        let files = [
            "policies/steward.yaml": ShopRepository.policy, "apps/shop/web.yaml": ShopRepository.web,
            "apps/shop/cart.yaml": ShopRepository.cart,
            "apps/payments/api.yaml": ShopRepository.api.replacingOccurrences(
                of: "  name: api\n  namespace", with: "  name: \"api\n  namespace"),
        ]
        let profiles = UsageProfiles(
            window: ShopRepository.window, profiles: ShopRepository.profiles(webMemoryMax: 350_119_526))
        try await RunFixture.with(files: files, profiles: profiles) { fixture in
            let report = try await fixture.run()
            #expect(report.exitStatus == .failure)
            #expect(report.outcomes.map(\.branch) == ["steward/apps-shop"])
            #expect(report.outcomes.map(\.action) == [.opened])
            #expect(
                report.unreadable.map(\.description) == [
                    "apps/payments/api.yaml:4:9: unclosed double-quoted scalar: missing closing \""
                ])
            #expect(
                report.text.contains(
                    "\nerror: apps/payments/api.yaml:4:9: unclosed double-quoted scalar: missing closing \" "
                        + "(not valid YAML: nothing in it was planned)\n"))
            #expect(report.summaryLine.contains("\"status\":\"failed\""))
            #expect(report.summaryLine.contains("\"unreadable\":1,"))
            #expect(try fixture.remote("steward/apps-payments") == nil)
        }
    }
}
