import Foundation
import GitStore
import Signing
import StewardKit
import StewardVerify
import TestSupport

/// A GitOps repository built with the git CLI, with a policy and the bot's allowed signer on
/// `main`, and bot commits written through GitStore and signed through Signing, as the publisher
/// writes them.
final class BotRepositoryFixture {
    let git: GitFixture
    let path: String
    /// The bot's key, in `policies/allowed_signers` on `main`.
    let bot: SSHTestKey
    /// A key nobody allowed.
    let stranger: SSHTestKey

    static let person = GitPerson(
        name: "Steward", email: "steward@example.com", date: Date(timeIntervalSince1970: 1_800_000_000))

    static let policy = """
        apiVersion: steward.dev/v1
        kind: Policy
        metadata: {name: shop}
        spec:
          rules:
            - name: shop-requests
              match: {namespaces: [shop]}
              actions: [rightsize]
              fields:
                - path: spec.template.spec.containers[*].resources.requests.cpu
                  min: 10m
                  maxDecreasePercent: 70
                - path: spec.template.spec.containers[*].resources.requests.memory
                  min: 64Mi
                  maxDecreasePercent: 50

        """

    static let manifest = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
          namespace: shop
        spec:
          template:
            spec:
              containers:
                - name: app
                  image: example/web:1.0
                  resources:
                    requests:
                      cpu: 500m   # Black Friday sizing
                      memory: 1Gi

        """

    static let evidence = """
        {"finding":"rightsize/prod/shop/Deployment/web/app","window":{"start":1795132800,"end":1795737600},\
        "cpuP95":0.156,"memoryMax":350119526}

        """

    init() throws {
        git = try GitFixture()
        path = try git.makeRepository("repo")
        bot = try SSHTestKey(in: git.path("keys/bot"), principal: "steward@example.com")
        stranger = try SSHTestKey(in: git.path("keys/stranger"), principal: "mallory@example.com")
        try git.commit(
            in: path,
            files: [
                "policies/steward.yaml": Self.policy, "apps/web.yaml": Self.manifest,
                "policies/allowed_signers": try String(
                    contentsOfFile: bot.allowedSignersPath, encoding: .utf8),
                "README.md": "# shop\n",
            ],
            message: "Add the shop")
    }

    /// Writes a bot commit on top of `parent` (default: the tip of `branch`, or `main`) that
    /// replaces texts in `apps/web.yaml`, and moves `refs/heads/<branch>` to it.
    ///
    /// - Parameters:
    ///   - key: the signing key; nil for an unsigned commit.
    ///   - note: the evidence note attached; nil for none.
    ///   - message: the message; the default is the documented bot format for the evidence.
    @discardableResult
    func botCommit(
        branch: String = "steward/web", replacing replacements: [(String, String)],
        files extra: [String: String] = [:], key: SSHTestKey?, note: String? = BotRepositoryFixture.evidence,
        finding: String = "rightsize/prod/shop/Deployment/web/app", rule: String = "shop-requests",
        message: String? = nil
    ) throws -> ObjectID {
        let repository = try Repository.open(path: path)
        let parent = try repository.reference("refs/heads/\(branch)") ?? repository.resolve("main")
        var manifest = String(
            decoding: try repository.blob(at: parent.hex, path: "apps/web.yaml") ?? [], as: UTF8.self)
        for (old, new) in replacements {
            guard let range = manifest.range(of: old) else {
                throw MissingTestData("apps/web.yaml lacks \(old)")
            }
            manifest.replaceSubrange(range, with: new)
        }
        var upserts = extra.mapValues { Array($0.utf8) }
        upserts["apps/web.yaml"] = Array(manifest.utf8)
        let tree = try repository.makeTree(base: parent, upserts: upserts)
        let policyBlob = try git.git(["rev-parse", "\(parent.hex):policies/steward.yaml"], in: path)
        let text =
            message
            ?? BotCommitMessage(
                subject: "steward: right-size shop/Deployment/web container app",
                body: "cpu request 500m -> 180m", finding: finding,
                evidence: Digest.sha256(note ?? Self.evidence), policyRule: rule,
                policyPath: "policies/steward.yaml", policyBlob: policyBlob, run: "run-1"
            ).text
        let signer: CommitSigner? = try key.map { key in
            let privateKey = try SSHPrivateKey(contentsOf: key.privateKeyPath)
            return { payload in try SSHSignature.sign(payload, namespace: "git", key: privateKey) }
        }
        let commit = try repository.commit(
            tree: tree, parents: [parent], author: Self.person, committer: Self.person, message: text,
            signer: signer)
        if let note {
            try repository.addNote(note, to: commit, author: Self.person, committer: Self.person)
        }
        try repository.updateReference(
            "refs/heads/\(branch)", to: commit, expecting: try repository.reference("refs/heads/\(branch)"),
            message: "steward: commit")
        return commit
    }

    /// Runs `steward` in the repository's parent folder.
    func steward(_ arguments: [String]) throws -> ExternalToolOutput {
        try PackagePaths.steward().result(arguments, in: git.root)
    }
}
