import ClientSupport
import Testing

@testable import PrometheusAPI

/// What the Prometheus client adds to the shared client support: the secrets of its
/// authentication, and the cluster matcher of its queries.
@Suite("Prometheus secrets and cluster matchers")
struct QueryAndSecretTests {
    @Test("the basic-auth password and its encoded header are both secrets")
    func redaction() {
        let redactor = Redactor(
            secrets: PrometheusAuthentication.basic(username: "bot", password: "pw-1").secrets)
        #expect(redactor("got Basic Ym90OnB3LTE= and pw-1") == "got Basic <redacted> and <redacted>")
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
