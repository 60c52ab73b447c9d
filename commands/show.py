"""``phakhi show NAME-or-ID``: the card of one entity (an agreement's in full).

    phakhi show "MOU พช.–สนง.กกต. · 3 ปี"
    phakhi show พช. --format json
"""
from __future__ import annotations

from typing import Any

import click

from phakhi.commands.common import AppContext, PhakhiError, emit, format_option, handle_store_errors, pass_app


def resolve_shown(graph: Any, text: str) -> str:
    """An entity id, an agreement's short label, or a name (ambiguous names are refused
    with the candidates' names, types and degrees)."""
    from phakhi.queries.choose import Ambiguous, _describer
    from phakhi.queries.labels import agreement_labels
    from phakhi.queries.names import AmbiguousName, NameError_, NameIndex

    if text in graph:
        return text
    by_label = [a for a, label in agreement_labels(graph).items() if label == text.strip()]
    if by_label:
        return by_label[0]
    try:
        node = NameIndex.from_graph(graph).resolve(text)
    except AmbiguousName as exc:
        raise PhakhiError(str(Ambiguous(text, _describer(graph)([c for c, _ in exc.candidates])))) from None
    except NameError_ as exc:
        raise PhakhiError(str(exc)) from None
    if node not in graph:
        raise PhakhiError(f"{text!r} names {node}, which has no facts in the store")
    return node


@click.command("show")
@click.argument("name")
@format_option("table", "json")
@pass_app
@handle_store_errors
def show_command(app: AppContext, name: str, fmt: str) -> None:
    """The card of NAME (a name, abbreviation, id or agreement label): for an agreement its
    title, parties, signers and witnesses, date, duration, end date (stated or inferred),
    notice, each party's obligations and the sources with their sentences."""
    from phakhi.queries.cards import card_text, entity_card
    from phakhi.queries.paths import documents_root

    store = app.store()
    graph = store.graph()
    node = resolve_shown(graph, name)
    card = entity_card(graph, node, documents_root(d.path for d in store.documents()))
    if fmt == "json":
        emit(card, "json")
    else:
        click.echo(card_text(card), nl=False)


COMMANDS: list[click.Command] = [show_command]
