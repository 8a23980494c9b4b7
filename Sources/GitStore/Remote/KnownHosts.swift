import Crypto
import Foundation

/// The host keys an OpenSSH known_hosts file lists, and the check of one server key against it.
struct KnownHosts {
    private struct Entry {
        let revoked: Bool
        let patterns: [Substring]
        let key: [UInt8]
    }

    private let entries: [Entry]

    /// Reads `path`; a missing file lists nothing. Lines that are not key lines (comments,
    /// `@cert-authority` entries, which GitStore does not support) are skipped.
    init(path: String) throws {
        guard FileManager.default.fileExists(atPath: path) else {
            entries = []
            return
        }
        let text = try String(contentsOfFile: path, encoding: .utf8)
        entries = text.split(whereSeparator: \.isNewline).compactMap { line -> Entry? in
            var fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
            guard let first = fields.first, !first.hasPrefix("#") else { return nil }
            var revoked = false
            if first.hasPrefix("@") {
                guard first == "@revoked" else { return nil }
                revoked = true
                fields.removeFirst()
            }
            guard fields.count >= 3, let key = Data(base64Encoded: String(fields[2])) else { return nil }
            return Entry(revoked: revoked, patterns: fields[0].split(separator: ","), key: [UInt8](key))
        }
    }

    /// Whether `key` (the SSH wire-format public key) is trusted for `host` on `port`:
    /// listed for the host, and not revoked anywhere.
    func trusts(_ key: [UInt8], host: String, port: Int) -> Bool {
        let name = port == 22 ? host : "[\(host)]:\(port)"
        if entries.contains(where: { $0.revoked && $0.key == key }) { return false }
        return entries.contains { !$0.revoked && $0.key == key && Self.matches(name, $0.patterns) }
    }

    private static func matches(_ name: String, _ patterns: [Substring]) -> Bool {
        var matched = false
        for pattern in patterns {
            if pattern.hasPrefix("!") {
                if wildcard(name, pattern.dropFirst()) { return false }
            } else if pattern.hasPrefix("|1|") {
                if hashedMatch(name, pattern) { matched = true }
            } else if wildcard(name, pattern) {
                matched = true
            }
        }
        return matched
    }

    /// `|1|base64(salt)|base64(HMAC-SHA1(salt, name))`.
    private static func hashedMatch(_ name: String, _ pattern: Substring) -> Bool {
        let parts = pattern.split(separator: "|")
        guard parts.count == 3, let salt = Data(base64Encoded: String(parts[1])),
            let digest = Data(base64Encoded: String(parts[2]))
        else { return false }
        return HMAC<Insecure.SHA1>.isValidAuthenticationCode(
            digest, authenticating: Data(name.utf8), using: SymmetricKey(data: salt))
    }

    /// `*` and `?` wildcards, case-insensitive as OpenSSH compares host names.
    private static func wildcard(_ name: String, _ pattern: Substring) -> Bool {
        let text = Array(name.lowercased().utf8)
        let glob = Array(pattern.lowercased().utf8)
        var memo = [[Bool?]](repeating: [Bool?](repeating: nil, count: glob.count + 1), count: text.count + 1)
        func match(_ t: Int, _ g: Int) -> Bool {
            if let known = memo[t][g] { return known }
            let result: Bool
            if g == glob.count {
                result = t == text.count
            } else if glob[g] == UInt8(ascii: "*") {
                result = match(t, g + 1) || (t < text.count && match(t + 1, g))
            } else {
                result =
                    t < text.count && (glob[g] == UInt8(ascii: "?") || glob[g] == text[t])
                    && match(t + 1, g + 1)
            }
            memo[t][g] = result
            return result
        }
        return match(0, 0)
    }
}
