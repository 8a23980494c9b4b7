import AsyncHTTPClient
import ClientSupport
import Foundation
import Logging
import NIOCore
import NIOHTTP1
import NIOSSL
import Profiles

/// A client of the Prometheus HTTP API (`/api/v1/query`, `/api/v1/query_range`), which Thanos
/// Query and Mimir serve too.
///
/// Queries are sent as form-encoded POSTs, so that long PromQL never meets a URL length limit.
/// Failures are retried per ``RetryPolicy``. Call ``shutdown()`` when done, or use
/// ``withClient(configuration:logger:_:)``.
public final class PrometheusClient: Sendable {
    public let configuration: PrometheusConfiguration
    private let http: HTTPClient
    private let redactor: Redactor
    private let authorization: String?
    private let logger: Logger

    /// - Throws: ``PrometheusConfigurationError`` when the CA file cannot be read.
    public init(configuration: PrometheusConfiguration, logger: Logger = Logger(label: "steward.prometheus"))
        throws(PrometheusConfigurationError)
    {
        var tls = TLSConfiguration.makeClientConfiguration()
        if let caFile = configuration.caFile {
            do {
                let certificates = try NIOSSLCertificate.fromPEMFile(caFile)
                guard !certificates.isEmpty else {
                    throw PrometheusConfigurationError("CA file \(caFile) holds no PEM certificate")
                }
                tls.trustRoots = .certificates(certificates)
            } catch let error as PrometheusConfigurationError {
                throw error
            } catch {
                throw PrometheusConfigurationError("cannot read the CA file \(caFile): \(error)")
            }
        }
        let timeout = TimeAmount.milliseconds(configuration.timeout.milliseconds)
        var pool = HTTPClient.Configuration.ConnectionPool(idleTimeout: .seconds(30))
        // AsyncHTTPClient would otherwise retry a refused connection until the deadline; the
        // RetryPolicy bounds retries instead, so that a down Prometheus is reported in seconds.
        pool.retryConnectionEstablishment = false
        let httpConfiguration = HTTPClient.Configuration(
            tlsConfiguration: tls,
            redirectConfiguration: .follow(max: 3, allowCycles: false),
            timeout: .init(connect: min(timeout, .seconds(10)), read: timeout),
            connectionPool: pool,
            // No gzip: compressing a 20 MB range result costs Prometheus seconds of CPU (measured
            // 2-5 s against 0.1 s here), the load this client exists to avoid.
            decompression: .disabled
        )
        self.configuration = configuration
        self.http = HTTPClient(eventLoopGroupProvider: .singleton, configuration: httpConfiguration)
        self.redactor = Redactor(secrets: configuration.authentication.secrets)
        self.authorization = configuration.authentication.headerValue
        self.logger = logger
    }

    /// Creates a client, runs `body` with it, and shuts it down whatever `body` does.
    public static func withClient<Result: Sendable>(
        configuration: PrometheusConfiguration, logger: Logger = Logger(label: "steward.prometheus"),
        _ body: (PrometheusClient) async throws -> Result
    ) async throws -> Result {
        let client = try PrometheusClient(configuration: configuration, logger: logger)
        do {
            let result = try await body(client)
            try await client.shutdown()
            return result
        } catch {
            try? await client.shutdown()
            throw error
        }
    }

    /// Closes the connections. The client cannot be used afterwards.
    public func shutdown() async throws {
        try await http.shutdown()
    }

    /// An instant query evaluated at `time` (unix seconds).
    ///
    /// - Parameter statistics: ask for `stats=all`, to learn the samples the query touched.
    public func query(_ query: String, at time: Double, statistics: Bool = false)
        async throws(PrometheusError)
        -> QueryResponse
    {
        var form = [("query", query), ("time", Self.format(time))]
        if statistics { form.append(("stats", "all")) }
        return try await send(path: "query", query: query, form: form)
    }

    /// A range query evaluated at `start`, `start + step`, … up to `end` (unix seconds).
    public func queryRange(
        _ query: String, start: Double, end: Double, step: PrometheusDuration, statistics: Bool = false
    ) async throws(PrometheusError) -> QueryResponse {
        var form = [
            ("query", query), ("start", Self.format(start)), ("end", Self.format(end)),
            ("step", Self.format(step.seconds)),
        ]
        if statistics { form.append(("stats", "all")) }
        return try await send(path: "query_range", query: query, form: form)
    }

    // MARK: Sending

    /// The outcome of one attempt: an answer, or a failure and whether it is worth retrying.
    private enum Attempt {
        case answer(QueryResponse)
        case failure(PrometheusError.Reason, retryable: Bool, retryAfter: Duration?)
    }

    private func send(path: String, query: String, form: [(String, String)]) async throws(PrometheusError)
        -> QueryResponse
    {
        let endpoint = Redactor.url(configuration.endpoint(path))
        let policy = configuration.retry
        return try await policy.run { attempt -> RetryPolicy.Outcome<QueryResponse, PrometheusError> in
            let started = ContinuousClock.now
            switch await sendOnce(url: configuration.endpoint(path), form: form) {
            case .answer(let response):
                logger.debug(
                    "query answered",
                    metadata: [
                        "endpoint": "\(endpoint)", "attempt": "\(attempt)",
                        "seconds":
                            "\((ContinuousClock.now - started).formatted(.units(allowed: [.seconds], fractionalPart: .show(length: 3))))",
                    ])
                return .success(response)
            case .failure(let reason, let retryable, let retryAfter):
                let error = PrometheusError(
                    endpoint: endpoint, query: query, reason: reason, attempts: attempt)
                guard retryable, !Task.isCancelled else { return .failure(error) }
                return .retry(error, after: policy.delay(afterAttempt: attempt, retryAfter: retryAfter))
            }
        } pause: { delay, error, next throws(PrometheusError) in
            // Notice, not warning: a retried query that then succeeds needs no attention.
            logger.notice(
                "retrying a failed query",
                metadata: ["error": "\(error)", "delay": "\(delay)", "attempt": "\(next - 1)"])
            // A cancelled wait ends early; the next attempt then fails and is not retried.
            try? await Task.sleep(for: delay)
        }
    }

    private func sendOnce(url: String, form: [(String, String)]) async -> Attempt {
        var request = HTTPClientRequest(url: url)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/x-www-form-urlencoded")
        request.headers.add(name: "Accept", value: "application/json")
        request.headers.add(name: "User-Agent", value: "steward")
        for (name, value) in configuration.headers.sorted(by: { $0.key < $1.key }) {
            request.headers.add(name: name, value: value)
        }
        if let authorization {
            request.headers.add(name: "Authorization", value: authorization)
        }
        request.body = .bytes(ByteBuffer(string: Self.formEncode(form)))
        let status: Int
        let retryAfter: Duration?
        let body: ByteBuffer
        do {
            let response = try await http.execute(
                request, timeout: .milliseconds(configuration.timeout.milliseconds))
            status = Int(response.status.code)
            retryAfter = response.headers.first(name: "Retry-After").flatMap {
                RetryAfter.wait($0, now: Date())
            }
            body = try await response.body.collect(upTo: configuration.maxResponseBytes)
        } catch let error as HTTPClientError
            where error == .deadlineExceeded || error == .readTimeout || error == .writeTimeout
        {
            return .failure(.timeout(configuration.timeout), retryable: false, retryAfter: nil)
        } catch let error as NIOTooManyBytesError {
            _ = error
            return .failure(
                .malformedResponse("the body exceeds \(configuration.maxResponseBytes) bytes"),
                retryable: false, retryAfter: nil)
        } catch {
            return .failure(.unreachable(redactor("\(error)")), retryable: true, retryAfter: nil)
        }
        let parsed: Result<APIEnvelope, ResponseFormatError> = body.withUnsafeReadableBytes { raw in
            do throws(ResponseFormatError) {
                return .success(try APIResponseParser.parse(raw))
            } catch {
                return .failure(error)
            }
        }
        let retryable = status >= 500 || status == 429
        switch parsed {
        case .success(.success(let response)) where status == 200:
            return .answer(response)
        case .success(.failure(let errorType, let message, _)):
            return .failure(
                .api(errorType: errorType, message: redactor(message), httpStatus: status),
                retryable: retryable, retryAfter: retryAfter)
        case .success(.success):
            return .failure(
                .httpStatus(status, body: redactor(Self.snippet(body))), retryable: retryable,
                retryAfter: retryAfter)
        case .failure(let formatError):
            if status != 200 {
                return .failure(
                    .httpStatus(status, body: redactor(Self.snippet(body))), retryable: retryable,
                    retryAfter: retryAfter)
            }
            return .failure(.malformedResponse(redactor("\(formatError)")), retryable: false, retryAfter: nil)
        }
    }

    /// The start of a non-JSON body, e.g. a proxy's HTML error page, on one line.
    private static func snippet(_ body: ByteBuffer) -> String {
        let text = String(decoding: body.readableBytesView.prefix(200), as: UTF8.self)
        let line = text.split(whereSeparator: \.isNewline).joined(separator: " ")
        return body.readableBytes > 200 ? line + "…" : line
    }

    /// Unix seconds as Prometheus reads them: integral when whole, else to the millisecond.
    static func format(_ seconds: Double) -> String {
        if seconds == seconds.rounded() {
            return String(Int64(seconds))
        }
        return String(format: "%.3f", seconds)
    }

    /// RFC 3986's unreserved characters; everything else, non-ASCII included, is percent-encoded.
    private static let formAllowed = CharacterSet(
        charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")

    static func formEncode(_ form: [(String, String)]) -> String {
        form.map { name, value in
            let encoded = value.addingPercentEncoding(withAllowedCharacters: formAllowed) ?? value
            return "\(name)=\(encoded)"
        }.joined(separator: "&")
    }
}
