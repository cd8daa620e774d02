import Foundation
import TOMLKit

/// Reads the bibliography file named by `[book] bibliography` in `book.toml`, with TOMLKit:
/// one table per work, named by its citation key. Every problem is reported at the file and
/// its line.
///
/// ```toml
/// [schulman2017ppo]
/// authors = ["Schulman, John", "Wolski, Filip"]  # "Surname, Given names"; required
/// title = "Proximal Policy Optimization Algorithms" # required
/// year = 2017                                     # required
/// venue = "arXiv preprint arXiv:1707.06347"       # optional
/// url = "https://arxiv.org/abs/1707.06347"        # required: http or https
/// doi = "10.1000/xyz"                             # optional
/// ```
public enum BibliographyParser {
  /// The keys a work's table may hold.
  static let known: Set<String> = ["authors", "title", "year", "venue", "url", "doi"]

  /// Loads the bibliography at `path`, relative to `root`.
  ///
  /// - Throws: `BookErrors` when the file is missing, not UTF-8, not TOML, or breaks the
  ///   schema.
  public static func load(root: URL, path: String) throws(BookErrors) -> Bibliography {
    let (table, source) = try TOMLFile.read(root: root, path: path)
    return try parse(table, source: source, path: path)
  }

  /// Parses the text of a bibliography file found at `path`.
  ///
  /// - Throws: `BookErrors` listing every problem found.
  public static func parse(_ text: String, path: String) throws(BookErrors) -> Bibliography {
    let table: TOMLTable
    do {
      table = try TOMLTable(string: text)
    } catch {
      throw BookErrors([
        BookError(stage: .load, path: path, message: "this is not valid TOML: \(error)")
      ])
    }
    return try parse(table, source: ManifestSource(text), path: path)
  }

  /// Checks the works of a parsed bibliography file.
  static func parse(_ table: TOMLTable, source: ManifestSource, path: String) throws(BookErrors)
    -> Bibliography
  {
    var errors = [BookError]()
    var works = [Bibliography.Work]()
    for key in table.keys.sorted() {
      let header = source.headers(key).first
      func fail(_ message: String, at field: String? = nil) {
        errors.append(
          BookError(
            stage: .load, path: path, line: source.line(of: field, in: header), message: message))
      }
      guard isValidKey(key) else {
        fail("'\(key)' cannot be a citation key: use ASCII letters, digits and _ - : .")
        continue
      }
      guard let entry = table[key]?.table else {
        fail("'\(key)' must be a table of the work's fields, written [\(key)]")
        continue
      }
      for field in entry.keys where !known.contains(field) {
        fail(
          "unknown key '\(field)' in [\(key)] (known: \(known.sorted().joined(separator: ", ")))",
          at: field)
      }
      let authors = entry["authors"]?.array?.compactMap { $0.string?.trimmingWhitespace }
      if authors == nil || authors!.isEmpty || authors!.count != entry["authors"]?.array?.count
        || authors!.contains(where: \.isEmpty)
      {
        fail("[\(key)] needs authors = [\"Surname, Given\", …], a list of names", at: "authors")
      }
      let title = entry["title"]?.string?.trimmingWhitespace ?? ""
      if title.isEmpty { fail("[\(key)] needs a title = \"…\"", at: "title") }
      let year = entry["year"]?.int
      if year == nil || !(1000...9999).contains(year!) {
        fail("[\(key)] needs a year, a number such as 2017", at: "year")
      }
      let venue = entry["venue"].map { $0.string ?? "" }
      if venue == "" { fail("[\(key)] venue must be a string that is not empty", at: "venue") }
      let address = entry["url"]?.string ?? ""
      if !(address.hasPrefix("https://") || address.hasPrefix("http://"))
        || !URLPolicy.isAllowed(address) || address.contains(where: \.isWhitespace)
      {
        fail("[\(key)] needs url = \"https://…\", the work's address", at: "url")
      }
      let doi = entry["doi"].map { $0.string ?? "" }
      if let doi, !doi.hasPrefix("10.") || doi.contains(where: \.isWhitespace) {
        fail("[\(key)] doi must look like \"10.1000/xyz\"", at: "doi")
      }
      if let authors, let year, !title.isEmpty {
        works.append(
          Bibliography.Work(
            key: key, authors: authors, title: title, year: year, venue: venue, url: address,
            doi: doi, line: header))
      }
    }
    if !errors.isEmpty { throw BookErrors(errors) }
    return Bibliography(works: works, path: path)
  }

  /// Whether `key` can be cited as `[@key]`: ASCII letters, digits and `_ - : .`, starting
  /// with a letter or digit.
  static func isValidKey(_ key: String) -> Bool {
    guard let first = key.unicodeScalars.first, first.isASCII,
      first.properties.isAlphabetic || ("0"..."9").contains(first)
    else { return false }
    return key.unicodeScalars.allSatisfy {
      $0.isASCII
        && ($0.properties.isAlphabetic || ("0"..."9").contains($0)
          || "_-:.".unicodeScalars.contains($0))
    }
  }
}
