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
        print(BookScaffold.nextSteps(folder: name))
      } catch {
        printError("rlbook init: \(error)")
        throw ExitCode.failure
      }
    }
  }
}
