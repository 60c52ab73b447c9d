"""What every command shares: the store from ``--store``, output formats, errors."""
from __future__ import annotations

import csv
import functools
import io
import json
import sys
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable, Sequence

import click

from phakhi.graph.stores import Store, StoreError, open_store


class PhakhiError(click.ClickException):
    """A one-line error for users; exit status 1 (not click's usage 2)."""

    exit_code = 1

    def show(self, file: Any = None) -> None:
        click.echo(f"phakhi: error: {self.format_message()}", err=True)


@dataclass
class AppContext:
    store_location: str
    quiet: bool = False
    _store: Store | None = field(default=None, repr=False)

    def store(self) -> Store:
        if self._store is None:
            try:
                self._store = open_store(self.store_location)
            except StoreError as exc:
                raise PhakhiError(str(exc)) from None
            ctx = click.get_current_context()
            ctx.call_on_close(self._store.close)
        return self._store


pass_app = click.make_pass_decorator(AppContext)


def handle_store_errors(func: Callable) -> Callable:
    """Turn store errors into one line and exit 1: no tracebacks for users."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except StoreError as exc:
            raise PhakhiError(str(exc)) from None

    return wrapper


def parse_params(values: tuple[str, ...]) -> dict[str, str]:
    """``("org=พช.", "days=30")`` -> ``{"org": "พช.", "days": "30"}`` (``--param`` values)."""
    out: dict[str, str] = {}
    for item in values:
        key, sep, value = item.partition("=")
        if not sep or not key.strip():
            raise PhakhiError(f"--param {item!r}: expected key=value")
        out[key.strip()] = value
    return out


def format_option(*choices: str, default: str = "table") -> Callable:
    return click.option("--format", "fmt", type=click.Choice(list(choices)), default=default,
                        show_default=True, help="Output format.")


def emit(rows: Sequence[dict[str, Any]] | Any, fmt: str, columns: Sequence[str] | None = None,
         out: Any = None) -> None:
    """Print ``rows`` (a list of dicts, or any JSON value for json) as table, json or csv."""
    out = out or sys.stdout
    if fmt == "json":
        out.write(json.dumps(rows, ensure_ascii=False, indent=2, default=str) + "\n")
        return
    rows = list(rows)
    columns = list(columns or _columns(rows))
    if fmt == "csv":
        buf = io.StringIO()
        buf.write("\ufeff")  # a BOM: Excel then reads the text as UTF-8 (Thai, not mojibake)
        writer = csv.DictWriter(buf, fieldnames=columns, extrasaction="ignore")
        writer.writeheader()
        for r in rows:
            writer.writerow({k: _csv_cell(r.get(k)) for k in columns})
        out.write(buf.getvalue())
        return
    if not rows:
        out.write("(no rows)\n")
        return
    cells = [[_cell(r.get(c)) for c in columns] for r in rows]
    widths = [max(_width(c), *(_width(row[i]) for row in cells)) for i, c in enumerate(columns)]
    out.write("  ".join(_pad(c, w) for c, w in zip(columns, widths)).rstrip() + "\n")
    out.write("  ".join("-" * w for w in widths) + "\n")
    for row in cells:
        out.write("  ".join(_pad(v, w) for v, w in zip(row, widths)).rstrip() + "\n")


def _columns(rows: Iterable[dict[str, Any]]) -> list[str]:
    cols: list[str] = []
    for r in rows:
        for k in r:
            if k not in cols:
                cols.append(k)
    return cols


def _cell(v: Any) -> str:
    if v is None:
        return ""
    if isinstance(v, (list, tuple)):
        return "; ".join(_cell(x) for x in v)
    if isinstance(v, dict):
        return json.dumps(v, ensure_ascii=False, default=str)
    return str(v)


def _csv_cell(v: Any) -> str:
    """Text cells cannot start a spreadsheet formula (numbers stay numbers)."""
    from phakhi.graph.exports.common import spreadsheet_safe

    return _cell(v) if isinstance(v, (int, float)) else spreadsheet_safe(_cell(v))


def _width(s: str) -> int:
    """Display width: Thai combining marks (above/below vowels, tone marks) take no column."""
    import unicodedata

    return sum(0 if unicodedata.combining(ch) or unicodedata.category(ch) == "Mn" else 1 for ch in s)


def _pad(s: str, width: int) -> str:
    return s + " " * max(0, width - _width(s))
