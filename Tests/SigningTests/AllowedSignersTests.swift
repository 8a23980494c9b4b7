import Foundation
import Signing
import Testing

@Suite struct AllowedSignersTests {
    static let key = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHp6cnfBy8t6XbCuFJYS7Z0uz4ciU5zsmySkXkT/Qgsd"

    @Test func parsesGitsFormat() throws {
        let text = """
            # bot keys
            steward@example.com,*@ops.example.com namespaces="git,file" \(Self.key) bot

            "old@example.com" valid-after="20240101",valid-before="20250101Z" \(Self.key)
            """
        let signers = try AllowedSigners(parsing: text, path: "allowed_signers")
        #expect(signers.entries.count == 2)
        #expect(signers.entries[0].principals == ["steward@example.com", "*@ops.example.com"])
        #expect(signers.entries[0].namespaces == ["git", "file"])
        #expect(signers.entries[0].line == 2)
        #expect(signers.entries[1].principals == ["old@example.com"])
        #expect(signers.entries[1].namespaces == nil)
        #expect(signers.entries[1].validBefore == Date(timeIntervalSince1970: 1_735_689_600))
        let key = try SSHPublicKey(authorizedKeyLine: Self.key)
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        #expect(signers.entries(for: key, namespace: "git", at: now).map(\.line) == [2])
        #expect(signers.entries(for: key, namespace: "ci", at: now).isEmpty)
    }

    @Test func malformedLinesNameTheFileAndLine() throws {
        let cases: [(String, String)] = [
            (
                "bot@example.com \(Self.key)\nbroken",
                "signers:2: expected `principals [options] keytype base64key`"
            ),
            ("bot@example.com ssh-dss AAAA", "signers:1: unsupported key type ssh-dss or malformed key"),
            (
                "bot@example.com ssh-ed25519 not-base64!",
                "signers:1: unsupported key type ssh-ed25519 or malformed key"
            ),
            ("bot@example.com namespaces=\"git \(Self.key)", "signers:1: unterminated quote"),
            (
                "ca@example.com cert-authority \(Self.key)",
                "signers:1: cert-authority entries are not supported"
            ),
            ("x nonsense=1 \(Self.key)", "signers:1: unknown option nonsense"),
            (
                "x valid-after=\"2024\" \(Self.key)",
                "signers:1: bad time 2024: expected YYYYMMDD[HHMM[SS]][Z]"
            ),
        ]
        for (text, message) in cases {
            let error = #expect(throws: SigningError.self) {
                try AllowedSigners(parsing: text, path: "signers")
            }
            #expect(error?.description == message)
        }
    }
}
