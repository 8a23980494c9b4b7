import Foundation
import Policy
import StewardPlanner

/// `steward policy init`: writes the documented default policy and its cases into a repository.
package struct PolicyInitializer: Sendable {
    /// The repository's root folder.
    package var repository: String
    /// Replace files that already exist.
    package var force: Bool

    package init(repository: String, force: Bool = false) {
        self.repository = repository
        self.force = force
    }

    /// Writes `policies/steward.yaml` and `policies/steward.tests.yaml` and says what to do next.
    /// - Throws: ``StewardError`` when the repository is missing, a file exists (without
    ///   `force`), or writing fails; in every case nothing is written.
    package func run() throws(StewardError) -> String {
        let fileManager = FileManager.default
        var isDirectory: ObjCBool = false
        guard fileManager.fileExists(atPath: repository, isDirectory: &isDirectory), isDirectory.boolValue
        else {
            throw .invalidInput("\(repository): no such directory")
        }
        let files = [
            (Policy.defaultPath, DefaultPolicy.text), (DefaultPolicy.testsPath, DefaultPolicy.tests),
        ]
        let paths = files.map { file in
            (repository == "." ? file.0 : (repository as NSString).appendingPathComponent(file.0), file.1)
        }
        if !force, let existing = paths.first(where: { fileManager.fileExists(atPath: $0.0) }) {
            throw .invalidInput("\(existing.0) already exists; edit it, or pass --force to replace it")
        }
        do {
            try fileManager.createDirectory(
                atPath: (paths[0].0 as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            for (path, text) in paths {
                try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
            }
        } catch {
            throw .failed("cannot write the policy: \(error.localizedDescription)")
        }
        return """
            Wrote \(paths[0].0) (the default policy) and \(paths[1].0) (its cases).
            Review them, run `steward policy test \((paths[0].0 as NSString).deletingLastPathComponent)`, and commit both:
            Steward allows no change until a policy is in the repository.

            """
    }
}
