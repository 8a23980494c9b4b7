import AsyncHTTPClient
import ClientSupport
import Foundation
import Logging
import NIOCore
import NIOHTTP1

/// The one HTTP client of a forge client: it adds the forge's headers, retries 5xx and
/// connection failures, waits out rate limits within the policy, turns failures into
/// ``ForgeError`` values, and follows pagination.
///
/// It owns its `HTTPClient`, which ``shutdown()`` releases. Redirects are not followed: a
/// redirected API call would carry the token to wherever the `Location` points.
final class ForgeHTTP: Sendable {
    /// The forge this talks to, for messages.
    let forge: ForgeKind
    /// The API base URL without a trailing slash (`https://api.github.com`).
    let baseURL: String
    private let origin: URLOrigin
    private let redact: Redactor
    private let headers: [(String, String)]
    private let limits: ForgeLimits
    private let logger: Logger
    private let client: HTTPClient

    /// Makes a client for `baseURL` that sends `authorization` and `headers` with every request,
    /// and retries, waits out rate limits and times requests out per `limits`.
    init(
        forge: ForgeKind, baseURL: String, token: ForgeToken, authorization: (name: String, value: String),
        headers: [(String, String)], limits: ForgeLimits, logger: Logger
    ) throws(ForgeError) {
        self.forge = forge
        self.baseURL = baseURL
        self.origin = try URLOrigin(baseURL, forge: forge)
        self.redact = Redactor(secrets: [token.secret])
        self.headers = [(authorization.name, authorization.value), ("User-Agent", "steward")] + headers
        self.limits = limits
        self.logger = logger
        self.client = HTTPClient(
            eventLoopGroup: HTTPClient.defaultEventLoopGroup,
            configuration: HTTPClient.Configuration(redirectConfiguration: .disallow))
    }

    /// Releases the connections; no request may follow.
    func shutdown() async throws(ForgeError) {
        do {
            try await client.shutdown()
        } catch {
            throw ForgeError(
                code: .transport, forge: forge, message: "shutting down the HTTP client: \(error)")
        }
    }

    /// Sends a request to `path` (relative to the base URL, already percent-encoded) and returns
    /// the forge's 2xx answer.
    /// - Throws: ``ForgeError`` for any other answer, after the retries the policy allows.
    func send(
        _ method: HTTPMethod, _ path: String, query: [(String, String)] = [], json: JSONValue? = nil
    ) async throws(ForgeError) -> ForgeResponse {
        try await send(method, url: baseURL + path + Self.queryString(query), json: json)
    }

    /// Every page of a list, first to last, following the `Link: <…>; rel="next"` header.
    func sendAllLinkedPages(_ path: String, query: [(String, String)]) async throws(ForgeError)
        -> [ForgeResponse]
    {
        var pages = [try await send(.GET, path, query: query)]
        while let next = pages.last?.header("link").flatMap({ LinkHeader.target(of: "next", in: $0) }) {
            guard origin.contains(next) else {
                throw ForgeError(
                    code: .invalidResponse, forge: forge, request: pages.last?.request,
                    message: "the next page is on another server (\(Redactor.url(next))); "
                        + "Steward does not send the token there")
            }
            try checkPageCount(pages)
            pages.append(try await send(.GET, url: next, json: nil))
        }
        return pages
    }

    /// Every page of a GitLab list, first to last, following the `X-Next-Page` header.
    func sendAllNumberedPages(_ path: String, query: [(String, String)]) async throws(ForgeError)
        -> [ForgeResponse]
    {
        var pages = [try await send(.GET, path, query: query)]
        while let next = pages.last?.header("x-next-page"), !next.isEmpty {
            guard let number = Int(next), number > 0 else {
                throw ForgeError(
                    code: .invalidResponse, forge: forge, request: pages.last?.request,
                    message: "X-Next-Page is \(next), not a page number")
            }
            try checkPageCount(pages)
            pages.append(try await send(.GET, path, query: query + [("page", String(number))]))
        }
        return pages
    }

    /// Decodes a JSON answer.
    /// - Throws: ``ForgeError/Code/invalidResponse`` naming the field that did not fit.
    func decode<Value: Decodable>(_ type: Value.Type, from response: ForgeResponse) throws(ForgeError)
        -> Value
    {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        do {
            return try decoder.decode(type, from: Data(response.body))
        } catch {
            throw ForgeError(
                code: .invalidResponse, forge: forge, request: response.request, status: response.status,
                message: redact(Self.describe(error)))
        }
    }

    // Pagination is bounded so that a server that always announces a next page cannot keep a
    // run going forever.
    private func checkPageCount(_ pages: [ForgeResponse]) throws(ForgeError) {
        if pages.count >= Self.maximumPages {
            throw ForgeError(
                code: .invalidResponse, forge: forge, request: pages.last?.request,
                message: "the list goes on past \(Self.maximumPages) pages")
        }
    }

    private static let maximumPages = 200

    private func send(_ method: HTTPMethod, url: String, json: JSONValue?) async throws(ForgeError)
        -> ForgeResponse
    {
        let request = "\(method.rawValue) \(endpoint(of: url))"
        return try await limits.retry.run { attempt in
            await self.attempt(attempt, method, url: url, json: json, request: request)
        } pause: { wait, failure, next throws(ForgeError) in
            try await pause(wait, before: next, request, because: Self.reason(for: failure))
        }
    }

    /// One attempt at a request; a retryable failure carries the error to report if it is the last.
    private func attempt(
        _ attempt: Int, _ method: HTTPMethod, url: String, json: JSONValue?, request: String
    ) async -> RetryPolicy.Outcome<ForgeResponse, ForgeError> {
        let response: ForgeResponse
        do {
            response = try await perform(method, url: url, json: json, request: request)
        } catch {
            let failure = ForgeError(
                code: .transport, forge: forge, request: request, message: redact(String(describing: error)),
                detail: "gave up after \(attempt) attempts")
            return .retry(failure, after: limits.retry.delay(afterAttempt: attempt, retryAfter: nil))
        }
        logger.debug(
            "forge answered",
            metadata: [
                "forge": "\(forge.displayName)", "request": "\(request)", "status": "\(response.status)",
                "attempt": "\(attempt)",
            ])
        if (200..<300).contains(response.status) { return .success(response) }
        let backoff = limits.retry.delay(afterAttempt: attempt, retryAfter: nil)
        if let limit = RateLimit(response, now: Date()) {
            // GitHub asks for at least a minute when a secondary limit comes without a hint.
            let wait = limit.wait ?? (forge == .github ? max(.seconds(60), backoff) : backoff)
            if wait > limits.maximumRateLimitWait {
                return .failure(
                    failure(
                        response, code: .rateLimited,
                        detail: "the forge asks to wait \(wait.secondsText), longer than the "
                            + "\(limits.maximumRateLimitWait.secondsText) Steward may wait"))
            }
            return .retry(
                failure(response, code: .rateLimited, detail: "still limited after \(attempt) attempts"),
                after: wait)
        }
        if response.status >= 500 {
            return .retry(
                failure(response, code: .serverError, detail: "gave up after \(attempt) attempts"),
                after: backoff)
        }
        return .failure(
            failure(response, code: Self.code(for: response.status), detail: Self.hint(for: response)))
    }

    /// Why a request is retried, for the log line: the failure it would end with otherwise.
    private static func reason(for failure: ForgeError) -> String {
        switch failure.code {
        case .rateLimited: "rate limited"
        case .serverError: "server error \(failure.status.map(String.init) ?? "")"
        default: "unreachable"
        }
    }

    private func perform(
        _ method: HTTPMethod, url: String, json: JSONValue?, request: String
    ) async throws -> ForgeResponse {
        var outgoing = HTTPClientRequest(url: url)
        outgoing.method = method
        for (name, value) in headers { outgoing.headers.add(name: name, value: value) }
        if let json {
            outgoing.headers.add(name: "Content-Type", value: "application/json")
            outgoing.body = .bytes(ByteBuffer(bytes: json.encoded()))
        }
        let timeout = TimeAmount.nanoseconds(limits.requestTimeout.nanoseconds)
        let response = try await client.execute(outgoing, timeout: timeout)
        let body = try await response.body.collect(upTo: Self.maximumBodyBytes)
        return ForgeResponse(
            status: Int(response.status.code), headers: response.headers, body: Array(buffer: body),
            request: request)
    }

    private static let maximumBodyBytes = 32 * 1024 * 1024

    private func pause(
        _ wait: Duration, before attempt: Int, _ request: String, because reason: String
    ) async throws(ForgeError) {
        logger.notice(
            "forge request will be retried",
            metadata: [
                "forge": "\(forge.displayName)", "request": "\(request)", "reason": "\(reason)",
                "wait": "\(wait.secondsText)", "attempt": "\(attempt)",
            ])
        do {
            try await Task.sleep(for: wait)
        } catch {
            throw ForgeError(
                code: .transport, forge: forge, request: request, message: "cancelled while waiting to retry")
        }
    }

    private func failure(_ response: ForgeResponse, code: ForgeError.Code, detail: String?) -> ForgeError {
        ForgeError(
            code: code, forge: forge, request: response.request, status: response.status,
            message: redact(ForgeErrorBody.message(status: response.status, body: response.body)),
            detail: detail.map(redact.callAsFunction))
    }

    private static func code(for status: Int) -> ForgeError.Code {
        switch status {
        case 401: .unauthorized
        case 403: .forbidden
        case 404: .notFound
        case 409, 422: .conflict
        default: .unexpectedStatus
        }
    }

    private static func hint(for response: ForgeResponse) -> String? {
        switch response.status {
        case 300..<400:
            let location = response.header("location").map { " to \(Redactor.url($0))" } ?? ""
            return
                "the API URL or repository moved\(location); Steward does not follow redirects with a token"
        case 404:
            return "check the repository name and that the token can see it"
        default:
            return nil
        }
    }

    /// The part of `url` after the base URL, without the query: what messages call the endpoint.
    private func endpoint(of url: String) -> String {
        let path = url.hasPrefix(baseURL) ? String(url.dropFirst(baseURL.count)) : url
        return String(path.prefix { $0 != "?" })
    }

    /// `?a=1&b=2` with values percent-encoded as RFC 3986 query components.
    static func queryString(_ query: [(String, String)]) -> String {
        guard !query.isEmpty else { return "" }
        return "?"
            + query.map { "\(URLComponent.encoded($0.0))=\(URLComponent.encoded($0.1))" }.joined(
                separator: "&")
    }

    private static func describe(_ error: any Error) -> String {
        guard let decoding = error as? DecodingError else { return String(describing: error) }
        func path(_ context: DecodingError.Context) -> String {
            let keys = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }
                .joined()
            return keys.isEmpty ? "the top level" : String(keys.drop { $0 == "." })
        }
        switch decoding {
        case .keyNotFound(let key, let context):
            return "the field \(key.stringValue) is missing at \(path(context))"
        case .typeMismatch(let type, let context), .valueNotFound(let type, let context):
            return "expected \(type) at \(path(context))"
        case .dataCorrupted(let context):
            return "not JSON at \(path(context)): \(context.debugDescription)"
        @unknown default:
            return String(describing: decoding)
        }
    }
}
