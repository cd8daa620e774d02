import Foundation

/// The head of one HTTP/1.x request: its request line and header fields, as sent.
struct RequestHead: Sendable, Equatable {
  /// The method, such as `GET` (case-sensitive, as HTTP defines it).
  var method: String
  /// The request target, such as `/01-the-loop.html?x=1`.
  var target: String
  /// The minor version of HTTP/1.x: 0 or 1.
  var minorVersion: Int
  /// The header fields in order, names as sent.
  var headers: [(name: String, value: String)]

  /// Every value of the header called `name` (compared without regard to case).
  func values(of name: String) -> [String] {
    headers.filter { $0.name.lowercased() == name.lowercased() }.map(\.value)
  }

  /// Whether the client asks to keep the connection open after the response: HTTP/1.1
  /// unless it says `Connection: close`; HTTP/1.0 never here.
  var keepsAlive: Bool {
    guard minorVersion >= 1 else { return false }
    let tokens = values(of: "Connection").flatMap { $0.split(separator: ",") }
    return !tokens.contains { $0.trimmingCharacters(in: .whitespaces).lowercased() == "close" }
  }

  static func == (lhs: RequestHead, rhs: RequestHead) -> Bool {
    lhs.method == rhs.method && lhs.target == rhs.target && lhs.minorVersion == rhs.minorVersion
      && lhs.headers.map(\.name) == rhs.headers.map(\.name)
      && lhs.headers.map(\.value) == rhs.headers.map(\.value)
  }
}
