import Foundation
import Testing

@testable import BookCompiler

/// Killing a build at any moment, or starting two at once, never damages `site/`, the
/// records or the cache.
@Suite struct NothingLostTests {
  private static func version(_ word: String) -> String {
    chapter(
      "Version \(word)",
      [("", "print(\"\(word)\")\nvar g = SeededGenerator(seed: 1)\nprint(fixed(g.normal(), 3))")])
  }

  /// Alternates between two versions of a chapter, killing `rlbook build --force` (SIGINT
  /// or SIGKILL) after a different delay each time. After every kill `site/` must be one of
  /// the two complete sites; afterwards a normal build succeeds and matches.
  @Test(.timeLimit(.minutes(3)))
  func killingABuildAtAnyMomentLeavesACompleteSite() throws {
    let book = try TestBook(["01-kill.md": Self.version("one")])
    #expect(try book.runTool(["build"]).status == 0)
    let siteOne = book.siteFiles()
    try book.write("01-kill.md", Self.version("two"))
    #expect(try book.runTool(["build"]).status == 0)
    let siteTwo = book.siteFiles()
    #expect(siteOne != siteTwo && !siteOne.isEmpty)

    let delays = [0.05, 0.3, 0.6, 0.9, 1.2, 1.6]
    var endedCompleted = 0
    for (round, delay) in delays.enumerated() {
      let current = book.siteFiles()
      let next = current == siteOne ? "two" : "one"
      try book.write("01-kill.md", Self.version(next))
      let process = try book.startTool(["build", "--force"])
      usleep(useconds_t(delay * 1_000_000))
      if process.isRunning {
        kill(process.processIdentifier, round.isMultiple(of: 2) ? SIGKILL : SIGINT)
      } else {
        endedCompleted += 1
      }
      process.waitUntilExit()
      let site = book.siteFiles()
      #expect(site == siteOne || site == siteTwo, "a mixed site after a kill at \(delay) s")
    }
    // The next build succeeds, finds no stale state, and writes the site of the final text.
    let (status, stderr) = try book.runTool(["build"])
    #expect(status == 0, "\(stderr)")
    let last = book.read("chapters/01-kill.md")?.contains("Version one") == true ? siteOne : siteTwo
    #expect(book.siteFiles() == last)
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: book.root.path)
      .filter { $0.hasPrefix(".site.new-") }
    #expect(leftovers.isEmpty)
    #expect(endedCompleted < delays.count, "no build was actually interrupted")
  }

  /// A damaged cache entry is ignored and rebuilt, never trusted.
  @Test func aCorruptedCacheEntryIsRebuilt() throws {
    let book = try TestBook(["01-cache.md": Self.version("cached")])
    try book.run()
    let runs = book.root.appendingPathComponent(".rlbook-cache/runs")
    let entries = try FileManager.default.contentsOfDirectory(atPath: runs.path)
    #expect(entries.count == 1)
    let entry = runs.appendingPathComponent(entries[0])
    let data = try Data(contentsOf: entry)
    try data.prefix(data.count / 2).write(to: entry)  // a torn write
    let report = try book.run()
    #expect(report.chapters.map(\.source) == [.ran] && report.succeeded)
    // A tampered payload (valid JSON, wrong checksum) is not trusted either.
    let text = try String(contentsOf: entry, encoding: .utf8)
    try text.replacingOccurrences(of: "cached", with: "forged").write(
      to: entry, atomically: true, encoding: .utf8)
    #expect(try book.run().chapters.map(\.source) == [.ran])
    #expect(try book.run().chapters.map(\.source) == [.cached])
    #expect(book.read("chapters/01-cache.out")?.contains("forged") == false)
  }

  /// Two builds of one book at once: the second waits for the first, says so, and both
  /// finish with the same, complete site.
  @Test func twoBuildsAtOnceTakeTurns() throws {
    let book = try TestBook(["01-turns.md": Self.version("turns")])
    let firstLog = LogLines()
    let secondLog = LogLines()
    let first = try book.startTool(["build"])
    let lock = book.root.appendingPathComponent(".rlbook-cache/lock")
    // Start the second build once the first holds the lock.
    for _ in 0..<500 where !FileManager.default.fileExists(atPath: lock.path) { usleep(10_000) }
    usleep(100_000)
    let second = LockedResult()
    let thread = Thread {
      second.set(Result { try book.run(log: secondLog) })
    }
    thread.start()
    first.waitUntilExit()
    while second.value == nil { usleep(10_000) }
    #expect(first.terminationStatus == 0)
    #expect(try second.value?.get().succeeded == true)
    #expect(
      secondLog.lines.contains {
        $0.contains("another rlbook build is running in this book; waiting")
      }, "\(secondLog.lines)")
    #expect(firstLog.lines.isEmpty)
    #expect(book.page("01-turns").contains("turns"))
  }
}

extension NothingLostTests {
  /// The wait is announced even when standard error is not a terminal (as in CI or an
  /// editor's build task), where status lines are not shown.
  @Test func aWaitingBuildSaysSoWithoutATerminal() throws {
    let book = try TestBook(["01-wait.md": Self.version("wait")])
    let first = try book.startTool(["build"])
    let lock = book.root.appendingPathComponent(".rlbook-cache/lock")
    for _ in 0..<500 where !FileManager.default.fileExists(atPath: lock.path) { usleep(10_000) }
    usleep(100_000)
    let (status, stderr) = try book.runTool(["build"])
    first.waitUntilExit()
    #expect(status == 0 && first.terminationStatus == 0)
    #expect(stderr.contains("another rlbook build is running in this book; waiting"), "\(stderr)")
  }
}

/// A result handed from a thread to the test.
final class LockedResult: @unchecked Sendable {
  private let lock = NSLock()
  private var stored: Result<BuildReport, any Error>?
  func set(_ value: Result<BuildReport, any Error>) { lock.withLock { stored = value } }
  var value: Result<BuildReport, any Error>? { lock.withLock { stored } }
}
