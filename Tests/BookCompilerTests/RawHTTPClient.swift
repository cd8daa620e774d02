import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// A response as a test reads it off the wire.
struct RawResponse {
  /// The status code.
  var status: Int
  /// The header fields, names in lower case.
  var headers: [String: String]
  /// The body (empty for `HEAD`).
  var body: [UInt8]
  /// The body as text.
  var text: String { String(decoding: body, as: UTF8.self) }
}

/// One TCP connection to 127.0.0.1 that sends exactly the bytes a test gives it, to play a
/// browser, a hostile page or a broken client, and reads with deadlines so a test never hangs.
final class RawConnection {
  private let descriptor: Int32
  private var received = [UInt8]()
  /// Whether the server has closed its side.
  private(set) var closedByPeer = false

  /// Connects to 127.0.0.1:`port`.
  init(port: UInt16) throws {
    descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = port.bigEndian
    address.sin_addr.s_addr = UInt32(0x7f00_0001).bigEndian
    let result = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
      }
    }
    guard result == 0 else {
      close(descriptor)
      throw MissingPrerequisite(description: "cannot connect to 127.0.0.1:\(port)")
    }
  }

  deinit { close(descriptor) }

  /// Sends `text`'s bytes; false when the server no longer takes them.
  @discardableResult
  func send(_ text: String) -> Bool { send(Array(text.utf8)) }

  /// Sends `bytes`; false when the server no longer takes them.
  @discardableResult
  func send(_ bytes: [UInt8]) -> Bool {
    var sent = 0
    while sent < bytes.count {
      let count = bytes.withUnsafeBytes {
        Glibc.send(descriptor, $0.baseAddress! + sent, bytes.count - sent, Int32(MSG_NOSIGNAL))
      }
      if count <= 0 { return false }
      sent += count
    }
    return true
  }

  /// Reads whatever arrives for at most `seconds`, stopping early when the server closes.
  /// Returns false when the time ran out with the connection still open.
  @discardableResult
  func readUntilClosed(within seconds: Double) -> Bool {
    let deadline = Date().addingTimeInterval(seconds)
    while !closedByPeer && Date() < deadline { readSome(until: deadline) }
    return closedByPeer
  }

  /// Reads one response (its body by `Content-Length`; none for `HEAD`), or `nil` when it
  /// does not arrive complete within `seconds`.
  func readResponse(within seconds: Double, head: Bool = false) -> RawResponse? {
    let deadline = Date().addingTimeInterval(seconds)
    while true {
      if let response = takeResponse(head: head) { return response }
      if closedByPeer || Date() >= deadline { return nil }
      readSome(until: deadline)
    }
  }

  /// Bytes received and not yet taken as a response.
  var leftover: [UInt8] { received }

  private func readSome(until deadline: Date) {
    var entry = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
    let milliseconds = max(0, Int32(deadline.timeIntervalSinceNow * 1000))
    guard poll(&entry, 1, milliseconds) > 0 else { return }
    var chunk = [UInt8](repeating: 0, count: 65536)
    let count = chunk.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
    if count > 0 {
      received += chunk.prefix(count)
    } else {
      closedByPeer = true
    }
  }

  private func takeResponse(head: Bool) -> RawResponse? {
    let separator = Array("\r\n\r\n".utf8)
    guard
      let end = received.indices.dropLast(3).first(where: {
        Array(received[$0..<$0 + 4]) == separator
      })
    else { return nil }
    let lines = String(decoding: received[..<end], as: UTF8.self).components(separatedBy: "\r\n")
    let statusParts = lines[0].split(separator: " ")
    guard statusParts.count >= 2, let status = Int(statusParts[1]) else { return nil }
    var headers = [String: String]()
    for line in lines.dropFirst() {
      guard let colon = line.firstIndex(of: ":") else { continue }
      headers[line[..<colon].lowercased()] = line[line.index(after: colon)...]
        .trimmingCharacters(in: .whitespaces)
    }
    let length = head ? 0 : Int(headers["content-length"] ?? "0") ?? 0
    let bodyStart = end + 4
    guard received.count >= bodyStart + length else { return nil }
    let body = Array(received[bodyStart..<bodyStart + length])
    received.removeFirst(bodyStart + length)
    return RawResponse(status: status, headers: headers, body: body)
  }
}

/// One request on a fresh connection: `METHOD path HTTP/1.1`, the `Host` (none when `nil`),
/// `Connection: close`; the response, or `nil` when none arrives within `seconds`.
func rawRequest(
  port: UInt16, _ method: String = "GET", _ path: String, host: String? = nil,
  within seconds: Double = 5
) throws -> RawResponse? {
  let connection = try RawConnection(port: port)
  var text = "\(method) \(path) HTTP/1.1\r\n"
  if let host { text += "Host: \(host)\r\n" }
  text += "Connection: close\r\n\r\n"
  connection.send(text)
  return connection.readResponse(within: seconds, head: method == "HEAD")
}
