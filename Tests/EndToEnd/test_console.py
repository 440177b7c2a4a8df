"""The web console in a real browser (Playwright driving Debian's chromium) against a real
`creators serve --http-port 0`: searching by typing and by clicking filters, sorting and
paging, errors at their column, the creator card with its flags, brief → shortlist with a
budget line that adds up, hostile profile text shown as text, the password gate, and labels
on every control. Controls are found by their accessible names (get_by_label / get_by_role).
"""
import csv
import io
import re
import urllib.parse

import pytest

from console_fixtures import (XSS_IMAGE, XSS_SCRIPT, ConsoleServer, browser, console_index, console_server, page,  # noqa: F401
                              screenshot)


def result_handles(page):
    return [text.lstrip("@") for text in page.locator("#results-table tbody tr td:first-child").all_inner_texts()]


def run_query(page, text):
    box = page.get_by_label("Query", exact=True)
    box.fill(text)
    box.press("Enter")


def wait_for_results(page):
    page.wait_for_selector("#results[aria-busy=false]")
    page.wait_for_function("() => document.querySelector('#summary').textContent.length > 0")


def test_typing_a_query_lists_the_expected_creators(page, console_server):
    query = "category:beauty tier:micro..mid sort:-followers"
    expected = console_server.search(query)
    page.goto(console_server.url("/"))
    run_query(page, query)
    page.wait_for_function("() => document.querySelectorAll('#results-table tbody tr').length > 0")
    assert result_handles(page) == [hit["handle"] for hit in expected["hits"]]
    summary = page.locator("#summary").inner_text()
    assert f"of {expected['total']:,} creators found in" in summary
    assert re.search(r"\d+(\.\d+)? ms", summary)
    # The URL shares the exact query.
    assert urllib.parse.parse_qs(urllib.parse.urlparse(page.url).query)["q"] == [query]
    link = page.get_by_role("link", name="Link to this search")
    assert urllib.parse.unquote(link.get_attribute("href")) == "/?q=" + query
    screenshot(page, "search")

    # Explain: the plan and each hit's score parts, as EXPLAIN gives them.
    page.get_by_role("button", name="Explain this search").click()
    plan = page.get_by_role("region", name="How the search ran")
    plan.locator("ol li").first.wait_for()
    status, explained = console_server.api("/api/explain?q=" + urllib.parse.quote(query))
    assert status == 200
    assert plan.locator("pre").nth(1).inner_text() == explained["plan"].rstrip("\n")
    assert plan.locator("ol li").count() == len(explained["hits"])

    # The shared link, opened afresh, shows the same rows.
    page.goto(console_server.url(link.get_attribute("href")))
    page.wait_for_function("() => document.querySelectorAll('#results-table tbody tr').length > 0")
    assert result_handles(page) == [hit["handle"] for hit in expected["hits"]]
    assert page.get_by_label("Query", exact=True).input_value() == query


def test_clicking_filters_writes_the_query(page, console_server):
    page.goto(console_server.url("/"))
    box = page.get_by_label("Query", exact=True)
    page.get_by_label("tiktok", exact=True).check()
    page.get_by_label("instagram", exact=True).check()
    assert box.input_value() == "platform:tiktok,instagram"
    page.get_by_label("micro", exact=True).check()
    assert box.input_value() == "platform:tiktok,instagram tier:micro"
    country = page.get_by_label("Creator country")
    country.fill("US")
    country.press("Enter")
    page.get_by_label("Highest risk level").select_option("low")
    page.get_by_label("exclude bought followers").check()
    engagement = page.get_by_label("Engagement rate at least (%)")
    engagement.fill("2")
    engagement.press("Tab")
    expected_query = "platform:tiktok,instagram tier:micro country:US risk:<=low -flag:bought_followers er:>=2%"
    assert box.input_value() == expected_query
    wait_for_results(page)
    expected = console_server.search(expected_query)
    page.wait_for_function(f"() => document.querySelectorAll('#results-table tbody tr').length === {len(expected['hits'])}")
    rows = page.locator("#results-table tbody tr")
    for index in range(rows.count()):
        cells = rows.nth(index).locator("td").all_inner_texts()
        assert cells[1] in ("tiktok", "instagram") and cells[2] == "US" and cells[4] == "micro" and cells[7] == "low"
    assert result_handles(page) == [hit["handle"] for hit in expected["hits"]]

    # Unchecking removes the clause; typing a clause sets the control.
    page.get_by_label("instagram", exact=True).uncheck()
    assert box.input_value().startswith("platform:tiktok tier:micro")
    box.fill("platform:youtube tier:nano..micro")
    assert page.get_by_label("youtube", exact=True).is_checked()
    assert page.get_by_label("nano", exact=True).is_checked() and page.get_by_label("micro", exact=True).is_checked()
    assert not page.get_by_label("tiktok", exact=True).is_checked()

    # The audience control adds a clause.
    page.get_by_label("Audience dimension").select_option("aud.gender")
    page.get_by_label("Audience value").fill("female")
    page.get_by_label("Audience share at least (%)").fill("60")
    page.get_by_role("button", name="Add audience filter").click()
    assert box.input_value() == "platform:youtube tier:nano..micro aud.gender:female>=60%"
    screenshot(page, "search-filters")


def test_sorting_and_paging_go_through_the_query(page, console_server):
    page.goto(console_server.url("/?q=" + urllib.parse.quote("category:lifestyle")))
    wait_for_results(page)
    page.get_by_role("button", name="Followers").click()
    box = page.get_by_label("Query", exact=True)
    page.wait_for_function("() => document.querySelector('th[data-sort=followers]').getAttribute('aria-sort') === 'descending'")
    assert box.input_value() == "category:lifestyle sort:-followers"
    expected = console_server.search("category:lifestyle sort:-followers")
    page.wait_for_function(f"() => document.querySelector('#results-table tbody td a').textContent === '@{expected['hits'][0]['handle']}'")
    followers = [int(text.replace(",", "")) for text in page.locator("#results-table tbody tr td:nth-child(4)").all_inner_texts()]
    assert followers == sorted(followers, reverse=True)

    page.get_by_role("button", name="Next page").click()
    page.wait_for_function("() => document.querySelector('#summary').textContent.startsWith('21–')")
    assert box.input_value() == "category:lifestyle sort:-followers offset:20"
    second = console_server.search("category:lifestyle sort:-followers offset:20")
    assert result_handles(page) == [hit["handle"] for hit in second["hits"]]
    page.get_by_role("button", name="Previous page").click()
    page.wait_for_function("() => document.querySelector('#summary').textContent.startsWith('1–')")
    assert box.input_value() == "category:lifestyle sort:-followers"


@pytest.mark.parametrize("query, column, bad, caret_cell", [
    ("category:beauty contry:US", 17, "contry", 16),
    ("护肤 contry:CN", 4, "contry", 5),  # 护肤 takes four cells in a monospace font
    ("tier:micro..giant", 13, "giant", 12),
])
def test_a_bad_query_shows_its_error_at_its_column(page, console_server, query, column, bad, caret_cell):
    page.goto(console_server.url("/"))
    run_query(page, query)
    alert = page.get_by_role("alert")
    alert.wait_for()
    assert f"error at column {column}:" in alert.inner_text()
    assert alert.locator("mark").inner_text() == bad
    caret_line = alert.locator("pre").inner_text().split("\n")[1]
    assert caret_line == " " * caret_cell + "^" * len(bad)
    box = page.get_by_label("Query", exact=True)
    assert box.get_attribute("aria-invalid") == "true"
    start, end = box.evaluate("element => [element.selectionStart, element.selectionEnd]")
    assert query[start:end] == bad
    if column == 17:
        assert "did you mean 'country'" in alert.inner_text()
        screenshot(page, "search-error")


def test_the_creator_card_shows_flags_with_their_evidence(page, console_server):
    flagged = console_server.search("flag:bought_followers sort:-followers limit:1")["hits"][0]
    page.goto(console_server.url("/?q=" + urllib.parse.quote("flag:bought_followers sort:-followers")))
    wait_for_results(page)
    page.get_by_role("link", name="@" + flagged["handle"], exact=True).first.click()
    page.wait_for_selector("#card[aria-busy=false]")
    assert page.get_by_role("heading", level=1).inner_text()
    flags = page.get_by_role("list", name="Risk flags")
    raised = flags.locator("li")
    titles = raised.locator("strong").all_inner_texts()
    assert "Bought followers" in titles
    assert len(titles) == len(flagged["flags"])
    evidence = flags.locator("li[data-flag=bought_followers]").inner_text()
    assert "followers jumped" in evidence
    # The follower history chart, the audience bars, and the peer comparison.
    assert page.get_by_role("img", name=re.compile("^Follower history")).count() == 1
    assert page.locator("svg.line-chart path.line").count() == 1
    assert page.get_by_role("region", name="Countries").count() <= 1
    screenshot(page, "creator")

    # Find lookalikes: a like: search for this creator.
    page.get_by_role("link", name="Find lookalikes").click()
    wait_for_results(page)
    assert page.get_by_label("Query", exact=True).input_value() == f"like:@{flagged['handle']}"
    assert page.locator("#results-table tbody tr").count() > 0


def test_hostile_profile_text_stays_text(page, console_server):
    page.add_init_script("window.__xss = undefined;")
    page.goto(console_server.url("/creator?id=" + urllib.parse.quote("tiktok:990000001")))
    page.wait_for_selector("#card[aria-busy=false]")
    bio = page.locator("#bio")
    assert bio.inner_text() == f"skincare tips {XSS_SCRIPT} and {XSS_IMAGE} done"
    assert bio.get_attribute("dir") == "auto"
    assert page.get_by_role("heading", level=1).inner_text() == 'Eve <img src=x onerror=window.__xss=1> "quoted"'
    assert page.locator("#card img").count() == 0
    assert page.locator("#card script").count() == 0
    assert "caption " + XSS_IMAGE in page.locator(".posts").inner_text()
    page.wait_for_timeout(300)
    assert page.evaluate("window.__xss") is None
    screenshot(page, "creator-xss")

    # In the results table too.
    page.goto(console_server.url("/?q=" + urllib.parse.quote("handle:xss_probe")))
    wait_for_results(page)
    assert result_handles(page) == ["xss_probe"]
    assert page.evaluate("window.__xss") is None


def test_right_to_left_bios_read_right_to_left(page, console_server):
    for reference, text in [("instagram:990000002", "مدونة جمال"), ("instagram:990000003", "מתכונים")]:
        page.goto(console_server.url("/creator?id=" + urllib.parse.quote(reference)))
        page.wait_for_selector("#card[aria-busy=false]")
        bio = page.locator("#bio")
        assert text in bio.inner_text()
        assert bio.evaluate("element => getComputedStyle(element).direction") == "rtl"
        assert page.get_by_role("heading", level=1).evaluate("element => element.matches(':dir(rtl)')")
    screenshot(page, "creator-rtl")


def match_available(server):
    status, document = server.api("/api/match", body=b'{"product": "serum"}')
    return status == 200, document


def test_a_brief_gives_a_shortlist_whose_budget_line_adds_up(page, console_server, tmp_path):
    available, document = match_available(console_server)
    if not available:
        pytest.skip(f"MATCH is not available in this build: {document}")
    page.goto(console_server.url("/brief"))
    page.get_by_label("Product (required)").fill("Vitamin C serum for sensitive skin, cruelty-free")
    page.get_by_label("Categories").fill("skincare, beauty")
    page.get_by_label("Budget total (USD)").fill("20000")
    page.get_by_label("Shortlist length").fill("6")
    page.get_by_role("button", name="Find creators", exact=True).click()
    rows = page.locator("#shortlist-table tbody tr")
    rows.first.wait_for()
    page.wait_for_function("() => !document.querySelector('#figures').textContent.includes('estimating')")
    count = rows.count()
    assert 1 <= count <= 6

    def budget_adds_up():
        prices = [float(value) for value in page.locator("#shortlist-table tbody tr:not(.dropped) td.price").evaluate_all(
            "cells => cells.map(cell => cell.dataset.usd).filter(value => value !== '')")]
        line = page.locator("#budget-line")
        cost = float(line.get_attribute("data-cost"))
        assert cost == pytest.approx(sum(prices), abs=0.01)
        budget = float(line.get_attribute("data-budget"))
        assert budget == 20000
        text = line.inner_text()
        assert f"${round(cost):,}" in text and "$20,000" in text
        left = budget - cost
        assert (f"${round(left):,} left" in text) if left >= 0 else (f"${round(-left):,} over" in text)
        return cost, prices

    cost, prices = budget_adds_up()
    assert page.locator("#figures").inner_text().count("Unique reach") == 1
    # Every row explains itself: score parts and a one-line reason.
    assert all(text.strip() for text in page.locator("#shortlist-table td.reason").all_inner_texts())
    assert page.locator("#shortlist-table .parts li").count() >= count
    if count >= 2:
        assert page.locator("#heatmap table tbody tr").count() == count
    screenshot(page, "brief")

    # Drop the first creator: the figures follow.
    first_handle = rows.first.locator("td a").inner_text()
    reach_before = page.locator("#figures dd").nth(1).inner_text()
    page.get_by_label(f"Include {first_handle}").uncheck()
    page.wait_for_function(f"() => document.querySelector('#figures dd').textContent === '{count - 1}'")
    page.wait_for_function("() => !document.querySelector('#figures').textContent.includes('estimating')")
    new_cost, _ = budget_adds_up()
    assert new_cost <= cost
    assert page.locator("#figures dd").nth(1).inner_text() != reach_before or count == 1
    if count - 1 >= 2:
        assert page.locator("#heatmap table tbody tr").count() == count - 1

    # Add one by hand.
    page.get_by_label("Add a creator (id or @handle)").fill("tiktok:990000001")
    page.get_by_role("button", name="Add", exact=True).click()
    page.wait_for_function(f"() => document.querySelector('#figures dd').textContent === '{count}'")
    assert "@xss_probe" in page.locator("#shortlist-table").inner_text()
    budget_adds_up()

    # Export: the CSV holds the creators in the plan.
    with page.expect_download() as download:
        page.get_by_role("button", name="Export shortlist as CSV").click()
    path = tmp_path / "shortlist.csv"
    download.value.save_as(path)
    table = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))
    assert len(table) == count
    assert "xss_probe" in [row["handle"] for row in table]
    assert first_handle.lstrip("@") not in [row["handle"] for row in table]


def test_a_bad_brief_names_its_field(page, console_server):
    available, document = match_available(console_server)
    if not available:
        pytest.skip(f"MATCH is not available in this build: {document}")
    page.goto(console_server.url("/brief"))
    page.get_by_text("Brief as JSON").click()
    page.get_by_label("Brief JSON").fill('{"product": "serum", "count": "many"}')
    page.get_by_role("button", name="Find creators for this JSON").click()
    alert = page.locator("#brief-error")
    alert.wait_for()
    assert "count" in alert.inner_text()


def test_every_control_has_a_label_and_the_keyboard_reaches_it(page, console_server):
    for path in ["/", "/brief", "/login", "/creator?id=" + urllib.parse.quote("tiktok:990000001")]:
        page.goto(console_server.url(path))
        page.wait_for_load_state("networkidle")
        unlabeled = page.evaluate("""() => [...document.querySelectorAll('input, select, textarea, button')]
            .filter(element => element.type !== 'hidden' && !element.closest('[hidden]'))
            .filter(element => !(element.labels && element.labels.length) && !element.getAttribute('aria-label')
                               && !(element.tagName === 'BUTTON' && element.textContent.trim()))
            .map(element => element.outerHTML)""")
        assert unlabeled == [], (path, unlabeled)
        screenshot(page, "page" + path.split("?")[0].replace("/", "-").rstrip("-"))

    # Search with the keyboard only: the query box has focus on arrival, Enter searches, Tab
    # reaches the filters, Space ticks one.
    page.goto(console_server.url("/"))
    page.keyboard.type("category:travel")
    page.keyboard.press("Enter")
    wait_for_results(page)
    assert page.locator("#results-table tbody tr").count() > 0
    page.get_by_label("tiktok", exact=True).focus()
    page.keyboard.press("Space")
    assert page.get_by_label("Query", exact=True).input_value() == "category:travel platform:tiktok"


def test_the_password_gates_the_console(browser, console_index):
    server = ConsoleServer(console_index, password="open sesame")
    context = browser.new_context()
    try:
        page = context.new_page()
        page.goto(server.url("/brief"))
        assert urllib.parse.urlparse(page.url).path == "/login"
        page.get_by_label("Password").fill("wrong")
        page.get_by_role("button", name="Sign in").click()
        page.get_by_role("alert").wait_for()
        assert "Wrong password" in page.get_by_role("alert").inner_text()
        screenshot(page, "login")
        page.get_by_label("Password").fill("open sesame")
        page.get_by_role("button", name="Sign in").click()
        page.wait_for_url(re.compile(r"/brief$"))
        cookie = next(cookie for cookie in context.cookies() if cookie["name"] == "creators_session")
        assert cookie["httpOnly"] and cookie["sameSite"] == "Strict"
        assert page.evaluate("document.cookie") == ""  # HttpOnly: no script can read the session
        page.goto(server.url("/?q=category%3Atravel"))
        wait_for_results(page)
        assert page.locator("#results-table tbody tr").count() > 0
        page.get_by_role("button", name="Sign out").click()
        page.wait_for_url(re.compile(r"/login"))
        page.goto(server.url("/"))
        assert urllib.parse.urlparse(page.url).path == "/login"
        # The API: Bearer works, nothing else does.
        assert server.api("/api/stats")[0] == 200
        server.password = None
        status, document = server.api("/api/stats")
        assert status == 401 and document["error"]["code"] == "NOAUTH"
    finally:
        context.close()
        server.stop()


def test_the_clause_editor(page, console_server):
    """query-text.js, run in the page: edits keep the user's own constructions, and any
    sequence of filter edits gives a query the server accepts."""
    page.goto(console_server.url("/login"))
    cases = page.evaluate("""async () => {
        const q = await import('/assets/query-text.js');
        return [
            q.setClause('skincare OR makeup', 'platform', 'platform:x'),
            q.setClause('platform:a sort:-er', 'platform', ''),
            q.setClause('"x y" platform:a tier:nano', 'platform', 'platform:b'),
            q.setClause('platform:a OR platform:b', 'platform', 'platform:c'),
            q.setClause('(platform:a OR platform:b) tier:nano', 'platform', 'platform:c'),
            q.setDirective('a offset:20 sort:-er', 'offset', null),
            q.setDirective('a sort:-er', 'offset', '40'),
            q.setClause('-flag:a flag:b', 'flag', '-flag:c', true),
            q.addClause('a limit:5', 'aud.country:US>=40%'),
            q.graphemeSpanToUtf16('👍🏽 contry', {start: 2, end: 8}),
        ];
    }""")
    assert cases == [
        "(skincare OR makeup) platform:x",
        "sort:-er",
        '"x y" platform:b tier:nano',
        "(platform:a OR platform:b) platform:c",
        "(platform:a OR platform:b) tier:nano platform:c",
        "a sort:-er",
        "a sort:-er offset:40",
        "-flag:c flag:b",
        "a aud.country:US>=40% limit:5",
        [5, 11],
    ]
    queries = page.evaluate("""async () => {
        const q = await import('/assets/query-text.js');
        let seed = 7;
        const random = (n) => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed % n; };
        const edits = [
            (t) => q.setClause(t, 'platform', ['', 'platform:tiktok', 'platform:youtube,x'][random(3)]),
            (t) => q.setClause(t, 'tier', ['', 'tier:micro', 'tier:nano,mega'][random(3)]),
            (t) => q.setClause(t, 'country', ['', 'country:US', 'country:BR,ID'][random(3)]),
            (t) => q.setClause(t, 'er', ['', 'er:>=2%', 'er:>=0.5%'][random(3)]),
            (t) => q.setClause(t, 'followers', ['', 'followers:10k..', 'followers:1k..200k'][random(3)]),
            (t) => q.setClause(t, 'flag', ['', '-flag:bought_followers', '-flag:disputes,stale_data'][random(3)], true),
            (t) => q.setClause(t, 'risk', ['', 'risk:<=low', 'risk:<=medium'][random(3)]),
            (t) => q.addClause(t, ['aud.gender:female>=50%', 'aud.country:US>=10%'][random(2)]),
            (t) => q.setDirective(t, 'sort', [null, '-followers', 'er'][random(3)]),
            (t) => q.setDirective(t, 'offset', [null, '20'][random(2)]),
            (t) => q.setDirective(t, 'limit', [null, '5'][random(2)]),
        ];
        const starts = ['', 'skincare', '"morning routine" lang:en', 'beauty OR fashion', '护肤 OR スキンケア', '(gaming OR tech) -platform:x'];
        const made = [];
        for (let i = 0; i < 120; i++) {
            let text = starts[random(starts.length)];
            for (let step = 0; step < 1 + random(6); step++) text = edits[random(edits.length)](text);
            made.push(text);
        }
        return made;
    }""")
    for query in queries:
        status, document = console_server.api("/api/search?q=" + urllib.parse.quote(query))
        assert status == 200, (query, document)
