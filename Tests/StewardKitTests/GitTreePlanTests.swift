import Foundation
import TestSupport
import Testing

/// `steward plan --ref`: the inventory of a Git tree read through GitStore, without a checkout.
@Suite struct GitTreePlanTests {
    /// A repository with the fixture committed on `main`, and its profiles next to it.
    func repository() throws -> (GitFixture, String) {
        let git = try GitFixture()
        let repository = try git.makeRepository("gitops")
        try git.commit(in: repository, files: GitOpsFixture.files, message: "Add the GitOps fixture")
        try git.write(GitOpsFixture.profilesJSON(), to: "profiles.json")
        return (git, repository)
    }

    func plan(_ git: GitFixture, _ arguments: [String]) throws -> ExternalToolOutput {
        try PackagePaths.steward().result(
            ["plan", "--profiles", "profiles.json", "--format", "json"] + arguments, in: git.root)
    }

    /// The committed tree is planned, whatever the working tree holds; a bare clone plans the same.
    @Test func plansTheCommittedTreeWithoutACheckout() throws {
        let expected = try GitOpsPlanFixture().planJSON()
        let (git, repository) = try repository()
        try FileManager.default.removeItem(atPath: "\(repository)/apps/shop/overlays/prod")
        try git.write("not: [yaml", to: "gitops/apps/cart/redis.yaml")
        try git.git(["clone", "--quiet", "--bare", repository, git.path("bare.git")])
        for (repo, ref) in [("gitops", "main"), ("bare.git", "main"), ("gitops", "HEAD")] {
            let output = try plan(git, ["--repo", repo, "--ref", ref])
            #expect(output.status == 0, "\(repo)@\(ref): \(output.stderr)")
            let plan = try #require(
                try JSONSerialization.jsonObject(with: Data(output.stdout)) as? [String: Any])
            #expect(GitOpsPlanFixture.changes(plan) == GitOpsPlanFixture.changes(expected), "\(repo)@\(ref)")
            #expect(plan["diff"] as? String == expected["diff"] as? String, "\(repo)@\(ref)")
            #expect((plan["policy"] as? [String: Any])?["status"] as? String == "loaded")
        }
    }

    @Test func reportsARevisionThatDoesNotExist() throws {
        let (git, _) = try repository()
        let output = try plan(git, ["--repo", "gitops", "--ref", "no-such-branch"])
        #expect(output.status == 1)
        #expect(output.stdout.isEmpty)
        #expect(output.stderr.hasPrefix("steward: error: gitops: "))
        #expect(output.stderr.contains("no-such-branch"))
    }
}
