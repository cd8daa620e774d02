import Foundation
import SwiftParser
import SwiftSyntax

/// Reads a library's sources and finds, with swift-syntax, every declaration a chapter can
/// show (types, functions, initialisers, properties, members as `Type.member`) and every
/// region marked with `// region NAME` and `// endregion`.
enum LibraryIndex {
  /// The library under `folder` (relative to `root`): every `.swift` file, sorted by name.
  ///
  /// - Throws: `BookErrors` when the folder cannot be read, a file is not UTF-8, or a region
  ///   is not closed.
  /// With `memo`, the symbols are remembered under the files' stamps: swift-syntax parses
  /// the library again only when a file changed (a no-op build would otherwise spend most of
  /// its time there).
  static func load(root: URL, folder: String, memo: URL? = nil) throws(BookErrors) -> Library {
    let base = root.appendingPathComponent(folder)
    guard let walker = FileManager.default.enumerator(atPath: base.path) else {
      throw BookErrors([
        BookError(
          stage: .load, path: BookManifest.fileName,
          message: "[library] sources names \(folder), which is not a folder of the book")
      ])
    }
    var names = [String]()
    while let name = walker.nextObject() as? String {
      if name.hasSuffix(".swift") { names.append(name) }
    }
    var files = [Library.File]()
    var errors = [BookError]()
    for name in names.sorted() {
      let path = folder + "/" + name
      guard let data = FileManager.default.contents(atPath: base.appendingPathComponent(name).path),
        let text = String(validating: data, as: UTF8.self)
      else {
        errors.append(
          BookError(stage: .load, path: path, message: "the file cannot be read as UTF-8"))
        continue
      }
      files.append(Library.File(path: path, name: name, text: text))
    }
    guard errors.isEmpty else { throw BookErrors(errors) }
    let paths = names.sorted().map { base.appendingPathComponent($0).path }
    // Only the latest index is kept, under the stamps of the files it was made from.
    let stamps = paths.compactMap(FileStamp.of)
    let key =
      stamps.count == paths.count ? StableHasher.digest(stamps.joined(separator: "\n")) : nil
    let store = memo.map { PersistentFile<Memo>(url: $0, format: "library-index 1") }
    if let key, let stored = store?.load(), stored.key == key {
      return Library(folder: folder, files: files, symbols: stored.symbols)
    }
    let symbols = try symbols(of: files).get()
    if let key { try? store?.save(Memo(key: key, symbols: symbols)) }
    return Library(folder: folder, files: files, symbols: symbols)
  }

  /// The remembered index: the files' stamps, and their symbols.
  private struct Memo: Codable {
    var key: String
    var symbols: [Library.Symbol]
  }

  /// Every declaration and region of `files`, or the region markers that are wrong.
  private static func symbols(of files: [Library.File]) -> Result<[Library.Symbol], BookErrors> {
    var errors = [BookError]()
    var symbols = [Library.Symbol]()
    for (index, file) in files.enumerated() {
      symbols += declarations(in: file.text, file: index)
      do {
        symbols += try regions(in: file.text, file: index)
      } catch let error as Problem {
        errors.append(
          BookError(stage: .load, path: file.path, line: error.line, message: error.message))
      } catch {}
    }
    return errors.isEmpty ? .success(symbols) : .failure(BookErrors(errors))
  }

  /// The declarations of one file.
  static func declarations(in text: String, file: Int) -> [Library.Symbol] {
    let tree = Parser.parse(source: text)
    let converter = SourceLocationConverter(fileName: "", tree: tree)
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    let visitor = DeclarationVisitor(converter: converter, lines: lines, file: file)
    visitor.walk(tree)
    return visitor.symbols
  }

  /// Why a region marker is wrong (at its line), or why a name does not resolve.
  struct Problem: Error {
    var line = 0
    var message: String
  }

  /// The regions of one file: `// region NAME` up to the next `// endregion`, markers left out.
  static func regions(in text: String, file: Int) throws -> [Library.Symbol] {
    var symbols = [Library.Symbol]()
    var open: (name: String, line: Int)?
    for (offset, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
    {
      let line = raw.drop { $0 == " " || $0 == "\t" }
      if line.hasPrefix("// region ") {
        if let open {
          throw Problem(
            line: offset + 1,
            message: "region '\(open.name)' (line \(open.line)) is not closed before this one")
        }
        let name = line.dropFirst("// region ".count).trimmingCharacters(in: .whitespaces)
        open = (name, offset + 1)
      } else if line.hasPrefix("// endregion") {
        guard let region = open else {
          throw Problem(line: offset + 1, message: "this // endregion closes no region")
        }
        if region.line + 1 <= offset {
          symbols.append(
            Library.Symbol(
              name: region.name, kind: .region, file: file, lines: (region.line + 1)...offset,
              line: region.line + 1, isPublicTopLevel: false))
        }
        open = nil
      }
    }
    if let open {
      throw Problem(line: open.line, message: "region '\(open.name)' has no // endregion")
    }
    return symbols
  }

  /// The excerpt a chapter's `source=REFERENCE` shows: `NAME` (a declaration, a member as
  /// `Type.member`, or a region) or `FILE#NAME`, FILE being a path inside the library's folder
  /// or just a file name.
  static func resolve(_ reference: String, in library: Library) -> Result<LibraryExcerpt, Problem> {
    let parts = reference.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
    let name = String(parts.count == 2 ? parts[1] : parts[0])
    let file = parts.count == 2 ? String(parts[0]) : nil
    let candidates = library.symbols.filter { symbol in
      let path = library.files[symbol.file].name
      return symbol.name == name
        && (file == nil || path == file || path.hasSuffix("/" + file!))
    }
    guard candidates.count == 1, let symbol = candidates.first else {
      if candidates.isEmpty {
        let lower = name.lowercased()
        let near = Set(
          library.symbols.map(\.name).filter {
            $0.lowercased().contains(lower) || lower.contains($0.lowercased())
          }
        ).sorted().prefix(6)
        return .failure(
          Problem(
            message: "source=\(reference) names no declaration or region of \(library.folder)"
              + (near.isEmpty ? "" : " (similar: \(near.joined(separator: ", ")))")))
      }
      let places = candidates.map { "\(library.files[$0.file].path):\($0.line)" }
      return .failure(
        Problem(
          message: "source=\(reference) is ambiguous: \(places.joined(separator: ", "))"
            + " (name the file, as source=FILE#NAME, or mark a region)"))
    }
    let text = library.files[symbol.file].text
    return .success(
      LibraryExcerpt(
        path: library.files[symbol.file].path, address: library.address(of: symbol),
        lines: symbol.lines, code: excerpt(text, lines: symbol.lines)))
  }

  /// `lines` of `text` without the indentation they share, and without region markers.
  static func excerpt(_ text: String, lines range: ClosedRange<Int>) -> String {
    let all = text.split(separator: "\n", omittingEmptySubsequences: false)
    let chosen = all[(range.lowerBound - 1)..<min(range.upperBound, all.count)].filter {
      let trimmed = $0.drop { $0 == " " || $0 == "\t" }
      return !trimmed.hasPrefix("// region ") && !trimmed.hasPrefix("// endregion")
    }
    let indent =
      chosen.filter { !$0.allSatisfy(\.isWhitespace) }
      .map { $0.prefix { $0 == " " }.count }.min() ?? 0
    return chosen.map { $0.allSatisfy(\.isWhitespace) ? "" : String($0.dropFirst(indent)) }
      .joined(separator: "\n") + "\n"
  }
}

/// Collects the declarations of a file, with members named `Type.member`.
private final class DeclarationVisitor: SyntaxVisitor {
  let converter: SourceLocationConverter
  let lines: [Substring]
  let file: Int
  var symbols = [Library.Symbol]()
  private var owners = [String]()

  init(converter: SourceLocationConverter, lines: [Substring], file: Int) {
    self.converter = converter
    self.lines = lines
    self.file = file
    super.init(viewMode: .sourceAccurate)
  }

  private func add(
    _ name: String, _ node: some DeclSyntaxProtocol, modifiers: DeclModifierListSyntax?
  ) {
    let start = converter.location(for: node.positionAfterSkippingLeadingTrivia).line
    let end = converter.location(for: node.endPositionBeforeTrailingTrivia).line
    // The doc comment above it, and its attributes, belong to it.
    var first = start
    while first > 1 {
      let above = lines[first - 2].drop { $0 == " " || $0 == "\t" }
      guard above.hasPrefix("///") else { break }
      first -= 1
    }
    let isPublic =
      modifiers?.contains { ["public", "open"].contains($0.name.text) } ?? false
    let qualified = (owners + [name]).joined(separator: ".")
    symbols.append(
      Library.Symbol(
        name: qualified, kind: .declaration, file: file, lines: first...end, line: start,
        isPublicTopLevel: owners.isEmpty && isPublic))
  }

  private func enter(_ name: String) -> SyntaxVisitorContinueKind {
    owners.append(name)
    return .visitChildren
  }

  override func visit(_ node: StructDeclSyntax) -> SyntaxVisitorContinueKind {
    add(node.name.text, node, modifiers: node.modifiers)
    return enter(node.name.text)
  }
  override func visitPost(_ node: StructDeclSyntax) { owners.removeLast() }

  override func visit(_ node: ClassDeclSyntax) -> SyntaxVisitorContinueKind {
    add(node.name.text, node, modifiers: node.modifiers)
    return enter(node.name.text)
  }
  override func visitPost(_ node: ClassDeclSyntax) { owners.removeLast() }

  override func visit(_ node: EnumDeclSyntax) -> SyntaxVisitorContinueKind {
    add(node.name.text, node, modifiers: node.modifiers)
    return enter(node.name.text)
  }
  override func visitPost(_ node: EnumDeclSyntax) { owners.removeLast() }

  override func visit(_ node: ProtocolDeclSyntax) -> SyntaxVisitorContinueKind {
    add(node.name.text, node, modifiers: node.modifiers)
    return enter(node.name.text)
  }
  override func visitPost(_ node: ProtocolDeclSyntax) { owners.removeLast() }

  override func visit(_ node: ExtensionDeclSyntax) -> SyntaxVisitorContinueKind {
    // Members of an extension are named after the extended type; the extension is not a
    // symbol of its own.
    enter(node.extendedType.trimmedDescription)
  }
  override func visitPost(_ node: ExtensionDeclSyntax) { owners.removeLast() }

  override func visit(_ node: FunctionDeclSyntax) -> SyntaxVisitorContinueKind {
    add(node.name.text, node, modifiers: node.modifiers)
    return .skipChildren
  }

  override func visit(_ node: InitializerDeclSyntax) -> SyntaxVisitorContinueKind {
    add("init", node, modifiers: node.modifiers)
    return .skipChildren
  }

  override func visit(_ node: TypeAliasDeclSyntax) -> SyntaxVisitorContinueKind {
    add(node.name.text, node, modifiers: node.modifiers)
    return .skipChildren
  }

  override func visit(_ node: VariableDeclSyntax) -> SyntaxVisitorContinueKind {
    for binding in node.bindings {
      if let pattern = binding.pattern.as(IdentifierPatternSyntax.self) {
        add(pattern.identifier.text, node, modifiers: node.modifiers)
      }
    }
    return .skipChildren
  }
}
