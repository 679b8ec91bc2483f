"""A month closed on a real PostgreSQL server, as a county server would run it."""

from datetime import date, datetime

import pytest
from sqlalchemy import text

from pos import awards, redemption, reversal
from pos.month import audit
from pos.month import closure
from pos.month import notice
from pos.store.database import open_database
from pos.demo import Clock
from pos.errors import ShopError
from pos.periods import LOCAL
from tests.pos.conftest import SUPERVISOR_PASSWORD, Village

pytestmark = pytest.mark.postgres


def test_a_month_closes_and_its_notice_checks_on_postgresql(pg_url, tmp_path):
    db = open_database(pg_url)
    try:
        clock = Clock(datetime(2026, 9, 5, 9, 0, tzinfo=LOCAL))
        db.clock = clock
        shop = Village(db)
        sale = redemption.redeem(db, shop.admin, shop.card("张三"), [redemption.CartItem(shop.soap.code, 2)])
        reversal.reverse(db, shop.admin, sale.seq, "退货", shop.approval)
        # the last minute of September in Beijing is still September
        clock.now = datetime(2026, 9, 30, 23, 57, tzinfo=LOCAL)  # two readings: the deed's day, the entry
        last = awards.award(db, shop.admin, shop.homes["李四"].id, "G01")
        clock.now = datetime(2026, 10, 1, 0, 5, tzinfo=LOCAL)
        after = awards.award(db, shop.admin, shop.homes["王五"].id, "G01")
        closed = closure.close(db, shop.secretary, "2026-09", password=SUPERVISOR_PASSWORD,
                               confirm_recent=True)  # closed five minutes after the month ended
        assert (closed.first_seq, closed.last_seq) == (1, last.seq) and after.seq == last.seq + 1
        assert dict(closed.totals.reversed) == {"redemption": 8}
        with pytest.raises(ShopError, match="已月结"):
            awards.award(db, shop.admin, shop.homes["李四"].id, "G01", deed_date=date(2026, 9, 30))
        data, pages = notice.write_pdf(db, shop.secretary, "2026-09", tmp_path / "notice.pdf")
        assert pages == 3 and {h.head for h in data.households} == {"张三", "李四", "王五", "赵六"}  # the notice, then its annexes
        with db.read() as session:
            assert notice.check_notice(session, closed.qr_text).ok
        assert {f.rule for f in audit.report(db, shop.secretary, "2026-09").flags} == {"user_change", "reversal"}
        with pytest.raises(Exception, match="append-only"):
            with db.engine.begin() as conn:
                conn.execute(text("UPDATE month_closure SET closed_by = 'x'"))
    finally:
        db.dispose()
