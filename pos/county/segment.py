"""One package's segment, proven against the county's copy of the village and stored.

``Segment.run`` does steps 3 to 5 of ``pos.county.intake``: continuity with the
county's copy of the village's head (an overlap must be identical, byte for
byte), every line replayed (``pos.county.replay``) and each closure recomputed
from the postings, in one pass over the package's stream. What it stores goes
in bulk: the chain's rows as they pass, in batches (``pos.county.database.copy_rows``:
``COPY`` on PostgreSQL); the closures, their months' figures (the audit's flags
counted in before the chain is read) and details every twelve closures, and the
last of them with the audit's flags and the notices once the whole segment has
held, in one round trip (``insert_rows``: one INSERT of arrays a table, pipelined
on PostgreSQL). All of it is in the import's one database transaction, so a
refusal at any point leaves nothing behind.
"""

from __future__ import annotations

import json
from collections.abc import Callable

from sqlalchemy import select
from sqlalchemy.orm import Session

from ledger import canonical
from ledger.book import now
from pos.county.database import copy_rows, insert_rows
from pos.county.package import AUDIT, CLOSURES, NOTICES, ChainEntry, Package, Refused, parse_line
from pos.county.replay import RECENT, Replay, State, Tally, parse_time
from pos.county.schema import (
    CountyClosure,
    CountyFlag,
    CountyMonth,
    CountyMonthDetail,
    CountyNotice,
    CountyTransaction,
    CountyVillage,
)
from pos.county.vocabulary import Section
from pos.periods import Month
from pos.vocabulary import Kind

# Rows written at once. Below the replay's memory of recent redemptions, so a reversal's
# original is always either remembered or already written.
BATCH = RECENT // 2
CLOSURES_AT_ONCE = 12
TRANSACTION_COLUMNS = ("village_id", "seq", "at", "kind", "reverses", "hash", "body")


class Segment:
    """Proves and stores one package's segment (``run``); afterwards ``state`` is the
    village's replayed state at its new head and ``new_closures`` what it brought."""

    def __init__(self, session: Session, package: Package, progress: Callable[[int, int, str], None]):
        self.session = session
        self.package = package
        self.progress = progress
        self.notes: list[str] = []
        self.new_closures: list[tuple[int, str, str]] = []  # (number, month, hash)
        self.inserted = 0
        # Rows waiting to be written: flushed with the chain's batches, so what is held in
        # memory stays a batch whatever the package's length.
        self.waiting: dict[type, list[dict]] = {CountyClosure: [], CountyMonth: [], CountyMonthDetail: []}
        self.state: State | None = None
        self.flag_counts: dict[str, tuple[int, int, int]] = {}
        self.written_upto = 0

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
        self.written_upto = head  # the county holds this village's chain through here
        self._check_continuity(village, head)
        state = State(json.loads(village.state) if village else None)
        replay = Replay(state, self.stored)
        self.flag_counts = self._count_flags()
        closures = _Closures(self, village, head, state, package_id, now(session))
        closures.settle()
        rows: list[tuple] = []
        overlap: dict[int, tuple[str, str]] = {}
        total = max(p.to_seq - p.from_seq + 1, 1)
        expected = p.from_seq
        village_id = p.village_id
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
            if state.heads:
                recorded_head = state.heads.pop(str(entry.seq), None)
                if recorded_head is not None and recorded_head[0] != entry.hash:
                    raise Refused("county_closure_mismatch", village=p.village_name, number=recorded_head[1],
                                  month=recorded_head[2], detail="the head it records is not in the chain")
            at = parse_time(entry.at)
            rows.append((village_id, entry.seq, at, entry.kind, entry.reverses, entry.hash,
                         entry.line.decode("utf-8")))
            if len(rows) >= BATCH:
                self._flush(rows)
            closures.count(entry, effect, replay, at)
            if entry.seq % 1000 == 0:
                self.progress(entry.seq - p.from_seq, total, p.village_name)
        self._flush(rows, closures=False)  # the last closures go with the flags and notices
        closures.refuse_differing()
        if expected != p.to_seq + 1:
            raise Refused("county_package_tampered", village=p.village_name,
                          detail="the chain ends before the segment does")
        closures.finish()
        if p.to_seq > head and (state.seq, state.hash) != (p.to_seq, p.last_hash):
            raise Refused("county_package_tampered", village=p.village_name,
                          detail="the chain does not end where the manifest says")
        self._audit_and_notices()
        self.state = state

    def _check_continuity(self, village: CountyVillage | None, head: int) -> None:
        """The segment starts at or before the county's head, and on its hash."""
        p = self.package
        if p.from_seq > head + 1:
            raise Refused("county_segment_gap", village=p.village_name, first=p.from_seq, head=head)
        if p.from_seq < 1 or p.to_seq < p.from_seq - 1:
            raise Refused("county_package_tampered", village=p.village_name, detail="segment bounds")
        if p.from_seq == 1:
            known_prev = canonical.GENESIS
        elif village is not None and p.from_seq - 1 == head:  # the usual case: the head's own hash
            known_prev = village.head_hash
        else:
            known_prev = self.session.scalar(
                select(CountyTransaction.hash).where(CountyTransaction.village_id == p.village_id,
                                                     CountyTransaction.seq == p.from_seq - 1))
        if known_prev is not None and known_prev != p.prev_hash:
            raise Refused("county_fork", village=p.village_name, seq=p.from_seq - 1,
                          here="", there="")

    def _flush(self, rows: list[tuple], closures: bool = True) -> None:
        if rows:
            self._reversed_once(rows)
            copy_rows(self.session, CountyTransaction.__table__, TRANSACTION_COLUMNS, rows)
            self.inserted += len(rows)
            self.written_upto = rows[-1][1]
            rows.clear()
        if closures:
            self._flush_closures()

    def _flush_closures(self, *more: tuple[type, list[dict]]) -> None:
        """Write the closures, months and details waiting (and ``more``: (table, rows)) at once."""
        insert_rows(self.session, [_columns(table, rows) for table, rows in (*self.waiting.items(), *more)])
        for rows in self.waiting.values():
            rows.clear()

    def _reversed_once(self, rows: list[tuple]) -> None:
        """No transaction is reversed twice: in these rows, or by one the county holds.
        (The table's constraint says so too; this names the transaction.)"""
        reversing: dict[int, int] = {}  # original -> the reversal's seq
        for row in rows:
            original, seq = row[4], row[1]
            if original is None:
                continue
            if original in reversing:
                raise Refused("county_chain_bad", seq=seq, detail=f"reverses {original}, reversed before")
            reversing[original] = seq
        # Only a transaction the county already holds can have been reversed by one it holds.
        earlier = [original for original in reversing if original <= self.written_upto]
        if earlier:
            t = CountyTransaction.__table__.c
            held = self.session.scalars(select(t.reverses).where(
                t.village_id == self.package.village_id, t.reverses.in_(earlier)).limit(1)).first()
            if held is not None:
                raise Refused("county_chain_bad", seq=reversing[held],
                              detail=f"reverses {held}, reversed before")

    def _close(self, pending: dict, tally: Tally, state: State, package_id: int, moment) -> None:
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
        village_id = self.package.village_id
        closed_at = parse_time(doc["closed_at"])
        self.waiting[CountyClosure].append(dict(
            village_id=village_id, number=number, month=month, first_seq=doc["first_seq"],
            last_seq=doc["last_seq"], last_hash=doc["last_hash"], prev_hash=doc["prev_hash"],
            hash=pending["hash"], document=pending["text"], closed_at=closed_at, package_id=package_id,
            imported_at=moment, notes=json.dumps(notes, ensure_ascii=False)))
        t, c = doc["month_totals"], doc["cumulative"]
        flags, flags_reviewed, own_household = self.flag_counts.get(month, (0, 0, 0))
        reversed_ = {kind: points for kind, points in t["reversed"]}
        awarded = t["awarded"] - reversed_.get(Kind.AWARD, 0) - reversed_.get(Kind.HYGIENE, 0)
        self.waiting[CountyMonth].append(dict(
            village_id=village_id, month=month, closure_number=number,
            closed_at=closed_at, imported_at=moment, package_id=package_id,
            households=figures.households, transactions=t["transactions"],
            issued_cards=t["issued_cards"] - reversed_.get(Kind.CARD_ISSUE, 0), awarded=awarded,
            deducted=t["deducted"] - reversed_.get(Kind.DEDUCTION, 0),
            redeemed=t["redeemed"] - reversed_.get(Kind.REDEMPTION, 0), redemptions=t["redemptions"],
            recovered=t["recovered"], reversals=figures.reversals,
            labour_points=figures.labour_points, hygiene_points=figures.hygiene_points,
            after_hours=figures.after_hours, own_household=own_household, flags=flags,
            flags_reviewed=flags_reviewed,
            outstanding=c["outstanding"], outstanding_fen=c["outstanding_fen"],
            point_value_fen=doc["point_value_fen"],
            donations=sum(1 for line in doc["deliveries"] if line[1] == "donation"),
            donations_fen=t["donations_fen"], purchases_fen=t["purchases_fen"],
            count_lines=figures.count_lines, count_fen=figures.count_fen,
            writeoff_fen=figures.writeoff_fen, notes=len(notes)))
        self.waiting[CountyMonthDetail] += [
            {"village_id": village_id, "month": month, "section": Section.CATEGORY.value, "name": name,
             "quantity": 0, "points": points} for name, points in figures.categories.items()]
        self.waiting[CountyMonthDetail] += [
            {"village_id": village_id, "month": month, "section": Section.ZONE.value, "name": name,
             "quantity": quantity, "points": points} for name, (quantity, points) in figures.zones.items()]
        self.notes += [f"{month}: {note}" for note in notes]
        self.new_closures.append((number, month, pending["hash"]))
        if len(self.waiting[CountyClosure]) >= CLOSURES_AT_ONCE:
            self._flush_closures()

    def _audit_and_notices(self) -> None:
        """The village audit's flags of each new month (counted into its month's figures) and
        what its notice printed, read as streams and written in batches."""
        p, session = self.package, self.session
        months = {month for _, month, _ in self.new_closures}
        numbers = {number for number, _, _ in self.new_closures}
        flags: list[dict] = []
        for record in p.records(AUDIT):
            month = str(record.get("month", ""))
            found = record.get("flags") or []
            if month not in months or not found:
                continue
            flags += [{"village_id": p.village_id, "month": month, "key": str(flag["key"])[:200],
                       "rule": str(flag["rule"]), "seq": flag.get("seq"), "household": flag.get("household"),
                       "operator": str(flag.get("operator") or ""), "message": str(flag.get("message", "")),
                       "reviews": json.dumps(flag.get("reviews") or [], ensure_ascii=False)}
                      for flag in found]
            if len(flags) >= BATCH:
                insert_rows(session, [_columns(CountyFlag, flags)])
                flags.clear()
        notices: list[dict] = []
        for record in p.records(NOTICES):
            if record.get("number") in numbers:
                notices.append({"village_id": p.village_id, "number": int(record["number"]),
                                "month": str(record.get("month", "")),
                                "data": json.dumps(record, ensure_ascii=False, sort_keys=True)})
            if len(notices) >= BATCH:
                insert_rows(session, [_columns(CountyNotice, notices)])
                notices.clear()
        self._flush_closures((CountyFlag, flags), (CountyNotice, notices))

    def _count_flags(self) -> dict[str, tuple[int, int, int]]:
        """Each month's audit flags, those reviewed and those on an operator's own household,
        counted before the chain is read so that its month's row is written whole. A record
        that cannot be counted is left to ``_audit_and_notices``, which refuses it if its month
        is new, as it refuses any flag it cannot store."""
        counts = {}
        for record in self.package.records(AUDIT):
            month = str(record.get("month", ""))
            found = record.get("flags") or []
            if not found:
                continue
            try:
                counts[month] = (len(found), sum(1 for flag in found if flag.get("reviews")),
                                 sum(1 for flag in found if flag.get("rule") == "own_household"))
            except (AttributeError, TypeError):
                counts.pop(month, None)
        return counts


def _columns(table, rows: list[dict]) -> tuple:
    """(table, columns, tuples) of rows made by one dict display each (their keys in one order)."""
    return table.__table__, tuple(rows[0]) if rows else (), [tuple(row.values()) for row in rows]


def _describe(body: str) -> str:
    """A transaction in a few words, for a fork's refusal: kind, time, operator."""
    if not body:
        return "-"
    try:
        doc = json.loads(body)
        return f"{doc['kind']} {doc['at'][:19]} {doc['operator']}"
    except (ValueError, KeyError, TypeError):
        return "?"


class _Closures:
    """The package's closures, followed alongside its chain: each must follow the last one
    the county holds (number, hash, month, first transaction), and is recomputed by a
    ``Tally`` over its transactions and stored (``Segment._close``) when the replay reaches
    its last. A closure the county already holds must be the same; one that differs is
    refused once the chain is read (a differing transaction says more)."""

    def __init__(self, segment: Segment, village: CountyVillage | None, head: int, state: State,
                 package_id: int, moment):
        self.segment, self.package, self.head, self.state = segment, segment.package, head, state
        self.package_id, self.moment = package_id, moment
        self.records = iter(segment.package.records(CLOSURES))
        self.last_number = village.closure_number if village else 0
        self.last_hash = village.closure_hash if village else canonical.GENESIS
        self.last_month = village.last_month if village else None
        self.last_closed_seq = head if village and village.closure_number else None
        self.pending: dict | None = None  # the next closure to reach
        self.tally: Tally | None = None  # its figures, counted from its first transaction
        self.closed_at_seq, self.closing = -1, None  # the households' balances where the last tally closed
        self.differing: list[tuple[int, str]] = []

    def _mismatch(self, number: int, month: str, detail: str) -> Refused:
        return Refused("county_closure_mismatch", village=self.package.village_name, number=number,
                       month=month, detail=detail)

    def next(self) -> dict | None:
        """The next closure the county does not hold yet, checked against the last; None at the end."""
        p = self.package
        for record in self.records:
            try:
                number, month, digest, text = (int(record["number"]), str(record["month"]),
                                               str(record["hash"]), str(record["document"]))
            except (KeyError, TypeError, ValueError):
                raise Refused("county_package_tampered", village=p.village_name,
                              detail="a closure line is incomplete") from None
            if canonical.digest(text.encode("utf-8")) != digest:
                raise self._mismatch(number, month, "the document does not have its hash")
            doc = json.loads(text)
            if (doc.get("number"), doc.get("month")) != (number, month):
                raise self._mismatch(number, month, "the document names another closure")
            if number <= self.last_number:
                held = self.segment.session.scalar(select(CountyClosure.hash).where(
                    CountyClosure.village_id == p.village_id, CountyClosure.number == number))
                if held != digest:
                    self.differing.append((number, month))
                continue
            if number != self.last_number + 1 or doc["prev_hash"] != self.last_hash:
                raise self._mismatch(number, month, f"does not follow closure {self.last_number}")
            if self.last_month is not None and str(Month.parse(self.last_month).next()) != month:
                raise self._mismatch(number, month, f"does not follow {self.last_month}")
            if self.last_closed_seq is not None and doc["first_seq"] != self.last_closed_seq + 1:
                raise self._mismatch(number, month, "its first transaction does not follow the last closure")
            if doc["first_seq"] <= self.head or doc["last_seq"] > p.to_seq or doc["last_seq"] < doc["first_seq"] - 1:
                raise self._mismatch(number, month, "its transactions are not in the package")
            self.last_number, self.last_hash, self.last_month = number, digest, month
            self.last_closed_seq = doc["last_seq"]
            return {"number": number, "month": month, "hash": digest, "text": text, "doc": doc}
        return None

    def count(self, entry, effect, replay, at) -> None:
        """A transaction replayed: counted in the closure open at it, which may then start or close."""
        if self.tally is not None:
            self.tally.add(entry, effect, replay, at)
        if self.pending is None or self.state.seq >= self.pending["doc"]["first_seq"] - 1:
            self.settle()

    def settle(self) -> None:
        """Start the pending closure's tally at its first transaction; close it at its last."""
        state = self.state
        while True:
            if self.pending is None:
                self.pending = self.next()
                if self.pending is None:
                    return
            doc = self.pending["doc"]
            if self.tally is None and state.seq == doc["first_seq"] - 1:
                self.tally = Tally(self.pending["number"], doc, state,
                                   self.closing if self.closed_at_seq == state.seq else None)
            if self.tally is not None and state.seq == doc["last_seq"]:
                self.segment._close(self.pending, self.tally, state, self.package_id, self.moment)
                self.closed_at_seq, self.closing = state.seq, self.tally.closing
                self.pending, self.tally = None, None
                continue
            return

    def refuse_differing(self) -> None:
        """After the chain: a closure the county holds that the package gives otherwise."""
        if self.differing:
            number, month = self.differing[0]
            raise Refused("county_closure_fork", village=self.package.village_name, number=number, month=month)

    def finish(self) -> None:
        """After the chain: the last closures closed, none left whose transactions never came."""
        self.settle()  # returns with a closure pending, or with none left in the package
        if self.pending is not None:
            raise self._mismatch(self.pending["number"], self.pending["month"],
                                 "its transactions are not in the package")
