import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// The real `rlbook serve` on a test book, on a port the kernel chooses (`--port 0`),
/// stopped when the value goes away.
final class ServeProcess: @unchecked Sendable {
  let book: TestBook
  let process: Process
  /// The port it printed in its "serving" line.
  let port: UInt16

  /// Starts `rlbook serve --port 0 EXTRA…` and waits until it serves and its first build is
  /// done (at most `limit` seconds).
  init(_ book: TestBook, _ extra: [String] = [], limit: Double = 120) throws {
    self.book = book
    process = try book.startTool(["serve", "--port", "0"] + extra)
    let started = Date()
    var port: UInt16?
    while port == nil {
      let log = book.read(".stderr-\(process.processIdentifier)") ?? ""
      if let range = log.range(
        of: #"serving site/ at http://127\.0\.0\.1:\d+/"#, options: .regularExpression)
      {
        port = UInt16(log[range].split(separator: ":").last!.dropLast())
      } else if !process.isRunning || Date().timeIntervalSince(started) > limit {
        process.terminate()
        throw MissingPrerequisite(description: "rlbook serve did not start:\n\(log)")
      } else {
        usleep(20_000)
      }
    }
    self.port = port!
    while (status()?["generation"] as? Int ?? 0) < 1 {
      let failed = (status()?["errors"] as? String ?? "").isEmpty == false
      if failed || Date().timeIntervalSince(started) > limit {
        throw MissingPrerequisite(description: "the first build did not succeed:\n\(log)")
      }
      usleep(50_000)
    }
  }

  deinit {
    if process.isRunning {
      process.terminate()
      process.waitUntilExit()
    }
  }

  /// What serve printed so far.
  var log: String { book.read(".stderr-\(process.processIdentifier)") ?? "" }

  /// `Host: 127.0.0.1:PORT`'s value.
  var host: String { "127.0.0.1:\(port)" }

  /// The build status the pages poll, decoded.
  func status() -> [String: Any]? {
    guard let response = try? rawRequest(port: port, "GET", "/__rlbook/status", host: host),
      response.status == 200
    else { return nil }
    return (try? JSONSerialization.jsonObject(with: Data(response.body))) as? [String: Any]
  }

  /// A GET of `path` with the right `Host`.
  func get(_ path: String, within seconds: Double = 5) throws -> RawResponse? {
    try rawRequest(port: port, "GET", path, host: host, within: seconds)
  }
}
