<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AgreementsView</name>
    <message>
        <location filename="../../ui/views/agreements_view.py" line="55"/>
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <location filename="../../ui/views/agreements_view.py" line="56"/>
        <source>Awaiting approval</source>
        <translation>待审批</translation>
    </message>
    <message>
        <location filename="../../ui/views/agreements_view.py" line="57"/>
        <source>Approved</source>
        <translation>已批准</translation>
    </message>
    <message>
        <location filename="../../ui/views/agreements_view.py" line="58"/>
        <source>Rejected</source>
        <translation>已驳回</translation>
    </message>
    <message>
        <location filename="../../ui/views/agreements_view.py" line="59"/>
        <source>Signed</source>
        <translation>已签署</translation>
    </message>
    <message>
        <location filename="../../ui/views/agreements_view.py" line="60"/>
        <source>Signed, in force</source>
        <translation>已签署，执行中</translation>
    </message>
    <message>
        <location filename="../../ui/views/agreements_view.py" line="61"/>
        <source>Completed</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../ui/views/agreements_view.py" line="62"/>
        <source>Broken</source>
        <translation>已违约</translation>
    </message>
    <message>
        <location filename="../../ui/views/agreements_view.py" line="63"/>
        <source>Withdrawn</source>
        <translation>已撤回</translation>
    </message>
    <message>
        <location filename="../../ui/views/agreements_view.py" line="86"/>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../ui/views/agreements_view.py" line="88"/>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../../ui/views/agreements_view.py" line="445"/>
        <source>Repayment agreement {loan_ref}</source>
        <translation>还款协议 {loan_ref}</translation>
    </message>
    <message>
        <location filename="../../ui/views/agreements_view.py" line="436"/>
        <location filename="../../ui/views/agreements_view.py" line="460"/>
        <source>The stored agreement could not be opened for printing.</source>
        <translation>无法打开已保存的协议进行打印。</translation>
    </message>
    <message>
        <location filename="../../ui/views/agreements_view.py" line="273"/>
        <source>No plan awaits your decision.</source>
        <translation>没有等待您审批的还款计划。</translation>
    </message>
    <message>
        <location filename="../../ui/views/agreements_view.py" line="315"/>
        <source>{borrower} · {loan_ref} · tier {tier} · {days} days past due · {status}</source>
        <translation>{borrower} · {loan_ref} · {tier}级 · 逾期{days}天 · {status}</translation>
    </message>
    <message>
        <location filename="../../ui/views/agreements_view.py" line="325"/>
        <source>Owes {outstanding}: principal {principal}, interest {interest}, penalty {penalty}</source>
        <translation>欠款{outstanding}：本金{principal}，利息{interest}，罚息{penalty}</translation>
    </message>
    <message>
        <location filename="../../ui/views/agreements_view.py" line="334"/>
        <source>{proposer} proposes to waive {waiver} ({pct}% of interest and penalty): {total} in all, {down} down and {count} instalments</source>
        <translation>{proposer}提议减免{waiver}（占利息和罚息的{pct}%）：合计{total}，首付款{down}，分{count}期</translation>
    </message>
    <message>
        <location filename="../../ui/views/agreements_view.py" line="349"/>
        <source>Last contact {when}: {outcome}</source>
        <translation>最近联系 {when}：{outcome}</translation>
    </message>
    <message>
        <location filename="../../ui/views/agreements_view.py" line="493"/>
        <source>Saved the agreement as {path}</source>
        <translation>协议已保存为 {path}</translation>
    </message>
    <message>
        <location filename="../../ui/views/agreements_view.py" line="506"/>
        <source>Save the agreement as PDF</source>
        <translation>将协议保存为 PDF</translation>
    </message>
    <message>
        <location filename="../../ui/views/agreements_view.py" line="508"/>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/views/agreements_view.py" line="536"/>
        <source>Plan for {loan_ref} approved; the collector sees it after sync.</source>
        <translation>{loan_ref} 的还款计划已批准；催收员同步后即可看到。</translation>
    </message>
    <message>
        <location filename="../../ui/views/agreements_view.py" line="540"/>
        <source>Plan for {loan_ref} rejected; the collector sees it after sync.</source>
        <translation>{loan_ref} 的还款计划已驳回；催收员同步后即可看到。</translation>
    </message>
    <message>
        <location filename="../../ui/views/agreements_view.py" line="551"/>
        <source>Reason (the collector sees it):</source>
        <translation>理由（催收员可见）：</translation>
    </message>
    <message>
        <location filename="../../ui/views/agreements_view.py" line="556"/>
        <source>Approve the plan</source>
        <translation>批准还款计划</translation>
    </message>
    <message>
        <location filename="../../ui/views/agreements_view.py" line="561"/>
        <source>Reject the plan</source>
        <translation>驳回还款计划</translation>
    </message>
    <message>
        <location filename="../../ui/views/agreements_view.py" line="570"/>
        <source>Approvals, repayment plans and agreements</source>
        <translation>审批、还款计划与协议</translation>
    </message>
    <message>
        <location filename="../../ui/views/agreements_view.py" line="572"/>
        <source>Repayment plans and agreements</source>
        <translation>还款计划与协议</translation>
    </message>
    <message>
        <location filename="../../ui/views/agreements_view.py" line="575"/>
        <source>Only plans awaiting my decision (the approvals queue)</source>
        <translation>仅显示待我审批的还款计划（审批队列）</translation>
    </message>
    <message>
        <location filename="../../ui/views/agreements_view.py" line="70"/>
        <source>Borrower</source>
        <translation>借款人</translation>
    </message>
    <message>
        <location filename="../../ui/views/agreements_view.py" line="71"/>
        <source>Loan ref</source>
        <translation>贷款编号</translation>
    </message>
    <message>
        <location filename="../../ui/views/agreements_view.py" line="72"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/views/agreements_view.py" line="74"/>
        <source>Agreed total (yuan)</source>
        <translation>约定总额（元）</translation>
    </message>
    <message>
        <location filename="../../ui/views/agreements_view.py" line="79"/>
        <source>Instalments</source>
        <translation>期数</translation>
    </message>
    <message>
        <location filename="../../ui/views/agreements_view.py" line="84"/>
        <source>Needs approval</source>
        <translation>需审批</translation>
    </message>
    <message>
        <location filename="../../ui/views/agreements_view.py" line="92"/>
        <source>Proposed on</source>
        <translation>提出日期</translation>
    </message>
    <message>
        <location filename="../../ui/views/agreements_view.py" line="578"/>
        <source>&amp;Sign…</source>
        <translation>签署(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../ui/views/agreements_view.py" line="579"/>
        <source>&amp;Print…</source>
        <translation>打印(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../ui/views/agreements_view.py" line="580"/>
        <source>Save P&amp;DF…</source>
        <translation>保存 PDF(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../../ui/views/agreements_view.py" line="581"/>
        <source>&amp;Approve…</source>
        <translation>批准(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../ui/views/agreements_view.py" line="582"/>
        <source>&amp;Reject…</source>
        <translation>驳回(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../ui/views/agreements_view.py" line="583"/>
        <source>Open &amp;case</source>
        <translation>打开案件(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../ui/views/agreements_view.py" line="275"/>
        <source>No repayment plans yet. Make one from a case&apos;s detail.</source>
        <translation>还没有还款计划。可在案件详情中新建。</translation>
    </message>
</context>
<context>
    <name>Application</name>
    <message>
        <location filename="../../ui/application.py" line="85"/>
        <source>FieldCollect cannot start</source>
        <translation>FieldCollect 无法启动</translation>
    </message>
</context>
<context>
    <name>AssignmentView</name>
    <message>
        <location filename="../../ui/views/lead/assignment_view.py" line="51"/>
        <source>Loan ref</source>
        <translation>贷款编号</translation>
    </message>
    <message>
        <location filename="../../ui/views/lead/assignment_view.py" line="55"/>
        <source>Borrower</source>
        <translation>借款人</translation>
    </message>
    <message>
        <location filename="../../ui/views/lead/assignment_view.py" line="59"/>
        <location filename="../../ui/views/lead/assignment_view.py" line="91"/>
        <source>Collector</source>
        <translation>催收员</translation>
    </message>
    <message>
        <location filename="../../ui/views/lead/assignment_view.py" line="61"/>
        <location filename="../../ui/views/lead/assignment_view.py" line="345"/>
        <source>Unassigned</source>
        <translation>未分配</translation>
    </message>
    <message>
        <location filename="../../ui/views/lead/assignment_view.py" line="65"/>
        <source>Tier</source>
        <translation>等级</translation>
    </message>
    <message>
        <location filename="../../ui/views/lead/assignment_view.py" line="68"/>
        <source>Days past due</source>
        <translation>逾期天数</translation>
    </message>
    <message>
        <location filename="../../ui/views/lead/assignment_view.py" line="73"/>
        <location filename="../../ui/views/lead/assignment_view.py" line="100"/>
        <source>Outstanding</source>
        <translation>欠款金额</translation>
    </message>
    <message>
        <location filename="../../ui/views/lead/assignment_view.py" line="78"/>
        <source>Area</source>
        <translation>区域</translation>
    </message>
    <message>
        <location filename="../../ui/views/lead/assignment_view.py" line="82"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/views/lead/assignment_view.py" line="95"/>
        <source>Cases</source>
        <translation>案件数</translation>
    </message>
    <message>
        <location filename="../../ui/views/lead/assignment_view.py" line="105"/>
        <source>Expected travel</source>
        <translation>预计路程</translation>
    </message>
    <message>
        <location filename="../../ui/views/lead/assignment_view.py" line="106"/>
        <source>{km} km</source>
        <translation>{km} 公里</translation>
    </message>
    <message>
        <location filename="../../ui/views/lead/assignment_view.py" line="112"/>
        <source>Open cases after</source>
        <translation>分配后待处理案件</translation>
    </message>
    <message>
        <location filename="../../ui/views/lead/assignment_view.py" line="327"/>
        <source>{count} cases</source>
        <translation>{count} 件案件</translation>
    </message>
    <message>
        <location filename="../../ui/views/lead/assignment_view.py" line="374"/>
        <source>Assign {count} cases</source>
        <translation>分配 {count} 件案件</translation>
    </message>
    <message>
        <location filename="../../ui/views/lead/assignment_view.py" line="376"/>
        <source>Assign selected</source>
        <translation>分配所选案件</translation>
    </message>
    <message>
        <location filename="../../ui/views/lead/assignment_view.py" line="402"/>
        <source>Central database</source>
        <translation>中心数据库</translation>
    </message>
    <message>
        <location filename="../../ui/views/lead/assignment_view.py" line="403"/>
        <source>Password for the central database (kept for this session only):</source>
        <translation>中心数据库密码（仅在本次运行中保留）：</translation>
    </message>
    <message>
        <location filename="../../ui/views/lead/assignment_view.py" line="422"/>
        <source>Assigning {count} cases…</source>
        <translation>正在分配 {count} 件案件…</translation>
    </message>
    <message>
        <location filename="../../ui/views/lead/assignment_view.py" line="434"/>
        <source>Working out an automatic assignment…</source>
        <translation>正在计算自动分配方案…</translation>
    </message>
    <message>
        <location filename="../../ui/views/lead/assignment_view.py" line="444"/>
        <source>Assigning automatically…</source>
        <translation>正在自动分配…</translation>
    </message>
    <message>
        <location filename="../../ui/views/lead/assignment_view.py" line="475"/>
        <source>{changed} cases given to {name}; {unchanged} were already theirs.</source>
        <translation>已将 {changed} 件案件分配给 {name}；另有 {unchanged} 件原已由其负责。</translation>
    </message>
    <message>
        <location filename="../../ui/views/lead/assignment_view.py" line="497"/>
        <source>Something went wrong: {error}</source>
        <translation>出错了：{error}</translation>
    </message>
    <message>
        <location filename="../../ui/views/lead/assignment_view.py" line="510"/>
        <source>{count} cases given out automatically.</source>
        <translation>已自动分配 {count} 件案件。</translation>
    </message>
    <message>
        <location filename="../../ui/views/lead/assignment_view.py" line="514"/>
        <source>No case to give out: every case of the team has a collector.</source>
        <translation>没有需要分配的案件：团队的每件案件都已有催收员。</translation>
    </message>
    <message>
        <location filename="../../ui/views/lead/assignment_view.py" line="518"/>
        <source>{count} cases would be given out; expected travel {km} km in all. Apply to assign them.</source>
        <translation>将分配 {count} 件案件，预计总路程 {km} 公里。点击“应用”即可分配。</translation>
    </message>
    <message>
        <location filename="../../ui/views/lead/assignment_view.py" line="526"/>
        <source>{count} of them have no known location.</source>
        <translation>其中 {count} 件没有已知位置。</translation>
    </message>
    <message>
        <location filename="../../ui/views/lead/assignment_view.py" line="541"/>
        <source>Assignment</source>
        <translation>案件分配</translation>
    </message>
    <message>
        <location filename="../../ui/views/lead/assignment_view.py" line="545"/>
        <source>All tiers</source>
        <translation>全部等级</translation>
    </message>
    <message>
        <location filename="../../ui/views/lead/assignment_view.py" line="550"/>
        <source>All ages</source>
        <translation>全部账龄</translation>
    </message>
    <message>
        <location filename="../../ui/views/lead/assignment_view.py" line="555"/>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location filename="../../ui/views/lead/assignment_view.py" line="568"/>
        <source>All areas</source>
        <translation>全部区域</translation>
    </message>
    <message>
        <location filename="../../ui/views/lead/assignment_view.py" line="569"/>
        <source>All collectors</source>
        <translation>全部催收员</translation>
    </message>
    <message>
        <location filename="../../ui/views/lead/assignment_view.py" line="576"/>
        <source>Unassigned only</source>
        <translation>仅显示未分配</translation>
    </message>
    <message>
        <location filename="../../ui/views/lead/assignment_view.py" line="580"/>
        <source>Give to:</source>
        <translation>分配给：</translation>
    </message>
    <message>
        <location filename="../../ui/views/lead/assignment_view.py" line="582"/>
        <source>Reason (optional)</source>
        <translation>原因（可选）</translation>
    </message>
    <message>
        <location filename="../../ui/views/lead/assignment_view.py" line="585"/>
        <source>Rebalance assigned cases too</source>
        <translation>同时重新平衡已分配的案件</translation>
    </message>
    <message>
        <location filename="../../ui/views/lead/assignment_view.py" line="588"/>
        <source>Propose auto-assignment</source>
        <translation>生成自动分配方案</translation>
    </message>
    <message>
        <location filename="../../ui/views/lead/assignment_view.py" line="590"/>
        <source>Apply</source>
        <translation>应用</translation>
    </message>
    <message>
        <location filename="../../ui/views/lead/assignment_view.py" line="592"/>
        <source>Plan the team&apos;s days…</source>
        <translation>规划团队日程…</translation>
    </message>
    <message>
        <location filename="../../ui/views/lead/assignment_view.py" line="594"/>
        <source>Map</source>
        <translation>地图</translation>
    </message>
    <message>
        <location filename="../../ui/views/lead/assignment_view.py" line="595"/>
        <source>Auto-assign</source>
        <translation>自动分配</translation>
    </message>
</context>
<context>
    <name>CaseDetailView</name>
    <message>
        <location filename="../../ui/views/case_detail_view.py" line="234"/>
        <source>{borrower} · {loan_ref}</source>
        <translation>{borrower} · {loan_ref}</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_detail_view.py" line="240"/>
        <source>Tier {tier} · score {score}</source>
        <translation>{tier}级 · {score}分</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_detail_view.py" line="256"/>
        <source>No risk factor</source>
        <translation>无风险因素</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_detail_view.py" line="265"/>
        <source>ID number: {number}</source>
        <translation>身份证号：{number}</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_detail_view.py" line="274"/>
        <source>Product</source>
        <translation>产品</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_detail_view.py" line="276"/>
        <source>Principal</source>
        <translation>本金</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_detail_view.py" line="280"/>
        <source>Interest</source>
        <translation>利息</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_detail_view.py" line="284"/>
        <source>Penalty</source>
        <translation>罚息</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_detail_view.py" line="288"/>
        <source>Outstanding</source>
        <translation>欠款合计</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_detail_view.py" line="292"/>
        <source>First unpaid due date</source>
        <translation>最早未还到期日</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_detail_view.py" line="296"/>
        <source>Days past due</source>
        <translation>逾期天数</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_detail_view.py" line="297"/>
        <source>{days} ({bucket})</source>
        <translation>{days}天（{bucket}）</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_detail_view.py" line="302"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_detail_view.py" line="306"/>
        <source>Promise</source>
        <translation>承诺还款</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_detail_view.py" line="307"/>
        <source>{amount} by {date}</source>
        <translation>{date}前还{amount}元</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_detail_view.py" line="315"/>
        <source>Next action</source>
        <translation>下次跟进</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_detail_view.py" line="325"/>
        <source>{kind}: {number} {owner}</source>
        <translation>{kind}：{number} {owner}</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_detail_view.py" line="336"/>
        <source>No phone number</source>
        <translation>无电话号码</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_detail_view.py" line="340"/>
        <source>{kind}: {address}</source>
        <translation>{kind}：{address}</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_detail_view.py" line="345"/>
        <source>Caution: {flags}</source>
        <translation>注意：{flags}</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_detail_view.py" line="346"/>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_detail_view.py" line="348"/>
        <source>{address} &lt;span style=&apos;color:#c62828&apos;&gt;⚠ {warning}&lt;/span&gt;</source>
        <translation>{address} &lt;span style=&apos;color:#c62828&apos;&gt;⚠ {warning}&lt;/span&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_detail_view.py" line="353"/>
        <source>No address</source>
        <translation>无地址</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_detail_view.py" line="60"/>
        <source>{kind}: {what}</source>
        <translation>{kind}：{what}</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_detail_view.py" line="362"/>
        <source>&amp;Reveal</source>
        <translation>显示完整号码(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_detail_view.py" line="364"/>
        <source>Record &amp;call or SMS…</source>
        <translation>记录电话或短信(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_detail_view.py" line="366"/>
        <source>Plan &amp;visit…</source>
        <translation>安排上门(&amp;V)…</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_detail_view.py" line="368"/>
        <source>New repayment &amp;plan…</source>
        <translation>新建还款计划(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_detail_view.py" line="371"/>
        <source>Shows the full ID number; the reveal is recorded in the audit trail</source>
        <translation>显示完整身份证号；此操作将记入审计日志</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_detail_view.py" line="376"/>
        <source>Borrower</source>
        <translation>借款人</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_detail_view.py" line="377"/>
        <source>Balances</source>
        <translation>欠款明细</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_detail_view.py" line="378"/>
        <source>Why this tier</source>
        <translation>风险等级依据</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_detail_view.py" line="379"/>
        <source>Timeline</source>
        <translation>时间线</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_detail_view.py" line="46"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_detail_view.py" line="49"/>
        <source>What</source>
        <translation>事项</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_detail_view.py" line="51"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_detail_view.py" line="55"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_detail_view.py" line="382"/>
        <source>Select a case to see its detail</source>
        <translation>选择一个案件以查看详情</translation>
    </message>
</context>
<context>
    <name>CaseList</name>
    <message>
        <location filename="../../ui/models/case_table_model.py" line="170"/>
        <source>Borrower</source>
        <translation>借款人</translation>
    </message>
    <message>
        <location filename="../../ui/models/case_table_model.py" line="171"/>
        <source>Loan ref</source>
        <translation>贷款编号</translation>
    </message>
    <message>
        <location filename="../../ui/models/case_table_model.py" line="172"/>
        <source>Outstanding</source>
        <translation>欠款金额</translation>
    </message>
    <message>
        <location filename="../../ui/models/case_table_model.py" line="173"/>
        <source>Days past due</source>
        <translation>逾期天数</translation>
    </message>
    <message>
        <location filename="../../ui/models/case_table_model.py" line="174"/>
        <source>Tier</source>
        <translation>等级</translation>
    </message>
    <message>
        <location filename="../../ui/models/case_table_model.py" line="175"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/models/case_table_model.py" line="176"/>
        <source>Last contact</source>
        <translation>最近联系</translation>
    </message>
    <message>
        <location filename="../../ui/models/case_table_model.py" line="177"/>
        <source>Next action</source>
        <translation>下次跟进</translation>
    </message>
    <message>
        <location filename="../../ui/models/case_table_model.py" line="178"/>
        <source>Promised for</source>
        <translation>承诺还款日</translation>
    </message>
    <message>
        <location filename="../../ui/models/case_table_model.py" line="183"/>
        <source>{days} · {bucket}</source>
        <translation>{days} · {bucket}</translation>
    </message>
    <message>
        <location filename="../../ui/models/case_table_model.py" line="191"/>
        <source>{when} {outcome}</source>
        <translation>{when} {outcome}</translation>
    </message>
</context>
<context>
    <name>CasesView</name>
    <message>
        <location filename="../../ui/views/cases_view.py" line="112"/>
        <source>All tiers</source>
        <translation>全部等级</translation>
    </message>
    <message>
        <location filename="../../ui/views/cases_view.py" line="114"/>
        <source>Tier {tier}</source>
        <translation>{tier}级</translation>
    </message>
    <message>
        <location filename="../../ui/views/cases_view.py" line="120"/>
        <source>All ages</source>
        <translation>全部账龄</translation>
    </message>
    <message>
        <location filename="../../ui/views/cases_view.py" line="125"/>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location filename="../../ui/views/cases_view.py" line="156"/>
        <source>{count} cases</source>
        <translation>{count} 件案件</translation>
    </message>
    <message>
        <location filename="../../ui/views/cases_view.py" line="191"/>
        <source>Search by borrower or loan ref</source>
        <translation>按借款人或贷款编号搜索</translation>
    </message>
</context>
<context>
    <name>ConflictsView</name>
    <message>
        <location filename="../../ui/views/conflicts_view.py" line="35"/>
        <source>Borrower&apos;s phone</source>
        <translation>借款人电话</translation>
    </message>
    <message>
        <location filename="../../ui/views/conflicts_view.py" line="36"/>
        <source>Borrower&apos;s address</source>
        <translation>借款人地址</translation>
    </message>
    <message>
        <location filename="../../ui/views/conflicts_view.py" line="37"/>
        <location filename="../../ui/views/conflicts_view.py" line="134"/>
        <source>Borrower</source>
        <translation>借款人</translation>
    </message>
    <message>
        <location filename="../../ui/views/conflicts_view.py" line="38"/>
        <source>Case</source>
        <translation>案件</translation>
    </message>
    <message>
        <location filename="../../ui/views/conflicts_view.py" line="39"/>
        <source>Visit</source>
        <translation>上门</translation>
    </message>
    <message>
        <location filename="../../ui/views/conflicts_view.py" line="40"/>
        <source>Repayment plan</source>
        <translation>还款计划</translation>
    </message>
    <message>
        <location filename="../../ui/views/conflicts_view.py" line="41"/>
        <source>Instalment</source>
        <translation>分期</translation>
    </message>
    <message>
        <location filename="../../ui/views/conflicts_view.py" line="42"/>
        <source>Promise to pay</source>
        <translation>承诺还款</translation>
    </message>
    <message>
        <location filename="../../ui/views/conflicts_view.py" line="45"/>
        <source>Number</source>
        <translation>号码</translation>
    </message>
    <message>
        <location filename="../../ui/views/conflicts_view.py" line="46"/>
        <source>Owner</source>
        <translation>机主</translation>
    </message>
    <message>
        <location filename="../../ui/views/conflicts_view.py" line="47"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../ui/views/conflicts_view.py" line="48"/>
        <source>Invalid</source>
        <translation>无效</translation>
    </message>
    <message>
        <location filename="../../ui/views/conflicts_view.py" line="49"/>
        <source>Primary</source>
        <translation>首选</translation>
    </message>
    <message>
        <location filename="../../ui/views/conflicts_view.py" line="50"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../ui/views/conflicts_view.py" line="51"/>
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <location filename="../../ui/views/conflicts_view.py" line="52"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/views/conflicts_view.py" line="53"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../ui/views/conflicts_view.py" line="169"/>
        <source>{when}, version {version}</source>
        <translation>{when}，版本 {version}</translation>
    </message>
    <message>
        <location filename="../../ui/views/conflicts_view.py" line="155"/>
        <source>Arrives with the next sync</source>
        <translation>下次同步时获取</translation>
    </message>
    <message>
        <location filename="../../ui/views/conflicts_view.py" line="172"/>
        <source>the central database (import or administrator)</source>
        <translation>中心数据库（导入或管理员）</translation>
    </message>
    <message>
        <location filename="../../ui/views/conflicts_view.py" line="175"/>
        <source>{who}, {when}, version {version}</source>
        <translation>{who}，{when}，版本 {version}</translation>
    </message>
    <message>
        <location filename="../../ui/views/conflicts_view.py" line="201"/>
        <source>Your value is kept; it is sent with the next sync.</source>
        <translation>已保留您的值，将在下次同步时发送。</translation>
    </message>
    <message>
        <location filename="../../ui/views/conflicts_view.py" line="210"/>
        <source>The central value is kept on this laptop.</source>
        <translation>已在本机采用中心数据库的值。</translation>
    </message>
    <message>
        <location filename="../../ui/views/conflicts_view.py" line="223"/>
        <source>Not decided: {reason}</source>
        <translation>未能处理：{reason}</translation>
    </message>
    <message>
        <location filename="../../ui/views/conflicts_view.py" line="236"/>
        <source>Someone changed these records in the central database after you changed them here. Nothing was overwritten: decide for each one which value stays.</source>
        <translation>您在本机修改这些记录后，有人在中心数据库中也修改了它们。没有任何内容被覆盖：请逐条决定保留哪个值。</translation>
    </message>
    <message>
        <location filename="../../ui/views/conflicts_view.py" line="133"/>
        <source>Loan</source>
        <translation>贷款编号</translation>
    </message>
    <message>
        <location filename="../../ui/views/conflicts_view.py" line="135"/>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <location filename="../../ui/views/conflicts_view.py" line="137"/>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <location filename="../../ui/views/conflicts_view.py" line="145"/>
        <source>My value</source>
        <translation>我的值</translation>
    </message>
    <message>
        <location filename="../../ui/views/conflicts_view.py" line="151"/>
        <source>Central value</source>
        <translation>中心数据库的值</translation>
    </message>
    <message>
        <location filename="../../ui/views/conflicts_view.py" line="159"/>
        <source>Changed centrally</source>
        <translation>中心修改时间</translation>
    </message>
    <message>
        <location filename="../../ui/views/conflicts_view.py" line="243"/>
        <source>No conflicts to decide.</source>
        <translation>没有待处理的冲突。</translation>
    </message>
    <message>
        <location filename="../../ui/views/conflicts_view.py" line="244"/>
        <source>&amp;Keep mine</source>
        <translation>保留我的(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../ui/views/conflicts_view.py" line="246"/>
        <source>&amp;Take central value</source>
        <translation>采用中心数据库的值(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../ui/views/conflicts_view.py" line="267"/>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../ui/views/conflicts_view.py" line="269"/>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../../ui/views/conflicts_view.py" line="294"/>
        <source>Conflicts</source>
        <translation>冲突</translation>
    </message>
</context>
<context>
    <name>EarlyWarningView</name>
    <message>
        <location filename="../../ui/views/lead/early_warning_view.py" line="33"/>
        <source>Broken promise</source>
        <translation>承诺未兑现</translation>
    </message>
    <message>
        <location filename="../../ui/views/lead/early_warning_view.py" line="36"/>
        <source>Missed instalment</source>
        <translation>分期未还</translation>
    </message>
    <message>
        <location filename="../../ui/views/lead/early_warning_view.py" line="39"/>
        <source>Payments stopped</source>
        <translation>停止还款</translation>
    </message>
    <message>
        <location filename="../../ui/views/lead/early_warning_view.py" line="42"/>
        <source>Tier rise</source>
        <translation>风险等级上升</translation>
    </message>
    <message>
        <location filename="../../ui/views/lead/early_warning_view.py" line="90"/>
        <source>Warning</source>
        <translation>预警</translation>
    </message>
    <message>
        <location filename="../../ui/views/lead/early_warning_view.py" line="95"/>
        <source>Case</source>
        <translation>案件</translation>
    </message>
    <message>
        <location filename="../../ui/views/lead/early_warning_view.py" line="99"/>
        <source>Borrower</source>
        <translation>借款人</translation>
    </message>
    <message>
        <location filename="../../ui/views/lead/early_warning_view.py" line="103"/>
        <source>Collector</source>
        <translation>催收员</translation>
    </message>
    <message>
        <location filename="../../ui/views/lead/early_warning_view.py" line="107"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../ui/views/lead/early_warning_view.py" line="112"/>
        <source>Since</source>
        <translation>起始日期</translation>
    </message>
    <message>
        <location filename="../../ui/views/lead/early_warning_view.py" line="116"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../ui/views/lead/early_warning_view.py" line="156"/>
        <source>{total} warnings: {broken} broken promises, {missed} missed instalments, {stopped} payments stopped, {rises} tier rises.</source>
        <translation>共 {total} 条预警：承诺未兑现 {broken} 条，分期未还 {missed} 条，停止还款 {stopped} 条，风险等级上升 {rises} 条。</translation>
    </message>
    <message>
        <location filename="../../ui/views/lead/early_warning_view.py" line="176"/>
        <source>Early warning</source>
        <translation>预警</translation>
    </message>
    <message>
        <location filename="../../ui/views/lead/early_warning_view.py" line="177"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../ui/views/lead/early_warning_view.py" line="182"/>
        <source>All warnings</source>
        <translation>全部预警</translation>
    </message>
</context>
<context>
    <name>Formatting</name>
    <message>
        <location filename="../../ui/formatting.py" line="60"/>
        <source>{sentence} {next}</source>
        <comment>a sentence followed by the next</comment>
        <translation>{sentence}{next}</translation>
    </message>
</context>
<context>
    <name>ImportView</name>
    <message>
        <location filename="../../ui/views/lead/import_view.py" line="68"/>
        <source>Central database</source>
        <translation>中心数据库</translation>
    </message>
    <message>
        <location filename="../../ui/views/lead/import_view.py" line="69"/>
        <source>Password for the central database (kept for this session only):</source>
        <translation>中心数据库密码（仅在本次运行中保留）：</translation>
    </message>
    <message>
        <location filename="../../ui/views/lead/import_view.py" line="81"/>
        <source>Last import: {file}, {rows} rows ({created} new, {updated} updated).</source>
        <translation>上次导入：{file}，共 {rows} 行（新增 {created}，更新 {updated}）。</translation>
    </message>
    <message>
        <location filename="../../ui/views/lead/import_view.py" line="93"/>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../../ui/views/lead/import_view.py" line="95"/>
        <source>Bring the overdue portfolio or the payments of the core system into the central database: CSV (UTF-8, UTF-8 with BOM or GBK) or XLSX. Every row is checked first; a file with any problem imports nothing.</source>
        <translation>将核心系统的逾期资产或还款记录导入中心数据库：支持 CSV（UTF-8、带 BOM 的 UTF-8 或 GBK）或 XLSX。导入前会逐行检查；文件中只要有任何问题，就不会导入任何数据。</translation>
    </message>
    <message>
        <location filename="../../ui/views/lead/import_view.py" line="103"/>
        <source>Case columns: {cases}
Payment columns: {payments}</source>
        <translation>案件列：{cases}
还款列：{payments}</translation>
    </message>
    <message>
        <location filename="../../ui/views/lead/import_view.py" line="110"/>
        <source>Import a file…</source>
        <translation>导入文件…</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="44"/>
        <source>the value is missing</source>
        <translation>缺少值</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="45"/>
        <source>not an amount: {value}</source>
        <translation>不是有效金额：{value}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="46"/>
        <source>the amount is negative: {value}</source>
        <translation>金额为负数：{value}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="47"/>
        <source>the amount must be above zero: {value}</source>
        <translation>金额必须大于零：{value}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="48"/>
        <source>more than two decimals: {value}</source>
        <translation>小数超过两位：{value}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="49"/>
        <source>not a date: {value}</source>
        <translation>不是有效日期：{value}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="50"/>
        <source>not a time: {value}</source>
        <translation>不是有效时间：{value}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="51"/>
        <source>loan ref {loan_ref} is already in row {first_row}</source>
        <translation>贷款编号 {loan_ref} 已在第 {first_row} 行出现</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="54"/>
        <source>no collector is called {username}</source>
        <translation>没有名为 {username} 的催收员</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="55"/>
        <source>collector {username} is no longer active</source>
        <translation>催收员 {username} 已停用</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="58"/>
        <source>required column {field} is missing</source>
        <translation>缺少必填列 {field}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="59"/>
        <source>no case has loan ref {loan_ref}</source>
        <translation>没有贷款编号为 {loan_ref} 的案件</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="125"/>
        <source>Match columns by their headers</source>
        <translation>按表头匹配列</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="133"/>
        <source>Choose the file to import</source>
        <translation>选择要导入的文件</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="135"/>
        <source>Spreadsheets (*.csv *.xlsx *.xlsm);;All files (*)</source>
        <translation>电子表格 (*.csv *.xlsx *.xlsm);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="146"/>
        <source>The file</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="148"/>
        <source>A CSV (UTF-8, UTF-8 with BOM or GBK) or XLSX export of the core system.</source>
        <translation>核心系统导出的 CSV（UTF-8、带 BOM 的 UTF-8 或 GBK）或 XLSX 文件。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="153"/>
        <source>File:</source>
        <translation>文件：</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="154"/>
        <source>It holds:</source>
        <translation>内容：</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="155"/>
        <source>Column mapping:</source>
        <translation>列映射：</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="156"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="157"/>
        <source>Overdue cases</source>
        <translation>逾期案件</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="158"/>
        <source>Payments</source>
        <translation>还款记录</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="197"/>
        <source>— not imported —</source>
        <translation>— 不导入 —</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="205"/>
        <source>No column fills: {fields}. Choose one for each.</source>
        <translation>以下字段没有对应的列：{fields}。请为每个字段选择一列。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="232"/>
        <source>Mapping saved as “{name}”.</source>
        <translation>映射已保存为“{name}”。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="242"/>
        <source>Save the mapping</source>
        <translation>保存映射</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="243"/>
        <source>Name of the mapping:</source>
        <translation>映射名称：</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="257"/>
        <source>Columns</source>
        <translation>列</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="259"/>
        <source>Which field each column of the file fills.</source>
        <translation>文件中每一列对应的字段。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="261"/>
        <source>Save this mapping…</source>
        <translation>保存此映射…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="267"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="271"/>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="275"/>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="277"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="339"/>
        <source>{count} problems in {rows} rows: nothing will be imported until the file is corrected.</source>
        <translation>{rows} 行中有 {count} 个问题：修正文件之前不会导入任何数据。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="349"/>
        <source>{rows} rows read ({encoding}), no problem: {created} new, {updated} updated, {unchanged} unchanged.</source>
        <translation>已读取 {rows} 行（{encoding}），没有问题：新增 {created}，更新 {updated}，未变 {unchanged}。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="373"/>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="378"/>
        <source>Every row is checked; a file with any problem imports nothing.</source>
        <translation>已逐行检查；文件中只要有任何问题，就不会导入任何数据。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="400"/>
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="375"/>
        <location filename="../../ui/dialogs/import_wizard.py" line="407"/>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="409"/>
        <source>All rows are written in one transaction, or none.</source>
        <translation>所有行在同一事务中写入，要么全部成功，要么全部不写入。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="449"/>
        <source>Import a file</source>
        <translation>导入文件</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="476"/>
        <source>Cancelling: nothing will be imported…</source>
        <translation>正在取消：不会导入任何内容…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="493"/>
        <source>{rows} rows imported in {seconds} s: {created} new, {updated} updated, {unchanged} unchanged.</source>
        <translation>{seconds} 秒内导入 {rows} 行：新增 {created}，更新 {updated}，未变 {unchanged}。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="506"/>
        <source>{kept} promises kept, {paid} instalments paid, {settled} cases settled.</source>
        <translation>{kept} 个承诺已兑现，{paid} 期已还款，{settled} 件案件已结清。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="516"/>
        <source>The workspace could not sync: {error}</source>
        <translation>工作区无法同步：{error}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="521"/>
        <source>It was too late to cancel: the file had been written.</source>
        <translation>已来不及取消：文件已写入。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="533"/>
        <source>Cancelled: nothing was imported.</source>
        <translation>已取消：未导入任何内容。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="539"/>
        <source>{count} problems: nothing was imported.</source>
        <translation>{count} 个问题：未导入任何数据。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="545"/>
        <source>The import failed: {error}</source>
        <translation>导入失败：{error}</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../../ui/labels.py" line="16"/>
        <source>Open</source>
        <translation>待处理</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="17"/>
        <source>Promised</source>
        <translation>已承诺</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="18"/>
        <source>In plan</source>
        <translation>还款计划中</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="19"/>
        <source>Disputed</source>
        <translation>有争议</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="20"/>
        <source>Settled</source>
        <translation>已结清</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="21"/>
        <source>Closed</source>
        <translation>已关闭</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="25"/>
        <source>Current</source>
        <translation>未逾期</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="26"/>
        <source>1–30 days</source>
        <translation>1–30天</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="27"/>
        <source>31–60 days</source>
        <translation>31–60天</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="28"/>
        <source>61–90 days</source>
        <translation>61–90天</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="29"/>
        <source>91–180 days</source>
        <translation>91–180天</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="30"/>
        <source>Over 180 days</source>
        <translation>180天以上</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="34"/>
        <source>Met the borrower</source>
        <translation>见到借款人</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="35"/>
        <source>Met a relative or third party</source>
        <translation>见到亲属或第三方</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="36"/>
        <source>Not at home</source>
        <translation>不在家</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="37"/>
        <source>Refused</source>
        <translation>拒绝沟通</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="38"/>
        <source>Promised to pay</source>
        <translation>承诺还款</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="39"/>
        <source>Paid on site</source>
        <translation>现场还款</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="40"/>
        <source>Dispute</source>
        <translation>有异议</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="41"/>
        <source>Hardship</source>
        <translation>经济困难</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="42"/>
        <source>Moved away</source>
        <translation>已搬离</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="43"/>
        <source>Wrong address</source>
        <translation>地址错误</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="44"/>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="48"/>
        <location filename="../../ui/labels.py" line="91"/>
        <source>Visit</source>
        <translation>上门</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="49"/>
        <source>Phone call</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="50"/>
        <source>SMS</source>
        <translation>短信</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="51"/>
        <source>Letter</source>
        <translation>信函</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="55"/>
        <source>Planned</source>
        <translation>已计划</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="56"/>
        <source>Checked in</source>
        <translation>已签到</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="57"/>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="58"/>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="62"/>
        <source>Promise open</source>
        <translation>承诺待兑现</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="63"/>
        <source>Promise kept</source>
        <translation>承诺已兑现</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="64"/>
        <source>Promise broken</source>
        <translation>承诺未兑现</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="65"/>
        <source>Promise cancelled</source>
        <translation>承诺已取消</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="69"/>
        <source>Plan drafted</source>
        <translation>还款计划草稿</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="70"/>
        <source>Plan awaiting approval</source>
        <translation>还款计划待审批</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="71"/>
        <source>Plan approved</source>
        <translation>还款计划已批准</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="72"/>
        <source>Plan rejected</source>
        <translation>还款计划被驳回</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="73"/>
        <source>Plan signed</source>
        <translation>还款计划已签署</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="74"/>
        <source>Plan active</source>
        <translation>还款计划执行中</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="75"/>
        <source>Plan completed</source>
        <translation>还款计划已完成</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="76"/>
        <source>Plan broken</source>
        <translation>还款计划已违约</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="77"/>
        <source>Plan cancelled</source>
        <translation>还款计划已取消</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="81"/>
        <source>Payment by bank transfer</source>
        <translation>银行转账还款</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="82"/>
        <source>Payment by Alipay</source>
        <translation>支付宝还款</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="83"/>
        <source>Payment by WeChat Pay</source>
        <translation>微信支付还款</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="94"/>
        <source>Payment</source>
        <translation>还款</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="179"/>
        <source>the address has no known position</source>
        <translation>该地址没有已知位置</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="180"/>
        <source>its window lies outside the legal contact hours or your shift</source>
        <translation>约定时段不在合规联系时间或您的工作时间内</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="183"/>
        <source>it cannot be reached within its window and your shift</source>
        <translation>无法在约定时段和工作时间内到达</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="186"/>
        <source>the day is full: the visits planned were more urgent or nearer</source>
        <translation>当天已排满：已安排的上门更紧急或更近</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="189"/>
        <source>it needs a skill you do not have</source>
        <translation>需要您不具备的技能</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="90"/>
        <source>Contact</source>
        <translation>联系</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="84"/>
        <source>Payment at a bank counter</source>
        <translation>银行柜台还款</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="85"/>
        <source>Payment by automatic debit</source>
        <translation>自动扣款</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="86"/>
        <source>Payment collected on site</source>
        <translation>现场收款</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="92"/>
        <source>Promise</source>
        <translation>承诺</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="93"/>
        <source>Plan</source>
        <translation>还款计划</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="98"/>
        <source>Mobile</source>
        <translation>手机</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="99"/>
        <source>Home phone</source>
        <translation>住宅电话</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="100"/>
        <source>Work phone</source>
        <translation>单位电话</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="101"/>
        <source>Relative&apos;s phone</source>
        <translation>亲属电话</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="105"/>
        <source>Home</source>
        <translation>住址</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="106"/>
        <source>Workplace</source>
        <translation>单位地址</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="107"/>
        <source>Registered address</source>
        <translation>户籍地址</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="108"/>
        <source>Other address</source>
        <translation>其他地址</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="112"/>
        <source>Dog on the premises</source>
        <translation>有狗</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="113"/>
        <source>Aggressive in the past</source>
        <translation>曾有过激行为</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="114"/>
        <source>Visit in pairs</source>
        <translation>需两人同行</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="115"/>
        <source>Remote location</source>
        <translation>地点偏远</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="120"/>
        <source>{days} days past due (+{points})</source>
        <translation>逾期{days}天（+{points}）</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="121"/>
        <source>{amount} yuan outstanding (+{points})</source>
        <translation>欠款{amount}元（+{points}）</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="122"/>
        <source>{count} broken promises to pay (+{points})</source>
        <translation>{count}次承诺还款未兑现（+{points}）</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="123"/>
        <source>No payment ever received (+{points})</source>
        <translation>从未还款（+{points}）</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="124"/>
        <source>Last payment {days} days ago (+{points})</source>
        <translation>最近一次还款在{days}天前（+{points}）</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="125"/>
        <source>Reached nobody in {attempts} attempts in 30 days (+{points})</source>
        <translation>30天内{attempts}次联系均未联系到人（+{points}）</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="128"/>
        <source>No contact attempt in 30 days (+{points})</source>
        <translation>30天内没有联系记录（+{points}）</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="133"/>
        <source>{local_time} in {timezone} is outside the allowed contact hours {earliest}–{latest} ({profile}); only the borrower&apos;s consent allows it</source>
        <translation>借款人当地时间{local_time}（{timezone}）不在允许的联系时段{earliest}–{latest}内（{profile}）；仅在借款人同意时可以联系</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="138"/>
        <source>{unanswered} unanswered calls to this number on {day} already: at most {limit} a day ({profile})</source>
        <translation>{day}已对该号码拨打{unanswered}次未接通：每日最多{limit}次（{profile}）</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="143"/>
        <source>This would be call {calls} about this debt between {first_day} and {last_day}: at most {limit} in {days} days ({profile})</source>
        <translation>这将是{first_day}至{last_day}期间关于该笔欠款的第{calls}次来电：{days}天内最多{limit}次（{profile}）</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="148"/>
        <source>A third party was reached: do not disclose the debt or the borrower&apos;s finances ({profile})</source>
        <translation>接触到第三方：不得透露欠款或借款人的财务信息（{profile}）</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="157"/>
        <source>Only a planned visit can be checked in.</source>
        <translation>只有已计划的上门才能签到。</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="158"/>
        <source>Check in before you go on.</source>
        <translation>请先签到。</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="159"/>
        <source>The check-out time is before the check-in time.</source>
        <translation>签退时间早于签到时间。</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="162"/>
        <source>The visit window ends ({end}) before it starts ({start}).</source>
        <translation>上门时段的结束时间（{end}）早于开始时间（{start}）。</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="165"/>
        <source>Enter the amount promised.</source>
        <translation>请填写承诺还款金额。</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="166"/>
        <source>The amount promised must be above zero.</source>
        <translation>承诺还款金额必须大于零。</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="169"/>
        <source>Enter the date the borrower will pay by.</source>
        <translation>请填写借款人承诺的还款日期。</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="172"/>
        <source>The promised date {promised_date} is before the day of the contact.</source>
        <translation>承诺还款日期{promised_date}早于本次联系的日期。</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <location filename="../../ui/auto_lock.py" line="83"/>
        <source>FieldCollect is locked</source>
        <translation>FieldCollect 已锁定</translation>
    </message>
    <message>
        <location filename="../../ui/auto_lock.py" line="86"/>
        <source>Locked after a while without use. Enter the password of {user}.</source>
        <translation>长时间未操作，已锁定。请输入 {user} 的密码。</translation>
    </message>
    <message>
        <location filename="../../ui/auto_lock.py" line="90"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../ui/auto_lock.py" line="94"/>
        <source>Locked after a while without use. This workspace keeps no password: enter your login name.</source>
        <translation>长时间未操作，已锁定。此工作区未设置密码：请输入您的登录名。</translation>
    </message>
    <message>
        <location filename="../../ui/auto_lock.py" line="98"/>
        <source>Login name</source>
        <translation>登录名</translation>
    </message>
    <message>
        <location filename="../../ui/auto_lock.py" line="99"/>
        <source>&amp;Unlock</source>
        <translation>解锁(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../ui/auto_lock.py" line="101"/>
        <source>Wrong password. Try again.</source>
        <translation>密码错误，请重试。</translation>
    </message>
    <message>
        <location filename="../../ui/auto_lock.py" line="103"/>
        <source>Wrong login name. Try again.</source>
        <translation>登录名错误，请重试。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="50"/>
        <source>Field collector</source>
        <translation>外访催收员</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="51"/>
        <source>Team lead</source>
        <translation>组长</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="52"/>
        <source>Administrator</source>
        <translation>管理员</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="104"/>
        <source>Map</source>
        <translation>地图</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="105"/>
        <source>Agreements</source>
        <translation>协议</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="102"/>
        <source>Today</source>
        <translation>今日</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="103"/>
        <source>Cases</source>
        <translation>案件</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="106"/>
        <source>Sync</source>
        <translation>同步</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="199"/>
        <source>Team board</source>
        <translation>团队看板</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="200"/>
        <source>Assignment</source>
        <translation>案件分配</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="201"/>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="202"/>
        <source>Early warning</source>
        <translation>预警</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="203"/>
        <source>Reports</source>
        <translation>报表</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="280"/>
        <source>● Online</source>
        <translation>● 在线</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="282"/>
        <source>○ Offline</source>
        <translation>○ 离线</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="286"/>
        <source>Never synced</source>
        <translation>从未同步</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="289"/>
        <source>Last sync {when}</source>
        <translation>上次同步 {when}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="294"/>
        <source>{count} changes waiting</source>
        <translation>{count} 项更改待同步</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="374"/>
        <source>About FieldCollect</source>
        <translation>关于 FieldCollect</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="375"/>
        <source>FieldCollect {version}
Offline-first field collection.</source>
        <translation>FieldCollect {version}
离线优先的外访催收应用。</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="382"/>
        <source>FieldCollect</source>
        <translation>FieldCollect 外访催收</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="386"/>
        <source>FieldCollect — {name} ({role})</source>
        <translation>FieldCollect 外访催收 — {name}（{role}）</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="392"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="393"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="394"/>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="395"/>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="397"/>
        <source>System language</source>
        <translation>跟随系统语言</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="399"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="400"/>
        <source>&amp;About FieldCollect</source>
        <translation>关于 FieldCollect(&amp;A)</translation>
    </message>
</context>
<context>
    <name>MapView</name>
    <message>
        <location filename="../../ui/views/map_view.py" line="150"/>
        <location filename="../../ui/views/map_view.py" line="374"/>
        <source>Tier {tier}</source>
        <translation>{tier}级</translation>
    </message>
    <message>
        <location filename="../../ui/views/map_view.py" line="155"/>
        <source>Route</source>
        <translation>路线</translation>
    </message>
    <message>
        <location filename="../../ui/views/map_view.py" line="373"/>
        <source>Outstanding {amount}</source>
        <translation>欠款 {amount}</translation>
    </message>
    <message>
        <location filename="../../ui/views/map_view.py" line="375"/>
        <source>Stop {number}</source>
        <translation>第{number}站</translation>
    </message>
    <message>
        <location filename="../../ui/views/map_view.py" line="385"/>
        <source>Loading the map…</source>
        <translation>正在加载地图…</translation>
    </message>
    <message>
        <location filename="../../ui/views/map_view.py" line="390"/>
        <source>The map could not be shown.</source>
        <translation>无法显示地图。</translation>
    </message>
    <message>
        <location filename="../../ui/views/map_view.py" line="393"/>
        <source>{cases} cases on the map · {stops} stops on the route of {day}</source>
        <translation>地图上 {cases} 件案件 · {day} 路线共 {stops} 站</translation>
    </message>
    <message>
        <location filename="../../ui/views/map_view.py" line="397"/>
        <source>{count} cases without a known location</source>
        <translation>{count} 件案件没有已知位置</translation>
    </message>
    <message>
        <location filename="../../ui/views/map_view.py" line="401"/>
        <source>{count} visits without a known location are not on the route</source>
        <translation>{count} 次上门没有已知位置，未列入路线</translation>
    </message>
    <message>
        <location filename="../../ui/views/map_view.py" line="408"/>
        <source>No map tiles are set: cases and the route are drawn on a plain background.</source>
        <translation>未设置地图底图：案件和路线绘制在空白背景上。</translation>
    </message>
    <message>
        <location filename="../../ui/views/map_view.py" line="416"/>
        <source>Reload</source>
        <translation>重新加载</translation>
    </message>
</context>
<context>
    <name>OutcomeDialog</name>
    <message>
        <location filename="../../ui/dialogs/outcome_dialog.py" line="82"/>
        <source>Outcome of the visit to {borrower}</source>
        <translation>上门结果：{borrower}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/outcome_dialog.py" line="84"/>
        <source>Call or SMS to {borrower}</source>
        <translation>致电或短信：{borrower}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/outcome_dialog.py" line="94"/>
        <source>{number} ({kind})</source>
        <translation>{number}（{kind}）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/outcome_dialog.py" line="129"/>
        <source>C&amp;hannel</source>
        <translation>方式(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/outcome_dialog.py" line="130"/>
        <source>Pho&amp;ne number</source>
        <translation>电话号码(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/outcome_dialog.py" line="131"/>
        <source>&amp;Outcome</source>
        <translation>结果(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/outcome_dialog.py" line="132"/>
        <source>&amp;Person met</source>
        <translation>接触人(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/outcome_dialog.py" line="133"/>
        <source>&amp;Notes</source>
        <translation>备注(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/outcome_dialog.py" line="134"/>
        <source>Ne&amp;xt action on</source>
        <translation>下次跟进日期(&amp;X)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/outcome_dialog.py" line="135"/>
        <source>Promised &amp;amount (yuan)</source>
        <translation>承诺金额（元）(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/outcome_dialog.py" line="136"/>
        <source>Promised &amp;by</source>
        <translation>承诺还款日期(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/outcome_dialog.py" line="137"/>
        <source>Borrower&apos;s &amp;consent</source>
        <translation>借款人同意说明(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/outcome_dialog.py" line="139"/>
        <source>Only for a contact outside the allowed hours</source>
        <translation>仅在允许时段以外联系时填写</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/outcome_dialog.py" line="170"/>
        <source>The notes may read as threatening or abusive ({terms}). Reword them, or press Save again to keep them as they are.</source>
        <translation>备注中可能含有威胁或辱骂性用语（{terms}）。请修改措辞，或再次点击“保存”按原样保存。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/outcome_dialog.py" line="174"/>
        <source>, </source>
        <translation>、</translation>
    </message>
</context>
<context>
    <name>PlanEditorDialog</name>
    <message>
        <location filename="../../ui/dialogs/plan_editor_dialog.py" line="59"/>
        <source>The {field} may not be negative ({amount}).</source>
        <translation>{field}不能为负数（{amount}）。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/plan_editor_dialog.py" line="62"/>
        <source>The waiver of {waiver} is more than the interest and penalty of {interest_and_penalty}; principal cannot be waived.</source>
        <translation>减免金额{waiver}超过利息和罚息合计{interest_and_penalty}；本金不能减免。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/plan_editor_dialog.py" line="67"/>
        <source>The waiver is {waiver_pct}% of interest and penalty, above your authority of {authority_pct}%: a team lead must approve the plan before it is signed.</source>
        <translation>减免额为利息和罚息的{waiver_pct}%，超出您{authority_pct}%的权限：签署前须经组长批准。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/plan_editor_dialog.py" line="72"/>
        <source>An instalment of {amount} is below the minimum of {minimum}; choose fewer instalments or a larger down payment.</source>
        <translation>每期金额{amount}低于最低金额{minimum}；请减少期数或提高首付款。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/plan_editor_dialog.py" line="77"/>
        <source>The plan runs {months} months, longer than the maximum of {max_months} months.</source>
        <translation>计划期限为{months}个月，超过最长{max_months}个月。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/plan_editor_dialog.py" line="81"/>
        <source>The down payment of {down_payment} is more than the agreed total of {agreed_total}.</source>
        <translation>首付款{down_payment}超过约定总额{agreed_total}。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/plan_editor_dialog.py" line="85"/>
        <source>A down payment of {down_payment} needs a payment date.</source>
        <translation>首付款{down_payment}需要填写付款日期。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/plan_editor_dialog.py" line="88"/>
        <source>The down payment date {down_payment_date} must come before the first due date {first_due_date}.</source>
        <translation>首付款日期{down_payment_date}必须早于首期还款日{first_due_date}。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/plan_editor_dialog.py" line="93"/>
        <source>A plan needs at least one instalment.</source>
        <translation>还款计划至少需要一期。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/plan_editor_dialog.py" line="96"/>
        <source>Instalment {seq} is due on {due_date}, a non-working day; it could not be moved without passing a neighbouring instalment.</source>
        <translation>第{seq}期到期日{due_date}为非工作日，顺延会越过相邻一期，无法调整。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/plan_editor_dialog.py" line="101"/>
        <source>The case is {status}: it takes no new plan.</source>
        <translation>案件状态为{status}：不能新建还款计划。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/plan_editor_dialog.py" line="104"/>
        <source>The date {date} is in the past (today is {today}).</source>
        <translation>日期{date}已过（今天是{today}）。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/plan_editor_dialog.py" line="107"/>
        <source>Loan {loan_ref} already has a plan in force; signing this one replaces it.</source>
        <translation>贷款{loan_ref}已有执行中的还款计划；签署本计划将取而代之。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/plan_editor_dialog.py" line="111"/>
        <source>This plan is no longer in the workspace.</source>
        <translation>该还款计划已不在工作区中。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/plan_editor_dialog.py" line="114"/>
        <source>This case is no longer in the workspace.</source>
        <translation>该案件已不在工作区中。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/plan_editor_dialog.py" line="117"/>
        <source>The plan is signed and can no longer change; make a new plan instead.</source>
        <translation>该计划已签署，不能再修改；请新建计划。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/plan_editor_dialog.py" line="121"/>
        <source>The plan was withdrawn; make a new plan instead.</source>
        <translation>该计划已撤回；请新建计划。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/plan_editor_dialog.py" line="124"/>
        <source>A team lead rejected the plan: {reason}</source>
        <translation>组长驳回了该计划：{reason}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/plan_editor_dialog.py" line="127"/>
        <source>The waiver is {waiver_pct}% of interest and penalty, beyond the authority of {authority_pct}%: the plan awaits a team lead&apos;s approval and cannot be signed yet.</source>
        <translation>减免额为利息和罚息的{waiver_pct}%，超出{authority_pct}%的权限：该计划正等待组长审批，暂不能签署。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/plan_editor_dialog.py" line="132"/>
        <source>The {who} has not signed yet.</source>
        <translation>{who}尚未签名。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/plan_editor_dialog.py" line="133"/>
        <source>The {who}&apos;s signature could not be read; please sign again.</source>
        <translation>无法读取{who}的签名，请重新签名。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/plan_editor_dialog.py" line="136"/>
        <source>Only a team lead or an administrator approves or rejects plans.</source>
        <translation>只有组长或管理员可以批准或驳回还款计划。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/plan_editor_dialog.py" line="139"/>
        <source>The plan is no longer awaiting approval.</source>
        <translation>该计划已不在待审批状态。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/plan_editor_dialog.py" line="142"/>
        <source>A plan you proposed is approved or rejected by someone else.</source>
        <translation>您提出的计划须由他人批准或驳回。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/plan_editor_dialog.py" line="145"/>
        <source>Give a reason for the decision.</source>
        <translation>请填写审批理由。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/plan_editor_dialog.py" line="146"/>
        <source>This plan has no signed agreement stored.</source>
        <translation>该计划没有已保存的签署协议。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/plan_editor_dialog.py" line="149"/>
        <source>Could not write {path}: {reason}</source>
        <translation>无法写入 {path}：{reason}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/plan_editor_dialog.py" line="150"/>
        <source>Could not read {path}: {reason}</source>
        <translation>无法读取 {path}：{reason}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/plan_editor_dialog.py" line="155"/>
        <source>principal</source>
        <translation>本金</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/plan_editor_dialog.py" line="156"/>
        <source>interest</source>
        <translation>利息</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/plan_editor_dialog.py" line="157"/>
        <source>penalty</source>
        <translation>罚息</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/plan_editor_dialog.py" line="158"/>
        <source>waiver</source>
        <translation>减免金额</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/plan_editor_dialog.py" line="159"/>
        <source>down payment</source>
        <translation>首付款</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/plan_editor_dialog.py" line="160"/>
        <source>borrower</source>
        <translation>借款人</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/plan_editor_dialog.py" line="161"/>
        <source>collector</source>
        <translation>催收员</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/plan_editor_dialog.py" line="165"/>
        <source>Weekly</source>
        <translation>每周</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/plan_editor_dialog.py" line="166"/>
        <source>Every two weeks</source>
        <translation>每两周</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/plan_editor_dialog.py" line="167"/>
        <source>Monthly</source>
        <translation>每月</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/plan_editor_dialog.py" line="226"/>
        <source>Down payment</source>
        <translation>首付款</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/plan_editor_dialog.py" line="431"/>
        <source>Agreed total: {amount} yuan</source>
        <translation>约定总额：{amount}元</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/plan_editor_dialog.py" line="436"/>
        <source>Instalments add up to: {amount} yuan</source>
        <translation>各期合计：{amount}元</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/plan_editor_dialog.py" line="443"/>
        <source>Waiver: {waiver} yuan, {waiver_pct}% of interest and penalty (your authority: {authority_pct}%)</source>
        <translation>减免：{waiver}元，占利息和罚息的{waiver_pct}%（您的权限：{authority_pct}%）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/plan_editor_dialog.py" line="481"/>
        <source>Saved as a draft: ready to sign.</source>
        <translation>已保存为草稿：可以签署。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/plan_editor_dialog.py" line="483"/>
        <source>Saved, awaiting a team lead&apos;s approval: it can be signed once approved (after the next sync).</source>
        <translation>已保存，等待组长审批：批准后（下次同步后）即可签署。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/plan_editor_dialog.py" line="500"/>
        <source>Repayment plan for {borrower}</source>
        <translation>还款计划：{borrower}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/plan_editor_dialog.py" line="505"/>
        <source>Principal</source>
        <translation>本金</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/plan_editor_dialog.py" line="506"/>
        <source>Interest</source>
        <translation>利息</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/plan_editor_dialog.py" line="507"/>
        <source>Penalty</source>
        <translation>罚息</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/plan_editor_dialog.py" line="508"/>
        <source>&amp;Waiver</source>
        <translation>减免(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/plan_editor_dialog.py" line="509"/>
        <source>&amp;Down payment (yuan)</source>
        <translation>首付款（元）(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/plan_editor_dialog.py" line="510"/>
        <source>&amp;Instalments</source>
        <translation>期数(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/plan_editor_dialog.py" line="511"/>
        <source>&amp;Frequency</source>
        <translation>还款频率(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/plan_editor_dialog.py" line="512"/>
        <source>First &amp;due date</source>
        <translation>首期还款日(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/plan_editor_dialog.py" line="520"/>
        <source>on</source>
        <translation>于</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/plan_editor_dialog.py" line="521"/>
        <source>yuan</source>
        <translation>元</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/plan_editor_dialog.py" line="522"/>
        <source>% of interest and penalty</source>
        <translation>% （占利息和罚息）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/plan_editor_dialog.py" line="224"/>
        <source>No.</source>
        <translation>期次</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/plan_editor_dialog.py" line="230"/>
        <source>Due date</source>
        <translation>到期日</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/plan_editor_dialog.py" line="234"/>
        <source>Amount (yuan)</source>
        <translation>金额（元）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/plan_editor_dialog.py" line="526"/>
        <source>&amp;Save draft</source>
        <translation>保存草稿(&amp;S)</translation>
    </message>
</context>
<context>
    <name>PlanVisitDialog</name>
    <message>
        <location filename="../../ui/dialogs/plan_visit_dialog.py" line="45"/>
        <source>Plan a visit to {borrower}</source>
        <translation>安排上门：{borrower}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/plan_visit_dialog.py" line="56"/>
        <source>{kind}: {address}</source>
        <translation>{kind}：{address}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/plan_visit_dialog.py" line="70"/>
        <source>&amp;Day</source>
        <translation>日期(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/plan_visit_dialog.py" line="71"/>
        <source>&amp;From (local time)</source>
        <translation>开始（当地时间）(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/plan_visit_dialog.py" line="72"/>
        <source>&amp;Until</source>
        <translation>结束(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/plan_visit_dialog.py" line="73"/>
        <source>&amp;Address</source>
        <translation>地址(&amp;A)</translation>
    </message>
</context>
<context>
    <name>ReportsView</name>
    <message>
        <location filename="../../ui/views/lead/reports_view.py" line="184"/>
        <source>All teams</source>
        <translation>全部团队</translation>
    </message>
    <message>
        <location filename="../../ui/views/lead/reports_view.py" line="188"/>
        <source>All collectors</source>
        <translation>全部催收员</translation>
    </message>
    <message>
        <location filename="../../ui/views/lead/reports_view.py" line="226"/>
        <source>Recovered</source>
        <translation>回收金额</translation>
    </message>
    <message>
        <location filename="../../ui/views/lead/reports_view.py" line="230"/>
        <source>Recovery rate</source>
        <translation>回收率</translation>
    </message>
    <message>
        <location filename="../../ui/views/lead/reports_view.py" line="234"/>
        <source>Promises kept</source>
        <translation>承诺兑现率</translation>
    </message>
    <message>
        <location filename="../../ui/views/lead/reports_view.py" line="238"/>
        <source>Contact success</source>
        <translation>联系成功率</translation>
    </message>
    <message>
        <location filename="../../ui/views/lead/reports_view.py" line="242"/>
        <location filename="../../ui/views/lead/reports_view.py" line="331"/>
        <source>Travel cost</source>
        <translation>出行成本</translation>
    </message>
    <message>
        <location filename="../../ui/views/lead/reports_view.py" line="246"/>
        <source>Cost per yuan recovered</source>
        <translation>每回收一元的成本</translation>
    </message>
    <message>
        <location filename="../../ui/views/lead/reports_view.py" line="270"/>
        <source>Cases by age at each month end</source>
        <translation>各月末案件账龄分布</translation>
    </message>
    <message>
        <location filename="../../ui/views/lead/reports_view.py" line="291"/>
        <source>Completed visits per collector per day</source>
        <translation>催收员日均完成上门数</translation>
    </message>
    <message>
        <location filename="../../ui/views/lead/reports_view.py" line="294"/>
        <source>Visits a day</source>
        <translation>日均上门</translation>
    </message>
    <message>
        <location filename="../../ui/views/lead/reports_view.py" line="306"/>
        <source>Contacts by outcome (success {rate})</source>
        <translation>联系结果分布（成功率 {rate}）</translation>
    </message>
    <message>
        <location filename="../../ui/views/lead/reports_view.py" line="324"/>
        <source>Travel cost per collector (yuan)</source>
        <translation>催收员出行成本（元）</translation>
    </message>
    <message>
        <location filename="../../ui/views/lead/reports_view.py" line="326"/>
        <source>Travel cost per collector: no planned route in the period</source>
        <translation>催收员出行成本：统计期间内没有规划的路线</translation>
    </message>
    <message>
        <location filename="../../ui/views/lead/reports_view.py" line="371"/>
        <source>Roll rates need two month ends in the period.</source>
        <translation>计算账龄迁徙率需要统计期间内包含两个月末。</translation>
    </message>
    <message>
        <location filename="../../ui/views/lead/reports_view.py" line="381"/>
        <source>Roll rates from {start} to {end}</source>
        <translation>账龄迁徙率：{start} 至 {end}</translation>
    </message>
    <message>
        <location filename="../../ui/views/lead/reports_view.py" line="389"/>
        <source>Closed</source>
        <translation>已结清</translation>
    </message>
    <message>
        <location filename="../../ui/views/lead/reports_view.py" line="408"/>
        <source>From \ to</source>
        <translation>原账龄段 \ 新账龄段</translation>
    </message>
    <message>
        <location filename="../../ui/views/lead/reports_view.py" line="439"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../ui/views/lead/reports_view.py" line="441"/>
        <source>PDF document (*.pdf)</source>
        <translation>PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/views/lead/reports_view.py" line="445"/>
        <source>Export the report</source>
        <translation>导出报表</translation>
    </message>
    <message>
        <location filename="../../ui/views/lead/reports_view.py" line="457"/>
        <source>Report written to {path}</source>
        <translation>报表已保存到 {path}</translation>
    </message>
    <message>
        <location filename="../../ui/views/lead/reports_view.py" line="465"/>
        <source>Reports</source>
        <translation>报表</translation>
    </message>
    <message>
        <location filename="../../ui/views/lead/reports_view.py" line="466"/>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <location filename="../../ui/views/lead/reports_view.py" line="467"/>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <location filename="../../ui/views/lead/reports_view.py" line="468"/>
        <source>Show</source>
        <translation>查询</translation>
    </message>
    <message>
        <location filename="../../ui/views/lead/reports_view.py" line="469"/>
        <source>Export XLSX</source>
        <translation>导出 XLSX</translation>
    </message>
    <message>
        <location filename="../../ui/views/lead/reports_view.py" line="470"/>
        <source>Export PDF</source>
        <translation>导出 PDF</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../ui/dialogs/settings_dialog.py" line="32"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/settings_dialog.py" line="33"/>
        <source>Contact rules</source>
        <translation>联系规则</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/settings_dialog.py" line="34"/>
        <source>Days of grace before a promise counts as broken</source>
        <translation>承诺还款宽限天数（超过即视为未兑现）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/settings_dialog.py" line="37"/>
        <source>Sync automatically when the server is reachable</source>
        <translation>可连接服务器时自动同步</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/settings_dialog.py" line="40"/>
        <source>Lock after this many idle minutes (0: never)</source>
        <translation>闲置多少分钟后锁定（0：从不）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/settings_dialog.py" line="43"/>
        <source>Largest attachment file synced (MB)</source>
        <translation>同步附件的最大文件大小（MB）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/settings_dialog.py" line="44"/>
        <source>Travel cost per km (yuan)</source>
        <translation>每公里出行费用（元）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/settings_dialog.py" line="45"/>
        <source>Collector&apos;s hourly rate (yuan)</source>
        <translation>催收员时薪（元）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/settings_dialog.py" line="46"/>
        <source>Map background</source>
        <translation>地图底图</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/settings_dialog.py" line="47"/>
        <source>Online map tiles (URL with {z}, {x} and {y})</source>
        <translation>在线地图瓦片（URL 含 {z}、{x} 和 {y}）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/settings_dialog.py" line="50"/>
        <source>Offline map tiles (.mbtiles file)</source>
        <translation>离线地图瓦片（.mbtiles 文件）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/settings_dialog.py" line="51"/>
        <source>OSRM server for road travel times (URL; empty: estimate)</source>
        <translation>OSRM 道路行程时间服务器（URL；留空则估算）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/settings_dialog.py" line="54"/>
        <source>Seconds the route planner may take</source>
        <translation>路线规划可用秒数</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/settings_dialog.py" line="55"/>
        <source>Cores the route planner may use (0: all)</source>
        <translation>路线规划可用 CPU 核数（0：全部）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/settings_dialog.py" line="60"/>
        <source>System language</source>
        <translation>跟随系统语言</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/settings_dialog.py" line="63"/>
        <source>China (CN): 08:00–22:00, 6 unanswered calls a day</source>
        <translation>中国（CN）：08:00–22:00，每日未接通来电不超过6次</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/settings_dialog.py" line="64"/>
        <source>United States (US): 08:00–21:00, 7 calls in 7 days</source>
        <translation>美国（US）：08:00–21:00，7天内不超过7次来电</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/settings_dialog.py" line="65"/>
        <source>United Kingdom (UK): 08:00–21:00</source>
        <translation>英国（UK）：08:00–21:00</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/settings_dialog.py" line="66"/>
        <source>None: markers and routes on a plain background</source>
        <translation>无：在空白背景上显示标记和路线</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/settings_dialog.py" line="67"/>
        <source>Online tiles</source>
        <translation>在线瓦片</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/settings_dialog.py" line="68"/>
        <source>Offline tiles from an .mbtiles file</source>
        <translation>来自 .mbtiles 文件的离线瓦片</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/settings_dialog.py" line="129"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
</context>
<context>
    <name>SignaturePad</name>
    <message>
        <location filename="../../ui/widgets/signature_pad.py" line="278"/>
        <source>Sign here</source>
        <translation>请在此签名</translation>
    </message>
</context>
<context>
    <name>SigningDialog</name>
    <message>
        <location filename="../../ui/dialogs/signing_dialog.py" line="180"/>
        <source>Signed. Agreement {agreement_id} is stored with both signatures; the plan is now in force. Print it for the borrower from Agreements.</source>
        <translation>已签署。协议{agreement_id}已连同双方签名保存，还款计划开始执行。请在“协议”中为借款人打印。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/signing_dialog.py" line="189"/>
        <source>Sign the repayment plan with {borrower}</source>
        <translation>与{borrower}签署还款计划</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/signing_dialog.py" line="195"/>
        <source>Loan {loan_ref}: {total} yuan in {count} instalments. Both parties sign below; the agreement is printed with their signatures.</source>
        <translation>贷款{loan_ref}：{total}元，分{count}期。双方在下方签名，协议将连同签名打印。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/signing_dialog.py" line="206"/>
        <source>Borrower: {name}</source>
        <translation>借款人：{name}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/signing_dialog.py" line="209"/>
        <source>Collector: {name}</source>
        <translation>催收员：{name}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/signing_dialog.py" line="212"/>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/signing_dialog.py" line="214"/>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/signing_dialog.py" line="215"/>
        <source>Signed &amp;at (place)</source>
        <translation>签署地点(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/signing_dialog.py" line="216"/>
        <source>&amp;Sign</source>
        <translation>签署(&amp;S)</translation>
    </message>
</context>
<context>
    <name>SuggestDialog</name>
    <message>
        <location filename="../../ui/dialogs/suggest_dialog.py" line="44"/>
        <source>no time that day within the borrower&apos;s hours and the legal hours</source>
        <translation>当天在借款人可见时间和法定联系时段内没有可用时间</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/suggest_dialog.py" line="47"/>
        <source>cannot be reached within its hours and your shift</source>
        <translation>在其时段和您的班次内无法到达</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/suggest_dialog.py" line="50"/>
        <source>the day is full with riskier cases or cases nearer each other</source>
        <translation>当天已排满风险更高或彼此更近的案件</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/suggest_dialog.py" line="53"/>
        <source>lower priority than the cases offered</source>
        <translation>优先级低于已纳入考虑的案件</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/suggest_dialog.py" line="61"/>
        <source>{km} km from your start</source>
        <translation>距出发点 {km} 公里</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/suggest_dialog.py" line="63"/>
        <source>{km} km from the previous stop</source>
        <translation>距上一站 {km} 公里</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/suggest_dialog.py" line="64"/>
        <source>tier {tier}, {owed} owed, {where}</source>
        <translation>{tier}级，欠款 {owed}，{where}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/suggest_dialog.py" line="100"/>
        <source>Suggested visits for {day}</source>
        <translation>{day} 的建议外访</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/suggest_dialog.py" line="138"/>
        <source>Loan ref</source>
        <translation>贷款编号</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/suggest_dialog.py" line="143"/>
        <source>Borrower</source>
        <translation>借款人</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/suggest_dialog.py" line="144"/>
        <source>Tier</source>
        <translation>等级</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/suggest_dialog.py" line="146"/>
        <source>Owed</source>
        <translation>欠款</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/suggest_dialog.py" line="151"/>
        <source>District</source>
        <translation>区域</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/suggest_dialog.py" line="153"/>
        <source>Why</source>
        <translation>理由</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/suggest_dialog.py" line="119"/>
        <source>&amp;Add to my day</source>
        <translation>加入我的日程(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/suggest_dialog.py" line="160"/>
        <source>Choosing the cases worth visiting…</source>
        <translation>正在挑选值得外访的案件…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/suggest_dialog.py" line="179"/>
        <source>Something went wrong: {error}</source>
        <translation>出错了：{error}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/suggest_dialog.py" line="225"/>
        <source>No case can be suggested for this day (room for {room} visits).</source>
        <translation>当天没有可建议的案件（还可安排 {room} 次外访）。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/suggest_dialog.py" line="229"/>
        <source>{count} cases suggested in route order, {km} km from home and back. Uncheck those you do not want.</source>
        <translation>按路线顺序建议 {count} 件案件，往返共 {km} 公里。取消勾选不需要的案件。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/suggest_dialog.py" line="239"/>
        <source>Not suggested ({count}): {reason}</source>
        <translation>未建议（{count}）：{reason}</translation>
    </message>
</context>
<context>
    <name>SyncView</name>
    <message>
        <location filename="../../ui/views/sync_view.py" line="364"/>
        <source>No central database yet: log in to sync</source>
        <translation>尚未连接中心数据库：请登录后同步</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="368"/>
        <source>The demo&apos;s embedded central database ({url})</source>
        <translation>演示用内置中心数据库（{url}）</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="375"/>
        <source>Reachable</source>
        <translation>可连接</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="377"/>
        <source>Not reachable (offline)</source>
        <translation>无法连接（离线）</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="380"/>
        <source>{count} changes</source>
        <translation>{count} 项更改</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="387"/>
        <source>Never</source>
        <translation>从未</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="208"/>
        <location filename="../../ui/views/sync_view.py" line="392"/>
        <source>Sync</source>
        <translation>同步</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="46"/>
        <source>Did not finish</source>
        <translation>未完成</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="47"/>
        <source>Completed</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="48"/>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="49"/>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="209"/>
        <source>Password for the central database (kept for this session only):</source>
        <translation>中心数据库密码（仅在本次运行中保留）：</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="222"/>
        <location filename="../../ui/views/sync_view.py" line="273"/>
        <source>Syncing…</source>
        <translation>正在同步…</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="248"/>
        <source>Cancelling… the sync stops after the batch it is on.</source>
        <translation>正在取消… 同步将在当前批次完成后停止。</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="267"/>
        <source>Sending changes: {done} of {total}</source>
        <translation>正在发送更改：{done}/{total}</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="268"/>
        <source>Receiving: {done} of {total} rows</source>
        <translation>正在接收：{done}/{total} 行</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="269"/>
        <source>Receiving cases: {done} of {total}</source>
        <translation>正在接收案件：{done}/{total}</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="270"/>
        <source>Finishing…</source>
        <translation>即将完成…</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="286"/>
        <source>Sync cancelled: {pushed} changes sent, {pulled} rows received. The rest stays queued for the next sync.</source>
        <translation>同步已取消：已发送 {pushed} 项更改，已接收 {pulled} 行。其余内容仍在队列中，等待下次同步。</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="295"/>
        <source>Synced: {pushed} changes sent, {pulled} rows received, {refused} refused, {granted} cases added, {removed} cases removed.</source>
        <translation>同步完成：发送 {pushed} 项更改，接收 {pulled} 行，被拒 {refused} 项，新增 {granted} 件案件，移除 {removed} 件案件。</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="313"/>
        <source>Not synced: {reason}. Every change stays queued.</source>
        <translation>未能同步：{reason}。所有更改仍在队列中。</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="330"/>
        <source>&amp;Conflicts ({count})</source>
        <translation>冲突（{count}）(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="393"/>
        <source>Central database</source>
        <translation>中心数据库</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="394"/>
        <source>Connection</source>
        <translation>连接状态</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="395"/>
        <source>Waiting to be sent</source>
        <translation>待发送</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="396"/>
        <source>Last sync</source>
        <translation>上次同步</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="397"/>
        <source>&amp;Sync now</source>
        <translation>立即同步(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="398"/>
        <source>Ca&amp;ncel</source>
        <translation>取消(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="399"/>
        <source>Sync log</source>
        <translation>同步日志</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="69"/>
        <source>Started</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="73"/>
        <source>Ended</source>
        <translation>结束时间</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="76"/>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="77"/>
        <source>Sent</source>
        <translation>已发送</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="78"/>
        <source>Received</source>
        <translation>已接收</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="79"/>
        <source>Refused</source>
        <translation>被拒</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="80"/>
        <source>Message</source>
        <translation>信息</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="404"/>
        <source>Everything you record is saved on this laptop at once and waits here until the next sync. A change the central database refuses is kept below, never dropped.</source>
        <translation>您记录的所有内容都会立即保存在本机，并在此等待下次同步。被中心数据库拒绝的更改会保留在下方，绝不会丢弃。</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="411"/>
        <source>Changes the central database refused</source>
        <translation>被中心数据库拒绝的更改</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="56"/>
        <source>Table</source>
        <translation>数据表</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="57"/>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="59"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
</context>
<context>
    <name>TeamBoardView</name>
    <message>
        <location filename="../../ui/views/lead/team_board_view.py" line="43"/>
        <source>Check-out overdue</source>
        <translation>签退超时</translation>
    </message>
    <message>
        <location filename="../../ui/views/lead/team_board_view.py" line="44"/>
        <source>Flagged address</source>
        <translation>风险地址</translation>
    </message>
    <message>
        <location filename="../../ui/views/lead/team_board_view.py" line="242"/>
        <source>Stop {number} · {time}</source>
        <translation>第{number}站 · {time}</translation>
    </message>
    <message>
        <location filename="../../ui/views/lead/team_board_view.py" line="252"/>
        <source>Planned route of {name}: {count} stops</source>
        <translation>{name}的计划路线：共{count}站</translation>
    </message>
    <message>
        <location filename="../../ui/views/lead/team_board_view.py" line="258"/>
        <source>Choose a collector to see his route.</source>
        <translation>选择一名催收员以查看其路线。</translation>
    </message>
    <message>
        <location filename="../../ui/views/lead/team_board_view.py" line="273"/>
        <source>Alert</source>
        <translation>警报</translation>
    </message>
    <message>
        <location filename="../../ui/views/lead/team_board_view.py" line="278"/>
        <location filename="../../ui/views/lead/team_board_view.py" line="298"/>
        <source>Collector</source>
        <translation>催收员</translation>
    </message>
    <message>
        <location filename="../../ui/views/lead/team_board_view.py" line="282"/>
        <source>Case</source>
        <translation>案件</translation>
    </message>
    <message>
        <location filename="../../ui/views/lead/team_board_view.py" line="285"/>
        <source>Since</source>
        <translation>起始时间</translation>
    </message>
    <message>
        <location filename="../../ui/views/lead/team_board_view.py" line="287"/>
        <source>Detail</source>
        <translation>详情</translation>
    </message>
    <message>
        <location filename="../../ui/views/lead/team_board_view.py" line="290"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../ui/views/lead/team_board_view.py" line="302"/>
        <source>Planned</source>
        <translation>已计划</translation>
    </message>
    <message>
        <location filename="../../ui/views/lead/team_board_view.py" line="307"/>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../ui/views/lead/team_board_view.py" line="319"/>
        <source>Checked in</source>
        <translation>已签到</translation>
    </message>
    <message>
        <location filename="../../ui/views/lead/team_board_view.py" line="312"/>
        <source>Alerts</source>
        <translation>警报数</translation>
    </message>
    <message>
        <location filename="../../ui/views/lead/team_board_view.py" line="331"/>
        <source>{minutes} min past the planned end</source>
        <translation>超过计划结束时间{minutes}分钟</translation>
    </message>
    <message>
        <location filename="../../ui/views/lead/team_board_view.py" line="334"/>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <location filename="../../ui/views/lead/team_board_view.py" line="342"/>
        <source>{place} since {time}</source>
        <translation>{time}起在{place}</translation>
    </message>
    <message>
        <location filename="../../ui/views/lead/team_board_view.py" line="349"/>
        <source>Team board</source>
        <translation>团队看板</translation>
    </message>
    <message>
        <location filename="../../ui/views/lead/team_board_view.py" line="352"/>
        <source>Team board — {team}, {day}</source>
        <translation>团队看板 — {team}，{day}</translation>
    </message>
    <message>
        <location filename="../../ui/views/lead/team_board_view.py" line="357"/>
        <source>Updated {time}; read again every minute and after each sync.</source>
        <translation>更新于{time}；每分钟及每次同步后自动刷新。</translation>
    </message>
    <message>
        <location filename="../../ui/views/lead/team_board_view.py" line="362"/>
        <source>Safety alerts: {count}</source>
        <translation>安全警报：{count}</translation>
    </message>
    <message>
        <location filename="../../ui/views/lead/team_board_view.py" line="366"/>
        <source>No safety alert</source>
        <translation>无安全警报</translation>
    </message>
    <message>
        <location filename="../../ui/views/lead/team_board_view.py" line="371"/>
        <source>Alert when a check-out is late by more than</source>
        <translation>签退超时报警阈值</translation>
    </message>
    <message>
        <location filename="../../ui/views/lead/team_board_view.py" line="375"/>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <location filename="../../ui/views/lead/team_board_view.py" line="376"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
</context>
<context>
    <name>TeamPlanDialog</name>
    <message>
        <location filename="../../ui/dialogs/team_plan_dialog.py" line="42"/>
        <source>the borrower has no address with a position</source>
        <translation>借款人没有带坐标的地址</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/team_plan_dialog.py" line="45"/>
        <source>it needs two people and no pair of collectors is free</source>
        <translation>需要两人同行，但没有空闲的两名催收员</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/team_plan_dialog.py" line="48"/>
        <source>no collector can be there within the borrower&apos;s hours, the legal hours and the shift</source>
        <translation>在借款人可见时间、法定联系时段和班次内，没有催收员能够到达</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/team_plan_dialog.py" line="52"/>
        <source>it does not fit any collector&apos;s day</source>
        <translation>无法排入任何催收员的日程</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/team_plan_dialog.py" line="53"/>
        <source>the days are full: the visits planned are riskier or nearer</source>
        <translation>日程已满：已安排的外访风险更高或距离更近</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/team_plan_dialog.py" line="90"/>
        <source>{hours} h</source>
        <translation>{hours} 小时</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/team_plan_dialog.py" line="98"/>
        <source>Day</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/team_plan_dialog.py" line="102"/>
        <source>Collector</source>
        <translation>催收员</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/team_plan_dialog.py" line="106"/>
        <source>Visits</source>
        <translation>外访数</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/team_plan_dialog.py" line="111"/>
        <source>Distance</source>
        <translation>距离</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/team_plan_dialog.py" line="112"/>
        <source>{km} km</source>
        <translation>{km} 公里</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/team_plan_dialog.py" line="118"/>
        <source>On duty</source>
        <translation>在岗时长</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/team_plan_dialog.py" line="123"/>
        <source>First visit</source>
        <translation>首次外访</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/team_plan_dialog.py" line="129"/>
        <source>Cases in route order</source>
        <translation>按路线顺序的案件</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/team_plan_dialog.py" line="138"/>
        <source>Last day tried</source>
        <translation>最后尝试日期</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/team_plan_dialog.py" line="142"/>
        <source>Loan ref</source>
        <translation>贷款编号</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/team_plan_dialog.py" line="146"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/team_plan_dialog.py" line="203"/>
        <source>Plan the team&apos;s days</source>
        <translation>规划团队日程</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/team_plan_dialog.py" line="223"/>
        <source>First day:</source>
        <translation>第一天：</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/team_plan_dialog.py" line="224"/>
        <source>Number of days:</source>
        <translation>天数：</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/team_plan_dialog.py" line="225"/>
        <source>Solver seconds per day:</source>
        <translation>每天求解秒数：</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/team_plan_dialog.py" line="228"/>
        <source>Propose</source>
        <translation>生成方案</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/team_plan_dialog.py" line="232"/>
        <source>Apply</source>
        <translation>应用</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/team_plan_dialog.py" line="292"/>
        <source>Planning {days} days of the team…</source>
        <translation>正在规划团队 {days} 天的日程…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/team_plan_dialog.py" line="304"/>
        <source>Writing the plan and syncing the workspace…</source>
        <translation>正在写入方案并同步工作区…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/team_plan_dialog.py" line="333"/>
        <source>Road times could not be read from the OSRM server, so travel was estimated from straight-line distance: {detail}</source>
        <translation>无法从 OSRM 服务器读取道路行程时间，已按直线距离估算：{detail}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/team_plan_dialog.py" line="348"/>
        <source>Something went wrong: {error}</source>
        <translation>出错了：{error}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/team_plan_dialog.py" line="369"/>
        <source>{visits} visits planned ({first} to {last}) and given to their collectors; {left} cases left out.</source>
        <translation>已规划 {visits} 次外访（{first} 至 {last}）并分配给相应催收员；{left} 件案件未排入。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/team_plan_dialog.py" line="375"/>
        <source>{visits} visits would be planned ({first} to {last}); {left} cases left out. Apply to assign the cases and plan the visits.</source>
        <translation>将规划 {visits} 次外访（{first} 至 {last}）；{left} 件案件未排入。点击“应用”分配案件并安排外访。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/team_plan_dialog.py" line="386"/>
        <source>{count} cases already had a visit planned and were left alone.</source>
        <translation>{count} 件案件已有计划外访，未作改动。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/team_plan_dialog.py" line="395"/>
        <source>Left out ({count})</source>
        <translation>未排入（{count}）</translation>
    </message>
</context>
<context>
    <name>TodayView</name>
    <message>
        <location filename="../../ui/views/today_view.py" line="665"/>
        <source>{start}–{end}</source>
        <translation>{start}–{end}</translation>
    </message>
    <message>
        <location filename="../../ui/views/today_view.py" line="287"/>
        <source>{minutes} min</source>
        <translation>{minutes}分钟</translation>
    </message>
    <message>
        <location filename="../../ui/views/today_view.py" line="675"/>
        <source>{check_in} – {check_out}</source>
        <translation>{check_in} – {check_out}</translation>
    </message>
    <message>
        <location filename="../../ui/views/today_view.py" line="265"/>
        <source>Locked: the stop keeps its time when the route is planned again</source>
        <translation>已锁定：重新规划路线时该站保持原定时间</translation>
    </message>
    <message>
        <location filename="../../ui/views/today_view.py" line="315"/>
        <source>{stops} stops · {km} km · {minutes} minutes on the road · home at {back} · about {cost} yuan</source>
        <translation>{stops}站 · {km}公里 · 路上{minutes}分钟 · {back}返回 · 约{cost}元</translation>
    </message>
    <message>
        <location filename="../../ui/views/today_view.py" line="327"/>
        <source>{count} stops miss their time window</source>
        <translation>{count}站超出约定时段</translation>
    </message>
    <message>
        <location filename="../../ui/views/today_view.py" line="331"/>
        <source>home after the end of your shift</source>
        <translation>返回时已超出工作时间</translation>
    </message>
    <message>
        <location filename="../../ui/views/today_view.py" line="348"/>
        <source>Road times could not be read from the OSRM server, so travel was estimated from straight-line distance: {detail}</source>
        <translation>无法从 OSRM 服务器读取道路行程时间，已按直线距离估算：{detail}</translation>
    </message>
    <message>
        <location filename="../../ui/views/today_view.py" line="370"/>
        <source>Only a planned visit with a known address can be moved.</source>
        <translation>只有地址位置已知的已计划上门才能移动。</translation>
    </message>
    <message>
        <location filename="../../ui/views/today_view.py" line="420"/>
        <source>route-{day}.pdf</source>
        <translation>路线单-{day}.pdf</translation>
    </message>
    <message>
        <location filename="../../ui/views/today_view.py" line="425"/>
        <source>Save the route sheet</source>
        <translation>保存路线单</translation>
    </message>
    <message>
        <location filename="../../ui/views/today_view.py" line="427"/>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/views/today_view.py" line="440"/>
        <source>Route sheet of {stops} stops saved to {file}</source>
        <translation>{stops}站的路线单已保存至 {file}</translation>
    </message>
    <message>
        <location filename="../../ui/views/today_view.py" line="470"/>
        <source>Check in</source>
        <translation>签到</translation>
    </message>
    <message>
        <location filename="../../ui/views/today_view.py" line="481"/>
        <source>Place picked on the map: {lat}, {lon}. Your next check-in uses it.</source>
        <translation>已在地图上选定位置：{lat}, {lon}。下一次签到将使用该位置。</translation>
    </message>
    <message>
        <location filename="../../ui/views/today_view.py" line="498"/>
        <source>Where are you?</source>
        <translation>您现在在哪里？</translation>
    </message>
    <message>
        <location filename="../../ui/views/today_view.py" line="499"/>
        <source>Where are you? Your position {lat}, {lon} is recorded too.</source>
        <translation>您现在在哪里？您的位置 {lat}, {lon} 也会一并记录。</translation>
    </message>
    <message>
        <location filename="../../ui/views/today_view.py" line="568"/>
        <source>{count} suggested visits added; plan the route to order them.</source>
        <translation>已加入 {count} 次建议外访；请规划路线以排定顺序。</translation>
    </message>
    <message>
        <location filename="../../ui/views/today_view.py" line="586"/>
        <source>Route planned: {stops} stops, {km} km, {minutes} minutes on the road, home at {back}, about {cost} yuan.</source>
        <translation>路线已规划：{stops}站，{km}公里，路上{minutes}分钟，{back}返回，约{cost}元。</translation>
    </message>
    <message>
        <location filename="../../ui/views/today_view.py" line="601"/>
        <source>{borrower} is left out: {reason}</source>
        <translation>{borrower}未排入：{reason}</translation>
    </message>
    <message>
        <location filename="../../ui/views/today_view.py" line="627"/>
        <source>Today&apos;s visits</source>
        <translation>今日上门</translation>
    </message>
    <message>
        <location filename="../../ui/views/today_view.py" line="628"/>
        <source>S&amp;uggest visits…</source>
        <translation>建议外访(&amp;U)…</translation>
    </message>
    <message>
        <location filename="../../ui/views/today_view.py" line="629"/>
        <source>Plan the &amp;route</source>
        <translation>规划路线(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/views/today_view.py" line="630"/>
        <source>&amp;Print route sheet…</source>
        <translation>打印路线单(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../ui/views/today_view.py" line="260"/>
        <source>Stop</source>
        <translation>站点</translation>
    </message>
    <message>
        <location filename="../../ui/views/today_view.py" line="277"/>
        <source>Time window</source>
        <translation>时段</translation>
    </message>
    <message>
        <location filename="../../ui/views/today_view.py" line="279"/>
        <source>Arrival</source>
        <translation>到达时间</translation>
    </message>
    <message>
        <location filename="../../ui/views/today_view.py" line="285"/>
        <source>Wait</source>
        <translation>等待</translation>
    </message>
    <message>
        <location filename="../../ui/views/today_view.py" line="292"/>
        <source>Borrower</source>
        <translation>借款人</translation>
    </message>
    <message>
        <location filename="../../ui/views/today_view.py" line="293"/>
        <source>Loan ref</source>
        <translation>贷款编号</translation>
    </message>
    <message>
        <location filename="../../ui/views/today_view.py" line="295"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../ui/views/today_view.py" line="298"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/views/today_view.py" line="301"/>
        <source>Checked in – out</source>
        <translation>签到 – 签退</translation>
    </message>
    <message>
        <location filename="../../ui/views/today_view.py" line="303"/>
        <source>Warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <location filename="../../ui/views/today_view.py" line="633"/>
        <source>Drag a stop to another place (or press Ctrl+Up, Ctrl+Down) to change the order of the route</source>
        <translation>拖动站点到其他位置（或按 Ctrl+Up、Ctrl+Down）以调整路线顺序</translation>
    </message>
    <message>
        <location filename="../../ui/views/today_view.py" line="639"/>
        <source>Move the stop up</source>
        <translation>上移站点</translation>
    </message>
    <message>
        <location filename="../../ui/views/today_view.py" line="640"/>
        <source>Move the stop down</source>
        <translation>下移站点</translation>
    </message>
    <message>
        <location filename="../../ui/views/today_view.py" line="641"/>
        <source>Check &amp;in</source>
        <translation>签到(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../ui/views/today_view.py" line="642"/>
        <source>Check ou&amp;t</source>
        <translation>签退(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../ui/views/today_view.py" line="643"/>
        <source>Record &amp;outcome…</source>
        <translation>记录结果(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../ui/views/today_view.py" line="644"/>
        <source>Open &amp;case</source>
        <translation>打开案件(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../ui/views/today_view.py" line="646"/>
        <source>No visits planned for this day</source>
        <translation>这一天没有计划的上门</translation>
    </message>
    <message>
        <location filename="../../ui/views/today_view.py" line="683"/>
        <source>{minutes} min after its time window</source>
        <translation>晚于约定时段{minutes}分钟</translation>
    </message>
    <message>
        <location filename="../../ui/views/today_view.py" line="687"/>
        <source>no time today is allowed for this visit</source>
        <translation>今天没有可用于此次上门的时段</translation>
    </message>
</context>
<context>
    <name>WorkspacePasswordDialog</name>
    <message>
        <location filename="../../ui/dialogs/workspace_password_dialog.py" line="64"/>
        <source>Open workspace</source>
        <translation>打开工作区</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/workspace_password_dialog.py" line="67"/>
        <source>This workspace in {folder} is encrypted with your password, because this computer has no keyring to keep its key. Enter your password to open it; it is kept for this session only, for syncing.</source>
        <translation>由于本机没有可保存密钥的系统密钥环，{folder} 中的工作区已使用您的密码加密。请输入密码以打开；密码仅在本次运行中保留，用于同步。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/workspace_password_dialog.py" line="72"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/workspace_password_dialog.py" line="73"/>
        <source>&amp;Open</source>
        <translation>打开(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/workspace_password_dialog.py" line="74"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/workspace_password_dialog.py" line="80"/>
        <source>Wrong password. Try again.</source>
        <translation>密码错误，请重试。</translation>
    </message>
</context>
</TS>
