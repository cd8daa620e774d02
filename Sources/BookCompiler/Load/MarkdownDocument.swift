import CCmarkGFM
import Foundation

/// The cmark-gfm parser, with GitHub's extensions: tables, strikethrough, autolinks, task
/// lists, the tag filter and footnotes. C pointers never leave this file.
enum MarkdownDocument {
  /// cmark-gfm's extension registry is global and not thread-safe: register it once.
  private static let registered: Bool = {
    cmark_gfm_core_extensions_ensure_registered()
    return true
  }()

  private static let extensionNames = [
    "table", "strikethrough", "autolink", "tasklist", "tagfilter",
  ]

  /// Parses `source` and renders it to HTML, with code blocks left as placeholders.
  static func parse(_ source: String) -> ParsedMarkdown {
    precondition(registered)
    // Raw HTML passes through ProseSanitizer's allowlist, as on GitHub.
    let options = CMARK_OPT_UNSAFE | CMARK_OPT_FOOTNOTES | CMARK_OPT_VALIDATE_UTF8
    guard let parser = cmark_parser_new(options) else { fatalError("cmark_parser_new failed") }
    defer { cmark_parser_free(parser) }
    for name in extensionNames {
      if let ext = cmark_find_syntax_extension(name) {
        cmark_parser_attach_syntax_extension(parser, ext)
      }
    }
    var bytes = Array(source.utf8)
    bytes.withUnsafeMutableBufferPointer { buffer in
      buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
        cmark_parser_feed(parser, $0, buffer.count)
      }
    }
    guard let document = cmark_parser_finish(parser) else { fatalError("cmark_parser_finish") }
    defer { cmark_node_free(document) }
    let extensions = cmark_parser_get_syntax_extensions(parser)

    var blocks = [CodeBlock]()
    var headings = [Heading]()
    var chapterLinks = [ChapterLink]()
    var toReplace = [OpaquePointer]()
    let iterator = cmark_iter_new(document)
    defer { cmark_iter_free(iterator) }
    while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
      guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
      switch cmark_node_get_type(node) {
      case CMARK_NODE_CODE_BLOCK:
        var length: Int32 = 0
        var offset: Int32 = 0
        var fenceChar: CChar = 0
        let fenced = cmark_node_get_fenced(node, &length, &offset, &fenceChar) != 0
        blocks.append(
          CodeBlock(
            info: string(cmark_node_get_fence_info(node)),
            literal: string(cmark_node_get_literal(node)),
            startLine: Int(cmark_node_get_start_line(node)),
            endLine: Int(cmark_node_get_end_line(node)),
            isFenced: fenced,
            fence: String(
              repeating: Character(UnicodeScalar(UInt8(bitPattern: fenceChar))), count: Int(length)),
            placeholder: "<!--rlbook-block-\(blocks.count)-->"))
        toReplace.append(node)
      case CMARK_NODE_HEADING:
        let text = cmark_render_plaintext(node, CMARK_OPT_DEFAULT, 0)
        defer { free(text) }
        headings.append(
          Heading(
            level: Int(cmark_node_get_heading_level(node)),
            text: string(text).trimmingCharacters(in: .whitespacesAndNewlines),
            line: Int(cmark_node_get_start_line(node))))
      case CMARK_NODE_LINK, CMARK_NODE_IMAGE:  // see ProseSanitizer
        let url = string(cmark_node_get_url(node))
        if ProseSanitizer.safeURL(url) != url {
          cmark_node_set_url(node, "")
        } else if cmark_node_get_type(node) == CMARK_NODE_LINK,
          let link = ChapterLink.parse(url, line: Int(cmark_node_get_start_line(node)))
        {
          chapterLinks.append(link)
          cmark_node_set_url(node, link.pageAddress)
        }
      case CMARK_NODE_HTML_BLOCK, CMARK_NODE_HTML_INLINE:
        let raw = string(cmark_node_get_literal(node))
        let safe = ProseSanitizer.filterHTML(raw)
        if safe != raw { cmark_node_set_literal(node, safe) }
      default:
        break
      }
    }
    for (node, block) in zip(toReplace, blocks) {
      let html = cmark_node_new(CMARK_NODE_HTML_BLOCK)
      cmark_node_set_literal(html, block.placeholder + "\n")
      cmark_node_replace(node, html)
      cmark_node_free(node)
    }
    let rendered = cmark_render_html(document, options, extensions)
    defer { free(rendered) }
    return ParsedMarkdown(
      codeBlocks: blocks, headings: headings, html: string(rendered), chapterLinks: chapterLinks)
  }

  private static func string(_ pointer: UnsafePointer<CChar>?) -> String {
    pointer.map { String(cString: $0) } ?? ""
  }

  private static func string(_ pointer: UnsafeMutablePointer<CChar>?) -> String {
    pointer.map { String(cString: $0) } ?? ""
  }
}
