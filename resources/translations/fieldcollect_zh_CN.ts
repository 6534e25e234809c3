<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AgreementsView</name>
    <message>
        <location filename="../../ui/views/agreements_view.py" line="51"/>
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <location filename="../../ui/views/agreements_view.py" line="52"/>
        <source>Awaiting approval</source>
        <translation>待审批</translation>
    </message>
    <message>
        <location filename="../../ui/views/agreements_view.py" line="53"/>
        <source>Approved</source>
        <translation>已批准</translation>
    </message>
    <message>
        <location filename="../../ui/views/agreements_view.py" line="54"/>
        <source>Rejected</source>
        <translation>已驳回</translation>
    </message>
    <message>
        <location filename="../../ui/views/agreements_view.py" line="55"/>
        <source>Signed</source>
        <translation>已签署</translation>
    </message>
    <message>
        <location filename="../../ui/views/agreements_view.py" line="56"/>
        <source>Signed, in force</source>
        <translation>已签署，执行中</translation>
    </message>
    <message>
        <location filename="../../ui/views/agreements_view.py" line="57"/>
        <source>Completed</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../ui/views/agreements_view.py" line="58"/>
        <source>Broken</source>
        <translation>已违约</translation>
    </message>
    <message>
        <location filename="../../ui/views/agreements_view.py" line="59"/>
        <source>Withdrawn</source>
        <translation>已撤回</translation>
    </message>
    <message>
        <location filename="../../ui/views/agreements_view.py" line="214"/>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../ui/views/agreements_view.py" line="216"/>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../../ui/views/agreements_view.py" line="329"/>
        <source>Repayment agreement {loan_ref}</source>
        <translation>还款协议 {loan_ref}</translation>
    </message>
    <message>
        <location filename="../../ui/views/agreements_view.py" line="343"/>
        <source>The stored agreement could not be opened for printing.</source>
        <translation>无法打开已保存的协议进行打印。</translation>
    </message>
    <message>
        <location filename="../../ui/views/agreements_view.py" line="365"/>
        <source>Saved the agreement as {path}</source>
        <translation>协议已保存为 {path}</translation>
    </message>
    <message>
        <location filename="../../ui/views/agreements_view.py" line="378"/>
        <source>Save the agreement as PDF</source>
        <translation>将协议保存为 PDF</translation>
    </message>
    <message>
        <location filename="../../ui/views/agreements_view.py" line="380"/>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/views/agreements_view.py" line="407"/>
        <source>Plan for {loan_ref} approved; the collector sees it after sync.</source>
        <translation>{loan_ref} 的还款计划已批准；催收员同步后即可看到。</translation>
    </message>
    <message>
        <location filename="../../ui/views/agreements_view.py" line="411"/>
        <source>Plan for {loan_ref} rejected; the collector sees it after sync.</source>
        <translation>{loan_ref} 的还款计划已驳回；催收员同步后即可看到。</translation>
    </message>
    <message>
        <location filename="../../ui/views/agreements_view.py" line="422"/>
        <source>Reason (the collector sees it):</source>
        <translation>理由（催收员可见）：</translation>
    </message>
    <message>
        <location filename="../../ui/views/agreements_view.py" line="427"/>
        <source>Approve the plan</source>
        <translation>批准还款计划</translation>
    </message>
    <message>
        <location filename="../../ui/views/agreements_view.py" line="432"/>
        <source>Reject the plan</source>
        <translation>驳回还款计划</translation>
    </message>
    <message>
        <location filename="../../ui/views/agreements_view.py" line="440"/>
        <source>Repayment plans and agreements</source>
        <translation>还款计划与协议</translation>
    </message>
    <message>
        <location filename="../../ui/views/agreements_view.py" line="443"/>
        <source>Borrower</source>
        <translation>借款人</translation>
    </message>
    <message>
        <location filename="../../ui/views/agreements_view.py" line="444"/>
        <source>Loan ref</source>
        <translation>贷款编号</translation>
    </message>
    <message>
        <location filename="../../ui/views/agreements_view.py" line="445"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/views/agreements_view.py" line="446"/>
        <source>Agreed total (yuan)</source>
        <translation>约定总额（元）</translation>
    </message>
    <message>
        <location filename="../../ui/views/agreements_view.py" line="447"/>
        <source>Instalments</source>
        <translation>期数</translation>
    </message>
    <message>
        <location filename="../../ui/views/agreements_view.py" line="448"/>
        <source>Needs approval</source>
        <translation>需审批</translation>
    </message>
    <message>
        <location filename="../../ui/views/agreements_view.py" line="449"/>
        <source>Proposed on</source>
        <translation>提出日期</translation>
    </message>
    <message>
        <location filename="../../ui/views/agreements_view.py" line="452"/>
        <source>&amp;Sign…</source>
        <translation>签署(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../ui/views/agreements_view.py" line="453"/>
        <source>&amp;Print…</source>
        <translation>打印(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../ui/views/agreements_view.py" line="454"/>
        <source>Save P&amp;DF…</source>
        <translation>保存 PDF(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../../ui/views/agreements_view.py" line="455"/>
        <source>&amp;Approve…</source>
        <translation>批准(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../ui/views/agreements_view.py" line="456"/>
        <source>&amp;Reject…</source>
        <translation>驳回(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../ui/views/agreements_view.py" line="457"/>
        <source>Open &amp;case</source>
        <translation>打开案件(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../ui/views/agreements_view.py" line="459"/>
        <source>No repayment plans yet. Make one from a case&apos;s detail.</source>
        <translation>还没有还款计划。可在案件详情中新建。</translation>
    </message>
</context>
<context>
    <name>Application</name>
    <message>
        <location filename="../../ui/application.py" line="65"/>
        <source>FieldCollect cannot start</source>
        <translation>FieldCollect 无法启动</translation>
    </message>
</context>
<context>
    <name>CaseDetailView</name>
    <message>
        <location filename="../../ui/views/case_detail_view.py" line="204"/>
        <source>{borrower} · {loan_ref}</source>
        <translation>{borrower} · {loan_ref}</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_detail_view.py" line="210"/>
        <source>Tier {tier} · score {score}</source>
        <translation>{tier}级 · {score}分</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_detail_view.py" line="226"/>
        <source>No risk factor</source>
        <translation>无风险因素</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_detail_view.py" line="235"/>
        <source>ID number: {number}</source>
        <translation>身份证号：{number}</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_detail_view.py" line="244"/>
        <source>Product</source>
        <translation>产品</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_detail_view.py" line="246"/>
        <source>Principal</source>
        <translation>本金</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_detail_view.py" line="250"/>
        <source>Interest</source>
        <translation>利息</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_detail_view.py" line="254"/>
        <source>Penalty</source>
        <translation>罚息</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_detail_view.py" line="258"/>
        <source>Outstanding</source>
        <translation>欠款合计</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_detail_view.py" line="262"/>
        <source>First unpaid due date</source>
        <translation>最早未还到期日</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_detail_view.py" line="266"/>
        <source>Days past due</source>
        <translation>逾期天数</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_detail_view.py" line="267"/>
        <source>{days} ({bucket})</source>
        <translation>{days}天（{bucket}）</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_detail_view.py" line="272"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_detail_view.py" line="276"/>
        <source>Promise</source>
        <translation>承诺还款</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_detail_view.py" line="277"/>
        <source>{amount} by {date}</source>
        <translation>{date}前还{amount}元</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_detail_view.py" line="285"/>
        <source>Next action</source>
        <translation>下次跟进</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_detail_view.py" line="295"/>
        <source>{kind}: {number} {owner}</source>
        <translation>{kind}：{number} {owner}</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_detail_view.py" line="306"/>
        <source>No phone number</source>
        <translation>无电话号码</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_detail_view.py" line="310"/>
        <source>{kind}: {address}</source>
        <translation>{kind}：{address}</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_detail_view.py" line="315"/>
        <source>Caution: {flags}</source>
        <translation>注意：{flags}</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_detail_view.py" line="316"/>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_detail_view.py" line="318"/>
        <source>{address} &lt;span style=&apos;color:#c62828&apos;&gt;⚠ {warning}&lt;/span&gt;</source>
        <translation>{address} &lt;span style=&apos;color:#c62828&apos;&gt;⚠ {warning}&lt;/span&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_detail_view.py" line="323"/>
        <source>No address</source>
        <translation>无地址</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_detail_view.py" line="329"/>
        <source>{kind}: {what}</source>
        <translation>{kind}：{what}</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_detail_view.py" line="350"/>
        <source>&amp;Reveal</source>
        <translation>显示完整号码(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_detail_view.py" line="352"/>
        <source>Record &amp;call or SMS…</source>
        <translation>记录电话或短信(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_detail_view.py" line="354"/>
        <source>Plan &amp;visit…</source>
        <translation>安排上门(&amp;V)…</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_detail_view.py" line="356"/>
        <source>New repayment &amp;plan…</source>
        <translation>新建还款计划(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_detail_view.py" line="359"/>
        <source>Shows the full ID number; the reveal is recorded in the audit trail</source>
        <translation>显示完整身份证号；此操作将记入审计日志</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_detail_view.py" line="364"/>
        <source>Borrower</source>
        <translation>借款人</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_detail_view.py" line="365"/>
        <source>Balances</source>
        <translation>欠款明细</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_detail_view.py" line="366"/>
        <source>Why this tier</source>
        <translation>风险等级依据</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_detail_view.py" line="367"/>
        <source>Timeline</source>
        <translation>时间线</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_detail_view.py" line="370"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_detail_view.py" line="371"/>
        <source>What</source>
        <translation>事项</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_detail_view.py" line="372"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_detail_view.py" line="373"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_detail_view.py" line="377"/>
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
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="40"/>
        <source>Field collector</source>
        <translation>外访催收员</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="41"/>
        <source>Team lead</source>
        <translation>组长</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="42"/>
        <source>Administrator</source>
        <translation>管理员</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="94"/>
        <source>Map</source>
        <translation>地图</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="95"/>
        <source>Agreements</source>
        <translation>协议</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="92"/>
        <source>Today</source>
        <translation>今日</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="93"/>
        <source>Cases</source>
        <translation>案件</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="96"/>
        <source>Sync</source>
        <translation>同步</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="209"/>
        <source>● Online</source>
        <translation>● 在线</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="211"/>
        <source>○ Offline</source>
        <translation>○ 离线</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="215"/>
        <source>Never synced</source>
        <translation>从未同步</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="218"/>
        <source>Last sync {when}</source>
        <translation>上次同步 {when}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="223"/>
        <source>{count} changes waiting</source>
        <translation>{count} 项更改待同步</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="299"/>
        <source>About FieldCollect</source>
        <translation>关于 FieldCollect</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="300"/>
        <source>FieldCollect {version}
Offline-first field collection.</source>
        <translation>FieldCollect {version}
离线优先的外访催收应用。</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="307"/>
        <source>FieldCollect</source>
        <translation>FieldCollect 外访催收</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="311"/>
        <source>FieldCollect — {name} ({role})</source>
        <translation>FieldCollect 外访催收 — {name}（{role}）</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="317"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="318"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="319"/>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="320"/>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="322"/>
        <source>System language</source>
        <translation>跟随系统语言</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="324"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="325"/>
        <source>&amp;About FieldCollect</source>
        <translation>关于 FieldCollect(&amp;A)</translation>
    </message>
</context>
<context>
    <name>MapView</name>
    <message>
        <location filename="../../ui/views/map_view.py" line="145"/>
        <location filename="../../ui/views/map_view.py" line="328"/>
        <source>Tier {tier}</source>
        <translation>{tier}级</translation>
    </message>
    <message>
        <location filename="../../ui/views/map_view.py" line="150"/>
        <source>Route</source>
        <translation>路线</translation>
    </message>
    <message>
        <location filename="../../ui/views/map_view.py" line="327"/>
        <source>Outstanding {amount}</source>
        <translation>欠款 {amount}</translation>
    </message>
    <message>
        <location filename="../../ui/views/map_view.py" line="329"/>
        <source>Stop {number}</source>
        <translation>第{number}站</translation>
    </message>
    <message>
        <location filename="../../ui/views/map_view.py" line="339"/>
        <source>Loading the map…</source>
        <translation>正在加载地图…</translation>
    </message>
    <message>
        <location filename="../../ui/views/map_view.py" line="344"/>
        <source>The map could not be shown.</source>
        <translation>无法显示地图。</translation>
    </message>
    <message>
        <location filename="../../ui/views/map_view.py" line="347"/>
        <source>{cases} cases on the map · {stops} stops on the route of {day}</source>
        <translation>地图上 {cases} 件案件 · {day} 路线共 {stops} 站</translation>
    </message>
    <message>
        <location filename="../../ui/views/map_view.py" line="351"/>
        <source>{count} cases without a known location</source>
        <translation>{count} 件案件没有已知位置</translation>
    </message>
    <message>
        <location filename="../../ui/views/map_view.py" line="355"/>
        <source>{count} visits without a known location are not on the route</source>
        <translation>{count} 次上门没有已知位置，未列入路线</translation>
    </message>
    <message>
        <location filename="../../ui/views/map_view.py" line="362"/>
        <source>No map tiles are set: cases and the route are drawn on a plain background.</source>
        <translation>未设置地图底图：案件和路线绘制在空白背景上。</translation>
    </message>
    <message>
        <location filename="../../ui/views/map_view.py" line="370"/>
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
        <location filename="../../ui/dialogs/plan_editor_dialog.py" line="58"/>
        <source>The {field} may not be negative ({amount}).</source>
        <translation>{field}不能为负数（{amount}）。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/plan_editor_dialog.py" line="61"/>
        <source>The waiver of {waiver} is more than the interest and penalty of {interest_and_penalty}; principal cannot be waived.</source>
        <translation>减免金额{waiver}超过利息和罚息合计{interest_and_penalty}；本金不能减免。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/plan_editor_dialog.py" line="66"/>
        <source>The waiver is {waiver_pct}% of interest and penalty, above your authority of {authority_pct}%: a team lead must approve the plan before it is signed.</source>
        <translation>减免额为利息和罚息的{waiver_pct}%，超出您{authority_pct}%的权限：签署前须经组长批准。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/plan_editor_dialog.py" line="71"/>
        <source>An instalment of {amount} is below the minimum of {minimum}; choose fewer instalments or a larger down payment.</source>
        <translation>每期金额{amount}低于最低金额{minimum}；请减少期数或提高首付款。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/plan_editor_dialog.py" line="76"/>
        <source>The plan runs {months} months, longer than the maximum of {max_months} months.</source>
        <translation>计划期限为{months}个月，超过最长{max_months}个月。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/plan_editor_dialog.py" line="80"/>
        <source>The down payment of {down_payment} is more than the agreed total of {agreed_total}.</source>
        <translation>首付款{down_payment}超过约定总额{agreed_total}。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/plan_editor_dialog.py" line="84"/>
        <source>A down payment of {down_payment} needs a payment date.</source>
        <translation>首付款{down_payment}需要填写付款日期。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/plan_editor_dialog.py" line="87"/>
        <source>The down payment date {down_payment_date} must come before the first due date {first_due_date}.</source>
        <translation>首付款日期{down_payment_date}必须早于首期还款日{first_due_date}。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/plan_editor_dialog.py" line="92"/>
        <source>A plan needs at least one instalment.</source>
        <translation>还款计划至少需要一期。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/plan_editor_dialog.py" line="95"/>
        <source>Instalment {seq} is due on {due_date}, a non-working day; it could not be moved without passing a neighbouring instalment.</source>
        <translation>第{seq}期到期日{due_date}为非工作日，顺延会越过相邻一期，无法调整。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/plan_editor_dialog.py" line="100"/>
        <source>The case is {status}: it takes no new plan.</source>
        <translation>案件状态为{status}：不能新建还款计划。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/plan_editor_dialog.py" line="103"/>
        <source>The date {date} is in the past (today is {today}).</source>
        <translation>日期{date}已过（今天是{today}）。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/plan_editor_dialog.py" line="106"/>
        <source>Loan {loan_ref} already has a plan in force; signing this one replaces it.</source>
        <translation>贷款{loan_ref}已有执行中的还款计划；签署本计划将取而代之。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/plan_editor_dialog.py" line="110"/>
        <source>This plan is no longer in the workspace.</source>
        <translation>该还款计划已不在工作区中。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/plan_editor_dialog.py" line="113"/>
        <source>This case is no longer in the workspace.</source>
        <translation>该案件已不在工作区中。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/plan_editor_dialog.py" line="116"/>
        <source>The plan is signed and can no longer change; make a new plan instead.</source>
        <translation>该计划已签署，不能再修改；请新建计划。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/plan_editor_dialog.py" line="120"/>
        <source>The plan was withdrawn; make a new plan instead.</source>
        <translation>该计划已撤回；请新建计划。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/plan_editor_dialog.py" line="123"/>
        <source>A team lead rejected the plan: {reason}</source>
        <translation>组长驳回了该计划：{reason}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/plan_editor_dialog.py" line="126"/>
        <source>The waiver is {waiver_pct}% of interest and penalty, beyond the authority of {authority_pct}%: the plan awaits a team lead&apos;s approval and cannot be signed yet.</source>
        <translation>减免额为利息和罚息的{waiver_pct}%，超出{authority_pct}%的权限：该计划正等待组长审批，暂不能签署。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/plan_editor_dialog.py" line="131"/>
        <source>The {who} has not signed yet.</source>
        <translation>{who}尚未签名。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/plan_editor_dialog.py" line="132"/>
        <source>The {who}&apos;s signature could not be read; please sign again.</source>
        <translation>无法读取{who}的签名，请重新签名。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/plan_editor_dialog.py" line="135"/>
        <source>Only a team lead or an administrator approves or rejects plans.</source>
        <translation>只有组长或管理员可以批准或驳回还款计划。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/plan_editor_dialog.py" line="138"/>
        <source>The plan is no longer awaiting approval.</source>
        <translation>该计划已不在待审批状态。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/plan_editor_dialog.py" line="141"/>
        <source>A plan you proposed is approved or rejected by someone else.</source>
        <translation>您提出的计划须由他人批准或驳回。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/plan_editor_dialog.py" line="144"/>
        <source>Give a reason for the decision.</source>
        <translation>请填写审批理由。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/plan_editor_dialog.py" line="145"/>
        <source>This plan has no signed agreement stored.</source>
        <translation>该计划没有已保存的签署协议。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/plan_editor_dialog.py" line="148"/>
        <source>Could not write {path}: {reason}</source>
        <translation>无法写入 {path}：{reason}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/plan_editor_dialog.py" line="149"/>
        <source>Could not read {path}: {reason}</source>
        <translation>无法读取 {path}：{reason}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/plan_editor_dialog.py" line="154"/>
        <source>principal</source>
        <translation>本金</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/plan_editor_dialog.py" line="155"/>
        <source>interest</source>
        <translation>利息</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/plan_editor_dialog.py" line="156"/>
        <source>penalty</source>
        <translation>罚息</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/plan_editor_dialog.py" line="157"/>
        <source>waiver</source>
        <translation>减免金额</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/plan_editor_dialog.py" line="158"/>
        <source>down payment</source>
        <translation>首付款</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/plan_editor_dialog.py" line="159"/>
        <source>borrower</source>
        <translation>借款人</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/plan_editor_dialog.py" line="160"/>
        <source>collector</source>
        <translation>催收员</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/plan_editor_dialog.py" line="164"/>
        <source>Weekly</source>
        <translation>每周</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/plan_editor_dialog.py" line="165"/>
        <source>Every two weeks</source>
        <translation>每两周</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/plan_editor_dialog.py" line="166"/>
        <source>Monthly</source>
        <translation>每月</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/plan_editor_dialog.py" line="402"/>
        <source>Down payment</source>
        <translation>首付款</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/plan_editor_dialog.py" line="407"/>
        <source>Agreed total: {amount} yuan</source>
        <translation>约定总额：{amount}元</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/plan_editor_dialog.py" line="412"/>
        <source>Instalments add up to: {amount} yuan</source>
        <translation>各期合计：{amount}元</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/plan_editor_dialog.py" line="419"/>
        <source>Waiver: {waiver} yuan, {waiver_pct}% of interest and penalty (your authority: {authority_pct}%)</source>
        <translation>减免：{waiver}元，占利息和罚息的{waiver_pct}%（您的权限：{authority_pct}%）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/plan_editor_dialog.py" line="457"/>
        <source>Saved as a draft: ready to sign.</source>
        <translation>已保存为草稿：可以签署。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/plan_editor_dialog.py" line="459"/>
        <source>Saved, awaiting a team lead&apos;s approval: it can be signed once approved (after the next sync).</source>
        <translation>已保存，等待组长审批：批准后（下次同步后）即可签署。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/plan_editor_dialog.py" line="476"/>
        <source>Repayment plan for {borrower}</source>
        <translation>还款计划：{borrower}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/plan_editor_dialog.py" line="481"/>
        <source>Principal</source>
        <translation>本金</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/plan_editor_dialog.py" line="482"/>
        <source>Interest</source>
        <translation>利息</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/plan_editor_dialog.py" line="483"/>
        <source>Penalty</source>
        <translation>罚息</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/plan_editor_dialog.py" line="484"/>
        <source>&amp;Waiver</source>
        <translation>减免(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/plan_editor_dialog.py" line="485"/>
        <source>&amp;Down payment (yuan)</source>
        <translation>首付款（元）(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/plan_editor_dialog.py" line="486"/>
        <source>&amp;Instalments</source>
        <translation>期数(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/plan_editor_dialog.py" line="487"/>
        <source>&amp;Frequency</source>
        <translation>还款频率(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/plan_editor_dialog.py" line="488"/>
        <source>First &amp;due date</source>
        <translation>首期还款日(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/plan_editor_dialog.py" line="496"/>
        <source>on</source>
        <translation>于</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/plan_editor_dialog.py" line="497"/>
        <source>yuan</source>
        <translation>元</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/plan_editor_dialog.py" line="498"/>
        <source>% of interest and penalty</source>
        <translation>% （占利息和罚息）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/plan_editor_dialog.py" line="504"/>
        <source>No.</source>
        <translation>期次</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/plan_editor_dialog.py" line="505"/>
        <source>Due date</source>
        <translation>到期日</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/plan_editor_dialog.py" line="506"/>
        <source>Amount (yuan)</source>
        <translation>金额（元）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/plan_editor_dialog.py" line="509"/>
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
    <name>SettingsDialog</name>
    <message>
        <location filename="../../ui/dialogs/settings_dialog.py" line="23"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/settings_dialog.py" line="24"/>
        <source>Contact rules</source>
        <translation>联系规则</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/settings_dialog.py" line="25"/>
        <source>Days of grace before a promise counts as broken</source>
        <translation>承诺还款宽限天数（超过即视为未兑现）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/settings_dialog.py" line="28"/>
        <source>Sync automatically when the server is reachable</source>
        <translation>可连接服务器时自动同步</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/settings_dialog.py" line="33"/>
        <source>System language</source>
        <translation>跟随系统语言</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/settings_dialog.py" line="36"/>
        <source>China (CN): 08:00–22:00, 6 unanswered calls a day</source>
        <translation>中国（CN）：08:00–22:00，每日未接通来电不超过6次</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/settings_dialog.py" line="37"/>
        <source>United States (US): 08:00–21:00, 7 calls in 7 days</source>
        <translation>美国（US）：08:00–21:00，7天内不超过7次来电</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/settings_dialog.py" line="38"/>
        <source>United Kingdom (UK): 08:00–21:00</source>
        <translation>英国（UK）：08:00–21:00</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/settings_dialog.py" line="52"/>
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
    <name>SyncView</name>
    <message>
        <location filename="../../ui/views/sync_view.py" line="207"/>
        <source>No central database yet: log in to sync</source>
        <translation>尚未连接中心数据库：请登录后同步</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="211"/>
        <source>The demo&apos;s embedded central database ({url})</source>
        <translation>演示用内置中心数据库（{url}）</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="218"/>
        <source>Reachable</source>
        <translation>可连接</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="220"/>
        <source>Not reachable (offline)</source>
        <translation>无法连接（离线）</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="223"/>
        <source>{count} changes</source>
        <translation>{count} 项更改</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="230"/>
        <source>Never</source>
        <translation>从未</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="112"/>
        <location filename="../../ui/views/sync_view.py" line="235"/>
        <source>Sync</source>
        <translation>同步</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="113"/>
        <source>Password for the central database (kept for this session only):</source>
        <translation>中心数据库密码（仅在本次运行中保留）：</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="124"/>
        <location filename="../../ui/views/sync_view.py" line="151"/>
        <source>Syncing…</source>
        <translation>正在同步…</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="145"/>
        <source>Sending changes: {done} of {total}</source>
        <translation>正在发送更改：{done}/{total}</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="146"/>
        <source>Receiving: {done} of {total} rows</source>
        <translation>正在接收：{done}/{total} 行</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="147"/>
        <source>Receiving cases: {done} of {total}</source>
        <translation>正在接收案件：{done}/{total}</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="148"/>
        <source>Finishing…</source>
        <translation>即将完成…</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="161"/>
        <source>Synced: {pushed} changes sent, {pulled} rows received, {refused} refused, {granted} cases added, {removed} cases removed.</source>
        <translation>同步完成：发送 {pushed} 项更改，接收 {pulled} 行，被拒 {refused} 项，新增 {granted} 件案件，移除 {removed} 件案件。</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="183"/>
        <source>Not synced: {reason}. Every change stays queued.</source>
        <translation>未能同步：{reason}。所有更改仍在队列中。</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="236"/>
        <source>Central database</source>
        <translation>中心数据库</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="237"/>
        <source>Connection</source>
        <translation>连接状态</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="238"/>
        <source>Waiting to be sent</source>
        <translation>待发送</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="239"/>
        <source>Last sync</source>
        <translation>上次同步</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="240"/>
        <source>&amp;Sync now</source>
        <translation>立即同步(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="242"/>
        <source>Everything you record is saved on this laptop at once and waits here until the next sync. A change the central database refuses is kept below, never dropped.</source>
        <translation>您记录的所有内容都会立即保存在本机，并在此等待下次同步。被中心数据库拒绝的更改会保留在下方，绝不会丢弃。</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="249"/>
        <source>Changes the central database refused</source>
        <translation>被中心数据库拒绝的更改</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="253"/>
        <source>Table</source>
        <translation>数据表</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="254"/>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="255"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
</context>
<context>
    <name>TodayView</name>
    <message>
        <location filename="../../ui/views/today_view.py" line="121"/>
        <source>{start}–{end}</source>
        <translation>{start}–{end}</translation>
    </message>
    <message>
        <location filename="../../ui/views/today_view.py" line="132"/>
        <source>{check_in} – {check_out}</source>
        <translation>{check_in} – {check_out}</translation>
    </message>
    <message>
        <location filename="../../ui/views/today_view.py" line="169"/>
        <source>Check in</source>
        <translation>签到</translation>
    </message>
    <message>
        <location filename="../../ui/views/today_view.py" line="180"/>
        <source>Place picked on the map: {lat}, {lon}. Your next check-in uses it.</source>
        <translation>已在地图上选定位置：{lat}, {lon}。下一次签到将使用该位置。</translation>
    </message>
    <message>
        <location filename="../../ui/views/today_view.py" line="197"/>
        <source>Where are you?</source>
        <translation>您现在在哪里？</translation>
    </message>
    <message>
        <location filename="../../ui/views/today_view.py" line="198"/>
        <source>Where are you? Your position {lat}, {lon} is recorded too.</source>
        <translation>您现在在哪里？您的位置 {lat}, {lon} 也会一并记录。</translation>
    </message>
    <message>
        <location filename="../../ui/views/today_view.py" line="268"/>
        <source>Route planned: {stops} stops, {km} km, {minutes} minutes on the road, home at {back}, about {cost} yuan.</source>
        <translation>路线已规划：{stops}站，{km}公里，路上{minutes}分钟，{back}返回，约{cost}元。</translation>
    </message>
    <message>
        <location filename="../../ui/views/today_view.py" line="283"/>
        <source>{borrower} is left out: {reason}</source>
        <translation>{borrower}未排入：{reason}</translation>
    </message>
    <message>
        <location filename="../../ui/views/today_view.py" line="309"/>
        <source>Today&apos;s visits</source>
        <translation>今日上门</translation>
    </message>
    <message>
        <location filename="../../ui/views/today_view.py" line="310"/>
        <source>Plan the &amp;route</source>
        <translation>规划路线(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/views/today_view.py" line="313"/>
        <source>Stop</source>
        <translation>站点</translation>
    </message>
    <message>
        <location filename="../../ui/views/today_view.py" line="314"/>
        <source>Time window</source>
        <translation>时段</translation>
    </message>
    <message>
        <location filename="../../ui/views/today_view.py" line="315"/>
        <source>Borrower</source>
        <translation>借款人</translation>
    </message>
    <message>
        <location filename="../../ui/views/today_view.py" line="316"/>
        <source>Loan ref</source>
        <translation>贷款编号</translation>
    </message>
    <message>
        <location filename="../../ui/views/today_view.py" line="317"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../ui/views/today_view.py" line="318"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/views/today_view.py" line="319"/>
        <source>Checked in – out</source>
        <translation>签到 – 签退</translation>
    </message>
    <message>
        <location filename="../../ui/views/today_view.py" line="322"/>
        <source>Check &amp;in</source>
        <translation>签到(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../ui/views/today_view.py" line="323"/>
        <source>Check ou&amp;t</source>
        <translation>签退(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../ui/views/today_view.py" line="324"/>
        <source>Record &amp;outcome…</source>
        <translation>记录结果(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../ui/views/today_view.py" line="325"/>
        <source>Open &amp;case</source>
        <translation>打开案件(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../ui/views/today_view.py" line="327"/>
        <source>No visits planned for this day</source>
        <translation>这一天没有计划的上门</translation>
    </message>
</context>
</TS>
