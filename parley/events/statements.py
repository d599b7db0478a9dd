"""Plans and requirements as CAMEO statements: "X will visit Y" is an expression of intent
(036), "X said it would boycott Y" a threat (13), "X said Y must withdraw" a demand (10),
"X wants Y to attack Z" an appeal to Y (02).

CAMEO codes what was said, not the future action: the action has not happened, but the
statement of it has. ``stance_of`` reads the verb's auxiliaries and governing words
(``data/stance.tsv``); ``stance_code`` turns the action's code into the statement's code.
The event keeps the action's modality (future, hypothetical), so nothing reads it as done.
"""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Token

from parley.errors import KnowledgeBaseError
from parley.events.lexicon import DATA, data_lines

STANCES = frozenset({"intent", "conditional", "obligation", "appeal", "ongoing", "allegation"})
WHERE = frozenset({"aux", "govern", "object", "report"})
# How far up a chain of to-clauses and coordinated verbs an auxiliary still counts
# ("will continue to impose", "would meet and agree").
MAX_HOPS = 3
SHARING_DEPS = frozenset({"xcomp", "conj"})

# Statement codes by the action's root. Cooperative actions announced become intents (03);
# hostile ones threats (13); one party requiring an action of another, demands (10); a
# refusal of a cooperative action ("will not accept"), a rejection (12).
INTENT_CODES = {"04": "036", "05": "032", "06": "031", "07": "033", "08": "035"}
THREAT_CODES = {
    "14": "133",
    "15": "138",
    "16": "131",
    "17": "137",
    "18": "138",
    "19": "138",
    "20": "138",
}
DEMAND_CODES = {"04": "106", "05": "100", "06": "101", "07": "103", "08": "105"}
APPEAL_CODES = {"04": "026", "06": "021", "07": "023", "08": "025"}
REFUSAL_CODES = {"03": "120", "04": "125", "05": "120", "06": "121", "07": "122", "08": "124"}


@lru_cache(maxsize=1)
def _cues() -> dict[tuple[str, str], str]:
    path = DATA / "stance.tsv"
    table: dict[tuple[str, str], str] = {}
    for number, fields in data_lines(path):
        if len(fields) != 3 or fields[1] not in STANCES or fields[2] not in WHERE:
            raise KnowledgeBaseError(f"{path}:{number}: expected cue, stance, where")
        table[(fields[2], fields[0].lower())] = fields[1]
    return table


def appeal_governor(verb: Token) -> Token | None:
    """The verb that names someone else to do this one ("wants Rohan to attack": wants),
    when the clause has its own subject and a to-infinitive."""
    if verb.dep_ != "ccomp" or verb.head.i == verb.i:
        return None
    head = verb.head
    lemma = head.lemma_.lower()
    if _cues().get(("object", lemma)) != "appeal":
        return None
    has_to = any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
    has_subject = any(c.dep_ == "nsubj" for c in verb.children)
    return head if has_to and has_subject else None


def alleges(reporter: Token) -> bool:
    """Whether a reporting verb makes what it reports an allegation ("claimed that")."""
    return _cues().get(("report", reporter.lemma_.lower())) == "allegation"


def stance_of(verb: Token) -> str | None:
    """intent, conditional or obligation, from the verb's own auxiliaries or the words
    governing it; None for a plain statement of fact."""
    cues = _cues()
    token = verb
    for _ in range(MAX_HOPS):
        for child in token.children:
            if child.dep_ in ("aux", "auxpass"):
                found = cues.get(("aux", child.lower_))
                if found:
                    return found
        # A purpose clause shares its head's stance: "forces must ensure security to allow
        # supplies in" requires the allowing as much as the ensuring.
        purpose = token.dep_ == "advcl" and any(
            c.dep_ == "aux" and c.lower_ == "to" for c in token.children
        )
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


def stance_code(code: str, stance: str, negated: bool) -> str | None:
    """The code of the statement of a planned (intent), or required (obligation) action;
    None when CAMEO has no statement code for it (the action keeps its own code)."""
    root = code[:2]
    if stance == "appeal":
        return APPEAL_CODES.get(root, "020")
    if stance == "obligation":
        return DEMAND_CODES.get(root)
    if negated:
        return REFUSAL_CODES.get(root)
    return INTENT_CODES.get(root) or THREAT_CODES.get(root)
