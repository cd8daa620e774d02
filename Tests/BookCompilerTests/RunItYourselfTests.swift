import Foundation
import Testing

@testable import BookCompiler

/// `rlbook run` and each chapter's code as one downloadable program.
@Suite(.serialized) struct RunItYourselfTests {
  static let chapter = """
    # Run me

    ```swift
    let answer = 6 * 7
    print("first", answer)
    ```

    ```swift norun
    func helper() -> Int { 1 }
    print("never runs")
    ```

    ```swift compile-fail
    let wrong: Int = "text"
    ```

    ```swift
    export("answer", answer + helper())
    var plot = LinePlot(title: "A line", xLabel: "x", yLabel: "y")
    plot.add("y", y: [1, 2, 3])
    display(plot)
    ```

    The answer is {{answer}}.

    """

  /// What `rlbook run` prints for `target`, and the exit status.
  static func run(_ book: TestBook, _ target: String) throws -> (
    status: Int32, stdout: String, stderr: String
  ) {
    let out = LockedData()
    let err = LockedData()
    let status = try ChapterRun(
      root: book.root, libraryDirectory: try Prerequisites.libraryPath(),
      moduleCacheFolder: Prerequisites.moduleCache
    ).run(target, output: out.append, errors: err.append)
    return (status, out.text, err.text)
  }

  static let expected = """
    ── cell 1 · chapters/01-run.md:3 ──
    first 42
    ── cell 2 · chapters/01-run.md:8 (shown, never run) ──
    ── cell 4 · chapters/01-run.md:17 ──
    answer = 43
    [figure: A line: y against x for y]

    """

  @Test func runPrintsEachCellInTheTerminalAndTheDownloadRunsTheSame() throws {
    let book = try TestBook(["01-run.md": Self.chapter])
    let report = try book.run()
    #expect(report.errors.isEmpty, "\(report.errors)")
    let page = book.page("01-run")
    #expect(page.contains("<a href=\"01-run.swift\" download>Download the code</a>"))
    #expect(page.contains("<code>rlbook run 01-run.swift</code>"))

    let terminal = try Self.run(book, "chapters/01-run.md")
    #expect(terminal.status == 0)
    #expect(terminal.stdout == Self.expected)

    // The downloaded file is a program of its own: no #sourceLocation, the compile-fail cell
    // kept as a comment, and the same output.
    let download = try #require(book.read("site/01-run.swift"))
    #expect(!download.contains("#sourceLocation"))
    #expect(download.contains("// let wrong: Int = \"text\""))
    #expect(
      download.contains(
        "// Run it from the book's folder (a clone of its repository): rlbook run 01-run.swift"))
    try book.writeFile("01-run.swift", download)
    let again = try Self.run(book, book.root.appendingPathComponent("01-run.swift").path)
    #expect(again.status == 0 && again.stdout == Self.expected)
  }

  @Test func aTrapEndsTheRunWithItsStatusAndACompileErrorNamesTheMarkdownLine() throws {
    let book = try TestBook([
      "01-run.md": "# Trap\n\n```swift\nprint(\"before\")\nlet xs = [1]\nprint(xs[3])\n```\n"
    ])
    let trapped = try Self.run(book, "01-run.md")
    #expect(trapped.status == 128 + SIGILL || trapped.status == 128 + SIGTRAP)
    #expect(trapped.stdout.hasSuffix("before\n"))
    #expect(trapped.stderr.contains("Index out of range"))

    try book.write("01-run.md", "# Broken\n\n```swift\nlet x: Int = \"no\"\n```\n")
    #expect {
      try Self.run(book, "01-run.md")
    } throws: { error in
      (error as? BookErrors)?.errors.first?.location == "chapters/01-run.md:4:14"
    }
  }
}

/// Bytes gathered from another thread.
final class LockedData: @unchecked Sendable {
  private let lock = NSLock()
  private var data = Data()
  func append(_ more: Data) { lock.withLock { data.append(more) } }
  var text: String { lock.withLock { String(decoding: data, as: UTF8.self) } }
}
