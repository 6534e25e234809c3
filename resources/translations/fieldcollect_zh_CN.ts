<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Application</name>
    <message>
        <location filename="../../ui/application.py" line="55"/>
        <source>FieldCollect cannot start</source>
        <translation>FieldCollect 无法启动</translation>
    </message>
</context>
<context>
    <name>CaseDetailView</name>
    <message>
        <location filename="../../ui/views/case_detail_view.py" line="196"/>
        <source>{borrower} · {loan_ref}</source>
        <translation>{borrower} · {loan_ref}</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_detail_view.py" line="202"/>
        <source>Tier {tier} · score {score}</source>
        <translation>{tier}级 · {score}分</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_detail_view.py" line="218"/>
        <source>No risk factor</source>
        <translation>无风险因素</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_detail_view.py" line="227"/>
        <source>ID number: {number}</source>
        <translation>身份证号：{number}</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_detail_view.py" line="236"/>
        <source>Product</source>
        <translation>产品</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_detail_view.py" line="238"/>
        <source>Principal</source>
        <translation>本金</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_detail_view.py" line="242"/>
        <source>Interest</source>
        <translation>利息</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_detail_view.py" line="246"/>
        <source>Penalty</source>
        <translation>罚息</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_detail_view.py" line="250"/>
        <source>Outstanding</source>
        <translation>欠款合计</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_detail_view.py" line="254"/>
        <source>First unpaid due date</source>
        <translation>最早未还到期日</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_detail_view.py" line="258"/>
        <source>Days past due</source>
        <translation>逾期天数</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_detail_view.py" line="259"/>
        <source>{days} ({bucket})</source>
        <translation>{days}天（{bucket}）</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_detail_view.py" line="264"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_detail_view.py" line="268"/>
        <source>Promise</source>
        <translation>承诺还款</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_detail_view.py" line="269"/>
        <source>{amount} by {date}</source>
        <translation>{date}前还{amount}元</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_detail_view.py" line="277"/>
        <source>Next action</source>
        <translation>下次跟进</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_detail_view.py" line="287"/>
        <source>{kind}: {number} {owner}</source>
        <translation>{kind}：{number} {owner}</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_detail_view.py" line="298"/>
        <source>No phone number</source>
        <translation>无电话号码</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_detail_view.py" line="302"/>
        <source>{kind}: {address}</source>
        <translation>{kind}：{address}</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_detail_view.py" line="307"/>
        <source>Caution: {flags}</source>
        <translation>注意：{flags}</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_detail_view.py" line="308"/>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_detail_view.py" line="310"/>
        <source>{address} &lt;span style=&apos;color:#c62828&apos;&gt;⚠ {warning}&lt;/span&gt;</source>
        <translation>{address} &lt;span style=&apos;color:#c62828&apos;&gt;⚠ {warning}&lt;/span&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_detail_view.py" line="315"/>
        <source>No address</source>
        <translation>无地址</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_detail_view.py" line="321"/>
        <source>{kind}: {what}</source>
        <translation>{kind}：{what}</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_detail_view.py" line="342"/>
        <source>Reveal</source>
        <translation>显示完整号码</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_detail_view.py" line="344"/>
        <source>Record call or SMS…</source>
        <translation>记录电话或短信…</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_detail_view.py" line="346"/>
        <source>Plan visit…</source>
        <translation>安排上门…</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_detail_view.py" line="348"/>
        <source>Shows the full ID number; the reveal is recorded in the audit trail</source>
        <translation>显示完整身份证号；此操作将记入审计日志</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_detail_view.py" line="353"/>
        <source>Borrower</source>
        <translation>借款人</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_detail_view.py" line="354"/>
        <source>Balances</source>
        <translation>欠款明细</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_detail_view.py" line="355"/>
        <source>Why this tier</source>
        <translation>风险等级依据</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_detail_view.py" line="356"/>
        <source>Timeline</source>
        <translation>时间线</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_detail_view.py" line="359"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_detail_view.py" line="360"/>
        <source>What</source>
        <translation>事项</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_detail_view.py" line="361"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_detail_view.py" line="362"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_detail_view.py" line="366"/>
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
        <location filename="../../ui/main_window.py" line="39"/>
        <source>Field collector</source>
        <translation>外访催收员</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="40"/>
        <source>Team lead</source>
        <translation>组长</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="41"/>
        <source>Administrator</source>
        <translation>管理员</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="94"/>
        <source>Map</source>
        <translation>地图</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="79"/>
        <location filename="../../ui/main_window.py" line="95"/>
        <source>Agreements</source>
        <translation>协议</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="80"/>
        <source>Repayment plans and their signed agreements will be listed here. Printing agreements from the application is not available in this version yet.</source>
        <translation>这里将列出还款计划及其已签署的协议。本版本尚不能在应用中打印协议。</translation>
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
        <location filename="../../ui/main_window.py" line="181"/>
        <source>● Online</source>
        <translation>● 在线</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="183"/>
        <source>○ Offline</source>
        <translation>○ 离线</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="187"/>
        <source>Never synced</source>
        <translation>从未同步</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="190"/>
        <source>Last sync {when}</source>
        <translation>上次同步 {when}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="195"/>
        <source>{count} changes waiting</source>
        <translation>{count} 项更改待同步</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="269"/>
        <source>About FieldCollect</source>
        <translation>关于 FieldCollect</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="270"/>
        <source>FieldCollect {version}
Offline-first field collection.</source>
        <translation>FieldCollect {version}
离线优先的外访催收应用。</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="277"/>
        <source>FieldCollect</source>
        <translation>FieldCollect 外访催收</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="281"/>
        <source>FieldCollect — {name} ({role})</source>
        <translation>FieldCollect 外访催收 — {name}（{role}）</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="287"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="288"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="289"/>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="290"/>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="292"/>
        <source>System language</source>
        <translation>跟随系统语言</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="294"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="295"/>
        <source>&amp;About FieldCollect</source>
        <translation>关于 FieldCollect(&amp;A)</translation>
    </message>
</context>
<context>
    <name>MapView</name>
    <message>
        <location filename="../../ui/views/map_view.py" line="137"/>
        <location filename="../../ui/views/map_view.py" line="317"/>
        <source>Tier {tier}</source>
        <translation>{tier}级</translation>
    </message>
    <message>
        <location filename="../../ui/views/map_view.py" line="142"/>
        <source>Route</source>
        <translation>路线</translation>
    </message>
    <message>
        <location filename="../../ui/views/map_view.py" line="316"/>
        <source>Outstanding {amount}</source>
        <translation>欠款 {amount}</translation>
    </message>
    <message>
        <location filename="../../ui/views/map_view.py" line="318"/>
        <source>Stop {number}</source>
        <translation>第{number}站</translation>
    </message>
    <message>
        <location filename="../../ui/views/map_view.py" line="328"/>
        <source>Loading the map…</source>
        <translation>正在加载地图…</translation>
    </message>
    <message>
        <location filename="../../ui/views/map_view.py" line="333"/>
        <source>The map could not be shown.</source>
        <translation>无法显示地图。</translation>
    </message>
    <message>
        <location filename="../../ui/views/map_view.py" line="336"/>
        <source>{cases} cases on the map · {stops} stops on the route of {day}</source>
        <translation>地图上 {cases} 件案件 · {day} 路线共 {stops} 站</translation>
    </message>
    <message>
        <location filename="../../ui/views/map_view.py" line="340"/>
        <source>{count} cases without a known location</source>
        <translation>{count} 件案件没有已知位置</translation>
    </message>
    <message>
        <location filename="../../ui/views/map_view.py" line="344"/>
        <source>{count} visits without a known location are not on the route</source>
        <translation>{count} 次上门没有已知位置，未列入路线</translation>
    </message>
    <message>
        <location filename="../../ui/views/map_view.py" line="351"/>
        <source>No map tiles are set: cases and the route are drawn on a plain background.</source>
        <translation>未设置地图底图：案件和路线绘制在空白背景上。</translation>
    </message>
    <message>
        <location filename="../../ui/views/map_view.py" line="359"/>
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
    <name>SyncView</name>
    <message>
        <location filename="../../ui/views/sync_view.py" line="54"/>
        <source>No central database yet: log in to sync</source>
        <translation>尚未连接中心数据库：请登录后同步</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="58"/>
        <source>The demo&apos;s embedded central database ({url})</source>
        <translation>演示用内置中心数据库（{url}）</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="65"/>
        <source>Reachable</source>
        <translation>可连接</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="67"/>
        <source>Not reachable (offline)</source>
        <translation>无法连接（离线）</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="70"/>
        <source>{count} changes</source>
        <translation>{count} 项更改</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="77"/>
        <source>Never</source>
        <translation>从未</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="81"/>
        <source>Sync</source>
        <translation>同步</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="82"/>
        <source>Central database</source>
        <translation>中心数据库</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="83"/>
        <source>Connection</source>
        <translation>连接状态</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="84"/>
        <source>Waiting to be sent</source>
        <translation>待发送</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="85"/>
        <source>Last sync</source>
        <translation>上次同步</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="86"/>
        <source>Sync now</source>
        <translation>立即同步</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="88"/>
        <source>Everything you record is saved on this laptop at once and waits here until the next sync. Sending and receiving changes with the central database is not available in this version yet.</source>
        <translation>您记录的所有内容都会立即保存在本机，并在此等待下次同步。本版本尚不能与中心数据库收发更改。</translation>
    </message>
</context>
<context>
    <name>TodayView</name>
    <message>
        <location filename="../../ui/views/today_view.py" line="111"/>
        <source>{start}–{end}</source>
        <translation>{start}–{end}</translation>
    </message>
    <message>
        <location filename="../../ui/views/today_view.py" line="122"/>
        <source>{check_in} – {check_out}</source>
        <translation>{check_in} – {check_out}</translation>
    </message>
    <message>
        <location filename="../../ui/views/today_view.py" line="159"/>
        <source>Check in</source>
        <translation>签到</translation>
    </message>
    <message>
        <location filename="../../ui/views/today_view.py" line="160"/>
        <source>Where are you?</source>
        <translation>您现在在哪里？</translation>
    </message>
    <message>
        <location filename="../../ui/views/today_view.py" line="234"/>
        <source>Today&apos;s visits</source>
        <translation>今日上门</translation>
    </message>
    <message>
        <location filename="../../ui/views/today_view.py" line="237"/>
        <source>Stop</source>
        <translation>站点</translation>
    </message>
    <message>
        <location filename="../../ui/views/today_view.py" line="238"/>
        <source>Time window</source>
        <translation>时段</translation>
    </message>
    <message>
        <location filename="../../ui/views/today_view.py" line="239"/>
        <source>Borrower</source>
        <translation>借款人</translation>
    </message>
    <message>
        <location filename="../../ui/views/today_view.py" line="240"/>
        <source>Loan ref</source>
        <translation>贷款编号</translation>
    </message>
    <message>
        <location filename="../../ui/views/today_view.py" line="241"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../ui/views/today_view.py" line="242"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/views/today_view.py" line="243"/>
        <source>Checked in – out</source>
        <translation>签到 – 签退</translation>
    </message>
    <message>
        <location filename="../../ui/views/today_view.py" line="246"/>
        <source>Check &amp;in</source>
        <translation>签到(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../ui/views/today_view.py" line="247"/>
        <source>Check ou&amp;t</source>
        <translation>签退(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../ui/views/today_view.py" line="248"/>
        <source>Record &amp;outcome…</source>
        <translation>记录结果(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../ui/views/today_view.py" line="249"/>
        <source>Open &amp;case</source>
        <translation>打开案件(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../ui/views/today_view.py" line="251"/>
        <source>No visits planned for this day</source>
        <translation>这一天没有计划的上门</translation>
    </message>
</context>
</TS>
