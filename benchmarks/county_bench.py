"""The county at full size: villages × households × years of closed months, on PostgreSQL.

    python benchmarks/county_bench.py [--villages 150] [--households 200] [--years 10]
                                      [--cache DIR] [--url POSTGRESQL_URL] [--json FILE]

One village is built with the shop's own services (``pos.demo``: households and
cards, goods and deliveries, labour days, hygiene rounds, good deeds,
deductions, redemptions, lost cards, families moving away, a write-off, each
month closed by the supervisor as it ends) and packaged by the village's own
``pos.county.package.make``. Every village of the county is that chain
re-chained under a name and a signing key of its own: the village fact at
transaction #1 carries the name, so each village's id (the hash of #1) and every
hash after it differ, and each closure's document is re-linked to the new
hashes. Nothing is trusted: the import proves each village's chain, closures and
signatures as it would any village's.

Printed, measured side by side in one run:

* the whole history imported year by year, village by village, against the
  least a verifier must do with the same package: read the chain's lines from
  the ZIP, parse and re-encode each (sorted keys, no spaces), hash it, and
  ``COPY`` the rows into a table with the same columns and primary key (ratio
  baseline/import; aim ≥ 0.5);
* one more month imported for every village (the month's work at the county);
* every county report and screen query (p50/p95 over repeated runs; aim
  ≤ 200 ms) after 1, 5 and 10 years of history, to show they stay flat;
* the peak memory (``tracemalloc``) of importing one year of a village at the
  start and at the end of the history, and of one package holding a whole
  village's history: bounded by the package's size, not by the history's.

The template village is built once and kept in ``--cache`` (a few minutes for
ten years). ``--villages 4 --households 12 --years 1`` runs in seconds.

Figures (PostgreSQL 15, a PC of 2 CPUs shared with other work throughout: a
figure in milliseconds or transactions a second moves by half between runs as
that work comes and goes; the ratio, measured package by package side by side,
moves by a few hundredths). The template village at 200 households makes about
700 transactions a year (7,169 in ten years and a month), so the county's whole
history at full size is about a million transactions.

``--villages 150 --households 200 --years 10`` (the issue's full size; 4 to 6
minutes once the template is built, 3.5 minutes for the template)::

                                 before (main a8a612c)     after
    ratio baseline/import        0.39 (0.36-0.41 by year)  0.50 (0.47-0.55 by year)
    one month, 150 villages      4.2 s, p95 39 ms          3.3 s, p95 29 ms (a village)
    report, p95 at 1/5/10 years  277 / 283 / 258 ms        53 / 89 / 43 ms
    workbook + PDF, p95          887 / 996 / 849 ms        106 / 173 / 96 ms
    the window's reads, p95      5-47 ms                   3-14 ms (their code unchanged)
    peak memory of an import     3.5 / 2.6 MiB a year,     3.3 / 2.6 MiB a year,
                                 5.4 MiB ten years at once 4.4 MiB ten years at once

A second run after, with the PC busier: ratio 0.50 (0.47-0.53 by year); workbook + PDF
p50 76 / 127 / 141 ms, p95 107 / 173 / 198 ms; report p95 49 / 86 / 104 ms; memory the same.
``--villages 50 --households 200 --years 10``: ratio 0.49 (0.47-0.51 by year);
report p95 34 / 64 / 50 ms, workbook + PDF p95 62 / 114 / 130 ms; memory as above.
``--villages 20 --households 50 --years 2``: ratio 0.33 before (0.34, 0.32),
0.50 and 0.48 in two runs after (by year 0.48 0.52, 0.49 0.46); workbook + PDF
p95 158 / 125 ms before, 34 / 73 and 56 / 47 ms after; the other reads p95 3-36
ms, memory 1.9-2.9 MiB, before and after.

The reads stay flat as the history grows (they read ``county_month`` and its
details, never the chain), and grow with the villages: the report and the
workbook are a line a village. The memory of an import is bounded by a batch of
rows and the replay's memory of recent redemptions (``RECENT``), not by the
history: a ten-year package peaks where the memory of redemptions is full.
What the import spends beyond the baseline: replaying each transaction and
recomputing each month (``pos.county.replay``, about a third), and the
statements of the import's one transaction (its caller, key, village, package
row, receipt).
"""

from __future__ import annotations

import argparse
import gc
import hashlib
import io
import json
import os
import re
import statistics
import sys
import tempfile
import time
import tracemalloc
import zipfile
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from types import SimpleNamespace

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey  # noqa: E402

from ledger import canonical  # noqa: E402
from pos.county import package as packages  # noqa: E402
from pos.county import signing  # noqa: E402

TEMPLATE_NAME = "样板村"
START = date(2016, 1, 1)
SEED = 21
PASSWORD = "county-1"
FIRST = "东西南北上下前后中新老大小高"
SECOND = "岭沟坪塬庄湾河坡峪川寨洼"
HEX64 = re.compile(rb"[0-9a-f]{64}")


def village_names(count: int) -> list[str]:
    names = [f"{a}{b}村" for b in SECOND for a in FIRST]
    if count > len(names):
        names += [f"{a}{b}{n}村" for n in range(2, 2 + count // len(names)) for b in SECOND for a in FIRST]
    return names[:count]


# ---------------------------------------------------------------- the template village


def build_template(cache: Path, households: int, years: int) -> Path:
    """The template village's package (every closed month), built once with the services."""
    cache.mkdir(parents=True, exist_ok=True)
    for longer in sorted(cache.glob(f"template-h{households}-y*-s{SEED}{packages.SUFFIX}")):
        if int(longer.name.split("-y")[1].split("-")[0]) >= years:
            return longer  # a longer history serves: its first years are the same
    stem = f"template-h{households}-y{years}-s{SEED}"
    made = cache / f"{stem}{packages.SUFFIX}"
    from pos import demo, users
    from pos.store.database import open_database

    path = cache / f"{stem}.db"
    path.unlink(missing_ok=True)
    end = date(START.year + years, 2, 1)  # closes January after the last whole year
    started = time.perf_counter()
    print(f"building the template village ({households} households, {years} years + 1 month) ...",
          file=sys.stderr, flush=True)
    db = open_database(f"sqlite:///{path}")
    try:
        demo.build(db, START, seed=SEED, village_name=TEMPLATE_NAME, households=households,
                   days=(end - START).days + 1, close_months=True)
        secretary = users.login(db, demo.SUPERVISOR, demo.PASSWORD)
        with tempfile.TemporaryDirectory(dir=cache) as folder:
            written = packages.make(db, secretary, Path(folder))
            written.path.replace(made)
    finally:
        db.dispose()
    print(f"  built in {time.perf_counter() - started:.0f} s", file=sys.stderr, flush=True)
    return made


class Template:
    """The template's package, read once: chain lines, closures, audit and notices."""

    def __init__(self, path: Path):
        with packages.Package(path) as package:
            package.check()
            self.lines = list(package.lines(packages.CHAIN))
            self.closures = list(package.records(packages.CLOSURES))
            self.audit = list(package.records(packages.AUDIT))
            self.notices = list(package.records(packages.NOTICES))
        self.hashes = [canonical.GENESIS] + [canonical.digest(line) for line in self.lines]
        self.docs = [json.loads(c["document"]) for c in self.closures]
        for line in self.lines:  # each line's prev is found from its end (attrs come before it)
            if line.rfind(b',"prev":"') < 0:
                raise ValueError("a template line without its prev")

    @property
    def months(self) -> int:
        return len(self.closures)

    def segment(self, first_closure: int, last_closure: int) -> tuple[int, int]:
        """The transactions of closures ``first_closure``..``last_closure`` (1-based)."""
        return self.docs[first_closure - 1]["first_seq"], self.docs[last_closure - 1]["last_seq"]


# ---------------------------------------------------------------- a village of the county


class Village:
    """One village: the template re-chained under ``name``, signed with a key of its own."""

    def __init__(self, template: Template, name: str):
        self.t = template
        self.name = name
        self.old, self.new = TEMPLATE_NAME.encode(), name.encode()
        self.key = signing.Signer(signing.ED25519, Path(name), Ed25519PrivateKey.generate())
        self.done = 0  # re-chained through this transaction
        self.ahead: dict[int, tuple[bytes, str]] = {}
        self.hash_at: dict[int, str] = {0: canonical.GENESIS}
        self.closure_hash = canonical.GENESIS
        self.closures_made = 0
        self.acknowledged = None
        self.id = ""

    def _line(self, seq: int, prev: str) -> bytes:
        line = self.t.lines[seq - 1].replace(self.old, self.new)
        cut = line.rfind(b',"prev":"') + 9
        return line[:cut] + prev.encode() + line[cut + 64:]

    def _advance(self, upto: int) -> None:
        prev = self.hash_at.get(self.done) or self.ahead[self.done][1]
        while self.done < upto:
            seq = self.done + 1
            line = self._line(seq, prev)
            prev = canonical.digest(line)
            self.ahead[seq] = (line, prev)
            self.done = seq
            if seq == 1:
                self.id = prev

    def package(self, last_closure: int) -> tuple[bytes, int]:
        """The package of the closures after the last packaged, through ``last_closure``:
        (bytes, transactions)."""
        first_closure = self.closures_made + 1
        first, last = self.t.segment(first_closure, last_closure)
        heads = [self.t.docs[n - 1]["head_seq"] for n in range(first_closure, last_closure + 1)]
        self._advance(max(last, *heads))
        prev_hash = self.hash_at[first - 1]
        chain = []
        for seq in range(first, last + 1):
            line, digest = self.ahead.pop(seq)
            chain.append(line)
            self.hash_at[seq] = digest
        mapping = {self.t.hashes[seq].encode(): (self.hash_at.get(seq) or self.ahead[seq][1]).encode()
                   for seq in {first - 1, last, *heads} if seq <= self.done}
        closures = []
        for number in range(first_closure, last_closure + 1):
            template = self.t.closures[number - 1]
            previous = self.t.closures[number - 2]["hash"].encode() if number > 1 else None
            if previous is not None:
                mapping[previous] = self.closure_hash.encode()
            text = template["document"].encode().replace(self.old, self.new)
            text = HEX64.sub(lambda m: mapping.get(m.group(0)) or m.group(0), text)
            digest = canonical.digest(text)
            closures.append({"number": number, "month": template["month"], "hash": digest,
                             "document": text.decode()})
            self.closure_hash = digest
        audit = [self._renamed(r) for r in self.t.audit[first_closure - 1:last_closure]]
        notices = [self._renamed(r) for r in self.t.notices[first_closure - 1:last_closure]]
        out = io.BytesIO()
        packages.write(out, village_id=self.id, village_name=self.name, key=self.key,
                       made_at=datetime(2026, 2, 2, tzinfo=UTC), made_by="lishuji",
                       acknowledged=self.acknowledged, from_seq=first, to_seq=last,
                       prev_hash=prev_hash, last_hash=self.hash_at[last], chain=chain,
                       closures=closures, audit=audit, notices=notices)
        for seq in range(first - 1, last):  # keep only what a later closure may name
            self.hash_at.pop(seq, None)
        self.acknowledged = SimpleNamespace(closure=last_closure, seq=last, hash=self.hash_at[last])
        self.closures_made = last_closure
        return out.getvalue(), last - first + 1

    def _renamed(self, record: dict) -> dict:
        return json.loads(canonical.dumps(record).replace(self.old, self.new))


# ---------------------------------------------------------------- the least a verifier must do


BASELINE_TABLE = """
CREATE TABLE IF NOT EXISTS bench_baseline (
    village_id varchar(64) NOT NULL, seq bigint NOT NULL, at timestamptz NOT NULL,
    kind varchar(32) NOT NULL, reverses bigint, hash varchar(64) NOT NULL, body text NOT NULL,
    PRIMARY KEY (village_id, seq));
CREATE TABLE IF NOT EXISTS bench_baseline_closure (
    village_id varchar(64) NOT NULL, number integer NOT NULL, hash varchar(64) NOT NULL,
    document text NOT NULL, PRIMARY KEY (village_id, number))
"""


def _lines(archive: zipfile.ZipFile, name: str):
    """An entry's lines, read in blocks as the import reads them."""
    rest = b""
    with archive.open(name) as stream:
        while block := stream.read(packages.BLOCK):
            lines = (rest + block).split(b"\n")
            rest = lines.pop()
            yield from lines


def baseline(connection, village_id: str, data: bytes) -> int:
    """Read the package's chain and closures, re-encode and hash every line, COPY the rows
    (the chain's as the import stores them, the closures' documents), commit."""
    rows = 0
    encoder = json.JSONEncoder(ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    with zipfile.ZipFile(io.BytesIO(data)) as archive, connection.cursor() as cursor:
        with cursor.copy("COPY bench_baseline (village_id, seq, at, kind, reverses, hash, body) "
                         "FROM STDIN") as copy:
            for line in _lines(archive, packages.CHAIN):
                doc = json.loads(line)
                again = encoder.encode(doc)
                if again.encode() != line:
                    raise ValueError(f"line {doc['seq']} is not canonical")
                copy.write_row((village_id, doc["seq"], doc["at"], doc["kind"], doc["reverses"],
                                hashlib.sha256(line).hexdigest(), again))
                rows += 1
        with cursor.copy("COPY bench_baseline_closure (village_id, number, hash, document) "
                         "FROM STDIN") as copy:
            for line in _lines(archive, packages.CLOSURES):
                record = json.loads(line)
                document = record["document"].encode()
                doc = json.loads(document)
                if encoder.encode(doc).encode() != document or hashlib.sha256(document).hexdigest() \
                        != record["hash"]:
                    raise ValueError(f"closure {record['number']} is not canonical")
                copy.write_row((village_id, record["number"], record["hash"], record["document"]))
    connection.commit()
    return rows


# ---------------------------------------------------------------- the county's reads


def queries(db, actor, month: str, as_of: date, folder: Path) -> list[tuple[str, object]]:
    """Every report and screen query of the county, for the month ``month``."""
    from pos.county import keys, received, report, spotcheck

    def papers():
        report.write_files(report.report(db, actor, month, as_of), folder)

    first = report.villages(db, actor)[0].village_id
    return [
        ("report: villages × months, totals, comparisons", lambda: report.report(db, actor, month, as_of)),
        ("villages", lambda: report.villages(db, actor)),
        ("keys", lambda: keys.keys(db, actor)),
        ("window: packages received", lambda: received.packages(db, actor)),
        ("window: a village's month (flags, notice)", lambda: received.village_month(db, actor, first, month)),
        ("window: spot checks drawn", lambda: spotcheck.checks(db, actor)),
        ("the month's workbook and one-page PDF", papers),
    ]


def timed(calls: list[tuple[str, object]], repeat: int) -> dict[str, tuple[float, float]]:
    """Each call's p50 and p95 in milliseconds, the calls taken in turns."""
    found: dict[str, list[float]] = {name: [] for name, _ in calls}
    for _name, call in calls:  # once each, warm
        call()
    for _ in range(repeat):
        for name, call in calls:
            started = time.perf_counter()
            call()
            found[name].append((time.perf_counter() - started) * 1000)
    return {name: (statistics.median(values), _p95(values)) for name, values in found.items()}


def _p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def peak_import(db, actor, data: bytes, name: str) -> tuple[float, object]:
    """The import's peak of Python memory (MiB), measured alone."""
    from pos.county import intake

    gc.collect()
    tracemalloc.start()
    try:
        done = intake.import_package(db, actor, data, name=name)
        peak = tracemalloc.get_traced_memory()[1] / (1 << 20)
    finally:
        tracemalloc.stop()
    return peak, done


# ---------------------------------------------------------------- the run


@dataclass
class Tally:
    transactions: int = 0
    packages: int = 0
    imported: float = 0.0
    baseline: float = 0.0
    latencies: list[float] = field(default_factory=list)

    def add(self, rows: int, imported: float, baseline: float) -> None:
        self.transactions += rows
        self.packages += 1
        self.imported += imported
        self.baseline += baseline
        self.latencies.append(imported)

    def merge(self, other: Tally) -> None:
        self.transactions += other.transactions
        self.packages += other.packages
        self.imported += other.imported
        self.baseline += other.baseline

    @property
    def ratio(self) -> float:
        return self.baseline / self.imported if self.imported else 0.0


def run(args) -> dict:
    from argon2 import PasswordHasher

    from pos.county import accounts, intake
    from pos.county.database import open_county
    from pos.county.vocabulary import PackageStatus

    template = Template(build_template(args.cache, args.households, args.years))
    if template.months < 12 * args.years + 1:
        raise SystemExit("the template holds fewer months than asked")
    names = village_names(args.villages + 2)
    villages = [Village(template, name) for name in names[:args.villages]]
    steady, whole = (Village(template, name) for name in names[args.villages:])

    server = None
    url = args.url
    if url is None:
        from tests.postgres_server import Server, wait_ready

        server = Server()
        server.start()
        wait_ready(server)
        url = server.create_database("aixin_county_bench")
    try:
        accounts._hasher = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
        db = open_county(url, create=True)
        accounts.initialise(db, name="宜川县", admin="xian", admin_name="县干部", password=PASSWORD)
        actor = accounts.login(db, "xian", PASSWORD)
        raw = db.engine.raw_connection()
        connection = raw.driver_connection
        connection.execute(BASELINE_TABLE)
        connection.commit()
        version = connection.execute("SHOW server_version").fetchone()[0]
        gc.collect()
        gc.freeze()  # the template and the villages' keys live as long as the run: out of the collector's way

        def one(village: Village, last_closure: int, tally: Tally) -> None:
            data, rows = village.package(last_closure)
            started = time.perf_counter()
            baseline(connection, village.id, data)
            middle = time.perf_counter()
            done = intake.import_package(db, actor, data, name=f"{village.name}{packages.SUFFIX}")
            ended = time.perf_counter()
            if done.status != PackageStatus.IMPORTED:
                raise SystemExit(f"{village.name}: {done.status} {done.reason} {done.params}")
            tally.add(rows, ended - middle, middle - started)

        memory = {}
        data, _ = steady.package(12)
        memory["one year, at the start"], _ = peak_import(db, actor, data, f"{steady.name}-1")
        history, by_year, reads = Tally(), [], {}
        checkpoints = sorted({1, min(5, args.years), args.years})
        with tempfile.TemporaryDirectory() as folder:
            for year in range(1, args.years + 1):
                this_year = Tally()
                for village in villages:
                    one(village, 12 * year, this_year)
                history.merge(this_year)
                by_year.append(this_year)
                if year > 1:
                    data, _ = steady.package(12 * year)
                    if year == args.years:
                        memory["one year, at the end"], _ = peak_import(db, actor, data, f"{steady.name}-{year}")
                    else:
                        intake.import_package(db, actor, data, name=f"{steady.name}-{year}")
                print(f"  year {year}: {this_year.transactions:,} transactions, import {this_year.imported:.1f} s, "
                      f"baseline {this_year.baseline:.1f} s, ratio {this_year.ratio:.2f}", file=sys.stderr, flush=True)
                if year in checkpoints:
                    closure = template.closures[12 * year - 1]
                    month = closure["month"]
                    as_of = date.fromisoformat(f"{month}-28")
                    reads[year] = timed(queries(db, actor, month, as_of, Path(folder)), args.repeat)
            data, _ = whole.package(12 * args.years)
            memory[f"{args.years} years in one package"], _ = peak_import(db, actor, data, whole.name)

            month_tally = Tally()
            for village in villages:
                one(village, 12 * args.years + 1, month_tally)
        ended = time.perf_counter()
        return {
            "villages": args.villages, "households": args.households, "years": args.years,
            "postgresql": version, "template_transactions": len(template.lines),
            "history": {"transactions": history.transactions, "packages": history.packages,
                        "import_s": round(history.imported, 2), "baseline_s": round(history.baseline, 2),
                        "ratio": round(history.ratio, 3),
                        "by_year": [round(t.ratio, 3) for t in by_year]},
            "month": {"transactions": month_tally.transactions, "packages": month_tally.packages,
                      "import_s": round(month_tally.imported, 2), "baseline_s": round(month_tally.baseline, 2),
                      "p50_ms": round(statistics.median(month_tally.latencies) * 1000, 1),
                      "p95_ms": round(_p95(month_tally.latencies) * 1000, 1)},
            "queries_ms": {str(year): {name: [round(p50, 1), round(p95, 1)] for name, (p50, p95) in found.items()}
                           for year, found in reads.items()},
            "peak_mib": {name: round(value, 1) for name, value in memory.items()},
            "finished": ended,
        }
    finally:
        gc.unfreeze()
        try:
            db.dispose()
        except NameError:
            pass
        if server is not None:
            server.stop()


def report_lines(found: dict) -> list[str]:
    h, m = found["history"], found["month"]
    lines = [
        f"The county: {found['villages']} villages × {found['households']} households, {found['years']} years "
        f"(each village {found['template_transactions']:,} transactions in {12 * found['years'] + 1} months), "
        f"PostgreSQL {found['postgresql']}",
        "",
        f"Whole history, year by year: {h['transactions']:,} transactions in {h['packages']:,} packages",
        f"  import                {h['import_s']:8.1f} s   {h['transactions'] / max(h['import_s'], 1e-9):9,.0f} tx/s",
        f"  least a verifier does {h['baseline_s']:8.1f} s   {h['transactions'] / max(h['baseline_s'], 1e-9):9,.0f} tx/s"
        "   (read, re-encode and hash the chain and closures; COPY them)",
        f"  ratio baseline/import {h['ratio']:8.2f}     (aim ≥ 0.5); by year: "
        + " ".join(f"{r:.2f}" for r in h["by_year"]),
        "",
        f"One month for every village: {m['packages']} packages, {m['transactions']:,} transactions",
        f"  import {m['import_s']:.2f} s (p50 {m['p50_ms']:.0f} ms, p95 {m['p95_ms']:.0f} ms a village); "
        f"least a verifier does {m['baseline_s']:.2f} s",
        "",
        "Reports and screen queries, ms p50 / p95 (aim p95 ≤ 200), after "
        + ", ".join(f"{year} year{'s' if int(year) > 1 else ''}" for year in found["queries_ms"]),
    ]
    names = list(next(iter(found["queries_ms"].values())))
    width = max(len(name) for name in names)
    for name in names:
        lines.append(f"  {name:<{width}}  " + "   ".join(
            f"{found['queries_ms'][year][name][0]:7.1f} / {found['queries_ms'][year][name][1]:7.1f}"
            for year in found["queries_ms"]))
    lines += ["", "Peak Python memory of one import (tracemalloc):"]
    lines += [f"  {name}: {value:.1f} MiB" for name, value in found["peak_mib"].items()]
    return lines


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--villages", type=int, default=150)
    parser.add_argument("--households", type=int, default=200)
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument("--repeat", type=int, default=20, help="runs of each query at each checkpoint")
    parser.add_argument("--cache", type=Path, default=Path(tempfile.gettempdir()) / "aixin-county-bench")
    parser.add_argument("--url", help="a PostgreSQL database to use (else a server of its own is started)")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    args = parser.parse_args()
    os.environ.setdefault("AIXIN_HOME", tempfile.mkdtemp(prefix="aixin-county-bench-"))
    started = time.perf_counter()
    found = run(args)
    found["seconds"] = round(found.pop("finished") - started, 1)
    print("\n".join(report_lines(found)))
    if args.json:
        args.json.write_text(json.dumps(found, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
