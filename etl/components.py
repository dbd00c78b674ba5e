"""spaCy pipeline components, registered as factories so that worker
processes of `nlp.pipe(n_process=…)` rebuild them from their config.

    relations_sentence_breaks  (before the parser) a line break ends a sentence
    relations_actor_mentions   (after NER) candidate state-actor mentions
    relations_interactions     (last) directed, typed interactions per sentence

Configuration (the seeds directory) is passed in; nothing is read from
globals.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from .actors import ActorResolver, Memory
from .extract import SentenceExtractor
from .lexicon import Lexicon
from .mentions import SPAN_KEY, MentionFinder
from .reference import load_reference

log = logging.getLogger(__name__)

Doc.set_extension("relations_interactions", default=None, force=True)
Doc.set_extension("relations_context", default=None, force=True)

# "SEOUL, June 26 (Yonhap) --", "MANILA, Philippines —", "TOKYO (Kyodo) -", "WASHINGTON (AP) —"
DATELINE = re.compile(r"^[ \t]*([A-Z][A-Z.'/\- ]{1,40}?)(?:,[ \t]*[A-Z][A-Za-z. ]{1,25}?)?"
                      r"(?:,[ \t]*[A-Z][a-z]{2,8}\.?[ \t]*\d{1,2}(?:,[ \t]*\d{4})?)?"
                      r"[ \t]*(?:\((?:[A-Za-z .&'-]{2,30})\)|(?:Kyodo|Yonhap|Reuters|AFP|AP|Xinhua|KCNA|PNA|UPI|dpa|"
                      r"Bernama|Antara|Bloomberg|CNA))?[ \t]*(?:--|[—–-])[ \t]*", re.M)


SENTENCE_END = {".", "!", "?", "...", "\u2026"}
CLOSING_QUOTES = {'"', "\u201d", "'", "\u2019"}
DASHES = {"-", "--", "\u2013", "\u2014"}  # "WASHINGTON/SEOUL, Jan 14 (Reuters) - The United States…"


@Language.factory("relations_sentence_breaks")
def make_sentence_breaks(nlp: Language, name: str):
    """Line breaks end sentences, and so does a dateline ("SEOUL, June 26
    (Yonhap) --"), which the parser would otherwise glue to the first clause."""
    def sentence_breaks(doc: Doc) -> Doc:
        starts = {m.end() for m in DATELINE.finditer(doc.text)}
        for tok in doc[:-1]:
            if tok.is_space and "\n" in tok.text:
                doc[tok.i + 1].is_sent_start = True
            elif "\n" in tok.whitespace_:
                doc[tok.i + 1].is_sent_start = True
        if starts:
            for tok in doc:
                if tok.idx in starts and tok.i > 0:
                    tok.is_sent_start = True
        for tok in doc[1:]:
            before = doc[tok.i - 1]
            if tok.is_sent_start or tok.is_space or before.is_space or "\n" in before.whitespace_:
                continue
            if tok.text in CLOSING_QUOTES and before.text in SENTENCE_END and not before.whitespace_:
                tok.is_sent_start = False  # 'pay dearly for their crimes."' keeps its closing quote
            elif before.text not in SENTENCE_END and before.text not in CLOSING_QUOTES and before.text not in DASHES:
                tok.is_sent_start = False  # within a line, only . ! ? (and a closing quote) end a sentence
        return doc
    return sentence_breaks


@Language.factory("relations_actor_mentions", default_config={"seeds_dir": "seeds"})
def make_actor_mentions(nlp: Language, name: str, seeds_dir: str):
    finder = MentionFinder(nlp, load_reference(Path(seeds_dir)))

    def actor_mentions(doc: Doc) -> Doc:
        doc.spans[SPAN_KEY] = finder(doc)
        return doc
    return actor_mentions


@Language.factory("relations_interactions", default_config={"seeds_dir": "seeds"})
def make_interactions(nlp: Language, name: str, seeds_dir: str):
    reference = load_reference(Path(seeds_dir))
    lexicon = Lexicon.from_rows(reference.lexicon)
    capitals: dict[str, str] = {}
    for c in reference.countries.values():
        for alias in (c.capital, *c.capital_aliases):
            if alias:
                capitals[alias.upper()] = c.iso3
                capitals[alias.lower()] = c.iso3

    def interactions(doc: Doc) -> Doc:
        mentions = list(doc.spans[SPAN_KEY]) if SPAN_KEY in doc.spans else []
        memory = Memory()
        memory.context_iso3 = dateline_country(doc.text, capitals)
        codes = {m.label_ for m in mentions}
        memory.korea_context = bool(codes & {"PRK", "KOR"})
        memory.taiwan_context = "TWN" in codes
        resolver = ActorResolver(doc, mentions, lexicon, memory)
        found = []
        for n, sent in enumerate(doc.sents):
            if not sent.text.strip():
                continue
            headline = n == 0 and "\n" in doc.text[sent.end_char - 1:sent.end_char + 2] and len(sent) < 40
            extractor = SentenceExtractor(lexicon, resolver, headline=headline)
            try:
                resolver.remember_sentence(sent)
                sentence_found = extractor.extract(sent)
            except (RecursionError, ValueError, IndexError, KeyError, AttributeError) as e:
                # a bug on one odd sentence must not cost the article or the run
                log.warning("extraction failed on a sentence (%s: %s): %.120s", type(e).__name__, e, sent.text)
                continue
            for f in sentence_found:
                found.append({
                    "sentence_start": sent.start_char, "sentence_end": sent.end_char,
                    "source_iso3": f.source.iso3, "target_iso3": f.target.iso3,
                    "source_start": doc[f.source.start].idx, "source_end": doc[f.source.end - 1].idx + len(doc[f.source.end - 1]),
                    "target_start": doc[f.target.start].idx, "target_end": doc[f.target.end - 1].idx + len(doc[f.target.end - 1]),
                    "trigger_start": doc[f.trigger_start].idx,
                    "trigger_end": doc[f.trigger_end - 1].idx + len(doc[f.trigger_end - 1]),
                    "type": f.type, "modality": f.modality, "reciprocal": f.reciprocal, "negated": f.negated,
                    "rule": f.rule, "confidence": round(max(0.0, min(1.0, f.confidence)), 4),
                    "source_how": f.source.how, "target_how": f.target.how,
                    "source_kind": f.source.kind, "target_kind": f.target.kind, "strength": f.strength,
                    "distance": max(abs(f.source.start - f.trigger_start), abs(f.target.start - f.trigger_start)),
                    "sentence_tokens": len(sent),
                    "quoted": _inside_quotes(doc, sent, f.trigger_start),
                    "date_span": _entity_chars(doc, f.date_token),
                    "headline": headline,
                })
        doc._.relations_interactions = found
        doc._.relations_context = memory.context_iso3
        return doc
    return interactions


def _inside_quotes(doc: Doc, sent, token: int) -> bool:
    """Is the trigger inside a quotation (rhetoric, not the reporter's account)?"""
    quotes = [t.i for t in sent if t.text in ('"', "\u201c", "\u201d", "''", "``")]
    return sum(1 for q in quotes if q < token) % 2 == 1


def _entity_chars(doc: Doc, token: int | None) -> tuple[int, int] | None:
    if token is None:
        return None
    for ent in doc.ents:
        if ent.start <= token < ent.end:
            return ent.start_char, ent.end_char
    return None


def dateline_country(text: str, capitals: dict[str, str]) -> str | None:
    """'SEOUL, March 3 (Yonhap) --' -> KOR: the context for a bare title."""
    for m in DATELINE.finditer(text[:1500]):
        place = m.group(1).strip().rstrip(",")
        iso3 = capitals.get(place.upper()) or capitals.get(place.lower())
        if iso3:
            return iso3
    return None
