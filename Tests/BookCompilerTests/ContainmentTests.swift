import Foundation
import Testing

@testable import BookCompiler

/// Every process a chapter starts, swiftc's included, ends with the chapter: whatever
/// session it moved to, when the chapter ends, when its cell times out, and when rlbook
/// is killed, even by SIGKILL.
@Suite struct ContainmentTests {
  /// A cell that starts, through `sh` (`system`), a grandchild in a new session (`setsid`)
  /// that sleeps and then writes `file`, and a double-forked `sleep` in a session of its own.
  static func escapingCell(file: String, marker: String, options: String = "", spin: Bool = false)
    -> (String, String)
  {
    let script =
      "setsid sh -c 'sleep 3; echo escaped > \(file)' & (setsid sleep \(marker) &) ; sleep 0.2"
    return (
      options,
      """
      import Glibc
      print("started", system("\(script)"))
      """ + (spin ? "\nvar spins = 0\nwhile true { spins &+= 1 }" : "")
    )
  }

  @Test(.timeLimit(.minutes(3)))
  func aGrandchildInANewSessionDiesWithItsChapterAndAtATimeout() throws {
    let ending = ProcessInfo.processInfo.globallyUniqueString
    let ended = ProcessProbe.uniqueSleep(seconds: 600)
    let timedOut = ProcessProbe.uniqueSleep(seconds: 600)
    let book = try TestBook([
      "01-escape.md": chapter(
        "Escape", [Self.escapingCell(file: "escaped-\(ending).txt", marker: ended)]),
      "02-timeout.md": chapter(
        "Timeout",
        [
          Self.escapingCell(
            file: "escaped-timeout-\(ending).txt", marker: timedOut, options: "timeout=2",
            spin: true)
        ]),
    ])
    let (status, stderr) = try book.runTool(["build"])
    #expect(status == 1, "\(stderr)")
    #expect(stderr.contains("ran past its timeout of 2 s"), "\(stderr)")
    #expect(book.read("chapters/01-escape.out")?.contains("started") == true, "\(stderr)")
    #expect(ProcessProbe.living(withArgument: ended).isEmpty, "the ended chapter's sleep survived")
    #expect(ProcessProbe.living(withArgument: timedOut).isEmpty, "the timed-out sleep survived")
    // The sleeping writers were killed too: their files never appear.
    sleep(4)
    #expect(book.read("escaped-\(ending).txt") == nil, "a grandchild wrote after the build")
    #expect(book.read("escaped-timeout-\(ending).txt") == nil, "a grandchild wrote after the build")
  }

  /// `kill -9` of rlbook while a cell runs with a `Process()` child and a grandchild that
  /// left for a session of its own: both die at once.
  @Test(.timeLimit(.minutes(3)))
  func killingRlbookDuringACellLeavesNoProcessBehind() throws {
    let child = ProcessProbe.uniqueSleep(seconds: 600)
    let escaped = ProcessProbe.uniqueSleep(seconds: 600)
    let source = chapter(
      "Orphans",
      [
        (
          "",
          """
          import Foundation
          let child = Process()
          child.executableURL = URL(fileURLWithPath: "/bin/sleep")
          child.arguments = ["\(child)"]
          try! child.run()
          _ = system("(setsid sleep \(escaped) &)")
          sleep(600)
          """
        )
      ])
    let book = try TestBook(["01-orphans.md": source])
    let rlbook = try book.startTool(["build"])
    let started = ProcessProbe.waitUntil(120) {
      !ProcessProbe.living(withArgument: child).isEmpty
        && !ProcessProbe.living(withArgument: escaped).isEmpty
    }
    kill(rlbook.processIdentifier, SIGKILL)
    rlbook.waitUntilExit()
    #expect(started, "the cell's processes never started")
    #expect(
      ProcessProbe.waitUntil(5) {
        ProcessProbe.living(withArgument: child).isEmpty
          && ProcessProbe.living(withArgument: escaped).isEmpty
      }, "a process of the killed build survived")
  }

  /// `kill -9` of rlbook while swiftc compiles a chapter: the compiler and its frontend
  /// processes die at once.
  @Test(.timeLimit(.minutes(3)))
  func killingRlbookDuringACompileLeavesNoCompilerBehind() throws {
    // Three thousand top-level constants keep swiftc busy for about half a minute (measured:
    // 27 s on two cores), far longer than the 3 s the check below allows a survivor.
    let code = (0..<3000).map { "let v\($0) = \($0) &+ 1" }.joined(separator: "\n")
    let book = try TestBook(["01-slow.md": chapter("Slow", [("", code + "\nprint(v1)")])])
    let marker = "01-slow-run/main.swift"
    let rlbook = try book.startTool(["build"])
    let compiling = ProcessProbe.waitUntil(60) {
      !ProcessProbe.living(withArgument: marker, inside: true).isEmpty
    }
    usleep(300_000)  // let the driver start its frontend
    kill(rlbook.processIdentifier, SIGKILL)
    rlbook.waitUntilExit()
    #expect(compiling, "swiftc never started")
    #expect(
      ProcessProbe.waitUntil(3) {
        ProcessProbe.living(withArgument: marker, inside: true).isEmpty
      }, "swiftc survived the killed build")
  }

  /// A cell sees only standard input, output and error: none of rlbook's descriptors (its
  /// lock and cache files, pipes, `serve`'s socket).
  @Test func aCellSeesOnlyTheThreeStandardDescriptors() throws {
    let source = chapter(
      "Descriptors",
      [
        (
          "",
          """
          import Glibc
          let listing = opendir("/proc/self/fd")!
          let own = dirfd(listing)
          var seen: [Int32] = []
          while let entry = readdir(listing) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) {
              String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self)
            }
            guard let number = Int32(name), number != own else { continue }
            // The harness's own file (opened by the program, close-on-exec) is not inherited.
            var target = [CChar](repeating: 0, count: 4096)
            let length = readlink("/proc/self/fd/" + name, &target, 4095)
            let path = length > 0 ? String(cString: target) : ""
            let harnessOwn = path.hasSuffix("/write-failure") && fcntl(number, F_GETFD) & FD_CLOEXEC != 0
            if !harnessOwn { seen.append(number) }
          }
          closedir(listing)
          print(seen.sorted())
          """
        )
      ])
    let book = try TestBook(["01-descriptors.md": source])
    let (status, stderr) = try book.runTool(["build"])
    #expect(status == 0, "\(stderr)")
    let outputs = try #require(book.recorded("01-descriptors"))
    #expect(printedText(outputs[0]) == "[0, 1, 2]")
  }
}
