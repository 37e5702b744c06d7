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
        .package(url: "https://github.com/hummingbird-project/hummingbird", exact: "2.28.1"),
        .package(url: "https://github.com/swift-server/swift-prometheus", exact: "2.4.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", exact: "2.13.0"),
        .package(url: "https://github.com/apple/swift-log", exact: "1.16.2"),
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/vapor/postgres-nio", exact: "1.33.2"),
        .package(url: "https://github.com/jpsim/Yams", exact: "6.2.2"),
        .package(url: "https://github.com/apple/swift-crypto", exact: "4.5.2"),
        .package(url: "https://github.com/apple/swift-nio", exact: "2.101.3"),
        .package(url: "https://github.com/apple/swift-nio-ssl", exact: "2.37.6"),
    ],
    targets: [
        .target(name: "TocsinCore", swiftSettings: strict),
        .target(name: "TocsinDetect", dependencies: ["TocsinCore"], swiftSettings: strict),
        .target(name: "TocsinEval", dependencies: ["TocsinCore", "TocsinDetect"], swiftSettings: strict),
        .target(name: "TocsinAWS", dependencies: ["TocsinCore", .product(name: "Crypto", package: "swift-crypto")], swiftSettings: strict),
        .target(name: "TocsinReport", dependencies: ["TocsinCore", "TocsinDetect", "TocsinEval"], swiftSettings: strict),
        .target(
            name: "TocsinStore",
            dependencies: [
                "TocsinCore",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
            ],
            swiftSettings: strict
        ),
        .target(name: "TocsinSources", dependencies: ["TocsinCore"], swiftSettings: strict),
        .target(
            name: "TocsinPipeline",
            dependencies: [
                "TocsinCore", "TocsinDetect", "TocsinEval", "TocsinStore", "TocsinSources",
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict
        ),
        .target(name: "TocsinPrometheus", dependencies: ["TocsinCore", "TocsinPipeline"], swiftSettings: strict),
        .target(
            name: "TocsinCloudWatch",
            dependencies: [
                "TocsinCore", "TocsinPipeline", "TocsinAWS",
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict
        ),
        .target(name: "TocsinResponse", dependencies: ["TocsinCore"], swiftSettings: strict),
        .target(
            name: "TocsinEmail",
            dependencies: [
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict
        ),
        .target(
            name: "TocsinNotify",
            dependencies: [
                "TocsinCore", "TocsinResponse", "TocsinStore", "TocsinPipeline", "TocsinAWS", "TocsinEmail", "TocsinRemediate",
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict
        ),
        .target(
            name: "TocsinRemediate",
            dependencies: [
                "TocsinCore", "TocsinResponse", "TocsinStore", "TocsinAWS",
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict
        ),
        .target(
            name: "TocsinConfig",
            dependencies: ["TocsinCore", "TocsinDetect", "TocsinPipeline", "TocsinResponse", .product(name: "Yams", package: "Yams")],
            swiftSettings: strict
        ),
        .target(
            name: "TocsinServer",
            dependencies: [
                "TocsinCore", "TocsinDetect", "TocsinStore", "TocsinPipeline", "TocsinResponse", "TocsinNotify", "TocsinRemediate",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict
        ),
        .executableTarget(
            name: "tocsin",
            dependencies: [
                "TocsinCore", "TocsinDetect", "TocsinEval", "TocsinStore", "TocsinPipeline", "TocsinServer", "TocsinSources",
                "TocsinConfig", "TocsinResponse", "TocsinReport", "TocsinPrometheus", "TocsinAWS", "TocsinCloudWatch", "TocsinNotify",
                "TocsinRemediate", "TocsinEmail",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: strict
        ),
        .testTarget(name: "TocsinCoreTests", dependencies: ["TocsinCore"], swiftSettings: strict),
        .testTarget(name: "TocsinDetectTests", dependencies: ["TocsinDetect", "TocsinCore", "TocsinEval"], swiftSettings: strict),
        .target(name: "TocsinTestServers", dependencies: ["TocsinAWS"], path: "Tests/TocsinTestServers", exclude: ["Support"],
                swiftSettings: strict),
        .testTarget(name: "TocsinAWSTests", dependencies: ["TocsinAWS", "TocsinTestServers"], swiftSettings: strict),
        .testTarget(name: "TocsinReportTests", dependencies: ["TocsinReport", "TocsinEval", "TocsinCore"], swiftSettings: strict),
        .testTarget(name: "TocsinEvalTests", dependencies: ["TocsinEval", "TocsinDetect", "TocsinCore"], swiftSettings: strict),
        .testTarget(
            name: "TocsinServerTests",
            dependencies: [
                "TocsinServer", "TocsinPipeline", "TocsinStore", "TocsinNotify", "TocsinRemediate", "TocsinResponse", "TocsinCore",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ],
            swiftSettings: strict
        ),
        .testTarget(
            name: "TocsinStoreTests",
            dependencies: ["TocsinStore", "TocsinCore", .product(name: "PostgresNIO", package: "postgres-nio")],
            swiftSettings: strict
        ),
        .testTarget(name: "TocsinSourcesTests", dependencies: ["TocsinSources", "TocsinCore", "TocsinDetect"], swiftSettings: strict),
        .testTarget(
            name: "TocsinPipelineTests",
            dependencies: [
                "TocsinPipeline", "TocsinCore", "TocsinStore",
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: strict
        ),
        .testTarget(
            name: "TocsinCloudWatchTests",
            dependencies: ["TocsinCloudWatch", "TocsinAWS", "TocsinPipeline", "TocsinCore", "TocsinTestServers"],
            swiftSettings: strict
        ),
        .testTarget(name: "TocsinPrometheusTests", dependencies: ["TocsinPrometheus", "TocsinCore", "TocsinDetect"], swiftSettings: strict),
        .testTarget(name: "TocsinResponseTests", dependencies: ["TocsinResponse", "TocsinCore"], swiftSettings: strict),
        .testTarget(
            name: "TocsinEmailTests",
            dependencies: ["TocsinEmail", "TocsinTestServers", .product(name: "Logging", package: "swift-log")],
            swiftSettings: strict
        ),
        .testTarget(
            name: "TocsinNotifyTests",
            dependencies: [
                "TocsinNotify", "TocsinResponse", "TocsinStore", "TocsinCore", "TocsinPipeline", "TocsinRemediate", "TocsinEmail",
                "TocsinTestServers", .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: strict
        ),
        .testTarget(
            name: "TocsinRemediateTests",
            dependencies: ["TocsinRemediate", "TocsinResponse", "TocsinStore", "TocsinCore"],
            swiftSettings: strict
        ),
        .testTarget(name: "TocsinConfigTests", dependencies: ["TocsinConfig", "TocsinPipeline", "TocsinResponse", "TocsinDetect"], swiftSettings: strict),
        .testTarget(name: "tocsinTests", dependencies: ["tocsin", "TocsinAWS", "TocsinTestServers"], swiftSettings: strict),
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
