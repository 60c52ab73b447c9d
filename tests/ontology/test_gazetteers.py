"""The gazetteers (ontology/gazetteers/*.yaml): they load, hold what the project needs,
look up surface forms the way documents write them, and reject broken data with a message
that names the file and the entry."""
from __future__ import annotations

import re
import shutil
import unicodedata
from collections import Counter
from pathlib import Path

import pytest

from phakhi.ontology import load_ontology
from phakhi.ontology.gazetteer import (
    GAZETTEER_DIR, HONORIFIC_KINDS, POSITION_KINDS, REGIONS, Entry, GazetteerError,
    load_gazetteer, lookup_key, normalise_surface, parse_gazetteer_dir)

CORPUS = Path(__file__).resolve().parents[2] / "examples" / "corpus"


@pytest.fixture(scope="module")
def gaz():
    return load_gazetteer()


def keys(entries: list[Entry]) -> list[str]:
    return [e.key for e in entries]


# -- the shipped data ----------------------------------------------------------------------

def test_loads_and_is_cached(gaz):
    assert load_gazetteer() is gaz
    assert len(gaz.entries) > 300


def test_keys_are_unique_across_files():
    seen: Counter[str] = Counter()
    import yaml
    for path in GAZETTEER_DIR.glob("*.yaml"):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        items = data.get("entries", []) if isinstance(data, dict) else data
        seen.update(item["key"] for item in items if isinstance(item, dict) and "key" in item)
    assert seen and [k for k, n in seen.items() if n > 1] == []


def test_every_parent_and_reference_exists(gaz):
    for e in gaz.entries.values():
        if e.parent is not None:
            assert e.parent in gaz.entries, e.key
            assert e.parent != e.key
        succ = e.extra.get("succeeded_by")
        if succ:
            assert succ["key"] in gaz.entries, e.key


def test_types_are_concrete_labels_and_sources_are_given(gaz):
    labels = set(load_ontology().labels)
    for e in gaz.entries.values():
        assert e.type in labels, e.key
        assert e.source.strip() and e.name_th.strip(), e.key


def test_77_provinces_with_unique_iso_codes_and_regions(gaz):
    provinces = gaz.provinces
    assert len(provinces) == 77
    codes = [p.extra["iso_code"] for p in provinces]
    assert len(set(codes)) == 77
    assert codes[0] == "TH-10" and codes[-1] == "TH-96"
    assert all(p.key == p.extra["iso_code"].lower() for p in provinces)
    assert {p.extra["region"] for p in provinces} == REGIONS
    # the six-region scheme: 9 north, 20 northeast, 22 central, 7 east, 5 west, 14 south
    assert Counter(p.extra["region"] for p in provinces) == {
        "north": 9, "northeast": 20, "central": 22, "east": 7, "west": 5, "south": 14}
    assert gaz.get("th-14").name_th == "พระนครศรีอยุธยา"
    assert gaz.get("th-14").name_en == "Phra Nakhon Si Ayutthaya"


def test_at_least_150_government_bodies(gaz):
    onto = load_ontology()
    bodies = gaz.by_type(*onto.subtypes("GovernmentBody"))
    assert len(bodies) >= 150
    counts = Counter(e.type for e in bodies)
    assert counts["Ministry"] >= 20 and counts["Department"] >= 60


def test_all_current_ministries_are_present(gaz):
    current = [e for e in gaz.by_type("Ministry") if not e.extra.get("defunct")]
    assert len(current) == 20  # 19 ministries + the Office of the Prime Minister
    abbrs = {a for e in current for a in e.abbr_th}
    for abbr in ("มท.", "สธ.", "กษ.", "ศธ.", "พม.", "กค.", "กต.", "กห.", "คค.", "ทส.", "พณ.", "รง.",
                 "วธ.", "อว.", "ดศ.", "พน.", "ยธ.", "กก.", "อก.", "นร."):
        assert abbr in abbrs, abbr


def test_no_shared_abbreviation_within_a_type_without_a_note(gaz):
    owners: dict[tuple[str, str], list[Entry]] = {}
    for e in gaz.entries.values():
        for a in set(map(lookup_key, e.abbr_th + e.abbr_en)):
            owners.setdefault((e.type, a), []).append(e)
    for (type_, abbr), entries in owners.items():
        if len(entries) > 1:
            assert any(e.extra.get("abbr_shared_note") for e in entries), (type_, abbr, keys(entries))


def test_surfaces_are_normalised(gaz):
    for e in gaz.entries.values():
        for s in e.surfaces():
            assert s == normalise_surface(s), (e.key, s)
            assert unicodedata.is_normalized("NFC", s)


def test_honorifics_and_positions(gaz):
    assert {h.kind for h in gaz.honorifics} <= HONORIFIC_KINDS
    assert {"civil", "military", "police", "academic", "medical", "royal"} <= {h.kind for h in gaz.honorifics}
    assert gaz.honorific("พล.อ.").full == "พลเอก"
    assert gaz.honorific("ว่าที่ร.ต.").full == "ว่าที่ร้อยตรี"   # spacing ignored
    assert gaz.honorific("พ.ต.อ").kind == "police"              # final dot ignored
    assert "เรือเอก" in gaz.honorific("ร.อ.").also_full
    assert gaz.honorific("นายกเทศมนตรี") is None
    assert {p.kind for p in gaz.positions} <= POSITION_KINDS
    dg = gaz.position("อธิบดี")
    assert dg.org_types == ("Department",) and not dg.standalone and dg.kind == "head"
    assert gaz.position("ผู้ว่าราชการจังหวัด").standalone
    assert gaz.position("นายก อบจ.").title_th == "นายกองค์การบริหารส่วนจังหวัด"
    assert gaz.position("กำนัน").kind == "village"


# -- look-up -------------------------------------------------------------------------------

def test_abbreviation_name_alias_and_english_give_the_same_entry(gaz):
    cdd = gaz.lookup("พช.")
    assert keys(cdd) == ["cdd"]
    assert gaz.lookup("กรมพัฒนาชุมชน") == cdd            # common misnomer, listed as alias
    assert gaz.lookup("Community Development Department") == cdd
    assert gaz.lookup("community development department") == cdd
    assert gaz.lookup("กรมการพัฒนาชุมชน") == cdd
    assert keys(gaz.parents("cdd")) == ["moi"]


def test_misspelling_is_found_and_marked(gaz):
    [udon] = gaz.lookup("อุตรธานี")
    assert udon.name_th == "อุดรธานี" and udon.key == "th-41"
    assert "อุตรธานี" in udon.misspellings
    assert "อุตรธานี" not in udon.surfaces(include_misspellings=False)


def test_abbreviations_match_with_or_without_dots_and_spaces(gaz):
    forms = ["สนง.กกต.จว.", "สนง. กกต. จว.", "สนง.กกต.จว", "สนง.\u00a0กกต.\u200bจว."]
    found = {tuple(keys(gaz.lookup(f))) for f in forms}
    assert found == {("ect_provincial_office",)}
    assert keys(gaz.lookup("สำนักงาน กกต. จังหวัด")) == ["ect_provincial_office"]
    assert keys(gaz.lookup("มท")) == ["moi"]


def test_election_commission_and_its_office_are_two_entries(gaz):
    [ect] = gaz.lookup("กกต.")
    [office] = gaz.lookup("สำนักงาน กกต.")
    assert (ect.key, office.key) == ("ect", "ect_office")
    assert office.parent == "ect" and ect.type == office.type == "IndependentAgency"
    center = gaz.lookup("ศส.ปชต.")[0]
    assert center.type == "Center" and keys(gaz.parents(center.key)) == ["ect_office", "ect"]


def test_shared_names_return_every_entry_best_match_first(gaz):
    assert keys(gaz.lookup("กทม.")) == ["bma", "th-10"]
    assert keys(gaz.lookup("กรุงเทพมหานคร")) == ["bma", "th-10"] or \
        keys(gaz.lookup("กรุงเทพมหานคร")) == ["th-10", "bma"]
    assert keys(gaz.lookup("กทม.", types=["Province"])) == ["th-10"]
    assert gaz.lookup("ไม่มีหน่วยงานนี้") == []


def test_renamed_body_keeps_its_entry_and_points_to_the_successor(gaz):
    [onie] = gaz.lookup("กศน.")
    assert onie.type == "Office"
    succ = onie.extra["succeeded_by"]
    assert succ["key"] == "dole" and succ["date"].startswith("2023")
    assert gaz.get("dole").name_th == "กรมส่งเสริมการเรียนรู้"


def test_networks_point_to_their_overseeing_bodies(gaz):
    assert gaz.lookup("อสม.")[0].parent == "hss"
    assert gaz.lookup("เครือข่ายอาสาสมัครสาธารณสุขประจำหมู่บ้าน") == gaz.lookup("อสม.")
    assert gaz.lookup("คณะกรรมการพัฒนาสตรีทุกระดับ")[0].parent == "cdd"
    assert gaz.lookup("กรรมการหมู่บ้าน")[0].parent == "dopa"
    assert gaz.lookup("ศพอส.")[0].parent == "dop"
    assert gaz.lookup("อพม.")[0].parent == "dsdw"


def test_normalise_surface():
    assert normalise_surface("  กรม\u00a0การ\u200bปกครอง  ") == "กรม การปกครอง"
    assert normalise_surface("ปี ๒๕๖๕") == "ปี 2565"
    assert normalise_surface("สำนักงาน") == "สำนักงาน"
    assert normalise_surface("ส\u0e4d\u0e32นักงาน") == "สำนักงาน"   # decomposed sara am (PDF text)
    assert normalise_surface("ที่") == "ที่"                        # tone marks kept
    assert lookup_key("สนง. กกต. จว.") == lookup_key("สนง.กกต.จว")


def test_names_written_with_their_abbreviation_in_the_corpus_agree(gaz):
    """Where a sample document writes "<known name> (<known abbreviation>)", both forms
    resolve to the same entry — a check of the data against real usage."""
    pattern = re.compile(r"([\u0e00-\u0e7f]+)\s*\(([\u0e00-\u0e7f.]{2,15})\)")
    checked = 0
    for path in sorted(CORPUS.glob("*.txt")):
        for before, abbr in pattern.findall(path.read_text(encoding="utf-8")):
            named = next((gaz.lookup(before[i:]) for i in range(len(before) - 2)
                          if gaz.lookup(before[i:])), [])
            by_abbr = gaz.lookup(abbr)
            if named and by_abbr:
                assert set(keys(named)) & set(keys(by_abbr)), (path.name, before, abbr)
                checked += 1
    assert checked >= 3


# -- broken data ---------------------------------------------------------------------------

def _gaz_dir(tmp_path: Path, **files: str) -> Path:
    """A gazetteer dir with the real provinces plus the given files (name -> YAML text)."""
    shutil.copy(GAZETTEER_DIR / "provinces.yaml", tmp_path / "provinces.yaml")
    for name, text in files.items():
        (tmp_path / f"{name}.yaml").write_text(text, encoding="utf-8")
    return tmp_path


GOOD = """
- {key: moi, type: Ministry, name_th: กระทรวงมหาดไทย, abbr_th: [มท.], source: https://www.moi.go.th}
- {key: cdd, type: Department, parent: moi, name_th: กรมการพัฒนาชุมชน, abbr_th: [พช.], source: https://www.cdd.go.th}
"""


def test_a_small_valid_directory_loads(tmp_path):
    gaz = parse_gazetteer_dir(_gaz_dir(tmp_path, departments=GOOD))
    assert keys(gaz.parents("cdd")) == ["moi"] and len(gaz.provinces) == 77


def test_missing_parent_names_file_entry_and_parent(tmp_path):
    bad = GOOD.replace("parent: moi", "parent: nowhere")
    with pytest.raises(GazetteerError, match=r"departments\.yaml: entry 'cdd': parent 'nowhere' does not exist"):
        parse_gazetteer_dir(_gaz_dir(tmp_path, departments=bad))


def test_unreadable_yaml_names_the_file(tmp_path):
    with pytest.raises(GazetteerError, match=r"broken\.yaml: cannot read YAML"):
        parse_gazetteer_dir(_gaz_dir(tmp_path, broken="- {key: x, name_th: [unclosed"))


def test_duplicate_key_across_files(tmp_path):
    with pytest.raises(GazetteerError, match=r"b\.yaml: entry 'moi': key already used in .*a\.yaml"):
        parse_gazetteer_dir(_gaz_dir(tmp_path, a=GOOD, b=GOOD))


def test_type_must_be_a_concrete_label(tmp_path):
    for bad_type in ("GovernmentBody", "Ministy"):
        with pytest.raises(GazetteerError, match=rf"entry 'moi': type '{bad_type}' is not a concrete"):
            parse_gazetteer_dir(_gaz_dir(tmp_path, d=GOOD.replace("type: Ministry", f"type: {bad_type}")))


def test_required_fields_and_unknown_fields(tmp_path):
    with pytest.raises(GazetteerError, match=r"d\.yaml: entry 'moi': missing 'source'"):
        parse_gazetteer_dir(_gaz_dir(tmp_path, d=GOOD.replace(", source: https://www.moi.go.th", "")))
    with pytest.raises(GazetteerError, match=r"entry 'moi': unknown field\(s\) \['abbr'\]"):
        parse_gazetteer_dir(_gaz_dir(tmp_path, d=GOOD.replace("abbr_th: [มท.]", "abbr: [มท.]")))


def test_shared_abbreviation_within_a_type_needs_a_note(tmp_path):
    two = GOOD + "- {key: dopa, type: Department, parent: moi, name_th: กรมการปกครอง, abbr_th: [พช], source: x}\n"
    with pytest.raises(GazetteerError, match=r"entry 'dopa': abbreviation 'พช' is also 'cdd'"):
        parse_gazetteer_dir(_gaz_dir(tmp_path, d=two))
    noted = two.replace("source: x}", "source: x, abbr_shared_note: test}")
    assert len(parse_gazetteer_dir(_gaz_dir(tmp_path, d=noted)).lookup("พช.")) == 2


def test_province_count_and_codes_are_checked(tmp_path):
    text = (GAZETTEER_DIR / "provinces.yaml").read_text(encoding="utf-8")
    lines = text.splitlines()
    dropped = "\n".join(line for line in lines if "key: th-96" not in line)
    (tmp_path / "provinces.yaml").write_text(dropped, encoding="utf-8")
    with pytest.raises(GazetteerError, match=r"provinces\.yaml: expected 77 provinces, found 76"):
        parse_gazetteer_dir(tmp_path)
    (tmp_path / "provinces.yaml").write_text(text.replace("iso_code: TH-96", "iso_code: TH-95"), encoding="utf-8")
    with pytest.raises(GazetteerError, match=r"provinces\.yaml: entry 'th-9[56]'"):
        parse_gazetteer_dir(tmp_path)


def test_successor_reference_is_checked(tmp_path):
    bad = GOOD.replace("source: https://www.cdd.go.th}",
                       "source: x, extra: {succeeded_by: {key: ghost, date: '2023-04-20'}}}")
    with pytest.raises(GazetteerError, match=r"entry 'cdd': succeeded_by 'ghost' does not exist"):
        parse_gazetteer_dir(_gaz_dir(tmp_path, d=bad))


def test_bad_honorific_and_position_files_name_the_file(tmp_path):
    d = _gaz_dir(tmp_path, d=GOOD, honorifics="- {text: นาย, kind: noble, source: x}")
    with pytest.raises(GazetteerError, match=r"honorifics\.yaml: honorific 'นาย': kind 'noble'"):
        parse_gazetteer_dir(d)
    (d / "honorifics.yaml").unlink()
    (d / "positions.yaml").write_text(
        "- {title_th: อธิบดี, kind: head, org_types: [Dept], standalone: false, source: x}", encoding="utf-8")
    with pytest.raises(GazetteerError, match=r"positions\.yaml: position 'อธิบดี': org type 'Dept'"):
        parse_gazetteer_dir(d)


def test_missing_directory(tmp_path):
    with pytest.raises(GazetteerError, match="does not exist"):
        parse_gazetteer_dir(tmp_path / "nope")
