import ArgumentParser
import BookCompiler
import Foundation

/// `rlbook`: builds the executable book, tests it, and serves it while you write.
@main
struct RLBook: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "rlbook",
    abstract:
      "Compile an executable book: run every Swift cell, record its output, build the site.",
    subcommands: [Build.self, Test.self, Run.self, Serve.self, Init.self],
    defaultSubcommand: Build.self)
}

/// Options shared by every subcommand.
struct CommonOptions: ParsableArguments {
  @Option(help: "The book's root folder, holding book.toml and chapters/.")
  var root: String = "."

  @Option(help: "How many chapters compile and run at once (default: the number of cores).")
  var jobs: Int?

  @Option(help: "The folder with the release-built RL library (default: ROOT/.build/release).")
  var libraryPath: String?

  @Flag(help: "Print where the time went: parsing, each chapter's compile and run, rendering.")
  var timings = false

  @Argument(help: "Only these chapters are forced to re-run (file names or paths).")
  var chapters: [String] = []

  func buildOptions(mode: BuildOptions.Mode) -> BuildOptions {
    var options = BuildOptions(root: URL(fileURLWithPath: root).standardizedFileURL)
    options.mode = mode
    options.only = chapters
    if let jobs { options.jobs = max(1, jobs) }
    options.libraryDirectory = libraryPath.map { URL(fileURLWithPath: $0).standardizedFileURL.path }
    // Lets several books share compiled modules (the tests use it); not needed by authors.
    options.moduleCacheFolder = ProcessInfo.processInfo.environment["RLBOOK_MODULE_CACHE"].map {
      URL(fileURLWithPath: $0)
    }
    return options
  }
}

/// Runs the pipeline and prints its problems; exits non-zero when anything failed.
func runBook(_ options: BuildOptions, showTimings: Bool = false) throws {
  Interrupts.install()
  let progress = options.showProgress
  let started = Date()
  let report = try reportingErrors {
    try Book(options: options) { line in
      if progress { FileHandle.standardError.write(Data((line + "\n").utf8)) }
    }.run()
  }
  for warning in report.warnings { printError(warning.description) }
  for error in report.errors { printError(error.description) }
  if showTimings { printTimings(report) }
  for mismatch in report.mismatches { printError(mismatch) }
  let ran = report.chapters.filter { $0.source == .ran }.count
  let cached = report.chapters.filter { $0.source == .cached }.count
  let failed = report.chapters.filter { $0.source == .failed }.count
  var summary = "rlbook: \(report.chapters.count) chapters (\(ran) ran, \(cached) cached"
  summary += failed > 0 ? ", \(failed) failed)" : ")"
  if options.mode != .build {
    summary +=
      report.mismatches.isEmpty
      ? ", outputs match the record" : ", \(report.mismatches.count) outputs differ"
  }
  if !report.errors.isEmpty { summary += ", \(report.errors.count) errors" }
  if options.mode == .build {
    summary +=
      report.wroteSite
      ? ", site/ written" : report.siteWasCurrent ? ", site/ up to date" : ", site/ left unchanged"
  }
  summary += String(format: " in %.2f s", Date().timeIntervalSince(started))
  FileHandle.standardError.write(Data((summary + "\n").utf8))
  if !report.succeeded { throw ExitCode.failure }
}

func printTimings(_ report: BuildReport) {
  var lines = [
    "timings (seconds)",
    String(
      format: "  parse %.3f · render and write %.3f", report.parseSeconds, report.renderSeconds),
  ]
  var compile = 0.0
  var run = 0.0
  for chapter in report.chapters {
    compile += chapter.compileSeconds
    run += chapter.runSeconds
    lines.append(timingLine(chapter.path, chapter.compileSeconds, chapter.runSeconds))
  }
  lines.append(timingLine("sum", compile, run))
  printError(lines.joined(separator: "\n"))
}

func timingLine(_ name: String, _ compile: Double, _ run: Double) -> String {
  "  " + name.padding(toLength: 40, withPad: " ", startingAt: 0)
    + String(format: " compile %6.2f   run %6.2f", compile, run)
}

/// `body`'s result; its errors are printed (a book's as diagnostics) and end the command with
/// exit code 1.
func reportingErrors<T>(_ body: () throws -> T) throws -> T {
  do {
    return try body()
  } catch let error as BookErrors {
    printError(error.description)
    throw ExitCode.failure
  } catch {
    printError("rlbook: \(error)")
    throw ExitCode.failure
  }
}

func printError(_ text: String) {
  FileHandle.standardError.write(Data((text + "\n").utf8))
}

extension RLBook {
  /// `rlbook build`: run what changed, re-record outputs, write the site.
  struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Run changed chapters, re-record their outputs beside them, and write site/.")

    @OptionGroup var common: CommonOptions

    @Flag(help: "Re-run every chapter, ignoring the cache.")
    var force = false

    func run() throws {
      var options = common.buildOptions(mode: .build)
      options.force = force
      try runBook(options, showTimings: common.timings)
    }
  }

  /// `rlbook test`: run every chapter fresh and compare with the record.
  struct Test: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Run every chapter fresh and fail if any cell's output differs from the record.")

    @OptionGroup var common: CommonOptions

    @Flag(help: "Run each chapter twice and report any cell whose output differs between runs.")
    var checkDeterminism = false

    func run() throws {
      let options = common.buildOptions(mode: checkDeterminism ? .checkDeterminism : .test)
      try runBook(options, showTimings: common.timings)
    }
  }
}

extension RLBook {
  /// `rlbook run`: one chapter in the terminal, cell by cell.
  struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Compile and run one chapter (or a downloaded NN-slug.swift) in the terminal,"
        + " printing each cell's output as it comes. Records nothing.")

    @Option(help: "The book's root folder, holding book.toml and chapters/.")
    var root: String = "."

    @Option(help: "The folder with the release-built RL library (default: ROOT/.build/release).")
    var libraryPath: String?

    @Argument(help: "The chapter (chapters/NN-slug.md, or its file name) or a .swift file.")
    var target: String

    func run() throws {
      Interrupts.install()
      let run = ChapterRun(
        root: URL(fileURLWithPath: root).standardizedFileURL,
        libraryDirectory: libraryPath.map { URL(fileURLWithPath: $0).standardizedFileURL.path },
        moduleCacheFolder: ProcessInfo.processInfo.environment["RLBOOK_MODULE_CACHE"].map {
          URL(fileURLWithPath: $0)
        })
      let status = try reportingErrors {
        try run.run(
          target, output: { FileHandle.standardOutput.write($0) },
          errors: { FileHandle.standardError.write($0) })
      }
      if status != 0 { throw ExitCode(status) }
    }
  }
}
