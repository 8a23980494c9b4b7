#if canImport(Glibc)
    import Glibc
#endif

/// The benchmark input: the corpus files, each followed by a `---` line, repeated to about 10 MB.
enum Corpus {
    /// `../shared/corpus` relative to the package root (found from this file's path).
    static var directory: String {
        var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)
        parts.removeLast()
        return parts.joined(separator: "/") + "/shared/corpus"
    }

    static func files(in directory: String) -> [String] {
        var result: [String] = []
        guard let dir = opendir(directory) else { return [] }
        defer { closedir(dir) }
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name == "." || name == ".." { continue }
            let path = directory + "/" + name
            var info = stat()
            guard stat(path, &info) == 0 else { continue }
            if info.st_mode & S_IFMT == S_IFDIR {
                result += files(in: path)
            } else if name.hasSuffix(".yaml") || name.hasSuffix(".yml") {
                result.append(path)
            }
        }
        return result.sorted()
    }

    static func read(_ path: String) -> [UInt8] {
        guard let file = fopen(path, "rb") else { return [] }
        defer { fclose(file) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let n = fread(&chunk, 1, chunk.count, file)
            if n <= 0 { break }
            bytes += chunk[0..<n]
        }
        return bytes
    }

    /// The concatenated input (at least `target` bytes) and the number of corpus files in one round.
    static func build(target: Int) -> (bytes: [UInt8], files: Int)? {
        let paths = files(in: directory)
        guard !paths.isEmpty else { return nil }
        var round: [UInt8] = []
        for path in paths {
            var bytes = read(path)
            if let last = bytes.last, last != 0x0A { bytes.append(0x0A) }
            round += bytes
            round += Array("---\n".utf8)
        }
        var input: [UInt8] = []
        input.reserveCapacity(target + round.count)
        while input.count < target { input += round }
        return (input, paths.count)
    }
}
