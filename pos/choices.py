"""The fixed lists a person picks from, declared once and light to import (the command
line builds its help from them without loading the database layer)."""

from __future__ import annotations

ZONES = ("粮油区", "日用品区", "洗化区", "服装区", "农资区", "家用电器区")
DONOR_TYPES = {"company": "爱心企业", "person": "爱心人士", "other": "其他"}
FUNDING = ("扶贫资金", "民政补贴", "社会捐赠", "村集体", "其他")
BASE_POINTS = 100
POINT_VALUE_FEN = 300
LABEL_LAYOUTS = ("a4-3x8", "a4-4x10")

# The wish wall (pos/wishes.py)
WISH_STATUS_NAMES = {"open": "待认领", "claimed": "已认领", "delivered": "已送达", "thanked": "已回音",
                     "withdrawn": "已撤回"}
WISH_CATEGORIES = ("学习用品", "生活用品", "衣物被褥", "家用电器", "助老助残", "医疗康复", "农资农具", "其他")
WISH_DONOR_TYPES = {"company": "爱心企业", "person": "爱心人士", "unit": "爱心单位"}
WALL_PAPERS = ("A4", "A3")  # printing/wishwall.py lays out both
