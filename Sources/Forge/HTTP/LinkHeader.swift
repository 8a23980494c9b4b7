import Foundation

/// The `Link` header of RFC 8288 as GitHub and Gitea send it for pagination:
/// `<https://api.github.com/…&page=2>; rel="next", <…&page=5>; rel="last"`.
enum LinkHeader {
    /// The target of the link whose `rel` includes `relation`, if any.
    static func target(of relation: String, in header: String) -> String? {
        var rest = Substring(header)
        while let open = rest.firstIndex(of: "<") {
            guard let close = rest[open...].firstIndex(of: ">") else { return nil }
            let target = String(rest[rest.index(after: open)..<close])
            let afterTarget = rest[rest.index(after: close)...]
            let end = afterTarget.firstIndex(of: "<") ?? afterTarget.endIndex
            let parameters = afterTarget[..<end]
            if relations(in: parameters).contains(relation) { return target }
            rest = afterTarget[end...]
        }
        return nil
    }

    /// The space-separated values of the `rel` parameter in `; rel="next last",`.
    private static func relations(in parameters: Substring) -> [String] {
        for parameter in parameters.split(separator: ";") {
            let pair = parameter.split(separator: "=", maxSplits: 1)
            guard pair.count == 2,
                pair[0].trimmingCharacters(in: .whitespaces).lowercased() == "rel"
            else { continue }
            let value = pair[1].trimmingCharacters(in: CharacterSet(charactersIn: " \t,\""))
            return value.split(separator: " ").map { $0.lowercased() }
        }
        return []
    }
}
