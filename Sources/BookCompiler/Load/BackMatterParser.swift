import Foundation
import TOMLKit

/// Reads the glossary and notation files named by `[book] glossary` and `[book] notation`,
/// with TOMLKit; every problem is reported at the file and its line.
///
/// ```toml
/// # glossary.toml: one table per term
/// [advantage]
/// term = "advantage"                 # required: as the prose writes it
/// also = ["advantages"]              # optional: other forms to link
/// definition = "How much better …"   # required: plain text
///
/// # notation.toml: one [[symbol]] per symbol, in the book's order
/// [[symbol]]
/// tex = '\pi_\theta(a \mid s)'       # required: KaTeX
/// meaning = "the policy …"           # required: plain text
/// ```
public enum BackMatterParser {
  /// The glossary at `path`, relative to `root`.
  public static func glossary(root: URL, path: String) throws(BookErrors) -> Glossary {
    let (table, source) = try TOMLFile.read(root: root, path: path)
    var errors = [BookError]()
    var terms = [Glossary.Term]()
    for key in table.keys.sorted() {
      let header = source.headers(key).first
      func fail(_ message: String, _ field: String? = nil) {
        errors.append(
          BookError(
            stage: .load, path: path, line: source.line(of: field, in: header), message: message))
      }
      guard
        key.unicodeScalars.allSatisfy({
          $0.isASCII && ($0.properties.isLowercase || ("0"..."9").contains($0) || $0 == "-")
        }), !key.isEmpty
      else {
        fail("'\(key)' cannot be a glossary key: use lowercase ASCII letters, digits and '-'")
        continue
      }
      guard let entry = table[key]?.table else {
        fail("'\(key)' must be a table, written [\(key)]")
        continue
      }
      for field in entry.keys where !["term", "also", "definition"].contains(field) {
        fail("unknown key '\(field)' in [\(key)] (known: also, definition, term)", field)
      }
      let term = entry["term"]?.string?.trimmingWhitespace ?? ""
      if term.isEmpty { fail("[\(key)] needs term = \"…\"", "term") }
      let definition = entry["definition"]?.string?.trimmingWhitespace ?? ""
      if definition.isEmpty { fail("[\(key)] needs definition = \"…\"", "definition") }
      var also = [String]()
      if let value = entry["also"] {
        let forms = value.array?.compactMap { $0.string?.trimmingWhitespace }
        if forms == nil || forms!.count != value.array?.count || forms!.contains(where: \.isEmpty) {
          fail("[\(key)] also must be a list of strings", "also")
        } else {
          also = forms!
        }
      }
      if !term.isEmpty, !definition.isEmpty {
        terms.append(Glossary.Term(key: key, term: term, also: also, definition: definition))
      }
    }
    if !errors.isEmpty { throw BookErrors(errors) }
    return Glossary(terms: terms, path: path)
  }

  /// The notation at `path`, relative to `root`.
  public static func notation(root: URL, path: String) throws(BookErrors) -> Notation {
    let (table, source) = try TOMLFile.read(root: root, path: path)
    var errors = [BookError]()
    var symbols = [Notation.Symbol]()
    for key in table.keys where key != "symbol" {
      errors.append(
        BookError(
          stage: .load, path: path, line: source.line(ofKey: key, after: nil),
          message: "unknown key '\(key)': the file holds only [[symbol]] tables"))
    }
    let headers = source.headers("symbol", array: true)
    let array = table["symbol"]?.array ?? []
    for (index, element) in array.enumerated() {
      let header = index < headers.count ? headers[index] : nil
      func fail(_ message: String, _ field: String? = nil) {
        errors.append(
          BookError(
            stage: .load, path: path, line: source.line(of: field, in: header), message: message))
      }
      guard let entry = element.table else {
        fail("symbol \(index + 1) must be a table, written [[symbol]]")
        continue
      }
      for field in entry.keys where !["tex", "meaning"].contains(field) {
        fail("unknown key '\(field)' in symbol \(index + 1) (known: meaning, tex)", field)
      }
      let tex = entry["tex"]?.string?.trimmingWhitespace ?? ""
      let meaning = entry["meaning"]?.string?.trimmingWhitespace ?? ""
      if tex.isEmpty { fail("symbol \(index + 1) needs tex = '…'", "tex") }
      if meaning.isEmpty { fail("symbol \(index + 1) needs meaning = \"…\"", "meaning") }
      if !tex.isEmpty, !meaning.isEmpty {
        symbols.append(Notation.Symbol(tex: tex, meaning: meaning, line: header))
      }
    }
    if !errors.isEmpty { throw BookErrors(errors) }
    return Notation(symbols: symbols, path: path)
  }
}
