"""aixin demo: build (once) and open the demo village."""

from __future__ import annotations

import time

from pos import paths
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
            print("正在生成演示村（一年的积分台账），约需半分钟……" if out.lang != "en"
                  else "Building the demo village (a year of ledger), about half a minute...")
            started = time.perf_counter()
            built = demo.build(db)
            built["seconds"] = round(time.perf_counter() - started, 1)
            settings = village.settings(db)
        elif settings.name != "阿道村":
            raise ShopError("demo_not_empty")
        with db.read() as session:
            report = ledger.verify(session)
    data = {"db": url, "village": settings.name, "built": built, "ledger_ok": report.ok,
            "transactions": report.transactions, "head_hash": report.head_hash,
            "anchor": f"{report.head_seq}:{report.head_hash}",
            "logins": {"admin": "wangfang", "supervisor": "lishuji", "password": demo.PASSWORD}}
    lines = [
        f"演示村：{settings.shop_name}（{'、'.join(settings.groups)}）",
        f"数据库：{url}",
        f"积分台账：{report.transactions} 笔，{'校验完好' if report.ok else '校验有问题'}",
        # In full: what ``aixin verify --anchor`` takes, as a notice would print it.
        f"账头（aixin verify --anchor 可用）：{report.head_seq}:{report.head_hash}",
        f"登录：管理员 wangfang，监督员 lishuji，密码都是 {demo.PASSWORD}",
    ]
    if built:
        lines.insert(1, f"已生成：{built['households']} 户，{built['goods']} 种商品，"
                        f"{built['redemptions']} 次兑换，{built['hygiene_rounds']} 次卫生检查，"
                        f"{built['labour_days']} 个劳动日（用时 {built['seconds']} 秒）")
    lines += [out.t("demo_where", url=url), out.t("demo_open", url=url)]
    data["open_with"] = f"aixin --db {url}"
    out.show(data, lines)
    return 0 if report.ok else 1
