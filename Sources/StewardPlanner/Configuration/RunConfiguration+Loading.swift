import Foundation
import YAMLSyntax

extension RunConfiguration {
    /// Reads and checks a configuration file.
    ///
    /// - Throws: ``StewardError`` naming the file, line and column of the first problem, with
    ///   the offending line and a caret; nothing is read beyond the file itself.
    package static func load(from path: String) throws(StewardError) -> RunConfiguration {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw StewardError("\(path): cannot read the configuration file")
        }
        let file: YAMLFile
        do {
            file = try YAMLFile(bytes: [UInt8](data), path: path)
        } catch {
            throw StewardError(error.description)
        }
        let folder = (path as NSString).deletingLastPathComponent
        return try RunConfigurationReader(file: file, folder: folder.isEmpty ? "." : folder).read()
    }
}
