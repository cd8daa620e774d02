import Testing

@testable import BookCompiler

/// `{{name}}` and `[@key]` come out of the prose with their lines, and nothing else does.
@Suite struct ReferenceExtractorTests {
  @Test func findsValuesAndCitationsWithTheirLines() {
    let text =
      "A {{meanReturn}} and {{ best_arm2 }}.\n\nAs shown [@sutton2018; @ppo:v2].\n"
      + "Schulman et al. [-@schulman2017ppo] agree.\n"
    let (out, refs) = ReferenceExtractor.extract(text)
    #expect(
      refs == [
        ProseReference(kind: .value(name: "meanReturn"), line: 1),
        ProseReference(kind: .value(name: "best_arm2"), line: 1),
        ProseReference(
          kind: .citation(keys: ["sutton2018", "ppo:v2"], suppressAuthor: false), line: 3),
        ProseReference(
          kind: .citation(keys: ["schulman2017ppo"], suppressAuthor: true), line: 4),
      ])
    #expect(
      out == "A RLBOOKREF0Z and RLBOOKREF1Z.\n\nAs shown RLBOOKREF2Z.\n"
        + "Schulman et al. RLBOOKREF3Z agree.\n")
  }

  @Test func leavesCodeEscapesLinksAndLookalikesAlone() {
    let text =
      "`{{a}}` and ``[@b]`` stay; \\{{c}} stays; {{ 3 }}, {{a b}}, [@], [@d](x.html),"
      + " mail@example.com and [-@e; @f] stay.\n"
    let (out, refs) = ReferenceExtractor.extract(text)
    #expect(refs.isEmpty)
    #expect(out == text)
  }

  @Test func skipsCodeLines() {
    let text = "```swift\nprint(\"{{x}} [@y]\")\n```\n{{z}}\n"
    let (out, refs) = ReferenceExtractor.extract(text, codeLines: [1, 2, 3])
    #expect(refs == [ProseReference(kind: .value(name: "z"), line: 4)])
    #expect(out == "```swift\nprint(\"{{x}} [@y]\")\n```\nRLBOOKREF0Z\n")
  }

  @Test func aWrappedCitationKeepsEveryLineNumber() {
    let text = "See [@a;\n@b] here.\n{{v}}\n"
    let (out, refs) = ReferenceExtractor.extract(text)
    #expect(refs.map(\.line) == [1, 3])
    #expect(out.split(separator: "\n", omittingEmptySubsequences: false).count == 4)
    // A blank line ends the paragraph: no citation.
    #expect(ReferenceExtractor.extract("[@a;\n\n@b]").references.isEmpty)
  }

  @Test func theChapterDocumentFindsReferencesOutsideItsCode() {
    let source = "# T\n\n~~~text\n{{inCode}} [@inCode]\n~~~\n\nProse {{v}} [@k].\n"
    let document = ChapterDocument.parse(source)
    #expect(document.references.map(\.line) == [7, 7])
    #expect(document.parsed.codeBlocks.first?.literal == "{{inCode}} [@inCode]\n")
    #expect(document.parsed.html.contains("Prose RLBOOKREF0Z RLBOOKREF1Z."))
  }
}
