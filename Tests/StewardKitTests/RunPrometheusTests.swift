import Foundation
import PlanFixtures
import Profiles
import PrometheusSimulator
import StewardKit
import StewardPlanner
import TestSupport
import Testing

/// `steward run` observing a real Prometheus (Debian's, over backfilled history) instead of a
/// profiles file: the queries end up in the pull request and in the evidence notes.
@Suite struct RunPrometheusTests {
    static let web = """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web, namespace: shop}
        spec:
          replicas: 3
          template:
            spec:
              containers:
                - name: app
                  image: example/web:1.0
                  resources:
                    requests: {cpu: 300m, memory: 512Mi}
                    limits: {cpu: "1", memory: 1Gi}
                - name: istio-proxy
                  image: istio/proxyv2:1.22
                  resources:
                    requests: {cpu: 100m, memory: 128Mi}
                    limits: {cpu: 500m, memory: 256Mi}

        """

    @Test func aRunCollectsFromPrometheusAndCitesItsQueries() async throws {
        let history = ClusterHistory.fixture()
        let prometheus = try await PrometheusServer.start(history: history)
        defer { prometheus.stop() }
        let files = ["policies/steward.yaml": ShopRepository.policy, "apps/shop/web.yaml": Self.web]
        try await RunFixture.with(
            files: files, profiles: UsageProfiles(window: ShopRepository.window, profiles: [])
        ) {
            fixture in
            fixture.configuration.observe = .prometheus(
                PrometheusSettings(url: prometheus.url, window: "1d", step: "5m", clusterLabel: "cluster"))
            let now = Date(timeIntervalSince1970: TimeInterval(history.end))
            let report = try await Runner(RunRequest(configuration: fixture.configuration, now: now)).run()
            #expect(report.exitStatus == .success, "\(report.text)")
            #expect(report.window == Window(start: Double(history.end - 86_400), end: Double(history.end)))
            #expect(report.outcomes.map(\.branch) == ["steward/apps-shop"])
            #expect(report.outcomes.map(\.action) == [.opened])
            let body = try #require(fixture.forge.pullRequest(1)?.body)
            #expect(
                body.contains(
                    "Usage came from Prometheus at \(prometheus.url), step 5m, collected by steward "))
            #expect(body.contains("<details><summary>PromQL queries</summary>\n\n```promql\n"))
            #expect(body.contains("container_memory_working_set_bytes"))
            let commits = try fixture.commits(on: "steward/apps-shop")
            #expect(commits.count == 2)
            let note = try fixture.git.git(["notes", "--ref=steward", "show", commits[0]], in: fixture.bare)
            #expect(note.contains("\"prometheus\" : \"\(prometheus.url)\""))
            #expect(note.contains("\"queries\" : ["))
        }
    }
}
