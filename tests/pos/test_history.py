"""A household's history and the ledger by date, kind and operator, read back."""

from datetime import datetime, timedelta

from pos import awards, cards, history, redemption, reversal
from pos.periods import LOCAL
from pos.redemption import CartItem


def test_a_households_history_follows_it_across_a_replaced_card(shop):
    home = shop.homes["张三"].id
    given = awards.award(shop.db, shop.admin, home, "G01")
    sale = redemption.redeem(shop.db, shop.admin, shop.card("张三"), [CartItem(shop.soap.code, 2)])
    cards.replace(shop.db, shop.admin, shop.card("张三"))
    undone = reversal.reverse(shop.db, shop.admin, sale.seq, "退货", shop.approval)
    entries = history.household(shop.db, shop.admin, home)
    assert [(e.kind, e.points) for e in entries] == [
        ("reversal", 8), ("card_replace", 0), ("redemption", -8), ("award", 5), ("card_issue", 100)]
    assert entries[2].seq == sale.seq and entries[2].reversed_by == undone.seq
    assert entries[3].seq == given.seq and entries[3].operator == "wangfang"
    assert all(e.kind == "card_issue" for e in history.household(shop.db, shop.admin, shop.homes["李四"].id))


def test_the_ledger_by_kind_operator_and_date(shop):
    sale = redemption.redeem(shop.db, shop.admin, shop.card("李四"), [CartItem(shop.rice.code, 1)])
    awards.award(shop.db, shop.clerk, shop.homes["王五"].id, "G01")
    sales = history.ledger(shop.db, shop.admin, kind="redemption")
    assert [(e.seq, e.points) for e in sales] == [(sale.seq, 20)]
    assert [e.kind for e in history.ledger(shop.db, shop.admin, operator="zhaoming")] == ["award"]
    today = datetime.now(LOCAL).date()  # the village's date, as entries are dated
    assert len(history.ledger(shop.db, shop.admin, start=today, end=today)) == 6
    assert history.ledger(shop.db, shop.admin, end=today - timedelta(days=2)) == []
