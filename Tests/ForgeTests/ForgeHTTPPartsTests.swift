import ClientSupport
import Foundation
import NIOHTTP1
import Testing

@testable import Forge

/// The small parsers of the HTTP layer, on the shapes the forges document.
@Suite("Forge HTTP parts")
struct ForgeHTTPPartsTests {
    @Test("finds the next page in GitHub's and Gitea's Link headers")
    func linkHeader() {
        let github =
            #"<https://api.github.com/repositories/1300192/issues?page=2>; rel="prev", "#
            + #"<https://api.github.com/repositories/1300192/issues?page=4>; rel="next", "#
            + #"<https://api.github.com/repositories/1300192/issues?page=515>; rel="last""#
        #expect(
            LinkHeader.target(of: "next", in: github)
                == "https://api.github.com/repositories/1300192/issues?page=4")
        #expect(LinkHeader.target(of: "first", in: github) == nil)
        let gitea =
            #"<https://gitea.example.com/api/v1/repos/o/r/pulls?limit=2&page=2&state=open>; rel="next",<https://gitea.example.com/api/v1/repos/o/r/pulls?limit=2&page=3&state=open>; rel="last""#
        #expect(
            LinkHeader.target(of: "next", in: gitea)
                == "https://gitea.example.com/api/v1/repos/o/r/pulls?limit=2&page=2&state=open")
        #expect(LinkHeader.target(of: "next", in: "<https://x/a>; rel=\"prev next\"") == "https://x/a")
    }

    @Test(
        "quotes each forge's error message",
        arguments: [
            (
                422,
                #"{"message":"Validation Failed","errors":[{"resource":"PullRequest","field":"head","code":"invalid"}],"documentation_url":"https://docs.github.com/rest"}"#,
                "Validation Failed: PullRequest.head invalid"
            ),
            (
                409, #"{"message":["Another open merge request already exists for this source branch: !3"]}"#,
                "Another open merge request already exists for this source branch: !3"
            ),
            (
                400, #"{"message":{"title":["can't be blank"],"target_branch":["is invalid"]}}"#,
                "target_branch is invalid; title can't be blank"
            ),
            (
                401,
                #"{"error":"invalid_token","error_description":"Token is expired. You can either do re-authorization or token refresh."}"#,
                "invalid_token: Token is expired. You can either do re-authorization or token refresh."
            ),
            (
                409,
                #"{"message":"pull request already exists for these targets [id: 1]","url":"https://gitea.example.com/api/swagger"}"#,
                "pull request already exists for these targets [id: 1]"
            ),
            (429, "Retry later\n", "Retry later"),
            (502, "<html><head><title>502 Bad Gateway</title></head></html>", "Bad Gateway"),
            (503, "", "Service Unavailable"),
        ])
    func errorBodies(status: Int, body: String, message: String) {
        #expect(ForgeErrorBody.message(status: status, body: Array(body.utf8)) == message)
    }

    @Test("reads Retry-After as seconds or as an HTTP date, and reset times")
    func rateLimits() {
        let now = Date(timeIntervalSince1970: 1_700_000_000)
        func response(_ status: Int, _ headers: [(String, String)]) -> ForgeResponse {
            ForgeResponse(status: status, headers: HTTPHeaders(headers), body: [], request: "GET /x")
        }
        #expect(RateLimit(response(429, [("Retry-After", "7")]), now: now)?.wait == .seconds(7))
        #expect(
            RateLimit(response(429, [("Retry-After", "Tue, 14 Nov 2023 22:13:40 GMT")]), now: now)?.wait
                == .seconds(20))
        #expect(
            RateLimit(
                response(403, [("x-ratelimit-remaining", "0"), ("x-ratelimit-reset", "1700000090")]), now: now
            )?
            .wait == .seconds(90))
        #expect(RateLimit(response(429, [("RateLimit-Reset", "1699999990")]), now: now)?.wait == .zero)
        #expect(RateLimit(response(429, []), now: now) != nil)
        #expect(RateLimit(response(429, []), now: now)?.wait == nil)
        // A 403 without rate-limit headers is a permission problem, not a limit.
        #expect(RateLimit(response(403, [("x-ratelimit-remaining", "4999")]), now: now) == nil)
        #expect(RateLimit(response(500, [("Retry-After", "1")]), now: now) == nil)
    }

    @Test("writes JSON with keys in order and strings escaped")
    func json() {
        let value = JSONValue.object([
            ("title", .string("a \"quoted\" \\ line\nnext\u{1}")), ("n", .int(-3)), ("ok", .bool(false)),
            ("labels", .array([.string("é"), .int(1)])),
        ])
        #expect(
            String(decoding: value.encoded(), as: UTF8.self)
                == #"{"title":"a \"quoted\" \\ line\nnext\u0001","n":-3,"ok":false,"labels":["é",1]}"#)
    }

    @Test("backs off exponentially from one second up to 30, four attempts in all")
    func backoff() {
        let policy = RetryPolicy.forge
        #expect(policy.maxAttempts == 4)
        #expect(
            (1...7).map { policy.delay(afterAttempt: $0, retryAfter: nil) } == [
                .seconds(1), .seconds(2), .seconds(4), .seconds(8), .seconds(16), .seconds(30), .seconds(30),
            ])
    }
}
