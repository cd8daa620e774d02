import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// `rlbook serve` end to end: the real binary on a throwaway book, spoken to over raw
/// sockets the way a hostile page, a broken client or a browser during a rebuild would.
@Suite struct ServeTests {
  private static let prose = "# Preview\n\nSome prose to serve.\n"

  /// Request lines and header sections are bounded (414, 431) and read in linear time, so
  /// two clients sending 64 KiB URLs neither wait long for their answer nor hold up a
  /// normal GET; HEAD, the Host check and the method check answer as HTTP says.
  @Test(.timeLimit(.minutes(3)))
  func boundsRequestHeadsAndChecksTheHost() throws {
    let book = try TestBook(["01-preview.md": Self.prose])
    let serve = try ServeProcess(book)
    let host = serve.host

    let longURL = "GET /" + String(repeating: "a", count: 64 * 1024) + " HTTP/1.1\r\n"
    let attackers = try (0..<2).map { _ in try RawConnection(port: serve.port) }
    for attacker in attackers { attacker.send(longURL + "Host: \(host)\r\n\r\n") }
    let started = Date()
    #expect(try serve.get("/")?.status == 200)
    let elapsed = Date().timeIntervalSince(started)
    #expect(elapsed < 2, "a GET took \(elapsed) s while two 64 KiB URLs arrived")
    for attacker in attackers {
      #expect(attacker.readResponse(within: 5)?.status == 414)
      #expect(attacker.readUntilClosed(within: 5), "the connection stays open after 414")
    }

    let hugeHeader = try RawConnection(port: serve.port)
    hugeHeader.send(
      "GET / HTTP/1.1\r\nHost: \(host)\r\nX-Big: \(String(repeating: "b", count: 64 * 1024))\r\n\r\n"
    )
    #expect(hugeHeader.readResponse(within: 5)?.status == 431)
    let manyHeaders = try RawConnection(port: serve.port)
    manyHeaders.send(
      "GET / HTTP/1.1\r\nHost: \(host)\r\n" + (0..<500).map { "X-\($0): v\r\n" }.joined() + "\r\n")
    #expect(manyHeaders.readResponse(within: 5)?.status == 431)

    // HEAD: GET's headers and Content-Length, no body. The pipelined request after it is
    // read right after HEAD's header section, which proves no body bytes were sent.
    let page = try #require(try serve.get("/"))
    #expect(page.text.contains("live reload */") && page.text.hasSuffix("</body>\n</html>\n"))
    let pipelined = try RawConnection(port: serve.port)
    pipelined.send(
      "HEAD / HTTP/1.1\r\nHost: \(host)\r\n\r\n"
        + "GET /__rlbook/status HTTP/1.1\r\nHost: \(host)\r\nConnection: close\r\n\r\n")
    let head = pipelined.readResponse(within: 5, head: true)
    #expect(head?.status == 200)
    #expect(head?.headers["content-length"] == String(page.body.count))
    #expect(head?.headers["content-type"] == page.headers["content-type"])
    let status = pipelined.readResponse(within: 5)
    #expect(status?.status == 200 && status?.text.hasPrefix("{\"generation\":") == true)
    #expect(pipelined.readUntilClosed(within: 5) && pipelined.leftover.isEmpty)

    // Only 127.0.0.1:PORT and localhost:PORT are served (DNS rebinding).
    let port = serve.port
    for other in [
      "evil.example", "evil.example:\(port)", "127.0.0.1:\(port &+ 1)", "127.0.0.1",
      "localhost.evil.example:\(port)", "[::1]:\(port)",
    ] {
      let response = try rawRequest(port: port, "GET", "/", host: other)
      #expect(response?.status == 421, "Host: \(other)")
      #expect(response?.text.contains("127.0.0.1:\(port)") == true)
    }
    #expect(try rawRequest(port: port, "GET", "/", host: "LocalHost:\(port)")?.status == 200)
    #expect(try rawRequest(port: port, "GET", "/", host: nil)?.status == 400)
    let twoHosts = try RawConnection(port: port)
    twoHosts.send("GET / HTTP/1.1\r\nHost: \(host)\r\nHost: evil.example\r\n\r\n")
    #expect(twoHosts.readResponse(within: 5)?.status == 400)
    let oldClient = try RawConnection(port: port)
    oldClient.send("GET / HTTP/1.0\r\n\r\n")
    #expect(oldClient.readResponse(within: 5)?.status == 200)
    let post = try rawRequest(port: port, "POST", "/", host: host)
    #expect(post?.status == 405 && post?.headers["allow"] == "GET, HEAD")
    let malformed = try RawConnection(port: port)
    malformed.send("GET /\r\n\r\n")
    #expect(malformed.readResponse(within: 5)?.status == 400)
  }

  /// Nothing outside `site/` is served, however the path is spelled.
  @Test(.timeLimit(.minutes(3)))
  func refusesPathsOutsideTheSite() throws {
    let book = try TestBook(["01-preview.md": Self.prose])
    let serve = try ServeProcess(book)
    let site = book.root.appendingPathComponent("site")
    try FileManager.default.createSymbolicLink(
      atPath: site.appendingPathComponent("leak.html").path,
      withDestinationPath: book.root.appendingPathComponent("book.toml").path)
    try FileManager.default.createSymbolicLink(
      atPath: site.appendingPathComponent("etc").path, withDestinationPath: "/etc")
    let attempts = [
      "/../book.toml", "/%2e%2e/book.toml", "/%2E%2E%2Fbook.toml", "/x/..%2f..%2fbook.toml",
      "/%252e%252e/book.toml", "/..%5cbook.toml", "/%2e%2e%5cbook.toml", "/%00/../book.toml",
      "/leak.html", "/etc/passwd", "//etc/passwd", "/%2Fetc%2Fpasswd", "/etc/hostname",
      "etc/passwd", "http://\(serve.host)/../book.toml", "/./book.toml", "/.rlbook-cache/",
    ]
    for path in attempts {
      let response = try rawRequest(port: serve.port, "GET", path, host: serve.host)
      #expect([400, 403, 404].contains(response?.status ?? 0), "\(path): \(response?.status ?? 0)")
      #expect(response?.text.contains("[book]") != true, "\(path) served book.toml")
      #expect(response?.text.contains("root:") != true, "\(path) served /etc/passwd")
    }
    #expect(try serve.get("/index.html")?.status == 200)
  }

  /// A client that trickles its request, or connects and says nothing, is cut off after the
  /// request timeout and never delays anyone else; a flood of idle connections is bounded.
  @Test(.timeLimit(.minutes(3)))
  func slowAndSilentClientsAreTimedOut() throws {
    let book = try TestBook(["01-preview.md": Self.prose])
    let serve = try ServeProcess(book, ["--request-timeout", "1"])
    let opened = Date()
    let silent = try RawConnection(port: serve.port)
    let slow = try RawConnection(port: serve.port)
    slow.send("GET / HTTP/1.1\r\nHost: \(serve.host)\r\nX-Slow: ")
    var worst = 0.0
    for _ in 0..<6 {
      slow.send("s")
      let started = Date()
      #expect(try serve.get("/")?.status == 200)
      worst = max(worst, Date().timeIntervalSince(started))
      usleep(250_000)
    }
    #expect(worst < 2, "a GET took \(worst) s beside a slow client")
    #expect(slow.readResponse(within: 3)?.status == 408)
    #expect(slow.readUntilClosed(within: 3), "the slow client is still connected")
    #expect(silent.readUntilClosed(within: 3), "the silent client is still connected")
    let lifetime = Date().timeIntervalSince(opened)
    #expect(lifetime < 5, "the silent connection lived \(lifetime) s with a 1 s timeout")

    // More idle connections than the server holds: the oldest make room, a GET is answered.
    let idle = try (0..<200).map { _ in try RawConnection(port: serve.port) }
    let started = Date()
    #expect(try serve.get("/")?.status == 200)
    #expect(Date().timeIntervalSince(started) < 2)
    #expect(idle.first?.readUntilClosed(within: 3) == true)
  }

  /// Edits rebuild while requests keep being answered; the port is refused to a second
  /// server clearly; serve's sockets are close-on-exec, so a chapter program inherits none.
  @Test(.timeLimit(.minutes(4)))
  func answersWhileAChapterRebuilds() throws {
    // Counts the descriptors that are TCP sockets (their inode is in /proc/net/tcp).
    let count = """
      import Glibc
      var tcp = Set<String>()
      if let table = fopen("/proc/self/net/tcp", "r") {
        var line = [CChar](repeating: 0, count: 512)
        while fgets(&line, 512, table) != nil {
          let fields = String(cString: line).split(separator: " ")
          if fields.count > 9 { tcp.insert(String(fields[9])) }
        }
        fclose(table)
      }
      var sockets = 0
      for descriptor in 0..<1024 {
        var link = [CChar](repeating: 0, count: 256)
        guard readlink("/proc/self/fd/\\(descriptor)", &link, 255) > 0 else { continue }
        let target = String(cString: link)
        if target.hasPrefix("socket:["), tcp.contains(String(target.dropFirst(8).dropLast())) {
          sockets += 1
        }
      }
      print("inherited TCP sockets:", sockets)
      """
    let version = { (pause: Int) in chapter("Rebuild", [("", count + "\nusleep(\(pause))")]) }
    let book = try TestBook(["01-rebuild.md": version(0)])
    let serve = try ServeProcess(book)

    let second = try book.runTool(["serve", "--port", String(serve.port)], limit: 60)
    #expect(second.status == 1)
    #expect(second.stderr.contains("port \(serve.port) is in use; choose another with --port"))
    #expect(!second.stderr.contains("serving"), "\(second.stderr)")

    // Serve's own sockets (the TCP ones; a test runner may hand it others) are close-on-exec.
    let idle = try RawConnection(port: serve.port)
    idle.send("GET")
    usleep(200_000)
    // Read to the end: a String read of a /proc file may stop after its first page.
    let table = FileHandle(forReadingAtPath: "/proc/net/tcp")?.readDataToEndOfFile() ?? Data()
    let tcp = Set(
      String(decoding: table, as: UTF8.self).split(separator: "\n").compactMap { line in
        let fields = line.split(separator: " ")
        return fields.count > 9 ? String(fields[9]) : nil
      })
    let process = "/proc/\(serve.process.processIdentifier)"
    var sockets = 0
    for name in try FileManager.default.contentsOfDirectory(atPath: "\(process)/fd") {
      let link = try? FileManager.default.destinationOfSymbolicLink(atPath: "\(process)/fd/\(name)")
      guard let link, link.hasPrefix("socket:["), tcp.contains(String(link.dropFirst(8).dropLast()))
      else { continue }
      sockets += 1
      let info = try String(contentsOfFile: "\(process)/fdinfo/\(name)", encoding: .utf8)
      let flags =
        info.split(separator: "\n").first { $0.hasPrefix("flags:") }
        .flatMap { Int($0.split(whereSeparator: \.isWhitespace).last ?? "", radix: 8) } ?? 0
      #expect(flags & 0o2_000_000 != 0, "serve's socket \(name) is not close-on-exec")
    }
    #expect(sockets >= 2, "the listening socket and a connection")

    try book.write("01-rebuild.md", version(1_500_000))
    let noticed = Date()
    while serve.status()?["building"] as? Bool != true {
      try #require(Date().timeIntervalSince(noticed) < 10, "the edit was not noticed")
      usleep(50_000)
    }
    // 24 requests in flight at once, pages and the status, while the chapter compiles and runs.
    let started = Date()
    let clients = try (0..<24).map { _ in try RawConnection(port: serve.port) }
    for (index, client) in clients.enumerated() {
      let path = index.isMultiple(of: 2) ? "/" : "/__rlbook/status"
      client.send("GET \(path) HTTP/1.1\r\nHost: \(serve.host)\r\nConnection: close\r\n\r\n")
    }
    let statuses = clients.map { $0.readResponse(within: 5)?.status ?? 0 }
    let elapsed = Date().timeIntervalSince(started)
    #expect(statuses == Array(repeating: 200, count: 24))
    #expect(elapsed < 2, "24 requests took \(elapsed) s during a rebuild")
    #expect(serve.status()?["building"] as? Bool == true, "the rebuild ended before the requests")
    while (serve.status()?["generation"] as? Int ?? 0) < 2 {
      try #require(Date().timeIntervalSince(noticed) < 120, "the rebuild did not finish")
      usleep(100_000)
    }
    #expect(book.read("chapters/01-rebuild.out")?.contains("inherited TCP sockets: 0") == true)
  }
}
