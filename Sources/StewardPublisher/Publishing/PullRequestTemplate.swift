import Mustache
import StewardPlanner

/// The pull-request body template: the bundled one (`templates/pull-request.md.mustache`) or a
/// repository's own.
package struct PullRequestTemplate: Sendable {
    let template: MustacheTemplate

    /// Parses `text`.
    /// - Throws: ``StewardError`` with `origin:line:column`, the line and a caret.
    package init(_ text: String, origin: String) throws(StewardError) {
        do {
            template = try MustacheTemplate(string: text)
        } catch let error as MustacheTemplate.ParserError {
            let context = error.context
            let caret = String(repeating: " ", count: max(context.columnNumber - 1, 0)) + "^"
            throw .failed(
                "\(origin):\(context.lineNumber):\(context.columnNumber): the pull-request template does not parse: "
                    + "\(Self.explain(error.error))\n\(context.line)\n\(caret)")
        } catch {
            throw .failed("\(origin): the pull-request template does not parse (\(error))")
        }
    }

    /// swift-mustache's parser errors in words.
    private static func explain(_ error: any Error) -> String {
        guard let error = error as? MustacheTemplate.Error else { return "\(error)" }
        switch error {
        case .sectionCloseNameIncorrect:
            return "a section is closed with another name than it was opened with"
        case .unfinishedName: return "a tag is not closed with }}"
        case .expectedSectionEnd: return "a section is not closed (a {{/name}} is missing)"
        case .invalidSetDelimiter: return "a set-delimiter tag is malformed"
        case .transformAppliedToInheritanceSection, .illegalTokenInsideInheritSection,
            .textInsideInheritSection:
            return "an inheritance section is malformed"
        case .invalidConfigVariableSyntax, .unrecognisedConfigVariable:
            return "a pragma ({{% …}}) is not understood"
        }
    }

    /// The bundled template of right-sizing pull requests.
    package static let bundled = parseBundled(
        BundledTemplates.pullRequest, origin: "templates/pull-request.md.mustache")

    /// The bundled template of revert pull requests.
    package static let bundledRevert = parseBundled(
        BundledTemplates.revertPullRequest, origin: "templates/revert-pull-request.md.mustache")

    /// Parses a template compiled into the binary. The tests render both bundled templates, so a
    /// parse error is a defect of the build that no caller could handle, not a runtime condition.
    private static func parseBundled(_ text: String, origin: String) -> PullRequestTemplate {
        do {
            return try PullRequestTemplate(text, origin: origin)
        } catch {
            preconditionFailure(error.description)
        }
    }

    /// The body of a right-sizing pull request.
    func render(_ context: PullRequestContext) -> String {
        template.render(context)
    }

    /// The body of a revert pull request.
    func render(_ context: RevertPullRequestContext) -> String {
        template.render(context)
    }
}
