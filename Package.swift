// swift-tools-version: 6.1
// VaultSearch: a search and ranking engine daemon for PromptVault. See ARCHITECTURE.md.
import PackageDescription

let package = Package(
    name: "VaultSearch",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "vaultsearch", targets: ["vaultsearch"]),
        .library(name: "VaultIndex", targets: ["VaultIndex"]),
        .library(name: "VaultEval", targets: ["VaultEval"]),
        .library(name: "VaultCorpus", targets: ["VaultCorpus"]),
        .library(name: "VaultIngest", targets: ["VaultIngest"]),
        .library(name: "VaultTrending", targets: ["VaultTrending"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-configuration", from: "1.4.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/vapor/jwt-kit", from: "5.7.1"),
        // Already in the graph through jwt-kit (same URL and range); named here because the key
        // store derives API keys with its HMAC-SHA256.
        .package(url: "https://github.com/apple/swift-crypto.git", "4.1.0"..<"6.0.0"),
    ],
    targets: [
        // MARK: C shims (system libraries from Debian)
        .systemLibrary(
            name: "CLMDB", pkgConfig: "lmdb",
            providers: [.apt(["liblmdb-dev"])]),
        .systemLibrary(
            name: "CStemmer",
            providers: [.apt(["libstemmer-dev"])]),
        // ICU is wrapped by a C target, not a system-library module: see PLATFORM.md (Foundation clash).
        .target(
            name: "CICU",
            linkerSettings: [.linkedLibrary("icui18n"), .linkedLibrary("icuuc"), .linkedLibrary("icudata")]),

        // MARK: Engine
        .target(name: "VaultAnalysis", dependencies: ["CICU", "CStemmer"]),
        // CRC-32C for the checksum VaultStorage appends to every value (a C target: SSE 4.2).
        .target(name: "CChecksum"),
        .target(name: "VaultStorage", dependencies: ["CLMDB", "CChecksum"]),
        .target(
            name: "VaultIndex", dependencies: ["VaultAnalysis", "VaultStorage"],
            swiftSettings: [
                // Postings cursors are classes walked in the hottest loops; dynamic exclusivity checks on
                // their stored properties cost ~30 % of query time. The cursor never hands out inout
                // access to its own state, so there is nothing for the runtime check to catch.
                .unsafeFlags(["-enforce-exclusivity=unchecked"], .when(configuration: .release)),
            ]),
        // Trending scores and leaderboards from engagement events, in the index's LMDB environment; takes a clock.
        .target(name: "VaultTrending", dependencies: ["VaultIndex", "VaultStorage"]),
        .target(
            name: "VaultEval",
            dependencies: ["VaultIndex", "VaultCorpus", .product(name: "GRDB", package: "GRDB.swift")]),
        .target(name: "VaultCorpus", path: "Corpus/Generator"),
        // The primary store (SQLite through GRDB), its change log, the tailer and full rebuilds.
        // Mappings/ holds the shipped source configurations (JSON), read through Bundle.module.
        .target(
            name: "VaultIngest",
            dependencies: ["VaultIndex", "VaultTrending", "VaultCorpus", .product(name: "GRDB", package: "GRDB.swift")],
            resources: [.copy("Mappings")]),

        // MARK: The daemon
        // The HTTP and Unix-socket API (Hummingbird): routes, the JSON contract, keys and tokens,
        // metrics, the search page (Page/) and the OpenAPI document (OpenAPI/), read through Bundle.module.
        .target(
            name: "VaultServer",
            dependencies: [
                "VaultIndex", "VaultIngest", "VaultStorage", "VaultTrending",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Configuration", package: "swift-configuration"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "JWTKit", package: "jwt-kit"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            resources: [.copy("Page/Assets"), .copy("OpenAPI/openapi.json")]),

        // MARK: The command-line executable
        .executableTarget(
            name: "vaultsearch",
            dependencies: [
                "VaultIndex", "VaultEval", "VaultCorpus", "VaultIngest", "VaultServer", "VaultTrending",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),

        // MARK: Tests
        .testTarget(name: "VaultAnalysisTests", dependencies: ["VaultAnalysis"]),
        .testTarget(name: "VaultStorageTests", dependencies: ["VaultStorage", "CChecksum"]),
        // The independent test oracle for filters, facets and sort (shared by the test targets).
        .target(
            name: "VaultTestSupport",
            dependencies: ["VaultIndex", "VaultCorpus", .product(name: "GRDB", package: "GRDB.swift")],
            path: "Tests/VaultTestSupport"),
        .testTarget(name: "VaultIndexTests", dependencies: ["VaultIndex", "VaultCorpus", "VaultTestSupport"]),
        .testTarget(
            name: "VaultServerTests",
            dependencies: [
                "VaultServer", "VaultIngest", "VaultIndex", "VaultTrending", "VaultCorpus", "VaultTestSupport",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
                // Key derivation and tenant-token signatures are checked against HMACs computed here.
                .product(name: "Crypto", package: "swift-crypto"),
            ]),
        .testTarget(name: "VaultEvalTests", dependencies: ["VaultEval", "VaultCorpus"]),
        .testTarget(name: "VaultCorpusTests", dependencies: ["VaultCorpus"]),
        .testTarget(name: "VaultTrendingTests", dependencies: ["VaultTrending", "VaultIndex"]),
        .testTarget(
            name: "VaultIngestTests",
            dependencies: [
                "VaultIngest", "VaultIndex", "VaultTrending", "VaultAnalysis", "VaultCorpus", "VaultTestSupport",
                .product(name: "GRDB", package: "GRDB.swift"),
            ]),
        .testTarget(
            name: "EndToEndTests",
            dependencies: ["vaultsearch", .product(name: "GRDB", package: "GRDB.swift")]),
        // Data-driven ranking scenarios: one folder per scenario under Tests/Scenarios (not a target).
        .testTarget(name: "ScenarioTests", dependencies: ["VaultIndex"]),
    ]
)
