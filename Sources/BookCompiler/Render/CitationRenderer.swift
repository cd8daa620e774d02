/// The HTML of the prose's references: a citation as author–year links to the references
/// page, an exported value as its text, and a figure as a link to it ("Figure 12.3").
struct CitationRenderer {
  /// The book's works.
  var bibliography: Bibliography

  /// The page that lists the works.
  static let referencesPage = "references.html"

  /// The `id` of citation number `index` in its chapter, which the references page links
  /// back to.
  static func citationId(_ index: Int) -> String { "cite-\(index + 1)" }

  /// The `id` of a work on the references page.
  static func workId(_ key: String) -> String { "ref-" + key }

  /// Reference `index` of a chapter as text for an attribute (escaped, no markup): the value,
  /// "(Schulman et al., 2017)" or "Figure 12.3".
  func text(
    _ reference: ProseReference, values: ExportedValues, figures: FigureNumbers, chapter: Int
  ) -> String {
    switch reference.kind {
    case .value(let name): return HTML.escape(values.values[name]?.text ?? "")
    case .figure(let label):
      return figures.labels[label].map { "Figure \(chapter).\($0)" } ?? ""
    case .citation(let keys, let suppressAuthor):
      let labels = keys.compactMap { key in
        bibliography.works[key].map { work in
          let year = bibliography.citedYear(of: key)
          return suppressAuthor ? year : "\(work.shortAuthors), \(year)"
        }
      }
      return HTML.escape("(" + labels.joined(separator: "; ") + ")")
    }
  }

  /// The HTML of reference `index` of a chapter.
  func html(
    _ reference: ProseReference, index: Int, values: ExportedValues, figures: FigureNumbers,
    chapter: Int
  ) -> String {
    switch reference.kind {
    case .figure(let label):
      guard let number = figures.labels[label] else {
        return "<span class=\"missing\">@fig-\(HTML.escape(label))</span>"
      }
      return
        "<a class=\"xref\" href=\"#\(FigureNumbers.anchor(number))\">Figure \(chapter).\(number)</a>"
    case .value(let name):
      guard let value = values.values[name] else {
        return "<span class=\"computed missing\">{{\(HTML.escape(name))}}</span>"
      }
      return "<span class=\"computed\" title=\"Computed by cell \(value.cell)\">"
        + HTML.escape(value.text) + "</span>"
    case .citation(let keys, let suppressAuthor):
      let links = keys.map { key in
        guard let work = bibliography.works[key] else { return HTML.escape("@" + key) }
        let year = bibliography.citedYear(of: key)
        let label = suppressAuthor ? year : "\(work.shortAuthors), \(year)"
        return "<a href=\"\(Self.referencesPage)#\(Self.workId(key))\" title=\""
          + HTML.escape("\(work.shortAuthors) (\(year)). \(work.title).") + "\">"
          + HTML.escape(label) + "</a>"
      }
      return "<span class=\"citation\" id=\"\(Self.citationId(index))\">("
        + links.joined(separator: "; ") + ")</span>"
    }
  }
}
