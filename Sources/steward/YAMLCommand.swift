import ArgumentParser
import StewardKit

/// `steward yaml`: the lossless YAML engine as a tool.
struct YAMLCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "yaml",
        abstract: "Read and edit YAML without touching a byte that is not part of the change.",
        subcommands: [
            YAMLCheckCommand.self, YAMLEventsCommand.self, YAMLGetCommand.self, YAMLSetCommand.self,
            YAMLPathsCommand.self,
        ]
    )
}

/// `--doc N` or `--select kind=K,name=N`.
struct DocumentOptions: ParsableArguments {
    @Option(name: .customLong("doc"), help: "The document to use, numbered from 0.")
    var document: Int?

    @Option(
        help:
            "The documents to use, by fields: kind=Deployment,name=web (name and namespace are read from metadata)."
    )
    var select: String?

    func validate() throws {
        if document != nil && select != nil {
            throw ValidationError("use either --doc or --select, not both")
        }
    }

    var choice: YAMLTool.DocumentChoice {
        if let document { return .index(document) }
        if let select { return .selector(select) }
        return .all
    }
}
