"""``phakhi resolve``: list, accept, reject, undo and re-run entity-resolution decisions.

    phakhi resolve list --status proposed
    phakhi resolve accept 'Person:ธนาถ วจจร'
"""
from __future__ import annotations

import datetime

import click

from phakhi.commands.common import AppContext, PhakhiError, emit, format_option, handle_store_errors, pass_app


def _now() -> str:
    return datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds")


@click.group("resolve")
def resolve_group() -> None:
    """Entity resolution: which nodes are the same real thing (decisions can be undone)."""


@resolve_group.command("list")
@click.option("--status", type=click.Choice(["accepted", "proposed", "rejected"]), default=None,
              help="Only decisions with this status.")
@format_option("table", "json", "csv")
@pass_app
@handle_store_errors
def list_cmd(app: AppContext, status: str | None, fmt: str) -> None:
    """List merge decisions (from_id is read as to_id)."""
    rows = [{"from_id": m.from_id, "to_id": m.to_id, "score": m.score, "status": m.status,
             "decided_by": m.decided_by, "reason": m.reason} for m in app.store().merges(status)]
    emit(rows, fmt, columns=["from_id", "to_id", "score", "status", "decided_by", "reason"])


def _decide(app: AppContext, from_id: str, status: str) -> None:
    store = app.store()
    found = [m for m in store.merges() if m.from_id == from_id]
    if not found:
        raise PhakhiError(f"{from_id}: no merge decision for this id (see 'phakhi resolve list')")
    m = found[0]
    m.status, m.decided_by, m.created_at = status, "user", _now()
    store.set_merge(m)
    click.echo(f"{status} {m.from_id} -> {m.to_id}")


@resolve_group.command("accept")
@click.argument("from_id")
@pass_app
@handle_store_errors
def accept_cmd(app: AppContext, from_id: str) -> None:
    """Accept a proposed merge: FROM_ID is shown as its target from now on."""
    _decide(app, from_id, "accepted")


@resolve_group.command("reject")
@click.argument("from_id")
@pass_app
@handle_store_errors
def reject_cmd(app: AppContext, from_id: str) -> None:
    """Reject a merge: the nodes stay apart and it is never proposed again."""
    _decide(app, from_id, "rejected")


@resolve_group.command("undo")
@click.argument("from_id")
@pass_app
@handle_store_errors
def undo_cmd(app: AppContext, from_id: str) -> None:
    """Forget the decision about FROM_ID (a later 'resolve run' may propose it again)."""
    if not app.store().delete_merge(from_id):
        raise PhakhiError(f"{from_id}: no merge decision for this id")
    click.echo(f"undone {from_id}")


@resolve_group.command("run")
@format_option("table", "json")
@pass_app
@handle_store_errors
def run_cmd(app: AppContext, fmt: str) -> None:
    """Look for new merges in the whole store and record them."""
    from phakhi.loaders.resolve import resolve

    new = resolve(app.store())
    emit([{"from_id": m.from_id, "to_id": m.to_id, "score": m.score, "status": m.status, "reason": m.reason}
          for m in new], fmt, columns=["from_id", "to_id", "score", "status", "reason"])


COMMANDS: list[click.Command] = [resolve_group]
