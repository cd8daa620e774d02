import Foundation

/// `rlbook serve`: a live preview. It listens on 127.0.0.1, serves `site/`, builds the book,
/// watches the chapters and the RL library's sources, and rebuilds on every edit (a library
/// edit first rebuilds the library in release mode). The cache makes a prose-only edit
/// re-render without compiling or running anything.
///
/// Serving and building run on separate threads: `ConnectionLoop` answers every request at
/// once, from the last good `site/`, while a chapter compiles and runs.
///
/// Every HTML page it serves gets a small script (only here, never in the committed site)
/// that polls `/__rlbook/status`: the page reloads itself after a successful rebuild, and a
/// failed build shows its errors, with chapter and line, over the page instead of a stale one.
public struct PreviewServer: Sendable {
  /// How each build runs (the root, jobs, library path).
  public var options: BuildOptions
  /// The port on 127.0.0.1 (0: one the kernel chooses, printed when serving starts).
  public var port: UInt16
  /// The bounds every client is held to.
  public var limits: ServeLimits
  /// Where status lines go.
  public var log: @Sendable (String) -> Void

  /// Creates the server; `run()` starts it.
  public init(
    options: BuildOptions, port: UInt16, limits: ServeLimits = ServeLimits(),
    log: @escaping @Sendable (String) -> Void
  ) {
    self.options = options
    self.port = port
    self.limits = limits
    self.log = log
  }

  /// Takes the port, serves, builds once, then rebuilds on changes until the process is
  /// stopped. Throws only when the port cannot be listened on, before anything is served.
  public func run() throws(EnvironmentError) -> Never {
    let listener = try LoopbackListener(port: port)
    let state = PreviewState()
    let responder = PreviewResponder(site: options.siteFolder, port: listener.port, state: state)
    let loop = ConnectionLoop(
      listener: listener, limits: limits, respond: { responder.respond(to: $0) })
    let serving = Thread { loop.run() }
    serving.name = "rlbook serve"
    serving.start()
    log("rlbook: serving site/ at http://127.0.0.1:\(listener.port)/ (Ctrl-C stops)")
    // Scanned before the first build, so an edit made while it runs is not missed.
    var sources = SourceWatcher(root: options.root)
    rebuild(state: state, library: false)
    while true {
      Thread.sleep(forTimeInterval: 0.4)
      let changes = sources.poll()
      if changes.any { rebuild(state: state, library: changes.library) }
    }
  }

  /// One rebuild: the library if asked, then the book. Errors go to the state, for the page.
  private func rebuild(state: PreviewState, library: Bool) {
    state.begin()
    let started = Date()
    var problems = [String]()
    if library {
      log("rlbook: the RL library changed; swift build -c release --product RL …")
      if let failure = buildLibrary() { problems.append(failure) }
    }
    if problems.isEmpty {
      var buildOptions = options
      buildOptions.mode = .build
      do {
        let report = try Book(options: buildOptions, log: log).run()
        problems += report.errors.map(\.description)
      } catch {
        problems.append("\(error)")
      }
    }
    let seconds = String(format: "%.2f", Date().timeIntervalSince(started))
    if problems.isEmpty {
      log("rlbook: rebuilt in \(seconds) s")
    } else {
      log("rlbook: the build failed after \(seconds) s:\n" + problems.joined(separator: "\n"))
    }
    state.finish(errors: problems)
  }

  /// Runs `swift build -c release --product RL`; its output when it fails.
  private func buildLibrary() -> String? {
    guard let swift = Platform.executable(named: ["swift"]) else {
      return "cannot run swift build: swift is not on PATH"
    }
    let run: Subprocess.Captured
    do {
      run = try Subprocess.capture(
        swift, ["build", "-c", "release", "--product", "RL"],
        workingDirectory: options.root.path)
    } catch {
      return "cannot run swift build: \(error)"
    }
    if run.termination == .exited(0) { return nil }
    let output = String(decoding: run.standardOutput, as: UTF8.self) + run.standardError
    let lines = output.split(separator: "\n")
    let errors = lines.filter { $0.contains("error:") }
    return "Sources/RL does not build:\n"
      + (errors.isEmpty ? lines.suffix(20) : errors.prefix(20))
      .joined(separator: "\n")
  }
}
