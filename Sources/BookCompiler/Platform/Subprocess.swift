import CSystem
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Why rlbook killed a process before it ended by itself.
public enum KillReason: Sendable, Equatable {
  /// A cell ran past its `timeout=`.
  case cellTimeout
  /// swiftc ran for longer than `Subprocess.compilerTimeLimit`.
  case compilerTimeout
  /// A chapter's output could not be kept: its streams passed
  /// `OutputCap.bytesOnDiskPerChapter`, or the disk holding them filled up.
  case outputStopped
}

/// How a child process ended.
public enum Termination: Sendable, Equatable {
  /// It exited with this status.
  case exited(Int32)
  /// A signal killed it (a trap is SIGILL or SIGTRAP).
  case signaled(Int32)
  /// rlbook killed its whole session, for this reason.
  case killed(KillReason)
}

/// The one way rlbook starts a program: swiftc, chapter programs, `node` for KaTeX and
/// `swift build`.
///
/// The program runs in a session and process group of its own, with standard input from a
/// file, its output sent to files, not pipes, so a flood of output costs rlbook no memory
/// and no pipe can fill up and stall, and no other descriptor of rlbook's open.
///
/// It is contained: a small supervisor between rlbook and the program (a child subreaper
/// with a parent-death signal, see `rlbook_spawn_contained` in CSystem) kills every process
/// the program started, whatever session it moved to, when the program ends, when the
/// watchdog asks for it (asked every few milliseconds), and when rlbook dies, even by
/// SIGKILL.
struct Subprocess {
  /// The program's absolute path.
  var executable: String
  /// Its arguments, after its name.
  var arguments: [String]
  /// The folder it starts in.
  var workingDirectory: String
  /// Its environment.
  var environment: [String: String] = ProcessInfo.processInfo.environment
  /// The file it reads as standard input.
  var standardInput = "/dev/null"
  /// The file that receives its standard output (created or truncated).
  var standardOutput: String
  /// The file that receives its standard error (created or truncated).
  var standardError: String
  /// The most writable private memory the program may hold (`RLIMIT_DATA`), in bytes; `nil`
  /// for no limit. Each process it starts inherits the same limit.
  var memoryLimit: Int?

  /// The longest swiftc may run on one chapter before it is killed: 10 minutes.
  static let compilerTimeLimit: Double = 600

  /// What the watchdog tells the runner after each poll.
  enum Verdict {
    case keepWaiting
    case kill(KillReason)
  }

  /// Starts the program and waits for it, asking `watchdog` every few milliseconds.
  func run(watchdog: () -> Verdict = { .keepWaiting }) throws(EnvironmentError) -> Termination {
    try runMeasured(watchdog: watchdog).termination
  }

  /// How a program ended, and the most writable private memory (heap, anonymous mappings,
  /// stacks) it was seen to hold, in bytes.
  struct Ending {
    /// How it ended.
    var termination: Termination
    /// Its peak writable private memory, sampled every 20 ms (0 when unknown).
    var peakMemory: Int
  }

  /// Starts the program contained, waits for it, asking `watchdog` every few milliseconds,
  /// and returns how it ended once it and every process it started are gone.
  func runMeasured(watchdog: () -> Verdict = { .keepWaiting }) throws(EnvironmentError) -> Ending {
    var pipeEnds: [Int32] = [-1, -1]
    guard rlbook_report_pipe(&pipeEnds) == 0 else {
      throw .cannotStart(executable: executable, reason: String(cString: strerror(errno)))
    }
    defer { close(pipeEnds[0]) }
    let argv = ([executable] + arguments).map { strdup($0) } + [nil]
    let envp =
      environment.sorted { $0.key < $1.key }.map { strdup("\($0.key)=\($0.value)") } + [nil]
    let paths = [executable, workingDirectory, standardInput, standardOutput, standardError]
      .map { (path: String) in strdup(path) }
    defer {
      for pointer in argv + envp + paths { free(pointer) }
    }
    let pid = argv.withUnsafeBufferPointer { argv in
      envp.withUnsafeBufferPointer { envp in
        var request = rlbook_contained_spawn(
          path: paths[0], argv: argv.baseAddress, envp: envp.baseAddress, directory: paths[1],
          input: paths[2], output: paths[3], error: paths[4],
          data_limit: Int64(memoryLimit ?? 0), page_size: sysconf(Int32(_SC_PAGESIZE)),
          report_fd: pipeEnds[1])
        return rlbook_spawn_contained(&request)
      }
    }
    let spawnError = errno
    close(pipeEnds[1])
    guard pid > 0 else {
      throw .cannotStart(executable: executable, reason: String(cString: strerror(spawnError)))
    }
    ChildRegistry.shared.add(pid)
    defer { ChildRegistry.shared.remove(pid) }
    var waitStatus: Int32 = 0
    var delay: useconds_t = 1_000
    var killed: KillReason?
    while true {
      let result = waitpid(pid, &waitStatus, WNOHANG)
      if result == pid { break }
      if result < 0 && errno != EINTR { throw .cannotWait(executable: executable) }
      if killed == nil, case .kill(let reason) = watchdog() {
        // The supervisor kills the whole tree, then exits.
        killed = reason
        kill(pid, SIGTERM)
      }
      usleep(delay)
      delay = min(delay * 2, 20_000)
    }
    let report = Self.lastReport(from: pipeEnds[0])
    if let report, report.kind == Int32(RLBOOK_REPORT_CANNOT_START) {
      throw .cannotStart(executable: executable, reason: String(cString: strerror(report.value)))
    }
    let peak = Int(report?.peak_data ?? 0)
    if let killed { return Ending(termination: .killed(killed), peakMemory: peak) }
    // Without a report, the supervisor itself was killed: say how.
    let status =
      report.flatMap { $0.kind == Int32(RLBOOK_REPORT_ENDED) ? $0.value : nil }
      ?? waitStatus
    let low = status & 0x7f
    let termination: Termination = low == 0 ? .exited((status >> 8) & 0xff) : .signaled(low)
    return Ending(termination: termination, peakMemory: peak)
  }

  /// The first start failure in the supervisor's reports, or else its last report.
  private static func lastReport(from descriptor: Int32) -> rlbook_contained_report? {
    var reports = [rlbook_contained_report]()
    var record = rlbook_contained_report()
    let size = MemoryLayout<rlbook_contained_report>.size
    while read(descriptor, &record, size) == size { reports.append(record) }
    return reports.first { $0.kind == Int32(RLBOOK_REPORT_CANNOT_START) }
      ?? reports.last
  }

  /// What a program printed, for the short-lived helpers (`swiftc --version`, `node`,
  /// `swift build`).
  struct Captured {
    /// How it ended.
    var termination: Termination
    /// Its standard output.
    var standardOutput: Data
    /// Its standard error, as text.
    var standardError: String
  }

  /// Runs `executable` with `input` on standard input, in a scratch folder of its own that is
  /// removed afterwards, and returns what it printed.
  static func capture(
    _ executable: String, _ arguments: [String], input: Data = Data(),
    workingDirectory: String? = nil
  ) throws(EnvironmentError) -> Captured {
    let scratch = FileManager.default.temporaryDirectory
      .appendingPathComponent("rlbook-\(Platform.processID)-\(UUID().uuidString)")
    do {
      try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
      try input.write(to: scratch.appendingPathComponent("in"))
    } catch {
      throw .cannotStart(executable: executable, reason: "cannot write \(scratch.path)")
    }
    defer { try? FileManager.default.removeItem(at: scratch) }
    let process = Subprocess(
      executable: executable, arguments: arguments,
      workingDirectory: workingDirectory ?? scratch.path,
      standardInput: scratch.appendingPathComponent("in").path,
      standardOutput: scratch.appendingPathComponent("out").path,
      standardError: scratch.appendingPathComponent("err").path)
    let termination = try process.run()
    return Captured(
      termination: termination,
      standardOutput: (try? Data(contentsOf: scratch.appendingPathComponent("out"))) ?? Data(),
      standardError: (try? String(
        contentsOf: scratch.appendingPathComponent("err"), encoding: .utf8)) ?? "")
  }
}
