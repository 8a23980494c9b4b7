// swift-tools-version:6.1
import PackageDescription

/// Steward: a GitOps repository bot for Kubernetes.
///
/// Target layering follows docs/architecture.md: lower targets never import upper ones, each C
/// module is imported by exactly one Swift module, and the `steward` executable only parses
/// arguments and calls `StewardKit`.
let package = Package(
    name: "Steward",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "steward", targets: ["steward"]),
        .executable(name: "yaml-bench", targets: ["YAMLBench"]),
        .executable(name: "profile-bench", targets: ["ProfileBench"]),
        .executable(name: "analysis-bench", targets: ["AnalysisBench"]),
        .executable(name: "inventory-bench", targets: ["InventoryBench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.80.0"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.24.0"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.29.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.0.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CLibGit2",
            pkgConfig: "libgit2",
            providers: [.apt(["libgit2-dev"])]
        ),
        .systemLibrary(
            name: "COpenSSL",
            pkgConfig: "libcrypto",
            providers: [.apt(["libssl-dev"])]
        ),
        .systemLibrary(
            name: "CLibYAML",
            path: "Benchmarks/CLibYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"])]
        ),
        .target(name: "YAMLSyntax"),
        .target(name: "GitStore", dependencies: ["CLibGit2"]),
        .target(name: "Signing", dependencies: ["COpenSSL"]),
        .target(name: "Kubernetes", dependencies: ["YAMLSyntax"]),
        .target(
            name: "Telemetry",
            dependencies: [
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(name: "Analysis", dependencies: ["Kubernetes", "Telemetry"]),
        .target(name: "Policy", dependencies: ["YAMLSyntax", "Kubernetes"]),
        .target(
            name: "Forge",
            dependencies: [
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ]
        ),
        .target(
            name: "StewardKit",
            dependencies: [
                "YAMLSyntax", "GitStore", "Signing", "Kubernetes", "Telemetry", "Analysis", "Policy",
                "Forge",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Mustache", package: "swift-mustache"),
            ]
        ),
        .executableTarget(
            name: "steward",
            dependencies: [
                "StewardKit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .executableTarget(
            name: "YAMLBench",
            dependencies: ["YAMLSyntax", "CLibYAML"],
            path: "Benchmarks/YAMLBench"
        ),
        .executableTarget(
            name: "AnalysisBench",
            dependencies: ["Analysis", "Kubernetes", "Telemetry", "YAMLSyntax", "TestSupport"],
            path: "Benchmarks/AnalysisBench"
        ),
        .executableTarget(
            name: "ProfileBench",
            dependencies: ["Telemetry", "TestSupport", .product(name: "Logging", package: "swift-log")],
            path: "Benchmarks/ProfileBench"
        ),
        .executableTarget(
            name: "InventoryBench",
            dependencies: ["Kubernetes", "YAMLSyntax", "TestSupport"],
            path: "Benchmarks/InventoryBench"
        ),
        .target(
            name: "TestSupport",
            dependencies: [
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ],
            path: "Tests/TestSupport"
        ),
        .testTarget(
            name: "YAMLSyntaxTests",
            dependencies: [
                "YAMLSyntax", "TestSupport",
                .product(name: "Yams", package: "Yams"),
                .product(name: "PropertyBased", package: "swift-property-based"),
            ]
        ),
        .testTarget(name: "GitStoreTests", dependencies: ["GitStore", "Signing", "TestSupport"]),
        .testTarget(name: "SigningTests", dependencies: ["Signing", "TestSupport"]),
        .testTarget(
            name: "KubernetesTests",
            dependencies: ["Kubernetes", "TestSupport", .product(name: "Yams", package: "Yams")]
        ),
        .testTarget(name: "TelemetryTests", dependencies: ["Telemetry", "TestSupport"]),
        .testTarget(
            name: "AnalysisTests",
            dependencies: [
                "Analysis", "Kubernetes", "Telemetry", "TestSupport",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ]
        ),
        .testTarget(
            name: "PolicyTests",
            dependencies: [
                "Policy", "Kubernetes", "YAMLSyntax", "TestSupport",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ]
        ),
        .testTarget(
            name: "ForgeTests",
            dependencies: [
                "Forge", "TestSupport",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ]
        ),
        .testTarget(
            name: "StewardKitTests",
            dependencies: [
                "StewardKit", "Analysis", "Policy", "GitStore", "Signing", "Kubernetes", "Forge", "Telemetry",
                "YAMLSyntax", "TestSupport",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
