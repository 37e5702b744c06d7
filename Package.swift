// swift-tools-version: 6.1
import PackageDescription

let strict: [SwiftSetting] = [
    .swiftLanguageMode(.v6),
    .enableUpcomingFeature("ExistentialAny"),
]

let package = Package(
    name: "Tocsin",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "tocsin", targets: ["tocsin"]),
        .library(name: "TocsinCore", targets: ["TocsinCore"]),
        .library(name: "TocsinDetect", targets: ["TocsinDetect"]),
        .library(name: "TocsinEval", targets: ["TocsinEval"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/ordo-one/benchmark", exact: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        .target(name: "TocsinCore", swiftSettings: strict),
        .target(name: "TocsinDetect", dependencies: ["TocsinCore"], swiftSettings: strict),
        .target(name: "TocsinEval", dependencies: ["TocsinCore", "TocsinDetect"], swiftSettings: strict),
        .executableTarget(
            name: "tocsin",
            dependencies: [
                "TocsinCore", "TocsinDetect", "TocsinEval",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strict
        ),
        .testTarget(name: "TocsinCoreTests", dependencies: ["TocsinCore"], swiftSettings: strict),
        .testTarget(name: "TocsinDetectTests", dependencies: ["TocsinDetect", "TocsinCore", "TocsinEval"], swiftSettings: strict),
        .testTarget(name: "TocsinEvalTests", dependencies: ["TocsinEval", "TocsinDetect"], swiftSettings: strict),
        .testTarget(name: "tocsinTests", dependencies: ["tocsin"], swiftSettings: strict),
        .executableTarget(
            name: "TocsinBenchmarks",
            dependencies: [
                "TocsinDetect", "TocsinCore",
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Benchmarks/TocsinBenchmarks",
            swiftSettings: strict,
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
    ]
)
