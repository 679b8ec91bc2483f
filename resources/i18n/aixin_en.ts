<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>ApprovalDialog</name>
    <message>
        <location filename="../../ui/counter.py" line="153" />
        <source>监督员审批</source>
        <translation>Supervisor approval</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="155" />
        <source>这笔兑换共 %1 分，超过本村 %2 分的审批线。
请监督员输入自己的用户名和密码。</source>
        <translation>This redemption is %1 points, above the village's approval line of %2.
The supervisor enters their own user name and password.</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="166" />
        <source>审批并兑换</source>
        <translation>Approve and redeem</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="169" />
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="174" />
        <source>监督员用户名</source>
        <translation>Supervisor user name</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="176" />
        <source>密码</source>
        <translation>Password</translation>
    </message>
</context>
<context>
    <name>Areas</name>
    <message>
        <location filename="../../ui/counter.py" line="805" />
        <source>兑换收银</source>
        <translation>Counter</translation>
    </message>
</context>
<context>
    <name>CounterScreen</name>
    <message>
        <location filename="../../ui/counter.py" line="225" />
        <source>刷卡，或输入卡号、姓名、拼音首字母（F2）</source>
        <translation>Scan a card, or type a card number, name or pinyin initials (F2)</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="230" />
        <source>近期记录</source>
        <translation>Recent</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="246" />
        <source>现有积分</source>
        <translation>Points now</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="295" />
        <source>找商品：名称或拼音首字母（F3）</source>
        <translation>Find goods: name or pinyin initials (F3)</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="319" />
        <source>数量＋（+）</source>
        <translation>Quantity + (+)</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="320" />
        <source>数量－（-）</source>
        <translation>Quantity − (-)</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="321" />
        <source>删除（Del）</source>
        <translation>Remove (Del)</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="322" />
        <source>清空（Esc）</source>
        <translation>Clear (Esc)</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="323" />
        <source>重印小票</source>
        <translation>Reprint receipt</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="325" />
        <source>查询积分</source>
        <translation>Balance slip</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="345" />
        <source>积分不兑换现金</source>
        <translation>Points are never paid out in cash</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="362" />
        <source>确认兑换（F12）</source>
        <translation>Confirm (F12)</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="570" />
        <source>%1
%2 分 · 余 %3</source>
        <translation>%1
%2 pts · %3 left</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="626" />
        <source>清空</source>
        <translation>Clear</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="626" />
        <source>清空这笔兑换的所有商品？</source>
        <translation>Remove all goods from this sale?</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="646" />
        <source>请先刷积分卡</source>
        <translation>Scan the points card first</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="648" />
        <source>请扫商品或从右边选商品</source>
        <translation>Scan goods or pick them on the right</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="651" />
        <source>%1 库存只有 %2%3</source>
        <translation>Only %2 %3 of %1 in stock</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="654" />
        <source>积分不够：还差 %1 分</source>
        <translation>Not enough points: %1 short</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="660" />
        <source>请刷积分卡</source>
        <translation>Scan a points card</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="665" />
        <source>%1（%2，%3 人）</source>
        <translation>%1 (%2, %3 people)</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="667" />
        <source>卡号 %1</source>
        <translation>Card %1</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="668" />
        <source>%1 分</source>
        <translation>%1 pts</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="673" />
        <source>合计 %1 分</source>
        <translation>Total %1 pts</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="676" />
        <source>兑换后余额 %1 分</source>
        <translation>Balance after %1 pts</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="678" />
        <source>折合参考价值 %1</source>
        <translation>Reference value %1</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="680" />
        <source>兑换后余额 —</source>
        <translation>Balance after —</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="682" />
        <source>折合参考价值 —</source>
        <translation>Reference value —</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="758" />
        <source>已兑换 第 %1 笔：%2，用去 %3 分，余额 %4 分</source>
        <translation>Redeemed, no. %1: %2 spent %3 points, balance %4</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="778" />
        <source>这台电脑今天还没有兑换，没有可重印的小票。</source>
        <translation>No redemption on this PC yet: no receipt to reprint.</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="791" />
        <source>第 %1 笔的小票已重印。</source>
        <translation>Receipt of no. %1 reprinted.</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="797" />
        <source>请先刷积分卡，再打印积分查询单。</source>
        <translation>Scan the points card first, then print the balance slip.</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="802" />
        <source>积分查询单已打印。</source>
        <translation>Balance slip printed.</translation>
    </message>
</context>
<context>
    <name>ErrorDialog</name>
    <message>
        <location filename="../../ui/errordialog.py" line="23" />
        <source>出错了</source>
        <translation>Something went wrong</translation>
    </message>
    <message>
        <location filename="../../ui/errordialog.py" line="25" />
        <source>程序遇到了一个问题。已经保存的兑换和积分不会丢失。
请把下面的详情和日志文件交给维护人员。</source>
        <translation>The program ran into a problem. Redemptions and points already saved are not lost.
Please give the details below and the log file to whoever looks after this PC.</translation>
    </message>
    <message>
        <location filename="../../ui/errordialog.py" line="37" />
        <source>日志文件：%1</source>
        <translation>Log file: %1</translation>
    </message>
    <message>
        <location filename="../../ui/errordialog.py" line="41" />
        <source>复制详情</source>
        <translation>Copy details</translation>
    </message>
</context>
<context>
    <name>LockPage</name>
    <message>
        <location filename="../../ui/login.py" line="107" />
        <source>输入密码解锁；换人时填写自己的用户名。
前一位操作员未完成的兑换会为他保留。</source>
        <translation>Enter the password to unlock; another user enters their own name.
The previous user's open sale is kept for them.</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="110" />
        <source>解锁</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="126" />
        <source>已锁定 · 操作员 %1</source>
        <translation>Locked · user %1</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../ui/app.py" line="229" />
        <source>演示村：管理员 wangfang，监督员 lishuji，密码都是 %1</source>
        <translation>Demo village: administrator wangfang, supervisor lishuji, password %1 for both</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="81" />
        <source>登录 · 爱心超市积分兑换</source>
        <translation>Log in · Love Supermarket Points</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="82" />
        <source>爱心超市</source>
        <translation>Love Supermarket</translation>
    </message>
</context>
<context>
    <name>RowsModel</name>
    <message>
        <location filename="../../ui/counter.py" line="222" />
        <source>户主</source>
        <translation>Head of household</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="223" />
        <source>小组</source>
        <translation>Group</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="224" />
        <location filename="../../ui/counter.py" line="262" />
        <location filename="../../ui/counter.py" line="275" />
        <location filename="../../ui/counter.py" line="293" />
        <source>积分</source>
        <translation>Points</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="258" />
        <source>流水号</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="259" />
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="260" />
        <source>事项</source>
        <translation>What</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="261" />
        <source>说明</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="272" />
        <location filename="../../ui/counter.py" line="292" />
        <source>商品</source>
        <translation>Goods</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="273" />
        <source>单价</source>
        <translation>Price</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="274" />
        <source>数量</source>
        <translation>Quantity</translation>
    </message>
    <message>
        <location filename="../../ui/counter.py" line="294" />
        <source>库存</source>
        <translation>Stock</translation>
    </message>
</context>
<context>
    <name>SetupDialog</name>
    <message>
        <location filename="../../ui/setup.py" line="35" />
        <source>第一次使用：设置本村</source>
        <translation>First start: set up the village</translation>
    </message>
    <message>
        <location filename="../../ui/setup.py" line="37" />
        <source>欢迎使用爱心超市积分兑换系统。请填写本村的基本情况和第一位管理员。</source>
        <translation>Welcome. Enter the village and its first administrator.</translation>
    </message>
    <message>
        <location filename="../../ui/setup.py" line="41" />
        <source>不填则为“村名爱心超市”</source>
        <translation>Empty: "&lt;village&gt; Love Supermarket"</translation>
    </message>
    <message>
        <location filename="../../ui/setup.py" line="43" />
        <source>用逗号或顿号分开，如：一组、二组、三组</source>
        <translation>Separated by commas, e.g. Group 1, Group 2</translation>
    </message>
    <message>
        <location filename="../../ui/setup.py" line="53" />
        <source>可不填，以后再导入</source>
        <translation>Optional; can be imported later</translation>
    </message>
    <message>
        <location filename="../../ui/setup.py" line="54" />
        <source>选择文件…</source>
        <translation>Choose file…</translation>
    </message>
    <message>
        <location filename="../../ui/setup.py" line="59" />
        <source>导入后给每户发积分卡（含基础积分）</source>
        <translation>Issue every household its card (with base points) after the import</translation>
    </message>
    <message>
        <location filename="../../ui/setup.py" line="62" />
        <source>村名</source>
        <translation>Village</translation>
    </message>
    <message>
        <location filename="../../ui/setup.py" line="63" />
        <source>超市名称</source>
        <translation>Shop name</translation>
    </message>
    <message>
        <location filename="../../ui/setup.py" line="64" />
        <source>村民小组</source>
        <translation>Villager groups</translation>
    </message>
    <message>
        <location filename="../../ui/setup.py" line="65" />
        <source>管理员用户名</source>
        <translation>Administrator user name</translation>
    </message>
    <message>
        <location filename="../../ui/setup.py" line="66" />
        <source>管理员姓名</source>
        <translation>Administrator name</translation>
    </message>
    <message>
        <location filename="../../ui/setup.py" line="67" />
        <source>密码（至少 6 位）</source>
        <translation>Password (6 or more)</translation>
    </message>
    <message>
        <location filename="../../ui/setup.py" line="68" />
        <source>再输一次密码</source>
        <translation>Password again</translation>
    </message>
    <message>
        <location filename="../../ui/setup.py" line="69" />
        <source>农户名单（CSV）</source>
        <translation>Households (CSV)</translation>
    </message>
    <message>
        <location filename="../../ui/setup.py" line="75" />
        <source>完成设置</source>
        <translation>Finish setup</translation>
    </message>
    <message>
        <location filename="../../ui/setup.py" line="79" />
        <source>跳过导入</source>
        <translation>Skip the import</translation>
    </message>
    <message>
        <location filename="../../ui/setup.py" line="81" />
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../../ui/setup.py" line="97" />
        <source>选择农户名单</source>
        <translation>Choose the households file</translation>
    </message>
    <message>
        <location filename="../../ui/setup.py" line="97" />
        <source>CSV 文件 (*.csv);;所有文件 (*)</source>
        <translation>CSV files (*.csv);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../ui/setup.py" line="105" />
        <source>请填写村名。</source>
        <translation>Enter the village name.</translation>
    </message>
    <message>
        <location filename="../../ui/setup.py" line="109" />
        <source>请至少填写一个村民小组。</source>
        <translation>Enter at least one villager group.</translation>
    </message>
    <message>
        <location filename="../../ui/setup.py" line="113" />
        <source>两次输入的密码不一样。</source>
        <translation>The two passwords differ.</translation>
    </message>
    <message>
        <location filename="../../ui/setup.py" line="145" />
        <source>重新导入</source>
        <translation>Import again</translation>
    </message>
</context>
<context>
    <name>Shell</name>
    <message>
        <location filename="../../ui/shell.py" line="161" />
        <source>爱心超市积分兑换</source>
        <translation>Love Supermarket Points</translation>
    </message>
    <message>
        <location filename="../../ui/shell.py" line="186" />
        <source>锁屏</source>
        <translation>Lock</translation>
    </message>
    <message>
        <location filename="../../ui/shell.py" line="212" />
        <source>补打小票</source>
        <translation>Print waiting receipts</translation>
    </message>
    <message>
        <location filename="../../ui/shell.py" line="277" />
        <source>操作员：%1（%2）</source>
        <translation>User: %1 (%2)</translation>
    </message>
    <message>
        <location filename="../../ui/shell.py" line="288" />
        <source>找不到串口 %1</source>
        <translation>port %1 not found</translation>
    </message>
    <message>
        <location filename="../../ui/shell.py" line="288" />
        <source>打不开串口 %1</source>
        <translation>cannot open port %1</translation>
    </message>
    <message>
        <location filename="../../ui/shell.py" line="289" />
        <source>串口 %1 被占用</source>
        <translation>port %1 in use</translation>
    </message>
    <message>
        <location filename="../../ui/shell.py" line="289" />
        <source>发送超时</source>
        <translation>write timed out</translation>
    </message>
    <message>
        <location filename="../../ui/shell.py" line="290" />
        <source>缺纸</source>
        <translation>out of paper</translation>
    </message>
    <message>
        <location filename="../../ui/shell.py" line="290" />
        <source>盖子没盖好</source>
        <translation>cover open</translation>
    </message>
    <message>
        <location filename="../../ui/shell.py" line="290" />
        <source>离线</source>
        <translation>offline</translation>
    </message>
    <message>
        <location filename="../../ui/shell.py" line="291" />
        <source>没有应答</source>
        <translation>no answer</translation>
    </message>
    <message>
        <location filename="../../ui/shell.py" line="292" />
        <source>通信出错</source>
        <translation>communication error</translation>
    </message>
    <message>
        <location filename="../../ui/shell.py" line="316" />
        <source>打印机：未设置</source>
        <translation>Printer: not set up</translation>
    </message>
    <message>
        <location filename="../../ui/shell.py" line="320" />
        <location filename="../../ui/shell.py" line="323" />
        <source>打印机：%1</source>
        <translation>Printer: %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/shell.py" line="326" />
        <source>，%n 张小票待打印</source>
        <translation><numerusform>, %n receipt waiting</numerusform><numerusform>, %n receipts waiting</numerusform></translation>
    </message>
    <message>
        <location filename="../../ui/shell.py" line="333" />
        <source>数据库：%1</source>
        <translation>Database: %1</translation>
    </message>
    <message>
        <location filename="../../ui/shell.py" line="336" />
        <source>还没有备份</source>
        <translation>No backup yet</translation>
    </message>
    <message>
        <location filename="../../ui/shell.py" line="338" />
        <source>上次备份：%1</source>
        <translation>Last backup: %1</translation>
    </message>
</context>
<context>
    <name>_Credentials</name>
    <message>
        <location filename="../../ui/login.py" line="46" />
        <source>登录</source>
        <translation>Log in</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="54" />
        <source>用户名</source>
        <translation>User name</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="55" />
        <source>密码</source>
        <translation>Password</translation>
    </message>
</context>
</TS>