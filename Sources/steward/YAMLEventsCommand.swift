import ArgumentParser
import StewardKit

/// `steward yaml events FILE`
struct YAMLEventsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "events", abstract: "Print the parse events in the YAML test suite's format.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The YAML file.")
    var file: String

    func run() throws {
        global.bootstrapLogging()
        print(try YAMLTool.events(file), terminator: "")
    }
}
