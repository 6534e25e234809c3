<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AgreementsView</name>
    <message>
        <location filename="../../ui/views/agreements_view.py" line="55"/>
        <source>Draft</source>
        <translation>Draft</translation>
    </message>
    <message>
        <location filename="../../ui/views/agreements_view.py" line="56"/>
        <source>Awaiting approval</source>
        <translation>Awaiting approval</translation>
    </message>
    <message>
        <location filename="../../ui/views/agreements_view.py" line="57"/>
        <source>Approved</source>
        <translation>Approved</translation>
    </message>
    <message>
        <location filename="../../ui/views/agreements_view.py" line="58"/>
        <source>Rejected</source>
        <translation>Rejected</translation>
    </message>
    <message>
        <location filename="../../ui/views/agreements_view.py" line="59"/>
        <source>Signed</source>
        <translation>Signed</translation>
    </message>
    <message>
        <location filename="../../ui/views/agreements_view.py" line="60"/>
        <source>Signed, in force</source>
        <translation>Signed, in force</translation>
    </message>
    <message>
        <location filename="../../ui/views/agreements_view.py" line="61"/>
        <source>Completed</source>
        <translation>Completed</translation>
    </message>
    <message>
        <location filename="../../ui/views/agreements_view.py" line="62"/>
        <source>Broken</source>
        <translation>Broken</translation>
    </message>
    <message>
        <location filename="../../ui/views/agreements_view.py" line="63"/>
        <source>Withdrawn</source>
        <translation>Withdrawn</translation>
    </message>
    <message>
        <location filename="../../ui/views/agreements_view.py" line="86"/>
        <source>Yes</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location filename="../../ui/views/agreements_view.py" line="88"/>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <location filename="../../ui/views/agreements_view.py" line="445"/>
        <source>Repayment agreement {loan_ref}</source>
        <translation>Repayment agreement {loan_ref}</translation>
    </message>
    <message>
        <location filename="../../ui/views/agreements_view.py" line="436"/>
        <location filename="../../ui/views/agreements_view.py" line="460"/>
        <source>The stored agreement could not be opened for printing.</source>
        <translation>The stored agreement could not be opened for printing.</translation>
    </message>
    <message>
        <location filename="../../ui/views/agreements_view.py" line="273"/>
        <source>No plan awaits your decision.</source>
        <translation>No plan awaits your decision.</translation>
    </message>
    <message>
        <location filename="../../ui/views/agreements_view.py" line="315"/>
        <source>{borrower} · {loan_ref} · tier {tier} · {days} days past due · {status}</source>
        <translation>{borrower} · {loan_ref} · tier {tier} · {days} days past due · {status}</translation>
    </message>
    <message>
        <location filename="../../ui/views/agreements_view.py" line="325"/>
        <source>Owes {outstanding}: principal {principal}, interest {interest}, penalty {penalty}</source>
        <translation>Owes {outstanding}: principal {principal}, interest {interest}, penalty {penalty}</translation>
    </message>
    <message>
        <location filename="../../ui/views/agreements_view.py" line="334"/>
        <source>{proposer} proposes to waive {waiver} ({pct}% of interest and penalty): {total} in all, {down} down and {count} instalments</source>
        <translation>{proposer} proposes to waive {waiver} ({pct}% of interest and penalty): {total} in all, {down} down and {count} instalments</translation>
    </message>
    <message>
        <location filename="../../ui/views/agreements_view.py" line="349"/>
        <source>Last contact {when}: {outcome}</source>
        <translation>Last contact {when}: {outcome}</translation>
    </message>
    <message>
        <location filename="../../ui/views/agreements_view.py" line="493"/>
        <source>Saved the agreement as {path}</source>
        <translation>Saved the agreement as {path}</translation>
    </message>
    <message>
        <location filename="../../ui/views/agreements_view.py" line="506"/>
        <source>Save the agreement as PDF</source>
        <translation>Save the agreement as PDF</translation>
    </message>
    <message>
        <location filename="../../ui/views/agreements_view.py" line="508"/>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF documents (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/views/agreements_view.py" line="536"/>
        <source>Plan for {loan_ref} approved; the collector sees it after sync.</source>
        <translation>Plan for {loan_ref} approved; the collector sees it after sync.</translation>
    </message>
    <message>
        <location filename="../../ui/views/agreements_view.py" line="540"/>
        <source>Plan for {loan_ref} rejected; the collector sees it after sync.</source>
        <translation>Plan for {loan_ref} rejected; the collector sees it after sync.</translation>
    </message>
    <message>
        <location filename="../../ui/views/agreements_view.py" line="551"/>
        <source>Reason (the collector sees it):</source>
        <translation>Reason (the collector sees it):</translation>
    </message>
    <message>
        <location filename="../../ui/views/agreements_view.py" line="556"/>
        <source>Approve the plan</source>
        <translation>Approve the plan</translation>
    </message>
    <message>
        <location filename="../../ui/views/agreements_view.py" line="561"/>
        <source>Reject the plan</source>
        <translation>Reject the plan</translation>
    </message>
    <message>
        <location filename="../../ui/views/agreements_view.py" line="570"/>
        <source>Approvals, repayment plans and agreements</source>
        <translation>Approvals, repayment plans and agreements</translation>
    </message>
    <message>
        <location filename="../../ui/views/agreements_view.py" line="572"/>
        <source>Repayment plans and agreements</source>
        <translation>Repayment plans and agreements</translation>
    </message>
    <message>
        <location filename="../../ui/views/agreements_view.py" line="575"/>
        <source>Only plans awaiting my decision (the approvals queue)</source>
        <translation>Only plans awaiting my decision (the approvals queue)</translation>
    </message>
    <message>
        <location filename="../../ui/views/agreements_view.py" line="70"/>
        <source>Borrower</source>
        <translation>Borrower</translation>
    </message>
    <message>
        <location filename="../../ui/views/agreements_view.py" line="71"/>
        <source>Loan ref</source>
        <translation>Loan ref</translation>
    </message>
    <message>
        <location filename="../../ui/views/agreements_view.py" line="72"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/views/agreements_view.py" line="74"/>
        <source>Agreed total (yuan)</source>
        <translation>Agreed total (yuan)</translation>
    </message>
    <message>
        <location filename="../../ui/views/agreements_view.py" line="79"/>
        <source>Instalments</source>
        <translation>Instalments</translation>
    </message>
    <message>
        <location filename="../../ui/views/agreements_view.py" line="84"/>
        <source>Needs approval</source>
        <translation>Needs approval</translation>
    </message>
    <message>
        <location filename="../../ui/views/agreements_view.py" line="92"/>
        <source>Proposed on</source>
        <translation>Proposed on</translation>
    </message>
    <message>
        <location filename="../../ui/views/agreements_view.py" line="578"/>
        <source>&amp;Sign…</source>
        <translation>&amp;Sign…</translation>
    </message>
    <message>
        <location filename="../../ui/views/agreements_view.py" line="579"/>
        <source>&amp;Print…</source>
        <translation>&amp;Print…</translation>
    </message>
    <message>
        <location filename="../../ui/views/agreements_view.py" line="580"/>
        <source>Save P&amp;DF…</source>
        <translation>Save P&amp;DF…</translation>
    </message>
    <message>
        <location filename="../../ui/views/agreements_view.py" line="581"/>
        <source>&amp;Approve…</source>
        <translation>&amp;Approve…</translation>
    </message>
    <message>
        <location filename="../../ui/views/agreements_view.py" line="582"/>
        <source>&amp;Reject…</source>
        <translation>&amp;Reject…</translation>
    </message>
    <message>
        <location filename="../../ui/views/agreements_view.py" line="583"/>
        <source>Open &amp;case</source>
        <translation>Open &amp;case</translation>
    </message>
    <message>
        <location filename="../../ui/views/agreements_view.py" line="275"/>
        <source>No repayment plans yet. Make one from a case&apos;s detail.</source>
        <translation>No repayment plans yet. Make one from a case&apos;s detail.</translation>
    </message>
</context>
<context>
    <name>Application</name>
    <message>
        <location filename="../../ui/application.py" line="85"/>
        <source>FieldCollect cannot start</source>
        <translation>FieldCollect cannot start</translation>
    </message>
</context>
<context>
    <name>AssignmentView</name>
    <message>
        <location filename="../../ui/views/lead/assignment_view.py" line="51"/>
        <source>Loan ref</source>
        <translation>Loan ref</translation>
    </message>
    <message>
        <location filename="../../ui/views/lead/assignment_view.py" line="55"/>
        <source>Borrower</source>
        <translation>Borrower</translation>
    </message>
    <message>
        <location filename="../../ui/views/lead/assignment_view.py" line="59"/>
        <location filename="../../ui/views/lead/assignment_view.py" line="91"/>
        <source>Collector</source>
        <translation>Collector</translation>
    </message>
    <message>
        <location filename="../../ui/views/lead/assignment_view.py" line="61"/>
        <location filename="../../ui/views/lead/assignment_view.py" line="345"/>
        <source>Unassigned</source>
        <translation>Unassigned</translation>
    </message>
    <message>
        <location filename="../../ui/views/lead/assignment_view.py" line="65"/>
        <source>Tier</source>
        <translation>Tier</translation>
    </message>
    <message>
        <location filename="../../ui/views/lead/assignment_view.py" line="68"/>
        <source>Days past due</source>
        <translation>Days past due</translation>
    </message>
    <message>
        <location filename="../../ui/views/lead/assignment_view.py" line="73"/>
        <location filename="../../ui/views/lead/assignment_view.py" line="100"/>
        <source>Outstanding</source>
        <translation>Outstanding</translation>
    </message>
    <message>
        <location filename="../../ui/views/lead/assignment_view.py" line="78"/>
        <source>Area</source>
        <translation>Area</translation>
    </message>
    <message>
        <location filename="../../ui/views/lead/assignment_view.py" line="82"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/views/lead/assignment_view.py" line="95"/>
        <source>Cases</source>
        <translation>Cases</translation>
    </message>
    <message>
        <location filename="../../ui/views/lead/assignment_view.py" line="105"/>
        <source>Expected travel</source>
        <translation>Expected travel</translation>
    </message>
    <message>
        <location filename="../../ui/views/lead/assignment_view.py" line="106"/>
        <source>{km} km</source>
        <translation>{km} km</translation>
    </message>
    <message>
        <location filename="../../ui/views/lead/assignment_view.py" line="112"/>
        <source>Open cases after</source>
        <translation>Open cases after</translation>
    </message>
    <message>
        <location filename="../../ui/views/lead/assignment_view.py" line="327"/>
        <source>{count} cases</source>
        <translation>{count} cases</translation>
    </message>
    <message>
        <location filename="../../ui/views/lead/assignment_view.py" line="374"/>
        <source>Assign {count} cases</source>
        <translation>Assign {count} cases</translation>
    </message>
    <message>
        <location filename="../../ui/views/lead/assignment_view.py" line="376"/>
        <source>Assign selected</source>
        <translation>Assign selected</translation>
    </message>
    <message>
        <location filename="../../ui/views/lead/assignment_view.py" line="402"/>
        <source>Central database</source>
        <translation>Central database</translation>
    </message>
    <message>
        <location filename="../../ui/views/lead/assignment_view.py" line="403"/>
        <source>Password for the central database (kept for this session only):</source>
        <translation>Password for the central database (kept for this session only):</translation>
    </message>
    <message>
        <location filename="../../ui/views/lead/assignment_view.py" line="422"/>
        <source>Assigning {count} cases…</source>
        <translation>Assigning {count} cases…</translation>
    </message>
    <message>
        <location filename="../../ui/views/lead/assignment_view.py" line="434"/>
        <source>Working out an automatic assignment…</source>
        <translation>Working out an automatic assignment…</translation>
    </message>
    <message>
        <location filename="../../ui/views/lead/assignment_view.py" line="444"/>
        <source>Assigning automatically…</source>
        <translation>Assigning automatically…</translation>
    </message>
    <message>
        <location filename="../../ui/views/lead/assignment_view.py" line="475"/>
        <source>{changed} cases given to {name}; {unchanged} were already theirs.</source>
        <translation>{changed} cases given to {name}; {unchanged} were already theirs.</translation>
    </message>
    <message>
        <location filename="../../ui/views/lead/assignment_view.py" line="497"/>
        <source>Something went wrong: {error}</source>
        <translation>Something went wrong: {error}</translation>
    </message>
    <message>
        <location filename="../../ui/views/lead/assignment_view.py" line="510"/>
        <source>{count} cases given out automatically.</source>
        <translation>{count} cases given out automatically.</translation>
    </message>
    <message>
        <location filename="../../ui/views/lead/assignment_view.py" line="514"/>
        <source>No case to give out: every case of the team has a collector.</source>
        <translation>No case to give out: every case of the team has a collector.</translation>
    </message>
    <message>
        <location filename="../../ui/views/lead/assignment_view.py" line="518"/>
        <source>{count} cases would be given out; expected travel {km} km in all. Apply to assign them.</source>
        <translation>{count} cases would be given out; expected travel {km} km in all. Apply to assign them.</translation>
    </message>
    <message>
        <location filename="../../ui/views/lead/assignment_view.py" line="526"/>
        <source>{count} of them have no known location.</source>
        <translation>{count} of them have no known location.</translation>
    </message>
    <message>
        <location filename="../../ui/views/lead/assignment_view.py" line="541"/>
        <source>Assignment</source>
        <translation>Assignment</translation>
    </message>
    <message>
        <location filename="../../ui/views/lead/assignment_view.py" line="545"/>
        <source>All tiers</source>
        <translation>All tiers</translation>
    </message>
    <message>
        <location filename="../../ui/views/lead/assignment_view.py" line="550"/>
        <source>All ages</source>
        <translation>All ages</translation>
    </message>
    <message>
        <location filename="../../ui/views/lead/assignment_view.py" line="555"/>
        <source>All statuses</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <location filename="../../ui/views/lead/assignment_view.py" line="568"/>
        <source>All areas</source>
        <translation>All areas</translation>
    </message>
    <message>
        <location filename="../../ui/views/lead/assignment_view.py" line="569"/>
        <source>All collectors</source>
        <translation>All collectors</translation>
    </message>
    <message>
        <location filename="../../ui/views/lead/assignment_view.py" line="576"/>
        <source>Unassigned only</source>
        <translation>Unassigned only</translation>
    </message>
    <message>
        <location filename="../../ui/views/lead/assignment_view.py" line="580"/>
        <source>Give to:</source>
        <translation>Give to:</translation>
    </message>
    <message>
        <location filename="../../ui/views/lead/assignment_view.py" line="582"/>
        <source>Reason (optional)</source>
        <translation>Reason (optional)</translation>
    </message>
    <message>
        <location filename="../../ui/views/lead/assignment_view.py" line="585"/>
        <source>Rebalance assigned cases too</source>
        <translation>Rebalance assigned cases too</translation>
    </message>
    <message>
        <location filename="../../ui/views/lead/assignment_view.py" line="588"/>
        <source>Propose auto-assignment</source>
        <translation>Propose auto-assignment</translation>
    </message>
    <message>
        <location filename="../../ui/views/lead/assignment_view.py" line="590"/>
        <source>Apply</source>
        <translation>Apply</translation>
    </message>
    <message>
        <location filename="../../ui/views/lead/assignment_view.py" line="592"/>
        <source>Plan the team&apos;s days…</source>
        <translation>Plan the team&apos;s days…</translation>
    </message>
    <message>
        <location filename="../../ui/views/lead/assignment_view.py" line="594"/>
        <source>Map</source>
        <translation>Map</translation>
    </message>
    <message>
        <location filename="../../ui/views/lead/assignment_view.py" line="595"/>
        <source>Auto-assign</source>
        <translation>Auto-assign</translation>
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
        <translation>Tier {tier} · score {score}</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_detail_view.py" line="256"/>
        <source>No risk factor</source>
        <translation>No risk factor</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_detail_view.py" line="265"/>
        <source>ID number: {number}</source>
        <translation>ID number: {number}</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_detail_view.py" line="274"/>
        <source>Product</source>
        <translation>Product</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_detail_view.py" line="276"/>
        <source>Principal</source>
        <translation>Principal</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_detail_view.py" line="280"/>
        <source>Interest</source>
        <translation>Interest</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_detail_view.py" line="284"/>
        <source>Penalty</source>
        <translation>Penalty</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_detail_view.py" line="288"/>
        <source>Outstanding</source>
        <translation>Outstanding</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_detail_view.py" line="292"/>
        <source>First unpaid due date</source>
        <translation>First unpaid due date</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_detail_view.py" line="296"/>
        <source>Days past due</source>
        <translation>Days past due</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_detail_view.py" line="297"/>
        <source>{days} ({bucket})</source>
        <translation>{days} ({bucket})</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_detail_view.py" line="302"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_detail_view.py" line="306"/>
        <source>Promise</source>
        <translation>Promise</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_detail_view.py" line="307"/>
        <source>{amount} by {date}</source>
        <translation>{amount} by {date}</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_detail_view.py" line="315"/>
        <source>Next action</source>
        <translation>Next action</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_detail_view.py" line="325"/>
        <source>{kind}: {number} {owner}</source>
        <translation>{kind}: {number} {owner}</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_detail_view.py" line="336"/>
        <source>No phone number</source>
        <translation>No phone number</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_detail_view.py" line="340"/>
        <source>{kind}: {address}</source>
        <translation>{kind}: {address}</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_detail_view.py" line="345"/>
        <source>Caution: {flags}</source>
        <translation>Caution: {flags}</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_detail_view.py" line="346"/>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <location filename="../../ui/views/case_detail_view.py" line="348"/>
        <source>{address} &lt;span style=&apos;color:#c62828&apos;&gt;⚠ {warning}&lt;/span&gt;</source>
        <translation>{address} &lt;span style=&apos;color:#c62828&apos;&gt;⚠ {warning}&lt;/span&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_detail_view.py" line="353"/>
        <source>No address</source>
        <translation>No address</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_detail_view.py" line="60"/>
        <source>{kind}: {what}</source>
        <translation>{kind}: {what}</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_detail_view.py" line="362"/>
        <source>&amp;Reveal</source>
        <translation>&amp;Reveal</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_detail_view.py" line="364"/>
        <source>Record &amp;call or SMS…</source>
        <translation>Record &amp;call or SMS…</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_detail_view.py" line="366"/>
        <source>Plan &amp;visit…</source>
        <translation>Plan &amp;visit…</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_detail_view.py" line="368"/>
        <source>New repayment &amp;plan…</source>
        <translation>New repayment &amp;plan…</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_detail_view.py" line="371"/>
        <source>Shows the full ID number; the reveal is recorded in the audit trail</source>
        <translation>Shows the full ID number; the reveal is recorded in the audit trail</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_detail_view.py" line="376"/>
        <source>Borrower</source>
        <translation>Borrower</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_detail_view.py" line="377"/>
        <source>Balances</source>
        <translation>Balances</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_detail_view.py" line="378"/>
        <source>Why this tier</source>
        <translation>Why this tier</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_detail_view.py" line="379"/>
        <source>Timeline</source>
        <translation>Timeline</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_detail_view.py" line="46"/>
        <source>When</source>
        <translation>When</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_detail_view.py" line="49"/>
        <source>What</source>
        <translation>What</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_detail_view.py" line="51"/>
        <source>Amount</source>
        <translation>Amount</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_detail_view.py" line="55"/>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../../ui/views/case_detail_view.py" line="382"/>
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
    <name>ConflictsView</name>
    <message>
        <location filename="../../ui/views/conflicts_view.py" line="35"/>
        <source>Borrower&apos;s phone</source>
        <translation>Borrower&apos;s phone</translation>
    </message>
    <message>
        <location filename="../../ui/views/conflicts_view.py" line="36"/>
        <source>Borrower&apos;s address</source>
        <translation>Borrower&apos;s address</translation>
    </message>
    <message>
        <location filename="../../ui/views/conflicts_view.py" line="37"/>
        <location filename="../../ui/views/conflicts_view.py" line="134"/>
        <source>Borrower</source>
        <translation>Borrower</translation>
    </message>
    <message>
        <location filename="../../ui/views/conflicts_view.py" line="38"/>
        <source>Case</source>
        <translation>Case</translation>
    </message>
    <message>
        <location filename="../../ui/views/conflicts_view.py" line="39"/>
        <source>Visit</source>
        <translation>Visit</translation>
    </message>
    <message>
        <location filename="../../ui/views/conflicts_view.py" line="40"/>
        <source>Repayment plan</source>
        <translation>Repayment plan</translation>
    </message>
    <message>
        <location filename="../../ui/views/conflicts_view.py" line="41"/>
        <source>Instalment</source>
        <translation>Instalment</translation>
    </message>
    <message>
        <location filename="../../ui/views/conflicts_view.py" line="42"/>
        <source>Promise to pay</source>
        <translation>Promise to pay</translation>
    </message>
    <message>
        <location filename="../../ui/views/conflicts_view.py" line="45"/>
        <source>Number</source>
        <translation>Number</translation>
    </message>
    <message>
        <location filename="../../ui/views/conflicts_view.py" line="46"/>
        <source>Owner</source>
        <translation>Owner</translation>
    </message>
    <message>
        <location filename="../../ui/views/conflicts_view.py" line="47"/>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../ui/views/conflicts_view.py" line="48"/>
        <source>Invalid</source>
        <translation>Invalid</translation>
    </message>
    <message>
        <location filename="../../ui/views/conflicts_view.py" line="49"/>
        <source>Primary</source>
        <translation>Primary</translation>
    </message>
    <message>
        <location filename="../../ui/views/conflicts_view.py" line="50"/>
        <source>Address</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../ui/views/conflicts_view.py" line="51"/>
        <source>City</source>
        <translation>City</translation>
    </message>
    <message>
        <location filename="../../ui/views/conflicts_view.py" line="52"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/views/conflicts_view.py" line="53"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/views/conflicts_view.py" line="169"/>
        <source>{when}, version {version}</source>
        <translation>{when}, version {version}</translation>
    </message>
    <message>
        <location filename="../../ui/views/conflicts_view.py" line="155"/>
        <source>Arrives with the next sync</source>
        <translation>Arrives with the next sync</translation>
    </message>
    <message>
        <location filename="../../ui/views/conflicts_view.py" line="172"/>
        <source>the central database (import or administrator)</source>
        <translation>the central database (import or administrator)</translation>
    </message>
    <message>
        <location filename="../../ui/views/conflicts_view.py" line="175"/>
        <source>{who}, {when}, version {version}</source>
        <translation>{who}, {when}, version {version}</translation>
    </message>
    <message>
        <location filename="../../ui/views/conflicts_view.py" line="201"/>
        <source>Your value is kept; it is sent with the next sync.</source>
        <translation>Your value is kept; it is sent with the next sync.</translation>
    </message>
    <message>
        <location filename="../../ui/views/conflicts_view.py" line="210"/>
        <source>The central value is kept on this laptop.</source>
        <translation>The central value is kept on this laptop.</translation>
    </message>
    <message>
        <location filename="../../ui/views/conflicts_view.py" line="223"/>
        <source>Not decided: {reason}</source>
        <translation>Not decided: {reason}</translation>
    </message>
    <message>
        <location filename="../../ui/views/conflicts_view.py" line="236"/>
        <source>Someone changed these records in the central database after you changed them here. Nothing was overwritten: decide for each one which value stays.</source>
        <translation>Someone changed these records in the central database after you changed them here. Nothing was overwritten: decide for each one which value stays.</translation>
    </message>
    <message>
        <location filename="../../ui/views/conflicts_view.py" line="133"/>
        <source>Loan</source>
        <translation>Loan</translation>
    </message>
    <message>
        <location filename="../../ui/views/conflicts_view.py" line="135"/>
        <source>Record</source>
        <translation>Record</translation>
    </message>
    <message>
        <location filename="../../ui/views/conflicts_view.py" line="137"/>
        <source>Field</source>
        <translation>Field</translation>
    </message>
    <message>
        <location filename="../../ui/views/conflicts_view.py" line="145"/>
        <source>My value</source>
        <translation>My value</translation>
    </message>
    <message>
        <location filename="../../ui/views/conflicts_view.py" line="151"/>
        <source>Central value</source>
        <translation>Central value</translation>
    </message>
    <message>
        <location filename="../../ui/views/conflicts_view.py" line="159"/>
        <source>Changed centrally</source>
        <translation>Changed centrally</translation>
    </message>
    <message>
        <location filename="../../ui/views/conflicts_view.py" line="243"/>
        <source>No conflicts to decide.</source>
        <translation>No conflicts to decide.</translation>
    </message>
    <message>
        <location filename="../../ui/views/conflicts_view.py" line="244"/>
        <source>&amp;Keep mine</source>
        <translation>&amp;Keep mine</translation>
    </message>
    <message>
        <location filename="../../ui/views/conflicts_view.py" line="246"/>
        <source>&amp;Take central value</source>
        <translation>&amp;Take central value</translation>
    </message>
    <message>
        <location filename="../../ui/views/conflicts_view.py" line="267"/>
        <source>Yes</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location filename="../../ui/views/conflicts_view.py" line="269"/>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <location filename="../../ui/views/conflicts_view.py" line="294"/>
        <source>Conflicts</source>
        <translation>Conflicts</translation>
    </message>
</context>
<context>
    <name>EarlyWarningView</name>
    <message>
        <location filename="../../ui/views/lead/early_warning_view.py" line="33"/>
        <source>Broken promise</source>
        <translation>Broken promise</translation>
    </message>
    <message>
        <location filename="../../ui/views/lead/early_warning_view.py" line="36"/>
        <source>Missed instalment</source>
        <translation>Missed instalment</translation>
    </message>
    <message>
        <location filename="../../ui/views/lead/early_warning_view.py" line="39"/>
        <source>Payments stopped</source>
        <translation>Payments stopped</translation>
    </message>
    <message>
        <location filename="../../ui/views/lead/early_warning_view.py" line="42"/>
        <source>Tier rise</source>
        <translation>Tier rise</translation>
    </message>
    <message>
        <location filename="../../ui/views/lead/early_warning_view.py" line="90"/>
        <source>Warning</source>
        <translation>Warning</translation>
    </message>
    <message>
        <location filename="../../ui/views/lead/early_warning_view.py" line="95"/>
        <source>Case</source>
        <translation>Case</translation>
    </message>
    <message>
        <location filename="../../ui/views/lead/early_warning_view.py" line="99"/>
        <source>Borrower</source>
        <translation>Borrower</translation>
    </message>
    <message>
        <location filename="../../ui/views/lead/early_warning_view.py" line="103"/>
        <source>Collector</source>
        <translation>Collector</translation>
    </message>
    <message>
        <location filename="../../ui/views/lead/early_warning_view.py" line="107"/>
        <source>Amount</source>
        <translation>Amount</translation>
    </message>
    <message>
        <location filename="../../ui/views/lead/early_warning_view.py" line="112"/>
        <source>Since</source>
        <translation>Since</translation>
    </message>
    <message>
        <location filename="../../ui/views/lead/early_warning_view.py" line="116"/>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../ui/views/lead/early_warning_view.py" line="156"/>
        <source>{total} warnings: {broken} broken promises, {missed} missed instalments, {stopped} payments stopped, {rises} tier rises.</source>
        <translation>{total} warnings: {broken} broken promises, {missed} missed instalments, {stopped} payments stopped, {rises} tier rises.</translation>
    </message>
    <message>
        <location filename="../../ui/views/lead/early_warning_view.py" line="176"/>
        <source>Early warning</source>
        <translation>Early warning</translation>
    </message>
    <message>
        <location filename="../../ui/views/lead/early_warning_view.py" line="177"/>
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../ui/views/lead/early_warning_view.py" line="182"/>
        <source>All warnings</source>
        <translation>All warnings</translation>
    </message>
</context>
<context>
    <name>Formatting</name>
    <message>
        <location filename="../../ui/formatting.py" line="60"/>
        <source>{sentence} {next}</source>
        <comment>a sentence followed by the next</comment>
        <translation>{sentence} {next}</translation>
    </message>
</context>
<context>
    <name>ImportView</name>
    <message>
        <location filename="../../ui/views/lead/import_view.py" line="68"/>
        <source>Central database</source>
        <translation>Central database</translation>
    </message>
    <message>
        <location filename="../../ui/views/lead/import_view.py" line="69"/>
        <source>Password for the central database (kept for this session only):</source>
        <translation>Password for the central database (kept for this session only):</translation>
    </message>
    <message>
        <location filename="../../ui/views/lead/import_view.py" line="81"/>
        <source>Last import: {file}, {rows} rows ({created} new, {updated} updated).</source>
        <translation>Last import: {file}, {rows} rows ({created} new, {updated} updated).</translation>
    </message>
    <message>
        <location filename="../../ui/views/lead/import_view.py" line="93"/>
        <source>Import</source>
        <translation>Import</translation>
    </message>
    <message>
        <location filename="../../ui/views/lead/import_view.py" line="95"/>
        <source>Bring the overdue portfolio or the payments of the core system into the central database: CSV (UTF-8, UTF-8 with BOM or GBK) or XLSX. Every row is checked first; a file with any problem imports nothing.</source>
        <translation>Bring the overdue portfolio or the payments of the core system into the central database: CSV (UTF-8, UTF-8 with BOM or GBK) or XLSX. Every row is checked first; a file with any problem imports nothing.</translation>
    </message>
    <message>
        <location filename="../../ui/views/lead/import_view.py" line="103"/>
        <source>Case columns: {cases}
Payment columns: {payments}</source>
        <translation>Case columns: {cases}
Payment columns: {payments}</translation>
    </message>
    <message>
        <location filename="../../ui/views/lead/import_view.py" line="110"/>
        <source>Import a file…</source>
        <translation>Import a file…</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="44"/>
        <source>the value is missing</source>
        <translation>the value is missing</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="45"/>
        <source>not an amount: {value}</source>
        <translation>not an amount: {value}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="46"/>
        <source>the amount is negative: {value}</source>
        <translation>the amount is negative: {value}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="47"/>
        <source>the amount must be above zero: {value}</source>
        <translation>the amount must be above zero: {value}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="48"/>
        <source>more than two decimals: {value}</source>
        <translation>more than two decimals: {value}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="49"/>
        <source>not a date: {value}</source>
        <translation>not a date: {value}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="50"/>
        <source>not a time: {value}</source>
        <translation>not a time: {value}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="51"/>
        <source>loan ref {loan_ref} is already in row {first_row}</source>
        <translation>loan ref {loan_ref} is already in row {first_row}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="54"/>
        <source>no collector is called {username}</source>
        <translation>no collector is called {username}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="55"/>
        <source>collector {username} is no longer active</source>
        <translation>collector {username} is no longer active</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="58"/>
        <source>required column {field} is missing</source>
        <translation>required column {field} is missing</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="59"/>
        <source>no case has loan ref {loan_ref}</source>
        <translation>no case has loan ref {loan_ref}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="125"/>
        <source>Match columns by their headers</source>
        <translation>Match columns by their headers</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="133"/>
        <source>Choose the file to import</source>
        <translation>Choose the file to import</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="135"/>
        <source>Spreadsheets (*.csv *.xlsx *.xlsm);;All files (*)</source>
        <translation>Spreadsheets (*.csv *.xlsx *.xlsm);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="146"/>
        <source>The file</source>
        <translation>The file</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="148"/>
        <source>A CSV (UTF-8, UTF-8 with BOM or GBK) or XLSX export of the core system.</source>
        <translation>A CSV (UTF-8, UTF-8 with BOM or GBK) or XLSX export of the core system.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="153"/>
        <source>File:</source>
        <translation>File:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="154"/>
        <source>It holds:</source>
        <translation>It holds:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="155"/>
        <source>Column mapping:</source>
        <translation>Column mapping:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="156"/>
        <source>Browse…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="157"/>
        <source>Overdue cases</source>
        <translation>Overdue cases</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="158"/>
        <source>Payments</source>
        <translation>Payments</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="197"/>
        <source>— not imported —</source>
        <translation>— not imported —</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="205"/>
        <source>No column fills: {fields}. Choose one for each.</source>
        <translation>No column fills: {fields}. Choose one for each.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="232"/>
        <source>Mapping saved as “{name}”.</source>
        <translation>Mapping saved as “{name}”.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="242"/>
        <source>Save the mapping</source>
        <translation>Save the mapping</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="243"/>
        <source>Name of the mapping:</source>
        <translation>Name of the mapping:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="257"/>
        <source>Columns</source>
        <translation>Columns</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="259"/>
        <source>Which field each column of the file fills.</source>
        <translation>Which field each column of the file fills.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="261"/>
        <source>Save this mapping…</source>
        <translation>Save this mapping…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="267"/>
        <source>File</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="271"/>
        <source>Row</source>
        <translation>Row</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="275"/>
        <source>Column</source>
        <translation>Column</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="277"/>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="339"/>
        <source>{count} problems in {rows} rows: nothing will be imported until the file is corrected.</source>
        <translation>{count} problems in {rows} rows: nothing will be imported until the file is corrected.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="349"/>
        <source>{rows} rows read ({encoding}), no problem: {created} new, {updated} updated, {unchanged} unchanged.</source>
        <translation>{rows} rows read ({encoding}), no problem: {created} new, {updated} updated, {unchanged} unchanged.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="373"/>
        <source>Preview</source>
        <translation>Preview</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="378"/>
        <source>Every row is checked; a file with any problem imports nothing.</source>
        <translation>Every row is checked; a file with any problem imports nothing.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="400"/>
        <source>Importing…</source>
        <translation>Importing…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="375"/>
        <location filename="../../ui/dialogs/import_wizard.py" line="407"/>
        <source>Import</source>
        <translation>Import</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="409"/>
        <source>All rows are written in one transaction, or none.</source>
        <translation>All rows are written in one transaction, or none.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="449"/>
        <source>Import a file</source>
        <translation>Import a file</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="476"/>
        <source>Cancelling: nothing will be imported…</source>
        <translation>Cancelling: nothing will be imported…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="493"/>
        <source>{rows} rows imported in {seconds} s: {created} new, {updated} updated, {unchanged} unchanged.</source>
        <translation>{rows} rows imported in {seconds} s: {created} new, {updated} updated, {unchanged} unchanged.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="506"/>
        <source>{kept} promises kept, {paid} instalments paid, {settled} cases settled.</source>
        <translation>{kept} promises kept, {paid} instalments paid, {settled} cases settled.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="516"/>
        <source>The workspace could not sync: {error}</source>
        <translation>The workspace could not sync: {error}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="521"/>
        <source>It was too late to cancel: the file had been written.</source>
        <translation>It was too late to cancel: the file had been written.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="533"/>
        <source>Cancelled: nothing was imported.</source>
        <translation>Cancelled: nothing was imported.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="539"/>
        <source>{count} problems: nothing was imported.</source>
        <translation>{count} problems: nothing was imported.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_wizard.py" line="545"/>
        <source>The import failed: {error}</source>
        <translation>The import failed: {error}</translation>
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
        <location filename="../../ui/labels.py" line="179"/>
        <source>the address has no known position</source>
        <translation>the address has no known position</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="180"/>
        <source>its window lies outside the legal contact hours or your shift</source>
        <translation>its window lies outside the legal contact hours or your shift</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="183"/>
        <source>it cannot be reached within its window and your shift</source>
        <translation>it cannot be reached within its window and your shift</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="186"/>
        <source>the day is full: the visits planned were more urgent or nearer</source>
        <translation>the day is full: the visits planned were more urgent or nearer</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="189"/>
        <source>it needs a skill you do not have</source>
        <translation>it needs a skill you do not have</translation>
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
    <name>LockScreen</name>
    <message>
        <location filename="../../ui/auto_lock.py" line="83"/>
        <source>FieldCollect is locked</source>
        <translation>FieldCollect is locked</translation>
    </message>
    <message>
        <location filename="../../ui/auto_lock.py" line="86"/>
        <source>Locked after a while without use. Enter the password of {user}.</source>
        <translation>Locked after a while without use. Enter the password of {user}.</translation>
    </message>
    <message>
        <location filename="../../ui/auto_lock.py" line="90"/>
        <source>Password</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../ui/auto_lock.py" line="94"/>
        <source>Locked after a while without use. This workspace keeps no password: enter your login name.</source>
        <translation>Locked after a while without use. This workspace keeps no password: enter your login name.</translation>
    </message>
    <message>
        <location filename="../../ui/auto_lock.py" line="98"/>
        <source>Login name</source>
        <translation>Login name</translation>
    </message>
    <message>
        <location filename="../../ui/auto_lock.py" line="99"/>
        <source>&amp;Unlock</source>
        <translation>&amp;Unlock</translation>
    </message>
    <message>
        <location filename="../../ui/auto_lock.py" line="101"/>
        <source>Wrong password. Try again.</source>
        <translation>Wrong password. Try again.</translation>
    </message>
    <message>
        <location filename="../../ui/auto_lock.py" line="103"/>
        <source>Wrong login name. Try again.</source>
        <translation>Wrong login name. Try again.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="50"/>
        <source>Field collector</source>
        <translation>Field collector</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="51"/>
        <source>Team lead</source>
        <translation>Team lead</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="52"/>
        <source>Administrator</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="104"/>
        <source>Map</source>
        <translation>Map</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="105"/>
        <source>Agreements</source>
        <translation>Agreements</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="102"/>
        <source>Today</source>
        <translation>Today</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="103"/>
        <source>Cases</source>
        <translation>Cases</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="106"/>
        <source>Sync</source>
        <translation>Sync</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="199"/>
        <source>Team board</source>
        <translation>Team board</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="200"/>
        <source>Assignment</source>
        <translation>Assignment</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="201"/>
        <source>Import</source>
        <translation>Import</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="202"/>
        <source>Early warning</source>
        <translation>Early warning</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="203"/>
        <source>Reports</source>
        <translation>Reports</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="280"/>
        <source>● Online</source>
        <translation>● Online</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="282"/>
        <source>○ Offline</source>
        <translation>○ Offline</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="286"/>
        <source>Never synced</source>
        <translation>Never synced</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="289"/>
        <source>Last sync {when}</source>
        <translation>Last sync {when}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="294"/>
        <source>{count} changes waiting</source>
        <translation>{count} changes waiting</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="374"/>
        <source>About FieldCollect</source>
        <translation>About FieldCollect</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="375"/>
        <source>FieldCollect {version}
Offline-first field collection.</source>
        <translation>FieldCollect {version}
Offline-first field collection.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="382"/>
        <source>FieldCollect</source>
        <translation>FieldCollect</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="386"/>
        <source>FieldCollect — {name} ({role})</source>
        <translation>FieldCollect — {name} ({role})</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="392"/>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="393"/>
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="394"/>
        <source>&amp;Settings…</source>
        <translation>&amp;Settings…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="395"/>
        <source>&amp;Language</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="397"/>
        <source>System language</source>
        <translation>System language</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="399"/>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="400"/>
        <source>&amp;About FieldCollect</source>
        <translation>&amp;About FieldCollect</translation>
    </message>
</context>
<context>
    <name>MapView</name>
    <message>
        <location filename="../../ui/views/map_view.py" line="150"/>
        <location filename="../../ui/views/map_view.py" line="374"/>
        <source>Tier {tier}</source>
        <translation>Tier {tier}</translation>
    </message>
    <message>
        <location filename="../../ui/views/map_view.py" line="155"/>
        <source>Route</source>
        <translation>Route</translation>
    </message>
    <message>
        <location filename="../../ui/views/map_view.py" line="373"/>
        <source>Outstanding {amount}</source>
        <translation>Outstanding {amount}</translation>
    </message>
    <message>
        <location filename="../../ui/views/map_view.py" line="375"/>
        <source>Stop {number}</source>
        <translation>Stop {number}</translation>
    </message>
    <message>
        <location filename="../../ui/views/map_view.py" line="385"/>
        <source>Loading the map…</source>
        <translation>Loading the map…</translation>
    </message>
    <message>
        <location filename="../../ui/views/map_view.py" line="390"/>
        <source>The map could not be shown.</source>
        <translation>The map could not be shown.</translation>
    </message>
    <message>
        <location filename="../../ui/views/map_view.py" line="393"/>
        <source>{cases} cases on the map · {stops} stops on the route of {day}</source>
        <translation>{cases} cases on the map · {stops} stops on the route of {day}</translation>
    </message>
    <message>
        <location filename="../../ui/views/map_view.py" line="397"/>
        <source>{count} cases without a known location</source>
        <translation>{count} cases without a known location</translation>
    </message>
    <message>
        <location filename="../../ui/views/map_view.py" line="401"/>
        <source>{count} visits without a known location are not on the route</source>
        <translation>{count} visits without a known location are not on the route</translation>
    </message>
    <message>
        <location filename="../../ui/views/map_view.py" line="408"/>
        <source>No map tiles are set: cases and the route are drawn on a plain background.</source>
        <translation>No map tiles are set: cases and the route are drawn on a plain background.</translation>
    </message>
    <message>
        <location filename="../../ui/views/map_view.py" line="416"/>
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
    <name>PlanEditorDialog</name>
    <message>
        <location filename="../../ui/dialogs/plan_editor_dialog.py" line="59"/>
        <source>The {field} may not be negative ({amount}).</source>
        <translation>The {field} may not be negative ({amount}).</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/plan_editor_dialog.py" line="62"/>
        <source>The waiver of {waiver} is more than the interest and penalty of {interest_and_penalty}; principal cannot be waived.</source>
        <translation>The waiver of {waiver} is more than the interest and penalty of {interest_and_penalty}; principal cannot be waived.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/plan_editor_dialog.py" line="67"/>
        <source>The waiver is {waiver_pct}% of interest and penalty, above your authority of {authority_pct}%: a team lead must approve the plan before it is signed.</source>
        <translation>The waiver is {waiver_pct}% of interest and penalty, above your authority of {authority_pct}%: a team lead must approve the plan before it is signed.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/plan_editor_dialog.py" line="72"/>
        <source>An instalment of {amount} is below the minimum of {minimum}; choose fewer instalments or a larger down payment.</source>
        <translation>An instalment of {amount} is below the minimum of {minimum}; choose fewer instalments or a larger down payment.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/plan_editor_dialog.py" line="77"/>
        <source>The plan runs {months} months, longer than the maximum of {max_months} months.</source>
        <translation>The plan runs {months} months, longer than the maximum of {max_months} months.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/plan_editor_dialog.py" line="81"/>
        <source>The down payment of {down_payment} is more than the agreed total of {agreed_total}.</source>
        <translation>The down payment of {down_payment} is more than the agreed total of {agreed_total}.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/plan_editor_dialog.py" line="85"/>
        <source>A down payment of {down_payment} needs a payment date.</source>
        <translation>A down payment of {down_payment} needs a payment date.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/plan_editor_dialog.py" line="88"/>
        <source>The down payment date {down_payment_date} must come before the first due date {first_due_date}.</source>
        <translation>The down payment date {down_payment_date} must come before the first due date {first_due_date}.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/plan_editor_dialog.py" line="93"/>
        <source>A plan needs at least one instalment.</source>
        <translation>A plan needs at least one instalment.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/plan_editor_dialog.py" line="96"/>
        <source>Instalment {seq} is due on {due_date}, a non-working day; it could not be moved without passing a neighbouring instalment.</source>
        <translation>Instalment {seq} is due on {due_date}, a non-working day; it could not be moved without passing a neighbouring instalment.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/plan_editor_dialog.py" line="101"/>
        <source>The case is {status}: it takes no new plan.</source>
        <translation>The case is {status}: it takes no new plan.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/plan_editor_dialog.py" line="104"/>
        <source>The date {date} is in the past (today is {today}).</source>
        <translation>The date {date} is in the past (today is {today}).</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/plan_editor_dialog.py" line="107"/>
        <source>Loan {loan_ref} already has a plan in force; signing this one replaces it.</source>
        <translation>Loan {loan_ref} already has a plan in force; signing this one replaces it.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/plan_editor_dialog.py" line="111"/>
        <source>This plan is no longer in the workspace.</source>
        <translation>This plan is no longer in the workspace.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/plan_editor_dialog.py" line="114"/>
        <source>This case is no longer in the workspace.</source>
        <translation>This case is no longer in the workspace.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/plan_editor_dialog.py" line="117"/>
        <source>The plan is signed and can no longer change; make a new plan instead.</source>
        <translation>The plan is signed and can no longer change; make a new plan instead.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/plan_editor_dialog.py" line="121"/>
        <source>The plan was withdrawn; make a new plan instead.</source>
        <translation>The plan was withdrawn; make a new plan instead.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/plan_editor_dialog.py" line="124"/>
        <source>A team lead rejected the plan: {reason}</source>
        <translation>A team lead rejected the plan: {reason}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/plan_editor_dialog.py" line="127"/>
        <source>The waiver is {waiver_pct}% of interest and penalty, beyond the authority of {authority_pct}%: the plan awaits a team lead&apos;s approval and cannot be signed yet.</source>
        <translation>The waiver is {waiver_pct}% of interest and penalty, beyond the authority of {authority_pct}%: the plan awaits a team lead&apos;s approval and cannot be signed yet.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/plan_editor_dialog.py" line="132"/>
        <source>The {who} has not signed yet.</source>
        <translation>The {who} has not signed yet.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/plan_editor_dialog.py" line="133"/>
        <source>The {who}&apos;s signature could not be read; please sign again.</source>
        <translation>The {who}&apos;s signature could not be read; please sign again.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/plan_editor_dialog.py" line="136"/>
        <source>Only a team lead or an administrator approves or rejects plans.</source>
        <translation>Only a team lead or an administrator approves or rejects plans.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/plan_editor_dialog.py" line="139"/>
        <source>The plan is no longer awaiting approval.</source>
        <translation>The plan is no longer awaiting approval.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/plan_editor_dialog.py" line="142"/>
        <source>A plan you proposed is approved or rejected by someone else.</source>
        <translation>A plan you proposed is approved or rejected by someone else.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/plan_editor_dialog.py" line="145"/>
        <source>Give a reason for the decision.</source>
        <translation>Give a reason for the decision.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/plan_editor_dialog.py" line="146"/>
        <source>This plan has no signed agreement stored.</source>
        <translation>This plan has no signed agreement stored.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/plan_editor_dialog.py" line="149"/>
        <source>Could not write {path}: {reason}</source>
        <translation>Could not write {path}: {reason}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/plan_editor_dialog.py" line="150"/>
        <source>Could not read {path}: {reason}</source>
        <translation>Could not read {path}: {reason}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/plan_editor_dialog.py" line="155"/>
        <source>principal</source>
        <translation>principal</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/plan_editor_dialog.py" line="156"/>
        <source>interest</source>
        <translation>interest</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/plan_editor_dialog.py" line="157"/>
        <source>penalty</source>
        <translation>penalty</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/plan_editor_dialog.py" line="158"/>
        <source>waiver</source>
        <translation>waiver</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/plan_editor_dialog.py" line="159"/>
        <source>down payment</source>
        <translation>down payment</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/plan_editor_dialog.py" line="160"/>
        <source>borrower</source>
        <translation>borrower</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/plan_editor_dialog.py" line="161"/>
        <source>collector</source>
        <translation>collector</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/plan_editor_dialog.py" line="165"/>
        <source>Weekly</source>
        <translation>Weekly</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/plan_editor_dialog.py" line="166"/>
        <source>Every two weeks</source>
        <translation>Every two weeks</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/plan_editor_dialog.py" line="167"/>
        <source>Monthly</source>
        <translation>Monthly</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/plan_editor_dialog.py" line="226"/>
        <source>Down payment</source>
        <translation>Down payment</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/plan_editor_dialog.py" line="431"/>
        <source>Agreed total: {amount} yuan</source>
        <translation>Agreed total: {amount} yuan</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/plan_editor_dialog.py" line="436"/>
        <source>Instalments add up to: {amount} yuan</source>
        <translation>Instalments add up to: {amount} yuan</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/plan_editor_dialog.py" line="443"/>
        <source>Waiver: {waiver} yuan, {waiver_pct}% of interest and penalty (your authority: {authority_pct}%)</source>
        <translation>Waiver: {waiver} yuan, {waiver_pct}% of interest and penalty (your authority: {authority_pct}%)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/plan_editor_dialog.py" line="481"/>
        <source>Saved as a draft: ready to sign.</source>
        <translation>Saved as a draft: ready to sign.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/plan_editor_dialog.py" line="483"/>
        <source>Saved, awaiting a team lead&apos;s approval: it can be signed once approved (after the next sync).</source>
        <translation>Saved, awaiting a team lead&apos;s approval: it can be signed once approved (after the next sync).</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/plan_editor_dialog.py" line="500"/>
        <source>Repayment plan for {borrower}</source>
        <translation>Repayment plan for {borrower}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/plan_editor_dialog.py" line="505"/>
        <source>Principal</source>
        <translation>Principal</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/plan_editor_dialog.py" line="506"/>
        <source>Interest</source>
        <translation>Interest</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/plan_editor_dialog.py" line="507"/>
        <source>Penalty</source>
        <translation>Penalty</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/plan_editor_dialog.py" line="508"/>
        <source>&amp;Waiver</source>
        <translation>&amp;Waiver</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/plan_editor_dialog.py" line="509"/>
        <source>&amp;Down payment (yuan)</source>
        <translation>&amp;Down payment (yuan)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/plan_editor_dialog.py" line="510"/>
        <source>&amp;Instalments</source>
        <translation>&amp;Instalments</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/plan_editor_dialog.py" line="511"/>
        <source>&amp;Frequency</source>
        <translation>&amp;Frequency</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/plan_editor_dialog.py" line="512"/>
        <source>First &amp;due date</source>
        <translation>First &amp;due date</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/plan_editor_dialog.py" line="520"/>
        <source>on</source>
        <translation>on</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/plan_editor_dialog.py" line="521"/>
        <source>yuan</source>
        <translation>yuan</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/plan_editor_dialog.py" line="522"/>
        <source>% of interest and penalty</source>
        <translation>% of interest and penalty</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/plan_editor_dialog.py" line="224"/>
        <source>No.</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/plan_editor_dialog.py" line="230"/>
        <source>Due date</source>
        <translation>Due date</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/plan_editor_dialog.py" line="234"/>
        <source>Amount (yuan)</source>
        <translation>Amount (yuan)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/plan_editor_dialog.py" line="526"/>
        <source>&amp;Save draft</source>
        <translation>&amp;Save draft</translation>
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
    <name>ReportsView</name>
    <message>
        <location filename="../../ui/views/lead/reports_view.py" line="184"/>
        <source>All teams</source>
        <translation>All teams</translation>
    </message>
    <message>
        <location filename="../../ui/views/lead/reports_view.py" line="188"/>
        <source>All collectors</source>
        <translation>All collectors</translation>
    </message>
    <message>
        <location filename="../../ui/views/lead/reports_view.py" line="226"/>
        <source>Recovered</source>
        <translation>Recovered</translation>
    </message>
    <message>
        <location filename="../../ui/views/lead/reports_view.py" line="230"/>
        <source>Recovery rate</source>
        <translation>Recovery rate</translation>
    </message>
    <message>
        <location filename="../../ui/views/lead/reports_view.py" line="234"/>
        <source>Promises kept</source>
        <translation>Promises kept</translation>
    </message>
    <message>
        <location filename="../../ui/views/lead/reports_view.py" line="238"/>
        <source>Contact success</source>
        <translation>Contact success</translation>
    </message>
    <message>
        <location filename="../../ui/views/lead/reports_view.py" line="242"/>
        <location filename="../../ui/views/lead/reports_view.py" line="331"/>
        <source>Travel cost</source>
        <translation>Travel cost</translation>
    </message>
    <message>
        <location filename="../../ui/views/lead/reports_view.py" line="246"/>
        <source>Cost per yuan recovered</source>
        <translation>Cost per yuan recovered</translation>
    </message>
    <message>
        <location filename="../../ui/views/lead/reports_view.py" line="270"/>
        <source>Cases by age at each month end</source>
        <translation>Cases by age at each month end</translation>
    </message>
    <message>
        <location filename="../../ui/views/lead/reports_view.py" line="291"/>
        <source>Completed visits per collector per day</source>
        <translation>Completed visits per collector per day</translation>
    </message>
    <message>
        <location filename="../../ui/views/lead/reports_view.py" line="294"/>
        <source>Visits a day</source>
        <translation>Visits a day</translation>
    </message>
    <message>
        <location filename="../../ui/views/lead/reports_view.py" line="306"/>
        <source>Contacts by outcome (success {rate})</source>
        <translation>Contacts by outcome (success {rate})</translation>
    </message>
    <message>
        <location filename="../../ui/views/lead/reports_view.py" line="324"/>
        <source>Travel cost per collector (yuan)</source>
        <translation>Travel cost per collector (yuan)</translation>
    </message>
    <message>
        <location filename="../../ui/views/lead/reports_view.py" line="326"/>
        <source>Travel cost per collector: no planned route in the period</source>
        <translation>Travel cost per collector: no planned route in the period</translation>
    </message>
    <message>
        <location filename="../../ui/views/lead/reports_view.py" line="371"/>
        <source>Roll rates need two month ends in the period.</source>
        <translation>Roll rates need two month ends in the period.</translation>
    </message>
    <message>
        <location filename="../../ui/views/lead/reports_view.py" line="381"/>
        <source>Roll rates from {start} to {end}</source>
        <translation>Roll rates from {start} to {end}</translation>
    </message>
    <message>
        <location filename="../../ui/views/lead/reports_view.py" line="389"/>
        <source>Closed</source>
        <translation>Closed</translation>
    </message>
    <message>
        <location filename="../../ui/views/lead/reports_view.py" line="408"/>
        <source>From \ to</source>
        <translation>From \ to</translation>
    </message>
    <message>
        <location filename="../../ui/views/lead/reports_view.py" line="439"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../ui/views/lead/reports_view.py" line="441"/>
        <source>PDF document (*.pdf)</source>
        <translation>PDF document (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/views/lead/reports_view.py" line="445"/>
        <source>Export the report</source>
        <translation>Export the report</translation>
    </message>
    <message>
        <location filename="../../ui/views/lead/reports_view.py" line="457"/>
        <source>Report written to {path}</source>
        <translation>Report written to {path}</translation>
    </message>
    <message>
        <location filename="../../ui/views/lead/reports_view.py" line="465"/>
        <source>Reports</source>
        <translation>Reports</translation>
    </message>
    <message>
        <location filename="../../ui/views/lead/reports_view.py" line="466"/>
        <source>From</source>
        <translation>From</translation>
    </message>
    <message>
        <location filename="../../ui/views/lead/reports_view.py" line="467"/>
        <source>to</source>
        <translation>to</translation>
    </message>
    <message>
        <location filename="../../ui/views/lead/reports_view.py" line="468"/>
        <source>Show</source>
        <translation>Show</translation>
    </message>
    <message>
        <location filename="../../ui/views/lead/reports_view.py" line="469"/>
        <source>Export XLSX</source>
        <translation>Export XLSX</translation>
    </message>
    <message>
        <location filename="../../ui/views/lead/reports_view.py" line="470"/>
        <source>Export PDF</source>
        <translation>Export PDF</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../ui/dialogs/settings_dialog.py" line="32"/>
        <source>Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/settings_dialog.py" line="33"/>
        <source>Contact rules</source>
        <translation>Contact rules</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/settings_dialog.py" line="34"/>
        <source>Days of grace before a promise counts as broken</source>
        <translation>Days of grace before a promise counts as broken</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/settings_dialog.py" line="37"/>
        <source>Sync automatically when the server is reachable</source>
        <translation>Sync automatically when the server is reachable</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/settings_dialog.py" line="40"/>
        <source>Lock after this many idle minutes (0: never)</source>
        <translation>Lock after this many idle minutes (0: never)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/settings_dialog.py" line="43"/>
        <source>Largest attachment file synced (MB)</source>
        <translation>Largest attachment file synced (MB)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/settings_dialog.py" line="44"/>
        <source>Travel cost per km (yuan)</source>
        <translation>Travel cost per km (yuan)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/settings_dialog.py" line="45"/>
        <source>Collector&apos;s hourly rate (yuan)</source>
        <translation>Collector&apos;s hourly rate (yuan)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/settings_dialog.py" line="46"/>
        <source>Map background</source>
        <translation>Map background</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/settings_dialog.py" line="47"/>
        <source>Online map tiles (URL with {z}, {x} and {y})</source>
        <translation>Online map tiles (URL with {z}, {x} and {y})</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/settings_dialog.py" line="50"/>
        <source>Offline map tiles (.mbtiles file)</source>
        <translation>Offline map tiles (.mbtiles file)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/settings_dialog.py" line="51"/>
        <source>OSRM server for road travel times (URL; empty: estimate)</source>
        <translation>OSRM server for road travel times (URL; empty: estimate)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/settings_dialog.py" line="54"/>
        <source>Seconds the route planner may take</source>
        <translation>Seconds the route planner may take</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/settings_dialog.py" line="55"/>
        <source>Cores the route planner may use (0: all)</source>
        <translation>Cores the route planner may use (0: all)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/settings_dialog.py" line="60"/>
        <source>System language</source>
        <translation>System language</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/settings_dialog.py" line="63"/>
        <source>China (CN): 08:00–22:00, 6 unanswered calls a day</source>
        <translation>China (CN): 08:00–22:00, 6 unanswered calls a day</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/settings_dialog.py" line="64"/>
        <source>United States (US): 08:00–21:00, 7 calls in 7 days</source>
        <translation>United States (US): 08:00–21:00, 7 calls in 7 days</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/settings_dialog.py" line="65"/>
        <source>United Kingdom (UK): 08:00–21:00</source>
        <translation>United Kingdom (UK): 08:00–21:00</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/settings_dialog.py" line="66"/>
        <source>None: markers and routes on a plain background</source>
        <translation>None: markers and routes on a plain background</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/settings_dialog.py" line="67"/>
        <source>Online tiles</source>
        <translation>Online tiles</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/settings_dialog.py" line="68"/>
        <source>Offline tiles from an .mbtiles file</source>
        <translation>Offline tiles from an .mbtiles file</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/settings_dialog.py" line="129"/>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
</context>
<context>
    <name>SignaturePad</name>
    <message>
        <location filename="../../ui/widgets/signature_pad.py" line="278"/>
        <source>Sign here</source>
        <translation>Sign here</translation>
    </message>
</context>
<context>
    <name>SigningDialog</name>
    <message>
        <location filename="../../ui/dialogs/signing_dialog.py" line="180"/>
        <source>Signed. Agreement {agreement_id} is stored with both signatures; the plan is now in force. Print it for the borrower from Agreements.</source>
        <translation>Signed. Agreement {agreement_id} is stored with both signatures; the plan is now in force. Print it for the borrower from Agreements.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/signing_dialog.py" line="189"/>
        <source>Sign the repayment plan with {borrower}</source>
        <translation>Sign the repayment plan with {borrower}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/signing_dialog.py" line="195"/>
        <source>Loan {loan_ref}: {total} yuan in {count} instalments. Both parties sign below; the agreement is printed with their signatures.</source>
        <translation>Loan {loan_ref}: {total} yuan in {count} instalments. Both parties sign below; the agreement is printed with their signatures.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/signing_dialog.py" line="206"/>
        <source>Borrower: {name}</source>
        <translation>Borrower: {name}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/signing_dialog.py" line="209"/>
        <source>Collector: {name}</source>
        <translation>Collector: {name}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/signing_dialog.py" line="212"/>
        <source>Undo</source>
        <translation>Undo</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/signing_dialog.py" line="214"/>
        <source>Clear</source>
        <translation>Clear</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/signing_dialog.py" line="215"/>
        <source>Signed &amp;at (place)</source>
        <translation>Signed &amp;at (place)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/signing_dialog.py" line="216"/>
        <source>&amp;Sign</source>
        <translation>&amp;Sign</translation>
    </message>
</context>
<context>
    <name>SuggestDialog</name>
    <message>
        <location filename="../../ui/dialogs/suggest_dialog.py" line="44"/>
        <source>no time that day within the borrower&apos;s hours and the legal hours</source>
        <translation>no time that day within the borrower&apos;s hours and the legal hours</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/suggest_dialog.py" line="47"/>
        <source>cannot be reached within its hours and your shift</source>
        <translation>cannot be reached within its hours and your shift</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/suggest_dialog.py" line="50"/>
        <source>the day is full with riskier cases or cases nearer each other</source>
        <translation>the day is full with riskier cases or cases nearer each other</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/suggest_dialog.py" line="53"/>
        <source>lower priority than the cases offered</source>
        <translation>lower priority than the cases offered</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/suggest_dialog.py" line="61"/>
        <source>{km} km from your start</source>
        <translation>{km} km from your start</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/suggest_dialog.py" line="63"/>
        <source>{km} km from the previous stop</source>
        <translation>{km} km from the previous stop</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/suggest_dialog.py" line="64"/>
        <source>tier {tier}, {owed} owed, {where}</source>
        <translation>tier {tier}, {owed} owed, {where}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/suggest_dialog.py" line="100"/>
        <source>Suggested visits for {day}</source>
        <translation>Suggested visits for {day}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/suggest_dialog.py" line="138"/>
        <source>Loan ref</source>
        <translation>Loan ref</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/suggest_dialog.py" line="143"/>
        <source>Borrower</source>
        <translation>Borrower</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/suggest_dialog.py" line="144"/>
        <source>Tier</source>
        <translation>Tier</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/suggest_dialog.py" line="146"/>
        <source>Owed</source>
        <translation>Owed</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/suggest_dialog.py" line="151"/>
        <source>District</source>
        <translation>District</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/suggest_dialog.py" line="153"/>
        <source>Why</source>
        <translation>Why</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/suggest_dialog.py" line="119"/>
        <source>&amp;Add to my day</source>
        <translation>&amp;Add to my day</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/suggest_dialog.py" line="160"/>
        <source>Choosing the cases worth visiting…</source>
        <translation>Choosing the cases worth visiting…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/suggest_dialog.py" line="179"/>
        <source>Something went wrong: {error}</source>
        <translation>Something went wrong: {error}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/suggest_dialog.py" line="225"/>
        <source>No case can be suggested for this day (room for {room} visits).</source>
        <translation>No case can be suggested for this day (room for {room} visits).</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/suggest_dialog.py" line="229"/>
        <source>{count} cases suggested in route order, {km} km from home and back. Uncheck those you do not want.</source>
        <translation>{count} cases suggested in route order, {km} km from home and back. Uncheck those you do not want.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/suggest_dialog.py" line="239"/>
        <source>Not suggested ({count}): {reason}</source>
        <translation>Not suggested ({count}): {reason}</translation>
    </message>
</context>
<context>
    <name>SyncView</name>
    <message>
        <location filename="../../ui/views/sync_view.py" line="364"/>
        <source>No central database yet: log in to sync</source>
        <translation>No central database yet: log in to sync</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="368"/>
        <source>The demo&apos;s embedded central database ({url})</source>
        <translation>The demo&apos;s embedded central database ({url})</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="375"/>
        <source>Reachable</source>
        <translation>Reachable</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="377"/>
        <source>Not reachable (offline)</source>
        <translation>Not reachable (offline)</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="380"/>
        <source>{count} changes</source>
        <translation>{count} changes</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="387"/>
        <source>Never</source>
        <translation>Never</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="208"/>
        <location filename="../../ui/views/sync_view.py" line="392"/>
        <source>Sync</source>
        <translation>Sync</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="46"/>
        <source>Did not finish</source>
        <translation>Did not finish</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="47"/>
        <source>Completed</source>
        <translation>Completed</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="48"/>
        <source>Cancelled</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="49"/>
        <source>Failed</source>
        <translation>Failed</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="209"/>
        <source>Password for the central database (kept for this session only):</source>
        <translation>Password for the central database (kept for this session only):</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="222"/>
        <location filename="../../ui/views/sync_view.py" line="273"/>
        <source>Syncing…</source>
        <translation>Syncing…</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="248"/>
        <source>Cancelling… the sync stops after the batch it is on.</source>
        <translation>Cancelling… the sync stops after the batch it is on.</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="267"/>
        <source>Sending changes: {done} of {total}</source>
        <translation>Sending changes: {done} of {total}</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="268"/>
        <source>Receiving: {done} of {total} rows</source>
        <translation>Receiving: {done} of {total} rows</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="269"/>
        <source>Receiving cases: {done} of {total}</source>
        <translation>Receiving cases: {done} of {total}</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="270"/>
        <source>Finishing…</source>
        <translation>Finishing…</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="286"/>
        <source>Sync cancelled: {pushed} changes sent, {pulled} rows received. The rest stays queued for the next sync.</source>
        <translation>Sync cancelled: {pushed} changes sent, {pulled} rows received. The rest stays queued for the next sync.</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="295"/>
        <source>Synced: {pushed} changes sent, {pulled} rows received, {refused} refused, {granted} cases added, {removed} cases removed.</source>
        <translation>Synced: {pushed} changes sent, {pulled} rows received, {refused} refused, {granted} cases added, {removed} cases removed.</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="313"/>
        <source>Not synced: {reason}. Every change stays queued.</source>
        <translation>Not synced: {reason}. Every change stays queued.</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="330"/>
        <source>&amp;Conflicts ({count})</source>
        <translation>&amp;Conflicts ({count})</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="393"/>
        <source>Central database</source>
        <translation>Central database</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="394"/>
        <source>Connection</source>
        <translation>Connection</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="395"/>
        <source>Waiting to be sent</source>
        <translation>Waiting to be sent</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="396"/>
        <source>Last sync</source>
        <translation>Last sync</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="397"/>
        <source>&amp;Sync now</source>
        <translation>&amp;Sync now</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="398"/>
        <source>Ca&amp;ncel</source>
        <translation>Ca&amp;ncel</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="399"/>
        <source>Sync log</source>
        <translation>Sync log</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="69"/>
        <source>Started</source>
        <translation>Started</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="73"/>
        <source>Ended</source>
        <translation>Ended</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="76"/>
        <source>Result</source>
        <translation>Result</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="77"/>
        <source>Sent</source>
        <translation>Sent</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="78"/>
        <source>Received</source>
        <translation>Received</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="79"/>
        <source>Refused</source>
        <translation>Refused</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="80"/>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="404"/>
        <source>Everything you record is saved on this laptop at once and waits here until the next sync. A change the central database refuses is kept below, never dropped.</source>
        <translation>Everything you record is saved on this laptop at once and waits here until the next sync. A change the central database refuses is kept below, never dropped.</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="411"/>
        <source>Changes the central database refused</source>
        <translation>Changes the central database refused</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="56"/>
        <source>Table</source>
        <translation>Table</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="57"/>
        <source>Outcome</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <location filename="../../ui/views/sync_view.py" line="59"/>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
</context>
<context>
    <name>TeamBoardView</name>
    <message>
        <location filename="../../ui/views/lead/team_board_view.py" line="43"/>
        <source>Check-out overdue</source>
        <translation>Check-out overdue</translation>
    </message>
    <message>
        <location filename="../../ui/views/lead/team_board_view.py" line="44"/>
        <source>Flagged address</source>
        <translation>Flagged address</translation>
    </message>
    <message>
        <location filename="../../ui/views/lead/team_board_view.py" line="242"/>
        <source>Stop {number} · {time}</source>
        <translation>Stop {number} · {time}</translation>
    </message>
    <message>
        <location filename="../../ui/views/lead/team_board_view.py" line="252"/>
        <source>Planned route of {name}: {count} stops</source>
        <translation>Planned route of {name}: {count} stops</translation>
    </message>
    <message>
        <location filename="../../ui/views/lead/team_board_view.py" line="258"/>
        <source>Choose a collector to see his route.</source>
        <translation>Choose a collector to see his route.</translation>
    </message>
    <message>
        <location filename="../../ui/views/lead/team_board_view.py" line="273"/>
        <source>Alert</source>
        <translation>Alert</translation>
    </message>
    <message>
        <location filename="../../ui/views/lead/team_board_view.py" line="278"/>
        <location filename="../../ui/views/lead/team_board_view.py" line="298"/>
        <source>Collector</source>
        <translation>Collector</translation>
    </message>
    <message>
        <location filename="../../ui/views/lead/team_board_view.py" line="282"/>
        <source>Case</source>
        <translation>Case</translation>
    </message>
    <message>
        <location filename="../../ui/views/lead/team_board_view.py" line="285"/>
        <source>Since</source>
        <translation>Since</translation>
    </message>
    <message>
        <location filename="../../ui/views/lead/team_board_view.py" line="287"/>
        <source>Detail</source>
        <translation>Detail</translation>
    </message>
    <message>
        <location filename="../../ui/views/lead/team_board_view.py" line="290"/>
        <source>Address</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../ui/views/lead/team_board_view.py" line="302"/>
        <source>Planned</source>
        <translation>Planned</translation>
    </message>
    <message>
        <location filename="../../ui/views/lead/team_board_view.py" line="307"/>
        <source>Done</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../../ui/views/lead/team_board_view.py" line="319"/>
        <source>Checked in</source>
        <translation>Checked in</translation>
    </message>
    <message>
        <location filename="../../ui/views/lead/team_board_view.py" line="312"/>
        <source>Alerts</source>
        <translation>Alerts</translation>
    </message>
    <message>
        <location filename="../../ui/views/lead/team_board_view.py" line="331"/>
        <source>{minutes} min past the planned end</source>
        <translation>{minutes} min past the planned end</translation>
    </message>
    <message>
        <location filename="../../ui/views/lead/team_board_view.py" line="334"/>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <location filename="../../ui/views/lead/team_board_view.py" line="342"/>
        <source>{place} since {time}</source>
        <translation>{place} since {time}</translation>
    </message>
    <message>
        <location filename="../../ui/views/lead/team_board_view.py" line="349"/>
        <source>Team board</source>
        <translation>Team board</translation>
    </message>
    <message>
        <location filename="../../ui/views/lead/team_board_view.py" line="352"/>
        <source>Team board — {team}, {day}</source>
        <translation>Team board — {team}, {day}</translation>
    </message>
    <message>
        <location filename="../../ui/views/lead/team_board_view.py" line="357"/>
        <source>Updated {time}; read again every minute and after each sync.</source>
        <translation>Updated {time}; read again every minute and after each sync.</translation>
    </message>
    <message>
        <location filename="../../ui/views/lead/team_board_view.py" line="362"/>
        <source>Safety alerts: {count}</source>
        <translation>Safety alerts: {count}</translation>
    </message>
    <message>
        <location filename="../../ui/views/lead/team_board_view.py" line="366"/>
        <source>No safety alert</source>
        <translation>No safety alert</translation>
    </message>
    <message>
        <location filename="../../ui/views/lead/team_board_view.py" line="371"/>
        <source>Alert when a check-out is late by more than</source>
        <translation>Alert when a check-out is late by more than</translation>
    </message>
    <message>
        <location filename="../../ui/views/lead/team_board_view.py" line="375"/>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <location filename="../../ui/views/lead/team_board_view.py" line="376"/>
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
</context>
<context>
    <name>TeamPlanDialog</name>
    <message>
        <location filename="../../ui/dialogs/team_plan_dialog.py" line="42"/>
        <source>the borrower has no address with a position</source>
        <translation>the borrower has no address with a position</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/team_plan_dialog.py" line="45"/>
        <source>it needs two people and no pair of collectors is free</source>
        <translation>it needs two people and no pair of collectors is free</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/team_plan_dialog.py" line="48"/>
        <source>no collector can be there within the borrower&apos;s hours, the legal hours and the shift</source>
        <translation>no collector can be there within the borrower&apos;s hours, the legal hours and the shift</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/team_plan_dialog.py" line="52"/>
        <source>it does not fit any collector&apos;s day</source>
        <translation>it does not fit any collector&apos;s day</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/team_plan_dialog.py" line="53"/>
        <source>the days are full: the visits planned are riskier or nearer</source>
        <translation>the days are full: the visits planned are riskier or nearer</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/team_plan_dialog.py" line="90"/>
        <source>{hours} h</source>
        <translation>{hours} h</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/team_plan_dialog.py" line="98"/>
        <source>Day</source>
        <translation>Day</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/team_plan_dialog.py" line="102"/>
        <source>Collector</source>
        <translation>Collector</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/team_plan_dialog.py" line="106"/>
        <source>Visits</source>
        <translation>Visits</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/team_plan_dialog.py" line="111"/>
        <source>Distance</source>
        <translation>Distance</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/team_plan_dialog.py" line="112"/>
        <source>{km} km</source>
        <translation>{km} km</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/team_plan_dialog.py" line="118"/>
        <source>On duty</source>
        <translation>On duty</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/team_plan_dialog.py" line="123"/>
        <source>First visit</source>
        <translation>First visit</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/team_plan_dialog.py" line="129"/>
        <source>Cases in route order</source>
        <translation>Cases in route order</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/team_plan_dialog.py" line="138"/>
        <source>Last day tried</source>
        <translation>Last day tried</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/team_plan_dialog.py" line="142"/>
        <source>Loan ref</source>
        <translation>Loan ref</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/team_plan_dialog.py" line="146"/>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/team_plan_dialog.py" line="203"/>
        <source>Plan the team&apos;s days</source>
        <translation>Plan the team&apos;s days</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/team_plan_dialog.py" line="223"/>
        <source>First day:</source>
        <translation>First day:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/team_plan_dialog.py" line="224"/>
        <source>Number of days:</source>
        <translation>Number of days:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/team_plan_dialog.py" line="225"/>
        <source>Solver seconds per day:</source>
        <translation>Solver seconds per day:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/team_plan_dialog.py" line="228"/>
        <source>Propose</source>
        <translation>Propose</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/team_plan_dialog.py" line="232"/>
        <source>Apply</source>
        <translation>Apply</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/team_plan_dialog.py" line="292"/>
        <source>Planning {days} days of the team…</source>
        <translation>Planning {days} days of the team…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/team_plan_dialog.py" line="304"/>
        <source>Writing the plan and syncing the workspace…</source>
        <translation>Writing the plan and syncing the workspace…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/team_plan_dialog.py" line="333"/>
        <source>Road times could not be read from the OSRM server, so travel was estimated from straight-line distance: {detail}</source>
        <translation>Road times could not be read from the OSRM server, so travel was estimated from straight-line distance: {detail}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/team_plan_dialog.py" line="348"/>
        <source>Something went wrong: {error}</source>
        <translation>Something went wrong: {error}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/team_plan_dialog.py" line="369"/>
        <source>{visits} visits planned ({first} to {last}) and given to their collectors; {left} cases left out.</source>
        <translation>{visits} visits planned ({first} to {last}) and given to their collectors; {left} cases left out.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/team_plan_dialog.py" line="375"/>
        <source>{visits} visits would be planned ({first} to {last}); {left} cases left out. Apply to assign the cases and plan the visits.</source>
        <translation>{visits} visits would be planned ({first} to {last}); {left} cases left out. Apply to assign the cases and plan the visits.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/team_plan_dialog.py" line="386"/>
        <source>{count} cases already had a visit planned and were left alone.</source>
        <translation>{count} cases already had a visit planned and were left alone.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/team_plan_dialog.py" line="395"/>
        <source>Left out ({count})</source>
        <translation>Left out ({count})</translation>
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
        <translation>{minutes} min</translation>
    </message>
    <message>
        <location filename="../../ui/views/today_view.py" line="675"/>
        <source>{check_in} – {check_out}</source>
        <translation>{check_in} – {check_out}</translation>
    </message>
    <message>
        <location filename="../../ui/views/today_view.py" line="265"/>
        <source>Locked: the stop keeps its time when the route is planned again</source>
        <translation>Locked: the stop keeps its time when the route is planned again</translation>
    </message>
    <message>
        <location filename="../../ui/views/today_view.py" line="315"/>
        <source>{stops} stops · {km} km · {minutes} minutes on the road · home at {back} · about {cost} yuan</source>
        <translation>{stops} stops · {km} km · {minutes} minutes on the road · home at {back} · about {cost} yuan</translation>
    </message>
    <message>
        <location filename="../../ui/views/today_view.py" line="327"/>
        <source>{count} stops miss their time window</source>
        <translation>{count} stops miss their time window</translation>
    </message>
    <message>
        <location filename="../../ui/views/today_view.py" line="331"/>
        <source>home after the end of your shift</source>
        <translation>home after the end of your shift</translation>
    </message>
    <message>
        <location filename="../../ui/views/today_view.py" line="348"/>
        <source>Road times could not be read from the OSRM server, so travel was estimated from straight-line distance: {detail}</source>
        <translation>Road times could not be read from the OSRM server, so travel was estimated from straight-line distance: {detail}</translation>
    </message>
    <message>
        <location filename="../../ui/views/today_view.py" line="370"/>
        <source>Only a planned visit with a known address can be moved.</source>
        <translation>Only a planned visit with a known address can be moved.</translation>
    </message>
    <message>
        <location filename="../../ui/views/today_view.py" line="420"/>
        <source>route-{day}.pdf</source>
        <translation>route-{day}.pdf</translation>
    </message>
    <message>
        <location filename="../../ui/views/today_view.py" line="425"/>
        <source>Save the route sheet</source>
        <translation>Save the route sheet</translation>
    </message>
    <message>
        <location filename="../../ui/views/today_view.py" line="427"/>
        <source>PDF files (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/views/today_view.py" line="440"/>
        <source>Route sheet of {stops} stops saved to {file}</source>
        <translation>Route sheet of {stops} stops saved to {file}</translation>
    </message>
    <message>
        <location filename="../../ui/views/today_view.py" line="470"/>
        <source>Check in</source>
        <translation>Check in</translation>
    </message>
    <message>
        <location filename="../../ui/views/today_view.py" line="481"/>
        <source>Place picked on the map: {lat}, {lon}. Your next check-in uses it.</source>
        <translation>Place picked on the map: {lat}, {lon}. Your next check-in uses it.</translation>
    </message>
    <message>
        <location filename="../../ui/views/today_view.py" line="498"/>
        <source>Where are you?</source>
        <translation>Where are you?</translation>
    </message>
    <message>
        <location filename="../../ui/views/today_view.py" line="499"/>
        <source>Where are you? Your position {lat}, {lon} is recorded too.</source>
        <translation>Where are you? Your position {lat}, {lon} is recorded too.</translation>
    </message>
    <message>
        <location filename="../../ui/views/today_view.py" line="568"/>
        <source>{count} suggested visits added; plan the route to order them.</source>
        <translation>{count} suggested visits added; plan the route to order them.</translation>
    </message>
    <message>
        <location filename="../../ui/views/today_view.py" line="586"/>
        <source>Route planned: {stops} stops, {km} km, {minutes} minutes on the road, home at {back}, about {cost} yuan.</source>
        <translation>Route planned: {stops} stops, {km} km, {minutes} minutes on the road, home at {back}, about {cost} yuan.</translation>
    </message>
    <message>
        <location filename="../../ui/views/today_view.py" line="601"/>
        <source>{borrower} is left out: {reason}</source>
        <translation>{borrower} is left out: {reason}</translation>
    </message>
    <message>
        <location filename="../../ui/views/today_view.py" line="627"/>
        <source>Today&apos;s visits</source>
        <translation>Today&apos;s visits</translation>
    </message>
    <message>
        <location filename="../../ui/views/today_view.py" line="628"/>
        <source>S&amp;uggest visits…</source>
        <translation>S&amp;uggest visits…</translation>
    </message>
    <message>
        <location filename="../../ui/views/today_view.py" line="629"/>
        <source>Plan the &amp;route</source>
        <translation>Plan the &amp;route</translation>
    </message>
    <message>
        <location filename="../../ui/views/today_view.py" line="630"/>
        <source>&amp;Print route sheet…</source>
        <translation>&amp;Print route sheet…</translation>
    </message>
    <message>
        <location filename="../../ui/views/today_view.py" line="260"/>
        <source>Stop</source>
        <translation>Stop</translation>
    </message>
    <message>
        <location filename="../../ui/views/today_view.py" line="277"/>
        <source>Time window</source>
        <translation>Time window</translation>
    </message>
    <message>
        <location filename="../../ui/views/today_view.py" line="279"/>
        <source>Arrival</source>
        <translation>Arrival</translation>
    </message>
    <message>
        <location filename="../../ui/views/today_view.py" line="285"/>
        <source>Wait</source>
        <translation>Wait</translation>
    </message>
    <message>
        <location filename="../../ui/views/today_view.py" line="292"/>
        <source>Borrower</source>
        <translation>Borrower</translation>
    </message>
    <message>
        <location filename="../../ui/views/today_view.py" line="293"/>
        <source>Loan ref</source>
        <translation>Loan ref</translation>
    </message>
    <message>
        <location filename="../../ui/views/today_view.py" line="295"/>
        <source>Address</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../ui/views/today_view.py" line="298"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/views/today_view.py" line="301"/>
        <source>Checked in – out</source>
        <translation>Checked in – out</translation>
    </message>
    <message>
        <location filename="../../ui/views/today_view.py" line="303"/>
        <source>Warning</source>
        <translation>Warning</translation>
    </message>
    <message>
        <location filename="../../ui/views/today_view.py" line="633"/>
        <source>Drag a stop to another place (or press Ctrl+Up, Ctrl+Down) to change the order of the route</source>
        <translation>Drag a stop to another place (or press Ctrl+Up, Ctrl+Down) to change the order of the route</translation>
    </message>
    <message>
        <location filename="../../ui/views/today_view.py" line="639"/>
        <source>Move the stop up</source>
        <translation>Move the stop up</translation>
    </message>
    <message>
        <location filename="../../ui/views/today_view.py" line="640"/>
        <source>Move the stop down</source>
        <translation>Move the stop down</translation>
    </message>
    <message>
        <location filename="../../ui/views/today_view.py" line="641"/>
        <source>Check &amp;in</source>
        <translation>Check &amp;in</translation>
    </message>
    <message>
        <location filename="../../ui/views/today_view.py" line="642"/>
        <source>Check ou&amp;t</source>
        <translation>Check ou&amp;t</translation>
    </message>
    <message>
        <location filename="../../ui/views/today_view.py" line="643"/>
        <source>Record &amp;outcome…</source>
        <translation>Record &amp;outcome…</translation>
    </message>
    <message>
        <location filename="../../ui/views/today_view.py" line="644"/>
        <source>Open &amp;case</source>
        <translation>Open &amp;case</translation>
    </message>
    <message>
        <location filename="../../ui/views/today_view.py" line="646"/>
        <source>No visits planned for this day</source>
        <translation>No visits planned for this day</translation>
    </message>
    <message>
        <location filename="../../ui/views/today_view.py" line="683"/>
        <source>{minutes} min after its time window</source>
        <translation>{minutes} min after its time window</translation>
    </message>
    <message>
        <location filename="../../ui/views/today_view.py" line="687"/>
        <source>no time today is allowed for this visit</source>
        <translation>no time today is allowed for this visit</translation>
    </message>
</context>
<context>
    <name>WorkspacePasswordDialog</name>
    <message>
        <location filename="../../ui/dialogs/workspace_password_dialog.py" line="64"/>
        <source>Open workspace</source>
        <translation>Open workspace</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/workspace_password_dialog.py" line="67"/>
        <source>This workspace in {folder} is encrypted with your password, because this computer has no keyring to keep its key. Enter your password to open it; it is kept for this session only, for syncing.</source>
        <translation>This workspace in {folder} is encrypted with your password, because this computer has no keyring to keep its key. Enter your password to open it; it is kept for this session only, for syncing.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/workspace_password_dialog.py" line="72"/>
        <source>Password</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/workspace_password_dialog.py" line="73"/>
        <source>&amp;Open</source>
        <translation>&amp;Open</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/workspace_password_dialog.py" line="74"/>
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/workspace_password_dialog.py" line="80"/>
        <source>Wrong password. Try again.</source>
        <translation>Wrong password. Try again.</translation>
    </message>
</context>
</TS>
