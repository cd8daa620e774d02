import Foundation
import Testing

@testable import BookCompiler

/// The bibliography file, `[@key]` citations, the references page and their errors.
@Suite(.serialized) struct CitationTests {
  static let references = """
    [sutton2018rl]
    authors = ["Sutton, Richard S.", "Barto, Andrew G."]
    title = "Reinforcement Learning: An Introduction"
    year = 2018
    venue = "MIT Press"
    url = "https://mitpress.mit.edu/9780262039246/"

    [schulman2017ppo]
    authors = ["Schulman, John", "Wolski, Filip", "Klimov, Oleg"]
    title = "Proximal Policy Optimization Algorithms"
    year = 2017
    url = "https://arxiv.org/abs/1707.06347"

    """

  static func book(_ chapter: String, references: String = Self.references) throws -> TestBook {
    let book = try TestBook(["01-cite.md": chapter])
    book.bookSettings = "bibliography = \"references.toml\"\n"
    try book.writeFile("references.toml", references)
    return book
  }

  @Test func citationsLinkToTheReferencesPageWhichLinksBack() throws {
    let book = try Self.book(
      "# Cite\n\nAs in [@sutton2018rl; @schulman2017ppo].\n\nSchulman et al. [-@schulman2017ppo].\n"
    )
    let report = try book.run()
    #expect(report.errors.isEmpty, "\(report.errors)")
    let page = book.page("01-cite")
    #expect(
      page.contains(
        "<span class=\"citation\" id=\"cite-1\">(<a href=\"references.html#ref-sutton2018rl\""))
    #expect(
      page.contains(">Sutton and Barto, 2018</a>; <a href=\"references.html#ref-schulman2017ppo\""))
    #expect(page.contains(">Schulman et al., 2017</a>)</span>"))
    #expect(page.contains("Schulman et al. <span class=\"citation\" id=\"cite-2\">(<a "))
    #expect(page.contains(">2017</a>)</span>"))
    #expect(page.contains("<a href=\"references.html\">References</a>"))
    let references = book.page("references")
    // Sorted by surname; initials; a link to the work and back to each citing place.
    let schulman = try #require(references.range(of: "id=\"ref-schulman2017ppo\""))
    let sutton = try #require(references.range(of: "id=\"ref-sutton2018rl\""))
    #expect(schulman.lowerBound < sutton.lowerBound)
    #expect(references.contains("Sutton, R. S., and Barto, A. G. (2018). "))
    #expect(references.contains("<a href=\"https://arxiv.org/abs/1707.06347\">Proximal Policy"))
    #expect(
      references.contains(
        "Cited in <a href=\"01-cite.html#cite-1\">chapter 1</a> <a href=\"01-cite.html#cite-2\""))
    // print.html holds the references, linked locally.
    let print = book.read("site/print.html") ?? ""
    #expect(print.contains("id=\"references--ref-sutton2018rl\""))
    #expect(print.contains("href=\"#references--ref-sutton2018rl\""))
    #expect(print.contains("href=\"#01-cite--cite-1\""))
  }

  @Test func anUnknownKeyIsAnErrorAtItsLine() throws {
    let book = try Self.book("# Cite\n\nText.\n\nAs in [@sutton2019rl].\n")
    let report = try book.run()
    let error = try #require(report.errors.first)
    #expect(error.location == "chapters/01-cite.md:5" && error.stage == .load)
    #expect(error.message == "[@sutton2019rl] is not in the bibliography references.toml")
    #expect(!report.wroteSite)
  }

  @Test func aCitationWithoutABibliographyIsAnError() throws {
    let book = try TestBook(["01-cite.md": "# Cite\n\n[@x]\n"])
    let error = try #require(try book.run().errors.first)
    #expect(error.location == "chapters/01-cite.md:3")
    #expect(error.message.contains("book.toml names no bibliography"))
  }

  @Test func aBrokenBibliographyIsReportedAtItsLines() throws {
    let broken = """
      [good2020]
      authors = ["Good, A."]
      title = "Fine"
      year = 2020
      url = "https://example.org"

      [bad2021]
      authors = []
      title = "No authors"
      year = "2021"
      url = "javascript:alert(1)"
      pages = "1-2"

      """
    let book = try Self.book("# Cite\n\n[@good2020]\n", references: broken)
    let errors = try book.run().errors
    let places = Set(errors.map(\.location))
    #expect(
      places == [
        "references.toml:8", "references.toml:10", "references.toml:11", "references.toml:12",
      ], "\(errors)")
    #expect(errors.contains { $0.message.contains("unknown key 'pages' in [bad2021]") })
  }

  @Test func twoWorksWithTheSameAuthorsAndYearGetLetters() throws {
    let bibliography = try BibliographyParser.parse(
      """
      [a2017x]
      authors = ["Schulman, John", "Moritz, Philipp", "Levine, Sergey"]
      title = "High-Dimensional Continuous Control"
      year = 2017
      url = "https://arxiv.org/abs/1506.02438"

      [a2017y]
      authors = ["Schulman, John", "Wolski, Filip", "Klimov, Oleg"]
      title = "Proximal Policy Optimization"
      year = 2017
      url = "https://arxiv.org/abs/1707.06347"

      """, path: "references.toml")
    #expect(bibliography.citedYear(of: "a2017x") == "2017a")
    #expect(bibliography.citedYear(of: "a2017y") == "2017b")
    #expect(
      ReferencesPage.authorList(bibliography.works["a2017x"]!)
        == "Schulman, J., Moritz, P., and Levine, S.")
  }
}
