"""The ``phakhi`` command: a thin click layer over the library.

``phakhi [--store STORE] COMMAND …``. STORE is a directory for the embedded store (the
default, also read from PHAKHI_STORE) or a ``neo4j://``, ``neo4j+s://`` or ``bolt://``
URI (NEO4J_USER, NEO4J_PASSWORD, NEO4J_DATABASE from the environment).

Exit status: 0 success, 1 when some input failed or the store refused, 2 usage error.
Each command lives in ``phakhi.commands.<area>``; this file only assembles them.
"""
from __future__ import annotations

import click

from phakhi import __version__
from phakhi.commands import doctor, export, ingest, query, resolve, show, store_cmds, view
from phakhi.commands.common import AppContext


class _OneLineUsageError(click.UsageError):
    """A usage error as one line, so a script's log holds one line per problem (exit 2)."""

    def show(self, file: object = None) -> None:
        names = []
        ctx = self.ctx
        while ctx is not None and ctx.parent is not None:
            names.append(ctx.info_name or "")
            ctx = ctx.parent
        where = " ".join(["phakhi", *reversed(names)])
        click.echo(f"phakhi: error: {' '.join(self.format_message().split())} (see {where} --help)", err=True)


class _Group(click.Group):
    """The ``phakhi`` group: click's several-line usage errors become one line."""

    def make_context(self, info_name, args, parent=None, **extra):  # type: ignore[no-untyped-def]
        try:
            return super().make_context(info_name, args, parent=parent, **extra)
        except click.UsageError as exc:
            raise _OneLineUsageError(exc.format_message(), exc.ctx) from None

    def invoke(self, ctx: click.Context):  # type: ignore[no-untyped-def]
        try:
            return super().invoke(ctx)
        except click.UsageError as exc:
            if isinstance(exc, _OneLineUsageError):
                raise
            raise _OneLineUsageError(exc.format_message(), exc.ctx) from None


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="phakhi")
@click.option("--store", "store", envvar="PHAKHI_STORE", default=".phakhi", show_default=True,
              metavar="DIR|URI",
              help="Embedded store directory, or a neo4j://, neo4j+s://, bolt:// URI "
                   "(credentials from NEO4J_USER / NEO4J_PASSWORD, database NEO4J_DATABASE).")
@click.option("-q", "--quiet", is_flag=True, help="No progress bars or summaries on stderr.")
@click.pass_context
def main(ctx: click.Context, store: str, quiet: bool) -> None:
    """phakhi (ภาคี): who works with whom, through which network, under which agreement.

    Build a knowledge graph of Thai government agencies, their agreements and volunteer
    networks from the documents they publish; ask it questions, draw it, export it.
    """
    ctx.obj = AppContext(store_location=store, quiet=quiet)


for module in (ingest, resolve, store_cmds, query, show, view, export, doctor):
    for command in module.COMMANDS:
        main.add_command(command)

try:  # benchmarks are optional at run time (they need the generator's extras)
    from phakhi.commands import bench

    for command in bench.COMMANDS:
        main.add_command(command)
except ImportError:  # pragma: no cover
    pass


if __name__ == "__main__":  # pragma: no cover
    main()
