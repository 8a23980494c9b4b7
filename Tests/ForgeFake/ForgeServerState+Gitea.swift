import Foundation

/// Gitea / Forgejo API v1, as its swagger describes pulls, labels and issue comments.
extension ForgeServerState {
    mutating func gitea(_ request: ForgeServerRequest, _ segments: [String]) -> ForgeServerResponse {
        if let failure = authenticationFailure(request) { return failure }
        guard segments.count >= 4, segments[0] == "repos", segments[1] == Self.owner,
            segments[2] == Self.repository
        else { return notFound() }
        switch (request.method, Array(segments.dropFirst(3))) {
        case ("GET", ["pulls"]):
            return giteaList(request)
        case ("POST", ["pulls"]):
            return giteaCreate(request)
        case ("GET", let rest) where rest.count == 2 && rest[0] == "pulls":
            guard let index = Int(rest[1]).flatMap(index(of:)) else { return notFound() }
            return ForgeServerResponse(status: 200, json: giteaJSON(pullRequests[index]))
        case ("PATCH", let rest) where rest.count == 2 && rest[0] == "pulls":
            return giteaUpdate(request, number: Int(rest[1]))
        case ("GET", ["labels"]):
            let all = labels.map { giteaLabelJSON($0.id, $0.name, $0.color) }
            let (items, headers) = page(all, of: request, sizeParameter: "limit", defaultSize: 30)
            return ForgeServerResponse(status: 200, json: items, headers: headers)
        case ("POST", ["labels"]):
            return giteaCreateLabel(request)
        case ("POST", let rest) where rest.count == 3 && rest[0] == "issues" && rest[2] == "comments":
            return giteaComment(request, number: Int(rest[1]))
        default:
            return notFound()
        }
    }

    private func giteaList(_ request: ForgeServerRequest) -> ForgeServerResponse {
        let matching = Self.sorted(
            pullRequests(inState: request.queryValue("state")),
            ascending: request.queryValue("sort") == "oldest")
        let (items, headers) = page(matching, of: request, sizeParameter: "limit", defaultSize: 30)
        return ForgeServerResponse(status: 200, json: items.map(giteaJSON), headers: headers)
    }

    private mutating func giteaCreate(_ request: ForgeServerRequest) -> ForgeServerResponse {
        let object = request.jsonObject ?? [:]
        guard let rawHead = object["head"] as? String, let base = object["base"] as? String,
            let title = object["title"] as? String, !title.isEmpty
        else {
            return ForgeServerResponse(
                status: 422, json: ["message": "[Title]: Required", "url": "\(origin)/api/swagger"])
        }
        let (headOwner, head) = Self.splitHead(rawHead)
        if head == base && headOwner == Self.owner {
            return ForgeServerResponse(
                status: 422,
                json: [
                    "message": "Invalid PullRequest: There are no changes between the head and the base",
                    "url": "\(origin)/api/swagger",
                ])
        }
        if let existing = pullRequests.first(where: {
            $0.state == .open && $0.head == head && $0.headOwner == headOwner && $0.base == base
        }) {
            let headRepo = headOwner == Self.owner ? Self.repositoryID : Self.forkID
            return ForgeServerResponse(
                status: 409,
                json: [
                    "message": "pull request already exists for these targets [id: \(existing.number), "
                        + "issue_id: \(existing.number), head_repo_id: \(headRepo), base_repo_id: "
                        + "\(Self.repositoryID), head_branch: \(head), base_branch: \(base)]",
                    "url": "\(origin)/api/swagger",
                ])
        }
        let labelIDs = object["labels"] as? [Int] ?? []
        let names = labels.filter { labelIDs.contains($0.id) }.map(\.name)
        let created = addPullRequest(
            head: head, headOwner: headOwner, base: base, title: title, body: object["body"] as? String ?? "",
            labels: names, state: .open)
        return ForgeServerResponse(status: 201, json: giteaJSON(created))
    }

    private mutating func giteaUpdate(_ request: ForgeServerRequest, number: Int?) -> ForgeServerResponse {
        guard let index = number.flatMap(index(of:)) else { return notFound() }
        let object = request.jsonObject ?? [:]
        if let title = object["title"] as? String, !title.isEmpty { pullRequests[index].title = title }
        if let body = object["body"] as? String { pullRequests[index].body = body }
        if let labelIDs = object["labels"] as? [Int] {
            // Unknown ids are ignored, as Gitea's GetLabelsInRepoByIDs does.
            pullRequests[index].labels = labels.filter { labelIDs.contains($0.id) }.map(\.name)
        }
        if let state = object["state"] as? String {
            guard pullRequests[index].state != .merged else {
                return ForgeServerResponse(
                    status: 412,
                    json: [
                        "message": "cannot change state of this pull request, it was already merged",
                        "url": "\(origin)/api/swagger",
                    ])
            }
            pullRequests[index].state = state == "closed" ? .closed : .open
        }
        // Gitea answers an edit with 201 Created.
        return ForgeServerResponse(status: 201, json: giteaJSON(pullRequests[index]))
    }

    private mutating func giteaCreateLabel(_ request: ForgeServerRequest) -> ForgeServerResponse {
        let object = request.jsonObject ?? [:]
        guard let name = object["name"] as? String, !name.isEmpty, let color = object["color"] as? String
        else {
            return ForgeServerResponse(
                status: 422, json: ["message": "[Name Color]: Required", "url": "\(origin)/api/swagger"])
        }
        let id = (labels.map(\.id).max() ?? 100) + 1
        let bare = color.hasPrefix("#") ? String(color.dropFirst()) : color
        labels.append((id, name, bare))
        return ForgeServerResponse(status: 201, json: giteaLabelJSON(id, name, bare))
    }

    private mutating func giteaComment(_ request: ForgeServerRequest, number: Int?) -> ForgeServerResponse {
        guard let index = number.flatMap(index(of:)) else { return notFound() }
        guard let body = request.jsonObject?["body"] as? String else {
            return ForgeServerResponse(
                status: 422, json: ["message": "[Body]: Required", "url": "\(origin)/api/swagger"])
        }
        return issueComment(body, at: index, webPath: "pulls")
    }

    private func giteaLabelJSON(_ id: Int, _ name: String, _ color: String) -> [String: Any] {
        [
            "id": id, "name": name, "color": color, "description": "", "exclusive": false,
            "is_archived": false,
            "url": "\(origin)/api/v1/repos/\(Self.owner)/\(Self.repository)/labels/\(id)",
        ]
    }

    private func giteaJSON(_ pullRequest: ForgeServerPullRequest) -> [String: Any] {
        func repository(owner: String, id: Int) -> [String: Any] {
            [
                "id": id, "name": Self.repository, "full_name": "\(owner)/\(Self.repository)",
                "owner": ["login": owner],
            ]
        }
        let headRepoID = pullRequest.headOwner == Self.owner ? Self.repositoryID : Self.forkID
        let number = pullRequest.number
        return [
            "id": 3000 + number, "number": number, "title": pullRequest.title, "body": pullRequest.body,
            "state": pullRequest.state == .open ? "open" : "closed", "merged": pullRequest.state == .merged,
            "url": "\(origin)/\(Self.owner)/\(Self.repository)/pulls/\(number)",
            "html_url": "\(origin)/\(Self.owner)/\(Self.repository)/pulls/\(number)",
            "labels": labels.filter { pullRequest.labels.contains($0.name) }.map {
                giteaLabelJSON($0.id, $0.name, $0.color)
            },
            "user": ["login": "steward-bot"], "created_at": Self.timestamp, "updated_at": Self.timestamp,
            "head": [
                "label": pullRequest.head, "ref": pullRequest.head, "sha": pullRequest.headCommit,
                "repo_id": headRepoID, "repo": repository(owner: pullRequest.headOwner, id: headRepoID),
            ],
            "base": [
                "label": pullRequest.base, "ref": pullRequest.base, "sha": String(repeating: "0", count: 40),
                "repo_id": Self.repositoryID, "repo": repository(owner: Self.owner, id: Self.repositoryID),
            ],
        ]
    }
}
