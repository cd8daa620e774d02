import FlyingFox
import Foundation

/// `rlbook serve`: a live preview. It builds the book, serves `site/` on 127.0.0.1 with
/// FlyingFox, watches the chapters and the RL library's sources, and rebuilds on every edit
/// (a library edit first rebuilds the library in release mode). The cache makes a prose-only
/// edit re-render without compiling or running anything.
///
/// Every HTML page it serves gets a small script (only here, never in the committed site)
/// that polls `/__rlbook/status`: the page reloads itself after a successful rebuild, and a
/// failed build shows its errors, with chapter and line, over the page instead of a stale one.
public struct PreviewServer: Sendable {
  /// How each build runs (the root, jobs, library path).
  public var options: BuildOptions
  /// The port on 127.0.0.1.
  public var port: UInt16
  /// Where status lines go.
  public var log: @Sendable (String) -> Void

  /// Creates the server; `run()` starts it.
  public init(options: BuildOptions, port: UInt16, log: @escaping @Sendable (String) -> Void) {
    self.options = options
    self.port = port
    self.log = log
  }

  /// Builds once, then serves and rebuilds on changes until the process is stopped.
  public func run() async throws {
    let state = PreviewState()
    await rebuild(state: state, library: false)
    let site = options.siteFolder
    let server = HTTPServer(
      address: try .inet(ip4: "127.0.0.1", port: port), logger: .disabled)
    await server.appendRoute("GET /__rlbook/status") { _ in
      let body = await state.statusJSON()
      return HTTPResponse(
        statusCode: .ok,
        headers: [.contentType: "application/json", .cacheControl: "no-store"],
        body: Data(body.utf8))
    }
    await server.appendRoute("GET *") { request in
      Self.respond(to: request.path, site: site)
    }
    let watcher = Task.detached {
      var sources = SourceWatcher(root: options.root)
      while !Task.isCancelled {
        try? await Task.sleep(nanoseconds: 400_000_000)
        let changes = sources.poll()
        if changes.any { await rebuild(state: state, library: changes.library) }
      }
    }
    defer { watcher.cancel() }
    log("rlbook: serving site/ at http://127.0.0.1:\(port)/ (Ctrl-C stops)")
    try await server.run()
  }

  /// The response for a GET of `path`: a file of the site, or 403/404.
  static func respond(to path: String, site: URL) -> HTTPResponse {
    switch SiteFiles.resolve(path, in: site) {
    case .forbidden:
      return HTTPResponse(statusCode: .forbidden, body: Data("outside the site\n".utf8))
    case .notFound:
      return HTTPResponse(statusCode: .notFound, body: Data("not found\n".utf8))
    case .file(let url):
      guard var data = try? Data(contentsOf: url) else {
        return HTTPResponse(statusCode: .notFound, body: Data("not found\n".utf8))
      }
      if url.pathExtension == "html" {
        let page = String(decoding: data, as: UTF8.self)
        data = Data(page.replacingOccurrences(of: "</body>", with: reloadScript + "</body>").utf8)
      }
      return HTTPResponse(
        statusCode: .ok,
        headers: [
          .contentType: SiteFiles.contentType(url.lastPathComponent), .cacheControl: "no-store",
        ],
        body: data)
    }
  }

  /// One rebuild: the library if asked, then the book. Errors go to the state, for the page.
  private func rebuild(state: PreviewState, library: Bool) async {
    await state.begin()
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
    await state.finish(errors: problems)
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

  /// The script added to served pages: reload after a rebuild, show a failed build's errors.
  static let reloadScript = """
    <script>/* rlbook serve: live reload */(function(){var seen=null,box=null;\
    function show(s){if(!s.errors){if(box){box.remove();box=null;}return;}\
    if(!box){box=document.createElement("div");box.setAttribute("role","alert");\
    box.style.cssText="position:fixed;inset:0;z-index:99;overflow:auto;background:#2a0d0d;color:#fff;padding:2rem;font:14px/1.5 monospace;white-space:pre-wrap";\
    document.body.appendChild(box);}\
    box.textContent="rlbook: the build failed. The page shows the last good build; fix these and save:\\n\\n"+s.errors;}\
    function poll(){fetch("/__rlbook/status",{cache:"no-store"}).then(function(r){return r.json();})\
    .then(function(s){if(seen===null)seen=s.generation;else if(s.generation!==seen&&!s.errors){location.reload();return;}\
    show(s);}).catch(function(){}).then(function(){setTimeout(poll,600);});}poll();})();</script>

    """
}

/// What the pages poll: how many builds have succeeded, whether one is running, and the last
/// build's errors.
actor PreviewState {
  private var generation = 0
  private var building = false
  private var errors = [String]()

  func begin() { building = true }

  func finish(errors: [String]) {
    building = false
    self.errors = errors
    if errors.isEmpty { generation += 1 }
  }

  func statusJSON() -> String {
    let text = errors.joined(separator: "\n")
    return
      "{\"generation\":\(generation),\"building\":\(building),\"errors\":\(SearchIndex.json(text))}"
  }
}
