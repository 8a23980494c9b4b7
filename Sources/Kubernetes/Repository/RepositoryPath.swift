/// Paths inside a repository: relative, `/`-separated, the root written as the empty string.
///
/// Paths are handled as UTF-8 bytes: the inventory joins and splits tens of thousands of them,
/// and `/` and `.` are ASCII, so no character needs Unicode processing.
enum RepositoryPath {
    private static let slash = UInt8(ascii: "/")
    private static let dot = UInt8(ascii: ".")

    /// `base` joined with `relative`, with `.` and `..` resolved; nil when it climbs above the root.
    static func join(_ base: String, _ relative: String) -> String? {
        if isSimple(relative) {
            return base.isEmpty ? relative : base + "/" + relative
        }
        if let climbed = climbing(base, relative) { return climbed }
        return relative.withBytes { relativeBytes in
            var joined = Joined(capacity: base.utf8.count + relativeBytes.count + 1)
            if relativeBytes.first != slash {
                base.withBytes { baseBytes in
                    for component in components(of: baseBytes) { joined.push(baseBytes[component]) }
                }
            }
            for component in components(of: relativeBytes) {
                let bytes = relativeBytes[component]
                if bytes.count == 1 && bytes.first == dot { continue }
                if bytes.count == 2 && bytes.allSatisfy({ $0 == dot }) {
                    guard joined.pop() else { return nil }
                } else {
                    joined.push(bytes)
                }
            }
            return String(decoding: joined.bytes, as: UTF8.self)
        }
    }

    /// `base` joined with a path made of leading `../` and a simple rest (`../../base`, the usual
    /// way overlays name their base), or nil when `relative` has another shape.
    private static func climbing(_ base: String, _ relative: String) -> String? {
        relative.withBytes { relativeBytes -> String? in
            var levels = 0
            var offset = 0
            while offset + 3 <= relativeBytes.count, relativeBytes[offset] == dot,
                relativeBytes[offset + 1] == dot, relativeBytes[offset + 2] == slash
            {
                levels += 1
                offset += 3
            }
            let rest = String(decoding: relativeBytes[offset...], as: UTF8.self)
            // A base with empty, `.` or `..` components takes the general way, which drops them.
            guard levels > 0, isSimple(rest), base.isEmpty || isSimple(base) else { return nil }
            return base.withBytes { baseBytes -> String? in
                var end = baseBytes.count
                for _ in 0..<levels {
                    guard end > 0 else { return nil }
                    while end > 0 && baseBytes[end - 1] != slash { end -= 1 }
                    if end > 0 { end -= 1 }
                }
                guard end > 0 else { return rest }
                return String(decoding: baseBytes[..<end], as: UTF8.self) + "/" + rest
            }
        }
    }

    /// A path being joined, component by component.
    private struct Joined {
        var bytes: [UInt8] = []
        /// Where each component starts, its separator included, so that `..` can drop it.
        var starts: [Int] = []

        init(capacity: Int) {
            bytes.reserveCapacity(capacity)
        }

        mutating func push(_ component: UnsafeBufferPointer<UInt8>.SubSequence) {
            starts.append(bytes.count)
            if !bytes.isEmpty { bytes.append(slash) }
            bytes.append(contentsOf: component)
        }

        /// Drops the last component; false at the root.
        mutating func pop() -> Bool {
            guard let start = starts.popLast() else { return false }
            bytes.removeSubrange(start...)
            return true
        }
    }

    /// The ranges of the non-empty `/`-separated components of `bytes`.
    private static func components(of bytes: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var start = 0
        for index in 0...bytes.count where index == bytes.count || bytes[index] == slash {
            if index > start { result.append(start..<index) }
            start = index + 1
        }
        return result
    }

    /// Whether a relative path needs no resolution: not empty, no leading or trailing `/`, no
    /// empty, `.` or `..` component.
    private static func isSimple(_ relative: String) -> Bool {
        relative.withBytes { bytes in
            var componentLength = 0
            var dots = 0
            for byte in bytes {
                if byte == slash {
                    if componentLength == 0 || componentLength == dots { return false }
                    componentLength = 0
                    dots = 0
                } else {
                    componentLength += 1
                    if byte == dot { dots += 1 }
                }
            }
            return componentLength > 0 && componentLength != dots
        }
    }

    /// The folder holding `path`; the empty string for a file at the root.
    static func directory(of path: String) -> String {
        path.withBytes { bytes in
            guard let slashIndex = lastSlash(in: bytes) else { return "" }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[..<slashIndex]), as: UTF8.self)
        }
    }

    /// The last component of `path`.
    static func name(of path: String) -> String {
        path.withBytes { bytes in
            guard let slashIndex = lastSlash(in: bytes) else { return path }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[(slashIndex + 1)...]), as: UTF8.self)
        }
    }

    private static func lastSlash(in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var index = bytes.count
        while index > 0 {
            index -= 1
            if bytes[index] == slash { return index }
        }
        return nil
    }

    /// Whether the last component of `path` is `name`.
    static func hasName(_ path: String, _ name: String) -> Bool {
        path.withBytes { pathBytes in
            name.withBytes { nameBytes in
                guard pathBytes.count >= nameBytes.count else { return false }
                let start = pathBytes.count - nameBytes.count
                guard start == 0 || pathBytes[start - 1] == slash else { return false }
                return pathBytes[start...].elementsEqual(nameBytes)
            }
        }
    }

    /// Whether `path` ends with `suffix`, compared as bytes.
    static func hasSuffix(_ path: String, _ suffix: String) -> Bool {
        path.withBytes { pathBytes in
            suffix.withBytes { suffixBytes in
                pathBytes.count >= suffixBytes.count
                    && pathBytes[(pathBytes.count - suffixBytes.count)...].elementsEqual(suffixBytes)
            }
        }
    }

    /// `path` for messages: `.` for the root.
    static func display(_ path: String) -> String {
        path.isEmpty ? "." : path
    }

    /// Whether `path` is `directory` itself or inside it.
    static func isInside(_ path: String, _ directory: String) -> Bool {
        guard !directory.isEmpty else { return true }
        return path.withBytes { pathBytes in
            directory.withBytes { directoryBytes in
                pathBytes.count >= directoryBytes.count
                    && pathBytes[..<directoryBytes.count].elementsEqual(directoryBytes)
                    && (pathBytes.count == directoryBytes.count || pathBytes[directoryBytes.count] == slash)
            }
        }
    }
}
