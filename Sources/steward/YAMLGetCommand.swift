import ArgumentParser
import StewardKit

/// `steward yaml get FILE PATH [--doc N | --select …]`
struct YAMLGetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "get",
        abstract: "Print the value at a path, e.g. spec.template.spec.containers[name=app].image.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The YAML file.")
    var file: String

    @Argument(help: "The path: dotted keys, [\"key.with.dots\"], [N], [key=value], [*].")
    var path: String

    @OptionGroup var documents: YAMLDocumentOptions

    func run() throws {
        global.bootstrapLogging()
        print(try YAMLTool.get(file, path: path, documents: documents.choice), terminator: "")
    }
}
