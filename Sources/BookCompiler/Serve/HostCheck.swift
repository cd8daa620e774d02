/// Which `Host` a request to `rlbook serve` may name: only `127.0.0.1:PORT` and
/// `localhost:PORT` (without the port too when it is 80), in any case.
///
/// A page on another site can point its own host name at 127.0.0.1 (DNS rebinding) and then
/// read the preview as if it were its own; such a request still names that other host, and
/// is refused.
enum HostCheck {
  /// Whether `host`, the value of a request's `Host` header, names this server on `port`.
  static func allows(_ host: String, port: UInt16) -> Bool {
    let host = host.lowercased()
    return ["127.0.0.1", "localhost"].contains { name in
      host == "\(name):\(port)" || (port == 80 && host == name)
    }
  }
}
