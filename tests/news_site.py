"""A small news web site on 127.0.0.1 for the refresh tests and the benchmark.

Realistic article pages (navigation, cookie banner, related links, footer
around the article), RSS 2.0 / Atom / RDF feeds with ETag and Last-Modified
(304 on a matching conditional request), and the broken things real sites
do: 404, 500 then 200, slow responses, malformed XML, pages without article
text, non-UTF-8 and binary bodies, empty and huge responses. Every request is
logged with its headers.
"""

from __future__ import annotations

import hashlib
import html
import random
import threading
import time
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Callable

# --- the syndicated story: one wire report, three outlets' versions ---------------

STORY_TITLE = "Japan and Philippines sign defence pact allowing troop deployments"
STORY = [
    "MANILA, July 8 — Japan and the Philippines signed a reciprocal access agreement on Monday that will allow "
    "the two countries to deploy troops on each other's territory for joint military exercises, as both nations "
    "seek to counter China's growing assertiveness in the region.",
    "Japanese Foreign Minister Yoko Kamikawa and Defence Minister Minoru Kihara signed the pact with Philippine "
    "Defence Secretary Gilberto Teodoro in a ceremony in Manila witnessed by President Ferdinand Marcos Jr.",
    "The agreement must still be ratified by Japan's parliament and the Philippine Senate before it takes effect. "
    "Officials said it would make it easier to hold large-scale drills, including live-fire exercises, and to "
    "respond jointly to natural disasters.",
    "China criticised the deal. A foreign ministry spokesperson in Beijing said countries in the Asia-Pacific "
    "should not form exclusive blocs and warned that the agreement must not harm the interests of third parties "
    "or undermine regional peace.",
    "The Philippines and China have clashed repeatedly this year over disputed features in the South China Sea. "
    "In June, Chinese coast guard personnel armed with knives and axes boarded Philippine navy boats near Second "
    "Thomas Shoal, injuring several sailors.",
    "Japan has been strengthening security ties with countries across the region. Tokyo signed similar "
    "agreements with Australia and Britain, and it is negotiating another with France.",
    "The United States, which is treaty-bound to defend both countries, welcomed the pact. Secretary of State "
    "Antony Blinken said Washington supports closer cooperation between its two allies in support of a free and "
    "open Indo-Pacific.",
    "Analysts said the agreement marks a significant shift for Japan, whose pacifist constitution long limited "
    "the role of its military overseas.",
]


def syndicated_versions() -> dict[str, tuple[str, list[str]]]:
    """outlet -> (headline, paragraphs): the wire copy, an American-spelling
    rewrite with a new headline and credit line, and a trimmed copy with
    small edits, as papers that run wire stories publish them."""
    us = [p.replace("Defence", "Defense").replace("defence", "defense").replace("criticised", "criticized")
          for p in STORY]
    us[0] = us[0].replace("MANILA, July 8 — ", "MANILA (Harbour Times) — ").replace("on Monday", "on Monday, July 8,")
    us.append("Reporting by staff correspondents in Manila and Tokyo; editing by the Asia desk.")
    trimmed = list(STORY[:-1])
    trimmed[1] = trimmed[1].replace("Japanese Foreign Minister Yoko Kamikawa", "Foreign Minister Yoko Kamikawa of Japan")
    trimmed[3] = trimmed[3].replace("A foreign ministry spokesperson", "A spokesperson for the foreign ministry")
    trimmed.append("With reports from wire services.")
    return {
        "Pacific Wire": (STORY_TITLE, list(STORY)),
        "Harbour Times": ("Tokyo, Manila seal troop access deal as China tensions mount", us),
        "Island Ledger": (STORY_TITLE, trimmed),
    }


OTHER_STORIES = {
    "nk-missile": ("North Korea fires ballistic missile toward Sea of Japan", [
        "SEOUL, Oct 31 — North Korea launched a long-range ballistic missile toward the sea off its east coast on "
        "Thursday, South Korea's military said, days before the U.S. presidential election.",
        "Japan's defence ministry said the missile flew for about 86 minutes, the longest flight time recorded for "
        "a North Korean missile, before falling outside Japan's exclusive economic zone.",
        "South Korea condemned the launch as a clear provocation. The United States, South Korea and Japan "
        "warned North Korea that further tests would be met with a firm and united response.",
        "Pyongyang said the test was a necessary response to what it called hostile military drills by "
        "Washington and Seoul near the Korean peninsula.",
    ]),
    "us-china-talks": ("China rejects U.S. call for military talks over Taiwan Strait", [
        "BEIJING, Feb 14 — China on Wednesday rejected a proposal from the United States to resume high-level "
        "military talks, saying Washington must first stop arms sales to Taiwan.",
        "A defence ministry spokesperson in Beijing said the United States bore full responsibility for the "
        "breakdown in communication between the two militaries.",
        "Officials in Washington had proposed a call between defence chiefs after a series of close encounters "
        "between Chinese and American aircraft over the South China Sea.",
        "The State Department said it regretted the decision and would continue to seek open channels with Beijing.",
    ]),
    "kor-jpn-drills": ("South Korea and Japan hold first joint drills in years", [
        "TOKYO, May 20 — South Korea and Japan held their first bilateral naval search-and-rescue exercise in "
        "years on Monday, a sign of warming ties between the two neighbours.",
        "The drills off the southern Japanese island of Kyushu involved destroyers and helicopters from both "
        "navies, the Japanese Maritime Self-Defense Force said.",
        "Seoul and Tokyo agreed last year to restore military exchanges that had been suspended since 2018 over a "
        "dispute about a radar incident.",
        "Analysts said the exercise reflected shared concerns about North Korea's weapons programmes.",
    ]),
}

# --- pages ----------------------------------------------------------------------

OUTLET_CHROME = {
    "Pacific Wire": ("Pacific Wire", ["World", "Asia", "Business", "Markets", "Opinion", "Video"],
                     "© 2024 Pacific Wire Ltd. All rights reserved. Terms of use. Privacy policy."),
    "Harbour Times": ("The Harbour Times", ["Home", "Region", "Politics", "Sport", "Lifestyle", "Podcasts"],
                      "The Harbour Times is published by Harbour Media Group. Contact us. Advertise with us."),
    "Island Ledger": ("Island Ledger", ["Latest", "Nation", "World", "Editorial", "Weather", "Obituaries"],
                      "Copyright Island Ledger Publishing. Republication without permission is prohibited."),
}


def article_page(outlet: str, title: str, paragraphs: list[str], published: datetime | None = None,
                 charset: str | None = "utf-8", related: list[str] | None = None) -> str:
    site, sections, legal = OUTLET_CHROME.get(outlet, (outlet, ["Home", "News", "About"], f"© {outlet}"))
    nav = "".join(f'<li><a href="/section/{s.lower()}">{s}</a></li>' for s in sections)
    related = related or ["Markets close higher as investors weigh rate outlook",
                          "Typhoon season forecast to be more active than usual",
                          "Ten recipes for a summer weekend"]
    rel = "".join(f'<li><a href="/related/{i}">{html.escape(r)}</a></li>' for i, r in enumerate(related))
    body = "\n".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
    date_meta = (f'<meta property="article:published_time" content="{published.isoformat()}Z">'
                 f'<time datetime="{published.isoformat()}Z">{published:%B %d, %Y}</time>') if published else ""
    meta_charset = f'<meta charset="{charset}">' if charset else ""
    return f"""<!DOCTYPE html>
<html lang="en"><head>{meta_charset}
<title>{html.escape(title)} | {html.escape(site)}</title>
<meta property="og:site_name" content="{html.escape(site)}">
<meta property="og:title" content="{html.escape(title)}">
</head><body>
<div class="cookie-banner">We use cookies to improve your experience. <button>Accept all</button> <a href="/privacy">Manage preferences</a></div>
<header><a class="logo" href="/">{html.escape(site)}</a><nav><ul>{nav}</ul></nav>
<form action="/search"><input name="q" placeholder="Search"></form></header>
<main><article>
<h1>{html.escape(title)}</h1>
<div class="byline">By Staff Reporter {date_meta}</div>
{body}
</article>
<aside class="related"><h2>Related stories</h2><ul>{rel}</ul></aside>
<div class="newsletter"><h3>Get the morning briefing</h3><p>Sign up for our free newsletter and never miss a story.</p>
<input type="email" placeholder="Email address"><button>Subscribe</button></div>
</main>
<footer><ul><li><a href="/about">About us</a></li><li><a href="/careers">Careers</a></li><li><a href="/contact">Contact</a></li></ul>
<p>{html.escape(legal)}</p></footer>
</body></html>"""


def no_text_page() -> str:
    return article_page("Pacific Wire", "Photo gallery: the week in pictures", [])


# --- feeds ------------------------------------------------------------------------

@dataclass
class Item:
    title: str
    link: str
    published: datetime
    updated: datetime | None = None


def _rfc822(d: datetime) -> str:
    return format_datetime(d.replace(tzinfo=timezone.utc), usegmt=True)


def rss(title: str, items: list[Item]) -> str:
    body = "".join(
        f"<item><title>{html.escape(i.title)}</title><link>{html.escape(i.link)}</link>"
        f"<guid>{html.escape(i.link)}</guid><pubDate>{_rfc822(i.updated or i.published)}</pubDate>"
        f"<description>{html.escape(i.title)}</description></item>\n" for i in items)
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel><title>{html.escape(title)}</title>'
            f"<link>http://example.invalid/</link><description>News</description>\n{body}</channel></rss>")


def atom(title: str, items: list[Item]) -> str:
    body = "".join(
        f"<entry><title>{html.escape(i.title)}</title><link href=\"{html.escape(i.link)}\"/>"
        f"<id>{html.escape(i.link)}</id><published>{i.published.isoformat()}Z</published>"
        f"<updated>{(i.updated or i.published).isoformat()}Z</updated><summary>{html.escape(i.title)}</summary></entry>\n"
        for i in items)
    return (f'<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">'
            f"<title>{html.escape(title)}</title><id>urn:feed:{hashlib.md5(title.encode()).hexdigest()}</id>"
            f"<updated>2024-07-08T00:00:00Z</updated>\n{body}</feed>")


def rdf(title: str, items: list[Item]) -> str:
    seq = "".join(f'<rdf:li rdf:resource="{html.escape(i.link)}"/>' for i in items)
    body = "".join(
        f'<item rdf:about="{html.escape(i.link)}"><title>{html.escape(i.title)}</title>'
        f"<link>{html.escape(i.link)}</link><dc:date>{i.published.isoformat()}Z</dc:date>"
        + (f"<dcterms:modified>{i.updated.isoformat()}Z</dcterms:modified>" if i.updated else "")
        + "</item>\n" for i in items)
    return ('<?xml version="1.0" encoding="utf-8"?>\n'
            '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/">'
            f'<channel rdf:about="http://example.invalid/"><title>{html.escape(title)}</title>'
            f"<link>http://example.invalid/</link><description>News</description><items><rdf:Seq>{seq}</rdf:Seq></items>"
            f"</channel>\n{body}</rdf:RDF>")


# --- generated articles (many distinct stories, for volume tests) --------------------

_COUNTRIES = [("Japan", "Tokyo", "Japanese"), ("China", "Beijing", "Chinese"), ("South Korea", "Seoul", "South Korean"),
              ("North Korea", "Pyongyang", "North Korean"), ("the United States", "Washington", "American"),
              ("the Philippines", "Manila", "Philippine")]
_ACTS = [
    "{a} and {b} agreed on {day} to expand joint naval exercises near {place}",
    "{a} warned {b} on {day} that it would respond to any provocation near {place}",
    "{a} proposed talks with {b} on {day} about {topic}",
    "{a} rejected a demand from {b} on {day} to halt {topic}",
    "{a} pledged on {day} to deepen security cooperation with {b} on {topic}",
    "{a} condemned {b} on {day} over {topic} near {place}",
]
_TOPICS = ["maritime patrols", "missile tests", "fishing rights", "coast guard operations", "supply chains",
           "cyber defence", "port visits", "air defence zones", "sanctions enforcement", "satellite launches",
           "undersea cables", "rare earth exports", "disaster relief", "arms sales", "border inspections"]
_PLACES = ["the Yellow Sea", "Scarborough Shoal", "the Taiwan Strait", "Okinawa", "Jeju island", "Luzon Strait",
           "the East China Sea", "Second Thomas Shoal", "Hokkaido", "the Korean peninsula", "Palawan", "Guam"]
_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
_FILLER = [
    "Officials in {city} said {n} {unit} had been {verb} since {month}, according to figures seen by reporters",
    "The {adj} {noun} in {city} drew about {n} people, local media reported",
    "A spokesperson for the {adj} {noun} declined to comment on the {n} {unit} mentioned in the report",
    "{city} has spent {n} million dollars on {topic} over the past {k} years, budget documents show",
    "Researchers at a {adj} institute in {city} counted {n} {unit} near {place} during {month}",
    "Lawmakers in {city} will debate the {adj} {noun} in {month}, a parliamentary aide said",
    "Shares of {adj} shipbuilders rose {k} percent in {city} after the announcement on {topic}",
    "Residents near {place} told reporters that {n} {unit} passed through the area in {month}",
]
_FILL = {
    "unit": ["vessels", "aircraft", "containers", "inspections", "patrols", "drones", "permits", "flights"],
    "verb": ["recorded", "intercepted", "inspected", "approved", "tracked", "reported", "detained", "cleared"],
    "month": ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October"],
    "adj": ["regional", "national", "independent", "coastal", "provincial", "municipal", "private", "joint"],
    "noun": ["committee", "task force", "agency", "council", "commission", "forum", "working group", "panel"],
}


def generated_story(i: int) -> tuple[str, list[str], datetime]:
    """A distinct, plausible short news story (title, paragraphs, date) for volume tests."""
    rng = random.Random(i * 7919 + 17)
    (a, city_a, adj_a), (b, _, _) = rng.sample(_COUNTRIES, 2)
    day = rng.choice(_DAYS)
    act = rng.choice(_ACTS).format(a=a, b=b, day=day, place=rng.choice(_PLACES), topic=rng.choice(_TOPICS))
    act = act[0].upper() + act[1:]
    published = datetime(2024, 1, 1) + timedelta(days=rng.randrange(300), hours=rng.randrange(24))
    paras = [f"{city_a.upper()}, {published:%b} {published.day} — {act}, officials said."]
    sentences = []
    for _ in range(5):
        t = rng.choice(_FILLER)
        sentences.append(t.format(city=rng.choice([c[1] for c in _COUNTRIES]), n=rng.randrange(3, 9000),
                                  k=rng.randrange(2, 40), place=rng.choice(_PLACES), topic=rng.choice(_TOPICS),
                                  **{k: rng.choice(v) for k, v in _FILL.items()}) + ".")
    paras.append(" ".join(sentences[:2]) + f" Story number {i} in this series was filed by desk {rng.randrange(100, 999)}.")
    paras.append(" ".join(sentences[2:]))
    title = f"{adj_a} officials and {b.removeprefix('the ')} in talks over {rng.choice(_TOPICS)} ({i})"
    return title, paras, published


def write_articles(folder, ids) -> None:
    """Generated stories as .txt files (title, blank line, text) in `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    for i in ids:
        title, paras, _ = generated_story(i)
        (folder / f"story_{i:04d}.txt").write_text(title + "\n\n" + "\n".join(paras) + "\n", encoding="utf-8")


# --- the server -----------------------------------------------------------------------

@dataclass
class Resource:
    body: bytes | Callable[[], bytes]
    content_type: str = "text/html; charset=utf-8"
    status: int = 200
    etag: bool = False  # send ETag + Last-Modified and answer matching conditional requests with 304
    delay: float = 0.0  # seconds before answering (slow server)
    fail_first: int = 0  # answer fail_status to the first N requests
    fail_status: int = 500
    headers: dict = field(default_factory=dict)
    chunked_size: int = 0  # stream this many bytes without Content-Length (huge responses)
    hits: int = 0


class NewsSite:
    def __init__(self):
        self.resources: dict[str, Resource] = {}
        self.log: list[tuple[str, dict]] = []
        self.timed_log: list[tuple[str, dict, float]] = []
        self._lock = threading.Lock()
        site = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):
                pass

            def do_GET(self):
                path = self.path.split("?", 1)[0]
                with site._lock:
                    site.log.append((self.path, dict(self.headers.items())))
                    site.timed_log.append((path, dict(self.headers.items()), time.monotonic()))
                    res = site.resources.get(path)
                    if res is not None:
                        res.hits += 1
                        hit = res.hits
                try:
                    if res is None:
                        return self._send(404, b"<html><body>Not found</body></html>", "text/html")
                    if res.delay:
                        time.sleep(res.delay)
                    if hit <= res.fail_first:
                        return self._send(res.fail_status, b"Try again later", "text/plain", res.headers)
                    if res.chunked_size:
                        return self._chunked(res)
                    body = res.body() if callable(res.body) else res.body
                    extra = dict(res.headers)
                    if res.etag and res.status == 200:
                        tag = '"' + hashlib.sha1(body).hexdigest()[:16] + '"'
                        modified = "Mon, 08 Jul 2024 06:00:00 GMT"
                        extra.update({"ETag": tag, "Last-Modified": modified})
                        if self.headers.get("If-None-Match") == tag or (
                                "If-None-Match" not in self.headers and self.headers.get("If-Modified-Since") == modified):
                            return self._send(304, b"", None, extra)
                    self._send(res.status, body, res.content_type, extra)
                except (BrokenPipeError, ConnectionResetError):
                    pass

            def _send(self, status, body, content_type, extra=None):
                self.send_response(status)
                if content_type:
                    self.send_header("Content-Type", content_type)
                for k, v in (extra or {}).items():
                    self.send_header(k, v)
                self.send_header("Content-Length", str(len(body)) if status != 304 else "0")
                self.end_headers()
                if status != 304:
                    self.wfile.write(body)

            def _chunked(self, res):
                self.send_response(200)
                self.send_header("Content-Type", res.content_type)
                self.send_header("Transfer-Encoding", "chunked")
                self.end_headers()
                chunk = b"<p>" + b"filler " * 9000 + b"</p>\n"
                sent = 0
                while sent < res.chunked_size:
                    self.wfile.write(f"{len(chunk):x}\r\n".encode() + chunk + b"\r\n")
                    sent += len(chunk)
                self.wfile.write(b"0\r\n\r\n")

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def url(self, path: str) -> str:
        return self.base + path

    def add(self, path: str, body: bytes | str | Callable[[], bytes], **kw) -> str:
        if isinstance(body, str):
            body = body.encode("utf-8")
        self.resources[path] = Resource(body, **kw)
        return self.url(path)

    def requests(self, path: str) -> list[dict]:
        with self._lock:
            return [h for p, h in self.log if p.split("?", 1)[0] == path]

    def __enter__(self) -> "NewsSite":
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.server.shutdown()
        self.server.server_close()


def serve_generated(site: NewsSite, n: int, feeds: int = 4, prefix: str = "/gen", start: int = 0) -> list[str]:
    """Generated articles start..start+n-1 spread over `feeds` RSS feeds;
    returns the feed URLs. The feeds list only the first `site.generated_limit`
    of them (n unless changed later)."""
    site.generated_limit = n
    outlets = list(OUTLET_CHROME)
    urls = []
    for f in range(feeds):
        ids = [i for i in range(start, start + n) if (i - start) % feeds == f]
        for i in ids:
            title, paras, published = generated_story(i)
            site.add(f"{prefix}/a{i}.html", article_page(outlets[i % len(outlets)], title, paras, published))

        def body(ids=ids):
            items = []
            for i in ids:
                if i - start >= site.generated_limit:
                    continue
                title, _, published = generated_story(i)
                items.append(Item(title, site.url(f"{prefix}/a{i}.html"), published))
            return rss(f"Generated Wire {ids[0] % feeds if ids else 0}", items).encode()

        urls.append(site.add(f"{prefix}/feed{f}.xml", body, content_type="application/rss+xml", etag=True))
    return urls
