import ArgumentParser

/// What a ``YAMLFileCommand`` is called and what it prints.
protocol YAMLFileListing {
    static var configuration: CommandConfiguration { get }

    /// The text printed for the YAML file at `file`.
    static func text(of file: String) throws -> String
}
