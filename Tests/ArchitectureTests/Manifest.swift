/// The part of `swift package dump-package`'s JSON the layering check reads.
struct Manifest: Decodable {
    struct Target: Decodable {
        var name: String
        /// `regular`, `executable`, `test`, `system`.
        var type: String
        var path: String?
        var dependencies: [Dependency]
    }

    /// One dependency: `{"byName": [name, condition]}`, `{"target": [...]}` or
    /// `{"product": [name, package, moduleAliases, condition]}`.
    struct Dependency: Decodable {
        var module: String?

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: Kind.self)
            let key = container.allKeys.first
            guard let key else {
                module = nil
                return
            }
            var values = try container.nestedUnkeyedContainer(forKey: key)
            module = try values.decodeIfPresent(String.self)
        }

        private struct Kind: CodingKey {
            var stringValue: String
            var intValue: Int? { nil }
            init(stringValue: String) { self.stringValue = stringValue }
            init?(intValue: Int) { nil }
        }
    }

    var targets: [Target]
}
