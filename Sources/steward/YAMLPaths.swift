import ArgumentParser
import StewardKit

/// `steward yaml paths FILE`
enum YAMLPaths: YAMLFileListing {
    static let configuration = CommandConfiguration(
        commandName: "paths", abstract: "Print the path of every scalar, one a line.")

    static func text(of file: String) throws -> String {
        try YAMLTool.paths(file)
    }
}
