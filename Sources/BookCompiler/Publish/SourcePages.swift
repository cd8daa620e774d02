/// The library's source on the site, as rustdoc's source view shows a crate's: one page per
/// file (`source-DIR-FILE.swift.html`), highlighted, line-numbered (`#L42`), with an anchor per
/// declaration (`#decl-trainPPO`), names linked to their definitions; and an index of the files
/// (`source.html`).
struct SourcePages {
  /// The library.
  var library: Library
  /// Highlights Swift, linking the library's names.
  var highlight: (String) -> String

  /// The index page's file name.
  static let indexPage = "source.html"

  /// Each page's title and article, by file name.
  func pages() -> [(file: String, title: String, body: String)] {
    var pages = [(Self.indexPage, "Library source", index())]
    for (number, file) in library.files.enumerated() {
      pages.append((Library.pageName(ofFile: file.name), file.name, page(file, number: number)))
    }
    return pages
  }

  /// The index: every file, with its public declarations.
  private func index() -> String {
    var html = "<article class=\"source-index\"><h1>Library source</h1>\n"
    html +=
      "<p>The code every chapter imports, file by file: <code>\(HTML.escape(library.folder))</code>.</p>\n"
    html += "<ul class=\"source-files\">\n"
    for (number, file) in library.files.enumerated() {
      var seen = Set<String>()
      let names = library.symbols.filter {
        $0.file == number && $0.isPublicTopLevel && seen.insert($0.name).inserted
      }
      html += "<li><a href=\"\(Library.pageName(ofFile: file.name))\"><code>"
      html += HTML.escape(file.name) + "</code></a>"
      if !names.isEmpty {
        html +=
          ": "
          + names.map { symbol in
            "<a href=\"\(library.address(of: symbol))\">\(HTML.escape(symbol.name))</a>"
          }.joined(separator: ", ")
      }
      html += "</li>\n"
    }
    return html + "</ul>\n</article>\n"
  }

  /// One file's page.
  private func page(_ file: Library.File, number: Int) -> String {
    var anchors = [Int: [String]]()
    var used = Set<String>()
    for symbol in library.symbols where symbol.file == number {
      let id = Library.anchor(of: symbol.name)
      if used.insert(id).inserted { anchors[symbol.lines.lowerBound, default: []].append(id) }
    }
    let text = file.text.hasSuffix("\n") ? String(file.text.dropLast()) : file.text
    let count = text.split(separator: "\n", omittingEmptySubsequences: false).count
    var gutter = ""
    for line in 1...max(count, 1) {
      for id in anchors[line] ?? [] { gutter += "<span id=\"\(HTML.escape(id))\"></span>" }
      gutter += "<a id=\"L\(line)\" href=\"#L\(line)\">\(line)</a>\n"
    }
    var html = "<article class=\"source-file\">\n"
    html += "<p class=\"chapter-number\"><a href=\"\(Self.indexPage)\">Library source</a></p>\n"
    html += "<h1><code>\(HTML.escape(file.path))</code></h1>\n"
    html += "<div class=\"source-view\"><pre class=\"gutter\" aria-hidden=\"true\">\(gutter)</pre>"
    html +=
      "<pre class=\"source-code\"><code class=\"language-swift\">\(highlight(text))</code></pre>"
    return html + "</div>\n</article>\n"
  }

  /// Everything the pages are made from, for the site's key.
  static func fingerprint(_ library: Library?) -> String {
    guard let library else { return "" }
    var hasher = StableHasher()
    hasher.combine(library.folder)
    for file in library.files {
      hasher.combine(file.path)
      hasher.combine(file.text)
    }
    return hasher.hexDigest
  }
}
