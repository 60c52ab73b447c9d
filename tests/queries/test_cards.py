"""Issue 13 point 4: agreements have short labels and a full card (`phakhi show`)."""
from __future__ import annotations

import json
from pathlib import Path

LABELS = {"MOU พช.–สนง.กกต. · 3 ปี", "MOU ปค.–ผส.–สถ.–สนง.กกต. +1", "MOU มท.–สนง.กกต. · 16 มิ.ย. 2565",
          "MOU สธ.–สนง.กกต. · 28 เม.ย. 2565"}


def _show(store: Path, cli, name: str) -> dict:  # noqa: ANN001
    result = cli(store, "show", name, "--format", "json")
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def test_the_four_sample_agreements_have_distinct_short_labels(sample_cli_store: Path, phakhi_cli) -> None:
    rows = json.loads(phakhi_cli(sample_cli_store, "query", "expiring", "-p", "days=36500", "-p",
                                 "as_of=2020-01-01", "--format", "json").stdout)
    assert {r["agreement_label"] for r in rows} == LABELS
    table = phakhi_cli(sample_cli_store, "query", "agreements", "-p", "org=สำนักงาน กกต.").stdout
    assert all(label in table for label in LABELS) and "|doc:" not in table
    summary = phakhi_cli(sample_cli_store, "summary").stdout  # the two MOUs of the letter apart
    assert all(label in summary for label in LABELS)


def test_every_sample_agreement_has_a_full_card(sample_cli_store: Path, phakhi_cli) -> None:
    for label in LABELS:
        card = _show(sample_cli_store, phakhi_cli, label)
        assert card["type"] == "Agreement" and card["label"] == label and card["title"]
        assert len(card["parties"]) >= 2 and len(card["signers"]) == len(card["parties"])
        assert all(s["name"] and s["position"] and s["for_name"] for s in card["signers"])
        assert card["end_basis"]  # stated, inferred (from what), or why there is none
        assert card["sources"] and all(s["sentence"] and "/" not in s["document"] for s in card["sources"])
        text = phakhi_cli(sample_cli_store, "show", label).stdout
        for field in ("ชื่อเรื่อง (title)", "คู่ภาคี (parties)", "ผู้ลงนาม (signed by)",
                      "แหล่งที่มา (sources)"):
            assert field in text


def test_the_cdd_agreement_card(sample_cli_store: Path, phakhi_cli) -> None:
    card = _show(sample_cli_store, phakhi_cli, "MOU พช.–สนง.กกต. · 3 ปี")
    assert [w["name"] for w in card["witnesses"]] == ["โชคชัย แก้วป่อง", "ไพบุลย์ เหล็กพรหม"]
    assert (card["duration_years"], card["end_date"], card["notice"]) == (3, "2025-02-01", "30 วัน (days)")
    assert card["end_basis"].startswith("inferred: covering letter of 2022-02-01")
    clauses = {o["party_name"]: [c["clause"] for c in o["clauses"]] for o in card["obligations"]}
    assert clauses == {"กรมการพัฒนาชุมชน": [1, 2, 3, 4], "สำนักงานคณะกรรมการการเลือกตั้ง": [1, 2, 3, 4, 5]}
    assert card["covering_letters"][0]["date"] == "2022-02-01"
    text = phakhi_cli(sample_cli_store, "show", "MOU พช.–สนง.กกต. · 3 ปี").stdout
    assert "พยาน (witnesses)" in text and "พันธะของแต่ละฝ่าย (each party's obligations)" in text
    assert "วันสิ้นสุด (end date): 2025-02-01" in text


def test_show_takes_any_entity_by_name_or_id(sample_cli_store: Path, phakhi_cli) -> None:
    card = _show(sample_cli_store, phakhi_cli, "พช.")
    assert card["id"] == "ref:cdd" and card["name"] == "กรมการพัฒนาชุมชน"
    assert any(r["relation"] == "PARTY_TO" for r in card["relationships"])
    assert _show(sample_cli_store, phakhi_cli, "ref:cdd") == card
    missing = phakhi_cli(sample_cli_store, "show", "กรมที่ไม่มีจริง")
    assert missing.exit_code == 1 and "no entity is named" in missing.stderr
