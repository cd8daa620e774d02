/// Replaces several literal patterns in one left-to-right pass over the UTF-8 bytes.
///
/// Foundation's `replacingOccurrences` on Linux copies the whole string to UTF-16 for every
/// call, which made rendering a book with megabytes of SVG take seconds; this pass is linear.
enum TextReplacement {
  /// `text` with every occurrence of each pattern replaced. At each position the first
  /// pattern in `pairs` that matches wins, and replaced text is never searched again.
  ///
  /// - Complexity: O(n · k) in the worst case for n bytes and k patterns, and close to O(n)
  ///   when few positions start like a pattern.
  static func replacing(_ text: String, _ pairs: [(String, String)]) -> String {
    let patterns = pairs.filter { !$0.0.isEmpty }.map { (Array($0.0.utf8), Array($0.1.utf8)) }
    guard !patterns.isEmpty else { return text }
    var starts = [Bool](repeating: false, count: 256)
    for (pattern, _) in patterns { starts[Int(pattern[0])] = true }
    var source = text
    return source.withUTF8 { bytes in
      var out = [UInt8]()
      out.reserveCapacity(bytes.count + bytes.count / 16)
      var i = 0
      scan: while i < bytes.count {
        let byte = bytes[i]
        if starts[Int(byte)] {
          for (pattern, replacement) in patterns where pattern.count <= bytes.count - i {
            var k = 1
            while k < pattern.count && bytes[i + k] == pattern[k] { k += 1 }
            if k == pattern.count && bytes[i] == pattern[0] {
              out += replacement
              i += pattern.count
              continue scan
            }
          }
        }
        out.append(byte)
        i += 1
      }
      return String(decoding: out, as: UTF8.self)
    }
  }
}
