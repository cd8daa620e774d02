import Foundation

/// What a run of the book compiler should do.
public struct BuildOptions: Sendable {
  /// What happens to the outputs: each mode is one `OutputSink`.
  public enum Mode: Sendable {
    /// Record the outputs and write the site (`RecordSink`).
    case build
    /// Compare fresh outputs with the record (`CompareSink`).
    case test
    /// Compare with the record, then with a second run (`DeterminismSink`).
    case checkDeterminism

    /// The sink that receives the outputs of the book at `root`.
    func sink(root: URL) -> any OutputSink {
      switch self {
      case .build: RecordSink(root: root)
      case .test: CompareSink(root: root)
      case .checkDeterminism: DeterminismSink(root: root)
      }
    }
  }

  /// The book's root: the folder holding `chapters/` and `site/`.
  public var root: URL
  /// Build, test, or test twice.
  public var mode: Mode = .build
  /// Re-run every chapter, ignoring the cache.
  public var force = false
  /// Chapters named on the command line (paths or file names); these always re-run.
  public var only: [String] = []
  /// How many chapters compile and run at once; by default, the number of cores.
  public var jobs = ProcessInfo.processInfo.activeProcessorCount
  /// Where the release-built RL library is; by default `ROOT/.build/release`.
  public var libraryDirectory: String?
  /// Print a status line per chapter (by default, when standard error is a terminal).
  public var showProgress = Platform.standardErrorIsTerminal
  /// Where clang keeps the compiled modules that chapter programs import; by default
  /// `.rlbook-cache/module-cache`. Several books may share one (the tests do).
  public var moduleCacheFolder: URL?

  /// Options for the book at `root`.
  public init(root: URL) {
    self.root = root
  }

  /// The scratch folder for the cache, programs and the build lock.
  public var cacheFolder: URL { root.appendingPathComponent(".rlbook-cache") }
  /// The site folder: `[site] folder` in `book.toml`, by default `site`.
  public var siteFolder: URL {
    root.appendingPathComponent((try? ManifestParser.load(root: root))?.siteFolder ?? "site")
  }
}
