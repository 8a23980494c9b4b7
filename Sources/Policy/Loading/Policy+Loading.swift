import YAMLSyntax

extension Policy {
    /// The `apiVersion` of policy and policy test files.
    public static let apiVersion = "steward.dev/v1"
    /// Where a repository keeps the policy in force, relative to its root.
    public static let defaultPath = "policies/steward.yaml"

    /// Reads and checks a parsed policy file.
    /// - Throws: `YAMLDiagnostics` with every problem: unknown fields (with a did-you-mean),
    ///   wrong types, bad quantities, `min` above `max`, paths that can never match a resources
    ///   field, rules shadowed by an earlier one, a wrong `apiVersion` or `kind`.
    public init(file: YAMLFile) throws(YAMLDiagnostics) {
        var decoder = PolicyDecoder(reader: YAMLReader(file: file))
        let policy = decoder.decode()
        guard let policy, decoder.reader.diagnostics.isEmpty else {
            throw YAMLDiagnostics(decoder.reader.diagnostics)
        }
        self = policy
    }

    /// Parses and checks the bytes of a policy file; `path` names it in messages.
    public init(bytes: [UInt8], path: String) throws(YAMLDiagnostics) {
        let file: YAMLFile
        do {
            file = try YAMLFile(bytes: bytes, path: path)
        } catch {
            throw YAMLDiagnostics([error])
        }
        try self.init(file: file)
    }

    /// Reads, parses and checks the policy file at `path`.
    public init(contentsOf path: String) throws(YAMLDiagnostics) {
        try self.init(file: try YAMLFile(contentsOf: path, what: "the file"))
    }
}
