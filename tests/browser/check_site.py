#!/usr/bin/env python3
"""Reads the built site as a reader would, in headless Chromium, over the DevTools protocol.

Checks that every page loads with no console error and no request outside site/, that math
is typeset (with KaTeX's fonts), that a search finds a known term and its link lands on the
heading of a section holding it, that the theme toggle works and persists, and that
screenshots at desktop and phone widths are non-empty (saved for a person to look at).

Only the standard library: a minimal WebSocket client speaks the protocol. When Chromium is
missing or cannot start, it prints SKIP with the reason and exits 0.
Usage: check_site.py [SITE_DIR] [SCREENSHOT_DIR]
"""
import base64
import glob
import json
import os
import shutil
import socket
import struct
import subprocess
import sys
import tempfile
import time
import urllib.parse

SITE = os.path.realpath(sys.argv[1] if len(sys.argv) > 1 else "site")
SHOTS = os.path.realpath(sys.argv[2] if len(sys.argv) > 2 else ".build/browser-test")
SEARCH_TERM = "critic"  # chapter 1 has a section about it


class WebSocket:
    """Just enough of RFC 6455 for a DevTools client: text frames, masked, over loopback."""

    def __init__(self, url, timeout=30):
        parts = urllib.parse.urlsplit(url)
        self.sock = socket.create_connection((parts.hostname, parts.port), timeout=timeout)
        key = base64.b64encode(os.urandom(16)).decode()
        request = (f"GET {parts.path} HTTP/1.1\r\nHost: {parts.hostname}:{parts.port}\r\n"
                   "Upgrade: websocket\r\nConnection: Upgrade\r\n"
                   f"Sec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n\r\n")
        self.sock.sendall(request.encode())
        response = b""
        while b"\r\n\r\n" not in response:
            chunk = self.sock.recv(4096)
            if not chunk:
                raise ConnectionError("the DevTools socket closed during the handshake")
            response += chunk
        head, self.buffer = response.split(b"\r\n\r\n", 1)
        if b" 101 " not in head.split(b"\r\n")[0]:
            raise ConnectionError(f"DevTools refused the WebSocket: {head[:200]!r}")

    def _read(self, n):
        while len(self.buffer) < n:
            chunk = self.sock.recv(1 << 16)
            if not chunk:
                raise ConnectionError("the DevTools socket closed")
            self.buffer += chunk
        data, self.buffer = self.buffer[:n], self.buffer[n:]
        return data

    def _send_frame(self, opcode, payload):
        header = bytes([0x80 | opcode])
        n = len(payload)
        if n < 126:
            header += bytes([0x80 | n])
        elif n < 1 << 16:
            header += bytes([0x80 | 126]) + struct.pack(">H", n)
        else:
            header += bytes([0x80 | 127]) + struct.pack(">Q", n)
        mask = os.urandom(4)
        masked = bytes(b ^ mask[i % 4] for i, b in enumerate(payload))
        self.sock.sendall(header + mask + masked)

    def send(self, text):
        self._send_frame(0x1, text.encode())

    def recv(self):
        message = b""
        while True:
            b0, b1 = self._read(2)
            opcode, n = b0 & 0x0F, b1 & 0x7F
            if n == 126:
                n = struct.unpack(">H", self._read(2))[0]
            elif n == 127:
                n = struct.unpack(">Q", self._read(8))[0]
            mask = self._read(4) if b1 & 0x80 else None
            payload = self._read(n)
            if mask:
                payload = bytes(b ^ mask[i % 4] for i, b in enumerate(payload))
            if opcode == 0x8:
                raise ConnectionError("DevTools closed the WebSocket")
            if opcode == 0x9:
                self._send_frame(0xA, payload)
                continue
            if opcode in (0x0, 0x1, 0x2):
                message += payload
                if b0 & 0x80:
                    return message.decode()


class Browser:
    """Headless Chromium with one page, driven over the DevTools protocol."""

    def __init__(self):
        self.profile = tempfile.mkdtemp(prefix="rlbook-chromium-")
        executable = shutil.which("chromium") or shutil.which("chromium-browser")
        if not executable:
            raise RuntimeError("chromium is not installed (apt-get install chromium)")
        self.process = subprocess.Popen(
            [executable, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
             "--no-default-browser-check", "--disable-extensions", "--hide-scrollbars",
             "--disable-background-networking", "--disable-component-update",
             "--disable-sync", "--metrics-recording-only", "--mute-audio",
             f"--user-data-dir={self.profile}", "--remote-debugging-port=0", "about:blank"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        port_file = os.path.join(self.profile, "DevToolsActivePort")
        deadline = time.time() + 30
        while not os.path.exists(port_file) or os.path.getsize(port_file) == 0:
            if self.process.poll() is not None or time.time() > deadline:
                self.close()
                raise RuntimeError("chromium did not start (no DevToolsActivePort)")
            time.sleep(0.1)
        time.sleep(0.1)
        port, path = open(port_file).read().split("\n")[:2]
        self.ws = WebSocket(f"ws://127.0.0.1:{port}{path}")
        self.next_id = 0
        self.events = []
        target = self.call("Target.createTarget", {"url": "about:blank"}, session=False)
        attached = self.call("Target.attachToTarget",
                             {"targetId": target["targetId"], "flatten": True}, session=False)
        self.session = attached["sessionId"]
        for domain in ("Page", "Runtime", "Network", "Log"):
            self.call(f"{domain}.enable")

    def call(self, method, params=None, session=True, timeout=30):
        self.next_id += 1
        message = {"id": self.next_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = self.session
        self.ws.send(json.dumps(message))
        deadline = time.time() + timeout
        while time.time() < deadline:
            reply = json.loads(self.ws.recv())
            if reply.get("id") == self.next_id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply.get("result", {})
            if "method" in reply:
                self.events.append(reply)
        raise TimeoutError(method)

    def wait_event(self, name, timeout=20):
        deadline = time.time() + timeout
        while time.time() < deadline:
            for i, event in enumerate(self.events):
                if event["method"] == name:
                    del self.events[: i + 1]
                    return event
            self.events.append(json.loads(self.ws.recv()))
        raise TimeoutError(f"no {name} within {timeout} s")

    def navigate(self, url):
        self.events.clear()
        self.call("Page.navigate", {"url": url})
        self.wait_event("Page.loadEventFired")
        self.settle()

    def settle(self, seconds=0.3):
        """Lets deferred scripts, fonts and late events arrive."""
        end = time.time() + seconds
        self.ws.sock.settimeout(0.05)
        try:
            while time.time() < end:
                try:
                    self.events.append(json.loads(self.ws.recv()))
                except (socket.timeout, TimeoutError):
                    pass
        finally:
            self.ws.sock.settimeout(30)

    def js(self, expression):
        result = self.call("Runtime.evaluate",
                           {"expression": expression, "returnByValue": True, "awaitPromise": True})
        if "exceptionDetails" in result:
            raise RuntimeError(f"script failed: {expression[:80]}: {result['exceptionDetails']}")
        return result["result"].get("value")

    def until(self, expression, timeout=5):
        deadline = time.time() + timeout
        while time.time() < deadline:
            if self.js(expression):
                return True
            time.sleep(0.1)
        return False

    def screenshot(self, width, height, mobile, path):
        self.call("Emulation.setDeviceMetricsOverride",
                  {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": mobile})
        self.settle(0.3)
        data = base64.b64decode(self.call("Page.captureScreenshot", {"format": "png"})["data"])
        with open(path, "wb") as f:
            f.write(data)
        return len(data)

    def close(self):
        try:
            self.process.kill()
            self.process.wait(timeout=10)
        except Exception:
            pass
        shutil.rmtree(self.profile, ignore_errors=True)


passed, failed = 0, 0


def check(condition, message):
    global passed, failed
    if condition:
        passed += 1
    else:
        failed += 1
        print(f"FAIL: {message}")
    return condition


def page_problems(browser):
    """Console errors, exceptions and requests outside site/ seen since the last navigation."""
    problems = []
    prefix = "file://" + SITE + "/"
    for event in browser.events:
        method, params = event["method"], event.get("params", {})
        if method == "Network.requestWillBeSent":
            url = params["request"]["url"]
            if not (url.startswith(prefix) or url.startswith("data:") or url == "about:blank"):
                problems.append(f"request outside site/: {url}")
        elif method == "Runtime.exceptionThrown":
            problems.append("exception: " + params["exceptionDetails"].get("text", "")
                            + " " + str(params["exceptionDetails"].get("exception", {}).get("description", "")))
        elif method == "Runtime.consoleAPICalled" and params["type"] in ("error", "assert"):
            problems.append("console error: " + " ".join(
                str(a.get("value", a.get("description", ""))) for a in params["args"]))
        elif method == "Log.entryAdded" and params["entry"]["level"] == "error":
            problems.append(f"log error: {params['entry']['text']} {params['entry'].get('url', '')}")
        elif method == "Network.loadingFailed":
            problems.append(f"failed to load: {params.get('errorText')}")
    return problems


def main():
    pages = sorted(glob.glob(os.path.join(SITE, "*.html")))
    if not pages:
        print(f"FAIL: no pages in {SITE}; run make site first")
        return 1
    try:
        browser = Browser()
    except Exception as error:
        print(f"SKIP: browser test: Chromium cannot start here ({error}); "
              "the site was NOT checked in a browser")
        return 0
    os.makedirs(SHOTS, exist_ok=True)
    url = lambda name: "file://" + os.path.join(SITE, name)
    try:
        browser.call("Emulation.setEmulatedMedia",
                     {"features": [{"name": "prefers-color-scheme", "value": "light"}]})
        # 1. Every page loads cleanly, stays inside site/, and has the landmarks.
        for path in pages:
            name = os.path.basename(path)
            browser.navigate(url(name))
            problems = page_problems(browser)
            check(not problems, f"{name}: " + "; ".join(problems))
            check(browser.js("document.documentElement.lang === 'en' && !!document.querySelector("
                             "'main') && !!document.querySelector('nav') && !!document.title"),
                  f"{name}: lang, <main>, <nav> and <title> are expected")
            check(browser.js("[...document.querySelectorAll('main svg')].every(s => "
                             "s.getAttribute('aria-label') || s.closest('.katex'))"),
                  f"{name}: every plot needs alt text")
            has_math = "$" in "".join(open(p, encoding="utf-8").read() for p in glob.glob(
                os.path.join(os.path.dirname(SITE), "chapters", name.replace(".html", ".md"))))
            if has_math:
                check(browser.js("document.querySelectorAll('.katex').length > 0 && "
                                 "!document.querySelector('.katex-error')"),
                      f"{name}: the chapter has math but no typeset formula")
        # 2. Math is typeset with KaTeX's own fonts, loaded from site/.
        chapter = next((os.path.basename(p) for p in pages if os.path.basename(p)[0].isdigit()),
                       None)
        if check(chapter is not None, "no chapter page"):
            browser.navigate(url(chapter))
            check(browser.js("document.querySelectorAll('.katex').length") > 0,
                  f"{chapter}: no .katex element")
            check(browser.until("document.fonts.ready.then(() => document.fonts.check('16px KaTeX_Main'))"),
                  f"{chapter}: KaTeX's fonts did not load")
            check(browser.js("document.querySelectorAll('pre code.language-swift span.k').length") > 0,
                  f"{chapter}: Swift code is not highlighted")
        # 3. Search finds a term; its link lands on the heading of a section that holds it.
        browser.navigate(url("index.html"))
        browser.js(f"(() => {{ const i = document.getElementById('search'); i.focus();"
                   f" i.value = {json.dumps(SEARCH_TERM)};"
                   f" i.dispatchEvent(new Event('input')); }})()")
        if check(browser.until("document.querySelectorAll('#search-results a').length > 0"),
                 f"search for '{SEARCH_TERM}' found nothing"):
            href = browser.js("document.querySelector('#search-results a').getAttribute('href')")
            snippet = browser.js("document.querySelector('#search-results a').textContent")
            check(SEARCH_TERM in snippet.lower(), f"the first result does not show the term: {snippet}")
            browser.js("document.querySelector('#search-results a').click()")
            browser.wait_event("Page.loadEventFired")
            browser.settle()
            anchor = href.split("#", 1)[1] if "#" in href else ""
            landed = browser.js(
                "(() => { const h = document.getElementById(decodeURIComponent(location.hash.slice(1)));"
                " if (!h || !/^H[1-6]$/.test(h.tagName)) return null;"
                " let text = h.textContent, n = h.nextElementSibling;"
                " while (n && !/^H[1-6]$/.test(n.tagName)) { text += ' ' + n.textContent; n = n.nextElementSibling; }"
                " return [location.pathname.split('/').pop(), location.hash, text.toLowerCase()]; })()")
            if check(landed is not None, f"search link {href} does not land on a heading"):
                check(landed[0] == href.split("#")[0] and landed[1] == "#" + anchor,
                      f"search link {href} landed on {landed[0]}{landed[1]}")
                check(SEARCH_TERM in landed[2],
                      f"the section at {href} does not contain '{SEARCH_TERM}'")
        # 4. The theme follows the system, and the toggle switches and persists.
        page = chapter or "index.html"
        browser.navigate(url(page))
        browser.js("localStorage.removeItem('rlbook-theme')")
        background = "getComputedStyle(document.documentElement).backgroundColor"
        browser.navigate(url(page))
        light = browser.js(background)
        browser.js("document.querySelector('.theme-toggle').click()")
        dark = browser.js(background)
        check(browser.js("document.documentElement.dataset.theme") == "dark" and dark != light,
              f"the toggle did not switch to dark ({light} → {dark})")
        browser.screenshot(1280, 900, False, os.path.join(SHOTS, "desktop-dark.png"))
        browser.navigate(url(page))
        check(browser.js(background) == dark, "the dark theme did not persist across a reload")
        check(not page_problems(browser), "errors after reloading in the dark theme: "
              + "; ".join(page_problems(browser)))
        browser.js("document.querySelector('.theme-toggle').click()")
        check(browser.js(background) == light, "the toggle did not switch back to light")
        browser.js("localStorage.removeItem('rlbook-theme')")
        browser.call("Emulation.setEmulatedMedia",
                     {"features": [{"name": "prefers-color-scheme", "value": "dark"}]})
        browser.navigate(url(page))
        check(browser.js(background) == dark, "with no choice saved, the theme ignores the system's dark mode")
        browser.call("Emulation.setEmulatedMedia",
                     {"features": [{"name": "prefers-color-scheme", "value": "light"}]})
        # 5. Screenshots at desktop and phone widths are non-empty; the phone layout fits.
        browser.navigate("about:blank")
        blank = browser.screenshot(1280, 900, False, os.path.join(SHOTS, "blank.png"))
        for name, (width, height, mobile) in {"desktop": (1280, 900, False),
                                              "phone": (390, 844, True)}.items():
            browser.call("Emulation.setDeviceMetricsOverride",
                         {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": mobile})
            browser.navigate(url(page))
            size = browser.screenshot(width, height, mobile, os.path.join(SHOTS, f"{name}.png"))
            check(size > max(3 * blank, 10_000),
                  f"the {name} screenshot looks empty ({size} bytes; blank is {blank})")
            check(browser.js("document.documentElement.scrollWidth <= window.innerWidth + 1"),
                  f"at {name} width the page scrolls sideways")
        browser.navigate(url("index.html"))
        browser.screenshot(390, 844, True, os.path.join(SHOTS, "phone-contents.png"))
        browser.call("Emulation.clearDeviceMetricsOverride")
    finally:
        browser.close()
    print(f"browser test: {len(pages)} pages read in headless Chromium; screenshots in {SHOTS}")
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
