<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>AboutDialog</name>
    <message>
        <source>关于工作台</source>
        <translation>About StationDesk</translation>
    </message>
    <message>
        <source>版本 %1</source>
        <translation>Version %1</translation>
    </message>
    <message>
        <source>离线优先的工会服务站工作台：会员、走访、帮扶发放、工作日志与区级同步。</source>
        <translation>Offline-first desk for trade-union service stations: members, visits, relief, the station log and district sync.</translation>
    </message>
    <message>
        <source>数据文件：%1</source>
        <translation>Data file: %1</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>BudgetBars</name>
    <message>
        <source>本年度暂无帮扶项目</source>
        <translation>No relief programmes this year</translation>
    </message>
    <message>
        <source>已用 %1（无预算）</source>
        <translation>Used %1 (no budget)</translation>
    </message>
    <message>
        <source>已用 %1 / 余 %2</source>
        <translation>Used %1 / left %2</translation>
    </message>
</context>
<context>
    <name>CampaignPage</name>
    <message>
        <source>发放设置</source>
        <translation>Distribution settings</translation>
    </message>
    <message>
        <source>活动名称</source>
        <translation>Campaign name</translation>
    </message>
    <message>
        <source>%1年两节送温暖</source>
        <translation>%1 New Year and Spring Festival warmth campaign</translation>
    </message>
    <message>
        <source>帮扶项目</source>
        <translation>Relief programme</translation>
    </message>
    <message>
        <source>发放对象</source>
        <translation>Recipients</translation>
    </message>
    <message>
        <source>全部困难职工</source>
        <translation>All workers in hardship</translation>
    </message>
    <message>
        <source>每人金额（元）</source>
        <translation>Amount per person (yuan)</translation>
    </message>
    <message>
        <source>载入名单</source>
        <translation>Load list</translation>
    </message>
    <message>
        <source>开始发放</source>
        <translation>Start distribution</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>打印全部收据</source>
        <translation>Print all receipts</translation>
    </message>
    <message>
        <source>打印签收表</source>
        <translation>Print sign-off sheet</translation>
    </message>
    <message>
        <source>共 %1 人</source>
        <translation>%1 people in total</translation>
    </message>
    <message>
        <source>已发放 %1 人，未发放 %2 人。</source>
        <translation>Distributed to %1 people, %2 not distributed.</translation>
    </message>
    <message>
        <source>已取消。</source>
        <translation>Cancelled.</translation>
    </message>
    <message>
        <source>签收表</source>
        <translation>Sign-off sheet</translation>
    </message>
</context>
<context>
    <name>ConflictsPage</name>
    <message>
        <source>同一会员在本站和其他服务站都被修改时，逐项选择保留哪一个版本。</source>
        <translation>When a member was changed both at this station and at another station, choose field by field which version to keep.</translation>
    </message>
    <message>
        <source>保存选择</source>
        <translation>Save choices</translation>
    </message>
    <message>
        <source>没有需要处理的冲突。</source>
        <translation>No conflicts to resolve.</translation>
    </message>
    <message>
        <source>会员：%1</source>
        <translation>Member: %1</translation>
    </message>
    <message>
        <source>字段</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>本站版本</source>
        <translation>This station&apos;s version</translation>
    </message>
    <message>
        <source>服务器版本</source>
        <translation>Server version</translation>
    </message>
    <message>
        <source>已保存 %1 项选择，将在下次同步时上传。</source>
        <translation>Saved %1 choices; they will be uploaded at the next sync.</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <source>本月走访</source>
        <translation>Visits this month</translation>
    </message>
    <message>
        <source>本月帮扶发放</source>
        <translation>Relief this month</translation>
    </message>
    <message>
        <source>待同步</source>
        <translation>Waiting to sync</translation>
    </message>
    <message>
        <source>待回访（按到期日）</source>
        <translation>Follow-ups due (by due date)</translation>
    </message>
    <message>
        <source>本年度帮扶项目预算</source>
        <translation>Relief programme budgets this year</translation>
    </message>
    <message>
        <source>快捷操作</source>
        <translation>Quick actions</translation>
    </message>
    <message>
        <source>新增走访</source>
        <translation>New visit</translation>
    </message>
    <message>
        <source>发放帮扶</source>
        <translation>Give relief</translation>
    </message>
    <message>
        <source>查找会员</source>
        <translation>Find member</translation>
    </message>
    <message>
        <source>写工作日志</source>
        <translation>Write log entry</translation>
    </message>
    <message>
        <source>月结</source>
        <translation>Month end</translation>
    </message>
    <message>
        <source>立即同步</source>
        <translation>Sync now</translation>
    </message>
    <message>
        <source>工作日志 %1 条</source>
        <translation>%1 log entries</translation>
    </message>
    <message>
        <source>%1 人次</source>
        <translation>%1 recipients</translation>
    </message>
    <message>
        <source>现金 %1，物资 %2</source>
        <translation>Cash %1, goods %2</translation>
    </message>
    <message>
        <source>尚未同步</source>
        <translation>not yet</translation>
    </message>
    <message>
        <source>上次同步：%1</source>
        <translation>Last sync: %1</translation>
    </message>
    <message>
        <source>【逾期】</source>
        <translation>[Overdue] </translation>
    </message>
    <message>
        <source>暂无待回访事项</source>
        <translation>No follow-ups due</translation>
    </message>
</context>
<context>
    <name>FileSyncCard</name>
    <message>
        <source>无网络同步（加密文件）</source>
        <translation>Sync without network (encrypted file)</translation>
    </message>
    <message>
        <source>没有网络时：导出同步文件，用 U 盘带到区总工会导入；再把区总工会给的回执文件带回本站导入。重复导入不会产生重复数据。</source>
        <translation>With no network: export a sync file, take it to the district union on a USB stick to import there, then bring the district&apos;s reply file back and import it here. Importing twice creates no duplicates.</translation>
    </message>
    <message>
        <source>导出同步文件…</source>
        <translation>Export sync file…</translation>
    </message>
    <message>
        <source>导入回执文件…</source>
        <translation>Import reply file…</translation>
    </message>
    <message>
        <source>导出同步文件</source>
        <translation>Export sync file</translation>
    </message>
    <message>
        <source>同步文件 (*.sdsync)</source>
        <translation>Sync files (*.sdsync)</translation>
    </message>
    <message>
        <source>选择区总工会的回执文件</source>
        <translation>Choose the district&apos;s reply file</translation>
    </message>
    <message>
        <source>同步文件 (*.sdsync);;所有文件 (*)</source>
        <translation>Sync files (*.sdsync);;All files (*)</translation>
    </message>
    <message>
        <source>正在导出同步文件……</source>
        <translation>Exporting the sync file…</translation>
    </message>
    <message>
        <source>正在导入回执文件……</source>
        <translation>Importing the reply file…</translation>
    </message>
    <message>
        <source>已导出 %1 条待上传变更到 %2。请带到区总工会导入，再把回执文件带回本站导入。</source>
        <translation>Exported %1 changes waiting to upload to %2. Take it to the district union, then bring the reply file back and import it here.</translation>
    </message>
    <message>
        <source>导出同步文件：%1 条</source>
        <translation>Sync file exported: %1 changes</translation>
    </message>
    <message>
        <source>回执已导入：确认上传 %1 条，下载 %2 条。</source>
        <translation>Reply imported: %1 uploads confirmed, %2 records downloaded.</translation>
    </message>
    <message>
        <source>部分内容已导入过，已跳过（不会产生重复数据）。</source>
        <translation>Parts had been imported before and were skipped (no duplicates).</translation>
    </message>
    <message>
        <source>没有导入或导出任何数据。</source>
        <translation>Nothing was imported or exported.</translation>
    </message>
    <message>
        <source>同步文件失败：%1</source>
        <translation>Sync file failed: %1</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>导入会员名册</source>
        <translation>Import member roster</translation>
    </message>
    <message>
        <source>请选择名册文件（.xlsx 或 .csv，第一行为表头）</source>
        <translation>Choose a roster file (.xlsx or .csv, first row is the header)</translation>
    </message>
    <message>
        <source>选择文件…</source>
        <translation>Choose file…</translation>
    </message>
    <message>
        <source>行号</source>
        <translation>Row</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>问题</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>导入正确的行</source>
        <translation>Import the valid rows</translation>
    </message>
    <message>
        <source>选择名册</source>
        <translation>Choose roster</translation>
    </message>
    <message>
        <source>名册 (*.xlsx *.csv)</source>
        <translation>Rosters (*.xlsx *.csv)</translation>
    </message>
    <message>
        <source>正在检查……</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <source>新增 %1 人，更新 %2 人，无变化 %3 人，有问题 %4 行（不会导入）。</source>
        <translation>%1 new, %2 updated, %3 unchanged, %4 rows with problems (will not be imported).</translation>
    </message>
    <message>
        <source>已导入：新增 %1 人，更新 %2 人。</source>
        <translation>Imported: %1 new, %2 updated.</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>已取消，没有写入任何记录。</source>
        <translation>Cancelled; nothing was written.</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>登录</source>
        <translation>Log in</translation>
    </message>
    <message>
        <source>已锁定</source>
        <translation>Locked</translation>
    </message>
    <message>
        <source>工会服务站工作台</source>
        <translation>Union Service Station Desk</translation>
    </message>
    <message>
        <source>屏幕已锁定，请重新输入密码，或换其他工作人员登录。</source>
        <translation>The screen is locked. Enter your password again, or log in as another staff member.</translation>
    </message>
    <message>
        <source>登录名</source>
        <translation>Username</translation>
    </message>
    <message>
        <source>密码</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>正在验证……</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <source>登录失败</source>
        <translation>Login failed</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>工会服务站工作台</source>
        <translation>Union Service Station Desk</translation>
    </message>
    <message>
        <source>正在打开数据……</source>
        <translation>Opening data…</translation>
    </message>
    <message>
        <source>已锁定</source>
        <translation>Locked</translation>
    </message>
    <message>
        <source>同步：—</source>
        <translation>Sync: —</translation>
    </message>
    <message>
        <source>同步</source>
        <translation>Sync</translation>
    </message>
    <message>
        <source>锁定</source>
        <translation>Lock</translation>
    </message>
    <message>
        <source>切换用户</source>
        <translation>Switch user</translation>
    </message>
    <message numerus="yes">
        <source>待同步 %n 条</source>
        <translation>
            <numerusform>%n record waiting to sync</numerusform>
            <numerusform>%n records waiting to sync</numerusform>
        </translation>
    </message>
    <message>
        <source>  ·  上次同步 %1</source>
        <translation>  ·  last sync %1</translation>
    </message>
    <message>
        <source>  ·  尚未同步</source>
        <translation>  ·  not synced yet</translation>
    </message>
    <message numerus="yes">
        <source>  ·  %n 条出错</source>
        <translation>
            <numerusform>  ·  %n failed</numerusform>
            <numerusform>  ·  %n failed</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MemberDialog</name>
    <message>
        <source>会员详情</source>
        <translation>Member details</translation>
    </message>
    <message>
        <source>基本信息</source>
        <translation>Basic information</translation>
    </message>
    <message>
        <source>显示</source>
        <translation>Show</translation>
    </message>
    <message>
        <source>查看敏感信息会记入审计日志</source>
        <translation>Viewing sensitive information is recorded in the audit log</translation>
    </message>
    <message>
        <source>编辑</source>
        <translation>Edit</translation>
    </message>
    <message>
        <source>新增走访</source>
        <translation>New visit</translation>
    </message>
    <message>
        <source>发放帮扶</source>
        <translation>Give relief</translation>
    </message>
    <message>
        <source>走访与帮扶记录</source>
        <translation>Visits and relief</translation>
    </message>
    <message>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>内容</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>走访</source>
        <translation>Visit</translation>
    </message>
    <message>
        <source>帮扶</source>
        <translation>Relief</translation>
    </message>
    <message>
        <source>（%1）</source>
        <translation> (%1)</translation>
    </message>
    <message>
        <source>暂无记录</source>
        <translation>No records</translation>
    </message>
</context>
<context>
    <name>MemberForm</name>
    <message>
        <source>编辑会员</source>
        <translation>Edit member</translation>
    </message>
    <message>
        <source>新增会员</source>
        <translation>New member</translation>
    </message>
    <message>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>MemberPicker</name>
    <message>
        <source>输入姓名、拼音首字母或证件尾号，回车选中</source>
        <translation>Type a name, pinyin initials or the last digits of the ID; Enter selects</translation>
    </message>
    <message>
        <source>按 Delete 移除</source>
        <translation>Press Delete to remove</translation>
    </message>
    <message>
        <source>已选：</source>
        <translation>Selected:</translation>
    </message>
</context>
<context>
    <name>MemberTableModel</name>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>性别</source>
        <translation>Gender</translation>
    </message>
    <message>
        <source>身份证号</source>
        <translation>ID number</translation>
    </message>
    <message>
        <source>手机号</source>
        <translation>Mobile</translation>
    </message>
    <message>
        <source>工作单位</source>
        <translation>Employer</translation>
    </message>
    <message>
        <source>职业群体</source>
        <translation>Occupation group</translation>
    </message>
    <message>
        <source>困难类别</source>
        <translation>Hardship category</translation>
    </message>
</context>
<context>
    <name>MembersPage</name>
    <message>
        <source>姓名、拼音、首字母、身份证或手机尾号、工作单位</source>
        <translation>Name, pinyin, initials, last digits of ID or mobile, employer</translation>
    </message>
    <message>
        <source>全部职业群体</source>
        <translation>All occupation groups</translation>
    </message>
    <message>
        <source>全部会员</source>
        <translation>All members</translation>
    </message>
    <message>
        <source>困难职工（全部类别）</source>
        <translation>Workers in hardship (all categories)</translation>
    </message>
    <message>
        <source>今年走访过</source>
        <translation>Visited this year</translation>
    </message>
    <message>
        <source>新增会员</source>
        <translation>New member</translation>
    </message>
    <message>
        <source>导入名册</source>
        <translation>Import roster</translation>
    </message>
    <message>
        <source>找到 %1 人（最多显示 200 人，请输入更多文字缩小范围）</source>
        <translation>Found %1 people (showing at most 200; type more to narrow down)</translation>
    </message>
    <message>
        <source>找到 %1 人</source>
        <translation>Found %1 people</translation>
    </message>
    <message>
        <source>共 %1 人</source>
        <translation>%1 people in total</translation>
    </message>
</context>
<context>
    <name>MonthEndPage</name>
    <message>
        <source>月结</source>
        <translation>Month end</translation>
    </message>
    <message>
        <source>打印月报</source>
        <translation>Print monthly report</translation>
    </message>
    <message>
        <source>同步</source>
        <translation>Sync</translation>
    </message>
    <message>
        <source>月份</source>
        <translation>Month</translation>
    </message>
    <message>
        <source>本月汇总</source>
        <translation>This month&apos;s summary</translation>
    </message>
    <message>
        <source>项目</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>数值</source>
        <translation>Value</translation>
    </message>
    <message>
        <source>检查</source>
        <translation>Check</translation>
    </message>
    <message>
        <source>帮扶发放人次</source>
        <translation>Relief recipients</translation>
    </message>
    <message>
        <source>现金合计</source>
        <translation>Total cash</translation>
    </message>
    <message>
        <source>物资价值合计</source>
        <translation>Total value of goods</translation>
    </message>
    <message>
        <source>走访次数</source>
        <translation>Visits</translation>
    </message>
    <message>
        <source>工作日志条数</source>
        <translation>Log entries</translation>
    </message>
    <message>
        <source>收据张数</source>
        <translation>Receipts</translation>
    </message>
    <message>
        <source>收据号段</source>
        <translation>Receipt number range</translation>
    </message>
    <message>
        <source>作废收据</source>
        <translation>Voided receipts</translation>
    </message>
    <message>
        <source>项目 %1</source>
        <translation>Programme %1</translation>
    </message>
    <message>
        <source>不能月结：</source>
        <translation>Cannot close the month:</translation>
    </message>
    <message>
        <source>可以月结。</source>
        <translation>Ready to close the month.</translation>
    </message>
    <message>
        <source>月结后 %1 的记录不能再修改，确定吗？</source>
        <translation>After month end the records of %1 can no longer be changed. Continue?</translation>
    </message>
    <message>
        <source>%1 已月结。</source>
        <translation>%1 is closed.</translation>
    </message>
    <message>
        <source>月报 %1</source>
        <translation>Monthly report %1</translation>
    </message>
</context>
<context>
    <name>PdfPreview</name>
    <message>
        <source>本机无法在程序内预览。请点“用其他程序打开”，在打开的程序里查看和打印。</source>
        <translation>This computer cannot preview here. Use &quot;Open with another program&quot; to view and print it there.</translation>
    </message>
    <message>
        <source>另存为 PDF…</source>
        <translation>Save as PDF…</translation>
    </message>
    <message>
        <source>用其他程序打开</source>
        <translation>Open with another program</translation>
    </message>
    <message>
        <source>打印</source>
        <translation>Print</translation>
    </message>
    <message>
        <source>保存 PDF</source>
        <translation>Save PDF</translation>
    </message>
    <message>
        <source>已发送到打印机</source>
        <translation>Sent to the printer</translation>
    </message>
</context>
<context>
    <name>ReliefPage</name>
    <message>
        <source>收据预览</source>
        <translation>Receipt preview</translation>
    </message>
    <message>
        <source>发放</source>
        <translation>Give relief</translation>
    </message>
    <message>
        <source>领取人</source>
        <translation>Recipient</translation>
    </message>
    <message>
        <source>帮扶项目</source>
        <translation>Relief programme</translation>
    </message>
    <message>
        <source>现金（元）</source>
        <translation>Cash (yuan)</translation>
    </message>
    <message>
        <source>物资</source>
        <translation>Goods</translation>
    </message>
    <message>
        <source>名称，例如 大米</source>
        <translation>Item, e.g. rice</translation>
    </message>
    <message>
        <source>数量</source>
        <translation>Quantity</translation>
    </message>
    <message>
        <source>单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>价值（元）</source>
        <translation>Value (yuan)</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>选择领取人和项目后，这里显示项目上限、该会员今年的领取情况和预算余额。</source>
        <translation>After choosing the recipient and programme, the programme limits, what this member received this year and the remaining budget are shown here.</translation>
    </message>
    <message>
        <source>站长批准超规则发放的理由（记入审计）</source>
        <translation>Station head&apos;s reason for approving an exception (recorded in the audit log)</translation>
    </message>
    <message>
        <source>确认发放并预览收据</source>
        <translation>Confirm and preview receipt</translation>
    </message>
    <message>
        <source>本月发放</source>
        <translation>Relief this month</translation>
    </message>
    <message>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>项目</source>
        <translation>Programme</translation>
    </message>
    <message>
        <source>金额</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>收据号</source>
        <translation>Receipt no.</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>预览/打印收据</source>
        <translation>Preview/print receipt</translation>
    </message>
    <message>
        <source>作废</source>
        <translation>Void</translation>
    </message>
    <message>
        <source>已发放</source>
        <translation>Given</translation>
    </message>
    <message>
        <source>已作废</source>
        <translation>Voided</translation>
    </message>
    <message>
        <source>调整</source>
        <translation>Adjustment</translation>
    </message>
    <message>
        <source>·未打印</source>
        <translation> · not printed</translation>
    </message>
    <message>
        <source>请选择领取人</source>
        <translation>Choose a recipient</translation>
    </message>
    <message>
        <source>请选择帮扶项目（本年度没有项目时请先由站长设置）</source>
        <translation>Choose a relief programme (if there is none this year, the station head must set one up first)</translation>
    </message>
    <message>
        <source>不限</source>
        <translation>No limit</translation>
    </message>
    <message>
        <source>该会员今年已领取本项目 %1 次，共 %2；本站预算余额 %3。</source>
        <translation>This member has received this programme %1 times this year, %2 in total; station budget left %3.</translation>
    </message>
    <message>
        <source>不符合发放规则：</source>
        <translation>Does not meet the relief rules:</translation>
    </message>
    <message>
        <source>需要站长登录后批准。</source>
        <translation>The station head must log in and approve.</translation>
    </message>
    <message>
        <source>已发放，收据号 %1</source>
        <translation>Given, receipt no. %1</translation>
    </message>
    <message>
        <source>作废 %1 的发放（收据号保留、标记作废）。请填写原因：</source>
        <translation>Void the relief given to %1 (the receipt number is kept and marked void). Reason:</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>A4（两联）</source>
        <translation>A4 (two copies)</translation>
    </message>
    <message>
        <source>连续纸 241×93</source>
        <translation>Continuous paper 241×93</translation>
    </message>
    <message>
        <source>本机设置</source>
        <translation>This computer</translation>
    </message>
    <message>
        <source>系统默认打印机</source>
        <translation>System default printer</translation>
    </message>
    <message>
        <source>%1（未连接）</source>
        <translation>%1 (not connected)</translation>
    </message>
    <message>
        <source> 分钟</source>
        <translation> min</translation>
    </message>
    <message>
        <source>收据格式</source>
        <translation>Receipt format</translation>
    </message>
    <message>
        <source>打印机</source>
        <translation>Printer</translation>
    </message>
    <message>
        <source>界面语言</source>
        <translation>Interface language</translation>
    </message>
    <message>
        <source>无操作自动锁定</source>
        <translation>Lock when idle for</translation>
    </message>
    <message>
        <source>数据</source>
        <translation>Data</translation>
    </message>
    <message>
        <source>数据文件：</source>
        <translation>Data file:</translation>
    </message>
    <message>
        <source>打开数据文件夹</source>
        <translation>Open data folder</translation>
    </message>
    <message>
        <source>立即备份</source>
        <translation>Back up now</translation>
    </message>
    <message>
        <source>从备份恢复…</source>
        <translation>Restore from backup…</translation>
    </message>
    <message>
        <source>关于工作台</source>
        <translation>About StationDesk</translation>
    </message>
    <message>
        <source>界面语言将在下次启动时生效。</source>
        <translation>The interface language takes effect the next time the app starts.</translation>
    </message>
    <message>
        <source>已备份到 %1</source>
        <translation>Backed up to %1</translation>
    </message>
    <message>
        <source>选择备份文件</source>
        <translation>Choose a backup file</translation>
    </message>
    <message>
        <source>数据库 (*.sqlite3)</source>
        <translation>Database (*.sqlite3)</translation>
    </message>
    <message>
        <source>已恢复（恢复前的数据已另行备份）。请重新启动工作台。</source>
        <translation>Restored (the data before restoring was backed up separately). Please restart the app.</translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <source>首次使用设置</source>
        <translation>First-time setup</translation>
    </message>
    <message>
        <source>上一步</source>
        <translation>Back</translation>
    </message>
    <message>
        <source>欢迎使用工会服务站工作台</source>
        <translation>Welcome to the Union Service Station Desk</translation>
    </message>
    <message>
        <source>请选择本机的开始方式。以后可以在“设置”中修改。</source>
        <translation>Choose how to start on this computer. You can change it later in Settings.</translation>
    </message>
    <message>
        <source>连接区总工会服务器（使用一次性注册码）</source>
        <translation>Connect to the district union server (with a one-time code)</translation>
    </message>
    <message>
        <source>先离线使用（以后再设置同步）</source>
        <translation>Start offline (set up sync later)</translation>
    </message>
    <message>
        <source>打开演示服务站（虚构数据，用于培训）</source>
        <translation>Open a demo station (fictional data, for training)</translation>
    </message>
    <message>
        <source>连接区总工会服务器</source>
        <translation>Connect to the district union server</translation>
    </message>
    <message>
        <source>服务器地址</source>
        <translation>Server address</translation>
    </message>
    <message>
        <source>注册码</source>
        <translation>One-time code</translation>
    </message>
    <message>
        <source>注册</source>
        <translation>Enrol</translation>
    </message>
    <message>
        <source>离线开始</source>
        <translation>Start offline</translation>
    </message>
    <message>
        <source>填写本服务站的名称和编码。</source>
        <translation>Enter this station&apos;s name and code.</translation>
    </message>
    <message>
        <source>服务站名称</source>
        <translation>Station name</translation>
    </message>
    <message>
        <source>填写本服务站的名称和编码（须与区总工会登记的一致），以及区总工会提供的服务器地址和一次性注册码。</source>
        <translation>Enter this station&apos;s name and code (as registered with the district union), and the server address and one-time code from the district union.</translation>
    </message>
    <message>
        <source>服务站编码</source>
        <translation>Station code</translation>
    </message>
    <message>
        <source>区划代码 + 编号，例如 4401060001</source>
        <translation>Area code + number, e.g. 4401060001</translation>
    </message>
    <message>
        <source>可不填；区服务器使用自签证书时选择 CA 证书文件</source>
        <translation>Optional; choose the CA certificate file if the district server uses its own certificate</translation>
    </message>
    <message>
        <source>选择…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <source>CA 证书（可选）</source>
        <translation>CA certificate (optional)</translation>
    </message>
    <message>
        <source>选择 CA 证书</source>
        <translation>Choose CA certificate</translation>
    </message>
    <message>
        <source>证书 (*.pem *.crt *.cer);;所有文件 (*)</source>
        <translation>Certificates (*.pem *.crt *.cer);;All files (*)</translation>
    </message>
    <message>
        <source>发放单位</source>
        <translation>Issuing union</translation>
    </message>
    <message>
        <source>所属区</source>
        <translation>District</translation>
    </message>
    <message>
        <source>下一步</source>
        <translation>Next</translation>
    </message>
    <message>
        <source>演示服务站</source>
        <translation>Demo station</translation>
    </message>
    <message>
        <source>生成虚构的会员、走访和发放记录。演示账号：站长 head、社工 worker，密码 demo1234。</source>
        <translation>Creates fictional members, visits and relief. Demo accounts: station head &quot;head&quot;, social worker &quot;worker&quot;, password demo1234.</translation>
    </message>
    <message>
        <source>会员人数</source>
        <translation>Number of members</translation>
    </message>
    <message>
        <source>生成演示数据</source>
        <translation>Create demo data</translation>
    </message>
    <message>
        <source>创建站长账号</source>
        <translation>Create the station head account</translation>
    </message>
    <message>
        <source>站长账号可以添加其他工作人员、批准超规则发放。</source>
        <translation>The station head can add other staff and approve exceptions to the relief rules.</translation>
    </message>
    <message>
        <source>登录名</source>
        <translation>Username</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>密码</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>再次输入密码</source>
        <translation>Repeat password</translation>
    </message>
    <message>
        <source>完成</source>
        <translation>Finish</translation>
    </message>
    <message>
        <source>出错了，操作没有完成：%1</source>
        <translation>Something went wrong and the action was not completed: %1</translation>
    </message>
    <message>
        <source>请填写服务器地址</source>
        <translation>Enter the server address</translation>
    </message>
    <message>
        <source>服务器地址应以 https:// 开头</source>
        <translation>The server address should start with https://</translation>
    </message>
    <message>
        <source>请填写注册码</source>
        <translation>Enter the one-time code</translation>
    </message>
    <message>
        <source>注册码不完整，请核对</source>
        <translation>The one-time code is incomplete; please check it</translation>
    </message>
    <message>
        <source>找不到这个证书文件</source>
        <translation>This certificate file does not exist</translation>
    </message>
    <message>
        <source>服务站名称不能为空</source>
        <translation>The station name is required</translation>
    </message>
    <message>
        <source>服务站编码不能为空</source>
        <translation>The station code is required</translation>
    </message>
    <message>
        <source>正在连接服务器……</source>
        <translation>Connecting to the server…</translation>
    </message>
    <message>
        <source>本机服务站已建立（名称和编码不能再改）。可以改正服务器地址或注册码后重试，或返回选择“先离线使用”，以后再注册（命令 stationdesk sync enrol）。</source>
        <translation>The station has been set up on this computer (its name and code can no longer change). Correct the server address or one-time code and try again, or go back, choose &quot;Start offline&quot; and enrol later (command: stationdesk sync enrol).</translation>
    </message>
    <message>
        <source>正在生成，请稍候……</source>
        <translation>Creating, please wait…</translation>
    </message>
    <message>
        <source>两次输入的密码不一致</source>
        <translation>The passwords do not match</translation>
    </message>
</context>
<context>
    <name>StaffCard</name>
    <message>
        <source>工作人员</source>
        <translation>Staff</translation>
    </message>
    <message>
        <source>登录名</source>
        <translation>Username</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>角色</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>添加账号</source>
        <translation>Add an account</translation>
    </message>
    <message>
        <source>初始密码</source>
        <translation>Initial password</translation>
    </message>
    <message>
        <source>至少 6 位</source>
        <translation>at least 6 characters</translation>
    </message>
    <message>
        <source>添加工作人员</source>
        <translation>Add staff member</translation>
    </message>
    <message>
        <source>只有站长可以添加工作人员。</source>
        <translation>Only the station head can add staff.</translation>
    </message>
    <message>
        <source>已停用</source>
        <translation>Disabled</translation>
    </message>
    <message>
        <source>已添加 %1，请把初始密码告诉本人。</source>
        <translation>Added %1. Give them the initial password in person.</translation>
    </message>
</context>
<context>
    <name>StationCard</name>
    <message>
        <source>服务站</source>
        <translation>Station</translation>
    </message>
    <message>
        <source>编码</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>所属区</source>
        <translation>District</translation>
    </message>
    <message>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>发放单位</source>
        <translation>Issuing union</translation>
    </message>
    <message>
        <source>地址</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>保存服务站信息</source>
        <translation>Save station details</translation>
    </message>
    <message>
        <source>只有站长可以修改服务站信息。</source>
        <translation>Only the station head can change the station details.</translation>
    </message>
    <message>
        <source>已保存。</source>
        <translation>Saved.</translation>
    </message>
</context>
<context>
    <name>StationLogPage</name>
    <message>
        <source>快速记录（今天）</source>
        <translation>Quick entry (today)</translation>
    </message>
    <message>
        <source>类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>咨询事项</source>
        <translation>Enquiry</translation>
    </message>
    <message>
        <source>接待人数</source>
        <translation>People received</translation>
    </message>
    <message>
        <source>咨询次数</source>
        <translation>Enquiries</translation>
    </message>
    <message>
        <source>调解件数</source>
        <translation>Mediations</translation>
    </message>
    <message>
        <source>新发展会员</source>
        <translation>New members recruited</translation>
    </message>
    <message>
        <source>驿站服务人次</source>
        <translation>Rest-stop visitors</translation>
    </message>
    <message>
        <source>追回金额（元）</source>
        <translation>Amount recovered (yuan)</translation>
    </message>
    <message>
        <source>内容</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>记录</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>今天</source>
        <translation>Today</translation>
    </message>
    <message>
        <source>人数/件数</source>
        <translation>People/cases</translation>
    </message>
    <message>
        <source>本月按日汇总</source>
        <translation>This month by day</translation>
    </message>
    <message>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>条数</source>
        <translation>Entries</translation>
    </message>
    <message>
        <source>接待</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>咨询</source>
        <translation>Enquiries</translation>
    </message>
    <message>
        <source>调解</source>
        <translation>Mediations</translation>
    </message>
    <message>
        <source>新会员</source>
        <translation>New members</translation>
    </message>
    <message>
        <source>合计</source>
        <translation>Total</translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message>
        <source>立即同步</source>
        <translation>Sync now</translation>
    </message>
    <message>
        <source>处理冲突</source>
        <translation>Resolve conflicts</translation>
    </message>
    <message>
        <source>待上传与出错的记录</source>
        <translation>Records waiting to upload or failed</translation>
    </message>
    <message>
        <source>序号</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>记录</source>
        <translation>Record</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>次数</source>
        <translation>Attempts</translation>
    </message>
    <message>
        <source>错误</source>
        <translation>Error</translation>
    </message>
    <message>
        <source>本次运行的同步记录</source>
        <translation>Sync log for this session</translation>
    </message>
    <message>
        <source>未配置同步服务器。</source>
        <translation>No sync server configured.</translation>
    </message>
    <message>
        <source>服务器：%1。</source>
        <translation>Server: %1.</translation>
    </message>
    <message>
        <source>待上传 %1 条，出错 %2 条，未处理冲突 %3 条；上次同步：%4。</source>
        <translation>%1 waiting to upload, %2 failed, %3 unresolved conflicts; last sync: %4.</translation>
    </message>
    <message>
        <source>从未</source>
        <translation>never</translation>
    </message>
    <message>
        <source>未配置同步服务器</source>
        <translation>No sync server configured</translation>
    </message>
    <message>
        <source>正在同步……</source>
        <translation>Syncing…</translation>
    </message>
    <message>
        <source>正在同步……%1 %2</source>
        <translation>Syncing… %1 %2</translation>
    </message>
    <message>
        <source>同步失败：%1</source>
        <translation>Sync failed: %1</translation>
    </message>
</context>
<context>
    <name>VisitsPage</name>
    <message>
        <source>新增走访（Ctrl+S 保存）</source>
        <translation>New visit (Ctrl+S saves)</translation>
    </message>
    <message>
        <source>走访对象</source>
        <translation>Visited</translation>
    </message>
    <message>
        <source>走访类型</source>
        <translation>Visit type</translation>
    </message>
    <message>
        <source>走访日期</source>
        <translation>Visit date</translation>
    </message>
    <message>
        <source>事由</source>
        <translation>Purpose</translation>
    </message>
    <message>
        <source>情况记录</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>需要回访</source>
        <translation>Follow-up needed</translation>
    </message>
    <message>
        <source>回访日期</source>
        <translation>Follow-up date</translation>
    </message>
    <message>
        <source>保存走访</source>
        <translation>Save visit</translation>
    </message>
    <message>
        <source>待回访（按到期日）</source>
        <translation>Follow-ups due (by due date)</translation>
    </message>
    <message>
        <source>到期</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>对象</source>
        <translation>Who</translation>
    </message>
    <message>
        <source>标记已回访</source>
        <translation>Mark followed up</translation>
    </message>
    <message>
        <source>本月走访</source>
        <translation>Visits this month</translation>
    </message>
    <message>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>人数</source>
        <translation>People</translation>
    </message>
    <message>
        <source>已保存 %1 的走访</source>
        <translation>Saved the visit of %1</translation>
    </message>
    <message>
        <source>（逾期）</source>
        <translation> (overdue)</translation>
    </message>
</context>
<context>
    <name>entity</name>
    <message>
        <source>服务站</source>
        <translation>Station</translation>
    </message>
    <message>
        <source>工作人员</source>
        <translation>Staff</translation>
    </message>
    <message>
        <source>会员</source>
        <translation>Member</translation>
    </message>
    <message>
        <source>帮扶项目</source>
        <translation>Relief programme</translation>
    </message>
    <message>
        <source>项目预算</source>
        <translation>Programme budget</translation>
    </message>
    <message>
        <source>帮扶发放</source>
        <translation>Relief</translation>
    </message>
    <message>
        <source>收据</source>
        <translation>Receipt</translation>
    </message>
    <message>
        <source>走访</source>
        <translation>Visit</translation>
    </message>
    <message>
        <source>工作日志</source>
        <translation>Log entry</translation>
    </message>
    <message>
        <source>月结</source>
        <translation>Month end</translation>
    </message>
</context>
<context>
    <name>enum</name>
    <message>
        <source>两节送温暖</source>
        <translation>Festival warmth</translation>
    </message>
    <message>
        <source>互助保障</source>
        <translation>Mutual aid</translation>
    </message>
    <message>
        <source>企业走访</source>
        <translation>Workplace visit</translation>
    </message>
    <message>
        <source>保安员</source>
        <translation>Security guard</translation>
    </message>
    <message>
        <source>入户走访</source>
        <translation>Home visit</translation>
    </message>
    <message>
        <source>其他</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>劳动合同</source>
        <translation>Employment contract</translation>
    </message>
    <message>
        <source>劳资纠纷调解</source>
        <translation>Labour dispute mediation</translation>
    </message>
    <message>
        <source>医疗救助</source>
        <translation>Medical assistance</translation>
    </message>
    <message>
        <source>医院探视</source>
        <translation>Hospital visit</translation>
    </message>
    <message>
        <source>发展会员</source>
        <translation>Recruiting members</translation>
    </message>
    <message>
        <source>台湾居民居住证</source>
        <translation>Residence permit (Taiwan)</translation>
    </message>
    <message>
        <source>回访</source>
        <translation>Follow-up</translation>
    </message>
    <message>
        <source>在册</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>培训</source>
        <translation>Training</translation>
    </message>
    <message>
        <source>外卖骑手</source>
        <translation>Food delivery rider</translation>
    </message>
    <message>
        <source>女</source>
        <translation>Female</translation>
    </message>
    <message>
        <source>审核</source>
        <translation>Reviewer</translation>
    </message>
    <message>
        <source>审计（只读）</source>
        <translation>Auditor (read-only)</translation>
    </message>
    <message>
        <source>家政服务员</source>
        <translation>Domestic worker</translation>
    </message>
    <message>
        <source>居民身份证</source>
        <translation>Resident ID card</translation>
    </message>
    <message>
        <source>工伤</source>
        <translation>Work injury</translation>
    </message>
    <message>
        <source>已作废</source>
        <translation>Voided</translation>
    </message>
    <message>
        <source>已发放</source>
        <translation>Given</translation>
    </message>
    <message>
        <source>已同步</source>
        <translation>Synced</translation>
    </message>
    <message>
        <source>已转出</source>
        <translation>Transferred out</translation>
    </message>
    <message>
        <source>已退会</source>
        <translation>Lapsed</translation>
    </message>
    <message>
        <source>待同步</source>
        <translation>Waiting to sync</translation>
    </message>
    <message>
        <source>快递员</source>
        <translation>Courier</translation>
    </message>
    <message>
        <source>意外致困</source>
        <translation>Hardship after an accident</translation>
    </message>
    <message>
        <source>慰问金</source>
        <translation>Condolence payment</translation>
    </message>
    <message>
        <source>接待来访</source>
        <translation>Receiving visitors</translation>
    </message>
    <message>
        <source>政策咨询</source>
        <translation>Policy advice</translation>
    </message>
    <message>
        <source>无</source>
        <translation>None</translation>
    </message>
    <message>
        <source>有冲突</source>
        <translation>Conflict</translation>
    </message>
    <message>
        <source>来访接待</source>
        <translation>Walk-in</translation>
    </message>
    <message>
        <source>欠薪</source>
        <translation>Unpaid wages</translation>
    </message>
    <message>
        <source>活动</source>
        <translation>Event</translation>
    </message>
    <message>
        <source>深度困难</source>
        <translation>Deep hardship</translation>
    </message>
    <message>
        <source>港澳居民居住证（澳门）</source>
        <translation>Residence permit (Macao)</translation>
    </message>
    <message>
        <source>港澳居民居住证（香港）</source>
        <translation>Residence permit (Hong Kong)</translation>
    </message>
    <message>
        <source>环卫工人</source>
        <translation>Sanitation worker</translation>
    </message>
    <message>
        <source>生活救助</source>
        <translation>Living assistance</translation>
    </message>
    <message>
        <source>电话咨询</source>
        <translation>Phone enquiry</translation>
    </message>
    <message>
        <source>男</source>
        <translation>Male</translation>
    </message>
    <message>
        <source>相对困难</source>
        <translation>Relative hardship</translation>
    </message>
    <message>
        <source>社会保险</source>
        <translation>Social insurance</translation>
    </message>
    <message>
        <source>社工</source>
        <translation>Social worker</translation>
    </message>
    <message>
        <source>站长</source>
        <translation>Station head</translation>
    </message>
    <message>
        <source>网约车司机</source>
        <translation>Ride-hailing driver</translation>
    </message>
    <message>
        <source>节日慰问走访</source>
        <translation>Festival visit</translation>
    </message>
    <message>
        <source>被拒绝</source>
        <translation>Rejected</translation>
    </message>
    <message>
        <source>调整</source>
        <translation>Adjustment</translation>
    </message>
    <message>
        <source>货车司机</source>
        <translation>Truck driver</translation>
    </message>
    <message>
        <source>金秋助学</source>
        <translation>Autumn education grant</translation>
    </message>
    <message>
        <source>驿站巡查</source>
        <translation>Rest-stop inspection</translation>
    </message>
    <message>
        <source>驿站服务</source>
        <translation>Rest-stop service</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>提示</source>
        <translation>Notice</translation>
    </message>
    <message>
        <source>出错了，操作没有完成。请把详细信息复制给技术支持。</source>
        <translation>Something went wrong and the action was not completed. Please copy the details to technical support.</translation>
    </message>
</context>
<context>
    <name>field</name>
    <message>
        <source>会籍状态</source>
        <translation>Membership status</translation>
    </message>
    <message>
        <source>住址</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>公示同意日期</source>
        <translation>Consent to public notice (date)</translation>
    </message>
    <message>
        <source>出生日期</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <source>困难档案号</source>
        <translation>Hardship file no.</translation>
    </message>
    <message>
        <source>困难类别</source>
        <translation>Hardship category</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>复核日期</source>
        <translation>Review date</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>工作单位</source>
        <translation>Employer</translation>
    </message>
    <message>
        <source>性别</source>
        <translation>Gender</translation>
    </message>
    <message>
        <source>手机号</source>
        <translation>Mobile</translation>
    </message>
    <message>
        <source>敏感信息处理同意日期</source>
        <translation>Consent to sensitive data (date)</translation>
    </message>
    <message>
        <source>职业群体</source>
        <translation>Occupation group</translation>
    </message>
    <message>
        <source>身份证号</source>
        <translation>ID number</translation>
    </message>
    <message>
        <source>银行账号</source>
        <translation>Bank account</translation>
    </message>
</context>
<context>
    <name>nav</name>
    <message>
        <source>工作台</source>
        <translation>Dashboard</translation>
    </message>
    <message>
        <source>会员</source>
        <translation>Members</translation>
    </message>
    <message>
        <source>走访</source>
        <translation>Visits</translation>
    </message>
    <message>
        <source>帮扶发放</source>
        <translation>Relief</translation>
    </message>
    <message>
        <source>集中发放</source>
        <translation>Campaigns</translation>
    </message>
    <message>
        <source>工作日志</source>
        <translation>Station log</translation>
    </message>
    <message>
        <source>月结</source>
        <translation>Month end</translation>
    </message>
    <message>
        <source>同步</source>
        <translation>Sync</translation>
    </message>
    <message>
        <source>冲突处理</source>
        <translation>Conflicts</translation>
    </message>
    <message>
        <source>设置</source>
        <translation>Settings</translation>
    </message>
</context>
</TS>
