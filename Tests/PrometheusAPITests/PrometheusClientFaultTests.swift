import Foundation
import Profiles
import PrometheusAPI
import PrometheusSimulator
import TestSupport
import Testing

@Suite("The Prometheus client against faults in front of a real Prometheus")
struct PrometheusClientFaultTests {
    let query = "count(kube_pod_owner)"
    let time = FixtureServer.windowEnd

    func withProxy<T>(
        _ faults: [PrometheusFaultProxy.Fault], _ body: (PrometheusFaultProxy) async throws -> T
    )
        async throws -> T
    {
        let fixture = try await FixtureServer.start()
        defer { fixture.server.stop() }
        let proxy = try await PrometheusFaultProxy.start(upstream: fixture.server.url, faults: faults)
        defer { proxy.stop() }
        return try await body(proxy)
    }

    func expectFailure(
        _ client: PrometheusClient, query: String? = nil, sourceLocation: SourceLocation = #_sourceLocation
    ) async -> PrometheusError? {
        do {
            _ = try await client.query(query ?? self.query, at: time)
            Issue.record("the query succeeded", sourceLocation: sourceLocation)
            return nil
        } catch {
            return error
        }
    }

    @Test("500 twice, then 200: retried, and the answer is the real one")
    func retriesThenSucceeds() async throws {
        try await withProxy([.status(500, body: "upstream hiccup", times: 2)]) { proxy in
            let client = try FixtureServer.client(proxy.url)
            defer { Task { try await client.shutdown() } }
            let response = try await client.query(query, at: time)
            guard case .vector(let samples) = response.data else {
                throw PrometheusSupportError("not a vector")
            }
            #expect(samples.map(\.value) == [Double(FixtureServer.podsAliveAtEnd)])
            #expect(proxy.requestCount == 3)
        }
    }

    @Test("always 503: three attempts, then an error naming the endpoint and the query")
    func givesUp() async throws {
        try await withProxy([.status(503, body: "overloaded", headers: ["Retry-After": "0"])]) { proxy in
            let client = try FixtureServer.client(proxy.url)
            defer { Task { try await client.shutdown() } }
            let error = try #require(await expectFailure(client))
            #expect(proxy.requestCount == 3)
            #expect(error.attempts == 3)
            #expect(
                error.description
                    == "\(proxy.url)/api/v1/query: query \"count(kube_pod_owner)\" failed: HTTP 503: overloaded (gave up after 3 attempts)"
            )
        }
    }

    @Test("429 is retried like a 5xx")
    func tooManyRequests() async throws {
        try await withProxy([.status(429, body: "slow down", times: 1)]) { proxy in
            let client = try FixtureServer.client(proxy.url)
            defer { Task { try await client.shutdown() } }
            _ = try await client.query(query, at: time)
            #expect(proxy.requestCount == 2)
        }
    }

    @Test("Prometheus' own error body (bad PromQL): not retried, errorType and message shown")
    func errorBody() async throws {
        try await withProxy([]) { proxy in
            let client = try FixtureServer.client(proxy.url)
            defer { Task { try await client.shutdown() } }
            let error = try #require(await expectFailure(client, query: "sum(rate(x[5m])"))
            #expect(proxy.requestCount == 1)
            guard case .api(let type, let message, let status) = error.reason else {
                Issue.record("unexpected reason \(error.reason)")
                return
            }
            #expect(type == "bad_data" && status == 400)
            #expect(message.contains("parse error"))
            #expect(
                error.description.hasPrefix(
                    "\(proxy.url)/api/v1/query: query \"sum(rate(x[5m])\" failed: HTTP 400, bad_data: "))
        }
    }

    @Test("slower than the timeout: one attempt, a timeout error")
    func slow() async throws {
        try await withProxy([.delay(.seconds(3))]) { proxy in
            let client = try FixtureServer.client(proxy.url, timeout: .milliseconds(300))
            defer { Task { try await client.shutdown() } }
            let error = try #require(await expectFailure(client))
            #expect(error.reason == .timeout(.milliseconds(300)))
            #expect(error.description.hasSuffix("failed: no answer within 300ms (--timeout)"))
            #expect(proxy.requestCount == 1)
        }
    }

    @Test("nothing listening: connection errors are retried, then reported")
    func down() async throws {
        let proxy = try await PrometheusFaultProxy.start(upstream: "http://127.0.0.1:9", faults: [])
        let url = proxy.url
        proxy.stop()
        let client = try FixtureServer.client(url)
        defer { Task { try await client.shutdown() } }
        let error = try #require(await expectFailure(client))
        guard case .unreachable(let detail) = error.reason else {
            Issue.record("unexpected reason \(error.reason)")
            return
        }
        #expect(detail.lowercased().contains("refused"), "\(detail)")
        #expect(error.attempts == 3)
        #expect(
            error.description.hasPrefix(
                "\(url)/api/v1/query: query \"count(kube_pod_owner)\" failed: cannot connect: "))
    }

    @Test("a partial response's warnings reach the collection and the file")
    func warnings() async throws {
        try await withProxy([.warnings(["store gateway eu-1 unreachable: partial response"])]) { proxy in
            let collection = try await FixtureServer.collect(proxy.url)
            #expect(
                collection.warnings == [
                    "Prometheus warning: store gateway eu-1 unreachable: partial response"
                ])
            #expect(collection.profiles.source?.warnings == collection.warnings)
            #expect(collection.profiles.profiles.count == 16)
        }
    }

    @Test("every query failing: the collection fails, naming the endpoint")
    func nothingUsable() async throws {
        try await withProxy([.status(500, body: "boom")]) { proxy in
            let client = try FixtureServer.client(proxy.url)
            defer { Task { try await client.shutdown() } }
            do throws(CollectionError) {
                _ = try await ProfileCollector(client: client, options: FixtureServer.options()).collect()
                Issue.record("the collection succeeded")
            } catch {
                #expect(
                    error.message.hasPrefix(
                        "cannot map pods to workloads: \(proxy.url)/api/v1/query: query \"group by (cluster, namespace, pod, owner_kind"
                    ))
                #expect(error.message.hasSuffix("failed: HTTP 500: boom (gave up after 3 attempts)"))
            }
        }
    }

    @Test("a bearer token from a file is sent, and never shown in errors or logs")
    func bearerToken() async throws {
        let secret = "s3cr3t-t0ken-\(UUID().uuidString)"
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("token-\(UUID())").path
        try "\(secret)\n".write(toFile: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: file) }
        try await withProxy([.requireAuthorization("Bearer right-token", echo: true)]) { proxy in
            let logs = CapturedLogs()
            let configuration = try PrometheusConfiguration(
                baseURL: proxy.url, authentication: try .bearerToken(fromFile: file),
                retry: FixtureServer.quickRetry)
            let client = try PrometheusClient(configuration: configuration, logger: logs.logger())
            defer { Task { try await client.shutdown() } }
            let error = try #require(await expectFailure(client))
            #expect(proxy.authorizations.first == "Bearer \(secret)")
            #expect(
                error.description.contains("HTTP 401: unauthorized: got Authorization: Bearer <redacted>"))
            #expect(!error.description.contains(secret))
            #expect(!logs.text.contains(secret))

            try "right-token".write(toFile: file, atomically: true, encoding: .utf8)
            let good = try PrometheusClient(
                configuration: try PrometheusConfiguration(
                    baseURL: proxy.url, authentication: try .bearerToken(fromFile: file)))
            defer { Task { try await good.shutdown() } }
            _ = try await good.query(query, at: time)
        }
    }

    @Test("Basic auth from a username:password file")
    func basicAuth() async throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("basic-\(UUID())").path
        try "steward:pa:ss\n".write(toFile: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: file) }
        let expected = "Basic " + Data("steward:pa:ss".utf8).base64EncodedString()
        try await withProxy([.requireAuthorization(expected, echo: true)]) { proxy in
            let client = try PrometheusClient(
                configuration: try PrometheusConfiguration(
                    baseURL: proxy.url, authentication: try .basic(fromFile: file)))
            defer { Task { try await client.shutdown() } }
            _ = try await client.query(query, at: time)
            #expect(proxy.authorizations == [expected])
        }
    }

    @Test("unusable secret files and URLs are refused before any request")
    func badConfiguration() throws {
        #expect(throws: PrometheusConfigurationError("cannot read the token file /nonexistent/token")) {
            try PrometheusAuthentication.bearerToken(fromFile: "/nonexistent/token")
        }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("basic-\(UUID())").path
        try "no-colon-here\n".write(toFile: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: file) }
        #expect(
            throws: PrometheusConfigurationError(
                "basic-auth file \(file): expected one line \"username:password\"")
        ) {
            try PrometheusAuthentication.basic(fromFile: file)
        }
        #expect(
            throws: PrometheusConfigurationError(
                "--prometheus <redacted>@prom:9090: expected an http:// or https:// URL")
        ) {
            try PrometheusConfiguration(baseURL: "user:pw@prom:9090")
        }
        #expect(
            throws: PrometheusConfigurationError(
                "--prometheus http://<redacted>@prom:9090: put credentials in --basic-auth-file, not in the URL"
            )
        ) {
            try PrometheusConfiguration(baseURL: "http://user:pw@prom:9090")
        }
        #expect(throws: PrometheusConfigurationError.self) {
            try PrometheusClient(
                configuration: try PrometheusConfiguration(
                    baseURL: "https://prom", caFile: "/nonexistent/ca.pem"))
        }
    }
}
