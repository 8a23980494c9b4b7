import ArgumentParser
import StewardKit

/// `steward yaml`: the lossless YAML engine as a tool.
struct YAMLCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "yaml",
        abstract: "Read and edit YAML without touching a byte that is not part of the change.",
        subcommands: [
            YAMLCheckCommand.self, YAMLFileCommand<YAMLEvents>.self, YAMLGetCommand.self, YAMLSetCommand.self,
            YAMLFileCommand<YAMLPaths>.self,
        ]
    )
}
