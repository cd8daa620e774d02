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
  private var usedArticles = Set<String>()
  /// Guards every table above: chapters are rendered from several threads at once.
  private let lock = NSLock()

  /// A chapter's rendered article and the parts derived from it, as stored.
  struct CachedArticle {
    var rendered: ChapterRenderer.Rendered
    var printable: String
  }

  /// Where articles are kept: three files per article, the HTML and its printable form as
  /// they are (fast to read back), and the outline and search sections as JSON.
  private var articleFolder: URL? {
    url?.deletingLastPathComponent().appendingPathComponent("articles")
  }

  private struct Stored: Codable {
    var format: Int
    var katex: String
    var highlighter: String
    var math: [String: String]
    var swift: [String: String]
  }

  private static let format = 2

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

  private struct ArticleIndex: Codable {
    var outline: [ChapterRenderer.OutlineEntry]
    var sections: [SearchIndex.Section]
    var htmlDigest: String
  }

  /// The article stored under `key` (which covers the chapter's source and outputs). An
  /// entry whose HTML does not match its recorded digest is ignored.
  func article(_ key: String) -> CachedArticle? {
    guard let folder = articleFolder,
      let indexData = try? Data(contentsOf: folder.appendingPathComponent(key + ".json")),
      let index = try? JSONDecoder().decode(ArticleIndex.self, from: indexData),
      let html = try? String(
        contentsOf: folder.appendingPathComponent(key + ".html"), encoding: .utf8),
      let printable = try? String(
        contentsOf: folder.appendingPathComponent(key + ".print.html"), encoding: .utf8),
      StableHasher.digest(html + printable) == index.htmlDigest
    else { return nil }
    lock.withLock { _ = usedArticles.insert(key) }
    return CachedArticle(
      rendered: .init(html: html, outline: index.outline, sections: index.sections),
      printable: printable)
  }

  /// Stores a rendered article under `key`.
  func storeArticle(_ article: CachedArticle, key: String) {
    lock.withLock { _ = usedArticles.insert(key) }
    guard let folder = articleFolder else { return }
    let index = ArticleIndex(
      outline: article.rendered.outline, sections: article.rendered.sections,
      htmlDigest: StableHasher.digest(article.rendered.html + article.printable))
    try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    try? Data(article.rendered.html.utf8).write(
      to: folder.appendingPathComponent(key + ".html"), options: .atomic)
    try? Data(article.printable.utf8).write(
      to: folder.appendingPathComponent(key + ".print.html"), options: .atomic)
    if let data = try? JSONEncoder().encode(index) {
      // Written last: an entry counts only once its index exists.
      try? data.write(to: folder.appendingPathComponent(key + ".json"), options: .atomic)
    }
  }

  /// The cached HTML of a formula.
  func math(_ formula: Formula) -> String? {
    let key = StableHasher.digest(formula.key)
    return lock.withLock {
      guard let html = math[key] else { return nil }
      usedMath[key] = html
      return html
    }
  }

  /// Stores a formula's HTML.
  func storeMath(_ formula: Formula, html: String) {
    let key = StableHasher.digest(formula.key)
    lock.withLock {
      math[key] = html
      usedMath[key] = html
    }
  }

  /// The highlighted HTML of Swift `code`, computed once.
  func highlighted(_ code: String) -> String {
    let key = StableHasher.digest(code)
    let known: String? = lock.withLock {
      if let html = swift[key] { usedSwift[key] = html }
      return swift[key]
    }
    if let known { return known }
    let html = SwiftHighlighter.highlight(code)
    lock.withLock {
      swift[key] = html
      usedSwift[key] = html
    }
    return html
  }

  /// Writes the entries used since the cache was loaded, if they differ from what is stored.
  func save() {
    guard let url else { return }
    lock.lock()
    defer { lock.unlock() }
    let stored = Stored(
      format: Self.format, katex: katexVersion, highlighter: SwiftHighlighter.version,
      math: usedMath, swift: usedSwift)
    if let folder = articleFolder {
      for name in (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
      where !usedArticles.contains(String(name.prefix { $0 != "." })) {
        try? FileManager.default.removeItem(at: folder.appendingPathComponent(name))
      }
    }
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    guard let data = try? encoder.encode(stored) else { return }
    if (try? Data(contentsOf: url)) == data { return }
    try? FileManager.default.createDirectory(
      at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try? data.write(to: url, options: .atomic)
  }
}
