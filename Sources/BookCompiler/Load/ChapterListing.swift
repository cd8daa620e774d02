/// Checks the chapters that `book.toml` lists against the files in `chapters/`: every listed
/// chapter exists, every chapter file is listed, none is listed twice, and the listing follows
/// the chapters' numbers, so that reading order and numbering always agree.
enum ChapterListing {
  /// The listed files that exist, in reading order, and the problems found.
  ///
  /// - Parameters:
  ///   - manifest: the parsed `book.toml`.
  ///   - files: the `.md` files in `chapters/`.
  static func check(_ manifest: BookManifest, files: [String]) -> (
    ordered: [String], errors: [BookError]
  ) {
    let present = Set(files)
    var seen = [String: String]()
    var ordered = [String]()
    var errors = [BookError]()
    var previous: (number: Int, name: String)?
    for part in manifest.parts {
      for (index, name) in part.chapters.enumerated() {
        let line = index < part.chapterLines.count ? part.chapterLines[index] : part.line
        func fail(_ message: String, _ detail: String? = nil) {
          errors.append(
            BookError(
              stage: .load, path: BookManifest.fileName, line: line ?? part.line, message: message,
              detail: detail))
        }
        if let first = seen[name] {
          fail("\(name) is listed twice: in \(first) and in part '\(part.name)'")
          continue
        }
        seen[name] = "part '\(part.name)'"
        guard present.contains(name) else {
          fail(
            "part '\(part.name)' lists \(name),"
              + " but there is no \(BookLoader.chaptersFolder)/\(name)",
            hint(for: name, among: files))
          continue
        }
        ordered.append(name)
        if let (number, _) = BookLoader.placeInBook(fileName: name) {
          if let previous, number < previous.number {
            fail(
              "\(name) (chapter \(number)) is listed after \(previous.name)"
                + " (chapter \(previous.number)): list chapters in the order of their numbers")
          }
          previous = (number, name)
        }
      }
    }
    for name in files where seen[name] == nil {
      errors.append(
        BookError(
          stage: .load, path: "\(BookLoader.chaptersFolder)/\(name)",
          message: "this chapter is in no part of \(BookManifest.fileName)",
          detail: "add \"\(name)\" to a part's chapters, or move the file out of"
            + " \(BookLoader.chaptersFolder)/"))
    }
    return (ordered, errors)
  }

  /// "did you mean …" for a listed name that is not a file, when a file is close to it.
  private static func hint(for name: String, among files: [String]) -> String? {
    let stem = name.hasSuffix(".md") ? String(name.dropLast(3)) : name
    if let match = files.first(where: { $0 == stem + ".md" }) {
      return "did you mean \"\(match)\"? chapters are listed by file name, with .md"
    }
    if let number = BookLoader.placeInBook(fileName: stem + ".md")?.0,
      let match = files.first(where: { BookLoader.placeInBook(fileName: $0)?.0 == number })
    {
      return "did you mean \"\(match)\"?"
    }
    return nil
  }
}
