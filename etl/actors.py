"""Which country, if any, a noun phrase stands for.

Rules (ANNOTATION.md): a country acts through its name, capital, government,
officials, military, agencies and state media; a demonym counts only when it
qualifies a state noun ("Chinese coast guard", not "Chinese companies");
named officials resolve through the actor table; pronouns and descriptions
("he", "the official", "the two leaders", "both sides") resolve to earlier
actors in the article; a bare title falls back to the dateline's country.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from .lexicon import Lexicon

PERSON_PRONOUNS = {"he", "she", "him", "his", "her", "hers", "himself", "herself"}
PLURAL_PRONOUNS = {"they", "them", "their", "theirs", "themselves"}
IT_PRONOUNS = {"it", "its", "itself"}
FIRST_PERSON = {"we", "us", "our", "ours", "ourselves", "i", "me", "my"}
QUOTE_MARKS = {'"', "\u201c", "\u201d"}
RELATIVE = {"who", "which", "that", "whom", "whose"}
MODIFIER_DEPS = {"amod", "compound", "poss", "nmod", "npadvmod"}
# Prepositions naming where a state's asset or official comes from, by the noun class they attach to:
# "a helicopter from a China Coast Guard ship", "the acting ambassador at the Chinese Embassy in Tokyo",
# "delegates from the United States and Japan"
HOME_PREPS = {"from": {"state_asset", "state_person", "state_group"}, "at": {"state_person"}}
# State bodies that, with "the" and no country named, refer back to a country already in the story.
ANAPHORIC_GROUPS = {"government", "administration", "ministry", "military", "regime", "cabinet", "leadership",
                    "authority", "army", "navy", "guard", "coast guard", "embassy", "office", "palace", "kremlin",
                    "officials", "side", "country", "nation", "state", "forces", "troops", "air force"}
HOME_BODIES = {"government", "administration", "ministry", "cabinet", "military"}
# "a group of Moroccan diplomats", "a delegation of Chinese officials": the group is its members.
# Words that make a named body international, not the dateline country's: "the U.N. Security Council"
INTERNATIONAL_NAMES = {"u.n.", "un", "nations", "nato", "asean", "eu", "european", "iaea", "wto", "imf",
                       "apec", "g7", "g20", "interpol", "who", "international", "world", "atomic"}
# Bodies named after their leader: "the Biden administration", "the Kishida government"
LED_BODIES = {"administration", "government", "cabinet", "regime", "team", "camp"}
NUMBER_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "both": 2}
# Plural nouns that a list of countries can spell out ("allies, including Japan")
MEMBER_NOUNS = {"ally", "partner", "country", "nation", "neighbor", "neighbour", "government", "state", "member",
                "democracy", "economy", "power"}
COLLECTIVE = {"group", "delegation", "team", "contingent", "squadron", "flotilla", "fleet", "number", "pair",
              "couple", "dozen", "dozens", "hundred", "hundreds", "thousand", "thousands", "million", "convoy",
              "batch", "unit", "member", "members"}
# Nouns whose owner is the country acting or acted upon ("Seoul's proposal",
# "a U.S. request", "Japanese seafood", "Chinese airspace").
OBJECT_NOUN_OK = {"proposal", "offer", "request", "demand", "plan", "bid", "effort", "call", "appeal", "initiative",
                  "ultimatum", "invitation", "move", "policy", "position", "stance", "claim", "action", "decision",
                  "seafood", "import", "export", "good", "product", "airspace", "water", "territory", "border",
                  "sovereignty", "interest", "security", "economy", "election", "change", "concern", "sanction",
                  "provocation", "aggression", "threat", "incursion", "pressure", "statement", "remark", "comment",
                  "criticism", "accusation", "protest", "warning", "overture", "proposal", "offer", "suggestion",
                  "side", "counterpart", "presence", "base", "activity", "program", "programme", "test", "launch",
                  "development", "buildup", "build-up", "expansion", "ambition", "bid", "leadership"}


@dataclass(frozen=True)
class Actor:
    iso3: str
    start: int  # token span naming the actor (what the evidence highlights)
    end: int
    kind: str  # country | capital | institution | person | official | group | demonym | pronoun | description | context
    how: str  # direct | modifier | coref | context
    quality: float  # how sure we are that this is the state of iso3


@dataclass
class MemoryItem:
    sent: int
    token: int
    iso3s: tuple[str, ...]
    kind: str  # person | country | group
    head: str  # head lemma ("president", "official") or kind
    start: int
    end: int
    subject: bool = False  # the sentence's grammatical subject: the likeliest antecedent


@dataclass
class EventItem:
    sent: int
    token: int
    lemma: str
    iso3s: tuple[str, ...]
    reaction: bool = False  # "said", "criticized", "regretted": words about an act, not "the move" itself


# "the launch" may refer back to "fired a missile"; "the move" to any act.
EVENT_SYNONYMS = {
    "launch": {"launch", "fire", "test", "test-fire"}, "test": {"launch", "fire", "test"},
    "drill": {"drill", "exercise", "hold", "stage", "conduct", "patrol"},
    "exercise": {"drill", "exercise", "hold", "stage", "conduct"},
    "ban": {"ban", "restrict", "restriction", "suspend", "halt", "impose", "embargo"},
    "discharge": {"release", "discharge"}, "release": {"release", "discharge"},
    "remark": {"say", "remark", "comment", "statement", "write", "post", "tweet"},
    "comment": {"say", "remark", "comment", "statement", "write", "post", "tweet"},
    "visit": {"visit", "trip", "travel"}, "offering": {"send", "offer", "offering", "make"},
    "incursion": {"incursion", "intrude", "intrusion", "enter", "violate", "fly", "sail"},
    "measure": {"ban", "restrict", "restriction", "control", "curb", "sanction", "tariff", "duty", "impose", "measure"},
    "restriction": {"ban", "restrict", "restriction", "control", "curb", "impose", "add"},
    "curb": {"ban", "restrict", "restriction", "control", "curb", "impose"},
    "control": {"restrict", "restriction", "control", "curb", "impose", "add"},
    "decision": {"decide", "decision", "sever", "switch", "end", "cut", "suspend", "withdraw", "cancel", "impose"},
    "criticism": {"criticize", "criticise", "criticism", "condemn", "protest", "accuse", "complain", "slam"},
    "accusation": {"accuse", "accusation", "allege", "blame", "charge"},
    "interception": {"intercept", "interception", "release", "fire"},
    "deployment": {"deploy", "deployment", "station", "position"},
    "pact": {"pact", "treaty", "agreement", "accord", "deal", "sign"},
    "treaty": {"pact", "treaty", "agreement", "accord", "sign"},
    "meeting": {"meet", "meeting", "summit", "talk"}, "summit": {"summit", "meet", "meeting"},
    "talk": {"talk", "meet", "meeting", "negotiate", "negotiation"},
    "invitation": {"invite", "invitation"}, "offer": {"offer", "propose", "proposal"},
    "proposal": {"propose", "proposal", "offer", "suggest", "suggestion"},
}
# "the incident", "the clash": a physical encounter at sea or in the air, not the statements after it
PHYSICAL_ACTS = {"ram", "collide", "collision", "fire", "harass", "harassment", "block", "blockade", "intercept",
                 "interception", "chase", "water cannon", "cannon", "laser", "flare", "incursion", "intrude",
                 "intrusion", "violate", "board", "seize", "attack", "strike", "hit", "clash", "shoot", "sideswipe",
                 "approach", "manoeuvre", "maneuver", "swarm", "tail", "shadow", "obstruct", "expel"}
for _noun in ("incident", "clash", "collision", "confrontation", "encounter", "standoff", "episode", "ramming",
              "harassment"):
    EVENT_SYNONYMS[_noun] = PHYSICAL_ACTS
# Generic nouns for things said, which refer back to statements
SAID_NOUNS = {"rhetoric", "version", "account", "claim", "criticism", "accusation", "allegation", "charge",
              "complaint", "protest", "report", "remark", "comment", "statement", "stance", "position", "response"}
GENERIC_EVENT_NOUNS = {"move", "step", "action", "decision", "measure", "incident", "behavior", "behaviour",
                       "activity", "conduct", "act", "operation", "maneuver", "manoeuvre", "deployment", "buildup",
                       "policy", "plan", "announcement", "verdict", "ruling", "sentence"} | SAID_NOUNS


@dataclass
class Memory:
    """Actors seen so far in the article, newest last: antecedents for
    pronouns and descriptions."""

    items: list[MemoryItem] = field(default_factory=list)
    events: list[EventItem] = field(default_factory=list)  # who did what, for "the launch", "the move"
    # (sentence, type, source, target) found so far: whom "Japan also voiced concern" echoes
    reactions: list[tuple[int, str, str, str]] = field(default_factory=list)
    context_iso3: str | None = None  # the dateline's country, for bare titles
    surnames: dict[str, str] = field(default_factory=dict)  # "Okano" -> JPN after "Japanese Vice Minister Masataka Okano"
    korea_context: bool = False
    taiwan_context: bool = False

    def add(self, item: MemoryItem) -> None:
        if not any(i.token == item.token and i.iso3s == item.iso3s for i in self.items[-20:]):
            self.items.append(item)

    def before(self, sent: int, token: int, window: int) -> list[MemoryItem]:
        return [i for i in reversed(self.items) if i.token < token and sent - i.sent <= window]

    def add_event(self, item: EventItem) -> None:
        self.events.append(item)

    def event_before(self, token: int, sent: int, lemma: str, window: int = 8,
                     exclude: frozenset[str] = frozenset(), governors: frozenset[int] = frozenset()) -> EventItem | None:
        wanted = EVENT_SYNONYMS.get(lemma, {lemma})
        # (not the reaction that governs the description: "expressed concern over the incident")
        candidates = [e for e in reversed(self.events)
                      if e.token < token and not set(e.iso3s) <= exclude and e.token not in governors]
        if wanted is PHYSICAL_ACTS:
            # "the incident": whoever did most of the ramming and blocking the story reported (one misread
            # clause does not make the rammed ship the rammer), however many statements came after it
            acts = [e for e in candidates if e.lemma in wanted]
            counts = Counter(e.iso3s for e in acts)
            return max(acts, key=lambda e: counts[e.iso3s]) if acts else None  # ties: the most recent
        earlier = [e for e in candidates if sent - e.sent <= window]
        # a specific word ("the pact") can reach further back than "the move"
        reach = window if lemma in GENERIC_EVENT_NOUNS else window + 10
        same = next((e for e in candidates if sent - e.sent <= reach and e.lemma in wanted), None)
        if same is not None or lemma not in GENERIC_EVENT_NOUNS:
            return same
        if lemma in SAID_NOUNS:  # "the remark", "the criticism": what was just said
            return next((e for e in earlier if sent - e.sent <= 1), None)
        # "the move", "the decision": the act last reported, not the statements about it
        # ("Seoul said it regretted the decision. The move…"); of a sentence's acts, its main one
        # (the first: "notified Japan that they will face tariffs, dealing a setback")
        acts = [e for e in earlier if 1 <= sent - e.sent <= 2 and not e.reaction]  # (not this sentence's own acts)
        return min((e for e in acts if e.sent == acts[0].sent), key=lambda e: e.token) if acts else None


class ActorResolver:
    """Resolves tokens of one document; `memory` carries the article's
    discourse across sentences."""

    def __init__(self, doc: Doc, mentions: list[Span], lexicon: Lexicon, memory: Memory):
        self.doc = doc
        self.lex = lexicon
        self.memory = memory
        self.mention_at: dict[int, Span] = {}
        for span in mentions:
            for i in range(span.start, span.end):
                self.mention_at[i] = span
        # "the Joint Chiefs of Staff (JCS)": later "the JCS" is that body, whoever it belongs to
        self.acronym_heads: dict[str, int] = {}
        for t in doc[2:-1]:
            if re.fullmatch(r"[A-Z]{2,6}", t.text) and doc[t.i - 1].text == "(" and doc[t.i + 1].text == ")":
                head = t.head if t.dep_ == "appos" else doc[t.i - 2]
                while head.dep_ in ("pobj", "prep", "compound", "flat") and head.head.i < head.i:
                    head = head.head
                self.acronym_heads.setdefault(t.text, head.i)
        self._sent_index = {}
        for n, sent in enumerate(doc.sents):
            for t in sent:
                self._sent_index[t.i] = n

    # --- public ------------------------------------------------------------
    def sent_of(self, token: Token) -> int:
        return self._sent_index.get(token.i, 0)

    def resolve(self, token: Token, role: str = "source", allow_objects: bool = False) -> list[Actor]:
        """Actors named by the phrase headed by `token`, expanding coordination."""
        out: list[Actor] = []
        for tok in [token, *self._conjuncts(token)]:
            actors = self.resolve_single(tok, role, allow_objects)
            if not actors and tok.dep_ != "appos":
                for child in tok.children:
                    if child.dep_ == "appos":
                        actors = self.resolve_single(child, role, allow_objects)
                        if actors:
                            break
            for a in actors:
                if all(a.iso3 != b.iso3 for b in out):
                    out.append(a)
        return out

    def mention(self, token: Token) -> Span | None:
        return self.mention_at.get(token.i)

    def event_owner(self, tok: Token, exclude: frozenset[str] = frozenset()) -> list[Actor]:
        """'the launch', 'the drills', 'the move', 'that version': whoever did
        the act this definite description refers back to."""
        if tok.lower_ in RELATIVE:
            for anc in tok.ancestors:
                if anc.dep_ == "relcl":
                    tok = anc.head
                    break
        if tok.pos_ == "NOUN" and tok.dep_ == "appos" and tok.head.dep_ in ("dobj", "nsubj", "nsubjpass"):
            # "put its first satellite into orbit, a launch that Japan condemned": the act just described
            doer = [c for c in tok.head.children if c.dep_ == "poss"] if tok.head.dep_ == "dobj" else []
            doer = doer or ([c for c in tok.head.head.children if c.dep_ == "nsubj"] if tok.head.dep_ == "dobj" else [])
            found = [a for d in doer[:1] for a in self.resolve(d, "source") if a.iso3 not in exclude]
            if found:
                return [Actor(a.iso3, tok.i, tok.i + 1, "description", "coref", 0.6) for a in found]
        if tok.pos_ != "NOUN" or not any((c.dep_ == "det" and c.lower_ in ("the", "this", "that", "these", "those",
                                                                             "such"))
                                         or (c.dep_ == "poss" and c.ent_type_ in ("DATE", "TIME"))
                                         for c in tok.children):
            return []  # also "Tuesday's launch", "last week's drills"
        item = self.memory.event_before(tok.i, self.sent_of(tok), self.lex.lemma(tok), exclude=exclude,
                                        governors=_reacting_words(tok))
        if item is None:
            return []
        return [Actor(i, tok.i, tok.i + 1, "description", "coref", 0.6) for i in item.iso3s if i not in exclude]

    def noun_class(self, token: Token) -> str | None:
        lemma = self.lex.lemma(token)
        text = token.text.lower()
        if token.pos_ == "PROPN" and self.lex.nouns.get(lemma) in ("state_group",) and lemma not in ("state",):
            return "state_group"  # "National Maritime Council", "Eastern Theater Command"
        # multiword state nouns: "coast guard", "prime minister", "air force"
        for left in (token.nbor(-1) if token.i > 0 else None,):
            if left is not None and left.dep_ == "compound":
                two = f"{self.lex.lemma(left)} {lemma}"
                if two in self.lex.nouns:
                    return self.lex.nouns[two]
        return self.lex.nouns.get(lemma) or self.lex.nouns.get(text)

    # --- internals ----------------------------------------------------------
    def _conjuncts(self, token: Token) -> list[Token]:
        """Later conjuncts, but not a reporter the parser hung on the phrase by a comma:
        '…against the North, South Korea's Joint Chiefs of Staff said'."""
        doc = token.doc
        return [c for c in token.conjuncts if c.i > token.i and not (
            c.right_edge.i + 1 < len(doc) and doc[c.right_edge.i + 1].pos_ == "VERB"
            and self.lex.has_class(self.lex.lemma(doc[c.right_edge.i + 1]), "speech")
            and not any(g.dep_ == "cc" for g in token.children))]

    def np_span(self, token: Token) -> tuple[int, int]:
        """The words of the noun phrase worth highlighting: the head with its
        compounds, adjectives and possessors, without clauses or appositions."""
        keep = {token.i}
        stack = [token]
        while stack:
            t = stack.pop()
            for c in t.children:
                if c.dep_ in ("compound", "amod", "poss", "nmod", "flat", "case", "nummod") or \
                        (c.dep_ == "punct" and c.text in "-–" and t.i - 1 <= c.i <= t.i + 1):
                    if c.dep_ == "amod" and c.i > token.i:
                        continue
                    keep.add(c.i)
                    stack.append(c)
        own = self.mention_at.get(token.i)
        for i in sorted(keep):
            other = self.mention_at.get(i)
            if other is not None and other != own and i < token.i:
                keep = {k for k in keep if k > other.end - 1 or k >= token.i} - set(range(other.start, other.end))
        lo, hi = min(keep), max(keep) + 1
        while lo < hi - 1 and self.doc[lo].is_punct:
            lo += 1
        while hi - 1 > lo and self.doc[hi - 1].is_punct:
            hi -= 1
        return lo, hi

    def _modifier_mentions(self, token: Token) -> list[tuple[Span, str]]:
        """Country mentions qualifying `token`: demonyms, compounds,
        possessors and 'of X' (the president of France)."""
        found: list[tuple[Span, str]] = []
        seen: set[tuple[int, str]] = set()  # (start, country): "the two countries" is one span, two countries

        def keep(span: Span, dep: str) -> None:
            if (span.start, span.label_) not in seen:
                seen.add((span.start, span.label_))
                found.append((span, dep))

        def keep_actors(actors: list[Actor], dep: str) -> None:
            for a in actors:
                keep(Span(self.doc, a.start, a.end, label=a.iso3, kb_id=a.kind), dep)

        def visit(t: Token, depth: int) -> None:
            for c in t.children:
                if c.dep_ in MODIFIER_DEPS or (c.dep_ == "amod"):
                    m = self.mention_at.get(c.i)
                    if m is not None and m.kb_id_ == "pair":
                        continue  # "inter-Korean lines" name a relation, not one actor
                    if m is not None and (m.start, m.label_) not in seen:
                        keep(m, c.dep_)
                        # "Hungarian and Romanian officials": coordinated modifiers
                        for conj in c.conjuncts:
                            cm = self.mention_at.get(conj.i)
                            if cm is not None:
                                keep(cm, c.dep_)
                    elif c.dep_ in ("compound", "amod", "nmod") and depth < 3:
                        visit(c, depth + 1)
                    elif c.dep_ == "poss" and c.pos_ == "PRON" and _own_possessive(c):
                        continue  # "their own equipment makers": the actor's own, never another party
                    elif c.dep_ == "poss" and depth < 2:
                        # "Japan's prime minister's remarks": the owner's owner
                        keep_actors(self.resolve_single(c, "source", False), "poss")
                elif c.dep_ == "prep" and depth == 0 and c.lower_ in HOME_PREPS and \
                        self.lex.nouns.get(self.lex.lemma(t)) in HOME_PREPS[c.lower_]:
                    for p in c.children:
                        if p.dep_ == "pobj":
                            keep_actors(self.resolve(p, "source", False), "from")
                elif c.dep_ == "prep" and c.lower_ == "of" and depth == 0:
                    for p in c.children:
                        if p.dep_ == "pobj":
                            # "the president of France", "leaders of Romania's new government"
                            keep_actors(self.resolve(p, "target", False), "of")
        visit(token, 0)
        return found

    def resolve_single(self, tok: Token, role: str, allow_objects: bool) -> list[Actor]:
        doc = self.doc
        lower = tok.lower_
        m = self.mention_at.get(tok.i)
        # A mention that the phrase itself is (the head or inside a flat name).
        if m is not None and m.kb_id_ == "pair":
            return []  # "inter-Korean" names a relation, not an actor
        if m is not None:
            kind = m.kb_id_
            head_of_mention = m.root
            if kind in ("country", "capital", "institution", "person"):
                lo, hi = self.np_span(tok) if tok.i == head_of_mention.i and kind in ("person", "institution") \
                    else (m.start, m.end)
                lo, hi = min(lo, m.start), max(hi, m.end)
                quality = {"country": 1.0, "capital": 0.9, "institution": 0.95, "person": 0.95}[kind]
                return [Actor(m.label_, lo, hi, kind, "direct", quality)]
            if kind == "demonym":
                # "The Palestinians reject…": a people as the acting side is its
                # government's voice; as the target of an act ("arrested 100
                # Palestinians") it is people, not a state.
                dep = tok.dep_
                while dep == "conj" and tok.head.i != tok.i:  # "Palestinians and Israelis"
                    tok = tok.head
                    dep = tok.dep_
                if role == "source" and dep in ("nsubj", "nsubjpass") and \
                        (tok.tag_ in ("NNPS", "NNS") or tok.text.endswith("s")):
                    return [Actor(m.label_, m.start, m.end, "demonym", "direct", 0.6)]
                return []
        if m is None and tok.pos_ == "PROPN":
            # "President Xi Jinping" where the table matched "President Xi": the name is one person
            for c in tok.children:
                cm = self.mention_at.get(c.i)
                if c.dep_ in ("compound", "flat") and c.pos_ == "PROPN" and cm is not None and cm.kb_id_ == "person":
                    lo, hi = self.np_span(tok)
                    return [Actor(cm.label_, min(lo, cm.start), max(hi, tok.i + 1), "person", "direct", 0.9)]
        if lower in RELATIVE and tok.tag_ in ("WP", "WDT", "WP$"):
            # "…Trump, with whom he held three meetings": the noun the clause describes
            for anc in tok.ancestors:
                if anc.dep_ == "relcl":
                    return self.resolve_single(anc.head, role, allow_objects)
            return []
        if tok.pos_ == "PRON" or lower in PERSON_PRONOUNS | PLURAL_PRONOUNS | IT_PRONOUNS:
            if role == "target" and _own_possessive(tok):
                return []  # "restrictions on their own equipment makers": the actor's own, no other party
            return self._coref_pronoun(tok)
        if role == "target" and tok.lower_ == "people" and any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children):
            # "assistance to the Japanese people", "condolences to the people of Turkey": the nation
            nation = [m for c in tok.children if c.dep_ in ("amod", "compound")
                      for m in [self.mention_at.get(c.i)] if m is not None and m.kb_id_ in ("demonym", "country")]
            nation += [m for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children
                       for m in [self.mention_at.get(p.i)] if m is not None and m.kb_id_ == "country"]
            if nation:
                lo, hi = self.np_span(tok)
                return [Actor(nation[0].label_, lo, hi, "demonym", "modifier", 0.7)]
        if tok.pos_ == "NOUN" and tok.tag_ == "NNS" and self.lex.lemma(tok) in MEMBER_NOUNS:
            # "allies, including Japan and the Netherlands", "countries such as Japan": the ones named
            named = [p for c in tok.children if c.dep_ == "prep" and (c.lower_ in ("including", "like") or (
                c.lower_ == "as" and any(g.lower_ == "such" for g in c.children)))
                for p in c.children if p.dep_ == "pobj"]
            found = unique_actors([a for p in named for a in self.resolve(p, role, allow_objects)])
            if found:
                return found
        if self.lex.lemma(tok) in ("ally", "partner") and tok.tag_ in ("NN", "NNS"):
            allied = self._ally_of_owner(tok, role, allow_objects)
            if allied is not None:
                return allied
        cls = self.noun_class(tok)
        if cls == "non_state" and (any(self.lex.qualifiers.get(c.lower_) == "state" for c in tok.children
                                       if c.dep_ in ("amod", "compound"))
                                   or re.search(r"\b(state|government)\s*-\s*(sponsored|backed|linked|run|owned|affiliated)\b",
                                                self.doc[max(tok.i - 5, tok.sent.start):tok.i].text, re.I)):
            cls = "state_group"  # "state-sponsored hackers", "state-run media"
        if self.lex.lemma(tok) in COLLECTIVE:
            for c in tok.children:
                if c.dep_ == "prep" and c.lower_ == "of":
                    for p in c.children:
                        if p.dep_ == "pobj":
                            found = self.resolve_single(p, role, allow_objects)
                            if found:  # else the owner of the number: "North Korea's number of launches"
                                return found
        if cls == "non_state":
            return []
        if tok.pos_ not in ("NOUN", "PROPN", "ADJ", "X", "NUM"):
            return []
        mods = self._modifier_mentions(tok)
        if not mods:
            description = self._description(tok)
            if description is not None:
                return description
        lo, hi = self.np_span(tok)
        if cls in ("state_person", "state_group", "state_asset", "state_media") or self._is_titled_name(tok):
            if cls == "state_media" and not any(self.lex.qualifiers.get(c.lower_) == "state" for c in tok.children):
                return []
            actors = []
            for span, dep in mods:
                if span.kb_id_ == "person" and dep != "poss" and self.lex.lemma(tok) not in LED_BODIES:
                    continue  # "the Biden administration" is Biden's; "the Xi meeting" is no body of Xi's
                if tok.pos_ == "PROPN" and tok.ent_type_ == "PERSON":
                    self._remember_surname(tok, span.label_)  # later "Okano said…"
                for c in tok.children:  # "North Korea's chief negotiator Kim Myong Gil"
                    if c.dep_ == "appos" and c.pos_ == "PROPN" and c.ent_type_ == "PERSON":
                        self._remember_surname(c, span.label_)
                quality = 0.9 if span.kb_id_ in ("country", "demonym", "capital", "institution") else 0.85
                # the evidence shows the words that made it a state actor: "Chinese coast guard vessels"
                start, end = min(lo, span.start), max(hi, span.end)
                if end - start > 12:
                    start, end = lo, hi
                actors.append(Actor(span.label_, start, end, "official" if cls == "state_person" else "group",
                                    "modifier", quality))
            if actors:
                return unique_actors(actors)
            if tok.pos_ == "PROPN" and self.memory.context_iso3 and (
                    tok.ent_type_ == "PERSON" or cls == "state_group" or
                    (cls == "state_person" and tok.ent_type_ == "ORG")) and \
                    not any(t.lower_ in INTERNATIONAL_NAMES for t in self.doc[lo:hi]):
                # "Trade Minister Ahn Duk-geun", "the Office of Civil Defense" in a SEOUL- or
                # MANILA-datelined story: the article's own country (ANNOTATION.md, bare titles)
                if tok.ent_type_ == "PERSON":
                    self._remember_surname(tok, self.memory.context_iso3)
                return [Actor(self.memory.context_iso3, lo, hi, "context", "context", 0.55)]
            if tok.pos_ == "PROPN" and tok.ent_type_ == "PERSON":
                return []  # an unknown person with a title and no country: cannot tell
            if cls in ("state_person", "state_group"):
                return self._coref_description(tok, cls)
            if cls == "state_asset" and any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in tok.children):
                # "the balloon", "the vessel": the country of the same thing named earlier
                same = [i for i in self.memory.before(self.sent_of(tok), tok.i, window=6)
                        if i.head == self.lex.lemma(tok) and len(i.iso3s) == 1]
                if same:
                    return [Actor(same[0].iso3s[0], lo, hi, "description", "coref", 0.7)]
            return []
        if tok.pos_ == "PROPN":
            known = self.memory.surnames.get(tok.text)
            if known and tok.ent_type_ == "PERSON":
                return [Actor(known, lo, hi, "person", "coref", 0.75)]  # a surname named with its title earlier
            defined = self.acronym_heads.get(tok.text)
            if defined is not None and defined < tok.i and not self.doc[defined].left_edge.i <= tok.i <= \
                    self.doc[defined].right_edge.i:
                # a later "the JCS"; not the "(NCG)" that defines it, which lies inside the phrase it
                # names and would send "the meeting of their Nuclear Consultative Group (NCG)" round in a circle
                named = {a.iso3 for a in self.resolve_single(self.doc[defined], role, False)}
                if len(named) == 1:
                    return [Actor(named.pop(), lo, hi, "institution", "coref", 0.75)]
            return []  # some other name: a company, a person not in the table
        # Other nouns owned by a country: only as the object of an act.
        if mods and (allow_objects or self.lex.lemma(tok) in OBJECT_NOUN_OK):
            quality = 0.7 if self.lex.lemma(tok) in OBJECT_NOUN_OK else 0.55
            return unique_actors([Actor(span.label_, span.start, span.end, span.kb_id_, "modifier", quality)
                            for span, dep in mods if span.kb_id_ != "person" or dep == "poss"])
        return []

    def _remember_surname(self, tok: Token, iso3: str) -> None:
        """Both ends of a name, since East Asian names put the surname first:
        after "Vice Minister Kim Myong Gil", a bare "Kim" is him."""
        name = [c for c in tok.children if c.dep_ in ("compound", "flat") and c.ent_type_ == "PERSON" and c.i < tok.i]
        for word in {tok.text, (name[0] if name else tok).text}:
            self.memory.surnames.setdefault(word, iso3)

    def _actorish(self, tok: Token) -> bool:
        """Could this noun be a state actor (without resolving it: no recursion)?"""
        if tok.i in self.mention_at or any(c.i in self.mention_at for c in tok.children):
            return True
        return self.noun_class(tok) in ("state_person", "state_group", "state_asset") or tok.pos_ == "PRON"

    def _ally_of_owner(self, tok: Token, role: str, allow_objects: bool) -> list[Actor] | None:
        """'Washington stood with its ally': the ally named beside it ('its ally the
        Philippines') or else the treaty ally of the owner that the story last named."""
        owners = [c for c in tok.children if c.dep_ == "poss"]
        if not owners:
            return None
        for c in tok.children:
            if c.dep_ == "appos":
                named = self.resolve_single(c, role, allow_objects)
                if named:
                    return named
        owner_tok = owners[0]
        if owner_tok.pos_ == "PRON" and tok.dep_ == "conj" and tok.head.i < tok.i and \
                self.resolve_single(tok.head, role, False):
            owner_tok = tok.head  # "the United States and its puppet ally": the conjunct before owns it
        elif owner_tok.pos_ == "PRON":  # "Washington urged its allies": the clause's subject owns them
            verb = governing_verb(tok)
            subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None) if verb is not None \
                else None
            if subject is not None and subject.i != tok.i:
                owner_tok = subject
        owner = {a.iso3 for a in self.resolve_single(owner_tok, role, False)}
        if len(owner) != 1:
            return None
        iso3 = owner.pop()
        recent = _distinct([i for i in self.memory.before(self.sent_of(tok), tok.i, window=6)], 0)
        allies = [c for c in recent if c != iso3 and self.lex.allied(iso3, c)]
        if tok.tag_ == "NNS":  # "its two Asian allies"
            count = next((int(c.text) if c.text.isdigit() else NUMBER_WORDS.get(c.lower_, 0)
                          for c in tok.children if c.dep_ == "nummod"), 0)
            allies = allies[:count] if count else allies
            if len(allies) < max(count, 1):
                return None
        elif allies:
            allies = allies[:1]
        else:
            return None
        lo, hi = self.np_span(tok)
        return [Actor(a, lo, hi, "description", "coref", 0.65) for a in allies]

    def _is_titled_name(self, tok: Token) -> bool:
        """A person's name preceded by a title: 'President Aquino'."""
        if tok.pos_ != "PROPN":
            return False
        for c in tok.children:
            if c.dep_ == "compound" and self.lex.nouns.get(self.lex.lemma(c)) == "state_person":
                return True
        return False

    # --- coreference ----------------------------------------------------------
    def _description(self, tok: Token) -> list[Actor] | None:
        """Anaphoric descriptions: 'the two leaders', 'both sides', 'the North'."""
        lo, hi = self.np_span(tok)
        start = lo
        if self.lex.lemma(tok) in HOME_BODIES and any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children):
            speaker = self._speakers_country(tok)
            if speaker is not None:  # "the ministry said the government would respond": its own government
                return [Actor(speaker, min(lo, tok.i - 1), hi, "description", "coref", 0.7)]
        # include determiners and numbers before the head
        while start > 0 and self.doc[start - 1].dep_ in ("det", "nummod", "predet", "amod") and \
                self.doc[start - 1].head.i in range(lo, hi):
            start -= 1
        for s in range(start, tok.i + 1):
            phrase = self.doc[s:tok.i + 1].text
            key = phrase if phrase.lower() not in self.lex.descriptions else phrase.lower()
            if key in self.lex.descriptions or phrase in self.lex.descriptions:
                refers, count = self.lex.descriptions.get(phrase) or self.lex.descriptions[key]
                return self._resolve_description(tok, refers, count, s, tok.i + 1)
        return None

    def _resolve_description(self, tok: Token, refers: str, count: int, start: int, end: int) -> list[Actor]:
        sent = self.sent_of(tok)
        if re.fullmatch(r"[A-Z]{3}", refers):
            ok = (refers in ("PRK", "KOR") and self.memory.korea_context) or \
                 (refers in ("CHN", "TWN") and self.memory.taiwan_context)
            return [Actor(refers, start, end, "description", "coref", 0.75)] if ok else []
        previous = self.memory.before(sent, tok.i, window=6)
        if refers == "persons":
            iso3s = _distinct([i for i in previous if i.kind == "person"], count)
            if len(iso3s) < max(count, 2):
                # "Biden and the leaders of Japan and South Korea … The three leaders": a group
                # that includes the leaders named
                groups = [i for i in previous if len(i.iso3s) >= 2 and (count == 0 or len(i.iso3s) == count)
                          and set(iso3s) <= set(i.iso3s)]
                if groups:
                    iso3s = list(groups[0].iso3s)
                elif count >= 2:
                    # "Kishida … Yoon" near the top, then a digression: the leaders named further back,
                    # as a group, or for a pair the two people last named
                    further = self.memory.before(sent, tok.i, window=15)
                    wider = next((list(i.iso3s) for i in further if len(i.iso3s) == count
                                  and set(iso3s) <= set(i.iso3s)), None)
                    if wider is None and count == 2:
                        wider = _distinct([i for i in further if i.kind == "person"], count)
                    iso3s = wider if wider and len(wider) == count and set(iso3s) <= set(wider) else iso3s
        elif refers == "countries":
            groups = [i for i in previous if len(i.iso3s) >= 2 and (count == 0 or len(i.iso3s) == count)]
            here = [i for i in previous if i.sent == sent]
            if count and len(_distinct(here, 0)) == count:
                # "Biden spoke with Xi by phone, and the two sides…": the parties of this sentence
                groups = [MemoryItem(sent, tok.i, tuple(_distinct(here, 0)), "country", "pair", start, end)]
            if not groups and count:
                # "Seoul and Tokyo …", a digression, then "the two countries": the pair named together
                # further back, not the last two countries the digression happened to name
                groups = [i for i in self.memory.before(sent, tok.i, window=15) if len(i.iso3s) == count]
            iso3s = list(groups[0].iso3s) if groups else _distinct(previous, count)
        elif refers == "allies":
            # "the allies" after "North Korea warned Seoul and Washington": treaty allies among
            # the countries just named, never their adversary
            groups = [self.lex.allied_members(i.iso3s) for i in previous if len(i.iso3s) >= 2]
            groups = [g for g in groups if len(g) >= 2 and (count == 0 or len(g) == count)]
            if groups:
                iso3s = groups[0]
            else:
                # one bloc: the allies of the country named last, not its adversaries' treaty partners
                members = self.lex.allied_members(_distinct(previous, 0))
                bloc = members[:1]
                for _ in range(2):
                    bloc += [m for m in members if m not in bloc and any(self.lex.allied(m, b) for b in bloc)]
                iso3s = [m for m in members if m in bloc]
                iso3s = iso3s[:count] if count else iso3s
        elif refers == "person":
            head = self.lex.lemma(tok)
            same = [i for i in previous if i.kind == "person" and i.head == head]
            anyone = [i for i in previous if i.kind == "person"]
            pick = same or anyone
            if pick and sent - pick[0].sent <= 4:
                return [Actor(pick[0].iso3s[0], start, end, "description", "coref", 0.75)]
            if self.memory.context_iso3 and head in ("president", "minister", "premier", "leader"):
                return [Actor(self.memory.context_iso3, start, end, "context", "context", 0.55)]
            return []
        elif refers == "country":
            pick = [i for i in previous if len(i.iso3s) == 1]
            return [Actor(pick[0].iso3s[0], start, end, "description", "coref", 0.65)] if pick else []
        else:
            return []
        if not iso3s or (count and len(iso3s) < count) or len(iso3s) < 2:
            return []
        return [Actor(i, start, end, "description", "coref", 0.7) for i in iso3s]

    def _coref_description(self, tok: Token, cls: str) -> list[Actor]:
        """'the official', 'officials', 'the government' with no country named."""
        has_det = any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in tok.children)
        if not has_det:
            return []
        if cls == "state_group" and self.lex.lemma(tok) not in ANAPHORIC_GROUPS:
            return []  # "the council" is as likely the UN Security Council as a country's
        refers = "person" if cls == "state_person" else "country"
        lo, hi = self.np_span(tok)
        start = min([lo] + [c.i for c in tok.children if c.dep_ == "det"])
        if refers == "country" and self.memory.context_iso3 and self.lex.lemma(tok) in HOME_BODIES:
            # news calls its own country's institutions "the government", "the ministry"
            return [Actor(self.memory.context_iso3, start, hi, "context", "context", 0.6)]
        return self._resolve_description(tok, refers, 1, start, hi)

    def _speakers_country(self, tok: Token) -> str | None:
        """The one country of whoever reports the clause `tok` is the subject of."""
        clause = tok.head
        if tok.dep_ not in ("nsubj", "nsubjpass") or clause.dep_ != "ccomp":
            return None
        verb = clause.head
        if not self.lex.has_class(self.lex.lemma(verb), "speech"):
            return None
        while verb.dep_ == "conj" and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
            verb = verb.head  # "called it regrettable and said…"
        return self._one_subject_country(verb, ("nsubj", "nsubjpass"), skip=tok)

    def _one_subject_country(self, verb: Token, deps: tuple[str, ...], skip: Token | None = None) -> str | None:
        """The one country the subjects of a reporting verb name, or None."""
        speakers = {a.iso3 for c in verb.children if c.dep_ in deps and (skip is None or c.i != skip.i)
                    for a in self.resolve(c, "source")}
        return speakers.pop() if len(speakers) == 1 else None

    def _quote_speaker(self, tok: Token) -> list[Actor]:
        """'"We will never accept talks with Seoul," Kim Yo Jong said': a first-person pronoun
        inside a quotation is the quoted speaker's country."""
        span = tok.sent
        if sum(1 for t in span if t.i < tok.i and t.text in QUOTE_MARKS) % 2 == 0:
            return []  # not inside a quotation
        candidates = [a for a in tok.ancestors if a.pos_ in ("VERB", "AUX")]
        candidates += [c for c in span.root.children if c.dep_ in ("parataxis", "ccomp", "conj")]
        for verb in candidates:
            if not self.lex.has_class(self.lex.lemma(verb), "speech"):
                continue
            open_quotes = sum(1 for t in span if t.i < verb.i and t.text in QUOTE_MARKS) % 2
            if open_quotes:
                continue  # a speech verb inside the quotation is the speaker's, not the reporter's
            speaker = self._one_subject_country(verb, ("nsubj",))
            return [Actor(speaker, tok.i, tok.i + 1, "pronoun", "coref", 0.7)] if speaker else []
        return []

    def _governing_subjects(self, items: list[MemoryItem], tok: Token) -> list[MemoryItem]:
        """Those of `items` that are the subject of a clause `tok` sits in (centering: a pronoun
        inside a clause continues the subject that governs it)."""
        ancestors = {a.i for a in tok.ancestors}
        return [i for i in items if i.subject and self.doc[i.token].head.i in ancestors]

    def _coref_pronoun(self, tok: Token) -> list[Actor]:
        lower = tok.lower_
        sent = self.sent_of(tok)
        if lower in FIRST_PERSON and tok.tag_ in ("PRP", "PRP$") and not (lower == "us" and tok.text != "us"):
            return self._quote_speaker(tok)
        previous = self.memory.before(sent, tok.i, window=2)
        if lower in PERSON_PRONOUNS:
            pick = [i for i in previous if i.kind == "person"]
            if pick:
                # within the nearest sentence that has one, prefer its subject (centering)
                nearest = [i for i in pick if i.sent == pick[0].sent]
                best = next(iter(self._governing_subjects(nearest, tok)), None) or \
                    next((i for i in nearest if i.subject), pick[0])
                return [Actor(best.iso3s[0], tok.i, tok.i + 1, "pronoun", "coref", 0.75)]
            return []
        if lower in PLURAL_PRONOUNS:
            same = [i for i in previous if i.sent == sent and len(i.iso3s) > 1]
            if same:  # "The coast guards of A, B and C kicked off their exercise"
                group = same[0].iso3s
                for i in previous:  # a conjunct the parser split off right after it ("…, and Japan")
                    if i.sent == sent and i.subject and len(i.iso3s) == 1 and i.iso3s[0] not in group \
                            and i.start > same[0].start and not any(
                                t.pos_ in ("VERB", "AUX") for t in self.doc[same[0].start:i.start]):
                        group = group + i.iso3s
                return [Actor(i, tok.i, tok.i + 1, "pronoun", "coref", 0.65) for i in group]
            near = [i for i in previous[:6] if i.kind in ("group", "country") or len(i.iso3s) > 1]
            if tok.dep_ in ("nsubj", "nsubjpass"):
                # a subject "they" continues the last subject group ("The three countries condemned X
                # by China. They also…"), and is people or several countries more often than one country
                near = sorted(near, key=lambda i: (not (len(i.iso3s) > 1 and i.subject), i.kind == "country"))
            if near:
                return [Actor(i, tok.i, tok.i + 1, "pronoun", "coref", 0.65) for i in near[0].iso3s]
            return []
        if lower in IT_PRONOUNS | PLURAL_PRONOUNS and tok.dep_ == "poss":
            # "thanked the international community for its support": the nearest noun phrase owns it
            nearest = next((t for t in reversed(list(tok.sent[:tok.i - tok.sent.start])) if t.pos_ in ("NOUN", "PROPN")
                            and t.dep_ not in ("compound", "amod")), None)
            if nearest is not None and not self._actorish(nearest):
                return []
        if lower in IT_PRONOUNS:
            if lower == "it" and tok.dep_ not in ("nsubj", "nsubjpass", "dobj", "pobj"):
                return []
            if lower == "its":  # "as it pressed on with its exercises": the clause's own subject
                clause = governing_verb(tok)
                subjects = [c for c in clause.children if c.dep_ == "nsubj"] if clause is not None else []
                if subjects and subjects[0].lower_ == "it":
                    owner = self._coref_pronoun(subjects[0])
                    if len({a.iso3 for a in owner}) == 1:
                        return [Actor(owner[0].iso3, tok.i, tok.i + 1, "pronoun", "coref", 0.65)]
            nearby = [i for i in previous if i.kind in ("country", "group") and len(i.iso3s) == 1
                      and sent - i.sent <= 1]
            this_sentence = [i for i in nearby if i.sent == sent]
            governing = self._governing_subjects(this_sentence, tok) \
                if lower == "it" and tok.dep_ in ("nsubj", "nsubjpass") else []
            if governing:  # "Japan maintains ties … under which it normalized ties with China": the main subject
                return [Actor(governing[0].iso3s[0], tok.i, tok.i + 1, "pronoun", "coref", 0.65)]
            if lower == "it" and tok.dep_ in ("nsubj", "nsubjpass") and not this_sentence:
                # "North Korea has flown balloons into the South … It launched 330 more": a subject "it"
                # opening a sentence continues the last sentence's subject, not the country named last
                subject = next((i for i in nearby if i.subject), None)
                if subject is not None:
                    return [Actor(subject.iso3s[0], tok.i, tok.i + 1, "pronoun", "coref", 0.65)]
            if nearby:
                return [Actor(nearby[0].iso3s[0], tok.i, tok.i + 1, "pronoun", "coref", 0.65)]
        return []

    # --- memory ----------------------------------------------------------------
    def remember_sentence(self, sent: Span) -> None:
        """Record the actors this sentence names, for later pronouns."""
        n = self.sent_of(sent[0])
        coordinated_seen: set[int] = set()
        for tok in sent:
            if tok.i in coordinated_seen:
                continue
            if tok.pos_ not in ("NOUN", "PROPN") and tok.lower_ not in PERSON_PRONOUNS:
                continue
            if tok.dep_ in ("compound", "amod", "flat") and tok.head.i != tok.i and tok.head.pos_ in ("NOUN", "PROPN"):
                continue
            actors = self.resolve_single(tok, "source", False)
            if not actors:
                continue
            kind = self._memory_kind(tok, actors[0])
            head = self.lex.lemma(tok) if kind == "person" or self.noun_class(tok) == "state_asset" else kind
            if kind == "person":  # "Emperor Naruhito" is what "the emperor" refers back to
                head = next((self.lex.lemma(c) for c in tok.children if c.dep_ == "compound"
                             and self.lex.nouns.get(self.lex.lemma(c)) == "state_person"), head)
            if tok.conjuncts and tok.dep_ != "conj":
                group = [a.iso3 for a in self.resolve(tok)]
                for c in tok.conjuncts:
                    coordinated_seen.add(c.i)
                if len(set(group)) > 1:
                    self.memory.add(MemoryItem(n, tok.i, tuple(dict.fromkeys(group)), "group", "group",
                                               actors[0].start, actors[0].end))
            subject = _subject_like(tok)
            iso3s = tuple(dict.fromkeys(a.iso3 for a in actors))
            if len(iso3s) > 1:  # "Hungarian and Romanian officials": one group of two countries
                kind = "group"
            self.memory.add(MemoryItem(n, tok.i, iso3s, kind, head, actors[0].start, actors[0].end, subject))

    def _memory_kind(self, tok: Token, actor: Actor) -> str:
        if tok.tag_ in ("NNS", "NNPS") and actor.kind not in ("person", "country", "capital"):
            return "group"  # "Palestinian leaders", "Chinese officials": antecedents for "they"
        if actor.kind == "person" or self.noun_class(tok) == "state_person" or \
                (self._is_titled_name(tok) and actor.how == "modifier") or \
                (actor.kind in ("pronoun", "description") and tok.lower_ in PERSON_PRONOUNS):
            return "person"
        if actor.kind in ("country", "capital"):
            return "country"
        return "group"


def _subject_like(tok: Token) -> bool:
    while tok.dep_ in ("conj", "appos", "compound", "flat") and tok.head.i != tok.i:
        tok = tok.head
    return tok.dep_ in ("nsubj", "nsubjpass")


def governing_verb(tok: Token) -> Token | None:
    """The nearest verb above `tok`: the clause it sits in."""
    return next((a for a in tok.ancestors if a.pos_ in ("VERB", "AUX")), None)


def unique_actors(actors: list[Actor]) -> list[Actor]:
    """First actor per country, in order."""
    out: list[Actor] = []
    for a in actors:
        if all(a.iso3 != b.iso3 for b in out):
            out.append(a)
    return out


def _own_possessive(poss: Token) -> bool:
    """'their own equipment makers': the possessor is the actor itself."""
    return poss.dep_ == "poss" and any(c.dep_ == "amod" and c.lower_ == "own" for c in poss.head.children)


def _distinct(items: list[MemoryItem], count: int) -> list[str]:
    out: list[str] = []
    for item in items:
        for iso3 in item.iso3s:
            if iso3 not in out:
                out.append(iso3)
        if count and len(out) >= count:
            break
    return out[:count] if count else out


def _reacting_words(tok: Token) -> frozenset[int]:
    """The words from a description up to its clause's verb: 'expressed concern over [the incident]',
    'condemning [the launch]'. The act described is none of them."""
    out = set()
    for a in tok.ancestors:
        out.add(a.i)
        if a.pos_ in ("VERB", "AUX"):
            break
    return frozenset(out)
