"""Plans and requirements as CAMEO statements: "X will visit Y" is an expression of intent
(036), "X said it would boycott Y" a threat (13), "X said Y must withdraw" a demand (10),
"X wants Y to attack Z" an appeal to Y (02).

CAMEO codes what was said, not the future action: the action has not happened, but the
statement of it has. ``stance_of`` reads the verb's auxiliaries and governing words
(``data/stance.tsv``); ``stance_code`` turns the action's code into the statement's code
(``data/statement_codes.tsv``).
The event keeps the action's modality (future, hypothetical), so nothing reads it as done.
"""

from __future__ import annotations

from spacy.tokens import Token

from parley.events.lexicon import StanceCues, StatementCodes, by_action

# How far up a chain of to-clauses and coordinated verbs an auxiliary still counts
# ("will continue to impose", "would meet and agree").
MAX_HOPS = 3
SHARING_DEPS = frozenset({"xcomp", "conj"})


def appeal_governor(verb: Token, cues: StanceCues) -> Token | None:
    """The verb that names someone else to do this one ("wants Rohan to attack": wants),
    when the clause has its own subject and a to-infinitive."""
    if verb.dep_ != "ccomp" or verb.head.i == verb.i:
        return None
    head = verb.head
    lemma = head.lemma_.lower()
    if cues.get(("object", lemma)) != "appeal":
        return None
    has_to = any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
    has_subject = any(c.dep_ == "nsubj" for c in verb.children)
    return head if has_to and has_subject else None


def alleges(reporter: Token, cues: StanceCues) -> bool:
    """Whether a reporting verb makes what it reports an allegation ("claimed that")."""
    return cues.get(("report", reporter.lemma_.lower())) == "allegation"


def stance_of(verb: Token, cues: StanceCues) -> str | None:
    """intent, conditional or obligation, from the verb's own auxiliaries or the words
    governing it (``cues``: ``stance.tsv``); None for a plain statement of fact."""
    token = verb
    for _ in range(MAX_HOPS):
        for child in token.children:
            if child.dep_ in ("aux", "auxpass"):
                found = cues.get(("aux", child.lower_))
                if found:
                    return found
        # A purpose clause shares its head's stance: "forces must ensure security to allow
        # supplies in" requires the allowing as much as the ensuring.
        purpose = token.dep_ == "advcl" and _to_clause(token)
        if token.dep_ == "acl" and _denied_to_clause(token) and _owned_noun(token.head):
            # "the company's decision not to fund it": a noun of intent with its owner named
            # and a denied to-clause is a refusal, as "decided not to fund" is. "Her decision
            # to allow refugees in" mostly reports what was done, "scrapped plans to attend"
            # or "the need to act" nobody's intent; only intent is read.
            found = cues.get(("govern", token.head.lemma_.lower()))
            return found if found == "intent" else None
        if (token.dep_ not in SHARING_DEPS and not purpose) or token.head.i == token.i:
            return None
        head = token.head
        if token.dep_ == "xcomp":
            found = cues.get(("govern", head.lower_)) or cues.get(("govern", head.lemma_.lower()))
            if found == "ongoing":
                return None  # "will continue to impose": the action goes on already
            if found:
                return found
        token = head
    return None


def _owned_noun(word: Token) -> bool:
    """Whether the word is a noun with its owner named ("HP's decision", "his plan")."""
    return word.pos_ == "NOUN" and any(c.dep_ == "poss" for c in word.children)


def _denied_to_clause(verb: Token) -> bool:
    """Whether the verb heads a denied to-infinitive ("not to fund")."""
    return _to_clause(verb) and any(c.dep_ == "neg" for c in verb.children)


def _to_clause(verb: Token) -> bool:
    """Whether the verb heads a to-infinitive ("to allow", "not to fund")."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def stance_code(code: str, stance: str, negated: bool, table: StatementCodes) -> str | None:
    """The code of the statement of a planned (intent), or required (obligation) action;
    None when CAMEO has no statement code for it (the action keeps its own code). ``table``
    is ``statement_codes.tsv``."""
    # A row for the action's own code wins over its root's: money withheld ("will not
    # fund", 071) is aid stopped, other aid refused a rejection (07); arms promised (072)
    # the intent to give military aid (0332), not any aid (033).
    if stance == "appeal":
        return by_action(table["appeal"], code) or "020"
    if stance == "obligation":
        return by_action(table["demand"], code)
    if negated:
        return by_action(table["refusal"], code)
    return by_action(table["intent"], code) or by_action(table["threat"], code)
