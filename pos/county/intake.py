"""Importing villages' packages into the county database, proving each before keeping it.

Each package is checked in this order, and nothing of it is stored unless all of
it passes (one database transaction; a refusal rolls it back, then records the
refusal and keeps the file's bytes as evidence):

1. the file is a package this program reads (``pos.county.package``);
2. the manifest is signed by the key it names, and that key is the village's key
   pinned at its first import. A new key is *held*: the package waits, with its
   bytes, until a county user accepts the key (``accept_key``), and is imported
   then. A retired key is refused;
3. continuity: the segment begins exactly at the county's copy of the village's
   head. Lines the county already holds must be identical, byte for byte; the
   first that differs refuses the package as a fork, naming the village and that
   transaction on both sides. A segment that begins after the head waits for the
   packages before it;
4. every line is the canonical form of its transaction, and every hash, link,
   balance and chained fact is recomputed (``pos.county.replay``); each entry's
   bytes are checked against the manifest's SHA-256 as they stream;
5. each closure's document has its hash, follows the closure before it, and is
   recomputed from the postings: every point total and every household's line.

Importing the same file again changes nothing (and writes its receipt again, if
asked). Each import that brought new closures gets a receipt signed by the county
(``pos.county.receipt``), and the month's figures are summed into
``county_month`` for the reports.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from ledger import canonical
from ledger.book import now
from pos.county import keys, signing
from pos.county import receipt as receipts
from pos.county.accounts import CountyActor, caller, info_in, work
from pos.county.package import ChainEntry, Package, Refused, parse_line
from pos.county.replay import MonthFigures, Replay, State, Tally, parse_time
from pos.county.schema import (
    CountyClosure,
    CountyFlag,
    CountyInbox,
    CountyMonth,
    CountyMonthDetail,
    CountyNotice,
    CountyPackage,
    CountyReceipt,
    CountyTransaction,
    CountyVillage,
)
from pos.county.vocabulary import KeyStatus, PackageStatus, Section
from pos.errors import ShopError
from pos.periods import Month
from pos.store.database import Database
from pos.vocabulary import Kind

log = logging.getLogger("pos")

BATCH = 1000
Progress = Callable[[int, int, str], None]


def _quiet(_done: int, _total: int, _what: str) -> None:
    pass


@dataclass(frozen=True)
class Imported:
    """What became of one package."""

    file: str
    status: PackageStatus
    village_id: str | None = None
    village: str = ""
    closures: tuple[int, ...] = ()
    months: tuple[str, ...] = ()
    transactions: int = 0  # new to the county
    package_id: int | None = None
    reason: str = ""  # a message key when held or refused
    params: dict = field(default_factory=dict)
    receipt: Path | None = None
    notes: tuple[str, ...] = ()
    fingerprint: str = ""


# ---------------------------------------------------------------- one package


class _Import:
    def __init__(self, session: Session, package: Package, by: str, progress: Progress):
        self.session = session
        self.package = package
        self.by = by
        self.progress = progress
        self.notes: list[str] = []
        self.new_closures: list[tuple[int, str, str]] = []  # (number, month, hash)
        self.figures: dict[int, tuple[dict, MonthFigures]] = {}
        self.inserted = 0

    def stored(self, seq: int) -> ChainEntry | None:
        body = self.session.scalar(select(CountyTransaction.body).where(
            CountyTransaction.village_id == self.package.village_id, CountyTransaction.seq == seq))
        return parse_line(body.encode("utf-8")) if body is not None else None

    def _stored_hashes(self, lo: int, hi: int) -> dict[int, tuple[str, str]]:
        t = CountyTransaction.__table__.c
        return {seq: (digest, body) for seq, digest, body in self.session.execute(
            select(t.seq, t.hash, t.body).where(t.village_id == self.package.village_id,
                                                t.seq >= lo, t.seq <= hi))}

    def run(self, village: CountyVillage | None, package_id: int) -> None:
        p, session = self.package, self.session
        head = village.head_seq if village else 0
        if p.from_seq > head + 1:
            raise Refused("county_segment_gap", village=p.village_name, first=p.from_seq, head=head)
        if p.from_seq < 1 or p.to_seq < p.from_seq - 1:
            raise Refused("county_package_tampered", village=p.village_name, detail="segment bounds")
        known_prev = canonical.GENESIS if p.from_seq == 1 else session.scalar(
            select(CountyTransaction.hash).where(CountyTransaction.village_id == p.village_id,
                                                 CountyTransaction.seq == p.from_seq - 1))
        if known_prev is not None and known_prev != p.prev_hash:
            raise Refused("county_fork", village=p.village_name, seq=p.from_seq - 1,
                          here="", there="")
        state = State(json.loads(village.state) if village else None)
        replay = Replay(state, self.stored)
        closures = iter(p.records("closures.jsonl"))
        last_number = village.closure_number if village else 0
        last_hash = village.closure_hash if village else canonical.GENESIS
        last_month = village.last_month if village else None
        last_closed_seq = head if village and village.closure_number else None

        pending: dict | None = None
        tally: Tally | None = None
        differing_closures: list[tuple[int, str]] = []

        def next_closure():
            nonlocal last_number, last_hash, last_month, last_closed_seq
            for record in closures:
                try:
                    number, month, digest, text = (int(record["number"]), str(record["month"]),
                                                   str(record["hash"]), str(record["document"]))
                except (KeyError, TypeError, ValueError):
                    raise Refused("county_package_tampered", village=p.village_name,
                                  detail="a closure line is incomplete") from None
                if canonical.digest(text.encode("utf-8")) != digest:
                    raise Refused("county_closure_mismatch", village=p.village_name, number=number,
                                  month=month, detail="the document does not have its hash")
                doc = json.loads(text)
                if (doc.get("number"), doc.get("month")) != (number, month):
                    raise Refused("county_closure_mismatch", village=p.village_name, number=number,
                                  month=month, detail="the document names another closure")
                if number <= last_number:
                    held = session.scalar(select(CountyClosure.hash).where(
                        CountyClosure.village_id == p.village_id, CountyClosure.number == number))
                    if held != digest:
                        # Refused once the chain is read: a differing transaction says more.
                        differing_closures.append((number, month))
                    continue
                if number != last_number + 1 or doc["prev_hash"] != last_hash:
                    raise Refused("county_closure_mismatch", village=p.village_name, number=number,
                                  month=month, detail=f"does not follow closure {last_number}")
                if last_month is not None and str(Month.parse(last_month).next()) != month:
                    raise Refused("county_closure_mismatch", village=p.village_name, number=number,
                                  month=month, detail=f"does not follow {last_month}")
                if last_closed_seq is not None and doc["first_seq"] != last_closed_seq + 1:
                    raise Refused("county_closure_mismatch", village=p.village_name, number=number,
                                  month=month, detail="its first transaction does not follow the last closure")
                if doc["first_seq"] <= head or doc["last_seq"] > p.to_seq or doc["last_seq"] < doc["first_seq"] - 1:
                    raise Refused("county_closure_mismatch", village=p.village_name, number=number,
                                  month=month, detail="its transactions are not in the package")
                last_number, last_hash, last_month, last_closed_seq = number, digest, month, doc["last_seq"]
                return {"number": number, "month": month, "hash": digest, "text": text, "doc": doc}
            return None

        def settle():
            nonlocal pending, tally
            while True:
                if pending is None:
                    pending = next_closure()
                    if pending is None:
                        return
                if tally is None and state.seq == pending["doc"]["first_seq"] - 1:
                    tally = Tally(pending["number"], pending["doc"], state)
                if tally is not None and state.seq == pending["doc"]["last_seq"]:
                    self._close(pending, tally, state, package_id)
                    pending, tally = None, None
                    continue
                return

        settle()
        rows: list[dict] = []
        overlap: dict[int, tuple[str, str]] = {}
        total = max(p.to_seq - p.from_seq + 1, 1)
        expected = p.from_seq
        for entry in p.chain():
            if entry.seq != expected:
                raise Refused("county_chain_bad", seq=entry.seq, detail=f"expected transaction {expected}")
            expected += 1
            if entry.seq <= head:
                if entry.seq not in overlap:
                    overlap = self._stored_hashes(entry.seq, min(entry.seq + BATCH, head))
                digest, body = overlap.get(entry.seq, ("", ""))
                if digest != entry.hash:
                    raise Refused("county_fork", village=p.village_name, seq=entry.seq,
                                  here=_describe(body), there=_describe(entry.line.decode("utf-8")))
                continue
            effect = replay.apply(entry)
            recorded_head = state.heads.pop(str(entry.seq), None)
            if recorded_head is not None and recorded_head[0] != entry.hash:
                raise Refused("county_closure_mismatch", village=p.village_name, number=recorded_head[1],
                              month=recorded_head[2], detail="the head it records is not in the chain")
            rows.append({"village_id": p.village_id, "seq": entry.seq, "at": parse_time(entry.at),
                         "kind": entry.kind, "reverses": entry.reverses, "hash": entry.hash,
                         "body": entry.line.decode("utf-8")})
            if len(rows) >= BATCH:
                self._flush(rows)
            if tally is not None:
                tally.add(entry, effect, replay)
            settle()
            if entry.seq % BATCH == 0:
                self.progress(entry.seq - p.from_seq, total, p.village_name)
        self._flush(rows)
        if differing_closures:
            number, month = differing_closures[0]
            raise Refused("county_closure_fork", village=p.village_name, number=number, month=month)
        if expected != p.to_seq + 1:
            raise Refused("county_package_tampered", village=p.village_name,
                          detail="the chain ends before the segment does")
        settle()
        if pending is not None or next_closure() is not None:
            raise Refused("county_closure_mismatch", village=p.village_name,
                          number=pending["number"] if pending else last_number,
                          month=pending["month"] if pending else "",
                          detail="its transactions are not in the package")
        if p.to_seq > head and (state.seq, state.hash) != (p.to_seq, p.last_hash):
            raise Refused("county_package_tampered", village=p.village_name,
                          detail="the chain does not end where the manifest says")
        self._flags_and_notices(package_id)
        self.state = state

    def _flush(self, rows: list[dict]) -> None:
        if rows:
            self.session.execute(insert(CountyTransaction.__table__), rows)
            self.inserted += len(rows)
            rows.clear()

    def _close(self, pending: dict, tally: Tally, state: State, package_id: int) -> None:
        errors, notes, figures = tally.finish(state)
        number, month = pending["number"], pending["month"]
        if errors:
            raise Refused("county_closure_mismatch", village=self.package.village_name,
                          number=number, month=month, detail=errors[0])
        doc = pending["doc"]
        # The head when the month was closed lies at or after its last transaction: checked
        # now, or when the replay reaches it (in this package or a later one).
        if doc["head_seq"] == state.seq:
            if doc["head_hash"] != state.hash:
                raise Refused("county_closure_mismatch", village=self.package.village_name,
                              number=number, month=month, detail="the head it records is not in the chain")
        elif doc["head_seq"] > state.seq:
            state.heads[str(doc["head_seq"])] = [doc["head_hash"], number, month]
        if doc["last_seq"] >= doc["first_seq"] and doc["last_hash"] != state.hash:
            raise Refused("county_closure_mismatch", village=self.package.village_name,
                          number=number, month=month, detail="its last hash is not the chain's")
        moment = now(self.session)
        self.session.add(CountyClosure(
            village_id=self.package.village_id, number=number, month=month,
            first_seq=doc["first_seq"], last_seq=doc["last_seq"], last_hash=doc["last_hash"],
            prev_hash=doc["prev_hash"], hash=pending["hash"], document=pending["text"],
            closed_at=parse_time(doc["closed_at"]), package_id=package_id, imported_at=moment,
            notes=json.dumps(notes, ensure_ascii=False)))
        t, c = doc["month_totals"], doc["cumulative"]
        reversed_ = {kind: points for kind, points in t["reversed"]}
        awarded = t["awarded"] - reversed_.get(Kind.AWARD, 0) - reversed_.get(Kind.HYGIENE, 0)
        self.session.add(CountyMonth(
            village_id=self.package.village_id, month=month, closure_number=number,
            closed_at=parse_time(doc["closed_at"]), imported_at=moment, package_id=package_id,
            households=figures.households, transactions=t["transactions"],
            issued_cards=t["issued_cards"] - reversed_.get(Kind.CARD_ISSUE, 0), awarded=awarded,
            deducted=t["deducted"] - reversed_.get(Kind.DEDUCTION, 0),
            redeemed=t["redeemed"] - reversed_.get(Kind.REDEMPTION, 0), redemptions=t["redemptions"],
            recovered=t["recovered"], reversals=figures.reversals,
            labour_points=figures.labour_points, hygiene_points=figures.hygiene_points,
            after_hours=figures.after_hours, own_household=0, flags=0, flags_reviewed=0,
            outstanding=c["outstanding"], outstanding_fen=c["outstanding_fen"],
            point_value_fen=doc["point_value_fen"],
            donations=sum(1 for line in doc["deliveries"] if line[1] == "donation"),
            donations_fen=t["donations_fen"], purchases_fen=t["purchases_fen"],
            count_lines=figures.count_lines, count_fen=figures.count_fen,
            writeoff_fen=figures.writeoff_fen, notes=len(notes)))
        details = [{"section": Section.CATEGORY.value, "name": name, "quantity": 0, "points": points}
                   for name, points in figures.categories.items()]
        details += [{"section": Section.ZONE.value, "name": name, "quantity": quantity, "points": points}
                    for name, (quantity, points) in figures.zones.items()]
        self.session.flush()
        if details:
            self.session.execute(insert(CountyMonthDetail.__table__),
                                 [{"village_id": self.package.village_id, "month": month, **d} for d in details])
        self.notes += [f"{month}: {note}" for note in notes]
        self.new_closures.append((number, month, pending["hash"]))

    def _flags_and_notices(self, package_id: int) -> None:
        p, session = self.package, self.session
        months = {month for _, month, _ in self.new_closures}
        numbers = {number for number, _, _ in self.new_closures}
        for record in p.records("audit.jsonl"):
            month = str(record.get("month", ""))
            if month not in months:
                continue
            flags = record.get("flags") or []
            if flags:
                session.execute(insert(CountyFlag.__table__), [{
                    "village_id": p.village_id, "month": month, "key": str(flag["key"])[:200],
                    "rule": str(flag["rule"]), "seq": flag.get("seq"), "household": flag.get("household"),
                    "operator": str(flag.get("operator") or ""), "message": str(flag.get("message", "")),
                    "reviews": json.dumps(flag.get("reviews") or [], ensure_ascii=False)} for flag in flags])
            row = session.get(CountyMonth, (p.village_id, month))
            row.flags = len(flags)
            row.flags_reviewed = sum(1 for flag in flags if flag.get("reviews"))
            row.own_household = sum(1 for flag in flags if flag.get("rule") == "own_household")
        for record in p.records("notices.jsonl"):
            number = record.get("number")
            if number in numbers:
                session.add(CountyNotice(village_id=p.village_id, number=int(number),
                                         month=str(record.get("month", "")),
                                         data=json.dumps(record, ensure_ascii=False, sort_keys=True)))
        session.flush()


def _describe(body: str) -> str:
    """A transaction in a few words, for a fork's refusal: kind, time, operator."""
    if not body:
        return "-"
    try:
        doc = json.loads(body)
        return f"{doc['kind']} {doc['at'][:19]} {doc['operator']}"
    except (ValueError, KeyError, TypeError):
        return "?"


# ---------------------------------------------------------------- the service


def _record_outcome(db: Database, package: Package, existing_id: int | None, status: PackageStatus,
                    by: str, reason: str = "", params: dict | None = None,
                    keep: bool = True) -> int:
    """Write (or update) the package's row outside the refused import's transaction."""
    with db.write() as session:
        row = session.get(CountyPackage, existing_id) if existing_id else None
        if row is None:
            row = CountyPackage(sha256=package.sha256, received_at=now(session), received_by=by)
            session.add(row)
        row.file_name = package.name[:300]
        row.village_id = package.village_id
        row.village_name = package.village_name[:100]
        row.version = package.version
        row.fingerprint = package.fingerprint if package.village_id else ""
        row.from_seq = getattr(package, "from_seq", None)
        row.to_seq = getattr(package, "to_seq", None)
        row.closures = ",".join(str(n) for n in getattr(package, "closures", ()))[:200]
        row.months = ",".join(getattr(package, "months", ()))[:400]
        row.status = status.value
        row.reason = reason
        row.detail = json.dumps({k: v for k, v in (params or {}).items()
                                 if isinstance(v, (str, int, type(None)))}, ensure_ascii=False)
        row.fork_seq = (params or {}).get("seq") if reason == "county_fork" else None
        row.size = package.size
        row.data = package.content() if keep else None
        session.flush()
        return row.id


def import_package(db: Database, actor: CountyActor, source: Path | bytes, *, name: str = "",
                   receipts_dir: Path | None = None, progress: Progress = _quiet) -> Imported:
    """Check one package and store it, or say why not (``Imported.status``)."""
    package = Package(source, name=name)
    try:
        return _import(db, actor, package, receipts_dir, progress)
    finally:
        package.close()


def _import(db: Database, actor: CountyActor, package: Package, receipts_dir: Path | None,
            progress: Progress) -> Imported:
    with db.read() as session:
        user = caller(session, actor)
        county = info_in(session)
        by = user.username
        existing = session.scalar(select(CountyPackage).where(CountyPackage.sha256 == package.sha256))
        existing_id = existing.id if existing is not None else None
        if existing is not None and existing.status in (PackageStatus.IMPORTED, PackageStatus.UNCHANGED):
            written = None
            if receipts_dir is not None:
                row = session.scalar(select(CountyReceipt).where(CountyReceipt.package_id == existing.id))
                if row is not None:
                    written = receipts.write(receipts_dir, existing.village_name, row)
            return Imported(package.name, PackageStatus.UNCHANGED, existing.village_id,
                            existing.village_name, package_id=existing.id,
                            reason="county_already_imported", params={"id": existing.id},
                            receipt=written, fingerprint=existing.fingerprint)
    signer = signing.county_key(county.county_id)
    if signer is None or signer.public_hex != county.public_key:
        raise ShopError("county_key_missing", path=str(signing.county_key_path(county.county_id)))
    try:
        package.check()
        if not package.signed:
            raise Refused("county_signature_bad", village=package.village_name)
    except Refused as refused:
        package_id = _record_outcome(db, package, existing_id, PackageStatus.REFUSED, by,
                                     refused.key, refused.params)
        log.warning("package %s refused: %s %s", package.name, refused.key, refused.params)
        return Imported(package.name, PackageStatus.REFUSED, package.village_id,
                        package.village_name, package_id=package_id, reason=refused.key,
                        params=refused.params)
    try:
        with work(db) as session:
            decision = keys.decision(session, package)
            if decision == KeyStatus.RETIRED:
                raise Refused("county_key_retired", village=package.village_name,
                              fingerprint=package.fingerprint)
            if decision != KeyStatus.PINNED:
                raise _Held()
            village = session.scalar(select(CountyVillage).where(CountyVillage.id == package.village_id)
                                     .with_for_update())
            row = session.get(CountyPackage, existing_id) if existing_id else None
            if row is None:
                row = CountyPackage(sha256=package.sha256, received_at=now(session), received_by=by)
                session.add(row)
            row.file_name, row.village_id = package.name[:300], package.village_id
            row.village_name, row.version = package.village_name[:100], package.version
            row.fingerprint, row.from_seq, row.to_seq = package.fingerprint, package.from_seq, package.to_seq
            row.closures = ",".join(str(n) for n in package.closures)[:200]
            row.months = ",".join(package.months)[:400]
            row.status, row.reason, row.detail, row.size = PackageStatus.IMPORTED.value, "", "{}", package.size
            row.data = None
            session.flush()
            work_ = _Import(session, package, by, progress)
            try:
                work_.run(village, row.id)
            except (KeyError, IndexError, TypeError, ValueError, ShopError) as problem:
                # A field missing or of the wrong type in what the village signed.
                raise Refused("county_package_tampered", village=package.village_name,
                              detail=f"malformed: {problem!r}"[:200]) from problem
            if not work_.new_closures:
                row.status = PackageStatus.UNCHANGED.value
                return Imported(package.name, PackageStatus.UNCHANGED, package.village_id,
                                package.village_name, package_id=row.id,
                                reason="county_nothing_new_here", fingerprint=package.fingerprint)
            moment = now(session)
            if village is None:
                village = CountyVillage(id=package.village_id, registered_at=moment,
                                        first_month=work_.new_closures[0][1])
                session.add(village)
            state = work_.state
            village.name = package.village_name
            village.head_seq, village.head_hash = state.seq, state.hash
            village.closure_number, village.closure_hash = work_.new_closures[-1][0], work_.new_closures[-1][2]
            village.last_month = work_.new_closures[-1][1]
            village.last_import_at = moment
            village.state = state.to_json()
            session.flush()
            issued = receipts.issue(session, signer, county, package.village_id, package.village_name,
                                    row.id, package.sha256, work_.new_closures, state.seq, state.hash, by)
            written = receipts.write(receipts_dir, package.village_name, issued) if receipts_dir else None
            log.info("imported %s: %s closures %s, %d new transactions", package.name,
                     package.village_name, [n for n, _, _ in work_.new_closures], work_.inserted)
            return Imported(package.name, PackageStatus.IMPORTED, package.village_id,
                            package.village_name, tuple(n for n, _, _ in work_.new_closures),
                            tuple(m for _, m, _ in work_.new_closures), work_.inserted, row.id,
                            receipt=written, notes=tuple(work_.notes), fingerprint=package.fingerprint)
    except _Held:
        keys.hold(db, package)
        package_id = _record_outcome(db, package, existing_id, PackageStatus.HELD, by, "county_key_held",
                                     {"village": package.village_name, "fingerprint": package.fingerprint})
        return Imported(package.name, PackageStatus.HELD, package.village_id, package.village_name,
                        package_id=package_id, reason="county_key_held",
                        params={"village": package.village_name, "fingerprint": package.fingerprint},
                        fingerprint=package.fingerprint)
    except Refused as refused:
        package_id = _record_outcome(db, package, existing_id, PackageStatus.REFUSED, by,
                                     refused.key, refused.params)
        log.warning("package %s refused: %s %s", package.name, refused.key, refused.params)
        return Imported(package.name, PackageStatus.REFUSED, package.village_id, package.village_name,
                        package_id=package_id, reason=refused.key, params=refused.params,
                        fingerprint=package.fingerprint)


class _Held(Exception):
    """The package's key waits for a county user's acceptance."""


def import_files(db: Database, actor: CountyActor, paths: Iterable[Path], *,
                 receipts_dir: Path | None = None, progress: Progress = _quiet) -> list[Imported]:
    """Import each file in turn, oldest segment first (a village's packages in order)."""
    found = []
    for path in paths:
        path = Path(path)
        if path.is_dir():
            raise ShopError("file_is_folder", path=str(path))
        if not path.is_file():
            raise ShopError("file_missing", path=str(path), detail="")
        found.append(path)
    return [import_package(db, actor, path, receipts_dir=receipts_dir, progress=progress)
            for path in sorted(found, key=_segment_order)]


def _segment_order(path: Path):
    """Packages of one village in the order of their closures (from the file's name), so a
    stick carrying several months of one village imports in one go."""
    stem = path.name.removesuffix(".aixin-county")
    parts = stem.rsplit("-", 2)
    try:
        return (parts[0], int(parts[1]), path.name)
    except (IndexError, ValueError):
        return (stem, 0, path.name)


def import_inbox(db: Database, actor: CountyActor, *, receipts_dir: Path | None = None,
                 progress: Progress = _quiet) -> list[Imported]:
    """Import every package waiting in the inbox (``aixin county send``)."""
    with db.read() as session:
        caller(session, actor)
        waiting = session.scalars(select(CountyInbox.id).where(CountyInbox.taken_at.is_(None))
                                  .order_by(CountyInbox.id)).all()
    done = []
    for inbox_id in waiting:
        with db.read() as session:
            item = session.get(CountyInbox, inbox_id)
            data, name = item.data, item.file_name
        result = import_package(db, actor, data, name=name, receipts_dir=receipts_dir, progress=progress)
        with db.write() as session:
            item = session.get(CountyInbox, inbox_id)
            item.taken_at = now(session)
            item.package_id = result.package_id
        done.append(result)
    return done


# ---------------------------------------------------------------- the inbox (the village sends)


def send(url: str, path: Path) -> int:
    """Put a package into the county database's inbox (the village's PC, when online); the
    database URL carries a login allowed to write the inbox only. Returns the inbox id."""
    from pos.county.database import open_county

    data = Path(path).read_bytes()
    package = Package(data, name=Path(path).name)
    try:
        package.check()
    except Refused as refused:
        raise ShopError(refused.key, **refused.params) from None
    finally:
        package.close()
    db = open_county(url)
    try:
        with db.write() as session:
            item = CountyInbox(file_name=Path(path).name[:300], sha256=package.sha256,
                               sent_at=now(session), data=data)
            session.add(item)
            session.flush()
            return item.id
    finally:
        db.dispose()


def accept_key(db: Database, actor: CountyActor, fingerprint: str, *,
               receipts_dir: Path | None = None) -> list[Imported]:
    """Accept a held village key, then import the packages that waited for it."""
    done = []
    for package_id in keys.accept(db, actor, fingerprint):
        with db.read() as session:
            row = session.get(CountyPackage, package_id)
            data, name = row.data, row.file_name
        done.append(import_package(db, actor, data, name=name, receipts_dir=receipts_dir))
    return done
