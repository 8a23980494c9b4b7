import ArgumentParser
import StewardKit

/// `steward yaml set FILE PATH VALUE [--doc N | --select …] [--in-place]`
struct YAMLSetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "set",
        abstract:
            "Set a scalar (creating missing keys), changing only its bytes; print the file or write it in place."
    )

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The YAML file.")
    var file: String

    @Argument(help: "The path of the scalar to set.")
    var path: String

    @Argument(help: "The new value, as text; quoted in the file only where needed.")
    var value: String

    @OptionGroup var documents: YAMLDocumentOptions

    @Flag(help: "Replace the file (atomically) instead of printing the result.")
    var inPlace = false

    func run() throws {
        global.bootstrapLogging()
        print(
            try YAMLTool.set(file, path: path, value: value, documents: documents.choice, inPlace: inPlace),
            terminator: "")
    }
}
