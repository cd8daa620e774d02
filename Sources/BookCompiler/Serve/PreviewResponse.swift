/// One response of `rlbook serve`: a status, a content type and a body, always sent with its
/// `Content-Length` and `Cache-Control: no-store`.
struct PreviewResponse: Sendable {
  /// The status.
  var status: HTTPStatus
  /// The `Content-Type`.
  var contentType: String
  /// The body (not sent in answer to `HEAD`, but still counted in `Content-Length`).
  var body: [UInt8]
  /// Whether the connection ends after this response.
  var closesConnection = false
  /// More header fields, such as `Allow`.
  var extraHeaders: [(name: String, value: String)] = []

  /// A plain-text response: `text` and a line break.
  static func text(_ status: HTTPStatus, _ text: String, closing: Bool = false) -> Self {
    PreviewResponse(
      status: status, contentType: "text/plain; charset=utf-8", body: Array((text + "\n").utf8),
      closesConnection: closing)
  }

  /// The bytes on the wire: the status line, the header fields and, unless `head`, the body.
  func encoded(head: Bool) -> [UInt8] {
    var lines = [
      "HTTP/1.1 \(status.code) \(status.reason)",
      "Content-Type: \(contentType)",
      "Content-Length: \(body.count)",
      "Cache-Control: no-store",
      "X-Content-Type-Options: nosniff",
    ]
    lines += extraHeaders.map { "\($0.name): \($0.value)" }
    if closesConnection { lines.append("Connection: close") }
    var bytes = Array((lines.joined(separator: "\r\n") + "\r\n\r\n").utf8)
    if !head { bytes += body }
    return bytes
  }
}
