"""``phakhi doctor``: check the embedded store without writing to it.

    phakhi --store .phakhi doctor      # exit 0: healthy; 1: damaged (what is wrong, how to rebuild)
"""
from __future__ import annotations

import click

from phakhi.commands.common import AppContext, PhakhiError, handle_store_errors, pass_app


@click.command("doctor")
@pass_app
@handle_store_errors
def doctor_cmd(app: AppContext) -> None:
    """Check the store: integrity, schema, every row readable; say how to rebuild a damaged one
    from the original documents. Never writes. Exit status 1 when something is wrong."""
    if "://" in app.store_location:
        count = len(app.store().documents())  # a Neo4j store: reachable and answering is the check
        click.echo(f"store: {app.store_location}\ndocuments: {count:,}\nconnection: ok")
        return
    from phakhi.graph.doctor import check_store

    report = check_store(app.store_location)
    for line in report.lines():
        click.echo(line)
    if not report.healthy:
        raise PhakhiError(f"{app.store_location}: the store is damaged ({len(report.findings)} problem(s))")


COMMANDS: list[click.Command] = [doctor_cmd]
