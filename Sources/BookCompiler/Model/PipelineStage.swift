/// The stages of the book compiler's pipeline, in order. Every `BookError` names the stage
/// that found it.
public enum PipelineStage: String, Sendable, CaseIterable {
  /// Reading `book.toml` and the chapter files, and parsing each chapter's Markdown.
  case load
  /// Turning a chapter's cells into one program, and its cache key.
  case plan
  /// Compiling the chapter's program with swiftc.
  case compile
  /// Running the compiled program and collecting each cell's output.
  case run
  /// Writing the outputs beside the chapter (`build`).
  case record
  /// Comparing the outputs with the recorded ones (`test`).
  case compare
  /// Rendering the chapters' articles: Markdown, math, highlighted code, outputs.
  case render
  /// Assembling the site's pages and swapping them into `site/`.
  case publish
}
