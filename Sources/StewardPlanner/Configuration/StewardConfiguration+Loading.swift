import Foundation
import YAMLSyntax

extension StewardConfiguration {
    /// The sections a command cannot do without.
    package enum Purpose: Sendable {
        /// `steward plan` and `steward verify`: every section is optional.
        case plan
        /// `steward run`: `repository`, `observe` and `signing` are required.
        case run
    }

    /// Reads and checks a configuration file, reporting every problem at once.
    ///
    /// - Throws: ``StewardError/configuration(_:)`` with each problem's file, line and column,
    ///   the offending line and a caret; nothing is read beyond the file itself.
    package static func load(from path: String, for purpose: Purpose) throws(StewardError)
        -> StewardConfiguration
    {
        let file: YAMLFile
        do {
            file = try YAMLFile(contentsOf: path, what: "the configuration file")
        } catch {
            throw .configuration(error)
        }
        let folder = (path as NSString).deletingLastPathComponent
        var reader = ConfigurationReader(
            reader: YAMLReader(file: file), folder: folder.isEmpty ? "." : folder, purpose: purpose)
        let configuration = reader.read()
        guard let configuration, reader.reader.diagnostics.isEmpty else {
            throw .configuration(YAMLDiagnostics(reader.reader.diagnostics))
        }
        return configuration
    }
}
