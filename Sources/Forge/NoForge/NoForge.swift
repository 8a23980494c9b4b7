import Foundation

/// The `none` forge: instead of opening pull requests it writes their title and body, either
/// to standard output or as one Markdown file per branch in a directory. The demo uses it, and
/// so can anyone who wants to see what Steward would propose without giving it a token.
///
/// In a directory, `steward/shop-web` is written to `steward-shop-web.md` (see
/// ``NoForgeDocument``), comments are appended to `steward-shop-web.comments.md`, and closing
/// removes the pull request's file. The files are the state: a later run finds what an earlier
/// one wrote. Pull-request numbers are assigned by this value (files in name order first) and
/// mean nothing outside it.
public actor NoForge: ForgeClient {
    /// Where the pull requests go.
    public enum Output: Sendable, Equatable {
        /// Printed to standard output; nothing is kept after the process ends.
        case standardOutput
        /// One file per branch in this directory, created when missing.
        case directory(String)
    }

    private struct Record {
        var number: Int
        var document: NoForgeDocument
        var open: Bool
    }

    public nonisolated var kind: ForgeKind { .none }

    /// Where the pull requests go.
    public let output: Output
    private let printer: @Sendable (String) -> Void
    private var records: [Record] = []
    private var loaded = false

    /// Makes a forge that writes to `output`.
    public init(output: Output) {
        self.init(output: output) { text in
            FileHandle.standardOutput.write(Data(text.utf8))
        }
    }

    /// Makes a forge that hands what it would print to `printer` (tests read it there).
    init(output: Output, printer: @escaping @Sendable (String) -> Void) {
        self.output = output
        self.printer = printer
    }

    public func findOpenPullRequest(head branch: String, base: String) async throws(ForgeError)
        -> PullRequest?
    {
        try load()
        return records.first { $0.open && $0.document.head == branch && $0.document.base == base }
            .map(pullRequest)
    }

    public func createPullRequest(_ draft: PullRequestDraft) async throws(ForgeError) -> PullRequest {
        try load()
        let document = NoForgeDocument(
            head: draft.head, base: draft.base, labels: draft.labels, title: draft.title, body: draft.body)
        if let index = records.firstIndex(where: { $0.open && $0.document.head == draft.head }) {
            records[index].document = document
            try publish(records[index])
            return pullRequest(records[index])
        }
        let record = Record(number: (records.map(\.number).max() ?? 0) + 1, document: document, open: true)
        try publish(record)
        records.append(record)
        return pullRequest(record)
    }

    public func updatePullRequest(
        _ number: Int, title: String?, body: String?, labels: [String]?
    ) async throws(ForgeError) -> PullRequest {
        let index = try recordIndex(number, open: true)
        if let title { records[index].document.title = title }
        if let body { records[index].document.body = body }
        if let labels { records[index].document.labels = labels }
        try publish(records[index])
        return pullRequest(records[index])
    }

    public func comment(on number: Int, body: String) async throws(ForgeError) {
        let index = try recordIndex(number, open: false)
        let head = records[index].document.head
        switch output {
        case .standardOutput:
            printer(
                "<!-- steward comment on #\(number) (\(head)) -->\n\(body)\(body.hasSuffix("\n") ? "" : "\n")"
            )
        case .directory(let directory):
            let path = "\(directory)/\(NoForgeDocument.fileName(forBranch: head).dropLast(3)).comments.md"
            let existing = FileManager.default.contents(atPath: path).map {
                String(decoding: $0, as: UTF8.self)
            }
            let separator = existing.map { $0.isEmpty ? "" : "\n---\n\n" } ?? ""
            try write((existing ?? "") + separator + body + (body.hasSuffix("\n") ? "" : "\n"), to: path)
        }
    }

    public func closePullRequest(_ number: Int, comment: String?) async throws(ForgeError) {
        let index = try recordIndex(number, open: true)
        if let comment { try await self.comment(on: number, body: comment) }
        records[index].open = false
        switch output {
        case .standardOutput:
            printer("<!-- steward closed #\(number) (\(records[index].document.head)) -->\n")
        case .directory(let directory):
            let path = "\(directory)/\(NoForgeDocument.fileName(forBranch: records[index].document.head))"
            do {
                try FileManager.default.removeItem(atPath: path)
            } catch {
                throw ForgeError(code: .output, forge: .none, message: "cannot remove \(path): \(error)")
            }
        }
    }

    public func openPullRequests(headPrefix: String) async throws(ForgeError) -> [PullRequest] {
        try load()
        return records.filter { $0.open && $0.document.head.hasPrefix(headPrefix) }.map(pullRequest)
    }

    public func shutdown() async throws(ForgeError) {}

    private func recordIndex(_ number: Int, open: Bool) throws(ForgeError) -> Int {
        try load()
        guard let index = records.firstIndex(where: { $0.number == number && ($0.open || !open) }) else {
            throw ForgeError(
                code: .notFound, forge: .none, message: "no \(open ? "open " : "")pull request #\(number)")
        }
        return index
    }

    private func pullRequest(_ record: Record) -> PullRequest {
        let webURL: String =
            switch output {
            case .standardOutput: "stdout:#\(record.number)"
            case .directory(let directory):
                URL(
                    fileURLWithPath:
                        "\(directory)/\(NoForgeDocument.fileName(forBranch: record.document.head))"
                )
                .absoluteString
            }
        return PullRequest(
            number: record.number, title: record.document.title, body: record.document.body,
            head: record.document.head, base: record.document.base, labels: record.document.labels,
            state: record.open ? .open : .closed, webURL: webURL)
    }

    private func publish(_ record: Record) throws(ForgeError) {
        switch output {
        case .standardOutput:
            printer(record.document.text)
        case .directory(let directory):
            try write(
                record.document.text,
                to: "\(directory)/\(NoForgeDocument.fileName(forBranch: record.document.head))")
        }
    }

    /// Reads the pull requests an earlier run left in the directory, once.
    private func load() throws(ForgeError) {
        guard !loaded else { return }
        loaded = true
        guard case .directory(let directory) = output,
            let names = try? FileManager.default.contentsOfDirectory(atPath: directory)
        else { return }
        for name in names.sorted() where name.hasSuffix(".md") && !name.hasSuffix(".comments.md") {
            guard let data = FileManager.default.contents(atPath: "\(directory)/\(name)"),
                let document = NoForgeDocument(parsing: String(decoding: data, as: UTF8.self)),
                NoForgeDocument.fileName(forBranch: document.head) == name
            else { continue }
            records.append(Record(number: records.count + 1, document: document, open: true))
        }
    }

    // Written to a temporary file and renamed, so an interrupted run never leaves half a file.
    private func write(_ text: String, to path: String) throws(ForgeError) {
        do {
            let url = URL(fileURLWithPath: path)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url, options: .atomic)
        } catch {
            throw ForgeError(
                code: .output, forge: .none, message: "cannot write \(path): \(error.localizedDescription)")
        }
    }
}
