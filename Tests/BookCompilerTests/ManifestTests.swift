import Foundation
import Testing

@testable import BookCompiler

/// `book.toml`: what it declares, and a clear error, at `book.toml` and its line, for each
/// way it can be wrong. None of these needs a compiler.
@Suite struct ManifestTests {
  /// The errors of parsing `text`, or `[]`.
  private func errors(_ text: String) -> [BookError] {
    do {
      _ = try ManifestParser.parse(text)
      return []
    } catch {
      return error.errors
    }
  }

  /// A book whose `book.toml` is `manifest` and whose chapters are `files`.
  private func loaded(_ manifest: String, files: [String]) throws -> LoadedBook {
    let book = try TestBook()
    book.listsEveryChapter = false
    for name in files { try book.write(name, "# \(name)\n\nProse.\n") }
    try Data(manifest.utf8).write(to: book.root.appendingPathComponent("book.toml"))
    return try BookLoader.loadBook(root: book.root)
  }

  @Test func readsEveryKey() throws {
    let manifest = try ManifestParser.parse(
      """
      [book]
      title = "A Book"
      subtitle = "One sentence."
      authors = ["Ada", "Alan"]
      language = "fr"

      [[part]]
      name = "First"
      chapters = ["01-a.md", "02-b.md"]

      [[part]]
      name = "Second"
      chapters = ["03-c.md"]

      [site]
      folder = "docs"
      description = "For the search engines."
      """)
    #expect(manifest.title == "A Book")
    #expect(manifest.subtitle == "One sentence.")
    #expect(manifest.authors == ["Ada", "Alan"])
    #expect(manifest.language == "fr")
    #expect(manifest.parts.map(\.name) == ["First", "Second"])
    #expect(manifest.chapterFiles == ["01-a.md", "02-b.md", "03-c.md"])
    #expect(manifest.siteFolder == "docs")
    #expect(manifest.description == "For the search engines.")
  }

  @Test func onlyTheTitleIsRequired() throws {
    let manifest = try ManifestParser.parse("[book]\ntitle = \"T\"\n")
    #expect(manifest.language == "en")
    #expect(manifest.siteFolder == "site")
    #expect(manifest.subtitle == nil && manifest.authors.isEmpty && manifest.parts.isEmpty)
  }

  @Test func aMissingBookFileSaysHowToStartOne() throws {
    let book = try TestBook(["01-a.md": "# A\n"])
    try FileManager.default.removeItem(at: book.root.appendingPathComponent("book.toml"))
    #expect {
      _ = try BookLoader.loadAll(root: book.root)
    } throws: { error in
      let text = "\(error)"
      return text.hasPrefix("book.toml: error: there is no book.toml under")
        && text.contains("rlbook init")
    }
  }

  @Test func aMissingTitleIsAnError() {
    #expect(
      errors("[book]\nsubtitle = \"S\"\n").map(\.description) == [
        "book.toml:1: error: the book has no title: add `title = \"…\"` under [book]"
      ])
    #expect(errors("").map(\.location) == ["book.toml"])
    #expect(errors("[book]\ntitle = \"  \"\n").map(\.location) == ["book.toml:2"])
  }

  @Test func unknownKeysAreErrorsAtTheirLine() {
    let found = errors(
      """
      [book]
      title = "T"
      tittle = "typo"

      [[part]]
      name = "P"
      chapter = ["01-a.md"]

      [site]
      fodler = "x"

      [extras]
      a = 1
      """)
    #expect(
      found.map(\.description).sorted() == [
        "book.toml:10: error: unknown key 'fodler' in [site]\n    known keys: description, folder",
        "book.toml:12: error: unknown key 'extras' in the top level\n"
          + "    known keys: book, library, part, run, site",
        "book.toml:3: error: unknown key 'tittle' in [book]\n"
          + "    known keys: authors, bibliography, glossary, language, notation, subtitle, title",
        "book.toml:5: error: part 1 lists no chapters: add `chapters = [\"01-start.md\"]`",
        "book.toml:7: error: unknown key 'chapter' in [[part]]\n    known keys: chapters, name",
      ])
  }

  @Test func invalidTOMLNamesItsLine() {
    let found = errors("[book]\ntitle = \"T\"\nsubtitle = \"unterminated\n")
    #expect(found.count == 1)
    #expect(found.first?.line == 3)
    #expect(found.first?.description.hasPrefix("book.toml:3:") == true)
    #expect(found.first?.message.contains("not valid TOML") == true)
  }

  @Test func wrongTypesAreErrors() {
    let found = errors(
      "[book]\ntitle = 3\nauthors = \"Ada\"\nlanguage = \"en GB\"\n[site]\nfolder = \"../x\"\n")
    #expect(
      found.map(\.location) == ["book.toml:2", "book.toml:3", "book.toml:4", "book.toml:6"])
    #expect(found[0].message == "[book] title must be a string in quotes")
    #expect(found[1].message.contains("list of strings"))
    #expect(found[3].message.hasPrefix("[site] folder must be one folder name"))
  }

  @Test func aListedChapterThatDoesNotExistIsAnError() throws {
    let book = try loaded(
      """
      [book]
      title = "T"

      [[part]]
      name = "P"
      chapters = [
        "01-a.md",
        "02-b",
      ]
      """, files: ["01-a.md", "02-b.md"])
    let messages = book.errors.map(\.description)
    #expect(
      messages.contains(
        "book.toml:8: error: part 'P' lists 02-b, but there is no chapters/02-b\n"
          + "    did you mean \"02-b.md\"? chapters are listed by file name, with .md"))
    #expect(
      messages.contains(
        "chapters/02-b.md: error: this chapter is in no part of book.toml\n"
          + "    add \"02-b.md\" to a part's chapters, or move the file out of chapters/"))
    #expect(book.chapters.map(\.path) == ["chapters/01-a.md"])
  }

  @Test func aChapterListedTwiceIsAnError() throws {
    let book = try loaded(
      """
      [book]
      title = "T"

      [[part]]
      name = "P"
      chapters = ["01-a.md"]

      [[part]]
      name = "Q"
      chapters = ["01-a.md", "02-b.md"]
      """, files: ["01-a.md", "02-b.md"])
    #expect(
      book.errors.map(\.description) == [
        "book.toml:10: error: 01-a.md is listed twice: in part 'P' and in part 'Q'"
      ])
    #expect(book.chapters.map(\.baseName) == ["01-a", "02-b"])
  }

  @Test func chaptersFollowTheListingWhichFollowsTheNumbers() throws {
    let ordered = try loaded(
      """
      [book]
      title = "T"
      [[part]]
      name = "P"
      chapters = ["2-a.md", "10-b.md"]
      """, files: ["10-b.md", "2-a.md"])
    #expect(ordered.errors.isEmpty)
    #expect(ordered.chapters.map(\.number) == [2, 10])
    let swapped = try loaded(
      """
      [book]
      title = "T"
      [[part]]
      name = "P"
      chapters = ["10-b.md", "2-a.md"]
      """, files: ["10-b.md", "2-a.md"])
    #expect(
      swapped.errors.map(\.description) == [
        "book.toml:5: error: 2-a.md (chapter 2) is listed after 10-b.md (chapter 10):"
          + " list chapters in the order of their numbers"
      ])
  }

  @Test func aSiteFolderThatIsNotASiteIsNeverReplaced() throws {
    let book = try TestBook(["01-a.md": "# A\n"])
    book.listsEveryChapter = false
    let manifest = """
      [book]
      title = "T"
      [[part]]
      name = "P"
      chapters = ["01-a.md"]
      [site]
      folder = "docs"
      """
    try Data(manifest.utf8).write(to: book.root.appendingPathComponent("book.toml"))
    let docs = book.root.appendingPathComponent("docs")
    try FileManager.default.createDirectory(at: docs, withIntermediateDirectories: true)
    try Data("mine".utf8).write(to: docs.appendingPathComponent("notes.txt"))
    let errors = try BookLoader.loadBook(root: book.root).errors
    #expect(errors.map(\.message).contains { $0.contains("'docs' exists and is not a site") })
    #expect(BuildOptions(root: book.root).siteFolder.lastPathComponent == "docs")
  }

  @Test func theRealBookListsEveryChapter() throws {
    let book = try BookLoader.loadBook(root: packageRoot)
    #expect(book.errors.isEmpty)
    #expect(book.manifest.parts.count == 5)
    #expect(book.chapters.map(\.number) == Array(1...book.chapters.count))
  }
}
