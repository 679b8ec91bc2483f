"""Households: adding, importing from Excel CSV, searching, and their views."""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass

from sqlalchemy import Select, func, literal, or_, select
from sqlalchemy.orm import Session

from ledger.book import now
from ledger.schema import Account
from pos import codes, fields, messages, proof
from pos.store.database import Database
from pos.errors import ImportProblems, ShopError
from pos.store.tables import Card, Household, VillagerGroup
from pos.service import Actor, caller, known, transaction
from pos.vocabulary import CARD_PREFIX, CardStatus, HouseholdStatus, Role

MAX_PEOPLE = 30

HEADERS = {
    "head": ("户主", "户主姓名", "姓名", "户主名", "head", "head_name", "name"),
    "group": ("村民小组", "小组", "组别", "组", "group", "villager_group"),
    "people": ("人口", "家庭人口", "人数", "people", "size"),
    "phone": ("电话", "联系电话", "手机", "手机号", "phone", "mobile"),
}
REQUIRED = ("head", "group", "people")
_PHONE = re.compile(r"^(1\d{10}|0\d{2,3}-?\d{7,8})$")


@dataclass(frozen=True)
class HouseholdView:
    id: int
    head_name: str
    group: str
    people: int
    phone: str
    status: str
    card_number: str | None
    card_status: str | None
    balance: int


# Family names read differently from the same character in other words (曾 is zēng as a
# surname, céng in 曾经). The first letter of the surname reading, for the first character.
SURNAME_INITIALS = {
    "曾": "z", "单": "s", "解": "x", "仇": "q", "区": "o", "查": "z", "乐": "y", "覃": "q",
    "朴": "p", "盖": "g", "种": "c", "繁": "p", "员": "y", "召": "s", "秘": "b", "缪": "m",
    "冼": "x", "折": "s", "黑": "h", "隗": "w", "阚": "k", "牟": "m", "宓": "m", "能": "n",
    "长": "c", "重": "c", "尉": "y", "万": "w", "翟": "z", "祭": "z", "谌": "c", "句": "g",
}
MAX_READINGS = 8  # alternatives kept per name; plenty for a village's names


def initials(name: str) -> str:
    """Pinyin initials, lower case, of every reading of ``name``, the surname reading first,
    each after a space: 张三 -> " zs", 曾伟 -> " zw cw". Other letters are kept as they are."""
    from itertools import islice, product

    from pypinyin import Style, pinyin

    # Character by character: a name is no phrase, and phrase readings would hide the others.
    pieces = re.findall(r"[\u3400-\u9fff]|[^\u3400-\u9fff\s]+", name)
    letters = [list(dict.fromkeys(r[0].lower() for r in pinyin(piece, style=Style.FIRST_LETTER,
                                                                heteronym=True)[0] if r))
               for piece in pieces]
    letters = [choices for choices in letters if choices]
    if letters and name[:1] in SURNAME_INITIALS:
        first = SURNAME_INITIALS[name[0]]
        letters[0] = [first] + [c for c in letters[0] if c != first]
    return "".join(" " + "".join(combo) for combo in islice(product(*letters), MAX_READINGS))


def views(session: Session, statement: Select) -> list[HouseholdView]:
    """Views of the households ``statement`` selects, with group, newest card and balance
    fetched in the same query."""
    newest = (select(func.max(Card.id)).where(Card.household_id == Household.id)
              .correlate(Household).scalar_subquery())
    rows = session.execute(
        statement.add_columns(VillagerGroup.name, Card.number, Card.status, Account.balance)
        .join(VillagerGroup, VillagerGroup.id == Household.group_id)
        .outerjoin(Card, Card.id == newest)
        .outerjoin(Account, Account.code == literal(CARD_PREFIX) + Card.number)
    ).all()
    return [
        HouseholdView(h.id, h.head_name, group, h.people, h.phone, h.status, number, status,
                      balance if status == CardStatus.ACTIVE and balance is not None else 0)
        for h, group, number, status, balance in rows
    ]


def view(session: Session, household: Household) -> HouseholdView:
    return views(session, select(Household).where(Household.id == household.id))[0]


def _validated(session: Session, head: str, group: str, people, phone: str) -> tuple:
    head = fields.text(head, "head", longest=100)
    if not head:
        raise ShopError("head_missing")
    if len(head) > 20:
        raise ShopError("head_too_long")
    fields.text(group, "group", longest=fields.SHORT)
    fields.text(phone, "phone", longest=30)
    group_id = session.scalar(select(VillagerGroup.id).where(VillagerGroup.name == group.strip()))
    if group_id is None:
        known = messages.AllOf(session.scalars(select(VillagerGroup.name)))
        raise ShopError("group_unknown", group=group.strip(), known=known)
    try:
        count = fields.whole_number(codes.normalise(str(people)))
    except ValueError:
        raise ShopError("people_not_number", value=people) from None
    if not 1 <= count <= MAX_PEOPLE:
        raise ShopError("people_range", value=count, high=MAX_PEOPLE)
    phone = codes.normalise(phone or "")
    if phone and not _PHONE.match(phone):
        raise ShopError("phone_bad", value=phone)
    return head, group_id, count, phone


def _duplicate(session: Session, head: str, group_id: int, phone: str) -> bool:
    return session.scalar(select(Household.id).where(
        Household.head_name == head, Household.group_id == group_id, Household.phone == phone,
        Household.status == HouseholdStatus.ACTIVE,
    )) is not None


def add(db: Database, actor: Actor, head: str, group: str, people: int, phone: str = "") -> HouseholdView:
    with transaction(db) as session:
        user = caller(session, actor, Role.ADMIN)
        head, group_id, people, phone = _validated(session, head, group, people, phone)
        if _duplicate(session, head, group_id, phone):
            raise ShopError("household_exists", head=head, group=group)
        household = Household(head_name=head, initials=initials(head), group_id=group_id,
                              people=people, phone=phone, status=HouseholdStatus.ACTIVE, created_at=now(session))
        session.add(household)
        session.flush()
        proof.household_fact(session, household, group.strip(), user.username)
        return view(session, household)


def decode(data: bytes) -> str:
    """Text of a CSV as Excel in China writes it: UTF-8 with or without BOM, or GBK."""
    if data.startswith(b"\xef\xbb\xbf"):
        try:
            return data[3:].decode("utf-8")
        except UnicodeDecodeError:
            raise ShopError("csv_encoding") from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("gb18030")
    except UnicodeDecodeError:
        raise ShopError("csv_encoding") from None


def read_rows(data: bytes, fields: dict[str, tuple[str, ...]], required: tuple[str, ...]):
    """Rows of a CSV as dicts keyed by field name, each with its 1-based row number
    (the header is row 1, as Excel shows). Raises ImportProblems for a bad header."""
    text = decode(data)
    # newline="" lets the csv module see bare CR line ends (old Excel for Mac) as line ends.
    reader = csv.reader(io.StringIO(text, newline=""))
    rows = []
    try:
        for cells in reader:
            rows.append(cells)
    except csv.Error:
        # A cell over the csv module's limit (128 KiB) or a stray NUL: no village sheet has those.
        raise ImportProblems([(reader.line_num or 1, ShopError("csv_unreadable"))]) from None
    while rows and not any(cell.strip() for cell in rows[0]):
        rows.pop(0)
    if not rows:
        raise ImportProblems([(1, ShopError("csv_empty"))])
    header = [cell.strip().lower() for cell in rows[0]]
    columns = {}
    for field, names in fields.items():
        for index, cell in enumerate(header):
            if cell in {n.lower() for n in names}:
                columns[field] = index
                break
    missing = [fields[f][0] for f in required if f not in columns]
    if missing:
        raise ImportProblems([(1, ShopError("csv_missing_columns", columns=messages.AllOf(missing)))])
    out = []
    for number, cells in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in cells):
            continue
        out.append((number, {f: (cells[i].strip() if i < len(cells) else "") for f, i in columns.items()}))
    return out


@dataclass(frozen=True)
class ImportRow:
    row: int  # as Excel shows it: the header is row 1
    head: str
    group: str
    people: str
    phone: str
    problem: str  # empty when the row is fine


@dataclass(frozen=True)
class ImportPreview:
    rows: tuple[ImportRow, ...]
    problems: tuple[tuple[int, str], ...]  # (row, message), every problem of the file

    @property
    def ok(self) -> bool:
        return not self.problems


def _checked_rows(session: Session, rows) -> tuple[list[tuple], list[tuple[int, ShopError]]]:
    problems: list[tuple[int, ShopError]] = []
    seen: dict[tuple, int] = {}
    valid = []
    for number, row in rows:
        try:
            head, group_id, people, phone = _validated(
                session, row["head"], row["group"], row["people"], row.get("phone", ""))
        except ShopError as problem:
            problems.append((number, problem))
            continue
        key = (head, group_id, phone)
        if key in seen:
            problems.append((number, ShopError("row_repeats", other=seen[key])))
        elif _duplicate(session, *key):
            problems.append((number, ShopError("household_exists", head=head, group=row["group"])))
        seen.setdefault(key, number)
        valid.append((head, group_id, people, phone))
    if not rows:
        problems.append((2, ShopError("csv_empty")))
    return valid, problems


def preview_csv(db: Database, actor: Actor, data: bytes, lang: str = "zh") -> ImportPreview:
    """What ``import_csv`` would do with ``data``: every row, and every problem by row. Writes nothing."""
    with db.read() as session:
        caller(session, actor, Role.ADMIN)
        try:
            rows = read_rows(data, HEADERS, REQUIRED)
        except ImportProblems as refused:
            return ImportPreview((), tuple((n, p.message(lang)) for n, p in refused.problems))
        _, problems = _checked_rows(session, rows)
    by_row: dict[int, list[str]] = {}
    for number, problem in problems:
        by_row.setdefault(number, []).append(problem.message(lang))
    return ImportPreview(
        tuple(ImportRow(n, r["head"], r["group"], r["people"], r.get("phone", ""),
                        ("；" if lang != "en" else "; ").join(by_row.get(n, []))) for n, r in rows),
        tuple((n, p.message(lang)) for n, p in problems))


def import_csv(db: Database, actor: Actor, data: bytes) -> list[HouseholdView]:
    """Import every row, or none: any problem refuses the whole file, listing each by row."""
    with transaction(db) as session:
        user = caller(session, actor, Role.ADMIN)
        rows = read_rows(data, HEADERS, REQUIRED)
        valid, problems = _checked_rows(session, rows)
        if problems:
            raise ImportProblems(problems)
        created = []
        moment = now(session)
        for head, group_id, people, phone in valid:
            household = Household(head_name=head, initials=initials(head), group_id=group_id,
                                  people=people, phone=phone, status=HouseholdStatus.ACTIVE, created_at=moment)
            session.add(household)
            created.append(household)
        session.flush()
        group_names = dict(session.execute(select(VillagerGroup.id, VillagerGroup.name)).all())
        for household in created:
            proof.household_fact(session, household, group_names[household.group_id], user.username)
        return views(session, select(Household).where(Household.id.in_([h.id for h in created]))
                     .order_by(Household.id))


def get(db: Database, actor: Actor, household_id: int) -> HouseholdView:
    with db.read() as session:
        caller(session, actor)
        household = known(session, Household, household_id, "household_unknown")
        return view(session, household)


def search(db: Database, actor: Actor, text: str = "", group: str | None = None,
           include_moved: bool = False, limit: int = 200) -> list[HouseholdView]:
    """By name, by pinyin initials ("zs" finds 张三), or by card number."""
    query = codes.normalise(text)
    with db.read() as session:
        caller(session, actor)
        statement = select(Household).order_by(Household.group_id, Household.id)
        if query and query.isdigit() and codes.looks_like_card(query):
            if not codes.valid_card(query):
                raise ShopError("card_check_digit", number=query)
            statement = statement.where(Household.id.in_(
                select(Card.household_id).where(Card.number == query)))
        elif query:
            statement = statement.where(or_(
                Household.head_name.contains(query, autoescape=True),
                Household.initials.contains(" " + query.lower(), autoescape=True),
            ))
        if group:
            statement = statement.where(Household.group_id.in_(
                select(VillagerGroup.id).where(VillagerGroup.name == group)))
        if not include_moved:
            statement = statement.where(Household.status == HouseholdStatus.ACTIVE)
        return views(session, statement.limit(limit))


def change(db: Database, actor: Actor, household_id: int, head: str, group: str, people: int,
           phone: str = "") -> HouseholdView:
    """Correct a household's head, group, people or phone. Its card and points stay as they are."""
    with transaction(db) as session:
        caller(session, actor, Role.ADMIN)
        household = known(session, Household, household_id, "household_unknown")
        head, group_id, people, phone = _validated(session, head, group, people, phone)
        household.head_name, household.initials = head, initials(head)
        household.group_id, household.people, household.phone = group_id, people, phone
        session.flush()
        return view(session, household)
