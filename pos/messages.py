"""Every user-facing text of the non-UI code, in Chinese and English.

Identifiers stay English; what a person reads comes from here. ``text(key,
lang, **params)`` formats one; an unknown language falls back to Chinese.
"""

from __future__ import annotations

CATALOG: dict[str, tuple[str, str]] = {
    # database
    "db_newer": (
        "此数据库由更新版本的程序创建（结构版本 {revision}），请先升级程序再打开。",
        "This database was made by a newer version of the program (schema {revision}); "
        "upgrade the program first.",
    ),
    "db_not_ours": ("{url} 不是爱心超市的数据库，未做任何改动。", "{url} is not an aixin-pos database; nothing was changed."),
    "db_missing": ("找不到数据库 {url}，请先运行 aixin init。", "No database at {url}; run 'aixin init' first."),
    # people and roles
    "not_logged_in": ("请先登录。", "Please log in first."),
    "wrong_role": ("只有{role}可以做此操作。", "Only a {role_en} may do this."),
    "login_wrong": ("用户名或密码不对。", "Wrong user name or password."),
    "login_wait": ("密码错误次数过多，请 {seconds} 秒后再试。", "Too many wrong passwords; try again in {seconds} s."),
    "login_locked": ("账号 {username} 已锁定，请另一位管理员或监督员解锁。", "Account {username} is locked; another administrator or supervisor must unlock it."),
    "needs_approval": ("{what}需要监督员审批：请监督员输入自己的用户名和密码。", "{what} needs a supervisor's approval: the supervisor enters their own name and password."),
    "self_approval": ("不能自己审批自己录入的操作，请另一位监督员审批。", "You cannot approve your own entry; another supervisor must approve."),
    "approver_not_supervisor": ("{username} 不是监督员，不能审批。", "{username} is not a supervisor and cannot approve."),
    "password_short": ("密码至少 {length} 位。", "A password needs at least {length} characters."),
    "first_user_admin": ("第一个用户必须是管理员。", "The first user must be an administrator."),
    "username_missing": ("请填写用户名。", "A user name is needed."),
    "username_taken": ("用户名 {username} 已被使用。", "User name {username} is taken."),
    "user_unknown": ("没有用户 {username}。", "No user {username}."),
    "self_change": ("不能在这里改自己的账号，请另一位管理员操作。", "You cannot change your own account here; ask another administrator."),
    "self_unlock": ("不能给自己解锁。", "You cannot unlock yourself."),
    # village
    "village_exists": ("本村已经设置过了。", "The village is set up already."),
    "village_missing": ("还没有设置本村，请先运行 aixin init --village 村名。", "The village is not set up; run 'aixin init --village NAME' first."),
    "setting_range": ("{name}应在 {low} 到 {high} 之间。", "{name} must be between {low} and {high}."),
    "setting_unknown": ("没有这项设置：{name}", "No such setting: {name}"),
    "group_exists": ("村民小组 {group} 已存在。", "Villager group {group} exists already."),
    # households
    "head_missing": ("缺少户主姓名。", "The head of household's name is missing."),
    "head_too_long": ("户主姓名太长（最多 20 字）。", "The head's name is too long (20 characters at most)."),
    "group_unknown": ("没有村民小组“{group}”（现有：{known}）。", "No villager group '{group}' (known: {known})."),
    "people_not_number": ("人口“{value}”不是数字。", "People '{value}' is not a number."),
    "people_range": ("人口 {value} 不对，应为 1 到 {high}。", "People {value} is out of range (1 to {high})."),
    "phone_bad": ("电话“{value}”格式不对。", "Phone '{value}' is not a phone number."),
    "household_exists": ("{group} 已有户主 {head}（同名同电话），未重复添加。", "{head} in {group} exists already (same name and phone)."),
    "household_unknown": ("没有编号为 {id} 的户。", "No household number {id}."),
    "household_named_unknown": ("没有户主叫 {head}。", "No head of household named {head}."),
    "household_moved": ("{head} 一户已迁出。", "The household of {head} has moved away."),
    "household_no_card": ("{head} 一户没有可用的积分卡。", "The household of {head} has no usable point card."),
    "row_repeats": ("与第 {other} 行重复。", "Repeats row {other}."),
    "csv_empty": ("文件里没有数据行。", "The file has no data rows."),
    "csv_encoding": ("文件编码无法识别，请在 Excel 中另存为“CSV UTF-8”或“CSV（逗号分隔）”。", "Unknown file encoding; save it from Excel as 'CSV UTF-8' or 'CSV (comma delimited)'."),
    "csv_missing_columns": ("缺少列：{columns}", "Missing columns: {columns}"),
    # cards
    "card_not_a_number": ("“{number}”不是积分卡号（卡号为 8 位数字）。", "'{number}' is not a card number (8 digits)."),
    "card_check_digit": ("卡号 {number} 校验位不对，可能扫错或输错，请重扫。", "Card number {number} fails its check digit: misread or mistyped, scan again."),
    "card_unknown": ("没有积分卡 {number}。", "No point card {number}."),
    "card_blocked": ("积分卡 {number} 已挂失作废，不能使用。", "Card {number} was reported lost and is blocked."),
    "card_recovered": ("积分卡 {number} 已回收，不能使用。", "Card {number} was taken back and cannot be used."),
    "card_exists": ("{head} 一户已经有积分卡了；丢失请办理挂失补卡。", "{head}'s household has a card already; for a lost card, replace it."),
    # rules, awards, deductions, hygiene
    "rule_unknown": ("没有积分细则 {code}。", "No point rule {code}."),
    "rule_inactive": ("积分细则 {code}（{name}）已停用。", "Point rule {code} ({name}) is no longer in use."),
    "rule_needs_points": ("细则 {code} 的分值在 {low} 到 {high} 之间，请选定分数。", "Rule {code} gives {low} to {high} points: choose how many."),
    "rule_points_range": ("细则 {code} 的分值应在 {low} 到 {high} 之间，{value} 不行。", "Rule {code} gives {low} to {high} points, not {value}."),
    "rule_bad_points": ("分值不对：{low} 到 {high}。", "Bad points: {low} to {high}."),
    "rule_incomplete": ("细则需要编号和名称。", "A rule needs a code and a name."),
    "rule_is_deduction": ("{code} 是扣分细则，请用扣分。", "{code} is a deduction rule; use deduct."),
    "rule_not_deduction": ("{code} 不是扣分细则。", "{code} is not a deduction rule."),
    "batch_empty": ("没有选择任何户。", "No household chosen."),
    "batch_repeats": ("同一户被选了两次。", "A household was chosen twice."),
    "deduction_exceeds": ("{head} 一户只有 {available} 分，不能扣 {needed} 分（积分不会扣成负数）。", "{head}'s household has {available} points, cannot deduct {needed} (never below zero)."),
    "round_empty": ("这次卫生检查没有任何户的评分。", "The hygiene round scores no household."),
    "round_needs_inspectors": ("请填写检查人。", "Name the inspectors."),
    "round_unknown_item": ("没有这个检查项：{item}", "No such hygiene item: {item}"),
    "round_bad_mark": ("“{value}”看不懂：合格填 1 或 √，不合格填 0 或 ×。", "'{value}' is unclear: 1 or √ for pass, 0 or × for fail."),
    "round_row_unnamed": ("这一行没有卡号也没有户主。", "This row has neither a card number nor a head of household."),
    "round_head_ambiguous": ("有多户户主叫 {head}，请用卡号。", "More than one head is named {head}; use the card number."),
    # goods and stock
    "goods_bad_barcode": ("条码 {code} 校验位不对（EAN-13），请重扫。", "Barcode {code} fails its EAN-13 check digit; scan again."),
    "goods_bad_code": ("商品编码“{code}”不对：用 EAN-13 条码，或 3-20 位字母数字。", "Goods code '{code}' is not valid: an EAN-13 barcode, or 3-20 letters and digits."),
    "goods_is_card": ("{code} 是积分卡号，不是商品。", "{code} is a card number, not goods."),
    "goods_unknown": ("没有商品 {code}。", "No goods {code}."),
    "goods_exists": ("商品编码 {code} 已存在。", "Goods code {code} exists already."),
    "goods_inactive": ("{name} 已停止兑换。", "{name} is no longer offered."),
    "goods_needs_name": ("请填写商品名称。", "The goods need a name."),
    "goods_needs_unit": ("请填写单位。", "The goods need a unit."),
    "goods_bad_zone": ("没有“{zone}”这个区（可选：{zones}）。", "No zone '{zone}' (choose: {zones})."),
    "goods_bad_price": ("兑换分值 {value} 不对，应大于 0。", "Price {value} points is not valid; it must be above 0."),
    "goods_bad_value": ("参考价值 {value} 分钱不对。", "Reference value {value} fen is not valid."),
    "stock_short": ("{name} 库存只有 {stock}，不够 {needed}。", "Only {stock} of {name} in stock, {needed} needed."),
    "intake_empty": ("入库单上没有商品。", "The intake has no goods."),
    "intake_needs_donor": ("捐赠入库请填写捐赠人或单位。", "A donation needs the donor's name."),
    "intake_bad_donor_type": ("捐赠方类型应为：{types}。", "Donor type must be one of: {types}."),
    "intake_bad_funding": ("资金来源“{funding}”不对（可选：{known}）。", "Funding '{funding}' is not known (choose: {known})."),
    "intake_bad_source": ("来源应为捐赠或采购，不是“{source}”。", "Source must be donation or purchase, not '{source}'."),
    "intake_bad_quantity": ("{code} 的数量 {value} 不对。", "Quantity {value} for {code} is not valid."),
    "count_needs_reason": ("盘点有差异，请写明原因。", "The count differs: give a reason."),
    # redemption and reversal
    "cart_empty": ("购物清单是空的。", "The cart is empty."),
    "cart_bad_quantity": ("{code} 的数量 {value} 不对（1 到 {high}）。", "Quantity {value} for {code} is not valid (1 to {high})."),
    "redemption_unknown": ("第 {seq} 笔不是兑换。", "Transaction {seq} is not a redemption."),
    "reversal_needs_reason": ("冲正必须写明原因。", "A reversal needs a reason."),
    "transaction_unknown": ("没有第 {seq} 笔。", "No transaction {seq}."),
    "transaction_not_reversible": ("第 {seq} 笔（{kind}）不能冲正。", "Transaction {seq} ({kind}) cannot be reversed."),
    "init_needs": ("设置新村需要 --village、--groups 和 --admin。", "Setting up a village needs --village, --groups and --admin."),
    "demo_not_empty": ("这个数据库里已经有别的村了，演示村需要空数据库。", "This database holds another village; the demo needs an empty one."),
    "password_needed": ("需要密码：请设置环境变量 {env} 或在终端中运行。", "A password is needed: set {env} or run in a terminal."),
    "user_needed": ("请用 --user 指定操作人（或设置 AIXIN_USER）。", "Name the acting user with --user (or AIXIN_USER)."),
    "item_spec_bad": ("“{spec}”格式不对，应为 编码:数量。", "'{spec}' should be CODE:QTY."),
    "date_bad": ("日期“{value}”格式不对，应为 2026-05-01。", "Date '{value}' should look like 2026-05-01."),
    # printing
    "receipt_printed": ("小票已打印。", "Receipt printed."),
    "receipt_queued_no_printer": ("小票已排队（未设置打印机）。", "Receipt queued (no printer set up)."),
    "printer_not_configured": ("还没有设置小票打印机：运行 aixin printer setup --port 串口。小票已排队，设置后可补打。", "No receipt printer set up: run 'aixin printer setup --port PORT'. The receipt is queued."),
    "printer_port_missing": ("找不到打印机串口 {port}：请检查数据线和串口号。小票已排队，可稍后补打。", "Printer port {port} not found: check the cable and port. The receipt is queued."),
    "printer_permission": ("没有权限打开串口 {port}（是否被别的程序占用？）。小票已排队。", "No permission to open {port} (in use by another program?). The receipt is queued."),
    "printer_busy": ("串口 {port} 正被别的程序占用。小票已排队。", "Port {port} is in use by another program. The receipt is queued."),
    "printer_write_timeout": ("向打印机发送超时：打印机可能没开机或流控不对。小票已排队。", "Writing to the printer timed out: is it on, and is flow control right? The receipt is queued."),
    "printer_paper_out": ("打印机缺纸，请装纸后补打。兑换已完成，小票已排队。", "The printer is out of paper: load paper and reprint. The sale is done; the receipt is queued."),
    "printer_cover_open": ("打印机盖没有盖好，请盖好后补打。小票已排队。", "The printer cover is open: close it and reprint. The receipt is queued."),
    "printer_offline": ("打印机离线或出错，请检查后补打。小票已排队。", "The printer is offline or in error: check it and reprint. The receipt is queued."),
    "printer_no_answer": ("打印机没有应答：请检查电源和数据线，或在设置里关闭状态查询。小票已排队。", "The printer does not answer: check power and cable, or turn off status queries. The receipt is queued."),
    "printer_io_error": ("打印机通信出错：{detail}。小票已排队。", "Printer communication error: {detail}. The receipt is queued."),
    "nothing_to_print": ("没有可打印的内容。", "Nothing to print."),
    # ledger refusals
    "unbalanced": ("账目不平（合计 {total}），已拒绝。", "The postings do not balance (sum {total}); refused."),
    "insufficient": (
        "积分不足：可用 {available} 分，需要 {needed} 分。",
        "Not enough points: {available} available, {needed} needed.",
    ),
    "unknown_account": ("找不到账户 {account}。", "No account {account}."),
    "already_reversed": (
        "第 {seq} 笔已被第 {by} 笔冲正，不能重复冲正。",
        "Transaction {seq} was already reversed by {by}.",
    ),
    "not_reversible": ("第 {seq} 笔不能冲正：{reason}", "Transaction {seq} cannot be reversed: {reason}"),
    "ledger_error": ("账本拒绝了此操作：{detail}", "The ledger refused this: {detail}"),
    # verify findings
    "verify_ok": (
        "账本完好：共 {transactions} 笔，{postings} 条分录，最新第 {head_seq} 笔，哈希 {head_hash}",
        "Ledger intact: {transactions} transactions, {postings} postings, head #{head_seq} {head_hash}",
    ),
    "verify_bad": ("账本发现 {count} 处问题，最早在第 {first} 笔：", "The ledger has {count} finding(s), first at #{first}:"),
    "finding_sequence_gap": ("第 {seq} 笔：流水号不连续（应为第 {expected} 笔）", "#{seq}: sequence gap (expected #{expected})"),
    "finding_hash_mismatch": ("第 {seq} 笔：重算的哈希与记录不符，此笔或其前一笔被改动", "#{seq}: recomputed hash differs; it or the one before was changed"),
    "finding_unbalanced": ("第 {seq} 笔：分录合计 {total}，不为零", "#{seq}: postings sum to {total}, not zero"),
    "finding_too_few_postings": ("第 {seq} 笔：分录不足两条", "#{seq}: fewer than two postings"),
    "finding_negative_balance": ("第 {seq} 笔：账户 {account} 余额为负", "#{seq}: account {account} goes below zero"),
    "finding_unknown_account": ("第 {seq} 笔：分录指向不存在的账户", "#{seq}: a posting names a missing account"),
    "finding_orphan_postings": ("第 {seq} 笔：有分录但没有这笔交易", "#{seq}: postings without their transaction"),
    "finding_bad_reversal": ("第 {seq} 笔：冲正指向不存在或更晚的交易", "#{seq}: reverses a missing or later transaction"),
    "finding_balance_mismatch": ("账户 {account}：记录余额 {kept}，分录合计 {summed}", "account {account}: kept balance {kept}, postings sum {summed}"),
    "finding_head_mismatch": ("账头记为第 {head_seq} 笔，而账本止于第 {last_seq} 笔：有交易被删除", "head says #{head_seq}, the chain ends at #{last_seq}: transactions removed"),
    "finding_head_missing": ("账头记录缺失", "the head row is missing"),
    "finding_anchor_missing": ("账本中找不到公示过的账头 {anchor}：交易被删除或替换，或恢复了旧备份", "the anchored head {anchor} is not in the chain: removed, replaced, or an old copy restored"),
    "finding_anchor_broken": ("第 {seq} 笔（公示账头）之前的账本不完整", "the chain up to the anchor #{seq} is not intact"),
    # backup and restore
    "backup_done": ("备份已保存：{path}（校验通过，共 {transactions} 笔）", "Backup saved: {path} (checked, {transactions} transactions)"),
    "backup_failed": ("备份失败：{detail}", "Backup failed: {detail}"),
    "restore_refused": ("备份文件未通过检查，未做任何改动：{detail}", "The copy failed its checks; nothing was changed: {detail}"),
    "restore_older": (
        "此备份止于第 {backup_seq} 笔，当前账本已到第 {current_seq} 笔；恢复将丢失 {lost} 笔。确认请加 --yes。",
        "This copy ends at #{backup_seq}, the current ledger at #{current_seq}; restoring loses {lost}. Add --yes to confirm.",
    ),
    "restore_done": ("已恢复 {path}；原数据库已另存为 {safety}", "Restored {path}; the previous database was saved as {safety}"),
    "export_done": ("账本已导出到 {path}（{files} 个文件，附校验脚本 verify_export.py）", "Ledger exported to {path} ({files} files, with verify_export.py)"),
    "import_refused": ("导入文件有 {count} 处问题，未导入任何数据：", "The import file has {count} problem(s); nothing was imported:"),
    "bad_anchor": ("账头格式不对：应为 64 位十六进制哈希，可带“序号:”前缀。", "An anchor is a 64-digit hex hash, optionally 'SEQ:HASH'."),
    "data_folder_unwritable": ("无法写入数据文件夹 {path}：{detail}。请检查磁盘空间和文件夹权限。", "Cannot write the data folder {path}: {detail}. Check disk space and folder permissions."),
    "internal_error": ("程序出错，操作未完成，数据未改动。详情已写入日志：{log}", "Internal error; nothing was changed. Details are in the log: {log}"),
}


def text(key: str, lang: str = "zh", **params) -> str:
    zh, en = CATALOG.get(key, (key, key))
    template = en if lang == "en" else zh
    try:
        return template.format(**params)
    except (KeyError, IndexError):
        return template
