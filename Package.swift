// swift-tools-version:6.1
import PackageDescription

/// Steward: a GitOps repository bot for Kubernetes.
///
/// Target layering follows docs/architecture.md: lower targets never import upper ones, each C
/// module is imported by exactly one Swift module, and the `steward` executable only parses
/// arguments and calls the command targets (`StewardKit`, and the planner, reports and verifier
/// it prints from).
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
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.0"),
    ],
    targets: [
        // C libraries from Debian's -dev packages, each imported by exactly one Swift module.
        .systemLibrary(name: "CLibGit2", pkgConfig: "libgit2", providers: [.apt(["libgit2-dev"])]),
        .systemLibrary(name: "COpenSSL", pkgConfig: "libcrypto", providers: [.apt(["libssl-dev"])]),
        .systemLibrary(
            name: "CLibYAML", path: "Benchmarks/CLibYAML", pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"])]
        ),

        // Pure models and engines: no I/O beyond what their caller hands them.
        .target(name: "YAMLSyntax"),
        .target(name: "ClientSupport"),
        .target(name: "Profiles"),
        .target(name: "Kubernetes", dependencies: ["YAMLSyntax"]),
        .target(name: "Analysis", dependencies: ["Kubernetes", "Profiles"]),
        .target(name: "Policy", dependencies: ["YAMLSyntax", "Kubernetes", "Profiles", "Analysis"]),

        // Clients of the outside world: Git, signatures, Prometheus, forges.
        .target(
            name: "GitStore",
            dependencies: ["CLibGit2", "ClientSupport", .product(name: "Crypto", package: "swift-crypto")]
        ),
        .target(name: "Signing", dependencies: ["COpenSSL"]),
        .target(
            name: "PrometheusAPI",
            dependencies: [
                "Profiles", "ClientSupport",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(
            name: "ArgoCD",
            dependencies: [
                "ClientSupport",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ]
        ),
        .target(
            name: "Forge",
            dependencies: [
                "ClientSupport",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ]
        ),

        // Steward's stages, each importing only the ones before it.
        .target(
            name: "StewardPlanner",
            dependencies: [
                "YAMLSyntax", "GitStore", "Signing", "Kubernetes", "Profiles", "PrometheusAPI", "Analysis",
                "Policy", "Forge", "ArgoCD",
            ]
        ),
        .target(
            name: "StewardReports",
            dependencies: ["StewardPlanner", "Analysis", "Kubernetes", "Policy", "Profiles"]
        ),
        .target(
            name: "StewardVerify",
            dependencies: [
                "StewardPlanner", "GitStore", "Signing", "Kubernetes", "Policy", "Analysis", "Profiles",
                "YAMLSyntax",
            ]
        ),
        .target(
            name: "StewardPublisher",
            dependencies: [
                "StewardPlanner", "StewardReports", "StewardVerify", "GitStore", "Signing", "Kubernetes",
                "Policy", "Analysis", "Profiles", "Forge", "ClientSupport",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Mustache", package: "swift-mustache"),
            ]
        ),
        .target(
            name: "StewardKit",
            dependencies: [
                "StewardPlanner", "StewardReports", "StewardVerify", "StewardPublisher", "YAMLSyntax",
                "GitStore", "Signing", "Kubernetes", "Profiles", "PrometheusAPI", "Policy", "Forge",
                "ClientSupport", "ArgoCD",
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .executableTarget(
            name: "steward",
            dependencies: [
                "StewardKit", "StewardPlanner", "StewardReports", "StewardVerify",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),

        // Benchmarks: programs that print their figures.
        .executableTarget(
            name: "YAMLBench", dependencies: ["YAMLSyntax", "CLibYAML"], path: "Benchmarks/YAMLBench"),
        .executableTarget(
            name: "AnalysisBench",
            dependencies: ["Analysis", "Kubernetes", "Profiles", "YAMLSyntax", "TestSupport"],
            path: "Benchmarks/AnalysisBench"
        ),
        .executableTarget(
            name: "ProfileBench",
            dependencies: [
                "PrometheusAPI", "Profiles", "TestSupport", "PrometheusSimulator",
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Benchmarks/ProfileBench"
        ),
        .executableTarget(
            name: "InventoryBench",
            dependencies: ["Kubernetes", "YAMLSyntax", "TestSupport"],
            path: "Benchmarks/InventoryBench"
        ),

        // Test harness: real components started for tests, and the loopback fakes where nothing
        // real runs here.
        .target(
            name: "TestSupport",
            dependencies: [
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ],
            path: "Tests/TestSupport"
        ),
        .target(
            name: "ForgeFake",
            dependencies: ["TestSupport"],
            path: "Tests/ForgeFake"
        ),
        .target(
            name: "ArgoCDFake",
            dependencies: ["TestSupport"],
            path: "Tests/ArgoCDFake"
        ),
        .target(
            name: "PrometheusSimulator",
            dependencies: [
                "TestSupport",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ],
            path: "Tests/PrometheusSimulator"
        ),
        .target(
            name: "PlanFixtures",
            dependencies: ["StewardPlanner", "Profiles", "TestSupport"],
            path: "Tests/PlanFixtures"
        ),

        .testTarget(
            name: "YAMLSyntaxTests",
            dependencies: [
                "YAMLSyntax", "TestSupport",
                .product(name: "Yams", package: "Yams"),
                .product(name: "PropertyBased", package: "swift-property-based"),
            ]
        ),
        .testTarget(name: "ClientSupportTests", dependencies: ["ClientSupport"]),
        .testTarget(name: "ArchitectureTests", dependencies: ["TestSupport"]),
        .testTarget(
            name: "GitStoreTests", dependencies: ["GitStore", "Signing", "ClientSupport", "TestSupport"]),
        .testTarget(name: "SigningTests", dependencies: ["Signing", "TestSupport"]),
        .testTarget(
            name: "KubernetesTests",
            dependencies: [
                "Kubernetes", "YAMLSyntax", "TestSupport", .product(name: "Yams", package: "Yams"),
            ]
        ),
        .testTarget(name: "ProfilesTests", dependencies: ["Profiles", "TestSupport"]),
        .testTarget(
            name: "PrometheusAPITests",
            dependencies: [
                "PrometheusAPI", "Profiles", "ClientSupport", "TestSupport", "PrometheusSimulator",
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .testTarget(
            name: "AnalysisTests",
            dependencies: [
                "Analysis", "Kubernetes", "Profiles", "PrometheusAPI", "TestSupport", "PrometheusSimulator",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ]
        ),
        .testTarget(
            name: "PolicyTests",
            dependencies: [
                "Policy", "Kubernetes", "YAMLSyntax", "Analysis", "TestSupport",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ]
        ),
        .testTarget(
            name: "ForgeTests",
            dependencies: [
                "Forge", "ClientSupport", "TestSupport", "ForgeFake",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ]
        ),
        .testTarget(
            name: "ArgoCDTests",
            dependencies: [
                "ArgoCD", "ClientSupport", "TestSupport", "ArgoCDFake",
            ]
        ),
        .testTarget(
            name: "StewardPublisherTests",
            dependencies: [
                "StewardPublisher", "StewardPlanner", "StewardVerify", "GitStore", "TestSupport",
                "PlanFixtures",
            ]
        ),
        .testTarget(
            name: "StewardKitTests",
            dependencies: [
                "StewardKit", "StewardPlanner", "StewardReports", "StewardVerify", "Analysis", "Policy",
                "GitStore", "Signing", "Kubernetes", "Forge", "Profiles",
                "PrometheusAPI",
                "YAMLSyntax", "TestSupport", "ForgeFake", "PrometheusSimulator", "PlanFixtures", "ArgoCDFake",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
