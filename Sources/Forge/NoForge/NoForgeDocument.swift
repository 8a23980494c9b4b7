import ClientSupport
import Foundation

/// The text the `none` forge writes for a pull request: a metadata comment that Markdown
/// renderers hide, the title as a heading, and the body.
///
/// ```
/// <!-- steward pull request: head=steward/shop-web base=main labels=steward,resources -->
/// # steward: right-size shop/web (cpu 500m→180m)
///
/// …body…
/// ```
struct NoForgeDocument: Sendable, Equatable {
    var head: String
    var base: String
    var labels: [String]
    var title: String
    var body: String

    private static let prefix = "<!-- steward pull request: "
    private static let suffix = " -->"

    /// The file name for a branch: `/` becomes `-` (`steward/shop-web` → `steward-shop-web.md`).
    static func fileName(forBranch branch: String) -> String {
        branch.replacingOccurrences(of: "/", with: "-") + ".md"
    }

    /// The document's text; the body is written as it is, so it reads back byte for byte.
    var text: String {
        let fields = [
            "head=\(URLComponent.encoded(head))", "base=\(URLComponent.encoded(base))",
            "labels=\(labels.map(URLComponent.encoded).joined(separator: ","))",
        ]
        return Self.prefix + fields.joined(separator: " ") + Self.suffix
            + "\n# \(title.replacingOccurrences(of: "\n", with: " "))\n\n\(body)"
    }

    /// Reads a document back; `nil` when `text` was not written by ``text``.
    init?(parsing text: String) {
        let lines = text.split(separator: "\n", maxSplits: 3, omittingEmptySubsequences: false)
        guard lines.count >= 3, lines[0].hasPrefix(Self.prefix), lines[0].hasSuffix(Self.suffix),
            lines[1].hasPrefix("# "), lines[2].isEmpty
        else { return nil }
        var fields: [String: String] = [:]
        let inner = lines[0].dropFirst(Self.prefix.count).dropLast(Self.suffix.count)
        for field in inner.split(separator: " ") {
            let pair = field.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard pair.count == 2 else { return nil }
            fields[String(pair[0])] = String(pair[1])
        }
        // Values are percent-encoded one by one, so split the label list before decoding.
        guard let head = fields["head"]?.removingPercentEncoding,
            let base = fields["base"]?.removingPercentEncoding,
            let labels = fields["labels"]?.split(separator: ",").map({ String($0).removingPercentEncoding }),
            !labels.contains(nil)
        else { return nil }
        let body = lines.count == 4 ? String(lines[3]) : ""
        self.init(
            head: head, base: base, labels: labels.compactMap { $0 }, title: String(lines[1].dropFirst(2)),
            body: body)
    }

    init(head: String, base: String, labels: [String], title: String, body: String) {
        self.head = head
        self.base = base
        self.labels = labels
        self.title = title
        self.body = body
    }
}
