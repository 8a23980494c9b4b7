import Foundation
import GitStore

/// `steward demo`: the loop on the bundled example, in a work directory of its own.
public struct Demo: Sendable {
    /// The examples directory holding `demo-repo/` and `demo-profiles.json`.
    public var examples: String
    /// Where the demo keeps its files; a fresh temporary directory when nil.
    public var workdir: String?

    /// - Parameter examples: the examples directory; found next to the executable's sources when nil.
    public init(examples: String?, workdir: String?) throws(StewardError) {
        if let examples {
            let repository = (examples as NSString).appendingPathComponent("demo-repo")
            guard FileManager.default.fileExists(atPath: repository) else {
                throw StewardError("\(examples): not an examples directory (no demo-repo/ inside)")
            }
            self.examples = examples
        } else {
            self.examples = try Self.locateExamples()
        }
        self.workdir = workdir
    }

    /// Runs the demo and returns what it prints.
    public func run() throws(StewardError) -> String {
        let directory = try prepareWorkdir()
        let repository = (directory as NSString).appendingPathComponent("repo")
        try copyRepository(to: repository)
        try commitRemote(at: (directory as NSString).appendingPathComponent("remote.git"), from: repository)
        let profiles = (examples as NSString).appendingPathComponent("demo-profiles.json")
        let plan = try Planner().plan(PlanRequest(repository: repository, profiles: profiles))
        return PlanRenderer.render(plan, as: .text)
    }

    private func prepareWorkdir() throws(StewardError) -> String {
        let fileManager = FileManager.default
        let directory =
            workdir
            ?? (NSTemporaryDirectory() as NSString).appendingPathComponent(
                "steward-demo-\(UUID().uuidString)")
        do {
            try fileManager.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw StewardError(
                "\(directory): cannot create the demo directory: \(error.localizedDescription)")
        }
        return directory
    }

    /// Replaces `destination` with a fresh copy of the bundled demo repository.
    private func copyRepository(to destination: String) throws(StewardError) {
        let fileManager = FileManager.default
        let source = (examples as NSString).appendingPathComponent("demo-repo")
        do {
            if fileManager.fileExists(atPath: destination) {
                try fileManager.removeItem(atPath: destination)
            }
            try fileManager.copyItem(atPath: source, toPath: destination)
        } catch {
            throw StewardError("cannot copy \(source) to \(destination): \(error.localizedDescription)")
        }
    }

    /// Writes the copy into a fresh bare repository whose `main` holds every file in one commit:
    /// the GitOps repository's remote, as Steward would be pointed at it.
    private func commitRemote(at path: String, from checkout: String) throws(StewardError) {
        do {
            if FileManager.default.fileExists(atPath: path) {
                try FileManager.default.removeItem(atPath: path)
            }
            let repository = try Repository(path: path, bare: true)
            var files: [String: [UInt8]] = [:]
            let root = URL(fileURLWithPath: checkout, isDirectory: true).standardizedFileURL.path + "/"
            let enumerator = FileManager.default.enumerator(atPath: checkout)
            while let relative = enumerator?.nextObject() as? String {
                guard let data = FileManager.default.contents(atPath: root + relative),
                    (try? FileManager.default.attributesOfItem(atPath: root + relative)[.type]
                        as? FileAttributeType)
                        == .typeRegular
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
        } catch {
            throw StewardError("\(path): cannot create the demo's Git repository: \(error)")
        }
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
        throw StewardError(
            "cannot find examples/demo-repo: run from the Steward checkout or pass --examples DIR")
    }
}
