"""``phakhi bench``: each figure measured side by side in one run, each step in its own process.

Steps (any subset, in this order):

* ``extract``  generate the corpus at ``scale``; extraction MB/s and docs/s against
  PyThaiNLP ``newmm`` tokenisation of the same text; F1 against the generated truth;
  ``phakhi ingest`` of the corpus end to end (every core, and one).
* ``neo4j``    load the graph (national facts at ``national`` + the corpus truth) into Neo4j
  four ways, with ratios: through the store (``write_many``, the store path), by a plain
  driver UNWIND load (the reference), by ``push`` from the embedded store (the bulk path,
  left loaded for ``queries``) and by ``neo4j-admin database import full`` from CSV
  files; plus one transaction per fact on a sample (extrapolated).
* ``queries``  build the embedded store from the same facts (timed: the national graph end to
  end) and time every canned question (p50/p95): on the embedded store opened fresh per
  answer (read from its projection tables), through ``phakhi query`` in a fresh process
  (wall time and peak memory), on the whole graph in NetworkX (the old engine and the
  reference: are the rows the same?), and on Neo4j (the graph the ``neo4j`` step loaded,
  else loaded here into the private server by ``neo4j-admin import``).
* ``analyses`` betweenness (sampled), PageRank, Louvain and k-core through python-igraph on a
  graph built from the projection, beside NetworkX on the same graph.
* ``view``     HTML view at 500, 2,000 and 10,000 nodes: time until stable in headless Chromium.
* ``memory``   a table of every step's peak memory (each step always reports its own).

Scale: ``scale`` sizes the document corpus (1 ≈ 300 documents); the graph for the store
steps is that share of the national graph (``national`` = scale / 100 unless given, so
scale 100 is the whole country: ~100k nodes, ~1M edges).

>>> BenchConfig(scale=1).national_fraction
0.01
"""
from __future__ import annotations

import cProfile
import csv
import io
import json
import os
import pstats
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator

from phakhi.bench.measure import Timer, percentile, run_step_subprocess

STEPS = ["extract", "neo4j", "queries", "analyses", "view", "memory"]
REPO = Path(__file__).resolve().parent.parent
SCORER = Path(os.environ.get("PHAKHI_SCORER", REPO.parent / "shared" / "tools" / "score_extraction.py"))
LOCAL_NEO4J_PORT = int(os.environ.get("PHAKHI_BENCH_NEO4J_PORT", "7699"))
CHROMIUM = os.environ.get("PHAKHI_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_FLAGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--no-first-run"]


class StepSkipped(Exception):
    """A step cannot run here (a dependency is missing); the message says why."""


@dataclass
class BenchConfig:
    scale: float = 1.0
    seed: int = 8
    workdir: str = ""
    steps: list[str] = field(default_factory=lambda: list(STEPS))
    national: float | None = None  # share of the national graph; None: scale / 100
    neo4j: str = "local"  # local (a private server started here) | off | a bolt:// URI
    view_sizes: list[int] = field(default_factory=lambda: [500, 2000, 10000])
    query_repeats: int = 20
    opf_sample: int = 300  # facts written one transaction each
    neo4j_max_facts: int = 60_000  # the store load stops here and extrapolates
    profile: bool = False

    @property
    def national_fraction(self) -> float:
        if self.national is not None:
            return self.national
        return min(1.0, max(self.scale / 100, 0.0002))

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "BenchConfig":
        return cls(**{k: v for k, v in d.items() if k in cls.__dataclass_fields__})

    @property
    def work(self) -> Path:
        return Path(self.workdir)


# -- shared inputs ----------------------------------------------------------------------------
def corpus_dir(cfg: BenchConfig) -> Path:
    return cfg.work / f"corpus-{cfg.scale:g}-{cfg.seed}"


def ensure_corpus(cfg: BenchConfig) -> tuple[list[Path], Path, float]:
    """The generated corpus (generated once per scale and seed): paths, truth, seconds."""
    from phakhi.bench.generator import TRUTH_FILE, generate_corpus

    d = corpus_dir(cfg)
    if (d / TRUTH_FILE).exists():
        return sorted(d.glob("*.txt")), d / TRUTH_FILE, 0.0
    with Timer() as t:
        c = generate_corpus(d, cfg.scale, cfg.seed)
    return c.documents, c.truth_path, t.seconds


def graph_batches(cfg: BenchConfig) -> Iterator[Any]:
    """The benchmark graph: national facts (share ``national_fraction``) + corpus truth."""
    from phakhi.bench.national import national_facts
    from phakhi.bench.truth import truth_to_facts

    yield from national_facts(cfg.national_fraction, cfg.seed)
    _, truth_path, _ = ensure_corpus(cfg)
    yield from truth_to_facts(json.loads(truth_path.read_text(encoding="utf-8")))


def _profile_top(prof: cProfile.Profile, n: int = 12) -> list[str]:
    buf = io.StringIO()
    pstats.Stats(prof, stream=buf).sort_stats("cumulative").print_stats(n)
    lines = [ln.rstrip() for ln in buf.getvalue().splitlines() if re.match(r"\s+\d", ln)]
    return lines[:n]


class CypherTimes:
    """While active, time every Cypher statement run in a managed transaction, grouped by
    its first words: where a Neo4j load spends its time (the server side cProfile cannot
    see). Results are fetched eagerly inside the timing."""

    def __init__(self) -> None:
        self.stats: dict[str, list[float]] = {}

    def __enter__(self) -> "CypherTimes":
        from neo4j import ManagedTransaction

        self._orig = ManagedTransaction.run
        stats, orig = self.stats, self._orig

        class Eager:
            def __init__(self, records: list[Any]) -> None:
                self._records = records

            def single(self) -> Any:
                return self._records[0] if self._records else None

            def __iter__(self) -> Iterator[Any]:
                return iter(self._records)

            def consume(self) -> None:
                return None

        def run(tx: Any, query: str, *args: Any, **kwargs: Any) -> Any:
            with Timer() as t:
                records = list(orig(tx, query, *args, **kwargs))
            key = " ".join(query.split())[:80]
            entry = stats.setdefault(key, [0, 0.0])
            entry[0] += 1
            entry[1] += t.seconds
            return Eager(records)

        ManagedTransaction.run = run  # type: ignore[method-assign]
        return self

    def __exit__(self, *exc: object) -> None:
        from neo4j import ManagedTransaction

        ManagedTransaction.run = self._orig  # type: ignore[method-assign]

    def top(self, n: int = 10) -> list[str]:
        rows = sorted(self.stats.items(), key=lambda kv: -kv[1][1])[:n]
        return [f"{sec:8.2f} s {count:6d}x  {query}" for query, (count, sec) in rows]


def _own_time_top(prof: cProfile.Profile, n: int = 12) -> list[str]:
    buf = io.StringIO()
    pstats.Stats(prof, stream=buf).sort_stats("tottime").print_stats(n)
    return [ln.rstrip() for ln in buf.getvalue().splitlines() if re.match(r"\s+\d", ln)][:n]


# -- extract ----------------------------------------------------------------------------------
def step_extract(cfg: BenchConfig) -> dict[str, Any]:
    try:
        from phakhi.loaders.extract import extract_document
        from phakhi.loaders.readers import read_source
    except ImportError as exc:
        raise StepSkipped(f"extraction not available ({exc})") from None
    paths, truth_path, gen_seconds = ensure_corpus(cfg)
    sources = [read_source(p) for p in paths]
    n_bytes = sum(len(s.text.encode("utf-8")) for s in sources)
    extract_document(sources[0], "warm-up")  # loads the gazetteer and compiles patterns once
    facts, errors = [], 0
    prof = cProfile.Profile() if cfg.profile else None
    with Timer() as t:
        if prof:
            prof.enable()
        for p, s in zip(paths, sources):
            try:
                facts.append(extract_document(s, p.stem))
            except Exception:  # noqa: BLE001 - a document that fails is counted, not fatal
                errors += 1
        if prof:
            prof.disable()
    from pythainlp.tokenize import word_tokenize

    word_tokenize(sources[0].text[:2000], engine="newmm")  # warm-up: dictionary trie
    with Timer() as tn:
        tokens = sum(len(word_tokenize(s.text, engine="newmm")) for s in sources)
    mb = n_bytes / 1e6
    out: dict[str, Any] = {
        "documents": len(paths), "megabytes": round(mb, 3), "generate_seconds": round(gen_seconds, 2),
        "extract_seconds": round(t.seconds, 3), "extract_mb_per_s": round(mb / t.seconds, 3),
        "extract_docs_per_s": round(len(paths) / t.seconds, 1), "extract_errors": errors,
        "newmm_seconds": round(tn.seconds, 3), "newmm_mb_per_s": round(mb / tn.seconds, 3),
        "newmm_tokens": tokens, "extract_vs_newmm": round(tn.seconds / t.seconds, 2),
        "facts_nodes": sum(len(f.nodes) for f in facts), "facts_edges": sum(len(f.edges) for f in facts),
    }
    if prof:
        out["profile_cumulative"] = _profile_top(prof)
        out["profile_own_time"] = _own_time_top(prof)
    out.update(_score(facts, truth_path))
    out.update(_ingest_end_to_end(cfg, paths, mb))
    return out


def _ingest_end_to_end(cfg: BenchConfig, paths: list[Path], mb: float) -> dict[str, Any]:
    """``phakhi ingest`` of the corpus into a new embedded store, as a user runs it (fresh
    process, entity resolution and summary included), on every core and on one."""
    from phakhi.bench.cli_runs import phakhi_argv, time_command

    out: dict[str, Any] = {}
    folder = paths[0].parent
    for label, extra in (("", []), ("_1_job", ["--jobs", "1"])):
        store = cfg.work / f"ingest-store{label}"
        shutil.rmtree(store, ignore_errors=True)
        run = time_command(phakhi_argv("--store", store, "-q", "ingest", *extra, folder))
        shutil.rmtree(store, ignore_errors=True)
        if not run.ok and "phakhi: " not in run.stderr:  # failed files are reported, not fatal
            out[f"ingest{label}_error"] = (run.stderr.strip().splitlines() or ["failed"])[-1][:120]
            continue
        out[f"ingest{label}_seconds"] = round(run.seconds, 2)
        out[f"ingest{label}_mb_per_s"] = round(mb / run.seconds, 3)
    out["ingest_jobs"] = os.cpu_count()
    return out


def _score(facts: list[Any], truth_path: Path) -> dict[str, Any]:
    """F1 of the extracted graph against the generated truth, by the shared scorer."""
    if not SCORER.exists():
        return {"score": f"skipped: scorer not found at {SCORER}"}
    import importlib.util

    spec = importlib.util.spec_from_file_location("score_extraction", SCORER)
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    nodes: dict[str, dict[str, Any]] = {}
    edges: dict[str, dict[str, Any]] = {}
    for f in facts:
        for n in f.nodes:
            cur = nodes.setdefault(n.id, {"id": n.id, "type": n.type, "name": n.name, "aliases": []})
            cur["aliases"] = sorted(set(cur["aliases"]) | set(n.aliases))
        for e in f.edges:
            edges.setdefault(e.id, {"source": e.source, "target": e.target, "type": e.type,
                                    "count": e.properties.get("count"), "properties": e.properties})
    res = mod.score({"nodes": list(nodes.values()), "edges": list(edges.values())}, [str(truth_path)])
    flat: dict[str, Any] = {}
    for key in ("entities", "relations"):
        part = res.get("lenient", {}).get(key) if isinstance(res.get("lenient"), dict) else None
        if isinstance(part, dict):
            flat[f"{key}_f1"] = round(part.get("f1", 0.0), 3)
            flat[f"{key}_precision"] = round(part.get("p", 0.0), 3)
            flat[f"{key}_recall"] = round(part.get("r", 0.0), 3)
            flat[f"per_type_{key}_f1"] = {t: round(v["f1"], 3) for t, v in part.get("per_type", {}).items()}
    return flat or {"score_raw": {k: v for k, v in res.items() if not isinstance(v, (list, dict))}}


# -- neo4j ------------------------------------------------------------------------------------
def neo4j_uri(cfg: BenchConfig) -> str:
    """The server to use; ``local`` starts a private one (scripts/neo4j-local, own port) so the
    shared development server is never filled or cleared. Credentials go to the environment."""
    if cfg.neo4j == "off":
        raise StepSkipped("Neo4j disabled (--neo4j off)")
    if cfg.neo4j != "local":
        if not os.environ.get("NEO4J_PASSWORD"):
            raise StepSkipped(f"{cfg.neo4j}: set NEO4J_PASSWORD (and NEO4J_USER)")
        return cfg.neo4j
    script = REPO / "scripts" / "neo4j-local"
    if not script.exists() or shutil.which("java") is None:
        raise StepSkipped("no scripts/neo4j-local or no java: cannot start a Neo4j server")
    env = dict(os.environ, NEO4J_LOCAL_BOLT_PORT=str(LOCAL_NEO4J_PORT), PYTHON=sys.executable)
    # no timeout of our own: the script waits while the server lives and its log moves
    proc = subprocess.run([str(script), "start"], capture_output=True, text=True, env=env, timeout=1800)
    if proc.returncode != 0:
        lines = proc.stderr.strip().splitlines()
        raise StepSkipped(f"Neo4j did not start: {lines[-1] if lines else proc.returncode}")
    for word in proc.stdout.split():
        if "=" in word and word.split("=", 1)[0] in ("NEO4J_URI", "NEO4J_USER", "NEO4J_PASSWORD"):
            k, v = word.split("=", 1)
            os.environ[k] = v
    return os.environ["NEO4J_URI"]


def stop_local_neo4j() -> None:
    script = REPO / "scripts" / "neo4j-local"
    if script.exists():
        subprocess.run([str(script), "stop"], capture_output=True, text=True,
                       env=dict(os.environ, NEO4J_LOCAL_BOLT_PORT=str(LOCAL_NEO4J_PORT)), timeout=120)


def _open_neo4j(uri: str) -> Any:
    from phakhi.graph.stores.neo4j_store import Neo4jStore

    return Neo4jStore.from_env(uri)


def step_neo4j(cfg: BenchConfig) -> dict[str, Any]:
    try:
        from phakhi.graph.stores.neo4j_store import Neo4jStore  # noqa: F401
    except ImportError as exc:
        raise StepSkipped(f"Neo4j store not available ({exc})") from None
    uri = neo4j_uri(cfg)
    store = _open_neo4j(uri)
    out: dict[str, Any] = {"uri": uri.split("@")[-1]}
    try:
        if cfg.neo4j != "local" and store.documents():
            raise StepSkipped(f"{uri}: the database is not empty; the benchmark needs an empty one "
                              "(use --neo4j local for a private server)")
        if cfg.neo4j == "local":  # a previous run may have left the national graph here
            _wipe(store)
        store.clear()
        with Timer() as tw:  # schema, JIT and query plans: not part of the load rate
            warm = _warm_up_batch(cfg)
            store.write(warm)
            store.remove_document(warm.document.doc_id)
        out["warm_up_seconds"] = round(tw.seconds, 2)
        n_nodes = n_edges = n_batches = written = 0
        capped = False
        prof = cProfile.Profile() if cfg.profile else None
        cypher = CypherTimes() if cfg.profile else None
        with Timer() as t:
            if prof and cypher:
                prof.enable()
                cypher.__enter__()
            def until_capped() -> Iterator[Any]:
                nonlocal n_nodes, n_edges, n_batches, capped
                for batch in graph_batches(cfg):
                    if capped:
                        break
                    yield batch
                    n_nodes += len(batch.nodes)
                    n_edges += len(batch.edges)
                    n_batches += 1
                    capped = n_nodes + n_edges >= cfg.neo4j_max_facts

            store.write_many(until_capped())  # the store groups documents per transaction
            if prof and cypher:
                prof.disable()
                cypher.__exit__()
        written = n_nodes + n_edges
        total = sum(len(b.nodes) + len(b.edges) for b in graph_batches(cfg)) if capped else written
        rate = written / t.seconds
        out.update({"batches": n_batches, "node_facts": n_nodes, "edge_facts": n_edges,
                    "store_batched_seconds": round(t.seconds, 2),
                    "store_batched_facts_per_s": round(rate, 1), "graph_facts": total,
                    "store_batched_capped": capped,
                    "store_full_graph_seconds": round(total / rate, 1) if capped else round(t.seconds, 2)})
        if capped:
            out["note_store_batched"] = (f"stopped after {written} of {total} facts (--neo4j-max-facts); "
                                         "full-graph time extrapolated")
        if prof and cypher:
            out["profile_cumulative"] = _profile_top(prof)
            out["profile_cypher"] = cypher.top()
        out.update(_same_graph_paths(store, cfg, total))
        out["store_vs_driver_unwind"] = round(rate / out["driver_unwind_same_graph_facts_per_s"], 2)
        out.update(_driver_rates(store, cfg))
        out["batched_vs_one_per_fact"] = round(rate / out["one_per_fact_facts_per_s"], 1)
        out["driver_unwind_vs_one_per_fact"] = round(out["driver_unwind_facts_per_s"]
                                                     / out["one_per_fact_facts_per_s"], 1)
        out["one_per_fact_extrapolated_seconds"] = round(total / out["one_per_fact_facts_per_s"], 1)
    finally:
        store.close()
    csv_dir = cfg.work / "import-csv"
    out.update(_admin_import(cfg, csv_dir))
    shutil.rmtree(csv_dir, ignore_errors=True)
    if "bulk_seconds" in out:  # the bulk path, run last, left the whole graph there
        (cfg.work / "neo4j-loaded.json").write_text(json.dumps(
            {"national": cfg.national_fraction, "scale": cfg.scale, "via": "bulk path"}),
            encoding="utf-8")
    admin = out.get("admin_import_seconds")
    if admin and "driver_unwind_same_graph_seconds" in out:
        out["admin_import_vs_driver_unwind"] = round(out["driver_unwind_same_graph_seconds"] / admin, 2)
        out["admin_import_facts_per_s"] = round(total / admin, 1)  # the same count as the others
    return out


def _wipe(store: Any) -> None:
    """Empty the (private) database in batches, however large the graph in it."""
    with store._driver.session(database=store.database) as session:
        session.run("MATCH (n) CALL { WITH n DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS").consume()


def _same_graph_paths(store: Any, cfg: BenchConfig, graph_facts: int) -> dict[str, Any]:
    """The whole benchmark graph three ways into an emptied database, each timed: a plain
    driver load (the reference: UNWIND 10k rows, MERGE nodes, MATCH both ends, MERGE
    relationships), then ``push`` from the embedded store by the bulk path (left loaded
    for the queries step). Rates count the same facts as the store path, so the ratios
    are ratios of time for the same graph."""
    from phakhi.graph.stores.push import push

    embedded, _ = build_embedded(cfg)
    try:
        view = embedded.view()
        onto = store.ontology
        node_rows: dict[str, list[dict[str, Any]]] = {}
        for n in view.nodes.values():
            node_rows.setdefault(onto.check_label(n.type), []).append({"id": n.id, "name": n.name})
        edge_rows: dict[str, list[dict[str, Any]]] = {}
        for eid, e in view.edges.items():
            edge_rows.setdefault(onto.check_rel_type(e.type), []).append(
                {"s": e.source, "t": e.target, "id": eid})
        chunk = 10_000

        def load(query: str, rows: list[dict[str, Any]]) -> None:
            with store._driver.session(database=store.database) as session:
                for i in range(0, len(rows), chunk):
                    session.execute_write(lambda tx, part=rows[i:i + chunk]: tx.run(
                        query, rows=part).consume())

        _wipe(store)
        with Timer() as td:
            for label, rows in node_rows.items():
                load(f"UNWIND $rows AS r MERGE (n:Entity {{id: r.id}}) SET n.name = r.name, n:{label}", rows)
            for rel, rows in edge_rows.items():
                load(f"UNWIND $rows AS r MATCH (a:Entity {{id: r.s}}) MATCH (b:Entity {{id: r.t}}) "
                     f"MERGE (a)-[x:{rel} {{id: r.id}}]->(b)", rows)
        _wipe(store)
        with Timer() as tb:
            report = push(embedded, store, bulk=True)
    finally:
        embedded.close()
    out: dict[str, Any] = {
        "same_graph_nodes": len(view.nodes), "same_graph_relationships": len(view.edges),
        "driver_unwind_same_graph_seconds": round(td.seconds, 2),
        "driver_unwind_same_graph_facts_per_s": round(graph_facts / td.seconds, 1),
        "bulk_documents": report.written, "bulk_seconds": round(tb.seconds, 2),
        "bulk_facts_per_s": round(graph_facts / tb.seconds, 1),
        "bulk_vs_driver_unwind": round(td.seconds / tb.seconds, 2),
        "note_same_graph": "rates count the graph's stated facts (as the store path does) over "
                           "each path's time for the whole graph",
    }
    return out


def _warm_up_batch(cfg: BenchConfig) -> Any:
    """A district batch under other ids: the same query shapes as the real load."""
    from phakhi.bench.national import national_facts
    from phakhi.graph.model import DocumentFacts, DocumentInfo, Edge, Node

    batches = national_facts(0.0002, cfg.seed + 1)
    ref, district = next(batches), next(batches)
    nodes = [Node("warm:" + n.id, n.type, n.name, list(n.aliases), dict(n.properties))
             for n in ref.nodes + district.nodes]
    edges = [Edge("warm:" + e.source, "warm:" + e.target, e.type, dict(e.properties))
             for e in ref.edges + district.edges]
    return DocumentFacts(DocumentInfo("bench:warm-up", "generated/warm-up", "warm-up"), nodes, edges)


def _sample_facts(cfg: BenchConfig, n: int) -> tuple[list[Any], list[Any]]:
    from phakhi.bench.national import national_facts

    batches = national_facts(max(cfg.national_fraction, 0.001), cfg.seed)
    next(batches)  # the reference batch: the sample is a district's own facts
    b = next(batches)
    return b.nodes[: n // 4], b.edges[: n - n // 4]


def _driver_rates(store: Any, cfg: BenchConfig) -> dict[str, Any]:
    """One transaction per fact on a sample, and plain UNWIND batches of the same sample, on
    the driver directly (ids prefixed ``bench-opf:``, deleted afterwards)."""
    driver, db = store._driver, store.database
    onto = store.ontology
    nodes, edges = _sample_facts(cfg, cfg.opf_sample)
    pre = "bench-opf:"

    def node_rows(tag: str) -> dict[str, list[dict[str, Any]]]:
        rows: dict[str, list[dict[str, Any]]] = {}
        for n in nodes:
            rows.setdefault(onto.check_label(n.type), []).append({"id": pre + tag + n.id, "name": n.name})
        return rows

    def edge_rows(tag: str) -> dict[str, list[dict[str, Any]]]:
        rows: dict[str, list[dict[str, Any]]] = {}
        for e in edges:
            rows.setdefault(onto.check_rel_type(e.type), []).append(
                {"s": pre + tag + e.source, "t": pre + tag + e.target, "id": pre + tag + e.id})
        return rows

    def one_per_fact(tag: str, limit: int | None = None) -> None:
        for label, rows in node_rows(tag).items():
            for r in rows[:limit]:
                session.execute_write(lambda tx, r=r, label=label: tx.run(
                    f"MERGE (n:Entity {{id: $id}}) SET n.name = $name, n:{label}", **r).consume())
        for rel, rows in edge_rows(tag).items():
            for r in rows[:limit]:
                session.execute_write(lambda tx, r=r, rel=rel: tx.run(
                    f"MERGE (a:Entity {{id: $s}}) MERGE (b:Entity {{id: $t}}) "
                    f"MERGE (a)-[x:{rel} {{id: $id}}]->(b)", **r).consume())

    def unwind(tag: str) -> Callable[[Any], None]:
        def work(tx: Any) -> None:
            for label, rows in node_rows(tag).items():
                tx.run(f"UNWIND $rows AS r MERGE (n:Entity {{id: r.id}}) SET n.name = r.name, n:{label}",
                       rows=rows).consume()
            for rel, rows in edge_rows(tag).items():
                tx.run(f"UNWIND $rows AS r MERGE (a:Entity {{id: r.s}}) MERGE (b:Entity {{id: r.t}}) "
                       f"MERGE (a)-[x:{rel} {{id: r.id}}]->(b)", rows=rows).consume()
        return work

    with driver.session(database=db) as session:
        one_per_fact("0:", limit=3)  # warm-up: plans cached
        session.execute_write(unwind("0:"))
        with Timer() as t1:
            one_per_fact("1:")
        with Timer() as t2:
            session.execute_write(unwind("2:"))
        session.execute_write(lambda tx: tx.run("MATCH (n:Entity) WHERE n.id STARTS WITH $p DETACH DELETE n",
                                                p=pre).consume())
    facts = len(nodes) + len(edges)
    return {"one_per_fact_sample": facts, "one_per_fact_seconds": round(t1.seconds, 3),
            "one_per_fact_facts_per_s": round(facts / t1.seconds, 1),
            "driver_unwind_facts_per_s": round(facts / t2.seconds, 1),
            "note_one_per_fact": f"measured on a sample of {facts} facts and extrapolated"}


def _import_into_local(cfg: BenchConfig, csv_dir: Path) -> dict[str, Any]:
    """Load the whole graph into the private server by ``neo4j-admin database import`` of its
    ``export --format neo4j-admin`` (the store's own layout, so names resolve as after a push):
    server stopped, database overwritten, server started, the store's indexes created. The
    way to get the national graph into Neo4j for the query benchmark."""
    from phakhi.bench.neo4j_import import neo4j_lib, run_import
    from phakhi.graph.exports.neo4j_admin import write_neo4j_admin

    lib = neo4j_lib(REPO)
    cache = Path(os.environ.get("NEO4J_LOCAL_CACHE", REPO / ".cache" / "neo4j"))
    inst = cache / "instances" / str(LOCAL_NEO4J_PORT)
    if lib is None or not (inst / "conf").exists():
        return {"queries_graph": "not loaded: no private instance to import into"}
    embedded, _ = build_embedded(cfg)
    try:
        written = write_neo4j_admin(embedded, csv_dir)
    finally:
        embedded.close()
    stop_local_neo4j()
    with Timer() as t:
        ok, last = run_import(lib, inst, inst / "conf", written["node_files"], written["relationship_files"])
    uri = neo4j_uri(cfg)
    if not ok:
        return {"queries_graph": f"not loaded: import failed: {last}"}
    store = _open_neo4j(uri)
    try:
        with Timer() as ti:
            store._ensure_schema()  # the same constraints and indexes the store makes
            store._driver.execute_query("CALL db.awaitIndexes(1200)", database_=store.database)
    finally:
        store.close()
    return {"queries_graph": "loaded by neo4j-admin import", "queries_graph_import_seconds": round(t.seconds, 2),
            "queries_graph_index_seconds": round(ti.seconds, 2)}


def _admin_import(cfg: BenchConfig, csv_dir: Path) -> dict[str, Any]:
    """``export --format neo4j-admin`` of the graph, then ``neo4j-admin database import
    full`` of it into an empty database of a throw-away NEO4J_HOME (offline: no server)."""
    from phakhi.bench.neo4j_import import neo4j_lib, run_import
    from phakhi.graph.exports.neo4j_admin import write_neo4j_admin

    lib = neo4j_lib(REPO)
    if lib is None or shutil.which("java") is None:
        return {"admin_import": "skipped: no assembled Neo4j jars in .cache/neo4j (run scripts/neo4j-local "
                                "start once) or no java"}
    embedded, _ = build_embedded(cfg)  # the same graph as the other paths
    try:
        with Timer() as tc:
            written = write_neo4j_admin(embedded, csv_dir)
    finally:
        embedded.close()
    nf, rf = written["node_files"], written["relationship_files"]
    n_nodes, n_rels = written["nodes"], written["edges"]
    home = Path(tempfile.mkdtemp(prefix="phakhi-import-", dir=cfg.work))
    try:
        (home / "conf").mkdir()
        (home / "conf" / "neo4j.conf").write_text(
            f"server.directories.data={home / 'data'}\nserver.directories.logs={home / 'logs'}\n",
            encoding="utf-8")
        with Timer() as ti:
            ok, last = run_import(lib, home, home / "conf", nf, rf)
    finally:
        shutil.rmtree(home, ignore_errors=True)
    if not ok:
        return {"admin_import": f"failed: {last}", "admin_import_csv_seconds": round(tc.seconds, 2)}
    facts = n_nodes + n_rels
    return {"admin_import": "ok", "admin_import_nodes": n_nodes, "admin_import_relationships": n_rels,
            "admin_import_csv_seconds": round(tc.seconds, 2), "admin_import_seconds": round(ti.seconds, 2),
            "admin_import_facts_per_s": round(facts / ti.seconds, 1),
            "note_admin_import": "into an empty database; JVM start-up included; CSV writing timed apart"}


# -- queries ------------------------------------------------------------------------------
def embedded_dir(cfg: BenchConfig) -> Path:
    return cfg.work / f"embedded-{cfg.national_fraction:g}-{cfg.scale:g}-{cfg.seed}"


def build_embedded(cfg: BenchConfig) -> tuple[Any, dict[str, Any]]:
    """The embedded store holding the benchmark graph, built (and timed) when absent."""
    from phakhi.graph.stores.sqlite_store import SQLiteStore

    d = embedded_dir(cfg)
    figures: dict[str, Any] = {}
    if not (d / ".complete").exists():
        shutil.rmtree(d, ignore_errors=True)
        store = SQLiteStore(d)
        n = 0
        def counted() -> Iterator[Any]:
            nonlocal n
            for batch in graph_batches(cfg):
                n += len(batch.nodes) + len(batch.edges)
                yield batch

        with Timer() as t:
            store.write_many(counted())
        figures = {"embedded_build_seconds": round(t.seconds, 2), "embedded_facts": n,
                   "embedded_facts_per_s": round(n / t.seconds, 1)}
        (d / ".complete").write_text("ok", encoding="utf-8")
        store.close()
    return SQLiteStore(d), figures


def query_params(cfg: BenchConfig) -> dict[str, dict[str, Any]]:
    """One realistic parameter set per canned question (ids of generated entities)."""
    from phakhi.bench import admin_names as A
    from phakhi.bench.national import reference_ids
    from phakhi.bench.world import World
    from phakhi.graph.model import node_id

    ids = reference_ids()
    world = World(cfg.seed)
    deal = world.deal(0)
    org = ids[deal.parties[0]]
    agreement = node_id("Agreement", deal.title, "mou:0")
    person = node_id("Person", world.head(deal.parties[0]).name)
    return {
        "partners": {"org": org}, "agreements": {"org": org},
        "signatories": {"agreement": agreement}, "obligations": {"org": org},
        "networks": {"center": ids["centre:ssp"]}, "ministries-reached": {"org": org},
        "positions": {"person": person}, "expiring": {"days": 365, "as_of": "2024-01-01"},
        "timeline": {"from": "2022-01-01", "to": "2022-12-31"},
        "trainer-coverage": {"department": ids["dopa"]},
        "evidence": {"entity": ids["dopa"]},
        "path": {"a": ids["dopa"], "b": ids[f"province:{A.PROVINCES[0][0]}"], "max_hops": 4},
        "ego": {"entity": org, "depth": 1},
    }


QUESTION_BUDGET_SECONDS = 30.0  # per question and engine; slower questions get fewer repeats


def _latencies(fn: Callable[[], Any], repeats: int) -> tuple[list[float], int]:
    rows = fn()  # warm-up (caches, query plans)
    times: list[float] = []
    while len(times) < repeats and (len(times) < 3 or sum(times) / 1000 < QUESTION_BUDGET_SECONDS):
        with Timer() as t:
            fn()
        times.append(t.seconds * 1000)
    return times, len(rows)


CLI_REPEATS = 3  # fresh processes per question and store (each costs the interpreter's start-up)


def _timing_row(engine: str, qid: str, times: list[float], rows: int, **extra: Any) -> dict[str, Any]:
    return {"engine": engine, "question": qid, "rows": rows, "runs": len(times),
            "p50_ms": round(percentile(times, 50), 2), "p95_ms": round(percentile(times, 95), 2), **extra}


def _cli_rows(engine: str, store_arg: str, params: dict[str, dict[str, Any]], catalog: Any,
              env: dict[str, str] | None = None) -> list[dict[str, Any]]:
    """Every question through ``phakhi query`` in a fresh process: wall time (start-up,
    opening the store, answering, printing) and the process's peak memory."""
    from phakhi.bench.cli_runs import phakhi_argv, time_command

    rows = []
    for qid in catalog:
        argv = phakhi_argv("--store", store_arg, "query", qid, "--format", "json")
        for k, v in params.get(qid, {}).items():
            argv += ["--param", f"{k}={v}"]
        runs = [time_command(argv, env) for _ in range(CLI_REPEATS)]
        failed = [r for r in runs if not r.ok]
        if failed:
            rows.append({"engine": engine, "question": qid,
                         "error": (failed[0].stderr.strip().splitlines() or ["failed"])[-1][:120]})
            continue
        rows.append(_timing_row(engine, qid, [r.seconds * 1000 for r in runs], -1,
                                peak_rss_mb=round(max(r.peak_rss_mb for r in runs), 1)))
    return rows


def _neo4j_for_queries(cfg: BenchConfig, out: dict[str, Any]) -> str | None:
    """The URI of a server holding this graph: the one the neo4j step loaded, else the
    private server loaded here by neo4j-admin import (None when Neo4j is off/missing)."""
    loaded = cfg.work / "neo4j-loaded.json"
    if loaded.exists() and json.loads(loaded.read_text())["national"] == cfg.national_fraction:
        out["neo4j_graph_loaded_by"] = json.loads(loaded.read_text())["via"]
        return neo4j_uri(cfg)
    if cfg.neo4j != "local":
        out["neo4j_queries"] = "skipped: the neo4j step did not load this graph in this run"
        return None
    try:
        neo4j_uri(cfg)  # starts the private server (assembles it on first use)
    except StepSkipped as exc:
        out["neo4j_queries"] = f"skipped: {exc}"
        return None
    csv_dir = cfg.work / "import-csv-queries"
    shutil.rmtree(csv_dir, ignore_errors=True)
    out.update(_import_into_local(cfg, csv_dir))
    shutil.rmtree(csv_dir, ignore_errors=True)
    if out.get("queries_graph") != "loaded by neo4j-admin import":
        return None
    return neo4j_uri(cfg)


def step_queries(cfg: BenchConfig) -> dict[str, Any]:
    """Every canned question on the embedded store (answered from its projection tables,
    the store opened fresh for each answer, and through the CLI), on the same graph held
    in memory by NetworkX (the reference: same rows?), and on Neo4j."""
    try:
        from phakhi.graph.stores.sqlite_store import SQLiteStore
        from phakhi.queries.answer import answer, answer_cypher, answer_networkx
        from phakhi.queries.catalog import load_catalog
    except ImportError as exc:
        raise StepSkipped(f"canned questions not available ({exc})") from None
    store, out = build_embedded(cfg)
    store.close()
    directory = embedded_dir(cfg)
    params = query_params(cfg)
    catalog = load_catalog()
    rows: list[dict[str, Any]] = []
    answers: dict[str, Any] = {}
    with Timer() as tf:  # what a fresh process pays before its first answer, start-up aside
        with SQLiteStore(directory) as first:
            answer(first, "partners", params["partners"])
    out["embedded_first_answer_seconds"] = round(tf.seconds, 3)

    def embedded(qid: str, p: dict[str, Any]) -> list[Any]:
        with SQLiteStore(directory) as fresh:
            return answer(fresh, qid, p)

    for qid in catalog:
        p = params.get(qid, {})
        try:
            answers[qid] = embedded(qid, p)
            times, n = _latencies(lambda: embedded(qid, p), cfg.query_repeats)
            rows.append(_timing_row("embedded", qid, times, n))
        except Exception as exc:  # noqa: BLE001 - one failing question is reported, not fatal
            rows.append({"engine": "embedded", "question": qid, "error": str(exc).splitlines()[0][:120]})
    rows += _cli_rows("embedded-cli", str(directory), params, catalog)
    first_cli = [r["p95_ms"] for r in rows if r["engine"] == "embedded-cli" and "p95_ms" in r]
    peak = [r["peak_rss_mb"] for r in rows if r["engine"] == "embedded-cli" and "peak_rss_mb" in r]
    if first_cli:
        out["embedded_cli_slowest_call_seconds"] = round(max(first_cli) / 1000, 3)
        out["embedded_cli_peak_rss_mb"] = max(peak)

    # the reference: the whole graph in NetworkX, as the embedded store answered before
    with SQLiteStore(directory) as reference:
        with Timer() as tg:
            g = reference.graph()
    out.update({"graph_nodes": g.number_of_nodes(), "graph_edges": g.number_of_edges(),
                "networkx_graph_load_seconds": round(tg.seconds, 2)})
    different = []
    for qid in catalog:
        p = params.get(qid, {})
        try:
            times, n = _latencies(lambda: answer_networkx(g, qid, p), 3)
            rows.append(_timing_row("networkx", qid, times, n))
            if qid in answers and answer_networkx(g, qid, p) != answers[qid]:
                different.append(qid)
        except Exception as exc:  # noqa: BLE001
            rows.append({"engine": "networkx", "question": qid, "error": str(exc).splitlines()[0][:120]})
    out["embedded_rows_differ_from_networkx"] = different or "none"
    del g

    uri = _neo4j_for_queries(cfg, out)
    if uri is not None:
        neo = _open_neo4j(uri)
        try:
            for qid in catalog:
                p = params.get(qid, {})
                try:
                    times, n = _latencies(lambda: answer_cypher(neo, qid, p), cfg.query_repeats)
                    rows.append(_timing_row("neo4j", qid, times, n))
                except Exception as exc:  # noqa: BLE001
                    rows.append({"engine": "neo4j", "question": qid, "error": str(exc).splitlines()[0][:120]})
        finally:
            neo.close()
        rows += _cli_rows("neo4j-cli", uri, params, catalog, env=dict(os.environ))
    out["questions"] = rows
    for engine in ("embedded", "embedded-cli", "networkx", "neo4j", "neo4j-cli"):
        timed = [r for r in rows if r["engine"] == engine and "p95_ms" in r]
        if timed:
            out[f"{engine}_worst_p95_ms"] = max(r["p95_ms"] for r in timed)
            out[f"{engine}_median_p50_ms"] = round(percentile([r["p50_ms"] for r in timed], 50), 2)
    return out


# -- analyses -----------------------------------------------------------------------------
NX_BETWEENNESS_SAMPLE = 10  # NetworkX's betweenness is timed on fewer sources, then scaled up


def step_analyses(cfg: BenchConfig) -> dict[str, Any]:
    """PageRank, Louvain, sampled betweenness and k-core through python-igraph on a graph
    built from the embedded store's projection, beside NetworkX on the same graph."""
    try:
        from phakhi.queries import analyses
    except ImportError as exc:
        raise StepSkipped(f"analyses not available ({exc})") from None
    store, out = build_embedded(cfg)
    with Timer() as tb:
        ag = analyses.analysis_graph(store)
    n = len(ag)
    k = min(200, n)
    out.update({"graph_nodes": n, "graph_simple_edges": ag.graph.ecount(), "betweenness_k": k,
                "igraph_build_from_projection_seconds": round(tb.seconds, 2)})
    ours: dict[str, list[Any]] = {}
    for name, fn in [("betweenness", lambda: analyses.brokers(ag, top=10, k=k)),
                     ("pagerank", lambda: analyses.pagerank(ag, top=10)),
                     ("louvain", lambda: analyses.communities(ag, top=None)),
                     ("k_core", lambda: analyses.k_core(ag, top=10))]:
        try:
            with Timer() as t:
                ours[name] = fn()
            out[f"igraph_{name}_seconds"] = round(t.seconds, 2)
        except Exception as exc:  # noqa: BLE001
            out[f"igraph_{name}_seconds"] = f"error: {str(exc).splitlines()[0][:100]}"
    out.update(_networkx_analyses(store, cfg, ours))
    store.close()
    return out


def _networkx_analyses(store: Any, cfg: BenchConfig, ours: dict[str, list[Any]]) -> dict[str, Any]:
    """The same measures by NetworkX (the reference) on the same graph, in the same run."""
    import networkx as nx
    from networkx.algorithms.link_analysis.pagerank_alg import _pagerank_python

    out: dict[str, Any] = {}
    with Timer() as tl:
        g = store.graph()
        und = nx.Graph()
        und.add_nodes_from(g)
        und.add_edges_from((u, v) for u, v in g.edges() if u != v)
        del g
    out["networkx_graph_load_seconds"] = round(tl.seconds, 2)
    with Timer() as t:
        pr = _pagerank_python(und, alpha=0.85)
    out["networkx_pagerank_seconds"] = round(t.seconds, 2)
    top = sorted(pr, key=lambda x: (-pr[x], str(x)))[:10]
    out["pagerank_same_top10"] = top == [r["id"] for r in ours.get("pagerank", [])]
    with Timer() as t:
        found = nx.community.louvain_communities(und, seed=42)
    out["networkx_louvain_seconds"] = round(t.seconds, 2)
    groups = [set(r["member_ids"]) for r in ours.get("louvain", [])]
    out["louvain_modularity_igraph"] = round(nx.community.modularity(und, groups), 4)
    out["louvain_modularity_networkx"] = round(nx.community.modularity(und, found), 4)
    k = min(200, und.number_of_nodes())
    sample = min(NX_BETWEENNESS_SAMPLE, k)
    with Timer() as t:
        nx.betweenness_centrality(und, k=sample, seed=42)
    out["networkx_betweenness_seconds"] = round(t.seconds * k / sample, 1)
    out["note_networkx_betweenness"] = f"timed with {sample} sources, scaled to {k}"
    with Timer() as t:
        nx.core_number(und)
    out["networkx_k_core_seconds"] = round(t.seconds, 2)
    return out


# -- view ---------------------------------------------------------------------------------
def step_view(cfg: BenchConfig) -> dict[str, Any]:
    try:
        from phakhi.views.html import write_graph_view
    except ImportError as exc:
        raise StepSkipped(f"HTML view not available ({exc})") from None
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        raise StepSkipped("playwright is not installed") from None
    if not Path(CHROMIUM).exists():
        raise StepSkipped(f"no Chromium at {CHROMIUM}")
    from phakhi.bench.national import national_facts
    from phakhi.graph.stores.base import to_networkx

    biggest = max(cfg.view_sizes)
    fraction = min(1.0, biggest / 90_000 * 1.3)  # ~98k nodes at 1: enough nodes for the largest view
    nodes, edges = [], []
    for b in national_facts(fraction, cfg.seed):
        nodes += b.nodes
        edges += b.edges
    g = to_networkx(nodes, edges)
    order = list(g.nodes)
    out: dict[str, Any] = {}
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS, headless=True)
        try:
            for size in cfg.view_sizes:
                sub = g.subgraph(order[:size]).copy()
                path = cfg.work / f"view-{size}.html"
                with Timer() as tr:
                    write_graph_view(sub, path)
                page = browser.new_page()
                try:
                    with Timer() as tl:
                        page.goto(path.as_uri())
                        page.wait_for_selector("body[data-stabilized='true']", state="attached", timeout=120_000)
                    drawn = page.evaluate("() => (window.phakhi && window.phakhi.nodes) ? "
                                          "window.phakhi.nodes.length : null")
                    out[f"view_{size}"] = {"nodes": sub.number_of_nodes(), "edges": sub.number_of_edges(),
                                           "drawn_nodes": drawn, "render_seconds": round(tr.seconds, 2),
                                           "stable_seconds": round(tl.seconds, 2),
                                           "html_mb": round(path.stat().st_size / 1e6, 2)}
                except Exception as exc:  # noqa: BLE001
                    out[f"view_{size}"] = {"nodes": sub.number_of_nodes(),
                                           "error": str(exc).splitlines()[0][:120]}
                finally:
                    page.close()
        finally:
            browser.close()
    return out


def step_memory(cfg: BenchConfig) -> dict[str, Any]:
    return {"note": "each step reports its own peak_rss_mb (measured in its own process)"}


STEP_FUNCTIONS: dict[str, Callable[[BenchConfig], dict[str, Any]]] = {
    "extract": step_extract, "neo4j": step_neo4j, "queries": step_queries,
    "analyses": step_analyses, "view": step_view, "memory": step_memory,
}


# -- the whole run --------------------------------------------------------------------------
def run_bench(cfg: BenchConfig, progress: Callable[[str], None] | None = None) -> dict[str, Any]:
    """Run the chosen steps, each in its own process; the results as one JSON-able dict."""
    cfg.work.mkdir(parents=True, exist_ok=True)
    (cfg.work / "neo4j-loaded.json").unlink(missing_ok=True)
    results: dict[str, Any] = {"config": {**asdict(cfg), "national_fraction": cfg.national_fraction},
                               "steps": {}}
    started_local = False
    try:
        for step in [s for s in STEPS if s in cfg.steps]:
            if progress:
                progress(f"bench: {step} …")
            if step == "memory":
                continue
            if step in ("neo4j", "queries") and cfg.neo4j == "local":
                started_local = True
            results["steps"][step] = run_step_subprocess(step, asdict(cfg), cfg.work)
    finally:
        if started_local:
            stop_local_neo4j()
    if "memory" in cfg.steps:
        results["steps"]["memory"] = {s: r.get("peak_rss_mb") for s, r in results["steps"].items()}
    results["targets"] = evaluate_targets(results["steps"], cfg)
    return results


def evaluate_targets(steps: dict[str, Any], cfg: BenchConfig) -> list[dict[str, Any]]:
    """The project's performance targets: met, missed, or not measured."""
    ex, neo, q, v = (steps.get(k, {}) for k in ("extract", "neo4j", "queries", "view"))

    def row(target: str, value: Any, ok: bool | None) -> dict[str, Any]:
        return {"target": target, "value": value,
                "status": "not measured" if ok is None else ("met" if ok else "missed")}

    rows = []
    mbs = ex.get("extract_mb_per_s")
    rows.append(row("extraction >= 2 MB/s", mbs, None if mbs is None else mbs >= 2))
    ratio = ex.get("extract_vs_newmm")
    rows.append(row("extraction faster than newmm", ratio, None if ratio is None else ratio > 1))
    r = neo.get("batched_vs_one_per_fact")
    rows.append(row("batched Neo4j >= 100x one-per-fact", r, None if r is None else r >= 100))
    ref = neo.get("driver_unwind_same_graph_facts_per_s")
    for path, key, bar in (("store path", "store_batched_facts_per_s", 0.5),
                           ("bulk path", "bulk_facts_per_s", 0.7)):
        fps = neo.get(key)
        ratio = round(fps / ref, 2) if fps and ref else None
        rows.append(row(f"Neo4j {path} >= {bar}x plain-driver UNWIND", ratio,
                        None if ratio is None else ratio >= bar))
    full = cfg.national_fraction >= 1
    scope = "" if full else " (not national scale)"
    for how, value in [("embedded store", q.get("embedded_build_seconds")),
                       ("Neo4j store", neo.get("store_full_graph_seconds")),
                       ("Neo4j bulk path", neo.get("bulk_seconds")),
                       ("neo4j-admin import", neo.get("admin_import_seconds"))]:
        rows.append(row(f"national graph built end to end < 10 min, {how}{scope}", value,
                        None if value is None or not full else value < 600))
    for label, key, limit in (
            ("canned questions p95 < 200 ms on Neo4j", "neo4j_worst_p95_ms", 200),
            ("canned questions p95 < 200 ms on the embedded store", "embedded_worst_p95_ms", 200),
            ("first answer after opening the embedded store < 2 s", "embedded_first_answer_seconds", 2),
            ("peak memory of a query (CLI, embedded) < 300 MB", "embedded_cli_peak_rss_mb", 300)):
        value = q.get(key)
        rows.append(row(label + scope, value, None if value is None or not full else value < limit))
    an = steps.get("analyses", {})
    for name, limit in (("pagerank", 10), ("louvain", 10), ("betweenness", 60)):
        secs = an.get(f"igraph_{name}_seconds")
        ok = None if not isinstance(secs, (int, float)) or not full else secs < limit
        rows.append(row(f"{name} < {limit} s through igraph" + scope, secs, ok))
    mbs = ex.get("ingest_mb_per_s")
    rows.append(row("phakhi ingest end to end >= 1 MB/s", mbs, None if mbs is None else mbs >= 1))
    view = v.get("view_2000", {}) if isinstance(v.get("view_2000"), dict) else {}
    s = view.get("stable_seconds")
    rows.append(row("2,000-node view stable < 5 s", s, None if s is None else s < 5))
    return rows


# -- the printed table ------------------------------------------------------------------------
def _question_rows(step: str, timings: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One row per question, every engine side by side: ``engine p50/p95 ms``."""
    by_question: dict[str, list[str]] = {}
    for r in timings:
        if "p50_ms" in r:
            text = f"{r['engine']} {r['p50_ms']}/{r['p95_ms']} ms"
            if r.get("peak_rss_mb") is not None:
                text += f" ({r['peak_rss_mb']} MB)"
        else:
            text = f"{r['engine']} error: {r.get('error')}"
        by_question.setdefault(r["question"], []).append(text)
    return [{"step": step, "figure": f"{q} p50/p95", "value": "; ".join(v)} for q, v in by_question.items()]


def summary_rows(results: dict[str, Any]) -> list[dict[str, Any]]:
    """One row per figure: step, figure, value (what ``phakhi bench`` prints)."""
    rows: list[dict[str, Any]] = []
    for step, figures in results["steps"].items():
        if step == "memory":
            for s, mb in figures.items():
                rows.append({"step": "memory", "figure": f"{s} peak MB", "value": mb})
            continue
        for k, v in figures.items():
            if k == "questions":
                rows += _question_rows(step, v)
            elif k.startswith(("profile", "per_type")):
                continue
            elif isinstance(v, dict):
                rows.append({"step": step, "figure": k, "value": ", ".join(f"{a}={b}" for a, b in v.items())})
            else:
                rows.append({"step": step, "figure": k, "value": v})
    for t in results.get("targets", []):
        rows.append({"step": "target", "figure": t["target"], "value": f"{t['status']} ({t['value']})"})
    return rows
