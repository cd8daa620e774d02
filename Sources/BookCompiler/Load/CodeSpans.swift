/// Code spans in Markdown text, as cmark reads them: a run of n backticks opens one, and the
/// next run of exactly n closes it. Nothing inside is prose.
enum CodeSpans {
  /// The index after the code span that opens at `start` (a backtick); when no run of the same
  /// length closes it, the index after the opening run, whose backticks are then plain text.
  static func end(_ chars: [Unicode.Scalar], at start: Int) -> Int {
    var n = 0
    while start + n < chars.count, chars[start + n] == "`" { n += 1 }
    return closing(chars, from: start + n, count: n) ?? start + n
  }

  /// The index after the next run of exactly `count` backticks at or after `from`.
  static func closing(_ chars: [Unicode.Scalar], from: Int, count: Int) -> Int? {
    var j = from
    while j < chars.count {
      if chars[j] == "`" {
        var n = 0
        while j + n < chars.count, chars[j + n] == "`" { n += 1 }
        if n == count { return j + n }
        j += n
      } else {
        j += 1
      }
    }
    return nil
  }

  /// Copies what at `i` is never prose, an escaped character (`\x`) or a whole code span, into
  /// `out`, counting its line breaks in `line`; returns the index after it, or `nil` when
  /// `chars[i]` starts neither.
  static func copyVerbatim(
    _ chars: [Unicode.Scalar], at i: Int, into out: inout String.UnicodeScalarView,
    line: inout Int
  ) -> Int? {
    if chars[i] == "\\", i + 1 < chars.count, chars[i + 1] != "\n" {
      out.append(chars[i])
      out.append(chars[i + 1])
      return i + 2
    }
    guard chars[i] == "`" else { return nil }
    let end = end(chars, at: i)
    for k in i..<end {
      if chars[k] == "\n" { line += 1 }
      out.append(chars[k])
    }
    return end
  }
}
