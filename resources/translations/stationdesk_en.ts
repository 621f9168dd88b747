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
        <source>工会服务站工作台 StationDesk</source>
        <translation>StationDesk: Union Service Station Desk</translation>
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
        <translation>No fund programs this year</translation>
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
        <translation>Fund program</translation>
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
        <source>发放对象（取消勾选的人这次不发）</source>
        <translation>Recipients (untick anyone who should not receive this time)</translation>
    </message>
    <message>
        <source>全选</source>
        <translation>Select all</translation>
    </message>
    <message>
        <source>全不选</source>
        <translation>Select none</translation>
    </message>
    <message>
        <source>找到 %1 人，已选 %2 人</source>
        <translation>%1 found, %2 selected</translation>
    </message>
    <message>
        <source>没有发放。</source>
        <translation>Nothing was handed out.</translation>
    </message>
    <message>
        <source>项目：%1
人数：%2 人
每人：%3
合计：%4
（%5）

发放后每人生成一张收据，错发只能逐条作废。确定发放吗？</source>
        <translation>Program: %1
People: %2
Each: %3
Total: %4
(%5)

Each person gets a receipt; a wrong hand-out can only be voided one by one. Hand out now?</translation>
    </message>
    <message>
        <source>确认集中发放</source>
        <translation>Confirm the campaign</translation>
    </message>
    <message>
        <source>确认发放</source>
        <translation>Hand out</translation>
    </message>
    <message>
        <source>不发放</source>
        <translation>Do not hand out</translation>
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
        <source>这次活动还没有可打印的收据。</source>
        <translation>This campaign has no receipts to print yet.</translation>
    </message>
    <message>
        <source>%1 收据（%2 张）</source>
        <translation>%1 receipts (%2)</translation>
    </message>
    <message>
        <source>签收表</source>
        <translation>Sign-off sheet</translation>
    </message>
</context>
<context>
    <name>CaseDetail</name>
    <message>
        <source>受理</source>
        <translation>Accept</translation>
    </message>
    <message>
        <source>开始调解</source>
        <translation>Start mediation</translation>
    </message>
    <message>
        <source>达成协议…</source>
        <translation>Agreement…</translation>
    </message>
    <message>
        <source>调解不成转仲裁</source>
        <translation>Failed: to arbitration</translation>
    </message>
    <message>
        <source>撤回…</source>
        <translation>Withdrawn…</translation>
    </message>
    <message>
        <source>不予受理…</source>
        <translation>Refuse…</translation>
    </message>
    <message>
        <source>结案</source>
        <translation>Close case</translation>
    </message>
    <message>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>办理事项</source>
        <translation>Step</translation>
    </message>
    <message>
        <source>经办人</source>
        <translation>Handled by</translation>
    </message>
    <message>
        <source>办理日期</source>
        <translation>Date of step</translation>
    </message>
    <message>
        <source>记录联系…</source>
        <translation>Contact note…</translation>
    </message>
    <message>
        <source>延长期限…</source>
        <translation>Extend deadline…</translation>
    </message>
    <message>
        <source>追回金额…</source>
        <translation>Amount recovered…</translation>
    </message>
    <message>
        <source>打印协议书</source>
        <translation>Print agreement</translation>
    </message>
    <message>
        <source>打印登记表</source>
        <translation>Print record sheet</translation>
    </message>
    <message>
        <source>（已超期）</source>
        <translation> (overdue)</translation>
    </message>
    <message>
        <source>（将到期）</source>
        <translation> (due soon)</translation>
    </message>
    <message>
        <source>期限 %1</source>
        <translation>Deadline %1</translation>
    </message>
    <message>
        <source>请求 %1，已追回 %2</source>
        <translation>Claimed %1, recovered %2</translation>
    </message>
    <message>
        <source>达成协议</source>
        <translation>Agreement reached</translation>
    </message>
    <message>
        <source>协议内容（打印在调解协议书上）：</source>
        <translation>Terms of the agreement (printed on the mediation agreement):</translation>
    </message>
    <message>
        <source>说明原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>原因：</source>
        <translation>Reason:</translation>
    </message>
    <message>
        <source>记录联系</source>
        <translation>Contact note</translation>
    </message>
    <message>
        <source>联系情况：</source>
        <translation>What was said or agreed:</translation>
    </message>
    <message>
        <source>追回金额</source>
        <translation>Amount recovered</translation>
    </message>
    <message>
        <source>累计追回金额（元）：</source>
        <translation>Total amount recovered (yuan):</translation>
    </message>
    <message>
        <source>调解协议书</source>
        <translation>Mediation agreement</translation>
    </message>
    <message>
        <source>维权个案登记表</source>
        <translation>Rights case record sheet</translation>
    </message>
</context>
<context>
    <name>CaseForm</name>
    <message>
        <source>登记维权个案</source>
        <translation>New rights case</translation>
    </message>
    <message>
        <source>案件来源</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>12351 工单号</source>
        <translation>12351 ticket no.</translation>
    </message>
    <message>
        <source>用人单位</source>
        <translation>Employer</translation>
    </message>
    <message>
        <source>争议类型</source>
        <translation>Dispute type</translation>
    </message>
    <message>
        <source>会员职工</source>
        <translation>Workers (members)</translation>
    </message>
    <message>
        <source>非会员职工</source>
        <translation>Workers (non-members)</translation>
    </message>
    <message>
        <source>每行一人：姓名 手机号</source>
        <translation>One per line: name phone</translation>
    </message>
    <message>
        <source>涉及人数</source>
        <translation>Workers involved</translation>
    </message>
    <message>
        <source>默认为所列职工人数</source>
        <translation>Default: the workers listed</translation>
    </message>
    <message>
        <source>请求金额（元）</source>
        <translation>Amount claimed (yuan)</translation>
    </message>
    <message>
        <source>登记日期</source>
        <translation>Received on</translation>
    </message>
    <message>
        <source>申请事项</source>
        <translation>Matter</translation>
    </message>
    <message>
        <source>保存登记</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>已登记 %1</source>
        <translation>Recorded %1</translation>
    </message>
</context>
<context>
    <name>CasesPage</name>
    <message>
        <source>案件列表</source>
        <translation>Cases</translation>
    </message>
    <message>
        <source>未办结</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>全部</source>
        <translation>All</translation>
    </message>
    <message>
        <source>登记新案件</source>
        <translation>New case</translation>
    </message>
    <message>
        <source>编号</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>用人单位</source>
        <translation>Employer</translation>
    </message>
    <message>
        <source>职工</source>
        <translation>Workers</translation>
    </message>
    <message>
        <source>期限</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <source>（已超期）</source>
        <translation> (overdue)</translation>
    </message>
    <message>
        <source>（将到期）</source>
        <translation> (due soon)</translation>
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
        <source>维权个案期限（待受理、调解中）</source>
        <translation>Rights case deadlines (to accept, in mediation)</translation>
    </message>
    <message>
        <source>本年度帮扶项目预算</source>
        <translation>Fund program budgets this year</translation>
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
        <source>困难档案年审到期、本学年助学金待发</source>
        <translation>Hardship reviews due, student grants waiting this school year</translation>
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
    <message>
        <source>【已超期】</source>
        <translation>[Overdue] </translation>
    </message>
    <message>
        <source>【将到期】</source>
        <translation>[Due soon] </translation>
    </message>
    <message>
        <source>暂无到期的维权个案</source>
        <translation>No rights case is due</translation>
    </message>
    <message>
        <source>【年审逾期】</source>
        <translation>[Review overdue] </translation>
    </message>
    <message>
        <source>【年审】</source>
        <translation>[Review] </translation>
    </message>
    <message>
        <source>【助学待发】%1（家长 %2）</source>
        <translation>[Grant waiting] %1 (parent %2)</translation>
    </message>
    <message>
        <source>暂无到期年审或待发助学金</source>
        <translation>No reviews due and no grants waiting</translation>
    </message>
</context>
<context>
    <name>ExtendDialog</name>
    <message>
        <source>延长调解期限</source>
        <translation>Extend the mediation period</translation>
    </message>
    <message>
        <source>延长天数</source>
        <translation>Days</translation>
    </message>
    <message>
        <source>原因（双方同意）</source>
        <translation>Reason (both parties agreed)</translation>
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
    <name>HardshipDetail</name>
    <message>
        <source>入户核实…</source>
        <translation>Home verification…</translation>
    </message>
    <message>
        <source>公示</source>
        <translation>Public notice</translation>
    </message>
    <message>
        <source>建档</source>
        <translation>File</translation>
    </message>
    <message>
        <source>年审…</source>
        <translation>Annual review…</translation>
    </message>
    <message>
        <source>脱困…</source>
        <translation>Recovered…</translation>
    </message>
    <message>
        <source>注销…</source>
        <translation>Close…</translation>
    </message>
    <message>
        <source>返困…</source>
        <translation>Reopen…</translation>
    </message>
    <message>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>办理事项</source>
        <translation>Step</translation>
    </message>
    <message>
        <source>经办人</source>
        <translation>Handled by</translation>
    </message>
    <message>
        <source>说明</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>发放日期</source>
        <translation>Issued on</translation>
    </message>
    <message>
        <source>帮扶项目</source>
        <translation>Program</translation>
    </message>
    <message>
        <source>金额</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>本户帮扶发放</source>
        <translation>Hand-outs to this household</translation>
    </message>
    <message>
        <source>改定类别…</source>
        <translation>Set category…</translation>
    </message>
    <message>
        <source>与计算结果不同的类别：站长确定并写明理由</source>
        <translation>A category other than the computed one: set by the station head with a reason</translation>
    </message>
    <message>
        <source>打印档案表</source>
        <translation>Print file sheet</translation>
    </message>
    <message>
        <source>打印申请书</source>
        <translation>Print application</translation>
    </message>
    <message>
        <source>档案 %1</source>
        <translation>File %1</translation>
    </message>
    <message>
        <source>（未建档）</source>
        <translation>(not filed yet)</translation>
    </message>
    <message>
        <source>户主：%1&#x3000;状态：%2&#x3000;类别：%3</source>
        <translation>Head: %1   Status: %2   Category: %3</translation>
    </message>
    <message>
        <source>站长确定类别的理由：%1</source>
        <translation>Station head&apos;s reason for the category: %1</translation>
    </message>
    <message>
        <source>下次年审：%1</source>
        <translation>Next annual review: %1</translation>
    </message>
    <message>
        <source>已作废</source>
        <translation>Voided</translation>
    </message>
    <message>
        <source>脱困原因</source>
        <translation>Reason for recovery</translation>
    </message>
    <message>
        <source>注销原因（退休、迁出、去世…）</source>
        <translation>Reason for closing (retired, moved, deceased…)</translation>
    </message>
    <message>
        <source>困难类别</source>
        <translation>Hardship category</translation>
    </message>
    <message>
        <source>理由（站长确定）</source>
        <translation>Reason (station head)</translation>
    </message>
    <message>
        <source>入户核实</source>
        <translation>Home verification</translation>
    </message>
    <message>
        <source>选择入户走访记录</source>
        <translation>Choose the home visit</translation>
    </message>
    <message>
        <source>困难职工档案表</source>
        <translation>Hardship file sheet</translation>
    </message>
    <message>
        <source>帮扶申请书</source>
        <translation>Aid application</translation>
    </message>
</context>
<context>
    <name>HardshipForm</name>
    <message>
        <source>本人</source>
        <translation>Self</translation>
    </message>
    <message>
        <source>配偶</source>
        <translation>Spouse</translation>
    </message>
    <message>
        <source>子女</source>
        <translation>Child</translation>
    </message>
    <message>
        <source>父母</source>
        <translation>Parent</translation>
    </message>
    <message>
        <source>其他</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>户主（会员）</source>
        <translation>Head of household (member)</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>身份证号（可空）</source>
        <translation>ID number (optional)</translation>
    </message>
    <message>
        <source>月收入（元）</source>
        <translation>Monthly income (yuan)</translation>
    </message>
    <message>
        <source>健康状况</source>
        <translation>Health</translation>
    </message>
    <message>
        <source>就业状况</source>
        <translation>Work status</translation>
    </message>
    <message>
        <source>添加成员</source>
        <translation>Add person</translation>
    </message>
    <message>
        <source>家庭成员</source>
        <translation>Household</translation>
    </message>
    <message>
        <source>关系</source>
        <translation>Relation</translation>
    </message>
    <message>
        <source>身份证号</source>
        <translation>ID number</translation>
    </message>
    <message>
        <source>月收入</source>
        <translation>Monthly income</translation>
    </message>
    <message>
        <source>健康</source>
        <translation>Health</translation>
    </message>
    <message>
        <source>就业</source>
        <translation>Work</translation>
    </message>
    <message>
        <source>年医疗支出（元）</source>
        <translation>Medical costs per year (yuan)</translation>
    </message>
    <message>
        <source>年就学支出（元）</source>
        <translation>Schooling costs per year (yuan)</translation>
    </message>
    <message>
        <source>年事故或灾害损失（元）</source>
        <translation>Accident or disaster losses per year (yuan)</translation>
    </message>
    <message>
        <source>意外</source>
        <translation>Accident</translation>
    </message>
    <message>
        <source>有意外事故或灾害记录</source>
        <translation>Accident or disaster recorded</translation>
    </message>
    <message>
        <source>主要致困原因</source>
        <translation>Main cause of hardship</translation>
    </message>
    <message>
        <source>次要致困原因</source>
        <translation>Secondary cause of hardship</translation>
    </message>
    <message>
        <source>（无）</source>
        <translation>(none)</translation>
    </message>
    <message>
        <source>提交申请</source>
        <translation>Submit application</translation>
    </message>
    <message>
        <source>帮扶申请</source>
        <translation>Aid application</translation>
    </message>
    <message>
        <source>年审：核对家庭情况</source>
        <translation>Annual review: check the household</translation>
    </message>
    <message>
        <source>返困：核对家庭情况</source>
        <translation>Reopen: check the household</translation>
    </message>
    <message>
        <source>确认并重新计算</source>
        <translation>Confirm and recompute</translation>
    </message>
</context>
<context>
    <name>HardshipPage</name>
    <message>
        <source>元/人·月</source>
        <translation>yuan/person/month</translation>
    </message>
    <message>
        <source>设置低保标准</source>
        <translation>Set minimum living standard</translation>
    </message>
    <message>
        <source>本月建档公示名单</source>
        <translation>This month&apos;s filing notice</translation>
    </message>
    <message>
        <source>档案列表</source>
        <translation>Files</translation>
    </message>
    <message>
        <source>全部类别</source>
        <translation>All categories</translation>
    </message>
    <message>
        <source>全部状态</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <source>新建申请</source>
        <translation>New application</translation>
    </message>
    <message>
        <source>档案号</source>
        <translation>File no.</translation>
    </message>
    <message>
        <source>户主</source>
        <translation>Head</translation>
    </message>
    <message>
        <source>身份证号</source>
        <translation>ID number</translation>
    </message>
    <message>
        <source>类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>人口</source>
        <translation>People</translation>
    </message>
    <message>
        <source>年审</source>
        <translation>Annual review</translation>
    </message>
    <message>
        <source>未设置</source>
        <translation>not set</translation>
    </message>
    <message>
        <source>当地低保标准：%1/人·月</source>
        <translation>Local minimum living standard: %1 per person per month</translation>
    </message>
    <message>
        <source>困难职工建档公示</source>
        <translation>Notice of hardship filings</translation>
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
    <name>IntakePage</name>
    <message>
        <source>工会会员登记表</source>
        <translation>Union member registration form</translation>
    </message>
    <message>
        <source>登记类型</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>入会</source>
        <translation>Joining</translation>
    </message>
    <message>
        <source>会籍转入</source>
        <translation>Transfer in</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
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
        <source>民族</source>
        <translation>Ethnicity</translation>
    </message>
    <message>
        <source>例：汉族</source>
        <translation>e.g. Han</translation>
    </message>
    <message>
        <source>文化程度</source>
        <translation>Education</translation>
    </message>
    <message>
        <source>政治面貌</source>
        <translation>Political status</translation>
    </message>
    <message>
        <source>户籍类型</source>
        <translation>Household registration</translation>
    </message>
    <message>
        <source>工作单位</source>
        <translation>Employer</translation>
    </message>
    <message>
        <source>联合工会</source>
        <translation>Joint union</translation>
    </message>
    <message>
        <source>单位未建工会时填写加入的联合工会</source>
        <translation>The joint union joined when the employer has no union</translation>
    </message>
    <message>
        <source>职业群体</source>
        <translation>Job group</translation>
    </message>
    <message>
        <source>原所在工会</source>
        <translation>Previous union</translation>
    </message>
    <message>
        <source>会籍转入时填写</source>
        <translation>For a transfer in</translation>
    </message>
    <message>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>会员证号</source>
        <translation>Member card no.</translation>
    </message>
    <message>
        <source>保存登记</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>入会与接转记录</source>
        <translation>Joinings and transfers</translation>
    </message>
    <message>
        <source>类型</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>工会</source>
        <translation>Union</translation>
    </message>
    <message>
        <source>作废</source>
        <translation>Void</translation>
    </message>
    <message>
        <source>会籍转出的会员（不选则用记录中选中的会员）：</source>
        <translation>Member to transfer out (if none is picked, the member of the selected record):</translation>
    </message>
    <message>
        <source>作废记录…</source>
        <translation>Void record…</translation>
    </message>
    <message>
        <source>会籍转出…</source>
        <translation>Transfer out…</translation>
    </message>
    <message>
        <source>已登记：%1</source>
        <translation>Recorded: %1</translation>
    </message>
    <message>
        <source>已作废：%1</source>
        <translation>Voided: %1</translation>
    </message>
    <message>
        <source>请先选择要转出的会员。</source>
        <translation>First pick the member to transfer out.</translation>
    </message>
    <message>
        <source>请先在记录中选中一条未作废的记录。</source>
        <translation>First select a record that is not voided.</translation>
    </message>
    <message>
        <source>作废 %1 的%2记录（记录保留并标明作废）。请填写原因：</source>
        <translation>Void the %2 record of %1 (the record is kept and marked void). Enter the reason:</translation>
    </message>
    <message>
        <source>作废记录</source>
        <translation>Void record</translation>
    </message>
    <message>
        <source>没有作废：必须填写作废原因。</source>
        <translation>Not voided: a reason is required.</translation>
    </message>
    <message>
        <source>已作废。</source>
        <translation>Voided.</translation>
    </message>
    <message>
        <source>会籍转出</source>
        <translation>Transfer out</translation>
    </message>
    <message>
        <source>转入的工会：</source>
        <translation>Union transferred to:</translation>
    </message>
    <message>
        <source>已登记会籍转出。</source>
        <translation>Transfer out recorded.</translation>
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
        <source>忘记密码？用恢复码重置站长密码</source>
        <translation>Forgot the password? Reset a station head&apos;s with the recovery code</translation>
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
    <message>
        <source>%1（%2）</source>
        <translation>%1 (%2)</translation>
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
        <source>保存（Enter / Ctrl+Enter）</source>
        <translation>Save (Enter / Ctrl+Enter)</translation>
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
        <source>（已月结）</source>
        <translation> (closed)</translation>
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
        <translation>Program %1</translation>
    </message>
    <message>
        <source>不能月结：</source>
        <translation>Cannot close the month:</translation>
    </message>
    <message>
        <source>%1 已月结，本月记录只读。</source>
        <translation>%1 is closed; its records are read-only.</translation>
    </message>
    <message>
        <source>可以月结。</source>
        <translation>Ready to close the month.</translation>
    </message>
    <message>
        <source>%1 月结：
帮扶发放 %2 人次，现金 %3，物资 %4
合计 %5（%6）
收据 %7 张，作废 %8 张
走访 %9 次

月结后本月记录只读，更正只能记入以后的月份。确定月结吗？</source>
        <translation>Close %1:
Relief hand-outs: %2, cash %3, goods %4
Total %5 (%6)
Receipts: %7, voided %8
Visits: %9

After the close the month&apos;s records are read-only; corrections go into later months. Close the month now?</translation>
    </message>
    <message>
        <source>确认月结</source>
        <translation>Confirm month-end close</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>月报 %1</source>
        <translation>Monthly report %1</translation>
    </message>
</context>
<context>
    <name>PdfPreview</name>
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
        <source>共 %1 页，这里显示前 %2 页；打印时全部打印。</source>
        <translation>%1 pages; the first %2 are shown here. Printing prints them all.</translation>
    </message>
    <message>
        <source>保存 PDF</source>
        <translation>Save PDF</translation>
    </message>
    <message>
        <source>已取消打印，未计入打印次数。</source>
        <translation>Printing was cancelled and not counted.</translation>
    </message>
    <message>
        <source>已打印到文件，不计入打印次数。</source>
        <translation>Printed to a file; not counted as a print.</translation>
    </message>
    <message>
        <source>打印机“%1”已接受打印任务。</source>
        <translation>Printer &quot;%1&quot; accepted the print job.</translation>
    </message>
</context>
<context>
    <name>ProgramDialog</name>
    <message>
        <source>修改帮扶项目</source>
        <translation>Edit fund program</translation>
    </message>
    <message>
        <source>新建帮扶项目</source>
        <translation>New fund program</translation>
    </message>
    <message>
        <source>项目编码</source>
        <translation>Program code</translation>
    </message>
    <message>
        <source>年度</source>
        <translation>Year</translation>
    </message>
    <message>
        <source>项目名称</source>
        <translation>Program name</translation>
    </message>
    <message>
        <source>项目类型</source>
        <translation>Program type</translation>
    </message>
    <message>
        <source>资金来源</source>
        <translation>Source of funds</translation>
    </message>
    <message>
        <source>每人每年次数上限</source>
        <translation>Times per person per year</translation>
    </message>
    <message>
        <source>不填为不限</source>
        <translation>Leave empty for no limit</translation>
    </message>
    <message>
        <source>（元）</source>
        <translation> (yuan)</translation>
    </message>
    <message>
        <source>不能同时享受的项目编码</source>
        <translation>Codes of programs that cannot be combined</translation>
    </message>
    <message>
        <source>多个用逗号分开</source>
        <translation>Separate several with commas</translation>
    </message>
    <message>
        <source>保存（Ctrl+Enter）</source>
        <translation>Save (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>不选为不限：发放时不查困难职工档案</source>
        <translation>None ticked: no limit, hand-outs do not check hardship files</translation>
    </message>
    <message>
        <source>须有在册困难职工档案</source>
        <translation>Requires a hardship file in force</translation>
    </message>
    <message>
        <source>次数上限须为整数</source>
        <translation>The times limit must be a whole number</translation>
    </message>
</context>
<context>
    <name>ProgramsCard</name>
    <message>
        <source>帮扶项目</source>
        <translation>Fund programs</translation>
    </message>
    <message>
        <source>年度</source>
        <translation>Year</translation>
    </message>
    <message>
        <source>编码</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>规则</source>
        <translation>Rules</translation>
    </message>
    <message>
        <source>本站预算</source>
        <translation>Station budget</translation>
    </message>
    <message>
        <source>新建项目</source>
        <translation>New program</translation>
    </message>
    <message>
        <source>修改</source>
        <translation>Edit</translation>
    </message>
    <message>
        <source>本站已登记到区服务器：帮扶项目由区总工会设置，同步下发，这里只读。</source>
        <translation>This station is enrolled with the district server: fund programs are set by the district union and come down by sync; read-only here.</translation>
    </message>
    <message>
        <source>帮扶项目由站长设置。</source>
        <translation>Fund programs are set by the station head.</translation>
    </message>
    <message>
        <source>本站尚未登记到区服务器：由站长在这里设置帮扶项目。</source>
        <translation>This station is not enrolled with the district server: the station head sets up fund programs here.</translation>
    </message>
    <message>
        <source>不限</source>
        <translation>No limit</translation>
    </message>
    <message>
        <source>每年 %1 次</source>
        <translation>%1 time(s) a year</translation>
    </message>
    <message>
        <source>年累计 %1 元</source>
        <translation>%1 yuan a year</translation>
    </message>
    <message>
        <source>单次 %1 元</source>
        <translation>%1 yuan at most each time</translation>
    </message>
    <message>
        <source>限%1建档职工</source>
        <translation>only filed households: %1</translation>
    </message>
    <message>
        <source>、</source>
        <translation>, </translation>
    </message>
</context>
<context>
    <name>RecoverDialog</name>
    <message>
        <source>用恢复码重置站长密码</source>
        <translation>Reset a station head&apos;s password with the recovery code</translation>
    </message>
    <message>
        <source>如 ABCD-EFGH-…（不分大小写）</source>
        <translation>e.g. ABCD-EFGH-… (any case)</translation>
    </message>
    <message>
        <source>站长登录名</source>
        <translation>Station head&apos;s login</translation>
    </message>
    <message>
        <source>恢复码</source>
        <translation>Recovery code</translation>
    </message>
    <message>
        <source>新密码</source>
        <translation>New password</translation>
    </message>
    <message>
        <source>再次输入新密码</source>
        <translation>New password again</translation>
    </message>
    <message>
        <source>重置并登录</source>
        <translation>Reset and log in</translation>
    </message>
    <message>
        <source>两次输入的新密码不一致</source>
        <translation>The two new passwords differ</translation>
    </message>
    <message>
        <source>正在验证……</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <source>重置失败</source>
        <translation>Reset failed</translation>
    </message>
</context>
<context>
    <name>RecoveryCodeDialog</name>
    <message>
        <source>恢复码</source>
        <translation>Recovery code</translation>
    </message>
    <message>
        <source>本站数据已加密。请站长把下面的恢复码抄在纸上，妥善保管（不要存在这台电脑上）。忘记所有密码时，只有凭它才能重置站长密码。恢复码只显示这一次。</source>
        <translation>The station&apos;s data is encrypted. Station head: copy the recovery code below onto paper and keep it safe (not on this computer). If every password is forgotten, only this code can reset the station head&apos;s password. It is shown only this once.</translation>
    </message>
    <message>
        <source>我已抄下恢复码</source>
        <translation>I have copied the recovery code</translation>
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
        <translation>Fund program</translation>
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
        <translation>After choosing the recipient and program, the program&apos;s limits, what this member received this year and the remaining budget are shown here.</translation>
    </message>
    <message>
        <source>站长批准超规则发放的理由（记入审计）</source>
        <translation>Station head&apos;s reason for approving an exception (recorded in the audit log)</translation>
    </message>
    <message>
        <source>确认发放并预览收据（Ctrl+Enter）</source>
        <translation>Issue and preview the receipt (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>请选择帮扶项目（本年度还没有项目时：未登记的服务站由站长在“设置 → 帮扶项目”中新建，已登记的服务站同步后由区总工会下发）</source>
        <translation>Choose a fund program (if this year has none yet: a station not enrolled has its head create one under &quot;Settings → Fund programs&quot;; an enrolled station gets them from the district union by sync)</translation>
    </message>
    <message>
        <source>请先在列表中选中一条已发放的记录。</source>
        <translation>First select an issued hand-out in the list.</translation>
    </message>
    <message>
        <source>作废 %1 的发放（收据号 %2 保留、标记作废）。请填写原因：</source>
        <translation>Void the hand-out to %1 (receipt %2 is kept and marked void). Enter the reason:</translation>
    </message>
    <message>
        <source>没有作废：必须填写作废原因。</source>
        <translation>Not voided: a reason is required.</translation>
    </message>
    <message>
        <source>%1 已月结，已在本月记一笔冲减调整。</source>
        <translation>%1 is closed; a reversing adjustment was recorded in this month.</translation>
    </message>
    <message>
        <source>已作废收据 %1。</source>
        <translation>Receipt %1 is voided.</translation>
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
        <translation>Program</translation>
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
        <source>不限</source>
        <translation>No limit</translation>
    </message>
    <message>
        <source>该会员今年已领取本项目 %1 次，共 %2；本站预算余额 %3。</source>
        <translation>This member has received this program %1 time(s) this year, %2 in total; station budget left %3.</translation>
    </message>
    <message>
        <source>每年最多 %1 次</source>
        <translation>at most %1 time(s) a year</translation>
    </message>
    <message>
        <source>年度累计不超过 %1</source>
        <translation>at most %1 a year</translation>
    </message>
    <message>
        <source>每次不超过 %1</source>
        <translation>at most %1 each time</translation>
    </message>
    <message>
        <source>本项目没有次数和金额上限。</source>
        <translation>This program has no limits on times or amounts.</translation>
    </message>
    <message>
        <source>本项目上限：</source>
        <translation>This program&apos;s limits: </translation>
    </message>
    <message>
        <source>。</source>
        <translation>.</translation>
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
        <source>服务站与人员</source>
        <translation>Station and staff</translation>
    </message>
    <message>
        <source>帮扶项目</source>
        <translation>Fund programs</translation>
    </message>
    <message>
        <source>同步</source>
        <translation>Sync</translation>
    </message>
    <message>
        <source>本机与数据</source>
        <translation>This computer and data</translation>
    </message>
    <message>
        <source>说明</source>
        <translation>How it works</translation>
    </message>
    <message>
        <source>登记：区总工会在“服务站与人员”中为本站生成一次性登记码，站长填入服务器地址和登记码，点“登记”。登记后帮扶项目由区总工会下发，本站只读。

换电脑或令牌失效时，向区总工会要一个新的登记码，点“重新登记”即可，本站数据不受影响。

没有网络时：在“同步”页导出同步文件，用 U 盘带到区总工会导入，再把回执文件带回导入。</source>
        <translation>Enrolment: the district union makes a one-time code for this station under &quot;Stations and staff&quot;; the station head enters the server address and the code and clicks &quot;Enrol&quot;. Once enrolled, fund programs come from the district union and are read-only here.

On a new computer, or when the token no longer works, ask the district union for a new code and click &quot;Enrol again&quot;; the station&apos;s data is not affected.

Without a network: export a sync file on the Sync page, take it on a USB stick to the district union to import, then bring the reply file back and import it.</translation>
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
        <source>恢复码</source>
        <translation>Recovery code</translation>
    </message>
    <message>
        <source>本站数据已加密，用各工作人员的密码打开。请站长把下面的恢复码抄在纸上，妥善保管，不要存在这台电脑上：忘记所有密码时，只有凭它才能重置站长密码。恢复码只显示这一次。</source>
        <translation>The station&apos;s data is encrypted and opens with each staff member&apos;s password. Station head: copy the recovery code below onto paper and keep it safe, not on this computer: if every password is forgotten, only this code can reset the station head&apos;s password. It is shown only this once.</translation>
    </message>
    <message>
        <source>我已抄下恢复码，开始使用</source>
        <translation>I have copied the recovery code; start</translation>
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
        <source>本机服务站已建立（名称和编码不能再改）。可以改正服务器地址或注册码后重试，或返回选择“先离线使用”，以后在“设置 → 同步”中登记。</source>
        <translation>The station is set up on this computer (its name and code can no longer change). Correct the server address or the code and try again, or go back, choose &quot;Start offline&quot; and enrol later under &quot;Settings → Sync&quot;.</translation>
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
        <source>新密码（至少 6 位）</source>
        <translation>New password (at least 6 characters)</translation>
    </message>
    <message>
        <source>重置密码</source>
        <translation>Reset password</translation>
    </message>
    <message>
        <source>停用账号</source>
        <translation>Deactivate account</translation>
    </message>
    <message>
        <source>请先在上面的列表中选择一位工作人员</source>
        <translation>First choose a staff member in the list above</translation>
    </message>
    <message>
        <source>已重置 %1 的密码，请把新密码告诉本人。</source>
        <translation>%1&apos;s password is reset; tell them the new password.</translation>
    </message>
    <message>
        <source>已停用 %1，该账号不能再登录。</source>
        <translation>%1 is deactivated and can no longer log in.</translation>
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
        <source>记录工作日志</source>
        <translation>Record a work-log entry</translation>
    </message>
    <message>
        <source>取消修改</source>
        <translation>Cancel editing</translation>
    </message>
    <message>
        <source>本月记录</source>
        <translation>This month&apos;s entries</translation>
    </message>
    <message>
        <source>修改</source>
        <translation>Edit</translation>
    </message>
    <message>
        <source>作废</source>
        <translation>Void</translation>
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
        <source>记录（Enter）</source>
        <translation>Record (Enter)</translation>
    </message>
    <message>
        <source>已修改 %1 的日志。</source>
        <translation>The log entry of %1 is changed.</translation>
    </message>
    <message>
        <source>已记录 %1 的日志。</source>
        <translation>The log entry of %1 is recorded.</translation>
    </message>
    <message>
        <source>请先在本月记录中选中一条未作废的日志。</source>
        <translation>First select an entry of this month that is not voided.</translation>
    </message>
    <message>
        <source>保存修改（Enter）</source>
        <translation>Save changes (Enter)</translation>
    </message>
    <message>
        <source>作废日志</source>
        <translation>Void log entry</translation>
    </message>
    <message>
        <source>作废这条日志（记录保留并标明作废）。请填写原因：</source>
        <translation>Void this log entry (it is kept and marked void). Enter the reason:</translation>
    </message>
    <message>
        <source>已作废。</source>
        <translation>Voided.</translation>
    </message>
    <message>
        <source>【已作废：%1】</source>
        <translation>[Voided: %1]</translation>
    </message>
    <message>
        <source>合计</source>
        <translation>Total</translation>
    </message>
</context>
<context>
    <name>StudentsPage</name>
    <message>
        <source>助学学生</source>
        <translation>Students</translation>
    </message>
    <message>
        <source>只看本学年待发</source>
        <translation>Only those waiting this school year</translation>
    </message>
    <message>
        <source>发放本学年助学金</source>
        <translation>Give this school year&apos;s grant</translation>
    </message>
    <message>
        <source>毕业</source>
        <translation>Graduated</translation>
    </message>
    <message>
        <source>学生</source>
        <translation>Student</translation>
    </message>
    <message>
        <source>家长</source>
        <translation>Parent</translation>
    </message>
    <message>
        <source>身份证号</source>
        <translation>ID number</translation>
    </message>
    <message>
        <source>学段</source>
        <translation>Stage</translation>
    </message>
    <message>
        <source>学校</source>
        <translation>School</translation>
    </message>
    <message>
        <source>预计毕业</source>
        <translation>Graduates</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>已发学年</source>
        <translation>Years granted</translation>
    </message>
    <message>
        <source>登记学生</source>
        <translation>Register a student</translation>
    </message>
    <message>
        <source>家长（会员）</source>
        <translation>Parent (member)</translation>
    </message>
    <message>
        <source>学生姓名</source>
        <translation>Student&apos;s name</translation>
    </message>
    <message>
        <source>入学年份</source>
        <translation>Year of entry</translation>
    </message>
    <message>
        <source>预计毕业年份</source>
        <translation>Expected graduation year</translation>
    </message>
    <message>
        <source>登记</source>
        <translation>Register</translation>
    </message>
    <message>
        <source>请先在列表中选择学生</source>
        <translation>Choose a student in the list first</translation>
    </message>
    <message>
        <source>已登记 %1</source>
        <translation>Registered %1</translation>
    </message>
    <message>
        <source>没有本年度的金秋助学项目</source>
        <translation>No student aid program for this year</translation>
    </message>
    <message>
        <source>已发放 %1 学年助学金 %2，收据 %3</source>
        <translation>Grant for school year %1 given: %2, receipt %3</translation>
    </message>
    <message>
        <source>%1 已毕业</source>
        <translation>%1 has graduated</translation>
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
        <source>下载的记录未能应用，已搁置</source>
        <translation>Downloaded records that could not be applied (set aside)</translation>
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
    <name>SyncSettingsCard</name>
    <message>
        <source>同步</source>
        <translation>Sync</translation>
    </message>
    <message>
        <source>服务器地址</source>
        <translation>Server address</translation>
    </message>
    <message>
        <source>一次性登记码</source>
        <translation>One-time code</translation>
    </message>
    <message>
        <source>区总工会发给本站的登记码</source>
        <translation>The code the district union gave this station</translation>
    </message>
    <message>
        <source>区总工会自签证书时才需要</source>
        <translation>Only needed when the district union signs its own certificate</translation>
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
        <source>登记</source>
        <translation>Enrol</translation>
    </message>
    <message>
        <source>已登记到 %1。上次同步：%2。</source>
        <translation>Enrolled with %1. Last sync: %2.</translation>
    </message>
    <message>
        <source>重新登记</source>
        <translation>Enrol again</translation>
    </message>
    <message>
        <source>尚未登记到区服务器（本站离线使用）。上次同步：%2。</source>
        <translation>Not enrolled with the district server (this station works offline). Last sync: %2.</translation>
    </message>
    <message>
        <source>从未</source>
        <translation>never</translation>
    </message>
    <message>
        <source>登记由站长操作。</source>
        <translation>Enrolment is done by the station head.</translation>
    </message>
    <message>
        <source>选择 CA 证书</source>
        <translation>Choose a CA certificate</translation>
    </message>
    <message>
        <source>证书 (*.pem *.crt);;所有文件 (*)</source>
        <translation>Certificates (*.pem *.crt);;All files (*)</translation>
    </message>
    <message>
        <source>请填写服务器地址</source>
        <translation>Enter the server address</translation>
    </message>
    <message>
        <source>服务器地址应以 https:// 开头</source>
        <translation>The server address must start with https://</translation>
    </message>
    <message>
        <source>请填写区总工会发给本站的一次性登记码</source>
        <translation>Enter the one-time code the district union gave this station</translation>
    </message>
    <message>
        <source>找不到这个证书文件</source>
        <translation>The certificate file was not found</translation>
    </message>
    <message>
        <source>正在连接服务器……</source>
        <translation>Connecting to the server…</translation>
    </message>
    <message>
        <source>已登记：本站 %1，区 %2。可以到“同步”页立即同步。</source>
        <translation>Enrolled: station %1, district %2. You can sync now on the Sync page.</translation>
    </message>
    <message>
        <source>登记没有成功：%1</source>
        <translation>Enrolment failed: %1</translation>
    </message>
</context>
<context>
    <name>VisitsPage</name>
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
        <source>新增走访</source>
        <translation>New visit</translation>
    </message>
    <message>
        <source>取消修改</source>
        <translation>Cancel editing</translation>
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
        <source>修改</source>
        <translation>Edit</translation>
    </message>
    <message>
        <source>作废</source>
        <translation>Void</translation>
    </message>
    <message>
        <source>保存走访（Enter / Ctrl+Enter）</source>
        <translation>Save visit (Enter / Ctrl+Enter)</translation>
    </message>
    <message>
        <source>已保存 %1 的走访</source>
        <translation>Saved the visit of %1</translation>
    </message>
    <message>
        <source>已修改 %1 的走访</source>
        <translation>The visit of %1 is changed</translation>
    </message>
    <message>
        <source>（逾期）</source>
        <translation> (overdue)</translation>
    </message>
    <message>
        <source>【已作废：%1】</source>
        <translation>[Voided: %1]</translation>
    </message>
    <message>
        <source>请先在本月走访中选中一条未作废的走访。</source>
        <translation>First select a visit of this month that is not voided.</translation>
    </message>
    <message>
        <source>修改走访（%1）</source>
        <translation>Edit visit (%1)</translation>
    </message>
    <message>
        <source>保存修改（Enter / Ctrl+Enter）</source>
        <translation>Save changes (Enter / Ctrl+Enter)</translation>
    </message>
    <message>
        <source>作废走访</source>
        <translation>Void visit</translation>
    </message>
    <message>
        <source>作废这条走访（记录保留并标明作废）。请填写原因：</source>
        <translation>Void this visit (it is kept and marked void). Enter the reason:</translation>
    </message>
    <message>
        <source>已作废。</source>
        <translation>Voided.</translation>
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
        <translation>Fund program</translation>
    </message>
    <message>
        <source>项目预算</source>
        <translation>Program budget</translation>
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
        <source>12351 工单</source>
        <translation>12351 hotline ticket</translation>
    </message>
    <message>
        <source>不予受理</source>
        <translation>Refused</translation>
    </message>
    <message>
        <source>两节送温暖</source>
        <translation>Festival warmth</translation>
    </message>
    <message>
        <source>中共党员</source>
        <translation>CPC member</translation>
    </message>
    <message>
        <source>中共预备党员</source>
        <translation>CPC probationary member</translation>
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
        <source>会籍转入</source>
        <translation>Transfer in</translation>
    </message>
    <message>
        <source>会籍转出</source>
        <translation>Transfer out</translation>
    </message>
    <message>
        <source>保安员</source>
        <translation>Security guard</translation>
    </message>
    <message>
        <source>入会</source>
        <translation>Joined</translation>
    </message>
    <message>
        <source>入户走访</source>
        <translation>Home visit</translation>
    </message>
    <message>
        <source>共青团员</source>
        <translation>CYL member</translation>
    </message>
    <message>
        <source>其他</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>农村户籍</source>
        <translation>Rural</translation>
    </message>
    <message>
        <source>初中</source>
        <translation>Junior high school</translation>
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
        <source>受理</source>
        <translation>Accepted</translation>
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
        <source>城镇户籍</source>
        <translation>Urban</translation>
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
        <source>大专</source>
        <translation>College</translation>
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
        <source>小学及以下</source>
        <translation>Primary school or less</translation>
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
        <source>待受理</source>
        <translation>To accept</translation>
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
        <source>撤回</source>
        <translation>Withdrawn</translation>
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
        <source>本科</source>
        <translation>Bachelor</translation>
    </message>
    <message>
        <source>来访</source>
        <translation>Walk-in</translation>
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
        <source>民主党派</source>
        <translation>Democratic party member</translation>
    </message>
    <message>
        <source>法院委派</source>
        <translation>Court referral</translation>
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
        <source>电话</source>
        <translation>Phone</translation>
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
        <source>研究生</source>
        <translation>Postgraduate</translation>
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
        <source>经济补偿</source>
        <translation>Severance</translation>
    </message>
    <message>
        <source>结案</source>
        <translation>Closed</translation>
    </message>
    <message>
        <source>网约车司机</source>
        <translation>Ride-hailing driver</translation>
    </message>
    <message>
        <source>群众</source>
        <translation>Non-party</translation>
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
        <source>调解不成转仲裁</source>
        <translation>To arbitration</translation>
    </message>
    <message>
        <source>调解中</source>
        <translation>Mediating</translation>
    </message>
    <message>
        <source>货车司机</source>
        <translation>Truck driver</translation>
    </message>
    <message>
        <source>达成协议</source>
        <translation>Agreed</translation>
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
    <message>
        <source>高中/中专</source>
        <translation>Senior high / vocational school</translation>
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
        <source>维权个案</source>
        <translation>Rights cases</translation>
    </message>
    <message>
        <source>入会登记</source>
        <translation>Membership</translation>
    </message>
    <message>
        <source>困难档案</source>
        <translation>Hardship files</translation>
    </message>
    <message>
        <source>金秋助学</source>
        <translation>Student aid</translation>
    </message>
    <message>
        <source>设置</source>
        <translation>Settings</translation>
    </message>
</context>
<context>
    <name>printing</name>
    <message>
        <source>没有收到打印任务</source>
        <translation>no print job was received</translation>
    </message>
    <message>
        <source>打印系统没有接受这份打印（打印机“%1”：%2）。未计入打印。</source>
        <translation>The print system did not accept this print (printer &quot;%1&quot;: %2). Not counted as printed.</translation>
    </message>
    <message>
        <source>打印机“%1”无法开始打印，请检查打印机是否连接、是否开机。</source>
        <translation>Printer &quot;%1&quot; cannot start printing; check that it is connected and switched on.</translation>
    </message>
    <message>
        <source>打印机“%1”出错，打印没有完成。</source>
        <translation>Printer &quot;%1&quot; reported an error; printing did not finish.</translation>
    </message>
</context>
<context>
    <name>service</name>
    <message>
        <source>
注意：{0}</source>
        <translation>
Note: {0}</translation>
    </message>
    <message>
        <source>
注意：回执中有 {0} 条结果和 {1} 页下载已导入过或已过期，已跳过（重复导入不会产生重复数据）</source>
        <translation>
Note: {0} results and {1} download pages in the reply file were already imported or have expired and were skipped (importing twice never duplicates data)</translation>
    </message>
    <message>
        <source>12351 工单应填写工单号</source>
        <translation>A 12351 ticket needs its ticket number</translation>
    </message>
    <message>
        <source>12351 工单请填写工单号</source>
        <translation>Enter the 12351 ticket number</translation>
    </message>
    <message>
        <source>15 位身份证号码应全部为数字</source>
        <translation>A 15-digit ID number must be all digits</translation>
    </message>
    <message>
        <source>{0} {1} {2} 学年</source>
        <translation>{0} {1} school year {2}</translation>
    </message>
    <message>
        <source>{0} {1} 学年的助学金已发放</source>
        <translation>The grant of {0} for school year {1} has already been given</translation>
    </message>
    <message>
        <source>{0} {1} 条</source>
        <translation>{0}: {1}</translation>
    </message>
    <message>
        <source>{0} 今年“{1}”累计将达 {2}，超过年度上限 {3}</source>
        <translation>{0} would receive {2} from &quot;{1}&quot; this year, above the yearly limit of {3}</translation>
    </message>
    <message>
        <source>{0} 今年已领取“{1}”{2} 次，超过每年 {3} 次的上限</source>
        <translation>{0} has already received &quot;{1}&quot; {2} time(s) this year; the limit is {3} time(s) a year</translation>
    </message>
    <message>
        <source>{0} 今年已领取“{1}”，与“{2}”不能同时享受</source>
        <translation>{0} has already received &quot;{1}&quot; this year, which cannot be combined with &quot;{2}&quot;</translation>
    </message>
    <message>
        <source>{0} 字段 {1}：{2}</source>
        <translation>{0}, field {1}: {2}</translation>
    </message>
    <message>
        <source>{0} 尚未到来，不能月结</source>
        <translation>{0} has not come yet and cannot be closed</translation>
    </message>
    <message>
        <source>{0} 尚未月结</source>
        <translation>{0} has not been closed</translation>
    </message>
    <message>
        <source>{0} 已月结并经区里确认，不能再修改</source>
        <translation>{0} is closed and confirmed by the district; it can no longer be changed</translation>
    </message>
    <message>
        <source>{0} 已月结，不能再修改该月的{1}；更正请在当前月份登记调整</source>
        <translation>{0} is closed: its {1} entries can no longer be changed; record a correction in the current month</translation>
    </message>
    <message>
        <source>{0} 已有困难职工档案（{1}）{2}</source>
        <translation>{0} already has a hardship file ({1}){2}</translation>
    </message>
    <message>
        <source>{0} 已毕业</source>
        <translation>{0} has graduated</translation>
    </message>
    <message>
        <source>{0} 已毕业，不再发放助学金</source>
        <translation>{0} has graduated: no more grants</translation>
    </message>
    <message>
        <source>{0} 已经月结</source>
        <translation>{0} is already closed</translation>
    </message>
    <message>
        <source>{0} 年已有项目编码“{1}”</source>
        <translation>A program with code &quot;{1}&quot; already exists for {0}</translation>
    </message>
    <message>
        <source>{0} 条下载的记录本机无法应用，已搁置（原因见同步页）</source>
        <translation>{0} downloaded records could not be applied here and were set aside (the reasons are on the Sync page)</translation>
    </message>
    <message>
        <source>{0}{1}：{2}</source>
        <translation>{0} {1}: {2}</translation>
    </message>
    <message>
        <source>{0}“{1}”不是可选项</source>
        <translation>{0} &quot;{1}&quot; is not one of the choices</translation>
    </message>
    <message>
        <source>{0}“{1}”不是可选项（{2}）</source>
        <translation>{0} &quot;{1}&quot; is not one of the choices ({2})</translation>
    </message>
    <message>
        <source>{0}“{1}”不是有效日期（例：2026-11-22）</source>
        <translation>{0} &quot;{1}&quot; is not a valid date (e.g. 2026-11-22)</translation>
    </message>
    <message>
        <source>{0}不存在</source>
        <translation>{0} does not exist</translation>
    </message>
    <message>
        <source>{0}不是有效的数字：{1}</source>
        <translation>{0} is not a valid number: {1}</translation>
    </message>
    <message>
        <source>{0}不能为空</source>
        <translation>{0} is required</translation>
    </message>
    <message>
        <source>{0}不能为负数</source>
        <translation>{0} cannot be negative</translation>
    </message>
    <message>
        <source>{0}不能为负数：{1}</source>
        <translation>{0} cannot be negative: {1}</translation>
    </message>
    <message>
        <source>{0}不能早于登记日期 {1}</source>
        <translation>{0} cannot be before the date received {1}</translation>
    </message>
    <message>
        <source>{0}不能晚于今天</source>
        <translation>{0} cannot be after today</translation>
    </message>
    <message>
        <source>{0}前后有空格，已去掉空格</source>
        <translation>{0} had spaces around it; they were removed</translation>
    </message>
    <message>
        <source>{0}最多两位小数：{1}</source>
        <translation>{0} can have at most two decimals: {1}</translation>
    </message>
    <message>
        <source>{0}格式不正确，请输入数字金额</source>
        <translation>{0} is not in the right format; enter an amount in figures</translation>
    </message>
    <message>
        <source>{0}的会籍已转出</source>
        <translation>{0}&apos;s membership has already been transferred out</translation>
    </message>
    <message>
        <source>{0}等</source>
        <translation>{0} and more</translation>
    </message>
    <message>
        <source>{0}等{1}人</source>
        <translation>{0} and others, {1} in all</translation>
    </message>
    <message>
        <source>{0}超过金额上限 {1}</source>
        <translation>{0} is above the amount limit of {1}</translation>
    </message>
    <message>
        <source>{0}超过金额上限 {1}：{2}</source>
        <translation>{0} is above the amount limit of {1}: {2}</translation>
    </message>
    <message>
        <source>{0}需要站长权限</source>
        <translation>Only the station head can do this: {0}</translation>
    </message>
    <message>
        <source>{0}（{1}）已登记入会，无需重复入会</source>
        <translation>{0} ({1}) has already joined; no second joining is needed</translation>
    </message>
    <message>
        <source>{0}：{1}</source>
        <translation>{0}: {1}</translation>
    </message>
    <message>
        <source>{0}：服务站 {1}，区里 {2}</source>
        <translation>{0}: station {1}, district {2}</translation>
    </message>
    <message>
        <source>“{0}”不是助学项目</source>
        <translation>&quot;{0}&quot; is not a student aid program</translation>
    </message>
    <message>
        <source>“{0}”只发给{1}的建档职工，{2}{3}</source>
        <translation>&quot;{0}&quot; is only for workers with a file of category {1}; {2} {3}</translation>
    </message>
    <message>
        <source>“{0}”只发给{1}的建档职工，发放当日该档案不在册或类别不符</source>
        <translation>&quot;{0}&quot; is only for workers with a file of category {1}; on the day of the hand-out the file was not in force or of another category</translation>
    </message>
    <message>
        <source>“{0}”只发给{1}的建档职工，发放未关联其困难职工档案</source>
        <translation>&quot;{0}&quot; is only for workers with a file of category {1}; the hand-out names no hardship file of theirs</translation>
    </message>
    <message>
        <source>“{0}”是 {1} 年的项目，不能用于 {2} 年的发放</source>
        <translation>&quot;{0}&quot; is a program of {1}; it cannot be used for a hand-out in {2}</translation>
    </message>
    <message>
        <source>“{0}”本站预算余额 {1}，不足以发放 {2}</source>
        <translation>The station&apos;s remaining budget for &quot;{0}&quot; is {1}, not enough to hand out {2}</translation>
    </message>
    <message>
        <source>“{0}”没有设定{1}的资助标准</source>
        <translation>&quot;{0}&quot; sets no amount for {1}</translation>
    </message>
    <message>
        <source>“{0}”由其他字段决定，只能保留服务器版本</source>
        <translation>&quot;{0}&quot; follows from other fields; only the server&apos;s version can be kept</translation>
    </message>
    <message>
        <source>一件案件最多列 {0} 名职工</source>
        <translation>A case lists at most {0} workers</translation>
    </message>
    <message>
        <source>一次走访最多记 {0} 名会员</source>
        <translation>One visit can record at most {0} members</translation>
    </message>
    <message>
        <source>上传 {0} 条</source>
        <translation>{0} uploaded</translation>
    </message>
    <message>
        <source>下载 {0} 条</source>
        <translation>{0} downloaded</translation>
    </message>
    <message>
        <source>不低于低保标准的 2 倍，且无意外致困情形：不符合建档条件</source>
        <translation>Not below twice the standard and no accident: does not qualify for a file</translation>
    </message>
    <message>
        <source>不低于低保标准的 2 倍，但{0}：意外致困</source>
        <translation>Not below twice the standard, but {0}: hardship by accident</translation>
    </message>
    <message>
        <source>不支持的文件类型“{0}”，请使用 .xlsx 或 .csv</source>
        <translation>Unsupported file type &quot;{0}&quot;; use .xlsx or .csv</translation>
    </message>
    <message>
        <source>不是 Excel 表格（.xlsx），可能是改了扩展名的其他文件或已损坏</source>
        <translation>Not an Excel workbook (.xlsx): it may be another file with a changed extension, or damaged</translation>
    </message>
    <message>
        <source>不是工作台收据二维码</source>
        <translation>Not a StationDesk receipt QR code</translation>
    </message>
    <message>
        <source>不是有效的数字</source>
        <translation>is not a valid number</translation>
    </message>
    <message>
        <source>不是有效的金额</source>
        <translation>is not a valid amount</translation>
    </message>
    <message>
        <source>不能为负数</source>
        <translation>cannot be negative</translation>
    </message>
    <message>
        <source>不能停用本站唯一的站长账号</source>
        <translation>The station&apos;s only station-head account cannot be deactivated</translation>
    </message>
    <message>
        <source>不能停用自己正在使用的账号</source>
        <translation>You cannot deactivate the account you are logged in with</translation>
    </message>
    <message>
        <source>不能删除其他服务站登记的会员</source>
        <translation>A member registered by another station cannot be deleted</translation>
    </message>
    <message>
        <source>不能小于 {0}</source>
        <translation>cannot be less than {0}</translation>
    </message>
    <message>
        <source>不能带正负号</source>
        <translation>cannot have a plus or minus sign</translation>
    </message>
    <message>
        <source>不能更改会员的登记服务站</source>
        <translation>A member&apos;s registering station cannot be changed</translation>
    </message>
    <message>
        <source>不能月结：{0}</source>
        <translation>Cannot close the month: {0}</translation>
    </message>
    <message>
        <source>不能用科学计数法</source>
        <translation>cannot use scientific notation</translation>
    </message>
    <message>
        <source>不要带单位，只填数字（单位是元）</source>
        <translation>needs no unit: enter figures only (in yuan)</translation>
    </message>
    <message>
        <source>与其他服务站的修改冲突：{0}</source>
        <translation>Conflicts with a change made by another station: {0}</translation>
    </message>
    <message>
        <source>与收据内容不符</source>
        <translation>does not match the receipt content</translation>
    </message>
    <message>
        <source>与物资清单各行金额之和不符</source>
        <translation>does not equal the sum of the goods lines</translation>
    </message>
    <message>
        <source>与计算结果不同的困难类别需要站长确定</source>
        <translation>A category other than the computed one must be set by the station head</translation>
    </message>
    <message>
        <source>与计算结果不同的困难类别须写明理由</source>
        <translation>A category other than the computed one needs a reason</translation>
    </message>
    <message>
        <source>两节送温暖慰问金（物资）发放收据</source>
        <translation>Receipt: New Year and Spring Festival care money (goods)</translation>
    </message>
    <message>
        <source>中职</source>
        <translation>Vocational school</translation>
    </message>
    <message>
        <source>中间不能有空格</source>
        <translation>cannot contain spaces</translation>
    </message>
    <message>
        <source>主要致困原因</source>
        <translation>Main cause of hardship</translation>
    </message>
    <message>
        <source>争议类型</source>
        <translation>Dispute type</translation>
    </message>
    <message>
        <source>事故或灾害损失</source>
        <translation>Accident or disaster losses</translation>
    </message>
    <message>
        <source>人员类别</source>
        <translation>Person category</translation>
    </message>
    <message>
        <source>以下月份有记录但尚未月结：{0}</source>
        <translation>These months have records but are not closed: {0}</translation>
    </message>
    <message>
        <source>会员</source>
        <translation>Member</translation>
    </message>
    <message>
        <source>会员不存在</source>
        <translation>The member does not exist</translation>
    </message>
    <message>
        <source>会员不存在或已删除</source>
        <translation>The member does not exist or was deleted</translation>
    </message>
    <message>
        <source>会员编号格式不对</source>
        <translation>Member ID is not in the right format</translation>
    </message>
    <message>
        <source>会员证号 {0} 已发给其他会员</source>
        <translation>Member card no. {0} belongs to another member</translation>
    </message>
    <message>
        <source>会员证号过长（最多 32 位）</source>
        <translation>Member card no. too long (at most 32 characters)</translation>
    </message>
    <message>
        <source>会籍接转</source>
        <translation>membership transfer</translation>
    </message>
    <message>
        <source>会籍接转应写明转出或转入的工会</source>
        <translation>A transfer must name the other union</translation>
    </message>
    <message>
        <source>会籍状态</source>
        <translation>Membership status</translation>
    </message>
    <message>
        <source>会籍转入请填写原所在工会</source>
        <translation>For a transfer in, enter the previous union</translation>
    </message>
    <message>
        <source>低于低保标准的 2 倍（{0}）：相对困难</source>
        <translation>Below twice the standard ({0}): relative hardship</translation>
    </message>
    <message>
        <source>低于低保标准：深度困难</source>
        <translation>Below the standard: deep hardship</translation>
    </message>
    <message>
        <source>低保标准</source>
        <translation>Minimum living standard</translation>
    </message>
    <message>
        <source>低保标准应大于 0 且不超过 {0}</source>
        <translation>The standard must be above 0 and at most {0}</translation>
    </message>
    <message>
        <source>住址</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>作废原因不能为空</source>
        <translation>A reason for voiding is required</translation>
    </message>
    <message>
        <source>作废原因最多 {0} 字</source>
        <translation>The reason for voiding can be at most {0} characters</translation>
    </message>
    <message>
        <source>作废工作日志</source>
        <translation>Void a work-log entry</translation>
    </message>
    <message>
        <source>作废应写明原因</source>
        <translation>A void must give its reason</translation>
    </message>
    <message>
        <source>作废走访</source>
        <translation>Void a visit</translation>
    </message>
    <message>
        <source>保安</source>
        <translation>Security guard</translation>
    </message>
    <message>
        <source>修改工作日志</source>
        <translation>Edit a work-log entry</translation>
    </message>
    <message>
        <source>修改帮扶项目</source>
        <translation>Edit a fund program</translation>
    </message>
    <message>
        <source>修改服务站信息</source>
        <translation>Edit the station&apos;s details</translation>
    </message>
    <message>
        <source>修改走访</source>
        <translation>Edit a visit</translation>
    </message>
    <message>
        <source>停用工作人员</source>
        <translation>Deactivate a staff account</translation>
    </message>
    <message>
        <source>入会日期</source>
        <translation>Date joined</translation>
    </message>
    <message>
        <source>入会登记</source>
        <translation>membership intake</translation>
    </message>
    <message>
        <source>入会登记记录不存在或已作废</source>
        <translation>No such intake record, or it is already voided</translation>
    </message>
    <message>
        <source>入学年份应在 1990 至 {0} 之间</source>
        <translation>Year of entry must be between 1990 and {0}</translation>
    </message>
    <message>
        <source>入户核实</source>
        <translation>Home verification</translation>
    </message>
    <message>
        <source>入户走访日期不能早于申请日期</source>
        <translation>The home visit cannot be before the application date</translation>
    </message>
    <message>
        <source>全区本年度已领取 {0} 次，超过项目上限 {1} 次</source>
        <translation>Received {0} time(s) this year across the district, above the program&apos;s limit of {1}</translation>
    </message>
    <message>
        <source>全区本年度累计 {0} 元，超过项目年度上限 {1} 元</source>
        <translation>{0} yuan received this year across the district, above the program&apos;s yearly limit of {1} yuan</translation>
    </message>
    <message>
        <source>公民身份号码</source>
        <translation>Citizen ID number</translation>
    </message>
    <message>
        <source>公示</source>
        <translation>Public notice</translation>
    </message>
    <message>
        <source>公示中</source>
        <translation>On public notice</translation>
    </message>
    <message>
        <source>公示同意日期</source>
        <translation>Date of consent to public notice</translation>
    </message>
    <message>
        <source>关联区里已有会员</source>
        <translation>Link to the member the district already has</translation>
    </message>
    <message>
        <source>其他</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>其它</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>其档案类别为{0}</source>
        <translation>whose file&apos;s category is {0}</translation>
    </message>
    <message>
        <source>内存数据库不能保存同步令牌</source>
        <translation>An in-memory database cannot keep a sync token</translation>
    </message>
    <message>
        <source>内容中的 {0} 与收据不符</source>
        <translation>{0} in the content does not match the receipt</translation>
    </message>
    <message>
        <source>内容中的 {0} 应为非负整数（分）</source>
        <translation>{0} in the content must be a non-negative whole number (fen)</translation>
    </message>
    <message>
        <source>内容中的 {0} 超出上限 {1}</source>
        <translation>{0} in the content is above the limit of {1}</translation>
    </message>
    <message>
        <source>内容过长</source>
        <translation>The content is too long</translation>
    </message>
    <message>
        <source>冲突</source>
        <translation>Conflict</translation>
    </message>
    <message>
        <source>冲突记录不存在</source>
        <translation>The conflict does not exist</translation>
    </message>
    <message>
        <source>冲突记录不存在（可能已被处理），请刷新后重试</source>
        <translation>The conflict does not exist (it may have been resolved); refresh and try again</translation>
    </message>
    <message>
        <source>出生日期</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <source>分项目合计</source>
        <translation>Totals by program</translation>
    </message>
    <message>
        <source>初中</source>
        <translation>Junior high school</translation>
    </message>
    <message>
        <source>办理日期</source>
        <translation>Date of step</translation>
    </message>
    <message>
        <source>办理记录格式不对</source>
        <translation>The steps are not in the right form</translation>
    </message>
    <message>
        <source>助学学生</source>
        <translation>Students</translation>
    </message>
    <message>
        <source>区总工会尚未下发</source>
        <translation>the district union has not sent it yet</translation>
    </message>
    <message>
        <source>区总工会提示：{0}</source>
        <translation>District union notice: {0}</translation>
    </message>
    <message>
        <source>区总工会服务器：服务站同步接口</source>
        <translation>District union server: station sync interface</translation>
    </message>
    <message>
        <source>区服务器发现本站审计记录不连续，已报区总工会：{0}</source>
        <translation>The district server found a gap in this station&apos;s audit entries and told the district union: {0}</translation>
    </message>
    <message>
        <source>区服务器回执文件</source>
        <translation>District server reply file</translation>
    </message>
    <message>
        <source>区服务器拒绝了请求（{0}）：{1}</source>
        <translation>The district server refused the request ({0}): {1}</translation>
    </message>
    <message>
        <source>区服务器没有确认任何变更，请稍后重试</source>
        <translation>The district server confirmed no changes; try again later</translation>
    </message>
    <message>
        <source>区里核对一致，本月已锁定</source>
        <translation>Checked by the district; the month is locked</translation>
    </message>
    <message>
        <source>医疗支出</source>
        <translation>Medical costs</translation>
    </message>
    <message>
        <source>协议或数据结构版本不受支持，需要升级</source>
        <translation>The protocol or data version is not supported; an upgrade is needed</translation>
    </message>
    <message>
        <source>协议版本 {0} 不受支持（服务器支持 {1}-{2}），请升级工作台</source>
        <translation>Protocol version {0} is not supported (the server supports {1}-{2}); upgrade StationDesk</translation>
    </message>
    <message>
        <source>单位</source>
        <translation>Employer</translation>
    </message>
    <message>
        <source>年度累计上限</source>
        <translation>Yearly total limit</translation>
    </message>
    <message>
        <source>单次发放上限</source>
        <translation>Largest single hand-out</translation>
    </message>
    <message>
        <source>人均月收入 =（家庭年收入 {0} - 刚性支出 {1}）÷ 12 ÷ {2} 人 = {3}</source>
        <translation>Monthly income per person = (household income per year {0} - fixed costs {1}) ÷ 12 ÷ {2} people = {3}</translation>
    </message>
    <message>
        <source>卡车司机</source>
        <translation>Truck driver</translation>
    </message>
    <message>
        <source>原密码不正确</source>
        <translation>The current password is wrong</translation>
    </message>
    <message>
        <source>去世</source>
        <translation>Deceased</translation>
    </message>
    <message>
        <source>发放合计</source>
        <translation>Total handed out</translation>
    </message>
    <message>
        <source>发放日期 {0} 晚于今天（{1}），不能提前登记</source>
        <translation>Hand-out date {0} is after today ({1}); hand-outs cannot be recorded in advance</translation>
    </message>
    <message>
        <source>发放记录不存在或不属于本站</source>
        <translation>The hand-out does not exist or does not belong to this station</translation>
    </message>
    <message>
        <source>发放金额（现金加物资）{0} 超过“{1}”单次发放上限 {2}</source>
        <translation>The hand-out (cash plus goods) of {0} is above the largest single hand-out of &quot;{1}&quot;, {2}</translation>
    </message>
    <message>
        <source>发放金额（现金加物资）超过金额上限 {0}</source>
        <translation>The hand-out (cash plus goods) is above the amount limit of {0}</translation>
    </message>
    <message>
        <source>取值 {0} 不在允许的范围内</source>
        <translation>value {0} is not allowed</translation>
    </message>
    <message>
        <source>受理日期不能早于登记日期</source>
        <translation>Accepted on cannot be before the date received</translation>
    </message>
    <message>
        <source>只有受理后、结束前的案件可以延长调解期限</source>
        <translation>Only an accepted case still in mediation can have its deadline extended</translation>
    </message>
    <message>
        <source>只能修改本服务站的资料</source>
        <translation>Only this station&apos;s own details can be changed</translation>
    </message>
    <message>
        <source>只能修改本服务站自己的记录</source>
        <translation>Only this station&apos;s own records can be changed</translation>
    </message>
    <message>
        <source>只能处理本服务站的冲突</source>
        <translation>Only this station&apos;s own conflicts can be resolved</translation>
    </message>
    <message>
        <source>只能引用本服务站的发放记录</source>
        <translation>Only this station&apos;s own hand-outs can be referred to</translation>
    </message>
    <message>
        <source>合计金额不等于现金与物资之和</source>
        <translation>the total is not cash plus goods</translation>
    </message>
    <message>
        <source>同一会员同月在多个服务站领取同一项目</source>
        <translation>The same member received the same program at several stations in one month</translation>
    </message>
    <message>
        <source>同一会员重复出现</source>
        <translation>the same member appears twice</translation>
    </message>
    <message>
        <source>同步失败</source>
        <translation>Sync failed</translation>
    </message>
    <message>
        <source>同步文件内容与文件头不符，未导入任何数据</source>
        <translation>The sync file&apos;s content does not match its header; nothing was imported</translation>
    </message>
    <message>
        <source>同步文件内容无法读取，未导入任何数据</source>
        <translation>The sync file&apos;s content cannot be read; nothing was imported</translation>
    </message>
    <message>
        <source>同步文件内容格式不正确，未导入任何数据</source>
        <translation>The sync file&apos;s content is not in the right format; nothing was imported</translation>
    </message>
    <message>
        <source>同步文件校验失败：文件可能已被改动或损坏，或不是用该服务站当前的登记令牌生成的（重新登记或停用后旧文件失效），未导入任何数据</source>
        <translation>The sync file failed its check: it may have been changed or damaged, or was not made with the station&apos;s current enrolment token (old files stop working after re-enrolment or deactivation); nothing was imported</translation>
    </message>
    <message>
        <source>同步文件的协议或数据结构版本不受支持，请先升级区服务器</source>
        <translation>The sync file&apos;s protocol or data version is not supported; upgrade the district server first</translation>
    </message>
    <message>
        <source>同步文件的协议版本 {0} 不受支持（本程序支持 {1}-{2}），请先升级程序</source>
        <translation>The sync file&apos;s protocol version {0} is not supported (this program supports {1}-{2}); upgrade the program first</translation>
    </message>
    <message>
        <source>同步文件的数据结构版本 {0} 比本程序新，请先升级程序</source>
        <translation>The sync file&apos;s data version {0} is newer than this program; upgrade the program first</translation>
    </message>
    <message>
        <source>同步文件的文件头已损坏，未导入任何数据</source>
        <translation>The sync file&apos;s header is damaged; nothing was imported</translation>
    </message>
    <message>
        <source>含全角字符，请用半角数字、逗号和小数点</source>
        <translation>contains full-width characters; use half-width digits, commas and a decimal point</translation>
    </message>
    <message>
        <source>含有非法字符</source>
        <translation>contains characters that are not allowed</translation>
    </message>
    <message>
        <source>咨询事项</source>
        <translation>Enquiry</translation>
    </message>
    <message>
        <source>回执文件内容格式不正确，未导入任何数据</source>
        <translation>The reply file&apos;s content is not in the right format; nothing was imported</translation>
    </message>
    <message>
        <source>回访日期</source>
        <translation>Follow-up date</translation>
    </message>
    <message>
        <source>回访日期不能早于走访日期</source>
        <translation>The follow-up date cannot be before the visit date</translation>
    </message>
    <message>
        <source>困难档案号</source>
        <translation>Hardship file number</translation>
    </message>
    <message>
        <source>困难类别</source>
        <translation>Hardship category</translation>
    </message>
    <message>
        <source>困难类别“{0}”不是可选项</source>
        <translation>Hardship category &quot;{0}&quot; is not one of the choices</translation>
    </message>
    <message>
        <source>困难类别与计算结果不同，应写明站长确定的理由</source>
        <translation>The category differs from the computed one: the station head&apos;s reason is needed</translation>
    </message>
    <message>
        <source>困难职工医疗救助金发放收据</source>
        <translation>Receipt: medical aid for workers in hardship</translation>
    </message>
    <message>
        <source>困难职工档案</source>
        <translation>Hardship file</translation>
    </message>
    <message>
        <source>困难职工档案不存在或不属于本站</source>
        <translation>The hardship file does not exist or is not this station&apos;s</translation>
    </message>
    <message>
        <source>困难职工生活救助金发放收据</source>
        <translation>Receipt: living aid for workers in hardship</translation>
    </message>
    <message>
        <source>在读</source>
        <translation>Studying</translation>
    </message>
    <message>
        <source>地址</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>地址不能超过 200 个字</source>
        <translation>The address can be at most 200 characters</translation>
    </message>
    <message>
        <source>备份文件 {0} 不是用本站密钥加密的数据库，无法恢复</source>
        <translation>Backup file {0} is not a database encrypted with this station&apos;s key; it cannot be restored</translation>
    </message>
    <message>
        <source>备份文件不存在：{0}</source>
        <translation>The backup file does not exist: {0}</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>备注过长</source>
        <translation>The note is too long</translation>
    </message>
    <message>
        <source>复核日期</source>
        <translation>Review date</translation>
    </message>
    <message>
        <source>外卖</source>
        <translation>Food delivery</translation>
    </message>
    <message>
        <source>外卖员</source>
        <translation>Food delivery rider</translation>
    </message>
    <message>
        <source>外卖送餐员</source>
        <translation>Food delivery rider</translation>
    </message>
    <message>
        <source>大写金额与合计金额不符</source>
        <translation>the amount in words does not match the total</translation>
    </message>
    <message>
        <source>大学</source>
        <translation>University</translation>
    </message>
    <message>
        <source>失业下岗</source>
        <translation>Unemployment</translation>
    </message>
    <message>
        <source>女</source>
        <translation>Female</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>姓名不能为空</source>
        <translation>Name is required</translation>
    </message>
    <message>
        <source>姓名过长（最多 30 个字）</source>
        <translation>The name is too long (at most 30 characters)</translation>
    </message>
    <message>
        <source>子女就学</source>
        <translation>Children&apos;s schooling</translation>
    </message>
    <message>
        <source>字段 {0} {1}</source>
        <translation>Field {0} {1}</translation>
    </message>
    <message>
        <source>字段 {0} 不是有效的日期</source>
        <translation>Field {0} is not a valid date</translation>
    </message>
    <message>
        <source>字段 {0} 不是有效的时间</source>
        <translation>Field {0} is not a valid time</translation>
    </message>
    <message>
        <source>字段 {0} 不能为空</source>
        <translation>Field {0} is required</translation>
    </message>
    <message>
        <source>字段 {0} 含有非法字符</source>
        <translation>Field {0} contains characters that are not allowed</translation>
    </message>
    <message>
        <source>字段 {0} 应为整数</source>
        <translation>Field {0} must be a whole number</translation>
    </message>
    <message>
        <source>字段 {0} 应为文字</source>
        <translation>Field {0} must be text</translation>
    </message>
    <message>
        <source>字段 {0} 应为真/假</source>
        <translation>Field {0} must be true or false</translation>
    </message>
    <message>
        <source>字段 {0} 格式不对</source>
        <translation>Field {0} is not in the right format</translation>
    </message>
    <message>
        <source>字段 {0} 过长（最多 {1} 个字符）</source>
        <translation>Field {0} is too long (at most {1} characters)</translation>
    </message>
    <message>
        <source>字段冲突待处理：{0}</source>
        <translation>Field conflicts to resolve: {0}</translation>
    </message>
    <message>
        <source>学段“{0}”不是可选项（{1}）</source>
        <translation>Stage &quot;{0}&quot; is not one of the choices ({1})</translation>
    </message>
    <message>
        <source>学生姓名不能为空</source>
        <translation>The student&apos;s name is required</translation>
    </message>
    <message>
        <source>学生记录不存在或不属于本站</source>
        <translation>The student does not exist or is not this station&apos;s</translation>
    </message>
    <message>
        <source>学生身份证号：{0}</source>
        <translation>Student&apos;s ID number: {0}</translation>
    </message>
    <message>
        <source>审计记录未能送到区服务器（下次同步再送）：{0}</source>
        <translation>The audit entries could not be sent to the district server (they go with the next sync): {0}</translation>
    </message>
    <message>
        <source>审计记录第 {0} 条被修改或其前面的记录被删除（哈希链断开）</source>
        <translation>Audit entry {0} was changed or an entry before it was deleted (the hash chain is broken)</translation>
    </message>
    <message>
        <source>审计账号为只读，不能修改数据</source>
        <translation>An auditor account is read-only and cannot change data</translation>
    </message>
    <message>
        <source>家庭人口至少 1 人</source>
        <translation>The household has at least 1 person</translation>
    </message>
    <message>
        <source>家庭住址</source>
        <translation>Home address</translation>
    </message>
    <message>
        <source>家庭成员应为 1 至 {0} 人</source>
        <translation>The household must have 1 to {0} people</translation>
    </message>
    <message>
        <source>家庭成员最多 {0} 人</source>
        <translation>At most {0} people in a household</translation>
    </message>
    <message>
        <source>家庭成员的月收入应为非负整数（分）</source>
        <translation>Household members&apos; monthly income must be a whole number of fen, not negative</translation>
    </message>
    <message>
        <source>家庭成员的身份证号不正确</source>
        <translation>A household member&apos;s ID number is wrong</translation>
    </message>
    <message>
        <source>家庭成员第 {0} 行月收入</source>
        <translation>Monthly income of household row {0}</translation>
    </message>
    <message>
        <source>家庭成员第 {0} 行：{1}</source>
        <translation>Household row {0}: {1}</translation>
    </message>
    <message>
        <source>家庭成员第 {0} 行：关系和姓名不能为空</source>
        <translation>Household row {0}: relation and name are required</translation>
    </message>
    <message>
        <source>家庭成员至少 1 人（含本人）</source>
        <translation>At least 1 household member (the head included)</translation>
    </message>
    <message>
        <source>家政</source>
        <translation>Domestic work</translation>
    </message>
    <message>
        <source>家政员</source>
        <translation>Domestic worker</translation>
    </message>
    <message>
        <source>家政工</source>
        <translation>Domestic worker</translation>
    </message>
    <message>
        <source>密码至少 6 位</source>
        <translation>The password needs at least 6 characters</translation>
    </message>
    <message>
        <source>密码错误次数过多，请 {0} 秒后再试</source>
        <translation>Too many wrong passwords; try again in {0} seconds</translation>
    </message>
    <message>
        <source>密钥文件 {0} 已损坏，请用备份中的密钥文件替换</source>
        <translation>Key file {0} is damaged; replace it with the key file from a backup</translation>
    </message>
    <message>
        <source>导入期间会员“{0}”已被登记，请重新预览后再导入</source>
        <translation>Member &quot;{0}&quot; was registered during the import; preview again, then import</translation>
    </message>
    <message>
        <source>小学</source>
        <translation>Primary school</translation>
    </message>
    <message>
        <source>就业形态</source>
        <translation>Employment type</translation>
    </message>
    <message>
        <source>就学支出</source>
        <translation>Schooling costs</translation>
    </message>
    <message>
        <source>嵌套层次过深</source>
        <translation>nested too deeply</translation>
    </message>
    <message>
        <source>工作人员</source>
        <translation>Staff</translation>
    </message>
    <message>
        <source>工作人员不存在</source>
        <translation>The staff member does not exist</translation>
    </message>
    <message>
        <source>工作单位</source>
        <translation>Employer</translation>
    </message>
    <message>
        <source>工作日志</source>
        <translation>Work log</translation>
    </message>
    <message>
        <source>工作日志条数</source>
        <translation>Work-log entries</translation>
    </message>
    <message>
        <source>工种</source>
        <translation>Job</translation>
    </message>
    <message>
        <source>已入户核实</source>
        <translation>Verified at home</translation>
    </message>
    <message>
        <source>已导出 {0} 条待上传变更（{1} 批）到 {2}；请带到区总工会导入，再把回执文件带回本站导入</source>
        <translation>Exported {0} changes waiting to upload ({1} batches) to {2}; take it to the district union to import, then bring the reply file back and import it here</translation>
    </message>
    <message>
        <source>已建档</source>
        <translation>Filed</translation>
    </message>
    <message>
        <source>已建档的档案应有档案编号</source>
        <translation>A filed file needs a file number</translation>
    </message>
    <message>
        <source>已毕业</source>
        <translation>Graduated</translation>
    </message>
    <message>
        <source>已注销</source>
        <translation>Closed</translation>
    </message>
    <message>
        <source>已申请</source>
        <translation>Applied</translation>
    </message>
    <message>
        <source>已脱困</source>
        <translation>Recovered</translation>
    </message>
    <message>
        <source>帮扶发放</source>
        <translation>Relief hand-out</translation>
    </message>
    <message>
        <source>帮扶资金发放收据</source>
        <translation>Relief payment receipt</translation>
    </message>
    <message>
        <source>帮扶项目</source>
        <translation>Fund program</translation>
    </message>
    <message>
        <source>帮扶项目不存在</source>
        <translation>The fund program does not exist</translation>
    </message>
    <message>
        <source>帮扶项目和预算由区总工会维护，服务站不能修改</source>
        <translation>Fund programs and budgets are kept by the district union; a station cannot change them</translation>
    </message>
    <message>
        <source>年</source>
        <translation>year</translation>
    </message>
    <message>
        <source>年审</source>
        <translation>Annual review</translation>
    </message>
    <message>
        <source>年度不正确</source>
        <translation>The year is not valid</translation>
    </message>
    <message>
        <source>年度应在 {0} 至 {1} 之间</source>
        <translation>The year must be between {0} and {1}</translation>
    </message>
    <message>
        <source>年度金额上限</source>
        <translation>Yearly amount limit</translation>
    </message>
    <message>
        <source>应为发放日期所在月份 {0}</source>
        <translation>must be the month of the hand-out date, {0}</translation>
    </message>
    <message>
        <source>应为开具日期所在年度 {0}</source>
        <translation>must be the year of the issue date, {0}</translation>
    </message>
    <message>
        <source>应指明会员</source>
        <translation>A member must be named</translation>
    </message>
    <message>
        <source>延长天数“{0}”应为整数</source>
        <translation>Days &quot;{0}&quot; must be a whole number</translation>
    </message>
    <message>
        <source>延长天数应在 1 至 {0} 之间</source>
        <translation>Days must be between 1 and {0}</translation>
    </message>
    <message>
        <source>延长调解期限 {0} 天：{1}</source>
        <translation>Mediation extended by {0} days: {1}</translation>
    </message>
    <message>
        <source>建档</source>
        <translation>File</translation>
    </message>
    <message>
        <source>引用的{0}不存在</source>
        <translation>The {0} referred to does not exist</translation>
    </message>
    <message>
        <source>当地低保标准 {0}/人·月</source>
        <translation>Local minimum living standard {0} per person per month</translation>
    </message>
    <message>
        <source>快</source>
        <translation>fast</translation>
    </message>
    <message>
        <source>快递</source>
        <translation>Courier</translation>
    </message>
    <message>
        <source>快递员</source>
        <translation>Courier</translation>
    </message>
    <message>
        <source>快递小哥</source>
        <translation>Courier</translation>
    </message>
    <message>
        <source>性别</source>
        <translation>Gender</translation>
    </message>
    <message>
        <source>性别“{0}”与身份证号不符</source>
        <translation>Gender &quot;{0}&quot; does not match the ID number</translation>
    </message>
    <message>
        <source>恢复码不正确</source>
        <translation>The recovery code is wrong</translation>
    </message>
    <message>
        <source>恢复码只能用来重置在用的站长账号的密码</source>
        <translation>The recovery code can only reset the password of an active station-head account</translation>
    </message>
    <message>
        <source>意外事故</source>
        <translation>Accident</translation>
    </message>
    <message>
        <source>意外致困</source>
        <translation>Hardship by accident</translation>
    </message>
    <message>
        <source>慢</source>
        <translation>slow</translation>
    </message>
    <message>
        <source>户籍类型</source>
        <translation>Household registration</translation>
    </message>
    <message>
        <source>所选职工中有会员不存在</source>
        <translation>A chosen worker is not a member here</translation>
    </message>
    <message>
        <source>所选走访对象中有会员不存在</source>
        <translation>A member chosen for the visit does not exist</translation>
    </message>
    <message>
        <source>手机</source>
        <translation>Mobile</translation>
    </message>
    <message>
        <source>手机号</source>
        <translation>Mobile number</translation>
    </message>
    <message>
        <source>手机号“{0}”格式不正确（应为 11 位手机号或带区号的固定电话）</source>
        <translation>Mobile number &quot;{0}&quot; is not in the right format (11-digit mobile, or a landline with its area code)</translation>
    </message>
    <message>
        <source>手机号码</source>
        <translation>Mobile number</translation>
    </message>
    <message>
        <source>找不到 {0} 年的帮扶项目“{1}”（只有 {2} 年的）</source>
        <translation>No fund program &quot;{1}&quot; for {0} (only for {2})</translation>
    </message>
    <message>
        <source>找不到帮扶项目“{0}”</source>
        <translation>Fund program &quot;{0}&quot; not found</translation>
    </message>
    <message>
        <source>找不到数据库的密钥文件 {0}</source>
        <translation>The database&apos;s key file {0} was not found</translation>
    </message>
    <message>
        <source>找不到数据库的密钥文件 {0}，无法打开本站数据。请把备份文件夹中同名数据库旁的 .keys.json 复制回来</source>
        <translation>The database&apos;s key file {0} was not found, so the station&apos;s data cannot be opened. Copy back the .keys.json that sits beside the database of the same name in the backup folder</translation>
    </message>
    <message>
        <source>按档案数据计算应为{0}</source>
        <translation>The file&apos;s figures give {0}</translation>
    </message>
    <message>
        <source>按规则计算不符合困难条件，不能返困</source>
        <translation>By the rule the household is not in hardship: cannot reopen</translation>
    </message>
    <message>
        <source>按规则计算不符合建档条件（人均收入不低于低保标准的 2 倍）</source>
        <translation>By the rule the household does not qualify (income per person not below twice the standard)</translation>
    </message>
    <message>
        <source>收入来源第 {0} 行年收入</source>
        <translation>Income per year of source row {0}</translation>
    </message>
    <message>
        <source>收入来源第 {0} 行：来源不能为空</source>
        <translation>Income source row {0}: the source is required</translation>
    </message>
    <message>
        <source>收据</source>
        <translation>Receipt</translation>
    </message>
    <message>
        <source>收据 {0} 的内容与签发时不一致，已拒绝打印</source>
        <translation>Receipt {0} differs from what was issued; printing was refused</translation>
    </message>
    <message>
        <source>收据“{0}”不存在</source>
        <translation>Receipt &quot;{0}&quot; does not exist</translation>
    </message>
    <message>
        <source>收据不存在</source>
        <translation>The receipt does not exist</translation>
    </message>
    <message>
        <source>收据内容缺失</source>
        <translation>the receipt content is missing</translation>
    </message>
    <message>
        <source>收据号 {0} 已被使用</source>
        <translation>Receipt number {0} is already used</translation>
    </message>
    <message>
        <source>收据号应为 {0}（服务站编码-年度-流水号）</source>
        <translation>the receipt number should be {0} (station code-year-serial)</translation>
    </message>
    <message>
        <source>收据合计金额与发放金额不符</source>
        <translation>The receipt total does not match the hand-out amount</translation>
    </message>
    <message>
        <source>收据开具后内容不能更改，已报告区总工会</source>
        <translation>A receipt cannot be changed once issued; the district union has been told</translation>
    </message>
    <message>
        <source>收据开具后内容被更改（已拒绝）</source>
        <translation>A receipt was changed after it was issued (refused)</translation>
    </message>
    <message>
        <source>收据（张数、首末号、作废号）</source>
        <translation>Receipts (count, first and last number, voided numbers)</translation>
    </message>
    <message>
        <source>政治面貌</source>
        <translation>Political status</translation>
    </message>
    <message>
        <source>敏感信息处理同意日期</source>
        <translation>Date of consent to processing sensitive data</translation>
    </message>
    <message>
        <source>数值无效</source>
        <translation>Invalid value</translation>
    </message>
    <message>
        <source>数据库 {0} 不存在或为空，请先初始化本站</source>
        <translation>Database {0} does not exist or is empty; set up the station first</translation>
    </message>
    <message>
        <source>数据库 {0} 已加密，需要用工作人员的登录名和密码才能打开</source>
        <translation>Database {0} is encrypted; a staff member&apos;s login name and password are needed to open it</translation>
    </message>
    <message>
        <source>数据库未加密，没有可核对的链头记录</source>
        <translation>The database is not encrypted; there is no chain head to check</translation>
    </message>
    <message>
        <source>数据库由更新版本的工作台创建（结构版本 {0}），本程序无法打开。请升级工作台后再试。</source>
        <translation>The database was made by a newer StationDesk (schema version {0}) and cannot be opened by this program. Upgrade StationDesk and try again.</translation>
    </message>
    <message>
        <source>数据结构版本 {0} 比服务器新，请先升级区服务器</source>
        <translation>Data version {0} is newer than the server&apos;s; upgrade the district server first</translation>
    </message>
    <message>
        <source>数量须为不小于 0 的整数</source>
        <translation>The count must be a whole number of 0 or more</translation>
    </message>
    <message>
        <source>文件 {0} 不是工作台数据库，无法打开</source>
        <translation>File {0} is not a StationDesk database and cannot be opened</translation>
    </message>
    <message>
        <source>文件“{0}”{1}。请在 Excel 或 WPS 中打开后另存为 .xlsx 或 .csv 再导入</source>
        <translation>File &quot;{0}&quot; {1}. Open it in Excel or WPS, save it as .xlsx or .csv, then import it</translation>
    </message>
    <message>
        <source>文件“{0}”不是文本（CSV）文件，请另存为 .xlsx 或 .csv</source>
        <translation>File &quot;{0}&quot; is not a text (CSV) file; save it as .xlsx or .csv</translation>
    </message>
    <message>
        <source>文件“{0}”是 Excel 表格（.xlsx），不是 CSV 文本：请把扩展名改为 .xlsx 再导入</source>
        <translation>File &quot;{0}&quot; is an Excel workbook (.xlsx), not CSV text: change its extension to .xlsx and import it again</translation>
    </message>
    <message>
        <source>文件不存在：{0}</source>
        <translation>The file does not exist: {0}</translation>
    </message>
    <message>
        <source>文件头中的服务站编码 {0} 与登记信息不符，未导入任何数据</source>
        <translation>The station code {0} in the file header does not match the enrolment; nothing was imported</translation>
    </message>
    <message>
        <source>文件是空的</source>
        <translation>The file is empty</translation>
    </message>
    <message>
        <source>文化程度</source>
        <translation>Education</translation>
    </message>
    <message>
        <source>新就业形态</source>
        <translation>New forms of employment</translation>
    </message>
    <message>
        <source>新建会员只能记在本服务站名下</source>
        <translation>A new member can only be registered under this station</translation>
    </message>
    <message>
        <source>新建帮扶项目</source>
        <translation>Create a fund program</translation>
    </message>
    <message>
        <source>无</source>
        <translation>None</translation>
    </message>
    <message>
        <source>无权修改其他区的数据</source>
        <translation>No permission to change another district&apos;s data</translation>
    </message>
    <message>
        <source>无法用本站密钥打开 {0}（文件已损坏或密钥文件不属于它）</source>
        <translation>Cannot open {0} with the station&apos;s key (the file is damaged or the key file does not belong to it)</translation>
    </message>
    <message>
        <source>无法识别 CSV 文件的编码（请保存为 UTF-8 或 GBK）</source>
        <translation>The CSV file&apos;s encoding is not recognised (save it as UTF-8 or GBK)</translation>
    </message>
    <message>
        <source>无法识别的同步文件类型，未导入任何数据</source>
        <translation>Unknown sync file type; nothing was imported</translation>
    </message>
    <message>
        <source>无法读取同步文件 {0}：{1}</source>
        <translation>Cannot read sync file {0}: {1}</translation>
    </message>
    <message>
        <source>无法连接区服务器：{0}</source>
        <translation>Cannot reach the district server: {0}</translation>
    </message>
    <message>
        <source>日</source>
        <translation>day</translation>
    </message>
    <message>
        <source>日志日期不能晚于今天</source>
        <translation>The log date cannot be after today</translation>
    </message>
    <message>
        <source>日志类别“{0}”不是可选项</source>
        <translation>Log category &quot;{0}&quot; is not one of the choices</translation>
    </message>
    <message>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>日期 {0} 不在合理范围内（{1} 至今）</source>
        <translation>date {0} is out of range ({1} to today)</translation>
    </message>
    <message>
        <source>日期应写作 YYYY-MM-DD（收到 {0}）</source>
        <translation>dates are written YYYY-MM-DD (received {0})</translation>
    </message>
    <message>
        <source>时间应写作 ISO 格式（YYYY-MM-DDTHH:MM:SS）</source>
        <translation>times are written in ISO format (YYYY-MM-DDTHH:MM:SS)</translation>
    </message>
    <message>
        <source>是文本（CSV）文件，只是扩展名写成了 .xlsx</source>
        <translation>is a text (CSV) file with an .xlsx extension</translation>
    </message>
    <message>
        <source>是旧版 Excel（.xls）格式</source>
        <translation>is in the old Excel format (.xls)</translation>
    </message>
    <message>
        <source>暂不能在本机处理“{0}”类记录的冲突</source>
        <translation>Conflicts of &quot;{0}&quot; records cannot be resolved on this computer yet</translation>
    </message>
    <message>
        <source>最后的审计记录被删除：链头记录到第 {0} 条，数据库只到第 {1} 条</source>
        <translation>The last audit entries were deleted: the chain head records entry {0}, the database ends at entry {1}</translation>
    </message>
    <message>
        <source>最多两位小数</source>
        <translation>can have at most two decimals</translation>
    </message>
    <message>
        <source>月</source>
        <translation>month</translation>
    </message>
    <message>
        <source>月份 {0} 不在合理范围内</source>
        <translation>month {0} is out of range</translation>
    </message>
    <message>
        <source>月份“{0}”格式不正确（例：2026-11）</source>
        <translation>Month &quot;{0}&quot; is not in the right format (e.g. 2026-11)</translation>
    </message>
    <message>
        <source>月份应写作 YYYY-MM</source>
        <translation>months are written YYYY-MM</translation>
    </message>
    <message>
        <source>月结</source>
        <translation>Month-end close</translation>
    </message>
    <message>
        <source>有 {0} 张收据尚未打印：{1}</source>
        <translation>{0} receipts are not printed yet: {1}</translation>
    </message>
    <message>
        <source>有 {0} 行需要核对（仍会导入），见下方“提示”</source>
        <translation>{0} rows need checking (they will still be imported); see &quot;Notes&quot; below</translation>
    </message>
    <message>
        <source>有意外事故或灾害记录</source>
        <translation>Accident or disaster recorded</translation>
    </message>
    <message>
        <source>服务器繁忙，请稍后重试</source>
        <translation>The server is busy; try again later</translation>
    </message>
    <message>
        <source>服务器繁忙，请稍后重试（带 Retry-After）</source>
        <translation>The server is busy; try again later (with Retry-After)</translation>
    </message>
    <message>
        <source>服务站 {0} 尚未登记，无法校验其同步文件</source>
        <translation>Station {0} is not enrolled, so its sync file cannot be checked</translation>
    </message>
    <message>
        <source>服务站 {0} 已被停用，不接受其同步文件</source>
        <translation>Station {0} is deactivated; its sync files are not accepted</translation>
    </message>
    <message>
        <source>服务站上传文件</source>
        <translation>Station upload file</translation>
    </message>
    <message>
        <source>服务站名称不能为空</source>
        <translation>Station name is required</translation>
    </message>
    <message>
        <source>服务站编号冲突</source>
        <translation>Station ID conflict</translation>
    </message>
    <message>
        <source>服务站编码不能为空</source>
        <translation>Station code is required</translation>
    </message>
    <message>
        <source>服务站资料</source>
        <translation>Station details</translation>
    </message>
    <message>
        <source>未知字段：{0}</source>
        <translation>Unknown field: {0}</translation>
    </message>
    <message>
        <source>未知的数据类型：{0}</source>
        <translation>Unknown kind of record: {0}</translation>
    </message>
    <message>
        <source>未知的选择：{0}</source>
        <translation>Unknown choice: {0}</translation>
    </message>
    <message>
        <source>本月尚未结束，月结后本月不能再登记</source>
        <translation>This month is not over yet; after the close nothing more can be recorded in it</translation>
    </message>
    <message>
        <source>本服务器没有服务站 {0}，未导入任何数据</source>
        <translation>This server has no station {0}; nothing was imported</translation>
    </message>
    <message>
        <source>本服务站尚未登记到区服务器：请站长在“设置 → 同步”中填写服务器地址和一次性登记码</source>
        <translation>This station is not enrolled with the district server: the station head enters the server address and one-time code under Settings → Sync</translation>
    </message>
    <message>
        <source>本服务站的访问已被区总工会停用</source>
        <translation>This station&apos;s access has been stopped by the district union</translation>
    </message>
    <message>
        <source>本机尚未设置服务站，请先初始化</source>
        <translation>No station is set up on this computer; set one up first</translation>
    </message>
    <message>
        <source>本机尚未设置服务站，请先运行初始化（stationdesk init）</source>
        <translation>No station is set up on this computer; set one up first (stationdesk init)</translation>
    </message>
    <message>
        <source>本机已有相同编码或身份证号的记录</source>
        <translation>This computer already has a record with the same code or ID number</translation>
    </message>
    <message>
        <source>本机已设置服务站，不能重复初始化</source>
        <translation>A station is already set up on this computer; it cannot be set up again</translation>
    </message>
    <message>
        <source>本机无法保存该记录（{0}）</source>
        <translation>This computer cannot save the record ({0})</translation>
    </message>
    <message>
        <source>本机时钟与区服务器相差约 {0} 分钟（本机{1}），请校准电脑时间；同步不受影响，但记录时间可能不准</source>
        <translation>This computer&apos;s clock is about {0} minutes off the district server&apos;s ({1} here); set the computer&apos;s time. Sync still works, but recorded times may be wrong</translation>
    </message>
    <message>
        <source>本机服务站与登记信息不符，请重新登记本服务站</source>
        <translation>The station on this computer does not match its enrolment; enrol the station again</translation>
    </message>
    <message>
        <source>本机服务站记录不存在</source>
        <translation>The station record is missing on this computer</translation>
    </message>
    <message>
        <source>本站已登记到区服务器：帮扶项目由区总工会设置，同步后在本站只读</source>
        <translation>This station is enrolled with the district server: fund programs are set by the district union and are read-only here after sync</translation>
    </message>
    <message>
        <source>本站数据库未加密，没有恢复码</source>
        <translation>The station&apos;s database is not encrypted and has no recovery code</translation>
    </message>
    <message>
        <source>每条记录应注明日期 YYYY-MM-DD，且在合理范围内（收到 {0}）</source>
        <translation>Every entry needs a date written YYYY-MM-DD within a sensible range (received {0})</translation>
    </message>
    <message>
        <source>，可办理“返困”</source>
        <translation>; it can be reopened</translation>
    </message>
    <message>
        <source>本站预算</source>
        <translation>Station budget</translation>
    </message>
    <message>
        <source>尚未设置当地低保标准：{0}</source>
        <translation>The local minimum living standard is not set: {0}</translation>
    </message>
    <message>
        <source>本站已登记到区服务器：低保标准由区总工会设置，同步后使用</source>
        <translation>This station is enrolled with the district server: the minimum living standard is set by the district union and used after syncing</translation>
    </message>
    <message>
        <source>标准金额应为 0 至 {0} 分的整数</source>
        <translation>standard amounts must be whole numbers from 0 to {0} fen</translation>
    </message>
    <message>
        <source>格式不对</source>
        <translation>is malformed</translation>
    </message>
    <message>
        <source>案件当前为“{0}”，不能改为“{1}”</source>
        <translation>The case is &quot;{0}&quot; and cannot become &quot;{1}&quot;</translation>
    </message>
    <message>
        <source>案件来源</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>案件状态“{0}”不是可选项</source>
        <translation>Case status &quot;{0}&quot; is not a choice</translation>
    </message>
    <message>
        <source>档案当前为“{0}”，此操作只适用于{1}的档案</source>
        <translation>The file is &quot;{0}&quot;: this step only applies to files that are {1}</translation>
    </message>
    <message>
        <source>档案户主（会员）不存在</source>
        <translation>The file&apos;s head (member) does not exist</translation>
    </message>
    <message>
        <source>次要致困原因</source>
        <translation>Secondary cause of hardship</translation>
    </message>
    <message>
        <source>此回执文件属于服务站 {0}，不是本站（{1}）的，未导入任何数据</source>
        <translation>This reply file belongs to station {0}, not to this station ({1}); nothing was imported</translation>
    </message>
    <message>
        <source>此服务站已由另一台电脑登记，本机数据编号不同，不能合并</source>
        <translation>This station was enrolled from another computer; the data here has different IDs and cannot be merged</translation>
    </message>
    <message>
        <source>残疾</source>
        <translation>Disability</translation>
    </message>
    <message>
        <source>每名职工应有会员编号或姓名</source>
        <translation>Each worker needs a member id or a name</translation>
    </message>
    <message>
        <source>每名职工应选会员或填写姓名</source>
        <translation>Choose a member or enter a name for each worker</translation>
    </message>
    <message>
        <source>每年次数上限</source>
        <translation>Times per year limit</translation>
    </message>
    <message>
        <source>汉族</source>
        <translation>Han</translation>
    </message>
    <message>
        <source>没有在册的困难职工档案</source>
        <translation>has no hardship file in force</translation>
    </message>
    <message>
        <source>没有登录名为“{0}”的工作人员</source>
        <translation>No staff member has the login name &quot;{0}&quot;</translation>
    </message>
    <message>
        <source>没有编号为 {0} 的维权个案</source>
        <translation>No rights case numbered {0}</translation>
    </message>
    <message>
        <source>注意：{0}</source>
        <translation>Note: {0}</translation>
    </message>
    <message>
        <source>注销</source>
        <translation>Closed</translation>
    </message>
    <message>
        <source>流水号 {0} 不连续：区里本站 {1} 年的收据只到 {2} 号</source>
        <translation>Serial {0} leaves a gap: the district has this station&apos;s {1} receipts only up to no. {2}</translation>
    </message>
    <message>
        <source>流水号应在 1 至 {0} 之间</source>
        <translation>the serial must be between 1 and {0}</translation>
    </message>
    <message>
        <source>涉及人数“{0}”应为整数</source>
        <translation>Workers involved &quot;{0}&quot; must be a whole number</translation>
    </message>
    <message>
        <source>涉及人数不能少于所列职工人数</source>
        <translation>Workers involved cannot be fewer than the workers listed</translation>
    </message>
    <message>
        <source>涉及人数不能少于所列职工人数（{0}）</source>
        <translation>Workers involved cannot be fewer than the workers listed ({0})</translation>
    </message>
    <message>
        <source>涉及人数过大</source>
        <translation>Too many workers involved</translation>
    </message>
    <message>
        <source>深度困难</source>
        <translation>Deep hardship</translation>
    </message>
    <message>
        <source>添加工作人员</source>
        <translation>Add a staff member</translation>
    </message>
    <message>
        <source>灾害</source>
        <translation>Disaster</translation>
    </message>
    <message>
        <source>版本号应从 1 开始</source>
        <translation>versions start at 1</translation>
    </message>
    <message>
        <source>物资“{0}”的数量应为正数</source>
        <translation>the quantity of goods &quot;{0}&quot; must be positive</translation>
    </message>
    <message>
        <source>物资“{0}”的金额应为非负整数（分）</source>
        <translation>the value of goods &quot;{0}&quot; must be a non-negative whole number (fen)</translation>
    </message>
    <message>
        <source>物资清单应为最多 {0} 行的列表</source>
        <translation>the goods list must be a list of at most {0} lines</translation>
    </message>
    <message>
        <source>物资行应写明物品名称</source>
        <translation>each goods line must name the item</translation>
    </message>
    <message>
        <source>环卫</source>
        <translation>Sanitation</translation>
    </message>
    <message>
        <source>环卫工</source>
        <translation>Sanitation worker</translation>
    </message>
    <message>
        <source>现金金额不能为负数</source>
        <translation>The cash amount cannot be negative</translation>
    </message>
    <message>
        <source>生成恢复码</source>
        <translation>Create a recovery code</translation>
    </message>
    <message>
        <source>申请</source>
        <translation>Application</translation>
    </message>
    <message>
        <source>申请事项过长（最多 5000 字）</source>
        <translation>Matter too long (at most 5000 characters)</translation>
    </message>
    <message>
        <source>申请日期不能晚于今天</source>
        <translation>The application date cannot be after today</translation>
    </message>
    <message>
        <source>电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>电话“{0}”格式不正确（应为 11 位手机号或带区号的固定电话）</source>
        <translation>Phone &quot;{0}&quot; is not in the right format (11-digit mobile, or a landline with its area code)</translation>
    </message>
    <message>
        <source>男</source>
        <translation>Male</translation>
    </message>
    <message>
        <source>疾病</source>
        <translation>Illness</translation>
    </message>
    <message>
        <source>登录名“{0}”已存在</source>
        <translation>Login name &quot;{0}&quot; already exists</translation>
    </message>
    <message>
        <source>登录名不能为空</source>
        <translation>Login name is required</translation>
    </message>
    <message>
        <source>登录名或密码错误</source>
        <translation>Wrong login name or password</translation>
    </message>
    <message>
        <source>登录名或密码错误，无法打开本站数据</source>
        <translation>Wrong login name or password; the station&apos;s data cannot be opened</translation>
    </message>
    <message>
        <source>登记日期</source>
        <translation>Date received</translation>
    </message>
    <message>
        <source>登记日期不能晚于今天</source>
        <translation>The date received cannot be after today</translation>
    </message>
    <message>
        <source>登记申请</source>
        <translation>Application recorded</translation>
    </message>
    <message>
        <source>登记码与本机服务站不符，或服务站已由另一台电脑登记</source>
        <translation>The code does not match the station on this computer, or the station was enrolled from another computer</translation>
    </message>
    <message>
        <source>登记码属于服务站 {0}，与本机服务站编码 {1} 不符</source>
        <translation>The code belongs to station {0}, not to this computer&apos;s station {1}</translation>
    </message>
    <message>
        <source>登记码已过期，请向区总工会重新申请</source>
        <translation>The code has expired; ask the district union for a new one</translation>
    </message>
    <message>
        <source>登记码无效或已使用</source>
        <translation>The code is not valid or was already used</translation>
    </message>
    <message>
        <source>的千位分隔符位置不对（应每三位一个逗号）</source>
        <translation>has misplaced thousands separators (one comma every three digits)</translation>
    </message>
    <message>
        <source>的小数点前后都应有数字</source>
        <translation>needs digits on both sides of the decimal point</translation>
    </message>
    <message>
        <source>相对困难</source>
        <translation>Relative hardship</translation>
    </message>
    <message>
        <source>确认上传 {0} 条</source>
        <translation>{0} uploads confirmed</translation>
    </message>
    <message>
        <source>社工、站长或审核</source>
        <translation>social worker, station head or auditor</translation>
    </message>
    <message>
        <source>站长</source>
        <translation>Station head</translation>
    </message>
    <message>
        <source>第 {0} 条审计记录与链头记录不符（记录被删除后重写）</source>
        <translation>Audit entry {0} does not match the chain head (entries were deleted and rewritten)</translation>
    </message>
    <message>
        <source>第 {0} 行物资名称不能为空</source>
        <translation>Goods line {0}: the item name is required</translation>
    </message>
    <message>
        <source>第 {0} 行物资数量须大于 0，价值不能为负</source>
        <translation>Goods line {0}: the quantity must be above 0 and the value cannot be negative</translation>
    </message>
    <message>
        <source>等</source>
        <translation>etc.</translation>
    </message>
    <message>
        <source>系统</source>
        <translation>System</translation>
    </message>
    <message>
        <source>约 {0}（四舍五入到分）</source>
        <translation>about {0} (rounded to the fen)</translation>
    </message>
    <message>
        <source>维权个案</source>
        <translation>rights case</translation>
    </message>
    <message>
        <source>维权个案不存在</source>
        <translation>No such rights case</translation>
    </message>
    <message>
        <source>缺少字段 {0}</source>
        <translation>Field {0} is missing</translation>
    </message>
    <message>
        <source>缺少或无效的访问令牌（登记：登记码无效、已使用或已过期）</source>
        <translation>Missing or invalid access token (enrolment: the code is not valid, already used or expired)</translation>
    </message>
    <message>
        <source>缺少或无效的访问令牌，请重新登记本服务站</source>
        <translation>Missing or invalid access token; enrol this station again</translation>
    </message>
    <message>
        <source>缺少访问令牌</source>
        <translation>Missing access token</translation>
    </message>
    <message>
        <source>网约车</source>
        <translation>Ride-hailing</translation>
    </message>
    <message>
        <source>网约车驾驶员</source>
        <translation>Ride-hailing driver</translation>
    </message>
    <message>
        <source>职业</source>
        <translation>Occupation</translation>
    </message>
    <message>
        <source>职业类别</source>
        <translation>Occupation category</translation>
    </message>
    <message>
        <source>职业群体</source>
        <translation>Occupational group</translation>
    </message>
    <message>
        <source>职工{0}的{1}</source>
        <translation>Worker {0}: {1}</translation>
    </message>
    <message>
        <source>职工互助保障金发放收据</source>
        <translation>Receipt: workers&apos; mutual-aid insurance payment</translation>
    </message>
    <message>
        <source>职工慰问金发放收据</source>
        <translation>Receipt: workers&apos; care money</translation>
    </message>
    <message>
        <source>职工类别</source>
        <translation>Worker category</translation>
    </message>
    <message>
        <source>联系日期</source>
        <translation>Date of contact</translation>
    </message>
    <message>
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>联系记录过长（最多 5000 字）</source>
        <translation>Contact note too long (at most 5000 characters)</translation>
    </message>
    <message>
        <source>联系记录：{0}</source>
        <translation>Contact: {0}</translation>
    </message>
    <message>
        <source>脱困</source>
        <translation>Recovered</translation>
    </message>
    <message>
        <source>致困支出超过家庭年收入的 80%</source>
        <translation>hardship costs above 80% of the household&apos;s income per year</translation>
    </message>
    <message>
        <source>补打（第{0}次）</source>
        <translation>Reprint (no. {0})</translation>
    </message>
    <message>
        <source>表头缺少必填列：{0}（第 1 行应为列名）</source>
        <translation>The header lacks required columns: {0} (row 1 must hold the column names)</translation>
    </message>
    <message>
        <source>被拒绝</source>
        <translation>Refused</translation>
    </message>
    <message>
        <source>被服务器拒绝</source>
        <translation>Refused by the server</translation>
    </message>
    <message>
        <source>角色“{0}”不是可选项</source>
        <translation>Role &quot;{0}&quot; is not one of the choices</translation>
    </message>
    <message>
        <source>记录</source>
        <translation>Record</translation>
    </message>
    <message>
        <source>记录不完整，缺少字段：{0}</source>
        <translation>The record is incomplete; missing fields: {0}</translation>
    </message>
    <message>
        <source>记录不是有效的 JSON</source>
        <translation>The record is not valid JSON</translation>
    </message>
    <message>
        <source>记录内容无法读取（{0}）</source>
        <translation>The record&apos;s content cannot be read ({0})</translation>
    </message>
    <message>
        <source>记录应为 JSON 对象</source>
        <translation>The record must be a JSON object</translation>
    </message>
    <message>
        <source>记录编号与变更不符</source>
        <translation>The record ID does not match the change</translation>
    </message>
    <message>
        <source>设置低保标准</source>
        <translation>Set minimum living standard</translation>
    </message>
    <message>
        <source>访问令牌无效，请重新登记本服务站</source>
        <translation>The access token is not valid; enrol this station again</translation>
    </message>
    <message>
        <source>证件号码</source>
        <translation>ID document number</translation>
    </message>
    <message>
        <source>该会员有帮扶发放记录，不能删除</source>
        <translation>This member has relief hand-outs and cannot be deleted</translation>
    </message>
    <message>
        <source>该发放记录已作废或是调整记录，不能再作废</source>
        <translation>This hand-out is already voided or is an adjustment; it cannot be voided</translation>
    </message>
    <message>
        <source>该发放记录已在以后月份调整过</source>
        <translation>This hand-out was already adjusted in a later month</translation>
    </message>
    <message>
        <source>请先登录</source>
        <translation>Please log in first</translation>
    </message>
    <message>
        <source>请写明不予受理或撤回的原因</source>
        <translation>Give the reason for the refusal or withdrawal</translation>
    </message>
    <message>
        <source>请写明延长调解期限的原因</source>
        <translation>Give the reason for the extension</translation>
    </message>
    <message>
        <source>请写明脱困或注销的原因</source>
        <translation>Give the reason for recovery or closing</translation>
    </message>
    <message>
        <source>请填写作废原因</source>
        <translation>Enter the reason for voiding</translation>
    </message>
    <message>
        <source>请填写发放金额或物资</source>
        <translation>Enter a cash amount or goods</translation>
    </message>
    <message>
        <source>请填写工作单位；单位未建工会的，填写加入的联合工会</source>
        <translation>Enter the employer; where it has no union, the joint union joined</translation>
    </message>
    <message>
        <source>请填写民族（例：汉族）</source>
        <translation>Enter the ethnicity (e.g. Han)</translation>
    </message>
    <message>
        <source>请填写用人单位</source>
        <translation>Enter the employer</translation>
    </message>
    <message>
        <source>请填写联系记录内容</source>
        <translation>Enter what the contact was about</translation>
    </message>
    <message>
        <source>请填写走访事由</source>
        <translation>Enter the purpose of the visit</translation>
    </message>
    <message>
        <source>请填写转入的工会</source>
        <translation>Enter the union transferred to</translation>
    </message>
    <message>
        <source>请求 {0} 次</source>
        <translation>{0} requests</translation>
    </message>
    <message>
        <source>请求体不是有效的 gzip 数据</source>
        <translation>The request body is not valid gzip data</translation>
    </message>
    <message>
        <source>请求体过大</source>
        <translation>The request body is too large</translation>
    </message>
    <message>
        <source>请求含有非法字符（NUL）</source>
        <translation>The request contains a character that is not allowed (NUL)</translation>
    </message>
    <message>
        <source>请求嵌套层次过深</source>
        <translation>The request is nested too deeply</translation>
    </message>
    <message>
        <source>请求格式不正确</source>
        <translation>The request is not in the right format</translation>
    </message>
    <message>
        <source>请求金额</source>
        <translation>Amount claimed</translation>
    </message>
    <message>
        <source>请站长先在困难档案页设置</source>
        <translation>the station head sets it on the hardship files page</translation>
    </message>
    <message>
        <source>请至少填写一名职工</source>
        <translation>Enter at least one worker</translation>
    </message>
    <message>
        <source>请至少选择一名走访对象</source>
        <translation>Choose at least one member to visit</translation>
    </message>
    <message>
        <source>请选择职业群体</source>
        <translation>Choose a job group</translation>
    </message>
    <message>
        <source>请选择脱困或注销</source>
        <translation>Choose recovery or closing</translation>
    </message>
    <message>
        <source>请选择走访了该户户主的入户走访记录</source>
        <translation>Choose a home visit that saw the head of this household</translation>
    </message>
    <message>
        <source>调整</source>
        <translation>Adjustment</translation>
    </message>
    <message>
        <source>调整记录应指明所调整的发放</source>
        <translation>an adjustment must name the hand-out it adjusts</translation>
    </message>
    <message>
        <source>账号“{0}”已停用，不能重置密码</source>
        <translation>Account &quot;{0}&quot; is deactivated; its password cannot be reset</translation>
    </message>
    <message>
        <source>账号“{0}”已经停用</source>
        <translation>Account &quot;{0}&quot; is already deactivated</translation>
    </message>
    <message>
        <source>货运司机</source>
        <translation>Freight driver</translation>
    </message>
    <message>
        <source>走访日期</source>
        <translation>Visit date</translation>
    </message>
    <message>
        <source>走访日期不能晚于今天</source>
        <translation>The visit date cannot be after today</translation>
    </message>
    <message>
        <source>走访次数</source>
        <translation>Visits</translation>
    </message>
    <message>
        <source>走访类型“{0}”不是可选项</source>
        <translation>Visit type &quot;{0}&quot; is not one of the choices</translation>
    </message>
    <message>
        <source>走访记录</source>
        <translation>Visit</translation>
    </message>
    <message>
        <source>走访记录不存在</source>
        <translation>The visit does not exist</translation>
    </message>
    <message>
        <source>超出上限 {0}</source>
        <translation>is above the limit of {0}</translation>
    </message>
    <message>
        <source>超出规则的发放需要站长批准</source>
        <translation>A hand-out outside the rules needs the station head&apos;s approval</translation>
    </message>
    <message>
        <source>身份证号</source>
        <translation>ID number</translation>
    </message>
    <message>
        <source>身份证号不正确</source>
        <translation>The ID number is wrong</translation>
    </message>
    <message>
        <source>身份证号不能为空</source>
        <translation>ID number is required</translation>
    </message>
    <message>
        <source>身份证号与第 {0} 行重复</source>
        <translation>The ID number repeats row {0}</translation>
    </message>
    <message>
        <source>身份证号已由其他服务站登记</source>
        <translation>The ID number is already registered by another station</translation>
    </message>
    <message>
        <source>身份证号已由其他服务站登记为会员（编号 {0}）</source>
        <translation>The ID number is already registered as a member by another station (ID {0})</translation>
    </message>
    <message>
        <source>身份证号已登记：会员 {0}（{1}）</source>
        <translation>The ID number is already registered: member {0} ({1})</translation>
    </message>
    <message>
        <source>身份证号应为 18 位标准写法（末位 X 大写，不含空格）</source>
        <translation>The ID number must be the standard 18 characters (a capital X at the end, no spaces)</translation>
    </message>
    <message>
        <source>身份证号码</source>
        <translation>ID number</translation>
    </message>
    <message>
        <source>身份证号码不能为空</source>
        <translation>ID number is required</translation>
    </message>
    <message>
        <source>身份证号码中的出生日期 {0} 不合理</source>
        <translation>The date of birth {0} in the ID number is not plausible</translation>
    </message>
    <message>
        <source>身份证号码中的出生日期 {0} 不存在</source>
        <translation>The date of birth {0} in the ID number does not exist</translation>
    </message>
    <message>
        <source>身份证号码中间不能有空格</source>
        <translation>The ID number cannot contain spaces</translation>
    </message>
    <message>
        <source>身份证号码前 17 位应为数字，最后一位为数字或 X</source>
        <translation>The first 17 characters of the ID number must be digits, the last a digit or X</translation>
    </message>
    <message>
        <source>身份证号码含全角数字或字母，请改用半角（英文输入法）输入</source>
        <translation>The ID number contains full-width digits or letters; type it in half-width (English input)</translation>
    </message>
    <message>
        <source>身份证号码应为 18 位，现为 {0} 位</source>
        <translation>The ID number must have 18 characters; it has {0}</translation>
    </message>
    <message>
        <source>身份证号码校验位错误，请核对号码</source>
        <translation>The ID number&apos;s check digit is wrong; check the number</translation>
    </message>
    <message>
        <source>身份证号码的地区码 {0} 未知，请核对号码</source>
        <translation>The region code {0} of the ID number is unknown; check the number</translation>
    </message>
    <message>
        <source>转入日期</source>
        <translation>Date transferred in</translation>
    </message>
    <message>
        <source>转出日期</source>
        <translation>Date transferred out</translation>
    </message>
    <message>
        <source>达成协议时请填写协议内容</source>
        <translation>Enter the terms of the agreement</translation>
    </message>
    <message>
        <source>迁出</source>
        <translation>Moved away</translation>
    </message>
    <message>
        <source>返困</source>
        <translation>Reopened</translation>
    </message>
    <message>
        <source>这不是工作台同步文件（文件头不符），未导入任何数据</source>
        <translation>This is not a StationDesk sync file (its header does not match); nothing was imported</translation>
    </message>
    <message>
        <source>这是区服务器的回执文件，应在服务站导入，未导入任何数据</source>
        <translation>This is a district server reply file, to be imported at a station; nothing was imported</translation>
    </message>
    <message>
        <source>这是服务站导出的上传文件，应在区服务器上导入，未导入任何数据</source>
        <translation>This is a station&apos;s upload file, to be imported on the district server; nothing was imported</translation>
    </message>
    <message>
        <source>这条{0}已作废，不能再修改</source>
        <translation>This record ({0}) is voided and cannot be changed</translation>
    </message>
    <message>
        <source>这条冲突已经处理过了，请刷新后重试</source>
        <translation>This conflict was already resolved; refresh and try again</translation>
    </message>
    <message>
        <source>这条日志是空的：请填写至少一项数量，或写下做了什么</source>
        <translation>This log entry is empty: fill in at least one count or write what was done</translation>
    </message>
    <message>
        <source>追回金额超出上限</source>
        <translation>Amount recovered is above the limit</translation>
    </message>
    <message>
        <source>退休</source>
        <translation>Retired</translation>
    </message>
    <message>
        <source>送餐员</source>
        <translation>Food delivery rider</translation>
    </message>
    <message>
        <source>重复</source>
        <translation>Duplicate</translation>
    </message>
    <message>
        <source>重置密码</source>
        <translation>Reset a password</translation>
    </message>
    <message>
        <source>金秋助学金发放收据</source>
        <translation>Receipt: autumn study grant</translation>
    </message>
    <message>
        <source>金额</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>金额应为整数（分）</source>
        <translation>amounts must be whole numbers (fen)</translation>
    </message>
    <message>
        <source>金额超过上限 {0}，无法写成大写</source>
        <translation>The amount is above the limit of {0} and cannot be written in words</translation>
    </message>
    <message>
        <source>银行账号</source>
        <translation>Bank account</translation>
    </message>
    <message>
        <source>银行账号应为 12 至 30 位数字</source>
        <translation>The bank account must be 12 to 30 digits</translation>
    </message>
    <message>
        <source>链头记录文件 {0} 缺失</source>
        <translation>The chain head file {0} is missing</translation>
    </message>
    <message>
        <source>链头记录文件的校验码不符（文件被改动）</source>
        <translation>The chain head file&apos;s checksum does not match (the file was changed)</translation>
    </message>
    <message>
        <source>防伪码与收据号、金额或日期不符</source>
        <translation>the security code does not match the receipt number, amount or date</translation>
    </message>
    <message>
        <source>防伪码与本站收据密钥不符</source>
        <translation>the security code does not match the station&apos;s receipt key</translation>
    </message>
    <message>
        <source>需要回访时请填写回访日期</source>
        <translation>Enter a follow-up date when a follow-up is needed</translation>
    </message>
    <message>
        <source>项目名称不能为空</source>
        <translation>Program name is required</translation>
    </message>
    <message>
        <source>项目类型“{0}”不是可选项</source>
        <translation>Program type &quot;{0}&quot; is not one of the choices</translation>
    </message>
    <message>
        <source>项目编码不能为空</source>
        <translation>Program code is required</translation>
    </message>
    <message>
        <source>项目预算</source>
        <translation>Program budget</translation>
    </message>
    <message>
        <source>预计毕业年份应不早于入学年份</source>
        <translation>Expected graduation cannot be before the year of entry</translation>
    </message>
    <message>
        <source>预计毕业年份应不早于入学年份，且不超过入学后 10 年</source>
        <translation>Expected graduation must be between the year of entry and 10 years after it</translation>
    </message>
    <message>
        <source>高中</source>
        <translation>High school</translation>
    </message>
    <message>
        <source>（已作废）</source>
        <translation> (voided)</translation>
    </message>
    <message>
        <source>（调整）</source>
        <translation> (adjustment)</translation>
    </message>
    <message>
        <source>每人金额</source>
        <translation>Amount per person</translation>
    </message>
    <message>
        <source>现金</source>
        <translation>Cash</translation>
    </message>
    <message>
        <source>物资价值</source>
        <translation>Goods value</translation>
    </message>
    <message>
        <source>追回金额</source>
        <translation>Amount recovered</translation>
    </message>
</context>
</TS>
