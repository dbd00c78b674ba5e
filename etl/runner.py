"""One ETL run: documents in, work state updated, new file published.

Shared by `etl run` (files and folders) and `etl refresh` (configured
sources): only new or changed articles are extracted, exact and near
copies of a known story are recorded as copies, and every skipped input is
recorded with its reason. The run holds the run lock throughout, so runs
never overlap.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime

from .corrections import CorrectionStore
from .dedupe import NearDuplicateIndex, signature
from .documents import Document, Skipped
from .locking import RunLock
from .publish import publish
from .reference import load_reference
from .settings import Settings
from .state import RunCounts, WorkState, utcnow

Progress = Callable[[str], None]
ItemSource = Callable[[WorkState, str], Iterable[Document | Skipped]]


def stderr_progress(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


@dataclass
class RunReport:
    run_id: str
    counts: RunCounts
    published: bool
    publish_seconds: float = 0.0
    seconds: float = 0.0
    skipped: list[Skipped] = field(default_factory=list)

    def summary(self) -> str:
        c = self.counts
        return (f"run {self.run_id}: {c.articles_seen} articles seen, {c.articles_added} added, "
                f"{c.articles_updated} updated, {c.articles_skipped} unchanged, {c.duplicates} copies of known "
                f"stories, {c.interactions_added} interactions added, {c.errors} inputs skipped with errors; "
                f"{'published' if self.published else 'not published'} in {self.seconds:.2f}s")


def _article_row(doc: Document, now: datetime, version: str | None, duplicate_of: str | None,
                 similarity: float | None, sig: list[int]) -> dict:
    return {
        "article_id": doc.article_id, "key": doc.key, "source": doc.source, "title": doc.title,
        "outlet": doc.outlet, "url": doc.url, "published_at": doc.published, "date_source": doc.date_source,
        "ingested_at": now, "updated_at": now, "content_hash": doc.content_hash, "text": doc.text,
        "signature": sig, "duplicate_of": duplicate_of, "similarity": similarity, "extractor_version": version,
    }


def _signature_index(state: WorkState) -> NearDuplicateIndex:
    index = NearDuplicateIndex()
    for article_id, sig in state.signatures():
        index.add(article_id, list(sig))
    return index


def _storable(row: dict) -> dict:
    return {k: v for k, v in row.items() if k != "features"}


class Run:
    def __init__(self, settings: Settings, command: str, progress: Progress | None = None):
        self.settings = settings
        self.command = command
        self.progress = progress or (lambda _msg: None)
        self._extractor = None
        self.reference = load_reference(settings.seeds_dir)

    def extractor(self):
        if self._extractor is None:
            from .pipeline import Extractor  # spaCy import and model load only when there is text to read
            self.progress(f"loading spaCy model {self.settings.spacy_model}")
            self._extractor = Extractor(self.settings.spacy_model, self.reference, self.settings.seeds_dir,
                                        n_process=self.settings.n_process, batch_size=self.settings.batch_size)
        return self._extractor

    def execute(self, items: Iterable[Document | Skipped] | ItemSource, lock_wait: float = 0.0) -> RunReport:
        """Ingest `items` (or what `items(state, run_id)` yields, called under
        the lock with the work state open: how a refresh reads its feed
        caches), re-extract stale articles, publish."""
        started = time.monotonic()
        with RunLock(self.settings.lock_path, wait=lock_wait):
            state = WorkState(self.settings.work_db)
            counts = RunCounts()
            run_id = state.start_run(self.command)
            status = "failed"
            try:
                for table, frame in self.reference.frames().items():
                    state.replace_table(table, frame)
                self._load_corrections(state)
                if callable(items):
                    items = items(state, run_id)
                skipped = self._ingest(state, run_id, items, counts)
                self._reextract(state, counts)
                status = "ok"
            except KeyboardInterrupt:
                status = "interrupted"
                counts.messages.append("interrupted")
                raise
            except Exception as e:
                counts.messages.append(f"{type(e).__name__}: {e}")
                raise
            finally:
                state.finish_run(run_id, counts, status)
                state.close()
            report = RunReport(run_id, counts, published=False, skipped=skipped)
            self.progress("publishing")
            try:
                report.publish_seconds = publish(self.settings.db, self.settings.work_db, self.settings.sql_dir)
            except Exception as e:
                state = WorkState(self.settings.work_db)
                counts.messages.append(f"publish failed: {e}")
                state.finish_run(run_id, counts, "failed")
                state.close()
                raise
            report.published = True
            state = WorkState(self.settings.work_db)
            try:
                state.mark_published(run_id)
            finally:
                state.close()
        report.seconds = time.monotonic() - started
        return report

    def _load_corrections(self, state: WorkState) -> None:
        load_corrections(self.settings, state)

    def _ingest(self, state: WorkState, run_id: str, items: Iterable[Document | Skipped],
                counts: RunCounts) -> list[Skipped]:
        known = state.known_articles()
        hashes = state.content_hashes()
        index: NearDuplicateIndex | None = None  # built when a new or changed article first needs it
        skipped: list[Skipped] = []
        batch: list[tuple[Document, str | None, float | None, list[int]]] = []
        seen_ids: set[str] = set()

        def flush() -> None:
            if not batch:
                return
            now = utcnow()
            to_extract = [d for d, dup, _, _ in batch if dup is None]
            extracted: dict[str, list[dict]] = {}
            version = None
            if to_extract:
                ex = self.extractor()
                version = ex.version
                for doc, rows in ex.extract(to_extract):
                    extracted[doc.article_id] = [_storable(r) for r in rows]
                    counts.interactions_added += len(rows)
            articles = [_article_row(d, now, version if dup is None else None, dup, sim, sig)
                        for d, dup, sim, sig in batch]
            # copies carry no interactions of their own: clear any they had as a canonical article
            for d, dup, _, _ in batch:
                if dup is not None:
                    extracted.setdefault(d.article_id, [])
            state.save_batch(articles, extracted)
            batch.clear()
            self.progress(f"{counts.articles_seen} articles read, {counts.interactions_added} interactions")

        for item in items:
            if isinstance(item, Skipped):
                counts.errors += 1
                skipped.append(item)
                state.record_error(item.source, item.reason, run_id)
                self.progress(f"skipped {item.source}: {item.reason}")
                continue
            doc = item
            counts.articles_seen += 1
            if doc.article_id in seen_ids:
                counts.duplicates += 1
                continue
            seen_ids.add(doc.article_id)
            old = known.get(doc.article_id)
            if old is not None and old["content_hash"] == doc.content_hash:
                fresh = self._metadata(doc)
                if any(old.get(k) != v for k, v in fresh.items()):
                    state.update_metadata(doc.article_id, fresh)
                counts.articles_skipped += 1
                continue
            sig = signature(doc.text)
            duplicate_of, similarity = None, None
            same = hashes.get(doc.content_hash)
            if same is not None and same != doc.article_id:
                duplicate_of, similarity = same, 1.0
            else:
                if index is None:
                    index = _signature_index(state)
                match = index.best_match(sig, self.settings.near_duplicate_threshold, exclude=doc.article_id)
                if match is not None:
                    duplicate_of, similarity = match
            if duplicate_of is not None:
                counts.duplicates += 1
            elif old is None:
                counts.articles_added += 1
            else:
                counts.articles_updated += 1
            if duplicate_of is None:
                hashes.setdefault(doc.content_hash, doc.article_id)
                index.add(doc.article_id, sig)  # built above: not an exact copy, so it was searched
            known[doc.article_id] = {"content_hash": doc.content_hash, **self._metadata(doc)}
            batch.append((doc, duplicate_of, similarity, sig))
            if len(batch) >= self.settings.batch_size:
                flush()
        flush()
        return skipped

    @staticmethod
    def _metadata(doc: Document) -> dict:
        return {"source": doc.source, "title": doc.title, "outlet": doc.outlet, "url": doc.url,
                "published_at": doc.published, "date_source": doc.date_source}

    def _reextract(self, state: WorkState, counts: RunCounts) -> None:
        """Articles extracted by an older extractor (or other seeds or model)
        are extracted again from their stored text."""
        if self._extractor is None:
            # Cheap check before loading spaCy: does any article need the current extractor?
            from . import __version__
            stale = state.con.sql(
                "SELECT count(*) FROM articles WHERE duplicate_of IS NULL AND (extractor_version IS NULL "
                "OR NOT starts_with(extractor_version, $v) OR NOT ends_with(extractor_version, $d) "
                "OR NOT contains(extractor_version, $m))",
                params={"v": __version__ + "+", "d": "+seeds-" + self.reference.digest,
                        "m": self.settings.spacy_model.removeprefix("en_") + "-"}).fetchall()[0][0]
            if not stale:
                return
        ex = self.extractor()
        rows = state.articles_to_reextract(ex.version)
        if not rows:
            return
        self.progress(f"re-extracting {len(rows)} articles (extractor {ex.version})")
        for start in range(0, len(rows), self.settings.batch_size):
            chunk = rows[start:start + self.settings.batch_size]
            docs = [Document(key=r["key"], source=r["source"], text=r["text"], title=r["title"], url=r["url"],
                             outlet=r["outlet"], published=r["published_at"], date_source=r["date_source"] or "unknown")
                    for r in chunk]
            extracted = {d.article_id: [_storable(r) for r in rs] for d, rs in ex.extract(docs)}
            counts.interactions_added += sum(len(rs) for rs in extracted.values())
            state.con.execute("UPDATE articles SET extractor_version = $v, updated_at = $t "
                              "WHERE list_contains($ids, article_id)",
                              {"v": ex.version, "t": utcnow(), "ids": list(extracted)})
            state.save_batch([], extracted)
            counts.articles_updated += len(chunk)


def load_corrections(settings: Settings, state: WorkState) -> None:
    import polars as pl

    rows = CorrectionStore(settings.corrections_db).all()
    frame = pl.DataFrame(rows, infer_schema_length=None) if rows else pl.DataFrame()
    if rows:
        frame = frame.with_columns(pl.col("created_at").str.to_datetime())
    state.replace_table("ref_corrections", frame)


def republish(settings: Settings, lock_wait: float = 600.0) -> float:
    """Publish again with the current corrections applied, without reading
    or extracting anything: what the dashboard calls after a correction.
    Waits for a running refresh to finish (that refresh applies them too)."""
    if not settings.work_db.exists():
        raise FileNotFoundError(f"no ETL state at {settings.work_db}: run `python -m etl run` first")
    with RunLock(settings.lock_path, wait=lock_wait):
        state = WorkState(settings.work_db)
        try:
            load_corrections(settings, state)
        finally:
            state.close()
        return publish(settings.db, settings.work_db, settings.sql_dir)
