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
    "wrong_role": ("只有{role}可以做此操作。", "This needs the {role} role."),
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
    "self_unlock": ("不能给自己解锁。", "You cannot unlock yourself."),
    "self_change": ("不能修改自己的角色、状态或密码重置，请另一位管理员操作。", "You cannot change your own role or status, or reset your own password; another administrator must."),
    "supervisor_exists": ("已有监督员；新增监督员需现有监督员审批。", "A supervisor exists already; a new one needs a supervisor's approval."),
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
    "card_not_a_number": ("“{number}”不是积分卡号（卡号为 8 开头的 8 位数字）。", "'{number}' is not a card number (8 digits starting with 8)."),
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
    "goods_bad_barcode": ("条码 {code} 校验位不对（{kind}），可能扫错或输错，请重扫。", "Barcode {code} fails its {kind} check digit: misread or mistyped, scan again."),
    "goods_code_length": ("“{code}”是 {length} 位数字，不是条码：条码为 8 位（EAN-8）、12 位（UPC-A）、13 位（EAN-13）或 14 位（GTIN-14）。", "'{code}' has {length} digits and is no barcode: barcodes have 8 (EAN-8), 12 (UPC-A), 13 (EAN-13) or 14 (GTIN-14)."),
    "goods_bad_code": ("商品编码“{code}”不对：用商品条码，或 3-20 位大写字母、数字和“-”组成的店内码。", "Goods code '{code}' is not valid: a barcode, or a shop code of 3-20 letters, digits and '-'."),
    "goods_is_card": ("{code} 是积分卡号，不是商品。", "{code} is a card number, not goods."),
    "goods_unknown": ("没有商品 {code}。", "No goods {code}."),
    "goods_exists": ("商品编码 {code} 已存在。", "Goods code {code} exists already."),
    "goods_inactive": ("{name} 已停止兑换。", "{name} is no longer offered."),
    "goods_needs_name": ("请填写商品名称。", "The goods need a name."),
    "goods_needs_unit": ("请填写单位。", "The goods need a unit."),
    "goods_bad_zone": ("没有“{zone}”这个区（可选：{zones}）。", "No zone '{zone}' (choose: {zones})."),
    "goods_bad_price": ("兑换分值 {value} 不对，应大于 0。", "Price {value} points is not valid; it must be above 0."),
    "goods_bad_value": ("参考价值 {value} 分钱不对，应在 0 到 100000000 分之间。", "Reference value {value} fen is not valid; it must be 0 to 100000000 fen."),
    "stock_short": ("{name} 库存只有 {stock}，不够 {needed}。", "Only {stock} of {name} in stock, {needed} needed."),
    "intake_empty": ("入库单上没有商品。", "The intake has no goods."),
    "intake_needs_donor": ("捐赠入库请填写捐赠人或单位。", "A donation needs the donor's name."),
    "intake_bad_donor_type": ("捐赠方类型应为：{types}。", "Donor type must be one of: {types}."),
    "intake_bad_funding": ("资金来源“{funding}”不对（可选：{known}）。", "Funding '{funding}' is not known (choose: {known})."),
    "intake_bad_source": ("来源应为捐赠或采购，不是“{source}”。", "Source must be donation or purchase, not '{source}'."),
    "intake_bad_quantity": ("{code} 的数量 {value} 不对，应在 {low} 到 {high} 之间。", "Quantity {value} for {code} is not valid; it must be {low} to {high}."),
    "count_needs_reason": ("盘点有差异，请写明原因。", "The count differs: give a reason."),
    # redemption and reversal
    "cart_empty": ("购物清单是空的。", "The cart is empty."),
    "cart_bad_quantity": ("{code} 的数量 {value} 不对（1 到 {high}）。", "Quantity {value} for {code} is not valid (1 to {high})."),
    "redemption_unknown": ("第 {seq} 笔不是兑换。", "Transaction {seq} is not a redemption."),
    "reversal_needs_reason": ("冲正必须写明原因。", "A reversal needs a reason."),
    "transaction_unknown": ("没有第 {seq} 笔。", "No transaction {seq}."),
    "transaction_not_reversible": ("第 {seq} 笔（{kind}）不能冲正。", "Transaction {seq} ({kind_en}) cannot be reversed."),
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
    "printer_disconnected": ("打印机连接断开（数据线被拔出或断电）。兑换已完成，小票已排队：接好后补打。", "The printer was disconnected (cable pulled or power lost). The sale is done; the receipt is queued: reconnect and print it again."),
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
    "finding_not_canonical": ("第 {seq} 笔：内容无法按规范编码（{reason}），此笔被改动过", "#{seq}: cannot be encoded canonically ({reason}); it was changed"),
    "finding_clock_back": (
        "提醒：第 {seq} 笔的时间 {at} 早于第 {previous} 笔（{previous_at}），电脑时钟曾被往回调；这不影响账本完好，请核对",
        "warning: #{seq} is dated {at}, before #{previous} ({previous_at}): the clock was set back; the chain still holds, but check it",
    ),
    "verify_warnings": ("另有 {count} 条提醒：", "{count} warning(s):"),
    # verify findings: accounts and the shop's facts (pos/proof.py)
    "finding_account_flag_mismatch": ("账户 {account} 的“可为负”标记与账本记录不符", "account {account}: may-go-negative differs from the chain"),
    "finding_account_missing": ("第 {seq} 笔开立的账户 {account} 已不在账户表中", "account {account}, opened at #{seq}, is gone"),
    "finding_bad_account_open": ("第 {seq} 笔：账户开立记录有误", "#{seq}: a malformed account opening"),
    "finding_bad_fact": ("第 {seq} 笔：{kind} 记录无法读取", "#{seq}: the {kind} record cannot be read"),
    "finding_approver_not_supervisor": ("第 {seq} 笔：审批人 {approver} 当时不是另一位在职监督员", "#{seq}: approver {approver} was not another active supervisor then"),
    "finding_supervisor_unapproved": ("第 {seq} 笔：{user} 未经监督员审批成为监督员", "#{seq}: {user} became a supervisor without a supervisor's approval"),
    "finding_approval_missing": ("第 {seq} 笔：按当时的规定需要审批，却没有审批人", "#{seq}: needed approval under the rules then, has none"),
    "finding_closed_card_posting": ("第 {seq} 笔：积分记到了已停用的卡 {card}", "#{seq}: points moved on closed card {card}"),
    "finding_rule_not_in_force": ("第 {seq} 笔：细则 {rule} 当时不允许这个分值", "#{seq}: rule {rule} did not allow these points then"),
    "finding_redemption_price": ("第 {seq} 笔：{goods} 的兑换分值与当时的价格不符", "#{seq}: {goods} redeemed at other than its price then"),
    "finding_redemption_mismatch": ("第 {seq} 笔兑换：{field} 与账本记录不符", "redemption #{seq}: {field} differs from its ledger transaction"),
    "finding_stock_mismatch": ("商品 {record}：库存 {table}，按账本记录的出入库应为 {chain}", "goods {record}: stock {table}, its chained movements sum to {chain}"),
    "finding_movement_mismatch": ("第 {seq} 笔：商品 {record} 的出入库记录为 {table}，账本为 {chain}", "#{seq}: goods {record} moved {table} in the table, {chain} in the chain"),
    "finding_movement_unchained": ("商品 {record}：有 {table} 件出入库不在账本中", "goods {record}: {table} moved outside the chain"),
    "finding_goods_unknown_in_chain": ("第 {seq} 笔：商品 {goods} 未登记", "#{seq}: goods {goods} was never added"),
    "finding_user_differs": ("用户 {record}：{field} 在表中为 {table}，账本记录为 {chain}（第 {seq} 笔）", "user {record}: {field} is {table} in the table, {chain} in the chain (#{seq})"),
    "finding_user_unchained": ("用户 {record} 不在账本记录中", "user {record} is not in the chain"),
    "finding_user_missing": ("第 {seq} 笔记录的用户 {record} 已不在表中", "user {record}, recorded at #{seq}, is gone from the table"),
    "finding_village_differs": ("本村设置 {record}：{field} 在表中为 {table}，账本记录为 {chain}（第 {seq} 笔）", "village {record}: {field} is {table} in the table, {chain} in the chain (#{seq})"),
    "finding_village_unchained": ("本村设置 {record} 不在账本记录中", "village {record} is not in the chain"),
    "finding_village_missing": ("第 {seq} 笔记录的本村设置 {record} 已不在表中", "village {record}, recorded at #{seq}, is gone from the table"),
    "finding_group_differs": ("村民小组 {record}：{field} 在表中为 {table}，账本记录为 {chain}（第 {seq} 笔）", "group {record}: {field} is {table} in the table, {chain} in the chain (#{seq})"),
    "finding_group_unchained": ("村民小组 {record} 不在账本记录中", "group {record} is not in the chain"),
    "finding_group_missing": ("第 {seq} 笔记录的村民小组 {record} 已不在表中", "group {record}, recorded at #{seq}, is gone from the table"),
    "finding_rule_differs": ("积分细则 {record}：{field} 在表中为 {table}，账本记录为 {chain}（第 {seq} 笔）", "rule {record}: {field} is {table} in the table, {chain} in the chain (#{seq})"),
    "finding_rule_unchained": ("积分细则 {record} 不在账本记录中", "rule {record} is not in the chain"),
    "finding_rule_missing": ("第 {seq} 笔记录的积分细则 {record} 已不在表中", "rule {record}, recorded at #{seq}, is gone from the table"),
    "finding_goods_differs": ("商品 {record}：{field} 在表中为 {table}，账本记录为 {chain}（第 {seq} 笔）", "goods {record}: {field} is {table} in the table, {chain} in the chain (#{seq})"),
    "finding_goods_unchained": ("商品 {record} 不在账本记录中", "goods {record} is not in the chain"),
    "finding_goods_missing": ("第 {seq} 笔记录的商品 {record} 已不在表中", "goods {record}, recorded at #{seq}, is gone from the table"),
    "finding_household_differs": ("农户 {record}：{field} 在表中为 {table}，账本记录为 {chain}（第 {seq} 笔）", "household {record}: {field} is {table} in the table, {chain} in the chain (#{seq})"),
    "finding_household_unchained": ("农户 {record} 不在账本记录中", "household {record} is not in the chain"),
    "finding_household_missing": ("第 {seq} 笔记录的农户 {record} 已不在表中", "household {record}, recorded at #{seq}, is gone from the table"),
    "finding_card_differs": ("积分卡 {record}：{field} 在表中为 {table}，账本记录为 {chain}（第 {seq} 笔）", "card {record}: {field} is {table} in the table, {chain} in the chain (#{seq})"),
    "finding_card_unchained": ("积分卡 {record} 不在账本记录中", "card {record} is not in the chain"),
    "finding_card_missing": ("第 {seq} 笔记录的积分卡 {record} 已不在表中", "card {record}, recorded at #{seq}, is gone from the table"),
    "finding_redemption_differs": ("兑换 {record}：{field} 在表中为 {table}，账本记录为 {chain}（第 {seq} 笔）", "redemption {record}: {field} is {table} in the table, {chain} in the chain (#{seq})"),
    "finding_redemption_unchained": ("兑换 {record} 不在账本记录中", "redemption {record} is not in the chain"),
    "finding_redemption_missing": ("第 {seq} 笔记录的兑换 {record} 已不在表中", "redemption {record}, recorded at #{seq}, is gone from the table"),
    # backup and restore
    "backup_done": ("备份已保存：{path}（校验通过，共 {transactions} 笔）", "Backup saved: {path} (checked, {transactions} transactions)"),
    "backup_failed": ("备份失败：{detail}", "Backup failed: {detail}"),
    "restore_refused": ("备份文件未通过检查，未做任何改动：{detail}", "The copy failed its checks; nothing was changed: {detail}"),
    "restore_older": (
        "此备份止于第 {backup_seq} 笔，当前账本已到第 {current_seq} 笔；恢复将丢失 {lost} 笔。确认请加 --yes。",
        "This copy ends at #{backup_seq}, the current ledger at #{current_seq}; restoring loses {lost}. Add --yes to confirm.",
    ),
    "restore_forked": (
        "备份与当前账本从第 {seq} 笔起分叉：本机第 {seq} 笔是 {live_kind}（{live_at}，{live_operator}），"
        "备份里是 {copy_kind}（{copy_at}，{copy_operator}）。这份备份在别处继续用过，恢复会替换掉本机的交易，"
        "已拒绝，未做任何改动。",
        "The copy has forked from this ledger at #{seq}: here #{seq} is {live_kind} ({live_at}, "
        "{live_operator}), in the copy {copy_kind} ({copy_at}, {copy_operator}). The copy was used "
        "elsewhere after they parted and would replace what was written here; refused, nothing was changed.",
    ),
    "restore_new_done": ("已把 {path} 恢复为本机数据库 {db}", "Restored {path} as this computer's database {db}"),
    "export_failed": ("导出失败，未完成：{detail}", "The export failed: {detail}"),
    "restore_done": ("已恢复 {path}；原数据库已另存为 {safety}", "Restored {path}; the previous database was saved as {safety}"),
    "export_done": ("账本已导出到 {path}（{files} 个文件，附校验脚本 verify_export.py）", "Ledger exported to {path} ({files} files, with verify_export.py)"),
    "import_refused": ("导入文件有 {count} 处问题，未导入任何数据：", "The import file has {count} problem(s); nothing was imported:"),
    "bad_anchor": ("账头格式不对：应为 64 位十六进制哈希，可带“序号:”前缀。", "An anchor is a 64-digit hex hash, optionally 'SEQ:HASH'."),
    # the supervisor's month: closures, notices, audit, statements
    "month_bad": ("月份“{value}”格式不对，应为 2026-11。", "Month '{value}' should look like 2026-11."),
    "month_closed": (
        "{month} 已月结（第 {number} 号），{what}不能记入 {when}。请记在 {open} 或以后，并在备注中写明更正的是哪一笔。",
        "{month} is closed (closure {number}); the {what_en} cannot be dated {when}. Enter it in {open} or later and say in the note what it corrects.",
    ),
    "closure_done": ("{month} 已经月结过了，不能重复月结。", "{month} is closed already; a month is closed once."),
    "closure_order_past": ("{month} 早于已月结的 {last}，不能再月结。", "{month} comes before {last}, which is closed; it cannot be closed now."),
    "closure_order": ("月结须按月份顺序进行：请先月结 {first}。", "Months close in order: close {first} first."),
    "closure_not_ended": ("{month} 还没有结束，月底之后才能月结。", "{month} has not ended yet; close it after its last day."),
    "closure_clock": (
        "第 {seq} 笔的时间与前后不符（电脑时钟曾被回拨），跨越了 {month} 的月界，无法确定本月范围，未月结。",
        "Transaction #{seq} is dated out of order (the clock was set back) across the edge of {month}; the month cannot be closed.",
    ),
    "closure_ledger_bad": ("台账校验未通过（第 {seq} 笔：{detail}），不能月结。请先运行 aixin verify 查明原因。", "The ledger fails its check (#{seq}: {detail}); the month cannot be closed. Run 'aixin verify'."),
    "closure_unknown_card": ("第 {seq} 笔记到了不存在的积分卡 {card}，不能月结。", "#{seq} posts to card {card}, which does not exist; not closed."),
    "closure_unknown_kind": ("第 {seq} 笔的类型 {kind} 无法归类，不能月结。", "#{seq} is of kind {kind}, which the closure cannot place; not closed."),
    "closure_lines_mismatch": ("第 {seq} 笔兑换记账 {points} 分，而商品明细合计 {lines} 分，不能月结。", "Redemption #{seq} posts {points} points but its lines add up to {lines}; not closed."),
    "closure_mismatch": ("{where}对不上：按上期月结加本月应为 {expected}，台账重算为 {found}，不能月结。", "{where} disagrees: the previous closure plus this month gives {expected}, the ledger gives {found}; not closed."),
    "closure_kept_mismatch": ("账户 {account} 的记录余额 {kept} 与分录合计 {found} 不符，不能月结。", "Account {account}: kept balance {kept}, postings sum to {found}; not closed."),
    "closure_household_mismatch": ("{head}（第 {id} 户）的期末余额应为 {expected}，台账为 {found}，不能月结。", "Household {id} ({head}): closing should be {expected}, the ledger has {found}; not closed."),
    "closure_missing": ("{month} 还没有月结。", "{month} is not closed yet."),
    "closure_tampered": ("第 {number} 号月结（{month}）的记录与其哈希不符，已被改动。", "Closure {number} ({month}) no longer matches its hash: it was changed."),
    "notice_text_bad": ("公示二维码内容格式不对，应为 AIXIN1|村名|月结号|流水号|哈希。", "The notice's QR text should be AIXIN1|village|closure|seq|hash."),
    "notice_other_village": ("这张公示属于 {village}，本数据库是 {here}。", "This notice is from {village}; this database is {here}."),
    "notice_head_missing": ("台账中已找不到公示的第 {seq} 笔（哈希 {hash}…）：交易被删除或改写，或恢复了旧备份。", "The ledger no longer holds the posted #{seq} ({hash}…): transactions were removed or rewritten, or an old copy was restored."),
    "notice_closure_tampered": ("第 {number} 号月结记录与其哈希不符。", "Closure {number} does not match its hash."),
    "notice_closure_chain": ("第 {number} 号月结与上一期月结接不上。", "Closure {number} does not follow from the one before."),
    "notice_closure_missing": ("数据库中没有第 {number} 号月结：恢复了旧备份，或月结被删除。", "Closure {number} is not in the database: an old copy was restored, or it was removed."),
    "notice_closure_differs": ("第 {number} 号月结记载的账头与公示不同。", "Closure {number} records a different head than the notice."),
    "notice_tail_missing": ("第 {number} 号月结止于第 {seq} 笔，而台账只到第 {head} 笔：交易被删除。", "Closure {number} ends at #{seq} but the ledger ends at #{head}: transactions were removed."),
    "notice_ok": ("公示核对通过：第 {number} 号月结止于第 {last} 笔，账头 {hash}… 仍在账本中，此前的账未被改写。", "Notice checked: closure {number} ends at #{last}; head {hash}… is still in the ledger, unchanged up to it."),
    "notice_bad": ("公示核对未通过：", "The notice does not check out:"),
    "flag_unknown": ("{month} 没有审计标记 {flag}。", "There is no audit flag {flag} in {month}."),
    "review_needs_comment": ("审核请写明意见。", "A review needs a comment."),
    "statement_no_household": ("没有找到这张卡的户。", "No household for this card."),
    "data_folder_unwritable": ("无法写入数据文件夹 {path}：{detail}。请检查磁盘空间和文件夹权限。", "Cannot write the data folder {path}: {detail}. Check disk space and folder permissions."),
    "statement_no_printer": ("这台电脑还没有设置小票打印机，不能打印明细小票；可以打印 PDF 明细。", "No receipt printer is set up on this PC; print the statement as a PDF instead."),
    "no_display": (
        "没有图形显示（DISPLAY、WAYLAND_DISPLAY、QT_QPA_PLATFORM 都没有设置），无法打开窗口；命令行用法见 aixin --help。",
        "No display (DISPLAY, WAYLAND_DISPLAY and QT_QPA_PLATFORM are all unset): cannot open the window; "
        "see aixin --help for the command line.",
    ),
    "internal_error": ("程序出错，操作未完成，数据未改动。详情已写入日志：{log}", "Internal error; nothing was changed. Details are in the log: {log}"),
}

# Checks of what is typed or imported (pos.fields), repeats, and the commands added with them.
CATALOG.update({
    "text_control": ("{field}里有控制字符（如换行、退格、ESC），请删去后再试。", "The {field_en} contains control characters (line breaks, ESC and the like); remove them."),
    "text_too_long": ("{field}太长：{length} 个字，最多 {longest} 个。", "The {field_en} is too long: {length} characters, {longest} at most."),
    "text_missing": ("请填写{field}。", "The {field_en} is needed."),
    "date_range": ("日期 {value} 不合理：应在 {low} 到 {high} 之间。", "Date {value} is not plausible; it must be between {low} and {high}."),
    "number_range": ("{value} 超出范围：应在 {low} 到 {high} 之间。", "{value} is out of range: {low} to {high}."),
    "csv_unreadable": ("这一行无法读取（单元格过大或含有空字符），请在 Excel 中检查后另存为 CSV。", "This row cannot be read (a huge cell or a NUL character); check it in Excel and save as CSV again."),
    "not_a_number": ("“{value}”不是整数（只用数字 0-9）。", "'{value}' is not a whole number (digits 0-9 only)."),
    "file_missing": ("找不到文件 {path}。", "No file {path}."),
    "file_is_folder": ("{path} 是文件夹，请给出文件名。", "{path} is a folder; give a file name."),
    "file_permission": ("没有权限读写 {path}。", "No permission to read or write {path}."),
    "file_error": ("无法读写 {path}：{detail}", "Cannot read or write {path}: {detail}"),
    "folder_missing": ("文件夹不存在：{path}，请先建好文件夹。", "The folder {path} does not exist; make it first."),
    "disk_full": ("磁盘已满，无法写出 {path}；请腾出空间后再试。", "The disk is full; {path} could not be written. Free some space and try again."),
    "queue_line": ("#{id}\t第 {seq} 笔\t{copy}\t{status}\t尝试 {attempts} 次\t{error}", "#{id}\t#{seq}\t{copy}\t{status}\t{attempts} attempt(s)\t{error}"),
    "queue_empty": ("没有待打印的小票。", "No receipts waiting."),
    "copy_original": ("原件", "original"),
    "copy_reprint": ("重印第{copy}次", "reprint {copy}"),
    "job_pending": ("待打印", "waiting"),
    "job_sending": ("发送中", "sending"),
    "job_printed": ("已打印", "printed"),
    "job_sent": ("已发送（未查询打印机状态）", "sent (printer status not queried)"),
    "job_failed": ("失败", "failed"),
    "job_interrupted": ("发送中断，已重印", "interrupted, reprinted"),
    "fault_port_missing": ("找不到串口", "port not found"),
    "fault_permission": ("没有权限", "no permission"),
    "fault_busy": ("串口被占用", "port in use"),
    "fault_write_timeout": ("发送超时", "write timed out"),
    "fault_paper_out": ("缺纸", "out of paper"),
    "fault_cover_open": ("纸仓盖未关", "cover open"),
    "fault_offline": ("离线", "offline"),
    "fault_no_answer": ("没有应答", "no answer"),
    "fault_disconnected": ("连接断开", "disconnected"),
    "fault_io_error": ("通信出错", "communication error"),
    "kind_card_issue": ("发卡", "card issued"),
    "kind_card_replace": ("挂失补卡", "card replaced"),
    "kind_card_recovery": ("回收积分卡", "card taken back"),
    "kind_award": ("加分", "award"),
    "kind_deduction": ("扣分", "deduction"),
    "kind_hygiene": ("卫生检查", "hygiene check"),
    "kind_redemption": ("兑换", "redemption"),
    "kind_reversal": ("冲正", "reversal"),
    "card_status_active": ("正常", "in use"),
    "card_status_blocked": ("已挂失作废", "blocked (lost)"),
    "card_status_recovered": ("已回收", "taken back"),
    "role_admin": ("管理员", "administrator"),
    "role_supervisor": ("监督员", "supervisor"),
    "user_locked": ("已锁定", "locked"),
    "summary_db": ("数据库：{url}", "Database: {url}"),
    "summary_head": ("台账共 {seq} 笔，账头 {anchor}", "{seq} transactions, head {anchor}"),
    "summary_kind": ("  {kind}：{count} 笔", "  {kind}: {count}"),
    "balance_line": ("{number}\t{head}\t{balance} 分\t{status}", "{number}\t{head}\t{balance} points\t{status}"),
    "count_needs_quantity": ("盘点请写明实盘数量，如 {code}:12。", "A count needs the counted quantity, e.g. {code}:12."),
    "reversal_short": ("{head} 一户（卡 {card}）现在只有 {available} 分，冲正要收回 {needed} 分，不能冲正（积分不会扣成负数）。", "The household of {head} (card {card}) has {available} points now; the reversal would take back {needed}, so it cannot be done (never below zero)."),
    "password_changed": ("{username} 的密码已更改。", "The password of {username} was changed."),
    "group_added": ("已添加村民小组 {group}（现有：{groups}）。", "Villager group {group} added (now: {groups})."),
    "rule_saved": ("细则 {code} {name}：{points}{state}", "Rule {code} {name}: {points}{state}"),
    "rule_off": ("（已停用）", " (not in use)"),
    "writeoff_line": ("{name}：报损 {quantity}，库存 {before} → {after}", "{name}: {quantity} written off, stock {before} -> {after}"),
    "history_line": ("第 {seq} 笔\t{at}\t{kind}\t{points}\t{operator}\t{memo}{undone}", "#{seq}\t{at}\t{kind}\t{points}\t{operator}\t{memo}{undone}"),
    "history_reversed": ("（已被第 {by} 笔冲正）", " (reversed by #{by})"),
    "history_reverses": ("（冲正第 {seq} 笔）", " (reverses #{seq})"),
    "history_empty": ("没有交易。", "No transactions."),
    "history_needs": ("请用 --household 户号 或 --card 卡号 指定一户。", "Name a household with --household NUMBER or --card NUMBER."),
    "settings_line": ("{title}：{value}", "{title}: {value}"),
    "demo_where": ("演示村在 {url}，与本店自己的数据库分开。", "The demo village is in {url}, apart from the shop's own database."),
    "demo_open": ("以后打开演示村：aixin --db {url}（不带 --db 打开的是本店自己的数据库）", "To open the demo again: aixin --db {url} (without --db, aixin opens the shop's own database)"),
    "user_added": ("已添加用户 {username}（{role}）", "User {username} added ({role})"),
    "user_unlocked": ("已解锁 {username}", "{username} unlocked"),
    "household_line": ("{id}\t{head}\t{group}\t{people}人\t{card}\t{balance}分", "{id}\t{head}\t{group}\t{people} people\t{card}\t{balance} points"),
    "household_no_card_short": ("无卡", "no card"),
    "household_moved_short": ("\t已迁出", "\tmoved away"),
    "card_line": ("{number}\t{head}\t{balance}分", "{number}\t{head}\t{balance} points"),
    "card_replaces": ("\t（补 {old}）", "\t(replaces {old})"),
    "cards_none_needed": ("没有需要发卡的户。", "Every household has a card."),
    "card_taken_back": ("已回收 {number}（{head}）", "Card {number} ({head}) taken back"),
    "award_line": ("第 {seq} 笔：{code} {name} {points} 分 × {count} 户", "#{seq}: {code} {name} {points} points x {count} household(s)"),
    "award_balance": ("  {head}：余额 {balance} 分", "  {head}: balance {balance} points"),
    "round_done": ("卫生检查 {date}：{households} 户，共 {points} 分，全部合格 {full} 户（第 {seq} 笔）", "Hygiene check {date}: {households} households, {points} points, {full} with full marks (#{seq})"),
    "count_same": ("盘点无差异。", "The count matches the books."),
    "count_line": ("{name}：账面 {expected}，实盘 {counted}，差 {difference}", "{name}: books {expected}, counted {counted}, difference {difference}"),
    "reversed": ("已冲正第 {original} 笔（冲正为第 {seq} 笔，审批 {approver}）", "Transaction {original} reversed (reversal #{seq}, approved by {approver})"),
    "intake_line": ("入库单 {id}：{source}", "Intake {id}: {source}"),
    "intake_item": ("  {name} × {quantity}（{yuan} 元）", "  {name} x {quantity} ({yuan} yuan)"),
    "purchase": ("采购", "purchase"),
    "donation_line": ("{on}\t{donor}\t{goods} × {quantity}{unit}\t{yuan} 元", "{on}\t{donor}\t{goods} x {quantity} {unit}\t{yuan} yuan"),
    "round_repeats": ("{date} 的卫生检查已录入过（第 {round} 次检查已给 {head} 等 {count} 户评分），不能重复录入。", "The hygiene round of {date} was entered already (round {round} scored {head} and {count} household(s) in all); not entered twice."),
})


# argparse's own texts (usage lines, its refusals), in Chinese; argparse looks each up
# through its module-level gettext functions, which the command line points here.
ARGPARSE_ZH = {
    "usage: ": "用法：",
    "positional arguments": "位置参数",
    "options": "选项",
    "show this help message and exit": "显示本帮助并退出",
    "%(prog)s: error: %(message)s\n": "%(prog)s：错误：%(message)s\n",
    "the following arguments are required: %s": "缺少必需的参数：%s",
    "unrecognized arguments: %s": "无法识别的参数：%s",
    "invalid choice: %(value)r (choose from %(choices)s)": "无效的选项：%(value)r（可选：%(choices)s）",
    "invalid %(type)s value: %(value)r": "无效的值：%(value)r",
    "argument %(argument_name)s: %(message)s": "参数 %(argument_name)s：%(message)s",
    "expected one argument": "需要一个值",
    "expected at most one argument": "最多需要一个值",
    "expected at least one argument": "至少需要一个值",
    "expected %s argument": "需要 %s 个值",
    "expected %s arguments": "需要 %s 个值",
    "not allowed with argument %s": "不能与参数 %s 同时使用",
    "one of the arguments %s is required": "需要以下参数之一：%s",
    "ignored explicit argument %r": "忽略了多余的值 %r",
    "ambiguous option: %(option)s could match %(matches)s": "选项 %(option)s 不明确，可能是：%(matches)s",
    "unknown parser %(parser_name)r (choices: %(choices)s)": "没有子命令 %(parser_name)r（可选：%(choices)s）",
    "can't open '%(filename)s': %(error)s": "无法打开“%(filename)s”：%(error)s",
    "show program's version number and exit": "显示版本号并退出",
}


def speak_argparse(lang: str) -> None:
    """Have argparse's own texts in ``lang`` (Chinese unless "en")."""
    import argparse
    import gettext

    if lang == "en":
        argparse._, argparse.ngettext = gettext.gettext, gettext.ngettext
    else:
        argparse._ = lambda message: ARGPARSE_ZH.get(message, message)
        argparse.ngettext = lambda one, many, n: ARGPARSE_ZH.get(one if n == 1 else many,
                                                                  one if n == 1 else many)


def kind(name: str, lang: str = "zh") -> str:
    """A ledger transaction kind in words (the kind itself if it has none yet)."""
    return text(f"kind_{name}", lang) if f"kind_{name}" in CATALOG else str(name)


# The shop's fixed words (pos.vocabulary), as people read them.
CATALOG.update({
    "kind_account_open": ("开户", "account opened"),
    "kind_user": ("用户变更", "user change"),
    "kind_village": ("本村设置", "village settings"),
    "kind_group": ("村民小组", "villager group"),
    "kind_rule": ("积分细则", "point rule"),
    "kind_goods": ("商品", "goods"),
    "kind_household": ("农户", "household"),
    "kind_stock_intake": ("入库", "stock intake"),
    "kind_stock_count": ("盘点", "stock count"),
    "household_status_active": ("正常", "active"),
    "household_status_moved": ("已迁出", "moved away"),
    "wish_status_open": ("待认领", "waiting for a donor"),
    "wish_status_claimed": ("已认领", "claimed"),
    "wish_status_delivered": ("已送达", "delivered"),
    "wish_status_thanked": ("已回音", "thanked"),
    "wish_status_withdrawn": ("已撤回", "withdrawn"),
    "source_donation": ("捐赠", "donation"),
    "source_purchase": ("采购", "purchase"),
    "donor_company": ("爱心企业", "caring company"),
    "donor_person": ("爱心人士", "caring person"),
    "donor_unit": ("爱心单位", "caring organisation"),
    "donor_other": ("其他", "other"),
})

# Words stored as themselves (a goods zone, a source of funds, a wish's category are kept in
# Chinese in the database and the chain): their English.
ENGLISH = {
    "粮油区": "grain and oil", "日用品区": "daily goods", "洗化区": "toiletries",
    "服装区": "clothing", "农资区": "farm supplies", "家用电器区": "household appliances",
    "扶贫资金": "poverty-relief funds", "民政补贴": "civil-affairs subsidy", "社会捐赠": "public donations",
    "村集体": "village collective", "其他": "other",
    "学习用品": "school things", "生活用品": "daily needs", "衣物被褥": "clothes and bedding",
    "家用电器": "appliances", "助老助残": "for the old and disabled", "医疗康复": "health and care",
    "农资农具": "farm supplies and tools",
}


def stored(value: str, lang: str = "zh") -> str:
    """A word kept in Chinese as data (a zone, a fund, a wish category) in ``lang``."""
    return ENGLISH.get(value, value) if lang == "en" else value


def donor_type(key: str, lang: str = "zh") -> str:
    return text(f"donor_{key}", lang) if f"donor_{key}" in CATALOG else key


# the wish wall and the echo wall
CATALOG.update({
    "wish_unknown": ("没有第 {id} 号心愿。", "No wish number {id}."),
    "wish_taken": ("第 {id} 号心愿已由 {donor} 认领，一个心愿只能由一位爱心人士认领。", "Wish {id} was claimed by {donor} already; a wish has one donor."),
    "wish_wrong_status": ("第 {id} 号心愿现在是“{status}”，不能改为“{wanted}”。", "Wish {id} is {status_en}; it cannot become {wanted_en}."),
    "wish_text_missing": ("请填写{field}。", "The {field_en} is missing."),
    "wish_text_long": ("{field}太长：{length} 字，最多 {limit} 字。", "The {field_en} is too long: {length} characters, {limit} at most."),
    "wish_text_control": ("{field}里有不能显示的控制字符，请重新输入。", "The {field_en} holds control characters; type it again."),
    "wish_bad_category": ("没有“{category}”这个类别（可选：{known}）。", "No category '{category}' (choose: {known})."),
    "wish_bad_value": ("估价 {value} 分钱不对：应在 0 到 {high} 元之间。", "Estimated value {value} fen is not valid: 0 to {high} yuan."),
    "wish_bad_donor_type": ("认领方类型应为：{types}。", "The donor type must be one of: {types}."),
    "wish_bad_status": ("没有“{status}”这个状态（可选：{known}）。", "No status '{status}' (choose: {known})."),
    "wish_bad_month": ("月份 {year}-{month} 不对。", "Month {year}-{month} is not valid."),
    "wish_date_future": ("日期 {day} 还没到。", "The date {day} is in the future."),
    "wish_date_early": ("日期 {day} 早于心愿写下的日期 {earliest}。", "The date {day} is before the wish was written ({earliest})."),
})

# the county: packages, receipts, the county database, its reports and spot checks
CATALOG.update({
    "kind_county_receipt": ("县级回执", "county receipt"),
    # the village's side
    "county_no_ledger": ("本村台账还没有任何记录，无法确定本村编号。", "The village's ledger holds nothing yet; it has no id."),
    "county_ledger_bad": ("台账第 {seq} 笔与其记录的哈希不符，不能生成上报数据包。请先运行 aixin verify。", "Transaction #{seq} does not match its stored hash; no package is made. Run 'aixin verify'."),
    "county_nothing_new": ("县级已确认到第 {closure} 号月结，此后还没有新的月结，没有需要上报的内容。", "The county acknowledged closure {closure}; no closure since: nothing to package."),
    "county_package_gap": ("月结不连续：缺第 {number} 号（{month}），不能打包。", "Closures are not continuous: closure {number} ({month}) is missing; no package is made."),
    "county_package_made": ("已生成上报数据包：{path}\n  第 {closures} 号月结（{months}），交易第 {first}–{last} 笔", "Package written: {path}\n  closures {closures} ({months}), transactions #{first}–#{last}"),
    "county_key_line": ("签名密钥指纹：{fingerprint}（{algorithm}）", "Key fingerprint: {fingerprint} ({algorithm})"),
    "county_village_id_line": ("本村编号（台账第 1 笔的哈希）：{id}", "Village id (hash of ledger entry #1): {id}"),
    "county_sent": ("已放入县级收件箱（第 {id} 号）。", "Put into the county's inbox (number {id})."),
    "county_receipt_unreadable": ("这不是县级回执文件。", "This is not a county receipt."),
    "county_receipt_signature": ("回执的签名不对：回执被改动过，或不是县级签发的。", "The receipt's signature does not hold: it was changed, or the county did not issue it."),
    "county_receipt_other_village": ("这是给 {village} 的回执，不是本村的。", "This receipt is for {village}, not this village."),
    "county_receipt_not_ours": ("回执所说的第 {seq} 笔与本村台账不同：县级收到的不是本村现在的账本，请立即向乡镇报告。", "The receipt's transaction #{seq} differs from this ledger: the county holds another history. Report it to the township now."),
    "county_receipt_closure": ("回执所说的第 {number} 号月结（{month}）与本村的不同。", "The receipt's closure {number} ({month}) differs from this village's."),
    "county_receipt_key_changed": ("{county} 的签名密钥变了（现在 {fingerprint}，原来 {pinned}）。核实后用 --accept-key 接受。", "{county} signs with another key now ({fingerprint}, was {pinned}). Check, then accept with --accept-key."),
    "county_receipt_recorded": ("已记入台账（第 {seq} 笔）：{county} 已收到第 {closure} 号月结；下期公示将注明。", "Recorded as #{seq}: {county} has received closure {closure}; the next notice says so."),
    "county_receipt_known": ("这份回执已记入台账，或已有更新的回执（{county}，第 {closure} 号月结），未重复记录。", "This receipt, or a newer one, is recorded already ({county}, closure {closure}); nothing changed."),
    # the county database
    "county_db_needed": ("请用 --db 指定县级数据库（或设置 {env}）。", "Name the county database with --db (or {env})."),
    "county_db_missing": ("找不到县级数据库 {url}，请先运行 aixin county init。", "No county database at {url}; run 'aixin county init' first."),
    "county_not_set_up": ("县级数据库还没有建立，请先运行 aixin county init。", "The county database is not set up; run 'aixin county init'."),
    "county_exists": ("县级数据库已经建立（{name}）。", "The county database is set up already ({name})."),
    "county_needs_name": ("请填写县名。", "The county needs a name."),
    "county_wrong_role": ("只有县级管理员可以做此操作。", "This needs a county administrator."),
    "county_set_up": ("已建立 {county} 县级数据库，管理员 {admin}。", "County database of {county} set up; administrator {admin}."),
    "county_key_file": ("县级签名私钥：{path}（请备份；在其他电脑导入需复制此文件或设置 AIXIN_COUNTY_KEY）", "County signing key: {path} (back it up; another PC that imports needs a copy, or AIXIN_COUNTY_KEY)"),
    "county_key_missing": ("这台电脑没有县级签名私钥（{path}），不能签发回执。请复制密钥文件或设置 AIXIN_COUNTY_KEY。", "This PC has no county signing key ({path}); receipts cannot be signed. Copy the key file or set AIXIN_COUNTY_KEY."),
    "county_user_added": ("已添加县级用户 {username}（{role}）。", "County user {username} ({role}) added."),
    "county_import_nothing": ("请给出要导入的数据包文件，或用 --inbox。", "Name the package files to import, or use --inbox."),
    # what became of a package
    "county_imported": ("已导入 {village}：第 {closures} 号月结（{months}），新增交易 {transactions} 笔，全部重算核对无误。", "Imported {village}: closures {closures} ({months}), {transactions} new transactions, every figure recomputed."),
    "county_receipt_written": ("回执：{path}", "Receipt: {path}"),
    "county_import_note": ("注：{note}", "Note: {note}"),
    "county_package_imported": ("{file}：已导入。{reason}", "{file}: imported. {reason}"),
    "county_package_unchanged": ("{file}：县级已有，未作改动。{reason}", "{file}: held already; nothing changed. {reason}"),
    "county_package_held": ("{file}：暂存，等待接受新密钥。{reason}", "{file}: held for a new key. {reason}"),
    "county_package_refused": ("{file}：拒收，已留存为证据。{reason}", "{file}: refused, kept as evidence. {reason}"),
    "county_already_imported": ("此数据包已于先前导入（第 {id} 号）。", "This package was imported before (number {id})."),
    "county_nothing_new_here": ("数据包中的月结县级都已收到。", "The county holds every closure in it already."),
    "county_package_unreadable": ("不是可读的上报数据包：{detail}", "Not a readable package: {detail}"),
    "county_package_version": ("数据包格式第 {version} 版本程序不能读取（可读：{readable}），请升级程序。", "Package format version {version} is not readable here (readable: {readable}); upgrade the program."),
    "county_package_tampered": ("{village} 的数据包签名后被改动过：{detail}", "{village}'s package was changed after signing: {detail}"),
    "county_signature_bad": ("{village} 的数据包签名不对：清单被改动过，或不是用其声明的密钥签名的。", "{village}'s package signature does not hold: its manifest was changed, or another key signed it."),
    "county_line_bad": ("数据包中的交易不是台账的标准编码：{detail}", "A transaction in the package is not in the ledger's canonical encoding: {detail}"),
    "county_chain_bad": ("第 {seq} 笔交易不成立：{detail}", "Transaction #{seq} does not hold: {detail}"),
    "county_key_held": ("{village} 换了签名密钥（{fingerprint}）：请与该村公示上的指纹核对，再用 aixin county accept 接受。", "{village} signs with a new key ({fingerprint}): compare it with the village's notice, then run 'aixin county accept'."),
    "county_key_retired": ("{village} 的密钥 {fingerprint} 已停用，拒收。", "{village}'s key {fingerprint} is retired; refused."),
    "county_segment_gap": ("{village} 的数据包从第 {first} 笔开始，县级只有到第 {head} 笔：请先导入此前的数据包。", "{village}'s package begins at #{first}; the county holds up to #{head}: import the packages before it first."),
    "county_fork": ("{village} 的账本与县级已收到的不同，从第 {seq} 笔起分叉（县级：{here}；数据包：{there}）。已拒收并留存为证据。", "{village}'s ledger differs from what the county received, from transaction #{seq} (county: {here}; package: {there}). Refused and kept as evidence."),
    "county_closure_mismatch": ("{village} 第 {number} 号月结（{month}）与台账重算结果不符：{detail}", "{village} closure {number} ({month}) disagrees with the recomputation: {detail}"),
    "county_closure_fork": ("{village} 第 {number} 号月结（{month}）与县级已收到的不同。", "{village} closure {number} ({month}) differs from the one the county holds."),
    # keys
    "county_keystatus_pinned": ("使用中", "in use"),
    "county_keystatus_held": ("待接受", "waiting"),
    "county_keystatus_replaced": ("已更换", "replaced"),
    "county_keystatus_retired": ("已停用", "retired"),
    "county_key_waiting": ("{count} 个数据包暂存", "{count} packages held"),
    "county_key_unknown": ("找不到指纹为 {fingerprint} 的密钥（至少给出前 8 位）。", "No key with fingerprint {fingerprint} (give 8 digits at least)."),
    "county_key_not_held": ("密钥 {fingerprint} 不在待接受状态（{status}）。", "Key {fingerprint} is not waiting ({status})."),
    "county_key_accepted": ("已接受密钥 {fingerprint}。", "Key {fingerprint} accepted."),
    "county_key_retired_line": ("已停用 {village} 的密钥 {fingerprint}；导出细则时会带回各村。", "{village}'s key {fingerprint} retired; the rules export carries it to the villages."),
    "county_village_line": ("第 {closure} 号月结，第 {seq} 笔，密钥 {fingerprint}", "closure {closure}, #{seq}, key {fingerprint}"),
    "county_village_unknown": ("县级没有村“{village}”，或不止一个（请用村编号的前几位）。", "No village '{village}' at the county, or more than one (give the start of its id)."),
    "county_month_missing": ("县级还没有 {village} {month} 的月结。", "The county holds no closure of {village} for {month}."),
    # rules
    "county_rules_bad": ("细则文件第 {row} 行不对。", "Row {row} of the rules file is not valid."),
    "county_rules_loaded": ("已载入 {count} 条县级参考细则。", "{count} reference rules loaded."),
    "county_rules_exported": ("已导出 {rules} 条细则、{retired} 个已停用密钥：{path}（县级密钥 {fingerprint}）", "{rules} rules and {retired} retired keys exported: {path} (county key {fingerprint})"),
    "county_rules_unreadable": ("这不是县级细则文件。", "This is not a county rules file."),
    "county_rules_signature": ("细则文件的签名不对：被改动过，或不是县级签发的。", "The rules file's signature does not hold: it was changed, or the county did not issue it."),
    "county_rules_from": ("{county} 的参考细则（{issued}，密钥 {fingerprint}）：", "Reference rules of {county} ({issued}, key {fingerprint}):"),
    "county_rules_new": ("新增", "new"),
    "county_rules_changed": ("不同", "differs"),
    "county_rules_was": ("（本村：{was}）", " (here: {was})"),
    "county_rules_same": ("本村细则与县级参考一致。", "This village's rules match the reference."),
    "county_rules_kept": ("本村自有、县级参考没有的细则保持不变：{codes}", "This village's own rules, not in the reference, stay: {codes}"),
    "county_rules_key_retired": ("县级已停用本村的签名密钥：采用（--yes）后下次上报将使用新密钥。", "The county retired this village's key: with --yes, the next package is signed with a new key."),
    "county_rules_key_rotated": ("县级已停用本村的签名密钥：旧密钥已搁置，下次上报将使用新密钥，请在公示上印出新指纹。", "The county retired this village's key: it was put aside; the next package uses a new key, printed on the next notice."),
    "county_rules_taken": ("已采用 {count} 条（每条都已记入台账）。", "{count} taken (each chained)."),
    "county_rules_ask": ("以上差异尚未采用；确认后加 --yes 采用（或 --only 编号 只采用部分）。", "Nothing taken yet: add --yes to take these (or --only CODE for some)."),
    # reports
    "county_report_title": ("{county} {month} 月度汇总（截至 {as_of}）", "{county}, {month} (as of {as_of})"),
    "county_report_written": ("已写出 {book} 和 {pdf}", "Written {book} and {pdf}"),
    "county_summary_title": ("{county}爱心超市月度汇总（{month}）", "{county} love supermarkets, {month}"),
    "county_summary_subtitle": ("截至 {as_of} · 共 {villages} 个村，{reported} 个村本月数据已核验入库 · 月末 {days} 天后未收到为逾期", "as of {as_of} · {villages} villages, {reported} with the month checked and stored · late {days} days after the month"),
    "county_summary_more": ("……另有 {n} 项，见 Excel 工作簿。", "... {n} more in the workbook."),
    "county_summary_footer": ("{county} · {month} · 各数均取自已核验的月结（aixin county report）", "{county} · {month} · every figure from checked closures (aixin county report)"),
    "county_status_verified": ("已核验", "verified"),
    "county_status_imported": ("已入库（有注）", "stored, with notes"),
    "county_status_held": ("待接受密钥", "held (key)"),
    "county_status_refused": ("拒收", "refused"),
    "county_status_late": ("逾期未报", "late"),
    "county_status_due": ("待报", "due"),
    "county_status_open": ("未结束", "not ended"),
    "county_status_before": ("—", "—"),
    "county_attention_late": ("{village}：{month} 逾期未报", "{village}: {month} is late"),
    "county_attention_refused": ("{village}：{month} 的数据包被拒收", "{village}: the package for {month} was refused"),
    "county_attention_held": ("{village}：{month} 的数据包等待接受新密钥", "{village}: the package for {month} waits for a new key"),
    "county_attention_key": ("{village}：{count} 个新密钥待核对接受", "{village}: {count} new keys to check"),
    "county_attention_findings": ("{village}：抽查发现 {count} 处与县级记录不符", "{village}: {count} spot-check findings differ"),
    "county_attention_outlier": ("{village}：户均{figure} {value}，全县中位数 {median}（相近的村：{near}）", "{village}: {figure} per household {value}, county median {median} (villages near it: {near})"),
    "county_fig_households": ("在用积分卡户数", "households with a card in use"),
    "county_fig_issued": ("发放积分", "points issued"),
    "county_fig_issued_cards": ("其中：新卡基础积分", "of which base points on new cards"),
    "county_fig_awarded": ("其中：奖励加分", "of which awards"),
    "county_fig_category": ("加分：{name}", "awarded: {name}"),
    "county_fig_deducted": ("扣分", "points deducted"),
    "county_fig_redeemed": ("兑换积分", "points redeemed"),
    "county_fig_zone": ("兑换：{name}", "redeemed: {name}"),
    "county_fig_outstanding": ("在册积分余额", "points outstanding"),
    "county_fig_outstanding_fen": ("在册积分折合（元）", "outstanding, yuan"),
    "county_fig_donations": ("收到捐赠（笔 / 元）", "donations (lines / yuan)"),
    "county_fig_purchases": ("采购（元）", "purchases (yuan)"),
    "county_fig_counts": ("盘点差异（项 / 元）", "stock-count differences (lines / yuan)"),
    "county_fig_writeoffs": ("报损（元）", "written off (yuan)"),
    "county_fig_reversals": ("冲正（笔）", "reversals"),
    "county_fig_after_hours": ("营业时间外兑换（笔）", "redemptions after hours"),
    "county_sheet_totals": ("全县合计", "county"),
    "county_sheet_villages": ("各村", "villages"),
    "county_sheet_grid": ("上报状态", "status"),
    "county_sheet_compare": ("户均比较", "per household"),
    "county_sheet_details": ("分类与分区", "categories and zones"),
    "county_sheet_attention": ("需要关注", "attention"),
    "county_col_item": ("项目", "item"),
    "county_col_value": ("数值", "value"),
    "county_col_village": ("村", "village"),
    "county_col_village_id": ("村编号", "village id"),
    "county_col_status": ("本月状态", "status"),
    "county_col_fingerprint": ("密钥指纹", "key fingerprint"),
    "county_col_key_changes": ("换过密钥", "key changes"),
    "county_col_refused": ("拒收数据包", "packages refused"),
    "county_col_figure": ("指标", "figure"),
    "county_col_per_household": ("户均", "per household"),
    "county_col_median": ("全县中位数", "county median"),
    "county_col_spread": ("离散度", "spread"),
    "county_col_flagged": ("异常", "outlier"),
    "county_col_near": ("相近的村", "villages near the median"),
    "county_col_section": ("类别", "section"),
    "county_col_name": ("名称", "name"),
    "county_col_quantity": ("件数", "quantity"),
    "county_col_points": ("积分", "points"),
    "county_section_category": ("加分分类", "award category"),
    "county_section_zone": ("兑换分区", "goods zone"),
    # spot checks
    "county_spotcheck_drawn": ("已抽取第 {id} 号抽查：{village} {month}，{households} 户、{goods} 种商品。", "Spot check {id} drawn: {village} {month}, {households} households, {goods} goods."),
    "county_spotcheck_written": ("清单：{pdf}；核实后填写 {sheet} 的“found”列，再运行 aixin county findings。", "Visit list: {pdf}; fill in the 'found' column of {sheet}, then run 'aixin county findings'."),
    "county_visit_title": ("{village} 走访核实与现场抽查盘点清单", "{village}: visit list and stock sheet"),
    "county_visit_subtitle": ("抽查第 {id} 号 · {month}（第 {closure} 号月结）· 县级记录截至第 {seq} 笔", "spot check {id} · {month} (closure {closure}) · the county's copy through #{seq}"),
    "county_visit_instructions": ("核实余额：以农户手中最新的余额单或小票为准，填入“核实余额”；若农户在本月之后又有加分或兑换，请一并记下。实盘数量：逐件清点货架与库房。核实后把数字填入同名 CSV 的 found 列（第 {id} 号抽查），运行 aixin county findings 录入，不符之处会标出。", "Check each balance against the villager's newest balance slip or receipt; note movements after the month. Count each goods on the shelf and in the store room. Enter the figures in the 'found' column of the CSV of spot check {id} and run 'aixin county findings': every difference is flagged."),
    "county_visit_footer": ("{village} · 抽查第 {id} 号 · 随机种子 {seed}", "{village} · spot check {id} · seed {seed}"),
    "county_month_line": ("月结：期初 {opening}，得 {earned}，扣 {deducted}，兑 {redeemed}，期末 {closing}", "month: opening {opening}, earned {earned}, deducted {deducted}, redeemed {redeemed}, closing {closing}"),
    "county_drawn_flags": ("村级审计提示 {flags} 条", "{flags} audit flags"),
    "county_drawn_high": ("本月得分远高于本村一般水平", "earned far above the village's usual"),
    "county_drawn_random": ("随机", "at random"),
    "county_findings_bad": ("抽查结果文件第 {row} 行不对（抽查编号、类别或编号与抽取时不符）。", "Row {row} of the findings file is not valid (spot check, kind or reference unknown)."),
    "county_findings_entered": ("已录入 {count} 项核实结果，{differ} 项与县级记录不符。", "{count} findings entered; {differ} differ from the county's copy."),
    "county_finding_differs": ("  不符：{name}（{ref}）县级记录 {expected}，核实 {found}", "  differs: {name} ({ref}) county {expected}, found {found}"),
    # rebuilding a village
    "county_restore_target_exists": ("{url} 已经存在或不是空数据库；重建只写入新的空数据库。", "{url} exists or is not empty; a rebuild writes a new, empty database only."),
    "county_rebuilt": ("已从县级副本重建 {village}：{url}\n  交易 {transactions} 笔，月结 {closures} 个，账头第 {seq} 笔 {hash}", "{village} rebuilt from the county's copy: {url}\n  {transactions} transactions, {closures} closures, head #{seq} {hash}"),
    "county_rebuilt_verified": ("重建的数据库通过完整校验（台账与本店全部事实）。", "The rebuilt database passes verify and the shop's whole proof."),
    "county_rebuilt_not_verified": ("重建的数据库未通过校验：", "The rebuilt database fails its checks:"),
    "county_rebuilt_passwords": ("台账只保存密码的摘要，无法恢复原密码。每位用户的一次性新密码如下（已作为用户变更记入台账，下次审计会列出）；请当面交给本人，登录后立即修改：", "The chain keeps only a digest of each password; the old ones cannot come back. Each user's one-time password follows (each reset is chained, and the next audit lists it); hand them over in person, to be changed at first login:"),
    "county_rebuilt_inactive": ("（已停用，不能登录）", "(deactivated, cannot log in)"),
    "county_rebuilt_lost": ("未上报县级、无法恢复：各户电话与人口（每户记为 1 人，请重新录入）、心愿墙、打印队列、登录记录、用户与本户的关联。", "Never sent to the county and not rebuilt: households' phones and people counts (set to 1 person; enter them again), the wish wall, print jobs, login records, users' links to their households."),
    "county_demo_built": ("演示村 {village}：{transactions} 笔，月结 {closures} 个。", "Demo village {village}: {transactions} transactions, {closures} closures."),
})


class OneOf(tuple):
    """Alternatives in a message: 管理员或监督员, an administrator or supervisor."""


class AllOf(tuple):
    """A list in a message: 粮油区、日用品区, grain & oil, daily goods."""


# The catalogue's key prefix for each of the shop's fixed words (pos.vocabulary).
WORD_PREFIXES = {
    "Role": "role", "Kind": "kind", "CardStatus": "card_status", "HouseholdStatus": "household_status",
    "JobStatus": "job", "WishStatus": "wish_status", "Source": "source",
}


def word(value, lang: str = "zh") -> str:
    """One of the shop's fixed words (a role, a kind, a status) as a person reads it."""
    prefix = WORD_PREFIXES.get(type(value).__name__)
    if prefix is None:
        return str(value)
    key = f"{prefix}_{value}"
    return text(key, lang) if key in CATALOG else str(value)


def _worded(value, lang: str):
    if isinstance(value, OneOf):
        return ("或" if lang != "en" else " or ").join(_worded(v, lang) for v in value)
    if isinstance(value, AllOf):
        return ("、" if lang != "en" else ", ").join(_worded(v, lang) for v in value)
    if type(value).__name__ in WORD_PREFIXES:
        return word(value, lang)
    return value


def text(key: str, lang: str = "zh", **params) -> str:
    zh, en = CATALOG.get(key, (key, key))
    template = en if lang == "en" else zh
    try:
        return template.format(**{name: _worded(value, lang) for name, value in params.items()})
    except (KeyError, IndexError):
        return template
