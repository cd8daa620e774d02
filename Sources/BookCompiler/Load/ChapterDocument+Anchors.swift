extension ChapterDocument {
  /// The `id` of each heading, in order: a slug of its text (formulas as their TeX), never
  /// one the layout reserves, and unique within the page (`-2`, `-3`… on repeats). Links from
  /// other chapters are checked against these.
  var headingAnchors: [String] {
    let tex = formulas.map(\.source)
    var used = Set<String>()
    return parsed.headings.map { heading in
      let text = Formula.substitute(heading.text, tex)
      let slug = HTML.slug(text.replacingOccurrences(of: "\\", with: " "))
      let base = ProseAllowlist.isAllowedId(slug) ? slug : "section-" + slug
      var anchor = base
      var n = 2
      while used.contains(anchor) {
        anchor = base + "-\(n)"
        n += 1
      }
      used.insert(anchor)
      return anchor
    }
  }
}
