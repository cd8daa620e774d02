/// A chapter's Markdown, parsed once by the load stage (`ChapterDocument.parse`): cmark-gfm's
/// structure and HTML of the text with its formulas and references taken out, the formulas
/// and the references. Every later
/// stage works from this value.
///
/// Formulas must come out before cmark sees the text (TeX's `_`, `*` and `\` mean something
/// else in Markdown), but only outside code blocks, which only cmark can find. So the text
/// is first parsed as if it had no code block; when a formula turns out to touch a code
/// block, the formulas are taken out again around the blocks found, and the text is parsed
/// once more. Chapters whose code holds nothing that looks like a formula are parsed once.
public struct ChapterDocument: Sendable, Hashable {
  /// The structure and HTML of the text with formulas replaced by placeholders.
  var parsed: ParsedMarkdown
  /// The formulas, in order; placeholder `i` stands for `formulas[i]`.
  var formulas: [Formula]
  /// The exported values and citations the prose refers to, in order; placeholder `i`
  /// stands for `references[i]`.
  var references: [ProseReference] = []
}
