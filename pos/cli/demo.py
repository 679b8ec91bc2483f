"""aixin demo: build (once) the demo village, apart from the shop's own database."""

from __future__ import annotations

import time
from datetime import date

from pos import messages, paths
from pos.cli.common import add, later, number, said
from pos.errors import ShopError

ledger, demo, village = later("ledger"), later("pos.demo"), later("pos.village")


def open_database(url):
    from pos.store.database import open_database

    return open_database(url)


def register(sub) -> None:
    parser = add(sub, "demo", "help_demo", choose)
    parser.add_argument("--fresh", action="store_true", help=said("help_demo_fresh"))
    parser.add_argument("--village", dest="village_name", help=said("help_demo_village"))
    parser.add_argument("--seed", type=number(), help=said("help_demo_seed"))
    parser.add_argument("--households", type=number(1, 10_000))
    parser.add_argument("--days", type=number(1, 3700), help=said("help_demo_days"))
    parser.add_argument("--start", metavar="YYYY-MM-DD", help=said("help_demo_start"))
    parser.add_argument("--close-months", action="store_true", help=said("help_demo_close_months"))


def demo_url(args) -> str:
    return args.db or demo.default_url()


def _build_once(db, name: str, build, *, announce: str = "") -> dict | None:
    """``build()`` where the database holds no village yet, timed; None where it holds the
    village ``name`` already; refused where it holds another."""
    try:
        settings = village.settings(db)
    except ShopError:
        settings = None
    if settings is not None:
        if settings.name != name:
            raise ShopError("demo_not_empty")
        return None
    if announce:
        print(announce)
    started = time.perf_counter()
    built = build()
    built["seconds"] = round(time.perf_counter() - started, 1)
    return built


def run(args, out) -> int:
    url = demo_url(args)
    if args.fresh and not args.db:
        for suffix in ("", "-wal", "-shm"):
            (paths.data_dir() / f"demo.db{suffix}").unlink(missing_ok=True)
    with open_database(url) as db:
        built = _build_once(db, demo.VILLAGE, lambda: demo.build(db), announce=out.t("demo_building"))
        settings = village.settings(db)
        with db.read() as session:
            report = ledger.verify(session)
    data = {"db": url, "village": settings.name, "built": built, "ledger_ok": report.ok,
            "transactions": report.transactions, "head_hash": report.head_hash,
            "anchor": f"{report.head_seq}:{report.head_hash}",
            "logins": {"admin": demo.ADMIN, "supervisor": demo.SUPERVISOR, "reviewer": demo.REVIEWER,
                       "password": demo.PASSWORD}}
    lines = [
        out.t("demo_village", shop=settings.shop_name, groups=messages.AllOf(settings.groups)),
        out.t("summary_db", url=url),
        out.t("demo_ledger", count=report.transactions, state=out.t("demo_ledger_ok" if report.ok else "demo_ledger_bad")),
        # In full: what ``aixin verify --anchor`` takes, as a notice would print it.
        out.t("demo_anchor", anchor=f"{report.head_seq}:{report.head_hash}"),
        out.t("demo_logins", admin=demo.ADMIN, supervisor=demo.SUPERVISOR, reviewer=demo.REVIEWER,
              password=demo.PASSWORD),
    ]
    if built:
        lines.insert(1, out.t("demo_built", households=built["households"], goods=built["goods"],
                              redemptions=built["redemptions"], rounds=built["hygiene_rounds"],
                              days=built["labour_days"], seconds=built["seconds"]))
    lines += [out.t("demo_where", url=url), out.t("demo_open", url=url)]
    data["open_with"] = f"aixin --db {url}"
    out.show(data, lines)
    return 0 if report.ok else 1


def choose(args, out) -> int:
    """The demo village itself, or (with any of its options) another village built alike."""
    name = args.village_name
    if not name and args.seed is None and args.households is None and args.days is None \
            and args.start is None and not args.close_months:
        return run(args, out)
    return _other_demo(args, out, name or "演示村")


def _other_demo(args, out, name: str) -> int:
    url = args.db or f"sqlite:///{paths.data_dir() / f'demo-{name}.db'}"
    start = date.fromisoformat(args.start) if args.start else date(2025, 12, 1)
    with open_database(url) as db:
        built = _build_once(db, name, lambda: demo.build(
            db, start, seed=args.seed if args.seed is not None else 2026, village_name=name,
            households=args.households, days=args.days or 365, close_months=args.close_months))
        with db.read() as session:
            verified = ledger.verify(session)
    data = {"db": url, "village": name, "built": built, "ledger_ok": verified.ok,
            "transactions": verified.transactions, "head_hash": verified.head_hash}
    out.show(data, [out.t("county_demo_built", village=name, transactions=verified.transactions,
                          closures=(built or {}).get("closures", 0)), out.t("demo_where", url=url)])
    return 0 if verified.ok else 1


# ---------------------------------------------------------------- the county's side
