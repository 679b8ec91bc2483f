"""aixin demo: build (once) the demo village, apart from the shop's own database."""

from __future__ import annotations

import time

from pos import messages, paths
from pos.cli.common import add, later
from pos.errors import ShopError

ledger, demo, village = later("ledger"), later("pos.demo"), later("pos.village")


def open_database(url):
    from pos.store.database import open_database

    return open_database(url)


def register(sub) -> None:
    parser = add(sub, "demo", "生成并打开演示村（阿道村）/ build and open the demo village", run)
    parser.add_argument("--fresh", action="store_true", help="删除旧的演示数据库重新生成")


def demo_url(args) -> str:
    return args.db or demo.default_url()


def run(args, out) -> int:
    url = demo_url(args)
    if args.fresh and not args.db:
        for suffix in ("", "-wal", "-shm"):
            (paths.data_dir() / f"demo.db{suffix}").unlink(missing_ok=True)
    with open_database(url) as db:
        try:
            settings = village.settings(db)
        except ShopError:
            settings = None
        built = None
        if settings is None:
            print(out.t("demo_building"))
            started = time.perf_counter()
            built = demo.build(db)
            built["seconds"] = round(time.perf_counter() - started, 1)
            settings = village.settings(db)
        elif settings.name != demo.VILLAGE:
            raise ShopError("demo_not_empty")
        with db.read() as session:
            report = ledger.verify(session)
    data = {"db": url, "village": settings.name, "built": built, "ledger_ok": report.ok,
            "transactions": report.transactions, "head_hash": report.head_hash,
            "anchor": f"{report.head_seq}:{report.head_hash}",
            "logins": {"admin": demo.ADMIN, "supervisor": demo.SUPERVISOR, "password": demo.PASSWORD}}
    lines = [
        out.t("demo_village", shop=settings.shop_name, groups=messages.AllOf(settings.groups)),
        out.t("summary_db", url=url),
        out.t("demo_ledger", count=report.transactions, state=out.t("demo_ledger_ok" if report.ok else "demo_ledger_bad")),
        # In full: what ``aixin verify --anchor`` takes, as a notice would print it.
        out.t("demo_anchor", anchor=f"{report.head_seq}:{report.head_hash}"),
        out.t("demo_logins", admin=demo.ADMIN, supervisor=demo.SUPERVISOR, password=demo.PASSWORD),
    ]
    if built:
        lines.insert(1, out.t("demo_built", households=built["households"], goods=built["goods"],
                              redemptions=built["redemptions"], rounds=built["hygiene_rounds"],
                              days=built["labour_days"], seconds=built["seconds"]))
    lines += [out.t("demo_where", url=url), out.t("demo_open", url=url)]
    data["open_with"] = f"aixin --db {url}"
    out.show(data, lines)
    return 0 if report.ok else 1
