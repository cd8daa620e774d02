import Foundation

/// Links the first use of each glossary term in a chapter's prose to its definition, and finds
/// which chapters use a term. A term matches as a whole word; a term written in lowercase
/// matches in any case ("Advantage" at the start of a sentence), any other (`PPO`) exactly.
/// Longer forms win over shorter ones where they overlap ("policy gradient" over "policy").
struct GlossaryTerms: Sendable {
  /// One form a term is written in.
  private struct Form: Sendable {
    var text: String
    var key: String
    var ignoresCase: Bool
  }

  private let forms: [Form]
  private let definitions: [String: String]
  /// Everything that changes the links, for the keys of cached articles.
  let fingerprint: String

  init(_ glossary: Glossary) {
    var forms = [Form]()
    var definitions = [String: String]()
    for term in glossary.terms {
      definitions[term.key] = term.definition
      for text in [term.term] + term.also {
        forms.append(Form(text: text, key: term.key, ignoresCase: text == text.lowercased()))
      }
    }
    self.forms = forms.sorted { ($0.text.count, $0.text) > ($1.text.count, $1.text) }
    self.definitions = definitions
    fingerprint = glossary.terms.map {
      ([$0.key, $0.term, $0.definition] + $0.also).joined(separator: "\u{1D}")
    }.joined(separator: "\u{1E}")
  }

  /// `html` (a chapter's prose) with the first use of each term linked to the glossary.
  func link(_ html: String) -> String {
    guard !forms.isEmpty else { return html }
    var linked = Set<String>()
    return ProseText.transform(html) { text in
      var out = ""
      var rest = text
      while let match = firstMatch(in: rest, skipping: linked) {
        linked.insert(match.key)
        out += rest[..<match.range.lowerBound]
        let definition = HTML.escape(definitions[match.key] ?? "")
        out += "<a class=\"term\" href=\"\(Glossary.page)#\(Glossary.anchor(match.key))\""
        out += " title=\"\(definition)\">\(rest[match.range])</a>"
        rest = rest[match.range.upperBound...]
      }
      return out + rest
    }
  }

  /// The keys of the terms that `html` (a chapter's prose) uses.
  func uses(_ html: String) -> Set<String> {
    var used = Set<String>()
    for run in ProseText.runs(html) {
      for form in forms where !used.contains(form.key) && find(form, in: run) != nil {
        used.insert(form.key)
      }
    }
    return used
  }

  /// The earliest use in `text` of a term not in `skipping` (the longest form where two
  /// start together).
  private func firstMatch(in text: Substring, skipping: Set<String>) -> (
    range: Range<Substring.Index>, key: String
  )? {
    var best: (range: Range<Substring.Index>, key: String)?
    for form in forms where !skipping.contains(form.key) {
      guard let range = find(form, in: text) else { continue }
      if best == nil || range.lowerBound < best!.range.lowerBound {
        best = (range, form.key)
      }
    }
    return best
  }

  /// The first whole-word occurrence of `form` in `text`.
  private func find(_ form: Form, in text: Substring) -> Range<Substring.Index>? {
    var from = text.startIndex
    while let range = text.range(
      of: form.text, options: form.ignoresCase ? [.caseInsensitive] : [],
      range: from..<text.endIndex)
    {
      let before =
        range.lowerBound > text.startIndex ? text[text.index(before: range.lowerBound)] : " "
      let after = range.upperBound < text.endIndex ? text[range.upperBound] : " "
      if !Self.isWordCharacter(before), !Self.isWordCharacter(after) { return range }
      from = text.index(after: range.lowerBound)
    }
    return nil
  }

  private static func isWordCharacter(_ c: Character) -> Bool {
    c.isLetter || c.isNumber || c == "_"
  }
}
