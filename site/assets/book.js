// rlbook: progressive enhancements. Every page reads fine without JavaScript; this adds the
// copy buttons, the theme toggle, search and the outline's current-section mark.
(function () {
  "use strict";
  var root = document.documentElement;

  // Tools that only work with JavaScript start hidden.
  document.querySelectorAll(".tools[hidden], .copy[hidden]").forEach(function (el) {
    el.hidden = false;
  });

  // Printed pages show what is folded (solutions, long outputs), then fold it back.
  var openedForPrint = [];
  window.addEventListener("beforeprint", function () {
    document.querySelectorAll("main details:not([open])").forEach(function (el) {
      el.open = true;
      openedForPrint.push(el);
    });
  });
  window.addEventListener("afterprint", function () {
    openedForPrint.forEach(function (el) { el.open = false; });
    openedForPrint = [];
  });

  // On a phone the chapter list starts folded, so the chapter comes first.
  var panel = document.querySelector(".chapters-panel");
  if (panel && window.matchMedia && window.matchMedia("(max-width: 760px)").matches) panel.open = false;

  // Copy buttons.
  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest(".copy");
    if (!button) return;
    var code = button.closest(".code").querySelector("code").innerText;
    var done = function (label) {
      button.textContent = label;
      setTimeout(function () { button.textContent = "Copy"; }, 1500);
    };
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(code).then(function () { done("Copied"); },
        function () { done("Select and copy"); });
    } else {
      done("Select and copy");
    }
  });

  // Theme: follows the system until the reader picks one; the choice is remembered.
  var toggle = document.querySelector(".theme-toggle");
  var media = window.matchMedia ? window.matchMedia("(prefers-color-scheme: dark)") : null;
  function currentTheme() {
    var set = root.getAttribute("data-theme");
    if (set === "dark" || set === "light") return set;
    return media && media.matches ? "dark" : "light";
  }
  function showTheme() {
    if (!toggle) return;
    var dark = currentTheme() === "dark";
    toggle.setAttribute("aria-pressed", dark ? "true" : "false");
    toggle.title = dark ? "Switch to the light theme" : "Switch to the dark theme";
  }
  if (toggle) {
    toggle.addEventListener("click", function () {
      var next = currentTheme() === "dark" ? "light" : "dark";
      root.setAttribute("data-theme", next);
      try { localStorage.setItem("rlbook-theme", next); } catch (e) { /* private mode */ }
      showTheme();
    });
    if (media && media.addEventListener) media.addEventListener("change", showTheme);
    showTheme();
  }

  // Search, over an index loaded on first use (a script, so it works from file://).
  var input = document.getElementById("search");
  var list = document.getElementById("search-results");
  var status = document.getElementById("search-status");
  var waiting = null;
  function loadIndex(then) {
    if (window.RLBOOK_SEARCH) { then(); return; }
    if (waiting) { waiting.push(then); return; }
    waiting = [then];
    var script = document.createElement("script");
    script.src = "assets/search-index.js";
    script.onload = function () {
      var callbacks = waiting; waiting = null;
      callbacks.forEach(function (f) { f(); });
    };
    script.onerror = function () { waiting = null; status.textContent = "The search index is missing."; };
    document.head.appendChild(script);
  }
  function escapeHTML(text) {
    return text.replace(/[&<>"']/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;", "'": "&#39;" }[c];
    });
  }
  function escapeRegExp(text) { return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"); }
  function count(hay, term) {
    var n = 0, i = hay.indexOf(term);
    while (i !== -1 && n < 20) { n++; i = hay.indexOf(term, i + term.length); }
    return n;
  }
  function snippet(text, terms) {
    var lower = text.toLowerCase(), at = -1;
    terms.forEach(function (t) {
      var i = lower.indexOf(t);
      if (i !== -1 && (at === -1 || i < at)) at = i;
    });
    var start = Math.max(0, at - 70), end = Math.min(text.length, Math.max(at, 0) + 130);
    if (start > 0) start = text.indexOf(" ", start) + 1;
    var piece = (start > 0 ? "… " : "") + text.slice(start, end) + (end < text.length ? " …" : "");
    var marked = escapeHTML(piece);
    var pattern = new RegExp("(" + terms.map(function (t) { return escapeRegExp(escapeHTML(t)); }).join("|") + ")", "gi");
    return marked.replace(pattern, "<mark>$1</mark>");
  }
  function search(query) {
    var terms = query.toLowerCase().split(/\s+/).filter(function (t) { return t.length > 0; });
    if (terms.length === 0) return [];
    var hits = [];
    window.RLBOOK_SEARCH.forEach(function (entry, order) {
      var heading = entry[4].toLowerCase(), text = entry[5].toLowerCase(), title = entry[3].toLowerCase();
      var score = 0;
      for (var i = 0; i < terms.length; i++) {
        var inHeading = heading.indexOf(terms[i]) !== -1;
        var inText = count(text, terms[i]);
        if (!inHeading && inText === 0 && title.indexOf(terms[i]) === -1) return;
        score += (inHeading ? 20 : 0) + (title.indexOf(terms[i]) !== -1 ? 3 : 0) + inText;
      }
      hits.push({ entry: entry, score: score, order: order });
    });
    hits.sort(function (a, b) { return b.score - a.score || a.order - b.order; });
    return hits.slice(0, 20);
  }
  function showResults() {
    var query = input.value.trim();
    if (!query) { list.hidden = true; list.innerHTML = ""; status.textContent = ""; return; }
    var hits = search(query);
    var terms = query.toLowerCase().split(/\s+/).filter(Boolean);
    list.innerHTML = hits.map(function (hit) {
      var e = hit.entry;
      return "<li><a href=\"" + e[0] + "#" + e[1] + "\"><span class=\"where\">" + e[2] + ". " +
        escapeHTML(e[3]) + (e[4] !== e[3] ? " › " + escapeHTML(e[4]) : "") + "</span>" +
        "<span class=\"snippet\">" + snippet(e[5] || e[4], terms) + "</span></a></li>";
    }).join("") || "<li class=\"none\">Nothing found.</li>";
    list.hidden = false;
    status.textContent = hits.length === 0 ? "No results" : hits.length + " results";
  }
  if (input && list) {
    input.addEventListener("focus", function () { loadIndex(function () {}); });
    input.addEventListener("input", function () { loadIndex(showResults); });
    input.form.addEventListener("submit", function (event) {
      event.preventDefault();
      var first = list.querySelector("a");
      if (first) window.location.href = first.getAttribute("href");
    });
    input.addEventListener("keydown", function (event) {
      if (event.key === "Escape") { input.value = ""; showResults(); }
      if (event.key === "ArrowDown") {
        var first = list.querySelector("a");
        if (first) { event.preventDefault(); first.focus(); }
      }
    });
    list.addEventListener("keydown", function (event) {
      var link = event.target.closest("a");
      if (!link) return;
      var item = link.parentElement;
      var next = event.key === "ArrowDown" ? item.nextElementSibling :
        event.key === "ArrowUp" ? item.previousElementSibling : null;
      if (event.key === "ArrowUp" && !item.previousElementSibling) { event.preventDefault(); input.focus(); return; }
      if (next && next.querySelector("a")) { event.preventDefault(); next.querySelector("a").focus(); }
    });
  }

  // The outline marks the section being read.
  var outline = document.querySelector(".outline");
  if (outline && "IntersectionObserver" in window) {
    var links = {};
    outline.querySelectorAll("a").forEach(function (a) { links[a.getAttribute("href").slice(1)] = a; });
    var observer = new IntersectionObserver(function (entries) {
      entries.forEach(function (entry) {
        if (!entry.isIntersecting || !links[entry.target.id]) return;
        outline.querySelectorAll("a.active").forEach(function (a) { a.classList.remove("active"); });
        links[entry.target.id].classList.add("active");
      });
    }, { rootMargin: "0px 0px -70% 0px" });
    document.querySelectorAll("main h2[id], main h3[id]").forEach(function (h) { observer.observe(h); });
  }
})();
