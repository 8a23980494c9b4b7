/// What a file's name says about how the inventory reads it, told from its bytes in one look:
/// every path of the repository is classified.
enum FileKind: Equatable {
    /// A kustomization file, ranked as kustomize prefers them: `kustomization.yaml` (0),
    /// `kustomization.yml` (1), `Kustomization` (2).
    case kustomization(rank: Int)
    /// A `.yaml` or `.yml` file.
    case yaml
    case json
    case other

    private static let kustomizationNames = ["kustomization.yaml", "kustomization.yml", "Kustomization"].map {
        Array($0.utf8)
    }
    private static let suffixes = [".yaml", ".yml"].map { Array($0.utf8) }
    private static let jsonSuffix = Array(".json".utf8)

    init(_ path: String) {
        self = path.withBytes { bytes in
            var nameStart = bytes.count
            while nameStart > 0 && bytes[nameStart - 1] != UInt8(ascii: "/") { nameStart -= 1 }
            let name = bytes[nameStart...]
            if let rank = Self.kustomizationNames.firstIndex(where: { name.elementsEqual($0) }) {
                return .kustomization(rank: rank)
            }
            if Self.suffixes.contains(where: {
                bytes.count >= $0.count && bytes.suffix($0.count).elementsEqual($0)
            }) {
                return .yaml
            }
            if bytes.count >= Self.jsonSuffix.count
                && bytes.suffix(Self.jsonSuffix.count).elementsEqual(Self.jsonSuffix)
            {
                return .json
            }
            return .other
        }
    }

    /// Whether the file is parsed as YAML: kustomizations and `.yaml`/`.yml` files.
    var isYAML: Bool {
        switch self {
        case .kustomization, .yaml: true
        case .json, .other: false
        }
    }

    var kustomizationRank: Int? {
        if case .kustomization(let rank) = self { rank } else { nil }
    }
}
