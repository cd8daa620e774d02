/// Reads a request head out of the bytes a connection has received so far, in one linear
/// pass however the bytes arrive, and refuses it as soon as it breaks a limit: a request
/// line longer than `ServeLimits.maxRequestLine` is `414`, header lines past
/// `maxHeaderBytes` or `maxHeaderCount` are `431`, anything malformed is `400`. So the work
/// and the memory one request can cost are bounded before it is complete.
struct RequestHeadReader {
  /// What the bytes so far amount to.
  enum Outcome: Equatable {
    /// The head is not complete yet.
    case needMore
    /// A complete head, and how many bytes of the buffer it took (a next request may follow).
    case complete(RequestHead, length: Int)
    /// The request is refused with this status and a short reason; the connection ends.
    case refused(HTTPStatus, String)
  }

  private let limits: ServeLimits
  /// Where the line being read starts in the buffer.
  private var lineStart = 0
  /// Where the search for the next line feed resumes, so no byte is looked at twice.
  private var scanned = 0
  /// The request line, once read.
  private var request: (method: String, target: String, minor: Int)?
  /// Where the header lines start in the buffer.
  private var headerStart = 0
  private var headers: [(name: String, value: String)] = []

  /// A reader for one request.
  init(limits: ServeLimits) {
    self.limits = limits
  }

  /// Looks at `buffer`: the connection's received bytes, which start with the request. Each
  /// call must see the bytes of the previous call unchanged, and perhaps more after them.
  mutating func read(_ buffer: [UInt8]) -> Outcome {
    while let newline = buffer[scanned...].firstIndex(of: UInt8(ascii: "\n")) {
      scanned = newline + 1
      var end = newline
      if end > lineStart && buffer[end - 1] == UInt8(ascii: "\r") { end -= 1 }
      let line = buffer[lineStart..<end]
      lineStart = newline + 1
      guard let request else {
        if lineStart > limits.maxRequestLine { return uriTooLong }
        // Empty lines before a request line are ignored (RFC 9112, section 2.2).
        if line.isEmpty { continue }
        switch Self.parseRequestLine(line) {
        case .success(let parsed):
          self.request = parsed
          headerStart = lineStart
          continue
        case .failure(let refusal):
          return .refused(refusal.status, refusal.reason)
        }
      }
      if line.isEmpty {
        let head = RequestHead(
          method: request.method, target: request.target, minorVersion: request.minor,
          headers: headers)
        return .complete(head, length: lineStart)
      }
      if lineStart - headerStart > limits.maxHeaderBytes || headers.count >= limits.maxHeaderCount {
        return headersTooLarge
      }
      guard let field = Self.parseHeader(line) else {
        return .refused(.badRequest, "a header line is malformed")
      }
      headers.append(field)
    }
    scanned = buffer.count
    if request == nil {
      if buffer.count > limits.maxRequestLine { return uriTooLong }
    } else if buffer.count - headerStart > limits.maxHeaderBytes {
      return headersTooLarge
    }
    return .needMore
  }

  private var uriTooLong: Outcome {
    .refused(.uriTooLong, "the request line is longer than \(limits.maxRequestLine) bytes")
  }

  private var headersTooLarge: Outcome {
    .refused(
      .headerFieldsTooLarge,
      "the header fields are larger than \(limits.maxHeaderBytes) bytes"
        + " or more than \(limits.maxHeaderCount) lines")
  }

  /// Why a line was refused.
  private struct Refusal: Error {
    var status: HTTPStatus
    var reason: String
  }

  /// `METHOD SP TARGET SP HTTP/1.x`, strictly: one space between the parts, a token as the
  /// method, visible ASCII in the target.
  private static func parseRequestLine(
    _ line: ArraySlice<UInt8>
  ) -> Result<(method: String, target: String, minor: Int), Refusal> {
    let parts = line.split(separator: UInt8(ascii: " "), omittingEmptySubsequences: false)
    guard parts.count == 3, !parts[0].isEmpty, parts[0].allSatisfy(isTokenByte),
      !parts[1].isEmpty, parts[1].allSatisfy({ $0 > 0x20 && $0 < 0x7f })
    else {
      return .failure(Refusal(status: .badRequest, reason: "the request line is malformed"))
    }
    let version = String(decoding: parts[2], as: UTF8.self)
    let minor: Int
    switch version {
    case "HTTP/1.1": minor = 1
    case "HTTP/1.0": minor = 0
    case _ where version.hasPrefix("HTTP/"):
      return .failure(
        Refusal(status: .versionNotSupported, reason: "only HTTP/1.0 and HTTP/1.1 are served"))
    default:
      return .failure(Refusal(status: .badRequest, reason: "the request line is malformed"))
    }
    return .success(
      (String(decoding: parts[0], as: UTF8.self), String(decoding: parts[1], as: UTF8.self), minor))
  }

  /// `name: value`, the name a token (so a folded continuation line, which starts with a
  /// space, is refused), the value without surrounding blanks or control characters.
  private static func parseHeader(_ line: ArraySlice<UInt8>) -> (name: String, value: String)? {
    guard let colon = line.firstIndex(of: UInt8(ascii: ":")), colon > line.startIndex,
      line[..<colon].allSatisfy(isTokenByte)
    else { return nil }
    var value = line[(colon + 1)...]
    while let first = value.first, first == 0x20 || first == 0x09 { value = value.dropFirst() }
    while let last = value.last, last == 0x20 || last == 0x09 { value = value.dropLast() }
    guard value.allSatisfy({ $0 >= 0x20 && $0 != 0x7f || $0 == 0x09 }) else { return nil }
    return (String(decoding: line[..<colon], as: UTF8.self), String(decoding: value, as: UTF8.self))
  }

  /// A byte of an HTTP token (RFC 9110, section 5.6.2).
  private static func isTokenByte(_ byte: UInt8) -> Bool {
    switch byte {
    case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
      UInt8(ascii: "0")...UInt8(ascii: "9"):
      true
    default:
      tokenPunctuation.contains(byte)
    }
  }

  private static let tokenPunctuation = Array("!#$%&'*+-.^_`|~".utf8)
}
