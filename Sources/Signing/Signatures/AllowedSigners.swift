import Foundation

/// An allowed-signers file in the format git and `ssh-keygen -Y verify` read
/// (`gpg.ssh.allowedSignersFile`): one entry a line,
/// `principals [options] keytype base64key [comment]`, `#` comments and blank lines ignored.
///
/// Options understood: `namespaces="git,file"` (the namespaces the key may sign),
/// `valid-after` and `valid-before` (`YYYYMMDD[HHMM[SS]][Z]`). `cert-authority` entries are
/// rejected as unsupported rather than silently ignored.
public struct AllowedSigners: Sendable {
    /// One line of the file.
    public struct Entry: Sendable, Equatable {
        /// The principal patterns (`steward@example.com`, `*@example.com`).
        public var principals: [String]
        /// The namespaces the key may sign in; `nil` means any.
        public var namespaces: [String]?
        /// The key may only sign from this moment on.
        public var validAfter: Date?
        /// The key may only sign until this moment.
        public var validBefore: Date?
        /// The key.
        public var publicKey: SSHPublicKey
        /// The 1-based line number in the file.
        public var line: Int
    }

    /// The entries, in file order.
    public let entries: [Entry]
    /// The file the entries came from, for messages.
    public let path: String

    /// Parses the text of an allowed-signers file.
    /// - Throws: `SigningError.malformedAllowedSigners` naming `path` and the line.
    public init(parsing text: String, path: String) throws {
        self.path = path
        var entries: [Entry] = []
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            do {
                entries.append(try Self.entry(line, number: index + 1))
            } catch let reason as LineError {
                throw SigningError.malformedAllowedSigners(
                    path: path, line: index + 1, reason: reason.message)
            }
        }
        self.entries = entries
    }

    /// Reads and parses the file at `path`.
    public init(contentsOf path: String) throws {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw SigningError.malformedAllowedSigners(path: path, line: 0, reason: "cannot read the file")
        }
        try self.init(parsing: String(decoding: data, as: UTF8.self), path: path)
    }

    /// The entries that let `key` sign in `namespace` at `date`.
    public func entries(for key: SSHPublicKey, namespace: String, at date: Date = Date()) -> [Entry] {
        entries.filter { entry in
            entry.publicKey.sameKey(as: key) && (entry.namespaces?.contains(namespace) ?? true)
                && (entry.validAfter.map { date >= $0 } ?? true)
                && (entry.validBefore.map { date <= $0 } ?? true)
        }
    }

    private struct LineError: Error {
        let message: String
    }

    private static func entry(_ line: String, number: Int) throws -> Entry {
        var tokens = try tokenize(line)
        guard tokens.count >= 3 else {
            throw LineError(message: "expected `principals [options] keytype base64key`")
        }
        let principals = tokens.removeFirst().filter { $0 != "\"" }.split(separator: ",").map(String.init)
        var namespaces: [String]?
        var validAfter: Date?
        var validBefore: Date?
        // Options are `name=value` pairs or `cert-authority`; anything else is the key type.
        if tokens[0].contains("=") || tokens[0].lowercased().hasPrefix("cert-authority") {
            for option in try splitOptions(tokens.removeFirst()) {
                let (name, value) = option
                switch name.lowercased() {
                case "namespaces": namespaces = value.split(separator: ",").map(String.init)
                case "valid-after": validAfter = try timestamp(value)
                case "valid-before": validBefore = try timestamp(value)
                case "cert-authority":
                    throw LineError(message: "cert-authority entries are not supported")
                default: throw LineError(message: "unknown option \(name)")
                }
            }
        }
        guard tokens.count >= 2 else { throw LineError(message: "missing the key type or the key") }
        let key: SSHPublicKey
        do {
            key = try SSHPublicKey(authorizedKeyLine: "\(tokens[0]) \(tokens[1])")
        } catch {
            throw LineError(message: "unsupported key type \(tokens[0]) or malformed key")
        }
        return Entry(
            principals: principals, namespaces: namespaces, validAfter: validAfter, validBefore: validBefore,
            publicKey: key, line: number)
    }

    /// Whitespace-separated tokens, where double quotes protect spaces (`namespaces="a b"`).
    private static func tokenize(_ line: String) throws -> [String] {
        var tokens: [String] = []
        var current = ""
        var quoted = false
        for character in line {
            if character == "\"" {
                quoted.toggle()
                current.append(character)
            } else if (character == " " || character == "\t") && !quoted {
                if !current.isEmpty { tokens.append(current) }
                current = ""
            } else {
                current.append(character)
            }
        }
        if quoted { throw LineError(message: "unterminated quote") }
        if !current.isEmpty { tokens.append(current) }
        return tokens
    }

    /// `name="value",flag` → [(name, value)], commas inside quotes kept.
    private static func splitOptions(_ text: String) throws -> [(String, String)] {
        var options: [(String, String)] = []
        var current = ""
        var quoted = false
        for character in text + "," {
            if character == "\"" {
                quoted.toggle()
            } else if character == "," && !quoted {
                let parts = current.split(separator: "=", maxSplits: 1)
                if let name = parts.first {
                    options.append((String(name), parts.count > 1 ? String(parts[1]) : ""))
                }
                current = ""
            } else {
                current.append(character)
            }
        }
        return options
    }

    private static func timestamp(_ value: String) throws -> Date {
        var digits = value
        let utc = digits.hasSuffix("Z")
        if utc { digits.removeLast() }
        let formats = [8: "yyyyMMdd", 12: "yyyyMMddHHmm", 14: "yyyyMMddHHmmss"]
        guard digits.allSatisfy(\.isNumber), let format = formats[digits.count] else {
            throw LineError(message: "bad time \(value): expected YYYYMMDD[HHMM[SS]][Z]")
        }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = format
        formatter.timeZone = utc ? TimeZone(identifier: "UTC") : TimeZone.current
        guard let date = formatter.date(from: digits) else { throw LineError(message: "bad time \(value)") }
        return date
    }
}
