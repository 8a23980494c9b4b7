import Foundation
import StewardKit
import StewardPlanner
import TestSupport
import Testing
import YAMLSyntax

/// `.github-examples/run.yml`: the scheduled workflow parses, never runs twice at once, and the
/// configuration it writes loads.
@Suite struct GitHubExamplesTests {
    @Test func theScheduledWorkflowWritesAConfigurationThatLoads() throws {
        let path = PackagePaths.root.appendingPathComponent(".github-examples/run.yml").path
        let workflow = try #require(try YAMLFile(contentsOf: path).documents.first?.value)
        let cron = try #require(workflow["on"]?["schedule"].flatMap(Self.first)?["cron"]?.scalarText)
        #expect(cron.split(separator: " ").dropFirst() == ["*", "*", "*", "*"])
        #expect(workflow["concurrency"]?["cancel-in-progress"] == .bool(false))
        guard case .sequence(let steps) = workflow["jobs"]?["run"]?["steps"] else {
            Issue.record("no steps")
            return
        }
        let script = try #require(steps.compactMap { $0["run"]?.scalarText }.first { $0.contains("<<YAML") })
        let start = try #require(script.range(of: "<<YAML\n"))
        let end = try #require(script.range(of: "\nYAML\n", range: start.upperBound..<script.endIndex))
        // GitHub fills the expressions in; any plausible value does here.
        let heredoc = String(script[start.upperBound..<end.lowerBound])
        let configuration = try NSRegularExpression(pattern: #"\$\{\{[^}]*\}\}"#).stringByReplacingMatches(
            in: heredoc, range: NSRange(heredoc.startIndex..., in: heredoc),
            withTemplate: "https://example.test/x")
        let directory = try TemporaryDirectory("steward-workflow")
        let loaded = try StewardConfiguration.load(
            from: try directory.write("steward.yaml", configuration + "\n").path, for: .run)
        #expect(loaded.repository?.tokenFile == directory.path("token").path)
        #expect(loaded.signing?.keyFile == directory.path("signing_key").path)
        #expect(loaded.forge.kind == .github)
    }

    static func first(_ value: YAMLValue) -> YAMLValue? {
        guard case .sequence(let items) = value else { return nil }
        return items.first
    }
}
