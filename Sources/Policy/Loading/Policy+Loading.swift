import Foundation
import YAMLSyntax

extension Policy {
    /// The `apiVersion` of policy and policy test files.
    public static let apiVersion = "steward.dev/v1"
    /// Where a repository keeps the policy in force, relative to its root.
    public static let defaultPath = "policies/steward.yaml"

    /// Reads and checks a parsed policy file.
    /// - Throws: `PolicyLoadError` with every problem: unknown fields (with a did-you-mean),
    ///   wrong types, bad quantities, `min` above `max`, paths that can never match a resources
    ///   field, rules shadowed by an earlier one, a wrong `apiVersion` or `kind`.
    public init(file: YAMLFile) throws(PolicyLoadError) {
        var decoder = PolicyDecoder(reader: PolicyReader(file: file))
        let policy = decoder.decode()
        guard let policy, decoder.reader.diagnostics.isEmpty else {
            throw PolicyLoadError(decoder.reader.diagnostics)
        }
        self = policy
    }

    /// Parses and checks the bytes of a policy file; `path` names it in messages.
    public init(bytes: [UInt8], path: String) throws(PolicyLoadError) {
        let file: YAMLFile
        do {
            file = try YAMLFile(bytes: bytes, path: path)
        } catch {
            throw PolicyLoadError([error])
        }
        try self.init(file: file)
    }

    /// Reads, parses and checks the policy file at `path`.
    public init(contentsOf path: String) throws(PolicyLoadError) {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw PolicyLoadError([YAMLError(path: path, line: 0, column: 0, message: "cannot read the file")]
            )
        }
        try self.init(bytes: [UInt8](data), path: path)
    }
}
