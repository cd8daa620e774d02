import Foundation

/// The sink of `rlbook build`: writes each chapter's outputs beside it, as
/// `chapters/NN-slug.out`.
public struct RecordSink: OutputSink {
  /// The book's root.
  public var root: URL
  /// Recording: the cache is used and the site is published.
  public let traits = SinkTraits.record

  /// A sink for the book at `root`.
  public init(root: URL) {
    self.root = root
  }

  /// Removes the records of chapters that no longer exist (renamed or deleted), so that
  /// `chapters/` holds one record per chapter. A record whose chapter is still there but
  /// failed to load is kept.
  public func finish(chapters: [Chapter]) {
    let folder = root.appendingPathComponent(BookLoader.chaptersFolder)
    let fm = FileManager.default
    for name in (try? fm.contentsOfDirectory(atPath: folder.path)) ?? []
    where name.hasSuffix(".out") && !name.hasPrefix(".") {
      let source = String(name.dropLast(4)) + ".md"
      if !fm.fileExists(atPath: folder.appendingPathComponent(source).path) {
        try? fm.removeItem(at: folder.appendingPathComponent(name))
      }
    }
  }

  /// Writes the record when it changed, so an unchanged book leaves its files untouched. A
  /// record that cannot be written fails the chapter.
  public func accept(
    _ outcome: inout ChapterOutcome, of chapter: Chapter, rerun: () -> ChapterOutcome
  ) {
    let url = chapter.outputsURL(in: root)
    let text = RecordedOutputs.serialize(outcome.outputs, chapterPath: chapter.path)
    guard (try? String(contentsOf: url, encoding: .utf8)) != text else { return }
    do {
      try Data(text.utf8).write(to: url, options: .atomic)
    } catch {
      outcome.fail(
        with: BookError(
          stage: traits.stage, path: chapter.outputsPath,
          message: "cannot write the recorded outputs: \(error.localizedDescription)"))
    }
  }
}
