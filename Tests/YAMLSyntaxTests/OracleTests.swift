import Testing
import Yams

@testable import YAMLSyntax

/// Yams (libyaml) as an oracle: for every valid fixture both parse, the documents agree:
/// same structure, same keys in the same order, same scalar text.
@Suite struct OracleTests {
    /// Data with scalars as text, so that YAML 1.1 and 1.2 typing do not matter.
    indirect enum Shape: Equatable, CustomStringConvertible {
        case scalar(String)
        case sequence([Shape])
        case mapping([Shape])

        var description: String {
            switch self {
            case .scalar(let s): return s.debugDescription
            case .sequence(let items): return "[" + items.map(\.description).joined(separator: ", ") + "]"
            case .mapping(let flat): return "{" + flat.map(\.description).joined(separator: ", ") + "}"
            }
        }
    }

    static func shape(_ node: Yams.Node) -> Shape {
        switch node {
        case .scalar(let scalar): return .scalar(scalar.string)
        case .sequence(let sequence): return .sequence(sequence.map(shape))
        case .mapping(let mapping): return .mapping(mapping.flatMap { [shape($0.key), shape($0.value)] })
        case .alias: return .scalar("<alias>")
        }
    }

    static func shape(_ node: YAMLNode, in document: YAMLDocument) -> Shape {
        let node = document.resolveAlias(node)
        switch node.kind {
        case .scalar, .alias: return .scalar(node.scalar ?? "")
        case .sequence: return .sequence(node.items.map { shape($0, in: document) })
        case .mapping:
            return .mapping(
                node.entries.flatMap { [shape($0.key, in: document), shape($0.value, in: document)] })
        }
    }

    @Test func corpusAgreesWithLibyaml() throws {
        var compared = 0
        for (name, bytes) in try SharedData.corpusFiles() {
            let ours = try YAMLFile(bytes: bytes, path: name).documents.map { Self.shape($0.root!, in: $0) }
            let theirs = try Array(Yams.compose_all(yaml: bytes.text)).map(Self.shape)
            #expect(ours == theirs, "\(name)")
            compared += 1
        }
        print("oracle: \(compared) corpus files agree with libyaml")
    }

    @Test(arguments: RoundTripTests.fixtures)
    func fixtureAgreesWithLibyaml(name: String, source: String) throws {
        let ours = try YAMLFile(bytes: Array(source.utf8), path: name).documents.map {
            Self.shape($0.root!, in: $0)
        }
        let theirs = try Array(Yams.compose_all(yaml: source)).map(Self.shape)
        #expect(ours == theirs)
    }

    @Test func editedCorpusFilesAgreeWithLibyaml() throws {
        for (name, bytes) in try SharedData.corpusFiles().prefix(60) {
            let file = try YAMLFile(bytes: bytes, path: name)
            guard let document = file.documents.first, let (path, _) = document.scalarPaths.last else {
                continue
            }
            let edited = try file.applying([
                .set(document: 0, path: path, value: "it's: \"edited\" # not a comment")
            ])
            let ours = edited.documents.map { Self.shape($0.root!, in: $0) }
            let theirs = try Array(Yams.compose_all(yaml: edited.bytes.text)).map(Self.shape)
            #expect(ours == theirs, "\(name)")
        }
    }
}
