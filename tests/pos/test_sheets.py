"""Which cards and labels get printed, end to end to a decoded PDF."""

import logging

import pytest

from pos import cards, messages, sheets
from pos.errors import PermissionDenied, ShopError
from printing import cardsheet, pdffont
from tests import pdfs


def test_all_cards_one_groups_or_chosen_households(shop):
    everyone = sheets.card_faces(shop.db, shop.admin)
    assert [f.head for f in everyone] == ["张三", "李四", "王五", "赵六"]
    assert [f.head for f in sheets.card_faces(shop.db, shop.admin, group="啊道")] == ["张三", "李四"]
    chosen = sheets.card_faces(shop.db, shop.admin, household_ids=[shop.homes["王五"].id])
    assert [(f.head, f.group, f.shop) for f in chosen] == [("王五", "富庄", "阿道村爱心超市")]
    with pytest.raises(ShopError):
        sheets.card_faces(shop.db, shop.admin, group="上庄")


def test_a_replacement_card_is_marked_and_the_blocked_one_is_not_printed(shop, tmp_path):
    old = shop.card("李四")
    new = cards.replace(shop.db, shop.admin, old)
    faces = sheets.card_faces(shop.db, shop.admin)
    assert [f.number for f in faces if f.head == "李四"] == [new.number]
    assert next(f for f in faces if f.head == "李四").replaces == old
    cardsheet.render(faces, tmp_path / "cards.pdf", messages.templates(cardsheet.WORDS))
    assert sorted(t for _, t in pdfs.barcodes(tmp_path / "cards.pdf")) == sorted(f.number for f in faces)


def test_labels_for_chosen_goods_with_copies(shop):
    faces = sheets.label_faces(shop.db, shop.admin, [shop.soap.code], copies=3)
    assert [(f.name, f.points, f.code) for f in faces] == [("洗衣粉", 4, "6901234567892")] * 3
    assert len(sheets.label_faces(shop.db, shop.admin)) == 3


def test_only_an_administrator_prints_cards(shop):
    with pytest.raises(PermissionDenied):
        sheets.card_faces(shop.db, shop.secretary)


def test_without_a_truetype_font_the_builtin_cid_font_is_used_and_logged(monkeypatch, caplog, tmp_path):
    monkeypatch.setattr(pdffont, "_registered", None)
    monkeypatch.setattr(pdffont, "find_cjk_font", lambda: None)
    with caplog.at_level(logging.WARNING, logger="printing"):
        font = pdffont.cjk_font()
    assert (font.name, font.embedded) == ("STSong-Light", False)
    assert "not embedded" in caplog.text
    cardsheet.render([cardsheet.CardFace("阿道村爱心超市", "阿道村", "张三", "啊道", "81000012")],
                     tmp_path / "cid.pdf", messages.templates(cardsheet.WORDS))
    assert pdfs.barcodes(tmp_path / "cid.pdf") == [("Code128", "81000012")]
    monkeypatch.setattr(pdffont, "_registered", None)


@pdfs.needs_poppler
def test_cards_and_labels_printed_in_english_keep_only_the_villages_words_in_chinese(shop, tmp_path):
    zones = {f.code: f.zone for f in sheets.label_faces(shop.db, shop.admin)}
    assert zones == {shop.rice.code: "粮油区", shop.soap.code: "洗化区", shop.fan.code: "家用电器区"}
    assert {f.code: f.zone for f in sheets.label_faces(shop.db, shop.admin, lang="en")} == {
        shop.rice.code: "grain and oil", shop.soap.code: "toiletries", shop.fan.code: "household appliances"}
    faces = sheets.card_faces(shop.db, shop.admin)
    cardsheet.render(faces, tmp_path / "cards.pdf", messages.templates(cardsheet.WORDS, "en"))
    text = pdfs.poppler_text(tmp_path / "cards.pdf")
    assert text.count("Point card") == 4 and text.count("Points have no cash value") == 4
    data = ["阿道村爱心超市", "阿道村"] + [w for f in faces for w in (f.head, f.group)]
    assert pdfs.chinese_besides(text, *data) == ""
    assert sorted(pdfs.codes(tmp_path / "cards.pdf")) == sorted(f.number for f in faces)
