import Foundation

/// The answers of injected faults and the common error answers, in each forge's own shape.
extension ForgeServerState {
    func faultResponse(_ answer: ForgeServerFault.Answer) -> ForgeServerResponse {
        switch answer {
        case .raw(let status, let headers, let body):
            return ForgeServerResponse(status: status, headers: headers, body: Array(body.utf8))
        case .serverError(let status) where status == 500:
            return ForgeServerResponse(status: 500, json: serverErrorBody)
        case .serverError(let status):
            let reason =
                status == 502 ? "Bad Gateway" : status == 503 ? "Service Unavailable" : "Server Error"
            let page =
                "<html>\r\n<head><title>\(status) \(reason)</title></head>\r\n<body>\r\n"
                + "<center><h1>\(status) \(reason)</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n"
            return ForgeServerResponse(status: status, text: page, contentType: "text/html")
        case .retryAfter(let seconds):
            return retryAfterResponse(seconds)
        case .resetAfter(let seconds):
            return resetResponse(Self.now + seconds)
        }
    }

    private var serverErrorBody: [String: Any] {
        switch kind {
        case .github: ["message": "Server Error"]
        case .gitlab: ["message": "500 Internal Server Error"]
        case .gitea: ["message": "Internal Server Error", "url": "\(origin)/api/swagger"]
        }
    }

    private func retryAfterResponse(_ seconds: Int) -> ForgeServerResponse {
        switch kind {
        case .github:
            return ForgeServerResponse(
                status: 403,
                json: [
                    "message": "You have exceeded a secondary rate limit. Please wait a few minutes before "
                        + "you try again. If you reach out to GitHub Support for help, please include the "
                        + "request ID 0000:1111:2222:3333:4444.",
                    "documentation_url":
                        "https://docs.github.com/rest/using-the-rest-api/rate-limits-for-the-rest-api"
                        + "#about-secondary-rate-limits",
                    "status": "403",
                ], headers: [("retry-after", String(seconds))])
        case .gitlab:
            // Rack::Attack's throttled answer is plain text.
            return ForgeServerResponse(
                status: 429, text: "Retry later\n",
                headers: [
                    ("Retry-After", String(seconds)), ("RateLimit-Limit", "600"),
                    ("RateLimit-Observed", "601"),
                    ("RateLimit-Remaining", "0"), ("RateLimit-Reset", String(Self.now + seconds)),
                ])
        case .gitea:
            return ForgeServerResponse(
                status: 429, text: "Too Many Requests\n", headers: [("Retry-After", String(seconds))])
        }
    }

    private func resetResponse(_ reset: Int) -> ForgeServerResponse {
        switch kind {
        case .github:
            return ForgeServerResponse(
                status: 403,
                json: [
                    "message": "API rate limit exceeded for user ID 1.",
                    "documentation_url":
                        "https://docs.github.com/rest/using-the-rest-api/rate-limits-for-the-rest-api",
                    "status": "403",
                ],
                headers: [
                    ("x-ratelimit-limit", "5000"), ("x-ratelimit-remaining", "0"),
                    ("x-ratelimit-reset", String(reset)), ("x-ratelimit-used", "5000"),
                    ("x-ratelimit-resource", "core"),
                ])
        case .gitlab:
            return ForgeServerResponse(
                status: 429,
                json: ["message": "This endpoint has been requested too many times. Try again later."],
                headers: [
                    ("RateLimit-Limit", "600"), ("RateLimit-Observed", "600"), ("RateLimit-Remaining", "0"),
                    ("RateLimit-Reset", String(reset)),
                ])
        case .gitea:
            return ForgeServerResponse(
                status: 429, text: "Too Many Requests\n",
                headers: [
                    ("X-RateLimit-Limit", "100"), ("X-RateLimit-Remaining", "0"),
                    ("X-RateLimit-Reset", String(reset)),
                ])
        }
    }

    /// The forge's answer to an unknown path or object.
    func notFound(_ message: String? = nil) -> ForgeServerResponse {
        switch kind {
        case .github:
            return ForgeServerResponse(
                status: 404,
                json: [
                    "message": "Not Found", "documentation_url": "https://docs.github.com/rest",
                    "status": "404",
                ])
        case .gitlab:
            return ForgeServerResponse(status: 404, json: ["message": message ?? "404 Not found"])
        case .gitea:
            return ForgeServerResponse(
                status: 404,
                json: [
                    "errors": [String](), "message": "The target couldn't be found.",
                    "url": "\(origin)/api/swagger",
                ])
        }
    }

    /// The forge's answer to a missing or wrong token, or `nil` when the token is right.
    func authenticationFailure(_ request: ForgeServerRequest) -> ForgeServerResponse? {
        switch kind {
        case .github:
            guard let header = request.header("authorization") else {
                return ForgeServerResponse(
                    status: 401,
                    json: [
                        "message": "Requires authentication",
                        "documentation_url": "https://docs.github.com/rest",
                        "status": "401",
                    ])
            }
            guard header == "Bearer \(token)" || header == "token \(token)" else {
                return ForgeServerResponse(
                    status: 401,
                    json: [
                        "message": "Bad credentials", "documentation_url": "https://docs.github.com/rest",
                        "status": "401",
                    ])
            }
            // GitHub refuses API requests without a User-Agent.
            guard request.header("user-agent") != nil else {
                return ForgeServerResponse(
                    status: 403,
                    text: "Request forbidden by administrative rules. Please make sure your request has a "
                        + "User-Agent header (https://docs.github.com/en/rest/overview/resources-in-the-rest-api"
                        + "#user-agent-required). Check https://developer.github.com for other possible causes.\n"
                )
            }
            return nil
        case .gitlab:
            if request.header("private-token") == token
                || request.header("authorization") == "Bearer \(token)"
            {
                return nil
            }
            return ForgeServerResponse(status: 401, json: ["message": "401 Unauthorized"])
        case .gitea:
            let header = request.header("authorization") ?? ""
            if header == "token \(token)" || header == "Bearer \(token)" { return nil }
            if header.isEmpty {
                return ForgeServerResponse(
                    status: 401, json: ["message": "token is required", "url": "\(origin)/api/swagger"])
            }
            return ForgeServerResponse(
                status: 401,
                json: ["message": "user does not exist [uid: 0, name: ]", "url": "\(origin)/api/swagger"])
        }
    }
}
