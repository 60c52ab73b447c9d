"""Fixtures for the view tests: graphs built inline, one real headless Chromium per test
module (driven by playwright) that records requests and console errors, and a minimal PNG
reader for screenshots (no Pillow here). Helpers reach tests as fixtures (tests import
with --import-mode=importlib, so a conftest is not importable)."""
from __future__ import annotations

import random
import shutil
import struct
import tempfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterator

import networkx as nx
import pytest
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
XSS_NAMES = ("<script>window.__xss=1</script>", '<img src=x onerror="window.__xss=1">')


def prov(doc: str, sentence: str) -> list[dict[str, Any]]:
    return [{"doc_id": doc, "start": 0, "end": len(sentence), "sentence": sentence, "path": f"/c/{doc}.txt"}]


def make_small_graph() -> nx.MultiDiGraph:
    """A ministry, two departments, a volunteer network, an agreement they are party to,
    a signatory, provinces with trainer counts (one 0, one blank)."""
    g = nx.MultiDiGraph()
    g.add_node("ref:moi", type="Ministry", name="กระทรวงมหาดไทย", aliases=["มท."],
               name_en="Ministry of Interior", provenance=prov("d1", "กระทรวงมหาดไทยร่วมลงนาม"))
    g.add_node("ref:dopa", type="Department", name="กรมการปกครอง", aliases=["ปค."],
               name_en="Department of Provincial Administration",
               provenance=prov("d1", "กรมการปกครองลงนามบันทึกข้อตกลงความร่วมมือ"))
    g.add_node("ref:cdd", type="Department", name="กรมการพัฒนาชุมชน", aliases=["พช."],
               name_en="Community Development Department")
    g.add_node("ref:ect", type="IndependentAgency", name="สำนักงานคณะกรรมการการเลือกตั้ง",
               aliases=["สำนักงาน กกต."])
    g.add_node("VolunteerNetwork:ศส.ปชต.", type="VolunteerNetwork", name="เครือข่ายอาสาสมัครประชาธิปไตย")
    g.add_node("Agreement:mou1", type="Agreement", name="บันทึกข้อตกลงความร่วมมือ", date="2022-06-16",
               duration_years=3.0, end_date="2025-06-16")
    g.add_node("Agreement:mou2", type="Agreement", name="บันทึกข้อตกลงว่าด้วยการเลือกตั้ง")
    g.add_node("Person:สมชาย", type="Person", name="นายสมชาย ใจดี")
    g.add_node("ref:bkk", type="Province", name="กรุงเทพมหานคร")
    g.add_node("ref:cmi", type="Province", name="เชียงใหม่")
    edges = [("ref:dopa", "ref:moi", "PART_OF", {}), ("ref:cdd", "ref:moi", "PART_OF", {}),
             ("ref:dopa", "Agreement:mou1", "PARTY_TO", {}), ("ref:ect", "Agreement:mou1", "PARTY_TO", {}),
             ("ref:cdd", "Agreement:mou2", "PARTY_TO", {}), ("ref:ect", "Agreement:mou2", "PARTY_TO", {}),
             ("Person:สมชาย", "Agreement:mou1", "SIGNS", {"on_behalf_of": "ref:dopa"}),
             ("VolunteerNetwork:ศส.ปชต.", "ref:ect", "PART_OF", {}),
             ("ref:bkk", "ref:dopa", "HAS_TRAINERS", {"count": 12}),
             ("ref:cmi", "ref:dopa", "HAS_TRAINERS", {"count": 0}),
             ("ref:bkk", "ref:cdd", "HAS_TRAINERS", {"count": None})]
    for i, (u, v, t, props) in enumerate(edges):
        g.add_edge(u, v, key=f"{t}:{i}", type=t, provenance=prov("d1", f"ประโยค {i}"), **props)
    return g


def make_xss_graph() -> nx.MultiDiGraph:
    """The small graph plus nodes whose names and sentences try to run script."""
    g = make_small_graph()
    for i, bad in enumerate(XSS_NAMES):
        g.add_node(f"Person:bad{i}", type="Person", name=bad, aliases=[f"</script>{bad}"],
                   provenance=prov(bad, bad))
        g.add_edge(f"Person:bad{i}", "Agreement:mou1", key=f"SIGNS:bad{i}", type="SIGNS", as_position=bad)
        g.add_edge(f"Person:bad{i}", "Agreement:mou2", key=f"PARTY_TO:bad{i}", type="PARTY_TO")
    g.add_node("Agreement:bad", type="Agreement", name=XSS_NAMES[0], date_as_written=XSS_NAMES[1])
    g.add_edge("ref:bkk", "Person:bad0", key="HAS_TRAINERS:bad", type="HAS_TRAINERS", count=None)
    return g


def big_graph(n: int, seed: int = 1) -> nx.MultiDiGraph:
    """``n`` nodes: departments PART_OF a dozen ministries, networks LOCATED_IN provinces,
    agreements, and random cooperation edges."""
    rnd = random.Random(seed)
    g = nx.MultiDiGraph()
    ministries = [f"ref:m{i}" for i in range(12)]
    provinces = [f"ref:p{i}" for i in range(20)]
    for m in ministries:
        g.add_node(m, type="Ministry", name=f"กระทรวงที่ {m[5:]}")
    for p in provinces:
        g.add_node(p, type="Province", name=f"จังหวัดที่ {p[5:]}")
    i = 0
    while g.number_of_nodes() < n:
        i += 1
        nid, roll = f"n{i}", rnd.random()
        if roll < 0.6:
            g.add_node(nid, type="Department", name=f"หน่วยงานที่ {i}")
            g.add_edge(nid, rnd.choice(ministries), key=f"PART_OF:{i}", type="PART_OF")
        elif roll < 0.8:
            g.add_node(nid, type="VolunteerNetwork", name=f"เครือข่ายที่ {i}")
            g.add_edge(nid, rnd.choice(provinces), key=f"LOCATED_IN:{i}", type="LOCATED_IN")
        else:
            g.add_node(nid, type="Agreement", name=f"ข้อตกลงที่ {i}")
    nodes = sorted(g.nodes)
    for j in range(n // 3):
        a, b = rnd.sample(nodes, 2)
        g.add_edge(a, b, key=f"COOPERATES_WITH:{j}", type="COOPERATES_WITH")
    return g


# -- the browser --------------------------------------------------------------------------------
@dataclass
class Loaded:
    """A page opened from file://, with what it asked the network for and what it logged."""

    page: Any
    requests: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def js(self, expression: str, arg: Any = None) -> Any:
        return self.page.evaluate(expression, arg)


class Browser:
    def __init__(self, context: Any) -> None:
        self.context = context

    def open(self, path: Path, *, fragment: str = "", wait_stable: bool = True) -> Loaded:
        page = self.context.new_page()
        loaded = Loaded(page)
        page.on("request", lambda r: loaded.requests.append(r.url))
        page.on("console", lambda m: m.type in ("error", "warning") and loaded.errors.append(f"{m.type}: {m.text}"))
        page.on("pageerror", lambda e: loaded.errors.append(f"pageerror: {e}"))
        page.goto(path.resolve().as_uri() + fragment)
        if wait_stable:
            page.wait_for_selector("body[data-stabilized=true]", state="attached", timeout=60_000)
        return loaded


# -- reading screenshots (no Pillow here: a minimal PNG decoder) --------------------------------
def decode_png(data: bytes) -> tuple[int, int, list[bytes]]:
    """(width, height, rows of RGB(A) bytes) of an 8-bit, non-interlaced RGB/RGBA PNG."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat, width = 8, b"", 0
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        chunk = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", chunk)
            assert depth == 8 and colour in (2, 6) and interlace == 0, (depth, colour, interlace)
            bpp = 3 if colour == 2 else 4
        elif kind == b"IDAT":
            idat += chunk
        pos += 12 + length
    raw = zlib.decompress(idat)
    stride = width * bpp
    rows: list[bytes] = []
    prev = bytearray(stride)
    for y in range(height):
        f = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            b = prev[i]
            c = prev[i - bpp] if i >= bpp else 0
            if f == 1:
                line[i] = (line[i] + a) & 255
            elif f == 2:
                line[i] = (line[i] + b) & 255
            elif f == 3:
                line[i] = (line[i] + (a + b) // 2) & 255
            elif f == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(bytes(line))
        prev = line
    return width, height, [bytes(r[i] for i in range(len(r)) if i % bpp < 3) for r in rows]


def dark_pixel_share(png: bytes) -> float:
    """Share of pixels clearly darker than the white background (ink)."""
    width, height, rows = decode_png(png)
    dark = sum(1 for row in rows for i in range(0, len(row), 3) if sum(row[i:i + 3]) < 3 * 160)
    return dark / max(1, width * height)


# -- fixtures -------------------------------------------------------------------------------------
@pytest.fixture
def small_graph() -> nx.MultiDiGraph:
    return make_small_graph()


@pytest.fixture
def xss_graph() -> nx.MultiDiGraph:
    return make_xss_graph()


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    """One headless Chromium for the whole module (a fresh profile directory)."""
    if not Path(CHROMIUM).exists():
        pytest.skip(f"{CHROMIUM} is not installed")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.skip("playwright is not installed")
    profile = tempfile.mkdtemp(prefix="phakhi-chromium-")
    with sync_playwright() as pw:
        context = pw.chromium.launch_persistent_context(
            profile, executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS,
            viewport={"width": 1280, "height": 860}, service_workers="block")
        try:
            yield Browser(context)
        finally:
            context.close()
            shutil.rmtree(profile, ignore_errors=True)


@pytest.fixture
def xss_names() -> tuple[str, ...]:
    return XSS_NAMES


@pytest.fixture
def make_big_graph() -> Callable[..., nx.MultiDiGraph]:
    return big_graph


@pytest.fixture
def ink() -> Callable[[bytes], float]:
    """``ink(png)``: share of dark pixels in a screenshot."""
    return dark_pixel_share
