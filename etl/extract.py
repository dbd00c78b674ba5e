"""Who did what to whom, read off the dependency parse.

For every trigger word (seeds/lexicon/triggers.csv) in a sentence:

* the source is the grammatical agent: the subject, the `by` agent of a
  passive, the possessor or demonym of a nominal event ("China's war
  against…", "a summit proposal made by Kim… to Japan"), or, for an event
  noun or a controlled verb, the subject of the light, control or speech verb
  above it ("Kishida expressed the urgency of achieving a visit…");
* the target sits in the slots the trigger's entry lists (object, dative,
  or a preposition); a capital in a destination slot is its country;
* a joint act (meeting, talks, agreement, exercise…) gives one interaction
  per ordered pair of participants, marked reciprocal;
* a trigger embedded in another act's object ("dismissed the possibility of
  dialogue with Japan", "supports a summit between A and B") does not count
  on its own: the outer act consumes it and takes its participant as target;
* modality and negation come from the words governing the trigger in its
  clause (modality.py).

No rule names a particular sentence: everything is word classes and
dependency relations.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, replace

from spacy.tokens import Span, Token

from .actors import (EVENT_SYNONYMS, GENERIC_EVENT_NOUNS, SAID_NOUNS, Actor, ActorResolver, EventItem, governing_verb,
                     unique_actors)
from .lexicon import Lexicon, Trigger
from .modality import Context, clause_context

# Preposition slots that carry an event noun's own agent.
AGENT_PREPS = {"by", "from"}
PARTICIPANT_PREPS = frozenset({"with", "between", "among", "amongst"})
MUTUAL_PREPS = frozenset({"between", "among", "amongst"})
# "US-led war", "Chinese-backed", "U.S.-drafted resolution": the hyphenated country is the author.
AUTHOR_PARTICIPLES = {"lead", "led", "back", "backed", "sponsor", "sponsored", "draft", "drafted", "author",
                      "authored", "propose", "proposed", "brokered", "broker", "initiated", "funded", "made",
                      "built", "supplied"}
SHOW_OF_FORCE = Trigger("show of force", "NOUN", "threat", ("against", "toward", "towards", "near", "to", "at"),
                        False, None, 0.8)
WARNING_VERBS = frozenset({"warn", "threaten", "vow"})
# "vowed to take all necessary countermeasures": verbs that hold a retaliation in store
VOW_VERBS = WARNING_VERBS | {"pledge", "promise"}
# A warning is a threat when its content names consequences.
CONSEQUENCE_WORDS = {"if", "unless", "consequence", "face", "pay", "respond", "retaliate", "countermeasure",
                     "punish", "price", "regret", "resolutely", "firmly", "response", "measure", "action", "strike",
                     "damage", "harm", "hurt", "accountable", "responsible",
                     "end", "invoke", "blow"}  # "would result in the end of the regime", "invoke the treaty"
# "…, allegations Moscow has denied": the noun that sums up an accusation, and the verbs that make one.
ACCUSATION_NOUNS = frozenset({"allegation", "accusation", "charge", "claim"})
ACCUSING_VERBS = frozenset({"accuse", "allege", "blame", "charge"})
# "Seoul would take countermeasures if…": what a retaliating verb takes or a warned party faces.
RETALIATION_NOUNS = {"countermeasure", "measure", "action", "step", "response", "retaliation", "reprisal",
                     "counteraction"}
# "would respond sternly", "take all necessary / resolute measures": a retaliation promised in earnest
FIRM_ADVERBS = {"sternly", "firmly", "strongly", "resolutely", "decisively", "forcefully", "sharply", "swiftly",
                "severely", "overwhelmingly"}
FIRM_MODIFIERS = {"necessary", "resolute", "strong", "stern", "firm", "corresponding", "reciprocal", "decisive",
                  "forceful"}
# "any cooperation would carry consequences": the act, not the party, bears the penalty
CARRY_VERBS = {"carry", "have", "bring", "entail", "incur", "invite", "draw"}
# "part of a pattern of provocations", "an example of coercion": the judgement is the noun behind 'of'
TRANSPARENT_NOUNS = {"part", "pattern", "example", "sign", "case", "instance", "series", "form", "kind", "type",
                     "campaign", "string", "act"}
# "X's ties with Y would suffer": a relation that will pay for an act
HARM_VERBS = {"suffer", "deteriorate", "worsen", "sour"}
RELATION_NOUNS = {"tie", "relation", "relationship"}
# "warning of countermeasures", "warned about consequences"
WARNED_OF = frozenset(CONSEQUENCE_WORDS | RETALIATION_NOUNS)
PENALTY_NOUNS = {"consequence", "price", "retaliation", "response", "countermeasure", "punishment", "tariff",
                 "sanction", "reprisal", "penalty", "strike", "counteraction"}
CONDITION_WORDS = ("if", "unless", "should")
# Verbs that report a clause to its addressee ("notified Japan that…"), beside the speech class.
NOTICE_VERBS = frozenset({"notify", "inform", "warn", "tell"})
# "X should stop / must correct…", said of another country, rebukes it.
# Verbs that bring a counterpart in to be told something ("summoned the ambassador and demanded…")
ADDRESS_VERBS = frozenset({"summon", "meet", "tell", "receive", "inform", "notify"})
# Verbs whose 'that' clause says what its subject must do: "demanded that Manila tow away the ship"
DEMAND_VERBS = frozenset({"demand", "urge", "ask", "request", "insist", "press", "call"})
URGING_VERBS = {"urge", "call", "demand", "press", "ask", "tell", "warn"}
# Measures against a country's people, firms or industries aimed at that country ("sanctioned two
# North Korean firms", "a crackdown on China's chip industry")
SANCTION_WORDS = frozenset({"sanction", "countermeasure", "blacklist", "embargo", "ban", "restriction", "restrict", "curb", "crackdown",
                            "tariff"})
# "retaliated with levies on U.S. coal": what a retaliation is carried out with
RETALIATORY_MEASURES = PENALTY_NOUNS | SANCTION_WORDS | {"levy", "duty", "measure"}
AID_NOUNS = {"help", "aid", "assistance", "support", "relief"}
STATIVE_VERBS = {"be", "have", "worry", "fear", "doubt", "expect", "need", "panic", "feel", "mind"}
DESIST_VERBS = {"stop", "cease", "halt", "refrain", "correct", "abandon", "retract", "desist", "quit"}
# "a day after the North test-fired…": conjunctions the parser can read as prepositions
SUBORDINATORS = frozenset({"after", "before", "since", "until", "as", "when", "while", "because"})
# Joint verbs whose partners all take part together: "met Ishiba and Yoon" is a meeting of three
GATHERING_VERBS = frozenset({"meet", "talk", "confer", "consult", "negotiate", "speak", "hold", "host", "exercise",
                             "drill", "patrol", "train", "gather", "convene", "sign", "conclude"})
# Verbs whose object did what their 'for'/'of' clause says ("thanked Putin for offering help")
OBJECT_CREDITED_VERBS = frozenset({"thank", "praise", "commend", "congratulate", "credit", "blame", "accuse",
                                   "criticize", "criticise", "condemn", "fault", "punish", "reward"})
# Help whose recipient a disaster story often leaves unsaid
RELIEF_NOUNS = frozenset({"aid", "assistance", "relief", "help", "donation"})
RELIEF_VERBS = frozenset({"donate"})
GIVING_VERBS = frozenset({"offer", "provide", "give", "send", "pledge", "announce", "donate", "extend", "deliver",
                          "approve", "ship", "fly", "dispatch", "contribute", "promise"})
# Formal objections that answer an act, often without naming its author
PROTEST_NOUNS = frozenset({"protest", "complaint", "objection", "concern", "regret", "displeasure", "dismay", "alarm",
                           "concerned", "alarmed"})
# Threats that are words, not acts: nobody protests a warning as they protest a launch
WEAPON_TESTS = frozenset({"test", "test-fire", "launch"})
SPOKEN_THREATS = frozenset({"warn", "warning", "threaten", "threat", "vow", "ultimatum"})
# What two countries can "share" without doing anything together ("share a deep bond")
SHARED_STATES = frozenset({"bond", "view", "concern", "value", "interest", "goal", "vision", "history", "border",
                           "belief", "position", "stance", "worry", "tie", "friendship", "heritage", "culture",
                           "responsibility", "fate", "future", "sea", "waters"})
# Occasions one attends (a boycott of one is a refusal, not a sanction)
OCCASION_NOUNS = frozenset({"summit", "talk", "talks", "meeting", "conference", "forum", "ceremony", "memorial",
                            "event", "game", "games", "olympics", "celebration", "parade", "commemoration", "service",
                            "funeral", "inauguration", "reception", "dinner", "banquet", "session", "vote", "election",
                            "exhibition", "festival"})
# what a country blocks when it blocks diplomacy rather than ships: "blocked U.S. efforts to…"
DIPLOMATIC_MOVES = frozenset({"effort", "bid", "resolution", "proposal", "move", "plan", "attempt", "statement",
                              "motion", "initiative", "application", "push", "draft", "sanction", "declaration"})
# Hostile verbs that are refusals when their object is one of these (boycotting goods is a sanction)
REFUSED_OBJECTS = {"boycott": OCCASION_NOUNS, "block": DIPLOMATIC_MOVES}
# Joint acts where everyone named meets everyone: "a summit with Japan and South Korea" is trilateral.
GATHERING_NOUNS = {"summit", "talk", "talks", "meeting", "dialogue", "consultation", "conference", "forum",
                   "exercise", "drill", "war game", "maneuver", "manoeuvre", "patrol", "gathering", "session"}
MILITARY_EXERCISES = {"drill", "exercise", "war game", "game", "maneuver", "manoeuvre", "patrol", "operation"}
# what is said or written: "on X" after them is the topic ("a G7 statement on Taiwan")
TOPIC_NOUNS = {"statement", "remark", "comment", "report", "resolution", "communique", "speech", "declaration",
               "document", "paper", "article", "post", "question", "stance", "position", "view", "debate"}
# what an attack on an ally "would invoke"
DEFENSE_PLEDGES = {"treaty", "commitment", "article", "obligation", "pact", "alliance", "guarantee"}
# what one country asks of another: "despite repeated requests from Washington"
REQUEST_NOUNS = {"request", "call", "demand", "appeal", "plea", "pressure", "urging", "entreaty"}
# verbs whose infinitive is their subject's purpose, not their object's act
PURPOSE_VERBS = {"summon", "call", "meet", "visit", "host", "receive", "phone",
                 "use", "employ", "deploy", "dispatch", "mobilize", "mobilise", "scramble"}  # "used flares to warn X"
# "stood with Manila against China's actions": siding with one country against another
SIDING_VERBS = {"stand", "side", "support", "back", "defend", "unite", "rally"}
AIMED_PREPS = ("around", "near", "off", "against", "toward", "towards", "targeting", "encircling", "surrounding")
# Event nouns worth remembering for a later "the launch", "the test", even when they are no trigger.
EVENT_NOUNS_REMEMBERED = set(EVENT_SYNONYMS) | {w for ws in EVENT_SYNONYMS.values() for w in ws} | GENERIC_EVENT_NOUNS
# Generic nouns that carry an event named by their compound modifier.
# "the use of water cannon against…": nouns of employing an act, whose 'of' complement is the act
USING_NOUNS = {"use", "firing", "deployment"}
CARRIER_NOUNS = {"effort", "efforts", "program", "programme", "plan", "mission", "process", "initiative",
                 "package", "deal", "operation", "campaign", "framework", "scheme", "project", "arrangement",
                 "mechanism", "channel", "session", "round", "agreement", "pact", "exercise", "drill"}
# Verbs that take a stance on an act or proposal ("support a summit between A
# and B", "rejected Seoul's offer"): the act in their object is not reported
# as happening.
SUPPORT_VERBS = {"support", "back", "endorse", "welcome", "praise", "hail", "commend", "applaud", "laud", "accept",
                 "approve", "ratify", "defend", "thank", "congratulate"}
# what a body is for: "agencies handling inter-Korean cooperation" describes a remit, not an act
REMIT_VERBS = {"handle", "oversee", "manage", "supervise", "administer"}
# a joint act said to be over: "the agreement is effectively dead"
ENDED_WORDS = {"dead", "defunct", "void", "null", "moot", "over"}
# keeping to an agreement: what is kept is the object's act ("will no longer abide by the 2018 agreement")
KEEP_VERBS = {"abide"}
# Verbs of reacting to an act, which "the move" does not refer to (beside speech and FACT_REPORTING)
REACTION_VERBS = {"regret", "welcome", "praise", "urge", "express", "voice", "accuse", "blame", "vow", "pledge",
                  "reject", "deny", "dismiss", "respond", "react", "hope", "believe", "consider", "see", "view"}
REACTION_NOUNS = {"regret", "concern", "criticism", "condemnation", "protest", "rebuke", "displeasure",
                  "dissatisfaction", "anger", "outrage", "indignation", "objection", "opposition", "disappointment",
                  "representation", "complaint", "accusation", "statement", "remark", "comment", "welcome"}
FACT_REPORTING = {"condemn", "denounce", "criticize", "criticise", "protest", "slam", "decry", "deplore", "rebuke",
                  "complain", "blast", "lambaste", "castigate", "censure"}


@dataclass
class Event:
    trigger: Token
    entry: Trigger
    type: str
    sources: list[Actor]
    targets: list[Actor]
    participants: list[Actor] = field(default_factory=list)  # joint acts: all act on each other
    rule: str = "verb"
    path_quality: float = 1.0
    trigger_start: int = 0
    trigger_end: int = 0


@dataclass
class Found:
    """One directed interaction in one sentence."""

    source: Actor
    target: Actor
    type: str
    modality: str
    reciprocal: bool
    negated: bool
    trigger_start: int  # token indices
    trigger_end: int
    rule: str
    confidence: float
    date_token: int | None
    strength: float = 0.5


class SentenceExtractor:
    def __init__(self, lexicon: Lexicon, resolver: ActorResolver, headline: bool = False):
        self.lex = lexicon
        self.res = resolver
        self.headline = headline
        self.pending: list[Event] = []  # events discovered while reading another (proposals accepted/rejected)

    # --- trigger lookup --------------------------------------------------------
    def lookup(self, tok: Token) -> tuple[Trigger, int, int] | None:
        """The trigger entry for `tok` (with the token span it covers)."""
        lemma = self.lex.lemma(tok)
        verbish = tok.pos_ in ("VERB", "AUX") or (
            tok.pos_ == "NOUN" and tok.dep_ in ("ROOT", "ccomp", "xcomp", "conj", "advcl", "relcl")
            and any(c.dep_ in ("nsubj", "dobj") for c in tok.children) and (lemma, "VERB") in self.lex.triggers)
        pos = "VERB" if verbish else ("NOUN" if tok.pos_ in ("NOUN", "PROPN") else None)
        if (tok.lower_, "ADJ") in self.lex.triggers and (
                (tok.pos_ == "ADJ" and tok.dep_ in ("acomp", "ROOT", "amod")) or
                (tok.tag_ == "VBN" and (not any(c.dep_ == "agent" for c in tok.children)
                                        # "was concerned by the incident": the cause, not an agent
                                        or "by" in self.lex.triggers[(tok.lower_, "ADJ")].targets))):
            return self.lex.triggers[(tok.lower_, "ADJ")], tok.i, tok.i + 1  # "is opposed to"
        if pos is None:
            return None
        phrasal = self.lex.phrasal.get((lemma, pos))
        if phrasal:
            if pos == "VERB":
                for c in tok.children:
                    # not "on Thursday called"; "pushed back" can be parsed as an adverb
                    if c.dep_ in ("prt", "prep", "advmod") and c.lower_ in phrasal and c.i > tok.i:
                        trig = phrasal[c.lower_]
                        if trig.requires and not any(o.dep_ in ("dobj", "pobj") and self.lex.object_is(o, trig.requires)
                                                     for o in [*tok.children, *c.children]):
                            continue  # "called in the ambassador" is a summons; "called in Beijing" is not
                        if trig.type == "threat" and self._cuts_joint_act(tok, f"{lemma} {c.lower_}"):
                            return None  # "cut off communication lines": the noun's event says which
                        return trig, min(tok.i, c.i), max(tok.i, c.i) + 1
            else:
                for c in tok.children:
                    if c.dep_ in ("compound", "amod") and self.lex.lemma(c) in phrasal:
                        return phrasal[self.lex.lemma(c)], min(tok.i, c.i), tok.i + 1
        trig = self.lex.triggers.get((lemma, pos))
        if trig is None and pos == "NOUN" and tok.lower_ != lemma:
            trig = self.lex.triggers.get((tok.lower_, pos))
        if trig is None and pos == "NOUN" and lemma == "show" and any(
                c.dep_ == "prep" and c.lower_ == "of" and any(self.lex.lemma(p) in ("force", "strength") for p in c.children)
                for c in tok.children):
            return SHOW_OF_FORCE, tok.i, tok.i + 1  # "in a show of force against the North"
        if trig is None:
            return None
        if trig.requires and not any(c.dep_ == "dobj" and (self.lex.object_is(c, trig.requires) or (
                trig.requires == "aid_goods" and self._relief_team(c))) for c in tok.children) and not (
                pos == "NOUN" and any(c.dep_ == "prep" and c.lower_ == "on" and any(
                    p.dep_ == "pobj" and self.lex.object_is(p, trig.requires) for p in c.children)
                    for c in [*tok.children, *(tok.head.children if tok.dep_ == "dobj" else ())])):
            return None  # "sent arms to X" is aid; "sent a letter to X" is not; "controls on exports" are curbs
        if trig.type == "threat" and pos == "VERB" and lemma in REFUSED_OBJECTS and any(
                c.dep_ == "dobj" and self.lex.lemma(c) in REFUSED_OBJECTS[lemma] for c in tok.children):
            trig = replace(trig, type="rejection")  # boycotting a ceremony, blocking a resolution: refusals
        if pos == "VERB" and trig.type == "threat" and self._cuts_joint_act(tok, lemma):
            return None  # "suspending negotiations with Japan", "halted aid to X": the noun's event says which
        if pos == "VERB" and lemma == "give" and any(
                c.dep_ == "dobj" and self.lex.lemma(c) in ("hour", "day", "week", "deadline") for c in tok.children):
            return None  # "gave China 72 hours to close its consulate": an ultimatum, no gift
        if pos == "VERB" and trig.lemma == "call" and any(
                c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "for" for m in c.children)
                for c in tok.children) and "for" in self.lex.phrasal.get(("call", "VERB"), {}):
            return self.lex.phrasal[("call", "VERB")]["for"], tok.i, tok.i + 1  # "call for Pyongyang to stop…"
        if pos == "VERB" and trig.lemma == "call" and (any(
                (c.dep_ == "prep" and c.lower_ in ("for", "on")) or c.dep_ in ("oprd", "xcomp", "ccomp", "attr", "acomp")
                for c in tok.children) or not any(
                c.dep_ == "dobj" and (c.pos_ in ("PROPN", "PRON") or self.lex.nouns.get(self.lex.lemma(c)) == "state_person")
                for c in tok.children)):
            return None  # "called for talks", "called the drills 'reckless'": not a phone call
        return trig, tok.i, tok.i + 1

    # --- main -----------------------------------------------------------------
    def extract(self, sent: Span) -> list[Found]:
        triggers: dict[int, tuple[Trigger, int, int]] = {}
        for tok in sent:
            hit = self.lookup(tok)
            if hit:
                triggers[tok.i] = hit
        consumed: set[int] = set()
        events: list[Event] = []
        # first, so that "North Korea fired missiles…, the JCS said, condemning the launch" finds the launch
        self._remember_events(sent, triggers)
        for tok in sent:
            if tok.pos_ == "VERB" and self.lex.has_class(self.lex.lemma(tok), "ease"):
                event = self._easing_event(tok, triggers, consumed)
                if event is not None:
                    events.append(event)
            elif tok.pos_ == "VERB" and self.lex.has_class(self.lex.lemma(tok), "reopen"):
                event = self._reopening_event(tok)
                if event is not None:
                    events.append(event)
        # Verbs first, outermost first, so that they can consume the events in their objects.
        verbs = sorted((i for i, (t, _, _) in triggers.items() if t.pos in ("VERB", "ADJ")),
                       key=lambda i: _depth(sent.doc[i]))
        for i in verbs:
            tok = sent.doc[i]
            if i in consumed:
                continue
            event = self._verb_event(tok, triggers, consumed)
            if event is not None:
                events.append(event)
        for i, (trig, s, e) in sorted(triggers.items()):
            if trig.pos != "NOUN" or i in consumed:
                continue
            event = self._noun_event(sent.doc[i], trig, s, e, triggers, consumed)
            if event is not None:
                events.append(event)
        events.extend(self.pending)
        self.pending = []
        events.extend(self._joint_adverb_events(sent, triggers, consumed))
        events.extend(self._received_from_events(sent, triggers))
        events.extend(self._alongside_events(sent))
        events.extend(self._sided_against_events(sent))
        events.extend(self._despite_requests_events(sent))
        events.extend(self._treaty_deterrent_events(sent))
        events.extend(self._at_request_events(sent))
        events.extend(self._listing_events(sent))
        events.extend(self._deontic_events(sent))
        events.extend(self._warning_events(sent, triggers, events))
        events.extend(self._consequence_events(sent, events))
        events.extend(self._characterization_events(sent, triggers))
        deterred = self._deterred_acts(sent)
        events = [e for e in events if e.trigger.i not in deterred]
        found: list[Found] = []
        for event in events:
            found.extend(self._interactions(event))
        n = self.res.sent_of(sent[0])
        self.res.memory.reactions.extend((n, f.type, f.source.iso3, f.target.iso3) for f in found)
        return found

    def _reopening_event(self, verb: Token) -> Event | None:
        """'China will resume imports of seafood from Japan': reopening trade
        or travel is an easing toward the partner."""
        for obj in (c for c in verb.children if c.dep_ == "dobj"):
            if self.lex.nouns.get(self.lex.lemma(obj)) != "trade":
                continue
            targets = self._slot_targets(obj, ("from", "to", "with", "of"), role_noun=True)
            sources = self.subjects(verb)
            if targets and sources:
                entry = Trigger(self.lex.lemma(verb), "VERB", "cooperation", (), False, "rejection", 0.7)
                return Event(verb, entry, "cooperation", sources, targets, rule="reopening", path_quality=0.85,
                             trigger_start=verb.i, trigger_end=obj.i + 1)
        return None

    def _remember_events(self, sent: Span, triggers) -> None:
        """Who did what in this sentence (targets or not), so that later
        'the launch' or 'the move' can be traced to its author."""
        n = self.res.sent_of(sent[0])
        for tok in sent:
            if (tok.i in triggers and triggers[tok.i][0].pos == "NOUN") or \
                    (tok.pos_ == "NOUN" and self.lex.lemma(tok) in EVENT_NOUNS_REMEMBERED):
                # also "in a launch overseen by Kim Jong Un"; but "Kishida called the launch
                # 'outrageous'" is not Kishida's launch: whoever reacts to an act did not do it
                gov = self._governor_for_noun(tok)
                reacting = gov is not None and (
                    self.lex.has_class(self.lex.lemma(gov), "characterize") or self.lex.lemma(gov) in FACT_REPORTING
                    or (gov.i in triggers and triggers[gov.i][0].type == "rejection"))
                agents = self._noun_agents(tok, allow_governor=not reacting)
            elif tok.pos_ == "VERB":
                accused = tok.head.head.head if tok.head.head.dep_ == "dobj" else tok.head.head
                if tok.dep_ == "pcomp" and tok.head.lower_ in ("of", "for") and \
                        self.lex.lemma(accused) in ACCUSING_VERBS:
                    continue  # "accused the Philippine vessel of colliding with…": a claim, not a reported act
                agents = self.subjects(tok)
                if agents and tok.i in triggers and triggers[tok.i][0].joint:
                    # "Kim met Putin": the meeting is both of theirs
                    agents = unique_actors(agents + self._slot_targets(tok, triggers[tok.i][0].targets, role_noun=False))
            else:
                continue
            if agents:
                lemma = self.lex.lemma(tok)
                reaction = (tok.pos_ == "VERB" and (
                    self.lex.has_class(lemma, "speech") or self.lex.has_class(lemma, "characterize")
                    or lemma in FACT_REPORTING or lemma in REACTION_VERBS)) or \
                    (tok.pos_ == "NOUN" and lemma in REACTION_NOUNS)
                self.res.memory.add_event(EventItem(n, tok.i, lemma, tuple(a.iso3 for a in agents), reaction))

    def _characterization_events(self, sent: Span, triggers) -> list[Event]:
        """'called the launch "reckless"', 'described the measure as
        groundless', 'said the United States was "creating tension"': a
        negative characterisation of another country or its act is a
        rejection of it."""
        out = []
        for tok in sent:
            lemma = self.lex.lemma(tok)
            if tok.pos_ != "VERB":
                continue
            clause_subjects = [g for g in self._addressed_clause_subjects(tok) if self._desisting(g.head)] \
                if lemma in URGING_VERBS else []
            apology_from = [p for c in tok.children if c.dep_ == "dobj" and self.lex.lemma(c) == "apology"
                            for h in (c, tok) for g in h.children if g.dep_ == "prep" and g.lower_ == "from"
                            for p in g.children if p.dep_ == "pobj"] if lemma in DEMAND_VERBS | {"seek"} else []
            if apology_from:
                subject = apology_from[0]  # "demanded an apology from Tokyo": a rebuke (the demand is the proposal)
                rule = "evaluation-demand"
            elif lemma in URGING_VERBS and (clause_subjects or any(c.dep_ == "xcomp" and self._desisting(c)
                                                                   for c in tok.children)):
                # "urged Japan to stop its provocations", "called on the US to stop instigating…",
                # "called for North Korea to stop…": a demand to desist rebukes (the appeal itself is the proposal)
                objects = [c for c in tok.children if c.dep_ == "dobj"] + \
                    [p for c in tok.children if c.dep_ == "prep" and c.lower_ == "on" for p in c.children
                     if p.dep_ == "pobj"] + clause_subjects
                if not objects:
                    continue
                subject = objects[0]
                rule = "evaluation-demand"
            elif self.lex.has_class(lemma, "characterize"):
                objects = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")
                           and (c.pos_ != "PRON" or c.tag_ in ("WDT", "WP"))]
                complements = [c for c in tok.children if c.dep_ in ("oprd", "xcomp", "ccomp", "attr", "acomp")
                               or (c.dep_ == "prep" and c.lower_ == "as")]
                if not objects and complements:
                    # 'called North Korea's rhetoric "hostile"' parsed with the object inside the
                    # complement: the object is the last noun before the quotation opens
                    quote = min((t.i for c in complements for t in c.subtree if t.text in ('"', "\u201c")),
                                default=None)
                    before = [t for c in complements for t in c.subtree if quote is not None and t.i < quote
                              and t.pos_ in ("NOUN", "PROPN")]
                    objects = [t for t in before if self.res.resolve(t, "target")][:1] or before[-1:]
                if objects and not complements:
                    # 'called the Chinese maneuvers "reckless"', parsed as a quoted adjective on the object
                    complements = [c for c in objects[0].children if c.dep_ in ("amod", "appos")
                                   and c.i > objects[0].i
                                   and any(t.text in ('"', "\u201c", "'") for t in c.doc[max(c.left_edge.i - 1, 0):c.i])]
                if not objects or not complements or not self._negative(complements):
                    continue
                subject = objects[0]
                rule = "characterization"
            elif self.lex.has_class(lemma, "speech") and not any(c.dep_ == "neg" for c in tok.children):
                comps = [c for c in tok.children if c.dep_ == "ccomp"]
                if not comps or not self._negative_predicate(comps[0]):
                    continue
                subject = next(c for c in comps[0].children if c.dep_ in ("nsubj", "nsubjpass"))
                extraposed = [c for c in comps[0].children if c.dep_ == "ccomp" and c.i > subject.i and
                              any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)]
                if subject.lower_ == "it" and extraposed:
                    # "said it was regrettable that South Korea did not participate": the 'that' clause is judged
                    inner = [c for c in extraposed[0].children if c.dep_ in ("nsubj", "nsubjpass")]
                    if not inner:
                        continue
                    subject = inner[0]
                rule = "evaluation"
            else:
                continue
            sources = self.subjects(tok)
            own = frozenset(a.iso3 for a in sources)
            pair = self._compound_countries(subject)  # "the U.S.-South Korea drills were…"
            targets = pair if len(pair) >= 2 else self.res.resolve(subject, "target", allow_objects=True)
            if not targets and rule == "evaluation":
                # "said the incursion was part of a pattern of provocations by Beijing": the judged
                # act is unowned, the judgement names its doer
                judged = [c for c in comps[0].children if c.dep_ in ("attr", "acomp")]
                judged += [t for w in judged if self.lex.lemma(w) in TRANSPARENT_NOUNS for t in _of_chain(w)]
                if any(self._hostile(w) for w in judged):  # ("by Beijing" can hang on "pattern")
                    targets = [a for w in judged for a in self._noun_agents(w, allow_governor=False)
                               if a.iso3 not in own]
            if not targets and rule == "characterization":
                # "called the incident an example of China's reckless behavior": the complement names it
                targets = [a for c in complements for t in c.subtree if t.dep_ in ("poss", "amod", "compound")
                           and t.i != c.i for a in self.res.resolve(t, "target") if a.iso3 not in own]
                if not targets and subject.lower_ == "what":
                    targets = self._free_relative_targets(tok, complements)
            targets = targets or self.res.event_owner(subject, own) or \
                [a for a in self._participants(subject, MUTUAL_PREPS) if a.iso3 not in own]  # "cooperation between A and B"
            if targets and tok.dep_ == "conj" and {a.iso3 for a in targets} <= own:
                # "said China's policy seeks X and called Beijing's activities a concern": the parser
                # gave the verb the reported clause's subject; the reporter is the actor
                speaker = self._reporting_subjects(tok)
                if speaker:
                    sources, own = speaker, frozenset(a.iso3 for a in speaker)
            if rule == "evaluation-demand" or (rule == "evaluation" and subject.pos_ == "PRON"):
                # "…said the two countries were X and urged them to stop": the parse can give the
                # verb its addressees as subject; "the two leaders said they opposed coercive
                # attempts": the speakers judge a third party. A party never rebukes its own side.
                targets = [a for a in targets if a.iso3 not in own]
            if sources and targets:
                entry = Trigger(lemma, "VERB", "rejection", (), False, None, 0.7)
                out.append(Event(tok, entry, "rejection", sources, targets, rule=rule, path_quality=0.8,
                                 trigger_start=tok.i, trigger_end=tok.i + 1))
        return out

    def _desisting(self, verb: Token) -> bool:
        """'to stop', 'refrain': asked to cease something (not 'not to stop')."""
        return self.lex.lemma(verb) in DESIST_VERBS and not any(c.dep_ == "neg" for c in verb.children)

    def _addressed_clause_subjects(self, verb: Token) -> list[Token]:
        """The subjects of 'for X to …' and of 'that X (should) …' under a verb of asking."""
        out = []
        for c in verb.children:
            marks = {m.lower_ for m in c.children if m.dep_ == "mark"}
            if (c.dep_ == "advcl" and "for" in marks) or \
                    (c.dep_ == "ccomp" and self.lex.lemma(verb) in DEMAND_VERBS and not marks - {"that"}):
                out += [g for g in c.children if g.dep_ == "nsubj"]
        return out

    def _free_relative_objects(self, verb: Token) -> list[Token]:
        """'criticized what he called U.S. moves', parsed as a reported clause:
        the thing named is what was criticised."""
        for c in verb.children:
            if c.dep_ == "ccomp" and self.lex.has_class(self.lex.lemma(c), "characterize") and \
                    any(g.dep_ == "dobj" and g.lower_ == "what" for g in c.children):
                return [g for g in c.children if g.dep_ in ("oprd", "attr", "xcomp") and g.pos_ in ("NOUN", "PROPN")]
        return []

    def _free_relative_targets(self, verb: Token, complements: list[Token]) -> list[Actor]:
        """'condemned what they called aggressive behavior by China': the free relative
        has no antecedent; the complement, or the agent attached to the naming verb, names it."""
        heads = [c for c in complements if c.dep_ != "prep"] + \
            [p for c in complements if c.dep_ == "prep" for p in c.children if p.dep_ == "pobj"]
        found = [a for h in heads for a in self.res.resolve(h, "target", allow_objects=True)]
        for holder in [verb, *heads]:
            for c in holder.children:
                if c.dep_ in ("prep", "agent") and c.lower_ in AGENT_PREPS:
                    found += [a for p in c.children if p.dep_ == "pobj" for a in self.res.resolve(p, "target")]
        return unique_actors(found)

    def _negative_predicate(self, clause: Token) -> bool:
        """'the United States was "creating tension"', 'his remarks were
        "provocative"': the clause's own predicate, not a phrase inside it,
        is a negative characterisation; hedged or negated clauses are not."""
        if not any(c.dep_ in ("nsubj", "nsubjpass") for c in clause.children):
            return False
        if clause.pos_ == "VERB" and self.lex.lemma(clause) not in STATIVE_VERBS and \
                any(c.dep_ == "neg" for c in clause.children) and \
                _has_obligation_aux(clause):
            return True  # "Manila should not sacrifice peace": telling another country off
        if any(c.dep_ == "aux" and c.lower_ in ("would", "could", "might", "may") for c in clause.children):
            return False
        if any(c.dep_ == "neg" for c in clause.children):
            # "China's actions were 'not conducive to regional peace'": a praise word denied
            return self.lex.lemma(clause) == "be" and not any(
                c.dep_ in ("nsubj", "nsubjpass") and c.pos_ == "PRON" for c in clause.children) and any(
                self.lex.evaluations.get(c.lower_) == "positive" for c in clause.children if c.dep_ == "acomp")
        if self.lex.lemma(clause) in DESIST_VERBS and _has_obligation_aux(clause):
            return True  # "Japan should stop its provocations": a rebuke
        words = [clause] + [c for c in clause.children if c.dep_ in ("attr", "acomp", "oprd", "dobj", "xcomp")] + \
            [p for c in clause.children if c.dep_ == "prep" and c.lower_ == "of" and self.lex.lemma(clause) == "be"
             for p in c.children if p.dep_ == "pobj"]  # "should be of great concern"
        words += [t for w in words if self.lex.lemma(w) in TRANSPARENT_NOUNS for t in _of_chain(w)]
        return any(self.lex.evaluations.get(self.lex.lemma(w)) == "negative" or
                   self.lex.evaluations.get(w.lower_) == "negative" or
                   any(self.lex.evaluations.get(g.lower_) == "negative" for g in w.children if g.dep_ in ("amod", "compound"))
                   for w in words)

    def _negative(self, phrases: list[Token]) -> bool:
        """Does any word of these phrases, or a multiword label across them ('anti - peace'), judge negatively?"""
        doc = phrases[0].doc
        return any(self.lex.evaluations.get(self.lex.lemma(t)) == "negative" or
                   self.lex.evaluations.get(t.lower_) == "negative" for p in phrases for t in p.subtree) or \
            self.lex.negative_phrase_in(doc[min(p.left_edge.i for p in phrases):
                                            max(p.right_edge.i for p in phrases) + 1].text)

    def _alongside_events(self, sent: Span) -> list[Event]:
        """'North Korean soldiers fighting alongside Russian forces': acting
        alongside another country's forces is cooperating with it."""
        out = []
        for tok in sent:
            if tok.dep_ != "prep" or tok.lower_ not in ("alongside",) or tok.head.pos_ != "VERB":
                continue
            partners = [a for p in tok.children if p.dep_ == "pobj" for a in self.res.resolve(p, "target")]
            actors = self.subjects(tok.head)
            if tok.head.dep_ == "acl" and not actors:
                actors = self.res.resolve(tok.head.head, "source")
            everyone = unique_actors(actors + partners)
            if len(everyone) >= 2 and actors and partners:
                entry = Trigger("alongside", "ADP", "cooperation", (), True, None, 0.7)
                out.append(Event(tok, entry, "cooperation", [], [], participants=everyone, rule="alongside",
                                 path_quality=0.85, trigger_start=tok.i, trigger_end=tok.i + 1))
        for tok in sent:
            # "Japan and the Philippines, along with the United States, held…", "would monitor the
            # situation together with Washington and Tokyo": each actor with each partner
            if tok.lower_ != "with" or tok.dep_ != "prep" or tok.i == sent.start or \
                    sent.doc[tok.i - 1].lower_ not in ("along", "together"):
                continue
            verb = governing_verb(tok)
            if verb is None or self.lex.lemma(verb) in ("be", "remain"):
                continue  # "A and B are among four claimants, along with C and D": a list, not an act
            if sent.doc[tok.i - 1].lower_ == "along" and verb.i < tok.i and \
                    any(c.dep_ == "dobj" and c.i < tok.i for c in verb.children):
                continue  # "blacklisted Chinyong, along with the Pyongyang University…": more objects
            partners = [a for p in tok.children if p.dep_ == "pobj" for a in self.res.resolve(p, "target")]
            actors = self.subjects(verb)
            own = {a.iso3 for a in actors}
            partners = [a for a in partners if a.iso3 not in own]
            if actors and partners:
                entry = Trigger("together with", "ADP", "cooperation", (), True, None, 0.7)
                out.append(Event(verb, entry, "cooperation", actors, partners, rule="alongside-with",
                                 path_quality=0.85, trigger_start=tok.i - 1, trigger_end=tok.i + 1))
        return out

    def _sided_against_events(self, sent: Span) -> list[Event]:
        """'Washington stood with its Philippine ally against China's dangerous actions',
        'will support Manila against Chinese coercion': whom a country sides against, it opposes."""
        out = []
        for tok in sent:
            if tok.dep_ != "prep":
                continue
            if tok.lower_ == "of" and tok.head.lower_ == "face" and tok.head.head.lower_ == "in":
                verb = tok.head.head.head  # "stood with Japan in the face of China's coercion"
                verb = verb if verb.pos_ in ("VERB", "AUX") else None
            elif tok.lower_ == "against":
                verb = tok.head if tok.head.pos_ in ("VERB", "AUX") else tok.head.head.head \
                    if tok.head.dep_ == "pobj" and tok.head.head.lower_ == "with" else None
            else:
                continue
            if verb is None or self.lex.lemma(verb) not in SIDING_VERBS:
                continue
            sources = self.subjects(verb)
            own = {a.iso3 for a in sources}
            sides = {a.iso3 for c in verb.children if c.dep_ in ("dobj", "prep") and c.i < tok.i
                     for p in ([c] if c.dep_ == "dobj" else [g for g in c.children if g.dep_ == "pobj"])
                     for a in self.res.resolve(p, "target")}
            opposed = [a for p in tok.children if p.dep_ == "pobj"
                       for a in self.res.resolve(p, "target", allow_objects=True) if a.iso3 not in own | sides]
            if sources and opposed:
                entry = Trigger("against", "ADP", "rejection", (), False, None, 0.6)
                out.append(Event(verb, entry, "rejection", sources, unique_actors(opposed), rule="sided-against",
                                 path_quality=0.8, trigger_start=tok.i, trigger_end=tok.i + 1))
        return out

    def _treaty_deterrent_events(self, sent: Span) -> list[Event]:
        """'an armed attack on Philippine vessels would invoke US mutual defense commitments': a
        defence pledge deters whoever would attack; with no attacker named, the story's aggressor."""
        out = []
        for verb in sent:
            if verb.pos_ != "VERB" or self.lex.lemma(verb) not in ("invoke", "trigger", "activate"):
                continue
            attacks = [c for c in verb.children if c.dep_ == "nsubj" and self.lex.lemma(c) in ("attack", "aggression")]
            pledges = [c for c in verb.children if c.dep_ == "dobj" and self.lex.lemma(c) in DEFENSE_PLEDGES]
            if not attacks or not pledges:
                continue
            owners = [a for c in pledges[0].children if c.dep_ in ("poss", "nmod", "compound", "amod") and c.pos_ != "PRON"
                      for a in self.res.resolve(c, "source")]
            if not owners and any(c.dep_ == "poss" and c.pos_ == "PRON" for c in pledges[0].children):
                owners = self._reporting_subjects(verb)  # "would invoke our mutual defense treaty," Biden said
            protected = [a for c in attacks[0].children if c.dep_ == "prep" and c.lower_ in ("on", "against")
                         for p in c.children if p.dep_ == "pobj" for a in self.res.resolve(p, "target", allow_objects=True)]
            exclude = frozenset(a.iso3 for a in owners + protected)
            attackers = [a for c in attacks[0].children if c.dep_ == "prep" and c.lower_ == "by"
                         for p in c.children if p.dep_ == "pobj" for a in self.res.resolve(p, "target")
                         if a.iso3 not in exclude] or self._story_aggressor(verb, exclude)
            if owners and protected and attackers:
                entry = Trigger(self.lex.lemma(verb), "VERB", "threat", (), False, None, 0.6)
                out.append(Event(verb, entry, "threat", unique_actors(owners), attackers, rule="treaty-deterrent",
                                 path_quality=0.75, trigger_start=verb.i, trigger_end=verb.i + 1))
        return out

    def _despite_requests_events(self, sent: Span) -> list[Event]:
        """'did not agree to open its market despite repeated requests from Washington': the
        requester asked the subject (a proposal), and a refusal in the clause rejects it."""
        out = []
        for tok in sent:
            if tok.dep_ != "pobj" or tok.head.lower_ not in ("despite", "notwithstanding") or \
                    self.lex.lemma(tok) not in REQUEST_NOUNS or tok.head.head.pos_ not in ("VERB", "AUX"):
                continue
            verb = tok.head.head
            requesters = [a for c in tok.children if c.dep_ == "poss" for a in self.res.resolve(c, "source")] + \
                [a for c in tok.children if c.dep_ == "prep" and c.lower_ in ("from", "by")
                 for p in c.children if p.dep_ == "pobj" for a in self.res.resolve(p, "source")]
            addressees = [a for a in self.subjects(verb) if all(a.iso3 != r.iso3 for r in requesters)]
            if not requesters or not addressees:
                continue
            entry = Trigger(self.lex.lemma(tok), "NOUN", "proposal", (), False, None, 0.7)
            out.append(Event(tok, entry, "proposal", unique_actors(requesters), addressees,
                             rule="despite-request", path_quality=0.85, trigger_start=tok.i, trigger_end=tok.i + 1))
            refused = clause_context(verb, self.lex).negated or \
                self.lex.triggers.get((self.lex.lemma(verb), "VERB"), entry).type == "rejection"
            if refused:
                out.append(Event(tok, replace(entry, type="rejection"), "rejection", addressees,
                                 unique_actors(requesters), rule="despite-request-refused", path_quality=0.8,
                                 trigger_start=verb.i, trigger_end=verb.i + 1))
        return out

    def _at_request_events(self, sent: Span) -> list[Event]:
        """'flew supplies to the quake zone at the request of the Japanese government':
        the requester asked the actor (a proposal to it)."""
        out = []
        for tok in sent:
            if self.lex.lemma(tok) not in ("request", "invitation", "behest") or tok.dep_ != "pobj" or \
                    tok.head.lower_ not in ("at", "upon", "on") or tok.head.head.pos_ not in ("VERB", "AUX"):
                continue
            requesters = [a for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"
                          for p in c.children if p.dep_ == "pobj" for a in self.res.resolve(p, "source")]
            requesters += [a for c in tok.children if c.dep_ == "poss" for a in self.res.resolve(c, "source")]
            actors = self.subjects(tok.head.head)
            if requesters and actors:
                entry = Trigger(self.lex.lemma(tok), "NOUN", "proposal", (), False, None, 0.7)
                out.append(Event(tok, entry, "proposal", unique_actors(requesters), actors, rule="noun-request",
                                 path_quality=0.85, trigger_start=tok.i, trigger_end=tok.i + 1))
        return out

    def _deontic_events(self, sent: Span) -> list[Event]:
        """'Xi told Biden that the United States should stop arming Taiwan': what a speaker
        tells another country it should or must do is put to it (a proposal). Said about a
        country, not to it ("said Japan should reflect on its history"), annotators read a
        rebuke, not an offer, so that is left to the evaluation rules."""
        out = []
        for tok in sent:
            if tok.pos_ != "VERB" or not self.lex.has_class(self.lex.lemma(tok), "speech") or \
                    any(c.dep_ == "neg" for c in tok.children):
                continue
            for clause in (c for c in tok.children if c.dep_ == "ccomp"):
                if not _has_obligation_aux(clause) or \
                        any(c.dep_ == "neg" for c in clause.children):
                    continue  # "should not": a rebuke (see _negative_predicate)
                subjects = [c for c in clause.children if c.dep_ == "nsubj"]
                if not subjects:
                    continue
                sources = self.subjects(tok)
                own = {a.iso3 for a in sources}
                targets = [a for a in self.res.resolve(subjects[0], "target") if a.iso3 not in own]
                told = {a.iso3 for c in tok.children if c.dep_ in ("dobj", "dative")
                        for a in self.res.resolve(c, "target")}
                targets = [a for a in targets if a.iso3 in told]  # said to its face, not about it
                if sources and targets:
                    entry = Trigger(self.lex.lemma(clause), "VERB", "proposal", (), False, None, 0.6)
                    out.append(Event(tok, entry, "proposal", sources, targets, rule="deontic", path_quality=0.8,
                                     trigger_start=clause.i, trigger_end=clause.i + 1))  # the speech act's modality
        return out

    def _listing_events(self, sent: Span) -> list[Event]:
        """'placed American firms on an unreliable-entity list', 'removed South Korea from
        its white list': putting a country or its firms on a blacklist, or taking it off a
        list of trusted partners, is a sanction on that country; the reverse eases one."""
        out = []
        for tok in sent:
            if tok.pos_ != "VERB":
                continue
            lemma = self.lex.lemma(tok)
            for c in tok.children:
                if c.dep_ != "prep" or c.lower_ not in ("on", "to", "from", "onto", "off"):
                    continue
                lists = [p for p in c.children if p.dep_ == "pobj" and self.lex.lemma(p) in ("list", "blacklist",
                                                                                             "whitelist")]
                if not lists:
                    continue
                kind = " ".join(t.lower_ for t in lists[0].subtree)  # "its own list of trusted trading partners"
                black = any(w in kind for w in ("entity", "black", "sanction", "control", "watch", "unreliable", "terror"))
                white = any(w in kind for w in ("white", "trusted", "preferred", "preferential"))
                adding = lemma in ("place", "put", "add", "include", "designate", "return", "restore", "reinstate") \
                    and c.lower_ in ("on", "to", "onto")
                removing = lemma in ("remove", "drop", "exclude", "delete", "strike", "take") and c.lower_ in ("from", "off")
                if (adding and black) or (removing and white):
                    typ = "threat"
                elif (adding and white) or (removing and black):
                    typ = "cooperation"
                else:
                    continue
                objects = [o for o in tok.children if o.dep_ in ("dobj", "nsubjpass")]
                targets = [a for o in objects for a in self.res.resolve(o, "target")] or self._people_country(objects)
                sources = self.subjects(tok)
                own = {a.iso3 for a in sources}
                targets = [a for a in targets if a.iso3 not in own]
                if sources and targets:
                    entry = Trigger(lemma, "VERB", typ, (), False, None, 0.7)
                    out.append(Event(tok, entry, typ, sources, targets, rule="listing", path_quality=0.85,
                                     trigger_start=tok.i, trigger_end=tok.i + 1))
        return out

    def _received_from_events(self, sent: Span, triggers) -> list[Event]:
        """'The Philippines received missiles from India': the giver cooperates
        with the receiver."""
        out = []
        for tok in sent:
            if tok.pos_ != "VERB" or not self.lex.has_class(self.lex.lemma(tok), "receive"):
                continue
            if any(c.dep_ == "dobj" and c.i in triggers for c in tok.children):
                continue  # "received a rebuke from X" is the rebuke's own event
            givers = []
            holders = [tok] + [c for c in tok.children if c.dep_ == "dobj"]
            holders += [p for h in holders[1:] for c in h.children if c.dep_ == "prep" and c.lower_ == "of"
                        for p in c.children if p.dep_ == "pobj"]  # "a batch of missiles from India"
            for h in holders:
                for c in h.children:
                    if c.dep_ == "prep" and c.lower_ == "from":
                        givers += [a for p in c.children if p.dep_ == "pobj" for a in self.res.resolve(p, "source")]
            receivers = self.subjects(tok)
            if givers and receivers and clause_context(tok, self.lex).negated:
                continue  # "refused to accept a letter from Trump": the refusal is the receiver's act, not the sender's
            if givers and receivers:
                entry = Trigger(self.lex.lemma(tok), "VERB", "cooperation", (), False, "rejection", 0.6)
                out.append(Event(tok, entry, "cooperation", givers, receivers, rule="received-from",
                                 path_quality=0.85, trigger_start=tok.i, trigger_end=tok.i + 1))
        return out

    def _warning_events(self, sent: Span, triggers, events: list[Event]) -> list[Event]:
        """'Wang warned that Beijing would respond if Manila continued…',
        'warned that the allies would face consequences': a warning of
        consequences aimed at the party the consequence clause names."""
        out = []
        done = {e.trigger.i for e in events if e.targets or e.participants}
        for tok in sent:
            if tok.i in done or not self._may_warn(tok):
                continue
            comp = [c for c in tok.children if c.dep_ in ("ccomp", "xcomp")]
            if not comp:
                continue
            if self.lex.lemma(tok) not in WARNING_VERBS and self._deterred_act(comp[0]) is None:
                continue  # "said that…" warns only when what it says is a deterrent
            if comp[0].dep_ == "xcomp":  # the condition clause holds the target
                conds = _marked_clauses(comp[0], ("if", "unless")) + _marked_clauses(tok, ("if", "unless"))
                if not conds:
                    continue
                comp = conds
            sources = self.subjects(tok)
            if not sources:
                continue
            words = {self.lex.lemma(t) for t in comp[0].subtree}
            if not words & CONSEQUENCE_WORDS:
                continue
            own = {a.iso3 for a in sources}
            targets = []
            for t in comp[0].subtree:
                # the warned party acts in the clause (subject, "by" agent, object), not a recipient ("to Ukraine")
                acting = t.dep_ in ("nsubj", "nsubjpass", "dobj") or (t.dep_ == "pobj" and _agent_prep(t.head))
                if acting and t.pos_ in ("PROPN", "NOUN", "PRON"):
                    for a in self.res.resolve(t, "target"):
                        if a.iso3 not in own and all(a.iso3 != b.iso3 for b in targets):
                            targets.append(a)
            if targets:
                admonition = _has_obligation_aux(comp[0])
                typ = "rejection" if admonition else "threat"  # "should not harm third parties" is a rebuke
                entry = Trigger(self.lex.lemma(tok), "VERB", typ, (), False, None, 0.75)
                out.append(Event(tok, entry, typ, sources, targets[:3], rule="warning", path_quality=0.8,
                                 trigger_start=tok.i, trigger_end=tok.i + 1))
        for tok in sent:
            # "condemned the exercise by the US, Japan and South Korea, warning of countermeasures": the
            # warning is aimed at whoever the condemnation it goes with is aimed at
            if tok.i in done or self.lex.lemma(tok) not in WARNING_VERBS or tok.dep_ not in ("advcl", "conj"):
                continue
            if not any(c.dep_ == "prep" and c.lower_ in ("of", "about") and any(
                    p.dep_ == "pobj" and self.lex.lemma(p) in WARNED_OF for p in c.children)
                    for c in tok.children):
                continue
            rebuke = next((e for e in events if e.trigger.i == tok.head.i and e.type == "rejection" and e.targets), None)
            sources = self.subjects(tok)
            if rebuke is None or not sources:
                continue
            entry = Trigger(self.lex.lemma(tok), "VERB", "threat", (), False, None, 0.7)
            out.append(Event(tok, entry, "threat", sources, rebuke.targets, rule="warning-rebuked", path_quality=0.8,
                             trigger_start=tok.i, trigger_end=tok.i + 1))
        return out

    def _deterred_act(self, clause: Token) -> Token | None:
        """'(he added that) any attack by North Korea would result in the end of
        the regime': a clause whose subject is another's hostile act, with what
        will follow it, warns whoever says it, whatever the reporting verb.
        The act itself is only supposed."""
        if not (_has_future_aux(clause) or any(c.dep_ == "conj" and _has_future_aux(c) for c in clause.children)):
            return None
        return next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass") and c.pos_ == "NOUN"
                     and self._hostile(c) and any(p.dep_ == "prep" and p.lower_ == "by" for p in c.children)), None)

    def _may_warn(self, tok: Token) -> bool:
        """A warning verb, or any speech verb (whose clause may be a deterrent)."""
        return tok.pos_ == "VERB" and (self.lex.lemma(tok) in WARNING_VERBS or
                                       self.lex.has_class(self.lex.lemma(tok), "speech"))

    def _deterred_acts(self, sent: Span) -> set[int]:
        return {act.i for tok in sent if self._may_warn(tok)
                for c in tok.children if c.dep_ == "ccomp" for act in [self._deterred_act(c)] if act is not None}

    def _consequence_events(self, sent: Span, events: list[Event]) -> list[Event]:
        """Warnings stated without a warning verb. 'Seoul would respond
        "multiple times stronger" if Pyongyang staged a provocation': a
        retaliation made conditional on another country's act threatens that
        country. 'North Korea will pay a heavy price, Seoul said': the party
        that will face the penalty is threatened by whoever says so."""
        out = []
        done = {e.trigger.i for e in events if e.targets or e.participants}
        for tok in sent:
            if tok.pos_ != "VERB" or tok.i in done:
                continue
            lemma = self.lex.lemma(tok)
            objects = [c for c in tok.children if c.dep_ == "dobj"]
            if self.lex.has_class(lemma, "retaliate") or (
                    lemma in ("take", "adopt", "make") and any(self.lex.lemma(o) in RETALIATION_NOUNS for o in objects)):
                conds = _marked_clauses(tok, CONDITION_WORDS) or self._speaker_conditions(tok)
                hostile = self._hostile_acts_answered(tok)
                reserved = _reserved_right(tok)
                resolute = self._resolute_retaliation(tok, objects) or self._retaliated_by_act(tok)
                if not (conds or hostile or reserved or resolute) or self._reported_by_outsider(tok):
                    continue  # "experts said Japan would respond if…" is speculation
                sources = self.subjects(tok)
                own = {a.iso3 for a in sources}
                targets = unique_actors([a for c in conds for t in c.subtree
                                         if (t.dep_ == "nsubj" and t.head.i == c.i) or
                                         (t.dep_ == "pobj" and t.head.lower_ == "by" and t.head.head.i == c.i)
                                         for a in self.res.resolve(t, "target") if a.iso3 not in own] +
                                        [a for t in hostile for a in (self.res.resolve(t, "target", allow_objects=True)
                                                                      or self._noun_agents(t, allow_governor=False))
                                         if a.iso3 not in own])
                rule = "warning-conditional"
                if not targets and resolute:  # "retaliated with duties on Chinese steel": whose goods
                    targets = unique_actors([a for c in tok.children if c.dep_ == "prep" and c.lower_ == "with"
                                             for p in c.children if p.dep_ == "pobj"
                                             for g in p.children if g.dep_ == "prep" and g.lower_ in ("on", "against")
                                             for q in g.children if q.dep_ == "pobj"
                                             for a in self.res.resolve(q, "target", allow_objects=True)
                                             if a.iso3 not in own])
                if not targets and sources and (hostile or reserved or resolute or any(
                        self._unowned_act(t) for c in conds for t in c.children if t.dep_ in ("nsubj", "nsubjpass"))):
                    # "would respond firmly to any provocation", "reserves the right to take necessary
                    # responses", "would take much stronger action if such an act happened again", with
                    # nobody named: aimed at whoever just did the act being answered
                    targets = self._answered_or_aggressor(tok, frozenset(own))
                    rule += "-answered"
            elif lemma in ("face", "pay") and (any(self.lex.lemma(o) in PENALTY_NOUNS for o in objects) or any(
                    c.dep_ == "advmod" and c.lower_ in ("dearly", "heavily") for c in tok.children)) and \
                    (_future_in_chain(tok) or self._vowed_causation(tok) is not None):
                vow = self._vowed_causation(tok)  # "vowed to make the United States pay dearly"
                sources = self.subjects(vow) if vow is not None else self._reporting_subjects(tok)
                own = {a.iso3 for a in sources}
                targets = [a for a in self.subjects(tok) or self._penalized_act_owners(tok) if a.iso3 not in own]
                rule = "warning-penalty"
            elif lemma == "hold" and _has_future_aux(tok) and any(
                    c.dep_ in ("oprd", "acomp", "xcomp") and c.lower_ in ("accountable", "responsible")
                    for c in tok.children) and any(c.dep_ == "nsubjpass" for c in tok.children):
                # "the U.S. and the ROK will be held fully accountable for all the consequences"
                sources = self._reporting_subjects(tok)
                own = {a.iso3 for a in sources}
                targets = [a for c in tok.children if c.dep_ == "nsubjpass" for q in [c, *c.conjuncts]
                           for a in self.res.resolve(q, "target") if a.iso3 not in own]
                rule = "warning-penalty"
            elif lemma in CARRY_VERBS and _has_future_aux(tok) and \
                    any(self.lex.lemma(o) in PENALTY_NOUNS for o in objects):
                # "warned that any military cooperation with North Korea would carry consequences"
                sources = self._reporting_subjects(tok)
                own = {a.iso3 for a in sources}
                targets = [a for a in self._penalized_act_owners(tok) if a.iso3 not in own]
                rule = "warning-penalty"
            elif lemma in HARM_VERBS and _has_future_aux(tok) and not any(c.dep_ == "neg" for c in tok.children):
                # "adding that Russia's ties with South Korea would inevitably suffer": a warning
                # that the relation pays for the other side's act, aimed at that side
                sources = self._reporting_subjects(tok)
                own = {a.iso3 for a in sources}
                ties = [c for c in tok.children if c.dep_ == "nsubj" and self.lex.lemma(c) in RELATION_NOUNS]
                parties = unique_actors([a for t in ties for a in self._noun_agents(t, allow_governor=False)
                                         + self._participants(t)])
                targets = [a for a in parties if a.iso3 not in own] if own & {a.iso3 for a in parties} else []
                rule = "warning-relations"
            elif lemma == "meet" and _has_future_aux(tok) and any(
                    c.dep_ == "prep" and c.lower_ == "with" and any(
                        p.dep_ == "pobj" and self.lex.lemma(p) in PENALTY_NOUNS for p in c.children)
                    for c in tok.children):
                # "the North's provocation would be met with a decisive response, Yoon said"
                sources = self._reporting_subjects(tok)
                own = {a.iso3 for a in sources}
                targets = [a for a in self._penalized_act_owners(tok) if a.iso3 not in own]
                rule = "warning-penalty"
                if not targets and sources and any(self._unowned_act(c) for c in tok.children if c.dep_ == "nsubjpass"):
                    # "any further provocation would be met with an overwhelming response": whoever provokes
                    targets = self._answered_or_aggressor(tok, frozenset(own))
                    rule += "-answered"
            else:
                continue
            if sources and targets:
                entry = Trigger(lemma, "VERB", "threat", (), False, None, 0.75)
                out.append(Event(tok, entry, "threat", sources, targets[:3], rule=rule, path_quality=0.8,
                                 trigger_start=tok.i, trigger_end=tok.i + 1))
        return out

    def _retaliated_by_act(self, verb: Token) -> bool:
        """'responded by firing missiles into the sea', 'retaliated with levies on U.S. coal':
        a retaliation carried out, by an act that is neither words nor an overture."""
        for c in verb.children:
            if c.dep_ == "prep" and c.lower_ == "by":
                # ("by flying bombers" can be parsed as a participle on the noun)
                acts = [p for p in c.children if p.dep_ == "pcomp" and p.pos_ == "VERB"] + \
                    [g for p in c.children if p.dep_ == "pobj" for g in p.children if g.dep_ == "amod" and g.tag_ == "VBG"]
                for p in acts:
                    found = self.lookup(p)  # (phrasal too: "by calling for calm")
                    hit = found[0] if found is not None else None
                    if not self.lex.has_class(self.lex.lemma(p), "speech") and not (hit is not None and (
                            hit.type == "proposal" or (hit.type == "cooperation" and  # "by sending aid to X"
                                                       self._slot_targets(p, hit.targets, role_noun=False)))):
                        return True
            if c.dep_ == "prep" and c.lower_ == "with" and self.lex.lemma(verb) == "retaliate":
                return any(self.lex.lemma(p) in RETALIATORY_MEASURES for p in c.children if p.dep_ == "pobj")
        return False

    def _resolute_retaliation(self, verb: Token, objects: list[Token]) -> bool:
        """'would respond sternly', 'vowed to take all necessary countermeasures': a
        promised retaliation with nobody named is aimed at the act it answers."""
        vowed = verb.dep_ == "xcomp" and self.lex.lemma(verb.head) in VOW_VERBS
        if not (vowed or _future_in_chain(verb)):
            return False
        if any(p.dep_ == "pobj" and any(d.dep_ == "det" and d.lower_ == "any" for d in p.children)
               for h in [verb, *objects] for c in h.children if c.dep_ == "prep" for p in c.children):
            return False  # "countermeasures against any country that harms its interests": nobody in particular
        return any(c.dep_ == "advmod" and c.lower_ in FIRM_ADVERBS for c in verb.children) or any(
            self.lex.lemma(o) in ("countermeasure", "retaliation", "reprisal", "counteraction") or
            any(m.dep_ == "amod" and m.lower_ in FIRM_MODIFIERS for m in o.children) for o in objects)

    def _unowned_act(self, noun: Token) -> bool:
        """'any further provocation', 'such an act': a hostile or generic act with no doer named."""
        return noun.pos_ == "NOUN" and (self._hostile(noun) or self.lex.lemma(noun) in GENERIC_EVENT_NOUNS) and \
            not self._noun_agents(noun, allow_governor=False) and \
            any(c.dep_ in ("det", "predet") and c.lower_ in ("any", "such", "another") or
                c.dep_ == "amod" and c.lower_ in ("further", "more", "new", "future") for c in noun.children)

    def _vowed_causation(self, verb: Token) -> Token | None:
        """'vowed to make the United States pay dearly': the vow that causes the penalty."""
        make = verb.head
        if verb.dep_ in ("ccomp", "xcomp") and self.lex.lemma(make) == "make" and make.dep_ == "xcomp" and \
                self.lex.lemma(make.head) in VOW_VERBS:
            return make.head
        return None

    def _speaker_conditions(self, verb: Token) -> list[Token]:
        """'told the cabinet that Seoul would respond … if Pyongyang provoked', with
        the 'if' clause hung on the speech verb: a speaker does not speak on a
        condition, so a condition after the stated response is the response's."""
        if not _has_future_aux(verb):
            return []
        speaker = governing_verb(verb)
        if speaker is None or not (self.lex.has_class(self.lex.lemma(speaker), "speech")
                                   or self.lex.lemma(speaker) in NOTICE_VERBS):
            return []
        return [c for c in _marked_clauses(speaker, CONDITION_WORDS) if c.i > verb.i]

    def _penalized_act_owners(self, verb: Token) -> list[Actor]:
        """'any military cooperation between the two countries would face consequences',
        'the North's provocation would be met with a response': the penalty falls on
        whoever does the hostile or joint act that is the clause's subject."""
        out = []
        for c in verb.children:
            if c.dep_ in ("nsubj", "nsubjpass") and c.pos_ == "NOUN" and (
                    self._hostile(c) or self._noun_trigger_type(c) is not None or any(
                        (m.dep_ == "amod" and self._hostile(m))  # "illegal actions"
                        or (m.dep_ == "det" and m.lower_ == "any") for m in c.children)):  # "any arms trade"
                doers = self._noun_agents(c, allow_governor=False) + self._participants(c, MUTUAL_PREPS)
                if not doers and self._participants(c):
                    # "urged Russia … and warned that any cooperation with North Korea would carry
                    # consequences": the partner is not the one warned; whoever was addressed is
                    doers = self._addressees(verb)
                out += doers
        return unique_actors(out)

    def _addressees(self, tok: Token) -> list[Actor]:
        """The countries spoken to by the speech that reports `tok`, or by
        the verb it is coordinated with ('urged Russia … and warned that…')."""
        speech = self._reporting_verb(tok, NOTICE_VERBS)
        if speech is None:
            return []
        verbs = [speech, *speech.conjuncts]
        return unique_actors([a for v in verbs for c in v.children if c.dep_ in ("dobj", "dative")
                              for a in self.res.resolve(c, "target")])

    def _hostile_acts_answered(self, verb: Token) -> list[Token]:
        """'would respond to any US attack', 'will retaliate against any provocation by Seoul':
        the hostile acts a retaliation answers (owned by the one it threatens)."""
        acts = []
        if not _future_in_chain(verb):
            return acts  # "coordinate in responding to the North's provocations" is no warning
        holders = [verb] + [c for c in verb.children if c.dep_ == "dobj" and self.lex.lemma(c) in RETALIATION_NOUNS]
        for c in [c for h in holders for c in h.children]:
            if c.dep_ == "prep" and c.lower_ in ("to", "against", "for"):
                for p in c.children:
                    if p.dep_ == "pobj" and p.pos_ == "NOUN" and (
                            self._hostile(p) or any(a.dep_ == "acl" and self._hostile(a) for a in p.children)):
                        acts.append(p)  # also "any attempt by North Korea to destabilize the region"
            elif c.dep_ == "dobj" and c.pos_ == "NOUN" and self._hostile(c) and \
                    self.lex.lemma(verb) in ("counter", "punish", "answer"):
                acts.append(c)  # "would resolutely counter any infringement and provocation"
        return acts

    def _hostile(self, tok: Token) -> bool:
        """A word for an act against someone: a negative judgement or a threat trigger."""
        lemma = self.lex.lemma(tok)
        return self.lex.evaluations.get(lemma) == "negative" or \
            getattr(self.lex.triggers.get((lemma, "VERB" if tok.pos_ == "VERB" else "NOUN")), "type", None) == "threat"

    def _joint_adverb_events(self, sent: Span, triggers, consumed) -> list[Event]:
        """'Japan, Britain and Italy are jointly developing a fighter': any
        act done 'jointly' or 'together' by two or more countries."""
        out = []
        for tok in sent:
            if tok.pos_ != "VERB":
                continue
            exchanged = [triggers[c.i][0] for c in tok.children if c.dep_ == "dobj" and c.i in triggers
                         and triggers[c.i][0].type in ("rejection", "threat")]
            if exchanged and self.lex.lemma(tok) in ("trade", "exchange"):
                people = self.subjects(tok)
                if len(people) >= 2:
                    # "Seoul and Tokyo traded accusations": each did it to the other
                    consumed.update(c.i for c in tok.children if c.dep_ == "dobj")
                    typ = exchanged[0].type
                    entry = Trigger(self.lex.lemma(tok), "VERB", typ, (), True, None, 0.7)
                    out.append(Event(tok, entry, typ, [], [], participants=people, rule="exchanged",
                                     path_quality=0.85, trigger_start=tok.i, trigger_end=tok.i + 1))
                continue
            joint_adverb = any(c.dep_ == "advmod" and c.lower_ in ("jointly", "together") for c in tok.children)
            operation = self.lex.has_class(self.lex.lemma(tok), "operation") and not any(
                c.dep_ == "dobj" and c.i in triggers for c in tok.children)  # "held talks": the talks are the act
            if not (joint_adverb or operation) or (tok.i in triggers and not operation):
                continue
            if tok.dep_ == "ccomp" and not any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children):
                continue  # a reported act without its own subject is not the reporters' joint act
            people = self.subjects(tok)  # "ROK and U.S. forces fired…": two countries acting together
            if len(people) >= 2:
                entry = Trigger(self.lex.lemma(tok), "VERB", "cooperation", (), True, "rejection", 0.7)
                out.append(Event(tok, entry, "cooperation", [], [], participants=people, rule="jointly",
                                 path_quality=0.9, trigger_start=tok.i, trigger_end=tok.i + 1))
        return out

    # --- verbs ------------------------------------------------------------------
    def _easing_event(self, verb: Token, triggers, consumed: set[int]) -> Event | None:
        """'lifted its ban on Japanese seafood': undoing a restriction is
        cooperation toward the restriction's target."""
        for obj in (c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")):
            hit = triggers.get(obj.i)
            if hit is None or hit[0].type != "threat" or hit[0].pos != "NOUN":
                continue
            targets = self._slot_targets(obj, hit[0].targets + ("to", "for"), role_noun=True) or \
                self._slot_targets(verb, hit[0].targets + ("to", "for"), role_noun=False, passive_objects=[])
            consumed.update(_event_tokens(obj, triggers))
            entry = Trigger(self.lex.lemma(verb), "VERB", "cooperation", (), False, "rejection", 0.8)
            return Event(verb, entry, "cooperation", self.subjects(verb), targets, rule="easing", path_quality=0.9,
                         trigger_start=verb.i, trigger_end=verb.i + 1)
        return None

    def _cuts_joint_act(self, verb: Token, verb_lemma: str) -> bool:
        """'suspended talks', 'cut off communication lines': a reducing verb on a
        cooperation noun, whose own event (made a rejection) says what happened."""
        return self.lex.has_class(verb_lemma, "reduce") and any(
            c.dep_ == "dobj" and self._noun_trigger_type(c) == "cooperation" for c in verb.children)

    def _met_with_reaction(self, verb: Token) -> bool:
        """'the provocation would be met with a decisive response': a thing met with
        a reaction is answered, nobody meets anybody."""
        return self.lex.lemma(verb) == "meet" and any(c.dep_ == "auxpass" for c in verb.children) and any(
            c.dep_ == "prep" and c.lower_ == "with" and any(
                p.dep_ == "pobj" and p.pos_ == "NOUN" and not self.res.resolve(p, "target") for p in c.children)
            for c in verb.children)

    def _noun_trigger_type(self, noun: Token) -> str | None:
        """The type of the act a noun names, with its compound ("communication lines")."""
        lemma = self.lex.lemma(noun)
        phrasal = self.lex.phrasal.get((lemma, "NOUN"), {})
        for c in noun.children:
            if c.dep_ in ("compound", "amod") and self.lex.lemma(c) in phrasal:
                return phrasal[self.lex.lemma(c)].type
        return getattr(self.lex.triggers.get((lemma, "NOUN")), "type", None)

    def _verb_event(self, verb: Token, triggers, consumed: set[int]) -> Event | None:
        trig, s, e = triggers[verb.i]
        lemma = self.lex.lemma(verb)
        if trig.pos == "ADJ":
            subj = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
            sources = self.res.resolve(subj[0], "source") if subj else self.subjects(verb)
            targets = self._slot_targets(verb, trig.targets, role_noun=False, passive_objects=[])
            rule = "adjective"
            if sources and not targets and trig.type in ("rejection", "cooperation"):
                # "was disappointed that Seoul had withheld…", "pleased that Japan joined": the clause's subject
                own = {a.iso3 for a in sources}
                targets = [a for c in verb.children if c.dep_ == "ccomp" and any(
                    m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
                    for a in self._clause_subjects(c) if a.iso3 not in own]
                if targets:
                    rule += "+clause"
            if sources and not targets and trig.type == "rejection":  # "was troubled by the collision": its doer
                targets = self._reacted_act_owners(verb, trig.targets, frozenset(a.iso3 for a in sources),
                                                   skip=SAID_NOUNS)  # ("the reports" are not an act)
            if sources and not targets and lemma in PROTEST_NOUNS:
                targets = self._answered_act_owners(verb, frozenset(a.iso3 for a in sources))  # "said it was concerned"
                rule += "-answered"
            for c in verb.children:  # "opposed to French mediation": the mediation is not reported as happening
                if c.dep_ == "prep" and c.lower_ in trig.targets:
                    consumed.update(_event_tokens(c, triggers))
            return Event(verb, trig, trig.type, sources, targets, rule=rule, trigger_start=s, trigger_end=e)
        if self._met_with_reaction(verb):
            return None
        objects = [c for c in verb.children if c.dep_ in ("dobj", "attr")]
        if not objects:
            objects = self._free_relative_objects(verb)
            if objects:  # what the naming clause says is the label's content, not the critic's act
                consumed.update(t.i for t in objects[0].head.subtree)
        if lemma in ("exchange", "trade") and any(o.i in triggers and triggers[o.i][0].type in ("rejection", "threat")
                                                  for o in objects):
            return None  # "exchanged threats" is no exchange of views (see _joint_adverb_events)
        if any(c.dep_ == "auxpass" for c in verb.children):
            objects += [c for c in verb.children if c.dep_ == "nsubjpass"]
        # A light use: "held talks with", "launched an attack on", "signed a pact with".
        if self.lex.has_class(lemma, "light"):
            for obj in objects:
                if obj.i in triggers and triggers[obj.i][0].pos == "NOUN":
                    return None
        if lemma == "withdraw" or lemma == "pull":
            # withdrawing from talks is a rejection (handled as 'reduce'); troops from a country is a retreat
            for c in verb.children:
                if c.dep_ == "prep" and c.lower_ in ("from", "out"):
                    for p in c.children:
                        if p.i in triggers:
                            return None
        sources = self.subjects(verb)
        complements = [c for c in verb.children if c.dep_ in ("xcomp", "ccomp")]
        if trig.type == "cooperation" and complements and self.lex.has_class(lemma, "control"):
            # "agreed to join the US…": the act is in the complement, unless it names no partner
            # ("Greece and Turkey agreed to share information"): then the agreement is the mutual act.
            inner = {a.iso3 for c in complements for a in self._complement_targets(c, triggers)}
            if len(sources) < 2 or inner & {a.iso3 for a in sources}:
                return None  # (but "Seoul and Tokyo agreed to keep up pressure on Pyongyang" is their accord)
        if sources and verb.dep_ == "conj" and {a.iso3 for a in self._slot_targets(
                verb, trig.targets, role_noun=False, passive_objects=objects)} >= {a.iso3 for a in sources}:
            speaker = self._reporting_subjects(verb)
            if speaker:  # the parser gave the verb its own object's subject; the reporter is the actor
                sources = speaker
        stance = (trig.type in ("proposal", "rejection") or lemma in SUPPORT_VERBS or lemma in KEEP_VERBS) and \
            lemma not in FACT_REPORTING
        object_events = self._object_events(verb, objects, triggers, stance) if stance else []
        plain_objects = [o for o in objects if o not in object_events]
        own = frozenset(a.iso3 for a in sources)  # the sources are settled from here on
        targets = self._slot_targets(verb, trig.targets, role_noun=False, passive_objects=plain_objects,
                                     exclude=own)
        rule = "verb"
        quality = 1.0
        if not targets and trig.type == "cooperation":
            # "provide any help Japan needs", "the assistance Manila asked for": the one in need
            targets = [a for o in objects if self.lex.object_is(o, "aid_goods") or self.lex.lemma(o) in AID_NOUNS
                       for c in o.children if c.dep_ == "relcl" for a in self._clause_subjects(c)
                       if a.iso3 not in own]
        if not targets and (trig.requires == "returnable" or trig.lemma == "repatriate"):
            targets = self._people_country(objects)  # "sent back six North Koreans"
        if not targets and lemma in SANCTION_WORDS:
            targets = self._people_country(objects, deep=False)  # "sanctioned a North Korean firm"
        # The object is itself an act: take its participant ("rejected Seoul's proposal").
        for obj in object_events:
            consumed.update(_event_tokens(obj, triggers))
            inner = triggers[obj.i][0]
            if not targets:
                targets = self._inner_target(obj, inner, trig.type)
                rule, quality = "verb+object-event", 0.85
            if inner.type == "proposal":
                # "accepted Yoon's invitation", "rejected a U.S. request": the invitation was made
                authors = self._noun_agents(obj, allow_governor=False)
                if not authors and self.lex.lemma(obj) == "invitation":
                    # "accepted an invitation to visit Pyongyang": the host invited
                    authors = [a for v in obj.children if v.dep_ == "acl" and self.lex.lemma(v) in ("visit", "come")
                               for c in v.children for p in ([c] if c.dep_ == "dobj" else
                                                             [g for g in c.children if g.dep_ == "pobj"]
                                                             if c.dep_ == "prep" and c.lower_ == "to" else [])
                               for a in self.res.resolve(p, "target") if a.iso3 not in own]
                    if authors and not targets:
                        targets = authors
                if authors and sources:
                    self.pending.append(Event(obj, inner, "proposal", authors, sources, rule="object-proposal",
                                              path_quality=0.8, trigger_start=obj.i, trigger_end=obj.i + 1))
        if not targets and trig.type == "rejection" and self.lex.lemma(verb) in ("complain", "protest", "charge",
                                                                                   "allege", "claim", "insist"):
            for c in verb.children:  # "South Korea complained that China and Russia do not give notice"
                if c.dep_ == "ccomp":
                    subj = [g for g in c.children if g.dep_ in ("nsubj", "nsubjpass")]
                    if subj:
                        targets = self.res.resolve(subj[0], "target")
                        rule, quality = "verb+clause", 0.8
        if not targets and trig.lemma in ("walk out", "walkout"):
            # "walked out as Russia's minister began to speak": a protest at the one speaking
            for c in verb.children:
                if c.dep_ == "advcl" and any(m.dep_ in ("mark", "advmod") and m.lower_ in ("as", "when", "while")
                                             for m in c.children):
                    targets = [a for a in self._clause_subjects(c) if a.iso3 not in own]
                    if targets:
                        rule, quality = "verb+clause", 0.8
            if not targets:  # the parser's reading: "out of [the meeting as Russia's minister]" + "began"
                targets = [a for t in verb.subtree if t.dep_ == "prep" and t.lower_ in ("as", "when")
                           for p in t.children if p.dep_ == "pobj"
                           for a in self.res.resolve(p, "target") if a.iso3 not in own]
                if targets:
                    rule, quality = "verb+clause", 0.7
        if trig.type == "proposal" and (objects or any(c.dep_ == "prep" and c.lower_ == "on" for c in verb.children)):
            # "urged Russia to halt its cooperation with North Korea": what is asked of the addressee
            # has not happened; it is the content of the proposal
            # (only the asked act and its object: "to play a role in curbing cooperation between Pyongyang
            # and Moscow" still reports that cooperation)
            for c in verb.children:
                if c.dep_ == "xcomp":
                    consumed.update(t.i for t in [c, *c.children] if t.i in triggers and (t is c or t.dep_ == "dobj"))
        if not targets and trig.type == "proposal":
            # "called for North Korea to stop…", "demanded that Manila tow away the ship": the
            # addressee is the subject of the clause that says what is asked
            targets = [a for subject in self._addressed_clause_subjects(verb)
                       for a in self.res.resolve(subject, "target") if a.iso3 not in own]
            if targets:
                rule, quality = "verb+clause", 0.85
        if not targets and trig.type in ("proposal", "rejection"):
            # "summoned Russia's ambassador and demanded the withdrawal…", "summoned the Chinese envoy
            # to convey a protest and request measures": said to the one summoned
            head, hops = verb, 0
            while head.dep_ in ("conj", "xcomp", "advcl") and head.head.i != head.i and hops < 3:
                head, hops = head.head, hops + 1
                if self.lex.lemma(head) in ADDRESS_VERBS:
                    targets = [a for c in head.children if c.dep_ == "dobj"
                               for a in self.res.resolve(c, "target") if a.iso3 not in own]
                    if targets:
                        rule, quality = "verb+addressee", 0.85
                    break
        if not targets and sources and trig.type == "rejection" and lemma in ("deny", "reject", "dismiss", "refute"):
            # "X accused Y of …, allegations both Y and Z have denied": the denial answers the accusers
            accusation = self._denied_accusation(verb)
            if accusation is not None:
                targets = [a for a in self.subjects(accusation) if a.iso3 not in own]
                if targets:
                    rule, quality = "verb+accusers", 0.8
        if lemma in ("accuse", "blame", "charge", "fault"):
            for c in verb.children:
                if c.dep_ in ("prep", "pcomp") and c.lower_ in ("of", "for", "with"):
                    consumed.update(_event_tokens(c, triggers))
        addressed_people = trig.type == "proposal" and any(
            c.dep_ == "dobj" and self.res.noun_class(c) == "non_state" for c in verb.children)
        if trig.type in ("threat", "rejection", "proposal") and not targets and not addressed_people:
            # "threatened to impose sanctions on X", "refused to …": the target sits in the complement
            # (but "urged its citizens not to travel to Ukraine" asks nothing of Ukraine)
            for c in verb.children:
                if c.dep_ == "xcomp":
                    inner = triggers.get(c.i)
                    if inner is not None:
                        slots = inner[0].targets
                    elif trig.type == "proposal":
                        slots = ("to", "with", "dative")  # "offered to hand over X to Britain"
                    else:
                        slots = ("dobj", "against", "on", "to", "at", "with")
                    targets = self._slot_targets(c, slots, role_noun=False)
                    if targets:
                        consumed.update(_event_tokens(c, triggers))
                        rule, quality = "verb+complement", 0.85
                        break
        if not targets and sources and trig.type in ("cooperation", "proposal"):
            targets = self._thankers(verb, sources)  # "Kim thanked Putin for offering talks"
            if targets:
                rule, quality = rule + "-thanked", 0.85
        if not targets and sources and trig.type in ("cooperation", "proposal") and (
                lemma in RELIEF_VERBS or any((self.lex.object_is(o, "aid_goods") or self.lex.lemma(o) in RELIEF_NOUNS
                                              or self._relief_team(o)) and self._sanctions_relief(o) is None
                                             for o in objects)):
            # "donated tents and water purifiers", "was willing to offer assistance": to the stricken
            # country the story is about
            targets = self._implied_recipient(sources)
            if targets:
                rule, quality = rule + "-implied", 0.8
        if not targets and sources and trig.type == "proposal":
            # "sought relief from U.S. tariffs": asked of whoever imposed them (when the tariffs name them)
            own = frozenset(b.iso3 for b in sources)
            targets = [a for o in objects for m in [self._sanctions_relief(o)] if m is not None
                       for a in self._noun_agents(m, allow_governor=False) if a.iso3 not in own][:1]
            if targets:
                rule, quality = rule + "-relief", 0.8
        return Event(verb, trig, trig.type, sources, targets, rule=rule, path_quality=quality,
                     trigger_start=s, trigger_end=e)

    def _sanctions_relief(self, noun: Token) -> Token | None:
        """'sought relief from U.N. sanctions', 'sanctions relief': no aid to anyone, but a
        request to whoever imposed the measure (returned)."""
        if self.lex.lemma(noun) not in RELIEF_NOUNS:
            return None
        holders = [noun] + ([noun.head] if noun.dep_ == "dobj" else [])  # ("from" may hang on the verb)
        for h in holders:
            for c in h.children:
                if c.dep_ == "compound" and self.lex.lemma(c) in SANCTION_WORDS:
                    return c
                if c.dep_ == "prep" and c.lower_ == "from":
                    for p in c.children:
                        if p.dep_ == "pobj" and self.lex.lemma(p) in SANCTION_WORDS | {"duty"}:
                            return p
        return None

    def _relief_team(self, obj: Token) -> bool:
        """'send a disaster relief team', 'a rescue team': people sent as aid."""
        return self.lex.lemma(obj) in ("team", "unit", "squad", "mission") and any(
            c.dep_ in ("compound", "amod") and (self.lex.lemma(c) in RELIEF_NOUNS or c.lower_ in ("rescue", "medical"))
            for c in obj.children)

    def _denied_accusation(self, verb: Token) -> Token | None:
        """The accusing verb a denial sums up as 'allegations', however the parser hung them:
        'accused…, allegations Moscow denied' (a clause on the noun) or with the accusation
        as the denial's complement."""
        head = verb.head
        if verb.dep_ in ("acl", "relcl") and head.pos_ == "NOUN" and self.lex.lemma(head) in ACCUSATION_NOUNS \
                and head.dep_ in ("conj", "appos") and self.lex.lemma(head.head) in ACCUSING_VERBS:
            return head.head
        if verb.dep_ in ("ccomp", "acl", "relcl") and self.lex.lemma(head) in ACCUSATION_NOUNS and head.dep_ == "ROOT":
            # "…have accused the North of supplying shells, charges both countries deny" parsed with the
            # noun as root: the accusation is the clause before it
            return next((c for c in head.children if c.i < verb.i and c.dep_ in ("ccomp", "conj")
                         and self.lex.lemma(c) in ACCUSING_VERBS), None)
        if any(c.dep_ == "nsubj" and c.pos_ == "NOUN" and self.lex.lemma(c) in ACCUSATION_NOUNS for c in verb.children):
            return next((c for c in verb.children if c.dep_ == "ccomp" and self.lex.lemma(c) in ACCUSING_VERBS), None)
        return None

    def _reporting_verb(self, tok: Token, also: frozenset[str] = frozenset()) -> Token | None:
        """The speech verb (or one of `also`) whose clause `tok` is in: 'X said that…'."""
        for anc in [tok, *tok.ancestors]:
            if anc.dep_ == "ccomp" and any(self.lex.has_class(lemma, "speech") or lemma in also
                                           for lemma in (self.lex.lemma(anc.head), *_gerund_stems(anc.head))):
                return anc.head
        return None

    def _reporting_subjects(self, tok: Token) -> list[Actor]:
        """The country of whoever reports the clause `tok` is in ('X said that…')."""
        verb = self._reporting_verb(tok, NOTICE_VERBS)
        return self.subjects(verb) if verb is not None else []

    def _reported_by_outsider(self, tok: Token) -> bool:
        """Is the clause `tok` is in reported by someone who speaks for no country?"""
        verb = self._reporting_verb(tok)
        if verb is None or self.subjects(verb):
            return False
        # "a ministry spokesperson said": an official whose country is not named still speaks for one
        return not any(c.dep_ == "nsubj" and self.res.noun_class(c) in ("state_person", "state_group")
                       for c in verb.children)

    def _people_country(self, objects: list[Token], deep: bool = True) -> list[Actor]:
        """The country whose people are handed back: 'six North Koreans',
        'the remains of 109 Chinese soldiers', 'North Korean defectors'; with
        `deep` false, only the words naming the people themselves."""
        for obj in objects:
            words = obj.subtree if deep else [obj, *(c for o in [obj, *obj.conjuncts] for c in o.children
                                                  if c.dep_ in ("amod", "compound", "poss", "nmod"))]
            for t in [obj, *words]:
                m = self.res.mention(t)
                if m is not None and m.kb_id_ in ("demonym", "country"):
                    return [Actor(m.label_, m.start, m.end, "demonym", "modifier", 0.75)]
        return []

    def _complement_targets(self, comp: Token, triggers) -> list[Actor]:
        """The parties the acts inside a complement clause are aimed at or done with."""
        out: list[Actor] = []
        for t in comp.subtree:
            hit = triggers.get(t.i)
            if hit is None:
                continue
            slots = hit[0].targets
            if t.pos_ in ("VERB", "AUX"):
                out += self._slot_targets(t, slots, role_noun=False)
            else:
                out += self._slot_targets(t, slots, role_noun=True) + self._participants(t)
                pair = self._compound_countries(t)
                out += pair if len(pair) >= 2 else []
        return out

    def _object_events(self, verb: Token, objects: list[Token], triggers, stance: bool) -> list[Token]:
        out = []
        for obj in objects:
            if obj.i in triggers:
                out.append(obj)
                continue
            if self.res.noun_class(obj) == "non_state":
                continue  # "accused Chinese companies of supplying Russia": the act is theirs, not a state's
            # "the possibility of dialogue with Japan", "an offer of talks": one 'of' down
            for c in obj.children:
                if c.dep_ == "prep" and c.lower_ in ("of", "for", "on"):
                    for p in c.children:
                        if p.dep_ in ("pobj", "pcomp") and p.i in triggers:
                            out.append(p)
                        elif p.dep_ == "pcomp":  # "of achieving a visit"
                            for q in p.children:
                                if q.dep_ == "dobj" and q.i in triggers:
                                    out.append(q)
        for c in verb.children:  # "called for talks with", "no longer abide by the agreement with"
            if c.dep_ == "prep" and (c.lower_ in ("for", "to") or (c.lower_ == "by" and self.lex.lemma(verb) in KEEP_VERBS)):
                for p in c.children:
                    if p.dep_ == "pobj" and p.i in triggers and triggers[p.i][0].pos == "NOUN":
                        out.append(p)
        return out

    def _inner_target(self, obj: Token, inner: Trigger, outer_type: str) -> list[Actor]:
        """Who an outer act aims at when its object is an event: the event's
        agent (its proposer, its first participant), or for rejections and
        proposals the party it would be held with."""
        pair = self._compound_countries(obj)
        if len(pair) >= 2 and all(a.kind == "pair" for a in pair):
            agents = pair  # "welcomed the inter-Korean summit": the word names no first party
        else:
            agents = pair[:1] if len(pair) >= 2 else self._noun_agents(obj, allow_governor=False)
        between = self._participants(obj, MUTUAL_PREPS)
        if agents:
            return agents
        if between and outer_type in ("rejection", "threat"):
            return between  # "denounced the drills between South Korea and the United States"
        if between:
            return between[:1]  # "support a summit between Kishida and Kim": the first named seeks it
        if outer_type in ("rejection", "proposal"):
            return self._participants(obj, frozenset({"with"})) or self._slot_targets(obj, inner.targets, role_noun=True) \
                or self.res.event_owner(obj, frozenset(a.iso3 for a in self.subjects(obj.head)))
        if inner.type == "proposal" and any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in obj.children):
            # "Xi invited Lee …, and Lee accepted the invitation": whoever made it
            return self.res.event_owner(obj, frozenset(a.iso3 for a in self.subjects(obj.head)))
        return []

    # --- arguments ---------------------------------------------------------------
    @staticmethod
    def _swallowed_subject(verb: Token) -> Token | None:
        """'a day after the North test-fired a missile': the parser took the
        subject of a subjectless finite verb as the object of the conjunction
        before it."""
        if verb.tag_ not in ("VBD", "VBZ", "VBP"):
            return None
        before = verb.i - 1  # past "test-" in "test-fired", "also", "has"
        while before > verb.sent.start and verb.doc[before].head.i == verb.i and \
                verb.doc[before].dep_ in ("npadvmod", "advmod", "punct", "aux", "neg"):
            before -= 1
        tok = verb.doc[before]
        if tok.dep_ == "pobj" and tok.pos_ in ("PROPN", "NOUN") and tok.head.lower_ in SUBORDINATORS:
            return tok
        return None

    def subjects(self, verb: Token, depth: int = 0) -> list[Actor]:
        """The acting side of `verb`: its subject, the agent of a passive, or
        whoever controls it."""
        passive = any(c.dep_ == "auxpass" for c in verb.children) or verb.tag_ == "VBN" and \
            any(c.dep_ in ("nsubjpass", "agent") for c in verb.children)
        for c in verb.children:
            if passive and c.dep_ == "agent":
                for p in c.children:
                    if p.dep_ == "pobj":
                        return self.res.resolve(p, "source")
        if passive:
            # "were hit with water cannon by Chinese vessels": the parser hung the agent on the instrument
            for c in verb.children:
                if c.dep_ == "prep" and c.lower_ == "with":
                    for p in c.children:
                        for g in p.children:
                            if g.dep_ in ("prep", "agent") and g.lower_ == "by":
                                for q in g.children:
                                    if q.dep_ == "pobj":
                                        return self.res.resolve(q, "source")
        subj = [c for c in verb.children if c.dep_ in ("nsubj", "csubj") or (c.dep_ == "nsubjpass" and not passive)]
        if len(subj) > 1:
            # "Hours before Yoon departed Seoul, North Korea fired…" read with "Seoul" as a second subject:
            # a phrase holding a subordinate clause's marker is that clause, not a co-subject
            subj = [sj for sj in subj if not any(t.dep_ == "mark" for t in sj.subtree)] or subj
        if subj:
            # "The coast guards of the Philippines, the United States, and Japan kicked off…" may come
            # out as two subjects: take them all
            return unique_actors([a for sj in subj for a in self.res.resolve(sj, "source")])
        if depth > 3:
            return []
        swallowed = self._swallowed_subject(verb)
        if swallowed is not None:
            return self.res.resolve(swallowed, "source")
        head = verb.head
        if verb.dep_ == "xcomp" and head.i != verb.i:
            # object control: "advised citizens to avoid…", "urged Tokyo to hold talks"; but
            # "summoned the ambassador to express dissatisfaction" is the summoner's purpose
            objects = [c for c in head.children if c.dep_ in ("dobj",)]
            if objects and self.lex.lemma(head) not in PURPOSE_VERBS:
                if self.res.noun_class(objects[0]) == "non_state":
                    return []  # "urged its citizens not to travel to Ukraine": the citizens' act, not a state's
                return self.res.resolve(objects[0], "source")
        # (not ccomp: a reported clause has its own subject; its speaker is not its agent)
        if verb.dep_ == "ccomp" and verb.tag_ in ("VBD", "VBZ") and self.lex.has_class(self.lex.lemma(head), "speech") \
                and any(c.dep_ == "punct" and c.text == "," for c in verb.doc[head.i:verb.i]):
            # "said the deployment undermines peace, accused Manila of…": with no subject of its own
            # this is the speaker's next act, misparsed as what was said
            return self.subjects(head, depth + 1)
        if verb.dep_ in ("xcomp", "conj", "advcl", "pcomp", "acomp") and head.i != verb.i:
            if verb.dep_ == "xcomp" and passive is False:
                # raising/control through a passive: "is scheduled to travel"
                for c in head.children:
                    if c.dep_ == "nsubjpass":
                        return self.res.resolve(c, "source")
            if verb.dep_ == "advcl" and not (verb.tag_ == "VBG" or _misread_gerund(verb)
                                              or any(c.lower_ == "to" for c in verb.children)) \
                    and not (verb.tag_ == "VB" and not any(c.dep_ in ("aux", "mark", "nsubj") for c in verb.children)):
                # (a bare verb with no 'to', mark or subject is a noun the parser misread: "staged a
                # precision bombing drill off the coast" — the drill is the stagers')
                return []
            if verb.dep_ == "advcl" and any(c.dep_ == "auxpass" for c in head.children) and \
                    not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
                # "were rammed by Chinese ships while trying to deliver supplies": the rammed did the trying
                patients = [c for c in head.children if c.dep_ == "nsubjpass"]
                if patients:
                    return self.res.resolve(patients[0], "source")
            if head.pos_ in ("VERB", "AUX", "ADJ") or head.dep_ == "ROOT":
                found = self.subjects(head, depth + 1)
                if not found and verb.dep_ == "conj" and head.dep_ in ("ccomp", "conj") and head.head.i != head.i:
                    # "Marcos said [it was regrettable that the situation remained tense] and urged
                    # Beijing…": the parser hung "urged" on the inner verb; its subject is the speaker's
                    return self.subjects(head.head, depth + 1)
                if not found and verb.dep_ == "conj" and verb.tag_ in ("VBD", "VBZ") and \
                        head.tag_ in ("VBG", "VB", "VBN"):
                    # "said the ban was aimed at safeguarding security and accused Washington of…": a
                    # finite verb hung on a non-finite one inside the report belongs to the speaker
                    speech = self._reporting_verb(head)
                    if speech is not None:
                        return self.subjects(speech, depth + 1)
                return found
            if verb.dep_ == "pcomp" and head.dep_ == "prep" and head.lower_ in ("for", "of") and \
                    self.lex.lemma(head.head) in OBJECT_CREDITED_VERBS:
                # "thanked Putin for offering help", "accused Manila of intruding": the object did it
                objects = [c for c in head.head.children if c.dep_ == "dobj"]
                if objects:
                    return self.res.resolve(objects[0], "source")
            if verb.dep_ == "pcomp" and head.dep_ == "prep" and head.head.pos_ in ("VERB", "AUX", "ADJ"):
                found = self.subjects(head.head, depth + 1)
                if head.lower_ == "in" and self.lex.lemma(head.head) == "join":
                    # "Japan joined the United States in imposing sanctions": both impose them
                    found = unique_actors(found + [a for c in head.head.children if c.dep_ == "dobj"
                                                   for a in self.res.resolve(c, "source")])
                return found
            return []
        if verb.dep_ in ("relcl", "acl") and head.pos_ in ("NOUN", "PROPN", "PRON"):
            found = self.res.resolve(head, "source")
            if not found and verb.dep_ == "acl" and verb.tag_ == "VB":
                # "his resolve to take action", "Tokyo's decision to send…": the owner's intent
                found = unique_actors([a for c in head.children if c.dep_ == "poss"
                                       for a in self.res.resolve(c, "source")])
            if found or verb.dep_ == "relcl" or head.dep_ not in ("dobj", "attr"):
                return found
            # "Xinhua published a commentary accusing Lai …": the commentary's publisher
            return self.subjects(head.head, depth + 1)
        if verb.dep_ == "pcomp" or (verb.dep_ == "pobj"):
            gov = governing_verb(verb)
            return self.subjects(gov, depth + 1) if gov is not None else []
        return []

    def _slot_targets(self, head: Token, slots: tuple[str, ...], role_noun: bool,
                      passive_objects: list[Token] | None = None, exclude: frozenset[str] = frozenset()) -> list[Actor]:
        out: list[Actor] = []
        candidates: list[tuple[Token, str]] = []
        objects = passive_objects if passive_objects is not None else \
            [c for c in head.children if c.dep_ == "dobj"]
        for slot in slots:
            if slot == "dobj":
                candidates += [(o, "dobj") for o in objects]
            elif slot == "dative":
                candidates += [(c, "dative") for c in head.children if c.dep_ in ("dative", "iobj")]
            elif slot == "poss":
                candidates += [(c, "poss") for c in head.children if c.dep_ == "poss"]
            else:
                holders = [head] + ([] if role_noun else objects)
                if not role_noun:  # "walked out of the speech": the slot hangs on the particle
                    holders += [c for c in head.children if c.dep_ in ("prt", "prep") and c.lower_ in ("out", "off")]
                if role_noun and self.lex.lemma(head) == "show":  # "a show of force against the North"
                    holders += [p for c in head.children if c.dep_ == "prep" and c.lower_ == "of"
                                for p in c.children if p.dep_ == "pobj"]
                if role_noun:  # "a show of force aimed at Pyongyang", "drills directed against Taiwan"
                    holders += [c for h in list(holders) for c in h.children
                                if c.dep_ == "acl" and self.lex.lemma(c) in ("aim", "direct", "target")]
                # "lodged protests with Seoul over the shots and with Moscow over…": a coordinated
                # preposition the parser hung on another one of the same verb
                anchors = holders + ([head.head] if role_noun and head.dep_ == "dobj" else [])
                candidates += [(q, slot) for h in anchors for c in h.children if c.dep_ == "prep"
                               for d in c.conjuncts if d.dep_ == "conj" and d.pos_ == "ADP" and d.lower_ == slot
                               and c.lower_ != slot for q in d.children if q.dep_ == "pobj"]
                for h in holders:
                    for c in h.children:
                        if (c.dep_ in ("prep", "dative") or (c.dep_ == "agent" and not role_noun)) and \
                                c.lower_ == slot:
                            candidates += [(p, slot) for p in c.children if p.dep_ in ("pobj", "pcomp")]
                            # "work with [the United States to deal with…]": the clause's subject
                            candidates += [(g, slot) for p in c.children if p.dep_ == "pcomp"
                                           and any(a.dep_ == "aux" and a.lower_ == "to" for a in p.children)
                                           for g in p.children if g.dep_ == "nsubj"]
        if not candidates and role_noun:
            candidates = self._preps_after_apposition(head, slots)
        # "warned Washington against arms sales to Taipei": a country named in a slot
        # outranks one found inside another slot's event noun
        direct = [self.res.resolve(tok, "target", allow_objects=True) for tok, _ in candidates]
        named = any(direct)
        for (tok, slot), found in zip(candidates, direct):
            if named and not found:
                continue
            if not found and tok.pos_ in ("NOUN", "PROPN"):
                for c in tok.children:  # "the Washington Declaration adopted by South Korea and the United States"
                    if c.dep_ == "acl":
                        for g in c.children:
                            if g.dep_ == "agent":
                                for p in g.children:
                                    if p.dep_ == "pobj":
                                        found += self.res.resolve(p, "target")
            if not found and slot == "dobj" and tok.pos_ == "NOUN":
                found = self._misattached_agents(tok, "target")
            if not found and tok.pos_ == "NOUN" and self.res.noun_class(tok) != "non_state":
                # "a ban on imports from Japan", "positions of the Palestinian forces"
                preps = [c for c in tok.children if c.dep_ == "prep"]
                preps += [g for c in tok.children if c.dep_ == "acl" and c.tag_ == "VBN"
                          for g in c.children if g.dep_ == "prep"]
                for c in preps:  # also "steel plates imported from China"
                    if c.lower_ == "on" and self.lex.lemma(tok) in TOPIC_NOUNS:
                        continue  # "dissatisfaction with a G7 statement on Taiwan": its topic, not its target
                    if c.lower_ in ("from", "to", "of", "with", "against", "in", "on", "by", "between", "among"):
                        for p in c.children:
                            if p.dep_ == "pobj":
                                found += [a for a in self.res.resolve(p, "target", allow_objects=True)
                                          if a.kind != "capital" or c.lower_ != "in"]
                                if not found and c.lower_ == "of":  # "exports of machinery to China"
                                    for g in p.children:
                                        if g.dep_ == "prep" and g.lower_ in ("to", "from"):
                                            found += [a for q in g.children if q.dep_ == "pobj"
                                                      for a in self.res.resolve(q, "target", allow_objects=True)]
            for actor in found:
                if all(actor.iso3 != a.iso3 for a in out):
                    out.append(actor)
            for extra in self._repaired_conjuncts(tok):
                if all(extra.iso3 != a.iso3 for a in out):
                    out.append(extra)
        if not out and exclude:
            # "North Korea blew up an inter-Korean liaison office": the other side of the pair word
            for tok, slot in candidates:
                for c in tok.children:
                    m = self.res.mention(c)
                    if m is not None and m.kb_id_ == "pair" and c.i < tok.i and exclude & set(m.label_.split("|")):
                        out += [Actor(code, m.start, m.end, "pair", "modifier", 0.85)
                                for code in m.label_.split("|") if code not in exclude]
        if not out:
            # "condemned the launch": whose launch. Only when no slot named a country
            # ("warned Japan against the exercises" aims at Japan, not at whoever held them).
            for tok, slot in candidates:
                if slot in ("dobj", "over", "about", "against", "at", "of", "to"):
                    out += [a for a in self.res.event_owner(tok, exclude) if all(a.iso3 != b.iso3 for b in out)]
        return out

    def _preps_after_apposition(self, head: Token, slots: tuple[str, ...]) -> list[tuple[Token, str]]:
        """'a proposal made by Kim Yo Jong, Kim Jong Un's sister, to Japan':
        the parser hangs 'to Japan' on the apposition; it belongs to the act."""
        sent = head.sent
        commas = [t.i for t in sent if t.text == "," and t.i > head.i]
        if len(commas) < 2:
            return []
        first, second = commas[0], commas[1]
        if second - first > 12 or first - head.i > 12:
            return []
        nxt = head.doc[second + 1] if second + 1 < sent.end else None
        if nxt is None or nxt.dep_ != "prep" or nxt.lower_ not in slots or not (first < nxt.head.i < second):
            return []
        return [(p, nxt.lower_) for p in nxt.children if p.dep_ == "pobj"]

    def _repaired_conjuncts(self, tok: Token) -> list[Actor]:
        """'with A and B' where the parser dropped B's conj arc: take the
        actor right after the dangling 'and'."""
        if any(c.dep_ == "conj" for c in tok.children):
            return []
        ccs = [c for c in tok.children if c.dep_ == "cc" and c.lower_ in ("and", "&")]
        if not ccs:
            return []
        sent_end = tok.sent.end
        i = ccs[0].i + 1
        while i < sent_end and i < ccs[0].i + 8:
            m = self.res.mention(tok.doc[i])
            if m is not None:
                if m.kb_id_ in ("country", "capital", "institution", "person"):
                    return [Actor(m.label_, m.start, m.end, m.kb_id_, "direct", 0.8)]
                if m.kb_id_ == "demonym":
                    j = m.end
                    while j < sent_end and tok.doc[j].pos_ == "PROPN":
                        j += 1
                    return [Actor(m.label_, m.start, j, "official", "modifier", 0.75)]
            t = tok.doc[i]
            if t.pos_ in ("VERB", "AUX", "ADP") or t.text in ",;" or \
                    (t.pos_ == "NOUN" and self.lex.nouns.get(self.lex.lemma(t)) != "state_person"):
                break  # "and economic coercion by China" is another phrase, not a second participant
            i += 1
        return []

    # --- nouns ------------------------------------------------------------------
    def _noun_agents(self, noun: Token, allow_governor: bool = True) -> list[Actor]:
        """Who performs an event noun: 'China's war', 'Chinese threats',
        'a proposal made by Kim', 'an offer from Japan'."""
        agents: list[Actor] = []
        pair_compound = len(self._compound_countries(noun)) >= 2
        for c in noun.children:
            m = self.res.mention(c)
            if c.dep_ in ("amod", "compound", "nmod") and not pair_compound and m is not None \
                    and m.kb_id_ == "demonym":
                agents.append(Actor(m.label_, m.start, m.end, "demonym", "modifier", 0.85))
                continue
            if c.dep_ == "amod" and self.lex.lemma(c) in AUTHOR_PARTICIPLES:
                for g in c.children:  # "US-led", "Chinese-backed"
                    gm = self.res.mention(g)
                    if gm is not None:
                        agents.append(Actor(gm.label_, gm.start, gm.end, gm.kb_id_, "modifier", 0.85))
                continue
            if c.dep_ == "poss" or (c.dep_ in ("amod", "compound", "nmod") and not pair_compound):
                for a in self.res.resolve(c, "source"):
                    if a.kind in ("person", "official", "group", "country", "capital", "institution",
                                  "demonym", "pronoun", "description"):
                        agents.append(a)
            elif c.dep_ == "prep" and c.lower_ in AGENT_PREPS:
                for p in c.children:
                    if p.dep_ == "pobj":
                        agents += self.res.resolve(p, "source")
            elif c.dep_ == "acl":  # "a proposal made by Kim Yo Jong"
                for g in c.children:
                    if g.dep_ == "agent":
                        for p in g.children:
                            if p.dep_ == "pobj":
                                agents += self.res.resolve(p, "source")
        if not agents:
            agents = self._misattached_agents(noun, "source")
        if not agents and allow_governor:
            gov = self._governor_for_noun(noun)
            if gov is not None:
                agents = self.subjects(gov)
        return unique_actors(agents)

    def _misattached_agents(self, noun: Token, role: str) -> list[Actor]:
        """'denounced the drills by Seoul and Washington': an active verb has no
        'by' agent of its own, so a 'by' the parser hung on it belongs to its object."""
        verb = noun.head
        if noun.dep_ != "dobj" or not (any(c.dep_ == "nsubj" for c in verb.children) or verb.tag_ == "VBG"):
            return []  # (an active verb: one with a subject, or a participle, "…, drawing protests from X")
        # "received a rebuke from Beijing", "drew protests from Seoul": what is received comes
        # from someone, the receiving does not
        preps = ("by", "from") if role == "source" and (self.lex.has_class(self.lex.lemma(verb), "receive") or
                                                        self.lex.has_class(self.lex.lemma(verb), "elicit")) else ("by",)
        return [a for c in verb.children if c.dep_ == "prep" and c.lower_ in preps and c.i == noun.i + 1
                for p in c.children if p.dep_ == "pobj"
                for q in [p, *(g for g in p.children if g.dep_ == "conj")]
                for a in self.res.resolve(q, role)]

    def _compound_countries(self, noun: Token) -> list[Actor]:
        """'U.S.-Japan', 'US-ROK', 'Japan-North Korea' before the noun."""
        out: list[Actor] = []
        for c in noun.children:
            m = self.res.mention(c)
            if m is not None and m.kb_id_ == "pair" and c.i < noun.i:
                out += [Actor(code, m.start, m.end, "pair", "modifier", 0.9) for code in m.label_.split("|")]
                continue
            if c.dep_ in ("compound", "amod", "nmod") and c.i < noun.i:
                for a in self.res.resolve(c, "source"):
                    if a.kind in ("country", "capital", "demonym", "institution"):
                        out.append(a)
                # chains: Japan -> North Korea -> talks
                for g in c.children:
                    if g.dep_ in ("compound", "amod", "nmod") and g.i < c.i:
                        out += [a for a in self.res.resolve(g, "source")
                                if a.kind in ("country", "capital", "demonym", "institution")]
        return unique_actors(sorted(out, key=lambda a: a.start))

    def _participants(self, noun: Token, preps: frozenset[str] = frozenset(PARTICIPANT_PREPS)) -> list[Actor]:
        out: list[Actor] = []
        holders = [noun]
        if "with" in preps and noun.dep_ in ("dobj", "attr") and self.lex.has_class(self.lex.lemma(noun.head), "light"):
            holders.append(noun.head)  # "held talks on Monday with Chinese officials"
        for h in holders:
            for c in h.children:
                if c.dep_ == "prep" and c.lower_ in preps:
                    for p in c.children:
                        if p.dep_ == "pobj":
                            out += self.res.resolve(p, "target")
                            out += self._repaired_conjuncts(p)
                        elif p.dep_ == "pcomp":  # "with members of the JSDF taking part"
                            out += [a for g in p.children if g.dep_ in ("nsubj", "nsubjpass")
                                    for a in self.res.resolve(g, "target")]
        if "with" in preps:
            for c in noun.children:
                if c.dep_ == "acl" and self.lex.lemma(c) in ("involve", "include", "feature"):
                    # "an exercise involving the navies of South Korea, the United States and Japan"
                    involved = unique_actors([a for o in c.children if o.dep_ == "dobj"
                                              for a in self.res.resolve(o, "target") if a.how in ("direct", "modifier")])
                    out += involved if len(involved) >= 2 else []  # (one country's branches are no partners)
                elif c.dep_ == "relcl" and not out:
                    # "the exercises that South Korea and the U.S. plan to hold"
                    subjects = self._clause_subjects(c)
                    if len(subjects) >= 2:
                        out += subjects
        return unique_actors(out)

    def _clause_subjects(self, clause: Token) -> list[Actor]:
        """The countries a clause's subject names ("any help [Japan needs]")."""
        return [a for g in clause.children if g.dep_ == "nsubj" for a in self.res.resolve(g, "target")]

    def _governor_for_noun(self, noun: Token) -> Token | None:
        """The light, control, desire or speech verb an event noun hangs
        from, whose subject is the noun's agent."""
        if noun.dep_ == "pobj" and noun.head.lower_ in ("in", "as") and noun.head.head.pos_ == "VERB":
            verb = noun.head.head
            prep = noun.head
            if prep.i > 0 and noun.doc[prep.i - 1].text == "," and verb.dep_ != "ROOT" and \
                    any(a.dep_ in ("relcl", "advcl", "ccomp") for a in [verb, *verb.ancestors]) and \
                    verb.sent.root.pos_ == "VERB" and not self.lex.has_class(self.lex.lemma(verb.sent.root), "speech"):
                # "imposed sanctions on firms it said helped X earn revenue, in coordination with Seoul":
                # set off by a comma after an embedded clause, the phrase is the main clause's
                return verb.sent.root
            return verb  # "fired missiles in a show of force", "sent ships as a warning"
        tok = noun
        for _ in range(6):
            if tok.dep_ in ("dobj", "pobj", "prep", "pcomp", "attr", "acomp", "xcomp", "conj", "appos", "oprd",
                            "nsubjpass") and tok.head.i != tok.i:
                tok = tok.head
            else:
                return None
            if tok.dep_ == "prep" and tok.lower_ in ("over", "about", "amid", "despite", "after"):
                return None  # "a complaint over the curbs", "protested after the launch": someone else's act
            if tok.pos_ in ("VERB", "AUX"):
                lemma = self.lex.class_lemma(tok)
                classes = self.lex.verb_classes.get(lemma, {})
                if classes.keys() & {"light", "control", "desire", "speech", "receive", "elicit", "motion", "reduce", "improve"}:
                    return tok
                trig = self.lex.triggers.get((lemma, "VERB"))
                if trig is not None and trig.type == "cooperation" and trig.lemma not in SUPPORT_VERBS:
                    return tok  # "travel to Washington for a summit with Biden"
                has_subject = any(c.dep_ in ("nsubj", "nsubjpass", "csubj") for c in tok.children)
                if has_subject or tok.dep_ not in ("xcomp", "pcomp", "advcl", "acl", "conj"):
                    return None
                # a non-finite verb without its own subject: "the urgency of achieving a visit"
        return None

    def _noun_event(self, noun: Token, trig: Trigger, s: int, e: int, triggers, consumed) -> Event | None:
        lemma = self.lex.lemma(noun)
        carrier = _carrier(noun, self.lex)
        if carrier is not None and carrier.i not in triggers:
            # the act's arguments hang on its carrier noun: "a mediation effort between A and B",
            # "the use of water cannon by a Chinese vessel against a Philippine boat"
            return self._noun_event(carrier, trig, s, max(e, carrier.i + 1), triggers, consumed)
        if noun.dep_ == "dobj" and noun.head.dep_ in ("acl", "relcl") and self.lex.lemma(noun.head) in REMIT_VERBS:
            return None  # "agencies handling inter-Korean cooperation": a body's remit, not an act
        if noun.dep_ == "nsubj" and any(c.dep_ == "acomp" and c.lower_ in ENDED_WORDS for c in noun.head.children):
            return None  # "the agreement is now effectively dead"
        if lemma in ("tie", "relation", "relationship"):
            polarity = {self.lex.qualifiers.get(c.lower_) for c in noun.children if c.dep_ in ("amod", "compound")}
            governor = self.lex.lemma(noun.head) if noun.dep_ in ("dobj", "nsubjpass") else ""
            improving = self.lex.has_class(governor, "improve") or self.lex.has_class(governor, "reduce")
            if "positive" not in polarity and not improving:
                return None  # "relations" alone is a topic; "close ties", "upgraded ties" are acts
        if lemma in MILITARY_EXERCISES:
            aimed = self._slot_targets(noun, AIMED_PREPS, role_noun=True)
            if not aimed and noun.dep_ == "dobj" and self.lex.has_class(self.lex.class_lemma(noun.head), "light"):
                # "conducted drills near Japan": the place hangs on the light verb
                aimed = self._slot_targets(noun.head, AIMED_PREPS, role_noun=True)
            if aimed:
                # "drills around Taiwan", "exercises near Japan": a show of force toward the target
                agents = self._noun_agents(noun)
                aimed = [a for a in aimed if all(a.iso3 != g.iso3 for g in agents)]
                if agents and aimed:
                    entry = Trigger(lemma, "NOUN", "threat", AIMED_PREPS, False, None, 0.75)
                    return Event(noun, entry, "threat", agents, aimed, rule="noun-aimed", path_quality=0.85,
                                 trigger_start=s, trigger_end=e)
            else:
                answered = self._responded_act_owners(noun)
                agents = self._noun_agents(noun) if answered else []
                answered = [a for a in answered if all(a.iso3 != g.iso3 for g in agents)]
                if agents and answered:
                    # "would stage a joint air drill … in response to the launch": a show of force at the
                    # launcher (the drill's own cooperation is read below as usual)
                    entry = Trigger(lemma, "NOUN", "threat", (), False, None, 0.7)
                    self.pending.append(Event(noun, entry, "threat", agents, answered, rule="noun-aimed-response",
                                              path_quality=0.8, trigger_start=s, trigger_end=e))
        pair = self._compound_countries(noun)
        participants = self._participants(noun)
        mutual = self._participants(noun, MUTUAL_PREPS)
        if len(pair) == 1 and participants and pair[0].iso3 not in {a.iso3 for a in participants}:
            pair = []  # "the Singapore summit between Trump and Kim": the compound is the venue
        agents = [] if len(pair) >= 2 or len(mutual) >= 2 else self._noun_agents(noun, allow_governor=False)
        governor_agents = False
        if not agents and len(pair) < 2 and len(mutual) < 2:
            gov = self._governor_for_noun(noun)
            if gov is not None:
                agents = self.subjects(gov)
                governor_agents = True
        if trig.joint:
            own = {a.iso3 for a in agents}
            partners = [a for a in participants if a.iso3 not in own and all(a.iso3 != m.iso3 for m in mutual)]
            if agents and len(partners) >= 2 and not mutual and len(pair) < 2 and lemma not in GATHERING_NOUNS:
                # "agreements with the United States and Australia", "in cooperation with Washington and
                # Seoul": one act with each partner, not between the partners
                rule = "noun-joint-with" + ("+governor" if governor_agents else "")
                return Event(noun, trig, trig.type, agents, partners, rule=rule,
                             path_quality=0.85 if governor_agents else 0.9, trigger_start=s, trigger_end=e)
            if not agents and not pair and not mutual and len(partners) >= 2 and lemma not in GATHERING_NOUNS:
                return None  # "prioritized cooperation with Washington and Tokyo": each with someone unnamed
            everyone = unique_actors(pair + agents + participants)
            if len(everyone) == 1 and participants and not agents:
                # "China's defence ministry said the flights were part of a joint patrol with Russia"
                speaker = self._reporting_subjects(noun)
                everyone = unique_actors(everyone + speaker)
            if len(everyone) < 2:
                return None
            rule = "noun-joint" + ("+governor" if governor_agents else "")
            return Event(noun, trig, trig.type, [], [], participants=everyone, rule=rule,
                         path_quality=0.85 if governor_agents else 0.9, trigger_start=s, trigger_end=e)
        gov = self._governor_for_noun(noun)
        gov_lemma = self.lex.lemma(gov) if gov is not None else ""
        if trig.type != "cooperation" and (self.lex.has_class(gov_lemma, "receive")
                                           or self.lex.has_class(gov_lemma, "elicit")):
            # "Philippine vessels have faced harassment by Chinese ships", "drew a rebuke from Beijing",
            # "…, prompting condemnation from Seoul"
            own = self._noun_agents(noun, allow_governor=False)
            receivers = self.subjects(gov) or [  # "the launch drew protests from Tokyo": its doer
                a for c in gov.children if c.dep_ == "nsubj"
                for a in self.res.event_owner(c, frozenset(a.iso3 for a in own))]
            if not own and trig.type == "threat":
                own = self._reporting_subjects(gov)  # "Trump said Japan would face a 25% tariff"
            if {a.iso3 for a in own} & {a.iso3 for a in receivers}:
                return None  # "the allies would face consequences for their show of force": not received
            if own and receivers:
                return Event(noun, trig, trig.type, own, receivers, rule="noun-received", path_quality=0.85,
                             trigger_start=s, trigger_end=e)
            return None
        targets = self._slot_targets(noun, trig.targets, role_noun=True)
        if not targets and lemma in AID_NOUNS:  # "any help Japan needs"
            targets = [a for c in noun.children if c.dep_ == "relcl" for a in self._clause_subjects(c)]
        if not targets and lemma in SANCTION_WORDS:  # "sanctions on six North Koreans / a Chinese firm"
            targets = self._people_country([p for c in noun.children if c.dep_ == "prep" and c.lower_ in ("on", "against")
                                            for p in c.children if p.dep_ == "pobj"], deep=False)
        if not targets and lemma in ("repatriation", "handover", "return"):
            targets = self._people_country([p for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
                                            for p in c.children])  # "repatriation of North Korean defectors"
        if not targets:
            for c in noun.children:  # "the withdrawal of forces from Panama": slots on the 'of' complement
                if c.dep_ == "prep" and c.lower_ == "of":
                    for p in c.children:
                        if p.dep_ == "pobj" and p.i not in triggers:
                            targets = self._slot_targets(p, trig.targets, role_noun=True)
        if not targets:
            if gov is not None:  # "travel to Washington for a visit", "give Tanzania a grant"
                slots = tuple(t for t in trig.targets if t not in ("dobj",)) + ("dative",)
                targets = self._slot_targets(gov, slots, role_noun=False)
        if targets and not agents and noun.dep_ == "attr" and self.lex.lemma(noun.head) == "be":
            # "the launch was a warning to the United States": the act's author is the source
            for subj in (c for c in noun.head.children if c.dep_ == "nsubj"):
                agents = self._noun_agents(subj, allow_governor=False) or self.res.resolve(subj, "source") or \
                    self.res.event_owner(subj, frozenset(a.iso3 for a in targets)) or \
                    [a for a in self._reporting_subjects(noun.head) if all(a.iso3 != t.iso3 for t in targets)]
        sources = pair if len(pair) == 1 and not agents else agents
        rule = "noun" + ("+governor" if governor_agents else "")
        if sources and not targets and trig.type == "proposal":
            # "to lodge a protest and demand that Beijing prevent a recurrence": a verb read as a noun
            targets = [a for subject in self._addressed_clause_subjects(noun)
                       for a in self.res.resolve(subject, "target") if all(a.iso3 != b.iso3 for b in sources)]
        if sources and not targets and gov is not None and trig.type in ("cooperation", "proposal"):
            targets = self._thankers(gov, sources)  # "Kim thanked Putin for offering help"
            rule += "-thanked" if targets else ""
        if sources and not targets and lemma in RELIEF_NOUNS and self._sanctions_relief(noun) is None and \
                (not governor_agents or (gov is not None and self.lex.lemma(gov) in GIVING_VERBS)):
            # "announced $100,000 in emergency aid" (not "received offers of assistance", "has not
            # responded to Seoul's offer of aid": there the governor's subject gave nothing)
            targets = self._implied_recipient(sources)
            rule += "-implied"
        if sources and not targets and trig.type == "rejection":
            # "voiced deep concern over the meeting": whoever held it
            targets = self._reacted_act_owners(noun, trig.targets, frozenset(a.iso3 for a in sources),
                                               skip=frozenset({"report"}))
            rule += "-owner" if targets else ""
        if sources and not targets and lemma in PROTEST_NOUNS and gov is not None:
            # "filed a protest after Chinese ships fired water cannon", "lodged a protest" after the
            # launch just reported: the protest answers that act's author
            targets = self._answered_act_owners(gov, frozenset(a.iso3 for a in sources))
            rule += "-answered"
        if not sources or not targets:
            return None
        return Event(noun, trig, trig.type, sources, targets, rule=rule,
                     path_quality=0.85 if governor_agents else 0.9, trigger_start=s, trigger_end=e)

    def _reacted_act_owners(self, head: Token, slots: tuple[str, ...], own: frozenset[str],
                            skip: frozenset[str] | set[str]) -> list[Actor]:
        """'was troubled by the collision', 'concern over the meeting': whoever did the act a
        reaction names in one of its slots (the 'by' of a passive participle included)."""
        return [a for c in head.children if c.dep_ in ("prep", "agent") and c.lower_ in slots
                for p in c.children if p.dep_ == "pobj" and self.lex.lemma(p) not in skip
                for a in self.res.event_owner(p, own)]

    def _responded_act_owners(self, noun: Token) -> list[Actor]:
        """'… in response to the launch', 'in retaliation for the North's test' on the drill or on
        the verb that stages it: whoever did the act answered."""
        holders = [noun] + ([noun.head] if noun.dep_ in ("dobj", "nsubjpass", "nsubj") else []) + \
            [c for c in noun.children if c.dep_ == "acl"]  # "a drill involving a B-1B … in response to…"
        if noun.dep_ == "dobj" and noun.head.dep_ in ("conj", "advcl") and noun.head.head.pos_ == "VERB":
            holders.append(noun.head.head)  # "In response, X conducted a drill, while Y staged an exercise"
        for h in holders:
            for c in h.children:
                if c.dep_ != "prep" or c.lower_ not in ("in", "as"):
                    continue
                for p in c.children:
                    if p.dep_ != "pobj" or self.lex.lemma(p) not in ("response", "retaliation", "reaction", "reply"):
                        continue
                    acts = [q for g in p.children if g.dep_ == "prep" and g.lower_ in ("to", "for")
                            for q in g.children if q.dep_ == "pobj"]
                    for act in acts:
                        owners = self.res.resolve(act, "target", allow_objects=True) or self.res.event_owner(act)
                        if owners:
                            return owners
                    if not list(p.children) and h.pos_ == "VERB":
                        # a bare "In response, …": to the hostile act the story just reported
                        return self._answered_or_aggressor(h, frozenset(a.iso3 for a in self.subjects(h)))
        return []

    def _thankers(self, verb: Token, sources: list[Actor]) -> list[Actor]:
        """'Kim thanked Putin for offering help': what the thanked did was done for the one
        who thanks."""
        if verb.dep_ != "pcomp" or verb.head.lower_ != "for" or \
                self.lex.lemma(verb.head.head) not in ("thank", "praise", "commend", "credit"):
            return []
        own = {a.iso3 for a in sources}
        return [a for a in self.subjects(verb.head.head) if a.iso3 not in own]

    def _implied_recipient(self, sources: list[Actor]) -> list[Actor]:
        """Aid with no recipient named goes to the country the story is datelined in
        ('TOKYO — … China said it was willing to offer assistance') or, with no dateline, to
        the one country that dominates its mentions so far; never to the giver's own."""
        givers = {a.iso3 for a in sources}
        home = self.res.memory.context_iso3
        if home is None:
            # no dateline: the country the story is plainly about, if one dominates its mentions so far
            home = _clear_leader(Counter(i.iso3s[0] for i in self.res.memory.items
                                         if len(i.iso3s) == 1 and i.iso3s[0] not in givers), at_least=3, times=2)
        if home is None:
            # or the country the story's earlier help and offers went to ("Biden offered assistance to
            # the Japanese people … Xi sent condolences to Kishida … Taiwan said it would donate…")
            home = _clear_leader(Counter(target for _, typ, source, target in self.res.memory.reactions
                                         if typ in ("cooperation", "proposal") and source not in givers
                                         and target not in givers), at_least=2)
        if home is None or home in givers:
            return []
        return [Actor(home, sources[0].start, sources[0].end, "context", "context", 0.5)]

    def _story_aggressor(self, anchor: Token, exclude: frozenset[str]) -> list[Actor]:
        """The one other country whose hostile acts the story has reported most so far:
        whom 'any provocation' means when the speaker names nobody."""
        aggressor = _clear_leader(Counter(i.iso3s[0] for i in self.res.memory.events if len(i.iso3s) == 1
                                          and i.iso3s[0] not in exclude and self._hostile_lemma(i.lemma)), at_least=2)
        return [Actor(aggressor, anchor.i, anchor.i + 1, "context", "context", 0.5)] if aggressor else []

    def _answered_or_aggressor(self, anchor: Token, exclude: frozenset[str]) -> list[Actor]:
        """Whom a response that names nobody is aimed at: the act just answered, else the story's aggressor."""
        return self._answered_act_owners(anchor, exclude) or self._story_aggressor(anchor, exclude)

    def _hostile_lemma(self, lemma: str) -> bool:
        """An act others answer: a threat trigger, or a weapons test (aimed at nobody, answered all the same)."""
        return lemma in WEAPON_TESTS or lemma not in SPOKEN_THREATS and any(
            getattr(self.lex.triggers.get((lemma, pos)), "type", None) == "threat" for pos in ("VERB", "NOUN"))

    def _echoed_targets(self, verb: Token, exclude: frozenset[str]) -> list[Actor]:
        """'Japan and Australia also expressed concern' after 'Washington condemned
        China's actions': an 'also' reaction is aimed where the last one was."""
        if not any(c.dep_ == "advmod" and c.lower_ in ("also", "too") for t in [verb, *list(verb.ancestors)[:2]]
                   for c in t.children):
            return []
        sent = self.res.sent_of(verb)
        earlier = [r for r in self.res.memory.reactions if r[0] < sent and sent - r[0] <= 2 and r[1] == "rejection"
                   and r[3] not in exclude and r[2] not in exclude]
        if not earlier:
            return []
        last = [r for r in earlier if r[0] == earlier[-1][0]]
        targets = {r[3] for r in last}
        return [Actor(targets.pop(), verb.i, verb.i + 1, "context", "context", 0.55)] if len(targets) == 1 else []

    def _answered_act_owners(self, verb: Token, exclude: frozenset[str]) -> list[Actor]:
        """Whoever did the hostile act that `verb` answers: the act in its 'after'
        clause, else the one an 'also' reaction echoes, else the latest hostile act
        of one other country in the last sentences."""
        for c in _marked_clauses(verb, ("after", "as", "when")):
            owners = [a for a in self.subjects(c) if a.iso3 not in exclude]
            if owners:
                return owners
        echoed = self._echoed_targets(verb, exclude)
        if echoed:
            return echoed
        sent = self.res.sent_of(verb)
        for item in reversed(self.res.memory.events):
            if item.token >= verb.i and item.sent == sent:
                continue
            if sent - item.sent > 2:
                break
            hostile = self._hostile_lemma(item.lemma)
            owners = [i for i in item.iso3s if i not in exclude]
            if hostile and len(owners) == 1 and len(item.iso3s) == 1:
                return [Actor(owners[0], verb.i, verb.i + 1, "description", "coref", 0.55)]
        return []

    # --- assembly -------------------------------------------------------------------
    def _out_of_office(self, trigger: Token) -> bool:
        """'Lee, who as an opposition leader had criticized Japan': the act was
        not done for a state."""
        nodes = [trigger, *trigger.ancestors][:4]
        nodes += [c for n in nodes for c in n.children if c.dep_ in ("nsubj", "nsubjpass")]
        for node in nodes:
            for c in node.children:
                if c.dep_ == "prep" and c.lower_ == "as":
                    for p in c.children:
                        mods = {g.lower_ for g in p.children}
                        if p.dep_ == "pobj" and (mods & {"opposition", "former", "private", "presidential"}
                                                 or self.lex.nouns.get(self.lex.lemma(p)) == "non_state"):
                            return True
        return False

    def _interactions(self, event: Event) -> list[Found]:
        if self._out_of_office(event.trigger):
            return []
        # a proposal found inside another act (accepted/rejected) was made: the outer act's
        # negation or modality is not its own
        ctx = Context() if event.rule == "object-proposal" else clause_context(event.trigger, self.lex)
        if ctx.hypothetical:
            return []
        typ = event.type
        negated = ctx.negated
        if ctx.reduced:
            if self.lex.lemma(event.trigger) in MILITARY_EXERCISES:
                return []  # "halted drills" de-escalates; it rejects nobody
            if typ == "cooperation":
                # cutting aid is a sanction; cancelling talks or a visit is a rejection
                typ = "threat" if event.entry.lemma in ("aid", "assistance", "loan", "grant", "investment",
                                                        "supply", "import", "export") else "rejection"
                negated = True
            else:
                return []
        elif negated:
            if event.entry.negated:
                typ = event.entry.negated
            else:
                return []
        elif ctx.desire and typ == "cooperation" and self.lex.lemma(event.trigger) not in ("support", "aid"):
            typ = "proposal"
        strength = event.entry.strength
        if self.lex.lemma(event.trigger) in ("tie", "relation", "relationship"):
            strength = 0.75  # only reached with a positive qualifier ("close ties")
        base = 0.35 + 0.6 * strength
        if self.headline:
            base *= 0.85
        found: list[Found] = []
        actor_token = ctx.desire_token if typ == "proposal" else ctx.actor_token if typ in ("rejection", "threat") else None
        if event.participants and actor_token is not None:
            # "Seoul hoped to host a summit with China and Japan": Seoul proposes; "Seoul suspended the
            # inter-Korean agreement": Seoul rejects. The others do not.
            actor_word = event.trigger.doc[actor_token]
            # "renewed its offer of talks with the North": the offer's author, not both sides
            proposers = {a.iso3 for a in (self._noun_agents(actor_word) if actor_word.pos_ == "NOUN"
                                          else self.subjects(actor_word))}
            if proposers & {a.iso3 for a in event.participants} and \
                    {a.iso3 for a in event.participants} - proposers:
                sources = [a for a in event.participants if a.iso3 in proposers]
                targets = [a for a in event.participants if a.iso3 not in proposers]
                event = Event(event.trigger, event.entry, typ, sources, targets, rule=event.rule + "-wanted",
                              path_quality=event.path_quality, trigger_start=event.trigger_start,
                              trigger_end=event.trigger_end)
        if event.participants:
            people = event.participants
            if len(people) < 2:
                return []
            for a in people:
                for b in people:
                    if a.iso3 == b.iso3:
                        continue
                    conf = base * event.path_quality * min(a.quality, b.quality) * ctx.confidence
                    found.append(Found(a, b, typ, ctx.modality, True, negated, event.trigger_start,
                                       event.trigger_end, event.rule, conf, ctx.date_token, strength))
            return found
        joint = event.entry.joint and event.trigger.pos_ in ("VERB", "AUX", "NOUN")
        sources, targets = event.sources, event.targets
        if not targets and len(sources) >= 2 and typ == "cooperation" and event.entry.targets == ("with",) and \
                not any(c.dep_ == "dobj" and self.lex.lemma(c) in SHARED_STATES for c in event.trigger.children):
            joint = True  # "Washington, Seoul and Tokyo began sharing data": done with one another
        if joint and not targets and len(sources) >= 2:
            return self._interactions(Event(event.trigger, event.entry, event.type, [], [], participants=sources,
                                            rule=event.rule + "-mutual", path_quality=event.path_quality,
                                            trigger_start=event.trigger_start, trigger_end=event.trigger_end))
        if joint and len(targets) >= 2 and typ == "cooperation" and event.trigger.pos_ in ("VERB", "AUX") and \
                self.lex.lemma(event.trigger) in GATHERING_VERBS:
            # "Biden met Ishiba and Yoon": a meeting of three, all pairs ("Seoul will work with
            # Washington and Tokyo" is Seoul's work with each)
            return self._interactions(Event(event.trigger, event.entry, event.type, [], [],
                                            participants=unique_actors(sources + targets), rule=event.rule + "-group",
                                            path_quality=event.path_quality, trigger_start=event.trigger_start,
                                            trigger_end=event.trigger_end))
        for src in sources:
            for tgt in targets:
                if src.iso3 == tgt.iso3:
                    continue
                conf = base * event.path_quality * src.quality * tgt.quality * ctx.confidence
                found.append(Found(src, tgt, typ, ctx.modality, joint, negated, event.trigger_start,
                                   event.trigger_end, event.rule, conf, ctx.date_token, strength))
                if joint and typ == "cooperation":  # a refusal to talk is one side's, not both
                    found.append(Found(tgt, src, typ, ctx.modality, True, negated, event.trigger_start,
                                       event.trigger_end, event.rule + "-reciprocal", conf, ctx.date_token, strength))
        return found


def _carrier(noun: Token, lex: Lexicon) -> Token | None:
    """The noun an act's arguments hang on instead of the act's own word: 'a mediation [effort]',
    'the [use] of water cannon'."""
    head = noun.head
    if noun.dep_ == "compound" and head.pos_ == "NOUN" and lex.lemma(head) in CARRIER_NOUNS:
        return head
    if noun.dep_ == "pobj" and head.lower_ == "of" and head.head.pos_ == "NOUN" and \
            lex.lemma(head.head) in USING_NOUNS:
        return head.head
    return None


def _clear_leader(counts: Counter, at_least: int, times: int = 1) -> str | None:
    """The most counted key, if it was counted at least `at_least` times and more than (and
    at least `times` times as often as) the runner-up: the country a story is plainly about."""
    (top, n), (_, second) = (counts.most_common(2) + [("", 0), ("", 0)])[:2]
    return top if n >= at_least and n > second and n >= times * second else None


def _misread_gerund(tok: Token) -> bool:
    """'sent a letter warning that…': a participle clause the tagger read as a noun."""
    return tok.tag_ == "NN" and tok.dep_ == "advcl" and tok.lower_.endswith("ing")


def _gerund_stems(tok: Token) -> tuple[str, ...]:
    """For a misread gerund, the verbs it may come from ('warning' -> warn, 'noting' -> note)."""
    if _misread_gerund(tok):
        stem = tok.lower_[:-3]
        return (stem, stem + "e")
    return ()


def _of_chain(noun: Token) -> list[Token]:
    """'part of a pattern of provocations': the nouns behind 'of', to the last."""
    out = []
    while True:
        nxt = [p for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children if p.dep_ == "pobj"]
        if not nxt:
            return out
        noun = nxt[0]
        out.append(noun)


def _future_in_chain(verb: Token) -> bool:
    """'would continue to monitor … and take measures', 'would end up paying a price':
    a future auxiliary on the verb or on the verbs it is coordinated with or controlled by."""
    for _ in range(4):
        if _has_future_aux(verb):
            return True
        if verb.dep_ not in ("conj", "xcomp"):
            return False
        verb = verb.head
    return False


def _has_future_aux(verb: Token) -> bool:
    """'will pay', 'would respond': a stated future act, not a report of one."""
    return any(c.dep_ == "aux" and c.lower_ in ("will", "would", "'ll", "shall") for c in verb.children)


def _has_obligation_aux(verb: Token) -> bool:
    """'should stop', 'must withdraw': what the subject is told it ought to do."""
    return any(c.dep_ == "aux" and c.lower_ in ("should", "must") for c in verb.children)


def _reserved_right(verb: Token) -> bool:
    """'reserves the right to take countermeasures', 'vowed to take all necessary
    countermeasures': a retaliation held in store."""
    head = verb.head
    if verb.dep_ == "xcomp" and head.lemma_ in VOW_VERBS:
        return True
    return verb.dep_ == "acl" and head.lower_ == "right" and head.dep_ == "dobj" and \
        head.head.lemma_ == "reserve"


def _agent_prep(prep: Token) -> bool:
    """'by X', and 'by forces, including X': the preposition that names who acts."""
    return prep.lower_ == "by" or (prep.lower_ == "including" and prep.head.dep_ == "pobj"
                                   and prep.head.head.lower_ == "by")


def _marked_clauses(tok: Token, marks: tuple[str, ...]) -> list[Token]:
    """The adverbial clauses of `tok` introduced by one of `marks` ("…if Pyongyang provokes", "after X fired…")."""
    return [c for c in tok.children if c.dep_ == "advcl" and
            any(m.dep_ == "mark" and m.lower_ in marks for m in c.children)]


def _depth(tok: Token) -> int:
    d = 0
    while tok.head.i != tok.i and d < 50:
        tok = tok.head
        d += 1
    return d


def _event_tokens(tok: Token, triggers) -> set[int]:
    """Every trigger inside the subtree of `tok` (the consumed events)."""
    return {t.i for t in tok.subtree if t.i in triggers}
