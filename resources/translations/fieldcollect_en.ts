<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>Application</name>
    <message>
        <location filename="../../ui/application.py" line="55"/>
        <source>FieldCollect cannot start</source>
        <translation>FieldCollect cannot start</translation>
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
        <translation>Tier {tier} · score {score}</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_detail_view.py" line="218"/>
        <source>No risk factor</source>
        <translation>No risk factor</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_detail_view.py" line="227"/>
        <source>ID number: {number}</source>
        <translation>ID number: {number}</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_detail_view.py" line="236"/>
        <source>Product</source>
        <translation>Product</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_detail_view.py" line="238"/>
        <source>Principal</source>
        <translation>Principal</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_detail_view.py" line="242"/>
        <source>Interest</source>
        <translation>Interest</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_detail_view.py" line="246"/>
        <source>Penalty</source>
        <translation>Penalty</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_detail_view.py" line="250"/>
        <source>Outstanding</source>
        <translation>Outstanding</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_detail_view.py" line="254"/>
        <source>First unpaid due date</source>
        <translation>First unpaid due date</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_detail_view.py" line="258"/>
        <source>Days past due</source>
        <translation>Days past due</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_detail_view.py" line="259"/>
        <source>{days} ({bucket})</source>
        <translation>{days} ({bucket})</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_detail_view.py" line="264"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_detail_view.py" line="268"/>
        <source>Promise</source>
        <translation>Promise</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_detail_view.py" line="269"/>
        <source>{amount} by {date}</source>
        <translation>{amount} by {date}</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_detail_view.py" line="277"/>
        <source>Next action</source>
        <translation>Next action</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_detail_view.py" line="287"/>
        <source>{kind}: {number} {owner}</source>
        <translation>{kind}: {number} {owner}</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_detail_view.py" line="298"/>
        <source>No phone number</source>
        <translation>No phone number</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_detail_view.py" line="302"/>
        <source>{kind}: {address}</source>
        <translation>{kind}: {address}</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_detail_view.py" line="307"/>
        <source>Caution: {flags}</source>
        <translation>Caution: {flags}</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_detail_view.py" line="308"/>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <location filename="../../ui/views/case_detail_view.py" line="310"/>
        <source>{address} &lt;span style=&apos;color:#c62828&apos;&gt;⚠ {warning}&lt;/span&gt;</source>
        <translation>{address} &lt;span style=&apos;color:#c62828&apos;&gt;⚠ {warning}&lt;/span&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_detail_view.py" line="315"/>
        <source>No address</source>
        <translation>No address</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_detail_view.py" line="321"/>
        <source>{kind}: {what}</source>
        <translation>{kind}: {what}</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_detail_view.py" line="342"/>
        <source>Reveal</source>
        <translation>Reveal</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_detail_view.py" line="344"/>
        <source>Record call or SMS…</source>
        <translation>Record call or SMS…</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_detail_view.py" line="346"/>
        <source>Plan visit…</source>
        <translation>Plan visit…</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_detail_view.py" line="348"/>
        <source>Shows the full ID number; the reveal is recorded in the audit trail</source>
        <translation>Shows the full ID number; the reveal is recorded in the audit trail</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_detail_view.py" line="353"/>
        <source>Borrower</source>
        <translation>Borrower</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_detail_view.py" line="354"/>
        <source>Balances</source>
        <translation>Balances</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_detail_view.py" line="355"/>
        <source>Why this tier</source>
        <translation>Why this tier</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_detail_view.py" line="356"/>
        <source>Timeline</source>
        <translation>Timeline</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_detail_view.py" line="359"/>
        <source>When</source>
        <translation>When</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_detail_view.py" line="360"/>
        <source>What</source>
        <translation>What</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_detail_view.py" line="361"/>
        <source>Amount</source>
        <translation>Amount</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_detail_view.py" line="362"/>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_detail_view.py" line="366"/>
        <source>Select a case to see its detail</source>
        <translation>Select a case to see its detail</translation>
    </message>
</context>
<context>
    <name>CaseList</name>
    <message>
        <location filename="../../ui/models/case_table_model.py" line="170"/>
        <source>Borrower</source>
        <translation>Borrower</translation>
    </message>
    <message>
        <location filename="../../ui/models/case_table_model.py" line="171"/>
        <source>Loan ref</source>
        <translation>Loan ref</translation>
    </message>
    <message>
        <location filename="../../ui/models/case_table_model.py" line="172"/>
        <source>Outstanding</source>
        <translation>Outstanding</translation>
    </message>
    <message>
        <location filename="../../ui/models/case_table_model.py" line="173"/>
        <source>Days past due</source>
        <translation>Days past due</translation>
    </message>
    <message>
        <location filename="../../ui/models/case_table_model.py" line="174"/>
        <source>Tier</source>
        <translation>Tier</translation>
    </message>
    <message>
        <location filename="../../ui/models/case_table_model.py" line="175"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/models/case_table_model.py" line="176"/>
        <source>Last contact</source>
        <translation>Last contact</translation>
    </message>
    <message>
        <location filename="../../ui/models/case_table_model.py" line="177"/>
        <source>Next action</source>
        <translation>Next action</translation>
    </message>
    <message>
        <location filename="../../ui/models/case_table_model.py" line="178"/>
        <source>Promised for</source>
        <translation>Promised for</translation>
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
        <translation>All tiers</translation>
    </message>
    <message>
        <location filename="../../ui/views/cases_view.py" line="114"/>
        <source>Tier {tier}</source>
        <translation>Tier {tier}</translation>
    </message>
    <message>
        <location filename="../../ui/views/cases_view.py" line="120"/>
        <source>All ages</source>
        <translation>All ages</translation>
    </message>
    <message>
        <location filename="../../ui/views/cases_view.py" line="125"/>
        <source>All statuses</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <location filename="../../ui/views/cases_view.py" line="156"/>
        <source>{count} cases</source>
        <translation>{count} cases</translation>
    </message>
    <message>
        <location filename="../../ui/views/cases_view.py" line="191"/>
        <source>Search by borrower or loan ref</source>
        <translation>Search by borrower or loan ref</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../../ui/labels.py" line="16"/>
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="17"/>
        <source>Promised</source>
        <translation>Promised</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="18"/>
        <source>In plan</source>
        <translation>In plan</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="19"/>
        <source>Disputed</source>
        <translation>Disputed</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="20"/>
        <source>Settled</source>
        <translation>Settled</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="21"/>
        <source>Closed</source>
        <translation>Closed</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="25"/>
        <source>Current</source>
        <translation>Current</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="26"/>
        <source>1–30 days</source>
        <translation>1–30 days</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="27"/>
        <source>31–60 days</source>
        <translation>31–60 days</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="28"/>
        <source>61–90 days</source>
        <translation>61–90 days</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="29"/>
        <source>91–180 days</source>
        <translation>91–180 days</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="30"/>
        <source>Over 180 days</source>
        <translation>Over 180 days</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="34"/>
        <source>Met the borrower</source>
        <translation>Met the borrower</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="35"/>
        <source>Met a relative or third party</source>
        <translation>Met a relative or third party</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="36"/>
        <source>Not at home</source>
        <translation>Not at home</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="37"/>
        <source>Refused</source>
        <translation>Refused</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="38"/>
        <source>Promised to pay</source>
        <translation>Promised to pay</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="39"/>
        <source>Paid on site</source>
        <translation>Paid on site</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="40"/>
        <source>Dispute</source>
        <translation>Dispute</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="41"/>
        <source>Hardship</source>
        <translation>Hardship</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="42"/>
        <source>Moved away</source>
        <translation>Moved away</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="43"/>
        <source>Wrong address</source>
        <translation>Wrong address</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="44"/>
        <source>Other</source>
        <translation>Other</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="48"/>
        <location filename="../../ui/labels.py" line="91"/>
        <source>Visit</source>
        <translation>Visit</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="49"/>
        <source>Phone call</source>
        <translation>Phone call</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="50"/>
        <source>SMS</source>
        <translation>SMS</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="51"/>
        <source>Letter</source>
        <translation>Letter</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="55"/>
        <source>Planned</source>
        <translation>Planned</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="56"/>
        <source>Checked in</source>
        <translation>Checked in</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="57"/>
        <source>Done</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="58"/>
        <source>Cancelled</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="62"/>
        <source>Promise open</source>
        <translation>Promise open</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="63"/>
        <source>Promise kept</source>
        <translation>Promise kept</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="64"/>
        <source>Promise broken</source>
        <translation>Promise broken</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="65"/>
        <source>Promise cancelled</source>
        <translation>Promise cancelled</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="69"/>
        <source>Plan drafted</source>
        <translation>Plan drafted</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="70"/>
        <source>Plan awaiting approval</source>
        <translation>Plan awaiting approval</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="71"/>
        <source>Plan approved</source>
        <translation>Plan approved</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="72"/>
        <source>Plan rejected</source>
        <translation>Plan rejected</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="73"/>
        <source>Plan signed</source>
        <translation>Plan signed</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="74"/>
        <source>Plan active</source>
        <translation>Plan active</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="75"/>
        <source>Plan completed</source>
        <translation>Plan completed</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="76"/>
        <source>Plan broken</source>
        <translation>Plan broken</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="77"/>
        <source>Plan cancelled</source>
        <translation>Plan cancelled</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="81"/>
        <source>Payment by bank transfer</source>
        <translation>Payment by bank transfer</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="82"/>
        <source>Payment by Alipay</source>
        <translation>Payment by Alipay</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="83"/>
        <source>Payment by WeChat Pay</source>
        <translation>Payment by WeChat Pay</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="94"/>
        <source>Payment</source>
        <translation>Payment</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="90"/>
        <source>Contact</source>
        <translation>Contact</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="84"/>
        <source>Payment at a bank counter</source>
        <translation>Payment at a bank counter</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="85"/>
        <source>Payment by automatic debit</source>
        <translation>Payment by automatic debit</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="86"/>
        <source>Payment collected on site</source>
        <translation>Payment collected on site</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="92"/>
        <source>Promise</source>
        <translation>Promise</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="93"/>
        <source>Plan</source>
        <translation>Plan</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="98"/>
        <source>Mobile</source>
        <translation>Mobile</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="99"/>
        <source>Home phone</source>
        <translation>Home phone</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="100"/>
        <source>Work phone</source>
        <translation>Work phone</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="101"/>
        <source>Relative&apos;s phone</source>
        <translation>Relative&apos;s phone</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="105"/>
        <source>Home</source>
        <translation>Home</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="106"/>
        <source>Workplace</source>
        <translation>Workplace</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="107"/>
        <source>Registered address</source>
        <translation>Registered address</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="108"/>
        <source>Other address</source>
        <translation>Other address</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="112"/>
        <source>Dog on the premises</source>
        <translation>Dog on the premises</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="113"/>
        <source>Aggressive in the past</source>
        <translation>Aggressive in the past</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="114"/>
        <source>Visit in pairs</source>
        <translation>Visit in pairs</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="115"/>
        <source>Remote location</source>
        <translation>Remote location</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="120"/>
        <source>{days} days past due (+{points})</source>
        <translation>{days} days past due (+{points})</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="121"/>
        <source>{amount} yuan outstanding (+{points})</source>
        <translation>{amount} yuan outstanding (+{points})</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="122"/>
        <source>{count} broken promises to pay (+{points})</source>
        <translation>{count} broken promises to pay (+{points})</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="123"/>
        <source>No payment ever received (+{points})</source>
        <translation>No payment ever received (+{points})</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="124"/>
        <source>Last payment {days} days ago (+{points})</source>
        <translation>Last payment {days} days ago (+{points})</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="125"/>
        <source>Reached nobody in {attempts} attempts in 30 days (+{points})</source>
        <translation>Reached nobody in {attempts} attempts in 30 days (+{points})</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="128"/>
        <source>No contact attempt in 30 days (+{points})</source>
        <translation>No contact attempt in 30 days (+{points})</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="133"/>
        <source>{local_time} in {timezone} is outside the allowed contact hours {earliest}–{latest} ({profile}); only the borrower&apos;s consent allows it</source>
        <translation>{local_time} in {timezone} is outside the allowed contact hours {earliest}–{latest} ({profile}); only the borrower&apos;s consent allows it</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="138"/>
        <source>{unanswered} unanswered calls to this number on {day} already: at most {limit} a day ({profile})</source>
        <translation>{unanswered} unanswered calls to this number on {day} already: at most {limit} a day ({profile})</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="143"/>
        <source>This would be call {calls} about this debt between {first_day} and {last_day}: at most {limit} in {days} days ({profile})</source>
        <translation>This would be call {calls} about this debt between {first_day} and {last_day}: at most {limit} in {days} days ({profile})</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="148"/>
        <source>A third party was reached: do not disclose the debt or the borrower&apos;s finances ({profile})</source>
        <translation>A third party was reached: do not disclose the debt or the borrower&apos;s finances ({profile})</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="157"/>
        <source>Only a planned visit can be checked in.</source>
        <translation>Only a planned visit can be checked in.</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="158"/>
        <source>Check in before you go on.</source>
        <translation>Check in before you go on.</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="159"/>
        <source>The check-out time is before the check-in time.</source>
        <translation>The check-out time is before the check-in time.</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="162"/>
        <source>The visit window ends ({end}) before it starts ({start}).</source>
        <translation>The visit window ends ({end}) before it starts ({start}).</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="165"/>
        <source>Enter the amount promised.</source>
        <translation>Enter the amount promised.</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="166"/>
        <source>The amount promised must be above zero.</source>
        <translation>The amount promised must be above zero.</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="169"/>
        <source>Enter the date the borrower will pay by.</source>
        <translation>Enter the date the borrower will pay by.</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="172"/>
        <source>The promised date {promised_date} is before the day of the contact.</source>
        <translation>The promised date {promised_date} is before the day of the contact.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="39"/>
        <source>Field collector</source>
        <translation>Field collector</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="40"/>
        <source>Team lead</source>
        <translation>Team lead</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="41"/>
        <source>Administrator</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="94"/>
        <source>Map</source>
        <translation>Map</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="79"/>
        <location filename="../../ui/main_window.py" line="95"/>
        <source>Agreements</source>
        <translation>Agreements</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="80"/>
        <source>Repayment plans and their signed agreements will be listed here. Printing agreements from the application is not available in this version yet.</source>
        <translation>Repayment plans and their signed agreements will be listed here. Printing agreements from the application is not available in this version yet.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="92"/>
        <source>Today</source>
        <translation>Today</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="93"/>
        <source>Cases</source>
        <translation>Cases</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="96"/>
        <source>Sync</source>
        <translation>Sync</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="181"/>
        <source>● Online</source>
        <translation>● Online</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="183"/>
        <source>○ Offline</source>
        <translation>○ Offline</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="187"/>
        <source>Never synced</source>
        <translation>Never synced</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="190"/>
        <source>Last sync {when}</source>
        <translation>Last sync {when}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="195"/>
        <source>{count} changes waiting</source>
        <translation>{count} changes waiting</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="269"/>
        <source>About FieldCollect</source>
        <translation>About FieldCollect</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="270"/>
        <source>FieldCollect {version}
Offline-first field collection.</source>
        <translation>FieldCollect {version}
Offline-first field collection.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="277"/>
        <source>FieldCollect</source>
        <translation>FieldCollect</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="281"/>
        <source>FieldCollect — {name} ({role})</source>
        <translation>FieldCollect — {name} ({role})</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="287"/>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="288"/>
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="289"/>
        <source>&amp;Settings…</source>
        <translation>&amp;Settings…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="290"/>
        <source>&amp;Language</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="292"/>
        <source>System language</source>
        <translation>System language</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="294"/>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="295"/>
        <source>&amp;About FieldCollect</source>
        <translation>&amp;About FieldCollect</translation>
    </message>
</context>
<context>
    <name>MapView</name>
    <message>
        <location filename="../../ui/views/map_view.py" line="137"/>
        <location filename="../../ui/views/map_view.py" line="317"/>
        <source>Tier {tier}</source>
        <translation>Tier {tier}</translation>
    </message>
    <message>
        <location filename="../../ui/views/map_view.py" line="142"/>
        <source>Route</source>
        <translation>Route</translation>
    </message>
    <message>
        <location filename="../../ui/views/map_view.py" line="316"/>
        <source>Outstanding {amount}</source>
        <translation>Outstanding {amount}</translation>
    </message>
    <message>
        <location filename="../../ui/views/map_view.py" line="318"/>
        <source>Stop {number}</source>
        <translation>Stop {number}</translation>
    </message>
    <message>
        <location filename="../../ui/views/map_view.py" line="328"/>
        <source>Loading the map…</source>
        <translation>Loading the map…</translation>
    </message>
    <message>
        <location filename="../../ui/views/map_view.py" line="333"/>
        <source>The map could not be shown.</source>
        <translation>The map could not be shown.</translation>
    </message>
    <message>
        <location filename="../../ui/views/map_view.py" line="336"/>
        <source>{cases} cases on the map · {stops} stops on the route of {day}</source>
        <translation>{cases} cases on the map · {stops} stops on the route of {day}</translation>
    </message>
    <message>
        <location filename="../../ui/views/map_view.py" line="340"/>
        <source>{count} cases without a known location</source>
        <translation>{count} cases without a known location</translation>
    </message>
    <message>
        <location filename="../../ui/views/map_view.py" line="344"/>
        <source>{count} visits without a known location are not on the route</source>
        <translation>{count} visits without a known location are not on the route</translation>
    </message>
    <message>
        <location filename="../../ui/views/map_view.py" line="351"/>
        <source>No map tiles are set: cases and the route are drawn on a plain background.</source>
        <translation>No map tiles are set: cases and the route are drawn on a plain background.</translation>
    </message>
    <message>
        <location filename="../../ui/views/map_view.py" line="359"/>
        <source>Reload</source>
        <translation>Reload</translation>
    </message>
</context>
<context>
    <name>OutcomeDialog</name>
    <message>
        <location filename="../../ui/dialogs/outcome_dialog.py" line="82"/>
        <source>Outcome of the visit to {borrower}</source>
        <translation>Outcome of the visit to {borrower}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/outcome_dialog.py" line="84"/>
        <source>Call or SMS to {borrower}</source>
        <translation>Call or SMS to {borrower}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/outcome_dialog.py" line="94"/>
        <source>{number} ({kind})</source>
        <translation>{number} ({kind})</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/outcome_dialog.py" line="129"/>
        <source>C&amp;hannel</source>
        <translation>C&amp;hannel</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/outcome_dialog.py" line="130"/>
        <source>Pho&amp;ne number</source>
        <translation>Pho&amp;ne number</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/outcome_dialog.py" line="131"/>
        <source>&amp;Outcome</source>
        <translation>&amp;Outcome</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/outcome_dialog.py" line="132"/>
        <source>&amp;Person met</source>
        <translation>&amp;Person met</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/outcome_dialog.py" line="133"/>
        <source>&amp;Notes</source>
        <translation>&amp;Notes</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/outcome_dialog.py" line="134"/>
        <source>Ne&amp;xt action on</source>
        <translation>Ne&amp;xt action on</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/outcome_dialog.py" line="135"/>
        <source>Promised &amp;amount (yuan)</source>
        <translation>Promised &amp;amount (yuan)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/outcome_dialog.py" line="136"/>
        <source>Promised &amp;by</source>
        <translation>Promised &amp;by</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/outcome_dialog.py" line="137"/>
        <source>Borrower&apos;s &amp;consent</source>
        <translation>Borrower&apos;s &amp;consent</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/outcome_dialog.py" line="139"/>
        <source>Only for a contact outside the allowed hours</source>
        <translation>Only for a contact outside the allowed hours</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/outcome_dialog.py" line="170"/>
        <source>The notes may read as threatening or abusive ({terms}). Reword them, or press Save again to keep them as they are.</source>
        <translation>The notes may read as threatening or abusive ({terms}). Reword them, or press Save again to keep them as they are.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/outcome_dialog.py" line="174"/>
        <source>, </source>
        <translation>, </translation>
    </message>
</context>
<context>
    <name>PlanVisitDialog</name>
    <message>
        <location filename="../../ui/dialogs/plan_visit_dialog.py" line="45"/>
        <source>Plan a visit to {borrower}</source>
        <translation>Plan a visit to {borrower}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/plan_visit_dialog.py" line="56"/>
        <source>{kind}: {address}</source>
        <translation>{kind}: {address}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/plan_visit_dialog.py" line="70"/>
        <source>&amp;Day</source>
        <translation>&amp;Day</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/plan_visit_dialog.py" line="71"/>
        <source>&amp;From (local time)</source>
        <translation>&amp;From (local time)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/plan_visit_dialog.py" line="72"/>
        <source>&amp;Until</source>
        <translation>&amp;Until</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/plan_visit_dialog.py" line="73"/>
        <source>&amp;Address</source>
        <translation>&amp;Address</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../ui/dialogs/settings_dialog.py" line="23"/>
        <source>Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/settings_dialog.py" line="24"/>
        <source>Contact rules</source>
        <translation>Contact rules</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/settings_dialog.py" line="25"/>
        <source>Days of grace before a promise counts as broken</source>
        <translation>Days of grace before a promise counts as broken</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/settings_dialog.py" line="28"/>
        <source>Sync automatically when the server is reachable</source>
        <translation>Sync automatically when the server is reachable</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/settings_dialog.py" line="33"/>
        <source>System language</source>
        <translation>System language</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/settings_dialog.py" line="36"/>
        <source>China (CN): 08:00–22:00, 6 unanswered calls a day</source>
        <translation>China (CN): 08:00–22:00, 6 unanswered calls a day</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/settings_dialog.py" line="37"/>
        <source>United States (US): 08:00–21:00, 7 calls in 7 days</source>
        <translation>United States (US): 08:00–21:00, 7 calls in 7 days</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/settings_dialog.py" line="38"/>
        <source>United Kingdom (UK): 08:00–21:00</source>
        <translation>United Kingdom (UK): 08:00–21:00</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/settings_dialog.py" line="52"/>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
</context>
<context>
    <name>SyncView</name>
    <message>
        <location filename="../../ui/views/sync_view.py" line="54"/>
        <source>No central database yet: log in to sync</source>
        <translation>No central database yet: log in to sync</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="58"/>
        <source>The demo&apos;s embedded central database ({url})</source>
        <translation>The demo&apos;s embedded central database ({url})</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="65"/>
        <source>Reachable</source>
        <translation>Reachable</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="67"/>
        <source>Not reachable (offline)</source>
        <translation>Not reachable (offline)</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="70"/>
        <source>{count} changes</source>
        <translation>{count} changes</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="77"/>
        <source>Never</source>
        <translation>Never</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="81"/>
        <source>Sync</source>
        <translation>Sync</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="82"/>
        <source>Central database</source>
        <translation>Central database</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="83"/>
        <source>Connection</source>
        <translation>Connection</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="84"/>
        <source>Waiting to be sent</source>
        <translation>Waiting to be sent</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="85"/>
        <source>Last sync</source>
        <translation>Last sync</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="86"/>
        <source>Sync now</source>
        <translation>Sync now</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="88"/>
        <source>Everything you record is saved on this laptop at once and waits here until the next sync. Sending and receiving changes with the central database is not available in this version yet.</source>
        <translation>Everything you record is saved on this laptop at once and waits here until the next sync. Sending and receiving changes with the central database is not available in this version yet.</translation>
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
        <translation>Check in</translation>
    </message>
    <message>
        <location filename="../../ui/views/today_view.py" line="160"/>
        <source>Where are you?</source>
        <translation>Where are you?</translation>
    </message>
    <message>
        <location filename="../../ui/views/today_view.py" line="234"/>
        <source>Today&apos;s visits</source>
        <translation>Today&apos;s visits</translation>
    </message>
    <message>
        <location filename="../../ui/views/today_view.py" line="237"/>
        <source>Stop</source>
        <translation>Stop</translation>
    </message>
    <message>
        <location filename="../../ui/views/today_view.py" line="238"/>
        <source>Time window</source>
        <translation>Time window</translation>
    </message>
    <message>
        <location filename="../../ui/views/today_view.py" line="239"/>
        <source>Borrower</source>
        <translation>Borrower</translation>
    </message>
    <message>
        <location filename="../../ui/views/today_view.py" line="240"/>
        <source>Loan ref</source>
        <translation>Loan ref</translation>
    </message>
    <message>
        <location filename="../../ui/views/today_view.py" line="241"/>
        <source>Address</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../ui/views/today_view.py" line="242"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/views/today_view.py" line="243"/>
        <source>Checked in – out</source>
        <translation>Checked in – out</translation>
    </message>
    <message>
        <location filename="../../ui/views/today_view.py" line="246"/>
        <source>Check &amp;in</source>
        <translation>Check &amp;in</translation>
    </message>
    <message>
        <location filename="../../ui/views/today_view.py" line="247"/>
        <source>Check ou&amp;t</source>
        <translation>Check ou&amp;t</translation>
    </message>
    <message>
        <location filename="../../ui/views/today_view.py" line="248"/>
        <source>Record &amp;outcome…</source>
        <translation>Record &amp;outcome…</translation>
    </message>
    <message>
        <location filename="../../ui/views/today_view.py" line="249"/>
        <source>Open &amp;case</source>
        <translation>Open &amp;case</translation>
    </message>
    <message>
        <location filename="../../ui/views/today_view.py" line="251"/>
        <source>No visits planned for this day</source>
        <translation>No visits planned for this day</translation>
    </message>
</context>
</TS>
