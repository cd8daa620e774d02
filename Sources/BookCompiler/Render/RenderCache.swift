import Foundation

/// Remembers the slow parts of rendering between builds: typeset formulas (keyed by TeX and
/// mode, and KaTeX's version) and highlighted Swift code (keyed by the code). With it, a
/// prose-only edit neither starts `node` nor parses Swift again.
///
/// Articles are remembered too, one file each, keyed by everything they are rendered from.
/// Everything goes through `PersistentFile`: `.rlbook-cache/render.json` for formulas and code,
/// `.rlbook-cache/articles/KEY.json` for articles. Entries that the current book no longer
/// uses are dropped on save, so the cache never grows stale.
final class RenderCache: @unchecked Sendable {
  private let file: PersistentFile<Stored>?
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

  /// The formulas and code, as stored, with the versions of the tools that rendered them.
  private struct Stored: Codable {
    var katex: String
    var highlighter: String
    var math: [String: String]
    var swift: [String: String]
  }

  /// A cache stored at `url`, or one that lives only in memory when `url` is nil.
  init(url: URL?) {
    file = url.map { PersistentFile(url: $0, format: "render-cache 4") }
    articleFolder = url?.deletingLastPathComponent().appendingPathComponent("articles")
    katexVersion = KaTeX.version
  }

  /// Reads the stored formulas and code the first time they are needed. Call with `lock`
  /// held.
  private func loadIfNeeded() {
    guard !loaded else { return }
    loaded = true
    guard let stored = file?.load(), stored.katex == katexVersion,
      stored.highlighter == SwiftHighlighter.version
    else { return }
    math = stored.math
    swift = stored.swift
  }

  /// One cached article, in one file.
  private struct StoredArticle: Codable {
    var html: String
    var printable: String
    var outline: [ChapterRenderer.OutlineEntry]
    var sections: [SearchIndex.Section]
  }

  private func articleFile(_ key: String) -> PersistentFile<StoredArticle>? {
    articleFolder.map {
      PersistentFile(url: $0.appendingPathComponent(key + ".json"), format: "article 1")
    }
  }

  /// The article stored under `key` (which covers the chapter's source and outputs), if its
  /// file is sound.
  func article(_ key: String) -> CachedArticle? {
    guard let stored = articleFile(key)?.load() else { return nil }
    lock.withLock { _ = usedArticles.insert(key) }
    return CachedArticle(
      rendered: .init(html: stored.html, outline: stored.outline, sections: stored.sections),
      printable: stored.printable)
  }

  /// Stores an article under `key`; a failure to write only costs time in the next build.
  func storeArticle(_ article: CachedArticle, key: String) {
    lock.withLock {
      usedArticles.insert(key)
      freshArticles.insert(key)
    }
    try? articleFile(key)?.save(
      StoredArticle(
        html: article.rendered.html, printable: article.printable,
        outline: article.rendered.outline, sections: article.rendered.sections))
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

  /// The highlighted HTML of Swift `code`, computed once.
  func highlighted(_ code: String) -> String {
    let key = StableHasher.digest(code)
    let known: String? = lock.withLock {
      loadIfNeeded()
      if let html = swift[key] { usedSwift[key] = html }
      return swift[key]
    }
    if let known { return known }
    let html = SwiftHighlighter.highlight(code)
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
      where !usedArticles.contains(String(name.prefix { $0 != "." })) {
        try? FileManager.default.removeItem(at: folder.appendingPathComponent(name))
      }
    }
    guard loaded else { return }
    let everyArticleFresh = freshArticles == usedArticles
    try? file.save(
      Stored(
        katex: katexVersion, highlighter: SwiftHighlighter.version,
        math: everyArticleFresh ? usedMath : math, swift: everyArticleFresh ? usedSwift : swift))
  }
}
