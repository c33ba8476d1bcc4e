// swift-tools-version: 6.1
// VaultSearch benchmarks: a separate package so the benchmark dependency stays out of the engine's
// package. Run with `swift package benchmark` from this directory; see README.md.
import PackageDescription

let package = Package(
    name: "VaultSearchBenchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "VaultSearch", path: ".."),
        // Only the malloc interposer: the default traits also pull a runtime interposer package that
        // is not available here (PLATFORM.md, package-benchmark).
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        // Shared setup: the fixed seeds, the generated documents and queries, the temporary index.
        .target(
            name: "BenchmarkFixtures",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "VaultIndex", package: "VaultSearch"),
                .product(name: "VaultCorpus", package: "VaultSearch"),
            ]),
    ]
)

// One executable target per suite in Benchmarks/<Suite>/, where the benchmark plugin looks for them.
let suites: [(name: String, dependencies: [Target.Dependency])] = [
    ("Tokenization", [.product(name: "VaultIndex", package: "VaultSearch")]),
    ("PostingsDecode", [.product(name: "VaultIndex", package: "VaultSearch")]),
    ("DictionaryWalk", [.product(name: "VaultIndex", package: "VaultSearch")]),
    (
        "QueryExecution",
        [.product(name: "VaultIndex", package: "VaultSearch"), .product(name: "VaultEval", package: "VaultSearch")]
    ),
]
for suite in suites {
    package.targets.append(
        .executableTarget(
            name: suite.name,
            dependencies: [
                "BenchmarkFixtures",
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "VaultCorpus", package: "VaultSearch"),
            ] + suite.dependencies,
            path: "Benchmarks/\(suite.name)",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]))
}
