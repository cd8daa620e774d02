import Foundation
import Testing

@testable import BookCompiler

/// A cell that does not compile, one that traps and one that hangs: `rlbook build` exits
/// non-zero naming each chapter and line, the other chapters still build, and the previous
/// `site/` stays byte for byte as it was.
@Suite struct FailureTests {
  /// The hanging cell starts a grandchild in a process group of its own (Foundation's
  /// `Process` does that), writes its pid, then spins until the timeout kills the session.
  static let hang = chapter(
    "Hang",
    [
      ("", "print(\"about to hang\")"),
      (
        "timeout=1",
        """
        import Foundation
        let sleeper = Process()
        sleeper.executableURL = URL(fileURLWithPath: "/bin/sleep")
        sleeper.arguments = ["600"]
        try! sleeper.run()
        try! "\\(sleeper.processIdentifier)".write(toFile: "grandchild.pid", atomically: true, encoding: .utf8)
        print("spinning")
        var spins = 0
        while true { spins &+= 1 }
        """
      ),
    ])

  @Test func failingChaptersKeepThePreviousSiteAndTheOthersStillBuild() throws {
    let good = chapter("Good", [("", "print(\"good\")")])
    let book = try TestBook(["01-good.md": good])
    #expect(try book.runTool(["build"]).status == 0)
    let before = book.siteFiles()
    #expect(before["01-good.html"] != nil)

    let compile = chapter("Compile", [("", "let x: Int = \"a\"")])
    let trap = chapter("Trap", [("", "print(\"kept\")\nlet empty: [Int] = []\nprint(empty[0])")])
    let better = good.replacingOccurrences(of: "Good", with: "Better")
      .replacingOccurrences(of: "\"good\"", with: "\"better\"")
    try book.write("01-good.md", better)
    try book.write("02-compile.md", compile)
    try book.write("03-trap.md", trap)
    try book.write("04-hang.md", Self.hang)
    let started = Date()
    let (status, stderr) = try book.runTool(["build"])
    #expect(Date().timeIntervalSince(started) < 60)
    #expect(status != 0)
    #expect(
      stderr.contains("chapters/02-compile.md:4:14: error: cannot convert value"), "\(stderr)")
    #expect(stderr.contains("chapters/03-trap.md:6:"), "\(stderr)")
    #expect(stderr.contains("Fatal error: Index out of range"))
    #expect(stderr.contains("kept"), "output before the trap is shown")
    let hangFence = fenceLines(Self.hang)[1]
    #expect(
      stderr.contains(
        "chapters/04-hang.md:\(hangFence): error: the cell at line \(hangFence) ran past its timeout of 1 s"
      ), "\(stderr)")
    #expect(stderr.contains("spinning"))
    #expect(
      stderr.contains("4 chapters (1 ran, 0 cached, 3 failed), 3 errors, site/ left unchanged"))
    #expect(book.siteFiles() == before, "the previous site is byte-identical")
    #expect(book.read("chapters/01-good.out")?.contains("better") == true, "the good chapter ran")

    // The timeout killed the grandchild too, although it left the cell's process group.
    let pid = try #require(book.read("grandchild.pid").flatMap { pid_t($0) })
    #expect(!ProcessProbe.isAlive(pid), "sleep \(pid) survived")

    // Fixing the chapters makes the next build write the new site.
    for name in ["02-compile.md", "03-trap.md", "04-hang.md"] {
      try FileManager.default.removeItem(at: book.root.appendingPathComponent("chapters/\(name)"))
    }
    #expect(try book.runTool(["build"]).status == 0)
    #expect(book.page("01-good").contains("Better"))
  }

  @Test func aCellThatExitsEarlyIsNamed() throws {
    let source = chapter(
      "Exit",
      [("", "import Foundation\nprint(\"bye\")"), ("", "exit(3)"), ("", "print(\"never\")")])
    let book = try TestBook(["01-exit.md": source])
    let report = try book.run()
    let error = try #require(report.errors.first)
    #expect(error.line == fenceLines(source)[1])
    #expect(error.message == "the cell at line \(fenceLines(source)[1]) exited with status 3")
  }
}
