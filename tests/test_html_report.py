"""The HTML report in a real browser (Debian's Chromium, driven by Playwright): what a reader sees."""

from __future__ import annotations

import json
import shutil

import pytest

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
# As the machine's browser tests start it: no sandbox (root), no background connections (closed network).
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="module")
def browser():
    playwright = pytest.importorskip("playwright.sync_api")
    with playwright.sync_playwright() as driver:
        browser = driver.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield browser
        browser.close()


@pytest.fixture(scope="module")
def seeds_report(tmp_path_factory, run_cli, seeds):
    """The seeds' HTML and JSON reports, both from the real command line."""
    folder = tmp_path_factory.mktemp("html")
    files = [seeds["en"], seeds["ar"], seeds["vi"]]
    html = run_cli("compare", *files, "--format", "html", "-o", folder / "seeds.html")
    assert html.returncode == 1, html.stderr
    result = run_cli("compare", *files, "--format", "json")
    return folder / "seeds.html", json.loads(result.stdout)


def open_page(browser, path):
    """The page, with every request it makes recorded (a self-contained report makes none but itself)."""
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(path.as_uri())
    return page, [url for url in requests if url != path.as_uri()]


def test_counts_directions_and_no_requests(browser, seeds_report):
    path, report = seeds_report
    page, requests = open_page(browser, path)
    assert requests == []
    for severity in ("error", "warning", "info"):
        expected = sum(f["severity"] == severity for c in report["comparisons"] for f in c["findings"])
        assert page.locator(f".finding[data-severity={severity}]").count() == expected
    arabic = page.locator(".text[lang=ar]").first
    assert arabic.evaluate("e => getComputedStyle(e).direction") == "rtl"
    assert page.locator(".text[lang=en]").first.evaluate("e => getComputedStyle(e).direction") == "ltr"
    assert page.locator(".num").first.get_attribute("title")  # a number's value on hover


def test_a_filter_hides_what_it_should(browser, seeds_report):
    page, _ = open_page(browser, seeds_report[0])
    errors = page.locator(".finding[data-severity=error]")
    assert errors.count() and errors.first.is_visible()
    page.locator("input[data-filter=severity][value=error]").uncheck()
    assert all(not errors.nth(i).is_visible() for i in range(errors.count()))
    warnings = page.locator(".finding[data-severity=warning]:not(.hidden)")
    assert warnings.count() == page.locator(".finding[data-severity=warning]").count()
    page.locator("input[data-filter=kind][value=omission]").uncheck()
    assert page.locator(".finding[data-kind=omission]:not(.hidden)").count() == 0
    assert "findings shown" in page.locator("#visible-count").inner_text()


def test_keys_and_map_marks_lead_to_the_findings(browser, seeds_report):
    page, _ = open_page(browser, seeds_report[0])
    page.keyboard.press("j")
    first = page.locator(".finding").first
    assert first.evaluate("e => e === document.activeElement")
    page.keyboard.press("j")
    assert page.locator(".finding").nth(1).evaluate("e => e === document.activeElement")
    # The Vietnamese edition lacks paragraphs and moves a block: the map shows both, and a mark leads there.
    vietnamese = page.locator("section.comparison").nth(1)
    assert vietnamese.locator("[data-mark=missing]").count() >= 10
    assert vietnamese.locator("[data-mark=moved]").count() >= 1
    mark = vietnamese.locator("[data-mark=moved]").first
    bead = page.locator(mark.get_attribute("href"))
    mark.click()
    assert bead.is_visible() and bead.evaluate("e => { const r = e.getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight; }")


def test_document_text_is_never_markup(browser, tmp_path, run_cli):
    hostile = [
        'Read this <script>window.pwned = 1</script> carefully, it has 3 parts.',
        'Then the "><img src=x onerror="window.pwned = 2"> part follows with 12 items.',
        "Finally, </div></section><b>bold</b> ends here.",
    ]
    (tmp_path / "a.en.txt").write_text("\n".join(hostile) + "\n", encoding="utf-8")
    (tmp_path / "a.fr.txt").write_text("\n".join(hostile[:2]) + "\n", encoding="utf-8")
    result = run_cli("compare", tmp_path / "a.en.txt", tmp_path / "a.fr.txt", "--lang", "en,fr", "--format", "html", "-o", tmp_path / "r.html")
    assert result.returncode in (0, 1), result.stderr
    page, requests = open_page(browser, tmp_path / "r.html")
    assert page.evaluate("() => window.pwned") is None
    assert requests == []  # the <img src=x> was never an image
    assert page.locator("section.comparison b").count() == 0
    text = page.locator("section.comparison").first.inner_text()
    assert "<script>window.pwned = 1</script>" in text and 'onerror="window.pwned = 2"' in text


def test_screenshot_of_the_seeds_report(browser, seeds_report, tmp_path):
    page, _ = open_page(browser, seeds_report[0])
    shot = tmp_path / "seeds.png"
    page.screenshot(path=str(shot), full_page=False)
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 20_000


def test_the_alignment_map_as_a_png(tmp_path, run_cli, seeds):
    result = run_cli("compare", seeds["en"], seeds["vi"], "--map", tmp_path / "map.png", "--format", "json")
    assert result.returncode == 1, result.stderr
    png = (tmp_path / "map.png").read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and len(png) > 10_000


def test_a_repository_report_shows_every_new_finding(browser, tmp_path, run_cli, seeds):
    for language, seed in (("en", "en"), ("ar", "ar"), ("vi", "vi")):
        (tmp_path / "docs" / language).mkdir(parents=True)
        (tmp_path / "docs" / language / "haiphong.md").write_text(seeds[seed].read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "docs" / "en" / "other.md").write_text(seeds["unrelated"].read_text(encoding="utf-8"), encoding="utf-8")  # no translations
    result = run_cli("check", tmp_path, "--jobs", "1", "--format", "html", "-o", tmp_path / "r.html", "--format", "json", "-o", tmp_path / "r.json")
    assert result.returncode == 1, result.stderr
    issues = [i for i in json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))["issues"] if i["status"] == "new"]
    page, requests = open_page(browser, tmp_path / "r.html")
    assert requests == []
    assert page.locator(".finding").count() == len(issues)
    assert page.locator("#repository .finding[data-kind=missing_translation]").count() == 2
