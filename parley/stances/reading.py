"""Which way a statement goes on the issue a term names: a walk up the parse from the term.

From the term's head token the walk climbs head by head until it leaves the evidence (the
quote's content, or the sentence) and reads every word on the way with ``words.tsv``:

* act and stance words multiply ("refused to lift sanctions": refuse - x lift - = +), and a
  negator on any of them flips it ("urged China not to withdraw from sanctions");
* evaluations ("reckless drills", "the launch is a legitimate right") decide only when no act
  or stance word does, since "denounced the provocative drills" is one judgement;
* a verb whose subject is the term and whose object is judged ("the drills escalate
  tension") passes on its object's sign;
* a clause or phrase that opens with a condition word ("until", "unless", "as long as") is
  the stance's condition; a term inside such a clause is a condition, not a stance;
* modal words make it future, hypothetical or an obligation (a demand, said of another);
* the walk stops at an adverbial clause or an adjunct of time and place ("during a press
  conference after the dialogue"): what the main clause says is not said of them.

Every subject, agent or possessor met on the way is a candidate holder, with the sign the
words below it give: in "the Sudanese government criticized the US decision to renew
sanctions", the US (below "criticized") is for sanctions, the government (above it) against.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from parley.stances.around import (
    MAX_HOPS,
    SUBJECTS,
    UNSHARED,
    Bounds,
    Candidate,
    Walk,
    candidates_of,
    conditions_of,
    modality_of,
    norm,
    opens_condition,
    subject_above,
)
from parley.stances.lexicon import Word, Words

__all__ = ["Bounds", "Candidate", "Reading", "read_term"]

COPULAS = frozenset({"be", "remain", "stay", "seem", "become", "appear"})
COMPLEMENTS = frozenset({"acomp", "attr", "advmod", "prt", "oprd", "prep"})
OBJECTS = frozenset({"dobj", "attr", "pobj", "oprd"})
# Links the walk does not climb: what the main clause says is not said of its adverbial
# clauses and adverbs ("Now that the talks are delayed, Seoul finds itself...", "maintain
# the status quo instead of implementing the statement").
STOPS = frozenset({"advcl", "advmod", "npadvmod"})
COMPLEMENT_SCAN = 12  # tokens of a copula's complement searched for an evaluation
NEGATION_DEPS = frozenset({"neg"})
SUBJECT_LINKS = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass"})
NOUNS = frozenset({"NOUN", "PROPN"})


@dataclass(frozen=True, slots=True)
class Reading:
    sign: int  # +1: for what the term names, -1: against it
    decided_by: str  # act (an act or stance word) or eval (an evaluation)
    cue: int  # the token of the deciding word
    mode: str | None  # demand, refusal, or None
    modality: str  # asserted, future or hypothetical
    obligation: bool  # a modal of obligation on the way ("must", "should", "had better")
    condition: tuple[int, int] | None  # tokens [start, end) of the condition's words
    candidates: tuple[Candidate, ...]  # nearest first
    # How many steps up the path the topmost act, stance or judging complement is: its
    # subject (or the first one above it) holds the stance. None when only the term's own
    # modifiers decided ("the reckless drills"): the speaker's judgement.
    top_hop: int | None
    top_judgement: bool  # the topmost word is a judgement: the voice's, whoever is named
    path: tuple[int, ...]  # the tokens walked, from the term up
    first_person: bool  # a first-person subject or possessor on the way ("we will never")
    undecided: bool  # a word that leaves it open ("considering", "weighing")
    # The term's own judgement ("the reckless drills", a term in scare quotes), towards the
    # measure, whatever else decided: the voice's word, even when another party acts.
    judged: int | None = None
    # The deciding act is a passive with no agent ("all dialogues have been suspended"): a
    # happening the voice reports, done by nobody it names.
    agentless: bool = False


def read_term(
    doc: Doc,
    head: int,
    polarity: int,
    bounds: Bounds,
    words: Words,
    modality_words: dict[str, str],
    conditions: dict[tuple[str, ...], str],
    *,
    exit_cue: Bounds | None = None,
) -> Reading | None:
    """The reading of the term headed by token ``head`` inside ``bounds``, or None when the
    words on the way decide nothing or the term lies in a condition. ``exit_cue`` is the
    characters of a quote's cue, outside the bounds, whose words still count when the walk
    reaches them ("called for dialogue", "urged China not to withdraw")."""
    walk = Walk(words, modality_words, conditions, polarity, head)
    term = doc[head]
    if term.dep_ == "poss":
        return None  # "NATO's secretary general said": an actor's name, not the issue
    _own_words(doc, term, walk)
    path = [term.i]
    prev = term
    for _ in range(MAX_HOPS):
        parent = prev.head
        if parent.i == prev.i:
            break
        inside = bounds[0] <= parent.idx < bounds[1]
        in_cue = exit_cue is not None and exit_cue[0] <= parent.idx < exit_cue[1]
        if not inside and not in_cue:
            break
        if opens_condition(doc, prev, conditions):
            return None  # the term is inside a condition of something else
        if prev.dep_ in STOPS and not _particle(prev, parent, words):
            if _subjectless_clause(prev):
                # "..., kicking off a campaign calling for sanctions": the main clause's
                # subject does what the participle says, though not what its verb says.
                walk.hop += 1
                subject_above(prev, parent, bounds, walk)
            break  # "Now that the talks are delayed, Seoul finds itself..."
        walk.hop += 1
        if not _argument(prev, parent, words):
            # An adjunct of means, time or place: the subject of the verb it hangs on (or of
            # the verbs above) does what the adjunct says ("the US works to block Iran by
            # applying sanctions"), but the verbs' own meaning does not reach it.
            subject_above(prev, parent, bounds, walk)
            break
        path.append(parent.i)
        decided = walk.sign_so_far() is not None
        kept = (walk.modality, walk.obligation, walk.condition)
        _read_head(doc, prev, parent, walk)
        if decided and _said_of_subject(prev, parent, walk):
            walk.modality, walk.obligation, walk.condition = kept  # the verb's, not the term's
            # The subject's words hold the term: whoever they name holds the stance.
            sign = walk.sign_so_far()
            walk.candidates.append(Candidate(prev.i, parent.i, walk.hop, sign, False, False))
            break
        if not inside:
            prev = parent  # the quote's cue: its subject is the speaker, known already
            continue
        candidates_of(parent, prev, walk)
        prev = parent
    return _result(doc, walk, tuple(path))


def _subjectless_clause(clause: Token) -> bool:
    """An adverbial participle or infinitive with no subject of its own ("..., kicking off a
    campaign", "emerged to give top priority to strengthening the alliance")."""
    infinitive = clause.tag_ == "VB" and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in clause.children
    )
    return (
        clause.dep_ == "advcl"
        and (clause.tag_ in ("VBG", "VBN") or infinitive)
        and not any(c.dep_ in SUBJECTS or c.dep_ in ("nsubjpass", "mark") for c in clause.children)
    )


def _said_of_subject(prev: Token, verb: Token, walk: Walk) -> bool:
    """Whether the walk ends at a verb that says nothing readable of the noun phrase below
    it, its subject, whose own words already decided the term: in "the resolutions ...
    including imposing sanctions should come into force only with the approval of the
    General Assembly", the clause is about the resolutions, and nothing above it (a demand, a
    judgement) is about sanctions. The subject is then the walk's last candidate."""
    if prev.dep_ not in SUBJECT_LINKS or prev.i == walk.term or prev.pos_ not in NOUNS:
        return False
    return walk.top_hop != walk.hop and verb.lemma_.lower() not in COPULAS


def _result(doc: Doc, walk: Walk, path: tuple[int, ...]) -> Reading | None:
    sign = walk.sign_so_far()
    if sign is None:
        return None
    if walk.acted is not None:
        cue, decided = walk.acted, "act"
    else:
        cue, decided = walk.evals[0][1], "eval"
    return Reading(
        sign=sign,
        decided_by=decided,
        cue=cue,
        mode=walk.mode,
        modality=walk.modality or "asserted",
        obligation=walk.obligation,
        condition=walk.condition,
        candidates=tuple(walk.candidates),
        top_hop=walk.top_hop,
        top_judgement=walk.top_judgement,
        path=path,
        first_person=walk.first_person,
        undecided=walk.undecided,
        judged=walk.evals[0][0] * walk.polarity if walk.evals else None,
        agentless=walk.acted is not None and _agentless(doc[walk.acted]),
    )


def _agentless(token: Token) -> bool:
    """A passive verb with no "by" phrase ("have been suspended"); "must be eased" too, but
    an obligation keeps the voice's demand (``build``)."""
    children = [c.dep_ for c in token.children]
    return "auxpass" in children and "agent" not in children


# ----------------------------------------------------------------------- the term ---
def _own_words(doc: Doc, term: Token, walk: Walk) -> None:
    """The term's own negators ("no sanctions") and evaluations ("reckless drills", a term in
    scare quotes), and any condition attached to it."""
    for child in term.children:
        if child.dep_ in NEGATION_DEPS or (
            child.dep_ == "det" and norm(child.text) in walk.words.negators
        ):
            walk.flips *= -1
        elif child.dep_ in ("amod", "compound", "advmod"):
            value = _eval(child, walk.words)
            if value is not None:
                walk.evals.append((value, child.i))
    if _scare_quoted(doc, term):
        # State media put a term they reject in quotation marks: the "human rights" racket.
        walk.evals.append((-1, term.i))
    conditions_of(doc, term, None, walk)


def _scare_quoted(doc: Doc, term: Token) -> bool:
    left, right = term.left_edge.i, term.right_edge.i
    before = doc[left - 1].text if left > 0 else ""
    after = doc[right + 1].text if right + 1 < len(doc) else ""
    return right - left < 4 and before in ('"', "\u201c") and after in ('"', "\u201d")


def _eval(token: Token, words: Words) -> int | None:
    return words.evals.get(token.lemma_.lower(), words.evals.get(norm(token.text)))


# ------------------------------------------------------------------ one step up ---
def _argument(prev: Token, parent: Token, words: Words) -> bool:
    """Whether a preposition that the walk climbs out of is an argument of the verb it hangs
    on ("withdraw from", "call for", "bother with") rather than an adjunct of time, place or
    occasion ("during", "after", "following", "at")."""
    if prev.dep_ != "prep":
        return True
    # A stance noun is no different from a verb: "the U.S. demand in negotiations" is a
    # demand made there, not one for negotiations ("demand for talks" is).
    stance_noun = parent.pos_ == "NOUN" and parent.lemma_.lower() in words.stances
    if parent.pos_ not in ("VERB", "AUX") and not stance_noun:
        return True
    lower = norm(prev.text)
    if lower not in words.adjuncts:
        return True
    lemma = parent.lemma_.lower()
    particles = [c.lower_ for c in parent.children if c.dep_ == "prt"]
    keys = [f"{lemma} {lower}", *(f"{lemma} {p} {lower}" for p in particles)]
    return any(key in words.acts for key in keys)  # "engage in talks"


def _adverb_keys(prev: Token, parent: Token) -> list[str]:
    """A verb with an adverb the parser did not call a particle: "go back to"."""
    lemma, adverb = parent.lemma_.lower(), norm(prev.text)
    preps = [norm(c.text) for c in prev.children if c.dep_ == "prep"]
    return [*(f"{lemma} {adverb} {p}" for p in preps), f"{lemma} {adverb}"]


def _particle(prev: Token, parent: Token, words: Words) -> bool:
    return prev.dep_ == "advmod" and any(k in words.acts for k in _adverb_keys(prev, parent))


def _read_head(doc: Doc, prev: Token, parent: Token, walk: Walk) -> None:
    """What ``parent`` says about what hangs on it through ``prev``."""
    link = prev.dep_
    modality_of(parent, prev, walk)
    conditions_of(doc, parent, prev, walk)
    if link in UNSHARED:
        return
    if parent.pos_ == "ADP" or (parent.dep_ == "prep" and parent.lemma_.lower() not in COPULAS):
        # A verb used as a preposition too: "following", "including", "regarding".
        _read_preposition(prev, parent, walk)
        return
    negated = _negated(parent, walk.words)
    lemma = parent.lemma_.lower()
    if lemma in walk.words.open:
        walk.undecided = True
        return
    if lemma in COPULAS and link in ("nsubj", "nsubjpass", "expl", "attr"):
        _read_copula(doc, prev, parent, walk, negated)
        return
    if link in SUBJECTS:
        # What the term does, judged by what it brings: "the drills escalate tension"
        # (an effect verb, or an act such as escalate or increase, with a judged object).
        effect = walk.words.effects.get(lemma)
        if effect is None and lemma in walk.words.acts and lemma not in walk.words.stances:
            effect = walk.words.acts[lemma].sign
        outcome = _outcome(parent, walk.words) if effect is not None else None
        if effect is not None and outcome is not None:
            _act(walk, Word(effect * outcome), parent.i, negated)
            return
    entry, stance = _entry(parent, prev, walk)
    if entry is not None:
        if walk.named is not None and walk.named[0] == prev.i and link in OBJECTS:
            # "stop the nuclear threat including the war drills", "denounced the provocation
            # of staging drills": the act is on what the judging noun names, the term; the
            # noun's judgement is the same side's and does not turn the act around.
            walk.act_sign *= walk.named[1]
        walk.named = None
        _act(walk, entry, parent.i, negated, stance)
        return
    value = _eval(parent, walk.words)
    if value is not None:
        # A judgement of what hangs on it ("a legitimate right to launch", "a provocation
        # aimed at..."): it multiplies, and it is the voice's judgement.
        # A verb with a subject of its own ("it has justified the presence of the troops")
        # is what its subject does, not the voice's judgement.
        acted = parent.pos_ == "VERB" and any(
            c.dep_ in SUBJECT_LINKS and c.i != prev.i for c in parent.children
        )
        _act(walk, Word(value), parent.i, negated, judgement=not acted)
        if parent.pos_ == "NOUN":
            walk.named = (parent.i, value * (-1 if negated else 1))
        return
    if negated:
        walk.flips *= -1


def _act(
    walk: Walk,
    entry: Word,
    token: int,
    negated: bool,
    stance: bool = False,
    judgement: bool = False,
) -> None:
    walk.act_sign *= entry.sign * (-1 if negated else 1)
    walk.top_hop = walk.hop
    walk.top_judgement = judgement
    if stance:
        walk.stance_words.add(token)
    if walk.acted is None:
        walk.acted = token
    if entry.mode and walk.mode is None:
        walk.mode = entry.mode


def _entry(parent: Token, prev: Token, walk: Walk) -> tuple[Word | None, bool]:
    """The act or stance entry of ``parent``: with its particle and the preposition the walk
    came through ("pull out of", "give up", "call for"), else the lemma alone. An act verb
    whose subject is some other noun than the term does not act on it ("the struggle over
    sanctions is intensifying"); "needs to", "has to" are modals, not wishes."""
    words = walk.words
    lemma = parent.lemma_.lower()
    if prev.dep_ == "xcomp" and walk.modality_words.get(lemma) == "obligation":
        return None, False
    particles = [c.lower_ for c in parent.children if c.dep_ == "prt"]
    preposition = prev.lower_ if prev.dep_ in ("prep", "agent") else None
    keys = _adverb_keys(prev, parent) if prev.dep_ == "advmod" else []
    for particle in particles:
        if preposition:
            keys.append(f"{lemma} {particle} {preposition}")
        keys.append(f"{lemma} {particle}")
    if preposition:
        keys.append(f"{lemma} {preposition}")
    # "called on the regime to abandon its weapons": the preposition is a sibling. Not for
    # the verb's object, which the preposition's phrase does not hold: in "replace the
    # armistice with a peace treaty" the armistice is replaced, the treaty put in its place.
    if prev.dep_ != "dobj":
        keys.extend(f"{lemma} {norm(c.text)}" for c in parent.children if c.dep_ == "prep")
    keys.append(lemma)
    keys.append(norm(parent.text))
    for key in keys:
        entry = words.acts.get(key)
        if entry is None:
            continue
        if prev.dep_ in SUBJECTS and key not in words.stances:
            # An act is done to its object: its subject is the term itself only for verbs
            # that say what the subject does to itself ("the forces vacate", "talks resumed").
            transitive = any(c.dep_ == "dobj" for c in parent.children)
            if prev.i != walk.term or (transitive and not entry.subject):
                return None, False
        return entry, key in words.stances
    return None, False


def _read_preposition(prev: Token, prep: Token, walk: Walk) -> None:
    """A preposition on the way is neutral, except "against" (when the word it hangs on says
    nothing itself: "rallied against the drills", not "protested against") and "without"."""
    lower = norm(prep.text)
    if lower in walk.words.negators:
        walk.flips *= -1
        return
    entry = walk.words.acts.get(lower)
    if entry is None or lower not in walk.words.stances:
        return
    governor = prep.head
    governed = (
        governor.lemma_.lower() in walk.words.acts
        or f"{governor.lemma_.lower()} {lower}" in walk.words.acts
    )
    if not governed:
        _act(walk, entry, prep.i, False)


def _read_copula(doc: Doc, prev: Token, copula: Token, walk: Walk, negated: bool) -> None:
    """ "Sanctions are still on", "the launch is a legitimate right", "there will be no
    sanctions relief": the complement judges the subject."""
    if any(c.dep_ == "expl" for c in copula.children):
        _act(walk, Word(1), copula.i, negated)  # "there is X": X exists
        return
    # "The 'human rights' farce is the most serious threat": the subject is a noun that
    # judges the term, and the complement judges what it names, the term, on the same side;
    # the noun's judgement does not turn the complement's around (as for an act on it).
    same_side = walk.named is not None and walk.named[0] == prev.i and prev.dep_ in SUBJECTS
    for child in copula.children:
        if child.i == prev.i or child.dep_ not in COMPLEMENTS:
            continue
        key = " ".join(norm(t.text) for t in child.subtree)
        entry = walk.words.acts.get(child.lemma_.lower()) or walk.words.acts.get(key)
        if child.dep_ == "prep" and any(g.dep_ == "pobj" for g in child.children):
            entry = None  # "sanctions are on North Korea" is no "sanctions are on"
        if entry is not None and child.lemma_.lower() not in walk.words.stances:
            if same_side and walk.named is not None:
                walk.act_sign *= walk.named[1]
            _act(walk, entry, child.i, negated)
            return
        for token in list(child.subtree)[:COMPLEMENT_SCAN]:
            value = _eval(token, walk.words)
            if value is None and token.dep_ in ("pobj", "attr"):
                found = walk.words.acts.get(token.lemma_.lower())  # "in breach of"
                value = found.sign if found is not None else None
            if value is not None:
                # A judgement of the subject, which holds the term: it multiplies ("the
                # demand for X is a violation" is against X if the demand is for it).
                if same_side and walk.named is not None:
                    walk.act_sign *= walk.named[1]
                _act(walk, Word(value), token.i, negated, judgement=True)
                return
    if negated:
        walk.flips *= -1


def _outcome(verb: Token, words: Words) -> int | None:
    """The judgement of what a verb brings about: the first outcome word among its objects
    ("escalate the tensions", "throw a stumbling block")."""
    for child in verb.children:
        if child.dep_ not in OBJECTS and child.dep_ != "prep":
            continue
        tokens = list(child.subtree)[:COMPLEMENT_SCAN]
        for k, token in enumerate(tokens):
            if k + 1 < len(tokens):
                pair = f"{norm(token.text)} {tokens[k + 1].lemma_.lower()}"
                if pair in words.outcomes:
                    return words.outcomes[pair]
            value = words.outcomes.get(token.lemma_.lower())
            if value is not None:
                return value
    return None


def _negated(token: Token, words: Words) -> bool:
    for child in token.children:
        if child.dep_ in NEGATION_DEPS:
            return True
        if child.dep_ in ("det", "advmod") and norm(child.text) in words.negators:
            return True
        if child.dep_ in ("aux", "auxpass") and any(g.dep_ == "neg" for g in child.children):
            return True
    return False
