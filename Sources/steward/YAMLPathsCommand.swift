import ArgumentParser
import StewardKit

/// `steward yaml paths FILE`
struct YAMLPathsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "paths", abstract: "Print the path of every scalar, one a line.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The YAML file.")
    var file: String

    func run() throws {
        global.bootstrapLogging()
        print(try YAMLTool.paths(file), terminator: "")
    }
}
