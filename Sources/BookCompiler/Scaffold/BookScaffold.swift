import Foundation

/// `rlbook init NAME`: a new book that builds at once. It writes `book.toml` (a title taken
/// from the folder's name, one part), a first chapter with prose, a formula and a Swift cell,
/// and a `.gitignore` for the build cache.
public enum BookScaffold {
  /// The first chapter's file name.
  public static let firstChapter = "01-first-steps.md"

  /// Creates the book in `folder`, which must not exist or must be empty.
  ///
  /// - Parameter title: the book's title; by default made from the folder's name
  ///   (`my-book` → `My Book`).
  /// - Returns: the paths written, relative to `folder`.
  /// - Throws: `ScaffoldError` when the folder holds files or cannot be written.
  @discardableResult
  public static func create(at folder: URL, title: String? = nil) throws(ScaffoldError)
    -> [String]
  {
    let folder = folder.standardizedFileURL
    let fm = FileManager.default
    var isFolder: ObjCBool = false
    if fm.fileExists(atPath: folder.path, isDirectory: &isFolder) {
      guard isFolder.boolValue else {
        throw ScaffoldError("\(folder.path) is a file, not a folder")
      }
      let entries = (try? fm.contentsOfDirectory(atPath: folder.path)) ?? []
      guard entries.isEmpty else {
        throw ScaffoldError(
          "\(folder.path) already exists and is not empty; rlbook init never overwrites files."
            + " Choose a new folder name")
      }
    }
    let title = title ?? Self.title(fromFolderName: folder.lastPathComponent)
    let files = [
      (BookManifest.fileName, Self.manifest(title: title)),
      ("\(BookLoader.chaptersFolder)/\(firstChapter)", Self.chapter),
      (".gitignore", ".rlbook-cache/\n"),
    ]
    do {
      try fm.createDirectory(
        at: folder.appendingPathComponent(BookLoader.chaptersFolder),
        withIntermediateDirectories: true)
      for (path, text) in files {
        try Data(text.utf8).write(
          to: folder.appendingPathComponent(path), options: .withoutOverwriting)
      }
    } catch {
      throw ScaffoldError("cannot write the new book in \(folder.path): \(error)")
    }
    return files.map(\.0)
  }

  /// A title from a folder name: words split at `-`, `_` and spaces, each capitalised.
  public static func title(fromFolderName name: String) -> String {
    let words = name.split(whereSeparator: { $0 == "-" || $0 == "_" || $0 == " " })
    let title = words.map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined(separator: " ")
    return title.isEmpty ? "My Book" : title
  }

  /// The `book.toml` of a new book.
  static func manifest(title: String) -> String {
    """
    # This book's settings, read by rlbook.

    [book]
    title = \(tomlString(title))
    subtitle = "An executable book: every number in it comes from code that ran."
    authors = []
    language = "en"

    # The parts, in order. Each lists its chapters by their file names in chapters/.
    [[part]]
    name = "Getting started"
    chapters = ["\(firstChapter)"]

    [site]
    folder = "site"

    """
  }

  /// A TOML basic string holding `text`.
  static func tomlString(_ text: String) -> String {
    var out = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\t": out += "\\t"
      case _ where scalar.value < 0x20 || scalar.value == 0x7F:
        out += String(format: "\\u%04X", scalar.value)
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out + "\""
  }

  /// The first chapter: prose, a formula and one Swift cell.
  static let chapter = #"""
    # First steps

    Every chapter is a Markdown file in `chapters/`, listed by a part in `book.toml`. Its
    first line is its title. Prose, tables and math work as in any Markdown file: the
    discounted sum of rewards, for instance, is

    $$G_t = \sum_{k=0}^{\infty} \gamma^k r_{t+k+1},$$

    and with rewards of 1 it is $\sum_{k} \gamma^k = 1/(1-\gamma)$.

    A fenced block whose info string is `swift` is a cell. The cells of a chapter run in
    order, as one program, and what they print is recorded beside the chapter and shown
    under the cell.

    ```swift
    let gamma = 0.9
    var discount = 1.0
    var total = 0.0
    for _ in 0..<200 {
      total += discount
      discount *= gamma
    }
    print("sum of gamma^k for k < 200:", (total * 1000).rounded() / 1000)
    print("1 / (1 - gamma):", (1 / (1 - gamma) * 1000).rounded() / 1000)
    ```

    Edit this chapter, or add `chapters/02-next.md` and list it in `book.toml`, then run
    `rlbook build` again: only what changed runs.

    """#

  /// What to do after `rlbook init NAME`, for the terminal. `library` is the folder of the
  /// release-built RL library, when known.
  public static func nextSteps(folder: String, library: String? = nil) -> String {
    let path = library ?? "PATH"
    var text = "Next steps:\n  cd \(folder)\n  rlbook build --library-path \(path)\n"
    if library == nil {
      text += "    (PATH: the folder with the release-built RL library, libRL.so and Modules/,\n"
      text += "    made by `swift build -c release --product RL` in rlbook's package)\n"
    }
    text += "  open site/index.html    (or: rlbook serve --library-path \(path))\n"
    text += "Add chapters as chapters/NN-slug.md and list each in a part of book.toml."
    return text
  }
}
