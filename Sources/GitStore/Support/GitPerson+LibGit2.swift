internal import CLibGit2
import Foundation

extension GitPerson {
    /// Copies a libgit2 signature (name, email, time and offset).
    init(_ signature: UnsafePointer<git_signature>) {
        let value = signature.pointee
        self.init(
            name: value.name.map { String(cString: $0) } ?? "",
            email: value.email.map { String(cString: $0) } ?? "",
            date: Date(timeIntervalSince1970: TimeInterval(value.when.time)),
            timeZoneOffsetMinutes: Int(value.when.offset))
    }

    /// Runs `body` with a libgit2 signature for this person, freed afterwards.
    @discardableResult
    func withSignature<Result>(_ body: (UnsafePointer<git_signature>) throws -> Result) throws -> Result {
        let signature: UnsafeMutablePointer<git_signature> = try LibGit2.make(
            "git_signature_new", subject: "\(name) <\(email)>"
        ) {
            git_signature_new(
                &$0, name, email, git_time_t(date.timeIntervalSince1970.rounded(.down)),
                Int32(timeZoneOffsetMinutes))
        }
        defer { git_signature_free(signature) }
        return try body(signature)
    }
}
