"""The ``text`` format: a readable report of one analysis for a person at a terminal."""

from __future__ import annotations

import textwrap
from collections import defaultdict

from parley.records import Analysis, Entity, Quote, Stance

WIDTH = 100
# How an event's date is marked by where it came from (none: the text's own).
ORIGINS = {"context": " (the story's date)", "published": " (publication date)"}


def render_text(result: Analysis) -> str:
    article = result.article
    entities = {e.id: e for e in result.entities}
    out: list[str] = []
    out.append(article.title or "(untitled)")
    out.append("=" * min(WIDTH, len(out[0])))
    facts = [
        ("Genre", article.genre),
        ("Deck", article.subtitle),
        ("Published", article.published),
        ("Modified", article.modified),
        ("Authors", ", ".join(article.authors) or None),
        ("Publisher", article.publisher),
        ("Language", article.language),
        ("Source", article.url or article.source),
    ]
    out += [f"{label + ':':<11}{value}" for label, value in facts if value]
    if article.captions:
        out.append("Captions:")
        out += _bullets(article.captions)
    if article.headings:
        out.append("Sections:")
        out += _bullets(article.headings)
    for warning in result.warnings:
        out.append(f"Warning:   {warning}")

    out += _section(f"Actors ({len(result.entities)})")
    for entity in result.entities:
        out.append(_entity_line(entity, entities))

    # Statements are the quotes; a stance or act ("praised the party") is listed apart, as
    # something the speaker did or held rather than said.
    statements = [q for q in result.quotes if not q.act]
    acts = [q for q in result.quotes if q.act]
    out += _section(f"Quotes ({len(statements)}), by speaker")
    out += _quote_lines(statements, entities)
    if acts:
        out += _section(f"Stances and acts, not statements ({len(acts)}), by speaker")
        out += _quote_lines(acts, entities)

    out += _section(f"Events ({len(result.events)}), by date")
    for event in sorted(result.events, key=lambda e: (e.date or "", e.start)):
        source = _actor_label(event.source, event.source_actor, event.source_text, entities)
        target = _actor_label(event.target, event.target_actor, event.target_text, entities)
        action = result.article.text[event.trigger[0] : event.trigger[1]]
        origin = ORIGINS.get(event.date_source or "", "")
        out.append(
            f"{event.date or 'undated'}{origin}  {source} -> {target}: {action!r} "
            f"CAMEO {event.cameo} / {event.plover or '-'}, {event.modality}, "
            f"Goldstein {event.goldstein:+.1f}"
        )
        out += textwrap.wrap(event.sentence, WIDTH, initial_indent="    ", subsequent_indent="    ")

    out += _section(f"Stances ({len(result.stances)}), by issue")
    for issue in sorted({s.issue for s in result.stances}):
        out.append(issue)
        for stance in (s for s in result.stances if s.issue == issue):
            out += textwrap.wrap(
                _stance_line(stance, entities),
                WIDTH,
                initial_indent="  - ",
                subsequent_indent="    ",
            )

    out += _section(f"Time expressions ({len(result.timexes)})")
    for timex in result.timexes:
        out.append(f"{timex.text!r:<32} {timex.type:<9} {timex.value}")

    out += _section("Text")
    for paragraph in article.text.split("\n\n"):
        out += [*textwrap.wrap(paragraph, WIDTH), ""]
    return "\n".join(out).rstrip() + "\n"


def _quote_lines(quotes: list[Quote], entities: dict[str, Entity]) -> list[str]:
    out: list[str] = []
    by_speaker: dict[str, list[Quote]] = defaultdict(list)
    for quote in quotes:
        by_speaker[_speaker_label(quote, entities)].append(quote)
    for speaker, said in by_speaker.items():
        out.append(speaker)
        for quote in said:
            when = quote.date or "undated"
            venue = f", {quote.venue}" if quote.venue else ""
            cue = f" ({quote.cue})" if quote.cue else ""
            body = quote.text if len(quote.text) < 300 else quote.text[:297] + "..."
            kind = "act" if quote.act else quote.kind
            out += textwrap.wrap(
                f"[{kind}, {when}{venue}]{cue} {body}",
                WIDTH,
                initial_indent="  - ",
                subsequent_indent="    ",
            )
    return out


def _section(title: str) -> list[str]:
    return ["", title, "-" * len(title)]


def _bullets(items: tuple[str, ...]) -> list[str]:
    return [f"  - {item}" for item in items]


def _entity_line(entity: Entity, entities: dict[str, Entity]) -> str:
    parts = [f"{entity.name:<28}", f"{entity.kind:<12}", f"{entity.actor or '-':<9}"]
    if entity.roles:
        parts.append("; ".join(entity.roles))
    if entity.affiliation and entity.affiliation in entities:
        parts.append(f"({entities[entity.affiliation].name})")
    parts.append(f"[{len(entity.mentions)} mention{'s' if len(entity.mentions) != 1 else ''}]")
    return "  " + " ".join(parts)


def _speaker_label(quote: Quote, entities: dict[str, Entity]) -> str:
    entity = entities.get(quote.speaker or "")
    if entity is None:
        return quote.speaker_text or "(no speaker)"
    extra = [*entity.roles]
    if entity.affiliation and entity.affiliation in entities:
        extra.append(entities[entity.affiliation].name)
    code = f" [{entity.actor}]" if entity.actor else ""
    return f"{entity.name}{code}" + (f" — {', '.join(extra)}" if extra else "")


def _actor_label(
    entity_id: str | None, code: str | None, written: str | None, entities: dict[str, Entity]
) -> str:
    entity = entities.get(entity_id or "")
    name = entity.name if entity else (written or "?")
    return f"{name} [{code}]" if code else name


def _stance_line(stance: Stance, entities: dict[str, Entity]) -> str:
    who = f"{stance.actor_name or stance.actor}" + (
        f" [{stance.actor_code}]" if stance.actor_code else ""
    )
    how = stance.position + ("" if stance.mode == "statement" else f", {stance.mode}")
    if stance.condition_issue or stance.condition:
        how += f", on condition: {stance.condition_issue or stance.condition}"
    if stance.modality != "asserted":
        how += f", {stance.modality}"
    if stance.basis != "text":
        how += f", from the {stance.basis}"
    reporter = entities.get(stance.reported_by or "")
    said = f" (as {reporter.name} reports)" if reporter else ""
    evidence = ", ".join(stance.evidence) or "-"
    return f"{who}: {how}{said}; {stance.date or 'undated'} [{evidence}] {stance.sentence}"
