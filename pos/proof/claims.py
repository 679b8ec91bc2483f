"""The chain's claims replayed: each change checked against the facts in force before it.

A claim is entered by the caller who is named as its enterer, by a rule in force that
allows its points (negative by a deduction rule); reviewed only from entered or objected, by an active reviewer or
supervisor who neither entered it nor belonged to its household then; objected to only
while posted. A posting puts up accepted claims for no fewer than the village's notice days; a crediting credits a posting once,
after its last Beijing day, exactly the points of the claims still posted on it.
"""

from __future__ import annotations

from datetime import date, timedelta

from pos import limits
from pos.periods import local_date
from pos.proof.facts import CLAIM_FIELDS, parse_claims
from pos.vocabulary import ClaimStatus, Role

_REVIEWERS = (Role.REVIEWER, Role.SUPERVISOR)
_REVIEWED = (ClaimStatus.ACCEPTED, ClaimStatus.REJECTED)


class ClaimsWalk:
    """The claims part of ``pos.proof.walk.Walk`` (which supplies ``add``, ``users``,
    ``rules`` and ``cards``)."""

    def start_claims(self) -> None:
        self.claims: dict[int, dict] = {}
        self.postings: dict[int, dict] = {}
        # What counts toward a rule's limit: (rule, household) -> {award seq or ("claim", id): deed}
        self.earnings: dict[tuple[str, int], dict] = {}

    def within_limit(self, seq, rule_code: str, household: int, deed: date, key) -> None:
        """A rule's limit in force, asked of one more award or claim for ``household``, which
        then counts (``pos.limits``: the services ask the same before they write)."""
        rule = self.rules.get(rule_code) or {}
        limit = limits.parse(rule.get("limit") or "")
        earned = self.earnings.setdefault((rule_code, household), {})
        if limit is not None:
            first, last = limits.period_of(deed, limit.period)
            if sum(first <= day <= last for day in earned.values()) >= limit.count:
                self.add("rule_limit_exceeded", seq, f"rule {rule_code} allows {limit} for household "
                         f"{household}; this is one more", rule=rule_code, household=household, limit=str(limit))
        earned[key] = deed

    def within_cap(self, seq, rule_code: str, households, deed: date) -> None:
        """A rule's cap per event in force, asked of ``households`` earning by it on ``deed``
        before they count (``pos.limits.check_cap``)."""
        cap = int((self.rules.get(rule_code) or {}).get("cap") or 0)
        if not cap:
            return
        already = {h for (code, h), earned in self.earnings.items()
                   if code == rule_code and deed in earned.values()}
        if len(already | set(households)) > cap:
            self.add("rule_cap_exceeded", seq, f"rule {rule_code} allows {cap} households an event; "
                     f"{deed.isoformat()} passed it", rule=rule_code, cap=cap, date=deed.isoformat())

    def undone(self, key) -> None:
        for earned in self.earnings.values():
            earned.pop(key, None)

    def on_claim(self, seq, row, attrs, _legs) -> None:
        number = int(attrs["claim"])
        before = self.claims.get(number)
        after = {"seq": seq, **{name: attrs[name] for name in CLAIM_FIELDS}, "credited_seq": None}
        status = after["status"]
        if before is None:
            if status != ClaimStatus.ENTERED or after["entered_by"] != row.operator:
                self.add("claim_out_of_turn", seq, f"claim {number} first appears as {status}",
                         claim=number)
            self._claim_rule(seq, number, after)
            deed = date.fromisoformat(after["deed_date"])
            self.within_cap(seq, after["rule"], {int(after["household"])}, deed)
            self.within_limit(seq, after["rule"], int(after["household"]), deed, ("claim", number))
        elif before["status"] == ClaimStatus.CREDITED:
            self.add("claim_out_of_turn", seq, f"claim {number} changed after it was credited", claim=number)
        elif status in _REVIEWED:
            self._review(seq, row, number, before, after)
            if status == ClaimStatus.REJECTED:
                self.undone(("claim", number))
        elif status == ClaimStatus.OBJECTED:
            if before["status"] != ClaimStatus.POSTED:
                self.add("claim_out_of_turn", seq, f"claim {number} objected to while {before['status']}",
                         claim=number)
        else:
            self.add("claim_out_of_turn", seq, f"claim {number} made {status} by a claim record",
                     claim=number)
        self.claims[number] = after

    def _claim_rule(self, seq, number, facts) -> None:
        rule = self.rules.get(facts["rule"])
        points = int(facts["points"])
        if (rule is None or not rule["active"] or bool(rule["deduction"]) != (points < 0)
                or not rule["points_min"] <= abs(points) <= rule["points_max"]):
            self.add("rule_not_in_force", seq, f"claim {number}: {points} points by rule {facts['rule']}, "
                     "which did not allow that then", rule=facts["rule"])

    def _review(self, seq, row, number, before, after) -> None:
        reviewer = self.users.get(row.operator)
        if before["status"] not in (ClaimStatus.ENTERED, ClaimStatus.OBJECTED):
            self.add("claim_out_of_turn", seq, f"claim {number} reviewed while {before['status']}",
                     claim=number)
        if (reviewer is None or not reviewer["active"] or reviewer["role"] not in _REVIEWERS
                or after["reviewed_by"] != row.operator):
            self.add("claim_reviewer", seq, f"claim {number} reviewed by {row.operator}, "
                     "not an active reviewer or supervisor then", claim=number, user=row.operator)
        elif row.operator == before["entered_by"] or reviewer.get("household") == before["household"]:
            self.add("claim_reviewed_own", seq, f"claim {number} reviewed by {row.operator}, who "
                     "entered it or belongs to its household", claim=number, user=row.operator)
        for name in ("household", "rule", "deed_date", "entered_by", "declared_by"):
            if after[name] != before[name]:
                self.add("claim_out_of_turn", seq, f"claim {number}: its {name} changed at review",
                         claim=number)
        if after["status"] == ClaimStatus.ACCEPTED:
            self._claim_rule(seq, number, after)

    def on_claim_posting(self, seq, _row, attrs, _legs) -> None:
        number = int(attrs["posting"])
        named = [int(c) for c in str(attrs["claims"]).split(",") if c.strip()]
        self.postings[number] = {"seq": seq, "starts_on": attrs["starts_on"],
                                 "notice_days": int(attrs["notice_days"]), "credited_seq": None}
        least = int((self.village or {}).get("notice_days") or 0)
        if int(attrs["notice_days"]) < least:
            self.add("posting_short", seq, f"posting {number} up {attrs['notice_days']} days, "
                     f"the village's notice {least} days", posting=number, days=int(attrs["notice_days"]),
                     least=least)
        for claim in named:
            facts = self.claims.get(claim)
            if facts is None or facts["status"] != ClaimStatus.ACCEPTED:
                self.add("claim_out_of_turn", seq, f"posting {number} puts up claim {claim}, "
                         "which was not accepted", claim=claim)
                continue
            self.claims[claim] = {**facts, "seq": seq, "status": ClaimStatus.POSTED, "posting": number}

    def on_claim_credit(self, seq, row, attrs, card_legs) -> None:
        number = int(attrs["posting"])
        posting = self.postings.get(number)
        if posting is None or posting["credited_seq"] is not None:
            self.add("posting_credit", seq, f"posting {number} credited again, or never posted",
                     posting=number)
            return
        last = date.fromisoformat(posting["starts_on"]) + timedelta(days=posting["notice_days"] - 1)
        if local_date(row.at) <= last:
            self.add("posting_credit", seq, f"posting {number} credited before its notice ended "
                     f"({last.isoformat()})", posting=number)
        posting["credited_seq"] = seq
        by_household: dict[int, int] = {}
        for claim, household, rule, points in parse_claims(attrs["claims"]):
            facts = self.claims.get(claim)
            if (facts is None or facts["status"] != ClaimStatus.POSTED or facts["posting"] != number
                    or int(facts["points"]) != points or int(facts["household"]) != household
                    or facts["rule"] != rule):
                self.add("posting_credit", seq, f"claim {claim} credited, but it is not standing "
                         f"on posting {number} with those points", posting=number, claim=claim)
                continue
            self.claims[claim] = {**facts, "seq": seq, "status": ClaimStatus.CREDITED, "credited_seq": seq}
            by_household[household] = by_household.get(household, 0) + points
        legs: dict[int, int] = {}
        for card, amount in card_legs:
            household = (self.cards.get(card) or {}).get("household")
            legs[household] = legs.get(household, 0) + amount
        if {h: p for h, p in legs.items() if p} != {h: p for h, p in by_household.items() if p}:
            self.add("posting_credit", seq, f"posting {number}: the points credited are not its "
                     "claims' points", posting=number)
