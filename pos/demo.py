"""A demo village like Adao village: 154 households in 3 groups and a year of
labour days, hygiene rounds, honours, deductions, redemptions and lost cards.

Everything goes through the same services the counter uses, on a clock that
walks through the year, so the demo's ledger verifies like a real one. The
supervisor closes each month on the first day of the next, from the first, so a
newcomer finds eleven months closed and the last one open; in it, a few audit
flags were raised on purpose (a clerk linked to his own household, then
awarding it points), some already reviewed, one left to try reviewing. The
notice's objection phone is set.

Other villages for the county's tests and benchmarks come from the same
builder: another name, seed and number of households, a span of days, and
months closed or not. The default build (Adao village, seed 2026) stays the
same chain, byte for byte.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, timezone

from pos.codes import ean13_digit
from pos import (
    awards, cards, claims, goods, households, hygiene, paths, redemption, reversal, service, stock, users, village,
)
from pos.month import audit, closure
from pos.receipts import queue as printqueue
from pos.store.database import Database
from pos.errors import ShopError
from pos.rules import HYGIENE_ITEMS
from pos.service import Approval
from pos.vocabulary import ClaimStatus, Role, Source

BEIJING = timezone(timedelta(hours=8))
PASSWORD = paths.DEMO_PASSWORD
VILLAGE, ADMIN, SUPERVISOR = "阿道村", "wangfang", "lishuji"
OBJECTION_PHONE = "0911-4123456"
REVIEWER = "liuping"  # the review group's member, from the village's claims months
GROUPS = {"啊道": 58, "富庄": 52, "杜河沟": 44}
SURNAMES = "张王李刘杨赵高马郭冯薛白霍贺曹任雷田苏党".replace("", " ").split()
GIVEN = ("建国 建军 建华 志强 志刚 国庆 国强 红梅 秀英 桂兰 玉兰 秀兰 春生 海军 小平 文华 "
         "德胜 宝山 金花 满仓 富贵 永红 军民 长青 新民 卫东 爱萍 丽娟 明亮 振华").split()

# name, zone, points, value in fen, unit, has a maker's barcode
GOODS = [
    ("大米 10kg", "粮油区", 20, 5500, "袋", True), ("面粉 10kg", "粮油区", 16, 4500, "袋", True),
    ("菜籽油 5L", "粮油区", 25, 7500, "桶", True), ("挂面 1kg", "粮油区", 3, 800, "把", True),
    ("小米 2.5kg", "粮油区", 6, 1800, "袋", False), ("食盐 400g", "粮油区", 1, 250, "袋", True),
    ("酱油 500ml", "日用品区", 2, 650, "瓶", True), ("香醋 500ml", "日用品区", 2, 600, "瓶", True),
    ("毛巾", "日用品区", 3, 900, "条", True), ("暖水瓶", "日用品区", 8, 2500, "个", False),
    ("卫生纸 10卷", "日用品区", 5, 1500, "提", True), ("不锈钢盆", "日用品区", 6, 1800, "个", False),
    ("洗衣粉 1.5kg", "洗化区", 4, 1200, "袋", True), ("洗洁精 1.2kg", "洗化区", 3, 900, "瓶", True),
    ("香皂", "洗化区", 1, 350, "块", True), ("牙膏", "洗化区", 2, 600, "支", True),
    ("洗发水 750ml", "洗化区", 6, 1800, "瓶", True), ("肥皂", "洗化区", 1, 300, "块", True),
    ("棉袄（捐赠）", "服装区", 10, 0, "件", False), ("劳保鞋", "服装区", 8, 2400, "双", False),
    ("棉手套", "服装区", 1, 300, "双", False), ("儿童校服（捐赠）", "服装区", 6, 0, "套", False),
    ("复合肥 50kg", "农资区", 40, 12000, "袋", True), ("玉米种子 1kg", "农资区", 10, 3000, "袋", True),
    ("地膜", "农资区", 8, 2500, "卷", False), ("铁锹", "农资区", 6, 1800, "把", False),
    ("喷雾器", "农资区", 20, 6000, "台", True), ("电饭锅", "家用电器区", 50, 15000, "台", True),
    ("电水壶", "家用电器区", 20, 6000, "台", True), ("LED台灯", "家用电器区", 15, 4500, "台", True),
    ("电风扇", "家用电器区", 40, 12000, "台", True),
]
DONORS = [
    ("宜川县鑫源商贸有限公司", "company"), ("延安市爱心粮油有限公司", "company"),
    ("陕西某某农资公司", "company"), ("张先生（在外乡贤）", "person"), ("李女士", "person"),
    ("县妇联", "other"),
]
FUNDING = ["扶贫资金", "民政补贴", "村集体"]


@dataclass
class Clock:
    """A clock that only moves forward; each reading is a minute or more after the last."""

    now: datetime

    def __call__(self) -> datetime:
        self.now += timedelta(minutes=1, seconds=7)
        return self.now

    def day(self, on: date, hour: int = 9) -> None:
        start = datetime.combine(on, time(hour), BEIJING)
        self.now = max(self.now, start)


def _ean13(rng: random.Random) -> str:
    body = "690" + "".join(rng.choice("0123456789") for _ in range(9))
    return body + ean13_digit(body)


def _households_csv(rng: random.Random, groups: dict[str, int] = GROUPS) -> bytes:
    rows = ["户主,村民小组,人口,电话"]
    used = set()
    for group, count in groups.items():
        for _ in range(count):
            while True:
                name = rng.choice(SURNAMES) + rng.choice(GIVEN)
                if name not in used:
                    used.add(name)
                    break
            phone = f"1{rng.choice('35789')}{rng.randrange(10**8, 10**9)}" if rng.random() < 0.7 else ""
            rows.append(f"{name},{group},{rng.choice([2, 3, 4, 4, 5, 5, 6, 7])},{phone}")
    return ("\ufeff" + "\n".join(rows) + "\n").encode("utf-8")


def default_url() -> str:
    """The demo village's own database file in the data folder."""
    return paths.demo_db_url()


def groups_of(households: int | None) -> dict[str, int]:
    """Adao village's three groups, holding ``households`` in Adao's proportions."""
    if households is None:
        return dict(GROUPS)
    total = sum(GROUPS.values())
    counts = {group: households * size // total for group, size in GROUPS.items()}
    for group in list(GROUPS)[:households - sum(counts.values())]:
        counts[group] += 1
    return {group: count for group, count in counts.items() if count}


def build(db: Database, year_start: date = date(2025, 12, 1), seed: int = 2026, *,
          village_name: str = VILLAGE, households: int | None = None, days: int = 365,
          close_months: bool = True) -> dict:
    """Fill an empty database with the demo village; return what was made.

    ``village_name``, ``households`` (spread over Adao's three groups) and ``days`` make
    another village; ``close_months`` has the supervisor close each month on the first
    day of the next (signing with the password, confirming the month just ended). A year's
    village awards by claims in its last two months (``Earning``), so a newcomer finds
    claims to review and a posting up; a shorter history stays on direct awards."""
    rng = random.Random(seed)
    clock = Clock(datetime.combine(year_start, time(8), BEIJING))
    db.clock = clock
    salts = random.Random(seed + 1)
    users.salt = lambda: salts.randbytes(16)
    try:
        claims_from = _claims_from(year_start, days) if days >= 300 else None
        made = _year(db, rng, clock, year_start, village_name, groups_of(households), days,
                     close_months, claims_from)
        printqueue.settle_history(db)  # the year's receipts were printed at the time
        return made
    finally:
        db.clock = lambda: datetime.now(UTC)
        users.salt = users.random_salt


def _claims_from(start: date, days: int) -> date:
    """The first day of the month before the last day's month."""
    last = start + timedelta(days=days - 1)
    return (last.replace(day=1) - timedelta(days=1)).replace(day=1)


def _year(db: Database, rng: random.Random, clock: Clock, start: date, name: str = VILLAGE,
          groups: dict[str, int] = GROUPS, days: int = 365, close_months: bool = False,
          claims_from: date | None = None) -> dict:
    admin, homes, shelf = _founded(db, rng, name, groups)
    supervisor = Approval(SUPERVISOR, PASSWORD)
    active = [h.id for h in homes]
    counts = {"labour_days": 0, "hygiene_rounds": 0, "redemptions": 0, "refused": 0,
              "lost_cards": 0, "moved_away": 0, "deductions": 0, "honours": 0, "good_deeds": 0}
    if close_months:
        counts["closures"] = 0
        secretary = users.login(db, "lishuji", PASSWORD)
    earning = Earning(db, admin, rng)

    for day_number in range(days):
        today = start + timedelta(days=day_number)
        clock.day(today)
        if today == claims_from:
            earning.take_up_claims(today)
            counts["claims"] = 0
        if close_months and today.day == 1 and day_number:
            ended = f"{(today - timedelta(days=1)):%Y-%m}"
            _review_all(db, secretary, ended)
            closure.close(db, secretary, ended, password=PASSWORD, confirm_recent=True)
            counts["closures"] += 1
        earning.morning(today)
        _routine(db, admin, supervisor, rng, clock, earning, active, shelf, today, counts)
        _incidents(db, admin, supervisor, rng, active, today, counts)
        showcase = close_months and name == VILLAGE  # what a newcomer finds in Adao village
        if showcase and today.weekday() == 5 and day_number + 7 >= days:
            _flags_to_review(db, admin, supervisor, clock, rng, active, today, earning)  # the last Saturday
        if showcase and day_number == days - 1:
            _restock(db, admin, clock, today)
    if "claims" in counts:
        counts["claims"] = earning.entered
    counts["households"] = len(homes)
    counts["goods"] = len(shelf)
    return counts


def _founded(db: Database, rng: random.Random, name: str, groups: dict[str, int]):
    """The village set up: its administrators and first secretary, households with cards, goods."""
    admin = village.initialise(db, name=name, groups=list(groups), admin_username=ADMIN,
                               admin_name="王芳", admin_password=PASSWORD,
                               supervisor_username=SUPERVISOR, supervisor_name="李书记（第一书记）",
                               supervisor_password=PASSWORD,
                               shop_name=f"{name}爱心超市", opening_hours="每周六 9:00-12:00")
    with service.transaction(db) as session:
        users.add_user(session, admin, "zhaoming", "赵明", Role.ADMIN, PASSWORD)
    village.change(db, admin, objection_phone=OBJECTION_PHONE)
    homes = households.import_csv(db, admin, _households_csv(rng, groups))
    cards.issue_missing(db, admin)
    shelf = [goods.add(db, admin, name, zone, points, value, unit, _ean13(rng) if barcode else None)
             for name, zone, points, value, unit, barcode in GOODS]
    return admin, homes, shelf


def _routine(db: Database, admin, supervisor, rng: random.Random, clock: Clock, earning: Earning,
             active: list[int], shelf, today: date, counts: dict) -> None:
    """What a village month brings on its days: deliveries, labour days, the hygiene round, good
    deeds, deductions, honours, and Saturday at the shop."""
    if today.day == 1:
        _deliveries(db, admin, rng, shelf, today)
    if today.day in (8, 22):
        clock.day(today, 7)
        chosen = rng.sample(active, min(rng.randint(22, 34), len(active)))
        earning.award(chosen, rng.choice(["L01", "L02", "V01"]), None,
                      rng.choice(["修村道", "清理水渠", "植树", "打扫村委会广场"]), today)
        counts["labour_days"] += 1
    if today.day == 15:
        clock.day(today, 10)
        scores = {h: {item: rng.random() < 0.82 for item in HYGIENE_ITEMS} for h in active}
        hygiene.record(db, admin, today, "李书记、王芳、村民小组长", scores)
        counts["hygiene_rounds"] += 1
    if today.weekday() == 2 and rng.random() < 0.7:
        clock.day(today, 14)
        rule, points = rng.choice([("G01", None), ("F01", rng.randint(5, 10)), ("F02", None),
                                   ("A02", None), ("G03", rng.randint(5, 12)), ("E01", None)])
        earning.award([rng.choice(active)], rule, points, "村民推荐", today)
        counts["good_deeds"] += 1
    # On claims, the first Thursday of the month always brings one: posted the Monday after
    # and credited a week later, each claims month's notice shows a deduction it credited.
    if today.weekday() == 3 and (rng.random() < 0.45 or (earning.reviewer is not None and today.day <= 7)):
        _deduction(earning, supervisor, rng, active, today)
        counts["deductions"] += 1
    if (today.month, today.day) in {(1, 10), (5, 10), (10, 8)}:
        rule = {1: "H01", 5: "H02", 10: "H04"}[today.month]
        earning.award(rng.sample(active, min(rng.randint(5, 9), len(active))), rule, None,
                      "村民代表大会评选", today)
        counts["honours"] += 1
    if today.weekday() == 5:
        clock.day(today, 9)
        done, refused = _saturday(db, admin, supervisor, rng, active)
        counts["redemptions"] += done
        counts["refused"] += refused


def _incidents(db: Database, admin, supervisor, rng: random.Random, active: list[int], today: date,
               counts: dict) -> None:
    """A few days of the year: a card lost, a family moving away, goods spoilt by a leaking roof."""
    if (today.month, today.day) in {(2, 20), (6, 12), (8, 30), (11, 2)}:
        lost = cards.balance(db, admin, households.get(db, admin, rng.choice(active)).card_number)
        cards.replace(db, admin, lost.number, "卡片丢失，本人申请补卡")
        counts["lost_cards"] += 1
    if (today.month, today.day) in {(4, 3), (9, 17)}:
        leaving = rng.choice(active)
        active.remove(leaving)
        cards.recover(db, admin, households.get(db, admin, leaving).card_number, "全家迁往县城",
                      supervisor)
        counts["moved_away"] += 1
    if (today.month, today.day) == (6, 30):
        damp = max(goods.search(db, admin, zone="粮油区"), key=lambda g: g.stock)
        stock.write_off(db, admin, damp.code, 2, f"仓库漏雨，2{damp.unit}{damp.name}受潮", supervisor)


# What the supervisor wrote when reviewing each kind of flag before closing a month.
REVIEWED = {"reversal": "已核实，退货属实", "user_change": "已核实", "stock_difference": "已到仓库查看，属实",
            "after_hours": "已问明情况", "own_household": "已向村民小组长核实，事迹属实"}


def _review_all(db, secretary, month: str) -> None:
    """The supervisor reads the month's audit and reviews every flag before closing it."""
    for flag in audit.report(db, secretary, month, run_verify=False).flags:
        if not flag.reviewed:
            audit.review(db, secretary, month, flag.key, REVIEWED.get(flag.rule, "已核实"))


def _flags_to_review(db, admin, supervisor, clock, rng, active, today, earning) -> None:
    """The open month's audit, as a newcomer finds it: a redemption returned because the
    wrong goods were taken waits for review, and the clerk 赵明 is linked to his own
    household and then awards it points (two flags the supervisor has reviewed)."""
    clock.day(today, 11)
    home = rng.choice(active)
    buyer = households.get(db, admin, rng.choice([h for h in active if h != home]))
    soap = min((g for g in goods.search(db, admin) if g.stock > 0), key=lambda g: g.price_points)
    sale = redemption.redeem(db, admin, buyer.card_number, [redemption.CartItem(soap.code, 1)], supervisor)
    reversal.reverse(db, admin, sale.seq, "拿错了商品，整单退回", supervisor)
    users.link_household(db, admin, "zhaoming", home)
    clerk = users.login(db, "zhaoming", PASSWORD)
    earning.award([home], "G01", None, "村民小组长推荐", today, operator=clerk)
    secretary = users.login(db, SUPERVISOR, PASSWORD)
    month = f"{today:%Y-%m}"
    comments = {"user_change": "赵明本人住富庄，登记本户以便审计识别", "own_household": REVIEWED["own_household"]}
    for flag in audit.report(db, secretary, month, run_verify=False).flags:
        if flag.rule in comments and not flag.reviewed:
            audit.review(db, secretary, month, flag.key, comments[flag.rule])


class Earning:
    """How the demo village's awards count: at once, or (from ``take_up_claims``) as claims a
    reviewer looks at the same day, posted every Monday for the village's notice days and
    credited the morning after a posting comes down. One claim in twenty is rejected; in
    the second month a villager objects to one posted claim and the reviewer rejects it."""

    def __init__(self, db: Database, admin, rng: random.Random):
        self.db, self.admin, self.rng = db, admin, rng
        self.reviewer = None
        self.since: date | None = None
        self.entered = 0
        self.objected = False

    def take_up_claims(self, today: date) -> None:
        village.change(self.db, self.admin, awards="claims")
        with service.transaction(self.db) as session:
            users.add_user(session, self.admin, REVIEWER, "刘平（评议小组）", Role.REVIEWER, PASSWORD,
                           Approval(SUPERVISOR, PASSWORD))
        self.reviewer = users.login(self.db, REVIEWER, PASSWORD)
        self.since = today

    def award(self, household_ids, rule, points, note, today, operator=None) -> None:
        operator = operator or self.admin
        if self.reviewer is None:
            awards.batch_award(self.db, operator, household_ids, rule, points, note, today)
            return
        made = claims.enter(self.db, operator, household_ids, rule, points, today,
                            self.rng.choice(["村民小组长", "本人", "管理员"]), note)
        self.entered += len(made)
        if operator is not self.admin:
            return  # the clerk's claim for his own household waits for the review group
        for claim in made:
            if self.rng.random() < 0.05:
                claims.review(self.db, self.reviewer, claim.id, accept=False, reason="经评议小组核实，不符合细则")
            else:
                claims.review(self.db, self.reviewer, claim.id, accept=True)

    def deduct(self, household_id, rule, points, note, today, approval) -> None:
        """A deduction: at once with the supervisor's approval, or (on claims) a claim the
        reviewer accepts the same day."""
        if self.reviewer is None:
            awards.deduct(self.db, self.admin, household_id, rule, points, note=note, deed_date=today,
                          approval=approval)
            return
        made = claims.enter(self.db, self.admin, [household_id], rule, points, today, "村民小组长", note)
        self.entered += len(made)
        claims.review(self.db, self.reviewer, made[0].id, accept=True)

    def morning(self, today: date) -> None:
        if self.reviewer is None:
            return
        for posting in claims.postings(self.db, self.admin):
            if posting.credited_seq is None and posting.ends_on < today and any(
                    c.status == ClaimStatus.POSTED for c in posting.claims):
                self._credit(posting.id)
        if today.weekday() == 0 and claims.list_claims(self.db, self.admin, ClaimStatus.ACCEPTED):
            claims.post(self.db, self.admin)
        if today.day == 12 and not self.objected and today.month != self.since.month:
            posted = claims.list_claims(self.db, self.admin, ClaimStatus.POSTED)
            if posted:
                held = self.rng.choice(posted)
                claims.object_to(self.db, self.admin, held.id, "同组村民", "当天没见他参加")
                claims.review(self.db, self.reviewer, held.id, accept=False, reason="经核实，当天未参加")
                self.objected = True


    def _credit(self, posting_id: int) -> None:
        """Credit a posting; a deduction its household's points no longer cover (spent on a
        Saturday since) is objected to and decided again, as the review group would."""
        while True:
            try:
                claims.credit(self.db, self.admin, posting_id)
                return
            except ShopError as refused:
                if refused.key != "posting_deduction_exceeds":
                    raise
                head = refused.params["head"]
            short = next(c for c in claims.posting(self.db, self.admin, posting_id).claims
                         if c.status == ClaimStatus.POSTED and c.points < 0 and c.head == head)
            claims.object_to(self.db, self.admin, short.id, short.head, "积分已兑换用完")
            claims.review(self.db, self.reviewer, short.id, accept=False, reason="该户积分不足，评议小组决定本次不扣")
            if not any(c.status == ClaimStatus.POSTED for c in claims.posting(self.db, self.admin, posting_id).claims):
                return


def _restock(db, admin, clock, today) -> None:
    """The last delivery of the year: every item running low is bought in again."""
    clock.day(today, 16)
    low = [stock.IntakeLine(g.code, 12) for g in goods.search(db, admin) if g.stock < 5]
    if low:
        stock.intake(db, admin, low, source=Source.PURCHASE, funding="村集体", received_on=today,
                     note="年底补货")


def _deliveries(db, admin, rng, shelf, today) -> None:
    lines = [stock.IntakeLine(g.code, rng.randint(6, 20)) for g in rng.sample(shelf, rng.randint(8, 14))]
    if rng.random() < 0.6:
        donor, kind = rng.choice(DONORS)
        stock.intake(db, admin, lines, source=Source.DONATION, donor=donor, donor_type=kind,
                     received_on=today, note="爱心捐赠")
    else:
        stock.intake(db, admin, lines, source=Source.PURCHASE, funding=rng.choice(FUNDING),
                     received_on=today, note="按计划采购")


def _deduction(earning, supervisor, rng, active, today) -> None:
    rule, points = rng.choice([("D01", None), ("D02", None), ("D04", None), ("D05", rng.randint(5, 25))])
    household = rng.choice(active)
    try:
        earning.deduct(household, rule, points, "村民小组长反映", today, supervisor)
    except ShopError:
        pass  # a household with too few points: the deduction is refused, as at the counter


def _saturday(db, admin, supervisor, rng, active) -> tuple[int, int]:
    done = refused = 0
    on_shelf = [g for g in goods.search(db, admin) if g.stock > 0]
    for household_id in rng.sample(active, min(rng.randint(7, 14), len(active))):
        view = households.get(db, admin, household_id)
        affordable = [g for g in on_shelf if g.price_points <= view.balance and g.stock > 0]
        if not affordable:
            refused += 1
            continue
        cart, budget = [], min(view.balance, 180)
        for item in rng.sample(affordable, min(len(affordable), rng.randint(1, 3))):
            quantity = min(rng.randint(1, 2), item.stock, max(budget // item.price_points, 0))
            if quantity:
                cart.append(redemption.CartItem(item.code, quantity))
                budget -= quantity * item.price_points
        if not cart:
            continue
        try:
            result = redemption.redeem(db, admin, view.card_number, cart, supervisor)
        except ShopError:
            refused += 1
            continue
        done += 1
        if done == 3 and rng.random() < 0.08:
            reversal.reverse(db, admin, result.seq, "商品有破损，整单退回", supervisor)
    return done, refused
