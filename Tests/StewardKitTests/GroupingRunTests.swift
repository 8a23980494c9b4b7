import Foundation
import StewardKit
import TestSupport
import Testing

/// `publish.groupBy: all` and `namespace` end to end: branch names, pull requests, titles and the
/// commits each branch holds, through the real HTTP Git remote and the loopback GitHub.
@Suite struct GroupingRunTests {
    static let api =
        "steward: right-size payments/api container api (cpu 200m→175m, memory request 256Mi→198Mi, "
        + "memory limit 512Mi→198Mi)"
    static let cart =
        "steward: right-size shop/cart container app (cpu 300m→115m, memory request 512Mi→286Mi, "
        + "memory limit unset→286Mi)"
    static let web = "steward: right-size shop/web container app (cpu 500m→180m, memory 1Gi→384Mi)"

    /// The subjects of the bot commits of `branch`, oldest first, and the files they touch.
    static func history(_ branch: String, in fixture: RunFixture) throws -> [String] {
        try fixture.commits(on: branch).map { commit in
            try fixture.git.git(["show", "--format=%s", "--name-only", commit], in: fixture.bare)
        }
    }

    @Test func groupingByAllOpensOnePullRequestWithEveryCommit() async throws {
        try await RunFixture.with { fixture in
            fixture.configuration.publish.groupBy = .all
            let report = try await fixture.run()
            #expect(report.exitStatus == .success)
            #expect(report.outcomes.map(\.branch) == ["steward/all"])
            #expect(report.outcomes.map(\.action) == [.opened])
            #expect(report.outcomes.map(\.commits.count) == [3])
            #expect(fixture.forge.pullRequests.map(\.head) == ["steward/all"])
            #expect(
                fixture.forge.pullRequests.map(\.title) == [
                    "steward: right-size 3 containers in the repository"
                ])
            #expect(
                fixture.forge.pullRequests[0].body.hasPrefix(
                    "Steward proposes 9 changes to 3 containers in the repository, sized from what "))
            #expect(
                try Self.history("steward/all", in: fixture) == [
                    "\(Self.api)\n\napps/payments/api.yaml",
                    "\(Self.cart)\n\napps/shop/cart.yaml",
                    "\(Self.web)\n\napps/shop/web.yaml",
                ])
            #expect(try fixture.remote("steward/apps-shop") == nil)
            #expect(try fixture.remote("steward/apps-payments") == nil)

            let again = try await fixture.run()
            #expect(again.outcomes.map(\.action) == [.unchanged])
            #expect(fixture.forge.pullRequests.count == 1)
        }
    }

    @Test func groupingByNamespaceOpensOnePullRequestPerNamespace() async throws {
        try await RunFixture.with { fixture in
            fixture.configuration.publish.groupBy = .namespace
            let report = try await fixture.run()
            #expect(report.exitStatus == .success)
            #expect(report.outcomes.map(\.branch) == ["steward/payments", "steward/shop"])
            #expect(report.outcomes.map(\.action) == [.opened, .opened])
            #expect(fixture.forge.pullRequests.map(\.head) == ["steward/payments", "steward/shop"])
            #expect(
                fixture.forge.pullRequests.map(\.title) == [
                    Self.api, "steward: right-size 2 containers in namespace shop",
                ])
            #expect(
                try Self.history("steward/payments", in: fixture) == ["\(Self.api)\n\napps/payments/api.yaml"]
            )
            #expect(
                try Self.history("steward/shop", in: fixture) == [
                    "\(Self.cart)\n\napps/shop/cart.yaml", "\(Self.web)\n\napps/shop/web.yaml",
                ])
            #expect(try fixture.remote("steward/apps-shop") == nil)
        }
    }
}
