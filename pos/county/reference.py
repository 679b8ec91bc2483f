"""What goes back to the villages on the official's stick: the county's reference point
rules and the village keys it retired.

Counties issue a reference (彭阳: 8 areas and 46 rules) that villages adapt. The
file (format ``aixin-county-rules``, version 1) is ``{"rules": {...}, "signature"}``,
signed by the county's key like its receipts: the county, its key, when it was
issued, the rules (code, category, name, points, deduction, in use, and since version 2 the
limit per period and the cap of households per deed day) and the retired keys (village id,
fingerprint, when). Villages read version 1 files too (limits then are not the county's to say).

A village reads it with ``aixin rule import FILE``: the differences are shown
first (rules the village lacks, rules whose wording or points differ; the
village's own rules are never taken away), and taken only when asked (``--yes``),
each through the rules service, so every change is a chained fact like any other.
If the village's own key is on the retired list, taking the file puts that key
aside; the next package is signed with a new key, which the county accepts after
comparing its fingerprint with the village's next notice.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import delete, select

from ledger import canonical
from ledger.book import now
from pos import rules as village_rules
from pos import village as village_module
from pos.county import signing
from pos.county.accounts import CountyActor, caller, info_in, work
from pos.county.receipt import receipts_in
from pos.county.schema import CountyKey, CountyRule
from pos.county.vocabulary import RULES_FORMAT, CountyRole, KeyStatus
from pos import limits, messages, oversight
from pos.errors import NeedsApproval, ShopError
from pos.households import decode
from pos.service import Actor, Approval
from pos.store.database import Database

VERSION = 2
READ_VERSIONS = (1, 2)  # a village still reads the reference of a county that has not upgraded
FIELDS = ("code", "category", "name", "points_min", "points_max", "deduction", "active", "limit",
          "cap_per_event")


# ---------------------------------------------------------------- the county


@dataclass(frozen=True)
class Exported:
    path: Path
    rules: int
    retired: int
    fingerprint: str


def load(db: Database, actor: CountyActor, data: bytes) -> int:
    """Replace the county's reference rules by a CSV (code,category,name,points_min,
    points_max,deduction), as ``resources/default_rules.csv`` is written, with optional columns
    active, limit ("2/week", empty for none) and cap_per_event (households a deed day, 0 for none)."""
    rows = list(csv.DictReader(io.StringIO(decode(data))))
    if not rows:
        raise ShopError("csv_empty")
    missing = [name for name in FIELDS[:6] if name not in rows[0]]
    if missing:
        raise ShopError("csv_missing_columns", columns="、".join(missing))
    parsed = []
    for number, row in enumerate(rows, start=2):
        try:
            low, high = int(row["points_min"]), int(row["points_max"])
            cap = int((row.get("cap_per_event") or "0").strip())
            limit = limits.parse(row.get("limit") or "")
            if not (row["code"].strip() and row["name"].strip()) or not 0 < low <= high <= 1000 \
                    or not 0 <= cap <= 10_000:
                raise ValueError
        except (ValueError, ShopError):
            raise ShopError("county_rules_bad", row=number) from None
        parsed.append(CountyRule(code=row["code"].strip().upper(), category=row["category"].strip(),
                                 name=row["name"].strip(), points_min=low, points_max=high,
                                 deduction=row["deduction"].strip() == "1",
                                 active=(row.get("active") or "1").strip() != "0",
                                 limit=str(limit) if limit else "", cap_per_event=cap))
    with work(db) as session:
        caller(session, actor, CountyRole.ADMIN, CountyRole.OFFICIAL)
        session.execute(delete(CountyRule))
        session.add_all(parsed)
    return len(parsed)


def export(db: Database, actor: CountyActor, path: Path) -> Exported:
    """The reference rules and the retired keys, signed, for the stick."""
    with db.read() as session:
        caller(session, actor)
        county = info_in(session)
        signer = signing.county_key(county.county_id)
        if signer is None or signer.public_hex != county.public_key:
            raise ShopError("county_key_missing", path=str(signing.county_key_path(county.county_id)))
        rules = [[r.code, r.category, r.name, r.points_min, r.points_max, int(r.deduction), int(r.active),
                  r.limit, r.cap_per_event]
                 for r in session.scalars(select(CountyRule).order_by(CountyRule.code))]
        retired = [[k.village_id, k.fingerprint, canonical.format_time(k.decided_at or k.first_seen_at)]
                   for k in session.scalars(select(CountyKey).where(
                       CountyKey.status == KeyStatus.RETIRED.value).order_by(CountyKey.id))]
        document = canonical.dumps({
            "format": RULES_FORMAT, "version": VERSION,
            "county": {"id": county.county_id, "name": county.name},
            "algorithm": signer.algorithm, "public_key": signer.public_hex,
            "issued_at": canonical.format_time(now(session)),
            "rules": rules, "retired_keys": retired,
        })
    payload = signing.signed_file("rules", document, signer.sign(document))
    temporary = path.with_name(f".{path.name}.part")
    temporary.write_bytes(payload)
    temporary.replace(path)
    return Exported(path, len(rules), len(retired), signer.fingerprint)


# ---------------------------------------------------------------- the village


@dataclass(frozen=True)
class RuleChange:
    code: str
    change: str  # "new" | "changed"
    ours: tuple | None  # (category, name, points_min, points_max, deduction, active, limit, cap)
    theirs: tuple  # the same; limit "" and cap 0 for none


@dataclass(frozen=True)
class Reference:
    county: str
    fingerprint: str
    issued_at: str
    changes: tuple[RuleChange, ...]
    kept: tuple[str, ...]  # the village's own rules the reference does not have (left as they are)
    key_retired: bool  # this village's own key is on the county's retired list
    taken: tuple[str, ...] = ()
    key_rotated: bool = False


def _read(data: bytes) -> tuple[dict, str]:
    document, _signed = signing.read_signed(data, "rules", RULES_FORMAT, READ_VERSIONS,
                                            unreadable="county_rules_unreadable",
                                            forged="county_rules_signature")
    return document, signing.fingerprint_hex(document["public_key"])


def compare(db: Database, actor: Actor, data: bytes) -> Reference:
    """What taking the county's file would change here; nothing is changed."""
    from pos.service import caller as village_caller

    document, fingerprint = _read(data)
    with db.read() as session:
        village_caller(session, actor)
        pinned = [r.key for r in receipts_in(session)]
        if pinned and pinned[-1] != fingerprint:
            raise ShopError("county_receipt_key_changed", county=document["county"]["name"],
                            fingerprint=fingerprint, pinned=pinned[-1])
        identity = village_module.village_id(session)
    ours = {r.code: (r.category, r.name, r.points_min, r.points_max, int(r.deduction), int(r.active),
                     str(r.limit) if r.limit else "", r.cap_per_event or 0)
            for r in village_rules.list_rules(db, actor, include_inactive=True)}
    changes = []
    theirs_codes = set()
    for row in document["rules"]:
        code, category, name, low, high, deduction, active = row[:7]
        if document["version"] >= 2:
            limit, cap = row[7] or "", int(row[8] or 0)
        else:  # a reference without limits leaves the village's as they are
            limit, cap = ours[code][6:] if code in ours else ("", 0)
        theirs_codes.add(code)
        theirs = (category, name, low, high, int(deduction), int(active), limit, cap)
        if code not in ours:
            changes.append(RuleChange(code, "new", None, theirs))
        elif ours[code] != theirs:
            changes.append(RuleChange(code, "changed", ours[code], theirs))
    key = signing.village_key(identity, create=False) if identity else None
    retired = {(v, f) for v, f, _ in document["retired_keys"]}
    return Reference(document["county"]["name"], fingerprint, document["issued_at"], tuple(changes),
                     tuple(sorted(set(ours) - theirs_codes)),
                     key is not None and (identity, key.fingerprint) in retired)


def _facts(rule) -> dict | None:
    """A rule as the comparison lists it (category, name, low, high, deduction, active, limit,
    cap), as ``oversight.rule_widened`` compares rules."""
    if rule is None:
        return None
    _category, _name, low, high, deduction, active, limit, cap = rule
    return {"points_min": low, "points_max": high, "deduction": deduction, "active": active,
            "limit": limit, "cap": cap}


def take(db: Database, actor: Actor, data: bytes, only: list[str] | None = None,
         approval: Approval | None = None) -> Reference:
    """Take the county's reference rules (all differences, or those in ``only``), each through
    the rules service (an administrator; a new or widened rule with a supervisor's
    ``approval``, as any), and put a retired key of this village aside."""
    reference = compare(db, actor, data)
    wanted = {code.strip().upper() for code in only} if only else None
    chosen = [c for c in reference.changes if wanted is None or c.code in wanted]
    widened = [c.code for c in chosen if oversight.rule_widened(_facts(c.ours), _facts(c.theirs))]
    if widened and (approval is None or not approval.username):
        # asked before any rule is taken, so a refusal leaves the rules as they were
        raise NeedsApproval("needs_approval", what=messages.Phrase(
            "approving_rules_taken", codes=messages.AllOf(widened)))
    taken = []
    for change in reference.changes:
        if wanted is not None and change.code not in wanted:
            continue
        category, name, low, high, deduction, active, limit, cap = change.theirs
        village_rules.save(db, actor, change.code, category, name, low, high, bool(deduction), bool(active),
                           approval, limit=limit, cap_per_event=cap)
        taken.append(change.code)
    rotated = False
    if reference.key_retired:
        with db.read() as session:
            identity = village_module.village_id(session)
        rotated = signing.retire_village_key(identity) is not None
    return Reference(reference.county, reference.fingerprint, reference.issued_at, reference.changes,
                     reference.kept, reference.key_retired, tuple(taken), rotated)
