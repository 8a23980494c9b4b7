import Foundation

/// GitHub REST API v3, as documented for pulls, issue labels and issue comments.
extension ForgeServerState {
    mutating func gitHub(_ request: ForgeServerRequest, _ segments: [String]) -> ForgeServerResponse {
        if let failure = authenticationFailure(request) { return failure }
        guard segments.count >= 4, segments[0] == "repos", segments[1] == Self.owner,
            segments[2] == Self.repository
        else { return notFound() }
        var response: ForgeServerResponse
        switch (request.method, Array(segments.dropFirst(3))) {
        case ("GET", ["pulls"]):
            response = gitHubList(request)
        case ("POST", ["pulls"]):
            response = gitHubCreate(request)
        case ("GET", let rest) where rest.count == 2 && rest[0] == "pulls":
            response =
                Int(rest[1]).flatMap(index(of:)).map {
                    ForgeServerResponse(status: 200, json: gitHubJSON(pullRequests[$0]))
                } ?? notFound()
        case ("PATCH", let rest) where rest.count == 2 && rest[0] == "pulls":
            response = gitHubUpdate(request, number: Int(rest[1]))
        case ("PUT", let rest) where rest.count == 3 && rest[0] == "issues" && rest[2] == "labels":
            response = gitHubSetLabels(request, number: Int(rest[1]))
        case ("POST", let rest) where rest.count == 3 && rest[0] == "issues" && rest[2] == "comments":
            response = gitHubComment(request, number: Int(rest[1]))
        default:
            response = notFound()
        }
        response.headers += [
            ("x-ratelimit-limit", "5000"), ("x-ratelimit-remaining", String(max(0, 5000 - requests.count))),
            ("x-ratelimit-reset", String(Self.now + 3600)), ("x-ratelimit-resource", "core"),
            ("x-github-api-version-selected", "2022-11-28"),
        ]
        return response
    }

    private func gitHubList(_ request: ForgeServerRequest) -> ForgeServerResponse {
        var matching = pullRequests(inState: request.queryValue("state"))
        // GitHub filters by head only in the `user:ref-name` form; an unqualified value is
        // silently ignored and every pull request is listed.
        if let head = request.queryValue("head"), head.contains(":") {
            let parts = head.split(separator: ":", maxSplits: 1).map(String.init)
            matching = matching.filter { $0.headOwner == parts[0] && $0.head == parts[1] }
        }
        if let base = request.queryValue("base") {
            matching = matching.filter { $0.base == base }
        }
        matching = Self.sorted(matching, ascending: request.queryValue("direction") == "asc")
        let (items, headers) = page(matching, of: request, sizeParameter: "per_page", defaultSize: 30)
        return ForgeServerResponse(status: 200, json: items.map(gitHubJSON), headers: headers)
    }

    private mutating func gitHubCreate(_ request: ForgeServerRequest) -> ForgeServerResponse {
        guard let object = request.jsonObject else {
            return ForgeServerResponse(
                status: 400,
                json: [
                    "message": "Problems parsing JSON",
                    "documentation_url": "https://docs.github.com/rest/pulls/pulls#create-a-pull-request",
                    "status": "400",
                ])
        }
        for field in ["title", "head", "base"] where (object[field] as? String)?.isEmpty ?? true {
            return gitHubValidationFailed([
                ["resource": "PullRequest", "field": field, "code": "missing_field"]
            ])
        }
        let rawHead = object["head"] as! String
        let base = object["base"] as! String
        let (headOwner, head) = Self.splitHead(rawHead)
        if head == base && headOwner == Self.owner {
            return gitHubValidationFailed([
                [
                    "resource": "PullRequest", "code": "custom",
                    "message": "No commits between \(base) and \(head)",
                ]
            ])
        }
        if pullRequests.contains(where: {
            $0.state == .open && $0.head == head && $0.headOwner == headOwner && $0.base == base
        }) {
            return gitHubValidationFailed([
                [
                    "resource": "PullRequest", "code": "custom",
                    "message": "A pull request already exists for \(headOwner):\(head).",
                ]
            ])
        }
        let created = addPullRequest(
            head: head, headOwner: headOwner, base: base, title: object["title"] as! String,
            body: object["body"] as? String ?? "", labels: [], state: .open)
        return ForgeServerResponse(
            status: 201, json: gitHubJSON(created),
            headers: [
                (
                    "Location",
                    "\(origin)\(basePath)/repos/\(Self.owner)/\(Self.repository)/pulls/\(created.number)"
                )
            ])
    }

    private mutating func gitHubUpdate(_ request: ForgeServerRequest, number: Int?) -> ForgeServerResponse {
        guard let index = number.flatMap(index(of:)) else { return notFound() }
        guard let object = request.jsonObject else { return gitHubValidationFailed([]) }
        if let title = object["title"] as? String { pullRequests[index].title = title }
        if let body = object["body"] as? String { pullRequests[index].body = body }
        if let state = object["state"] as? String {
            guard pullRequests[index].state != .merged else {
                return gitHubValidationFailed([
                    [
                        "resource": "PullRequest", "code": "custom",
                        "message": "Cannot change the state of a merged pull request",
                    ]
                ])
            }
            pullRequests[index].state = state == "closed" ? .closed : .open
        }
        return ForgeServerResponse(status: 200, json: gitHubJSON(pullRequests[index]))
    }

    private mutating func gitHubSetLabels(_ request: ForgeServerRequest, number: Int?) -> ForgeServerResponse
    {
        guard let index = number.flatMap(index(of:)) else { return notFound() }
        guard let names = request.jsonObject?["labels"] as? [String] else {
            return gitHubValidationFailed([])
        }
        pullRequests[index].labels = names
        let labelObjects = names.map { name in
            ["id": labelID(named: name), "name": name, "color": "ededed", "default": false] as [String: Any]
        }
        return ForgeServerResponse(status: 200, json: labelObjects)
    }

    private mutating func gitHubComment(_ request: ForgeServerRequest, number: Int?) -> ForgeServerResponse {
        guard let index = number.flatMap(index(of:)) else { return notFound() }
        guard let body = request.jsonObject?["body"] as? String else {
            return gitHubValidationFailed([
                ["resource": "IssueComment", "field": "body", "code": "missing_field"]
            ])
        }
        return issueComment(body, at: index, webPath: "pull")
    }

    private func gitHubValidationFailed(_ errors: [[String: Any]]) -> ForgeServerResponse {
        ForgeServerResponse(
            status: 422,
            json: [
                "message": "Validation Failed", "errors": errors,
                "documentation_url": "https://docs.github.com/rest/pulls/pulls#create-a-pull-request",
                "status": "422",
            ])
    }

    private func gitHubJSON(_ pullRequest: ForgeServerPullRequest) -> [String: Any] {
        func repository(owner: String) -> [String: Any] {
            ["name": Self.repository, "full_name": "\(owner)/\(Self.repository)", "owner": ["login": owner]]
        }
        let number = pullRequest.number
        return [
            "url": "\(origin)\(basePath)/repos/\(Self.owner)/\(Self.repository)/pulls/\(number)",
            "html_url": "\(origin)/\(Self.owner)/\(Self.repository)/pull/\(number)",
            "id": 1000 + number, "number": number, "state": pullRequest.state == .open ? "open" : "closed",
            "locked": false, "title": pullRequest.title,
            // GitHub sends null, not "", for an empty description.
            "body": pullRequest.body.isEmpty ? NSNull() : pullRequest.body,
            "user": ["login": "steward-bot"], "draft": false,
            "labels": pullRequest.labels.enumerated().map {
                ["id": 500 + $0.offset, "name": $0.element, "color": "ededed"]
            },
            "created_at": Self.timestamp, "updated_at": Self.timestamp,
            "closed_at": pullRequest.state == .open ? NSNull() : Self.timestamp,
            "merged_at": pullRequest.state == .merged ? Self.timestamp : NSNull(),
            "head": [
                "label": "\(pullRequest.headOwner):\(pullRequest.head)", "ref": pullRequest.head,
                "sha": pullRequest.headCommit, "repo": repository(owner: pullRequest.headOwner),
                "user": ["login": pullRequest.headOwner],
            ],
            "base": [
                "label": "\(Self.owner):\(pullRequest.base)", "ref": pullRequest.base,
                "sha": String(repeating: "0", count: 40), "repo": repository(owner: Self.owner),
                "user": ["login": Self.owner],
            ],
        ]
    }
}
