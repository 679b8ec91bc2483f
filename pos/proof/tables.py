"""The tables against the chain: each row must say what the chain's facts say at its head,
and each closure and review must be a supervisor's, as the chain knew them then."""

from __future__ import annotations

import hashlib
from collections import defaultdict
from pathlib import Path

from sqlalchemy import func, select

from pos import oversight
from pos.vocabulary import PHOTOS
from pos.month.document import GENESIS, digest
from pos.proof.facts import claim_facts
from pos.proof.facts import (
    GOODS_FIELDS, NOTICE_FIELDS, PUBLICITY_FIELDS, RULE_FIELDS, VILLAGE_FIELDS, password_digest,
)
from pos.proof.walk import Walk
from pos.store.tables import (
    AuditReview,
    Card,
    Claim,
    ClaimPosting,
    Goods,
    Household,
    MonthClosure,
    Redemption,
    RedemptionLine,
    Rule,
    StockMovement,
    User,
    Village,
    VillagerGroup,
)


class Tables(Walk):
    """The walk, then its end state compared with the tables."""

    def differs(self, kind: str, record, seq: int | None, table: dict, chain: dict) -> None:
        for field, value in table.items():
            if value != chain.get(field):
                self.add(f"{kind}_differs", seq, f"{kind} {record}: {field} is {value!r} in the "
                         f"table, {chain.get(field)!r} in the chain", record=str(record),
                         field=field, table=str(value), chain=str(chain.get(field)))

    def unchained(self, kind: str, record) -> None:
        self.add(f"{kind}_unchained", None, f"{kind} {record} is not in the chain", record=str(record))

    def missing(self, kind: str, record, seq: int) -> None:
        self.add(f"{kind}_missing", seq, f"{kind} {record}, in the chain, is gone from the table",
                 record=str(record))

    def compare_tables(self) -> None:
        s = self.session
        def user_table(user, chain):
            table = {"name": user.display_name, "role": user.role, "active": bool(user.active),
                     "password": password_digest(user.password_hash)}
            if "household" in chain:  # a link chained since links are facts
                table["household"] = user.household_id
            return table
        self._compare_each("user", {u.username: u for u in s.scalars(select(User))}, self.users,
                           user_table)

        village = s.get(Village, 1)
        if village is None and self.village is not None:
            self.missing("village", self.village["name"], self.village["seq"])
        elif village is not None and self.village is None:
            self.unchained("village", village.name)
        elif village is not None:
            table = {name: getattr(village, name) for name in VILLAGE_FIELDS + NOTICE_FIELDS
                     if name in self.village}
            table.update({name: int(bool(getattr(village, name))) for name in PUBLICITY_FIELDS
                          if name in self.village})
            table["awards"] = village.awards
            self.differs("village", village.name, self.village["seq"], table, self.village)
        groups = set(s.scalars(select(VillagerGroup.name)))
        for name in groups - self.groups.keys():
            self.unchained("group", name)
        for name in self.groups.keys() - groups:
            self.missing("group", name, self.groups[name])

        self._compare_rows("rule", {r.code: r for r in s.scalars(select(Rule))}, self.rules,
                           RULE_FIELDS)
        goods = {g.code: g for g in s.scalars(select(Goods))}
        self._compare_rows("goods", goods, self.goods, GOODS_FIELDS)
        for code, row in goods.items():
            if row.stock != self.stock.get(code, 0):
                self.add("stock_mismatch", None, f"goods {code}: stock {row.stock}, its chained "
                         f"movements sum to {self.stock.get(code, 0)}", record=code,
                         table=str(row.stock), chain=str(self.stock.get(code, 0)))
        self._compare_movements({g.id: code for code, g in goods.items()})
        self._compare_redemptions({g.id: code for code, g in goods.items()})

        group_names = dict(s.execute(select(VillagerGroup.id, VillagerGroup.name)).all())
        homes = {h.id: h for h in s.scalars(select(Household))}
        self._compare_each("household", homes, self.households, lambda home, chain: {
            "head": home.head_name, "group": group_names.get(home.group_id), "status": home.status})
        self._compare_each("card", {c.number: c for c in s.scalars(select(Card))}, self.cards,
                           lambda card, chain: {"household": card.household_id,
                                                "status": card.status})
        self._compare_claims()

    def _compare_claims(self) -> None:
        self._compare_each("claim", {c.id: c for c in self.session.scalars(select(Claim))},
                           self.claims, lambda claim, chain: {
                               **claim_facts(claim), "credited_seq": claim.credited_seq,
                               "seq": claim.seq})
        self._compare_each("posting", {p.id: p for p in self.session.scalars(select(ClaimPosting))},
                           self.postings, lambda posting, chain: {
                               "starts_on": posting.starts_on.isoformat(),
                               "notice_days": posting.notice_days,
                               "credited_seq": posting.credited_seq, "seq": posting.posted_seq})

    def _compare_each(self, kind, rows: dict, chains: dict, table_of) -> None:
        """Each row against the chain's facts of its key, ``table_of(row, facts)`` saying what the
        row holds; a row the chain lacks is unchained, a key only the chain has is missing."""
        for key, row in rows.items():
            facts = chains.get(key)
            if facts is None:
                self.unchained(kind, key)
                continue
            self.differs(kind, key, facts["seq"], table_of(row, facts), facts)
        for key in chains.keys() - rows.keys():
            self.missing(kind, key, chains[key]["seq"])

    def _compare_rows(self, kind, rows: dict, chain: dict, fields) -> None:
        def table_of(row, facts):
            table = {name: getattr(row, name) for name in fields}
            if kind == "rule":
                table["limit"] = f"{row.limit_count}/{row.limit_period}" if row.limit_count else ""
                table["cap"] = int(row.cap_per_event or 0)
            for name in ("deduction", "active"):
                if name in table:
                    table[name] = int(bool(table[name]))
            return table
        self._compare_each(kind, rows, chain, table_of)

    def _compare_movements(self, codes: dict[int, str]) -> None:
        m = StockMovement.__table__.c
        table: dict[tuple[int, str], int] = {}
        for tx_seq, goods_id, quantity in self.session.execute(
                select(m.tx_seq, m.goods_id, func.sum(m.quantity)).group_by(m.tx_seq, m.goods_id)):
            code = codes.get(goods_id, f"#{goods_id}")
            if tx_seq is None:
                self.add("movement_unchained", None, f"goods {code}: stock moved by {quantity} "
                         "outside the chain", record=code, table=str(quantity))
                continue
            table[(tx_seq, code)] = quantity
        chain = {key: q for key, q in self.moves.items() if q}
        for key in sorted(table.keys() | chain.keys()):
            if table.get(key, 0) != chain.get(key, 0):
                seq, code = key
                self.add("movement_mismatch", seq, f"goods {code}: the table moves "
                         f"{table.get(key, 0)}, entry {seq} moves {chain.get(key, 0)}",
                         record=code, table=str(table.get(key, 0)), chain=str(chain.get(key, 0)))

    def _compare_redemptions(self, codes: dict[int, str]) -> None:
        lines: dict[int, list] = defaultdict(list)
        for line in self.session.scalars(select(RedemptionLine).order_by(RedemptionLine.tx_seq,
                                                                        RedemptionLine.line)):
            lines[line.tx_seq].append((codes.get(line.goods_id, f"#{line.goods_id}"), line.quantity,
                                       line.quantity * line.unit_points))
        seen = set()
        for row in self.session.scalars(select(Redemption)):
            seen.add(row.tx_seq)
            chain = self.redemptions.get(row.tx_seq)
            if chain is None:
                self.unchained("redemption", row.tx_seq)
                continue
            table = {"card": row.card_number, "household": row.household_id, "points": row.points,
                     "items": lines.get(row.tx_seq, []),
                     "reversed_by": row.reversed_by}
            facts = {**chain, "reversed_by": self.reversed.get(row.tx_seq)}
            for field, value in table.items():
                if value != facts.get(field):
                    self.add("redemption_mismatch", row.tx_seq, f"redemption {row.tx_seq}: {field} "
                             "in the table differs from its ledger transaction", field=field)
        for seq in self.redemptions.keys() - seen:
            self.missing("redemption", seq, seq)

    def compare_signatures(self) -> None:
        """Each closure whole and in its chain, and closed by a supervisor active at its head;
        each review of a flag by a supervisor active when it was made."""
        previous = GENESIS
        for row in self.session.scalars(select(MonthClosure).order_by(MonthClosure.number)):
            if digest(row.document) != row.hash or row.prev_hash != previous:
                self.add("closure_differs", row.last_seq, f"closure {row.number} ({row.month}) is not "
                         "the document its hash and the closure before it name", number=row.number)
            previous = row.hash
            if not oversight.is_supervisor(self.user_at(row.closed_by, seq=row.head_seq)):
                self.add("closure_not_supervisor", row.head_seq, f"closure {row.number} ({row.month}) "
                         f"made by {row.closed_by}, not an active supervisor then",
                         number=row.number, month=row.month, user=row.closed_by)
        for review in self.session.scalars(select(AuditReview).order_by(AuditReview.id)):
            if not oversight.is_supervisor(self.user_at(review.reviewer, at=review.at)):
                self.add("review_not_supervisor", None, f"flag {review.flag} of {review.month} reviewed "
                         f"by {review.reviewer}, not an active supervisor then",
                         flag=review.flag, month=review.month, user=review.reviewer)

    def compare_photos(self) -> None:
        """Each claim's photo kept beside an SQLite file against the SHA-256 its claim chained:
        a photo swapped afterwards is named (one not copied with the file is no finding)."""
        bind = self.session.get_bind()
        if bind.dialect.name != "sqlite" or not bind.url.database or bind.url.database == ":memory:":
            return
        folder = Path(bind.url.database).parent / PHOTOS
        if not folder.is_dir():
            return
        for number, facts in sorted(self.claims.items()):
            photo = str(facts.get("photo") or "")
            for kept in folder.glob(f"{photo}*") if photo.isalnum() else ():
                if hashlib.sha256(kept.read_bytes()).hexdigest() != photo:
                    self.add("photo_differs", facts["seq"], f"claim {number}: photo {kept.name} is not "
                             "the one whose SHA-256 the chain holds", claim=number, file=kept.name)
