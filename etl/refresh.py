"""`etl refresh`: an incremental run over configured folders and news feeds.

Sources come from the config file (`[[sources]]` tables with `feed = "URL"`
or `folder = "PATH"`, optional `name` and `outlet`) plus any `--source`.
A feed is fetched conditionally (a 304 means nothing new: its items are not
even looked at); each item whose canonical URL is new, or whose `updated`
stamp changed, is fetched once and its article text extracted; every item's
outcome is kept in the work state's `feed_items`, so it is never fetched
again. Folders are read as `etl run` reads them (unchanged files are
recognised by their content hash). The runner does the rest: exact and near
copies, extraction, the atomic publish.

Crash safety: an item is recorded in `feed_items` only after the runner has
taken it, and an `article` item whose article is not in the work state (its
batch was never committed) is fetched again; feed validators are only sent
when the run that stored them finished `ok`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from .documents import Document, Skipped, iter_paths, read_path
from .feeds import FEED_ACCEPT, PAGE_ACCEPT, Entry, Fetcher, FetchError, bounded_map, page_document, parse_feed
from .runner import Progress, Run, RunReport
from .settings import Settings
from .state import WorkState

MAX_ATTEMPTS = 5  # refreshes at which a page that failed transiently (timeout, 5xx) is tried again


class ConfigError(ValueError):
    """The sources are missing or mis-declared."""


@dataclass(frozen=True)
class Source:
    kind: str  # feed | folder
    location: str  # URL, or folder/file path
    name: str | None = None
    outlet: str | None = None

    @property
    def label(self) -> str:
        return self.name or self.location


def is_url(value: str) -> bool:
    return value.lower().startswith(("http://", "https://"))


def load_sources(config: dict, extra: Iterable[str] = (), base_dir: Path | None = None) -> list[Source]:
    """`[[sources]]` of the config (folder paths relative to the config
    file's directory) followed by `--source` values (URLs or paths relative
    to the working directory); duplicates dropped."""
    entries = config.get("sources", [])
    if not isinstance(entries, list):
        raise ConfigError("`sources` in the config must be an array of tables: [[sources]]")
    out: list[Source] = []
    for n, entry in enumerate(entries, start=1):
        if not isinstance(entry, dict):
            raise ConfigError(f"[[sources]] entry {n} is not a table")
        unknown = set(entry) - {"feed", "folder", "name", "outlet"}
        if unknown:
            raise ConfigError(f"[[sources]] entry {n}: unknown key(s) {', '.join(sorted(unknown))} "
                              f"(expected feed or folder, and optional name, outlet)")
        kinds = [k for k in ("feed", "folder") if k in entry]
        if len(kinds) != 1:
            raise ConfigError(f"[[sources]] entry {n}: give exactly one of `feed = \"URL\"` or `folder = \"PATH\"`")
        kind, value = kinds[0], entry[kinds[0]]
        for key in ("name", "outlet"):
            if key in entry and not isinstance(entry[key], str):
                raise ConfigError(f"[[sources]] entry {n}: `{key}` must be a string")
        if not isinstance(value, str) or not value.strip():
            raise ConfigError(f"[[sources]] entry {n}: `{kind}` must be a non-empty string")
        value = value.strip()
        if kind == "feed" and not is_url(value):
            raise ConfigError(f"[[sources]] entry {n}: feed {value!r} is not an http(s) URL")
        if kind == "folder":
            path = Path(value).expanduser()
            if not path.is_absolute() and base_dir is not None:
                path = base_dir / path
            value = str(path)
        out.append(Source(kind, value, entry.get("name"), entry.get("outlet")))
    for value in extra:
        value = value.strip()
        if is_url(value):
            out.append(Source("feed", value))
        elif value:
            out.append(Source("folder", str(Path(value).expanduser().absolute())))
    seen, unique = set(), []
    for s in out:
        if (s.kind, s.location) not in seen:
            seen.add((s.kind, s.location))
            unique.append(s)
    return unique


@dataclass
class FeedStats:
    feeds_read: int = 0
    not_modified: int = 0
    failed: int = 0
    items_listed: int = 0
    items_fetched: int = 0
    stopped: bool = False

    def line(self) -> str:
        if not (self.feeds_read or self.not_modified or self.failed):
            return ""
        return (f"; feeds: {self.feeds_read} read, {self.not_modified} not modified, {self.failed} failed, "
                f"{self.items_listed} items listed, {self.items_fetched} pages fetched"
                + (" (stopped early)" if self.stopped else ""))


@dataclass
class RefreshReport(RunReport):
    feeds: FeedStats = field(default_factory=FeedStats)

    def summary(self) -> str:
        return super().summary() + self.feeds.line()


class Refresher:
    """Refreshes the same sources again and again (the scheduler keeps one,
    so the spaCy model is loaded once)."""

    def __init__(self, settings: Settings, config: dict | None = None, sources: Iterable[str] = (),
                 progress: Progress | None = None, should_stop: Callable[[], bool] | None = None):
        self.settings = settings
        config = config or {}
        self.sources = load_sources(config, sources, base_dir=settings.config.parent)
        if not self.sources:
            raise ConfigError(f"no sources to refresh: list [[sources]] in {settings.config} "
                              f"(see relations.example.toml) or pass --source URL_OR_PATH")
        self.progress = progress or (lambda _msg: None)
        self.should_stop = should_stop or (lambda: False)
        self._run: Run | None = None

    def _runner(self) -> Run:
        if self._run is not None:
            from .reference import load_reference
            if load_reference(self.settings.seeds_dir).digest != self._run.reference.digest:
                self._run = None  # seeds changed: new reference data and extractor
        if self._run is None:
            labels = " ".join(s.label for s in self.sources)
            self._run = Run(self.settings, ("refresh " + labels)[:500], self.progress)
        return self._run

    def run(self, lock_wait: float = 0.0) -> RefreshReport:
        stats = FeedStats()
        run = self._runner()
        with Fetcher(self.settings) as fetcher:
            report = run.execute(lambda state, run_id: self._items(state, run_id, fetcher, stats), lock_wait)
        return RefreshReport(**vars(report), feeds=stats)

    # --- the item source (called by Run.execute under the lock) -------------
    def _items(self, state: WorkState, run_id: str, fetcher: Fetcher, stats: FeedStats) -> Iterator[Document | Skipped]:
        index = state.feed_item_index()
        feed_states = state.feed_states()
        listed: dict[str, str] = {}  # canonical item URL -> feed that listed it first in this run
        for source in self.sources:
            if self.should_stop():
                stats.stopped = True
                self.progress("stop requested: the remaining sources wait for the next refresh")
                return
            if source.kind == "folder":
                yield from self._folder(source, stats)
            else:
                yield from self._feed(source, state, run_id, fetcher, index, feed_states, listed, stats)

    def _folder(self, source: Source, stats: FeedStats) -> Iterator[Document | Skipped]:
        for path in iter_paths([Path(source.location)]):
            if self.should_stop():
                stats.stopped = True
                return
            if isinstance(path, Skipped):
                yield path
                continue
            for item in read_path(path, self.settings.max_file_bytes, self.settings.max_chars):
                if isinstance(item, Document) and source.outlet and not item.outlet:
                    item.outlet = source.outlet
                yield item

    def _feed(self, source: Source, state: WorkState, run_id: str, fetcher: Fetcher, index: dict,
              feed_states: dict, listed: dict[str, str], stats: FeedStats) -> Iterator[Document | Skipped]:
        url = source.location
        old = feed_states.get(url) or {}
        keep = (old.get("etag"), old.get("last_modified"))
        headers = {"Accept": FEED_ACCEPT}
        conditional = bool(old.get("run_ok")) and any(keep)
        if conditional:
            if old.get("etag"):
                headers["If-None-Match"] = old["etag"]
            if old.get("last_modified"):
                headers["If-Modified-Since"] = old["last_modified"]
        try:
            response = fetcher.get(url, headers)
            if response.status == 304 and not conditional:
                raise FetchError("HTTP 304 Not Modified to an unconditional request")
            if response.status == 200:
                feed = parse_feed(response, url)
        except FetchError as e:
            stats.failed += 1
            # keep the validators of the last good fetch: the feed may be back next time
            state.save_feed_state(url, *keep, f"error: {e.reason}", old.get("items"), old.get("run_id"))
            self.progress(f"feed {source.label}: {e.reason}")
            yield Skipped(url, f"feed: {e.reason}")
            return
        if response.status == 304:
            stats.not_modified += 1
            state.save_feed_state(url, *keep, "not modified", old.get("items"), old.get("run_id"))
            self.progress(f"feed {source.label}: not modified")
            return
        stats.feeds_read += 1
        stats.items_listed += len(feed.entries)
        if feed.warning:
            self.progress(f"feed {source.label}: {feed.warning}")
        yield from feed.problems
        outlet = source.outlet or feed.title

        todo: list[Entry] = []
        for entry in feed.entries:
            known = index.get(entry.url)
            same_stamp = known is not None and (entry.stamp is None or entry.stamp == known["updated"])
            if known is not None and same_stamp and (
                    (known["outcome"] == "article" and known["present"])
                    or known["outcome"] == "skipped"
                    or (known["outcome"] == "failed" and known["attempts"] >= MAX_ATTEMPTS)):
                listed.setdefault(entry.url, url)
                continue  # handled before: never fetched again unless its stamp changes
            if entry.url in listed:
                where = "listed twice in this feed" if listed[entry.url] == url else f"already listed by {listed[entry.url]}"
                yield Skipped(entry.link, f"duplicate feed item: {where}")
                continue
            listed[entry.url] = url
            todo.append(entry)
        self.progress(f"feed {source.label}: {len(feed.entries)} items, {len(todo)} to fetch")

        def fetch(entry: Entry):
            try:
                return fetcher.get(entry.link, {"Accept": PAGE_ACCEPT})
            except FetchError as e:
                return e

        done, transient = 0, False
        for entry, result in bounded_map(fetch, todo, self.settings.http_concurrency, self.should_stop):
            stats.items_fetched += 1
            if isinstance(result, FetchError):
                item: Document | Skipped = Skipped(entry.link, result.reason)
                outcome = "failed" if result.transient else "skipped"
                transient = transient or result.transient
            else:
                item = page_document(result, entry, outlet, self.settings.max_chars)
                outcome = "article" if isinstance(item, Document) else "skipped"
            yield item
            # Recorded once the runner has taken the item; an `article` whose
            # batch is lost in a crash is fetched again (see feed_item_index).
            state.record_feed_item(entry.url, url, outcome, item.article_id if outcome == "article" else None,
                                   None if outcome == "article" else item.reason, entry.stamp)
            done += 1
        complete = done == len(todo)
        if not complete:
            stats.stopped = True
        # Validators only when every item is handled for good: otherwise a 304
        # next time would hide the items still to fetch or to retry.
        if complete and not transient:
            etag = response.headers.get("etag")
            modified = response.headers.get("last-modified")
            state.save_feed_state(url, etag, modified, "ok", len(feed.entries), run_id)
        else:
            state.save_feed_state(url, None, None, "incomplete" if not complete else "ok, pages to retry",
                                  len(feed.entries), run_id)


def refresh(settings: Settings, config: dict | None = None, sources: Iterable[str] = (),
            progress: Progress | None = None, lock_wait: float = 0.0) -> RefreshReport:
    """One refresh: what `python -m etl refresh` runs."""
    return Refresher(settings, config, sources, progress).run(lock_wait=lock_wait)
