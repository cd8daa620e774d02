import Foundation
import TOMLKit

/// Reads `book.toml` with TOMLKit and checks it: types, required keys, unknown keys (a typo
/// must not be ignored), and the part and site settings. Every problem is reported, each at
/// `book.toml` and its line where the line can be found.
///
/// ```toml
/// [book]
/// title = "A Book"            # required
/// subtitle = "One sentence."  # optional
/// authors = ["Ada"]           # optional
/// language = "en"             # optional, default "en"
/// bibliography = "references.toml"  # optional: the works prose cites as [@key]
/// glossary = "glossary.toml"  # optional: terms, linked at their first use in each chapter
/// notation = "notation.toml"  # optional: every symbol with its one meaning
///
/// [[part]]                    # one or more, in order
/// name = "Part I · Basics"
/// chapters = ["01-start.md", "02-next.md"]
///
/// [site]                      # optional
/// folder = "site"             # optional, default "site"
/// description = "…"           # optional, default: the subtitle
///
/// [library]                   # optional
/// sources = "Sources/RL"      # the library's sources: `swift source=NAME` and source pages
///
/// [run]                       # optional
/// memory-limit-gib = 2        # optional, default 2: each chapter program's memory limit
/// ```
public enum ManifestParser {
  /// Loads `book.toml` from the book at `root`.
  ///
  /// - Throws: `BookErrors` when the file is missing, is not valid TOML, or breaks the schema.
  public static func load(root: URL) throws(BookErrors) -> BookManifest {
    let url = root.appendingPathComponent(BookManifest.fileName)
    guard let data = FileManager.default.contents(atPath: url.path) else {
      throw BookErrors([
        BookError(
          stage: .load, path: BookManifest.fileName,
          message: "there is no \(BookManifest.fileName) under \(root.path)",
          detail: "run rlbook from the book's root or pass --root DIR;"
            + " `rlbook init NAME` starts a new book")
      ])
    }
    guard let text = String(validating: data, as: UTF8.self) else {
      throw BookErrors([
        BookError(
          stage: .load, path: BookManifest.fileName, line: BookLoader.firstInvalidUTF8Line(data),
          message: "the file is not valid UTF-8")
      ])
    }
    return try parse(text)
  }

  /// Parses the text of a `book.toml`.
  ///
  /// - Throws: `BookErrors` listing every problem found.
  public static func parse(_ text: String) throws(BookErrors) -> BookManifest {
    let table: TOMLTable
    do {
      table = try TOMLTable(string: text)
    } catch let error as TOMLParseError {
      throw BookErrors([
        BookError(
          stage: .load, path: BookManifest.fileName, line: error.source.begin.line,
          column: error.source.begin.column, message: "this is not valid TOML: \(error.description)"
        )
      ])
    } catch {
      throw BookErrors([
        BookError(
          stage: .load, path: BookManifest.fileName, message: "this is not valid TOML: \(error)")
      ])
    }
    var reader = Reader(source: ManifestSource(text))
    let manifest = reader.manifest(table)
    if !reader.errors.isEmpty { throw BookErrors(reader.errors) }
    return manifest
  }

  /// Walks the parsed table and collects errors.
  private struct Reader {
    let source: ManifestSource
    var errors = [BookError]()

    mutating func manifest(_ root: TOMLTable) -> BookManifest {
      check(root, known: ["book", "library", "part", "run", "site"], table: nil, header: nil)
      var manifest = BookManifest(title: "")
      let bookHeader = source.headers("book").first
      if let book = table(root, "book", header: nil) {
        check(
          book,
          known: [
            "title", "subtitle", "authors", "language", "bibliography", "glossary", "notation",
          ],
          table: "[book]",
          header: bookHeader)
        manifest.title = string(book, "title", table: "[book]", header: bookHeader) ?? ""
        manifest.subtitle = string(book, "subtitle", table: "[book]", header: bookHeader)
        manifest.authors = strings(book, "authors", table: "[book]", header: bookHeader) ?? []
        if let language = string(book, "language", table: "[book]", header: bookHeader) {
          if language.isEmpty
            || !language.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") })
          {
            fail(
              "[book] language must be a language tag such as \"en\" or \"pt-BR\"",
              line: source.line(ofKey: "language", after: bookHeader))
          } else {
            manifest.language = language
          }
        }
      }
      if let book = table(root, "book", header: nil) {
        let files: [(String, WritableKeyPath<BookManifest, String?>)] = [
          ("bibliography", \.bibliography), ("glossary", \.glossary), ("notation", \.notation),
        ]
        for (key, path) in files {
          guard let file = string(book, key, table: "[book]", header: bookHeader) else { continue }
          if Self.pathProblem(file) {
            fail(
              "[book] \(key) must be a file name beside book.toml, such as \"\(key).toml\"",
              line: source.line(ofKey: key, after: bookHeader))
          } else {
            manifest[keyPath: path] = file
          }
        }
      }
      if manifest.title.trimmingCharacters(in: .whitespaces).isEmpty,
        !errors.contains(where: { $0.message.contains("[book] title") })
      {
        fail(
          "the book has no title: add `title = \"…\"` under [book]",
          line: source.line(ofKey: "title", after: bookHeader) ?? bookHeader)
      }
      manifest.parts = parts(root)
      if let site = table(root, "site", header: nil) {
        let header = source.headers("site").first
        check(site, known: ["folder", "description"], table: "[site]", header: header)
        if let folder = string(site, "folder", table: "[site]", header: header) {
          if let problem = Self.folderProblem(folder) {
            fail("[site] folder \(problem)", line: source.line(ofKey: "folder", after: header))
          } else {
            manifest.siteFolder = folder
          }
        }
        manifest.siteDescription = string(site, "description", table: "[site]", header: header)
      }
      if let library = table(root, "library", header: nil) {
        let header = source.headers("library").first
        check(library, known: ["sources"], table: "[library]", header: header)
        if let folder = string(library, "sources", table: "[library]", header: header) {
          let parts = folder.split(separator: "/", omittingEmptySubsequences: false)
          if parts.isEmpty || parts.contains(where: { Self.pathProblem(String($0)) }) {
            fail(
              "[library] sources must be a folder inside the book, such as \"Sources/RL\"",
              line: source.line(ofKey: "sources", after: header))
          } else {
            manifest.librarySources = folder
          }
        }
      }
      if let run = table(root, "run", header: nil) {
        let header = source.headers("run").first
        check(run, known: ["memory-limit-gib"], table: "[run]", header: header)
        if let value = run["memory-limit-gib"] {
          let gibibytes = value.double ?? value.int.map(Double.init)
          if let gibibytes, gibibytes >= 0.25, gibibytes <= 1024 {
            manifest.memoryLimit = Int(gibibytes * Double(1 << 30))
          } else {
            fail(
              "[run] memory-limit-gib must be a number of GiB from 0.25 to 1024, such as 4",
              line: source.line(ofKey: "memory-limit-gib", after: header))
          }
        }
      }
      return manifest
    }

    /// The `[[part]]` tables.
    mutating func parts(_ root: TOMLTable) -> [BookManifest.Part] {
      guard let value = root["part"] else { return [] }
      let headers = source.headers("part", array: true)
      guard let array = value.array, array.allSatisfy({ $0.table != nil }) else {
        fail(
          "`part` must be a list of tables, each written [[part]]",
          line: source.line(ofKey: "part", after: nil))
        return []
      }
      var parts = [BookManifest.Part]()
      for (index, element) in array.enumerated() {
        let part = element.table!
        let header = index < headers.count ? headers[index] : nil
        check(part, known: ["name", "chapters"], table: "[[part]]", header: header)
        let name = string(part, "name", table: "[[part]]", header: header)
        let chapters = strings(part, "chapters", table: "[[part]]", header: header)
        if name == nil && part["name"] == nil {
          fail("part \(index + 1) has no name: add `name = \"…\"`", line: header)
        } else if let name, name.trimmingCharacters(in: .whitespaces).isEmpty {
          fail(
            "part \(index + 1) has an empty name", line: source.line(ofKey: "name", after: header))
        }
        if chapters == nil && part["chapters"] == nil {
          fail(
            "part \(index + 1) lists no chapters: add `chapters = [\"01-start.md\"]`",
            line: header)
        } else if chapters?.isEmpty == true {
          fail(
            "part \(index + 1) lists no chapters",
            line: source.line(ofKey: "chapters", after: header) ?? header)
        }
        var entry = BookManifest.Part(name: name ?? "", chapters: chapters ?? [], line: header)
        entry.chapterLines = entry.chapters.map { source.line(ofString: $0, after: header) }
        parts.append(entry)
      }
      return parts
    }

    /// Whether `file` is not a plain file name beside `book.toml`.
    static func pathProblem(_ file: String) -> Bool {
      file.isEmpty || file.hasPrefix(".")
        || !file.allSatisfy {
          $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == ".")
        }
    }

    /// Why `folder` cannot be the site folder, or `nil` when it can.
    static func folderProblem(_ folder: String) -> String? {
      let allowed = folder.allSatisfy {
        $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == ".")
      }
      if folder.isEmpty || !allowed || folder.hasPrefix(".") {
        return "must be one folder name beside book.toml, such as \"site\" or \"docs\""
      }
      if folder == BookLoader.chaptersFolder {
        return "cannot be the chapters folder"
      }
      return nil
    }

    /// Reports every key of `table` that the schema does not know.
    mutating func check(_ table: TOMLTable, known: Set<String>, table name: String?, header: Int?) {
      for key in table.keys where !known.contains(key) {
        let place = name ?? "the top level"
        let line =
          source.line(ofKey: key, after: header)
          ?? (name == nil
            ? source.headers(key).first ?? source.headers(key, array: true).first : nil)
        fail(
          "unknown key '\(key)' in \(place)",
          line: line,
          detail: "known keys: " + known.sorted().joined(separator: ", "))
      }
    }

    /// A sub-table; reports a value of another type.
    mutating func table(_ root: TOMLTable, _ key: String, header: Int?) -> TOMLTable? {
      guard let value = root[key] else { return nil }
      guard let table = value.table else {
        fail(
          "`\(key)` must be a table, written [\(key)]", line: source.line(ofKey: key, after: header)
        )
        return nil
      }
      return table
    }

    /// A string value; reports a value of another type.
    mutating func string(_ table: TOMLTable, _ key: String, table name: String, header: Int?)
      -> String?
    {
      guard let value = table[key] else { return nil }
      guard let string = value.string else {
        fail(
          "\(name) \(key) must be a string in quotes",
          line: source.line(ofKey: key, after: header))
        return nil
      }
      return string
    }

    /// A list of strings; reports a value of another type.
    mutating func strings(_ table: TOMLTable, _ key: String, table name: String, header: Int?)
      -> [String]?
    {
      guard let value = table[key] else { return nil }
      guard let array = value.array, array.allSatisfy({ $0.string != nil }) else {
        fail(
          "\(name) \(key) must be a list of strings, such as [\"a\", \"b\"]",
          line: source.line(ofKey: key, after: header))
        return nil
      }
      return array.map { $0.string! }
    }

    mutating func fail(_ message: String, line: Int?, detail: String? = nil) {
      errors.append(
        BookError(
          stage: .load, path: BookManifest.fileName, line: line, message: message, detail: detail))
    }
  }
}
