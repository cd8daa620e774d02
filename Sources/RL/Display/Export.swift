import CellHarness
import Foundation

/// Exports `value` under `name`, so the chapter's prose can quote it as `{{name}}`.
///
/// The book compiler splices the value into the prose when it renders the page, and records it
/// with the cell's output, so `rlbook test` fails when it changes. Outside the book (a chapter
/// run in a terminal) it prints `name = value`.
///
/// `name` starts with an ASCII letter and holds only ASCII letters, digits and underscores (at
/// most 64); any other name stops the program. The value is one line:
/// line breaks become spaces.
public func export(_ name: String, _ value: String) {
  precondition(
    DisplayFrame.isValidExportName(name),
    "export name '\(name)' must be a letter, then letters, digits or '_'")
  let oneLine = value.replacingOccurrences(of: "\n", with: " ")
  guard ChapterHarness.isInBook else {
    print("\(name) = \(oneLine)")
    return
  }
  let encoded = oneLine.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
  print(DisplayFrame.export + name + " " + encoded)
  fflush(nil)  // flush every C stream, so the line lands in order with other output
}

/// Exports an integer under `name` (see `export(_:_:)`), written in decimal digits.
public func export(_ name: String, _ value: Int) {
  export(name, String(value))
}
