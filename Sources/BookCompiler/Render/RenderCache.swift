import Foundation

/// Remembers the slow parts of rendering between builds: typeset formulas (keyed by TeX and
/// mode, and KaTeX's version) and highlighted Swift code (keyed by the code). With it, a
/// prose-only edit neither starts `node` nor parses Swift again.
///
/// Articles are remembered too, one file each, keyed by everything they are rendered from.
/// Everything goes through a `TextArchive` (HTML stored verbatim, read back without JSON):
/// `.rlbook-cache/render-cache` for formulas and code, `.rlbook-cache/articles/KEY` for
/// articles. Entries that the current book no longer uses are dropped on save, so the cache
/// never grows stale.
final class RenderCache: @unchecked Sendable {
  private let file: TextArchive?
  private let katexVersion: String
  private var math = [String: String]()
  private var swift = [String: String]()
  /// Whether `math` and `swift` were read from the file: only on first use, so a build
  /// whose site is already current never reads (and hashes) a megabyte of JSON.
  private var loaded = false
  private var usedMath = [String: String]()
  private var usedSwift = [String: String]()
  private var usedArticles = Set<String>()
  /// The articles rendered (not read back) in this build.
  private var freshArticles = Set<String>()
  /// Guards every table above: chapters are rendered from several threads at once.
  private let lock = NSLock()

  /// A chapter's rendered article and the parts derived from it, as stored.
  struct CachedArticle {
    var rendered: ChapterRenderer.Rendered
    var printable: String
  }

  /// Where articles are kept, one file per article.
  private let articleFolder: URL?

  /// The archive's entries for the versions of the tools that rendered the formulas and
  /// code, and the prefixes of the formulas' and code's entries (`math/DIGEST`,
  /// `swift/DIGEST`).
  private enum Entry {
    static let katex = "katex"
    static let highlighter = "highlighter"
    static let math = "math/"
    static let swift = "swift/"
  }

  /// A cache stored at `url`, or one that lives only in memory when `url` is nil.
  init(url: URL?) {
    file = url.map { TextArchive(url: $0, format: "render-cache 5") }
    articleFolder = url?.deletingLastPathComponent().appendingPathComponent("articles")
    katexVersion = KaTeX.version
  }

  /// Reads the stored formulas and code the first time they are needed. Call with `lock`
  /// held.
  private func loadIfNeeded() {
    guard !loaded else { return }
    loaded = true
    guard let stored = file?.load(), stored[Entry.katex] == katexVersion,
      stored[Entry.highlighter] == SwiftHighlighter.version
    else { return }
    for (name, html) in stored {
      if name.hasPrefix(Entry.math) {
        math[String(name.dropFirst(Entry.math.count))] = html
      } else if name.hasPrefix(Entry.swift) {
        swift[String(name.dropFirst(Entry.swift.count))] = html
      }
    }
  }

  /// What of a cached article is small and structured, stored as JSON in the entry `meta`
  /// beside the entries `html` and `printable`.
  private struct ArticleIndex: Codable {
    var outline: [ChapterRenderer.OutlineEntry]
    var sections: [SearchIndex.Section]
  }

  private func articleFile(_ key: String) -> TextArchive? {
    articleFolder.map { TextArchive(url: $0.appendingPathComponent(key), format: "article 2") }
  }

  /// The article stored under `key` (which covers the chapter's source and outputs), if its
  /// file is sound.
  func article(_ key: String) -> CachedArticle? {
    guard let stored = articleFile(key)?.load(), let html = stored["html"],
      let printable = stored["printable"], let meta = stored["meta"],
      let index = try? JSONDecoder().decode(ArticleIndex.self, from: Data(meta.utf8))
    else { return nil }
    lock.withLock { _ = usedArticles.insert(key) }
    return CachedArticle(
      rendered: .init(html: html, outline: index.outline, sections: index.sections),
      printable: printable)
  }

  /// Stores an article under `key`; a failure to write only costs time in the next build.
  func storeArticle(_ article: CachedArticle, key: String) {
    lock.withLock {
      usedArticles.insert(key)
      freshArticles.insert(key)
    }
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    guard
      let meta = try? encoder.encode(
        ArticleIndex(outline: article.rendered.outline, sections: article.rendered.sections))
    else { return }
    try? articleFile(key)?.save([
      "html": article.rendered.html, "printable": article.printable,
      "meta": String(decoding: meta, as: UTF8.self),
    ])
  }

  func math(_ formula: Formula) -> String? {
    let key = StableHasher.digest(formula.key)
    return lock.withLock {
      loadIfNeeded()
      guard let html = math[key] else { return nil }
      usedMath[key] = html
      return html
    }
  }

  /// Stores a formula's HTML.
  func storeMath(_ formula: Formula, html: String) {
    let key = StableHasher.digest(formula.key)
    lock.withLock {
      loadIfNeeded()
      math[key] = html
      usedMath[key] = html
    }
  }

  /// The highlighted HTML of Swift `code`, its names linked by `links`, computed once.
  func highlighted(_ code: String, links: SymbolLinks = .none) -> String {
    let key = StableHasher.digest(links.digest.isEmpty ? code : code + "\u{1F}" + links.digest)
    let known: String? = lock.withLock {
      loadIfNeeded()
      if let html = swift[key] { usedSwift[key] = html }
      return swift[key]
    }
    if let known { return known }
    let html = SwiftHighlighter.highlight(code, links: links)
    lock.withLock {
      loadIfNeeded()
      swift[key] = html
      usedSwift[key] = html
    }
    return html
  }

  /// Writes the formulas and code back, and drops the articles this build did not use.
  ///
  /// When every article was rendered afresh, only the entries they used are kept, so the
  /// cache never grows stale. When some came from the cache, their formulas were not looked
  /// up, so every known entry is kept. A build that rendered nothing leaves the file alone.
  func save() {
    guard let file else { return }
    lock.lock()
    defer { lock.unlock() }
    if let folder = articleFolder {
      for name in (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
      where !usedArticles.contains(name) {
        try? FileManager.default.removeItem(at: folder.appendingPathComponent(name))
      }
    }
    // The JSON file that held formulas and code before the archive (render-cache 4).
    try? FileManager.default.removeItem(
      at: file.url.deletingLastPathComponent().appendingPathComponent("render.json"))
    guard loaded else { return }
    let everyArticleFresh = freshArticles == usedArticles
    var entries = [Entry.katex: katexVersion, Entry.highlighter: SwiftHighlighter.version]
    for (key, html) in everyArticleFresh ? usedMath : math { entries[Entry.math + key] = html }
    for (key, html) in everyArticleFresh ? usedSwift : swift { entries[Entry.swift + key] = html }
    try? file.save(entries)
  }
}
