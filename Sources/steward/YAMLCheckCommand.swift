import ArgumentParser
import StewardKit

/// `steward yaml check FILE...`
struct YAMLCheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Parse files and report the first error of each, with line, column and a caret.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The YAML files to check.")
    var files: [String]

    func run() throws {
        global.bootstrapLogging()
        print(try YAMLTool.check(files), terminator: "")
    }
}
