import Foundation

/// The tools a build needs: `swiftc` and the release-built RL library, with the versions
/// that go into the cache key.
public struct Toolchain: Sendable {
  /// The absolute path of `swiftc`.
  public var swiftc: String
  /// `swiftc --version`'s first line.
  public var version: String
  /// The folder holding `libRL.so` and `Modules/RL.swiftmodule`.
  public var libraryDirectory: String
  /// A fingerprint of the library's binary and interface: any change re-runs every chapter.
  public var libraryIdentity: String

  /// Finds `swiftc` on `PATH` (or `$SWIFTC`) and the library in `libraryDirectory`, by default
  /// `ROOT/.build/release`.
  public static func locate(
    root: URL, libraryDirectory: String? = nil,
    environment: [String: String] = ProcessInfo.processInfo.environment,
    memo: URL? = nil
  ) throws -> Toolchain {
    let chosen = environment["SWIFTC"].flatMap {
      FileManager.default.isExecutableFile(atPath: $0) ? $0 : nil
    }
    guard let swiftc = chosen ?? Platform.executable(named: ["swiftc"], environment: environment)
    else { throw EnvironmentError.swiftcNotFound }
    let library = libraryDirectory ?? root.appendingPathComponent(".build/release").path
    let module = "\(library)/Modules/RL.swiftmodule"
    let binary = "\(library)/libRL.so"
    guard FileManager.default.fileExists(atPath: module),
      FileManager.default.fileExists(atPath: binary)
    else {
      throw EnvironmentError.libraryNotBuilt(directory: library)
    }
    // Hashing the library and asking swiftc its version cost more than the rest of a no-op
    // build, so both are remembered under the files' stamps (see `StampMemo`).
    let stamps = memo.map { StampMemo(url: $0) }
    let identity = try stamps?.value(for: [binary, module]) { try hash([binary, module]) }
    let version = try stamps?.value(for: [swiftc]) { try versionLine(of: swiftc) }
    return Toolchain(
      swiftc: swiftc, version: try version ?? versionLine(of: swiftc),
      libraryDirectory: library, libraryIdentity: try identity ?? hash([binary, module]))
  }

  /// A content hash of the library's files.
  private static func hash(_ paths: [String]) throws -> String {
    var hasher = StableHasher()
    for path in paths {
      guard let data = FileManager.default.contents(atPath: path) else {
        throw EnvironmentError.unreadable(path: path)
      }
      hasher.combine(data)
    }
    return hasher.hexDigest
  }

  /// The flags that compile a chapter program against the library.
  ///
  /// Line tables are all the debug information a chapter needs: the backtrace of a trap
  /// names `chapters/FILE.md:LINE` from them. Full `-g` would also emit and wrap a Swift
  /// module for the debugger, about 0.2 s of every compile.
  func compileArguments(source: String, output: String, moduleCache: String) -> [String] {
    [
      "-swift-version", "5", "-Onone", "-gline-tables-only", "-diagnostic-style", "llvm",
      "-module-cache-path", moduleCache,
      "-I", "\(libraryDirectory)/Modules", "-L", libraryDirectory, "-lRL",
      "-Xlinker", "-rpath", "-Xlinker", libraryDirectory,
      source, "-o", output,
    ]
  }

  private static func versionLine(of swiftc: String) throws -> String {
    let run = try Subprocess.capture(swiftc, ["--version"])
    let text = String(decoding: run.standardOutput, as: UTF8.self)
    return text.split(separator: "\n").first.map(String.init) ?? "unknown"
  }
}
