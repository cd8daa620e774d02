import ArgumentParser
import BookCompiler
import Foundation

extension RLBook {
  /// `rlbook init NAME`: start a new book in a new folder.
  struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Start a new book in folder NAME: book.toml, a first chapter and a .gitignore.")

    @Argument(help: "The new book's folder; it must not exist yet, or be empty.")
    var name: String

    @Option(help: "The book's title (default: made from NAME, my-book → My Book).")
    var title: String?

    func run() throws {
      let folder = URL(fileURLWithPath: name)
      do {
        let written = try BookScaffold.create(at: folder, title: title)
        print("Created a book in \(name)/: " + written.joined(separator: ", "))
        print(BookScaffold.nextSteps(folder: name, library: libraryBesideTool()))
      } catch {
        printError("rlbook init: \(error)")
        throw ExitCode.failure
      }
    }

    /// The release-built RL library of the package this `rlbook` was built in
    /// (`.build/debug/rlbook` → `.build/release`), when it is there.
    func libraryBesideTool() -> String? {
      guard let tool = Bundle.main.executableURL?.resolvingSymlinksInPath() else { return nil }
      let release = tool.deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("release")
      let module = release.appendingPathComponent("Modules/RL.swiftmodule").path
      return FileManager.default.fileExists(atPath: module) ? release.path : nil
    }
  }
}
