"""The fixed words of the papers put up on the board: a posting of claims, the notice's
annexes and the honour roll poster. ``printing`` gets them as templates (``templates``),
filled in the language asked for, so the same paper prints in Chinese or in English."""

from __future__ import annotations

CATALOG: dict[str, tuple[str, str]] = {
    # a column's heading, wherever a paper has the column
    "paper_group": ("村民小组", "Group"),
    "paper_head": ("户主", "Head of household"),
    "paper_card_tail": ("卡号后四位", "Card (last 4)"),
    "paper_count": ("次数", "Times"),
    "paper_total": ("合计", "Total"),
    "paper_no_cash": ("积分只兑换商品，不兑换现金", "Points buy goods only, never cash"),
    # a posting of claims (申报公示)
    "posting_doc_title": ("{village} 积分申报公示 第{number}期", "{village}: claims posted, no. {number}"),
    "posting_title": ("{village} 积分申报公示（第 {number} 期）", "{village}: claims posted for notice (no. {number})"),
    "posting_summary": ("公示期：{first} 至 {last}（{days} 天）    共 {households} 户 {count} 项 {points} 分",
                        "Posted {first} to {last} ({days} days)    {households} households, {count} claims, "
                        "{points} points"),
    "posting_objections": ("以下申报已经评议通过。公示期内如有异议，请向村委会反映。公示期满无异议后记入积分。",
                           "The review group accepted these claims. Objections go to the village committee while "
                           "they are posted; without one, the points are credited when the posting ends."),
    "posting_objections_phone": ("以下申报已经评议通过。公示期内如有异议，请向村委会反映，电话 {phone}。"
                                 "公示期满无异议后记入积分。",
                                 "The review group accepted these claims. Objections go to the village committee "
                                 "(tel. {phone}) while they are posted; without one, the points are credited when "
                                 "the posting ends."),
    "posting_claim_no": ("编号", "No."),
    "posting_rule": ("细则", "Rule"),
    "posting_reason": ("事由", "Deed"),
    "posting_points": ("积分", "Points"),
    "posting_household_total": ("{head} 合计", "{head}, total"),
    "posting_none": ("本期没有申报。", "No claims on this posting."),
    "posting_footer": ("打印时间 {printed} · {shop} · 第 {page} 页 / 共 {pages} 页",
                       "Printed {printed} · {shop} · page {page} of {pages}"),
    # the notice's annexes (附表)
    "annex_deductions_title": ("本月扣分情况", "Points lost this month"),
    "annex_deductions_unnamed": ("（按本村决定，不列户名）", " (by the village's decision, households not named)"),
    "annex_deductions_none": ("本月没有扣分。", "No points were lost this month."),
    "annex_deduction_reason": ("扣分事由", "Reason"),
    "annex_deducted": ("扣分", "Lost"),
    "annex_households": ("户数", "Households"),
    "annex_reasons_title": ("附表一、各户本月得分与扣分的事由（按积分规则）",
                            "Annex 1. Each household's points earned and lost this month, by rule"),
    "annex_reasons_none": ("本月没有得分或扣分。", "No points were earned or lost this month."),
    "annex_rule_code": ("规则编号", "Rule"),
    "annex_rule_reason": ("事由（规则）", "Reason (rule)"),
    "annex_earned": ("得分", "Earned"),
    "annex_reasons_note": ("注：每户各行之和即上表该户的本月得分与本月扣分；“（撤销）”为更正已入账的记录。",
                           "Note: a household's lines add up to its points earned and lost in the table above; "
                           "\"(reversed)\" marks the correction of an entry already in the books."),
    "annex_rules_title": ("附表二、本月执行的积分规则（积分管理细则）", "Annex 2. The point rules in force this month"),
    "annex_rules_none": ("没有在用的积分规则。", "No point rules were in use."),
    "annex_code": ("编号", "Code"),
    "annex_category": ("类别", "Category"),
    "annex_rule": ("规则", "Rule"),
    "annex_points": ("分值", "Points"),
    "annex_limit": ("次数限制", "Limits"),
    "annex_prices_title": ("附表三、商品兑换所需积分（本月价目表）", "Annex 3. The points each item cost this month"),
    "annex_prices_none": ("没有在售的商品。", "No goods were on offer."),
    "annex_zone": ("商品分区", "Zone"),
    "annex_goods": ("商品", "Item"),
    "annex_unit": ("单位", "Unit"),
    "annex_price": ("所需积分", "Points"),
    "annex_value": ("参考价值（元）", "Value (yuan)"),
    "annex_honour_none": ("暂无得分。", "No points earned yet."),
    "annex_rank": ("名次", "Place"),
    "annex_rank_of": ("第 {rank} 名", "No. {rank}"),
    # the honour roll poster (光荣榜)
    "honour_banner": ("光荣榜", "Honour roll"),
    "honour_subtitle": ("{shop} · {month}", "{shop} · {month}"),
    "honour_basis": ("按积分规则所得的分数排名（劳动、卫生、美德等加分，扣除撤销的记录；不含发卡基础积分，不按余额）。"
                     "同分同名次。", "Ranked by the points earned by the rules (labour, hygiene, conduct and the "
                     "like, less what was reversed; not base points, not balances). Equal points, equal places."),
    "honour_month_top": ("{month}得分最多的农户", "The households that earned most in {month}"),
    "honour_year_top": ("{year}年累计得分最多的农户", "The households that earned most in {year}"),
    "honour_masked": ("注：户主姓名中间的字以 * 代替。", "Note: the middle of each name is replaced by *."),
    "honour_footer": ("{shop} · {month}光荣榜 · 依据月结第 {number} 号", "{shop} · honour roll of {month} · "
                      "from month closure no. {number}"),
    "honour_footer_chain": ("台账至第 {seq} 笔 · 末笔哈希 {hash}", "Ledger to entry {seq} · last hash {hash}"),
    "honour_footer_qr": ("扫右边二维码可核对本月账本是否被删改（与本月积分公示相同）",
                         "Scan the QR code on the right to check the month's books were not changed "
                         "(as on the month's notice)"),
    "honour_doc_title": ("{shop}光荣榜 {month}", "{shop}: honour roll, {month}"),
}
