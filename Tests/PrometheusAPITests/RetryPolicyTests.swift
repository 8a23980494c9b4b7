import ClientSupport
import Profiles
import Testing

@testable import PrometheusAPI

@Suite("Retry backoff and secret redaction")
struct RetryPolicyTests {
    @Test("waits double from the initial delay up to the maximum; Retry-After can lengthen them")
    func backoff() {
        let policy = RetryPolicy(maxAttempts: 5, initialDelay: .milliseconds(500), maxDelay: .seconds(3))
        #expect(
            (1...4).map { policy.delay(afterAttempt: $0, retryAfter: nil) } == [
                .milliseconds(500), .seconds(1), .seconds(2), .seconds(3),
            ])
        #expect(policy.delay(afterAttempt: 1, retryAfter: .seconds(2)) == .seconds(2))
        #expect(policy.delay(afterAttempt: 1, retryAfter: .seconds(60)) == .seconds(3))
        #expect(RetryPolicy(maxAttempts: 0).maxAttempts == 1)
    }

    @Test("secrets and URL credentials are replaced")
    func redaction() {
        let redactor = Redactor(
            secrets: PrometheusAuthentication.basic(username: "bot", password: "pw-1").secrets)
        #expect(redactor("got Basic Ym90OnB3LTE= and pw-1") == "got Basic <redacted> and <redacted>")
        #expect(
            Redactor.url("https://bot:pw@mimir.example/prometheus")
                == "https://<redacted>@mimir.example/prometheus")
        #expect(
            Redactor.url("http://prometheus:9090/api/v1/query?x=a@b")
                == "http://prometheus:9090/api/v1/query?x=a@b")
    }

    @Test("a cluster name is escaped inside the matcher")
    func clusterMatcher() {
        let queries = ProfileQueries(
            options: CollectionOptions(clusterLabel: "k8s_cluster", cluster: #"eu "west"\1"#))
        #expect(
            queries.memoryUsage
                == #"container_memory_working_set_bytes{container!="", k8s_cluster="eu \"west\"\\1"}"#
        )
    }
}
