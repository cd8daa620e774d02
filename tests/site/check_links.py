#!/usr/bin/env python3
"""Link checker for the built site: every internal href/src and #anchor resolves.

Checks every HTML page in site/ (links, stylesheets, scripts, images), the url(...)
references in the site's CSS, and every page#anchor in the search index. Resources must
stay inside site/ (no request leaves it); only <a href> may point to the web.
Usage: check_links.py [SITE_DIR]
"""
import html.parser
import json
import os
import re
import sys
import urllib.parse

site = os.path.realpath(sys.argv[1] if len(sys.argv) > 1 else "site")


class Page(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.ids = set()
        self.refs = []  # (tag, attribute, value, line)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "id" in attrs:
            self.ids.add(attrs["id"])
        if tag == "a" and "name" in attrs:
            self.ids.add(attrs["name"])
        for attribute in ("href", "src"):
            if attribute in attrs and attrs[attribute] is not None:
                self.refs.append((tag, attribute, attrs[attribute], self.getpos()[0]))


pages = {}
for folder, _, files in os.walk(site):
    for name in files:
        if name.endswith(".html"):
            path = os.path.join(folder, name)
            parser = Page()
            with open(path, encoding="utf-8") as f:
                parser.feed(f.read())
            pages[os.path.realpath(path)] = parser

problems = []
checked = 0


def check(source, line, ref, tag):
    """Checks one reference made from the file `source`."""
    global checked
    checked += 1
    where = f"{os.path.relpath(source, site)}:{line}"
    parsed = urllib.parse.urlsplit(ref)
    if parsed.scheme in ("http", "https", "mailto"):
        if tag != "a":
            problems.append(f"{where}: a resource is loaded from outside site/: {ref}")
        return
    if parsed.scheme == "data":  # inline, requests nothing
        return
    if parsed.scheme or parsed.netloc:
        problems.append(f"{where}: unexpected link scheme: {ref}")
        return
    target = source
    if parsed.path:
        target = os.path.realpath(
            os.path.join(os.path.dirname(source), urllib.parse.unquote(parsed.path)))
    if not (target == site or target.startswith(site + os.sep)):
        problems.append(f"{where}: points outside site/: {ref}")
        return
    if os.path.isdir(target):
        target = os.path.join(target, "index.html")
    if not os.path.isfile(target):
        problems.append(f"{where}: no such file: {ref}")
        return
    if parsed.fragment:
        page = pages.get(target)
        anchor = urllib.parse.unquote(parsed.fragment)
        if page is None:
            problems.append(f"{where}: an #anchor into a file that is not a page: {ref}")
        elif anchor not in page.ids:
            problems.append(f"{where}: no id '{anchor}' in {os.path.relpath(target, site)}")


for path, page in sorted(pages.items()):
    for tag, attribute, value, line in page.refs:
        check(path, line, value, tag)

for folder, _, files in os.walk(site):
    for name in files:
        path = os.path.join(folder, name)
        if name.endswith(".css"):
            text = open(path, encoding="utf-8").read()
            for match in re.finditer(r"url\(\s*['\"]?([^'\")]+)['\"]?\s*\)", text):
                if not match.group(1).startswith("data:"):
                    check(path, text.count("\n", 0, match.start()) + 1, match.group(1), "css")

index = os.path.join(site, "assets", "search-index.js")
if os.path.isfile(index):
    for number, line in enumerate(open(index, encoding="utf-8"), 1):
        line = line.strip()
        if line.startswith("["):
            entry = json.loads(line.rstrip(","))
            check(os.path.join(site, "index.html"), f"search-index.js:{number}",
                  f"{entry[0]}#{entry[1]}", "a")
elif pages:
    problems.append("assets/search-index.js is missing")

for problem in problems:
    print(problem)
print(f"link check: {len(pages)} pages, {checked} links and anchors checked")
print(f"{checked - len(problems)} passed, {len(problems)} failed")
sys.exit(1 if problems else 0)
