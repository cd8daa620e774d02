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
}
