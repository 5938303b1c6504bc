// swift-tools-version:6.1
import PackageDescription

let strict: [SwiftSetting] = [
    .enableUpcomingFeature("InternalImportsByDefault"),
    .enableUpcomingFeature("MemberImportVisibility"),
    .enableUpcomingFeature("ExistentialAny"),
]

let package = Package(
    name: "tablefix",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "Tablefix", targets: ["Tablefix"]),
        .executable(name: "tablefix", targets: ["tablefix"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", exact: "0.9.20"),
    ],
    targets: [
        .target(name: "TablefixModel", swiftSettings: strict),
        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
        .target(name: "TablefixXML", dependencies: ["CLibXML2"], swiftSettings: strict),
        .systemLibrary(
            name: "CPDF",
            providers: [
                .apt([
                    "libmupdf-dev", "libmujs-dev", "libgumbo-dev", "libopenjp2-7-dev", "libjbig2dec0-dev", "libharfbuzz-dev",
                    "libjpeg-dev", "libfreetype-dev", "zlib1g-dev",
                ])
            ]),
        .systemLibrary(
            name: "COCR", pkgConfig: "tesseract", providers: [.apt(["libtesseract-dev", "tesseract-ocr-chi-sim", "tesseract-ocr-eng"])]),
        .target(
            name: "TablefixReaders",
            dependencies: [
                "TablefixModel", "TablefixXML", "CPDF", "COCR", .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ], swiftSettings: strict),
        .target(name: "TablefixCleanup", dependencies: ["TablefixModel"], swiftSettings: strict),
        .target(
            name: "TablefixReconstruction", dependencies: ["TablefixModel"],
            resources: [.copy("Resources/templates"), .copy("Resources/statements")], swiftSettings: strict),
        .target(name: "TablefixOutput", dependencies: ["TablefixModel"], swiftSettings: strict),
        .target(
            name: "TablefixStore",
            dependencies: [
                "TablefixModel", "TablefixOutput", .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"), .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            swiftSettings: strict),
        .target(
            name: "TablefixReview",
            dependencies: [
                "TablefixModel", "TablefixOutput", "TablefixStore",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            resources: [.copy("Resources/review.js"), .copy("Resources/review.css"), .copy("Resources/frame.html")],
            swiftSettings: strict),
        .target(
            name: "Tablefix",
            dependencies: [
                "TablefixModel", "TablefixReaders", "TablefixCleanup", "TablefixReconstruction",
                "TablefixOutput", "TablefixStore", "TablefixReview",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ], swiftSettings: strict),
        .executableTarget(
            name: "tablefix",
            dependencies: ["Tablefix", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            swiftSettings: strict),
        .executableTarget(
            name: "repair-benchmark", dependencies: ["Tablefix"], path: "Tools/Benchmarks/RepairBenchmark",
            swiftSettings: strict),
        .executableTarget(
            name: "reader-benchmark", dependencies: ["TablefixModel", "TablefixReaders"],
            path: "Tools/Benchmarks/ReaderBenchmark", swiftSettings: strict),
        .executableTarget(
            name: "fuzz-readers",
            dependencies: [
                "Tablefix", "TablefixReaders", "TablefixOutput", .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            path: "Tools/Fuzz/FuzzReaders", swiftSettings: strict),
        .target(
            name: "TablefixTestSupport",
            dependencies: ["Tablefix", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
            path: "Tests/TablefixTestSupport",
            swiftSettings: strict),
        .testTarget(name: "TablefixModelTests", dependencies: ["TablefixModel", "TablefixTestSupport"], swiftSettings: strict),
        .testTarget(
            name: "TablefixReadersTests", dependencies: ["TablefixReaders", "Tablefix", "TablefixTestSupport"],
            exclude: ["Fixtures"], swiftSettings: strict),
        .testTarget(name: "TablefixCleanupTests", dependencies: ["TablefixCleanup", "TablefixReaders", "TablefixTestSupport"], swiftSettings: strict),
        .testTarget(name: "TablefixReconstructionTests", dependencies: ["TablefixReconstruction", "TablefixTestSupport"], swiftSettings: strict),
        .testTarget(
            name: "TablefixTests",
            dependencies: ["Tablefix", "TablefixOutput", "TablefixStore", "TablefixReview", "TablefixTestSupport"],
            exclude: ["Snapshots"], swiftSettings: strict),
        .testTarget(
            name: "TablefixCLITests",
            dependencies: [
                "TablefixTestSupport", "TablefixStore", "TablefixOutput",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"), .product(name: "GRDB", package: "GRDB.swift"),
            ], swiftSettings: strict),
    ]
)
