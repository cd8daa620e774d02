import Foundation

/// Reads a book: its `book.toml`, then every chapter that the book's parts list, in that
/// order. Chapter files are named by their number (`01-first-steps.md`, `02-next.md`, …),
/// and the listing must follow the numbers.
public enum BookLoader {
  /// The chapters folder, relative to the book root.
  public static let chaptersFolder = "chapters"

  /// Loads all chapters under `root`.
  ///
  /// - Throws: `BookErrors` listing every chapter that could not be read or parsed, two
  ///   chapters with the same number, or a missing folder.
  public static func load(root: URL) throws(BookErrors) -> [Chapter] {
    let (chapters, errors) = try loadAll(root: root)
    if !errors.isEmpty { throw BookErrors(errors) }
    return chapters
  }

  /// Loads every chapter that parses, and the errors of those that don't.
  ///
  /// - Throws: only when `book.toml` is missing or invalid, or when there is no chapters
  ///   folder or it holds no chapters.
  public static func loadAll(root: URL) throws(BookErrors) -> (
    chapters: [Chapter], errors: [BookError]
  ) {
    let book = try loadBook(root: root)
    return (book.chapters, book.errors)
  }

  /// Whether a file in `chapters/` is a chapter: a Markdown file, not hidden (editors' lock
  /// files such as `.#01-x.md` and macOS's `._01-x.md` are), and not a `README.md` that
  /// describes the folder. Other files (recorded outputs, pictures) are not chapters.
  static func isChapterFile(_ name: String) -> Bool {
    name.hasSuffix(".md") && !name.hasPrefix(".") && name.lowercased() != "readme.md"
  }

  /// Loads `book.toml`, every listed chapter that parses, and the errors of the others
  /// (including chapters missing from the listing, or listed but missing).
  ///
  /// - Throws: only when `book.toml` is missing or invalid, or when there is no chapters
  ///   folder or it holds no chapters.
  public static func loadBook(root: URL) throws(BookErrors) -> LoadedBook {
    let manifest = try ManifestParser.load(root: root)
    let folder = root.appendingPathComponent(chaptersFolder)
    let names: [String]
    do {
      names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        .filter(isChapterFile).sorted()
    } catch {
      throw BookErrors([
        BookError(
          stage: .load, path: chaptersFolder,
          message: "there is no '\(chaptersFolder)/' folder under \(root.path)",
          detail: "run rlbook from the book's root, or pass --root DIR")
      ])
    }
    if names.isEmpty {
      throw BookErrors([
        BookError(
          stage: .load, path: chaptersFolder, message: "the folder holds no chapters (NN-slug.md)")
      ])
    }
    var chapters = [Chapter]()
    let (listed, listingErrors) = ChapterListing.check(manifest, files: names)
    var errors = listingErrors + SiteFolderCheck.problems(manifest, root: root)
    var byNumber = [Int: String]()
    for name in listed {
      let path = "\(chaptersFolder)/\(name)"
      guard let (number, slug) = placeInBook(fileName: name) else {
        errors.append(
          BookError(
            stage: .load, path: path,
            message: "a chapter's file name must start with its number, as in 01-first-steps.md"))
        continue
      }
      guard isSafeSlug(slug) else {
        errors.append(
          BookError(
            stage: .load, path: path,
            message:
              "a chapter's file name may hold only ASCII letters, digits, '-', '_' and '.'"
              + " after its number (it becomes the page's address)",
            detail: "rename it, for example to \(number < 10 ? "0" : "")\(number)-first-steps.md"))
        continue
      }
      if let other = byNumber[number] {
        errors.append(
          BookError(
            stage: .load, path: path,
            message: "chapter number \(number) is also claimed by \(other)"))
        continue
      }
      byNumber[number] = path
      guard
        let data = FileManager.default.contents(atPath: folder.appendingPathComponent(name).path)
      else {
        errors.append(BookError(stage: .load, path: path, message: "the file cannot be read"))
        continue
      }
      guard let source = String(validating: data, as: UTF8.self) else {
        let line = firstInvalidUTF8Line(data)
        errors.append(
          BookError(stage: .load, path: path, line: line, message: "the file is not valid UTF-8"))
        continue
      }
      do {
        chapters.append(
          try ChapterParser.parse(path: path, number: number, slug: slug, source: source))
      } catch {
        errors += error.errors
      }
    }
    var bibliography: Bibliography?
    var citationsCheckable = true
    if let file = manifest.bibliography {
      do {
        bibliography = try BibliographyParser.load(root: root, path: file)
      } catch {
        // Its own errors say what is wrong; every citation would only repeat them.
        errors += error.errors
        citationsCheckable = false
      }
    }
    errors += ReferenceCheck.problems(
      chapters: chapters, bibliography: bibliography, checkCitations: citationsCheckable)
    var library: Library?
    if let folder = manifest.librarySources {
      do {
        library = try LibraryIndex.load(
          root: root, folder: folder,
          memo: root.appendingPathComponent(".rlbook-cache/library-index.json"))
      } catch {
        errors += error.errors
      }
    }
    errors += resolveExcerpts(&chapters, library: library, named: manifest.librarySources != nil)
    var book = LoadedBook(
      manifest: manifest, chapters: chapters, errors: errors,
      bibliography: bibliography ?? Bibliography(), library: library)
    do {
      if let file = manifest.glossary {
        book.glossary = try BackMatterParser.glossary(root: root, path: file)
      }
    } catch { book.errors += error.errors }
    do {
      if let file = manifest.notation {
        book.notation = try BackMatterParser.notation(root: root, path: file)
      }
    } catch { book.errors += error.errors }
    return book
  }

  /// Finds the library's code for every `swift source=NAME` block; each name that does not
  /// resolve is an error at the block's line.
  private static func resolveExcerpts(_ chapters: inout [Chapter], library: Library?, named: Bool)
    -> [BookError]
  {
    var errors = [BookError]()
    for c in chapters.indices {
      for b in chapters[c].document.parsed.codeBlocks.indices {
        let block = chapters[c].document.parsed.codeBlocks[b]
        guard let reference = block.libraryReference else { continue }
        guard let library else {
          if !named {
            errors.append(
              BookError(
                stage: .load, path: chapters[c].path, line: block.startLine,
                message: "source=\(reference) shows library code, but book.toml names no library",
                detail: "add [library] with sources = \"Sources/NAME\" to book.toml"))
          }
          continue
        }
        switch LibraryIndex.resolve(reference, in: library) {
        case .success(let excerpt): chapters[c].document.parsed.codeBlocks[b].excerpt = excerpt
        case .failure(let problem):
          errors.append(
            BookError(
              stage: .load, path: chapters[c].path, line: block.startLine,
              message: problem.message))
        }
      }
    }
    return errors
  }

  /// The number and slug in a file name such as `07-policy-gradient.md`.
  static func placeInBook(fileName: String) -> (Int, String)? {
    let stem = fileName.dropLast(3)
    let digits = stem.prefix { $0.isASCII && $0.isNumber }
    guard !digits.isEmpty, let number = Int(digits) else { return nil }
    let rest = stem.dropFirst(digits.count)
    guard rest.first == "-", rest.count > 1 else { return nil }
    return (number, String(rest.dropFirst()))
  }

  /// Whether `slug` (the file name between the number and `.md`) can be used as it is in a
  /// page's address, an `href` and an `id`: ASCII letters, digits, `-`, `_` and `.`, starting
  /// with a letter or digit. Nothing in it needs escaping or percent-encoding.
  static func isSafeSlug(_ slug: String) -> Bool {
    let alphanumeric = { (c: UInt8) in
      (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A)
    }
    guard let first = slug.utf8.first, alphanumeric(first) else { return false }
    return slug.utf8.allSatisfy { alphanumeric($0) || $0 == 0x2D || $0 == 0x5F || $0 == 0x2E }
  }

  /// The 1-based line holding the first byte that is not valid UTF-8.
  static func firstInvalidUTF8Line(_ data: Data) -> Int {
    var line = 1
    var start = data.startIndex
    for (i, byte) in zip(data.indices, data) where byte == 0x0A {
      if String(validating: data[start..<i], as: UTF8.self) == nil { return line }
      line += 1
      start = i + 1
    }
    return line
  }
}
