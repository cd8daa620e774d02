import Foundation
import Testing

@testable import BookCompiler

/// The glossary (terms linked at their first use in each chapter) and the notation page.
@Suite(.serialized) struct BackMatterTests {
  static let glossary = """
    [advantage]
    term = "advantage"
    also = ["advantages"]
    definition = "How much better an action is than average: A = Q − V."

    [policy]
    term = "policy"
    definition = "A rule that picks actions."

    [policy-gradient]
    term = "policy gradient"
    definition = "The gradient of the expected return."

    [ppo]
    term = "PPO"
    definition = "Proximal Policy Optimization."

    """

  static let notation = """
    [[symbol]]
    tex = '\\pi_\\theta(a \\mid s)'
    meaning = "the policy"

    [[symbol]]
    tex = 'A_t'
    meaning = "the advantage at step t"

    """

  static func book(glossary: String = Self.glossary, notation: String = Self.notation) throws
    -> TestBook
  {
    let book = try TestBook([
      "01-one.md":
        "# One\n\nThe Advantage helps; the advantage again. PPO uses the policy gradient,"
        + " not ppo. A `policy` in code.\n",
      "02-two.md": "# Two\n\nTwo advantages and a policy.\n",
    ])
    book.bookSettings = "glossary = \"glossary.toml\"\nnotation = \"notation.toml\"\n"
    try book.writeFile("glossary.toml", glossary)
    try book.writeFile("notation.toml", notation)
    return book
  }

  @Test func termsLinkAtTheirFirstUseAndThePagesListThem() throws {
    let book = try Self.book()
    let report = try book.run()
    #expect(report.errors.isEmpty, "\(report.errors)")
    let one = book.page("01-one")
    #expect(
      one.contains(
        "The <a class=\"term\" href=\"glossary.html#term-advantage\" title=\"How much better an"
          + " action is than average: A = Q − V.\">Advantage</a> helps; the advantage again."))
    #expect(one.contains("<a class=\"term\" href=\"glossary.html#term-ppo\""))
    #expect(one.contains(">policy gradient</a>,"))
    #expect(!one.contains("term-policy\""), "the longer term wins, and code is not linked")
    #expect(one.contains("not ppo."), "a capitalised term matches exactly")
    let two = book.page("02-two")
    #expect(
      two.contains(">advantages</a> and a <a class=\"term\" href=\"glossary.html#term-policy\""))
    let glossary = book.page("glossary")
    #expect(glossary.contains("<dt id=\"term-advantage\">advantage</dt>"))
    #expect(
      glossary.contains("Used in <a href=\"01-one.html\">1</a>, <a href=\"02-two.html\">2</a>."))
    let notation = book.page("notation")
    #expect(notation.contains("<th scope=\"col\">Symbol</th>"))
    #expect(notation.contains("class=\"katex\"") && notation.contains("the advantage at step t"))
    // print.html ends with the glossary and the notation, linked locally.
    let print = book.read("site/print.html") ?? ""
    #expect(print.contains("<dt id=\"glossary--term-advantage\">"))
    #expect(print.contains("href=\"#glossary--term-advantage\""))
    #expect(print.contains("<article class=\"notation\" id=\"notation\">"))
    #expect(one.contains("<a href=\"glossary.html\">Glossary</a>"))
    #expect(one.contains("<a href=\"notation.html\">Notation</a>"))
  }

  @Test func brokenFilesAreReportedAtTheirLines() throws {
    let book = try Self.book(
      glossary: "[Bad]\nterm = \"x\"\ndefinition = \"y\"\n\n[empty]\nterm = \"\"\nsee = 1\n",
      notation: "[[symbol]]\ntex = '\\frac{'\nmeaning = \"broken\"\n")
    let errors = try book.run().errors
    let places = Set(errors.map(\.location))
    #expect(
      places.isSuperset(of: ["glossary.toml:1", "glossary.toml:6", "glossary.toml:7"]),
      "\(errors)")
    // A glossary error stops the build before the notation is typeset; alone, the formula
    // fails at its line.
    try book.writeFile("glossary.toml", Self.glossary)
    let again = try book.run().errors
    #expect(again.first?.location == "notation.toml:1" && again.first?.stage == .render, "\(again)")
  }
}
