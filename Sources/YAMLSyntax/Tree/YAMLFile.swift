/// A parsed YAML file: its exact bytes and the lossless syntax tree over them.
///
/// Immutable and cheap to copy. `bytes` is always exactly the input (or, after `applying`, the
/// edited output), so printing an unedited file gives back the input byte for byte.
public struct YAMLFile: Sendable {
    /// The name used in error messages.
    public let path: String
    let tree: SyntaxTree

    /// Parses `bytes`; `path` only names the file in errors.
    public init(bytes: [UInt8], path: String) throws(YAMLError) {
        self.path = path
        let lineStarts: [Int32]
        do {
            lineStarts = try SourceValidator.validate(bytes)
        } catch {
            throw YAMLFile.error(bytes: bytes, lineStarts: nil, path: path, failure: error)
        }
        let result: Result<TreeBuilder, ParseFailure> = bytes.withUnsafeBufferPointer { buffer in
            // swift-format-ignore: NeverForceUnwrap
            // A non-zero bit pattern is never nil, and the parser reads no byte of an empty buffer.
            var parser = Parser(
                base: buffer.baseAddress ?? UnsafePointer(bitPattern: 1)!, count: buffer.count)
            do throws(ParseFailure) {
                try parser.parseStream()
                return .success(parser.tree)
            } catch {
                return .failure(error)
            }
        }
        switch result {
        case .success(let builder):
            tree = SyntaxTree(bytes: bytes, builder: builder, lineStarts: lineStarts)
            if let failure = DuplicateKeyCheck.check(tree) ?? AliasExpansionCheck.check(tree) {
                throw YAMLFile.error(bytes: bytes, lineStarts: lineStarts, path: path, failure: failure)
            }
        case .failure(let failure):
            throw YAMLFile.error(bytes: bytes, lineStarts: lineStarts, path: path, failure: failure)
        }
    }

    /// Reads and parses the file at `path`.
    public init(contentsOf path: String) throws(YAMLError) {
        let bytes: [UInt8]
        do {
            bytes = try FileBytes.read(path)
        } catch {
            throw YAMLError(path: path, line: 0, column: 0, message: error.message)
        }
        try self.init(bytes: bytes, path: path)
    }

    /// The file's bytes: exactly the input, or the edited output.
    public var bytes: [UInt8] { tree.bytes }

    /// The documents, in order; a file with only comments has none.
    public var documents: [YAMLDocument] {
        tree.documents.indices.map { YAMLDocument(tree: tree, index: $0) }
    }

    /// The file's bytes as text.
    public var text: String { String(decoding: tree.bytes, as: UTF8.self) }

    /// The line, column and offset of a byte offset.
    public func mark(at offset: Int) -> YAMLMark { tree.mark(at: offset) }

    /// An error at a byte offset of this file, with the line for the caret.
    public func error(at offset: Int, _ message: String) -> YAMLError {
        YAMLFile.error(
            bytes: tree.bytes, lineStarts: tree.lineStarts, path: path,
            failure: ParseFailure(offset: offset, message: message))
    }

    static func error(bytes: [UInt8], lineStarts: [Int32]?, path: String, failure: ParseFailure) -> YAMLError
    {
        let offset = min(failure.offset, bytes.count)
        var lineStart = offset
        while lineStart > 0 && !Bytes.isBreak(bytes[lineStart - 1]) { lineStart -= 1 }
        var lineEnd = offset
        while lineEnd < bytes.count && !Bytes.isBreak(bytes[lineEnd]) { lineEnd += 1 }
        var line = 1
        var i = 0
        while i < lineStart {
            if bytes[i] == Bytes.lineFeed
                || (bytes[i] == Bytes.carriageReturn
                    && (i + 1 >= bytes.count || bytes[i + 1] != Bytes.lineFeed))
            {
                line += 1
            }
            i += 1
        }
        let prefix = bytes[lineStart..<offset]
        let column = String(decoding: prefix, as: UTF8.self).unicodeScalars.count + 1
        let sourceLine = String(decoding: bytes[lineStart..<lineEnd], as: UTF8.self)
        return YAMLError(
            path: path, line: line, column: column, message: failure.message, sourceLine: sourceLine)
    }
}
