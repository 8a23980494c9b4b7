import Foundation
import StewardPlanner
import YAMLSyntax

/// `steward yaml …`: the lossless YAML engine as a command-line tool (like yq, but byte-exact).
/// Each function returns what the command prints on standard output, or throws the error it reports.
package enum YAMLTool {
    /// Which documents of a file a command works on.
    package enum DocumentChoice: Sendable {
        /// Every document (for `get`), or the only one (for `set`).
        case all
        /// The document at this 0-based index.
        case index(Int)
        /// The documents the selector matches.
        case selector(String)
    }

    /// Parses every file; the first error of each bad file is reported, and any error fails the command.
    package static func check(_ paths: [String]) throws(StewardError) -> String {
        var errors: [String] = []
        for path in paths {
            do {
                _ = try YAMLFile(contentsOf: path)
            } catch {
                errors.append(error.description)
            }
        }
        if !errors.isEmpty { throw .invalidInput(errors.joined(separator: "\n")) }
        return ""
    }

    /// The parse events in the YAML test suite's format.
    package static func events(_ path: String) throws(StewardError) -> String {
        try load(path).events()
    }

    /// The value at `path` in the chosen documents: a scalar's content, or a collection as block YAML.
    package static func get(_ file: String, path: String, documents choice: DocumentChoice)
        throws(StewardError) -> String
    {
        let yaml = try load(file)
        let yamlPath = try parsePath(path)
        var out = ""
        var found = false
        for document in try choose(choice, in: yaml, requireOne: false) {
            for (_, node) in document.nodes(at: yamlPath) {
                found = true
                out += node.kind == .scalar ? (node.scalar ?? "") + "\n" : sourceText(of: node)
            }
        }
        guard found else {
            throw .invalidInput("\(file): '\(yamlPath)' does not resolve\(describe(choice))")
        }
        return out
    }

    /// The file with the scalar at `path` set to `value` (created if missing); written in place
    /// (atomically) when `inPlace`, in which case nothing is printed.
    package static func set(
        _ file: String, path: String, value: String, documents choice: DocumentChoice, inPlace: Bool
    ) throws(StewardError) -> String {
        let yaml = try load(file)
        let yamlPath = try parsePath(path)
        let targets = try choose(choice, in: yaml, requireOne: true)
        let edits = targets.map { YAMLEdit.set(document: $0.index, path: yamlPath, value: value) }
        let edited: YAMLFile
        do {
            edited = try yaml.applying(edits)
        } catch {
            throw .yaml(error)
        }
        if inPlace {
            try AtomicFile.write(edited.bytes, to: file)
            return ""
        }
        return edited.text
    }

    /// Every scalar's path, one a line; a multi-document file gets a `--- # document N` line before each document.
    package static func paths(_ file: String) throws(StewardError) -> String {
        let yaml = try load(file)
        let documents = yaml.documents
        var out = ""
        for document in documents {
            if documents.count > 1 { out += "--- # document \(document.index)\n" }
            for (path, _) in document.scalarPaths {
                out += path.description + "\n"
            }
        }
        return out
    }

    // MARK: Helpers

    static func load(_ path: String) throws(StewardError) -> YAMLFile {
        do {
            return try YAMLFile(contentsOf: path)
        } catch {
            throw .yaml(error)
        }
    }

    private static func parsePath(_ text: String) throws(StewardError) -> YAMLPath {
        do {
            return try YAMLPath(parsing: text)
        } catch {
            throw .usage(error.description)
        }
    }

    private static func choose(_ choice: DocumentChoice, in file: YAMLFile, requireOne: Bool)
        throws(StewardError) -> [YAMLDocument]
    {
        let documents = file.documents
        switch choice {
        case .all:
            if requireOne && documents.count > 1 {
                throw .invalidInput(
                    "\(file.path) has \(documents.count) documents; choose one with --doc N or --select kind=KIND,name=NAME"
                )
            }
            if documents.isEmpty { throw .invalidInput("\(file.path) has no documents") }
            return documents
        case .index(let index):
            guard index >= 0 && index < documents.count else {
                throw .invalidInput(
                    "\(file.path) has no document \(index) (it has \(documents.count), numbered from 0)")
            }
            return [documents[index]]
        case .selector(let text):
            let selector: DocumentSelector
            do {
                selector = try DocumentSelector(parsing: text)
            } catch {
                throw .usage(error.description)
            }
            let matching = documents.filter(selector.matches)
            if matching.isEmpty { throw .invalidInput("\(file.path): no document matches --select \(text)") }
            return matching
        }
    }

    /// A collection as written in the file, its continuation lines shifted left by its column.
    private static func sourceText(of node: YAMLNode) -> String {
        let column = node.start.column - 1
        let lines = node.source.split(separator: "\n", omittingEmptySubsequences: false).enumerated().map {
            i, line in
            i == 0 ? line : line.dropFirst(min(column, line.prefix { $0 == " " }.count))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func describe(_ choice: DocumentChoice) -> String {
        switch choice {
        case .all: return ""
        case .index(let index): return " in document \(index)"
        case .selector(let text): return " in the documents matching \(text)"
        }
    }
}
