"""Find every word sequence that names a state actor: countries, capitals,
demonyms, institutions, officials — and the places that merely contain a
country's name ("South China Sea"), which block it.

A mention is only a candidate: whether "Japanese" is an actor depends on the
noun it qualifies, which actors.py decides from the parse.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from .reference import Reference

# When spans overlap, the longest wins; on equal length, this order.
KIND_RANK = {"place": 0, "pair": 1, "institution": 2, "person": 3, "country": 4, "capital": 5, "demonym": 6}
SPAN_KEY = "actor_mentions"
EAST_ASIAN_ORDER = {"KOR", "PRK", "CHN", "TWN", "VNM"}


def surname(words: list[str], iso3: str) -> str:
    """East Asian names are written surname first ("Lee Jae-myung", "Xi Jinping")."""
    return words[0] if iso3 in EAST_ASIAN_ORDER else words[-1]


@dataclass(frozen=True)
class Entry:
    iso3: str | None  # None: a place that blocks country names inside it
    kind: str
    name: str  # canonical name
    ambiguous_word: bool = False  # also an ordinary word or first name: needs NER/POS support


def _case_sensitive(alias: str) -> bool:
    """Acronyms and abbreviations ("US", "U.S.", "PLA", "ROK") must match
    exactly, or "us" and "pla" would be countries."""
    letters = [c for c in alias if c.isalpha()]
    return len(alias) <= 3 or (letters and all(c.isupper() for c in letters)) or "." in alias


class MentionFinder:
    def __init__(self, nlp, reference: Reference):
        self.entries: dict[str, Entry] = {}
        self.exact = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.folded = PhraseMatcher(nlp.vocab, attr="LOWER")
        self._patterns: dict[tuple[str, bool], list] = {}

        def add(alias: str, entry: Entry) -> None:
            alias = alias.strip()
            if not alias:
                return
            exact = _case_sensitive(alias)
            key = f"{entry.kind}:{entry.iso3}:{entry.name}"
            self.entries[key] = entry
            for form in {alias, alias.replace("'", "\u2019")}:  # news uses both apostrophes
                self._patterns.setdefault((key, exact), []).append(nlp.make_doc(form))

        for c in reference.countries.values():
            for alias in (c.name, *c.aliases):
                add(alias, Entry(c.iso3, "country", c.name))
            for alias in (c.capital, *c.capital_aliases):
                if alias:
                    add(alias, Entry(c.iso3, "capital", alias))
            for alias in c.demonyms:
                add(alias, Entry(c.iso3, "demonym", c.name))
        for inst in reference.institutions:
            for alias in (inst.name, *inst.aliases):
                add(alias, Entry(inst.iso3, "institution", inst.name))
        for person in reference.people:
            for alias in (person.name, *person.aliases):
                add(alias, Entry(person.iso3, "person", person.name))
        for row in reference.lexicon.get("pairs", []):
            # "inter-Korean", "cross-strait": one word naming both sides
            add(row["word"], Entry(row["iso3s"], "pair", row["word"]))
        for row in reference.lexicon.get("places", []):
            iso3 = row.get("iso3") or None
            add(row["name"], Entry(iso3, "institution" if iso3 else "place", row["name"]))
        for (key, exact), docs in self._patterns.items():
            (self.exact if exact else self.folded).add(key, docs)
        # "President Bush", "Prime Minister Abe": a title and the surname of tabled officials of one country
        self.surnames: dict[str, set[str]] = {}
        for person in reference.people:
            words = [w for w in person.name.replace(".", " ").split() if w[:1].isupper() and len(w) > 1]
            if len(words) < 2 or words[-1] in ("Jr", "Sr", "II", "III"):
                words = words[:-1] if len(words) > 2 else words
            if len(words) >= 2:
                self.surnames.setdefault(surname(words, person.iso3), set()).add(person.iso3)
        self.titles = {row["word"].lower() for row in reference.lexicon.get("nouns", [])
                       if row["class"] == "state_person"} | {"sheikh", "emir", "prince", "chairman"}

    def __call__(self, doc: Doc) -> list[Span]:
        candidates = []
        for matcher, exact in ((self.exact, True), (self.folded, False)):
            for match_id, start, end in matcher(doc):
                key = doc.vocab.strings[match_id]
                entry = self.entries[key]
                span = doc[start:end]
                if not exact and not self._plausible(span, entry):
                    continue
                candidates.append((span, entry))
        # Longest first, then by kind rank; keep non-overlapping.
        candidates.sort(key=lambda c: (-(c[0].end - c[0].start), KIND_RANK[c[1].kind], c[0].start))
        taken = [False] * len(doc)
        kept: list[Span] = []
        for span, entry in candidates:
            if any(taken[span.start:span.end]):
                continue
            for i in range(span.start, span.end):
                taken[i] = True
            if entry.iso3 is None:
                continue  # a place: blocks, but is not an actor
            kept.append(Span(doc, span.start, span.end, label=entry.iso3, kb_id=entry.kind))
        kept.sort(key=lambda s: s.start)
        return self._add_surnames(doc, kept, taken)

    def _add_surnames(self, doc: Doc, kept: list[Span], taken: list[bool]) -> list[Span]:
        """After 'Lee Jae-myung' or 'Shigeru Ishiba', a bare 'Lee' or 'Ishiba' in
        the same article is that person (news style), as long as the surname
        points to one country in this article."""
        named: dict[str, list[tuple[int, str]]] = {}  # surname -> (start, iso3) of the full names, in text order
        for span in kept:
            if span.kb_id_ != "person" or len(span) < 2:
                continue
            words = [t.text for t in span if t.text[:1].isalpha() and t.text.replace("-", "").isalpha()]
            if len(words) < 2:
                continue
            named.setdefault(surname(words, span.label_), []).append((span.start, span.label_))
        extra = []
        # the full names in the text by surname, in order: a bare "Kim" after "Kim Hong-kyun" is not Kim Jong Un
        named_at: dict[str, list[int]] = {}
        for ent in doc.ents:
            if ent.label_ == "PERSON" and len(ent) >= 2:
                for word in {ent[0].text, ent[-1].text}:
                    named_at.setdefault(word, []).append(ent.start)
        tabled = {span.start for span in kept if span.kb_id_ == "person"}
        for tok in doc:
            if taken[tok.i] or tok.pos_ != "PROPN":
                continue
            last = max((i for i in named_at.get(tok.text, ()) if i <= tok.i), default=None)
            if last is not None and last not in tabled and not any(s.start <= last < s.end for s in kept):
                continue  # the last full name with this surname is someone the table does not know
            # the last of them named before it ("Kim" after Kim Yo-jong, though a Kim of Seoul's
            # comes later); before any full name (a headline), the surname's country if only one
            prior = [iso3 for start, iso3 in named.get(tok.text, ()) if start < tok.i]
            iso3s = {prior[-1]} if prior else {iso3 for _, iso3 in named.get(tok.text, ())}
            if not iso3s and tok.i > 0 and doc[tok.i - 1].lower_ in self.titles and not (
                    tok.i + 1 < len(doc) and doc[tok.i + 1].pos_ == "PROPN" and doc[tok.i + 1].ent_type_ == "PERSON"):
                # "President Bush"; not "spokesperson Liu Pengyu", a different person's full name
                iso3s = self.surnames.get(tok.text)
            if iso3s and len(iso3s) == 1:
                extra.append(Span(doc, tok.i, tok.i + 1, label=next(iter(iso3s)), kb_id="person"))
        return sorted(kept + extra, key=lambda s: s.start)

    @staticmethod
    def _plausible(span: Span, entry: Entry) -> bool:
        """Case-folded matches must look like names in this text."""
        first = span[0]
        if entry.kind in ("place", "pair"):
            # a place blocks the names inside it, whatever its case ("the one-China principle");
            # a pair word is written in lower case ("inter-Korean")
            return True
        if not first.text[:1].isupper():
            return False
        if entry.kind in ("country", "capital") and first.ent_type_ == "PERSON" and len(span) == 1 and (
                (first.i > 0 and span.doc[first.i - 1].ent_type_ == "PERSON" and span.doc[first.i - 1].ent_iob_ != "O")
                or (first.i + 1 < len(span.doc) and span.doc[first.i + 1].ent_iob_ == "I")):
            return False  # "Michael Jordan", "Chad Smith"; a lone "Kyiv" mistaken for a person stays a place
        if entry.kind == "person" and len(span) == 1 and first.pos_ not in ("PROPN",) \
                and first.ent_type_ != "PERSON":
            return False  # "Moon" the satellite at the start of a sentence
        if entry.kind == "capital" and len(span) == 1 and first.pos_ not in ("PROPN",) \
                and first.ent_type_ not in ("GPE", "LOC", "ORG", "NORP"):
            return False  # "Male", "Victoria" as ordinary words
        return True
