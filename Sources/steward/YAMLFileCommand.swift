import ArgumentParser

/// A `steward yaml` command that takes one file and prints what `Listing` reads from it: the
/// commands differ only in their name and in the function of `YAMLTool` they call.
struct YAMLFileCommand<Listing: YAMLFileListing>: ParsableCommand {
    static var configuration: CommandConfiguration { Listing.configuration }

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The YAML file.")
    var file: String

    func run() throws {
        global.bootstrapLogging()
        print(try Listing.text(of: file), terminator: "")
    }
}
