import Profiles
import PrometheusSimulator
import TestSupport
import Testing

@Suite("https with a private CA, against a real Prometheus serving TLS")
struct PrometheusTLSTests {
    @Test("trusted with --ca-file, refused without it")
    func customCA() async throws {
        let authority = try TestCertificateAuthority.make()
        defer { authority.remove() }
        let fixture = try await FixtureServer.start(webConfig: authority.prometheusWebConfig)
        defer { fixture.server.stop() }
        #expect(fixture.server.url.hasPrefix("https://127.0.0.1:"))

        let trusted = try FixtureServer.client(fixture.server.url, caFile: authority.caFile)
        defer { Task { try await trusted.shutdown() } }
        let response = try await trusted.query("count(kube_pod_owner)", at: FixtureServer.windowEnd)
        guard case .vector(let samples) = response.data else { throw PrometheusSupportError("not a vector") }
        #expect(samples.map(\.value) == [Double(FixtureServer.podsAliveAtEnd)])

        let untrusted = try FixtureServer.client(fixture.server.url)
        defer { Task { try await untrusted.shutdown() } }
        do {
            _ = try await untrusted.query("count(kube_pod_owner)", at: FixtureServer.windowEnd)
            Issue.record("a certificate from an unknown CA was accepted")
        } catch {
            guard case .unreachable(let detail) = error.reason else {
                Issue.record("unexpected reason \(error.reason)")
                return
            }
            #expect(
                detail.contains("certificate") || detail.contains("handshake") || detail.contains("SSL"),
                "\(detail)")
        }
    }
}
