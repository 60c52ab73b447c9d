"""The catalogue of canned questions: declared once in ``canned.yaml``, answered twice.

Each question has an id, Thai and English descriptions, typed parameters, a Cypher text
(run on Neo4j) and a registered NetworkX function (run on the embedded store). Both give
rows with the same columns; :func:`finish_rows` turns either into the same canonical form
(dates as ISO strings, lists as sorted sets, rows sorted) so they can be compared.

Labels and relationship types written in the Cypher are checked against the ontology when
the catalogue loads: a typo is an error at start-up, never a query that silently matches
nothing. ``{{GovernmentBody}}`` in a Cypher text expands to the ontology's concrete
sub-labels (``Department|Ministry|…``), so groupings live only in ``schema.yaml``.

>>> cat = load_catalog()
>>> cat["partners"].params[0].name
'org'
>>> finish_rows([{"b": [2, 1, 2], "a": "x"}], ["a", "b"], ["a"])
[{'a': 'x', 'b': [1, 2]}]
"""
from __future__ import annotations

import datetime as _dt
import functools
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Sequence

import yaml

from phakhi.ontology import Ontology, OntologyError, load_ontology, read_yaml

CATALOG_PATH = Path(__file__).with_name("canned.yaml")
PARAM_TYPES = {"entity", "string", "int", "date", "bool"}
_BOOLS = {"true": True, "yes": True, "1": True, "on": True, "false": False, "no": False, "0": False,
          "off": False}
# Labels Neo4j nodes carry besides their ontology label (the store's common label).
STORE_LABELS = {"Entity"}
_STRINGS = re.compile(r"'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"")
# `(x:Label`, `[r:TYPE|TYPE2`, `x:Label` in WHERE: an identifier starting upper-case after
# a colon. Map literals (`{id: $org}`) have lower-case or $ values, so they never match.
_LABEL_USE = re.compile(r":\s*([A-Z][A-Za-z0-9_]*(?:\s*\|\s*[A-Z][A-Za-z0-9_]*)*)")
_TEMPLATE = re.compile(r"\{\{\s*([A-Za-z][A-Za-z0-9_]*)\s*\}\}")
# `{{label(x)}}`: the ontology label of node x (nodes carry it plus the store's Entity).
_LABEL_OF = re.compile(r"\{\{\s*label\(\s*([A-Za-z_][A-Za-z0-9_]*)\s*\)\s*\}\}")
_DATE = re.compile(r"^\d{4}(-\d\d(-\d\d)?)?$")


class CatalogError(ValueError):
    """The catalogue YAML is malformed, or a question lacks its NetworkX implementation."""


class ParamError(ValueError):
    """A parameter value is missing or of the wrong type (one line for users)."""


@dataclass(frozen=True)
class Param:
    """One typed parameter: ``Param("org", "entity", required=True)``."""

    name: str
    type: str
    required: bool = False
    default: Any = None
    doc: str = ""

    def convert(self, raw: Any) -> Any:
        """Check and convert a value given on the command line or by a caller.

        >>> Param("days", "int").convert("30")
        30
        """
        if raw is None:
            return None
        if self.type == "int":
            try:
                return int(raw)
            except (TypeError, ValueError):
                raise ParamError(f"parameter {self.name!r} must be an integer, not {raw!r}") from None
        if self.type == "date":
            text = raw.isoformat() if isinstance(raw, _dt.date) else str(raw).strip()
            try:
                if not _DATE.match(text):
                    text = _thai_date(text)
                _dt.date.fromisoformat((text + "-01-01")[:10])  # month 13, day 32 ...
            except ValueError:
                raise ParamError(f"parameter {self.name!r} must be a date (YYYY-MM-DD or Thai, "
                                 f"e.g. 1 ม.ค. 2568), not {raw!r}") from None
            return text
        if self.type == "bool":
            flag = str(raw).strip().casefold()
            if flag not in _BOOLS:
                raise ParamError(f"parameter {self.name!r} must be true or false, not {raw!r}")
            return _BOOLS[flag]
        text = str(raw).strip()
        if not text:
            raise ParamError(f"parameter {self.name!r} is empty")
        return text


def _thai_date(text: str) -> str:
    """A date as Thai documents write it (``1 ม.ค. 2568``, ``16 มิถุนายน 2565``, Thai
    digits) -> ISO text; raises ValueError when it is not one.

    >>> _thai_date("1 ม.ค. 2568"), _thai_date("มีนาคม 2564")
    ('2025-01-01', '2021-03')
    """
    from phakhi.loaders.dates import parse_thai_date

    # Thai script only: a bare 16/06/2022 could be read as day/month or month/day
    found = parse_thai_date(text) if re.search("[\u0e00-\u0e7f]", text) else None
    if found is None or found.as_written.strip() != text.strip():
        raise ValueError(text)
    iso = found.start.isoformat()
    return iso[:7] if found.precision == "month" else iso


@dataclass(frozen=True)
class CannedQuery:
    """One canned question (see ``canned.yaml``)."""

    id: str
    title_th: str
    title_en: str
    params: tuple[Param, ...]
    columns: tuple[str, ...]
    sort: tuple[str, ...]
    cypher: str
    limits: dict[str, int] = field(default_factory=dict)

    def param(self, name: str) -> Param:
        for p in self.params:
            if p.name == name:
                return p
        raise ParamError(f"question {self.id!r} has no parameter {name!r} "
                         f"(it takes: {', '.join(p.name for p in self.params) or 'none'})")

    def bind(self, given: dict[str, Any]) -> dict[str, Any]:
        """All parameters with defaults filled in and values converted; raises ParamError."""
        for name in given:
            self.param(name)
        out: dict[str, Any] = {}
        for p in self.params:
            value = p.convert(given.get(p.name, p.default))
            if value is None and p.required:
                raise ParamError(f"question {self.id!r} needs --param {p.name}=…")
            if p.type == "int" and value is not None and p.name in self.limits:
                lo, hi = 0, self.limits[p.name]
                if not lo <= value <= hi:
                    raise ParamError(f"parameter {p.name!r} must be between {lo} and {hi}")
            out[p.name] = value
        return out


# -- the registry of NetworkX implementations -------------------------------------------

NxImpl = Callable[..., list[dict[str, Any]]]
_NX_IMPLS: dict[str, NxImpl] = {}
_CYPHER_POST: dict[str, Callable[[list[dict[str, Any]], dict[str, Any]], list[dict[str, Any]]]] = {}


def networkx_impl(query_id: str) -> Callable[[NxImpl], NxImpl]:
    """Register ``func(g, **params) -> rows`` as the NetworkX answer of ``query_id``."""

    def register(func: NxImpl) -> NxImpl:
        _NX_IMPLS[query_id] = func
        return func

    return register


def cypher_post(query_id: str) -> Callable:
    """Register a function that reshapes the raw Cypher records of ``query_id`` (e.g. a
    path object into one row per step) before :func:`finish_rows`."""

    def register(func: Callable) -> Callable:
        _CYPHER_POST[query_id] = func
        return func

    return register


def nx_impl_of(query_id: str) -> NxImpl:
    _load_impls()
    return _NX_IMPLS[query_id]


def cypher_post_of(query_id: str) -> Callable | None:
    _load_impls()
    return _CYPHER_POST.get(query_id)


def _load_impls() -> None:
    # Importing the module runs its @networkx_impl decorators.
    import phakhi.queries.nx_impl  # noqa: F401


# -- loading ---------------------------------------------------------------------------

def expand_templates(cypher: str, onto: Ontology) -> str:
    """Replace ``{{AbstractType}}`` with its concrete labels joined by ``|`` and
    ``{{label(x)}}`` with the expression giving node x's ontology label.

    >>> expand_templates("(x:{{Place}})", load_ontology())
    '(x:Province|Venue)'
    """

    def label_set(m: re.Match[str]) -> str:
        try:
            onto.node_type(m.group(1))
        except OntologyError as exc:
            raise CatalogError(f"template {m.group(0)}: {exc}") from None
        return "|".join(sorted(onto.subtypes(m.group(1))))

    cypher = _LABEL_OF.sub(lambda m: f"head([l IN labels({m.group(1)}) WHERE l <> 'Entity'])", cypher)
    return _TEMPLATE.sub(label_set, cypher)


def check_cypher_names(cypher: str, onto: Ontology, where: str = "cypher") -> None:
    """Raise CatalogError when a label or relationship type is not in the ontology."""
    bare = _STRINGS.sub("''", cypher)
    for m in _LABEL_USE.finditer(bare):
        for name in (part.strip() for part in m.group(1).split("|")):
            if name in STORE_LABELS or name in onto.relationship_types:
                continue
            try:
                onto.check_label(name)
            except OntologyError as exc:
                raise CatalogError(f"{where}: {exc}") from None


def parse_catalog(data: Any, onto: Ontology, source: str = "canned.yaml") -> dict[str, CannedQuery]:
    if not isinstance(data, dict) or not isinstance(data.get("queries"), list):
        raise CatalogError(f"{source}: expected a mapping with a 'queries' list")
    out: dict[str, CannedQuery] = {}
    for i, raw in enumerate(data["queries"]):
        where = f"{source}: query {raw.get('id', f'#{i + 1}') if isinstance(raw, dict) else i + 1}"
        if not isinstance(raw, dict):
            raise CatalogError(f"{where}: must be a mapping")
        for required in ("id", "title_th", "title_en", "columns", "cypher"):
            if not raw.get(required):
                raise CatalogError(f"{where}: missing {required!r}")
        params = []
        for p in raw.get("params") or []:
            if not isinstance(p, dict) or not p.get("name") or p.get("type") not in PARAM_TYPES:
                raise CatalogError(f"{where}: parameter {p!r} needs a name and a type in {sorted(PARAM_TYPES)}")
            params.append(Param(str(p["name"]), p["type"], bool(p.get("required", False)),
                                p.get("default"), str(p.get("doc", ""))))
        cypher = expand_templates(str(raw["cypher"]), onto)
        check_cypher_names(cypher, onto, where)
        columns = tuple(raw["columns"])
        sort = tuple(raw.get("sort") or columns)
        if not set(sort) <= set(columns):
            raise CatalogError(f"{where}: sort keys {sorted(set(sort) - set(columns))} are not columns")
        qid = str(raw["id"])
        if qid in out:
            raise CatalogError(f"{where}: id declared twice")
        out[qid] = CannedQuery(qid, raw["title_th"], raw["title_en"], tuple(params), columns, sort,
                               cypher, dict(raw.get("limits") or {}))
    return out


@functools.lru_cache(maxsize=2)
def load_catalog(path: str | Path = CATALOG_PATH) -> dict[str, CannedQuery]:
    """Load the catalogue, check it against the ontology and the NetworkX registry."""
    path = Path(path)
    try:
        data = read_yaml(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise CatalogError(f"{path}: cannot read catalogue: {exc}") from exc
    catalog = parse_catalog(data, load_ontology(), str(path.name))
    _load_impls()
    missing = sorted(set(catalog) - set(_NX_IMPLS))
    if missing and path == CATALOG_PATH:
        raise CatalogError(f"{path.name}: no NetworkX implementation for {missing}")
    return catalog


# -- canonical rows --------------------------------------------------------------------

def canonical_value(value: Any) -> Any:
    """The comparable form of one cell: dates -> ISO text, lists -> sorted, no None inside.

    >>> canonical_value(["b", None, "a", "b"])
    ['a', 'b']
    >>> canonical_value(_dt.date(2022, 6, 16))
    '2022-06-16'
    """
    if value is None or isinstance(value, (bool, int, str)):
        return value
    if isinstance(value, float):
        return int(value) if value.is_integer() else value
    if isinstance(value, (list, tuple, set, frozenset)):
        items = [canonical_value(v) for v in value if v is not None]
        unique: list[Any] = []
        for v in items:
            if v not in unique:
                unique.append(v)
        return sorted(unique, key=_sort_key)
    if isinstance(value, dict):
        return {k: canonical_value(v) for k, v in sorted(value.items())}
    iso = getattr(value, "iso_format", None) or getattr(value, "isoformat", None)
    if iso is not None:  # datetime.date and neo4j.time.Date
        return str(iso())[:10] if _is_date_only(value) else str(iso())
    return str(value)


def _is_date_only(value: Any) -> bool:
    return not hasattr(value, "hour")


def _sort_key(v: Any) -> tuple:
    """Total order over mixed cells: None last, numbers before text."""
    if v is None:
        return (3, "")
    if isinstance(v, bool):
        return (0, int(v), "")
    if isinstance(v, (int, float)):
        return (0, v, "")
    if isinstance(v, (list, dict)):
        return (2, str(v))
    return (1, 0, str(v))


def finish_rows(rows: Sequence[dict[str, Any]], columns: Sequence[str],
                sort: Sequence[str]) -> list[dict[str, Any]]:
    """Rows reduced to ``columns`` with canonical values, deduplicated, sorted by ``sort``
    then by every column (so ties never depend on the engine)."""
    out: list[dict[str, Any]] = []
    seen: set[str] = set()
    for r in rows:
        row = {c: canonical_value(r.get(c)) for c in columns}
        marker = repr(row)
        if marker not in seen:
            seen.add(marker)
            out.append(row)
    keys = list(sort) + [c for c in columns if c not in sort]
    out.sort(key=lambda r: tuple(_sort_key(r[k]) for k in keys))
    return out
