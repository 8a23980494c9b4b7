import TestSupport

extension GitFixture {
    /// What the remote tests serve: a working tree `upstream` whose one commit, "Start", holds
    /// `deploy/web.yaml`, and its bare clone `remotes/app.git` behind the server.
    /// - Returns: both paths and the commit's id.
    func makeServedRepository() throws -> (upstream: String, bare: String, initial: String) {
        let upstream = try makeRepository("upstream")
        let initial = try commit(in: upstream, files: ["deploy/web.yaml": "memory: 1Gi\n"], message: "Start")
        let bare = path("remotes/app.git")
        try git(["clone", "--quiet", "--bare", upstream, bare])
        return (upstream, bare, initial)
    }
}
