"""A village rebuilt from the county's copy, when its PC and its backups are gone.

The county holds the village's whole chain, byte for byte, with its closures, its
audit reviews and what its notices printed. ``restore_village`` writes them into a
new, empty shop database and rebuilds every table the shop's proof checks from the
facts the chain carries (``pos.proof``): the village's settings and groups, users,
rules, goods and their stock movements, households, cards, stock deliveries and
counts, redemptions with their lines, hygiene rounds, claims and their postings
(with the village's awards setting and the rules' limits), month closures and audit
reviews. The rebuilt database passes ``verify`` and the shop's whole proof.

What the chain does not hold cannot come back, and the rebuild says so:

* passwords: the chain keeps only a digest of each user's salted password hash.
  Every user gets a new one-time password, recorded as a chained user fact whose
  operator is the county user who rebuilt the village (``county:NAME``), so the
  village's next audit lists each reset; the people change them at their first
  login;
* phone numbers and people counts of households (never sent to the county): each
  household comes back with one person and no phone, to be entered again;
* the photos of claims: the chain keeps each photo's SHA-256, so a copy brought back
  beside the database (``photos/``) can be checked against it;
* the wish wall beyond what notices published, print jobs, login records, and a
  user's link to their own household.
"""

from __future__ import annotations

import json
import logging
import secrets
from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, insert, select, text, update
from sqlalchemy.orm import Session

import ledger
from ledger import canonical
from ledger.schema import Account, Head, Posting, Transaction
from pos import limits, proof, users
from pos.county.accounts import CountyActor, caller, find_village
from pos.county.package import ChainEntry, parse_line
from pos.county.replay import Replay, State, parse_time
from pos.county.schema import CountyClosure, CountyFlag, CountyNotice, CountyTransaction
from pos.errors import ShopError
from pos.households import initials
from pos.store.database import Database, open_database, sqlite_path
from pos.store.tables import (
    AuditReview,
    Card,
    Claim,
    ClaimPosting,
    Goods,
    HygieneRound,
    MonthClosure,
    Redemption,
    RedemptionLine,
    Rule,
    StockCount,
    StockIntake,
    StockMovement,
    User,
    Village,
    VillagerGroup,
)
from pos.village import VILLAGE_ACCOUNTS
from pos.vocabulary import CARD_PREFIX, COUNTY_OPERATOR, AwardsMode, CardStatus, ClaimStatus, Kind

log = logging.getLogger("pos")

CHUNK = 2000
PASSWORD_LENGTH = 10


@dataclass(frozen=True)
class NewPassword:
    username: str
    display_name: str
    role: str
    active: bool
    password: str  # one-time; empty for a user who was deactivated


@dataclass(frozen=True)
class Rebuilt:
    url: str
    village_id: str
    village: str
    transactions: int
    head_seq: int
    head_hash: str
    closures: int
    verified: bool
    findings: tuple[str, ...]
    passwords: tuple[NewPassword, ...]


class _Tables:
    """Writes the shop's tables as the chain's facts come by."""

    def __init__(self, session: Session, replay: Replay):
        self.s = session
        self.replay = replay
        self.accounts: dict[str, int] = {}
        self.opened_negative: set[str] = set()
        self.goods_ids: dict[str, int] = {}
        self.group_ids: dict[str, int] = {}
        self.user_ids: dict[str, int] = {}
        self.notice_chained = False  # the notice's settings are in the chain's village facts
        self.transactions: list[dict] = []
        self.postings: list[dict] = []

    def account(self, code: str, at) -> int:
        found = self.accounts.get(code)
        if found is None:
            # An account's name is not in the chain (only its code is), and names nothing the
            # proof reads: the code serves, as for the village's own accounts.
            name = code
            found = self.s.execute(insert(Account.__table__).values(
                code=code, name=name, may_go_negative=False, balance=0, opened_at=at)).inserted_primary_key[0]
            self.accounts[code] = found
        return found

    def entry(self, e: ChainEntry) -> None:
        at = parse_time(e.at)
        self.transactions.append({"seq": e.seq, "at": at, "kind": e.kind, "operator": e.operator,
                                  "approver": e.approver, "memo": e.memo, "reverses": e.reverses,
                                  "attrs": canonical.encode_attrs(e.attrs), "hash": e.hash})
        for line, (code, amount) in enumerate(e.postings, start=1):
            self.postings.append({"tx_seq": e.seq, "line": line, "account_id": self.account(code, at),
                                  "amount": amount})
        handler = getattr(self, f"on_{e.kind}", None)
        if handler is not None:
            handler(e, e.attrs, at)
        if len(self.transactions) >= CHUNK:
            self.flush()

    def flush(self) -> None:
        if self.transactions:
            self.s.execute(insert(Transaction.__table__), self.transactions)
            self.transactions = []
        if self.postings:
            self.s.execute(insert(Posting.__table__), self.postings)
            self.postings = []

    # --- facts

    def on_account_open(self, e, a, at) -> None:
        if a.get("may_go_negative"):
            self.account(a["account"], at)
            self.opened_negative.add(a["account"])

    def on_village(self, e, a, at) -> None:
        values = {name: a[name] for name in proof.VILLAGE_FIELDS + proof.NOTICE_FIELDS if name in a}
        values.update({name: bool(a[name]) for name in proof.PUBLICITY_FIELDS if name in a})
        values["awards"] = a.get("awards", AwardsMode.DIRECT)  # chained only for a village on claims
        self.notice_chained = all(name in a for name in proof.NOTICE_FIELDS)
        if self.s.get(Village, 1) is None:
            self.s.execute(insert(Village.__table__).values(
                **{"id": 1, "notice_days": 7, "objection_phone": "", "mask_names": False, **values}))
        else:
            self.s.execute(update(Village.__table__).where(Village.id == 1).values(**values))

    def on_group(self, e, a, at) -> None:
        if a["group"] not in self.group_ids:
            self.group_ids[a["group"]] = self.s.execute(
                insert(VillagerGroup.__table__).values(name=a["group"])).inserted_primary_key[0]

    def on_user(self, e, a, at) -> None:
        values = {"display_name": a["name"], "role": a["role"], "active": bool(a["active"])}
        if "household" in a:  # a link chained since links are facts
            values["household_id"] = a["household"]
        if a["user"] in self.user_ids:
            self.s.execute(update(User.__table__).where(User.id == self.user_ids[a["user"]]).values(**values))
        else:
            self.user_ids[a["user"]] = self.s.execute(insert(User.__table__).values(
                username=a["user"], password_hash="!", failed_logins=0, locked=False, created_at=at,
                **values)).inserted_primary_key[0]

    def on_rule(self, e, a, at) -> None:
        values = {name: a[name] for name in proof.RULE_FIELDS}
        values["deduction"], values["active"] = bool(values["deduction"]), bool(values["active"])
        limit = limits.parse(a.get("limit") or "")  # chained only for a rule that has one
        values["limit_count"] = limit.count if limit else None
        values["limit_period"] = str(limit.period) if limit else ""
        values["cap_per_event"] = int(a["cap"]) if a.get("cap") else None  # chained only where set
        if self.s.scalar(select(Rule.id).where(Rule.code == a["rule"])) is None:
            self.s.execute(insert(Rule.__table__).values(code=a["rule"], **values))
        else:
            self.s.execute(update(Rule.__table__).where(Rule.code == a["rule"]).values(**values))

    def on_goods(self, e, a, at) -> None:
        values = {name: a[name] for name in proof.GOODS_FIELDS}
        values["active"] = bool(values["active"])
        if a["goods"] in self.goods_ids:
            self.s.execute(update(Goods.__table__).where(Goods.id == self.goods_ids[a["goods"]]).values(**values))
        else:
            self.goods_ids[a["goods"]] = self.s.execute(insert(Goods.__table__).values(
                code=a["goods"], stock=0, **values)).inserted_primary_key[0]

    def on_household(self, e, a, at) -> None:
        from pos.store.tables import Household

        values = {"head_name": a["head"], "initials": initials(a["head"]),
                  "group_id": self.group_ids[a["group"]], "status": a["status"]}
        if self.s.get(Household, int(a["household"])) is None:
            self.s.execute(insert(Household.__table__).values(
                id=int(a["household"]), people=1, phone="", created_at=at, **values))
        else:
            self.s.execute(update(Household.__table__).where(Household.id == int(a["household"]))
                           .values(**values))

    def _move(self, code: str, quantity: int, kind: str, e: ChainEntry, at, value: int, **extra) -> None:
        self.s.execute(insert(StockMovement.__table__).values(
            goods_id=self.goods_ids[code], quantity=quantity, kind=kind, at=at, operator=e.operator,
            approver=e.approver, tx_seq=e.seq, value_fen=value, note=extra.pop("note", ""), **extra))

    def on_stock_intake(self, e, a, at) -> None:
        self.s.execute(insert(StockIntake.__table__).values(
            id=int(a["intake"]), at=at, received_on=date.fromisoformat(a["received_on"]),
            source=a["source"], donor=a["donor"], donor_type=a["donor_type"], funding=a["funding"],
            operator=e.operator, note=""))
        for code, quantity, value in proof.parse_items(a["items"]):
            self._move(code, quantity, "intake", e, at, value, intake_id=int(a["intake"]))

    def on_stock_count(self, e, a, at) -> None:
        self.s.execute(insert(StockCount.__table__).values(
            id=int(a["count"]), at=at, operator=e.operator, approver=e.approver, note=e.memo))
        for code, quantity, value in proof.parse_items(a["items"]):
            self._move(code, quantity, "writeoff", e, at, value, count_id=int(a["count"]), note=e.memo)

    def on_redemption(self, e, a, at) -> None:
        items = proof.parse_items(a["items"])
        self.s.execute(insert(Redemption.__table__).values(
            tx_seq=e.seq, card_number=a["card"], household_id=int(a["household"]),
            points=sum(points for _, _, points in items), at=at, reversed_by=None, token=None))
        goods = self.replay.state.goods
        for line, (code, quantity, points) in enumerate(items, start=1):
            self.s.execute(insert(RedemptionLine.__table__).values(
                tx_seq=e.seq, line=line, goods_id=self.goods_ids[code], name=goods[code][0],
                quantity=quantity, unit_points=points // quantity))
            self._move(code, -quantity, "redemption", e, at, -goods[code][3] * quantity)

    def on_reversal(self, e, a, at) -> None:
        if a.get("original_kind") != Kind.REDEMPTION:
            return
        self.s.execute(update(Redemption.__table__).where(Redemption.tx_seq == e.reverses)
                       .values(reversed_by=e.seq))
        for code, quantity, value in self.s.execute(
                select(Goods.code, StockMovement.quantity, StockMovement.value_fen)
                .join(Goods, Goods.id == StockMovement.goods_id)
                .where(StockMovement.tx_seq == e.reverses, StockMovement.kind == "redemption")).all():
            self._move(code, -quantity, "return", e, at, -value, note=e.memo)

    def on_hygiene(self, e, a, at) -> None:
        if "round" in a:
            self.s.execute(insert(HygieneRound.__table__).values(
                id=int(a["round"]), held_on=date.fromisoformat(a["held_on"]),
                inspectors=a.get("inspectors", ""), tx_seq=e.seq))

    def on_card_issue(self, e, a, at) -> None:
        self.account(CARD_PREFIX + a["card"], at)
        self.s.execute(insert(Card.__table__).values(
            number=a["card"], household_id=int(a["household"]), status=CardStatus.ACTIVE.value,
            replaces=None, issued_at=at, issue_seq=e.seq if e.postings else None, closed_seq=None))

    def on_card_replace(self, e, a, at) -> None:
        self.account(CARD_PREFIX + a["card"], at)
        self.s.execute(update(Card.__table__).where(Card.number == a["old_card"]).values(
            status=CardStatus.BLOCKED.value, closed_seq=e.seq if e.postings else None))
        self.s.execute(insert(Card.__table__).values(
            number=a["card"], household_id=int(a["household"]), status=CardStatus.ACTIVE.value,
            replaces=a["old_card"], issued_at=at, issue_seq=e.seq if e.postings else None,
            closed_seq=None))

    def on_card_recovery(self, e, a, at) -> None:
        from pos.store.tables import Household

        self.s.execute(update(Card.__table__).where(Card.number == a["card"]).values(
            status=CardStatus.RECOVERED.value, closed_seq=e.seq if e.postings else None))
        self.s.execute(update(Household.__table__).where(Household.id == int(a["household"]))
                       .values(status="moved"))

    def on_claim(self, e, a, at) -> None:
        values = {"household_id": int(a["household"]), "rule": a["rule"], "points": int(a["points"]),
                  "deed_date": date.fromisoformat(a["deed_date"]), "declared_by": a["declared_by"],
                  "note": a["note"], "photo": a["photo"], "entered_by": a["entered_by"],
                  "status": a["status"], "reviewed_by": a["reviewed_by"], "reason": a["reason"],
                  "posting_id": int(a["posting"]) if a.get("posting") not in (None, "") else None,
                  "objected_by": a["objected_by"], "objection": a["objection"],
                  "objected_on": date.fromisoformat(a["objected_on"]) if a["objected_on"] else None,
                  "seq": e.seq}
        if self.s.get(Claim, int(a["claim"])) is None:
            self.s.execute(insert(Claim.__table__).values(id=int(a["claim"]), credited_seq=None, **values))
        else:
            self.s.execute(update(Claim.__table__).where(Claim.id == int(a["claim"])).values(**values))

    def on_claim_posting(self, e, a, at) -> None:
        number = int(a["posting"])
        self.s.execute(insert(ClaimPosting.__table__).values(
            id=number, starts_on=date.fromisoformat(a["starts_on"]), notice_days=int(a["notice_days"]),
            posted_by=e.operator, posted_seq=e.seq, credited_seq=None))
        named = [int(c) for c in str(a["claims"]).split(",") if c.strip()]
        self.s.execute(update(Claim.__table__).where(Claim.id.in_(named)).values(
            status=ClaimStatus.POSTED.value, posting_id=number, seq=e.seq))

    def on_claim_credit(self, e, a, at) -> None:
        self.s.execute(update(ClaimPosting.__table__).where(ClaimPosting.id == int(a["posting"]))
                       .values(credited_seq=e.seq))
        named = [claim for claim, _household, _rule, _points in proof.parse_claims(a["claims"])]
        self.s.execute(update(Claim.__table__).where(Claim.id.in_(named)).values(
            status=ClaimStatus.CREDITED.value, credited_seq=e.seq, seq=e.seq))

    def finish(self, state: State) -> None:
        """The kept balances, flags, stock and head, once every entry is in."""
        self.flush()
        if state.at:
            for code in VILLAGE_ACCOUNTS:  # opened at set-up, whether or not used since
                self.account(code, parse_time(state.at))
        for code in self.opened_negative:
            self.s.execute(update(Account.__table__).where(Account.code == code).values(may_go_negative=True))
        for code, account_id in self.accounts.items():
            balance = state.balances.get(code, 0)
            if balance:
                self.s.execute(update(Account.__table__).where(Account.id == account_id).values(balance=balance))
        for code, goods_id in self.goods_ids.items():
            self.s.execute(update(Goods.__table__).where(Goods.id == goods_id)
                           .values(stock=state.stock.get(code, 0)))
        self.s.execute(update(Head.__table__).where(Head.id == 1).values(seq=state.seq, hash=state.hash))
        if self.s.get_bind().dialect.name == "postgresql":
            # Rows written with the chain's own ids: the next one the shop adds follows them.
            for table in ("household", "stock_intake", "stock_count", "hygiene_round", "claim",
                          "claim_posting"):
                self.s.execute(text(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                                    f"COALESCE((SELECT MAX(id) FROM {table}), 0) + 1, false)"))


def _target(url: str) -> Database:
    path = sqlite_path(url)
    if path is not None and path.exists():
        raise ShopError("county_restore_target_exists", url=url)
    db = open_database(url)
    with db.read() as session:
        if session.scalar(select(func.count()).select_from(Transaction)) or session.get(Village, 1):
            db.dispose()
            raise ShopError("county_restore_target_exists", url=url)
    return db


def restore_village(county_db: Database, actor: CountyActor, village: str, url: str) -> Rebuilt:
    """Write the village ``village`` (its id, a prefix of it, or its name) from the county's
    copy into the new database at ``url``, and give every user a new password."""
    with county_db.read() as session:
        user = caller(session, actor)
        found = find_village(session, village)
        identity, name, head = found.id, found.name, found.head_seq
        operator = f"{COUNTY_OPERATOR}{user.username}"
    target = _target(url)
    try:
        with county_db.read() as county, target.write() as session:
            state = State()

            def original(seq: int) -> ChainEntry | None:
                body = county.scalar(select(CountyTransaction.body).where(
                    CountyTransaction.village_id == identity, CountyTransaction.seq == seq))
                return parse_line(body.encode("utf-8")) if body is not None else None

            replay = Replay(state, original)
            tables = _Tables(session, replay)
            last = 0
            while last < head:
                bodies = county.scalars(select(CountyTransaction.body).where(
                    CountyTransaction.village_id == identity, CountyTransaction.seq > last,
                    CountyTransaction.seq <= last + CHUNK).order_by(CountyTransaction.seq)).all()
                if not bodies:
                    break
                for body in bodies:
                    entry = parse_line(body.encode("utf-8"))
                    replay.apply(entry)
                    tables.entry(entry)
                    last = entry.seq
            tables.finish(state)
            closures = 0
            for row in county.scalars(select(CountyClosure).where(CountyClosure.village_id == identity)
                                      .order_by(CountyClosure.number)):
                doc = json.loads(row.document)
                session.add(MonthClosure(
                    number=row.number, month=row.month, period_start=parse_time(doc["period"][0]),
                    period_end=parse_time(doc["period"][1]), first_seq=row.first_seq,
                    last_seq=row.last_seq, last_hash=row.last_hash, head_seq=doc["head_seq"],
                    head_hash=doc["head_hash"], prev_hash=row.prev_hash, closed_at=row.closed_at,
                    closed_by=doc["closed_by"], document=row.document, hash=row.hash))
                closures += 1
            for flag in county.scalars(select(CountyFlag).where(CountyFlag.village_id == identity)
                                       .order_by(CountyFlag.id)):
                for review in json.loads(flag.reviews or "[]"):
                    session.add(AuditReview(month=flag.month, flag=flag.key, rule=flag.rule,
                                            reviewer=review["reviewer"], at=parse_time(review["at"]),
                                            comment=review["comment"]))
            notice = county.scalar(select(CountyNotice.data).where(CountyNotice.village_id == identity)
                                   .order_by(CountyNotice.number.desc()).limit(1))
            if notice is not None:
                data = json.loads(notice)
                printed = {"mask_names": bool(data.get("masked", 0))}
                if not tables.notice_chained:  # else the chain's own settings stand
                    printed.update(notice_days=int(data.get("notice_days", 7)),
                                   objection_phone=str(data.get("objection_phone", ""))[:40])
                session.execute(update(Village.__table__).where(Village.id == 1).values(**printed))
            session.flush()
            passwords = _new_passwords(session, operator)
        with target.read() as session:
            report = proof.verify(session)
            findings = tuple(f"{f.code} #{f.seq}: {f.detail}" for f in report.errors)
            seq, digest = ledger.head(session)
            count = session.scalar(select(func.count()).select_from(Transaction))
    finally:
        target.dispose()
    log.warning("village %s (%s) rebuilt from the county's copy into %s by %s: %d transactions, "
                "verify %s", name, identity[:12], url, operator, count, report.ok)
    return Rebuilt(url, identity, name, count, seq, digest, closures, report.ok, findings, passwords)


def _new_passwords(session: Session, operator: str) -> tuple[NewPassword, ...]:
    """A new password for every user, each a chained user fact by the county's operator."""
    made = []
    for user in session.scalars(select(User).order_by(User.id)):
        password = secrets.token_urlsafe(PASSWORD_LENGTH)[:PASSWORD_LENGTH] if user.active else ""
        user.password_hash = users.hash_password(password or secrets.token_urlsafe(24))
        user.locked, user.failed_logins = False, 0
        session.flush()
        proof.user_fact(session, user, operator, "password")
        made.append(NewPassword(user.username, user.display_name, user.role, bool(user.active), password))
    return tuple(made)
