import Forge
import Foundation
import StewardKit
import StewardPlanner
import TestSupport
import Testing

/// `steward.yaml`: every section read, paths resolved from the file's folder, and each mistake
/// reported with its position, the line and a caret.
@Suite struct RunConfigurationTests {
    static let complete = """
        apiVersion: steward.dev/v1
        kind: Configuration
        cluster: prod
        policy: policies/prod.yaml
        repository:
          url: https://github.com/acme/deploy.git
          baseBranch: release
          tokenFile: secrets/git-token
          cacheDirectory: /var/cache/steward
        observe:
          prometheus:
            url: http://prometheus.monitoring:9090
            window: 14d
            clusterLabel: cluster
        signing:
          keyFile: /var/run/secrets/steward-signing/id_ed25519
          name: Steward Bot
          email: steward@acme.example
        forge:
          kind: forgejo
          apiURL: https://code.acme.example/api/v1
          repository: acme/deploy
          tokenFile: secrets/forge-token
        publish:
          branchPrefix: bots/steward-
          groupBy: workload
          labels: [steward, resources]
          template: .github/steward.md.mustache

        """

    /// A problem's message, with the temporary path shortened to `steward.yaml`.
    struct Problem: Error {
        var message: String
    }

    func load(_ text: String) throws -> Result<StewardConfiguration, Problem> {
        let directory = try TemporaryDirectory("steward-config")
        let file = try directory.write("conf/steward.yaml", text)
        do {
            return .success(try StewardConfiguration.load(from: file.path, for: .run))
        } catch {
            guard case .configuration = error else {
                Issue.record("expected a configuration error, got \(error)")
                return .failure(Problem(message: ""))
            }
            return .failure(
                Problem(message: error.message.replacingOccurrences(of: file.path, with: "steward.yaml")))
        }
    }

    @Test func readsEverySectionAndResolvesFilesFromTheConfigurationsFolder() throws {
        let directory = try TemporaryDirectory("steward-config")
        let file = try directory.write("conf/steward.yaml", Self.complete)
        let configuration = try StewardConfiguration.load(from: file.path, for: .run)
        let folder = directory.path("conf").path
        #expect(configuration.cluster == "prod")
        #expect(configuration.policy == "policies/prod.yaml")
        #expect(configuration.repository?.url == "https://github.com/acme/deploy.git")
        #expect(configuration.repository?.baseBranch == "release")
        #expect(configuration.repository?.tokenFile == "\(folder)/secrets/git-token")
        #expect(configuration.repository?.cacheDirectory == "/var/cache/steward")
        #expect(
            configuration.observe
                == .prometheus(
                    PrometheusSettings(
                        url: "http://prometheus.monitoring:9090", window: "14d", clusterLabel: "cluster")
                ))
        #expect(
            configuration.signing
                == SigningSettings(
                    keyFile: "/var/run/secrets/steward-signing/id_ed25519", name: "Steward Bot",
                    email: "steward@acme.example"))
        #expect(configuration.forge.kind == .gitea)
        #expect(configuration.forge.apiURL == "https://code.acme.example/api/v1")
        #expect(configuration.forge.repository == "acme/deploy")
        #expect(configuration.forge.tokenFile == "\(folder)/secrets/forge-token")
        #expect(
            configuration.publish
                == PublishSettings(
                    branchPrefix: "bots/steward-", groupBy: .workload, labels: ["steward", "resources"],
                    template: ".github/steward.md.mustache"))
    }

    @Test func theSmallestConfigurationUsesTheDefaults() throws {
        let configuration = try load(
            "repository: {url: file:///srv/deploy.git}\nobserve: {profiles: p.json}\nsigning: {keyFile: key}\n"
        ).get()
        #expect(configuration.repository?.baseBranch == "main")
        #expect(configuration.repository?.tokenUser == "x-access-token")
        #expect(configuration.policy == "policies/steward.yaml")
        #expect(configuration.forge.kind == ForgeKind.none)
        #expect(configuration.publish == PublishSettings())
        #expect(configuration.publish.branchPrefix == "steward/")
        #expect(configuration.publish.groupBy == .target)
        #expect(configuration.signing?.email == "steward@localhost")
    }

    @Test func mistakesAreReportedWithTheirPositionAndACaret() throws {
        let cases: [(String, String)] = [
            (
                Self.complete.replacingOccurrences(of: "  groupBy: workload", with: "  groupby: workload"),
                "steward.yaml:26:3: publish: unknown field \"groupby\"; did you mean \"groupBy\"?\n  groupby: workload\n  ^"
            ),
            (
                Self.complete.replacingOccurrences(of: "groupBy: workload", with: "groupBy: team"),
                "steward.yaml:26:12: publish.groupBy: expected one of target, namespace, workload, all, found \"team\"\n"
                    + "  groupBy: team\n           ^"
            ),
            (
                Self.complete.replacingOccurrences(of: "kind: forgejo", with: "kind: bitbucket"),
                "steward.yaml:20:9: forge.kind: expected one of github, gitlab, gitea, forgejo, none\n"
                    + "  kind: bitbucket\n        ^"
            ),
            (
                Self.complete.replacingOccurrences(of: "  tokenFile: secrets/forge-token\n", with: ""),
                "steward.yaml:20:9: forge.tokenFile: required for Gitea\n  kind: forgejo\n        ^"
            ),
            (
                Self.complete.replacingOccurrences(of: "bots/steward-", with: "refs/heads/steward/"),
                "steward.yaml:25:17: publish.branchPrefix: expected a branch name prefix ending in / or - "
                    + "(steward/, bots/steward-)\n  branchPrefix: refs/heads/steward/\n                ^"
            ),
            (
                Self.complete.replacingOccurrences(
                    of: "    url: http://prometheus", with: "    url: http://prometheus"
                )
                .replacingOccurrences(of: "observe:\n", with: "observe:\n  profiles: p.json\n"),
                "steward.yaml:11:3: observe: expected exactly one of profiles (a file) and prometheus (a server)\n"
                    + "  profiles: p.json\n  ^"
            ),
            (
                "repository: {url: x}\nobserve: {profiles: p.json}\n",
                "steward.yaml:1:1: signing: required by steward run\nrepository: {url: x}\n^"
            ),
            (
                "repository: {url: x}\nobserve: {profiles: [a, b]}\nsigning: {keyFile: k}\n",
                "steward.yaml:2:21: observe.profiles: expected a non-empty string\n"
                    + "observe: {profiles: [a, b]}\n                    ^"
            ),
        ]
        for (text, message) in cases {
            let result = try load(text)
            guard case .failure(let error) = result else {
                Issue.record("expected an error: \(message)")
                continue
            }
            #expect(error.message == message)
        }
    }

    @Test func aMissingFileAndBrokenYAMLAreReported() throws {
        #expect(throws: StewardError.self) {
            try StewardConfiguration.load(from: "/nonexistent/steward.yaml", for: .run)
        }
        let error = try #require(throws: StewardError.self) {
            try StewardConfiguration.load(from: "/nonexistent/steward.yaml", for: .run)
        }
        #expect(error.message == "/nonexistent/steward.yaml: cannot read the configuration file")
        guard case .failure(let broken) = try load("repository: {url: x\n") else {
            Issue.record("expected a YAML error")
            return
        }
        #expect(broken.message.hasPrefix("steward.yaml:"))
    }
}
