import Foundation

/// Remembers the slow parts of rendering between builds: typeset formulas (keyed by TeX and
/// mode, and KaTeX's version) and highlighted Swift code (keyed by the code). With it, a
/// prose-only edit neither starts `node` nor parses Swift again.
///
/// One JSON file, `.rlbook-cache/render.json`, rewritten only when its entries change. Entries
/// that the current book no longer uses are dropped on save, so it never grows stale.
final class RenderCache: @unchecked Sendable {
  private let url: URL?
  private let katexVersion: String
  private var math = [String: String]()
  private var swift = [String: String]()
  private var usedMath = [String: String]()
  private var usedSwift = [String: String]()

  private struct Stored: Codable {
    var format: Int
    var katex: String
    var highlighter: String
    var math: [String: String]
    var swift: [String: String]
  }

  private static let format = 1

  /// A cache stored at `url`, or one that lives only in memory when `url` is nil.
  init(url: URL?) {
    self.url = url
    katexVersion = KaTeX.version
    guard let url, let data = try? Data(contentsOf: url),
      let stored = try? JSONDecoder().decode(Stored.self, from: data),
      stored.format == Self.format, stored.katex == katexVersion,
      stored.highlighter == SwiftHighlighter.version
    else { return }
    math = stored.math
    swift = stored.swift
  }

  /// The cached HTML of a formula.
  func math(_ formula: Formula) -> String? {
    let key = StableHasher.digest(formula.key)
    guard let html = math[key] else { return nil }
    usedMath[key] = html
    return html
  }

  /// Stores a formula's HTML.
  func storeMath(_ formula: Formula, html: String) {
    let key = StableHasher.digest(formula.key)
    math[key] = html
    usedMath[key] = html
  }

  /// The highlighted HTML of Swift `code`, computed once.
  func highlighted(_ code: String) -> String {
    let key = StableHasher.digest(code)
    if let html = swift[key] {
      usedSwift[key] = html
      return html
    }
    let html = SwiftHighlighter.highlight(code)
    swift[key] = html
    usedSwift[key] = html
    return html
  }

  /// Writes the entries used since the cache was loaded, if they differ from what is stored.
  func save() {
    guard let url else { return }
    let stored = Stored(
      format: Self.format, katex: katexVersion, highlighter: SwiftHighlighter.version,
      math: usedMath, swift: usedSwift)
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    guard let data = try? encoder.encode(stored) else { return }
    if (try? Data(contentsOf: url)) == data { return }
    try? FileManager.default.createDirectory(
      at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try? data.write(to: url, options: .atomic)
  }
}
