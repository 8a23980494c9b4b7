import Foundation
import GitStore
import Signing
import TestSupport
import Testing

/// A commit that should be signed, attempted on a real repository with a key file Steward must
/// refuse: the error names the file and the fix, no object is written and no reference moves.
@Suite struct BadSigningKeyTests {
    static let bot = GitPerson(
        name: "Steward", email: "steward@example.com", date: Date(timeIntervalSince1970: 1_700_400_000))

    @Test(arguments: BadKeyFile.allCases)
    func aBadKeySignsNothingAndMovesNoReference(_ bad: BadKeyFile) throws {
        let fixture = try GitFixture()
        let keys = fixture.path("keys")
        try FileManager.default.createDirectory(atPath: keys, withIntermediateDirectories: true)
        let (path, message) = try bad.write(in: keys)
        let keyBytes = try Data(contentsOf: URL(fileURLWithPath: path))
        let repo = try fixture.makeRepository("app")
        let base = try ObjectID(hex: fixture.commit(in: repo, files: ["a": "1\n"], message: "Start"))!
        let before = try GitSnapshot(of: repo, fixture: fixture)

        // The key is read inside the signer, so GitStore has built the commit buffer and must
        // abort between signing and writing.
        let repository = try Repository.open(path: repo)
        let error = try #require(throws: SigningError.self) {
            let commit = try repository.commit(
                tree: try repository.treeID("main"), parents: [base], author: Self.bot,
                committer: Self.bot, message: "Right-size web",
                signer: { try SSHSignature.sign($0, namespace: "git", key: SSHPrivateKey(contentsOf: path)) })
            try repository.updateReference("refs/heads/main", to: commit, expecting: base, message: "x")
        }
        #expect(error.description == message)
        #expect(try GitSnapshot(of: repo, fixture: fixture) == before)
        #expect(try fixture.revision("main", in: repo) == base.hex)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == keyBytes)
    }
}
