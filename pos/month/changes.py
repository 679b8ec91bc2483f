"""The controls as the audit sees them: every change of one, and what was done around a toggle.

Every change to a price, a rule, a threshold or another village setting, a user,
a role or a user's household link is an entry of the chain (``pos.proof``); the
audit lists each as an operation, with who, when, who approved it, and each
field before and after. The flags here look around those changes:

- ``price_toggle``: a redemption at a price that had been lowered and was later
  raised again, naming both changes;
- ``threshold_toggle``: a deduction or redemption made without approval under a
  threshold that had been raised and was later lowered, when the lower one would
  have asked for approval;
- ``rule_toggle``: an award or deduction that only a widened rule allowed, the
  rule narrowed again later;
- ``split_series``: unapproved deductions or redemptions by one operator for one
  household within a week, each at least half the threshold, together above it;
- ``own_household``: an operator's act for the household they were linked to at
  that moment, by the chained link (a link never chained is read from the table);
- ``clock_forward``: an entry dated far after the one before it (a clock set
  ahead closes months that have not ended);
- ``supervisor_recovered``: a supervisor made with the sealed recovery code.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable
from datetime import timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from ledger.schema import Transaction
from pos import messages, oversight
from pos.periods import LOCAL
from pos.proof import GOODS_FIELDS, NOTICE_FIELDS, PUBLICITY_FIELDS, RULE_FIELDS, VILLAGE_FIELDS, parse_items
from pos.store.tables import Household, User
from pos.vocabulary import ClaimStatus, Kind, Role, UserChange

FACT_KINDS = (Kind.VILLAGE, Kind.RULE, Kind.GOODS, Kind.USER, Kind.RECOVERY_CODE)
CLOCK_JUMP = timedelta(days=45)  # an entry dated this long after the one before is flagged
SERIES_DAYS = timedelta(days=7)
_USER_FIELDS = ("name", "role", "active", "password", "household")
_FIELDS = {Kind.VILLAGE: (*VILLAGE_FIELDS, *NOTICE_FIELDS, *PUBLICITY_FIELDS, "awards"), Kind.RULE: (*RULE_FIELDS, "limit", "cap"),
           Kind.GOODS: GOODS_FIELDS,
           Kind.USER: _USER_FIELDS, Kind.RECOVERY_CODE: ()}
_RECORD = {Kind.RULE: "rule", Kind.GOODS: "goods", Kind.USER: "user"}

Add = Callable[..., None]


class Controls:
    """Every chained change of a control, read once: each record's history in chain order."""

    def __init__(self, session: Session):
        self.session = session
        self.history: dict[tuple[str, str], list[tuple[int, object, str, str | None, dict]]] = defaultdict(list)
        self.changes: dict[int, tuple[str, str, dict | None, dict]] = {}  # seq -> (kind, record, before, after)
        t = Transaction.__table__.c
        for seq, at, kind, operator, approver, attrs in session.execute(
                select(t.seq, t.at, t.kind, t.operator, t.approver, t.attrs)
                .where(t.kind.in_(FACT_KINDS)).order_by(t.seq)):
            facts = json.loads(attrs or "{}")
            record = str(facts.get(_RECORD.get(kind, ""), "")) if kind in _RECORD else ""
            past = self.history[(kind, record)]
            before = past[-1][4] if past else None
            if kind == Kind.USER and "household" not in facts and before is not None and "household" in before:
                facts = {**facts, "household": before["household"]}
            past.append((seq, at, operator, approver, facts))
            self.changes[seq] = (kind, record, before, facts)

    def in_force(self, kind: str, record: str, seq: int) -> int:
        """The index in the record's history of the facts in force at entry ``seq`` (-1: none)."""
        index = -1
        for n, (fact_seq, *_rest) in enumerate(self.history.get((kind, record), ())):
            if fact_seq >= seq:
                break
            index = n
        return index

    def link(self, username: str, seq: int, table: dict[str, int | None]) -> int | None:
        """The household ``username`` was linked to at entry ``seq``: by the chain, or by the
        table for a link the chain never recorded (written before links were chained)."""
        past = self.history.get((Kind.USER, username), ())
        if not any("household" in facts for *_rest, facts in past):
            return table.get(username)
        index = self.in_force(Kind.USER, username, seq)
        return past[index][4].get("household") if index >= 0 else None


# ---------------------------------------------------------------- the operations listed


def entry_detail(controls: Controls, seq: int, heads: dict[int, str]) -> messages.Phrase:
    """A change of a control as the audit lists it: the record, and each field before and after."""
    kind, record, before, after = controls.changes[seq]
    if kind == Kind.RECOVERY_CODE:
        return messages.Phrase("audit_recovery_code")
    name = messages.Phrase("audit_record_village") if kind == Kind.VILLAGE else messages.Phrase(
        "audit_record", code=record, name=after.get("name", ""))
    fields = [field for field in _FIELDS[kind] if field in after
              and (before is None or before.get(field) != after.get(field))]
    if kind == Kind.USER and after.get("change") == UserChange.RECOVERY:
        return messages.Phrase("audit_user_recovered", record=name)
    if before is None:
        return messages.Phrase("audit_added", record=name, facts=messages.AllOf(
            messages.Phrase("audit_fact", field=messages.Phrase(f"change_field_{f}"),
                            value=_value(f, after.get(f), heads)) for f in fields if f != "password"))
    return messages.Phrase("audit_changed", record=name, facts=messages.AllOf(
        messages.Phrase("audit_password_changed") if f == "password" else
        messages.Phrase("audit_field", field=messages.Phrase(f"change_field_{f}"),
                        before=_value(f, before.get(f), heads), after=_value(f, after.get(f), heads))
        for f in fields) or messages.Phrase("audit_nothing_changed"))


def _value(field: str, value, heads: dict[int, str]):
    if value is None or value == "":
        return messages.Phrase("value_none")
    if field in ("active", "deduction", *PUBLICITY_FIELDS):
        return messages.Phrase("value_yes" if value else "value_no")
    if field == "role":
        return Role._value2member_map_.get(value, value)
    if field == "zone":
        return messages.Stored(value)
    if field == "household":
        return messages.Phrase("audit_record", code=value, name=heads.get(int(value), ""))
    return value


# ---------------------------------------------------------------- the flags


def toggle_flags(controls: Controls, rows, add: Add) -> None:
    """Acts of the month that rested on a control loosened for a while and tightened again."""
    village = controls.history.get((Kind.VILLAGE, ""), [])
    day: dict[tuple, int] = defaultdict(int)
    for row in rows:
        attrs = json.loads(row.attrs or "{}")
        if row.kind == Kind.REDEMPTION:
            for code, quantity, points in parse_items(attrs.get("items")):
                _price_toggle(controls, row, code, points // max(quantity, 1), add)
        if row.kind in (Kind.AWARD, Kind.DEDUCTION):
            _rule_toggle(controls, row, str(attrs.get("rule", "")), abs(int(attrs.get("points", 0))), add)
        if row.kind in oversight.LIMITED and row.approver is None:
            key = oversight.day_key(row.kind, row.operator, attrs.get("household"), row.at)
            day[key] += oversight.entry_points(row.kind, attrs)
            _threshold_toggle(controls, village, row, oversight.LIMITED[row.kind], day[key], add)


def _around(history, index: int, looser: Callable[[dict, dict], bool]):
    """The change that loosened the control in force (``index``) and the first later change that
    tightened it again, or None."""
    if index < 1 or not looser(history[index][4], history[index - 1][4]):
        return None
    for later in history[index + 1:]:
        if looser(history[index][4], later[4]):
            return history[index], history[index - 1], later
    return None


def _price_toggle(controls: Controls, row, code: str, unit_points: int, add: Add) -> None:
    history = controls.history.get((Kind.GOODS, code), [])
    index = controls.in_force(Kind.GOODS, code, row.seq)
    found = _around(history, index, lambda now, other: now["price_points"] < other["price_points"])
    if found is None:
        return
    lowered, before, restored = found
    add("price_toggle", f"{row.seq}:{code}", messages.Phrase(
        "flagged_price_toggle", seq=row.seq, name=lowered[4].get("name", code), points=unit_points,
        before=before[4]["price_points"], lowered=lowered[0], lowered_by=_who(lowered),
        restored=restored[0], after=restored[4]["price_points"]), row.seq, row.at, row.operator)


def _rule_toggle(controls: Controls, row, code: str, points: int, add: Add) -> None:
    history = controls.history.get((Kind.RULE, code), [])
    index = controls.in_force(Kind.RULE, code, row.seq)
    found = _around(history, index, lambda now, other: oversight.rule_widened(other, now))
    if found is None:
        return
    widened, before, narrowed = found
    if before[4]["active"] and before[4]["points_min"] <= points <= before[4]["points_max"]:
        return  # the rule as it stood before allowed it too
    add("rule_toggle", row.seq, messages.Phrase(
        "flagged_rule_toggle", seq=row.seq, rule=code, points=points,
        low=before[4]["points_min"], high=before[4]["points_max"], widened=widened[0],
        widened_by=_who(widened), narrowed=narrowed[0]), row.seq, row.at, row.operator)


def _threshold_toggle(controls: Controls, village, row, name: str, points: int, add: Add) -> None:
    index = controls.in_force(Kind.VILLAGE, "", row.seq)
    found = _around(village, index, lambda now, other: now[name] > other[name])
    if found is None:
        return
    raised, before, lowered = found
    if points <= min(before[4][name], lowered[4][name]):
        return  # it needed no approval under the lower threshold either
    add("threshold_toggle", row.seq, messages.Phrase(
        "flagged_threshold_toggle", seq=row.seq, points=points, threshold=messages.Phrase(f"setting_{name}"),
        before=before[4][name], raised=raised[0], raised_by=_who(raised), to=raised[4][name],
        lowered=lowered[0], after=lowered[4][name]), row.seq, row.at, row.operator)


def _who(change) -> str:
    seq, _at, operator, approver, _facts = change
    return f"{operator}/{approver}" if approver else operator


def series_flags(controls: Controls, rows, add: Add) -> None:
    """Unapproved deductions or redemptions for one household by one operator within a week,
    each at least half the threshold, together above it: a whole split to stay under."""
    village = controls.history.get((Kind.VILLAGE, ""), [])
    groups: dict[tuple, list] = defaultdict(list)
    for row in rows:
        if row.kind in oversight.LIMITED and row.approver is None:
            attrs = json.loads(row.attrs or "{}")
            groups[(row.kind, row.operator, attrs.get("household"))].append(
                (row, oversight.entry_points(row.kind, attrs)))
    for (kind, operator, household), entries in groups.items():
        flagged: set[int] = set()
        for n, (first, _points) in enumerate(entries):
            if first.seq in flagged:
                continue
            window = [(r, p) for r, p in entries[n:] if r.at - first.at < SERIES_DAYS]
            index = controls.in_force(Kind.VILLAGE, "", window[-1][0].seq)
            if len(window) < 2 or index < 0:
                continue
            limit = village[index][4][oversight.LIMITED[kind]]
            total = sum(p for _, p in window)
            if total > limit and all(2 * p >= limit for _, p in window):
                flagged.update(r.seq for r, _ in window)
                add("split_series", first.seq, messages.Phrase(
                    "flagged_split_series", operator=operator, household=household, kind=kind,
                    count=len(window), seqs=messages.AllOf(f"#{r.seq}" for r, _ in window), total=total,
                    limit=limit), first.seq, first.at, operator, household)


def own_household_flags(controls: Controls, session: Session, rows, card_legs, heads, add: Add) -> None:
    """An operator's award, hygiene points or redemption for the household they were linked
    to when they made it, or a claim they entered for it."""
    table = {u.username: u.household_id for u in session.scalars(select(User))}
    for row in rows:
        if row.kind == Kind.CLAIM:
            facts = json.loads(row.attrs or "{}")
            if facts.get("status") != ClaimStatus.ENTERED:
                continue
            households = {facts.get("household")}
        elif row.kind in (Kind.AWARD, Kind.HYGIENE, Kind.REDEMPTION):
            households = {h for h, _, _ in card_legs(row.seq)}
        else:
            continue
        mine = controls.link(row.operator, row.seq, table)
        if mine and mine in households:
            add("own_household", row.seq, messages.Phrase(
                "flagged_own_household", operator=row.operator, head=heads.get(mine, mine), kind=Kind(row.kind),
                seq=row.seq), row.seq, row.at, row.operator, mine)


def clock_forward_flags(rows, previous, add: Add) -> None:
    for row in rows:
        if previous is not None and row.at - previous.at > CLOCK_JUMP:
            add("clock_forward", row.seq, messages.Phrase(
                "flagged_clock_forward", seq=row.seq, at=_local(row.at), previous=previous.seq,
                previous_at=_local(previous.at), days=(row.at - previous.at).days), row.seq, row.at, row.operator)
        previous = row


def recovery_flags(controls: Controls, rows, add: Add) -> None:
    for row in rows:
        change = controls.changes.get(row.seq)
        if change is not None and change[0] == Kind.USER and change[3].get("change") == UserChange.RECOVERY:
            add("supervisor_recovered", row.seq, messages.Phrase(
                "flagged_supervisor_recovered", seq=row.seq, user=change[1], name=change[3].get("name", ""),
                operator=row.operator), row.seq, row.at, row.operator)


def household_heads(session: Session) -> dict[int, str]:
    return {h.id: h.head_name for h in session.scalars(select(Household))}


def _local(at) -> str:
    return at.astimezone(LOCAL).strftime("%Y-%m-%d %H:%M")
