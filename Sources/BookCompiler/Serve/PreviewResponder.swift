import Foundation

/// Answers one complete request head: checks the `Host`, the method and that there is no
/// body, then serves the build status or a file of the site (`HEAD` as `GET`, without the
/// body). It only reads files, so it answers at once, whatever a rebuild is doing.
struct PreviewResponder: Sendable {
  /// The site folder.
  var site: URL
  /// The port the server listens on, which a request's `Host` must name.
  var port: UInt16
  /// The build status that pages poll.
  var state: PreviewState

  /// The path of the build status that every served page polls.
  static let statusPath = "/__rlbook/status"

  /// The response to `head`.
  func respond(to head: RequestHead) -> PreviewResponse {
    if let refusal = refusal(of: head) { return refusal }
    let path = String(head.target.prefix { $0 != "?" })
    if path == Self.statusPath {
      return PreviewResponse(
        status: .ok, contentType: "application/json", body: Array(state.statusJSON().utf8))
    }
    return file(at: head.target)
  }

  /// The response for a request this server does not answer, or `nil` when it answers it.
  private func refusal(of head: RequestHead) -> PreviewResponse? {
    let hosts = head.values(of: "Host")
    if hosts.count > 1 {
      return .text(.badRequest, "a request may have only one Host header", closing: true)
    }
    guard let host = hosts.first else {
      if head.minorVersion == 0 { return nil }
      return .text(.badRequest, "an HTTP/1.1 request needs a Host header", closing: true)
    }
    guard HostCheck.allows(host, port: port) else {
      return .text(
        .misdirected,
        "rlbook serve answers only requests for 127.0.0.1:\(port) or localhost:\(port);"
          + " this one was addressed to another host name (a page of another site?)")
    }
    guard head.method == "GET" || head.method == "HEAD" else {
      var response = PreviewResponse.text(
        .methodNotAllowed, "rlbook serve answers only GET and HEAD", closing: true)
      response.extraHeaders = [("Allow", "GET, HEAD")]
      return response
    }
    let lengths = head.values(of: "Content-Length")
    if !head.values(of: "Transfer-Encoding").isEmpty || lengths.contains(where: { $0 != "0" }) {
      return .text(.badRequest, "a GET or HEAD request takes no body here", closing: true)
    }
    guard head.target.hasPrefix("/") else {
      return .text(.badRequest, "the request target must be a path, such as /index.html")
    }
    return nil
  }

  /// A file of the site, with the reload script in its pages; or 403, or 404.
  private func file(at target: String) -> PreviewResponse {
    switch SiteFiles.resolve(target, in: site) {
    case .forbidden:
      return .text(.forbidden, "outside the site")
    case .notFound:
      if !FileManager.default.fileExists(atPath: site.path) {
        // The first build is still running (or failed): a page that reloads once it is done.
        return PreviewResponse(
          status: .serviceUnavailable, contentType: "text/html; charset=utf-8",
          body: Array(
            ("<!DOCTYPE html><title>rlbook</title><body><p>rlbook serve is building"
              + " the book; this page reloads when the site is ready.</p>" + Self.reloadScript
              + "</body>").utf8))
      }
      return .text(.notFound, "not found")
    case .file(let url):
      guard let data = try? Data(contentsOf: url) else { return .text(.notFound, "not found") }
      let body =
        url.pathExtension == "html" ? Self.addingReloadScript(to: Array(data)) : Array(data)
      return PreviewResponse(
        status: .ok, contentType: SiteFiles.contentType(url.lastPathComponent), body: body)
    }
  }

  /// `page` with the reload script just before its last `</body>` (at the end if it has
  /// none), found in one pass over the bytes, so even `print.html` costs the serving thread
  /// next to nothing.
  static func addingReloadScript(to page: [UInt8]) -> [UInt8] {
    let closing = Array("</body>".utf8)
    var start = page.count - closing.count
    while start >= 0 && !page[start..<start + closing.count].elementsEqual(closing) { start -= 1 }
    guard start >= 0 else { return page + Array(reloadScript.utf8) }
    return Array(page[..<start]) + Array(reloadScript.utf8) + Array(page[start...])
  }

  /// The script added to served pages: reload after a rebuild, show a failed build's errors.
  static let reloadScript = """
    <script>/* rlbook serve: live reload */(function(){var seen=null,box=null;\
    function show(s){if(!s.errors){if(box){box.remove();box=null;}return;}\
    if(!box){box=document.createElement("div");box.setAttribute("role","alert");\
    box.style.cssText="position:fixed;inset:0;z-index:99;overflow:auto;background:#2a0d0d;color:#fff;padding:2rem;font:14px/1.5 monospace;white-space:pre-wrap";\
    document.body.appendChild(box);}\
    box.textContent="rlbook: the build failed. The page shows the last good build; fix these and save:\\n\\n"+s.errors;}\
    function poll(){fetch("/__rlbook/status",{cache:"no-store"}).then(function(r){return r.json();})\
    .then(function(s){if(seen===null)seen=s.generation;else if(s.generation!==seen&&!s.errors){location.reload();return;}\
    show(s);}).catch(function(){}).then(function(){setTimeout(poll,600);});}poll();})();</script>

    """
}
