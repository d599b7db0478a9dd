"""Did it happen? asserted, negated ("did not agree"), hypothetical ("could move", "if"),
future ("will", "plans to"). The cue words live in ``data/modality.tsv``."""

from __future__ import annotations

from spacy.tokens import Token

from parley.events.lexicon import ModalityCues

# How far up the tree a governing cue still counts ("is expected to agree to meet").
MAX_HOPS = 4
# Clause links through which a governing word's meaning reaches the trigger.
GOVERNING_DEPS = frozenset({"xcomp", "ccomp", "conj", "advcl", "acl", "pcomp", "pobj", "prep"})
# Links through which the governor's own auxiliaries and negation also reach it:
# "will continue to impose" makes "impose" future.
SHARING_DEPS = frozenset({"xcomp", "conj"})
# Links by which a nominal event hangs on the verb that carries it ("pose a threat").
NOMINAL_DEPS = frozenset({"dobj", "attr", "nsubjpass", "oprd"})
# How many nouns up a nominal event's frame may be denied ("no field of cooperation").
FRAME_HOPS = 2
_PRIORITY = {"negated": 0, "hypothetical": 1, "future": 2, "asserted": 3}
# Tokens that end a sentence: a parse that runs two sentences together ("... condolence.
# They hoped ...") hangs one's verb on the other's, and no cue reaches across a full stop.
SENTENCE_ENDS = frozenset({".", "!", "?"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "expl"})
# Modals that demand: with a negation they ask that an act not happen ("should not be
# allowed"), which is hypothetical, not negated.
DEONTIC = frozenset({"should", "must", "ought"})
# Verbs whose bare-infinitive complement (parsed as a that-clause) shares their helpers:
# "would help the group intensify the crackdown", "will make them pay".
BARE_INFINITIVE_HEADS = frozenset({"help", "make", "let"})
# Nouns whose to-infinitive tells what they did, not what may come: "issued a statement to
# condemn the drills" condemned them, "convened a meeting to discuss the plans" discussed
# them.
DOING_NOUNS = frozenset(
    {"statement", "message", "letter", "speech", "article", "editorial", "commentary",
     "release", "resolution", "appeal", "report", "communique", "declaration", "memorandum",
     "meeting", "session", "conference", "congress", "plenum", "gathering", "forum",
     "seminar", "symposium", "convention", "rally", "ceremony", "talks", "event", "events"}
)  # fmt: skip


def _reported_will(token: Token, cues: ModalityCues) -> bool:
    """Whether the trigger's "would" is a "will" reported in the past: "the ministry said that
    it would hold talks" (a that-clause of a verb of saying or deciding), not "would have"."""
    clause = token
    while clause.dep_ == "conj" and clause.head.i != clause.i:
        clause = clause.head  # "said that ... and that it would hold talks"
    head = clause.head
    # Only a party telling its own plans foretells them ("Gondor said it would boycott"); an
    # onlooker's "analysts said Mordor would attack" is a supposition.
    speakers = {c.lower_ for c in head.children if c.dep_ in SUBJECT_DEPS}
    own = any(
        c.dep_ in SUBJECT_DEPS and (c.pos_ == "PRON" or c.lower_ in speakers)
        for c in token.children
    )
    return (
        own
        and clause.dep_ == "ccomp"
        and head.tag_ in ("VBD", "VBN")
        and head.lemma_.lower() in cues["report"]
        and not any(c.dep_ == "aux" and c.lemma_.lower() == "have" for c in token.children)
    )


def _across_sentences(a: Token, b: Token) -> bool:
    """Whether a sentence-ending mark lies between two words the parser linked."""
    lo, hi = sorted((a.i, b.i))
    doc = a.doc
    return any(doc[k].text in SENTENCE_ENDS for k in range(lo + 1, hi))


def _forgone(token: Token) -> bool:
    """Whether the word is an act left undone in favour of another, or done without: "rather
    than expressing condolences", "instead of apologizing", "without occupying the country",
    "played on fears rather than offered solutions"."""
    head = token.head
    if token.dep_ in ("pcomp", "pobj") and head.dep_ in ("prep", "cc"):  # "than" parsed as cc
        lower = head.lower_
        return (
            lower == "without"
            or (lower == "of" and (head.head.lower_ == "instead" or _has(head, "instead")))
            or (lower == "than" and _has(head, "rather"))
        )
    if token.dep_ == "conj" and head.i != token.i:
        return any(
            c.dep_ == "cc" and c.lower_ == "than" and c.i > 0 and c.doc[c.i - 1].lower_ == "rather"
            for c in head.children
        )
    return False


def _infinitive_of_noun(verb: Token) -> bool:
    """Whether a to-infinitive modifies a noun: "the ways for them to free themselves",
    "a plan to withdraw", "efforts to improve ties" name an act that may come, not one that
    came; "the first leader to visit" (an ordinal's) did come, and so did what a statement
    or a meeting was for (DOING_NOUNS)."""
    noun = verb.head
    if verb.dep_ not in ("acl", "relcl") or noun.pos_ not in ("NOUN", "PROPN"):
        return False
    if noun.lemma_.lower() in DOING_NOUNS or noun.lower_ in DOING_NOUNS:
        return False  # "a statement to condemn", "a meeting to discuss"
    return not any(
        c.dep_ == "amod" and (c.lower_ in ("first", "last", "only", "next") or c.tag_ == "JJS")
        for c in noun.children
    )


def _has(token: Token, word: str) -> bool:
    return any(c.lower_ == word for c in token.children)


def _own(token: Token, cues: ModalityCues, of_noun: bool = True) -> str | None:
    """The modality the word's own auxiliaries, negators, subordinators and adverbs give.
    ``of_noun``: whether a to-infinitive modifying a noun counts ("the ways to free
    themselves"); not for the carrier of a nominal event, whose thing may be real ("efforts
    to calm down the call made by the people")."""
    found: list[str] = []
    for child in token.children:
        lower = child.lower_
        lemma = child.lemma_.lower()
        if child.dep_ == "neg" or (child.dep_ == "det" and lower == "no"):
            found.append("negated")
        elif child.dep_ == "preconj" and lower == "neither":
            found.append("negated")  # "neither intention nor interest"
        elif child.dep_ in ("aux", "auxpass") and any(g.dep_ == "neg" for g in child.children):
            found.append("negated")  # "never will, accept": the negator hangs on "will"
        elif (
            child.dep_ == "advmod"
            and lower == "longer"
            and any(g.lower_ == "no" for g in child.children)
        ):
            found.append("negated")  # "can no longer be pardoned"
        elif child.dep_ == "aux" and lower == "would" and _reported_will(token, cues):
            found.append("future")  # "said that it would hold talks"
        elif child.dep_ in ("aux", "auxpass") and (lower in cues["aux"] or lemma in cues["aux"]):
            found.append(cues["aux"].get(lower) or cues["aux"][lemma])
        elif child.dep_ == "aux" and lower == "going":  # "is going to"
            found.append("future")
        elif of_noun and child.tag_ == "TO" and child.dep_ == "aux" and _infinitive_of_noun(token):
            found.append("hypothetical")  # "the ways for them to free themselves"
        elif child.dep_ == "mark" and lower in cues["mark"]:
            found.append(cues["mark"][lower])
        elif child.dep_ == "advmod" and lower in cues["adv"]:
            found.append(cues["adv"][lower])
        elif child.dep_ == "advmod" and lower in cues["neg"]:
            found.append(cues["neg"][lower])
        elif child.dep_ == "advcl" and any(
            g.dep_ == "mark" and g.lower_ in cues["mark"] for g in child.children
        ):
            # "If they refuse, we will strike": the main clause's event is conditional.
            found.append("hypothetical")
    found = [m for m in found if m != "asserted"]
    if "negated" in found and any(
        c.dep_ in ("aux", "auxpass") and c.lower_ in DEONTIC for c in token.children
    ):
        # "should not be allowed", "must not act": a demand that it not happen, which no
        # more says it did not than "should act" says it did.
        return "hypothetical"
    return min(found, key=_PRIORITY.__getitem__) if found else None


def _misread_noun(trigger: Token) -> bool:
    """Whether a word tagged as a verb is the object of another with no tense or helper of
    its own: a noun the parser took for a verb ("will mount merciless and annihilating
    strike on them", "strike" the object of "annihilating")."""
    return (
        trigger.dep_ == "dobj"
        and trigger.tag_ in ("VB", "VBP")
        and not any(c.dep_ in ("aux", "auxpass", "nsubj", "mark") for c in trigger.children)
    )


def _negated_frame(trigger: Token, cues: ModalityCues) -> bool:
    """Whether the trigger sits in a frame that denies it: a noun or verb that is the matter of
    a denied noun ("there exists no field of cooperation", "we have neither intention nor
    interest in cooperation", "has no intention of holding talks"), or a verb coordinated with
    a denied bare "do" ("does not, and never will, accept")."""
    token = trigger
    if token.pos_ in ("NOUN", "PROPN"):
        for _ in range(FRAME_HOPS):
            if token.dep_ != "pobj" or token.head.dep_ != "prep":
                return False
            token = token.head.head
            if token.pos_ not in ("NOUN", "PROPN"):
                return False
            if _own(token, cues) == "negated":
                return True
            if token.dep_ == "conj" and _own(token.head, cues) == "negated":
                return True
        return False
    head = trigger.head
    if trigger.dep_ == "pcomp" and head.dep_ == "prep":
        head = head.head  # "no intention of holding talks"
    if trigger.dep_ in ("pcomp", "acl") and head.pos_ == "NOUN" and _own(head, cues) == "negated":
        # A verb that is the matter of a denied noun: "has no intention of holding talks",
        # "there is no plan to withdraw", "showed no sign of backing down".
        return True
    return (
        trigger.dep_ == "conj"
        and head.lemma_.lower() == "do"
        and not any(c.dep_ in NOMINAL_DEPS for c in head.children)
        and _own(head, cues) == "negated"
    )


def find_modality(trigger: Token, cues: ModalityCues) -> str:
    """The trigger's modality: its own cues first, then those of the words governing it
    (``cues``: where -> cue word -> modality, from ``modality.tsv``)."""
    own = _own(trigger, cues)
    if own == "negated" or _negated_frame(trigger, cues) or _forgone(trigger):
        return "negated"
    token = trigger
    if trigger.dep_ in NOMINAL_DEPS and (
        trigger.pos_ in ("NOUN", "PROPN") or _misread_noun(trigger)
    ):
        # A nominal event takes the modality of the verb that carries it: "would pose a
        # threat" is no more a threat that happened than "would threaten".
        carrier = trigger.head
        if _forgone(carrier):
            return "negated"  # "instead of making an immediate visit"
        carried = _own(carrier, cues, of_noun=False)
        if carried == "negated" and own is None:
            return carried
        own = own or carried
        token = carrier
    # Only conjoined verbs between the trigger and here ("to eliminate ... and free
    # themselves"): a to-infinitive of a noun above says nothing of a nominal event's thing.
    direct = token is trigger
    for _ in range(MAX_HOPS):
        if (
            token.dep_ not in GOVERNING_DEPS
            or token.head.i == token.i
            or _across_sentences(token, token.head)
        ):
            break
        link = token.dep_
        child = token
        token = token.head
        lemma = token.lemma_.lower()
        # A preposition governs nothing: "concerns about the threats" foretells no threat
        # ("about" governs as the adjective of "is about to sign").
        governed = cues["govern"].get(lemma) if token.pos_ != "ADP" else None
        if (
            governed is None
            and link == "xcomp"
            and token.lower_ == "going"
            and any(c.dep_ == "aux" for c in token.children)  # "is", "’m": only "be" fits
        ):
            # "is going to conclude", parsed with "going" as the verb; "not going to" denies
            # and "if we win, we're going to march" supposes.
            going = _own(token, cues)
            governed = going if going in ("negated", "hypothetical") else "future"
        if governed is None and link == "xcomp" and lemma == "be":
            # "our goal is to destroy them", "the plan is to meet": the subject governs.
            governed = next(
                (
                    cues["govern"][c.lemma_.lower()]
                    for c in token.children
                    if c.dep_ == "nsubj" and c.lemma_.lower() in cues["govern"]
                ),
                None,
            )
        if governed is None and link == "xcomp":
            # "it’s essential to ease sanctions": the parser hangs the to-clause on the verb
            # beside the adjective that governs it.
            governed = next(
                (
                    cues["govern"][c.lemma_.lower()]
                    for c in token.children
                    if c.dep_ == "acomp" and c.lemma_.lower() in cues["govern"]
                ),
                None,
            )
        if governed and link != "conj":
            return own if own == "hypothetical" and governed == "future" else governed
        shares = link in SHARING_DEPS or (link == "ccomp" and lemma in BARE_INFINITIVE_HEADS)
        if shares and not (
            link == "conj"
            and (
                child.pos_ not in ("VERB", "AUX")
                or any(c.dep_ in SUBJECT_DEPS for c in child.children)
            )
        ):
            # A verb shares its head verb's auxiliaries and negation, but a clause with its
            # own subject has its own ("40% aren't sure ..., and Trump has been invoking him"),
            # and a noun the parser joined to a verb has none of them.
            shared = _own(token, cues, of_noun=direct and link == "conj")
            if shared and own is None:
                own = shared
        direct = direct and link == "conj"
    return own or "asserted"
