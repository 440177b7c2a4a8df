"""Fixtures of the web console's end-to-end tests (test_console.py): an index built from a
generated corpus plus a tiny hand-written dump (hostile and right-to-left profiles), a real
`creators serve --port 0 --http-port 0` on it, and Playwright driving Debian's chromium.

Screenshots of every page go to Tests/EndToEnd/screenshots/ (git-ignored), or to
$CONSOLE_SCREENSHOTS when set.
"""
import json
import os
import pathlib
import re
import subprocess
import threading
import time
import urllib.error
import urllib.parse
import urllib.request

import pytest

HTTP_LISTENING = re.compile(r"^http listening on (\S+):(\d+)\s*$")
RESP_LISTENING = re.compile(r"^listening on (\S+):(\d+)\s*$")
SCREENSHOTS = pathlib.Path(os.environ.get("CONSOLE_SCREENSHOTS", pathlib.Path(__file__).parent / "screenshots"))

XSS_SCRIPT = "<script>window.__xss=1</script>"
XSS_IMAGE = '"><img src=x onerror=window.__xss=1>'

# Profiles whose text must stay text: markup in the bio, name, captions and hashtags, and
# bios in right-to-left scripts. Valid dump lines (profile-dump.md).
EXTRA_PROFILES = [
    {
        "id": "tiktok:990000001", "platform": "tiktok", "handle": "xss_probe",
        "name": 'Eve <img src=x onerror=window.__xss=1> "quoted"',
        "bio": f"skincare tips {XSS_SCRIPT} and {XSS_IMAGE} done",
        "country": "US", "languages": ["en"], "categories": ["skincare"],
        "hashtags": ["<b>bold</b>"], "followers": 25000, "following": 100,
        "avg_likes": 900, "avg_comments": 40, "avg_views": 12000,
        "recent_posts": [{"caption": f"caption {XSS_IMAGE}", "posted_at": "2026-10-01", "likes": 900, "comments": 40, "views": 12000}],
        "follower_history": [["2026-08-01", 23000], ["2026-09-01", 24000], ["2026-10-01", 25000]],
        "price": {"currency": "USD", "per_post": 300},
        "updated_at": "2026-10-20",
    },
    {
        "id": "instagram:990000002", "platform": "instagram", "handle": "arabic_beauty",
        "name": "نورة للجمال", "bio": "مدونة جمال وعناية بالبشرة من الرياض ✨",
        "country": "SA", "languages": ["ar"], "categories": ["beauty"], "followers": 81000,
        "avg_likes": 2400, "avg_comments": 90,
        "audience": {"countries": {"SA": 0.7, "AE": 0.2, "other": 0.1}, "genders": {"female": 0.85, "male": 0.15}},
        "updated_at": "2026-10-20",
    },
    {
        "id": "instagram:990000003", "platform": "instagram", "handle": "hebrew_food",
        "name": "מטבח של דנה", "bio": "מתכונים ביתיים פשוטים מתל אביב",
        "country": "IL", "languages": ["he"], "categories": ["food"], "followers": 12000,
        "updated_at": "2026-10-20",
    },
]


def creators_binary():
    binary = os.environ.get("CREATORS_BINARY")
    if not binary or not os.access(binary, os.X_OK):
        pytest.skip("CREATORS_BINARY is not set to the creators binary (scripts/test.sh sets it)")
    return binary


@pytest.fixture(scope="session")
def console_index(tmp_path_factory):
    """An index of 1,500 generated creators plus EXTRA_PROFILES."""
    binary = creators_binary()
    folder = tmp_path_factory.mktemp("console-index")
    generated = folder / "generated.jsonl"
    extra = folder / "extra.jsonl"
    subprocess.run([binary, "generate", "--count", "1500", "--seed", "11", "--posts", "6", "--out", str(generated)],
                   check=True, capture_output=True)
    extra.write_text("".join(json.dumps(profile, ensure_ascii=False) + "\n" for profile in EXTRA_PROFILES), encoding="utf-8")
    index = folder / "index"
    subprocess.run([binary, "build", str(generated), str(extra), "--index", str(index)], check=True, capture_output=True)
    return index


class ConsoleServer:
    """A running `creators serve` with its HTTP port; `api(...)` fetches JSON from it."""

    def __init__(self, index, password=None):
        command = [creators_binary(), "serve", "--index", str(index), "--port", "0", "--http-port", "0"]
        if password:
            command += ["--password", password]
        self.password = password
        self.process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        self.base = None
        self.resp = None  # (host, port) of the RESP listener, when the server printed it
        deadline = time.monotonic() + 60
        seen = []
        while time.monotonic() < deadline:
            line = self.process.stdout.readline()
            if not line:
                break
            seen.append(line)
            resp = RESP_LISTENING.match(line)
            if resp:
                self.resp = (resp.group(1), int(resp.group(2)))
            match = HTTP_LISTENING.match(line)
            if match:
                self.base = f"http://{match.group(1)}:{match.group(2)}"
                break
        if self.base is None:
            self.stop()
            raise RuntimeError("creators serve printed no 'http listening on HOST:PORT' line: " + "".join(seen))
        # Keep reading its output so the pipe never fills and blocks the server.
        threading.Thread(target=self.process.stdout.read, daemon=True).start()
        threading.Thread(target=self.process.stderr.read, daemon=True).start()

    def url(self, path):
        return self.base + path

    def api(self, path, body=None):
        """(status, JSON document) of an API call, with the password when there is one."""
        request = urllib.request.Request(self.url(path), data=body, method="POST" if body is not None else "GET")
        if body is not None:
            request.add_header("Content-Type", "application/json")
        if self.password:
            request.add_header("Authorization", "Bearer " + self.password)
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                return response.status, json.loads(response.read())
        except urllib.error.HTTPError as error:
            return error.code, json.loads(error.read() or b"null")

    def search(self, query):
        status, document = self.api("/api/search?q=" + urllib.parse.quote(query))
        assert status == 200, document
        return document

    def stop(self):
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()


@pytest.fixture(scope="session")
def console_server(console_index):
    server = ConsoleServer(console_index)
    yield server
    server.stop()


@pytest.fixture(scope="session")
def browser():
    playwright_api = pytest.importorskip("playwright.sync_api")
    if not os.path.exists("/usr/bin/chromium"):
        pytest.skip("Debian's chromium is not installed (scripts/bootstrap.sh --test installs it)")
    with playwright_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
        yield launched
        launched.close()


@pytest.fixture
def page(browser):
    """A fresh page; any script error or Content-Security-Policy violation fails the test."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    opened = context.new_page()
    problems = []
    opened.on("pageerror", lambda error: problems.append(f"page error: {error}"))
    opened.on("console", lambda message: problems.append(f"console {message.type}: {message.text}")
              if message.type == "error" and "status of 4" not in message.text else None)
    yield opened
    context.close()
    assert problems == [], problems


def screenshot(page, name):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)
