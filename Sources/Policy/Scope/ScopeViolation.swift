import YAMLSyntax

/// A change outside the policy, found on the bytes.
public struct ScopeViolation: Sendable, Hashable, CustomStringConvertible {
    public var file: String
    /// The document, when the violation is inside one.
    public var document: Int?
    /// The changed place, when the violation is about one.
    public var path: YAMLPath?
    public var message: String

    public init(file: String, document: Int? = nil, path: YAMLPath? = nil, message: String) {
        self.file = file
        self.document = document
        self.path = path
        self.message = message
    }

    /// `apps/web.yaml[0] spec.template.spec.containers[0].image: …`.
    public var description: String {
        var place = file
        if let document { place += "[\(document)]" }
        if let path { place += " \(path)" }
        return "\(place): \(message)"
    }
}
