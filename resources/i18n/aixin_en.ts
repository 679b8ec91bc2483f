<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name></name>
    <message>
        <location filename="../../ui/supervisor/audit.py" line="121"/>
        <location filename="../../ui/supervisor/audit.py" line="131"/>
        <location filename="../../ui/wishes/forms.py" line="71"/>
        <source>类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/audit.py" line="122"/>
        <location filename="../../ui/supervisor/audit.py" line="131"/>
        <source>操作员</source>
        <translation>Operator</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/audit.py" line="123"/>
        <location filename="../../ui/supervisor/audit.py" line="132"/>
        <source>农户</source>
        <translation>Household</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/audit.py" line="126"/>
        <location filename="../../ui/supervisor/audit.py" line="132"/>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/audit.py" line="127"/>
        <source>重新读取</source>
        <translation>Reload</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/audit.py" line="144"/>
        <source>本月操作</source>
        <translation>This month&apos;s entries</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/audit.py" line="149"/>
        <source>需要监督员查看的提示</source>
        <translation>Alerts for the supervisor</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/audit.py" line="169"/>
        <location filename="../../ui/supervisor/audit.py" line="302"/>
        <source>选中一条提示，查看并写审核意见。</source>
        <translation>Select an alert to view it and write a review note.</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/audit.py" line="177"/>
        <source>审核意见，如：已核实，是顾客退货</source>
        <translation>Review note, e.g.: checked, it was a customer return</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/audit.py" line="179"/>
        <source>记录审核意见</source>
        <translation>Record review note</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/audit.py" line="181"/>
        <source>审核意见记录后不能修改；如需补充，可再写一条。</source>
        <translation>A review note cannot be changed once recorded; to add more, write another one.</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/audit.py" line="183"/>
        <source>审核须由监督员（第一书记）登录后记录；管理员只能查看。</source>
        <translation>Reviews are recorded by the supervisor (first secretary) when logged in; administrators can only view.</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/audit.py" line="189"/>
        <source>审核</source>
        <translation>Review</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/audit.py" line="221"/>
        <source>正在读取本月台账并逐笔检查……</source>
        <translation>Reading this month&apos;s ledger and checking every entry…</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/audit.py" line="230"/>
        <source>已月结（第 %1 号）</source>
        <translation>Closed (closing no. %1)</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/audit.py" line="231"/>
        <location filename="../../ui/supervisor/screen.py" line="46"/>
        <source>未月结</source>
        <translation>Not closed</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/audit.py" line="234"/>
        <source>%1：%2。%3。共 %4 项操作，%5 条提示，其中 %6 条待审核。</source>
        <translation>%1: %2. %3. %4 entries, %5 alerts, %6 awaiting review.</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/audit.py" line="243"/>
        <source>需要监督员查看的提示（%1 条，待审核 %2 条）</source>
        <translation>Alerts for the supervisor (%1, %2 awaiting review)</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/audit.py" line="258"/>
        <source>全部类别</source>
        <translation>All categories</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/audit.py" line="259"/>
        <source>全部操作员</source>
        <translation>All operators</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/audit.py" line="260"/>
        <source>全部农户</source>
        <translation>All households</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/audit.py" line="261"/>
        <source>全部日期</source>
        <translation>All dates</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/audit.py" line="283"/>
        <source>本月操作（显示 %1 项，共 %2 项）</source>
        <translation>This month&apos;s entries (showing %1 of %2)</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/audit.py" line="301"/>
        <source>本月没有需要审核的提示。</source>
        <translation>No alerts to review this month.</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/audit.py" line="79"/>
        <location filename="../../ui/supervisor/audit.py" line="306"/>
        <source>已审核</source>
        <translation>Reviewed</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/audit.py" line="37"/>
        <location filename="../../ui/wishes/wall.py" line="43"/>
        <source>%1月%2日</source>
        <translation>%1/%2</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/audit.py" line="62"/>
        <source> / 审批 %1</source>
        <translation> / approved by %1</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/audit.py" line="72"/>
        <source>第 %1 户</source>
        <translation>household %1</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/audit.py" line="74"/>
        <source> 等 %1 户</source>
        <translation> and others (%1 households)</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/audit.py" line="79"/>
        <location filename="../../ui/supervisor/audit.py" line="306"/>
        <source>待审核</source>
        <translation>Awaiting review</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/audit.py" line="308"/>
        <source>【%1·%2】%3</source>
        <translation>[%1 · %2] %3</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/audit.py" line="324"/>
        <source>已记录对“%1”的审核意见。</source>
        <translation>Review note recorded for “%1”.</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/close.py" line="49"/>
        <location filename="../../ui/supervisor/close.py" line="210"/>
        <source>本月</source>
        <translation>This month</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/close.py" line="49"/>
        <source>累计（从不清零）</source>
        <translation>Running total (never reset)</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/close.py" line="49"/>
        <location filename="../../ui/supervisor/close.py" line="210"/>
        <source>账目</source>
        <translation>Books</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/close.py" line="50"/>
        <source>交易范围</source>
        <translation>Entry range</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/close.py" line="50"/>
        <source>第 %1–%2 笔（%3 笔）</source>
        <translation>Nos. %1–%2 (%3 entries)</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/close.py" line="53"/>
        <source>兑换分区</source>
        <translation>Redemptions by zone</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/close.py" line="53"/>
        <source>%1 件，%2 分</source>
        <translation>%1 items, %2 points</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/close.py" line="57"/>
        <source>在册农户</source>
        <translation>Registered households</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/close.py" line="58"/>
        <source>捐赠入库</source>
        <translation>Donations received</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/close.py" line="58"/>
        <location filename="../../ui/supervisor/close.py" line="59"/>
        <source>%1 笔</source>
        <translation>%1 entries</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/close.py" line="59"/>
        <source>采购入库</source>
        <translation>Purchases received</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/close.py" line="60"/>
        <source>本月末笔哈希</source>
        <translation>Hash of the month&apos;s last entry</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/close.py" line="61"/>
        <source>上期月结哈希</source>
        <translation>Previous closing hash</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/close.py" line="62"/>
        <source>账头</source>
        <translation>Ledger head</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/close.py" line="62"/>
        <source>第 %1 笔 %2…</source>
        <translation>No. %1 %2…</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/close.py" line="66"/>
        <source>月结哈希</source>
        <translation>Closing hash</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/close.py" line="80"/>
        <source>月结前请逐项核对下列合计（都由台账重新计算并与余额核对）。月结后，本月不能再记入任何交易；每月只能月结一次，须按月份顺序进行。</source>
        <translation>Before closing, check each total below (all recomputed from the ledger and checked against the balances). After closing, nothing more can be entered for this month; each month is closed once, in month order.</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/close.py" line="102"/>
        <source>重新计算</source>
        <translation>Recompute</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/close.py" line="104"/>
        <source>核对无误，月结</source>
        <translation>All correct, close the month</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/close.py" line="107"/>
        <source>月结须由监督员（第一书记）登录后进行；管理员可以查看合计。</source>
        <translation>The month is closed by the supervisor (first secretary) when logged in; administrators can view the totals.</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/close.py" line="142"/>
        <source>本月已月结</source>
        <translation>This month is closed</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/close.py" line="144"/>
        <source>核对无误，月结 %1</source>
        <translation>All correct, close %1</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/close.py" line="161"/>
        <source>%1：正在计算合计……</source>
        <translation>%1: computing totals…</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/close.py" line="164"/>
        <source>正在由台账重新计算本月合计……</source>
        <translation>Recomputing this month&apos;s totals from the ledger…</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/close.py" line="176"/>
        <source>%1 尚未月结：以下是将要月结的合计（第 %2 号月结）。</source>
        <translation>%1 is not closed yet: these are the totals to be closed (closing no. %2).</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/close.py" line="187"/>
        <source>%1 现在不能月结。</source>
        <translation>%1 cannot be closed now.</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/close.py" line="189"/>
        <source>原因：%1</source>
        <translation>Reason: %1</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/close.py" line="197"/>
        <source>%1 已月结：第 %2 号，%3 由 %4 月结。</source>
        <translation>%1 is closed: no. %2, closed %3 by %4.</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/close.py" line="211"/>
        <source>%1 月结（第 %2 号）：以下合计将被封存，写入公示。</source>
        <translation>Closing %1 (no. %2): these totals will be sealed and printed on the notice.</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/close.py" line="226"/>
        <source>正在月结……</source>
        <translation>Closing the month…</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/close.py" line="241"/>
        <source>%1 已月结：第 %2 号。请到“公示”页打印公示并张贴。</source>
        <translation>%1 is closed: no. %2. Go to the “Public notice” page to print the notice and post it.</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/notice.py" line="40"/>
        <source>姓名中间用 * 隐去（王*芳）</source>
        <translation>Mask names with * (Wang*fang)</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/notice.py" line="42"/>
        <source>打印公示</source>
        <translation>Print notice</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/notice.py" line="43"/>
        <source>在系统的 PDF 阅读器中打开，从那里打印</source>
        <translation>Opens in the system&apos;s PDF reader; print from there</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/notice.py" line="45"/>
        <source>打印光荣榜</source>
        <translation>Print honour roll</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/notice.py" line="46"/>
        <source>本月与全年按规则得分最多的农户，A4 海报，在 PDF 阅读器中打开</source>
        <translation>The households that earned most by the rules this month and this year: an A4 poster, opened in the PDF viewer</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/notice.py" line="48"/>
        <source>另存 PDF…</source>
        <translation>Save PDF as…</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/notice.py" line="50"/>
        <source>（预览）</source>
        <translation>(preview)</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/notice.py" line="63"/>
        <source>复制</source>
        <translation>Copy</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/notice.py" line="68"/>
        <source>公示每页底部的二维码就是这段文字。日后任何人拿着公示，都可以请维护人员用它核对账本是否被改过。</source>
        <translation>The QR code at the foot of each notice page holds this text. Later, anyone with the notice can ask a technician to use it to check whether the ledger was changed.</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/notice.py" line="73"/>
        <source>纸张</source>
        <translation>Paper</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/notice.py" line="82"/>
        <source>二维码内容</source>
        <translation>QR code text</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/notice.py" line="107"/>
        <source>%1 还没有月结：月结后才能生成公示。</source>
        <translation>%1 is not closed yet: the notice can be made only after closing.</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/notice.py" line="108"/>
        <source>（月结后显示公示的第一页）</source>
        <translation>(the notice&apos;s first page shows here after closing)</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/notice.py" line="110"/>
        <source>%1 公示（第 %2 号月结）</source>
        <translation>%1 public notice (closing no. %2)</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/notice.py" line="148"/>
        <source>正在生成公示 PDF……</source>
        <translation>Making the notice PDF…</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/notice.py" line="156"/>
        <source>%1 %2
%3 户，%4 页（%5）
张贴期：%6
异议电话：%7</source>
        <translation>%1 %2
%3 households, %4 pages (%5)
Posted: %6
Phone for objections: %7</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/notice.py" line="160"/>
        <source>（未设置）</source>
        <translation>(not set)</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/notice.py" line="169"/>
        <source>公示已在 PDF 阅读器中打开，请从那里打印（%1 页）。</source>
        <translation>The notice is open in the PDF viewer; print it from there (%1 pages).</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/notice.py" line="185"/>
        <source>光荣榜已在 PDF 阅读器中打开，请从那里打印（%1 页）。</source>
        <translation>The honour roll is open in the PDF viewer; print it from there (%1 page(s)).</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/notice.py" line="192"/>
        <source>另存公示</source>
        <translation>Save notice as</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/notice.py" line="193"/>
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/notice.py" line="196"/>
        <source>已另存为 %1</source>
        <translation>Saved as %1</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/statement.py" line="37"/>
        <location filename="../../ui/wishes/forms.py" line="49"/>
        <source>扫描积分卡，或输入卡号后按回车</source>
        <translation>Scan a point card, or type the card number and press Enter</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/statement.py" line="39"/>
        <source>查看明细</source>
        <translation>Show statement</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/statement.py" line="41"/>
        <source>打印明细（PDF）</source>
        <translation>Print statement (PDF)</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/statement.py" line="44"/>
        <source>打印小票</source>
        <translation>Print receipt</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/statement.py" line="45"/>
        <source>在收银台的小票打印机上打印这一户本月的明细</source>
        <translation>Print this household&apos;s statement for the month on the counter&apos;s receipt printer</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/statement.py" line="48"/>
        <location filename="../../ui/wishes/screen.py" line="313"/>
        <source>请扫描村民的积分卡。</source>
        <translation>Please scan the villager&apos;s point card.</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/statement.py" line="55"/>
        <location filename="../../ui/wishes/forms.py" line="68"/>
        <source>积分卡</source>
        <translation>Point card</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/statement.py" line="83"/>
        <source>%1（%2）%3：期初 %4 分，%5 笔，期末 %6 分</source>
        <translation>%1 (%2) %3: opening %4 points, %5 entries, closing %6 points</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/statement.py" line="104"/>
        <source>%1 的本月明细小票已打印。</source>
        <translation>%1&apos;s statement for the month is printed.</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/statement.py" line="107"/>
        <source>明细已在 PDF 阅读器中打开，请从那里打印。</source>
        <translation>The statement is open in the PDF reader; print it from there.</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/export.py" line="25"/>
        <source>导出本月台账、月结、审计提示与审核记录、公示数据：每张表一份 CSV，另有一个 Excel 工作簿；附 SHA-256 清单和独立的校验脚本 verify_export.py，乡镇可据此核对整条哈希链。</source>
        <translation>Exports the month&apos;s ledger, closing, audit alerts and review notes, and notice data: one CSV per table plus an Excel workbook, with a SHA-256 list and a stand-alone check script, verify_export.py, so the township can check the whole hash chain.</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/export.py" line="31"/>
        <source>选择文件夹…</source>
        <translation>Choose folder…</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/export.py" line="33"/>
        <source>导出</source>
        <translation>Export</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/export.py" line="36"/>
        <source>打开导出的文件夹</source>
        <translation>Open the export folder</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/export.py" line="44"/>
        <source>导出到</source>
        <translation>Export to</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/export.py" line="65"/>
        <source>导出 %1</source>
        <translation>Export %1</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/export.py" line="66"/>
        <source>%1：第 %2 号月结</source>
        <translation>%1: closing no. %2</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/export.py" line="67"/>
        <source>%1 还没有月结：月结后才能导出。</source>
        <translation>%1 is not closed yet: it can be exported only after closing.</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/export.py" line="70"/>
        <source>导出到哪个文件夹</source>
        <translation>Folder to export to</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/export.py" line="95"/>
        <source>正在导出……</source>
        <translation>Exporting…</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/export.py" line="101"/>
        <source>已导出到：%1
共 %2 个文件：%3</source>
        <translation>Exported to: %1
%2 files: %3</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/export.py" line="103"/>
        <source>已导出 %1 个文件到 %2</source>
        <translation>Exported %1 files to %2</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/screen.py" line="61"/>
        <source>月份</source>
        <translation>Month</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/screen.py" line="72"/>
        <source>监督审计</source>
        <translation>Audit</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/screen.py" line="72"/>
        <source>月结</source>
        <translation>Monthly closing</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/screen.py" line="73"/>
        <source>公示</source>
        <translation>Public notice</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/screen.py" line="73"/>
        <source>农户明细</source>
        <translation>Household statement</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/screen.py" line="74"/>
        <source>审计导出</source>
        <translation>Audit export</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/screen.py" line="143"/>
        <location filename="../../ui/wishes/wall.py" line="191"/>
        <source>%1（%2）</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/screen.py" line="40"/>
        <source>已月结 第 %1 号</source>
        <translation>Closed, no. %1</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/screen.py" line="43"/>
        <source>待月结</source>
        <translation>To be closed</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/screen.py" line="45"/>
        <source>本月，未结束</source>
        <translation>This month, not over</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/screen.py" line="41"/>
        <source>已月结（第 %1 号），可出公示和导出</source>
        <translation>Closed (no. %1): notice and export available</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/screen.py" line="43"/>
        <source>下一个应当月结的月份</source>
        <translation>The next month to close</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/screen.py" line="45"/>
        <source>本月还没有结束，月底后才能月结</source>
        <translation>This month is not over yet; it can be closed after month end</translation>
    </message>
    <message>
        <location filename="../../ui/wishes/wall.py" line="66"/>
        <source>%1 · %2写</source>
        <translation>%1 · written %2</translation>
    </message>
    <message>
        <location filename="../../ui/wishes/wall.py" line="68"/>
        <source>认领：%1</source>
        <translation>Taken up by: %1</translation>
    </message>
    <message>
        <location filename="../../ui/wishes/screen.py" line="262"/>
        <location filename="../../ui/wishes/wall.py" line="70"/>
        <source>回音：%1</source>
        <translation>Echo: %1</translation>
    </message>
    <message>
        <location filename="../../ui/wishes/forms.py" line="51"/>
        <location filename="../../ui/wishes/forms.py" line="84"/>
        <source>请扫描村民的积分卡</source>
        <translation>Please scan the villager&apos;s point card</translation>
    </message>
    <message>
        <location filename="../../ui/wishes/forms.py" line="54"/>
        <source>村民的原话，如：孙女上初中，想要一个新书包</source>
        <translation>The villager&apos;s own words, e.g.: granddaughter starts middle school, would like a new school bag</translation>
    </message>
    <message>
        <location filename="../../ui/wishes/forms.py" line="57"/>
        <source>请选择类别</source>
        <translation>Choose a category</translation>
    </message>
    <message>
        <location filename="../../ui/wishes/forms.py" line="60"/>
        <location filename="../../ui/wishes/forms.py" line="153"/>
        <source>可不填</source>
        <translation>Optional</translation>
    </message>
    <message>
        <location filename="../../ui/wishes/forms.py" line="64"/>
        <source> 元</source>
        <translation> yuan</translation>
    </message>
    <message>
        <location filename="../../ui/wishes/forms.py" line="65"/>
        <source>村民同意在心愿墙上公开姓名</source>
        <translation>The villager agrees to show the name on the wish wall</translation>
    </message>
    <message>
        <location filename="../../ui/wishes/forms.py" line="46"/>
        <source>写上心愿墙</source>
        <translation>Put on the wish wall</translation>
    </message>
    <message>
        <location filename="../../ui/wishes/forms.py" line="70"/>
        <source>心愿</source>
        <translation>Wish</translation>
    </message>
    <message>
        <location filename="../../ui/wishes/forms.py" line="72"/>
        <source>为哪位家人</source>
        <translation>For which family member</translation>
    </message>
    <message>
        <location filename="../../ui/wishes/forms.py" line="73"/>
        <source>估价</source>
        <translation>Estimated value</translation>
    </message>
    <message>
        <location filename="../../ui/wishes/forms.py" line="46"/>
        <source>写心愿</source>
        <translation>Write a wish</translation>
    </message>
    <message>
        <location filename="../../ui/wishes/forms.py" line="91"/>
        <source>%1 %2（%3 口人）</source>
        <translation>%1 %2 (%3 people)</translation>
    </message>
    <message>
        <location filename="../../ui/wishes/forms.py" line="103"/>
        <source>请选择心愿的类别。</source>
        <translation>Choose the wish&apos;s category.</translation>
    </message>
    <message>
        <location filename="../../ui/wishes/forms.py" line="115"/>
        <source>已写上心愿墙：第 %1 号，%2 的心愿“%3”。</source>
        <translation>On the wish wall: no. %1, %2&apos;s wish “%3”.</translation>
    </message>
    <message>
        <location filename="../../ui/wishes/forms.py" line="122"/>
        <source>爱心企业、单位或个人的名称</source>
        <translation>Name of the caring company, organisation or person</translation>
    </message>
    <message>
        <location filename="../../ui/wishes/forms.py" line="127"/>
        <source>联系人及电话</source>
        <translation>Contact person and phone</translation>
    </message>
    <message>
        <location filename="../../ui/wishes/forms.py" line="121"/>
        <source>认领</source>
        <translation>Take up</translation>
    </message>
    <message>
        <location filename="../../ui/wishes/forms.py" line="130"/>
        <source>认领人</source>
        <translation>Donor</translation>
    </message>
    <message>
        <location filename="../../ui/wishes/forms.py" line="131"/>
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../ui/wishes/forms.py" line="132"/>
        <source>联系方式</source>
        <translation>Contact</translation>
    </message>
    <message>
        <location filename="../../ui/wishes/forms.py" line="121"/>
        <source>认领（一个心愿只由一位爱心人士认领）</source>
        <translation>Take up (each wish is taken up by one donor only)</translation>
    </message>
    <message>
        <location filename="../../ui/wishes/forms.py" line="145"/>
        <source>第 %1 号心愿已由 %2 认领。</source>
        <translation>Wish no. %1 has been taken up by %2.</translation>
    </message>
    <message>
        <location filename="../../ui/wishes/forms.py" line="152"/>
        <source>谁交给村民的</source>
        <translation>Who handed it to the villager</translation>
    </message>
    <message>
        <location filename="../../ui/wishes/forms.py" line="154"/>
        <location filename="../../ui/wishes/screen.py" line="258"/>
        <source>直接交给农户</source>
        <translation>Handed straight to the household</translation>
    </message>
    <message>
        <location filename="../../ui/wishes/forms.py" line="156"/>
        <source>作为捐赠入库（记入捐赠登记和月度公示）</source>
        <translation>Received into stock as a donation (goes into the donation register and the monthly notice)</translation>
    </message>
    <message>
        <location filename="../../ui/wishes/forms.py" line="151"/>
        <source>记录送达</source>
        <translation>Record delivery</translation>
    </message>
    <message>
        <location filename="../../ui/wishes/forms.py" line="166"/>
        <source>交付人</source>
        <translation>Handed over by</translation>
    </message>
    <message>
        <location filename="../../ui/wishes/forms.py" line="167"/>
        <source>备注</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../ui/wishes/forms.py" line="170"/>
        <source>入库商品</source>
        <translation>Item received</translation>
    </message>
    <message>
        <location filename="../../ui/wishes/forms.py" line="171"/>
        <source>数量</source>
        <translation>Quantity</translation>
    </message>
    <message>
        <location filename="../../ui/wishes/forms.py" line="151"/>
        <source>送达</source>
        <translation>Delivered</translation>
    </message>
    <message>
        <location filename="../../ui/wishes/forms.py" line="201"/>
        <source>请先在商品里添加这件礼物，再选择入库商品。</source>
        <translation>First add this gift under Goods, then choose it as the item received.</translation>
    </message>
    <message>
        <location filename="../../ui/wishes/forms.py" line="208"/>
        <source>第 %1 号心愿已送达，礼物已作为 %2 的捐赠入库（入库单 %3）。</source>
        <translation>Wish no. %1 is delivered; the gift was received into stock as a donation from %2 (intake no. %3).</translation>
    </message>
    <message>
        <location filename="../../ui/wishes/forms.py" line="209"/>
        <source>第 %1 号心愿已送达，礼物直接交给了农户。</source>
        <translation>Wish no. %1 is delivered; the gift was handed straight to the household.</translation>
    </message>
    <message>
        <location filename="../../ui/wishes/forms.py" line="216"/>
        <source>村民或监督员写的一句回音</source>
        <translation>A line of echo from the villager or the supervisor</translation>
    </message>
    <message>
        <location filename="../../ui/wishes/forms.py" line="215"/>
        <source>记录回音</source>
        <translation>Record echo</translation>
    </message>
    <message>
        <location filename="../../ui/wishes/forms.py" line="215"/>
        <source>回音</source>
        <translation>Echo</translation>
    </message>
    <message>
        <location filename="../../ui/wishes/forms.py" line="229"/>
        <source>第 %1 号心愿的回音已记录，会登上本月公示的回音墙。</source>
        <translation>The echo for wish no. %1 is recorded; it will appear on the echo wall of this month&apos;s notice.</translation>
    </message>
    <message>
        <location filename="../../ui/wishes/screen.py" line="65"/>
        <location filename="../../ui/wishes/screen.py" line="196"/>
        <source>全部</source>
        <translation>All</translation>
    </message>
    <message>
        <location filename="../../ui/wishes/screen.py" line="72"/>
        <source>列表</source>
        <translation>List</translation>
    </message>
    <message>
        <location filename="../../ui/wishes/screen.py" line="73"/>
        <source>卡片</source>
        <translation>Cards</translation>
    </message>
    <message>
        <location filename="../../ui/wishes/screen.py" line="86"/>
        <source>打印心愿墙</source>
        <translation>Print wish wall</translation>
    </message>
    <message>
        <location filename="../../ui/wishes/screen.py" line="87"/>
        <source>待认领的心愿，未经同意的姓名已隐去；在 PDF 阅读器中打开后打印</source>
        <translation>Wishes waiting for a donor, with names masked unless agreed; opens in the PDF reader for printing</translation>
    </message>
    <message>
        <location filename="../../ui/wishes/screen.py" line="89"/>
        <source>写心愿（扫卡）</source>
        <translation>Write a wish (scan card)</translation>
    </message>
    <message>
        <location filename="../../ui/wishes/screen.py" line="115"/>
        <location filename="../../ui/wishes/screen.py" line="230"/>
        <source>选中一个心愿查看详情。</source>
        <translation>Select a wish to see its details.</translation>
    </message>
    <message>
        <location filename="../../ui/wishes/screen.py" line="133"/>
        <source>撤回原因</source>
        <translation>Reason for withdrawal</translation>
    </message>
    <message>
        <location filename="../../ui/wishes/screen.py" line="134"/>
        <source>撤回心愿</source>
        <translation>Withdraw wish</translation>
    </message>
    <message>
        <location filename="../../ui/wishes/screen.py" line="247"/>
        <source>，同意公开姓名</source>
        <translation>, agrees to show the name</translation>
    </message>
    <message>
        <location filename="../../ui/wishes/screen.py" line="248"/>
        <source>，墙上显示为 %1</source>
        <translation>, shown on the wall as %1</translation>
    </message>
    <message>
        <location filename="../../ui/wishes/screen.py" line="250"/>
        <source>%1，%2写下</source>
        <translation>%1, written %2</translation>
    </message>
    <message>
        <location filename="../../ui/wishes/screen.py" line="252"/>
        <source>，估价 %1 元</source>
        <translation>, estimated %1 yuan</translation>
    </message>
    <message>
        <location filename="../../ui/wishes/screen.py" line="254"/>
        <source>认领：%1 %2（%3）</source>
        <translation>Taken up by: %1 %2 (%3)</translation>
    </message>
    <message>
        <location filename="../../ui/wishes/screen.py" line="257"/>
        <source>作为捐赠入库（入库单 %1）</source>
        <translation>received into stock as a donation (intake no. %1)</translation>
    </message>
    <message>
        <location filename="../../ui/wishes/screen.py" line="259"/>
        <source>送达：%1，%2 交付，%3</source>
        <translation>Delivered: %1, handed over by %2, %3</translation>
    </message>
    <message>
        <location filename="../../ui/wishes/screen.py" line="264"/>
        <source>撤回原因：%1</source>
        <translation>Reason for withdrawal: %1</translation>
    </message>
    <message>
        <location filename="../../ui/wishes/screen.py" line="277"/>
        <source>扫描村民的积分卡写一个新心愿。</source>
        <translation>Scan the villager&apos;s point card to write a new wish.</translation>
    </message>
    <message>
        <location filename="../../ui/wishes/screen.py" line="278"/>
        <source>选中一个心愿，记录认领、送达和回音。</source>
        <translation>Select a wish to record its donor, delivery and echo.</translation>
    </message>
    <message>
        <location filename="../../ui/wishes/screen.py" line="281"/>
        <source>认领、送达、回音和撤回由监督员（第一书记）登录后记录。</source>
        <translation>Donors, deliveries, echoes and withdrawals are recorded by the supervisor (first secretary) when logged in.</translation>
    </message>
    <message>
        <location filename="../../ui/wishes/screen.py" line="286"/>
        <source>这个心愿已经圆满完成。</source>
        <translation>This wish has been fulfilled.</translation>
    </message>
    <message>
        <location filename="../../ui/wishes/screen.py" line="287"/>
        <source>这个心愿已撤回。</source>
        <translation>This wish was withdrawn.</translation>
    </message>
    <message>
        <location filename="../../ui/wishes/screen.py" line="330"/>
        <source>%1 %2：请写下心愿。</source>
        <translation>%1 %2: please write the wish.</translation>
    </message>
    <message>
        <location filename="../../ui/wishes/screen.py" line="340"/>
        <source>第 %1 号心愿已撤回（记录保留）。</source>
        <translation>Wish no. %1 is withdrawn (the record is kept).</translation>
    </message>
    <message>
        <location filename="../../ui/wishes/screen.py" line="356"/>
        <source>心愿墙（%1 个待认领心愿，%2 页）已在 PDF 阅读器中打开，请从那里打印。</source>
        <translation>The wish wall (%1 wishes waiting for a donor, %2 pages) is open in the PDF reader; print it from there.</translation>
    </message>
    <message>
        <location filename="../../ui/goods/catalogue.py" line="56"/>
        <source>兑换中</source>
        <translation>On offer</translation>
    </message>
    <message>
        <location filename="../../ui/goods/catalogue.py" line="56"/>
        <source>已停</source>
        <translation>Discontinued</translation>
    </message>
    <message>
        <location filename="../../ui/asking.py" line="30"/>
        <location filename="../../ui/asking.py" line="113"/>
        <source>请确认</source>
        <translation>Please confirm</translation>
    </message>
    <message>
        <location filename="../../ui/asking.py" line="32"/>
        <source>确定</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../../ui/asking.py" line="33"/>
        <location filename="../../ui/supervisor/closing.py" line="76"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/closing.py" line="25"/>
        <source>（本月没有交易）</source>
        <translation>(no transactions this month)</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/closing.py" line="45"/>
        <source>月结：请核对并签字</source>
        <translation>Closing the month: check and sign</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/closing.py" line="58"/>
        <source>本机时间：%1（北京时间）
本月最后一笔交易：%2</source>
        <translation>This PC&apos;s time: %1 (Beijing time)
The month&apos;s last transaction: %2</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/closing.py" line="59"/>
        <source>（未知）</source>
        <translation>(unknown)</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/closing.py" line="61"/>
        <source>我已核实：本机日期和时间是对的，本月的账都已记完。</source>
        <translation>I have checked: this PC&apos;s date and time are right, and the month&apos;s entries are all made.</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/closing.py" line="112"/>
        <source>请先核对本机日期和时间，勾选上面的确认。</source>
        <translation>Check this PC&apos;s date and time first, and tick the confirmation above.</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/closing.py" line="64"/>
        <source>月结后本月不能再记入任何交易，合计将写入公示。这一步相当于监督员签字，请输入您本人的密码。</source>
        <translation>After closing, nothing more can be entered in this month, and the totals go onto the notice. This is the supervisor&apos;s signature: enter your own password.</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/closing.py" line="72"/>
        <source>签字并月结</source>
        <translation>Sign and close</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/closing.py" line="80"/>
        <source>监督员密码</source>
        <translation>Supervisor password</translation>
    </message>
</context>
<context>
    <name>ApprovalDialog</name>
    <message>
        <location filename="../../ui/asking.py" line="132"/>
        <source>监督员审批</source>
        <translation>Supervisor approval</translation>
    </message>
    <message>
        <location filename="../../ui/asking.py" line="145"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/asking.py" line="148"/>
        <source>监督员用户名</source>
        <translation>Supervisor user name</translation>
    </message>
    <message>
        <location filename="../../ui/asking.py" line="149"/>
        <source>监督员密码</source>
        <translation>Supervisor password</translation>
    </message>
    <message>
        <location filename="../../ui/asking.py" line="142"/>
        <source>审批通过</source>
        <translation>Approve</translation>
    </message>
</context>
<context>
    <name>Areas</name>
    <message>
        <location filename="../../ui/counter/screen.py" line="593"/>
        <source>兑换收银</source>
        <translation>Counter</translation>
    </message>
    <message>
        <location filename="../../ui/awards.py" line="338"/>
        <source>积分登记</source>
        <translation>Awards</translation>
    </message>
    <message>
        <location filename="../../ui/goods/screen.py" line="61"/>
        <source>商品与库存</source>
        <translation>Goods &amp; stock</translation>
    </message>
    <message>
        <location filename="../../ui/households.py" line="523"/>
        <source>农户与积分卡</source>
        <translation>Households</translation>
    </message>
    <message>
        <location filename="../../ui/hygiene.py" line="383"/>
        <source>卫生检查</source>
        <translation>Hygiene checks</translation>
    </message>
    <message>
        <location filename="../../ui/settings/screen.py" line="53"/>
        <source>设置</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/screen.py" line="174"/>
        <source>监督月结</source>
        <translation>Supervisor</translation>
    </message>
    <message>
        <location filename="../../ui/wishes/screen.py" line="360"/>
        <source>心愿墙</source>
        <translation>Wish wall</translation>
    </message>
</context>
<context>
    <name>AwardsScreen</name>
    <message>
        <location filename="../../ui/awards.py" line="109"/>
        <source>可空，如：清理河道</source>
        <translation>Optional, e.g.: cleared the river</translation>
    </message>
    <message>
        <location filename="../../ui/awards.py" line="113"/>
        <source>1. 按哪条细则</source>
        <translation>1. Which rule</translation>
    </message>
    <message>
        <location filename="../../ui/awards.py" line="113"/>
        <source>类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../ui/awards.py" line="113"/>
        <source>细则</source>
        <translation>Rule</translation>
    </message>
    <message>
        <location filename="../../ui/awards.py" line="114"/>
        <source>每户分数</source>
        <translation>Points per household</translation>
    </message>
    <message>
        <location filename="../../ui/awards.py" line="115"/>
        <source>事情发生日期</source>
        <translation>Date it happened</translation>
    </message>
    <message>
        <location filename="../../ui/awards.py" line="115"/>
        <source>备注</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../ui/awards.py" line="126"/>
        <source>保存（一次记入）</source>
        <translation>Save (entered at once)</translation>
    </message>
    <message>
        <location filename="../../ui/awards.py" line="130"/>
        <source>3. 核对后保存</source>
        <translation>3. Check, then save</translation>
    </message>
    <message>
        <location filename="../../ui/awards.py" line="136"/>
        <source>姓名或拼音首字母；也可以直接刷卡</source>
        <translation>Name or pinyin initials; or scan a card</translation>
    </message>
    <message>
        <location filename="../../ui/awards.py" line="139"/>
        <source>勾选下面全部户</source>
        <translation>Tick all households below</translation>
    </message>
    <message>
        <location filename="../../ui/awards.py" line="141"/>
        <source>全部取消</source>
        <translation>Untick all</translation>
    </message>
    <message>
        <location filename="../../ui/awards.py" line="147"/>
        <source>2. 给哪些户（打勾；空格键勾选所选行）</source>
        <translation>2. Which households (tick; Space ticks the selected rows)</translation>
    </message>
    <message>
        <location filename="../../ui/awards.py" line="89"/>
        <source>积分登记：加分与扣分</source>
        <translation>Points: awards and deductions</translation>
    </message>
    <message>
        <location filename="../../ui/awards.py" line="111"/>
        <source>如：本人、组长</source>
        <translation>e.g. themselves, the group leader</translation>
    </message>
    <message>
        <location filename="../../ui/awards.py" line="116"/>
        <source>申报人</source>
        <translation>Declared by</translation>
    </message>
    <message>
        <location filename="../../ui/awards.py" line="218"/>
        <source>固定 %1 分</source>
        <translation>Fixed %1 points</translation>
    </message>
    <message>
        <location filename="../../ui/awards.py" line="219"/>
        <source>可选 %1～%2 分</source>
        <translation>%1 to %2 points</translation>
    </message>
    <message>
        <location filename="../../ui/awards.py" line="255"/>
        <source>这里只认积分卡：%1 不是卡号。</source>
        <translation>Only point cards work here: %1 is not a card number.</translation>
    </message>
    <message>
        <location filename="../../ui/awards.py" line="262"/>
        <source>已勾选 %1（刷卡）</source>
        <translation>Ticked %1 (card scanned)</translation>
    </message>
    <message>
        <location filename="../../ui/awards.py" line="267"/>
        <source>已勾选 %1 户</source>
        <translation>%1 households ticked</translation>
    </message>
    <message>
        <location filename="../../ui/awards.py" line="269"/>
        <source>先选一条细则。</source>
        <translation>Choose a rule first.</translation>
    </message>
    <message>
        <location filename="../../ui/awards.py" line="274"/>
        <source>还没有勾选任何户。</source>
        <translation>No household is ticked yet.</translation>
    </message>
    <message>
        <location filename="../../ui/awards.py" line="277"/>
        <source>扣分：%1，扣 %2 分（%3，%4）</source>
        <translation>Deduction: %1, minus %2 points (%3, %4)</translation>
    </message>
    <message>
        <location filename="../../ui/awards.py" line="282"/>
        <source>%1 户（%2），每户加 %3 分，共 %4 分
%5，%6</source>
        <translation>%1 households (%2), %3 points each, %4 points in all
%5, %6</translation>
    </message>
    <message>
        <location filename="../../ui/awards.py" line="291"/>
        <source>请先选细则，再勾选户。</source>
        <translation>Choose a rule first, then tick households.</translation>
    </message>
    <message>
        <location filename="../../ui/awards.py" line="294"/>
        <source>扣分一次只能扣一户，请只勾选一户。</source>
        <translation>A deduction is for one household at a time; please tick only one.</translation>
    </message>
    <message>
        <location filename="../../ui/awards.py" line="296"/>
        <source>确认保存？</source>
        <translation>Save this?</translation>
    </message>
    <message>
        <location filename="../../ui/awards.py" line="297"/>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../ui/awards.py" line="327"/>
        <source>已给 %1 扣 %2 分，现有 %3 分（第 %4 笔）</source>
        <translation>Deducted %2 points from %1, now %3 points (entry no. %4)</translation>
    </message>
    <message>
        <location filename="../../ui/awards.py" line="330"/>
        <source>，审批人 %1</source>
        <translation>, approved by %1</translation>
    </message>
    <message>
        <location filename="../../ui/awards.py" line="332"/>
        <source>已记入：%1 户，每户 %2 分，共 %3 分（%4，第 %5 笔）</source>
        <translation>Entered: %1 households, %2 points each, %3 points in all (%4, entry no. %5)</translation>
    </message>
</context>
<context>
    <name>BackupTab</name>
    <message>
        <location filename="../../ui/settings/backups.py" line="42"/>
        <source>默认：数据文件夹下的 backups（也可以选 U 盘）</source>
        <translation>Default: backups in the data folder (a USB stick works too)</translation>
    </message>
    <message>
        <location filename="../../ui/settings/backups.py" line="43"/>
        <source>选择文件夹…</source>
        <translation>Choose folder…</translation>
    </message>
    <message>
        <location filename="../../ui/settings/backups.py" line="44"/>
        <source> 份</source>
        <translation> copies</translation>
    </message>
    <message>
        <location filename="../../ui/settings/backups.py" line="45"/>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../ui/settings/backups.py" line="46"/>
        <source>立即备份</source>
        <translation>Back up now</translation>
    </message>
    <message>
        <location filename="../../ui/settings/backups.py" line="49"/>
        <source>用所选备份恢复…</source>
        <translation>Restore from selected backup…</translation>
    </message>
    <message>
        <location filename="../../ui/settings/backups.py" line="56"/>
        <location filename="../../ui/settings/backups.py" line="99"/>
        <source>备份</source>
        <translation>Backup</translation>
    </message>
    <message>
        <location filename="../../ui/settings/backups.py" line="56"/>
        <source>备份到</source>
        <translation>Back up to</translation>
    </message>
    <message>
        <location filename="../../ui/settings/backups.py" line="57"/>
        <source>保留最近</source>
        <translation>Keep the last</translation>
    </message>
    <message>
        <location filename="../../ui/settings/backups.py" line="58"/>
        <source>恢复前会先检查备份是否完好，并把现在的数据库另存一份。</source>
        <translation>Before restoring, the backup is checked and the current database is saved aside.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/backups.py" line="82"/>
        <source>备份到哪个文件夹</source>
        <translation>Folder to back up to</translation>
    </message>
    <message>
        <location filename="../../ui/settings/backups.py" line="90"/>
        <source>备份设置已保存。</source>
        <translation>Backup settings saved.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/backups.py" line="96"/>
        <source>正在备份并检查……</source>
        <translation>Backing up and checking…</translation>
    </message>
    <message>
        <location filename="../../ui/settings/backups.py" line="100"/>
        <source>上次备份失败：%1</source>
        <translation>The last backup failed: %1</translation>
    </message>
    <message>
        <location filename="../../ui/settings/backups.py" line="104"/>
        <source>%1 备份成功，校验通过，共 %2 笔：%3</source>
        <translation>%1 backup done and checked, %2 entries: %3</translation>
    </message>
    <message>
        <location filename="../../ui/settings/backups.py" line="114"/>
        <source>请先在列表里选中一份备份。</source>
        <translation>Select a backup in the list first.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/backups.py" line="117"/>
        <source>用这份备份替换现在的数据库？
%1
现在的数据库会先另存一份，可以再恢复回来。</source>
        <translation>Replace the current database with this backup?
%1
The current database is saved aside first and can be restored later.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/backups.py" line="118"/>
        <location filename="../../ui/settings/backups.py" line="144"/>
        <source>恢复</source>
        <translation>Restore</translation>
    </message>
    <message>
        <location filename="../../ui/settings/backups.py" line="135"/>
        <source>这份备份止于第 %1 笔，现在的账本已到第 %2 笔：恢复会丢掉 %3 笔。
确定要恢复吗？</source>
        <translation>This backup ends at entry no. %1; the ledger now reaches no. %2: restoring loses %3 entries.
Restore anyway?</translation>
    </message>
    <message>
        <location filename="../../ui/settings/backups.py" line="138"/>
        <source>丢掉这些，恢复</source>
        <translation>Lose them and restore</translation>
    </message>
    <message>
        <location filename="../../ui/settings/backups.py" line="141"/>
        <source>正在检查并恢复……</source>
        <translation>Checking and restoring…</translation>
    </message>
    <message>
        <location filename="../../ui/settings/backups.py" line="149"/>
        <source>已恢复，账本完好，共 %1 笔。原来的数据库另存为 %2</source>
        <translation>Restored; the ledger is intact, %1 entries. The old database was saved as %2</translation>
    </message>
</context>
<context>
    <name>CatalogueTab</name>
    <message>
        <location filename="../../ui/goods/catalogue.py" line="70"/>
        <source>名称、拼音首字母或编码</source>
        <translation>Name, pinyin initials or code</translation>
    </message>
    <message>
        <location filename="../../ui/goods/catalogue.py" line="72"/>
        <source>全部区</source>
        <translation>All zones</translation>
    </message>
    <message>
        <location filename="../../ui/goods/catalogue.py" line="73"/>
        <source>含已停</source>
        <translation>Include discontinued</translation>
    </message>
    <message>
        <location filename="../../ui/goods/catalogue.py" line="74"/>
        <source>库存低于 </source>
        <translation>Stock below </translation>
    </message>
    <message>
        <location filename="../../ui/goods/catalogue.py" line="74"/>
        <source> 标红</source>
        <translation> in red</translation>
    </message>
    <message>
        <location filename="../../ui/goods/catalogue.py" line="92"/>
        <source>商品信息</source>
        <translation>Item details</translation>
    </message>
    <message>
        <location filename="../../ui/goods/catalogue.py" line="92"/>
        <location filename="../../ui/goods/catalogue.py" line="95"/>
        <location filename="../../ui/goods/catalogue.py" line="198"/>
        <source>新增商品</source>
        <translation>New item</translation>
    </message>
    <message>
        <location filename="../../ui/goods/catalogue.py" line="100"/>
        <source>扫厂家条码；空着自动生成</source>
        <translation>Scan the maker&apos;s barcode; leave empty to make one</translation>
    </message>
    <message>
        <location filename="../../ui/goods/catalogue.py" line="108"/>
        <source> 元</source>
        <translation> yuan</translation>
    </message>
    <message>
        <location filename="../../ui/goods/catalogue.py" line="110"/>
        <source>可以兑换</source>
        <translation>Can be redeemed</translation>
    </message>
    <message>
        <location filename="../../ui/goods/catalogue.py" line="93"/>
        <source>修改所选商品</source>
        <translation>Edit selected item</translation>
    </message>
    <message>
        <location filename="../../ui/goods/catalogue.py" line="112"/>
        <source>编码</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../../ui/goods/catalogue.py" line="113"/>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/goods/catalogue.py" line="114"/>
        <source>区</source>
        <translation>Zone</translation>
    </message>
    <message>
        <location filename="../../ui/goods/catalogue.py" line="115"/>
        <source>兑换分值</source>
        <translation>Points</translation>
    </message>
    <message>
        <location filename="../../ui/goods/catalogue.py" line="116"/>
        <source>参考价值</source>
        <translation>Reference value</translation>
    </message>
    <message>
        <location filename="../../ui/goods/catalogue.py" line="117"/>
        <source>单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../../ui/goods/catalogue.py" line="127"/>
        <source>商品标签</source>
        <translation>Item labels</translation>
    </message>
    <message>
        <location filename="../../ui/goods/catalogue.py" line="128"/>
        <source>A4 每页 24 张（70×37 毫米）</source>
        <translation>A4, 24 per page (70×37 mm)</translation>
    </message>
    <message>
        <location filename="../../ui/goods/catalogue.py" line="129"/>
        <source>A4 每页 40 张（52.5×29.7 毫米）</source>
        <translation>A4, 40 per page (52.5×29.7 mm)</translation>
    </message>
    <message>
        <location filename="../../ui/goods/catalogue.py" line="130"/>
        <source>每种 </source>
        <translation>Each </translation>
    </message>
    <message>
        <location filename="../../ui/goods/catalogue.py" line="130"/>
        <source> 张</source>
        <translation> labels</translation>
    </message>
    <message>
        <location filename="../../ui/goods/catalogue.py" line="131"/>
        <source>打印所选商品的标签（不选则全部）</source>
        <translation>Print labels (selected, or all)</translation>
    </message>
    <message>
        <location filename="../../ui/goods/catalogue.py" line="180"/>
        <source>请先在列表里选中一种商品。</source>
        <translation>Select an item in the list first.</translation>
    </message>
    <message>
        <location filename="../../ui/goods/catalogue.py" line="183"/>
        <source>右边表单里还有没保存的内容：先保存，或点“新增商品”清空。</source>
        <translation>The form on the right has unsaved changes: save them, or press &apos;New goods&apos; to empty it.</translation>
    </message>
    <message>
        <location filename="../../ui/goods/catalogue.py" line="263"/>
        <source>已生成 %1 张标签（%2 页），已在 PDF 阅读器中打开，请从那里打印。</source>
        <translation>%1 labels made (%2 pages), open in the PDF viewer: print them from there.</translation>
    </message>
    <message>
        <location filename="../../ui/goods/catalogue.py" line="186"/>
        <source>修改：%1</source>
        <translation>Edit: %1</translation>
    </message>
    <message>
        <location filename="../../ui/goods/catalogue.py" line="225"/>
        <source>已新增 %1，编码 %2。记得打印标签、办理入库。</source>
        <translation>Added %1, code %2. Remember to print labels and do a stock intake.</translation>
    </message>
    <message>
        <location filename="../../ui/goods/catalogue.py" line="226"/>
        <source>已保存 %1（编码 %2）。</source>
        <translation>Saved %1 (code %2).</translation>
    </message>
    <message>
        <location filename="../../ui/goods/catalogue.py" line="255"/>
        <source>正在生成 %1 张标签……</source>
        <translation>Making %1 labels…</translation>
    </message>
    <message>
        <location filename="../../ui/goods/catalogue.py" line="258"/>
        <source>生成标签</source>
        <translation>Making labels</translation>
    </message>
</context>
<context>
    <name>ClaimsBox</name>
    <message>
        <location filename="../../ui/claims.py" line="40"/>
        <source>申报（评议、公示、记分）</source>
        <translation>Claims (review, posting, credit)</translation>
    </message>
    <message>
        <location filename="../../ui/claims.py" line="43"/>
        <source>全部</source>
        <translation>All</translation>
    </message>
    <message>
        <location filename="../../ui/claims.py" line="48"/>
        <source>不通过的原因</source>
        <translation>Reason for rejecting</translation>
    </message>
    <message>
        <location filename="../../ui/claims.py" line="49"/>
        <source>通过</source>
        <translation>Accept</translation>
    </message>
    <message>
        <location filename="../../ui/claims.py" line="51"/>
        <source>不通过</source>
        <translation>Reject</translation>
    </message>
    <message>
        <location filename="../../ui/claims.py" line="53"/>
        <source>公示已通过的</source>
        <translation>Post the accepted</translation>
    </message>
    <message>
        <location filename="../../ui/claims.py" line="55"/>
        <source>期满记分</source>
        <translation>Credit after the notice</translation>
    </message>
    <message>
        <location filename="../../ui/claims.py" line="57"/>
        <source>打印公示单</source>
        <translation>Print the posting</translation>
    </message>
    <message>
        <location filename="../../ui/claims.py" line="59"/>
        <source>异议人</source>
        <translation>Objection by</translation>
    </message>
    <message>
        <location filename="../../ui/claims.py" line="60"/>
        <source>异议内容</source>
        <translation>Objection</translation>
    </message>
    <message>
        <location filename="../../ui/claims.py" line="61"/>
        <source>登记异议</source>
        <translation>Record the objection</translation>
    </message>
    <message>
        <location filename="../../ui/claims.py" line="89"/>
        <source>请先在申报列表中选中要评议的申报。</source>
        <translation>Select the claims to review in the claims list first.</translation>
    </message>
    <message>
        <location filename="../../ui/claims.py" line="101"/>
        <source>已评议 %1 项申报</source>
        <translation>Reviewed %1 claim(s)</translation>
    </message>
    <message>
        <location filename="../../ui/claims.py" line="109"/>
        <source>第 %1 期公示：%2 项，%3 至 %4</source>
        <translation>Posting %1: %2 claim(s), %3 to %4</translation>
    </message>
    <message>
        <location filename="../../ui/claims.py" line="117"/>
        <source>请选中一项公示中的申报，记分它所在的那期公示。</source>
        <translation>Select a posted claim: its posting is the one credited.</translation>
    </message>
    <message>
        <location filename="../../ui/claims.py" line="124"/>
        <source>请选中一项公示中的申报。</source>
        <translation>Select one posted claim.</translation>
    </message>
    <message>
        <location filename="../../ui/claims.py" line="133"/>
        <source>第 %1 号申报有异议，暂停记分，待重新评议</source>
        <translation>Claim %1 is held by an objection until it is reviewed again</translation>
    </message>
    <message>
        <location filename="../../ui/claims.py" line="149"/>
        <source>公示单已生成：%1</source>
        <translation>Posting written: %1</translation>
    </message>
    <message>
        <location filename="../../ui/claims.py" line="159"/>
        <source>第 %1 期公示已记分：%2 分（第 %3 笔）</source>
        <translation>Posting %1 credited: %2 points (#%3)</translation>
    </message>
</context>
<context>
    <name>ComputerTab</name>
    <message>
        <location filename="../../ui/settings/computer.py" line="21"/>
        <source> 分钟（0 为不锁）</source>
        <translation> minutes (0 = never lock)</translation>
    </message>
    <message>
        <location filename="../../ui/settings/computer.py" line="22"/>
        <source> 毫秒</source>
        <translation> ms</translation>
    </message>
    <message>
        <location filename="../../ui/settings/computer.py" line="25"/>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../ui/settings/computer.py" line="28"/>
        <source>本机</source>
        <translation>This computer</translation>
    </message>
    <message>
        <location filename="../../ui/settings/computer.py" line="28"/>
        <source>界面语言（重新打开后生效）</source>
        <translation>Language (after restart)</translation>
    </message>
    <message>
        <location filename="../../ui/settings/computer.py" line="29"/>
        <source>无人操作多久后锁屏</source>
        <translation>Lock the screen when idle for</translation>
    </message>
    <message>
        <location filename="../../ui/settings/computer.py" line="29"/>
        <source>扫码枪按键间隔不超过</source>
        <translation>Scanner key gap at most</translation>
    </message>
    <message>
        <location filename="../../ui/settings/computer.py" line="30"/>
        <source>扫码枪前缀</source>
        <translation>Scanner prefix</translation>
    </message>
    <message>
        <location filename="../../ui/settings/computer.py" line="30"/>
        <source>扫码枪后缀</source>
        <translation>Scanner suffix</translation>
    </message>
    <message>
        <location filename="../../ui/settings/computer.py" line="51"/>
        <source>本机设置已保存。</source>
        <translation>Settings for this computer saved.</translation>
    </message>
</context>
<context>
    <name>CountTab</name>
    <message>
        <location filename="../../ui/goods/count.py" line="87"/>
        <source>全部区</source>
        <translation>All zones</translation>
    </message>
    <message>
        <location filename="../../ui/goods/count.py" line="94"/>
        <source>有差异时写明原因，如：受潮损坏、过期</source>
        <translation>If there is a difference, give the reason, e.g.: damp damage, expired</translation>
    </message>
    <message>
        <location filename="../../ui/goods/count.py" line="97"/>
        <source>核对差异并保存</source>
        <translation>Check differences and save</translation>
    </message>
    <message>
        <location filename="../../ui/goods/count.py" line="100"/>
        <source>盘点哪个区</source>
        <translation>Zone to count</translation>
    </message>
    <message>
        <location filename="../../ui/goods/count.py" line="101"/>
        <source>在黄色的“实点数量”一列输入点到的数量；扫码跳到那件商品</source>
        <translation>Type the counted quantity in the yellow “Counted” column; scanning jumps to that item</translation>
    </message>
    <message>
        <location filename="../../ui/goods/count.py" line="102"/>
        <source>原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../ui/goods/count.py" line="110"/>
        <source>上一个区点好的数量还没保存，已放下。</source>
        <translation>The counts for the previous zone were not saved and have been dropped.</translation>
    </message>
    <message>
        <location filename="../../ui/goods/count.py" line="118"/>
        <source>%1 种商品，与账面一致。</source>
        <translation>%1 items, all match the books.</translation>
    </message>
    <message>
        <location filename="../../ui/goods/count.py" line="121"/>
        <source>%1 种有差异：%2</source>
        <translation>%1 items differ: %2</translation>
    </message>
    <message>
        <location filename="../../ui/goods/count.py" line="131"/>
        <source>%1 不在这个区的清单上。</source>
        <translation>%1 is not on this zone&apos;s list.</translation>
    </message>
    <message>
        <location filename="../../ui/goods/count.py" line="136"/>
        <source>点好了：与账面一致，不需要保存。</source>
        <translation>Counted: all match the books, nothing to save.</translation>
    </message>
    <message>
        <location filename="../../ui/goods/count.py" line="138"/>
        <source>%1：账面 %2，实点 %3（%4）</source>
        <translation>%1: books %2, counted %3 (%4)</translation>
    </message>
    <message>
        <location filename="../../ui/goods/count.py" line="140"/>
        <source>盘点差异：
%1

保存后按实点数量调整库存，需要监督员审批。</source>
        <translation>Stock count differences:
%1

Saving sets stock to the counted quantities and needs the supervisor&apos;s approval.</translation>
    </message>
    <message>
        <location filename="../../ui/goods/count.py" line="141"/>
        <source>保存并请监督员审批</source>
        <translation>Save and ask supervisor to approve</translation>
    </message>
    <message>
        <location filename="../../ui/goods/count.py" line="153"/>
        <source>盘点已保存：%1 种调整了库存，审批人 %2。</source>
        <translation>Stock count saved: stock adjusted for %1 items, approved by %2.</translation>
    </message>
</context>
<context>
    <name>CounterScreen</name>
    <message>
        <location filename="../../ui/counter/screen.py" line="130"/>
        <source>找商品：名称或拼音首字母（F3）</source>
        <translation>Find goods: name or pinyin initials (F3)</translation>
    </message>
    <message>
        <location filename="../../ui/counter/screen.py" line="141"/>
        <source>数量＋（+）</source>
        <translation>Quantity + (+)</translation>
    </message>
    <message>
        <location filename="../../ui/counter/screen.py" line="142"/>
        <source>数量－（-）</source>
        <translation>Quantity − (-)</translation>
    </message>
    <message>
        <location filename="../../ui/counter/screen.py" line="143"/>
        <source>删除（Del）</source>
        <translation>Remove (Del)</translation>
    </message>
    <message>
        <location filename="../../ui/counter/screen.py" line="144"/>
        <source>清空（Esc）</source>
        <translation>Clear (Esc)</translation>
    </message>
    <message>
        <location filename="../../ui/counter/screen.py" line="145"/>
        <source>重印小票</source>
        <translation>Reprint receipt</translation>
    </message>
    <message>
        <location filename="../../ui/counter/screen.py" line="147"/>
        <source>查询积分</source>
        <translation>Balance slip</translation>
    </message>
    <message>
        <location filename="../../ui/counter/screen.py" line="506"/>
        <source>这笔兑换共 %1 分，超过本村 %2 分的审批线。
请监督员输入自己的用户名和密码。</source>
        <translation>This redemption is %1 points, above the village&apos;s approval line of %2.
The supervisor enters their own user name and password.</translation>
    </message>
    <message>
        <location filename="../../ui/counter/screen.py" line="508"/>
        <source>审批并兑换</source>
        <translation>Approve and redeem</translation>
    </message>
    <message>
        <location filename="../../ui/counter/screen.py" line="428"/>
        <source>清空</source>
        <translation>Clear</translation>
    </message>
    <message>
        <location filename="../../ui/counter/screen.py" line="301"/>
        <source>这笔兑换是给 %1 的，还有 %2 件商品没有确认。
刚刷的是 %3 的卡（%4）。</source>
        <translation>This sale is for %1, with %2 items not yet confirmed.
The card just scanned is %3&apos;s (%4).</translation>
    </message>
    <message>
        <location filename="../../ui/counter/screen.py" line="303"/>
        <source>继续给 %1 兑换</source>
        <translation>Go on serving %1</translation>
    </message>
    <message>
        <location filename="../../ui/counter/screen.py" line="304"/>
        <source>清空商品，换成 %1</source>
        <translation>Empty the cart, serve %1</translation>
    </message>
    <message>
        <location filename="../../ui/counter/screen.py" line="305"/>
        <source>商品转给 %1</source>
        <translation>Move the goods to %1</translation>
    </message>
    <message>
        <location filename="../../ui/counter/screen.py" line="306"/>
        <source>换了一张卡</source>
        <translation>Another card</translation>
    </message>
    <message>
        <location filename="../../ui/counter/screen.py" line="313"/>
        <source>还在给 %1 兑换：按 F12 确认，或按 Esc 清空后再刷下一张卡。</source>
        <translation>Still serving %1: press F12 to confirm, or Esc to empty the sale, then scan the next card.</translation>
    </message>
    <message>
        <location filename="../../ui/counter/screen.py" line="380"/>
        <source>%1 已经没有库存了。</source>
        <translation>%1 is out of stock.</translation>
    </message>
    <message>
        <location filename="../../ui/counter/screen.py" line="381"/>
        <source>%1 库存只有 %2%3，已经都在这笔兑换里了。</source>
        <translation>Only %2 %3 of %1 in stock, and all of them are in this sale already.</translation>
    </message>
    <message>
        <location filename="../../ui/counter/screen.py" line="426"/>
        <source>清空这笔兑换的所有商品？</source>
        <translation>Remove all goods from this sale?</translation>
    </message>
    <message>
        <location filename="../../ui/counter/screen.py" line="426"/>
        <source>不清空</source>
        <translation>Keep the goods</translation>
    </message>
    <message>
        <location filename="../../ui/counter/screen.py" line="426"/>
        <source>清空商品</source>
        <translation>Empty the cart</translation>
    </message>
    <message>
        <location filename="../../ui/counter/screen.py" line="451"/>
        <source>请先刷积分卡</source>
        <translation>Scan the points card first</translation>
    </message>
    <message>
        <location filename="../../ui/counter/screen.py" line="453"/>
        <source>请扫商品或从右边选商品</source>
        <translation>Scan goods or pick them on the right</translation>
    </message>
    <message>
        <location filename="../../ui/counter/screen.py" line="456"/>
        <source>%1 库存只有 %2%3</source>
        <translation>Only %2 %3 of %1 in stock</translation>
    </message>
    <message>
        <location filename="../../ui/counter/screen.py" line="460"/>
        <source>积分不够：还差 %1 分（%2 分待扣，公示期满前不能用）</source>
        <translation>Not enough points: %1 short (%2 are held for a pending deduction until its posting ends)</translation>
    </message>
    <message>
        <location filename="../../ui/counter/screen.py" line="462"/>
        <source>积分不够：还差 %1 分</source>
        <translation>Not enough points: %1 short</translation>
    </message>
    <message>
        <location filename="../../ui/counter/screen.py" line="546"/>
        <source>已兑换 第 %1 笔：%2，用去 %3 分，余额 %4 分</source>
        <translation>Redeemed, no. %1: %2 spent %3 points, balance %4</translation>
    </message>
    <message>
        <location filename="../../ui/counter/screen.py" line="566"/>
        <source>这台电脑今天还没有兑换，没有可重印的小票。</source>
        <translation>No redemption on this PC yet: no receipt to reprint.</translation>
    </message>
    <message>
        <location filename="../../ui/counter/screen.py" line="579"/>
        <source>第 %1 笔的小票已重印。</source>
        <translation>Receipt of no. %1 reprinted.</translation>
    </message>
    <message>
        <location filename="../../ui/counter/screen.py" line="585"/>
        <source>请先刷积分卡，再打印积分查询单。</source>
        <translation>Scan the points card first, then print the balance slip.</translation>
    </message>
    <message>
        <location filename="../../ui/counter/screen.py" line="590"/>
        <source>积分查询单已打印。</source>
        <translation>Balance slip printed.</translation>
    </message>
</context>
<context>
    <name>CountyAreas</name>
    <message>
        <location filename="../../ui/county/grid.py" line="161"/>
        <source>上报总览</source>
        <translation>Reports</translation>
    </message>
    <message>
        <location filename="../../ui/county/keys.py" line="79"/>
        <source>村级密钥</source>
        <translation>Village keys</translation>
    </message>
    <message>
        <location filename="../../ui/county/month.py" line="167"/>
        <source>月度汇总</source>
        <translation>Month</translation>
    </message>
    <message>
        <location filename="../../ui/county/packages.py" line="200"/>
        <source>导入数据包</source>
        <translation>Import packages</translation>
    </message>
    <message>
        <location filename="../../ui/county/spotchecks.py" line="179"/>
        <source>走访抽查</source>
        <translation>Spot checks</translation>
    </message>
</context>
<context>
    <name>CountyLoginDialog</name>
    <message>
        <location filename="../../ui/county/login.py" line="24"/>
        <source>登录 · 县级汇总</source>
        <translation>Log in · County</translation>
    </message>
    <message>
        <location filename="../../ui/county/login.py" line="25"/>
        <source>%1 爱心超市县级汇总</source>
        <translation>%1 love supermarkets: county</translation>
    </message>
</context>
<context>
    <name>CountyWindow</name>
    <message>
        <location filename="../../ui/county/window.py" line="113"/>
        <source>%1 爱心超市县级汇总</source>
        <translation>%1 love supermarkets: county</translation>
    </message>
    <message>
        <location filename="../../ui/county/window.py" line="141"/>
        <source>县级用户：%1（%2）</source>
        <translation>County user: %1 (%2)</translation>
    </message>
    <message>
        <location filename="../../ui/county/window.py" line="146"/>
        <source>县级签名密钥：%1</source>
        <translation>County signing key: %1</translation>
    </message>
    <message>
        <location filename="../../ui/county/window.py" line="148"/>
        <source>本机没有县级签名私钥：不能导入数据包、签发回执</source>
        <translation>This PC has no county signing key: it cannot import packages or sign receipts</translation>
    </message>
    <message>
        <location filename="../../ui/county/window.py" line="151"/>
        <source>县级数据库：%1</source>
        <translation>County database: %1</translation>
    </message>
</context>
<context>
    <name>Documents</name>
    <message>
        <location filename="../../ui/documents.py" line="85"/>
        <source>没能打开 PDF 阅读器。%1 已保存在“%2”文件夹里，可以打开文件夹，再用别的程序打印。</source>
        <translation>No PDF viewer opened. %1 is saved in the folder &apos;%2&apos;: open the folder and print it with another program.</translation>
    </message>
    <message>
        <location filename="../../ui/documents.py" line="88"/>
        <source>打开文件夹</source>
        <translation>Open the folder</translation>
    </message>
</context>
<context>
    <name>DonationsTab</name>
    <message>
        <location filename="../../ui/goods/donations.py" line="36"/>
        <source>查看</source>
        <translation>Show</translation>
    </message>
    <message>
        <location filename="../../ui/goods/donations.py" line="37"/>
        <source>从</source>
        <translation>From</translation>
    </message>
    <message>
        <location filename="../../ui/goods/donations.py" line="37"/>
        <source>到</source>
        <translation>To</translation>
    </message>
    <message>
        <location filename="../../ui/goods/donations.py" line="48"/>
        <source>%1 笔捐赠，价值 %2 元</source>
        <translation>%1 donations, worth %2 yuan</translation>
    </message>
</context>
<context>
    <name>ErrorDialog</name>
    <message>
        <location filename="../../ui/errordialog.py" line="23"/>
        <source>出错了</source>
        <translation>Something went wrong</translation>
    </message>
    <message>
        <location filename="../../ui/errordialog.py" line="25"/>
        <source>程序遇到了一个问题。已经保存的兑换和积分不会丢失。
请把下面的详情和日志文件交给维护人员。</source>
        <translation>The program ran into a problem. Redemptions and points already saved are not lost.
Please give the details below and the log file to whoever looks after this PC.</translation>
    </message>
    <message>
        <location filename="../../ui/errordialog.py" line="37"/>
        <source>日志文件：%1</source>
        <translation>Log file: %1</translation>
    </message>
    <message>
        <location filename="../../ui/errordialog.py" line="41"/>
        <source>复制详情</source>
        <translation>Copy details</translation>
    </message>
</context>
<context>
    <name>FormBox</name>
    <message>
        <location filename="../../ui/widgets.py" line="306"/>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../ui/widgets.py" line="308"/>
        <source>清空</source>
        <translation>Clear</translation>
    </message>
</context>
<context>
    <name>GoodsScreen</name>
    <message>
        <location filename="../../ui/goods/screen.py" line="33"/>
        <source>商品目录</source>
        <translation>Catalogue</translation>
    </message>
    <message>
        <location filename="../../ui/goods/screen.py" line="34"/>
        <source>入库</source>
        <translation>Stock intake</translation>
    </message>
    <message>
        <location filename="../../ui/goods/screen.py" line="35"/>
        <source>盘点</source>
        <translation>Stock count</translation>
    </message>
    <message>
        <location filename="../../ui/goods/screen.py" line="36"/>
        <source>捐赠登记</source>
        <translation>Donations</translation>
    </message>
    <message>
        <location filename="../../ui/goods/screen.py" line="37"/>
        <source>商品与库存</source>
        <translation>Goods &amp; stock</translation>
    </message>
</context>
<context>
    <name>GridScreen</name>
    <message>
        <location filename="../../ui/county/grid.py" line="95"/>
        <source>各村上报情况：%1 至 %2（截至 %3）</source>
        <translation>What the villages sent: %1 to %2 (as of %3)</translation>
    </message>
    <message>
        <location filename="../../ui/county/grid.py" line="99"/>
        <source>（本月，共 %1 个村）</source>
        <translation>(this month, %1 villages)</translation>
    </message>
    <message>
        <location filename="../../ui/county/grid.py" line="101"/>
        <source>村编号 %1
密钥指纹 %2</source>
        <translation>Village id %1
Key fingerprint %2</translation>
    </message>
    <message>
        <location filename="../../ui/county/grid.py" line="126"/>
        <source>第 %1 号月结</source>
        <translation>Closure %1</translation>
    </message>
    <message>
        <location filename="../../ui/county/grid.py" line="127"/>
        <source>已月结</source>
        <translation>Month closed</translation>
    </message>
    <message>
        <location filename="../../ui/county/grid.py" line="127"/>
        <source>已收到数据包</source>
        <translation>Package received</translation>
    </message>
    <message>
        <location filename="../../ui/county/grid.py" line="128"/>
        <source>已导入</source>
        <translation>Imported</translation>
    </message>
    <message>
        <location filename="../../ui/county/grid.py" line="129"/>
        <source>已核验：重算与月结完全一致</source>
        <translation>Verified: the recomputation matches the closure exactly</translation>
    </message>
    <message>
        <location filename="../../ui/county/grid.py" line="130"/>
        <source>逾期：月末后 %1 天仍未收到</source>
        <translation>Late: not received %1 days after the month ended</translation>
    </message>
    <message>
        <location filename="../../ui/county/grid.py" line="135"/>
        <source>已入库，重算时有名称、分区或分类与月结不同，见月结的注</source>
        <translation>Stored; names, zones or categories differed from the closure on recomputation, see its notes</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <location filename="../../ui/hygiene.py" line="157"/>
        <source>历次卫生检查结果</source>
        <translation>Past hygiene check results</translation>
    </message>
    <message>
        <location filename="../../ui/hygiene.py" line="161"/>
        <source>日期列：那次合格几项（共 6 项）；“进步”：最近一次比最早一次多合格几项；各项：几次合格。</source>
        <translation>Date columns: items passed that time (of 6); “Progress”: items passed in the latest check minus the earliest; each item: times passed.</translation>
    </message>
    <message>
        <location filename="../../ui/hygiene.py" line="164"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../ui/hygiene.py" line="167"/>
        <source>%1：最近 %2 次检查</source>
        <translation>%1: last %2 checks</translation>
    </message>
</context>
<context>
    <name>HouseholdFilter</name>
    <message>
        <location filename="../../ui/widgets.py" line="240"/>
        <source>全部小组</source>
        <translation>All groups</translation>
    </message>
</context>
<context>
    <name>Households</name>
    <message>
        <location filename="../../ui/households.py" line="47"/>
        <source>未发卡</source>
        <translation>No card</translation>
    </message>
</context>
<context>
    <name>HouseholdsScreen</name>
    <message>
        <location filename="../../ui/households.py" line="230"/>
        <source>搜索：姓名、拼音首字母（如 zs）或卡号</source>
        <translation>Search: name, pinyin initials (e.g. zs) or card number</translation>
    </message>
    <message>
        <location filename="../../ui/households.py" line="233"/>
        <source>含已迁出</source>
        <translation>Include moved out</translation>
    </message>
    <message>
        <location filename="../../ui/households.py" line="234"/>
        <source>导入名单…</source>
        <translation>Import list…</translation>
    </message>
    <message>
        <location filename="../../ui/households.py" line="248"/>
        <source>农户与积分卡</source>
        <translation>Households</translation>
    </message>
    <message>
        <location filename="../../ui/households.py" line="257"/>
        <source>户信息</source>
        <translation>Household details</translation>
    </message>
    <message>
        <location filename="../../ui/households.py" line="257"/>
        <location filename="../../ui/households.py" line="260"/>
        <location filename="../../ui/households.py" line="396"/>
        <source>新增一户</source>
        <translation>New household</translation>
    </message>
    <message>
        <location filename="../../ui/households.py" line="258"/>
        <source>修改所选户</source>
        <translation>Edit selected household</translation>
    </message>
    <message>
        <location filename="../../ui/households.py" line="273"/>
        <source>户主</source>
        <translation>Head of household</translation>
    </message>
    <message>
        <location filename="../../ui/households.py" line="274"/>
        <source>村民小组</source>
        <translation>Villager group</translation>
    </message>
    <message>
        <location filename="../../ui/households.py" line="275"/>
        <source>人口</source>
        <translation>People</translation>
    </message>
    <message>
        <location filename="../../ui/households.py" line="276"/>
        <source>电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../ui/households.py" line="284"/>
        <source>积分卡（先在左边选中一户）</source>
        <translation>Point card (select a household on the left first)</translation>
    </message>
    <message>
        <location filename="../../ui/households.py" line="285"/>
        <source>发卡</source>
        <translation>Issue card</translation>
    </message>
    <message>
        <location filename="../../ui/households.py" line="286"/>
        <source>给所有没卡的户发卡</source>
        <translation>Issue cards to all without one</translation>
    </message>
    <message>
        <location filename="../../ui/households.py" line="287"/>
        <source>挂失补卡</source>
        <translation>Lost card: replace</translation>
    </message>
    <message>
        <location filename="../../ui/households.py" line="289"/>
        <source>迁出，回收积分卡</source>
        <translation>Move out, card back</translation>
    </message>
    <message>
        <location filename="../../ui/households.py" line="290"/>
        <source>积分明细</source>
        <translation>Point statement</translation>
    </message>
    <message>
        <location filename="../../ui/households.py" line="293"/>
        <source>所选的户</source>
        <translation>Selected households</translation>
    </message>
    <message>
        <location filename="../../ui/households.py" line="294"/>
        <source>筛选的小组</source>
        <translation>Filtered group</translation>
    </message>
    <message>
        <location filename="../../ui/households.py" line="295"/>
        <source>全部在用卡</source>
        <translation>All cards in use</translation>
    </message>
    <message>
        <location filename="../../ui/households.py" line="296"/>
        <source>打印积分卡（PDF）</source>
        <translation>Print cards (PDF)</translation>
    </message>
    <message>
        <location filename="../../ui/households.py" line="334"/>
        <source>共 %1 户，积分合计 %2</source>
        <translation>%1 households, %2 points in all</translation>
    </message>
    <message>
        <location filename="../../ui/households.py" line="352"/>
        <source>请先在列表里选中一户。</source>
        <translation>Select a household in the list first.</translation>
    </message>
    <message>
        <location filename="../../ui/households.py" line="374"/>
        <source>右边表单里还有没保存的内容：先保存，或点“新增一户”清空，再修改别的户。</source>
        <translation>The form on the right has unsaved changes: save them, or press &apos;New household&apos; to empty it, before correcting another household.</translation>
    </message>
    <message>
        <location filename="../../ui/households.py" line="515"/>
        <source>已生成 %1 张积分卡（%2 页），已在 PDF 阅读器中打开，请从那里打印。</source>
        <translation>%1 point cards made (%2 pages), open in the PDF viewer: print them from there.</translation>
    </message>
    <message>
        <location filename="../../ui/households.py" line="377"/>
        <source>修改：%1</source>
        <translation>Edit: %1</translation>
    </message>
    <message>
        <location filename="../../ui/households.py" line="415"/>
        <source>已新增 %1（%2），还没有积分卡：选中后点“发卡”。</source>
        <translation>Added %1 (%2), who has no point card yet: select it and click “Issue card”.</translation>
    </message>
    <message>
        <location filename="../../ui/households.py" line="418"/>
        <source>已保存 %1 一户的修改。</source>
        <translation>Saved the changes to %1&apos;s household.</translation>
    </message>
    <message>
        <location filename="../../ui/households.py" line="427"/>
        <source>已给 %1 发卡 %2，基础积分 %3 分。</source>
        <translation>Issued card %2 to %1 with %3 base points.</translation>
    </message>
    <message>
        <location filename="../../ui/households.py" line="432"/>
        <source>给所有还没有积分卡的在册户各发一张卡（含基础积分）？</source>
        <translation>Issue a card (with base points) to every registered household that has none?</translation>
    </message>
    <message>
        <location filename="../../ui/households.py" line="437"/>
        <source>已发卡 %1 张。</source>
        <translation>%1 cards issued.</translation>
    </message>
    <message>
        <location filename="../../ui/households.py" line="438"/>
        <source>每户都已经有卡了。</source>
        <translation>Every household already has a card.</translation>
    </message>
    <message>
        <location filename="../../ui/households.py" line="454"/>
        <source>%1 一户还没有积分卡。</source>
        <translation>%1&apos;s household has no point card yet.</translation>
    </message>
    <message>
        <location filename="../../ui/households.py" line="455"/>
        <source>%1 的积分卡 %2 挂失：旧卡作废，以后刷旧卡会被拒绝；%3 分全部转到新卡。</source>
        <translation>Report %1&apos;s point card %2 lost: the old card is cancelled and will be refused if scanned; all %3 points move to the new card.</translation>
    </message>
    <message>
        <location filename="../../ui/households.py" line="456"/>
        <source>挂失并补卡</source>
        <translation>Report lost and replace</translation>
    </message>
    <message>
        <location filename="../../ui/households.py" line="463"/>
        <source>旧卡 %1 已作废。新卡 %2，余额 %3 分。请打印新卡交给 %4。</source>
        <translation>Old card %1 is cancelled. New card %2, balance %3 points. Print the new card and give it to %4.</translation>
    </message>
    <message>
        <location filename="../../ui/households.py" line="468"/>
        <source>%1 一户没有在用的积分卡。</source>
        <translation>%1&apos;s household has no point card in use.</translation>
    </message>
    <message>
        <location filename="../../ui/households.py" line="469"/>
        <source>%1 一户迁出：收回积分卡 %2，卡上 %3 分归还村里，这一户标为已迁出。</source>
        <translation>%1&apos;s household moves out: point card %2 is taken back, its %3 points return to the village, and the household is marked as moved out.</translation>
    </message>
    <message>
        <location filename="../../ui/households.py" line="470"/>
        <source>迁出并回收</source>
        <translation>Move out and take back</translation>
    </message>
    <message>
        <location filename="../../ui/households.py" line="477"/>
        <source>已回收 %1 的积分卡，这一户已标为迁出。</source>
        <translation>%1&apos;s point card is taken back; the household is marked as moved out.</translation>
    </message>
    <message>
        <location filename="../../ui/households.py" line="493"/>
        <source>请先在列表里选中要打印的户（可按住 Ctrl 多选）。</source>
        <translation>Select the households to print in the list first (hold Ctrl to select several).</translation>
    </message>
    <message>
        <location filename="../../ui/households.py" line="498"/>
        <source>请先在上面选一个小组。</source>
        <translation>Choose a group above first.</translation>
    </message>
    <message>
        <location filename="../../ui/households.py" line="506"/>
        <source>正在生成 %1 张积分卡……</source>
        <translation>Making %1 point cards…</translation>
    </message>
    <message>
        <location filename="../../ui/households.py" line="511"/>
        <source>生成积分卡</source>
        <translation>Making point cards</translation>
    </message>
</context>
<context>
    <name>HygieneScreen</name>
    <message>
        <location filename="../../ui/hygiene.py" line="182"/>
        <source>如：李书记、王芳</source>
        <translation>e.g.: Secretary Li, Wang Fang</translation>
    </message>
    <message>
        <location filename="../../ui/hygiene.py" line="199"/>
        <source>方向键移动，空格勾选；Shift+空格：整行；Ctrl+空格：整列；点列标题：整列</source>
        <translation>Arrow keys move, Space ticks; Shift+Space: whole row; Ctrl+Space: whole column; click a column title: whole column</translation>
    </message>
    <message>
        <location filename="../../ui/hygiene.py" line="202"/>
        <source>保存这次检查</source>
        <translation>Save this check</translation>
    </message>
    <message>
        <location filename="../../ui/hygiene.py" line="205"/>
        <source>打印空白检查表（PDF）</source>
        <translation>Print blank check sheet (PDF)</translation>
    </message>
    <message>
        <location filename="../../ui/hygiene.py" line="207"/>
        <source>历次检查结果</source>
        <translation>Past results</translation>
    </message>
    <message>
        <location filename="../../ui/hygiene.py" line="211"/>
        <source>或导入填好的检查表 CSV（卡号或户主 + 六项）</source>
        <translation>Or import a filled-in check sheet CSV (card number or head of household + the six items)</translation>
    </message>
    <message>
        <location filename="../../ui/hygiene.py" line="212"/>
        <source>选择文件…</source>
        <translation>Choose file…</translation>
    </message>
    <message>
        <location filename="../../ui/hygiene.py" line="213"/>
        <source>导入并保存</source>
        <translation>Import and save</translation>
    </message>
    <message>
        <location filename="../../ui/hygiene.py" line="216"/>
        <source>卫生检查（五净一规范）</source>
        <translation>Hygiene check (five clean, one tidy)</translation>
    </message>
    <message>
        <location filename="../../ui/hygiene.py" line="217"/>
        <source>小组</source>
        <translation>Group</translation>
    </message>
    <message>
        <location filename="../../ui/hygiene.py" line="217"/>
        <source>检查日期</source>
        <translation>Check date</translation>
    </message>
    <message>
        <location filename="../../ui/hygiene.py" line="218"/>
        <source>检查人</source>
        <translation>Checked by</translation>
    </message>
    <message>
        <location filename="../../ui/hygiene.py" line="242"/>
        <source>全村</source>
        <translation>Whole village</translation>
    </message>
    <message>
        <location filename="../../ui/hygiene.py" line="249"/>
        <source>换了小组：上一组勾选的还没保存，已清空。</source>
        <translation>Group changed: the previous group&apos;s ticks were not saved and have been cleared.</translation>
    </message>
    <message>
        <location filename="../../ui/hygiene.py" line="299"/>
        <source>%1 户，满分 %2 户，共 %3 分</source>
        <translation>%1 households, %2 with full marks, %3 points in all</translation>
    </message>
    <message>
        <location filename="../../ui/hygiene.py" line="305"/>
        <location filename="../../ui/hygiene.py" line="365"/>
        <source>这个小组没有持卡的户。</source>
        <translation>No household in this group has a card.</translation>
    </message>
    <message>
        <location filename="../../ui/hygiene.py" line="311"/>
        <source>%1 %2 的卫生检查：%3。
检查人：%4。保存后积分立即记入。</source>
        <translation>Hygiene check of %1 %2: %3.
Checked by: %4. Points are entered as soon as you save.</translation>
    </message>
    <message>
        <location filename="../../ui/hygiene.py" line="314"/>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../ui/hygiene.py" line="323"/>
        <source>已保存 %1 的卫生检查：%2 户，满分 %3 户，共发 %4 分。</source>
        <translation>Saved the hygiene check of %1: %2 households, %3 with full marks, %4 points awarded.</translation>
    </message>
    <message>
        <location filename="../../ui/hygiene.py" line="328"/>
        <source>选择检查表</source>
        <translation>Choose check sheet</translation>
    </message>
    <message>
        <location filename="../../ui/hygiene.py" line="328"/>
        <source>CSV 文件 (*.csv)</source>
        <translation>CSV files (*.csv)</translation>
    </message>
    <message>
        <location filename="../../ui/hygiene.py" line="339"/>
        <source>打不开这个文件：%1</source>
        <translation>Cannot open this file: %1</translation>
    </message>
    <message>
        <location filename="../../ui/hygiene.py" line="358"/>
        <source>还没有保存过卫生检查。</source>
        <translation>No hygiene check has been saved yet.</translation>
    </message>
    <message>
        <location filename="../../ui/hygiene.py" line="371"/>
        <source>正在生成检查表……</source>
        <translation>Making the check sheet…</translation>
    </message>
    <message>
        <location filename="../../ui/hygiene.py" line="374"/>
        <source>生成检查表</source>
        <translation>Making check sheet</translation>
    </message>
    <message>
        <location filename="../../ui/hygiene.py" line="379"/>
        <source>检查表（%1 页）已在 PDF 阅读器中打开，请从那里打印。</source>
        <translation>The round sheet (%1 pages) is open in the PDF viewer: print it from there.</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../ui/households.py" line="89"/>
        <location filename="../../ui/households.py" line="153"/>
        <source>导入农户名单</source>
        <translation>Import household list</translation>
    </message>
    <message>
        <location filename="../../ui/households.py" line="94"/>
        <source>CSV 文件（Excel 另存为“CSV UTF-8”）</source>
        <translation>CSV file (in Excel, Save As “CSV UTF-8”)</translation>
    </message>
    <message>
        <location filename="../../ui/households.py" line="95"/>
        <source>选择文件…</source>
        <translation>Choose file…</translation>
    </message>
    <message>
        <location filename="../../ui/households.py" line="99"/>
        <source>列：户主、村民小组、人口、电话（电话可空）。先检查，再导入。</source>
        <translation>Columns: head of household, villager group, people, phone (phone optional). Check first, then import.</translation>
    </message>
    <message>
        <location filename="../../ui/households.py" line="104"/>
        <source>全部导入</source>
        <translation>Import all</translation>
    </message>
    <message>
        <location filename="../../ui/households.py" line="108"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../ui/households.py" line="115"/>
        <source>选择农户名单</source>
        <translation>Choose the households file</translation>
    </message>
    <message>
        <location filename="../../ui/households.py" line="115"/>
        <source>CSV 文件 (*.csv);;所有文件 (*)</source>
        <translation>CSV files (*.csv);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../ui/households.py" line="126"/>
        <source>打不开这个文件：%1</source>
        <translation>Cannot open this file: %1</translation>
    </message>
    <message>
        <location filename="../../ui/households.py" line="136"/>
        <source>共 %1 户，没有问题。点“全部导入”后一次写入。</source>
        <translation>%1 households, no problems. Click “Import all” to add them in one go.</translation>
    </message>
    <message>
        <location filename="../../ui/households.py" line="137"/>
        <source>检查通过：%1 户</source>
        <translation>Check passed: %1 households</translation>
    </message>
    <message>
        <location filename="../../ui/households.py" line="140"/>
        <source>第 %1 行：%2</source>
        <translation>Line %1: %2</translation>
    </message>
    <message>
        <location filename="../../ui/households.py" line="141"/>
        <source>有 %1 处问题，改好文件后再检查。什么都没有导入。</source>
        <translation>%1 problems: fix the file and check again. Nothing was imported.</translation>
    </message>
    <message>
        <location filename="../../ui/households.py" line="149"/>
        <source>正在导入……</source>
        <translation>Importing…</translation>
    </message>
    <message>
        <location filename="../../ui/households.py" line="157"/>
        <source>已导入 %1 户。下一步：给他们发卡。</source>
        <translation>Imported %1 households. Next: issue their cards.</translation>
    </message>
    <message>
        <location filename="../../ui/households.py" line="158"/>
        <location filename="../../ui/households.py" line="159"/>
        <source>已导入 %1 户</source>
        <translation>Imported %1 households</translation>
    </message>
</context>
<context>
    <name>IntakeTab</name>
    <message>
        <location filename="../../ui/goods/intake.py" line="98"/>
        <source>捐赠</source>
        <translation>Donation</translation>
    </message>
    <message>
        <location filename="../../ui/goods/intake.py" line="99"/>
        <source>采购</source>
        <translation>Purchase</translation>
    </message>
    <message>
        <location filename="../../ui/goods/intake.py" line="101"/>
        <source>捐赠人或单位</source>
        <translation>Donor person or organisation</translation>
    </message>
    <message>
        <location filename="../../ui/goods/intake.py" line="105"/>
        <source>扫码，或输入编码/名称首字母后回车</source>
        <translation>Scan, or type a code or name initials and press Enter</translation>
    </message>
    <message>
        <location filename="../../ui/goods/intake.py" line="107"/>
        <source>加入</source>
        <translation>Add</translation>
    </message>
    <message>
        <location filename="../../ui/goods/intake.py" line="108"/>
        <source>删去所选行</source>
        <translation>Remove selected rows</translation>
    </message>
    <message>
        <location filename="../../ui/goods/intake.py" line="117"/>
        <location filename="../../ui/goods/intake.py" line="199"/>
        <source>入库</source>
        <translation>Stock intake</translation>
    </message>
    <message>
        <location filename="../../ui/goods/intake.py" line="122"/>
        <source>来源</source>
        <translation>Source</translation>
    </message>
    <message>
        <location filename="../../ui/goods/intake.py" line="122"/>
        <source>方式</source>
        <translation>How</translation>
    </message>
    <message>
        <location filename="../../ui/goods/intake.py" line="123"/>
        <source>捐赠方</source>
        <translation>Donor</translation>
    </message>
    <message>
        <location filename="../../ui/goods/intake.py" line="123"/>
        <source>捐赠方类型</source>
        <translation>Donor type</translation>
    </message>
    <message>
        <location filename="../../ui/goods/intake.py" line="124"/>
        <source>资金来源（采购）</source>
        <translation>Funding (purchase)</translation>
    </message>
    <message>
        <location filename="../../ui/goods/intake.py" line="124"/>
        <source>收到日期</source>
        <translation>Date received</translation>
    </message>
    <message>
        <location filename="../../ui/goods/intake.py" line="178"/>
        <source>加入 %1 × %2</source>
        <translation>Add %1 × %2</translation>
    </message>
    <message>
        <location filename="../../ui/goods/intake.py" line="187"/>
        <source>%1 种，%2 件，价值 %3 元</source>
        <translation>%1 kinds, %2 items, worth %3 yuan</translation>
    </message>
    <message>
        <location filename="../../ui/goods/intake.py" line="195"/>
        <source>%1（%2）捐赠</source>
        <translation>Donated by %1 (%2)</translation>
    </message>
    <message>
        <location filename="../../ui/goods/intake.py" line="197"/>
        <source>采购，资金来源：%1</source>
        <translation>Purchase, funded by: %1</translation>
    </message>
    <message>
        <location filename="../../ui/goods/intake.py" line="198"/>
        <source>入库：%1
%2</source>
        <translation>Stock intake: %1
%2</translation>
    </message>
    <message>
        <location filename="../../ui/goods/intake.py" line="214"/>
        <source>已入库 %1 种，共 %2 件，价值 %3 元（入库单 %4）</source>
        <translation>Received %1 kinds, %2 items, worth %3 yuan (intake no. %4)</translation>
    </message>
</context>
<context>
    <name>KeysScreen</name>
    <message>
        <location filename="../../ui/county/keys.py" line="41"/>
        <source>核对无误，接受选中的新密钥</source>
        <translation>Checked: accept the selected new key</translation>
    </message>
    <message>
        <location filename="../../ui/county/keys.py" line="43"/>
        <source>各村签名密钥</source>
        <translation>The villages&apos; signing keys</translation>
    </message>
    <message>
        <location filename="../../ui/county/keys.py" line="60"/>
        <source>请先选中一把“待接受”的新密钥。</source>
        <translation>Select a new key that is &quot;waiting&quot; first.</translation>
    </message>
    <message>
        <location filename="../../ui/county/keys.py" line="63"/>
        <source>接受 %1 的新密钥 %2？
请先确认它与该村最新公示上印的指纹完全一致。接受后，暂存的 %3 个数据包将被核验并导入。</source>
        <translation>Accept %1&apos;s new key %2?
First make sure it is exactly the fingerprint printed on the village&apos;s latest notice. Once accepted, the %3 packages held will be checked and imported.</translation>
    </message>
    <message>
        <location filename="../../ui/county/keys.py" line="66"/>
        <source>接受</source>
        <translation>Accept</translation>
    </message>
    <message>
        <location filename="../../ui/county/keys.py" line="75"/>
        <source>已接受新密钥，导入了暂存的 %1 个数据包；回执在 %2。</source>
        <translation>New key accepted; %1 held packages imported; receipts in %2.</translation>
    </message>
</context>
<context>
    <name>LockPage</name>
    <message>
        <location filename="../../ui/login.py" line="117"/>
        <source>输入密码解锁；换人时填写自己的用户名。
前一位操作员未完成的兑换会为他保留。</source>
        <translation>Enter the password to unlock; another user enters their own name.
The previous user&apos;s open sale is kept for them.</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="120"/>
        <source>解锁</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="137"/>
        <source>刚才扫了一张卡，不是密码：没有算作一次登录。请操作员先输入密码解锁。</source>
        <translation>A card was just scanned, not a password: it did not count as a login. The operator types the password to unlock first.</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="141"/>
        <source>已锁定 · 操作员 %1</source>
        <translation>Locked · user %1</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../ui/app.py" line="331"/>
        <source>演示村：管理员 wangfang，监督员 lishuji，密码都是 %1</source>
        <translation>Demo village: administrator wangfang, supervisor lishuji, password %1 for both</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="89"/>
        <source>登录 · 爱心超市积分兑换</source>
        <translation>Log in · Love Supermarket Points</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="90"/>
        <source>爱心超市</source>
        <translation>Love Supermarket</translation>
    </message>
</context>
<context>
    <name>MonthBar</name>
    <message>
        <location filename="../../ui/county/window.py" line="78"/>
        <source>◀ 上月</source>
        <translation>◀ Previous</translation>
    </message>
    <message>
        <location filename="../../ui/county/window.py" line="84"/>
        <source>下月 ▶</source>
        <translation>Next ▶</translation>
    </message>
    <message>
        <location filename="../../ui/county/window.py" line="104"/>
        <source>%1年%2月</source>
        <translation>%2/%1</translation>
    </message>
</context>
<context>
    <name>MonthScreen</name>
    <message>
        <location filename="../../ui/county/month.py" line="40"/>
        <source>生成月报（Excel 工作簿和一页 PDF）</source>
        <translation>Make the month&apos;s report (Excel workbook and one-page PDF)</translation>
    </message>
    <message>
        <location filename="../../ui/county/month.py" line="85"/>
        <source>偏高，需核实</source>
        <translation>High: check it</translation>
    </message>
    <message>
        <location filename="../../ui/county/month.py" line="85"/>
        <source>正常</source>
        <translation>Normal</translation>
    </message>
    <message>
        <location filename="../../ui/county/month.py" line="92"/>
        <source>只看偏高的村</source>
        <translation>Only villages that stand out</translation>
    </message>
    <message>
        <location filename="../../ui/county/month.py" line="106"/>
        <source>全县合计</source>
        <translation>County totals</translation>
    </message>
    <message>
        <location filename="../../ui/county/month.py" line="107"/>
        <source>各村</source>
        <translation>Villages</translation>
    </message>
    <message>
        <location filename="../../ui/county/month.py" line="108"/>
        <source>户均比较</source>
        <translation>Per household</translation>
    </message>
    <message>
        <location filename="../../ui/county/month.py" line="109"/>
        <source>需要关注</source>
        <translation>Needs attention</translation>
    </message>
    <message>
        <location filename="../../ui/county/month.py" line="127"/>
        <source>%1 月度汇总：%2 个村中 %3 个村本月已核验入库</source>
        <translation>%1: %3 of %2 villages verified and stored this month</translation>
    </message>
    <message>
        <location filename="../../ui/county/month.py" line="134"/>
        <source>本月没有需要关注的事项。</source>
        <translation>Nothing needs attention this month.</translation>
    </message>
    <message>
        <location filename="../../ui/county/month.py" line="135"/>
        <source>需要关注（%1）</source>
        <translation>Needs attention (%1)</translation>
    </message>
    <message>
        <location filename="../../ui/county/month.py" line="146"/>
        <source>本月核验入库的村不足 %1 个，不作比较。</source>
        <translation>Fewer than %1 villages verified this month: no comparison.</translation>
    </message>
    <message>
        <location filename="../../ui/county/month.py" line="148"/>
        <source>没有村明显偏高。</source>
        <translation>No village stands out.</translation>
    </message>
    <message>
        <location filename="../../ui/county/month.py" line="150"/>
        <source>%1 项偏高：户均超过全县中位数 %2 个离散度以上，且至少是中位数的 1.5 倍。</source>
        <translation>%1 figures stand out: per household more than %2 spreads above the county median, and at least 1.5 times the median.</translation>
    </message>
    <message>
        <location filename="../../ui/county/month.py" line="164"/>
        <source>已生成：%1 和 %2</source>
        <translation>Written: %1 and %2</translation>
    </message>
</context>
<context>
    <name>PackagesScreen</name>
    <message>
        <location filename="../../ui/county/packages.py" line="53"/>
        <source>选择数据包文件…</source>
        <translation>Choose package files…</translation>
    </message>
    <message>
        <location filename="../../ui/county/packages.py" line="54"/>
        <source>导入整个文件夹（U 盘）…</source>
        <translation>Import a whole folder (USB stick)…</translation>
    </message>
    <message>
        <location filename="../../ui/county/packages.py" line="55"/>
        <source>回执写回数据包所在的文件夹（交回各村）</source>
        <translation>Write receipts beside the packages (for the villages)</translation>
    </message>
    <message>
        <location filename="../../ui/county/packages.py" line="85"/>
        <source>这次导入的结果</source>
        <translation>This import</translation>
    </message>
    <message>
        <location filename="../../ui/county/packages.py" line="86"/>
        <source>县级收到过的数据包（最新的在前）</source>
        <translation>Packages the county received (newest first)</translation>
    </message>
    <message>
        <location filename="../../ui/county/packages.py" line="103"/>
        <source>回执：%1</source>
        <translation>Receipt: %1</translation>
    </message>
    <message>
        <location filename="../../ui/county/packages.py" line="110"/>
        <source>月结 %1（%2）：新增交易 %3 笔，每笔重算核对无误。</source>
        <translation>Closures %1 (%2): %3 new transactions, each recomputed and correct.</translation>
    </message>
    <message>
        <location filename="../../ui/county/packages.py" line="113"/>
        <source>回执已写好。</source>
        <translation>Receipt written.</translation>
    </message>
    <message>
        <location filename="../../ui/county/packages.py" line="115"/>
        <source>（有 %1 条注：名称、分区或分类与月结不同）</source>
        <translation>(%1 notes: names, zones or categories differ from the closure)</translation>
    </message>
    <message>
        <location filename="../../ui/county/packages.py" line="118"/>
        <source>县级已有这些月结，未作改动。</source>
        <translation>The county already holds these closures; nothing changed.</translation>
    </message>
    <message>
        <location filename="../../ui/county/packages.py" line="120"/>
        <source>回执已再次写好。</source>
        <translation>Receipt written again.</translation>
    </message>
    <message>
        <location filename="../../ui/county/packages.py" line="125"/>
        <source>%1 换了签名密钥（%2）：请到“村级密钥”（F4），与该村公示上印的指纹核对后接受。</source>
        <translation>%1 changed its signing key (%2): go to Village keys (F4), compare it with the fingerprint on the village&apos;s notice, then accept it.</translation>
    </message>
    <message>
        <location filename="../../ui/county/packages.py" line="143"/>
        <source>选择数据包</source>
        <translation>Choose packages</translation>
    </message>
    <message>
        <location filename="../../ui/county/packages.py" line="143"/>
        <source>上报数据包 (*%1)</source>
        <translation>Village packages (*%1)</translation>
    </message>
    <message>
        <location filename="../../ui/county/packages.py" line="148"/>
        <source>选择 U 盘或文件夹</source>
        <translation>Choose the USB stick or a folder</translation>
    </message>
    <message>
        <location filename="../../ui/county/packages.py" line="155"/>
        <source>%1 里没有上报数据包（*%2）。</source>
        <translation>No village packages (*%2) in %1.</translation>
    </message>
    <message>
        <location filename="../../ui/county/packages.py" line="164"/>
        <source>正在核验 %1 个数据包：签名、每一笔交易的哈希、每个月结的重算……</source>
        <translation>Checking %1 packages: signatures, every transaction&apos;s hash, every closure recomputed…</translation>
    </message>
    <message>
        <location filename="../../ui/county/packages.py" line="182"/>
        <source>正在核验并导入数据包</source>
        <translation>Checking and importing packages</translation>
    </message>
    <message>
        <location filename="../../ui/county/packages.py" line="189"/>
        <source>%1 个数据包：已导入 %2，已有 %3，暂存 %4，拒收 %5。</source>
        <translation>%1 packages: %2 imported, %3 already held, %4 held for a key, %5 refused.</translation>
    </message>
    <message>
        <location filename="../../ui/county/packages.py" line="193"/>
        <source>%1 个文件未能读取。</source>
        <translation>%1 files could not be read.</translation>
    </message>
</context>
<context>
    <name>Person</name>
    <message>
        <location filename="../../ui/setup.py" line="55"/>
        <source>至少 6 位</source>
        <translation>at least 6 characters</translation>
    </message>
    <message>
        <location filename="../../ui/setup.py" line="57"/>
        <source>用户名（登录用）</source>
        <translation>User name (for login)</translation>
    </message>
    <message>
        <location filename="../../ui/setup.py" line="58"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/setup.py" line="59"/>
        <source>密码</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../ui/setup.py" line="60"/>
        <source>再输一次</source>
        <translation>Once more</translation>
    </message>
</context>
<context>
    <name>PrinterTab</name>
    <message>
        <location filename="../../ui/settings/printer.py" line="26"/>
        <source>第 %1 笔</source>
        <translation>No. %1</translation>
    </message>
    <message>
        <location filename="../../ui/settings/printer.py" line="31"/>
        <source>原件</source>
        <translation>Original</translation>
    </message>
    <message>
        <location filename="../../ui/settings/printer.py" line="32"/>
        <source>重印第 %1 次</source>
        <translation>Reprint %1</translation>
    </message>
    <message>
        <location filename="../../ui/settings/printer.py" line="58"/>
        <source>%1 毫米</source>
        <translation>%1 mm</translation>
    </message>
    <message>
        <location filename="../../ui/settings/printer.py" line="61"/>
        <source>无</source>
        <translation>None</translation>
    </message>
    <message>
        <location filename="../../ui/settings/printer.py" line="61"/>
        <source>软件（XON/XOFF）</source>
        <translation>Software (XON/XOFF)</translation>
    </message>
    <message>
        <location filename="../../ui/settings/printer.py" line="61"/>
        <source>硬件（RTS/CTS）</source>
        <translation>Hardware (RTS/CTS)</translation>
    </message>
    <message>
        <location filename="../../ui/settings/printer.py" line="63"/>
        <source>打印前查询打印机状态（缺纸、开盖）</source>
        <translation>Ask the printer&apos;s status before printing (paper out, cover open)</translation>
    </message>
    <message>
        <location filename="../../ui/settings/printer.py" line="64"/>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../ui/settings/printer.py" line="66"/>
        <source>打印测试页</source>
        <translation>Print test page</translation>
    </message>
    <message>
        <location filename="../../ui/settings/printer.py" line="67"/>
        <source>重新查找串口</source>
        <translation>Find serial ports again</translation>
    </message>
    <message>
        <location filename="../../ui/settings/printer.py" line="69"/>
        <source>小票打印机</source>
        <translation>Receipt printer</translation>
    </message>
    <message>
        <location filename="../../ui/settings/printer.py" line="69"/>
        <source>串口</source>
        <translation>Serial port</translation>
    </message>
    <message>
        <location filename="../../ui/settings/printer.py" line="70"/>
        <source>波特率</source>
        <translation>Baud rate</translation>
    </message>
    <message>
        <location filename="../../ui/settings/printer.py" line="70"/>
        <source>纸宽</source>
        <translation>Paper width</translation>
    </message>
    <message>
        <location filename="../../ui/settings/printer.py" line="70"/>
        <source>流控</source>
        <translation>Flow control</translation>
    </message>
    <message>
        <location filename="../../ui/settings/printer.py" line="75"/>
        <source>补打全部待打印</source>
        <translation>Print all waiting</translation>
    </message>
    <message>
        <location filename="../../ui/settings/printer.py" line="76"/>
        <source>重印所选</source>
        <translation>Reprint selected</translation>
    </message>
    <message>
        <location filename="../../ui/settings/printer.py" line="77"/>
        <source>小票队列</source>
        <translation>Receipt queue</translation>
    </message>
    <message>
        <location filename="../../ui/settings/printer.py" line="118"/>
        <source>打印机设置已保存：%1</source>
        <translation>Printer settings saved: %1</translation>
    </message>
    <message>
        <location filename="../../ui/settings/printer.py" line="124"/>
        <source>测试页已发送到 %1，打印机状态：%2</source>
        <translation>Test page sent to %1, printer status: %2</translation>
    </message>
    <message>
        <location filename="../../ui/settings/printer.py" line="136"/>
        <source>请先在队列里选中一张小票。</source>
        <translation>Select a receipt in the queue first.</translation>
    </message>
</context>
<context>
    <name>RecoveryDialog</name>
    <message>
        <location filename="../../ui/recovery.py" line="38"/>
        <source>数据库有问题</source>
        <translation>The database has a problem</translation>
    </message>
    <message>
        <location filename="../../ui/recovery.py" line="46"/>
        <source>用这份备份恢复</source>
        <translation>Restore this backup</translation>
    </message>
    <message>
        <location filename="../../ui/recovery.py" line="50"/>
        <source>找到的最新一份检查通过的备份：%1
%2，共 %3 笔。恢复需要一位用户和另一位监督员的密码（都是这份备份里的账号）。</source>
        <translation>The newest backup that passes its checks: %1
%2, %3 transactions. Restoring needs a user&apos;s password and another supervisor&apos;s (both accounts in this backup).</translation>
    </message>
    <message>
        <location filename="../../ui/recovery.py" line="62"/>
        <source>用户名</source>
        <translation>User name</translation>
    </message>
    <message>
        <location filename="../../ui/recovery.py" line="63"/>
        <source>密码</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../ui/recovery.py" line="64"/>
        <source>审批监督员</source>
        <translation>Approving supervisor</translation>
    </message>
    <message>
        <location filename="../../ui/recovery.py" line="65"/>
        <source>监督员密码</source>
        <translation>Supervisor password</translation>
    </message>
    <message>
        <location filename="../../ui/recovery.py" line="70"/>
        <source>没有找到检查通过的备份。请把有备份的 U 盘插上后重新打开程序，或请维护人员帮忙。</source>
        <translation>No backup that passes its checks was found. Plug in the USB stick with the backups and open the program again, or ask the maintainer for help.</translation>
    </message>
    <message>
        <location filename="../../ui/recovery.py" line="74"/>
        <source>设置一个新村</source>
        <translation>Set up a new village</translation>
    </message>
    <message>
        <location filename="../../ui/recovery.py" line="78"/>
        <source>退出</source>
        <translation>Quit</translation>
    </message>
</context>
<context>
    <name>RowsModel</name>
    <message>
        <location filename="../../ui/awards.py" line="71"/>
        <location filename="../../ui/claims.py" line="25"/>
        <location filename="../../ui/counter/panels.py" line="21"/>
        <location filename="../../ui/households.py" line="43"/>
        <location filename="../../ui/households.py" line="65"/>
        <location filename="../../ui/hygiene.py" line="91"/>
        <location filename="../../ui/hygiene.py" line="142"/>
        <source>户主</source>
        <translation>Head of household</translation>
    </message>
    <message>
        <location filename="../../ui/awards.py" line="72"/>
        <location filename="../../ui/counter/panels.py" line="22"/>
        <location filename="../../ui/households.py" line="42"/>
        <location filename="../../ui/households.py" line="66"/>
        <source>小组</source>
        <translation>Group</translation>
    </message>
    <message>
        <location filename="../../ui/awards.py" line="73"/>
        <source>卡号</source>
        <translation>Card no.</translation>
    </message>
    <message>
        <location filename="../../ui/awards.py" line="74"/>
        <source>现有积分</source>
        <translation>Points now</translation>
    </message>
    <message>
        <location filename="../../ui/claims.py" line="24"/>
        <location filename="../../ui/county/spotchecks.py" line="54"/>
        <location filename="../../ui/county/spotchecks.py" line="70"/>
        <location filename="../../ui/settings/rules.py" line="32"/>
        <location filename="../../ui/supervisor/audit.py" line="58"/>
        <location filename="../../ui/wishes/wall.py" line="52"/>
        <source>编号</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../../ui/claims.py" line="27"/>
        <source>分数</source>
        <translation>Points</translation>
    </message>
    <message>
        <location filename="../../ui/claims.py" line="29"/>
        <source>事迹日期</source>
        <translation>Deed date</translation>
    </message>
    <message>
        <location filename="../../ui/claims.py" line="30"/>
        <source>申报人</source>
        <translation>Declared by</translation>
    </message>
    <message>
        <location filename="../../ui/claims.py" line="31"/>
        <source>公示</source>
        <translation>Posting</translation>
    </message>
    <message>
        <location filename="../../ui/county/spotchecks.py" line="57"/>
        <source>抽取时间</source>
        <translation>Drawn at</translation>
    </message>
    <message>
        <location filename="../../ui/county/spotchecks.py" line="59"/>
        <source>抽取人</source>
        <translation>Drawn by</translation>
    </message>
    <message>
        <location filename="../../ui/county/spotchecks.py" line="60"/>
        <source>已填结果</source>
        <translation>Entered</translation>
    </message>
    <message>
        <location filename="../../ui/county/spotchecks.py" line="61"/>
        <source>不符</source>
        <translation>Differ</translation>
    </message>
    <message>
        <location filename="../../ui/county/spotchecks.py" line="68"/>
        <location filename="../../ui/households.py" line="76"/>
        <location filename="../../ui/settings/rules.py" line="33"/>
        <location filename="../../ui/supervisor/audit.py" line="59"/>
        <location filename="../../ui/supervisor/statement.py" line="22"/>
        <location filename="../../ui/wishes/wall.py" line="56"/>
        <source>类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../ui/county/spotchecks.py" line="71"/>
        <source>户主 / 商品</source>
        <translation>Household head / goods</translation>
    </message>
    <message>
        <location filename="../../ui/county/spotchecks.py" line="72"/>
        <source>县级数据（积分余额 / 库存）</source>
        <translation>County&apos;s figure (balance / stock)</translation>
    </message>
    <message>
        <location filename="../../ui/county/spotchecks.py" line="74"/>
        <source>实际（双击填写）</source>
        <translation>Found (double-click to type)</translation>
    </message>
    <message>
        <location filename="../../ui/county/spotchecks.py" line="76"/>
        <source>核对</source>
        <translation>Check</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/audit.py" line="60"/>
        <location filename="../../ui/supervisor/audit.py" line="82"/>
        <location filename="../../ui/wishes/wall.py" line="81"/>
        <source>操作员</source>
        <translation>Operator</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/audit.py" line="63"/>
        <location filename="../../ui/wishes/wall.py" line="54"/>
        <source>农户</source>
        <translation>Household</translation>
    </message>
    <message>
        <location filename="../../ui/counter/panels.py" line="23"/>
        <location filename="../../ui/counter/screen.py" line="99"/>
        <location filename="../../ui/counter/screen.py" line="111"/>
        <location filename="../../ui/counter/screen.py" line="128"/>
        <location filename="../../ui/households.py" line="49"/>
        <location filename="../../ui/households.py" line="78"/>
        <location filename="../../ui/supervisor/audit.py" line="64"/>
        <location filename="../../ui/supervisor/statement.py" line="23"/>
        <source>积分</source>
        <translation>Points</translation>
    </message>
    <message>
        <location filename="../../ui/claims.py" line="28"/>
        <location filename="../../ui/county/keys.py" line="31"/>
        <location filename="../../ui/goods/catalogue.py" line="56"/>
        <location filename="../../ui/households.py" line="48"/>
        <location filename="../../ui/settings/printer.py" line="40"/>
        <location filename="../../ui/settings/rules.py" line="37"/>
        <location filename="../../ui/settings/users.py" line="32"/>
        <location filename="../../ui/supervisor/audit.py" line="79"/>
        <location filename="../../ui/wishes/wall.py" line="53"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/county/keys.py" line="33"/>
        <source>密钥指纹（与村里公示上印的核对）</source>
        <translation>Key fingerprint (compare with the village&apos;s notice)</translation>
    </message>
    <message>
        <location filename="../../ui/county/keys.py" line="34"/>
        <source>暂存的数据包</source>
        <translation>Packages held</translation>
    </message>
    <message>
        <location filename="../../ui/county/keys.py" line="35"/>
        <source>首次收到</source>
        <translation>First seen</translation>
    </message>
    <message>
        <location filename="../../ui/county/keys.py" line="37"/>
        <location filename="../../ui/county/packages.py" line="79"/>
        <source>经办</source>
        <translation>By</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/audit.py" line="80"/>
        <source>提示</source>
        <translation>Alert</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/audit.py" line="90"/>
        <source>审核人</source>
        <translation>Reviewed by</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/audit.py" line="92"/>
        <source>意见</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../ui/counter/screen.py" line="95"/>
        <location filename="../../ui/supervisor/statement.py" line="21"/>
        <source>流水号</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../../ui/counter/screen.py" line="96"/>
        <location filename="../../ui/settings/printer.py" line="42"/>
        <location filename="../../ui/supervisor/audit.py" line="57"/>
        <location filename="../../ui/supervisor/audit.py" line="81"/>
        <location filename="../../ui/supervisor/audit.py" line="91"/>
        <location filename="../../ui/wishes/wall.py" line="78"/>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../ui/counter/screen.py" line="97"/>
        <source>事项</source>
        <translation>What</translation>
    </message>
    <message>
        <location filename="../../ui/counter/screen.py" line="98"/>
        <location filename="../../ui/county/packages.py" line="66"/>
        <location filename="../../ui/supervisor/audit.py" line="66"/>
        <location filename="../../ui/supervisor/audit.py" line="83"/>
        <source>说明</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../ui/counter/screen.py" line="108"/>
        <location filename="../../ui/counter/screen.py" line="127"/>
        <source>商品</source>
        <translation>Goods</translation>
    </message>
    <message>
        <location filename="../../ui/counter/screen.py" line="109"/>
        <source>单价</source>
        <translation>Price</translation>
    </message>
    <message>
        <location filename="../../ui/counter/screen.py" line="110"/>
        <location filename="../../ui/goods/donations.py" line="22"/>
        <location filename="../../ui/goods/intake.py" line="89"/>
        <source>数量</source>
        <translation>Quantity</translation>
    </message>
    <message>
        <location filename="../../ui/counter/screen.py" line="129"/>
        <location filename="../../ui/goods/catalogue.py" line="54"/>
        <source>库存</source>
        <translation>Stock</translation>
    </message>
    <message>
        <location filename="../../ui/goods/catalogue.py" line="48"/>
        <location filename="../../ui/goods/count.py" line="26"/>
        <location filename="../../ui/goods/intake.py" line="87"/>
        <source>编码</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../../ui/goods/catalogue.py" line="49"/>
        <location filename="../../ui/goods/count.py" line="27"/>
        <location filename="../../ui/goods/intake.py" line="88"/>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/goods/catalogue.py" line="50"/>
        <source>区</source>
        <translation>Zone</translation>
    </message>
    <message>
        <location filename="../../ui/goods/catalogue.py" line="51"/>
        <source>兑换分值</source>
        <translation>Points</translation>
    </message>
    <message>
        <location filename="../../ui/goods/catalogue.py" line="52"/>
        <source>参考价（元）</source>
        <translation>Ref. price (yuan)</translation>
    </message>
    <message>
        <location filename="../../ui/goods/catalogue.py" line="53"/>
        <location filename="../../ui/goods/count.py" line="28"/>
        <source>单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../../ui/goods/donations.py" line="23"/>
        <location filename="../../ui/goods/intake.py" line="90"/>
        <source>价值（元）</source>
        <translation>Value (yuan)</translation>
    </message>
    <message>
        <location filename="../../ui/goods/donations.py" line="18"/>
        <location filename="../../ui/households.py" line="75"/>
        <location filename="../../ui/supervisor/statement.py" line="20"/>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../ui/goods/donations.py" line="19"/>
        <source>捐赠方</source>
        <translation>Donor</translation>
    </message>
    <message>
        <location filename="../../ui/goods/donations.py" line="20"/>
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../ui/goods/donations.py" line="21"/>
        <source>物品</source>
        <translation>Goods</translation>
    </message>
    <message>
        <location filename="../../ui/goods/count.py" line="29"/>
        <source>账面库存</source>
        <translation>Stock on books</translation>
    </message>
    <message>
        <location filename="../../ui/goods/count.py" line="30"/>
        <source>实点数量</source>
        <translation>Counted</translation>
    </message>
    <message>
        <location filename="../../ui/goods/count.py" line="31"/>
        <source>差异</source>
        <translation>Difference</translation>
    </message>
    <message>
        <location filename="../../ui/households.py" line="44"/>
        <location filename="../../ui/households.py" line="67"/>
        <source>人口</source>
        <translation>People</translation>
    </message>
    <message>
        <location filename="../../ui/households.py" line="45"/>
        <location filename="../../ui/households.py" line="68"/>
        <source>电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../ui/households.py" line="46"/>
        <source>积分卡</source>
        <translation>Point card</translation>
    </message>
    <message>
        <location filename="../../ui/households.py" line="64"/>
        <source>行号</source>
        <translation>Line</translation>
    </message>
    <message>
        <location filename="../../ui/households.py" line="69"/>
        <source>问题</source>
        <translation>Problem</translation>
    </message>
    <message>
        <location filename="../../ui/households.py" line="77"/>
        <source>事由</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../ui/households.py" line="79"/>
        <location filename="../../ui/supervisor/statement.py" line="24"/>
        <source>余额</source>
        <translation>Balance</translation>
    </message>
    <message>
        <location filename="../../ui/hygiene.py" line="93"/>
        <source>得分</source>
        <translation>Score</translation>
    </message>
    <message>
        <location filename="../../ui/hygiene.py" line="146"/>
        <source>进步</source>
        <translation>Progress</translation>
    </message>
    <message>
        <location filename="../../ui/claims.py" line="26"/>
        <location filename="../../ui/settings/rules.py" line="34"/>
        <source>细则</source>
        <translation>Rule</translation>
    </message>
    <message>
        <location filename="../../ui/settings/rules.py" line="35"/>
        <source>分值</source>
        <translation>Points</translation>
    </message>
    <message>
        <location filename="../../ui/settings/rules.py" line="36"/>
        <source>次数上限</source>
        <translation>Limit</translation>
    </message>
    <message>
        <location filename="../../ui/settings/users.py" line="29"/>
        <source>用户名</source>
        <translation>User name</translation>
    </message>
    <message>
        <location filename="../../ui/settings/users.py" line="30"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/settings/users.py" line="31"/>
        <source>角色</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../../ui/settings/users.py" line="33"/>
        <source>本人农户</source>
        <translation>Own household</translation>
    </message>
    <message>
        <location filename="../../ui/settings/printer.py" line="38"/>
        <source>兑换单</source>
        <translation>Redemption</translation>
    </message>
    <message>
        <location filename="../../ui/settings/printer.py" line="39"/>
        <source>份</source>
        <translation>Copy</translation>
    </message>
    <message>
        <location filename="../../ui/settings/printer.py" line="41"/>
        <source>尝试</source>
        <translation>Tries</translation>
    </message>
    <message>
        <location filename="../../ui/settings/backups.py" line="31"/>
        <source>备份时间</source>
        <translation>Backed up at</translation>
    </message>
    <message>
        <location filename="../../ui/county/packages.py" line="62"/>
        <location filename="../../ui/county/packages.py" line="80"/>
        <location filename="../../ui/settings/backups.py" line="33"/>
        <source>文件</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../../ui/county/packages.py" line="64"/>
        <location filename="../../ui/county/packages.py" line="76"/>
        <source>结果</source>
        <translation>Result</translation>
    </message>
    <message>
        <location filename="../../ui/county/packages.py" line="72"/>
        <source>收到时间</source>
        <translation>Received</translation>
    </message>
    <message>
        <location filename="../../ui/county/packages.py" line="75"/>
        <location filename="../../ui/county/spotchecks.py" line="56"/>
        <source>月份</source>
        <translation>Months</translation>
    </message>
    <message>
        <location filename="../../ui/county/packages.py" line="78"/>
        <source>原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../ui/settings/backups.py" line="34"/>
        <source>大小</source>
        <translation>Size</translation>
    </message>
    <message>
        <location filename="../../ui/county/month.py" line="47"/>
        <location filename="../../ui/county/village.py" line="35"/>
        <location filename="../../ui/supervisor/close.py" line="35"/>
        <source>项目</source>
        <translation>Item</translation>
    </message>
    <message>
        <location filename="../../ui/county/month.py" line="48"/>
        <source>全县</source>
        <translation>County</translation>
    </message>
    <message>
        <location filename="../../ui/county/month.py" line="55"/>
        <source>本月</source>
        <translation>This month</translation>
    </message>
    <message>
        <location filename="../../ui/county/month.py" line="57"/>
        <source>户数</source>
        <translation>Households</translation>
    </message>
    <message>
        <location filename="../../ui/county/month.py" line="58"/>
        <source>发放积分</source>
        <translation>Points issued</translation>
    </message>
    <message>
        <location filename="../../ui/county/month.py" line="60"/>
        <source>奖励</source>
        <translation>Awarded</translation>
    </message>
    <message>
        <location filename="../../ui/county/month.py" line="61"/>
        <source>扣分</source>
        <translation>Deducted</translation>
    </message>
    <message>
        <location filename="../../ui/county/month.py" line="62"/>
        <source>兑换</source>
        <translation>Redeemed</translation>
    </message>
    <message>
        <location filename="../../ui/county/month.py" line="63"/>
        <source>积分余额</source>
        <translation>Outstanding</translation>
    </message>
    <message>
        <location filename="../../ui/county/month.py" line="64"/>
        <source>折合（元）</source>
        <translation>Worth (yuan)</translation>
    </message>
    <message>
        <location filename="../../ui/county/month.py" line="65"/>
        <source>捐赠（笔）</source>
        <translation>Donations</translation>
    </message>
    <message>
        <location filename="../../ui/county/month.py" line="66"/>
        <source>捐赠（元）</source>
        <translation>Donations (yuan)</translation>
    </message>
    <message>
        <location filename="../../ui/county/month.py" line="67"/>
        <source>盘点差异（元）</source>
        <translation>Count differences (yuan)</translation>
    </message>
    <message>
        <location filename="../../ui/county/month.py" line="68"/>
        <source>报损（元）</source>
        <translation>Write-offs (yuan)</translation>
    </message>
    <message>
        <location filename="../../ui/county/month.py" line="69"/>
        <source>冲正</source>
        <translation>Reversals</translation>
    </message>
    <message>
        <location filename="../../ui/county/month.py" line="70"/>
        <source>营业时间外兑换</source>
        <translation>After-hours sales</translation>
    </message>
    <message>
        <location filename="../../ui/county/month.py" line="78"/>
        <source>指标（户均）</source>
        <translation>Figure (per household)</translation>
    </message>
    <message>
        <location filename="../../ui/county/month.py" line="80"/>
        <source>户均</source>
        <translation>Per household</translation>
    </message>
    <message>
        <location filename="../../ui/county/month.py" line="82"/>
        <source>全县中位数</source>
        <translation>County median</translation>
    </message>
    <message>
        <location filename="../../ui/county/month.py" line="83"/>
        <source>离散度</source>
        <translation>Spread</translation>
    </message>
    <message>
        <location filename="../../ui/county/month.py" line="84"/>
        <source>判断</source>
        <translation>Verdict</translation>
    </message>
    <message>
        <location filename="../../ui/county/month.py" line="87"/>
        <source>与中位数相近的村</source>
        <translation>Villages near the median</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/close.py" line="36"/>
        <source>数值</source>
        <translation>Value</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/statement.py" line="25"/>
        <source>摘要</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../../ui/wishes/wall.py" line="55"/>
        <location filename="../../ui/wishes/wall.py" line="153"/>
        <source>心愿</source>
        <translation>Wish</translation>
    </message>
    <message>
        <location filename="../../ui/wishes/wall.py" line="57"/>
        <source>写下</source>
        <translation>Written</translation>
    </message>
    <message>
        <location filename="../../ui/wishes/wall.py" line="58"/>
        <source>估价（元）</source>
        <translation>Est. value (yuan)</translation>
    </message>
    <message>
        <location filename="../../ui/wishes/wall.py" line="60"/>
        <source>认领人</source>
        <translation>Donor</translation>
    </message>
    <message>
        <location filename="../../ui/wishes/wall.py" line="79"/>
        <source>经过</source>
        <translation>Event</translation>
    </message>
    <message>
        <location filename="../../ui/county/grid.py" line="100"/>
        <location filename="../../ui/county/keys.py" line="30"/>
        <location filename="../../ui/county/month.py" line="54"/>
        <location filename="../../ui/county/month.py" line="79"/>
        <location filename="../../ui/county/packages.py" line="63"/>
        <location filename="../../ui/county/packages.py" line="74"/>
        <location filename="../../ui/county/spotchecks.py" line="55"/>
        <source>村</source>
        <translation>Village</translation>
    </message>
    <message>
        <location filename="../../ui/county/grid.py" line="108"/>
        <source>换过密钥</source>
        <translation>Key changes</translation>
    </message>
    <message>
        <location filename="../../ui/county/grid.py" line="110"/>
        <source>待接受密钥</source>
        <translation>Keys waiting</translation>
    </message>
    <message>
        <location filename="../../ui/county/grid.py" line="112"/>
        <source>拒收数据包</source>
        <translation>Packages refused</translation>
    </message>
    <message>
        <location filename="../../ui/county/grid.py" line="114"/>
        <source>抽查不符</source>
        <translation>Spot checks differing</translation>
    </message>
    <message>
        <location filename="../../ui/county/village.py" line="36"/>
        <source>本村</source>
        <translation>Village</translation>
    </message>
</context>
<context>
    <name>RulesTab</name>
    <message>
        <location filename="../../ui/settings/rules.py" line="19"/>
        <source>在用</source>
        <translation>In use</translation>
    </message>
    <message>
        <location filename="../../ui/settings/rules.py" line="19"/>
        <source>已停用</source>
        <translation>Retired</translation>
    </message>
    <message>
        <location filename="../../ui/settings/rules.py" line="48"/>
        <source>显示已停用</source>
        <translation>Show retired</translation>
    </message>
    <message>
        <location filename="../../ui/settings/rules.py" line="49"/>
        <source>停用所选细则</source>
        <translation>Retire selected rule</translation>
    </message>
    <message>
        <location filename="../../ui/settings/rules.py" line="53"/>
        <source>如 L03</source>
        <translation>e.g. L03</translation>
    </message>
    <message>
        <location filename="../../ui/settings/rules.py" line="60"/>
        <source>这是扣分细则</source>
        <translation>This is a deduction rule</translation>
    </message>
    <message>
        <location filename="../../ui/settings/rules.py" line="67"/>
        <source>添加细则</source>
        <translation>Add rule</translation>
    </message>
    <message>
        <location filename="../../ui/settings/rules.py" line="70"/>
        <source>新细则</source>
        <translation>New rule</translation>
    </message>
    <message>
        <location filename="../../ui/settings/rules.py" line="70"/>
        <source>编号</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/rules.py" line="70"/>
        <source>类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../ui/settings/rules.py" line="71"/>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/settings/rules.py" line="71"/>
        <source>分值</source>
        <translation>Points</translation>
    </message>
    <message>
        <location filename="../../ui/settings/rules.py" line="72"/>
        <source>每户次数上限（0 为不限）</source>
        <translation>Times a household (0: no limit)</translation>
    </message>
    <message>
        <location filename="../../ui/settings/rules.py" line="73"/>
        <source>每次活动最多户数（0 为不限）</source>
        <translation>Most households an event (0: no cap)</translation>
    </message>
    <message>
        <location filename="../../ui/settings/rules.py" line="75"/>
        <source>用过的细则不删除、不改分：停用它，再添加一条新编号的细则。以前的积分记录保持原样。</source>
        <translation>A rule that has been used is never deleted or re-scored: retire it and add a rule with a new number. Past point entries stay as they are.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/rules.py" line="103"/>
        <source>编号 %1 已经用过了，请换一个新编号。</source>
        <translation>Number %1 is already used; please choose a new one.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/rules.py" line="113"/>
        <source>已添加细则 %1 %2（%3）</source>
        <translation>Added rule %1 %2 (%3)</translation>
    </message>
    <message>
        <location filename="../../ui/settings/rules.py" line="119"/>
        <source>请先选中一条在用的细则。</source>
        <translation>Select a rule in use first.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/rules.py" line="122"/>
        <source>停用细则 %1 %2？停用后不能再用它加分，以前的记录不变。</source>
        <translation>Retire rule %1 %2? It can no longer be used for points; past entries stay unchanged.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/rules.py" line="124"/>
        <source>停用</source>
        <translation>Retire</translation>
    </message>
    <message>
        <location filename="../../ui/settings/rules.py" line="131"/>
        <source>细则 %1 已停用。</source>
        <translation>Rule %1 is retired.</translation>
    </message>
</context>
<context>
    <name>SettingsScreen</name>
    <message>
        <location filename="../../ui/settings/screen.py" line="34"/>
        <source>本村</source>
        <translation>Village</translation>
    </message>
    <message>
        <location filename="../../ui/settings/screen.py" line="34"/>
        <source>积分细则</source>
        <translation>Point rules</translation>
    </message>
    <message>
        <location filename="../../ui/settings/screen.py" line="35"/>
        <source>用户</source>
        <translation>Users</translation>
    </message>
    <message>
        <location filename="../../ui/settings/screen.py" line="35"/>
        <source>打印机</source>
        <translation>Printer</translation>
    </message>
    <message>
        <location filename="../../ui/settings/screen.py" line="36"/>
        <source>备份与恢复</source>
        <translation>Backup &amp; restore</translation>
    </message>
    <message>
        <location filename="../../ui/settings/screen.py" line="36"/>
        <source>本机</source>
        <translation>This computer</translation>
    </message>
    <message>
        <location filename="../../ui/settings/screen.py" line="38"/>
        <source>设置</source>
        <translation>Settings</translation>
    </message>
</context>
<context>
    <name>SetupDialog</name>
    <message>
        <location filename="../../ui/setup.py" line="71"/>
        <source>第一次使用：设置本村</source>
        <translation>First start: set up the village</translation>
    </message>
    <message>
        <location filename="../../ui/setup.py" line="73"/>
        <source>欢迎使用爱心超市积分兑换系统。请填写本村的基本情况、第一位管理员和第一书记（监督员）。</source>
        <translation>Welcome. Fill in the village, its first administrator and its first secretary (the supervisor).</translation>
    </message>
    <message>
        <location filename="../../ui/setup.py" line="77"/>
        <source>不填则为“村名爱心超市”</source>
        <translation>Empty: &quot;&lt;village&gt; Love Supermarket&quot;</translation>
    </message>
    <message>
        <location filename="../../ui/setup.py" line="79"/>
        <source>用逗号或顿号分开，如：一组、二组、三组</source>
        <translation>Separated by commas, e.g. Group 1, Group 2</translation>
    </message>
    <message>
        <location filename="../../ui/setup.py" line="80"/>
        <source>管理员（日常收银、登记积分）</source>
        <translation>Administrator (the counter, points day to day)</translation>
    </message>
    <message>
        <location filename="../../ui/setup.py" line="81"/>
        <source>第一书记（监督员）：请本人填写</source>
        <translation>First secretary (supervisor): filled in by them</translation>
    </message>
    <message>
        <location filename="../../ui/setup.py" line="82"/>
        <source>为什么现在就要第一书记？监督员审批大额兑换、扣分和盘亏，每月审核并月结。以后新增监督员必须由已有的监督员批准，管理员一个人设不了，所以第一位监督员只能在这里由第一书记本人设置密码。</source>
        <translation>Why the first secretary now? The supervisor approves large sales, deductions and stock losses, and audits and closes each month. Later, a new supervisor needs an existing supervisor&apos;s approval, which an administrator alone can never give: so the first supervisor is set up here, with a password the first secretary types themselves.</translation>
    </message>
    <message>
        <location filename="../../ui/setup.py" line="92"/>
        <source>可不填，以后再导入</source>
        <translation>Optional; can be imported later</translation>
    </message>
    <message>
        <location filename="../../ui/setup.py" line="93"/>
        <source>选择文件…</source>
        <translation>Choose file…</translation>
    </message>
    <message>
        <location filename="../../ui/setup.py" line="98"/>
        <source>导入后给每户发积分卡（含基础积分）</source>
        <translation>Issue every household its card (with base points) after the import</translation>
    </message>
    <message>
        <location filename="../../ui/setup.py" line="101"/>
        <source>村名</source>
        <translation>Village</translation>
    </message>
    <message>
        <location filename="../../ui/setup.py" line="102"/>
        <source>超市名称</source>
        <translation>Shop name</translation>
    </message>
    <message>
        <location filename="../../ui/setup.py" line="103"/>
        <source>村民小组</source>
        <translation>Villager groups</translation>
    </message>
    <message>
        <location filename="../../ui/setup.py" line="152"/>
        <source>管理员</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <location filename="../../ui/setup.py" line="152"/>
        <source>第一书记</source>
        <translation>First secretary</translation>
    </message>
    <message>
        <location filename="../../ui/setup.py" line="154"/>
        <source>请填写%1的用户名。</source>
        <translation>Enter the %1&apos;s user name.</translation>
    </message>
    <message>
        <location filename="../../ui/setup.py" line="157"/>
        <source>%1两次输入的密码不一样。</source>
        <translation>%1: the two passwords differ.</translation>
    </message>
    <message>
        <location filename="../../ui/setup.py" line="159"/>
        <source>管理员和第一书记要用不同的用户名：一个人不能审批自己的操作。</source>
        <translation>The administrator and the first secretary need different user names: nobody approves their own work.</translation>
    </message>
    <message>
        <location filename="../../ui/setup.py" line="108"/>
        <source>农户名单（CSV）</source>
        <translation>Households (CSV)</translation>
    </message>
    <message>
        <location filename="../../ui/setup.py" line="114"/>
        <source>完成设置</source>
        <translation>Finish setup</translation>
    </message>
    <message>
        <location filename="../../ui/setup.py" line="117"/>
        <source>跳过导入</source>
        <translation>Skip the import</translation>
    </message>
    <message>
        <location filename="../../ui/setup.py" line="119"/>
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../../ui/setup.py" line="142"/>
        <source>选择农户名单</source>
        <translation>Choose the households file</translation>
    </message>
    <message>
        <location filename="../../ui/setup.py" line="142"/>
        <source>CSV 文件 (*.csv);;所有文件 (*)</source>
        <translation>CSV files (*.csv);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../ui/setup.py" line="149"/>
        <source>请填写村名。</source>
        <translation>Enter the village name.</translation>
    </message>
    <message>
        <location filename="../../ui/setup.py" line="151"/>
        <source>请至少填写一个村民小组。</source>
        <translation>Enter at least one villager group.</translation>
    </message>
    <message>
        <location filename="../../ui/setup.py" line="202"/>
        <source>重新导入</source>
        <translation>Import again</translation>
    </message>
</context>
<context>
    <name>Shelf</name>
    <message>
        <location filename="../../ui/counter/shelf.py" line="62"/>
        <source>%1
%2 分 · 余 %3</source>
        <translation>%1
%2 pts · %3 left</translation>
    </message>
</context>
<context>
    <name>Shell</name>
    <message>
        <location filename="../../ui/shell.py" line="173"/>
        <source>爱心超市积分兑换</source>
        <translation>Love Supermarket Points</translation>
    </message>
    <message>
        <location filename="../../ui/shell.py" line="215"/>
        <source>锁屏</source>
        <translation>Lock</translation>
    </message>
    <message>
        <location filename="../../ui/shell.py" line="229"/>
        <source>补打小票</source>
        <translation>Print waiting receipts</translation>
    </message>
    <message>
        <location filename="../../ui/shell.py" line="306"/>
        <source>操作员：%1（%2）</source>
        <translation>User: %1 (%2)</translation>
    </message>
    <message>
        <location filename="../../ui/shell.py" line="317"/>
        <source>找不到串口 %1</source>
        <translation>port %1 not found</translation>
    </message>
    <message>
        <location filename="../../ui/shell.py" line="317"/>
        <source>打不开串口 %1</source>
        <translation>cannot open port %1</translation>
    </message>
    <message>
        <location filename="../../ui/shell.py" line="318"/>
        <source>串口 %1 被占用</source>
        <translation>port %1 in use</translation>
    </message>
    <message>
        <location filename="../../ui/shell.py" line="318"/>
        <source>发送超时</source>
        <translation>write timed out</translation>
    </message>
    <message>
        <location filename="../../ui/shell.py" line="319"/>
        <source>缺纸</source>
        <translation>out of paper</translation>
    </message>
    <message>
        <location filename="../../ui/shell.py" line="319"/>
        <source>盖子没盖好</source>
        <translation>cover open</translation>
    </message>
    <message>
        <location filename="../../ui/shell.py" line="319"/>
        <source>离线</source>
        <translation>offline</translation>
    </message>
    <message>
        <location filename="../../ui/shell.py" line="320"/>
        <source>没有应答</source>
        <translation>no answer</translation>
    </message>
    <message>
        <location filename="../../ui/shell.py" line="321"/>
        <source>通信出错</source>
        <translation>communication error</translation>
    </message>
    <message>
        <location filename="../../ui/shell.py" line="345"/>
        <source>数据库：连不上（自动重试中）</source>
        <translation>Database: cannot be reached (retrying by itself)</translation>
    </message>
    <message>
        <location filename="../../ui/shell.py" line="357"/>
        <source>打印机：未设置</source>
        <translation>Printer: not set up</translation>
    </message>
    <message>
        <location filename="../../ui/shell.py" line="361"/>
        <location filename="../../ui/shell.py" line="364"/>
        <source>打印机：%1</source>
        <translation>Printer: %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/shell.py" line="367"/>
        <source>，%n 张小票待打印</source>
        <translation>
            <numerusform>, %n receipt waiting</numerusform>
            <numerusform>, %n receipts waiting</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/shell.py" line="374"/>
        <source>数据库：%1</source>
        <translation>Database: %1</translation>
    </message>
    <message>
        <location filename="../../ui/shell.py" line="381"/>
        <source>还没有备份</source>
        <translation>No backup yet</translation>
    </message>
    <message>
        <location filename="../../ui/shell.py" line="383"/>
        <source>上次备份：%1</source>
        <translation>Last backup: %1</translation>
    </message>
    <message>
        <location filename="../../ui/settings/backups.py" line="180"/>
        <source>自动备份失败：%1（稍后自动再试）</source>
        <translation>Automatic backup failed: %1 (tried again shortly)</translation>
    </message>
</context>
<context>
    <name>SpotcheckScreen</name>
    <message>
        <location filename="../../ui/county/spotchecks.py" line="51"/>
        <source>抽取走访清单并打印</source>
        <translation>Draw and print a visit list</translation>
    </message>
    <message>
        <location filename="../../ui/county/spotchecks.py" line="69"/>
        <source>农户</source>
        <translation>Household</translation>
    </message>
    <message>
        <location filename="../../ui/county/spotchecks.py" line="69"/>
        <source>商品</source>
        <translation>Goods</translation>
    </message>
    <message>
        <location filename="../../ui/county/spotchecks.py" line="83"/>
        <source>选中上面的一次抽查，填写实际看到的数字</source>
        <translation>Select a spot check above and type in what was found</translation>
    </message>
    <message>
        <location filename="../../ui/county/spotchecks.py" line="84"/>
        <source>保存抽查结果</source>
        <translation>Save findings</translation>
    </message>
    <message>
        <location filename="../../ui/county/spotchecks.py" line="87"/>
        <source>村：</source>
        <translation>Village:</translation>
    </message>
    <message>
        <location filename="../../ui/county/spotchecks.py" line="88"/>
        <source>抽查记录（最新的在前）</source>
        <translation>Spot checks (newest first)</translation>
    </message>
    <message>
        <location filename="../../ui/county/spotchecks.py" line="93"/>
        <source>未填</source>
        <translation>Not entered</translation>
    </message>
    <message>
        <location filename="../../ui/county/spotchecks.py" line="95"/>
        <source>相符</source>
        <translation>Agrees</translation>
    </message>
    <message>
        <location filename="../../ui/county/spotchecks.py" line="96"/>
        <source>不符：差 %1</source>
        <translation>Differs by %1</translation>
    </message>
    <message>
        <location filename="../../ui/county/spotchecks.py" line="120"/>
        <source>县级还没有任何村的数据：先导入数据包。</source>
        <translation>The county holds no village yet: import packages first.</translation>
    </message>
    <message>
        <location filename="../../ui/county/spotchecks.py" line="132"/>
        <source>请先选一个村。</source>
        <translation>Choose a village first.</translation>
    </message>
    <message>
        <location filename="../../ui/county/spotchecks.py" line="147"/>
        <source>第 %1 号抽查：%2 户、%3 种商品，已生成 %4 和结果表 %5</source>
        <translation>Spot check %1: %2 households, %3 goods; written %4 and the findings sheet %5</translation>
    </message>
    <message>
        <location filename="../../ui/county/spotchecks.py" line="158"/>
        <source>第 %1 号抽查：双击“实际”填写看到的数字</source>
        <translation>Spot check %1: double-click &quot;Found&quot; to type what was seen</translation>
    </message>
    <message>
        <location filename="../../ui/county/spotchecks.py" line="165"/>
        <source>还没有填写任何实际数字。</source>
        <translation>No figure has been typed in yet.</translation>
    </message>
    <message>
        <location filename="../../ui/county/spotchecks.py" line="173"/>
        <source>已保存 %1 项结果，其中 %2 项与县级数据不符。</source>
        <translation>%1 findings saved; %2 differ from the county&apos;s figures.</translation>
    </message>
</context>
<context>
    <name>StatementDialog</name>
    <message>
        <location filename="../../ui/households.py" line="169"/>
        <source>%1 一户的积分明细</source>
        <translation>Point statement of %1&apos;s household</translation>
    </message>
    <message>
        <location filename="../../ui/households.py" line="171"/>
        <source>%1（%2）卡号 %3，现有 %4 分</source>
        <translation>%1 (%2) card %3, %4 points now</translation>
    </message>
    <message>
        <location filename="../../ui/households.py" line="177"/>
        <source>打印 PDF</source>
        <translation>Print PDF</translation>
    </message>
    <message>
        <location filename="../../ui/households.py" line="180"/>
        <source>打印余额小票</source>
        <translation>Print balance receipt</translation>
    </message>
    <message>
        <location filename="../../ui/households.py" line="183"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../ui/households.py" line="206"/>
        <source>正在生成 %1 笔交易的明细……</source>
        <translation>Making the statement of %1 entries…</translation>
    </message>
    <message>
        <location filename="../../ui/households.py" line="210"/>
        <source>生成积分明细</source>
        <translation>Making the statement</translation>
    </message>
    <message>
        <location filename="../../ui/households.py" line="214"/>
        <source>积分明细已生成（%1 页），已在 PDF 阅读器中打开，请从那里打印。</source>
        <translation>The statement (%1 pages) is open in the PDF viewer: print it from there.</translation>
    </message>
    <message>
        <location filename="../../ui/households.py" line="222"/>
        <source>余额小票已打印</source>
        <translation>Balance receipt printed</translation>
    </message>
</context>
<context>
    <name>Supervisor</name>
    <message>
        <location filename="../../ui/supervisor/close.py" line="40"/>
        <source>本月</source>
        <translation>This month</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/close.py" line="41"/>
        <source>兑换分区与账目</source>
        <translation>Redemptions by zone and accounts</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/close.py" line="42"/>
        <source>累计（从不清零）</source>
        <translation>Running total (never reset)</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/notice.py" line="26"/>
        <source>A4 纵向</source>
        <translation>A4 portrait</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/notice.py" line="26"/>
        <source>A3 横向</source>
        <translation>A3 landscape</translation>
    </message>
</context>
<context>
    <name>TotalsPanel</name>
    <message>
        <location filename="../../ui/counter/panels.py" line="93"/>
        <source>积分不兑换现金</source>
        <translation>Points are never paid out in cash</translation>
    </message>
    <message>
        <location filename="../../ui/counter/panels.py" line="95"/>
        <source>确认兑换（F12）</source>
        <translation>Confirm (F12)</translation>
    </message>
    <message>
        <location filename="../../ui/counter/panels.py" line="126"/>
        <source>合计 %1 分</source>
        <translation>Total %1 pts</translation>
    </message>
    <message>
        <location filename="../../ui/counter/panels.py" line="129"/>
        <source>兑换后余额 %1 分</source>
        <translation>Balance after %1 pts</translation>
    </message>
    <message>
        <location filename="../../ui/counter/panels.py" line="131"/>
        <source>折合参考价值 %1</source>
        <translation>Reference value %1</translation>
    </message>
    <message>
        <location filename="../../ui/counter/panels.py" line="133"/>
        <source>兑换后余额 —</source>
        <translation>Balance after —</translation>
    </message>
    <message>
        <location filename="../../ui/counter/panels.py" line="135"/>
        <source>折合参考价值 —</source>
        <translation>Reference value —</translation>
    </message>
</context>
<context>
    <name>UsersTab</name>
    <message>
        <location filename="../../ui/settings/users.py" line="20"/>
        <source>已停用</source>
        <translation>Disabled</translation>
    </message>
    <message>
        <location filename="../../ui/settings/users.py" line="22"/>
        <source>已锁定</source>
        <translation>Locked</translation>
    </message>
    <message>
        <location filename="../../ui/settings/users.py" line="23"/>
        <source>正常</source>
        <translation>Active</translation>
    </message>
    <message>
        <location filename="../../ui/settings/users.py" line="44"/>
        <source>解锁</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <location filename="../../ui/settings/users.py" line="45"/>
        <source>停用 / 恢复</source>
        <translation>Disable / enable</translation>
    </message>
    <message>
        <location filename="../../ui/settings/users.py" line="46"/>
        <source>新密码（至少 6 位）</source>
        <translation>New password (at least 6 characters)</translation>
    </message>
    <message>
        <location filename="../../ui/settings/users.py" line="47"/>
        <source>重设密码</source>
        <translation>Reset password</translation>
    </message>
    <message>
        <location filename="../../ui/settings/users.py" line="55"/>
        <source>添加用户</source>
        <translation>Add user</translation>
    </message>
    <message>
        <location filename="../../ui/settings/users.py" line="58"/>
        <source>新用户</source>
        <translation>New user</translation>
    </message>
    <message>
        <location filename="../../ui/settings/users.py" line="58"/>
        <source>用户名（登录用）</source>
        <translation>User name (for login)</translation>
    </message>
    <message>
        <location filename="../../ui/settings/users.py" line="58"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/settings/users.py" line="59"/>
        <source>角色</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../../ui/settings/users.py" line="59"/>
        <source>密码</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../ui/settings/users.py" line="59"/>
        <source>再输一遍</source>
        <translation>Type it again</translation>
    </message>
    <message>
        <location filename="../../ui/settings/users.py" line="61"/>
        <source>所选用户</source>
        <translation>Selected user</translation>
    </message>
    <message>
        <location filename="../../ui/settings/users.py" line="74"/>
        <source>所选用户本人所在的农户</source>
        <translation>The selected user&apos;s own household</translation>
    </message>
    <message>
        <location filename="../../ui/settings/users.py" line="75"/>
        <location filename="../../ui/settings/users.py" line="95"/>
        <source>先在左边选中一个用户。</source>
        <translation>Select a user on the left first.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/users.py" line="77"/>
        <source>搜索农户：姓名、拼音首字母或卡号</source>
        <translation>Find a household: name, pinyin initials or card number</translation>
    </message>
    <message>
        <location filename="../../ui/settings/users.py" line="81"/>
        <source>关联到这一户</source>
        <translation>Link to this household</translation>
    </message>
    <message>
        <location filename="../../ui/settings/users.py" line="83"/>
        <source>取消关联</source>
        <translation>Unlink</translation>
    </message>
    <message>
        <location filename="../../ui/settings/users.py" line="97"/>
        <source>%1 是 %2 一户的人。</source>
        <translation>%1 belongs to %2&apos;s household.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/users.py" line="100"/>
        <source>%1 还没有关联农户。</source>
        <translation>%1 is not linked to a household yet.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/users.py" line="115"/>
        <source>没有找到这样的农户。</source>
        <translation>No such household found.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/users.py" line="123"/>
        <source>先搜索并选出这个用户本人所在的农户。</source>
        <translation>First find and pick this user&apos;s own household.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/users.py" line="127"/>
        <source>%1 已关联到农户 %2。</source>
        <translation>%1 is now linked to %2&apos;s household.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/users.py" line="136"/>
        <source>%1 已取消关联农户。</source>
        <translation>%1 is no longer linked to a household.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/users.py" line="153"/>
        <source>请先在列表里选中一个用户。</source>
        <translation>Select a user in the list first.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/users.py" line="160"/>
        <source>两次输入的密码不一样。</source>
        <translation>The two passwords differ.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/users.py" line="172"/>
        <source>已添加%1 %2（%3）</source>
        <translation>Added %1 %2 (%3)</translation>
    </message>
    <message>
        <location filename="../../ui/settings/users.py" line="179"/>
        <source>%1 已解锁。</source>
        <translation>%1 is unlocked.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/users.py" line="189"/>
        <source>%1 已恢复使用。</source>
        <translation>%1 can log in again.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/users.py" line="190"/>
        <source>%1 已停用，不能再登录。</source>
        <translation>%1 is disabled and can no longer log in.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/users.py" line="200"/>
        <source>%1 的密码已重设，请当面告诉本人。</source>
        <translation>%1&apos;s password is reset; tell them in person.</translation>
    </message>
</context>
<context>
    <name>VillageMonthDialog</name>
    <message>
        <location filename="../../ui/county/village.py" line="25"/>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <location filename="../../ui/county/village.py" line="26"/>
        <source>%1 %2：%3</source>
        <translation>%1 %2: %3</translation>
    </message>
    <message>
        <location filename="../../ui/county/village.py" line="29"/>
        <source>第 %1 号月结</source>
        <translation>Closure %1</translation>
    </message>
    <message>
        <location filename="../../ui/county/village.py" line="30"/>
        <source>密钥指纹 %1</source>
        <translation>Key fingerprint %1</translation>
    </message>
    <message>
        <location filename="../../ui/county/village.py" line="51"/>
        <source>本月数字</source>
        <translation>The month&apos;s figures</translation>
    </message>
    <message>
        <location filename="../../ui/county/village.py" line="52"/>
        <source>审计提示</source>
        <translation>Audit flags</translation>
    </message>
    <message>
        <location filename="../../ui/county/village.py" line="53"/>
        <source>公示</source>
        <translation>Notice</translation>
    </message>
    <message>
        <location filename="../../ui/county/village.py" line="55"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../ui/county/village.py" line="60"/>
        <source>县级还没有这个月核验入库的数据，没有数字可看。</source>
        <translation>The county has not verified and stored this month yet: no figures to show.</translation>
    </message>
    <message>
        <location filename="../../ui/county/village.py" line="67"/>
        <source>第 %1 户：</source>
        <translation>Household %1: </translation>
    </message>
    <message>
        <location filename="../../ui/county/village.py" line="68"/>
        <source>（已复核）</source>
        <translation> (reviewed)</translation>
    </message>
    <message>
        <location filename="../../ui/county/village.py" line="68"/>
        <source>（未复核）</source>
        <translation> (not reviewed)</translation>
    </message>
    <message>
        <location filename="../../ui/county/village.py" line="71"/>
        <source>本月没有审计提示。</source>
        <translation>No audit flags this month.</translation>
    </message>
    <message>
        <location filename="../../ui/county/village.py" line="72"/>
        <source>审计提示（%1）</source>
        <translation>Audit flags (%1)</translation>
    </message>
    <message>
        <location filename="../../ui/county/village.py" line="76"/>
        <source>县级没有这个月的公示记录。</source>
        <translation>The county holds no notice for this month.</translation>
    </message>
    <message>
        <location filename="../../ui/county/village.py" line="78"/>
        <source>公示期：%1</source>
        <translation>Posted: %1</translation>
    </message>
    <message>
        <location filename="../../ui/county/village.py" line="79"/>
        <source>异议电话：%1</source>
        <translation>Phone for objections: %1</translation>
    </message>
    <message>
        <location filename="../../ui/county/village.py" line="79"/>
        <source>（公示上没有填写）</source>
        <translation>(not given on the notice)</translation>
    </message>
    <message>
        <location filename="../../ui/county/village.py" line="81"/>
        <source>公示上户主姓名已部分隐去</source>
        <translation>Household heads&apos; names were partly masked on the notice</translation>
    </message>
    <message>
        <location filename="../../ui/county/village.py" line="83"/>
        <source>心愿回音：本月没有</source>
        <translation>Wish wall answers: none this month</translation>
    </message>
    <message>
        <location filename="../../ui/county/village.py" line="85"/>
        <source>心愿回音：%1 %2 → %3</source>
        <translation>Wish wall: %1 %2 → %3</translation>
    </message>
</context>
<context>
    <name>VillageTab</name>
    <message>
        <location filename="../../ui/settings/village.py" line="28"/>
        <source> 元</source>
        <translation> yuan</translation>
    </message>
    <message>
        <location filename="../../ui/settings/village.py" line="29"/>
        <location filename="../../ui/settings/village.py" line="30"/>
        <source> 分</source>
        <translation> points</translation>
    </message>
    <message>
        <location filename="../../ui/settings/village.py" line="32"/>
        <source>村民对公示有异议时打的电话</source>
        <translation>The number villagers call about the notice</translation>
    </message>
    <message>
        <location filename="../../ui/settings/village.py" line="33"/>
        <source> 天</source>
        <translation> days</translation>
    </message>
    <message>
        <location filename="../../ui/settings/village.py" line="34"/>
        <source>公示默认把姓名中间用 * 隐去（王*芳）</source>
        <translation>Notice hides the middle of names by default (Wang*Fang)</translation>
    </message>
    <message>
        <location filename="../../ui/settings/village.py" line="35"/>
        <source>光荣榜同时列出扣分农户的名字（不勾选时只列扣分事由与户数）</source>
        <translation>The honour roll also names the households that lost points (unticked: only the reasons and how many households)</translation>
    </message>
    <message>
        <location filename="../../ui/settings/village.py" line="39"/>
        <source>保存本村设置</source>
        <translation>Save village settings</translation>
    </message>
    <message>
        <location filename="../../ui/settings/village.py" line="42"/>
        <source>本村</source>
        <translation>Village</translation>
    </message>
    <message>
        <location filename="../../ui/settings/village.py" line="42"/>
        <source>村名</source>
        <translation>Village</translation>
    </message>
    <message>
        <location filename="../../ui/settings/village.py" line="42"/>
        <source>超市名称</source>
        <translation>Shop name</translation>
    </message>
    <message>
        <location filename="../../ui/settings/village.py" line="43"/>
        <source>发卡基础积分</source>
        <translation>Base points on a new card</translation>
    </message>
    <message>
        <location filename="../../ui/settings/village.py" line="43"/>
        <source>每分参考价值</source>
        <translation>Reference value per point</translation>
    </message>
    <message>
        <location filename="../../ui/settings/village.py" line="44"/>
        <source>扣分超过此数需审批</source>
        <translation>Deductions above this need approval</translation>
    </message>
    <message>
        <location filename="../../ui/settings/village.py" line="45"/>
        <source>兑换超过此数需审批</source>
        <translation>Redemptions above this need approval</translation>
    </message>
    <message>
        <location filename="../../ui/settings/village.py" line="45"/>
        <source>开放时间</source>
        <translation>Opening hours</translation>
    </message>
    <message>
        <location filename="../../ui/settings/village.py" line="46"/>
        <source>加分方式</source>
        <translation>Awards count</translation>
    </message>
    <message>
        <location filename="../../ui/settings/village.py" line="47"/>
        <source>公示异议电话</source>
        <translation>Objection phone</translation>
    </message>
    <message>
        <location filename="../../ui/settings/village.py" line="47"/>
        <source>公示张贴天数</source>
        <translation>Days posted</translation>
    </message>
    <message>
        <location filename="../../ui/settings/village.py" line="54"/>
        <source>新小组名称</source>
        <translation>New group name</translation>
    </message>
    <message>
        <location filename="../../ui/settings/village.py" line="55"/>
        <source>添加小组</source>
        <translation>Add group</translation>
    </message>
    <message>
        <location filename="../../ui/settings/village.py" line="56"/>
        <source>村民小组</source>
        <translation>Villager group</translation>
    </message>
    <message>
        <location filename="../../ui/settings/village.py" line="96"/>
        <source>本村设置已保存。以前的积分记录不受影响。</source>
        <translation>Village settings saved. Past point entries are not affected.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/village.py" line="103"/>
        <source>已添加小组 %1</source>
        <translation>Added group %1</translation>
    </message>
</context>
<context>
    <name>Wall</name>
    <message>
        <location filename="../../ui/wishes/wall.py" line="27"/>
        <source>写下心愿</source>
        <translation>Wish written</translation>
    </message>
    <message>
        <location filename="../../ui/wishes/wall.py" line="27"/>
        <source>认领</source>
        <translation>Taken up</translation>
    </message>
    <message>
        <location filename="../../ui/wishes/wall.py" line="28"/>
        <source>送达</source>
        <translation>Delivered</translation>
    </message>
    <message>
        <location filename="../../ui/wishes/wall.py" line="28"/>
        <source>回音</source>
        <translation>Echo</translation>
    </message>
    <message>
        <location filename="../../ui/wishes/wall.py" line="29"/>
        <source>撤回</source>
        <translation>Withdrawn</translation>
    </message>
</context>
<context>
    <name>WhoPanel</name>
    <message>
        <location filename="../../ui/counter/panels.py" line="24"/>
        <source>刷卡，或输入卡号、姓名、拼音首字母（F2）</source>
        <translation>Scan a card, or type its number, a name or initials (F2)</translation>
    </message>
    <message>
        <location filename="../../ui/counter/panels.py" line="28"/>
        <source>近期记录</source>
        <translation>Recent</translation>
    </message>
    <message>
        <location filename="../../ui/counter/panels.py" line="36"/>
        <source>现有积分</source>
        <translation>Points now</translation>
    </message>
    <message>
        <location filename="../../ui/counter/panels.py" line="65"/>
        <source>请刷积分卡</source>
        <translation>Scan a points card</translation>
    </message>
    <message>
        <location filename="../../ui/counter/panels.py" line="71"/>
        <source>%1（%2，%3 人）</source>
        <translation>%1 (%2, %3 people)</translation>
    </message>
    <message>
        <location filename="../../ui/counter/panels.py" line="73"/>
        <source>卡号 %1</source>
        <translation>Card %1</translation>
    </message>
    <message>
        <location filename="../../ui/counter/panels.py" line="74"/>
        <source>%1 分</source>
        <translation>%1 pts</translation>
    </message>
</context>
<context>
    <name>_Credentials</name>
    <message>
        <location filename="../../ui/login.py" line="44"/>
        <source>登录</source>
        <translation>Log in</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="52"/>
        <source>用户名</source>
        <translation>User name</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="53"/>
        <source>密码</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="68"/>
        <source>账本还在打开，请稍候再按回车。</source>
        <translation>The books are still opening. Wait a moment, then press Enter again.</translation>
    </message>
</context>
<context>
    <name>widget</name>
    <message>
        <location filename="../../ui/county/packages.py" line="44"/>
        <source>已导入</source>
        <translation>Imported</translation>
    </message>
    <message>
        <location filename="../../ui/county/packages.py" line="44"/>
        <source>已有，未改动</source>
        <translation>Already held</translation>
    </message>
    <message>
        <location filename="../../ui/county/packages.py" line="45"/>
        <source>暂存，待接受新密钥</source>
        <translation>Held for a new key</translation>
    </message>
    <message>
        <location filename="../../ui/county/packages.py" line="46"/>
        <source>拒收，留存为证据</source>
        <translation>Refused, kept as evidence</translation>
    </message>
    <message>
        <location filename="../../ui/county/packages.py" line="46"/>
        <source>未能读取</source>
        <translation>Could not be read</translation>
    </message>
</context>
</TS>
