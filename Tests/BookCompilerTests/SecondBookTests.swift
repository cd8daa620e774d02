import Foundation
import Testing

@testable import BookCompiler

/// Builds the book at `root` in this process, with the tests' library and module cache.
func buildBook(at root: URL) throws -> BuildReport {
  var options = BuildOptions(root: root)
  options.libraryDirectory = try Prerequisites.libraryPath()
  options.moduleCacheFolder = Prerequisites.moduleCache
  return try Book(options: options) { _ in }.run()
}

/// The words of the RL book that the compiler must never put into another book's pages.
let rlBookWords = [
  "Reinforcement Learning for Language Models", "from the agent–environment loop",
  "The loop", "Tables", "Policy gradients", "Language models", "Coda", ">More<",
]

/// A second book, nothing like the RL book: its own title, subtitle, language, authors and
/// two parts. The compiler builds it, and its pages carry its words only.
@Suite struct SecondBookTests {
  static let manifest = """
    [book]
    title = "Petits calculs en Swift"
    subtitle = "Un livre exécutable, pour essayer."
    authors = ["Ada Lovelace"]
    language = "fr"

    [[part]]
    name = "Première partie · Nombres"
    chapters = ["01-sommes.md", "02-suites.md"]

    [[part]]
    name = "Deuxième partie · Mots"
    chapters = ["03-mots.md"]
    """

  static let chapters = [
    "01-sommes.md": chapter(
      "Sommes", [("", "let n = 10\nprint(\"somme de 1 à \\(n) :\", (1...n).reduce(0, +))")]),
    "02-suites.md": "# Suites\n\nLa suite $u_{n+1} = 2 u_n$ double.\n\n```swift\n"
      + "var u = 1\nfor _ in 0..<10 { u *= 2 }\nprint(\"u_10 =\", u)\n```\n",
    "03-mots.md": chapter(
      "Mots", [("", "print([\"un\", \"deux\", \"trois\"].map(\\.count))")]),
  ]

  @Test func theSecondBookCarriesItsOwnTitlePartsAndLanguage() throws {
    let book = try TestBook(Self.chapters)
    book.listsEveryChapter = false
    try Data(Self.manifest.utf8).write(to: book.root.appendingPathComponent("book.toml"))
    let report = try buildBook(at: book.root)
    #expect(report.succeeded, "\(report.errors)")
    #expect(report.wroteSite)

    let index = book.read("site/index.html") ?? ""
    #expect(index.contains("<html lang=\"fr\">"))
    #expect(index.contains("<title>Petits calculs en Swift</title>"))
    #expect(index.contains("<h1>Petits calculs en Swift</h1>"))
    #expect(index.contains("Un livre exécutable, pour essayer."))
    #expect(index.contains("<meta name=\"author\" content=\"Ada Lovelace\">"))
    let order = [
      "Première partie · Nombres", "Sommes", "Suites", "Deuxième partie · Mots", "Mots",
    ]
    let places = order.map { index.range(of: $0)?.lowerBound }
    #expect(!places.contains(nil), "\(order) are all on the contents page")
    #expect(places.compactMap { $0 } == places.compactMap { $0 }.sorted())

    let page = book.page("02-suites")
    #expect(page.contains("<title>2. Suites · Petits calculs en Swift</title>"))
    #expect(page.contains("Deuxième partie · Mots"))
    #expect(page.contains("u_10 = 1024"))
    #expect(page.contains("class=\"katex"))
    #expect(book.page("01-sommes").contains("somme de 1 à 10 : 55"))
    #expect(book.page("03-mots").contains("[2, 4, 5]"))

    for (path, data) in book.siteFiles() where path.hasSuffix(".html") || path.hasSuffix(".js") {
      let text = String(decoding: data, as: UTF8.self)
      for word in rlBookWords {
        #expect(!text.contains(word), "site/\(path) holds '\(word)' of another book")
      }
    }
  }

  @Test func renamingAPartRebuildsTheSite() throws {
    let book = try TestBook(Self.chapters)
    book.listsEveryChapter = false
    let url = book.root.appendingPathComponent("book.toml")
    try Data(Self.manifest.utf8).write(to: url)
    #expect(try buildBook(at: book.root).wroteSite)
    let renamed = Self.manifest.replacingOccurrences(of: "· Mots", with: "· Lettres")
    try Data(renamed.utf8).write(to: url)
    let report = try buildBook(at: book.root)
    #expect(report.wroteSite)
    #expect(report.chapters.allSatisfy { $0.source == .cached })
    #expect(book.read("site/index.html")?.contains("Deuxième partie · Lettres") == true)
  }
}
