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
    "internal_error": ("程序出错，操作未完成，数据未改动。详情已写入日志：{log}", "Internal error; nothing was changed. Details are in the log: {log}"),
}


def text(key: str, lang: str = "zh", **params) -> str:
    zh, en = CATALOG.get(key, (key, key))
    template = en if lang == "en" else zh
    try:
        return template.format(**params)
    except (KeyError, IndexError):
        return template
