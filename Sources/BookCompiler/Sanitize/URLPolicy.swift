/// Decides whether a link or image address is safe: only `http`, `https`, `mailto` and
/// relative addresses (including `#fragment`s) are allowed.
///
/// The check sees what a browser sees: it is given the value after character references are
/// decoded, and it ignores case and the whitespace and control characters that browsers
/// strip from addresses, so `jav&#x09;ascript:` and ` JaVaScRiPt:` are both refused.
enum URLPolicy {
  /// The schemes an address may have.
  static let allowedSchemes: Set<String> = ["http", "https", "mailto"]

  /// Whether `url` (already decoded) is allowed.
  static func isAllowed(_ url: String) -> Bool {
    let compact = String(
      String.UnicodeScalarView(url.unicodeScalars.filter { $0.value > 0x20 && $0.value != 0x7F })
    ).lowercased()
    guard let colon = compact.firstIndex(of: ":") else { return true }
    let beforeColon = compact[..<colon]
    if beforeColon.contains(where: { $0 == "/" || $0 == "?" || $0 == "#" }) { return true }
    return allowedSchemes.contains(String(beforeColon))
  }

  /// Whether `url` (already decoded) refers to a part of the same picture: `#id`.
  static func isFragment(_ url: String) -> Bool {
    url.hasPrefix("#") && !url.unicodeScalars.contains { $0.value <= 0x20 || $0.value == 0x7F }
  }
}
