import Foundation

/// What a run of the book compiler should do.
public struct BuildOptions: Sendable {
  /// Record outputs and write the site (`build`), or compare against the record (`test`).
  public enum Mode: Sendable { case build, test }

  /// The book's root: the folder holding `chapters/` and `site/`.
  public var root: URL
  /// Build or test.
  public var mode: Mode = .build
  /// Re-run every chapter, ignoring the cache.
  public var force = false
  /// Chapters named on the command line (paths or file names); these always re-run.
  public var only: [String] = []
  /// How many chapters compile and run at once; by default, the number of cores.
  public var jobs = ProcessInfo.processInfo.activeProcessorCount
  /// Where the release-built RL library is; by default `ROOT/.build/release`.
  public var libraryDirectory: String?
  /// In test mode, run each chapter twice and report cells whose output differs.
  public var checkDeterminism = false
  /// Print a status line per chapter (set when standard error is a terminal).
  public var showProgress = false

  /// Options for the book at `root`.
  public init(root: URL) {
    self.root = root
  }

  /// Where clang keeps the compiled modules that chapter programs import; by default
  /// `.rlbook-cache/module-cache`. Several books may share one (the tests do).
  public var moduleCacheFolder: URL?

  /// The scratch folder for the cache, programs and the build lock.
  public var cacheFolder: URL { root.appendingPathComponent(".rlbook-cache") }
  /// The site folder: `[site] folder` in `book.toml`, by default `site`.
  public var siteFolder: URL {
    root.appendingPathComponent((try? ManifestParser.load(root: root))?.siteFolder ?? "site")
  }
}
