// swift-tools-version: 6.1
import PackageDescription

let package = Package(
  name: "rlbook",
  platforms: [.macOS(.v14)],
  products: [
    /// The teaching library that every chapter imports (`import RL`).
    .library(name: "RL", type: .dynamic, targets: ["RL"]),
    .executable(name: "rlbook", targets: ["rlbook"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/swiftlang/swift-syntax", from: "603.0.1"),
    .package(url: "https://github.com/swhitty/FlyingFox", from: "0.27.1"),
    .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
  ],
  targets: [
    .target(name: "RL"),
    .systemLibrary(
      name: "CCmarkGFM",
      pkgConfig: "libcmark-gfm",
      providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
    ),
    .target(name: "CSystem"),
    .target(
      name: "BookCompiler",
      dependencies: [
        "CCmarkGFM", "CSystem",
        .product(name: "SwiftParser", package: "swift-syntax"),
        .product(name: "SwiftIDEUtils", package: "swift-syntax"),
        .product(name: "FlyingFox", package: "FlyingFox"),
        .product(name: "TOMLKit", package: "TOMLKit"),
      ],
      resources: [.copy("Assets")],
      // The compiler's own code is optimised even in debug builds: rendering and hashing a
      // whole site must take a fraction of a second, while swift-syntax (slow to build in
      // release) stays a debug build.
      swiftSettings: [.unsafeFlags(["-O"])]),
    .executableTarget(
      name: "rlbook",
      dependencies: [
        "BookCompiler",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    .executableTarget(name: "rl-bench", dependencies: ["RL"]),
    .testTarget(name: "RLTests", dependencies: ["RL"]),
    .testTarget(name: "BookCompilerTests", dependencies: ["BookCompiler"]),
    .testTarget(name: "ChapterTests", dependencies: ["BookCompiler"]),
  ]
)
