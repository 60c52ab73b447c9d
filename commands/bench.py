"""``phakhi bench``: performance figures measured side by side, printed and written as JSON."""
from __future__ import annotations

import json
import tempfile
from pathlib import Path

import click

from phakhi.commands.common import PhakhiError, emit

STEP_NAMES = ["extract", "neo4j", "queries", "analyses", "view", "memory"]


def _steps(value: str) -> list[str]:
    steps = [s.strip() for s in value.split(",") if s.strip()]
    unknown = [s for s in steps if s not in STEP_NAMES]
    if unknown:
        raise click.BadParameter(f"unknown step {unknown[0]!r} (choose from {', '.join(STEP_NAMES)})")
    return steps


@click.command("bench")
@click.option("--scale", type=float, default=1.0, show_default=True,
              help="Corpus size (1 ≈ 300 generated documents); the store steps use scale/100 of "
                   "the national graph (100: ~100k nodes, ~1M edges).")
@click.option("--national", type=float, default=None, metavar="FRACTION",
              help="Share of the national graph for the store steps (default scale/100).")
@click.option("--out", "out", type=click.Path(dir_okay=False, path_type=Path),
              default=Path("bench-results.json"), show_default=True, help="JSON results file.")
@click.option("--steps", default=",".join(STEP_NAMES), show_default=True,
              help="Comma-separated steps to run.")
@click.option("--seed", type=int, default=8, show_default=True, help="Generator seed.")
@click.option("--neo4j", "neo4j", default="local", show_default=True, metavar="local|off|URI",
              help="local: a private server on its own port (scripts/neo4j-local, stopped after); "
                   "a bolt:// URI: that (empty) database, credentials from NEO4J_USER/NEO4J_PASSWORD.")
@click.option("--neo4j-max-facts", type=int, default=60_000, show_default=True,
              help="Facts loaded through the store before it stops and extrapolates; the whole "
                   "graph then goes into the private server by neo4j-admin import for the queries.")
@click.option("--workdir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Where generated corpora and stores go (default: a temporary folder).")
@click.option("--generate", "generate_dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Only write the generated documents and truth.json (gold format) to this folder.")
@click.option("--profile", is_flag=True, help="cProfile extraction and Neo4j loading; top functions in the JSON.")
@click.option("--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table",
              show_default=True, help="Output format.")
def bench(scale: float, national: float | None, out: Path, steps: str, seed: int, neo4j: str,
          neo4j_max_facts: int, workdir: Path | None, generate_dir: Path | None, profile: bool,
          fmt: str) -> None:
    """Measure extraction, Neo4j loading, canned questions, analyses and the HTML view on
    generated Thai documents and a generated national graph; each target met or missed.

    Example: ``phakhi bench --scale 1 --steps extract,queries --out bench-results.json``
    """
    from phakhi.bench.runner import BenchConfig, run_bench, summary_rows

    if scale <= 0:
        raise PhakhiError("--scale must be positive")
    chosen = _steps(steps)
    if generate_dir is not None:
        from phakhi.bench.generator import generate_corpus

        try:
            corpus = generate_corpus(generate_dir, scale, seed)
        except OSError as exc:
            raise PhakhiError(f"{generate_dir}: cannot write ({exc.strerror or exc})") from None
        emit([{"documents": len(corpus.documents), "megabytes": round(corpus.total_bytes / 1e6, 3),
               "truth": str(corpus.truth_path), **corpus.counts}], fmt)
        return
    tmp = None
    if workdir is None:
        tmp = tempfile.TemporaryDirectory(prefix="phakhi-bench-")
        workdir = Path(tmp.name)
    cfg = BenchConfig(scale=scale, seed=seed, workdir=str(workdir.resolve()), steps=chosen,
                      national=national, neo4j=neo4j, profile=profile,
                      neo4j_max_facts=neo4j_max_facts)
    try:
        results = run_bench(cfg, progress=lambda m: click.echo(m, err=True))
    finally:
        if tmp is not None:
            tmp.cleanup()
    try:
        out.write_text(json.dumps(results, ensure_ascii=False, indent=1, default=str) + "\n", encoding="utf-8")
    except OSError as exc:
        raise PhakhiError(f"{out}: cannot write results ({exc.strerror or exc})") from None
    emit(summary_rows(results), fmt, columns=["step", "figure", "value"])


COMMANDS: list[click.Command] = [bench]
