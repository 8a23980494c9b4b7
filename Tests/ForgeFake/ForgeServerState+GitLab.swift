import Foundation

/// GitLab REST API v4, as documented for merge requests and their notes.
extension ForgeServerState {
    mutating func gitLab(_ request: ForgeServerRequest, _ segments: [String]) -> ForgeServerResponse {
        if let failure = authenticationFailure(request) { return failure }
        guard segments.count >= 3, segments[0] == "projects" else { return notFound() }
        guard segments[1] == String(Self.gitLabProjectID) || segments[1] == Self.gitLabProjectPath else {
            return notFound("404 Project Not Found")
        }
        guard segments[2] == "merge_requests" else { return notFound() }
        switch (request.method, Array(segments.dropFirst(3))) {
        case ("GET", []):
            return gitLabList(request)
        case ("POST", []):
            return gitLabCreate(request)
        case ("GET", let rest) where rest.count == 1:
            guard let index = Int(rest[0]).flatMap(index(of:)) else { return notFound() }
            return ForgeServerResponse(status: 200, json: gitLabJSON(pullRequests[index]))
        case ("PUT", let rest) where rest.count == 1:
            return gitLabUpdate(request, iid: Int(rest[0]))
        case ("POST", let rest) where rest.count == 2 && rest[1] == "notes":
            return gitLabNote(request, iid: Int(rest[0]))
        default:
            return notFound()
        }
    }

    private func gitLabList(_ request: ForgeServerRequest) -> ForgeServerResponse {
        let state = request.queryValue("state") ?? "all"
        var matching = pullRequests.filter { pullRequest in
            switch state {
            case "opened": pullRequest.state == .open
            case "closed": pullRequest.state == .closed
            case "merged": pullRequest.state == .merged
            default: true
            }
        }
        if let source = request.queryValue("source_branch") {
            matching = matching.filter { $0.head == source }
        }
        if let target = request.queryValue("target_branch") {
            matching = matching.filter { $0.base == target }
        }
        matching = Self.sorted(matching, ascending: request.queryValue("sort") == "asc")
        let (items, headers) = page(matching, of: request, sizeParameter: "per_page", defaultSize: 20)
        return ForgeServerResponse(status: 200, json: items.map(gitLabJSON), headers: headers)
    }

    private mutating func gitLabCreate(_ request: ForgeServerRequest) -> ForgeServerResponse {
        let object = request.jsonObject ?? [:]
        for field in ["source_branch", "target_branch", "title"]
        where (object[field] as? String)?.isEmpty ?? true {
            return ForgeServerResponse(status: 400, json: ["error": "\(field) is missing"])
        }
        let source = object["source_branch"] as! String
        let target = object["target_branch"] as! String
        if let existing = pullRequests.first(where: {
            $0.state == .open && $0.head == source && $0.base == target && $0.headOwner == Self.owner
        }) {
            return ForgeServerResponse(
                status: 409,
                json: [
                    "message": [
                        "Another open merge request already exists for this source branch: !\(existing.number)"
                    ]
                ])
        }
        let created = addPullRequest(
            head: source, headOwner: Self.owner, base: target, title: object["title"] as! String,
            body: object["description"] as? String ?? "", labels: Self.gitLabLabels(object["labels"]) ?? [],
            state: .open)
        return ForgeServerResponse(status: 201, json: gitLabJSON(created))
    }

    private mutating func gitLabUpdate(_ request: ForgeServerRequest, iid: Int?) -> ForgeServerResponse {
        guard let index = iid.flatMap(index(of:)) else { return notFound() }
        let object = request.jsonObject ?? [:]
        let known = ["title", "description", "labels", "state_event", "target_branch"]
        guard object.keys.contains(where: known.contains) else {
            return ForgeServerResponse(
                status: 400,
                json: [
                    "error":
                        "\(known.joined(separator: ", ")) are missing, at least one parameter must be provided"
                ])
        }
        if let title = object["title"] as? String { pullRequests[index].title = title }
        if let description = object["description"] as? String { pullRequests[index].body = description }
        if let labels = Self.gitLabLabels(object["labels"]) { pullRequests[index].labels = labels }
        switch object["state_event"] as? String {
        case "close" where pullRequests[index].state == .open: pullRequests[index].state = .closed
        case "reopen" where pullRequests[index].state == .closed: pullRequests[index].state = .open
        default: break
        }
        return ForgeServerResponse(status: 200, json: gitLabJSON(pullRequests[index]))
    }

    private mutating func gitLabNote(_ request: ForgeServerRequest, iid: Int?) -> ForgeServerResponse {
        guard let index = iid.flatMap(index(of:)) else { return notFound() }
        guard let body = request.jsonObject?["body"] as? String, !body.isEmpty else {
            return ForgeServerResponse(status: 400, json: ["error": "body is missing"])
        }
        let id = addComment(body, at: index)
        return ForgeServerResponse(
            status: 201,
            json: [
                "id": id, "body": body, "author": ["username": "steward-bot"], "created_at": Self.timestamp,
                "system": false, "noteable_type": "MergeRequest", "noteable_iid": pullRequests[index].number,
            ])
    }

    /// GitLab takes labels as a comma-separated string, or as an array in JSON bodies.
    private static func gitLabLabels(_ value: Any?) -> [String]? {
        if let list = value as? [String] { return list }
        guard let text = value as? String else { return nil }
        return text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter {
            !$0.isEmpty
        }
    }

    private func gitLabJSON(_ pullRequest: ForgeServerPullRequest) -> [String: Any] {
        let projectID = Self.gitLabProjectID
        let state: String =
            switch pullRequest.state {
            case .open: "opened"
            case .closed: "closed"
            case .merged: "merged"
            }
        return [
            "id": 9000 + pullRequest.number, "iid": pullRequest.number, "project_id": projectID,
            "title": pullRequest.title, "description": pullRequest.body, "state": state,
            "source_branch": pullRequest.head, "target_branch": pullRequest.base,
            "source_project_id": pullRequest.headOwner == Self.owner ? projectID : Self.forkID,
            "target_project_id": projectID, "labels": pullRequest.labels, "draft": false,
            "author": ["username": "steward-bot"], "sha": pullRequest.headCommit,
            "web_url": "\(origin)/\(Self.gitLabProjectPath)/-/merge_requests/\(pullRequest.number)",
            "created_at": Self.timestamp, "updated_at": Self.timestamp,
            "detailed_merge_status": "mergeable",
        ]
    }
}
