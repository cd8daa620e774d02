/// Turns the prose's mentions of other chapters into links: "chapter 10" links to chapter 10's
/// page, and in "chapters 8 and 9" or "chapters 8–12" each number links to its chapter.
///
/// It works on the prose's HTML before cells are spliced in, so no output is touched, and
/// leaves alone text inside links, code, preformatted blocks and headings, a number that is no
/// chapter of the book, and the chapter's own number.
enum ChapterMentions {
  /// `html` with mentions of `chapters` (other than `current`) linked.
  static func link(_ html: String, chapters: [Chapter], current: Chapter) -> String {
    var pages = [Int: String]()
    for chapter in chapters where chapter.number != current.number {
      pages[chapter.number] = chapter.pageName
    }
    guard !pages.isEmpty, html.contains("hapter") else { return html }
    return ProseText.transform(html) { linked($0, pages: pages) }
  }

  /// Text with its mentions linked.
  private static func linked(_ text: Substring, pages: [Int: String]) -> String {
    guard text.contains("hapter") else { return String(text) }
    var out = ""
    var rest = text
    while let word = rest.range(of: "hapter") {
      guard word.lowerBound > rest.startIndex else {
        out += rest[..<word.upperBound]
        rest = rest[word.upperBound...]
        continue
      }
      let start = rest.index(before: word.lowerBound)
      let initial = rest[start]
      let standsAlone =
        start == text.startIndex || !(text[text.index(before: start)].isLetter)
      var after = rest[word.upperBound...]
      let plural = after.first == "s"
      if plural { after = after.dropFirst() }
      guard initial == "c" || initial == "C", standsAlone, after.first == " " else {
        out += rest[..<word.upperBound]
        rest = rest[word.upperBound...]
        continue
      }
      out += rest[..<start]
      let mention = rest[start..<after.startIndex]
      var numbers = after.dropFirst()
      guard let first = number(&numbers) else {
        out += mention
        rest = after
        continue
      }
      if !plural {
        if let page = pages[first.value] {
          out += "<a class=\"xref\" href=\"\(page)\">\(mention) \(first.text)</a>"
        } else {
          out += "\(mention) \(first.text)"
        }
        rest = numbers
        continue
      }
      // "chapters 8, 9 and 10", "chapters 8–12", "chapters 8 to 12".
      out += mention + " " + link(first, pages)
      while true {
        var probe = numbers
        var separator = ""
        for joiner in [", and ", " and ", ", ", "–", "-", " to ", " or "]
        where probe.hasPrefix(joiner) {
          separator = joiner
          probe = probe.dropFirst(joiner.count)
          break
        }
        guard !separator.isEmpty, let next = number(&probe) else { break }
        out += separator + link(next, pages)
        numbers = probe
      }
      rest = numbers
    }
    return out + rest
  }

  /// The number at the start of `text` (not followed by a digit, `.digit` or a letter), which
  /// is consumed.
  private static func number(_ text: inout Substring) -> (value: Int, text: String)? {
    let digits = text.prefix { $0.isASCII && $0.isNumber }
    guard !digits.isEmpty, digits.count <= 4, let value = Int(digits) else { return nil }
    let after = text.dropFirst(digits.count)
    if let next = after.first, next.isLetter { return nil }
    if after.first == ".", let decimal = after.dropFirst().first, decimal.isNumber { return nil }
    text = after
    return (value, String(digits))
  }

  private static func link(_ number: (value: Int, text: String), _ pages: [Int: String]) -> String {
    guard let page = pages[number.value] else { return number.text }
    return "<a class=\"xref\" href=\"\(page)\">\(number.text)</a>"
  }
}
