/// The references page (`references.html`): every work of the bibliography, in the order of a
/// reference list, with its link and links back to each place that cites it.
struct ReferencesPage {
  /// The book's works.
  var bibliography: Bibliography
  /// Every chapter, for the places that cite each work.
  var chapters: [Chapter]

  /// The prefix of the references' ids inside `print.html`.
  static let printPrefix = "references--"

  /// Whether the book has works to list.
  var isEmpty: Bool { bibliography.works.isEmpty }

  /// The page's article. `local`: links stay inside `print.html` (ids get `printPrefix`, and
  /// back-links point at the chapters' articles on the same page).
  func article(local: Bool = false) -> String {
    let places = citingPlaces()
    let idPrefix = local ? Self.printPrefix : ""
    var html = "<article class=\"references\" id=\"\(local ? "references" : "references-page")\">"
    html += "\n<h1>References</h1>\n<ol class=\"reference-list\">\n"
    for work in bibliography.sorted {
      html += "<li id=\"\(idPrefix)\(CitationRenderer.workId(work.key))\">"
      html += HTML.escape(Self.authorList(work)) + " (\(bibliography.citedYear(of: work.key))). "
      html += "<a href=\"\(HTML.escape(work.url))\">\(HTML.escape(work.title))</a>."
      if let venue = work.venue { html += " <i>\(HTML.escape(venue))</i>." }
      if let doi = work.doi { html += " doi:\(HTML.escape(doi))." }
      let cited = places[work.key] ?? []
      if !cited.isEmpty {
        html += " <span class=\"cited-in\">Cited in "
        html += Self.grouped(cited).map { chapter, indices in
          indices.enumerated().map { k, index in
            let page = local ? "#\(chapter.baseName)--" : "\(chapter.pageName)#"
            let href = page + CitationRenderer.citationId(index)
            let text = k == 0 ? "chapter \(chapter.number)" : "↩"
            let label = k == 0 ? "" : " aria-label=\"chapter \(chapter.number), place \(k + 1)\""
            return "<a href=\"\(href)\"\(label)>\(text)</a>"
          }.joined(separator: " ")
        }.joined(separator: ", ")
        html += ".</span>"
      }
      html += "</li>\n"
    }
    return html + "</ol>\n</article>\n"
  }

  /// For each key, the chapters and indices of the references that cite it, in book order.
  func citingPlaces() -> [String: [(Chapter, Int)]] {
    var places = [String: [(Chapter, Int)]]()
    for chapter in chapters {
      for (index, reference) in chapter.document.references.enumerated() {
        guard case .citation(let keys, _) = reference.kind else { continue }
        for key in Set(keys) { places[key, default: []].append((chapter, index)) }
      }
    }
    return places
  }

  /// Places grouped by chapter, in order.
  private static func grouped(_ places: [(Chapter, Int)]) -> [(Chapter, [Int])] {
    var groups = [(Chapter, [Int])]()
    for (chapter, index) in places {
      if let last = groups.last, last.0.path == chapter.path {
        groups[groups.count - 1].1.append(index)
      } else {
        groups.append((chapter, [index]))
      }
    }
    return groups
  }

  /// "Schulman, J., Wolski, F., and Klimov, O.": surnames with initials; an organisation as
  /// it is written.
  static func authorList(_ work: Bibliography.Work) -> String {
    let names = work.authors.map { name -> String in
      let parts = name.split(separator: ",", maxSplits: 1)
      guard parts.count == 2 else { return name }
      let initials = parts[1].split(whereSeparator: { $0 == " " }).map { given in
        given.split(separator: "-").compactMap { $0.first.map { "\($0)." } }.joined(separator: "-")
      }
      return String(parts[0]).trimmingWhitespace + ", " + initials.joined(separator: " ")
    }
    switch names.count {
    case 0: return ""
    case 1: return names[0]
    case 2: return names[0] + ", and " + names[1]
    default: return names.dropLast().joined(separator: ", ") + ", and " + names.last!
    }
  }
}
