import Foundation
import TOMLKit

/// A TOML file of the book beside `book.toml` (the bibliography, the glossary, the notation),
/// read with TOMLKit, with its text kept for pointing errors at lines.
enum TOMLFile {
  /// The parsed table of `path` (relative to `root`) and its text.
  ///
  /// - Throws: `BookErrors` when the file is missing (at `book.toml`, which names it), is not
  ///   UTF-8 or is not TOML (at its line).
  static func read(root: URL, path: String) throws(BookErrors) -> (TOMLTable, ManifestSource) {
    guard let data = FileManager.default.contents(atPath: root.appendingPathComponent(path).path)
    else {
      throw BookErrors([
        BookError(
          stage: .load, path: BookManifest.fileName, message: "the file \(path) does not exist",
          detail: "create it, or remove its key from book.toml")
      ])
    }
    guard let text = String(validating: data, as: UTF8.self) else {
      throw BookErrors([
        BookError(
          stage: .load, path: path, line: BookLoader.firstInvalidUTF8Line(data),
          message: "the file is not valid UTF-8")
      ])
    }
    do {
      return (try TOMLTable(string: text), ManifestSource(text))
    } catch let error as TOMLParseError {
      throw BookErrors([
        BookError(
          stage: .load, path: path, line: error.source.begin.line,
          column: error.source.begin.column,
          message: "this is not valid TOML: \(error.description)")
      ])
    } catch {
      throw BookErrors([
        BookError(stage: .load, path: path, message: "this is not valid TOML: \(error)")
      ])
    }
  }
}
