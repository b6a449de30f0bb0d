"""The benchmark: whole-process timings of wederkerig beside their floors and its peers.

    python tests/bench/run.py            # 10k, 100k and 1M entries; writes docs/performance.md
    python tests/bench/run.py --smoke    # 10k only, one run each, prints the table (CI)

Ledgers are generated deterministically (1,000 contacts, all kinds, both directions, six years
of dates) and loaded through ``wederkerig import entries``, the project's own bulk path. Every
figure is a whole process: the median of several runs with min–max (hyperfine when installed,
else our own loop), and peak memory (the child's maxrss, from ``os.wait4``). Targets are ratios
taken in the same run, so a noisy machine moves both sides together; each prints PASS or MISS.
"""

import argparse
import compileall
import csv
import json
import os
import platform
import random
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from importlib import metadata, util
from pathlib import Path

HERE = Path(__file__).resolve().parent
DOCS = HERE.parent.parent / "docs" / "performance.md"
START, END = "<!-- bench:start -->", "<!-- bench:end -->"
SIZES = {"10k": 10_000, "100k": 100_000, "1M": 1_000_000}
CONTACTS = 1_000
KINDS = ("knowledge", "talent", "money", "access")
COLUMNS = [
    "id", "date", "contact", "direction", "kind", "value", "amount", "description", "event",
    "created_at", "status", "due", "answers", "introduction",
]  # fmt: skip
PYTHON = sys.executable
WEDERKERIG = str(Path(PYTHON).with_name("wederkerig"))

# The same work the CLI does, with nothing but the standard library: the floors.
GROUP_BY = """
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
rows = db.execute(
    "SELECT c.name, s.kind, s.direction, s.points, s.n, s.last, s.cents FROM contact c JOIN ("
    " SELECT contact_id, kind, direction, sum(value) AS points, count(*) AS n,"
    " max(occurred_on) AS last, sum(amount_cents) AS cents FROM entry WHERE status = 'done'"
    " GROUP BY contact_id, kind, direction) s ON s.contact_id = c.id ORDER BY c.name_key"
).fetchall()
"""
CSV_EXPORT = """
import csv, sqlite3, sys
db = sqlite3.connect(sys.argv[1])
out = csv.writer(open(sys.argv[2], "w", newline=""))
out.writerow(sys.argv[3].split(","))
cursor = db.execute(
    "SELECT e.id, e.occurred_on, c.name, e.direction, e.kind, e.value,"
    " printf('%.2f', e.amount_cents / 100.0), e.description, v.name, e.created_at, e.status,"
    " e.due, e.answers_id, e.introduction_id FROM entry e JOIN contact c ON c.id = e.contact_id"
    " LEFT JOIN event v ON v.id = e.event_id ORDER BY e.occurred_on, e.id"
)
while batch := cursor.fetchmany(2000):
    out.writerows(batch)
"""
EXECUTEMANY = """
import csv, sqlite3, sys
db = sqlite3.connect(sys.argv[1])
db.execute("CREATE TABLE contact (id INTEGER PRIMARY KEY, name TEXT UNIQUE)")
db.execute("CREATE TABLE entry (id INTEGER PRIMARY KEY, contact_id INT, direction TEXT, kind TEXT,"
           " value INT, amount_cents INT, description TEXT, occurred_on DATE, status TEXT)")
rows = csv.DictReader(open(sys.argv[2], newline=""))
ids = {}
def contact(name):
    if name not in ids:
        ids[name] = db.execute("INSERT INTO contact (name) VALUES (?)", (name,)).lastrowid
    return ids[name]
db.executemany(
    "INSERT INTO entry (contact_id, direction, kind, value, amount_cents, description,"
    " occurred_on, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
    ((contact(r["contact"]), r["direction"], r["kind"], int(r["value"]),
      round(float(r["amount"]) * 100) if r["amount"] else None, r["description"], r["date"],
      r["status"]) for r in rows),
)
db.commit()
"""


@dataclass
class Timing:
    label: str
    runs: list[float]
    peak_mb: float

    @property
    def median(self) -> float:
        return statistics.median(self.runs)

    def cell(self) -> str:
        spread = f" ({min(self.runs):.2f}–{max(self.runs):.2f})" if len(self.runs) > 1 else ""
        return f"{self.median:.2f} s{spread}"


@dataclass
class Bench:
    runs: int
    workdir: Path
    hyperfine: str | None
    timings: dict[str, Timing] = field(default_factory=dict)
    agrees: dict[str, bool] = field(default_factory=dict)  # peer -> same sums as ours
    verdicts: list[tuple[str, str, bool]] = field(default_factory=list)

    def measure(
        self,
        key: str,
        label: str,
        argv: Sequence[str],
        *,
        runs: int | None = None,
        stdout: str = os.devnull,
    ) -> Timing:
        """Time a whole process ``runs`` times; peak memory from one of those runs."""
        runs = runs or self.runs
        timed_by_hyperfine = self.hyperfine is not None and runs > 1
        seconds, peak = _own_runs(argv, 1 if timed_by_hyperfine else runs, stdout)
        if self.hyperfine and timed_by_hyperfine:
            seconds = _hyperfine_runs(self.hyperfine, argv, runs, stdout)
        timing = Timing(label, seconds, peak)
        self.timings[key] = timing
        print(f"  {label:<58} {timing.cell():>22}  {peak:7.1f} MB", flush=True)
        return timing

    def target(self, claim: str, ok: bool, figures: str) -> None:
        self.verdicts.append((claim, figures, ok))
        print(f"  {'PASS' if ok else 'MISS'}  {claim}: {figures}", flush=True)


def _env() -> dict[str, str]:
    return {**os.environ, "NO_COLOR": "1", "COLUMNS": "120", "WEDERKERIG_DB": ""}


def _own_runs(argv: Sequence[str], runs: int, stdout: str) -> tuple[list[float], float]:
    seconds: list[float] = []
    peak = 0.0
    for _ in range(runs):
        with open(stdout, "w") as sink:
            started = time.perf_counter()
            process = subprocess.Popen(argv, stdout=sink, stderr=subprocess.PIPE, env=_env())
            _, status, usage = os.wait4(process.pid, 0)
            seconds.append(time.perf_counter() - started)
        process.returncode = os.waitstatus_to_exitcode(status)
        if process.returncode != 0:
            error = process.stderr.read().decode() if process.stderr else ""
            raise SystemExit(f"bench: {' '.join(argv)} failed ({process.returncode}): {error}")
        if process.stderr:
            process.stderr.close()
        peak = max(peak, usage.ru_maxrss / 1024)  # Linux reports KiB
    return seconds, peak


def _hyperfine_runs(hyperfine: str, argv: Sequence[str], runs: int, stdout: str) -> list[float]:
    with tempfile.NamedTemporaryFile(suffix=".json") as report:
        command = " ".join(_quote(part) for part in argv) + f" > {_quote(stdout)}"
        subprocess.run(
            [
                hyperfine,
                "--runs",
                str(runs),
                "--warmup",
                "1",
                "--style",
                "none",
                "--export-json",
                report.name,
                command,
            ],
            check=True,
            stdout=subprocess.DEVNULL,
            env=_env(),
        )
        return list(json.loads(Path(report.name).read_text())["results"][0]["times"])


def _quote(part: str) -> str:
    return "'" + part.replace("'", "'\\''") + "'"


def generate_csv(path: Path, count: int) -> None:
    """``count`` entries over 1,000 contacts and six years, the same file for the same count."""
    rng = random.Random(count)
    names = [
        f"Contact {number:04d} {rng.choice(['de Vries', 'Bakker', 'Ødegaard', 'Yılmaz'])}"
        for number in range(CONTACTS)
    ]
    first = date(2020, 11, 27)
    created = datetime(2026, 11, 26, tzinfo=UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    with path.open("w", newline="", encoding="utf-8") as stream:
        writer = csv.writer(stream)
        writer.writerow(COLUMNS)
        for number in range(1, count + 1):
            kind = KINDS[rng.randrange(4)]
            amount = f"{rng.randrange(100, 100_000) / 100:.2f}" if kind == "money" else ""
            writer.writerow(
                [
                    number,
                    (first + timedelta(days=rng.randrange(6 * 365))).isoformat(),
                    names[rng.randrange(CONTACTS)],
                    rng.choice(("gave", "received")),
                    kind,
                    rng.randrange(1, 6),
                    amount,
                    f"entry {number}",
                    "",
                    created,
                    "done",
                    "",
                    "",
                    "",
                ]
            )


def write_journal(source: Path, journal: Path) -> None:
    """The same entries for ledger-cli and hledger: one transaction per entry, in points."""
    with source.open(newline="", encoding="utf-8") as rows, journal.open("w") as out:
        for row in csv.DictReader(rows):
            account = f"people:{row['contact']}:{row['direction']}:{row['kind']}"
            out.write(
                f"{row['date']} entry {row['id']}\n    {account}  {row['value']} P\n    sources\n\n"
            )


def build_ledger(bench: Bench, label: str, count: int) -> tuple[Path, Path]:
    """The generated CSV and a ledger loaded from it (kept in the workdir between runs)."""
    source = bench.workdir / f"entries-{label}.csv"
    ledger = bench.workdir / f"ledger-{label}.db"
    if not source.exists():
        generate_csv(source, count)
    if not ledger.exists():
        load = [
            WEDERKERIG,
            "--db",
            str(ledger),
            "import",
            "entries",
            str(source),
            "--create-contacts",
        ]
        bench.measure(
            f"import:{label}", f"import entries ({label}) into an empty ledger", load, runs=1
        )
    return source, ledger


def first_contact(ledger: Path) -> str:
    with sqlite3.connect(ledger) as db:
        (name,) = db.execute("SELECT name FROM contact ORDER BY name_key LIMIT 1").fetchone()
    return str(name)


def same_sums(program: str, journal: Path, ledger: Path) -> bool:
    """Whether a peer's per-account totals equal ``balance --by-kind``'s, point for point."""
    theirs = subprocess.run(
        [program, "-f", str(journal), "balance", "people", "--flat", "--no-total",
         "--balance-format", "%(quantity(display_total))\t%(account)\n"],
        capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    peer: dict[tuple[str, ...], int] = {}
    for line in theirs.splitlines():
        points, account = line.split("\t")
        peer[tuple(account.split(":")[1:])] = int(points)
    ours = subprocess.run(
        [WEDERKERIG, "--db", str(ledger), "balance", "--by-kind", "--format", "csv"],
        capture_output=True, text=True, check=True, env=_env(),
    ).stdout  # fmt: skip
    mine: dict[tuple[str, ...], int] = {}
    for row in csv.DictReader(ours.splitlines()):
        for direction in ("gave", "received"):
            if int(row[direction]):
                mine[(row["contact"], direction, row["kind"])] = int(row[direction])
    return mine == peer


def compile_package() -> None:
    """Byte-compile wederkerig as pip does at install time: an editable install under
    PYTHONDONTWRITEBYTECODE (set on some machines) would otherwise compile every module from
    source in every run (~50 ms here) and the bench would time that instead of the program."""
    spec = util.find_spec("wederkerig")
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit("bench: run it with the Python of wederkerig's venv")
    for folder in spec.submodule_search_locations:
        compileall.compile_dir(folder, quiet=1)


def floors(bench: Bench) -> None:
    print("floors")
    bench.measure("pass", "python -c pass", [PYTHON, "-c", "pass"])
    bench.measure("typer", "python -c 'import typer'", [PYTHON, "-c", "import typer"])
    bench.measure("sqlmodel", "python -c 'import sqlmodel'", [PYTHON, "-c", "import sqlmodel"])


def sized(bench: Bench, label: str, count: int, peers: dict[str, str]) -> None:
    print(f"{label} entries")
    source, ledger = build_ledger(bench, label, count)
    db = ["--db", str(ledger)]
    name = first_contact(ledger)
    w = [WEDERKERIG, *db]
    bench.measure(
        f"sqlite:{label}",
        f"floor: bare sqlite3 GROUP BY ({label})",
        [PYTHON, "-c", GROUP_BY, str(ledger)],
    )
    bench.measure(
        f"balance:{label}", f"balance --format csv ({label})", [*w, "balance", "--format", "csv"]
    )
    bench.measure(f"table:{label}", f"balance, table ({label})", [*w, "balance"])
    bench.measure(
        f"bykind:{label}",
        f"balance --by-kind --format csv ({label})",
        [*w, "balance", "--by-kind", "--format", "csv"],
    )
    bench.measure(
        f"contact:{label}",
        f"balance CONTACT --format json ({label})",
        [*w, "balance", name, "--format", "json"],
    )
    bench.measure(f"brief:{label}", f"brief CONTACT ({label})", [*w, "brief", name])
    bench.measure(f"due:{label}", f"due ({label})", [*w, "due"])
    bench.measure(f"entries:{label}", f"entries, table ({label})", [*w, "entries"])
    scratch = bench.workdir / f"scratch-{label}.db"
    shutil.copy(ledger, scratch)
    bench.measure(
        f"log:{label}",
        f"log one entry ({label})",
        [WEDERKERIG, "--db", str(scratch), "log", name, "gave", "knowledge", "tip"],
    )
    scratch.unlink()
    bench.measure(
        f"csvfloor:{label}",
        f"floor: bare csv from a sqlite3 cursor ({label})",
        [PYTHON, "-c", CSV_EXPORT, str(ledger), os.devnull, ",".join(COLUMNS)],
        runs=min(bench.runs, 3),
    )
    bench.measure(
        f"export:{label}",
        f"export entries > /dev/null ({label})",
        [*w, "export"],
        runs=min(bench.runs, 3),
    )
    for peer, program in peers.items():
        journal = bench.workdir / f"journal-{label}.ledger"
        if not journal.exists():
            write_journal(source, journal)
        bench.measure(
            f"{peer}:{label}",
            f"{peer} balance people ({label})",
            [program, "-f", str(journal), "balance", "people"],
            runs=1 if peer == "hledger" else None,  # ledger's spread decides its target
        )
        if peer == "ledger":
            bench.agrees[peer] = same_sums(program, journal, ledger)


def import_floor(bench: Bench, label: str) -> None:
    """The import of the largest file into an empty ledger (also when the workdir kept its
    ledgers from an earlier run), beside a bare executemany of the same rows."""
    source = bench.workdir / f"entries-{label}.csv"
    if f"import:{label}" not in bench.timings:
        scratch = bench.workdir / f"import-{label}.db"
        scratch.unlink(missing_ok=True)
        load = [WEDERKERIG, "--db", str(scratch), "import", "entries", str(source),
                "--create-contacts"]  # fmt: skip
        bench.measure(f"import:{label}", f"import entries ({label}) into an empty ledger", load,
                      runs=1)  # fmt: skip
        scratch.unlink()
    target = bench.workdir / f"floor-{label}.db"
    target.unlink(missing_ok=True)
    bench.measure(
        f"executemany:{label}",
        f"floor: bare executemany of the same rows ({label})",
        [PYTHON, "-c", EXECUTEMANY, str(target), str(source)],
        runs=1,
    )
    target.unlink()


def help_and_completion(bench: Bench, label: str) -> None:
    print("startup")
    ledger = bench.workdir / f"ledger-{label}.db"
    bench.measure("version", "wederkerig --version", [WEDERKERIG, "--version"])
    bench.measure("help", "wederkerig --help", [WEDERKERIG, "--help"])
    completion_env = [
        "env", "_WEDERKERIG_COMPLETE=complete_bash", "COMP_WORDS=wederkerig balance Con",
        "COMP_CWORD=2", f"WEDERKERIG_DB={ledger}", WEDERKERIG,
    ]  # fmt: skip
    bench.measure("complete", f"completion of a contact name ({label})", completion_env)
    bench.measure(
        "complete-floor",
        f"floor: bare sqlite3 name lookup ({label})",
        [
            PYTHON,
            "-c",
            "import sqlite3, sys; sqlite3.connect(sys.argv[1]).execute("
            "\"SELECT name FROM contact WHERE name LIKE 'Con%' LIMIT 50\").fetchall()",
            str(ledger),
        ],
    )


def judge(bench: Bench, labels: Sequence[str]) -> None:
    t = {key: timing.median for key, timing in bench.timings.items()}
    peak = {key: timing.peak_mb for key, timing in bench.timings.items()}
    print("targets")
    bench.target(
        "--version ≤ 3× python -c pass",
        t["version"] <= 3 * t["pass"],
        f"{t['version'] / t['pass']:.2f}×",
    )
    bench.target(
        "--help ≤ 2.5× import typer",
        t["help"] <= 2.5 * t["typer"],
        f"{t['help'] / t['typer']:.2f}×",
    )
    bench.target(
        "completion ≤ 3× bare sqlite3",
        t["complete"] <= 3 * t["complete-floor"],
        f"{t['complete'] / t['complete-floor']:.2f}×",
    )
    for label in labels:
        floor = t["sqlmodel"] + t[f"sqlite:{label}"] - t["pass"]
        # The everyday commands (issue #15); log, brief, due and entries at the sizes people have.
        everyday = ("log", "brief", "due", "entries") if label != "1M" else ()
        for key in ("balance", "bykind", "contact", *everyday):
            ratio = t[f"{key}:{label}"] / floor
            bench.target(
                f"{bench.timings[f'{key}:{label}'].label} ≤ 1.25× (import sqlmodel + "
                "bare GROUP BY)",
                ratio <= 1.25,
                f"{ratio:.2f}×",
            )
        ratio = t[f"table:{label}"] / t[f"balance:{label}"]
        bench.target(f"balance table ≤ 1.5× csv ({label})", ratio <= 1.5, f"{ratio:.2f}×")
    big = labels[-1]
    # Throughput is the export's target at the largest size; smaller ones are start-up.
    ratio = t[f"export:{big}"] / t[f"csvfloor:{big}"]
    bench.target(
        f"export ≥ 50% of the bare csv floor's speed ({big})",
        ratio <= 2.0,
        f"{ratio:.2f}× the floor's time",
    )
    for peer, factor in (("ledger", 15), ("hledger", 60)):
        if f"{peer}:{big}" in t:
            # Every run must pass: their best against our worst.
            best, worst = (
                min(bench.timings[f"{peer}:{big}"].runs),
                max(bench.timings[f"balance:{big}"].runs),
            )
            ratio = best / worst
            theirs = f"{best:.1f} s vs {worst:.2f} s, {peak[f'{peer}:{big}']:.0f} MB"
            bench.target(
                f"balance ≥ {factor}× faster than {peer} ({big})",
                ratio >= factor,
                f"{ratio:.1f}× ({theirs})",
            )
        if peer in bench.agrees:
            bench.target(
                f"balance's sums equal {peer}'s ({big})", bench.agrees[peer], "per account"
            )
    bench.target(
        f"balance peak memory < 100 MB ({big})",
        peak[f"balance:{big}"] < 100,
        f"{peak[f'balance:{big}']:.0f} MB",
    )
    small = labels[0]
    if big != small:
        growth = peak[f"export:{big}"] / peak[f"export:{small}"]
        sizes = f"{peak[f'export:{big}']:.0f} MB vs {peak[f'export:{small}']:.0f} MB"
        bench.target(f"export memory at {big} within 20% of {small}", growth <= 1.2, sizes)
    if f"import:{big}" in t and f"executemany:{big}" in t:
        ratio = t[f"import:{big}"] / t[f"executemany:{big}"]
        bench.target(f"import ≤ 3× bare executemany ({big})", ratio <= 3, f"{ratio:.2f}×")


def versions(peers: dict[str, str]) -> list[str]:
    packages = ["wederkerig", "typer", "rich", "sqlmodel", "sqlalchemy"]
    found = [f"{name} {metadata.version(name)}" for name in packages]
    for peer, program in peers.items():
        out = subprocess.run([program, "--version"], capture_output=True, text=True).stdout
        found.append(out.splitlines()[0].strip() if out else peer)
    if shutil.which("hyperfine"):
        found.append(
            subprocess.run(
                ["hyperfine", "--version"], capture_output=True, text=True
            ).stdout.strip()
        )
    return found


def report(bench: Bench, peers: dict[str, str], started: float) -> str:
    lines = [
        f"Run of `python tests/bench/run.py` on {date.today().isoformat()}: {platform.platform()}, "
        f"{os.cpu_count()} cores, Python {platform.python_version()}, SQLite "
        f"{sqlite3.sqlite_version}; {', '.join(versions(peers))}. Medians of {bench.runs} runs "
        f"(min–max) unless one run; whole bench {time.perf_counter() - started:.0f} s.",
        "",
        "| command | time | peak memory |",
        "|---|---:|---:|",
        *(f"| {t.label} | {t.cell()} | {t.peak_mb:.0f} MB |" for t in bench.timings.values()),
        "",
        "| target | measured | verdict |",
        "|---|---:|:---:|",
        *(
            f"| {claim} | {figures} | {'PASS' if ok else 'MISS'} |"
            for claim, figures, ok in bench.verdicts
        ),
    ]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--smoke", action="store_true", help="10k entries, one run each")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--workdir", type=Path, help="keep generated ledgers here")
    parser.add_argument("--no-docs", action="store_true", help="do not rewrite docs/performance.md")
    args = parser.parse_args()
    sizes = {"10k": SIZES["10k"]} if args.smoke else SIZES
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="wederkerig-bench-"))
    workdir.mkdir(parents=True, exist_ok=True)
    peers = {name: path for name in ("ledger", "hledger") if (path := shutil.which(name))}
    hyperfine = None if args.smoke else shutil.which("hyperfine")
    bench = Bench(1 if args.smoke else args.runs, workdir, hyperfine)
    started = time.perf_counter()
    compile_package()
    floors(bench)
    for label, count in sizes.items():
        sized(bench, label, count, peers if label == list(sizes)[-1] else {})
    import_floor(bench, list(sizes)[-1])
    help_and_completion(bench, list(sizes)[-1])
    judge(bench, list(sizes))
    table = report(bench, peers, started)
    if args.smoke or args.no_docs:
        print(table)
        return
    text = DOCS.read_text(encoding="utf-8")
    before, _, rest = text.partition(START)
    _, _, after = rest.partition(END)
    DOCS.write_text(f"{before}{START}\n{table}\n{END}{after}", encoding="utf-8")
    print(f"wrote {DOCS}")


if __name__ == "__main__":
    main()
