"""aixin cards pdf and aixin labels pdf."""

from __future__ import annotations

from pathlib import Path

from pos import vocabulary as choices
from pos.cli.common import add, call, group, later, number, output_file, said, writing
from pos.errors import ShopError

sheets, cardsheet, labels = later("pos.sheets"), later("printing.cardsheet"), later("printing.labels")
pdffont = later("printing.pdffont")


def register(sub) -> None:
    cards = group(sub, "cards", "help_cards")
    parser = add(cards, "pdf", "help_cards_pdf", cards_pdf)
    parser.add_argument("--out", type=Path, required=True)
    target = parser.add_mutually_exclusive_group()
    target.add_argument("--group", help=said("help_cards_pdf_group"))
    target.add_argument("--household", type=number(), nargs="+", help=said("help_cards_pdf_household"))
    parser.add_argument("--user")

    tags = group(sub, "labels", "help_labels")
    parser = add(tags, "pdf", "help_labels_pdf", labels_pdf)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--goods", nargs="+", help=said("help_labels_pdf_goods"))
    parser.add_argument("--layout", choices=choices.LABEL_LAYOUTS, default="a4-3x8")
    parser.add_argument("--copies", type=number(1, 100), default=1, help=said("help_labels_pdf_copies"))
    parser.add_argument("--user")


def _font_note(out) -> str:
    font = pdffont.cjk_font()
    return out.t("font_embedded" if font.embedded else "font_missing", font=font.source)


def cards_pdf(args, out) -> int:
    sheet = call(args, sheets.card_sheet, args.group, args.household, lang=out.lang, create=False)
    faces = sheet.faces
    if not faces:
        raise ShopError("nothing_to_print")
    with writing(output_file(args, args.out)) as target:
        pages = cardsheet.render(faces, target, sheet.words)
    out.show({"ok": True, "out": str(args.out), "cards": len(faces), "pages": pages,
              "font": pdffont.cjk_font().source, "font_embedded": pdffont.cjk_font().embedded},
             [out.t("cards_written", out=args.out, count=len(faces), pages=pages), _font_note(out)])
    return 0


def labels_pdf(args, out) -> int:
    sheet = call(args, sheets.label_sheet, args.goods, args.copies, lang=out.lang, create=False)
    faces = sheet.faces
    if not faces:
        raise ShopError("nothing_to_print")
    with writing(output_file(args, args.out)) as target:
        pages = labels.render(faces, labels.LAYOUTS[args.layout], target, sheet.words)
    out.show({"ok": True, "out": str(args.out), "labels": len(faces), "pages": pages,
              "layout": args.layout, "font": pdffont.cjk_font().source},
             [out.t("labels_written", out=args.out, count=len(faces), layout=args.layout, pages=pages),
              _font_note(out)])
    return 0
