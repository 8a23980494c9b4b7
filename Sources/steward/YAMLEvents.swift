import ArgumentParser
import StewardKit

/// `steward yaml events FILE`
enum YAMLEvents: YAMLFileListing {
    static let configuration = CommandConfiguration(
        commandName: "events", abstract: "Print the parse events in the YAML test suite's format.")

    static func text(of file: String) throws -> String {
        try YAMLTool.events(file)
    }
}
