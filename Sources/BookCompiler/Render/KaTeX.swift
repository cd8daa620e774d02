import Foundation

/// Typesets formulas with Debian's KaTeX, all of a build's new formulas in one `node` process.
///
/// The `katex` command-line tool is not used: `node` loads KaTeX's library directly and reads
/// the formulas as JSON on standard input.
struct KaTeX {
  /// Where Debian's `libjs-katex`/`katex` packages put KaTeX's library.
  static let libraryFolder = "/usr/share/nodejs/katex/dist"

  /// The installed KaTeX's version, part of every cached rendering's key.
  static var version: String {
    let url = URL(fileURLWithPath: libraryFolder).deletingLastPathComponent()
      .appendingPathComponent("package.json")
    guard let data = try? Data(contentsOf: url),
      let json = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
      let version = json["version"] as? String
    else { return "unknown" }
    return version
  }

  /// The outcome of one formula: its HTML, or KaTeX's message when it does not parse.
  enum Rendering: Sendable {
    case html(String)
    case error(String)
  }

  private static let script = """
    const katex = require(process.argv[1]);
    let input = "";
    process.stdin.setEncoding("utf8");
    process.stdin.on("data", (chunk) => { input += chunk; });
    process.stdin.on("end", () => {
      const out = JSON.parse(input).map(([tex, display]) => {
        try {
          return { html: katex.renderToString(tex, { displayMode: display, throwOnError: true, strict: "ignore", maxSize: 20, maxExpand: 1000 }) };
        } catch (error) {
          return { error: String(error.message || error) };
        }
      });
      process.stdout.write(JSON.stringify(out));
    });
    """

  /// Commands that link or load (KaTeX would render them as red text, or as links): a
  /// formula that uses one is an error.
  static let forbiddenCommands = [
    "href", "url", "includegraphics", "htmlClass", "htmlId", "htmlStyle", "htmlData",
  ]

  /// The first forbidden command `tex` uses, such as `\href`, or `nil`.
  static func forbiddenCommand(in tex: String) -> String? {
    for command in forbiddenCommands {
      var rest = tex[...]
      while let range = rest.range(of: "\\" + command) {
        let next = rest[range.upperBound...].first
        if next.map({ !$0.isLetter }) ?? true { return "\\" + command }
        rest = rest[range.upperBound...]
      }
    }
    return nil
  }

  /// Renders `formulas` (TeX and display mode) in one batch, in order. Sizes are capped at
  /// 20 em and macro expansion at 1,000 steps, so no formula can cover the page.
  ///
  /// - Throws: `EnvironmentError` when node or KaTeX is missing or node fails.
  static func render(_ formulas: [(tex: String, display: Bool)]) throws(EnvironmentError)
    -> [Rendering]
  {
    if formulas.isEmpty { return [] }
    let library = libraryFolder + "/katex.js"
    guard FileManager.default.fileExists(atPath: library),
      let node = Platform.executable(named: ["node", "nodejs"], fallbackFolders: ["/usr/bin"])
    else {
      throw .mathToolsMissing
    }
    let input: Data
    do {
      input = try JSONSerialization.data(withJSONObject: formulas.map { [$0.tex, $0.display] })
    } catch {
      throw .mathTypesettingFailed(status: -1, message: "cannot encode the formulas")
    }
    let run = try Subprocess.capture(node, ["-e", script, library], input: input)
    guard run.termination == .exited(0),
      let results = try? JSONSerialization.jsonObject(with: run.standardOutput)
        as? [[String: String]],
      results.count == formulas.count
    else {
      let message = run.standardError.split(separator: "\n").prefix(3).joined(separator: " ")
      let status: Int32 = if case .exited(let code) = run.termination { code } else { -1 }
      throw .mathTypesettingFailed(status: status, message: message)
    }
    return results.map { result in
      if let html = result["html"] { return .html(html) }
      return .error(result["error"] ?? "KaTeX could not typeset this formula")
    }
  }

  /// KaTeX's stylesheet with only the woff2 fonts referenced, and those fonts, keyed by their
  /// path inside `site/`.
  static func assets() throws -> [String: Data] {
    let dist = URL(fileURLWithPath: libraryFolder)
    guard
      let css = try? String(
        contentsOf: dist.appendingPathComponent("katex.min.css"), encoding: .utf8)
    else { throw EnvironmentError.mathToolsMissing }
    var files = [String: Data]()
    // Drop the .woff and .ttf fallbacks: every browser that runs KaTeX reads woff2.
    var slim = ""
    var rest = css[...]
    while let open = rest.range(of: ",url(fonts/") {
      slim += rest[..<open.lowerBound]
      let after = rest[open.upperBound...]
      guard let close = after.range(of: ")") else { break }
      let name = after[..<close.lowerBound]
      let tail = after[close.upperBound...]
      if name.hasSuffix(".woff2") {
        slim += rest[open.lowerBound..<close.upperBound]
        rest = tail
      } else {
        // Skip ` format('…')` too.
        let formatEnd = tail.hasPrefix(" format(") ? tail.range(of: ")")?.upperBound : nil
        rest = tail[(formatEnd ?? tail.startIndex)...]
      }
    }
    slim += rest
    files["assets/katex/katex.min.css"] = Data(slim.utf8)
    let fonts = dist.appendingPathComponent("fonts")
    let names = (try? FileManager.default.contentsOfDirectory(atPath: fonts.path)) ?? []
    for name in names.sorted() where name.hasSuffix(".woff2") {
      if let data = try? Data(contentsOf: fonts.appendingPathComponent(name)) {
        files["assets/katex/fonts/\(name)"] = data
      }
    }
    return files
  }
}
