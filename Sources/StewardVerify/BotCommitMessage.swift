/// The message of a bot commit (`docs/policy.md`, "Bot commits"): a subject, a body, and the
/// trailers that tie the commit to its finding, its evidence, the policy rule that allowed it,
/// and the run that made it. The publisher writes it with `text`; `steward verify` reads it back
/// with `init(parsing:)`.
package struct BotCommitMessage: Sendable, Hashable {
    package static let findingKey = "Steward-Finding"
    package static let evidenceKey = "Steward-Evidence"
    package static let policyKey = "Steward-Policy"
    package static let runKey = "Steward-Run"

    package var subject: String
    package var body: String
    /// `<kind>/<cluster>/<namespace>/<Kind>/<name>/<container>`.
    package var finding: String
    /// SHA-256 of the evidence note's bytes, 64 lowercase hexadecimal digits.
    package var evidence: String
    /// The rule that allowed the change.
    package var policyRule: String
    /// The policy file, relative to the repository root.
    package var policyPath: String
    /// The id of the policy file's blob in the parent commit's tree, 40 hexadecimal digits.
    package var policyBlob: String
    package var run: String

    package init(
        subject: String, body: String, finding: String, evidence: String, policyRule: String,
        policyPath: String,
        policyBlob: String, run: String
    ) {
        self.subject = subject
        self.body = body
        self.finding = finding
        self.evidence = evidence
        self.policyRule = policyRule
        self.policyPath = policyPath
        self.policyBlob = policyBlob
        self.run = run
    }

    /// The full message: subject, blank line, body (when any), blank line, the four trailers.
    package var text: String {
        var text = subject + "\n\n"
        if !body.isEmpty { text += body.hasSuffix("\n") ? body + "\n" : body + "\n\n" }
        text += "\(Self.findingKey): \(finding)\n"
        text += "\(Self.evidenceKey): sha256:\(evidence)\n"
        text += "\(Self.policyKey): \(policyRule) (\(policyPath)@\(policyBlob))\n"
        text += "\(Self.runKey): \(run)\n"
        return text
    }

    /// Whether `message` claims to be a bot commit: it carries a `Steward-Finding` trailer.
    package static func claimsBot(_ message: String) -> Bool {
        !CommitTrailers(message: message).values(findingKey).isEmpty
    }

    /// Reads a bot commit's message: its subject and trailers (the body is left empty).
    /// - Throws: the problems with its trailers, each in words.
    package init(parsing message: String) throws(BotCommitMessageError) {
        let trailers = CommitTrailers(message: message)
        var problems: [String] = []
        func single(_ key: String) -> String? {
            let values = trailers.values(key)
            if values.count > 1 { problems.append("\(key) appears \(values.count) times") }
            if values.isEmpty { problems.append("missing the \(key) trailer") }
            return values.count == 1 ? values[0] : nil
        }
        let finding = single(Self.findingKey)
        let evidence = single(Self.evidenceKey).flatMap { value -> String? in
            let digest = value.hasPrefix("sha256:") ? String(value.dropFirst(7)) : ""
            guard digest.count == 64, digest.allSatisfy({ $0.isHexDigit && !$0.isUppercase }) else {
                problems.append("\(Self.evidenceKey) is not sha256:<64 lowercase hex digits>: \(value)")
                return nil
            }
            return digest
        }
        let policy = single(Self.policyKey).flatMap { value -> (String, String, String)? in
            guard let parsed = Self.policyTrailer(value) else {
                problems.append("\(Self.policyKey) is not `<rule> (<policy path>@<blob id>)`: \(value)")
                return nil
            }
            return parsed
        }
        let run = single(Self.runKey)
        guard problems.isEmpty, let finding, let evidence, let policy, let run else {
            throw BotCommitMessageError(problems: problems)
        }
        let lines = message.split(separator: "\n", omittingEmptySubsequences: false)
        self.init(
            subject: lines.first.map(String.init) ?? "", body: "", finding: finding, evidence: evidence,
            policyRule: policy.0, policyPath: policy.1, policyBlob: policy.2, run: run)
    }

    /// `rule (path@blob)` → (rule, path, blob).
    private static func policyTrailer(_ value: String) -> (String, String, String)? {
        guard value.hasSuffix(")"), let open = value.lastIndex(of: "(") else { return nil }
        let rule = value[..<open].trimmingSuffix(" ")
        let inner = value[value.index(after: open)..<value.index(before: value.endIndex)]
        guard let at = inner.lastIndex(of: "@") else { return nil }
        let path = String(inner[..<at])
        let blob = String(inner[inner.index(after: at)...])
        guard !rule.isEmpty, !path.isEmpty, blob.count == 40, blob.allSatisfy(\.isHexDigit) else {
            return nil
        }
        return (String(rule), path, blob.lowercased())
    }
}

/// Why a bot commit's message does not follow the format.
package struct BotCommitMessageError: Error, Sendable, Hashable {
    package var problems: [String]
}

extension Substring {
    fileprivate func trimmingSuffix(_ character: Character) -> Substring {
        var text = self
        while text.last == character { text = text.dropLast() }
        return text
    }
}
