import Foundation
import Testing

@testable import BookCompiler

/// `rlbook test` as a regression suite: a changed character in the record is reported as a
/// unified diff naming the cell's line; restoring the record makes it pass again.
@Suite struct RegressionTests {
  @Test func oneChangedCharacterIsReportedAndRestoringItPasses() throws {
    let source = chapter(
      "Regression",
      [("", "print(\"alpha\")\nprint(\"beta\")"), ("", "print(\"gamma\")\nprint(\"delta\")")])
    let book = try TestBook(["01-regression.md": source])
    #expect(try book.run().succeeded)
    let recordPath = book.root.appendingPathComponent("chapters/01-regression.out")
    let original = try String(contentsOf: recordPath, encoding: .utf8)
    #expect(try book.run(.test).succeeded, "a fresh run matches the record it just wrote")

    // Change one character of the second cell's recorded output.
    let edited = original.replacingOccurrences(of: "│ delta", with: "│ delte")
    #expect(edited != original)
    try edited.write(to: recordPath, atomically: true, encoding: .utf8)
    let failed = try book.run(.test)
    #expect(!failed.succeeded && failed.errors.isEmpty)
    let secondFence = fenceLines(source)[1]
    #expect(failed.mismatches.count == 1)
    let diff = try #require(failed.mismatches.first)
    #expect(diff.hasPrefix("chapters/01-regression.md:\(secondFence): cell 2 output differs"))
    #expect(diff.contains("--- chapters/01-regression.out (recorded)"))
    #expect(diff.contains("+++ chapters/01-regression.md:\(secondFence) (actual)"))
    #expect(diff.contains("\n-│ delte\n+│ delta"))
    #expect(diff.contains("\n │ gamma"), "context lines are shown")
    #expect(!diff.contains("alpha"), "the unchanged cell is not reported")
    #expect(try String(contentsOf: recordPath, encoding: .utf8) == edited, "test never rewrites")

    try original.write(to: recordPath, atomically: true, encoding: .utf8)
    #expect(try book.run(.test).succeeded)
    #expect(book.read("chapters/01-regression.md") == source, "the tool never rewrites a chapter")
  }

  @Test func aMissingRecordIsOneMismatch() {
    let chapter = Chapter(
      path: "chapters/01-x.md", number: 1, slug: "x", title: "X", source: "", cells: [],
      document: ChapterDocument.parse(""))
    let found = OutputComparison.mismatches(chapter: chapter, recorded: nil, actual: [])
    #expect(found == ["chapters/01-x.out: no recorded outputs to compare with; run `rlbook build`"])
  }

  @Test func theUnifiedDiffHasHunkHeaders() {
    let old = (1...10).map { "line \($0)" }
    var new = old
    new[4] = "changed"
    let diff = UnifiedDiff.diff(old: old, new: new, oldName: "a", newName: "b")
    #expect(
      diff == """
        --- a
        +++ b
        @@ -2,7 +2,7 @@
         line 2
         line 3
         line 4
        -line 5
        +changed
         line 6
         line 7
         line 8
        """)
    #expect(UnifiedDiff.diff(old: old, new: old, oldName: "a", newName: "b").isEmpty)
  }
}
