import Foundation
import Logging

/// Writes log records to standard error as text or JSON lines, so that standard output stays
/// for the command's result (a plan, a diff, JSON).
package struct StderrLogHandler: LogHandler {
    package var logLevel: Logger.Level
    package var metadata: Logger.Metadata = [:]
    private let label: String
    private let format: LogFormat

    package init(label: String, level: Logger.Level, format: LogFormat) {
        self.label = label
        self.logLevel = level
        self.format = format
    }

    /// Installs this handler for every logger of the process. Call once, before any logging.
    package static func bootstrap(level: Logger.Level, format: LogFormat) {
        LoggingSystem.bootstrap { label in
            StderrLogHandler(label: label, level: level, format: format)
        }
    }

    package subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    package func log(event: LogEvent) {
        let time = Date().formatted(.iso8601)
        var fields = self.metadata
        if let extra = event.metadata {
            fields.merge(extra) { _, new in new }
        }
        let line: String
        switch format {
        case .text:
            let pairs = fields.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
            line = ([time, event.level.rawValue, "\(label):", "\(event.message)"] + pairs)
                .joined(separator: " ")
        case .json:
            var object: [String: String] = [
                "time": time, "level": event.level.rawValue, "logger": label,
                "message": "\(event.message)",
            ]
            for (key, value) in fields where object[key] == nil {
                object[key] = "\(value)"
            }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            let data = (try? encoder.encode(object)) ?? Data()
            line = String(decoding: data, as: UTF8.self)
        }
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}
