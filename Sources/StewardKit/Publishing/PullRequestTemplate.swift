import Mustache

/// The pull-request body template: the bundled one (`templates/pull-request.md.mustache`) or a
/// repository's own.
struct PullRequestTemplate: Sendable {
    let template: MustacheTemplate
    /// Where the template came from, for messages.
    let origin: String

    /// Parses `text`.
    /// - Throws: ``StewardError`` with `origin:line:column`, the line and a caret.
    init(_ text: String, origin: String) throws(StewardError) {
        do {
            template = try MustacheTemplate(string: text)
        } catch let error as MustacheTemplate.ParserError {
            let context = error.context
            let caret = String(repeating: " ", count: max(context.columnNumber - 1, 0)) + "^"
            throw StewardError(
                "\(origin):\(context.lineNumber):\(context.columnNumber): the pull-request template does not parse "
                    + "(\(error.error))\n\(context.line)\n\(caret)")
        } catch {
            throw StewardError("\(origin): the pull-request template does not parse (\(error))")
        }
        self.origin = origin
    }

    /// The bundled template.
    static let bundled = try! PullRequestTemplate(
        BundledTemplates.pullRequest, origin: "templates/pull-request.md.mustache")

    /// The body for `context`.
    func render(_ context: PullRequestContext) -> String {
        template.render(context)
    }
}
