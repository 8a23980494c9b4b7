import Foundation
import TestSupport
import Testing

/// `steward run` as a CronJob runs it: the built binary, a configuration file, exit codes, the
/// JSON summary as the last line of standard output, JSON logs on standard error.
@Suite struct RunCommandTests {
    /// Writes `steward.yaml` next to the fixture's files, with paths relative to it.
    static func writeConfiguration(_ fixture: RunFixture, forgeToken: String = "secrets/forge-token") throws
        -> String
    {
        try fixture.git.write(
            """
            apiVersion: steward.dev/v1
            kind: Configuration
            cluster: prod
            repository:
              url: \(fixture.server.url(for: "deploy.git"))
              tokenFile: secrets/git-token
              cacheDirectory: cache.git
            observe:
              profiles: profiles.json
            signing:
              keyFile: keys/id_ed25519
              email: steward@example.com
            forge:
              kind: github
              apiURL: \(fixture.forge.apiURL)
              repository: acme/deploy
              tokenFile: \(forgeToken)

            """, to: "steward.yaml")
    }

    /// The last line of standard output, parsed.
    static func summary(_ output: ExternalToolOutput) throws -> [String: Any] {
        let line = try #require(output.text.split(separator: "\n").last)
        return try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
    }

    @Test func aRunThatPublishesExitsZeroWithItsSummaryAndJSONLogs() async throws {
        try await RunFixture.with { fixture in
            let config = try Self.writeConfiguration(fixture)
            let output = try PackagePaths.steward().result(
                ["run", "--config", config, "--log-format", "json", "--log-level", "info"],
                in: fixture.git.root)
            #expect(output.status == 0)
            let summary = try Self.summary(output)
            #expect(summary["status"] as? String == "ok")
            #expect(summary["exitCode"] as? Int == 0)
            #expect(summary["mode"] as? String == "published")
            #expect(summary["opened"] as? Int == 2)
            #expect(summary["pushed"] as? Int == 2)
            #expect(summary["findings"] as? Int == 3)
            #expect(summary["changes"] as? Int == 9)
            #expect(summary["failed"] as? Int == 0)
            let logs = output.stderr.split(separator: "\n")
            #expect(!logs.isEmpty)
            for line in logs {
                let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
                #expect(object?["level"] != nil && object?["message"] != nil, "not a JSON log line: \(line)")
            }
            #expect(
                logs.contains {
                    $0.contains("\"message\":\"pushed\"") && $0.contains("\"branch\":\"steward/apps-shop\"")
                })
            #expect(
                !output.stderr.contains(RunFixture.gitToken) && !output.stderr.contains(RunFixture.forgeToken)
            )

            let again = try PackagePaths.steward().result(["run", "--config", config], in: fixture.git.root)
            #expect(again.status == 0)
            #expect(try Self.summary(again)["unchanged"] as? Int == 2)
            #expect(try Self.summary(again)["pushed"] as? Int == 0)
        }
    }

    @Test func aPushTheServerRefusesFailsTheRunAfterPublishingTheRest() async throws {
        try await RunFixture.with { fixture in
            // The server protects the shop's bot branch with a hook, as a forge's branch protection would.
            try fixture.git.write(
                """
                #!/bin/sh
                while read old new ref; do
                  if [ "$ref" = refs/heads/steward/apps-shop ]; then echo "steward/apps-shop is protected" >&2; exit 1; fi
                done

                """, to: "remotes/deploy.git/hooks/pre-receive", permissions: 0o755)
            let output = try PackagePaths.steward().result(
                ["run", "--config", try Self.writeConfiguration(fixture)], in: fixture.git.root)
            #expect(output.status == 1)
            // The failure is logged as an error even at the default log level.
            let logs = output.stderr.split(separator: "\n")
            #expect(logs.count == 1)
            #expect(
                logs.first?.contains(
                    " error steward.run: cannot push steward/apps-shop: push failed: the remote refused the update "
                        + "(refs/heads/steward/apps-shop: pre-receive hook declined)") == true)
            let summary = try Self.summary(output)
            #expect(summary["status"] as? String == "failed")
            #expect(summary["exitCode"] as? Int == 1)
            #expect(summary["opened"] as? Int == 1)
            #expect(summary["failed"] as? Int == 1)
            #expect(
                output.text.contains(
                    "steward/apps-shop      failed     cannot push steward/apps-shop: push failed: the remote refused"
                ))
            #expect(try fixture.remote("steward/apps-shop") == nil)
            #expect(fixture.forge.pullRequests.map(\.head) == ["steward/apps-payments"])
        }
    }

    @Test func aRejectedTokenAndABrokenConfigurationExitOneWithAClearMessage() async throws {
        try await RunFixture.with { fixture in
            let wrong = try fixture.git.write("ghp_wrong\n", to: "secrets/wrong-token", permissions: 0o600)
            let output = try PackagePaths.steward().result(
                ["run", "--config", try Self.writeConfiguration(fixture, forgeToken: wrong)],
                in: fixture.git.root)
            #expect(output.status == 1)
            #expect(
                output.stderr
                    == "steward: error: cannot list the open pull requests: GitHub rejected the token (401 Bad credentials) "
                    + "for GET /repos/acme/deploy/pulls\n")
            let summary = try Self.summary(output)
            #expect(summary["status"] as? String == "failed")
            #expect(summary["exitCode"] as? Int == 1)
            #expect(fixture.pushes == 0)

            let broken = try fixture.git.write(
                "repository: {url: x}\nobserve: {profile: p.json}\n", to: "broken.yaml")
            let bad = try PackagePaths.steward().result(["run", "--config", broken], in: fixture.git.root)
            #expect(bad.status == 1)
            #expect(
                bad.stderr
                    == "steward: error: \(broken):1:1: signing: required by steward run\nrepository: {url: x}\n^\n"
                    + "\(broken):2:11: observe: unknown field \"profile\"; did you mean \"profiles\"?\n"
                    + "observe: {profile: p.json}\n          ^\n")
            #expect(try Self.summary(bad)["status"] as? String == "failed")

            let usage = try PackagePaths.steward().result(["run", "--dry"], in: fixture.git.root)
            #expect(usage.status == 2)
        }
    }
}
