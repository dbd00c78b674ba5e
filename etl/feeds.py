"""HTTP for `etl refresh`: polite fetching, RSS/Atom/RDF feeds, article pages.

Every request has a timeout, a User-Agent, a size limit (the body is
streamed and abandoned past `max_file_bytes`) and retries with exponential
back-off on connection errors, timeouts, 5xx and 429 (a `Retry-After` up to
MAX_RETRY_AFTER seconds is honoured). Feeds are fetched conditionally
(If-None-Match / If-Modified-Since). Nothing here raises on bad input: every
problem becomes a `FetchError` (with whether it is worth retrying at a later
refresh) or a `Skipped` with a reason.
"""

from __future__ import annotations

import codecs
import calendar
import re
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from datetime import datetime, timezone
from email.utils import parsedate_to_datetime
from typing import TypeVar
from urllib.parse import urljoin, urlsplit

import httpx

from .documents import Document, Skipped, canonical_url, document_from_html, not_text
from .settings import Settings

MAX_RETRY_AFTER = 60.0  # seconds; a server asking for longer is tried again at the next refresh
FEED_ACCEPT = ("application/rss+xml, application/atom+xml, application/rdf+xml;q=0.9, "
               "application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5")
PAGE_ACCEPT = "text/html, application/xhtml+xml;q=0.9, */*;q=0.5"
# Fewer words than this besides the headline is a gallery, video or index page (or
# extraction picked up only a newsletter box), not an article.
MIN_PAGE_WORDS = 30
HTML_TYPES = ("text/html", "application/xhtml+xml", "text/plain", "application/xml", "text/xml")


class FetchError(Exception):
    """A URL that could not be fetched; `transient` ones are retried at a later refresh."""

    def __init__(self, reason: str, transient: bool = False):
        super().__init__(reason)
        self.reason = reason
        self.transient = transient


@dataclass
class Response:
    url: str  # after redirects
    status: int  # 200 or 304
    headers: httpx.Headers
    body: bytes
    attempts: int = 1


def _retry_after(value: str | None) -> float | None:
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    return max(0.0, (when - datetime.now(timezone.utc)).total_seconds())


class Fetcher:
    """One HTTP client (connection pooling, thread-safe) shared by a refresh."""

    def __init__(self, settings: Settings, sleep: Callable[[float], None] = time.sleep):
        self.timeout = settings.http_timeout
        self.retries = max(1, settings.http_retries)
        self.backoff = max(0.0, settings.http_backoff)
        self.max_bytes = settings.max_file_bytes
        self.sleep = sleep
        self.client = httpx.Client(timeout=httpx.Timeout(settings.http_timeout), follow_redirects=True,
                                   max_redirects=10, headers={"User-Agent": settings.user_agent},
                                   limits=httpx.Limits(max_connections=max(4, settings.http_concurrency * 2)))

    def close(self) -> None:
        self.client.close()

    def __enter__(self) -> "Fetcher":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def get(self, url: str, headers: dict[str, str] | None = None) -> Response:
        """200 (body read in full, within the size limit) or 304; anything else is a FetchError."""
        reason = "not fetched"
        for attempt in range(1, self.retries + 1):
            delay = self.backoff * 2 ** (attempt - 1)
            try:
                response = self._once(url, headers or {})
            except httpx.TimeoutException:
                reason = f"timed out after {self.timeout:g}s"
            except httpx.TooManyRedirects:
                raise FetchError("too many redirects") from None
            except (httpx.UnsupportedProtocol, httpx.InvalidURL) as e:
                raise FetchError(f"invalid URL: {e}") from None
            except httpx.TransportError as e:
                reason = f"cannot connect: {e}" if isinstance(e, httpx.ConnectError) else f"connection failed: {e}"
            except httpx.DecodingError as e:
                raise FetchError(f"cannot decode the response: {e}") from None
            except httpx.HTTPError as e:
                reason = f"{type(e).__name__}: {e}"
            except (UnicodeError, ValueError) as e:  # URLs httpx cannot even encode (bad IDNA, ports)
                raise FetchError(f"invalid URL: {e}") from None
            else:
                if isinstance(response, Response):
                    response.attempts = attempt
                    return response
                status, phrase, retry_after = response
                reason = f"HTTP {status} {phrase}".strip()
                if status != 429 and status < 500:
                    raise FetchError(reason, transient=status in (408, 425))
                if retry_after is not None:
                    if retry_after > MAX_RETRY_AFTER:
                        raise FetchError(f"{reason} (server asks to retry after {retry_after:.0f}s)", transient=True)
                    delay = max(delay, retry_after)
            if attempt < self.retries:
                self.sleep(delay)
        plural = "s" if self.retries > 1 else ""
        raise FetchError(f"{reason} ({self.retries} attempt{plural})", transient=True)

    def _once(self, url: str, headers: dict[str, str]) -> Response | tuple[int, str, float | None]:
        deadline = time.monotonic() + 3 * self.timeout  # a body trickled in slowly still ends
        with self.client.stream("GET", url, headers=headers) as r:
            if r.status_code == 304:
                return Response(str(r.url), 304, r.headers, b"")
            if r.status_code != 200:
                return r.status_code, r.reason_phrase or "", _retry_after(r.headers.get("retry-after"))
            declared = r.headers.get("content-length")
            if declared and declared.isdigit() and int(declared) > self.max_bytes:
                raise FetchError(f"response too large: {int(declared)} bytes (limit {self.max_bytes})")
            chunks, size = [], 0
            for chunk in r.iter_bytes():
                size += len(chunk)
                if size > self.max_bytes:
                    raise FetchError(f"response too large: more than {self.max_bytes} bytes (limit), download stopped")
                if time.monotonic() > deadline:
                    raise httpx.ReadTimeout("body not received in time")
                chunks.append(chunk)
            return Response(str(r.url), 200, r.headers, b"".join(chunks))


# --- feeds ------------------------------------------------------------------

@dataclass
class Entry:
    link: str  # absolute URL as the feed gives it
    url: str  # canonical (documents.canonical_url): the item's identity
    title: str | None
    published: datetime | None
    stamp: str | None  # updated (else published) as written: a change means the article changed
    guid: str | None


@dataclass
class Feed:
    title: str | None
    version: str
    entries: list[Entry]
    problems: list[Skipped]  # entries that cannot be read (no link)
    warning: str | None = None  # bozo feeds that still had entries


def _struct_to_datetime(value) -> datetime | None:
    if not value:
        return None
    try:
        return datetime.fromtimestamp(calendar.timegm(value), tz=timezone.utc).replace(tzinfo=None)
    except (TypeError, ValueError, OverflowError):
        return None


def parse_feed(response: Response, feed_url: str) -> Feed:
    """RSS 0.9x/1.0 (RDF)/2.0 or Atom; a FetchError when it is no feed at all."""
    import feedparser

    problem = not_text(response.body, "response")
    if problem:
        raise FetchError(problem)
    headers = {k.lower(): v for k, v in response.headers.items() if k.lower() in ("content-type", "content-language")}
    headers["content-location"] = response.url
    parsed = feedparser.parse(response.body, response_headers=headers, sanitize_html=False,
                              resolve_relative_uris=False)
    if not parsed.entries:
        if parsed.bozo:
            exc = parsed.get("bozo_exception")
            raise FetchError(f"malformed feed: {type(exc).__name__}: {exc}" if exc else "malformed feed")
        if not parsed.version:
            raise FetchError("not an RSS or Atom feed")
    base = response.url or feed_url
    entries, problems = [], []
    for n, e in enumerate(parsed.entries, start=1):
        link = e.get("link") or next((lk.get("href") for lk in e.get("links", []) if lk.get("href")), None)
        guid = e.get("id")
        if not link and guid and guid.startswith(("http://", "https://")):
            link = guid
        if not link:
            problems.append(Skipped(f"{feed_url}#{guid or n}", "feed entry has no link"))
            continue
        link = urljoin(base, link.strip())
        if urlsplit(link).scheme not in ("http", "https"):
            problems.append(Skipped(f"{feed_url}#{guid or n}", f"feed entry link is not http(s): {link[:200]}"))
            continue
        # dict.get: no feedparser fallback between `updated` and `published` (and no warning about it)
        published = (_struct_to_datetime(dict.get(e, "published_parsed"))
                     or _struct_to_datetime(dict.get(e, "updated_parsed")))
        stamp = dict.get(e, "updated") or dict.get(e, "published")
        title = re.sub(r"\s+", " ", e.get("title") or "").strip() or None
        entries.append(Entry(link=link, url=canonical_url(link), title=title, published=published,
                             stamp=stamp, guid=guid))
    title = re.sub(r"\s+", " ", parsed.feed.get("title") or "").strip() or None
    warning = None
    if parsed.bozo:
        warning = f"feed not well-formed ({type(parsed.get('bozo_exception')).__name__}); read {len(entries)} entries"
    return Feed(title=title, version=parsed.version or "unknown", entries=entries, problems=problems, warning=warning)


# --- article pages ------------------------------------------------------------

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)


def decode_page(response: Response) -> str:
    """The page as text: the charset the server or the page declares, else
    UTF-8; a page that is none of these is a FetchError, not mojibake."""
    problem = not_text(response.body, "response")
    if problem:
        raise FetchError(problem)
    body = response.body
    content_type = response.headers.get("content-type", "")
    m = re.search(r"charset\s*=\s*[\"']?([A-Za-z0-9_.:-]+)", content_type, re.I)
    charset = m.group(1) if m else None
    if charset is None:
        m = _META_CHARSET.search(body[:4096])
        charset = m.group(1).decode("ascii", "replace") if m else None
    if body.startswith(codecs.BOM_UTF8):
        charset, body = "utf-8", body[3:]
    if charset:
        try:
            codecs.lookup(charset)
        except LookupError:
            raise FetchError(f"unknown character set {charset!r}") from None
        try:
            text = body.decode(charset)
        except UnicodeDecodeError as e:
            raise FetchError(f"not valid {charset}: invalid byte 0x{body[e.start]:02x} at offset {e.start}") from None
    else:
        try:
            text = body.decode("utf-8")
        except UnicodeDecodeError as e:
            raise FetchError(f"not UTF-8 and no character set declared: invalid byte 0x{body[e.start]:02x} "
                             f"at offset {e.start}") from None
    controls = sum(1 for ch in text[:8192] if ord(ch) < 32 and ch not in "\n\r\t\f")
    if controls > 8:
        raise FetchError("binary response (control characters)")
    return text


def page_document(response: Response, entry: Entry, outlet: str | None, max_chars: int) -> Document | Skipped:
    """An article page as a Document keyed by the feed's (canonical) link:
    title and date from the feed entry when it has them, else from the page;
    outlet as given (config or feed title), else the page's site name."""
    content_type = response.headers.get("content-type", "").split(";", 1)[0].strip().lower()
    if content_type and content_type not in HTML_TYPES:
        return Skipped(entry.link, f"not an HTML page (content type {content_type})")
    try:
        html = decode_page(response)
    except FetchError as e:
        return Skipped(entry.link, e.reason)
    meta = {"url": entry.link, "title": entry.title, "outlet": outlet, "published": entry.published}
    try:
        doc = document_from_html(entry.url, entry.link, html, {k: v for k, v in meta.items() if v})
    except Exception as e:  # trafilatura/lxml on hostile markup: skip the page, never the run
        return Skipped(entry.link, f"cannot parse the page: {type(e).__name__}: {e}")
    doc.key = entry.url
    if not doc.text.strip():
        return Skipped(entry.link, "no article text found on the page")
    body = doc.text[len(doc.title):] if doc.title and doc.text.startswith(doc.title) else doc.text
    words = len(body.split())
    if words < MIN_PAGE_WORDS:
        return Skipped(entry.link, f"no article text found on the page (only {words} words besides the headline)")
    if len(doc.text) > max_chars:
        return Skipped(entry.link, f"article text too long: {len(doc.text)} characters (limit {max_chars})")
    if response.url and canonical_url(response.url) != entry.url:
        doc.extra["final_url"] = response.url
    return doc


# --- bounded concurrency ------------------------------------------------------

_END = object()
T = TypeVar("T")
R = TypeVar("R")


def bounded_map(fn: Callable[[T], R], items: Iterable[T], workers: int,
                should_stop: Callable[[], bool] = lambda: False) -> Iterator[tuple[T, R]]:
    """(item, fn(item)) in input order, at most `workers` calls running and
    at most 2 x workers results held; stops submitting once `should_stop()`."""
    items = list(items)
    if workers <= 1 or len(items) <= 1:
        for item in items:
            if should_stop():
                return
            yield item, fn(item)
        return
    ahead = workers * 2
    pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="fetch")
    pending: list[tuple[T, Future]] = []
    it = iter(items)
    try:
        while True:
            while len(pending) < ahead and not should_stop():
                nxt = next(it, _END)
                if nxt is _END:
                    break
                pending.append((nxt, pool.submit(fn, nxt)))
            if not pending:
                return
            item, fut = pending.pop(0)
            yield item, fut.result()
    finally:
        # stopped early: do not wait for fetches still in flight (their results are dropped)
        pool.shutdown(wait=False, cancel_futures=True)
