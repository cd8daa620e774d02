/// The client-side search index: every chapter cut into sections at its headings, each with
/// its page, anchor, heading and plain text. It is written as `assets/search-index.js`, a
/// script that assigns a global, so search works from `file://` where `fetch` does not.
enum SearchIndex {
  /// Marks the start of HTML that the index leaves out (code bars, cell outputs). The
  /// markers are removed from the pages.
  static let skipStart = "<!--noindex-->"
  /// Marks the end of such HTML.
  static let skipEnd = "<!--/noindex-->"

  /// One searchable section: the text under a heading, up to the next heading.
  struct Section: Sendable, Codable {
    var page: String
    var anchor: String
    var chapterNumber: Int
    var chapterTitle: String
    var heading: String
    var text: String
  }

  /// The sections of a rendered article. `restore` turns math placeholders back into TeX.
  static func sections(
    of html: String, chapter: Chapter, outline: [ChapterRenderer.OutlineEntry],
    restore: (String) -> String
  ) -> [Section] {
    var sections = [Section]()
    var starts = [(String.Index, ChapterRenderer.OutlineEntry)]()
    var searchFrom = html.startIndex
    for entry in outline {
      guard let r = html.range(of: "id=\"\(entry.anchor)\"", range: searchFrom..<html.endIndex)
      else { continue }
      starts.append((r.lowerBound, entry))
      searchFrom = r.upperBound
    }
    for (i, (start, entry)) in starts.enumerated() {
      let end = i + 1 < starts.count ? starts[i + 1].0 : html.endIndex
      // Skip the heading itself: its text is the section's heading.
      var body = html[start..<end]
      if let close = body.range(of: "</h\(entry.level)>") { body = body[close.upperBound...] }
      sections.append(
        Section(
          page: chapter.pageName, anchor: entry.anchor, chapterNumber: chapter.number,
          chapterTitle: chapter.title, heading: entry.text,
          text: restore(plainText(String(body)))))
    }
    return sections
  }

  /// The page without the index's markers.
  static func removeMarkers(_ html: String) -> String {
    TextReplacement.replacing(html, [(skipStart, ""), (skipEnd, "")])
  }

  private static let inlineTags: Set<String> = [
    "a", "em", "strong", "code", "span", "sup", "sub", "del", "mark", "b", "i", "kbd", "abbr",
  ]

  /// Text without tags, skipped regions or entities, with runs of white space collapsed.
  static func plainText(_ html: String) -> String {
    var out = ""
    var rest = html[...]
    var pendingSpace = false
    func emit(_ text: Substring) {
      for c in text {
        if c.isWhitespace {
          pendingSpace = !out.isEmpty
        } else {
          if pendingSpace { out += " " }
          out.append(c)
          pendingSpace = false
        }
      }
    }
    while let lt = rest.firstIndex(of: "<") {
      emit(decode(rest[..<lt]))
      let tag = rest[lt...]
      if tag.hasPrefix(skipStart), let close = tag.range(of: skipEnd) {
        rest = tag[close.upperBound...]
      } else if tag.hasPrefix("<svg"), let close = tag.range(of: "</svg>") {
        rest = tag[close.upperBound...]
      } else if let gt = tag.firstIndex(of: ">") {
        // Block-level tags separate words; inline ones (em, code, a, span) do not.
        let name = tag.dropFirst().drop { $0 == "/" }.prefix { $0.isLetter || $0.isNumber }
        if !inlineTags.contains(name.lowercased()) { pendingSpace = pendingSpace || !out.isEmpty }
        rest = tag[tag.index(after: gt)...]
      } else {
        rest = ""
      }
    }
    emit(decode(rest))
    return out
  }

  private static func decode(_ text: Substring) -> Substring {
    guard text.contains("&") else { return text }
    return Substring(
      TextReplacement.replacing(
        String(text),
        [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&amp;", "&")]))
  }

  /// The script `assets/search-index.js`: `window.RLBOOK_SEARCH = [[page, anchor, chapter
  /// number, chapter title, heading, text], …]`.
  static func script(_ sections: [Section]) -> String {
    var out = "// rlbook search index, generated at build time.\nwindow.RLBOOK_SEARCH=[\n"
    for s in sections {
      out += "[\(json(s.page)),\(json(s.anchor)),\(s.chapterNumber),\(json(s.chapterTitle)),"
      out += "\(json(s.heading)),\(json(s.text))],\n"
    }
    return out + "];\n"
  }

  /// A JSON string literal, safe inside a script (`<` is escaped, so no `</script>`).
  static func json(_ text: String) -> String {
    var out = "\""
    for u in text.unicodeScalars {
      switch u {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      case "<": out += "\\u003c"
      case "\u{2028}": out += "\\u2028"
      case "\u{2029}": out += "\\u2029"
      default:
        if u.value < 0x20 {
          let hex = String(u.value, radix: 16)
          out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        } else {
          out.unicodeScalars.append(u)
        }
      }
    }
    return out + "\""
  }
}
