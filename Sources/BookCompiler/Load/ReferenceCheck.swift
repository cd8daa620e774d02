/// Checks what the prose of every chapter points at, once all chapters are loaded: each link
/// to another chapter (`NN-slug.md#anchor`) must reach a chapter of the book and one of its
/// headings or cells, and each citation key must be in the bibliography.
enum ReferenceCheck {
  /// Every broken link and unknown citation key, at its chapter and line. Citations are left
  /// alone unless `checkCitations` (not when the bibliography itself failed to load).
  static func problems(
    chapters: [Chapter], bibliography: Bibliography?, checkCitations: Bool = true
  ) -> [BookError] {
    var byFile = [String: Chapter]()
    for chapter in chapters { byFile[chapter.baseName + ".md"] = chapter }
    var anchors = [String: Set<String>]()
    var errors = [BookError]()
    for chapter in chapters {
      for link in chapter.document.parsed.chapterLinks {
        guard let target = byFile[link.file] else {
          errors.append(
            BookError(
              stage: .load, path: chapter.path, line: link.line,
              message: "the link to \(link.file) points at no chapter of the book",
              detail: "chapters: "
                + chapters.map { $0.baseName + ".md" }.joined(separator: ", ")))
          continue
        }
        guard let fragment = link.fragment, !fragment.isEmpty else { continue }
        if anchors[link.file] == nil {
          anchors[link.file] = Set(target.document.headingAnchors).union(
            target.cells.map { "cell-\($0.index + 1)" })
        }
        if !anchors[link.file]!.contains(fragment) {
          errors.append(
            BookError(
              stage: .load, path: chapter.path, line: link.line,
              message: "\(link.file) has no heading or cell '#\(fragment)'",
              detail: "its headings: "
                + target.document.headingAnchors.map { "#" + $0 }.joined(separator: ", ")))
        }
      }
      for reference in chapter.document.references {
        guard checkCitations, case .citation(let keys, _) = reference.kind else { continue }
        for key in keys where bibliography?.works[key] == nil {
          errors.append(
            BookError(
              stage: .load, path: chapter.path, line: reference.line,
              message: bibliography == nil
                ? "[@\(key)] cites a work, but book.toml names no bibliography"
                : "[@\(key)] is not in the bibliography \(bibliography!.path ?? "")",
              detail: bibliography == nil
                ? "add `bibliography = \"references.toml\"` under [book], and the work to that file"
                : "add a table [\(key)] to \(bibliography!.path ?? "the bibliography"),"
                  + " or correct the key"))
        }
      }
    }
    return errors
  }
}
