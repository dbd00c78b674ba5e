"""The extractor's word knowledge, read from seeds/lexicon/*.csv.

Triggers say which words carry which act and where their target sits;
verb classes say how a governing verb changes the act under it (light verbs
pass it through, "refused to" negates it, "wants to" makes a meeting a
proposal); noun classes tell state actors from companies and citizens; cues
mark modality. Keeping these as data lets the lexicon grow without code.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Trigger:
    lemma: str
    pos: str  # VERB | NOUN
    type: str
    targets: tuple[str, ...]  # dependency slots holding the target: dobj, dative, or a preposition
    joint: bool  # a mutual act: participants act on each other
    negated: str | None  # what negation turns it into (None: dropped)
    strength: float  # how reliably the word signals this type
    requires: str | None = None  # noun class its object must have ("sent arms", not "sent a letter")


@dataclass
class Lexicon:
    triggers: dict[tuple[str, str], Trigger]
    phrasal: dict[tuple[str, str], dict[str, Trigger]]  # (head lemma, pos) -> {second word: trigger}
    verb_classes: dict[str, dict[str, str]]  # lemma -> {class: effect}
    nouns: dict[str, str]  # word (lemma, lower) -> class
    cues: dict[str, str]
    descriptions: dict[str, tuple[str, int]]
    qualifiers: dict[str, str]
    evaluations: dict[str, str]
    object_classes: dict[str, set[str]]  # word -> classes a trigger may require of its object
    alliances: frozenset[frozenset[str]] = frozenset()  # treaty allies: who "the allies" can be

    def allied(self, a: str, b: str) -> bool:
        return frozenset((a, b)) in self.alliances

    def allied_members(self, iso3s) -> list[str]:
        """Those of `iso3s` that are treaty allies of another of them, in order."""
        return [a for a in iso3s if any(self.allied(a, b) for b in iso3s)]

    @classmethod
    def from_rows(cls, tables: dict[str, list[dict]]) -> "Lexicon":
        triggers: dict[tuple[str, str], Trigger] = {}
        phrasal: dict[tuple[str, str], dict[str, Trigger]] = {}
        for row in tables.get("triggers", []):
            trig = Trigger(
                lemma=row["lemma"].lower(), pos=row["pos"].upper(), type=row["type"],
                targets=tuple(t.strip() for t in row["targets"].split(";") if t.strip()),
                joint=row.get("joint", "").lower() in ("y", "yes", "true", "1"),
                negated=row.get("negated") or None, strength=float(row.get("strength") or 0.5),
                requires=row.get("requires") or None)
            words = trig.lemma.split()
            if len(words) == 1:
                triggers[(trig.lemma, trig.pos)] = trig
            elif trig.pos == "VERB":  # phrasal verb: head + particle/preposition
                phrasal.setdefault((words[0], "VERB"), {})[" ".join(words[1:])] = trig
            else:  # compound noun: modifier + head ("water cannon")
                phrasal.setdefault((words[-1], "NOUN"), {})[" ".join(words[:-1])] = trig
        verb_classes: dict[str, dict[str, str]] = {}
        for row in tables.get("verb_classes", []):
            verb_classes.setdefault(row["lemma"].lower(), {})[row["class"]] = row.get("effect") or ""
        nouns = {row["word"].lower(): row["class"] for row in tables.get("nouns", [])}
        cues = {row["word"].lower(): row["cue"] for row in tables.get("cues", [])}
        descriptions = {row["phrase"].lower() if row["phrase"][4:5].islower() else row["phrase"]:
                        (row["refers_to"], int(row.get("count") or 0)) for row in tables.get("descriptions", [])}
        qualifiers = {row["word"].lower(): row["polarity"] for row in tables.get("qualifiers", [])}
        evaluations = {row["word"].lower(): row["polarity"] for row in tables.get("evaluations", [])}
        object_classes: dict[str, set[str]] = {}
        for row in tables.get("object_classes", []):
            object_classes.setdefault(row["word"].lower(), set()).add(row["class"])
        alliances = frozenset(frozenset((row["iso3_a"], row["iso3_b"])) for row in tables.get("alliances", []))
        return cls(triggers, phrasal, verb_classes, nouns, cues, descriptions, qualifiers, evaluations, object_classes,
                   alliances)

    def object_is(self, token, cls: str) -> bool:
        return cls in self.object_classes.get(token.lemma_.lower(), ()) or \
            cls in self.object_classes.get(token.lower_, ())

    def lemma(self, token) -> str:
        """The token's lemma as the lexicons know it. The small English model
        lemmatises some verbs wrongly ("hoped" -> "hop"); when its lemma is
        not a known word but a suffix-stripped form of the text is, use that."""
        lemma = token.lemma_.lower()
        if lemma in self._known:
            return lemma
        text = token.lower_
        for suffix, repl in (("ied", "y"), ("ies", "y"), ("ing", "e"), ("ing", ""), ("ed", "e"), ("ed", ""),
                             ("es", ""), ("s", ""), ("d", "")):
            if text.endswith(suffix) and len(text) - len(suffix) >= 2:
                form = text[: len(text) - len(suffix)] + repl
                if form in self._known:
                    return form
        return lemma

    def class_lemma(self, token) -> str:
        """The verb-class entry for a verb with its particle: "called off" is "call off"
        (cancelling), not "call" (appealing)."""
        lemma = self.lemma(token)
        for c in token.children:
            if c.dep_ == "prt" and f"{lemma} {c.lower_}" in self.verb_classes:
                return f"{lemma} {c.lower_}"
        return lemma

    def __post_init__(self) -> None:
        self._known = {lemma for lemma, _ in self.triggers} | set(self.verb_classes) | \
            {lemma for lemma, _ in self.phrasal} | set(self.nouns) | set(self.cues)
        # "anti-national" is three tokens: such words are matched in the text
        self._negative_phrases = [_phrase_pattern(w) for w, polarity in self.evaluations.items()
                                  if polarity == "negative" and re.search(r"[-\s]", w)]

    def negative_phrase_in(self, text: str) -> bool:
        return any(p.search(text.lower()) for p in self._negative_phrases)

    def has_class(self, lemma: str, cls: str) -> bool:
        return cls in self.verb_classes.get(lemma, {})


def _phrase_pattern(phrase: str) -> re.Pattern:
    """'anti-national' also as 'anti - national' (how the tokenizer spaces it)."""
    words = re.split(r"[-\s]+", phrase)
    seps = [r"\s*-\s*" if "-" in sep else r"\s+" for sep in re.findall(r"[-\s]+", phrase)]
    body = "".join(re.escape(w) + (seps[i] if i < len(seps) else "") for i, w in enumerate(words))
    return re.compile(r"(?<![\w-])" + body + r"(?![\w-])")
