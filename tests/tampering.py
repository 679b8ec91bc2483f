"""What anyone with the database file and the plain sqlite3 module can do behind the
program's back: drop the append-only triggers and change any row. The program must still
find every such change and say where it is."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def opened(path) -> Iterator[sqlite3.Connection]:
    """The file opened with plain sqlite3, its triggers dropped; what was done is committed."""
    plain = sqlite3.connect(path)
    plain.execute("PRAGMA foreign_keys=OFF")
    for (name,) in plain.execute("SELECT name FROM sqlite_master WHERE type='trigger'").fetchall():
        plain.execute(f"DROP TRIGGER {name}")
    try:
        yield plain
        plain.commit()
    finally:
        plain.close()


def edit(path, *statements: str) -> None:
    """Run ``statements`` on the file behind the program's back."""
    with opened(path) as plain:
        for statement in statements:
            plain.execute(statement)


def stray_award(db, card: str, points: int, approver: str | None = None, *, rule: str = "L01",
                deed_date: str | None = None):
    """An award of ``rule`` written straight into the ledger, past the shop's services, as
    another program could; the transaction."""
    import ledger
    from ledger import Leg

    with db.write() as s:
        return ledger.post(s, kind="award", operator="wangfang", approver=approver,
                           legs=[Leg("village:issue", -points), Leg(f"card:{card}", points)],
                           attrs={"rule": rule, "points": points,
                                  **({"deed_date": deed_date} if deed_date else {})})


def proof_findings(db) -> list[tuple[str, int | None]]:
    """What the shop's own verification names: (code, transaction)."""
    from pos import proof

    with db.read() as s:
        return [(f.code, f.seq) for f in proof.verify(s).findings]
