// swift-tools-version: 6.1
import PackageDescription

let package = Package(
  name: "rlbook",
  products: [
    /// The teaching library that every chapter imports (`import RL`).
    .library(name: "RL", type: .dynamic, targets: ["RL"]),
    .executable(name: "rlbook", targets: ["rlbook"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/swiftlang/swift-syntax", from: "603.0.1"),
    .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
  ],
  targets: [
    /// The contract between a chapter program and rlbook (argv, stream files, display
    /// frames, caps), and the harness that runs around the cells; linked into RL.
    .target(
      name: "CellHarness",
      // C's `stdout` is a global variable, which Swift 6's checks reject outright.
      swiftSettings: [.swiftLanguageMode(.v5)]),
    /// The tiny LM's matrix products in C: one source, a portable and an AVX2 version picked
    /// at run time, identical bit for bit.
    .target(name: "CMatrixKernels"),
    .target(name: "RL", dependencies: ["CellHarness", "CMatrixKernels"]),
    .systemLibrary(
      name: "CCmarkGFM",
      pkgConfig: "libcmark-gfm",
      providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
    ),
    .target(name: "CSystem"),
    .target(
      name: "BookCompiler",
      dependencies: [
        "CCmarkGFM", "CSystem", "CellHarness",
        .product(name: "SwiftParser", package: "swift-syntax"),
        .product(name: "SwiftIDEUtils", package: "swift-syntax"),
        .product(name: "TOMLKit", package: "TOMLKit"),
      ],
      resources: [.copy("Assets")]),
    .executableTarget(
      name: "rlbook",
      dependencies: [
        "BookCompiler",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    .executableTarget(name: "rl-bench", dependencies: ["RL"]),
    .testTarget(name: "RLTests", dependencies: ["RL", "CMatrixKernels"]),
    .testTarget(name: "BookCompilerTests", dependencies: ["BookCompiler", "CellHarness"]),
    .testTarget(name: "ChapterTests", dependencies: ["BookCompiler"]),
  ]
)
