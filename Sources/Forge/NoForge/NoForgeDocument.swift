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

    /// The document's text, ending with a newline.
    var text: String {
        let fields = [
            "head=\(ForgeHTTP.percentEncoded(head))", "base=\(ForgeHTTP.percentEncoded(base))",
            "labels=\(labels.map(ForgeHTTP.percentEncoded).joined(separator: ","))",
        ]
        var text = Self.prefix + fields.joined(separator: " ") + Self.suffix + "\n# \(title)\n\n\(body)"
        if !text.hasSuffix("\n") { text += "\n" }
        return text
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
            guard pair.count == 2, let value = String(pair[1]).removingPercentEncoding else { return nil }
            fields[String(pair[0])] = value
        }
        guard let head = fields["head"], let base = fields["base"], let labels = fields["labels"] else {
            return nil
        }
        let body = lines.count == 4 ? String(lines[3]) : ""
        self.init(
            head: head, base: base,
            labels: labels.isEmpty
                ? [] : labels.split(separator: ",").compactMap { String($0).removingPercentEncoding },
            title: String(lines[1].dropFirst(2)), body: body)
    }

    init(head: String, base: String, labels: [String], title: String, body: String) {
        self.head = head
        self.base = base
        self.labels = labels
        self.title = title
        self.body = body
    }
}
