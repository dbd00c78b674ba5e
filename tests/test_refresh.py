"""`etl refresh` against a real local news site over HTTP.

Three outlets publish the same wire story (RSS 2.0, Atom and RDF feeds,
different page boilerplate, headline and spelling edits, one trimmed); the
site also serves the usual faults. Assertions are on the published DuckDB
file, the work state and what the server saw.
"""

from __future__ import annotations

import socket
import time
from datetime import datetime

import duckdb
import pytest

from conftest import make_settings
from etl.feeds import Fetcher, FetchError, _retry_after
from etl.refresh import ConfigError, Refresher, load_sources
from etl.settings import Settings
from news_site import (OTHER_STORIES, Item, NewsSite, article_page, atom, generated_story, no_text_page, rdf,
                       rss, serve_generated, syndicated_versions)

JULY8 = datetime(2024, 7, 8, 6, 0)


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def build_site(site: NewsSite) -> dict:
    versions = syndicated_versions()
    pages = {}
    for outlet, prefix in (("Pacific Wire", "/pw"), ("Harbour Times", "/ht"), ("Island Ledger", "/il")):
        title, paras = versions[outlet]
        pages[outlet] = site.add(f"{prefix}/2024/07/08/japan-philippines-pact.html",
                                 article_page(outlet, title, paras, JULY8))
    stories = {}
    for (key, (title, paras)), outlet, prefix in zip(OTHER_STORIES.items(), ("Pacific Wire", "Harbour Times", "Island Ledger"),
                                                      ("/pw", "/ht", "/il")):
        stories[key] = site.add(f"{prefix}/{key}.html", article_page(outlet, title, paras, JULY8))
    flaky_title, flaky_paras, _ = generated_story(1)
    busy_title, busy_paras, _ = generated_story(2)
    slow_title, slow_paras, _ = generated_story(3)
    latin_paras = ["Le président de la République des Philippines a rencontré le Premier ministre du Japon à Tokyo "
                   "mardi pour discuter de la coopération maritime et de la sécurité régionale, selon un communiqué.",
                   "Les deux dirigeants ont convenu de renforcer les échanges entre leurs garde-côtes et d'organiser "
                   "des exercices conjoints dans la région au cours de l'année à venir."]
    u = {
        "flaky": site.add("/pw/flaky.html", article_page("Pacific Wire", flaky_title, flaky_paras, JULY8), fail_first=1),
        "busy": site.add("/pw/busy.html", article_page("Pacific Wire", busy_title, busy_paras, JULY8),
                         fail_first=1, fail_status=429, headers={"Retry-After": "1"}),
        "missing": site.url("/pw/missing.html"),
        "gallery": site.add("/pw/gallery.html", no_text_page()),
        "latin1": site.add("/pw/latin1.html", article_page("Pacific Wire", "Sommet à Tokyo", latin_paras, JULY8,
                                                            charset=None).encode("latin-1"), content_type="text/html"),
        "latin1_declared": site.add("/ht/latin1.html", article_page("Harbour Times", "Sommet à Tokyo", latin_paras, JULY8,
                                                                      charset="iso-8859-1").encode("latin-1"),
                                    content_type="text/html; charset=ISO-8859-1"),
        "binary": site.add("/pw/binary.html", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 20),
        "empty": site.add("/pw/empty.html", b""),
        "huge": site.add("/pw/huge.html", b"", chunked_size=400_000),
        "slow": site.add("/slow/story.html", article_page("Pacific Wire", slow_title, slow_paras, JULY8), delay=3.0),
    }
    rss_items = [Item(versions["Pacific Wire"][0], pages["Pacific Wire"], JULY8),
                 Item(OTHER_STORIES["nk-missile"][0], stories["nk-missile"], JULY8),
                 Item("Duplicate listing", stories["nk-missile"] + "?utm_source=rss", JULY8)]
    rss_items += [Item(k, u[k], JULY8) for k in ("flaky", "busy", "missing", "gallery", "latin1", "binary", "empty", "huge")]
    feeds = {
        "pw": site.add("/feeds/pw.rss", rss("Pacific Wire", rss_items), content_type="application/rss+xml", etag=True),
        "ht": site.add("/feeds/ht.atom", atom("Harbour Times", [
            Item(versions["Harbour Times"][0], pages["Harbour Times"], JULY8),
            Item(OTHER_STORIES["us-china-talks"][0], stories["us-china-talks"], JULY8),
            Item("Sommet à Tokyo", u["latin1_declared"], JULY8),
            Item("Also carried here", stories["nk-missile"], JULY8),  # listed by the RSS feed too
        ]), content_type="application/atom+xml", etag=True),
        "il_items": None,
        "broken": site.add("/feeds/broken.xml", '<?xml version="1.0"?><rss version="2.0"><channel><title>Oops</tit'
                           "<item><link>http://x</link></chan", content_type="application/rss+xml"),
        "gone": site.url("/feeds/gone.xml"),
        "unreachable": f"http://127.0.0.1:{_closed_port()}/feed.xml",
        "slow": site.add("/feeds/slow.rss", rss("Slow Times", [Item(slow_title, u["slow"], JULY8)]),
                         content_type="application/rss+xml", etag=True),
    }
    il_items = [Item(versions["Island Ledger"][0], pages["Island Ledger"], JULY8),
                Item(OTHER_STORIES["kor-jpn-drills"][0], stories["kor-jpn-drills"], JULY8)]
    feeds["il"] = site.add("/feeds/il.rdf", rdf("Island Ledger - Latest", il_items),
                           content_type="application/rdf+xml", etag=True)
    feeds["il_items"] = il_items
    return {"pages": pages, "stories": stories, "u": u, "feeds": feeds}


def config_for(feeds: dict) -> dict:
    return {"sources": [
        {"feed": feeds["pw"], "name": "pacific-wire"},
        {"feed": feeds["ht"]},
        {"feed": feeds["il"], "outlet": "Island Ledger"},
        {"feed": feeds["broken"]},
        {"feed": feeds["gone"]},
        {"feed": feeds["unreachable"]},
        {"feed": feeds["slow"]},
    ]}


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    with NewsSite() as site:
        urls = build_site(site)
        settings = make_settings(tmp_path_factory.mktemp("refresh") / "data", http_timeout=0.5, http_retries=2,
                                 http_backoff=0.05, max_file_bytes=200_000)
        refresher = Refresher(settings, config_for(urls["feeds"]))
        t0 = time.monotonic()
        first = refresher.run()
        t1 = time.monotonic()
        second = refresher.run()
        t2 = time.monotonic()
        yield {"site": site, "urls": urls, "settings": settings, "refresher": refresher, "first": first,
               "second": second, "first_seconds": t1 - t0, "second_seconds": t2 - t1}


def q(settings: Settings, sql: str, params=None):
    con = duckdb.connect(str(settings.db), read_only=True)
    try:
        return con.execute(sql, params or []).fetchall()
    finally:
        con.close()


def story_id(world) -> str:
    rows = q(world["settings"], "SELECT article_id FROM article_copies WHERE url = ?",
             [world["urls"]["pages"]["Pacific Wire"]])
    assert rows, "the wire story was not published"
    return rows[0][0]


def test_syndicated_story_is_one_article_with_three_copies(world):
    s = world["settings"]
    sid = story_id(world)
    copies = q(s, "SELECT outlet, url, similarity FROM article_copies WHERE article_id = ? ORDER BY outlet", [sid])
    assert [c[0] for c in copies] == ["Harbour Times", "Island Ledger", "Pacific Wire"], copies
    assert all(c[2] >= s.near_duplicate_threshold for c in copies)
    assert q(s, "SELECT copies, outlets FROM articles WHERE article_id = ?", [sid]) == [(3, 3)]
    # no interactions are counted from the copies: only the canonical article has any
    per_copy = q(s, "SELECT count(DISTINCT article_id) FROM interactions WHERE article_id IN "
                    "(SELECT copy_id FROM article_copies WHERE article_id = ?)", [sid])
    assert per_copy == [(1,)]


def test_events_count_distinct_outlets(world):
    s = world["settings"]
    sid = story_id(world)
    rows = q(s, "SELECT DISTINCT e.event_id, e.sources, e.articles FROM events e "
                "JOIN event_mentions m USING (event_id) JOIN interactions i USING (interaction_id) "
                "WHERE i.article_id = ?", [sid])
    assert rows, "no interactions extracted from the wire story"
    assert all(sources == 3 for _, sources, _ in rows), rows


def test_articles_and_metadata(world):
    s = world["settings"]
    rows = q(s, "SELECT url, title, outlet, published_at FROM articles ORDER BY url")
    urls = world["urls"]
    expected = {urls["pages"]["Pacific Wire"], *urls["stories"].values(), urls["u"]["flaky"], urls["u"]["busy"],
                urls["u"]["latin1_declared"]}
    assert {r[0] for r in rows} == expected
    by_url = {r[0]: r for r in rows}
    wire = by_url[urls["pages"]["Pacific Wire"]]
    assert wire[1] == "Japan and Philippines sign defence pact allowing troop deployments"
    assert wire[2] == "Pacific Wire"  # the feed's title
    assert wire[3] == JULY8  # the feed entry's date (the page only says the day)
    assert by_url[urls["stories"]["kor-jpn-drills"]][2] == "Island Ledger"  # config outlet beats the feed title
    text = q(s, "SELECT text FROM articles WHERE url = ?", [urls["u"]["latin1_declared"]])[0][0]
    assert "président de la République" in text and "Ã" not in text  # declared ISO-8859-1 decoded correctly
    wire_text = q(s, "SELECT text FROM articles WHERE url = ?", [urls["pages"]["Pacific Wire"]])[0][0]
    for boilerplate in ("cookies", "Subscribe", "Related stories", "All rights reserved", "Careers"):
        assert boilerplate not in wire_text


def test_every_fault_is_recorded_with_its_reason(world):
    s = world["settings"]
    urls = world["urls"]
    errors = dict(q(s, "SELECT source, reason FROM ingest_errors"))
    u, f = urls["u"], urls["feeds"]
    expect = {
        u["missing"]: "HTTP 404 Not Found",
        u["gallery"]: "no article text found on the page",
        u["latin1"]: "not UTF-8 and no character set declared",
        u["binary"]: "binary response",
        u["empty"]: "empty response",
        u["huge"]: "response too large",
        u["slow"]: "timed out after 0.5s (2 attempts)",
        f["broken"]: "feed: malformed feed",
        f["gone"]: "feed: HTTP 404 Not Found",
        f["unreachable"]: "feed: cannot connect",
        urls["stories"]["nk-missile"] + "?utm_source=rss": "duplicate feed item: listed twice in this feed",
    }
    for source, reason in expect.items():
        assert source in errors, f"{source} not recorded; recorded: {errors}"
        assert reason in errors[source], (source, errors[source])
    cross = [r for src, r in errors.items() if src == urls["stories"]["nk-missile"]]
    assert cross and cross[0] == f"duplicate feed item: already listed by {f['pw']}"
    assert u["flaky"] not in errors and u["busy"] not in errors  # retried and read


def test_retries_backoff_and_user_agent(world):
    site, s = world["site"], world["settings"]
    flaky = site.requests("/pw/flaky.html")
    assert len(flaky) == 2  # 500, then 200
    busy = [t for p, h, t in site.timed_log if p == "/pw/busy.html"]
    assert len(busy) == 2 and busy[1] - busy[0] >= 0.9  # Retry-After: 1 honoured (back-off alone is 0.05 s)
    assert len(site.requests("/pw/missing.html")) == 1  # a 404 is not retried
    assert all(h.get("User-Agent") == s.user_agent for _, h in site.log)


def test_runs_are_recorded(world):
    s = world["settings"]
    rows = q(s, "SELECT run_id, status, articles_seen, articles_added, duplicates, interactions_added, errors, "
                "finished_at >= started_at FROM runs ORDER BY started_at")
    assert len(rows) == 2
    first, second = rows
    assert first[0] == world["first"].run_id and first[1] == "ok"
    assert first[3] == 7 and first[4] == 2 and first[5] > 0 and first[6] >= 12 and first[7]
    assert second[1] == "ok" and second[3:6] == (0, 0, 0)


def test_second_refresh_is_conditional_and_adds_nothing(world):
    site, first, second = world["site"], world["first"], world["second"]
    for path in ("/feeds/pw.rss", "/feeds/ht.atom", "/feeds/il.rdf"):
        reqs = site.requests(path)
        assert len(reqs) == 2
        assert "If-None-Match" not in reqs[0] and reqs[1].get("If-None-Match"), path
        assert reqs[1].get("If-Modified-Since") == "Mon, 08 Jul 2024 06:00:00 GMT"
    # nothing re-fetched: each good page was requested once
    assert len(site.requests("/pw/2024/07/08/japan-philippines-pact.html")) == 1
    assert len(site.requests("/pw/gallery.html")) == 1
    assert second.feeds.not_modified == 3
    c = second.counts
    assert (c.articles_added, c.articles_updated, c.interactions_added) == (0, 0, 0)
    assert first.counts.articles_added == 7
    # the feed with a timed-out page is read in full again (no validators) and the page retried
    assert len(site.requests("/feeds/slow.rss")) == 2 and "If-None-Match" not in site.requests("/feeds/slow.rss")[1]
    assert len(site.requests("/slow/story.html")) == 4
    # fast: no spaCy, no pages; the retried slow page costs 2 x 0.5 s timeouts
    assert world["second_seconds"] < 3.0, world["second_seconds"]


def test_published_counts_unchanged_by_second_refresh(world):
    s = world["settings"]
    counts = q(s, "SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM article_copies), "
                  "(SELECT count(*) FROM interactions), (SELECT count(DISTINCT interaction_id) FROM interactions)")
    a, c, i, distinct = counts[0]
    assert (a, c) == (7, 9) and i == distinct and i > 0


def test_updated_entry_is_fetched_again(world):
    """Run 3 (after the module's two): the RDF feed dates one entry later and
    the page has a correction; only that page is fetched again."""
    site, urls, s = world["site"], world["urls"], world["settings"]
    key, (title, paras) = "kor-jpn-drills", OTHER_STORIES["kor-jpn-drills"]
    corrected = paras + ["Correction: an earlier version of this story misstated the date of the exercise."]
    site.add("/il/kor-jpn-drills.html", article_page("Island Ledger", title, corrected, JULY8))
    items = list(urls["feeds"]["il_items"])
    items[1] = Item(items[1].title, items[1].link, items[1].published, updated=datetime(2024, 7, 9, 8, 0))
    site.add("/feeds/il.rdf", rdf("Island Ledger - Latest", items), content_type="application/rdf+xml", etag=True)
    before_story = len(site.requests("/il/2024/07/08/japan-philippines-pact.html"))
    report = world["refresher"].run()
    assert report.counts.articles_updated == 1 and report.counts.articles_added == 0
    assert len(site.requests("/il/kor-jpn-drills.html")) == 2
    assert len(site.requests("/il/2024/07/08/japan-philippines-pact.html")) == before_story  # unchanged entry
    text = q(s, "SELECT text FROM articles WHERE url = ?", [urls["stories"][key]])[0][0]
    assert "Correction:" in text


def test_stop_request_mid_feed_publishes_what_it_has(world):
    """What the scheduler does on SIGTERM during a run: stop taking items,
    commit and publish those read; the feed is read in full next time."""
    site, s = world["site"], world["settings"]
    feeds = serve_generated(site, 12, feeds=1, prefix="/stop", start=500)
    calls = iter(range(10**6))

    def refresher(**kw):
        r = Refresher(s, {}, feeds, **kw)
        r._run = world["refresher"]._run  # the same Run: spaCy is loaded already
        return r

    first = refresher(should_stop=lambda: next(calls) >= 6).run()
    assert first.published and first.feeds.stopped
    assert 0 < first.counts.articles_added < 12
    published = q(s, "SELECT count(*) FROM articles WHERE url LIKE '%/stop/%'")[0][0]
    assert published == first.counts.articles_added
    second = refresher().run()
    assert second.counts.articles_added == 12 - first.counts.articles_added
    assert "If-None-Match" not in site.requests("/stop/feed0.xml")[1]  # no validators from the stopped run
    third = refresher().run()
    assert third.feeds.not_modified == 1 and third.counts.articles_added == 0


def test_sources_from_config_and_cli(tmp_path):
    (tmp_path / "news").mkdir()
    sources = load_sources({"sources": [{"feed": "https://example.org/rss", "outlet": "Example"},
                                        {"folder": "news", "name": "local"}]},
                           ["https://example.org/rss", "other"], base_dir=tmp_path)
    assert [(x.kind, x.location, x.outlet) for x in sources] == [
        ("feed", "https://example.org/rss", "Example"), ("folder", str(tmp_path / "news"), None),
        ("folder", str((__import__("pathlib").Path("other")).absolute()), None)]
    for bad in ({"sources": [{"feed": "x", "folder": "y"}]}, {"sources": [{"feed": "ftp://x"}]},
                {"sources": [{"url": "https://x"}]}, {"sources": {"feed": "https://x"}}):
        with pytest.raises(ConfigError):
            load_sources(bad)
    with pytest.raises(ConfigError, match="no sources"):
        Refresher(make_settings(tmp_path / "data"), {}, [])


def test_retry_after_parsing_and_limits(tmp_path):
    assert _retry_after("3") == 3.0 and _retry_after(None) is None and _retry_after("soon") is None
    assert _retry_after("Mon, 01 Jan 2001 00:00:00 GMT") == 0.0
    with NewsSite() as site:
        site.add("/later.html", b"x", status=503, headers={"Retry-After": "3600"})
        settings = make_settings(tmp_path / "data", http_retries=3, http_backoff=0.01)
        sleeps = []
        with Fetcher(settings, sleep=sleeps.append) as f:
            with pytest.raises(FetchError, match="retry after 3600s") as e:
                f.get(site.url("/later.html"))
        assert e.value.transient and sleeps == [] and len(site.requests("/later.html")) == 1
