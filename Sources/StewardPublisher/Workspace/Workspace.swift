import ClientSupport
import Foundation
import GitStore
import StewardPlanner

/// The bare copy of the GitOps repository that a run reads, builds commits in and pushes from.
///
/// Remote branches are fetched into `refs/steward/origin/…`, so nothing a run builds locally is
/// mistaken for what the remote holds. The copy is kept in `repository.cacheDirectory` between
/// runs (later fetches are incremental) or made fresh in a temporary folder.
package final class Workspace {
    package let repository: Repository
    package let settings: RepositorySettings
    let credentials: Credentials
    let branchPrefix: String

    /// Where fetched remote references are kept.
    static let trackingPrefix = "refs/steward/origin/"

    private init(
        repository: Repository, settings: RepositorySettings, credentials: Credentials, branchPrefix: String
    ) {
        self.repository = repository
        self.settings = settings
        self.credentials = credentials
        self.branchPrefix = branchPrefix
    }

    /// Opens the cache, making it when missing.
    /// - Throws: ``StewardError`` naming the folder, or a credentials file that cannot be read.
    package static func open(_ settings: RepositorySettings, branchPrefix: String) throws(StewardError)
        -> Workspace
    {
        let credentials = try Self.credentials(settings)
        let path =
            settings.cacheDirectory
            ?? (NSTemporaryDirectory() as NSString).appendingPathComponent("steward-run-\(UUID().uuidString)")
        do {
            let repository: Repository
            if FileManager.default.fileExists(atPath: (path as NSString).appendingPathComponent("HEAD")) {
                repository = try Repository.open(path: path)
            } else {
                try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
                repository = try Repository(path: path, bare: true)
            }
            return Workspace(
                repository: repository, settings: settings, credentials: credentials,
                branchPrefix: branchPrefix)
        } catch {
            throw StewardError(
                error, context: "\(path): cannot open or create Steward's copy of the repository")
        }
    }

    /// Fetches the base branch, the bot branches and the notes, and returns what the remote held.
    /// - Throws: ``StewardError`` naming the remote (never a token) when it cannot be reached,
    ///   refuses the credentials, or has no base branch.
    package func fetch() throws(StewardError) -> RemoteSnapshot {
        let url = settings.url
        do {
            let advertised = try repository.remoteReferences(remote: url, credentials: credentials)
            let baseReference = "refs/heads/\(settings.baseBranch)"
            guard advertised[baseReference] != nil else {
                throw StewardError.invalidInput("\(Redactor.url(url)) has no branch \(settings.baseBranch)")
            }
            let branchReferences = "refs/heads/\(branchPrefix)"
            var refspecs = [
                "+\(baseReference):\(Self.trackingPrefix)heads/\(settings.baseBranch)",
                "+\(branchReferences)*:\(Self.trackingPrefix)heads/\(branchPrefix)*",
            ]
            if advertised[Repository.stewardNotesReference] != nil {
                refspecs.append("+\(Repository.stewardNotesReference):\(Self.trackingPrefix)notes/steward")
            }
            try repository.fetch(remote: url, refspecs: refspecs, credentials: credentials)
            var branches: [String: ObjectID] = [:]
            for (reference, _) in advertised where reference.hasPrefix(branchReferences) {
                let branch = String(reference.dropFirst("refs/heads/".count))
                branches[branch] = try repository.reference("\(Self.trackingPrefix)heads/\(branch)")
            }
            guard let base = try repository.reference("\(Self.trackingPrefix)heads/\(settings.baseBranch)")
            else {
                throw StewardError.failed(
                    "\(Redactor.url(url)): fetching \(settings.baseBranch) brought nothing")
            }
            let notes =
                advertised[Repository.stewardNotesReference] == nil
                ? nil : try repository.reference("\(Self.trackingPrefix)notes/steward")
            return RemoteSnapshot(base: base, branches: branches, notes: notes)
        } catch {
            throw StewardError(error, context: "cannot fetch \(Redactor.url(url))")
        }
    }

    /// Points a local reference at `target`, whatever it pointed at before.
    func setReference(_ name: String, to target: ObjectID, message: String) throws {
        try repository.updateReference(
            name, to: target, expecting: try repository.reference(name), message: message)
    }

    /// The credentials the settings describe; token files are read now, so a missing Secret fails
    /// the run before any work.
    static func credentials(_ settings: RepositorySettings) throws(StewardError) -> Credentials {
        if let tokenFile = settings.tokenFile {
            guard let data = FileManager.default.contents(atPath: tokenFile) else {
                throw .invalidInput("repository.tokenFile \(tokenFile): cannot read the file")
            }
            let token = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            guard !token.isEmpty, !token.contains(where: \.isNewline) else {
                throw .invalidInput("repository.tokenFile \(tokenFile): expected one line holding the token")
            }
            return .token(token, user: settings.tokenUser, certificateAuthorityFile: settings.caFile)
        }
        if let key = settings.sshKeyFile {
            return .sshKey(
                privateKeyPath: key,
                hostKey: .knownHosts(path: settings.knownHostsFile ?? Credentials.defaultKnownHosts))
        }
        return Credentials(method: .none, certificateAuthorityFile: settings.caFile)
    }
}
