/// How much of a chapter's output is kept, and when a chapter that prints without end is
/// stopped.
///
/// The caps apply to the cells' output streams only: any other file a cell writes is its own
/// business. A cell's standard output and standard error are plain files, so the cell writes
/// at full speed and nothing is lost when it crashes; `rlbook` reads back at most what it
/// keeps, and its watchdog stops a chapter whose streams pass `bytesOnDiskPerChapter`.
public enum OutputCap {
  /// The most bytes kept from one stream (standard output or standard error) of one cell:
  /// 4 MiB. The rest is dropped, and the output is marked as truncated.
  public static let bytesPerStream = 4 << 20

  /// The most bytes kept over every stream of every cell of one chapter: 16 MiB. Once it is
  /// reached, later output is dropped and each stream that lost output is marked; this also
  /// bounds the memory `rlbook` spends on the chapter, its record and its page.
  public static let bytesPerChapter = 16 << 20

  /// How large a chapter's stream files may grow on disk, over all its cells, before the
  /// chapter is stopped as an error at the running cell: 256 MiB.
  public static let bytesOnDiskPerChapter = 256 << 20
}
