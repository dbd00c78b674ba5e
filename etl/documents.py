"""Turn input files into Documents, or into a clear reason why not.

Formats (SPEC.md): `.txt` (a short first line followed by a blank line is the
title), `.html` (article text extracted with trafilatura), `.json` (one
object) and `.jsonl` (one object per line) with `text` and optional `title`,
`url`, `published`, `outlet`; a sidecar `NAME.meta.json` adds metadata to a
`.txt` or `.html`. Nothing here raises on bad input: every problem becomes a
`Skipped` record that the run stores and reports.
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Iterator

from .settings import ROOT

SUPPORTED = (".txt", ".html", ".htm", ".json", ".jsonl")
META_SUFFIX = ".meta.json"
MAX_TITLE_CHARS = 300
MIN_HTML_WORDS = 15  # less text than this extracted from a page is not an article


@dataclass
class Document:
    """One article as the extractor and the database see it."""

    key: str  # identity: canonical URL, or the file path (plus line for .jsonl)
    source: str  # where it came from, as shown to users
    text: str  # title + body: the text offsets refer to
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: datetime | None = None
    date_source: str = "unknown"  # metadata | text | unknown
    file_name: str | None = None  # the input file's name: what gold files call `article`
    extra: dict = field(default_factory=dict)

    @property
    def article_id(self) -> str:
        return hashlib.sha256(self.key.encode()).hexdigest()[:16]

    @property
    def content_hash(self) -> str:
        return content_hash(self.text)

    @property
    def name(self) -> str:
        """File name (or last URL segment): what gold files call `article`."""
        if self.file_name:
            return self.file_name
        base = self.key.split("#", 1)[0].rstrip("/")
        return base.rsplit("/", 1)[-1]


@dataclass
class Skipped:
    source: str
    reason: str


def content_hash(text: str) -> str:
    """Hash of the text with whitespace and Unicode forms normalised, so
    re-encoded or re-wrapped copies of one article hash alike."""
    norm = unicodedata.normalize("NFKC", text)
    norm = re.sub(r"\s+", " ", norm).strip().lower()
    return hashlib.sha256(norm.encode()).hexdigest()[:32]


def file_key(path: Path) -> str:
    """Stable identity for a file: relative to the project when inside it, so
    ids do not depend on where the clone lives."""
    resolved = path.resolve()
    try:
        return "file:" + resolved.relative_to(ROOT).as_posix()
    except ValueError:
        return "file:" + resolved.as_posix()


# --- dates ---------------------------------------------------------------

_MONTHS = {m: i for i, m in enumerate(
    ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], start=1)}


def _month(name: str) -> int:
    return _MONTHS[name.lower().rstrip(".")[:3]]

_MONTH_RE = r"(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
_TEXT_DATES = [
    re.compile(r"\b(20\d\d|19\d\d)-(\d\d)-(\d\d)\b"),
    re.compile(_MONTH_RE + r"\s+(\d{1,2}),?\s+((?:19|20)\d\d)\b"),
    re.compile(r"\b(\d{1,2})\s+" + _MONTH_RE + r",?\s+((?:19|20)\d\d)\b"),
]


def parse_datetime(value) -> datetime | None:
    """Metadata dates in the forms feeds and CMSs use; None when unreadable."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        dt = value
    elif isinstance(value, date):
        dt = datetime(value.year, value.month, value.day)
    elif isinstance(value, (int, float)):
        try:
            dt = datetime.fromtimestamp(value, tz=timezone.utc)
        except (OverflowError, OSError, ValueError):
            return None
    else:
        s = str(value).strip()
        dt = None
        try:
            dt = datetime.fromisoformat(s.replace("Z", "+00:00"))
        except ValueError:
            try:
                dt = parsedate_to_datetime(s)
            except (TypeError, ValueError, IndexError):
                found = find_text_date(s)
                dt = datetime(found.year, found.month, found.day) if found else None
        if dt is None:
            return None
    if dt.tzinfo is not None:
        dt = dt.astimezone(timezone.utc).replace(tzinfo=None)
    if not (1900 <= dt.year <= 2100):
        return None
    return dt


def find_text_date(text: str) -> date | None:
    """The first full calendar date written in the text (a dateline or a
    byline), used when metadata gives none."""
    best: tuple[int, date] | None = None
    for pattern in _TEXT_DATES:
        for m in pattern.finditer(text[:3000]):
            g = m.groups()
            try:
                if pattern is _TEXT_DATES[0]:
                    d = date(int(g[0]), int(g[1]), int(g[2]))
                elif pattern is _TEXT_DATES[1]:
                    d = date(int(g[2]), _month(g[0]), int(g[1]))
                else:
                    d = date(int(g[2]), _month(g[1]), int(g[0]))
            except (ValueError, KeyError):
                continue
            if best is None or m.start() < best[0]:
                best = (m.start(), d)
            break
    return best[1] if best else None


# --- readers -------------------------------------------------------------

def iter_paths(paths: list[Path]) -> Iterator[Path | Skipped]:
    """Files to read, in a stable order; a missing path is a Skipped."""
    for path in paths:
        if path.is_dir():
            for p in sorted(path.rglob("*")):
                if p.is_file() and not any(part.startswith(".") for part in p.relative_to(path).parts) \
                        and p.name.lower().endswith(SUPPORTED) and not p.name.endswith(META_SUFFIX):
                    yield p
        elif path.is_file():
            if path.name.endswith(META_SUFFIX):
                continue
            yield path
        else:
            yield Skipped(str(path), "no such file or directory")


def read_path(path: Path, max_bytes: int, max_chars: int) -> Iterator[Document | Skipped]:
    """Documents in one file (several for .jsonl)."""
    source = str(path)
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED:
        yield Skipped(source, f"unsupported file type {suffix or '(none)'}: expected one of {', '.join(SUPPORTED)}")
        return
    try:
        size = path.stat().st_size
        if size > max_bytes:
            yield Skipped(source, f"too large: {size} bytes (limit {max_bytes})")
            return
        raw = path.read_bytes()
    except OSError as e:
        yield Skipped(source, f"cannot read: {e.strerror or e}")
        return
    text, problem = decode(raw)
    if problem:
        yield Skipped(source, problem)
        return
    meta, meta_problem = read_sidecar(path)
    if meta_problem:
        yield Skipped(str(sidecar_path(path) or path), meta_problem)
    key = file_key(path)
    if suffix == ".txt":
        docs = [document_from_plain(key, source, text, meta)]
    elif suffix in (".html", ".htm"):
        docs = [document_from_html(key, source, text, meta)]
    elif suffix == ".json":
        try:
            obj = json.loads(text)
        except json.JSONDecodeError as e:
            yield Skipped(source, f"invalid JSON: {e.msg} at line {e.lineno} column {e.colno}")
            return
        docs = [document_from_object(key, source, obj, meta)]
    else:
        docs = []
        for lineno, line in enumerate(text.splitlines(), start=1):
            if not line.strip():
                continue
            where = f"{source}:{lineno}"
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as e:
                docs.append(Skipped(where, f"invalid JSON on line {lineno}: {e.msg}"))
                continue
            doc = document_from_object(f"{key}#{lineno}", where, obj, meta)
            docs.append(doc)
    for doc in docs:
        if isinstance(doc, Skipped):
            yield doc
            continue
        doc.file_name = path.name
        if not doc.text.strip():
            yield Skipped(doc.source, "no article text")
        elif len(doc.text) > max_chars:
            yield Skipped(doc.source, f"article text too long: {len(doc.text)} characters (limit {max_chars})")
        else:
            yield doc


def not_text(raw: bytes, what: str = "file") -> str | None:
    """Why `raw` (a file, a response) is not text at all, or None."""
    if not raw.strip():
        return f"empty {what}"
    if b"\x00" in raw[:8192]:
        return f"binary {what} (contains NUL bytes)"
    return None


def decode(raw: bytes) -> tuple[str, str | None]:
    """UTF-8 text, or the reason it is not text we should read."""
    problem = not_text(raw)
    if problem:
        return "", problem
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        return "", f"not UTF-8: invalid byte 0x{raw[e.start]:02x} at offset {e.start}"
    controls = sum(1 for ch in text[:8192] if unicodedata.category(ch) == "Cc" and ch not in "\n\r\t\f")
    if controls > 8:
        return "", "binary file (control characters)"
    return normalise_text(text), None


def normalise_text(text: str) -> str:
    """Unix newlines, no trailing spaces; everything else as written (offsets
    into this string are what the database stores)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ")
    return "\n".join(line.rstrip() for line in text.split("\n")).strip("\n")


def sidecar_path(path: Path) -> Path | None:
    for candidate in (path.with_name(path.stem + META_SUFFIX), path.with_name(path.name + META_SUFFIX)):
        if candidate.is_file():
            return candidate
    return None


def read_sidecar(path: Path) -> tuple[dict, str | None]:
    meta_path = sidecar_path(path)
    if meta_path is None:
        return {}, None
    try:
        obj = json.loads(meta_path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as e:
        return {}, f"unreadable sidecar metadata ({e}); article read without it"
    if not isinstance(obj, dict):
        return {}, "sidecar metadata is not a JSON object; article read without it"
    return obj, None


def _clean(value) -> str | None:
    if value is None:
        return None
    s = re.sub(r"\s+", " ", str(value)).strip()
    return s or None


def _apply_meta(doc: Document, meta: dict) -> Document:
    doc.title = _clean(meta.get("title")) or doc.title
    doc.url = _clean(meta.get("url")) or doc.url
    doc.outlet = _clean(meta.get("outlet")) or doc.outlet
    published = parse_datetime(meta.get("published"))
    if published:
        doc.published, doc.date_source = published, "metadata"
    if doc.url:
        doc.key = canonical_url(doc.url)
    return doc


def _date_from_text(doc: Document) -> Document:
    if doc.published is None:
        found = find_text_date(doc.text)
        if found:
            doc.published = datetime(found.year, found.month, found.day)
            doc.date_source = "text"
    return doc


def split_title(text: str) -> tuple[str | None, str]:
    """A short first line followed by a blank line is the title."""
    lines = text.split("\n")
    if len(lines) >= 3 and lines[0].strip() and not lines[1].strip() and len(lines[0]) <= MAX_TITLE_CHARS:
        return lines[0].strip(), text
    return None, text


def document_from_plain(key: str, source: str, text: str, meta: dict) -> Document:
    title, text = split_title(text)
    doc = Document(key=key, source=source, text=text, title=title)
    return _date_from_text(_apply_meta(doc, meta))


def with_title(title: str | None, body: str) -> str:
    """The extractor reads the title too: prepend it unless the body starts with it."""
    body = normalise_text(body)
    if title and not body.startswith(title):
        return f"{title}\n\n{body}"
    return body


def document_from_html(key: str, source: str, html: str, meta: dict) -> Document:
    import trafilatura  # slow import; only paid when HTML is read

    extracted = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False,
                                            include_tables=False, favor_precision=True)
    body = (extracted.text if extracted is not None else None) or ""
    if len(body.split()) < MIN_HTML_WORDS:
        body = ""  # menus, cookie banners, paywall stubs: not an article
    title = _clean(extracted.title) if extracted is not None else None
    doc = Document(key=key, source=source, text=with_title(title, body) if body.strip() else "", title=title)
    if extracted is not None:
        doc.outlet = _clean(extracted.sitename)
        doc.url = _clean(extracted.url)
        published = parse_datetime(extracted.date)
        if published:
            doc.published, doc.date_source = published, "metadata"
    return _date_from_text(_apply_meta(doc, meta))


def document_from_object(key: str, source: str, obj, meta: dict) -> Document | Skipped:
    if not isinstance(obj, dict):
        return Skipped(source, "JSON value is not an object with a `text` field")
    text = obj.get("text")
    if not isinstance(text, str):
        return Skipped(source, "JSON object has no `text` string")
    title = _clean(obj.get("title"))
    doc = Document(key=key, source=source, text=with_title(title, text), title=title)
    merged = {**meta, **{k: obj[k] for k in ("title", "url", "outlet", "published") if obj.get(k) is not None}}
    return _date_from_text(_apply_meta(doc, merged))


_TRACKING = re.compile(r"^(utm_\w+|fbclid|gclid|mc_cid|mc_eid|ref|cmpid|ocid|smid|taid|rss)$", re.I)


def canonical_url(url: str) -> str:
    """One spelling per article URL: lower-case host, no fragment, no
    tracking parameters, no trailing slash, http(s) unified."""
    from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return url.strip()
    if parts.scheme not in ("http", "https"):
        return url.strip()
    host = (parts.hostname or "").lower()
    if host.startswith("www."):
        host = host[4:]
    query = urlencode(sorted((k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
                             if not _TRACKING.match(k)))
    path = parts.path.rstrip("/") or "/"
    return urlunsplit(("https", host + (f":{parts.port}" if parts.port else ""), path, query, ""))
