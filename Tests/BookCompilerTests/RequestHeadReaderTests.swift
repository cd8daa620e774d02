import Foundation
import Testing

@testable import BookCompiler

/// The request head reader of `rlbook serve`: linear however the bytes arrive, bounded, strict.
@Suite struct RequestHeadReaderTests {
  private static let head =
    "GET /01-a.html?x=1 HTTP/1.1\r\nHost: 127.0.0.1:8000\r\nAccept:  text/html \r\n\r\n"

  /// Feeds `bytes` in pieces of `step` bytes, as a socket might deliver them.
  private static func feed(
    _ bytes: [UInt8], step: Int, limits: ServeLimits = ServeLimits()
  ) -> RequestHeadReader.Outcome {
    var reader = RequestHeadReader(limits: limits)
    var buffer = [UInt8]()
    var start = 0
    while start < bytes.count {
      buffer += bytes[start..<min(start + step, bytes.count)]
      start += step
      let outcome = reader.read(buffer)
      if outcome != .needMore { return outcome }
    }
    return .needMore
  }

  @Test func aHeadReadsTheSameInOnePieceOrByteByByte() {
    let bytes = Array((Self.head + "GET /next HTTP/1.1\r\n").utf8)
    let expected = RequestHead(
      method: "GET", target: "/01-a.html?x=1", minorVersion: 1,
      headers: [("Host", "127.0.0.1:8000"), ("Accept", "text/html")])
    let length = Self.head.utf8.count
    #expect(Self.feed(bytes, step: bytes.count) == .complete(expected, length: length))
    #expect(Self.feed(bytes, step: 1) == .complete(expected, length: length))
    // Bare line feeds and empty lines before the request line are accepted.
    let loose = Array("\r\n\nGET / HTTP/1.0\nHost: localhost:8000\n\n".utf8)
    guard case .complete(let head, _) = Self.feed(loose, step: 3) else {
      Issue.record("a head with bare line feeds was not read")
      return
    }
    #expect(head.target == "/" && head.minorVersion == 0 && !head.keepsAlive)
  }

  /// Four bytes at a time, a 64 KiB header line costs linear time: milliseconds, where a
  /// reader that rescans the line on each arrival takes most of a minute in a debug build.
  @Test func readingIsLinearInTheHeadsLength() {
    var limits = ServeLimits()
    limits.maxHeaderBytes = 1 << 20
    let bytes = Array(
      ("GET / HTTP/1.1\r\nX-Long: " + String(repeating: "x", count: 64 * 1024) + "\r\n\r\n").utf8)
    let started = Date()
    guard case .complete(let head, _) = Self.feed(bytes, step: 4, limits: limits) else {
      Issue.record("the head was not read")
      return
    }
    #expect(head.headers.first?.value.count == 64 * 1024)
    let seconds = Date().timeIntervalSince(started)
    #expect(seconds < 3, "64 KiB in pieces of 4 bytes took \(seconds) s")
  }

  @Test func limitsAreEnforcedBeforeTheHeadIsComplete() {
    // A request line with no end is refused once it passes the limit, not when it ends.
    let endless = Array(("GET /" + String(repeating: "a", count: 1 << 20)).utf8)
    var reader = RequestHeadReader(limits: ServeLimits())
    #expect(reader.read(Array(endless.prefix(8 * 1024))) == .needMore)
    guard case .refused(let refusal, _) = reader.read(Array(endless.prefix(8 * 1024 + 1))) else {
      Issue.record("an endless request line was not refused")
      return
    }
    #expect(refusal == .uriTooLong)
    let status = { (text: String) -> Int? in
      if case .refused(let status, _) = Self.feed(Array(text.utf8), step: 512) {
        return status.code
      }
      return nil
    }
    let hundred = (0..<100).map { "X-\($0): v\r\n" }.joined()
    #expect(status("GET / HTTP/1.1\r\n" + hundred + "\r\n") == nil)
    #expect(status("GET / HTTP/1.1\r\n" + hundred + "X-100: v\r\n\r\n") == 431)
    #expect(status("GET / HTTP/1.1\r\nX: " + String(repeating: "y", count: 40_000)) == 431)
    #expect(status("GET / HTTP/2.0\r\n\r\n") == 505)
    for malformed in [
      "GET /\r\n\r\n", "GET  / HTTP/1.1\r\n\r\n", "GET / HTTP/1.1 \r\n\r\n",
      "G(T / HTTP/1.1\r\n\r\n",
      "GET /a\u{7f} HTTP/1.1\r\n\r\n", "GET / HTTP/1.1\r\nHost: a\r\n folded\r\n\r\n",
      "GET / HTTP/1.1\r\nNo colon\r\n\r\n", "GET / HTTP/1.1\r\n: empty name\r\n\r\n",
      "GET / HTTP/1.1\r\nX: a\u{1}b\r\n\r\n",
    ] {
      #expect(status(malformed) == 400, "\(malformed.debugDescription)")
    }
  }

  @Test func onlyTheServersOwnHostNamesAreAllowed() {
    for host in ["127.0.0.1:8000", "localhost:8000", "LOCALHOST:8000"] {
      #expect(HostCheck.allows(host, port: 8000), "\(host)")
    }
    for host in [
      "127.0.0.1", "localhost", "127.0.0.1:8001", "evil.example:8000", "localhost.evil:8000",
      "127.0.0.1:8000.evil", "[::1]:8000", "", "127.0.0.1:08000",
    ] {
      #expect(!HostCheck.allows(host, port: 8000), "\(host)")
    }
    #expect(HostCheck.allows("localhost", port: 80))
  }
}
