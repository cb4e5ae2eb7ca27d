from __future__ import annotations

import io
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from ingest_samples import ENGLISH_STORY, SECOND_STORY, STORY, synthetic_records, write_jsonl

from marsad.cli import main
from marsad.store import open_store

REPO = Path(__file__).resolve().parent.parent


def _dump(tmp_path: Path) -> Path:
    records = synthetic_records(6)
    records.append({"id": "empty-1", "text": ""})
    records.append(dict(records[0], id="copy-of-0", url="https://mirror.example/copy"))  # same content
    path = write_jsonl(tmp_path / "dump.jsonl", records)
    with open(path, "a", encoding="utf-8") as fh:
        fh.write("{broken line\n")
    return path


def test_ingest_reports_counts_and_rerun_adds_nothing(tmp_path: Path, tmp_db: str, capsys: pytest.CaptureFixture[str]) -> None:
    dump = _dump(tmp_path)
    rc = main(["--db", tmp_db, "ingest", "--no-progress", "--batch-size", "4", str(dump)])
    out, err = capsys.readouterr()
    assert rc == 1
    assert out.strip().splitlines()[-1] == "ingested 6, skipped 1 duplicates, failed 2"
    assert "empty content" in err and "not JSON" in err
    rc = main(["--db", tmp_db, "ingest", "--no-progress", str(dump)])
    out, _ = capsys.readouterr()
    assert out.strip().splitlines()[-1] == "ingested 0, skipped 7 duplicates, failed 2"
    with open_store(tmp_db) as store:
        assert store.count_articles() == 6
        art = next(store.iter_articles())
        assert "sentences" in art.layers and "tokens" not in art.layers
        assert art.layers["sentences"]
        assert {f["error"] for f in store.failures()} >= {"empty content"}


def test_ingest_clean_run_exits_zero(tmp_path: Path, tmp_db: str, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "a.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "b.txt").write_text(SECOND_STORY, encoding="utf-8")
    rc = main(["--db", tmp_db, "ingest", "--no-progress", "--outlet", "الموقع", "--published", "2024-05-01", str(tmp_path)])
    out, _ = capsys.readouterr()
    assert rc == 0 and out.strip() == "ingested 2, skipped 0 duplicates, failed 0"
    with open_store(tmp_db) as store:
        arts = list(store.iter_articles(with_layers=False))
    assert {(a.outlet, a.published, a.published_source) for a in arts} == {("الموقع", "2024-05-01", "metadata")}


def test_ingest_rejects_bad_field_option(tmp_path: Path, tmp_db: str, capsys: pytest.CaptureFixture[str]) -> None:
    rc = main(["--db", tmp_db, "ingest", "--field", "colour=red", str(tmp_path)])
    assert rc == 2
    assert "unknown key" in capsys.readouterr().err
    rc = main(["--db", tmp_db, "ingest", "--published", "yesterday", str(tmp_path)])
    assert rc == 2
    assert "is not a date" in capsys.readouterr().err


def test_analyze_jsonl_in_input_order_without_tokens(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "1.txt").write_text(SECOND_STORY, encoding="utf-8")
    (tmp_path / "2.txt").write_text(ENGLISH_STORY, encoding="utf-8")
    (tmp_path / "3.txt").write_bytes(b"")
    rc = main(["analyze", "--format", "jsonl", str(tmp_path / "1.txt"), str(tmp_path / "3.txt"), str(tmp_path / "2.txt")])
    out, err = capsys.readouterr()
    assert rc == 1
    assert "3.txt: empty file" in err
    records = [json.loads(line) for line in out.splitlines()]
    assert [Path(r["source"]).name for r in records] == ["1.txt", "2.txt"]
    assert records[0]["schema"] == "marsad-article/1"
    assert "sentences" in records[0]["layers"] and "tokens" not in records[0]["layers"]
    assert records[1]["language"] == "en" and records[1]["meta"]["non_arabic"] is True
    assert "صادق البرلمان" in out  # ensure_ascii=False


def test_analyze_json_array_with_tokens_and_layers(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    f = tmp_path / "s.txt"
    f.write_text(STORY, encoding="utf-8")
    assert main(["analyze", "--tokens", str(f)]) == 0
    records = json.loads(capsys.readouterr().out)
    assert isinstance(records, list) and len(records) == 1
    assert records[0]["layers"]["tokens"]
    assert main(["analyze", "--layers", "sentences", str(f)]) == 0
    records = json.loads(capsys.readouterr().out)
    assert list(records[0]["layers"]) == ["sentences"]
    assert main(["analyze", "--layers", "nonsense", str(f)]) == 2
    assert "unknown layer" in capsys.readouterr().err


def test_analyze_stdin(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(STORY.encode("utf-8")), encoding="utf-8"))
    assert main(["analyze", "--format", "jsonl", "-"]) == 0
    record = json.loads(capsys.readouterr().out)
    assert record["source"] == "<stdin>" and "وزارة الخارجية" in record["text"]
    assert len(record["layers"]["sentences"]) == 3


def test_analyze_seeds_with_sidecar(shared_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    seeds = shared_dir / "corpus" / "seeds"
    files = sorted(str(p) for p in seeds.glob("*.txt"))
    assert main(["analyze", "--format", "jsonl", *files, "--meta", str(seeds / "meta.jsonl")]) == 0
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    sidecar = {e["file"]: e for e in map(json.loads, (seeds / "meta.jsonl").read_text(encoding="utf-8").splitlines())}
    assert len(records) == 5
    for rec in records:
        expected = sidecar[Path(rec["source"]).name]
        assert rec["published"] == {"value": expected["published"], "from": "metadata"}
        assert rec["outlet"] == expected["outlet"]
        assert set(expected["wires"]) <= set(rec["meta"]["wires"])
        assert rec["language"] == "ar"


def _count(db: Path) -> int:
    if not db.exists():
        return 0
    try:
        con = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1)
        try:
            return int(con.execute("SELECT count(*) FROM articles").fetchone()[0])
        finally:
            con.close()
    except sqlite3.Error:
        return 0


def _ingest_cmd(db: Path, dump: Path) -> list[str]:
    return [sys.executable, "-m", "marsad", "--db", str(db), "ingest", "--no-progress", "--batch-size", "5", str(dump)]


@pytest.mark.slow
def test_killed_ingest_resumes_without_loss_or_duplicates(tmp_path: Path) -> None:
    records = synthetic_records(600)
    records.insert(50, {"id": "empty", "text": " "})
    dump = write_jsonl(tmp_path / "synthetic.jsonl", records)
    env = dict(os.environ, PYTHONPATH=str(REPO))

    whole = tmp_path / "whole.db"
    done = subprocess.run(_ingest_cmd(whole, dump), env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode == 1, done.stderr  # the one empty record
    assert "ingested 600, skipped 0 duplicates, failed 1" in done.stdout

    killed = tmp_path / "killed.db"
    proc = subprocess.Popen(_ingest_cmd(killed, dump), env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        while _count(killed) < 25 and proc.poll() is None:
            time.sleep(0.005)
        still_running = proc.poll() is None
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        proc.wait(timeout=60)
    committed = _count(killed)
    assert still_running, "ingest finished before it could be killed"
    assert 25 <= committed < 600
    assert committed % 5 == 0  # whole batches of 5, never part of one

    rerun = subprocess.run(_ingest_cmd(killed, dump), env=env, capture_output=True, text=True, timeout=600)
    assert f"skipped {committed} duplicates" in rerun.stdout
    assert _count(killed) == _count(whole) == 600
    with sqlite3.connect(killed) as a, sqlite3.connect(whole) as b:
        ids_a = {r[0] for r in a.execute("SELECT id FROM articles")}
        ids_b = {r[0] for r in b.execute("SELECT id FROM articles")}
        layers = a.execute("SELECT count(*) FROM layers WHERE name='sentences'").fetchone()[0]
    assert ids_a == ids_b
    assert layers == 600
