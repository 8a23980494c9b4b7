import Foundation
import GitStore
import Signing
import StewardPlanner
import StewardPublisher

/// `steward demo`: the whole loop on the bundled example, in a work directory of its own.
///
/// The bundled `examples/demo-repo` becomes a bare Git repository (`DIR/remote.git`, one commit on
/// `main`), Steward signs with a fresh Ed25519 key (`DIR/signing_key`, its allowed-signers line in
/// `DIR/allowed_signers`), plans with `examples/demo-profiles.json`, and publishes one signed
/// branch per target (a folder of manifests here) with the `none` forge, which writes each pull
/// request to `DIR/<branch with / as ->.md`. Then stock `git verify-commit` and Steward's own
/// verifier check every bot commit. With `--workdir DIR` everything is kept and reused: the next run finds the
/// branches as it would build them and pushes nothing.
package struct Demo: Sendable {
    /// The examples directory holding `demo-repo/` and `demo-profiles.json`.
    package var examples: String
    /// Where the demo keeps its files; a fresh temporary directory when nil.
    package var workdir: String?

    /// The identity on the demo's bot commits.
    static let email = "steward@demo.invalid"

    /// - Parameter examples: the examples directory; found next to the executable's sources when nil.
    package init(examples: String?, workdir: String?) throws(StewardError) {
        if let examples {
            let repository = (examples as NSString).appendingPathComponent("demo-repo")
            guard FileManager.default.fileExists(atPath: repository) else {
                throw .invalidInput("\(examples): not an examples directory (no demo-repo/ inside)")
            }
            self.examples = examples
        } else {
            self.examples = try Self.locateExamples()
        }
        self.workdir = workdir
    }

    /// What the demo prints, and the error to exit with when one of its checks failed.
    package struct Outcome: Sendable {
        package var text: String
        /// Set when a signature or `steward verify` check failed: the text says which.
        package var failure: StewardError?
    }

    /// Runs the demo.
    package func run() async throws(StewardError) -> Outcome {
        let directory = try prepareWorkdir()
        let paths = DemoPaths(directory: directory)
        let created = try createRemoteIfMissing(at: paths.remote)
        let key = try signingKey(paths)
        let profiles = (examples as NSString).appendingPathComponent("demo-profiles.json")
        let configuration = StewardConfiguration(
            repository: RepositorySettings(url: "file://\(paths.remote)", cacheDirectory: paths.cache),
            observe: .profiles(path: profiles),
            signing: SigningSettings(keyFile: paths.key, name: "Steward (demo)", email: Self.email),
            forge: .init(kind: .none, outputDirectory: directory))
        let report = try await Runner(RunRequest(configuration: configuration)).run()
        if let failure = report.failure ?? report.outcomes.first(where: { $0.action == .failed })?.detail {
            throw .failed("the demo's run failed: \(failure)")
        }
        var output = """
            Steward demo in \(directory)
              remote       file://\(paths.remote) (\(created ? "made from" : "reused; first made from") \(examples)/demo-repo)
              profiles     \(profiles)
              signing key  \(paths.key) (\(key.fingerprint)), allowed in \(paths.allowedSigners)

            """
        output += "\n" + report.text
        for outcome in report.outcomes where outcome.action != .closed {
            output += "\n" + (await branchDiff(outcome.branch, remote: paths.remote))
        }
        let checks = await DemoChecks(paths: paths, branches: report.outcomes.map(\.branch)).run()
        output += "\n" + checks.text
        for outcome in report.outcomes where outcome.action != .closed {
            output += "\n" + pullRequestText(outcome.branch, in: directory)
        }
        output +=
            "\nRun `steward demo --workdir \(directory)` again: it finds every branch as it would build it, "
        output += "pushes nothing and leaves the pull requests alone.\n"
        let failure =
            checks.failures == 0
            ? nil
            : StewardError.failed(
                "\(checks.failures) of the demo's checks failed: see the signatures and the verifier above")
        return Outcome(text: output, failure: failure)
    }

    private func prepareWorkdir() throws(StewardError) -> String {
        let directory =
            workdir.map { URL(fileURLWithPath: $0).standardizedFileURL.path }
            ?? (NSTemporaryDirectory() as NSString).appendingPathComponent(
                "steward-demo-\(UUID().uuidString)")
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw .failed("\(directory): cannot create the demo directory: \(error.localizedDescription)")
        }
        return directory
    }

    /// The demo's signing key, made on the first run and reused after; its allowed-signers line is
    /// written next to it in git's format.
    private func signingKey(_ paths: DemoPaths) throws(StewardError) -> SSHPrivateKey {
        do {
            let key: SSHPrivateKey
            if FileManager.default.fileExists(atPath: paths.key) {
                key = try SSHPrivateKey(contentsOf: paths.key)
            } else {
                key = try SSHPrivateKey.generateEd25519(comment: Self.email)
                try key.write(to: paths.key)
            }
            try Data(BotIdentity.allowedSignersLine(email: Self.email, key: key.publicKey).utf8)
                .write(to: URL(fileURLWithPath: paths.allowedSigners))
            return key
        } catch {
            throw StewardError(error, context: "\(paths.key): cannot make or read the demo's signing key")
        }
    }

    /// Writes the bundled repository into a fresh bare repository whose `main` holds every file in
    /// one commit, unless the work directory already has one.
    /// - Returns: whether it made the repository.
    private func createRemoteIfMissing(at path: String) throws(StewardError) -> Bool {
        guard !FileManager.default.fileExists(atPath: path) else { return false }
        let source = (examples as NSString).appendingPathComponent("demo-repo")
        do {
            let repository = try Repository(path: path, bare: true)
            var files: [String: [UInt8]] = [:]
            let root = URL(fileURLWithPath: source, isDirectory: true).standardizedFileURL.path + "/"
            let enumerator = FileManager.default.enumerator(atPath: source)
            while let relative = enumerator?.nextObject() as? String {
                guard
                    (try? FileManager.default.attributesOfItem(atPath: root + relative)[.type]
                        as? FileAttributeType)
                        == .typeRegular,
                    let data = FileManager.default.contents(atPath: root + relative)
                else { continue }
                files[relative] = [UInt8](data)
            }
            let tree = try repository.makeTree(base: nil, upserts: files)
            let author = GitPerson(name: "Demo Platform Team", email: "platform@example.com")
            let commit = try repository.commit(
                tree: tree, parents: [], author: author, committer: author,
                message: "Add the shop, payments and search apps")
            try repository.updateReference(
                "refs/heads/main", to: commit, expecting: nil, message: "demo: initial commit")
            return true
        } catch {
            throw StewardError(error, context: "\(path): cannot create the demo's Git repository")
        }
    }

    /// What the branch changes against `main`, as `git diff` prints it for a reviewer, or why
    /// it could not be shown.
    private func branchDiff(_ branch: String, remote: String) async -> String {
        let heading = "Changes on \(branch) (git diff main...\(branch)):\n\n"
        guard let output = await DemoGit(repository: remote).run(["diff", "main...\(branch)"]) else {
            return heading + "git is not installed (apt-get install git); run: git diff main...\(branch)\n"
        }
        guard output.status == 0 else {
            return heading + "git diff failed (exit \(output.status)): \(output.standardError)"
        }
        return heading + output.standardOutput
    }

    /// What the `none` forge wrote for `branch`.
    private func pullRequestText(_ branch: String, in directory: String) -> String {
        let path = (directory as NSString).appendingPathComponent(
            branch.replacingOccurrences(of: "/", with: "-") + ".md")
        let text =
            FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) } ?? ""
        return "Pull request \(branch) → main (\(path)):\n\n\(text)"
    }

    /// Finds `examples/` in the current directory or above the executable (a build folder inside
    /// the source tree), so `make demo` works from a fresh clone without any flag.
    static func locateExamples() throws(StewardError) -> String {
        let fileManager = FileManager.default
        var candidates = [fileManager.currentDirectoryPath]
        var directory = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
            .deletingLastPathComponent()
        while directory.path != "/" {
            candidates.append(directory.path)
            directory.deleteLastPathComponent()
        }
        for candidate in candidates {
            let examples = (candidate as NSString).appendingPathComponent("examples")
            if fileManager.fileExists(atPath: (examples as NSString).appendingPathComponent("demo-repo")) {
                return examples
            }
        }
        throw .invalidInput(
            "cannot find examples/demo-repo: run from the Steward checkout or pass --examples DIR")
    }
}
