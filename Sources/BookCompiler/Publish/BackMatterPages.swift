/// The glossary page (every term, its definition and the chapters that use it) and the
/// notation page (every symbol, typeset, with its meaning).
struct BackMatterPages {
  var apparatus: BookApparatus
  var chapters: [Chapter]

  /// The prefix of the glossary's ids inside `print.html`.
  static let printPrefix = "glossary--"

  /// The glossary's article. `local`: for `print.html` (ids get `printPrefix`, and links point
  /// at the chapters' articles on the same page).
  func glossary(local: Bool = false) -> String {
    let terms = GlossaryTerms(apparatus.glossary)
    let uses = chapters.map { terms.uses($0.document.parsed.html) }
    var html = "<article class=\"glossary\" id=\"\(local ? "glossary" : "glossary-page")\">"
    html += "<h1>Glossary</h1>\n<dl class=\"glossary-list\">\n"
    for term in apparatus.glossary.terms {
      let id = (local ? Self.printPrefix : "") + Glossary.anchor(term.key)
      html += "<dt id=\"\(id)\">\(HTML.escape(term.term))</dt>\n"
      html += "<dd>\(HTML.escape(term.definition))"
      let using = zip(chapters, uses).filter { $0.1.contains(term.key) }.map(\.0)
      if !using.isEmpty {
        html += " <span class=\"cited-in\">Used in "
        html += using.map {
          "<a href=\"\(local ? "#" + $0.baseName : $0.pageName)\">\($0.number)</a>"
        }
        .joined(separator: ", ")
        html += ".</span>"
      }
      html += "</dd>\n"
    }
    return html + "</dl>\n</article>\n"
  }

  /// The notation's article, its symbols typeset by `typeset` (one HTML per formula).
  func notation(typeset: ([Formula]) throws -> [String]) throws -> String {
    let symbols = apparatus.notation.symbols
    let formulas = symbols.map { Formula(tex: $0.tex, display: false, line: $0.line ?? 0) }
    let typeset = try typeset(formulas)
    var html = "<article class=\"notation\" id=\"notation\"><h1>Notation</h1>\n"
    html += "<table class=\"notation-table\">\n"
    html +=
      "<thead><tr><th scope=\"col\">Symbol</th><th scope=\"col\">Meaning</th></tr></thead>\n<tbody>\n"
    for (symbol, math) in zip(symbols, typeset) {
      html += "<tr><td>\(math)</td><td>\(HTML.escape(symbol.meaning))</td></tr>\n"
    }
    return html + "</tbody></table>\n</article>\n"
  }
}
