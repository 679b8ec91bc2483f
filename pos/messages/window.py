"""How a refusal reads in the counter window, where the command line's words would send a
village administrator to a terminal they never open ("运行 aixin printer setup").

A key here is ``window_`` and a refusal's key; the window says this instead of the refusal's
own text (which the command line keeps). Every refusal the window can meet and that names a
command has one: the window speaks of its own screens and buttons.
"""

from __future__ import annotations

CATALOG: dict[str, tuple[str, str]] = {
    "window_printer_not_configured": (
        "还没有设置小票打印机：到“设置 → 打印机”选好串口并保存。小票已排队，设置好后点“补打全部待打印”。",
        "No receipt printer is set up: choose its port under Settings → Printer and save. The receipt "
        "is queued; print it afterwards with 'Print all waiting'.",
    ),
    "window_closure_ledger_bad": (
        "台账校验未通过（第 {seq} 笔：{detail}），不能月结。请不要再记账，把这段话告诉乡镇或县里的维护人员核查。",
        "The ledger fails its check (#{seq}: {detail}); the month cannot be closed. Stop entering and tell "
        "the township's or county's maintainer.",
    ),
    "window_db_empty": (
        "数据库文件 {path} 是空的（0 字节），里面没有任何账，没有把它当成新村。有备份的话，请在"
        "“设置 → 备份与恢复”里恢复（需监督员审批）；确实是新村，请把这个空文件移走后重新打开程序。",
        "The database file {path} is empty (0 bytes) and holds no books; it was not taken for a new "
        "village. Restore a backup under Settings → Backup and restore (a supervisor approves); if this "
        "really is a new village, move the empty file away and open the program again.",
    ),
    "window_db_damaged": (
        "数据库文件 {path} 已损坏，不能使用（{detail}）。请不要再往里写：用最近一份检查通过的备份恢复"
        "（“设置 → 备份与恢复”，需监督员审批），或请维护人员帮忙。",
        "The database file {path} is damaged and cannot be used ({detail}). Do not write to it: restore "
        "the newest backup that passes its checks (Settings → Backup and restore, a supervisor approves), "
        "or ask the maintainer.",
    ),
    "window_county_key_held": (
        "{village} 换了签名密钥（{fingerprint}）：请与该村公示上的指纹核对，再到“村级密钥（F4）”里接受。",
        "{village} signs with a new key ({fingerprint}): compare it with the village's notice, then accept "
        "it under Village keys (F4).",
    ),
    "window_village_missing": (
        "还没有设置本村：请关闭程序后重新打开，按第一次使用的提示设置。",
        "The village is not set up: close the program and open it again to set it up.",
    ),
}
