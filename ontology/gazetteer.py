"""Reference data (gazetteers): the government bodies, networks, provinces, honorifics and
position titles that documents name, read from ``ontology/gazetteers/*.yaml``.

Every entry carries a stable ``key`` (unique across all files), an ontology label as
``type``, its Thai/English names, abbreviations and other surface forms, the ``parent``
that oversees it and the public ``source`` of those facts. :func:`load_gazetteer`
validates everything once and raises :class:`GazetteerError` naming the file and the entry.

File format: every ``*.yaml`` except ``honorifics.yaml`` and ``positions.yaml`` is a list
of entries, or ``{defaults: {...}, entries: [...]}`` (defaults fill fields an entry omits)::

    - key: cdd                      # unique across all files
      type: Department              # a concrete ontology label
      name_th: กรมการพัฒนาชุมชน
      name_en: Community Development Department
      abbr_th: [พช.]                # abbr_en, aliases_th, aliases_en likewise
      aliases_th: [กรมพัฒนาชุมชน]
      misspellings_th: []           # matched by lookup, kept in extra["misspellings"]
      parent: moi                   # the overseeing body's key
      source: https://www.cdd.go.th
      abbr_shared_note: ...         # only when another entry of this type has the same abbreviation
      extra: {succeeded_by: {key: ..., date: "2023-05-18"}}   # also predecessor, province,
                                    # kind_of, overseen_by, works_for, owner, oversees (keys, checked)

``honorifics.yaml``: ``honorifics: [{text, kind, full, also_full, source}]``;
``positions.yaml``: ``positions: [{title_th, title_en, kind, org_types, standalone, aliases_th, source}]``.

>>> gaz = load_gazetteer()
>>> gaz.lookup("พช.")[0].name_th
'กรมการพัฒนาชุมชน'
>>> [e.key for e in gaz.parents("cdd")]
['moi']
>>> normalise_surface("สนง. กกต.\u200b  จว.")
'สนง. กกต. จว.'
"""
from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any

import yaml

from phakhi.ontology import Ontology, OntologyError, load_ontology

GAZETTEER_DIR = Path(__file__).with_name("gazetteers")
_PACKAGE_ROOT = Path(__file__).resolve().parent.parent

HONORIFICS_FILE = "honorifics.yaml"
POSITIONS_FILE = "positions.yaml"
HONORIFIC_KINDS = frozenset({"civil", "military", "police", "academic", "medical", "royal", "other"})
POSITION_KINDS = frozenset({"head", "deputy", "member", "staff", "political", "local", "village"})
REGIONS = frozenset({"north", "northeast", "central", "east", "west", "south"})
PROVINCE_COUNT = 77
ISO_CODE = re.compile(r"^TH-\d\d$")

_ENTRY_FIELDS = frozenset({
    "key", "type", "name_th", "name_en", "abbr_th", "abbr_en", "aliases_th", "aliases_en",
    "misspellings_th", "misspellings_en", "parent", "source", "note", "extra", "abbr_shared_note"})
_HONORIFIC_FIELDS = frozenset({"text", "kind", "full", "also_full", "source", "note"})
_POSITION_FIELDS = frozenset({"title_th", "title_en", "kind", "org_types", "standalone",
                              "aliases_th", "abbr_th", "source", "note"})

# Zero-width characters that PDFs and web pages scatter inside Thai words.
_ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
_THAI_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")
_SPACES = re.compile(r"\s+")


class GazetteerError(ValueError):
    """A gazetteer file is unreadable, malformed or inconsistent (message names file + entry)."""


@dataclass(frozen=True)
class Entry:
    """One reference entity, e.g. ``Entry(key="cdd", type="Department", name_th="กรมการพัฒนาชุมชน", ...)``."""
    key: str
    type: str
    name_th: str
    name_en: str | None
    abbr_th: tuple[str, ...]
    abbr_en: tuple[str, ...]
    aliases_th: tuple[str, ...]
    aliases_en: tuple[str, ...]
    parent: str | None
    source: str
    note: str = ""
    # Mappings are unhashable: leave ``extra`` out of eq/hash so entries stay usable in sets.
    extra: Mapping[str, Any] = field(default_factory=lambda: MappingProxyType({}),
                                     compare=False, hash=False)

    @property
    def misspellings(self) -> tuple[str, ...]:
        """Known misspellings (matched by :meth:`Gazetteer.lookup`, never shown as names)."""
        return tuple(self.extra.get("misspellings", ()))

    def surfaces(self, include_misspellings: bool = True) -> tuple[str, ...]:
        """All surface forms: names, abbreviations, aliases (and misspellings), no duplicates.

        >>> load_gazetteer().get("moi").surfaces()[:3]
        ('กระทรวงมหาดไทย', 'Ministry of Interior', 'มท.')
        """
        forms = [self.name_th, *([self.name_en] if self.name_en else []), *self.abbr_th,
                 *self.abbr_en, *self.aliases_th, *self.aliases_en]
        if include_misspellings:
            forms += self.misspellings
        return tuple(dict.fromkeys(forms))


@dataclass(frozen=True)
class Honorific:
    """A title before a person's name: ``Honorific("พล.อ.", "military", "พลเอก")``.

    ``also_full``: other ranks written with the same abbreviation (ร.อ. is ร้อยเอก, and
    also เรือเอก and เรืออากาศเอก).
    """
    text: str
    kind: str
    full: str | None = None
    source: str = ""
    also_full: tuple[str, ...] = ()


@dataclass(frozen=True)
class PositionTitle:
    """A post title, e.g. อธิบดี (head of a Department) or ผู้ว่าราชการจังหวัด (standalone)."""
    title_th: str
    title_en: str | None
    kind: str
    org_types: tuple[str, ...]
    standalone: bool
    aliases_th: tuple[str, ...] = ()
    source: str = ""

    def surfaces(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys((self.title_th, *self.aliases_th)))


def normalise_surface(s: str) -> str:
    """NFC, drop zero-width characters, NBSP -> space, collapse spaces, Thai digits -> Arabic.

    Thai vowel and tone marks are kept (never NFKC: it splits ำ). A decomposed sara am
    (nikhahit + sara aa, a common PDF artefact) is recomposed to ำ.

    >>> normalise_surface("กรม\u00a0การปกครอง  ๒๕๖๖")
    'กรม การปกครอง 2566'
    """
    # Zero-width characters go first: between two marks they would block NFC's reordering,
    # and NFC runs again last so that the result is stable (idempotent).
    s = unicodedata.normalize("NFC", s.translate(_ZERO_WIDTH))
    s = s.replace("\u0e4d\u0e32", "\u0e33").translate(_THAI_DIGITS)
    return unicodedata.normalize("NFC", _SPACES.sub(" ", s.replace("\u00a0", " ")).strip())


def lookup_key(s: str) -> str:
    """The key :meth:`Gazetteer.lookup` compares: normalised, case-folded, without spaces
    and without final dots, so abbreviations match however they are spaced or ended.

    >>> lookup_key("สนง. กกต. จว.") == lookup_key("สนง.กกต.จว") == lookup_key("สนง.กกต.จว.")
    True
    """
    # spaces removed, then NFC again: a space between two marks kept them out of order
    return unicodedata.normalize("NFC", normalise_surface(s).casefold().replace(" ", "").rstrip("."))


@dataclass
class Gazetteer:
    """All reference data, indexed for look-up by surface form."""
    entries: dict[str, Entry]
    honorifics: list[Honorific]
    positions: list[PositionTitle]
    _index: dict[str, list[Entry]] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        # Per key, the entries ranked by how they carry the form: as a name, then as an
        # abbreviation, an alias, a misspelling (stable within a rank: file order).
        ranked: dict[str, dict[str, tuple[int, int, Entry]]] = {}
        for order, entry in enumerate(self.entries.values()):
            forms = [(0, entry.name_th), (0, entry.name_en or ""),
                     *((1, a) for a in entry.abbr_th + entry.abbr_en),
                     *((2, a) for a in entry.aliases_th + entry.aliases_en),
                     *((3, m) for m in entry.misspellings)]
            for rank, surface in forms:
                if not surface:
                    continue
                bucket = ranked.setdefault(lookup_key(surface), {})
                best = bucket.get(entry.key)
                if best is None or rank < best[0]:
                    bucket[entry.key] = (rank, order, entry)
        self._index = {k: [e for _, _, e in sorted(b.values(), key=lambda t: t[:2])]
                       for k, b in ranked.items()}

    @property
    def provinces(self) -> list[Entry]:
        """The 77 provinces (type Province), in ISO-code order."""
        return sorted(self.by_type("Province"), key=lambda e: e.extra["iso_code"])

    def get(self, key: str) -> Entry:
        try:
            return self.entries[key]
        except KeyError:
            raise KeyError(f"no gazetteer entry with key {key!r}") from None

    def by_type(self, *types: str) -> list[Entry]:
        """Entries whose type is one of ``types`` (concrete labels)."""
        wanted = set(types)
        return [e for e in self.entries.values() if e.type in wanted]

    def lookup(self, surface: str, types: Iterable[str] | None = None) -> list[Entry]:
        """Entries with ``surface`` as a name, abbreviation, alias or known misspelling.

        Exact match after :func:`lookup_key` (no fuzzy matching: that is the resolver's job).
        Several entries come back when a form is shared (กทม. = the province and the BMA).

        >>> [e.key for e in load_gazetteer().lookup("กทม.")]   # BMA's abbreviation, Bangkok's alias
        ['bma', 'th-10']
        """
        found = self._index.get(lookup_key(surface), [])
        if types is not None:
            allowed = set(types)
            found = [e for e in found if e.type in allowed]
        return list(found)

    def parents(self, key: str) -> list[Entry]:
        """The chain of overseeing bodies, nearest first: ``parents("cdd") -> [moi]``."""
        chain: list[Entry] = []
        cur = self.get(key).parent
        while cur is not None and all(e.key != cur for e in chain):
            chain.append(self.entries[cur])
            cur = self.entries[cur].parent
        return chain

    def surface_forms(self) -> Iterator[tuple[str, Entry]]:
        """Every (surface form, entry) pair, e.g. to build a text matcher."""
        for entry in self.entries.values():
            for surface in entry.surfaces():
                yield surface, entry

    def honorific(self, text: str) -> Honorific | None:
        """The honorific written as ``text`` (spacing and final dot ignored), if known."""
        key = lookup_key(text)
        return next((h for h in self.honorifics if lookup_key(h.text) == key), None)

    def position(self, title: str) -> PositionTitle | None:
        """The position title written as ``title`` (or one of its aliases), if known."""
        key = lookup_key(title)
        return next((p for p in self.positions
                     if any(lookup_key(s) == key for s in p.surfaces())), None)


# -- loading and validation -------------------------------------------------------------

def _display(path: Path) -> str:
    """``ontology/gazetteers/x.yaml`` for the shipped files, the full path otherwise."""
    try:
        return str(path.resolve().relative_to(_PACKAGE_ROOT))
    except ValueError:
        return str(path)


# libyaml's safe loader when present: the pure-Python one is ~10x slower on these files.
_SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _read_yaml(path: Path) -> Any:
    try:
        return yaml.load(path.read_text(encoding="utf-8"), Loader=_SafeLoader)  # noqa: S506 (safe loader)
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise GazetteerError(f"{_display(path)}: cannot read YAML: {reason}") from exc


def _items(data: Any, where: str, list_name: str) -> tuple[list[Any], dict[str, Any]]:
    """A file is a list of items, or a mapping ``{defaults: {...}, <list_name>: [...]}``."""
    if data is None:
        return [], {}
    if isinstance(data, list):
        return data, {}
    if isinstance(data, dict):
        defaults = data.get("defaults") or {}
        items = data.get(list_name)
        if not isinstance(defaults, dict) or not isinstance(items, list):
            raise GazetteerError(f"{where}: expected a list or a mapping with "
                                 f"'defaults' (mapping) and '{list_name}' (list)")
        return items, defaults
    raise GazetteerError(f"{where}: top level must be a list or a mapping")


def _strings(value: Any, where: str, name: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise GazetteerError(f"{where}: {name!r} must be a string or a list of non-empty strings")
    return tuple(normalise_surface(v) for v in value)


def _text(raw: dict[str, Any], name: str, where: str, required: bool) -> str | None:
    value = raw.get(name)
    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            raise GazetteerError(f"{where}: missing {name!r}")
        return None
    if not isinstance(value, str):
        raise GazetteerError(f"{where}: {name!r} must be a string")
    return normalise_surface(value)


def _entry(raw: Any, defaults: dict[str, Any], file_label: str, i: int,
           labels: set[str]) -> Entry:
    if not isinstance(raw, dict):
        raise GazetteerError(f"{file_label}: item {i + 1}: must be a mapping")
    raw = {**defaults, **raw}
    where = f"{file_label}: entry {raw.get('key', f'#{i + 1}')!r}"
    unknown = sorted(set(raw) - _ENTRY_FIELDS)
    if unknown:
        raise GazetteerError(f"{where}: unknown field(s) {unknown}")
    key = _text(raw, "key", where, required=True)
    type_ = _text(raw, "type", where, required=True)
    if type_ not in labels:
        raise GazetteerError(f"{where}: type {type_!r} is not a concrete node label of the ontology")
    extra = raw.get("extra") or {}
    if not isinstance(extra, dict):
        raise GazetteerError(f"{where}: 'extra' must be a mapping")
    extra = dict(extra)
    misspellings = (_strings(raw.get("misspellings_th"), where, "misspellings_th")
                    + _strings(raw.get("misspellings_en"), where, "misspellings_en"))
    if misspellings:
        extra["misspellings"] = misspellings
    if raw.get("abbr_shared_note"):
        extra["abbr_shared_note"] = str(raw["abbr_shared_note"])
    return Entry(
        key=key, type=type_,
        name_th=_text(raw, "name_th", where, required=True),
        name_en=_text(raw, "name_en", where, required=False),
        abbr_th=_strings(raw.get("abbr_th"), where, "abbr_th"),
        abbr_en=_strings(raw.get("abbr_en"), where, "abbr_en"),
        aliases_th=_strings(raw.get("aliases_th"), where, "aliases_th"),
        aliases_en=_strings(raw.get("aliases_en"), where, "aliases_en"),
        parent=_text(raw, "parent", where, required=False),
        source=_text(raw, "source", where, required=True),
        note=str(raw.get("note") or ""),
        extra=MappingProxyType(extra))


def _referenced_keys(entry: Entry) -> Iterator[tuple[str, str]]:
    """(field, key) pairs of other entries that ``entry`` names (parent, successor ...)."""
    if entry.parent:
        yield "parent", entry.parent
    succ = entry.extra.get("succeeded_by")
    if succ is not None:
        yield "succeeded_by", succ.get("key") if isinstance(succ, dict) else succ
    for name in ("predecessor", "province", "kind_of", "overseen_by", "works_for", "owner"):
        if entry.extra.get(name) is not None:
            yield name, entry.extra[name]
    oversees = entry.extra.get("oversees") or ()
    for key in [oversees] if isinstance(oversees, str) else oversees:
        yield "oversees", key


def _check_entries(entries: dict[str, Entry], origin: dict[str, str]) -> None:
    for key, entry in entries.items():
        where = f"{origin[key]}: entry {key!r}"
        for name, ref in _referenced_keys(entry):
            if not isinstance(ref, str) or ref not in entries:
                raise GazetteerError(f"{where}: {name} {ref!r} does not exist")
        succ = entry.extra.get("succeeded_by")
        if isinstance(succ, dict) and "date" in succ and not re.match(
                r"^\d{4}(-\d\d){0,2}$", str(succ["date"])):
            raise GazetteerError(f"{where}: succeeded_by date {succ['date']!r} is not YYYY[-MM[-DD]]")
    for key in entries:  # the parent chain must end (a cycle would hang parents())
        seen, cur = [key], entries[key].parent
        while cur is not None:
            if cur in seen:
                raise GazetteerError(f"{origin[key]}: entry {key!r}: parent cycle {seen + [cur]}")
            seen.append(cur)
            cur = entries[cur].parent
    # Two bodies of one type with the same abbreviation are ambiguous in text; allowed only
    # when documented (abbr_shared_note), e.g. a generic class and its best-known instance.
    seen_abbr: dict[tuple[str, str], str] = {}
    for key, entry in entries.items():
        for abbr in dict.fromkeys(lookup_key(a) for a in entry.abbr_th + entry.abbr_en):
            other = seen_abbr.get((entry.type, abbr))
            if other is None:
                seen_abbr[(entry.type, abbr)] = key
            elif not (entry.extra.get("abbr_shared_note")
                      or entries[other].extra.get("abbr_shared_note")):
                raise GazetteerError(
                    f"{origin[key]}: entry {key!r}: abbreviation {abbr!r} is also {other!r}'s "
                    f"(same type {entry.type}); add abbr_shared_note to allow it")


def _check_provinces(entries: dict[str, Entry], origin: dict[str, str]) -> None:
    provinces = [e for e in entries.values() if e.type == "Province"]
    codes: dict[str, str] = {}
    for p in provinces:
        where = f"{origin[p.key]}: entry {p.key!r}"
        code = p.extra.get("iso_code")
        if not isinstance(code, str) or not ISO_CODE.match(code):
            raise GazetteerError(f"{where}: extra.iso_code {code!r} is not an ISO 3166-2 code TH-nn")
        if p.key != code.lower():
            raise GazetteerError(f"{where}: key must be the lower-case ISO code {code.lower()!r}")
        if code in codes:
            raise GazetteerError(f"{where}: iso_code {code} is also {codes[code]!r}'s")
        codes[code] = p.key
        if p.extra.get("region") not in REGIONS:
            raise GazetteerError(f"{where}: region {p.extra.get('region')!r} is not one of {sorted(REGIONS)}")
    if len(provinces) != PROVINCE_COUNT:
        files = sorted({origin[p.key] for p in provinces}) or ["(no file)"]
        raise GazetteerError(f"{', '.join(files)}: expected {PROVINCE_COUNT} provinces, found {len(provinces)}")


def _records(path: Path, section: str, noun: str, name_field: str, allowed: frozenset[str] | set[str],
             kinds: frozenset[str] | set[str]) -> Iterator[tuple[str, dict[str, Any], str, str]]:
    """The items of a list-shaped file (honorifics, positions), defaults applied, each checked
    to be a mapping with known fields, a name and a known kind: ``(where, raw, name, kind)``."""
    label = _display(path)
    items, defaults = _items(_read_yaml(path), label, section)
    for i, raw in enumerate(items):
        if not isinstance(raw, dict):
            raise GazetteerError(f"{label}: item {i + 1}: must be a mapping")
        raw = {**defaults, **raw}
        where = f"{label}: {noun} {raw.get(name_field, f'#{i + 1}')!r}"
        unknown = sorted(set(raw) - set(allowed))
        if unknown:
            raise GazetteerError(f"{where}: unknown field(s) {unknown}")
        name = _text(raw, name_field, where, required=True)
        kind = _text(raw, "kind", where, required=True)
        if kind not in kinds:
            raise GazetteerError(f"{where}: kind {kind!r} is not one of {sorted(kinds)}")
        yield where, raw, name, kind


def _honorifics(path: Path) -> list[Honorific]:
    out, seen = [], set()
    for where, raw, text, kind in _records(path, "honorifics", "honorific", "text",
                                           _HONORIFIC_FIELDS, HONORIFIC_KINDS):
        source = _text(raw, "source", where, required=True)
        if text in seen:
            raise GazetteerError(f"{where}: listed twice")
        seen.add(text)
        out.append(Honorific(text, kind, _text(raw, "full", where, required=False), source,
                             _strings(raw.get("also_full"), where, "also_full")))
    return out


def _positions(path: Path, onto: Ontology) -> list[PositionTitle]:
    out, seen = [], set()
    for where, raw, title, kind in _records(path, "positions", "position", "title_th",
                                            _POSITION_FIELDS, POSITION_KINDS):
        org_types = _strings(raw.get("org_types"), where, "org_types")
        for t in org_types:
            if t not in onto.node_types:
                raise GazetteerError(f"{where}: org type {t!r} is not a node type of the ontology")
        if not isinstance(raw.get("standalone", False), bool):
            raise GazetteerError(f"{where}: 'standalone' must be true or false")
        if title in seen:
            raise GazetteerError(f"{where}: listed twice")
        seen.add(title)
        out.append(PositionTitle(
            title_th=title, title_en=_text(raw, "title_en", where, required=False), kind=kind,
            org_types=org_types, standalone=raw.get("standalone", False),
            aliases_th=(_strings(raw.get("aliases_th"), where, "aliases_th")
                        + _strings(raw.get("abbr_th"), where, "abbr_th")),
            source=_text(raw, "source", where, required=True)))
    return out


def parse_gazetteer_dir(directory: Path, onto: Ontology | None = None) -> Gazetteer:
    """Read and validate every ``*.yaml`` in ``directory`` (uncached; see :func:`load_gazetteer`)."""
    directory = Path(directory)
    if not directory.is_dir():
        raise GazetteerError(f"{_display(directory)}: gazetteer directory does not exist")
    try:
        onto = onto or load_ontology()
    except OntologyError as exc:
        raise GazetteerError(f"cannot load the ontology to check gazetteer types: {exc}") from exc
    labels = set(onto.labels)
    entries: dict[str, Entry] = {}
    origin: dict[str, str] = {}
    honorifics: list[Honorific] = []
    positions: list[PositionTitle] = []
    for path in sorted(directory.glob("*.yaml")):
        if path.name == HONORIFICS_FILE:
            honorifics = _honorifics(path)
            continue
        if path.name == POSITIONS_FILE:
            positions = _positions(path, onto)
            continue
        label = _display(path)
        items, defaults = _items(_read_yaml(path), label, "entries")
        for i, raw in enumerate(items):
            entry = _entry(raw, defaults, label, i, labels)
            if entry.key in entries:
                raise GazetteerError(f"{label}: entry {entry.key!r}: key already used in {origin[entry.key]}")
            entries[entry.key] = entry
            origin[entry.key] = label
    _check_entries(entries, origin)
    _check_provinces(entries, origin)
    return Gazetteer(entries=entries, honorifics=honorifics, positions=positions)


@functools.lru_cache(maxsize=4)
def load_gazetteer(directory: Path = GAZETTEER_DIR) -> Gazetteer:
    """Load and validate the gazetteers (cached: read once per process).

    >>> len(load_gazetteer().provinces)
    77
    """
    return parse_gazetteer_dir(Path(directory))
