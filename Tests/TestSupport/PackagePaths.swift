import Foundation

/// Locations tests need: the package root, the shared test data next to it, the built binary.
public enum PackagePaths {
    /// The Steward package root (the directory holding `Package.swift`).
    public static let root: URL = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) {
                return url
            }
        }
        fatalError("Package.swift not found above \(#filePath)")
    }()

    /// `../shared`, the design's test data (YAML test suite, corpus), kept outside the repository.
    public static let shared: URL = root.deletingLastPathComponent().appendingPathComponent("shared")

    /// A path inside `../shared`, or an error that says the shared data is missing.
    public static func sharedData(_ relativePath: String) throws -> URL {
        let url = shared.appendingPathComponent(relativePath)
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw MissingTestData(
                "test data \(url.path) is absent: the tests read ../shared/\(relativePath) next to the checkout"
            )
        }
        return url
    }

    /// The `steward` executable that `swift build` put next to the test bundle, as a tool to run.
    public static func steward() throws -> ExternalTool {
        ExternalTool(name: try stewardBinary().path, install: "swift build --product steward")
    }

    /// The `steward` executable that `swift build` put next to the test bundle.
    public static func stewardBinary() throws -> URL {
        let candidates = [
            Bundle.main.bundleURL.appendingPathComponent("steward"),
            Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("steward"),
            root.appendingPathComponent(".build/debug/steward"),
        ]
        guard let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) })
        else {
            throw ExternalToolError.missing(tool: "steward", install: "swift build --product steward")
        }
        return found
    }
}

/// Test data from `../shared` is missing; the message names the path.
public struct MissingTestData: Error, CustomStringConvertible {
    public var description: String

    public init(_ description: String) {
        self.description = description
    }
}
