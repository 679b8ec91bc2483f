"""Check the whole ledger from its data, trusting no stored hash.

``verify`` walks the transactions in sequence order, recomputes each hash
from the transaction's own fields, its postings and the *recomputed* hash of
the one before, and reports what it finds as data. An anchor (a head hash
printed on an earlier public notice) proves the chain still contains that
head, which catches a deleted tail or an older backup put back: every prefix
of a valid chain is itself valid, so nothing inside the database can.

Each finding is an error (the chain fails) or a warning (worth a look, the
chain holds): a transaction dated before the one before it means the PC's
clock was set back, which is not proof of tampering.

Whether an account may go below zero is taken from the chain (an account
opened that way is recorded there; every other account may not), never from
the accounts table, and the table must agree with the chain.
"""

from __future__ import annotations

import json
import logging
from collections import defaultdict
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from ledger import canonical
from ledger.book import ACCOUNT_OPEN
from ledger.schema import Account, Head, Posting, Transaction

log = logging.getLogger("ledger")

CHUNK = 2000
ERROR = "error"
WARNING = "warning"


@dataclass(frozen=True)
class Finding:
    """One thing wrong (``severity`` ERROR) or odd (WARNING). ``seq`` names the
    transaction (None for an account-level finding)."""

    code: str
    seq: int | None
    detail: str
    params: dict = field(default_factory=dict, compare=False)
    severity: str = ERROR

    def as_dict(self) -> dict:
        return {"code": self.code, "seq": self.seq, "severity": self.severity,
                "detail": self.detail, **self.params}


@dataclass(frozen=True)
class Report:
    transactions: int
    postings: int
    head_seq: int
    head_hash: str
    findings: tuple[Finding, ...]
    anchor_seq: int | None = None

    @property
    def errors(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.severity == ERROR)

    @property
    def warnings(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.severity == WARNING)

    @property
    def ok(self) -> bool:
        """The chain holds: no errors (warnings may remain)."""
        return not self.errors

    @property
    def first_bad(self) -> int | None:
        seqs = [f.seq for f in self.errors if f.seq is not None]
        return min(seqs) if seqs else None

    def as_dict(self) -> dict:
        return {
            "ok": self.ok,
            "transactions": self.transactions,
            "postings": self.postings,
            "head_seq": self.head_seq,
            "head_hash": self.head_hash,
            "anchor_seq": self.anchor_seq,
            "first_bad_seq": self.first_bad,
            "warnings": len(self.warnings),
            "findings": [f.as_dict() for f in self.findings],
        }


def parse_anchor(text: str) -> tuple[int | None, str]:
    """``HASH`` or ``SEQ:HASH`` as printed on a notice."""
    seq_text, _, hash_text = text.strip().rpartition(":")
    hash_text = hash_text.lower()
    if len(hash_text) != 64 or any(c not in "0123456789abcdef" for c in hash_text):
        raise ValueError("an anchor is a 64-digit hexadecimal hash, optionally preceded by 'SEQ:'")
    return (int(seq_text) if seq_text else None), hash_text


class _Walk:
    """State of one pass over the chain."""

    def __init__(self, accounts, anchor):
        self.accounts = accounts  # id -> (code, may_go_negative, kept balance)
        self.ids = {code: account_id for account_id, (code, _, _) in accounts.items()}
        # Accounts the chain lets go below zero: code -> seq of the record that says so.
        self.opened: dict[str, int] = {}
        self.may_go_negative: set[int] = set()  # account ids the chain lets go below zero
        self.sums: dict[int, int] = defaultdict(int)
        self.findings: list[Finding] = []
        self.expected = 1
        self.prev = canonical.GENESIS  # resynchronised to stored hashes after a mismatch
        self.pure_prev = canonical.GENESIS  # never resynchronised: what anchors are checked on
        self.chain_broken = False
        self.anchor_seq, self.anchor_hash = anchor if anchor else (None, None)
        self.anchor_found: int | None = None
        self.seen: set[int] = set()
        self.count = 0
        self.postings = 0
        self.last_seq = 0
        self.last_stored_hash = canonical.GENESIS
        self.last_at = None

    def add(self, code: str, seq: int | None, detail: str, **params) -> None:
        self.findings.append(Finding(code, seq, detail, params))

    def warn(self, code: str, seq: int | None, detail: str, **params) -> None:
        self.findings.append(Finding(code, seq, detail, params, WARNING))

    def check(self, row, postings: list[tuple[int, int, int]]) -> None:
        """One transaction: its place in the order, its postings, its hash."""
        self.count += 1
        self.postings += len(postings)
        self._in_order(row)
        legs = self._post(row, postings)
        try:
            attrs = json.loads(row.attrs)
        except (TypeError, ValueError):
            attrs = {"__unreadable__": str(row.attrs)}
        if row.kind == ACCOUNT_OPEN and not postings:
            self.open(row.seq, attrs)
        self._chain(row, attrs, legs)

    def _in_order(self, row) -> None:
        """Numbered one after the other, and not dated before the one before it."""
        seq = row.seq
        if seq != self.expected:
            self.add(
                "sequence_gap", seq, f"expected transaction {self.expected}, found {seq}",
                expected=self.expected,
            )
            self.chain_broken = True
        self.expected = seq + 1
        if self.last_at is not None and row.at is not None and row.at < self.last_at:
            self.warn(
                "clock_back", seq,
                f"dated {canonical.format_time(row.at)}, before transaction {self.last_seq} "
                f"({canonical.format_time(self.last_at)}): the clock was set back",
                previous=self.last_seq, at=canonical.format_time(row.at),
                previous_at=canonical.format_time(self.last_at),
            )
        self.last_at = row.at

    def _post(self, row, postings: list[tuple[int, int, int]]) -> list[tuple[str, int]]:
        """Add the postings to the running sums; check they balance, stay above zero where they
        must and reverse only what came before. Returns the legs as the hash encodes them."""
        seq = row.seq
        accounts, sums = self.accounts, self.sums
        legs = []
        total = 0
        dipped = None
        for _line, account_id, amount in postings:
            total += amount
            account = accounts.get(account_id)
            if account is None:
                self.add("unknown_account", seq, f"posting to missing account id {account_id}")
                legs.append((f"#{account_id}", amount))
                continue
            legs.append((account[0], amount))
            balance = sums[account_id] = sums[account_id] + amount
            if balance < 0 and account_id not in self.may_go_negative:
                dipped = dipped or set()
                dipped.add(account_id)
        for account_id in dipped or ():
            if sums[account_id] < 0:  # still below zero once the whole transaction is in
                self.add(
                    "negative_balance", seq, f"account {accounts[account_id][0]} falls below zero",
                    account=accounts[account_id][0],
                )
        if len(postings) == 1:  # none at all is a record: its facts are in the hash
            self.add("too_few_postings", seq, f"{len(postings)} posting(s)")
        if total != 0:
            self.add("unbalanced", seq, f"postings sum to {total}", total=total)
        if row.reverses is not None and (row.reverses >= seq or row.reverses not in self.seen):
            self.add("bad_reversal", seq, f"reverses {row.reverses}, which does not precede it")
        self.seen.add(seq)
        return legs

    def _digest(self, prev: str, row, attrs: dict, legs) -> str:
        return canonical.digest(canonical.encode(
            prev=prev, seq=row.seq, at=row.at, kind=row.kind, operator=row.operator,
            approver=row.approver, memo=row.memo, reverses=row.reverses, attrs=attrs, postings=legs,
        ))

    def _chain(self, row, attrs: dict, legs) -> None:
        """The hash recomputed on the stored one before it (to find each edited row), and on the
        pure chain (what an anchor is checked against)."""
        seq = row.seq
        try:
            computed = self._digest(self.prev, row, attrs, legs)
            pure = computed if self.pure_prev == self.prev else self._digest(self.pure_prev, row, attrs, legs)
        except canonical.NotCanonical as exc:
            # Nothing the ledger writes looks like this: the row was edited outside it.
            self.add("not_canonical", seq, f"cannot be encoded canonically: {exc}", reason=str(exc))
            self.chain_broken = True
            computed = pure = None
        if computed is not None and computed != row.hash:
            self.add(
                "hash_mismatch", seq,
                "recomputed hash differs from the stored one: the transaction or the one "
                "before it was changed",
                stored=row.hash, computed=computed,
            )
            self.chain_broken = True
        self.prev = row.hash
        self.pure_prev = pure
        if self.anchor_hash is not None and self.anchor_found is None and pure == self.anchor_hash:
            if self.anchor_seq is None or self.anchor_seq == seq:
                self.anchor_found = seq
        self.last_seq = seq
        self.last_stored_hash = row.hash

    def open(self, seq: int, attrs: dict) -> None:
        code = attrs.get("account")
        if not isinstance(code, str) or code in self.opened:
            self.add("bad_account_open", seq, f"opens account {code!r} twice or without a code")
            return
        if attrs.get("may_go_negative"):
            self.opened[code] = seq
            if code in self.ids:
                self.may_go_negative.add(self.ids[code])

    def accounts_agree(self) -> None:
        """The accounts table says what the chain says of each account's flag."""
        for code, flag, _ in self.accounts.values():
            if bool(flag) != (code in self.opened):
                self.add("account_flag_mismatch", self.opened.get(code),
                         f"account {code}: may_go_negative is {bool(flag)} in the table, "
                         f"{code in self.opened} in the chain", account=code)
        for code, seq in self.opened.items():
            if code not in self.ids:
                self.add("account_missing", seq, f"account {code}, opened in the chain, is gone",
                         account=code)


def verify(session: Session, anchor: str | tuple[int | None, str] | None = None) -> Report:
    """Recompute and cross-check everything; return every finding as data."""
    if isinstance(anchor, str):
        anchor = parse_anchor(anchor)
    conn = session.connection()
    accounts = {
        row.id: (row.code, row.may_go_negative, row.balance)
        for row in conn.execute(
            select(Account.id, Account.code, Account.may_go_negative, Account.balance)
        )
    }
    walk = _Walk(accounts, anchor)
    _walk_chain(conn, walk)
    walk.accounts_agree()
    for account_id, (code, _, kept) in accounts.items():
        if kept != walk.sums.get(account_id, 0):
            walk.add(
                "balance_mismatch", None,
                f"account {code}: kept balance {kept}, postings sum to {walk.sums.get(account_id, 0)}",
                account=code, kept=kept, summed=walk.sums.get(account_id, 0),
            )
    _head_and_anchor(conn, walk, anchor)
    findings = tuple(sorted(walk.findings, key=lambda f: (f.seq is None, f.seq or 0)))
    for finding in findings:
        log.warning("verify: %s %s at %s: %s", finding.severity, finding.code, finding.seq,
                    finding.detail)
    return Report(
        transactions=walk.count,
        postings=walk.postings,
        head_seq=walk.last_seq,
        head_hash=walk.pure_prev if not walk.chain_broken else walk.last_stored_hash,
        findings=findings,
        anchor_seq=walk.anchor_found,
    )


def _walk_chain(conn, walk: _Walk) -> None:
    """Every transaction in order with its postings, CHUNK at a time; postings that belong to
    no transaction are found too."""
    tx = Transaction.__table__.c
    p = Posting.__table__.c
    tx_columns = [tx[name] for name in ("seq", "at", "kind", "operator", "approver", "memo", "reverses", "attrs", "hash")]
    last = None
    while True:
        query = select(*tx_columns).order_by(tx.seq).limit(CHUNK)
        if last is not None:
            query = query.where(tx.seq > last)
        rows = conn.execute(query).all()
        if not rows:
            break
        hi = rows[-1].seq
        by_tx: dict[int, list[tuple[int, int, int]]] = defaultdict(list)
        posting_query = select(p.tx_seq, p.line, p.account_id, p.amount).order_by(p.tx_seq, p.line)
        posting_query = posting_query.where(p.tx_seq <= hi)
        if last is not None:
            posting_query = posting_query.where(p.tx_seq > last)
        for tx_seq, line, account_id, amount in conn.execute(posting_query):
            by_tx[tx_seq].append((line, account_id, amount))
        seqs = {row.seq for row in rows}
        for orphan in sorted(set(by_tx) - seqs):
            walk.add("orphan_postings", orphan, f"postings for missing transaction {orphan}")
        for row in rows:
            walk.check(row, by_tx.get(row.seq, []))
        last = hi
    beyond = conn.execute(
        select(p.tx_seq).where(p.tx_seq > (last or 0)).group_by(p.tx_seq)
    ).scalars().all()
    for orphan in beyond:
        walk.add("orphan_postings", orphan, f"postings for missing transaction {orphan}")


def _head_and_anchor(conn, walk: _Walk, anchor) -> None:
    """The head row names the chain's last transaction; an anchor given is in the chain, and
    the chain up to it is intact."""
    head_row = conn.execute(select(Head.seq, Head.hash).where(Head.id == 1)).one_or_none()
    if head_row is None:
        walk.add("head_missing", None, "the head row is missing")
    elif (head_row.seq, head_row.hash) != (walk.last_seq, walk.last_stored_hash):
        walk.add(
            "head_mismatch", head_row.seq,
            f"head says transaction {head_row.seq}, the chain ends at {walk.last_seq}: "
            "transactions were removed or the head was changed",
            head_seq=head_row.seq, last_seq=walk.last_seq,
        )
    if anchor is not None and walk.anchor_found is None:
        walk.add(
            "anchor_missing", anchor[0],
            "the chain does not contain the anchored head: transactions were removed or "
            "replaced, or an older copy was restored",
            anchor=anchor[1],
        )
    elif anchor is not None and any(
        f.seq is not None and f.seq <= walk.anchor_found and f.severity == ERROR
        for f in walk.findings
    ):
        walk.add("anchor_broken", walk.anchor_found, "the chain up to the anchor is not intact")
