"""What the controls on the controls say: approvals of a change of a control, the day's
limits, the last supervisor, the recovery code, the calendar, proven restores, and what
the audit and ``verify`` find around them."""

from __future__ import annotations

CATALOG: dict[str, tuple[str, str]] = {
    # what an approval is asked for
    "approving_settings": ("更改{settings}", "Changing {settings}"),
    "approving_rule": ("细则 {code} {name} 放宽为 {points}", "Widening rule {code} {name} to {points}"),
    "approving_price": ("{name} 的兑换分值从 {before} 降为 {after}", "Lowering {name}'s price from {before} to {after} points"),
    "approving_card_recovery": ("回收 {head} 的积分卡 {card}（卡上 {points} 分归村）",
                                "Taking back {head}'s card {card} with {points} points on it"),
    "approving_supervisor_removed": ("监督员 {username} 改为管理员或停用", "Demoting or deactivating the supervisor {username}"),
    "approving_supervisor_back": ("恢复监督员 {username}", "Bringing back the supervisor {username}"),
    "approving_rules_taken": ("采用县级参考细则中新增或放宽的 {codes}", "Taking the county's new or widened rules {codes}"),
    "approving_recovery_code": ("生成新的恢复码", "Issuing a new recovery code"),
    "approving_redemption_day": ("兑换 {points} 分（您今天为该户未经审批的兑换合计 {day} 分）",
                                 "Redeeming {points} points ({day} points for this household today without approval)"),
    "approving_deduction_day": ("扣 {points} 分（您今天对该户未经审批的扣分合计 {day} 分）",
                                "Deducting {points} points ({day} points from this household today without approval)"),
    # refusals
    "last_supervisor": ("{username} 是本村最后一位在职监督员，不能改为管理员或停用。请先按交接办法添加新的监督员。",
                        "{username} is the village's last active supervisor and cannot be demoted or deactivated. "
                        "Add the new supervisor first, by the handover."),
    "recovery_code_wrong": ("恢复码不对，或已用过、已作废。没有做任何改动。",
                            "The recovery code is wrong, spent or replaced. Nothing was changed."),
    "village_name_separator": ("村名中不能有“{separator}”（公示二维码用它分隔各项）。",
                               "A village's name cannot contain \"{separator}\" (the notice's QR code separates its fields with it)."),
    "date_future": ("{what} {when} 还没到（今天是 {today}，北京时间）。",
                    "The {what} {when} is in the future (today is {today}, Beijing time)."),
    "closure_recent": (
        "{month} 刚结束不到一天：本机时间 {now}，月末为 {end}，最新一笔交易在 {newest}。请核对本机日期和时间无误后确认月结。",
        "{month} ended less than a day ago: this PC's time is {now}, the month ended {end}, the newest "
        "transaction is of {newest}. Check this PC's date and time, then confirm the closure.",
    ),
    "closure_beyond": (
        "{month} 的月末（{end}）远在最新一笔交易（{newest}）之后，本机时间为 {now}：若本机时钟走快了，"
        "月结会把还没过完的月份封上。请核对本机日期和时间无误后确认月结。",
        "{month} ended ({end}) long after the newest transaction ({newest}); this PC's time is {now}. A clock "
        "running ahead would close months that have not ended. Check this PC's date and time, then confirm.",
    ),
    "closure_no_transaction": ("（还没有交易）", "(no transaction yet)"),
    "closure_confirm_hint": ("核对无误后，加 --yes 再运行一次以确认月结。", "When it is right, run it again with --yes to confirm."),
    "restore_newer": ("备份 {path} 由更新版本的程序写成（结构版本 {revision}），本程序不能使用它，未恢复；现用数据库未改动。",
                      "The copy {path} was written by a newer program (schema {revision}); this program cannot use it, "
                      "so it was not restored and the database in use is unchanged."),
    "restore_doctored": ("备份 {path} 与它自己的台账记录不符（{count} 处），可能被改动过，未恢复；现用数据库未改动：{findings}",
                         "The copy {path} disagrees with its own ledger in {count} place(s) and may have been altered; it "
                         "was not restored and the database in use is unchanged: {findings}"),
    "restore_not_ours": ("这不是爱心超市的数据库", "it is not an aixin-pos database"),
    "notice_text_empty": ("没有给出公示二维码的内容：请扫描或粘贴公示页脚二维码中的文字。",
                          "No notice text was given: scan or paste the text of the QR code at the notice's foot."),
    "notice_recovered_supervisor": (
        "本月使用乡镇密封保存的恢复码新设监督员：{name}（{user}，第 {seq} 笔，经办 {operator}）。",
        "This month a supervisor was made with the recovery code kept sealed by the township: {name} ({user}, "
        "#{seq}, entered by {operator}).",
    ),
    # the command line
    "handover_done": ("交接完成：{username} 为新监督员，{outgoing} 已离任（停用）。",
                      "Handover done: {username} is the new supervisor; {outgoing} has left (deactivated)."),
    "recovery_code_issued": ("新的恢复码（只显示这一次，旧码已作废）：{code}\n请打印设置单，交乡镇密封保存。",
                             "The new recovery code (shown this once; the old one is void): {code}\n"
                             "Print the setup sheet and give it to the township to keep sealed."),
    "supervisor_recovered": ("已用恢复码新设监督员 {username}。恢复码已用过；请新监督员生成新的恢复码，重新交乡镇密封。",
                             "Supervisor {username} made with the recovery code. The code is spent: the new supervisor "
                             "issues a new one for the township to seal."),
    "prompt_recovery_code": ("恢复码：", "Recovery code: "),
    "sheet_user_active": ("在用", "active"),
    "sheet_user_inactive": ("已停用", "deactivated"),
    "setup_sheet_written": ("设置单已写入 {out}", "Setup sheet written to {out}"),
    "closure_clock_line": ("本机时间 {now}；最新一笔交易 {newest}", "This PC's time {now}; newest transaction {newest}"),
    # dates
    "dated_wish": ("心愿日期", "wish's date"),
    "dated_delivered": ("心愿交付日期", "wish's delivery date"),
    "field_objection_phone": ("异议电话", "objection phone"),
    "setting_objection_phone": ("公示异议电话", "the notice's objection phone"),
    # the audit's operations on the controls
    "kind_recovery_code": ("恢复码", "recovery code"),
    "audit_record": ("{name}（{code}）", "{name} ({code})"),
    "audit_record_village": ("本村设置", "village settings"),
    "audit_added": ("新增 {record}：{facts}", "Added {record}: {facts}"),
    "audit_changed": ("{record}：{facts}", "{record}: {facts}"),
    "audit_fact": ("{field} {value}", "{field} {value}"),
    "audit_field": ("{field} {before} → {after}", "{field} {before} → {after}"),
    "audit_password_changed": ("密码已更换", "password changed"),
    "audit_nothing_changed": ("内容未变", "nothing changed"),
    "audit_user_recovered": ("用恢复码新设监督员 {record}", "Supervisor {record} made with the recovery code"),
    "audit_recovery_code": ("生成新的恢复码（旧码作废；账本只记其摘要）", "A new recovery code (the old one void; the ledger keeps its digest only)"),
    "value_none": ("无", "none"),
    "value_yes": ("是", "yes"),
    "value_no": ("否", "no"),
    "change_field_name": ("名称", "name"),
    "change_field_shop_name": ("超市名称", "shop name"),
    "change_field_base_points": ("基础积分", "base points"),
    "change_field_point_value_fen": ("每分价值（分）", "value of a point (fen)"),
    "change_field_opening_hours": ("开放时间", "opening hours"),
    "change_field_deduction_approval_above": ("扣分审批门槛", "deduction approval threshold"),
    "change_field_redemption_approval_above": ("兑换审批门槛", "redemption approval threshold"),
    "change_field_notice_days": ("公示天数", "notice days"),
    "change_field_objection_phone": ("异议电话", "objection phone"),
    "change_field_category": ("类别", "category"),
    "change_field_points_min": ("最低分", "lowest points"),
    "change_field_points_max": ("最高分", "highest points"),
    "change_field_deduction": ("扣分细则", "deduction"),
    "change_field_active": ("在用", "in use"),
    "change_field_zone": ("区域", "zone"),
    "change_field_price_points": ("兑换分值", "price in points"),
    "change_field_value_fen": ("参考价值（分）", "value (fen)"),
    "change_field_unit": ("单位", "unit"),
    "change_field_role": ("角色", "role"),
    "change_field_password": ("密码", "password"),
    "change_field_household": ("本人所在户", "own household"),
    "user_event_household": ("，本人所在户改为 {household}", ", own household now {household}"),
    "user_event_recovered": ("用恢复码新设监督员", "Supervisor made with the recovery code:"),
    # flags
    "flag_price_toggle": ("降价兑换后又恢复原价", "redeemed at a price lowered, then raised again"),
    "flag_threshold_toggle": ("审批门槛调高期间未经审批", "unapproved while a threshold was raised, then lowered"),
    "flag_rule_toggle": ("细则放宽期间记分", "points a rule allowed only while widened"),
    "flag_split_series": ("化整为零，刚好低于审批门槛", "split into amounts just under the threshold"),
    "flag_clock_forward": ("时钟快进", "clock jumped ahead"),
    "flag_supervisor_recovered": ("用恢复码新设监督员", "supervisor made with the recovery code"),
    "flagged_price_toggle": (
        "第 {seq} 笔按 {points} 分兑换 {name}：原价 {before} 分，第 {lowered} 笔降价（{lowered_by}），第 {restored} 笔又改为 {after} 分",
        "#{seq} redeemed {name} at {points} points: its price was {before}, lowered at #{lowered} ({lowered_by}), "
        "set to {after} again at #{restored}",
    ),
    "flagged_threshold_toggle": (
        "第 {seq} 笔未经审批（当天合计 {points} 分）：{threshold}原为 {before}，第 {raised} 笔调为 {to}（{raised_by}），第 {lowered} 笔又改为 {after}",
        "#{seq} went unapproved ({points} points that day): {threshold} was {before}, raised to {to} at #{raised} "
        "({raised_by}), set to {after} again at #{lowered}",
    ),
    "flagged_rule_toggle": (
        "第 {seq} 笔按细则 {rule} 记 {points} 分：细则原为 {low}~{high} 分，第 {widened} 笔放宽（{widened_by}），第 {narrowed} 笔又收紧",
        "#{seq} gave {points} points by rule {rule}: the rule allowed {low}-{high}, was widened at #{widened} "
        "({widened_by}) and narrowed again at #{narrowed}",
    ),
    "flagged_split_series": (
        "{operator} 一周内为第 {household} 户未经审批{kind} {count} 次（{seqs}），合计 {total} 分，超过审批门槛 {limit} 分",
        "{operator}: {count} unapproved {kind} entries for household {household} within a week ({seqs}), "
        "{total} points together, above the threshold of {limit}",
    ),
    "flagged_clock_forward": (
        "第 {seq} 笔的时间 {at} 比前一笔第 {previous} 笔（{previous_at}）晚了 {days} 天：电脑时钟是否走快了？",
        "#{seq} at {at} is {days} days after #{previous} ({previous_at}): is the PC's clock running ahead?",
    ),
    "flagged_supervisor_recovered": (
        "第 {seq} 笔：{operator} 用恢复码新设监督员 {user}（{name}）；请向乡镇核实",
        "#{seq}: {operator} made {user} ({name}) a supervisor with the recovery code; check with the township",
    ),
    # what verify finds
    "finding_supervisor_change_unapproved": ("第 {seq} 笔：监督员 {user} 未经另一位监督员审批被改为管理员、停用或恢复",
                                             "#{seq}: supervisor {user} demoted, deactivated or brought back without another supervisor's approval"),
    "finding_no_supervisor_left": ("第 {seq} 笔：{user} 是最后一位在职监督员，却被改为管理员或停用",
                                   "#{seq}: {user}, the last active supervisor, was demoted or deactivated"),
    "finding_recovery_code_unknown": ("第 {seq} 笔：{user} 用一个未发过、已用过或已作废的恢复码成为监督员",
                                      "#{seq}: {user} became a supervisor by a recovery code never issued, spent or void"),
    "finding_closure_differs": ("第 {number} 号月结与它的哈希或前一号月结不符", "closure {number} does not match its hash or the closure before it"),
    "finding_closure_not_supervisor": ("第 {number} 号月结（{month}）由 {user} 做出，当时他不是在职监督员",
                                       "closure {number} ({month}) was made by {user}, not an active supervisor then"),
    "finding_review_not_supervisor": ("{month} 的提示 {flag} 由 {user} 审核，当时他不是在职监督员",
                                      "flag {flag} of {month} was reviewed by {user}, not an active supervisor then"),
}
