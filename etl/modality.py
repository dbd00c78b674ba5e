"""Modality, negation and hedging of an act, from the words governing it.

The scope is the trigger's own clause: the trigger and the chain of heads
above it that belong to the same predication (objects, prepositions,
complements of control verbs), plus the clause's own auxiliaries,
adverbs and conditions; above the clause, only a speculative verb
("analysts expect …") or a condition ("if …") matters.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Token

from .lexicon import Lexicon

CHAIN_DEPS = {"nsubj", "xcomp", "dobj", "pobj", "prep", "pcomp", "acomp", "attr", "appos", "oprd", "nsubjpass",
              "compound", "amod", "acl", "npadvmod", "nmod", "conj", "agent", "dative"}
SPECULATIVE_VERBS = {"expect", "predict", "speculate", "forecast", "anticipate", "fear", "worry", "doubt",
                     "suspect", "wonder", "guess", "believe", "think", "imagine", "suppose", "question", "see"}
CONDITION_MARKS = {"if", "unless", "provided", "providing", "whether", "once"}
PLANNED_MODIFIERS = {"upcoming", "forthcoming", "planned", "proposed", "scheduled", "next", "future", "expected",
                     "impending", "prospective"}
HEDGE_MODIFIERS = {"potential", "possible", "hypothetical", "likely", "eventual", "rumored", "rumoured"}
# "would not hesitate to strike": the negation asserts the act
LITOTES_VERBS = {"hesitate", "hesitation"}


@dataclass
class Context:
    modality: str = "asserted"
    negated: bool = False
    hypothetical: bool = False
    reduced: bool = False  # governed by cancel/suspend/break off…
    desire: bool = False  # governed by want/seek/urge…: a cooperation becomes a proposal
    desire_token: int | None = None  # the word of wanting: its subject is the proposer
    actor_token: int | None = None  # the verb that refused or reduced: its subject is the one who rejects
    confidence: float = 1.0
    date_token: int | None = None
    cues: list[str] = field(default_factory=list)


# Negation reaches an act only through argument relations: "did not hold
# talks", "refused to meet" — not "not on the agenda for his meeting".
NEGATION_DEPS = {"xcomp", "dobj", "attr", "oprd", "nsubjpass", "acomp"}


# words on the path from a verb to an act that make the act its reason or occasion, not its object
REASON_WORDS = {"response", "retaliation", "reaction", "protest", "reply", "after", "over", "despite", "amid",
                "following", "since", "before", "during"}


def _chain(trigger: Token) -> tuple[list[Token], int, list[str | None]]:
    """The trigger and its governors within the clause, how many of them
    are in negation scope, and the dependency each was reached through."""
    chain = [trigger]
    tok = trigger
    neg_scope = 1
    in_scope = True
    via: list[str | None] = [None]
    for _ in range(8):
        dep = tok.dep_
        if dep == "nsubj" and tok.pos_ in ("NOUN", "PROPN") and tok is trigger:
            pass  # a noun event as subject: "talks will resume" (its verb carries the modality)
        elif tok.head.i == tok.i or (dep not in CHAIN_DEPS and not (
                dep == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children))):
            break  # a purpose clause ("to help defend X") shares its governor's modality
        in_scope = in_scope and dep in NEGATION_DEPS
        tok = tok.head
        chain.append(tok)
        via.append(dep)
        if in_scope:
            neg_scope += 1
    return chain, neg_scope, via


def _date_child(tok: Token) -> int | None:
    for c in tok.children:
        if c.ent_type_ == "DATE" and c.dep_ in ("npadvmod", "tmod", "nmod", "advmod", "pobj", "compound", "amod"):
            return c.i
        if c.dep_ == "prep" and c.lower_ in ("on", "in", "at", "during", "since", "by", "for", "from"):
            for p in c.children:
                if p.ent_type_ == "DATE":
                    return p.i
    return None


def _neither_nor(tok: Token) -> bool:
    """'would neither yield to nor provoke China', 'did not join the talks nor sign the deal':
    a conjunct under 'neither' or after 'nor' is denied like one under 'not'."""
    if any(c.dep_ == "preconj" and c.lower_ == "neither" for c in tok.children):
        return True
    if tok.dep_ != "conj":
        return False
    first = tok.head
    return any(c.dep_ == "cc" and c.lower_ == "nor" and first.i < c.i < tok.i for c in first.children) and (
        any(c.dep_ == "neg" or (c.dep_ == "preconj" and c.lower_ == "neither") for c in first.children))


def clause_context(trigger: Token, lex: Lexicon) -> Context:
    ctx = Context()
    chain, neg_scope, via = _chain(trigger)
    if _neither_nor(trigger) or (trigger.dep_ in ("dobj", "pobj") and _neither_nor(
            trigger.head if trigger.dep_ == "dobj" else trigger.head.head)):
        ctx.negated = True
        ctx.cues.append("neither/nor")
    has_would = False
    conditional = False
    planned = False
    for depth, node in enumerate(chain):
        lemma = lex.class_lemma(node)
        negatable = depth < neg_scope
        controls = via[depth] == "xcomp"  # "refused to meet", "plans to visit"; not "rejected the offer"
        # "severed ties with Taiwan and switched recognition to Beijing": a coordinated verb is its
        # own act; "cooperation … should not target X": a verb does not negate its subject
        separate = any(v in ("conj", "nsubj") for v in via[1:depth + 1])
        if any(v == "nsubjpass" for v in via[1:depth + 1]) and not lex.has_class(lemma, "light") and \
                not any(c.dep_ == "xcomp" for c in node.children):  # ("were not expected to resume" still negates)
            # "cooperation … is not directed against X": said of the act, not its undoing; but
            # "talks were not held", "the deal was not signed" undo it (a light verb)
            negatable = False
        # "said sanctions could not solve it and urged Washington…": a finite conjunct has its own tense
        own_tense = any(via[k] == "conj" and chain[k - 1].tag_ in ("VBD", "VBZ", "VBP") for k in range(1, depth + 1))
        if node is not trigger and not separate:
            classes = lex.verb_classes.get(lemma, {})
            if node.pos_ in ("VERB", "AUX", "ADJ", "NOUN"):
                if classes.get("control") == "planned" and node.pos_ == "VERB" and controls:
                    planned = True
                    ctx.cues.append(lemma)
                if classes.get("control") == "negate" and negatable and controls:
                    ctx.negated = True
                    ctx.actor_token = node.i
                    ctx.cues.append(lemma)
                if "reduce" in classes and node.pos_ == "VERB" and not any(
                        t.lower_ in REASON_WORDS for t in chain[1:depth]) and not any(
                        c.dep_ == "prt" and c.lower_ == "up" for c in node.children):  # "would end up paying"
                    # "suspended talks in response to a visit": the visit is the reason, not what stopped
                    ctx.reduced = True
                    ctx.actor_token = node.i
                    ctx.cues.append(lemma)
                if ("desire" in classes or classes.get("light") == "proposal") and not (
                        lemma == "open" and node.pos_ == "VERB") and not any(
                        c.lower_ in ("ahead", "forward", "on") and c.dep_ in ("advmod", "prt") for c in node.children):
                    # "wants to meet", "offered talks / assistance"; "pressed ahead with drills" is doing them
                    ctx.desire = True
                    ctx.desire_token = node.i
                    ctx.cues.append(lemma)
            if lex.cues.get(lemma) == "hypothetical" and node.pos_ in ("NOUN", "VERB", "ADJ"):
                ctx.hypothetical = True
                ctx.cues.append(lemma)
        for c in node.children:
            word = c.lower_
            if c.dep_ in ("aux", "auxpass"):
                cue = lex.cues.get(word)
                if separate and (word in ("should", "would", "must") or own_tense):
                    continue  # "talks will resume" carries; "cooperation should not target…" does not
                if cue == "planned":
                    planned = True
                elif (word == "would" or word == "'d") and any(
                        a.dep_ == "aux" and a.lower_ == "have" for a in node.children) and node.tag_ == "VBN":
                    ctx.hypothetical = True  # "would have imposed sanctions": it did not happen
                    ctx.cues.append("would have")
                elif word == "would" or word == "'d":
                    has_would = True
                elif cue == "hypothetical" and word != "can":
                    ctx.hypothetical = True
                    ctx.cues.append(word)
                elif cue == "conditional":
                    conditional = True
            elif node is not trigger and lemma in LITOTES_VERBS and (c.dep_ == "neg" or word == "never"):
                continue
            elif c.dep_ == "nsubj" and node is not trigger and any(g.dep_ == "det" and g.lower_ == "any"
                                                                   for g in c.children) and \
                    any(a.dep_ == "aux" and a.lower_ in ("would", "could", "might") for a in node.children):
                ctx.hypothetical = True  # "any dialogue would require Washington to accept…"
                ctx.cues.append("any")
            elif c.dep_ in ("nsubj", "nsubjpass") and node is trigger and any(
                    g.dep_ == "det" and g.lower_ == "any" for g in c.children) and \
                    any(a.dep_ in ("aux", "auxpass") and a.lower_ in ("would", "will") for a in node.children):
                conditional = True  # "any provocation would be met with a response": if it happens
                ctx.cues.append("any")
            elif node is not trigger and lemma == "rule" and c.dep_ == "neg" and \
                    any(p.dep_ == "prt" and p.lower_ == "out" for p in node.children):
                ctx.hypothetical = True  # "did not rule out cooperation with X": a possibility, no act
                ctx.cues.append("not rule out")
            elif (c.dep_ == "neg" and negatable) or (c.dep_ in ("det", "nummod") and word in ("no", "zero")
                                                       and node is trigger):
                ctx.negated = True
                if node.pos_ in ("VERB", "AUX") and ctx.actor_token is None:
                    ctx.actor_token = node.i
                ctx.cues.append(word)
            elif c.dep_ == "advmod" and word == "longer" and any(g.lower_ == "no" for g in c.children) \
                    and negatable:
                ctx.negated = True  # "would no longer abide by"
                if ctx.actor_token is None and node.pos_ in ("VERB", "AUX"):
                    ctx.actor_token = node.i
            elif c.dep_ == "advmod":
                cue = lex.cues.get(word)
                if cue == "conditional":
                    conditional = True
                elif cue == "hypothetical":
                    ctx.hypothetical = True
                    ctx.cues.append(word)
                elif word == "never" and negatable:
                    ctx.negated = True
            elif c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in CONDITION_MARKS - {"whether", "once"}
                                           for m in c.children):
                conditional = True
            elif c.dep_ == "det" and node is trigger and word in ("any", "every") and trigger.pos_ == "NOUN" and \
                    trigger.dep_ != "dobj":  # (but "ready to provide any help" offers it)
                ctx.hypothetical = True  # "any nuclear attack by North Korea would…": not an act
            elif c.dep_ == "amod" and node is trigger:
                if word in PLANNED_MODIFIERS:
                    planned = True
                elif word in HEDGE_MODIFIERS:
                    ctx.hypothetical = True
                    ctx.cues.append(word)
            elif c.dep_ == "acl" and node is trigger and lex.lemma(c) in ("schedule", "plan", "set", "slate"):
                planned = True
            elif c.dep_ == "mark" and word in CONDITION_MARKS:
                ctx.hypothetical = True  # the act is the condition itself: "if X pursues talks"
                ctx.cues.append(word)
        if ctx.date_token is None:
            ctx.date_token = _date_child(node)
    head = chain[-1]
    # Above the clause: speculation by others, or a reporting verb.
    outer = head.head if head.dep_ in ("ccomp", "advcl", "relcl", "xcomp", "csubj") and head.head.i != head.i else None
    past_report = False
    if outer is not None:
        lemma = lex.lemma(outer)
        if lemma in SPECULATIVE_VERBS and not (lemma == "expect" and any(c.dep_ == "auxpass" for c in outer.children)):
            ctx.hypothetical = True
            ctx.cues.append(lemma)
        if lex.has_class(lemma, "speech") and outer.tag_ in ("VBD", "VBN"):
            past_report = True
        if lex.has_class(lemma, "speech") and any(c.dep_ == "neg" for c in outer.children):
            ctx.hypothetical = True  # "did not say whether/how many…": nothing is asserted
            ctx.cues.append("not " + lemma)
        if any(c.lower_ in ("how", "whether") and c.dep_ in ("advmod", "mark", "det") for c in head.subtree
               if c.i < trigger.i):
            ctx.hypothetical = True  # an embedded question
        if head.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in CONDITION_MARKS for c in head.children):
            ctx.hypothetical = True
    if trigger.sent.text.rstrip().endswith("?"):
        ctx.hypothetical = True
    if has_would:
        if conditional or not past_report:
            conditional = True
        else:
            planned = True
    if conditional:
        ctx.modality = "conditional"
        ctx.confidence *= 0.95
    elif planned:
        ctx.modality = "planned"
    if ctx.negated:
        ctx.confidence *= 0.9
    return ctx
