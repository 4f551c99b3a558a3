<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>AccessRequestDialog</name>
    <message>
        <location filename="../../ui/approvals/request_dialog.py" line="68" />
        <source>Request to view footage</source>
        <translation>调阅申请</translation>
    </message>
    <message>
        <location filename="../../ui/approvals/request_dialog.py" line="74" />
        <source>File numbers, separated by commas</source>
        <translation>文件编号，以逗号分隔</translation>
    </message>
    <message>
        <location filename="../../ui/approvals/request_dialog.py" line="81" />
        <source>Files:</source>
        <translation>文件：</translation>
    </message>
    <message>
        <location filename="../../ui/approvals/request_dialog.py" line="85" />
        <source>Badge no.:</source>
        <translation>警号：</translation>
    </message>
    <message>
        <location filename="../../ui/approvals/request_dialog.py" line="86" />
        <source>From:</source>
        <translation>起始时间：</translation>
    </message>
    <message>
        <location filename="../../ui/approvals/request_dialog.py" line="87" />
        <source>To:</source>
        <translation>截止时间：</translation>
    </message>
    <message>
        <location filename="../../ui/approvals/request_dialog.py" line="90" />
        <source>Incident/case no.:</source>
        <translation>警情/案件编号：</translation>
    </message>
    <message>
        <location filename="../../ui/approvals/request_dialog.py" line="94" />
        <source>Why the footage is needed (required)</source>
        <translation>调阅事由（必填）</translation>
    </message>
    <message>
        <location filename="../../ui/approvals/request_dialog.py" line="96" />
        <source>Also download a copy</source>
        <translation>同时申请下载</translation>
    </message>
    <message>
        <location filename="../../ui/approvals/request_dialog.py" line="100" />
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <location filename="../../ui/approvals/request_dialog.py" line="102" />
        <source>Own use</source>
        <translation>本单位使用</translation>
    </message>
    <message>
        <location filename="../../ui/approvals/request_dialog.py" line="106" />
        <source>Number of the legal document</source>
        <translation>法律文书编号</translation>
    </message>
    <message>
        <location filename="../../ui/approvals/request_dialog.py" line="113" />
        <source>Submit</source>
        <translation>提交</translation>
    </message>
    <message>
        <location filename="../../ui/approvals/request_dialog.py" line="118" />
        <source>Footage by:</source>
        <translation>申请方式：</translation>
    </message>
    <message>
        <location filename="../../ui/approvals/request_dialog.py" line="123" />
        <source>Reason:</source>
        <translation>调阅事由：</translation>
    </message>
    <message>
        <location filename="../../ui/approvals/request_dialog.py" line="124" />
        <source>Access:</source>
        <translation>调阅权限：</translation>
    </message>
    <message>
        <location filename="../../ui/approvals/request_dialog.py" line="125" />
        <source>Access period:</source>
        <translation>调阅期限：</translation>
    </message>
    <message>
        <location filename="../../ui/approvals/request_dialog.py" line="126" />
        <source>Requested for:</source>
        <translation>申请用途：</translation>
    </message>
    <message>
        <location filename="../../ui/approvals/request_dialog.py" line="127" />
        <source>Legal document:</source>
        <translation>法律文书：</translation>
    </message>
    <message>
        <location filename="../../ui/approvals/request_dialog.py" line="139" />
        <source>File numbers must be whole numbers separated by commas.</source>
        <translation>文件编号应为以逗号分隔的整数。</translation>
    </message>
</context>
<context>
    <name>AccessRequestTableModel</name>
    <message>
        <location filename="../../ui/approvals/request_model.py" line="20" />
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../ui/approvals/request_model.py" line="21" />
        <source>Submitted</source>
        <translation>提交时间</translation>
    </message>
    <message>
        <location filename="../../ui/approvals/request_model.py" line="22" />
        <source>Requester</source>
        <translation>申请人</translation>
    </message>
    <message>
        <location filename="../../ui/approvals/request_model.py" line="23" />
        <source>Requester's unit</source>
        <translation>申请人单位</translation>
    </message>
    <message>
        <location filename="../../ui/approvals/request_model.py" line="24" />
        <source>Footage</source>
        <translation>调阅资料</translation>
    </message>
    <message>
        <location filename="../../ui/approvals/request_model.py" line="25" />
        <source>Purpose</source>
        <translation>事由</translation>
    </message>
    <message>
        <location filename="../../ui/approvals/request_model.py" line="26" />
        <source>Access</source>
        <translation>调阅权限</translation>
    </message>
    <message>
        <location filename="../../ui/approvals/request_model.py" line="27" />
        <source>For</source>
        <translation>用途</translation>
    </message>
    <message>
        <location filename="../../ui/approvals/request_model.py" line="28" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/approvals/request_model.py" line="29" />
        <source>Approval route</source>
        <translation>审批流程</translation>
    </message>
    <message>
        <location filename="../../ui/approvals/request_model.py" line="30" />
        <source>Access until</source>
        <translation>授权有效期至</translation>
    </message>
    <message>
        <location filename="../../ui/approvals/request_model.py" line="39" />
        <source>View and download</source>
        <translation>调阅和下载</translation>
    </message>
    <message>
        <location filename="../../ui/approvals/request_model.py" line="39" />
        <source>View</source>
        <translation>调阅</translation>
    </message>
    <message>
        <location filename="../../ui/approvals/request_model.py" line="47" />
        <source>%1, %2 days</source>
        <translation>%1，%2 天</translation>
    </message>
    <message>
        <location filename="../../ui/approvals/request_model.py" line="57" />
        <source>%1 files</source>
        <translation>共 %1 个文件</translation>
    </message>
    <message>
        <location filename="../../ui/approvals/request_model.py" line="68" />
        <source>Own use</source>
        <translation>本单位使用</translation>
    </message>
</context>
<context>
    <name>ApprovalsView</name>
    <message>
        <location filename="../../ui/approvals/view.py" line="69" />
        <source>Approve destruction</source>
        <translation>批准销毁</translation>
    </message>
    <message>
        <location filename="../../ui/approvals/view.py" line="71" />
        <source>Reject destruction</source>
        <translation>驳回销毁</translation>
    </message>
    <message>
        <location filename="../../ui/approvals/view.py" line="76" />
        <source>Comment (required when rejecting)</source>
        <translation>审批意见（驳回时必填）</translation>
    </message>
    <message>
        <location filename="../../ui/approvals/view.py" line="77" />
        <source>Approve</source>
        <translation>批准</translation>
    </message>
    <message>
        <location filename="../../ui/approvals/view.py" line="79" />
        <source>Reject</source>
        <translation>驳回</translation>
    </message>
    <message>
        <location filename="../../ui/approvals/view.py" line="81" />
        <source>Revoke grant</source>
        <translation>撤销授权</translation>
    </message>
    <message>
        <location filename="../../ui/approvals/view.py" line="83" />
        <source>New request…</source>
        <translation>新建申请…</translation>
    </message>
    <message>
        <location filename="../../ui/approvals/view.py" line="85" />
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../ui/approvals/view.py" line="98" />
        <source>My requests and my unit's requests</source>
        <translation>我的申请和本单位审批的申请</translation>
    </message>
    <message>
        <location filename="../../ui/approvals/view.py" line="201" />
        <source>Destruction request %1: %2.</source>
        <translation>销毁申请 %1：%2。</translation>
    </message>
    <message>
        <location filename="../../ui/approvals/view.py" line="210" />
        <source>Request %1: %2.</source>
        <translation>调阅申请 %1：%2。</translation>
    </message>
    <message>
        <location filename="../../ui/approvals/view.py" line="215" />
        <source>Request %1 submitted.</source>
        <translation>调阅申请 %1 已提交。</translation>
    </message>
    <message>
        <location filename="../../ui/approvals/view.py" line="222" />
        <source>Waiting for my decision: %1</source>
        <translation>待我审批：%1</translation>
    </message>
    <message>
        <location filename="../../ui/approvals/view.py" line="224" />
        <source>Destruction requests waiting for my decision: %1</source>
        <translation>待我审批的销毁申请：%1</translation>
    </message>
</context>
<context>
    <name>ArchiveView</name>
    <message>
        <location filename="../../ui/archive/view.py" line="119" />
        <source>Export evidence…</source>
        <translation>导出证据…</translation>
    </message>
    <message>
        <location filename="../../ui/archive/view.py" line="129" />
        <source>%1 files</source>
        <translation>共 %1 个文件</translation>
    </message>
</context>
<context>
    <name>AuditTableModel</name>
    <message>
        <location filename="../../ui/admin/audit_table_model.py" line="18" />
        <source>Seq.</source>
        <translation>序号</translation>
    </message>
    <message>
        <location filename="../../ui/admin/audit_table_model.py" line="19" />
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../ui/admin/audit_table_model.py" line="20" />
        <source>User</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location filename="../../ui/admin/audit_table_model.py" line="21" />
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location filename="../../ui/admin/audit_table_model.py" line="22" />
        <source>Target</source>
        <translation>对象</translation>
    </message>
    <message>
        <location filename="../../ui/admin/audit_table_model.py" line="23" />
        <source>Details</source>
        <translation>说明</translation>
    </message>
</context>
<context>
    <name>AuditView</name>
    <message>
        <location filename="../../ui/admin/audit_view.py" line="71" />
        <source>Login name</source>
        <translation>登录名</translation>
    </message>
    <message>
        <location filename="../../ui/admin/audit_view.py" line="74" />
        <source>All actions</source>
        <translation>全部操作</translation>
    </message>
    <message>
        <location filename="../../ui/admin/audit_view.py" line="77" />
        <source>File no.</source>
        <translation>文件编号</translation>
    </message>
    <message>
        <location filename="../../ui/admin/audit_view.py" line="79" />
        <source>Period:</source>
        <translation>时间段：</translation>
    </message>
    <message>
        <location filename="../../ui/admin/audit_view.py" line="88" />
        <source>Search</source>
        <translation>查询</translation>
    </message>
    <message>
        <location filename="../../ui/admin/audit_view.py" line="90" />
        <source>Export to Excel…</source>
        <translation>导出为 Excel…</translation>
    </message>
    <message>
        <location filename="../../ui/admin/audit_view.py" line="92" />
        <source>Verify audit log</source>
        <translation>校验审计日志</translation>
    </message>
    <message>
        <location filename="../../ui/admin/audit_view.py" line="100" />
        <source>Audit log</source>
        <translation>审计日志</translation>
    </message>
    <message>
        <location filename="../../ui/admin/audit_view.py" line="101" />
        <source>Access register</source>
        <translation>调阅登记</translation>
    </message>
    <message>
        <location filename="../../ui/admin/audit_view.py" line="107" />
        <source>User:</source>
        <translation>用户：</translation>
    </message>
    <message>
        <location filename="../../ui/admin/audit_view.py" line="108" />
        <source>Action:</source>
        <translation>操作：</translation>
    </message>
    <message>
        <location filename="../../ui/admin/audit_view.py" line="109" />
        <source>File:</source>
        <translation>文件：</translation>
    </message>
    <message>
        <location filename="../../ui/admin/audit_view.py" line="156" />
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <location filename="../../ui/admin/audit_view.py" line="168" />
        <source>Export to Excel</source>
        <translation>导出为 Excel</translation>
    </message>
    <message>
        <location filename="../../ui/admin/audit_view.py" line="168" />
        <source>Excel (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../ui/admin/audit_view.py" line="174" />
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <location filename="../../ui/admin/audit_view.py" line="185" />
        <source>Checking…</source>
        <translation>正在校验…</translation>
    </message>
    <message>
        <location filename="../../ui/admin/audit_view.py" line="206" />
        <source>%1 audit events and %2 register entries shown (at most %3 of each, newest first).</source>
        <translation>显示审计记录 %1 条、调阅登记 %2 条（各最多 %3 条，最新的在前）。</translation>
    </message>
    <message>
        <location filename="../../ui/admin/audit_view.py" line="214" />
        <source>%1 rows exported to %2.</source>
        <translation>已导出 %1 行到 %2。</translation>
    </message>
    <message>
        <location filename="../../ui/admin/audit_view.py" line="220" />
        <source>Audit log intact: %1 events checked.</source>
        <translation>审计日志完整：已校验 %1 条记录。</translation>
    </message>
    <message>
        <location filename="../../ui/admin/audit_view.py" line="221" />
        <source>Chain head (write it down, or keep it with the printed ledger): %1</source>
        <translation>审计链头（请记下，或与签字的纸质台帐一并保存）：%1</translation>
    </message>
    <message>
        <location filename="../../ui/admin/audit_view.py" line="226" />
        <source>Audit log tampered with: %1 problems (first at event %2).</source>
        <translation>审计日志已被篡改：发现 %1 处问题（首处在第 %2 条）。</translation>
    </message>
</context>
<context>
    <name>CaseLinkDialog</name>
    <message>
        <location filename="../../ui/archive/case_link_dialog.py" line="14" />
        <source>Link to incident/case</source>
        <translation>关联警情/案件</translation>
    </message>
    <message>
        <location filename="../../ui/archive/case_link_dialog.py" line="16" />
        <source>Incident (警情)</source>
        <translation>警情</translation>
    </message>
    <message>
        <location filename="../../ui/archive/case_link_dialog.py" line="17" />
        <source>Case (案件)</source>
        <translation>案件</translation>
    </message>
    <message>
        <location filename="../../ui/archive/case_link_dialog.py" line="18" />
        <source>Complaint (投诉)</source>
        <translation>投诉</translation>
    </message>
    <message>
        <location filename="../../ui/archive/case_link_dialog.py" line="19" />
        <source>e.g. J2026112100123</source>
        <translation>例如 J2026112100123</translation>
    </message>
    <message>
        <location filename="../../ui/archive/case_link_dialog.py" line="29" />
        <source>%1 file(s) selected</source>
        <translation>已选择 %1 个文件</translation>
    </message>
    <message>
        <location filename="../../ui/archive/case_link_dialog.py" line="30" />
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../ui/archive/case_link_dialog.py" line="31" />
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../ui/archive/case_link_dialog.py" line="32" />
        <source>Party</source>
        <translation>当事人</translation>
    </message>
    <message>
        <location filename="../../ui/archive/case_link_dialog.py" line="33" />
        <source>Handler</source>
        <translation>承办人</translation>
    </message>
    <message>
        <location filename="../../ui/archive/case_link_dialog.py" line="34" />
        <source>Summary</source>
        <translation>简要案情</translation>
    </message>
    <message>
        <location filename="../../ui/archive/case_link_dialog.py" line="40" />
        <source>Enter the incident or case number.</source>
        <translation>请填写警情/案件编号。</translation>
    </message>
</context>
<context>
    <name>ClassTableModel</name>
    <message>
        <location filename="../../ui/admin/retention_policy_tab.py" line="29" />
        <source>Class</source>
        <translation>保存类别</translation>
    </message>
    <message>
        <location filename="../../ui/admin/retention_policy_tab.py" line="29" />
        <source>Period</source>
        <translation>保存期限</translation>
    </message>
    <message>
        <location filename="../../ui/admin/retention_policy_tab.py" line="29" />
        <source>Basis</source>
        <translation>依据</translation>
    </message>
</context>
<context>
    <name>ClipDetailPane</name>
    <message>
        <location filename="../../ui/archive/clip_detail_pane.py" line="39" />
        <source>Play</source>
        <translation>播放</translation>
    </message>
    <message>
        <location filename="../../ui/archive/clip_detail_pane.py" line="40" />
        <location filename="../../ui/archive/clip_detail_pane.py" line="84" />
        <source>Mark important</source>
        <translation>标记为重点</translation>
    </message>
    <message>
        <location filename="../../ui/archive/clip_detail_pane.py" line="41" />
        <source>Link to incident/case…</source>
        <translation>关联警情/案件…</translation>
    </message>
    <message>
        <location filename="../../ui/archive/clip_detail_pane.py" line="42" />
        <source>Export evidence…</source>
        <translation>导出证据…</translation>
    </message>
    <message>
        <location filename="../../ui/archive/clip_detail_pane.py" line="79" />
        <source>Select a file to see its details.</source>
        <translation>选择一个文件以查看详细信息。</translation>
    </message>
    <message>
        <location filename="../../ui/archive/clip_detail_pane.py" line="84" />
        <source>Remove important mark</source>
        <translation>取消重点标记</translation>
    </message>
    <message>
        <location filename="../../ui/archive/clip_detail_pane.py" line="86" />
        <source>File</source>
        <translation>文件名</translation>
    </message>
    <message>
        <location filename="../../ui/archive/clip_detail_pane.py" line="87" />
        <source>Recorded</source>
        <translation>录制时间</translation>
    </message>
    <message>
        <location filename="../../ui/archive/clip_detail_pane.py" line="88" />
        <source>Device clock offset</source>
        <translation>设备时钟偏差</translation>
    </message>
    <message>
        <location filename="../../ui/archive/clip_detail_pane.py" line="89" />
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../ui/archive/clip_detail_pane.py" line="89" />
        <source>Unassigned</source>
        <translation>待分配</translation>
    </message>
    <message>
        <location filename="../../ui/archive/clip_detail_pane.py" line="90" />
        <source>Officer</source>
        <translation>执法人员</translation>
    </message>
    <message>
        <location filename="../../ui/archive/clip_detail_pane.py" line="91" />
        <source>Device</source>
        <translation>设备编号</translation>
    </message>
    <message>
        <location filename="../../ui/archive/clip_detail_pane.py" line="92" />
        <source>Format</source>
        <translation>格式</translation>
    </message>
    <message>
        <location filename="../../ui/archive/clip_detail_pane.py" line="93" />
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <location filename="../../ui/archive/clip_detail_pane.py" line="95" />
        <source>Ingested</source>
        <translation>入库时间</translation>
    </message>
    <message>
        <location filename="../../ui/archive/clip_detail_pane.py" line="96" />
        <source>Incident/case</source>
        <translation>警情/案件</translation>
    </message>
    <message>
        <location filename="../../ui/archive/clip_detail_pane.py" line="96" />
        <source>not linked</source>
        <translation>未关联</translation>
    </message>
    <message>
        <location filename="../../ui/archive/clip_detail_pane.py" line="97" />
        <source>Integrity</source>
        <translation>完整性</translation>
    </message>
    <message>
        <location filename="../../ui/archive/clip_detail_pane.py" line="97" />
        <source>OK</source>
        <translation>正常</translation>
    </message>
    <message>
        <location filename="../../ui/archive/clip_detail_pane.py" line="98" />
        <source>Archive path</source>
        <translation>存储路径</translation>
    </message>
    <message>
        <location filename="../../ui/archive/clip_detail_pane.py" line="106" />
        <source>Audit history</source>
        <translation>审计记录</translation>
    </message>
    <message>
        <location filename="../../ui/archive/clip_detail_pane.py" line="115" />
        <source>Selected files…</source>
        <translation>所选文件…</translation>
    </message>
    <message>
        <location filename="../../ui/archive/clip_detail_pane.py" line="117" />
        <source>Every file of %1…</source>
        <translation>%1 的全部文件…</translation>
    </message>
    <message>
        <location filename="../../ui/archive/clip_detail_pane.py" line="121" />
        <source>Retention</source>
        <translation>保存期限</translation>
    </message>
    <message>
        <location filename="../../ui/archive/clip_detail_pane.py" line="121" />
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <location filename="../../ui/archive/clip_detail_pane.py" line="129" />
        <source>Class</source>
        <translation>保存类别</translation>
    </message>
    <message>
        <location filename="../../ui/archive/clip_detail_pane.py" line="130" />
        <source>Keep until</source>
        <translation>保存至</translation>
    </message>
    <message>
        <location filename="../../ui/archive/clip_detail_pane.py" line="131" />
        <source>Set by rule</source>
        <translation>决定规则</translation>
    </message>
    <message>
        <location filename="../../ui/archive/clip_detail_pane.py" line="134" />
        <source>Original</source>
        <translation>原始文件</translation>
    </message>
    <message>
        <location filename="../../ui/archive/clip_detail_pane.py" line="134" />
        <source>Destroyed; its tombstone keeps every fact</source>
        <translation>已销毁；销毁记录保留其全部信息</translation>
    </message>
    <message>
        <location filename="../../ui/archive/clip_detail_pane.py" line="138" />
        <source>Legal hold %1</source>
        <translation>法律保全 %1</translation>
    </message>
    <message>
        <location filename="../../ui/archive/clip_detail_pane.py" line="149" />
        <source>Rules that apply (▶ sets the period):</source>
        <translation>适用的规则（▶ 为决定保存期限的规则）：</translation>
    </message>
</context>
<context>
    <name>ClipPageModel</name>
    <message>
        <location filename="../../ui/archive/model.py" line="91" />
        <source>Recorded</source>
        <translation>录制时间</translation>
    </message>
    <message>
        <location filename="../../ui/archive/model.py" line="92" />
        <source>Duration</source>
        <translation>时长</translation>
    </message>
    <message>
        <location filename="../../ui/archive/model.py" line="93" />
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../ui/archive/model.py" line="94" />
        <source>Officer</source>
        <translation>执法人员</translation>
    </message>
    <message>
        <location filename="../../ui/archive/model.py" line="95" />
        <source>Badge no.</source>
        <translation>警号</translation>
    </message>
    <message>
        <location filename="../../ui/archive/model.py" line="96" />
        <source>Device</source>
        <translation>设备编号</translation>
    </message>
    <message>
        <location filename="../../ui/archive/model.py" line="97" />
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../ui/archive/model.py" line="98" />
        <source>Pre-screen</source>
        <translation>预筛查</translation>
    </message>
    <message>
        <location filename="../../ui/archive/model.py" line="99" />
        <source>Important</source>
        <translation>重点</translation>
    </message>
    <message>
        <location filename="../../ui/archive/model.py" line="100" />
        <source>Incident/case</source>
        <translation>警情/案件</translation>
    </message>
    <message>
        <location filename="../../ui/archive/model.py" line="101" />
        <source>Marks</source>
        <translation>标记</translation>
    </message>
    <message>
        <location filename="../../ui/archive/model.py" line="102" />
        <source>Notes</source>
        <translation>提示</translation>
    </message>
    <message>
        <location filename="../../ui/archive/model.py" line="103" />
        <source>File</source>
        <translation>文件名</translation>
    </message>
    <message>
        <location filename="../../ui/archive/model.py" line="106" />
        <source>Video</source>
        <translation>视频</translation>
    </message>
    <message>
        <location filename="../../ui/archive/model.py" line="107" />
        <source>Audio</source>
        <translation>音频</translation>
    </message>
    <message>
        <location filename="../../ui/archive/model.py" line="108" />
        <source>Photo</source>
        <translation>照片</translation>
    </message>
    <message>
        <location filename="../../ui/archive/model.py" line="109" />
        <source>Log</source>
        <translation>日志</translation>
    </message>
    <message>
        <location filename="../../ui/archive/model.py" line="310" />
        <source>Unassigned</source>
        <translation>待分配</translation>
    </message>
    <message>
        <location filename="../../ui/archive/model.py" line="334" />
        <source>Integrity problem: %1</source>
        <translation>完整性问题：%1</translation>
    </message>
    <message>
        <location filename="../../ui/archive/model.py" line="336" />
        <source>Uploaded after 24 h</source>
        <translation>超过 24 小时上传</translation>
    </message>
    <message>
        <location filename="../../ui/archive/model.py" line="338" />
        <source>Not linked to a case</source>
        <translation>未关联警情/案件</translation>
    </message>
</context>
<context>
    <name>ClockPanel</name>
    <message>
        <location filename="../../ui/admin/clock_panel.py" line="137" />
        <source>Enter offset…</source>
        <translation>登记偏差…</translation>
    </message>
    <message>
        <location filename="../../ui/admin/clock_panel.py" line="139" />
        <source>Batch correction…</source>
        <translation>批量校正…</translation>
    </message>
    <message>
        <location filename="../../ui/admin/clock_panel.py" line="141" />
        <source>Revert…</source>
        <translation>撤销…</translation>
    </message>
    <message>
        <location filename="../../ui/admin/clock_panel.py" line="159" />
        <source>Measurements (newest first)</source>
        <translation>偏差测量记录（最新在前）</translation>
    </message>
    <message>
        <location filename="../../ui/admin/clock_panel.py" line="160" />
        <source>Corrections (newest first)</source>
        <translation>批量校正记录（最新在前）</translation>
    </message>
    <message>
        <location filename="../../ui/admin/clock_panel.py" line="181" />
        <source>Select a recorder to see and correct its clock.</source>
        <translation>请选择一台执法记录仪，查看并校正其时钟。</translation>
    </message>
    <message>
        <location filename="../../ui/admin/clock_panel.py" line="184" />
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <location filename="../../ui/admin/clock_panel.py" line="238" />
        <source>Saved and recorded in the audit log.</source>
        <translation>已保存并记入审计日志。</translation>
    </message>
</context>
<context>
    <name>ConnectionDialog</name>
    <message>
        <location filename="../../ui/shell/connection_dialog.py" line="42" />
        <source>Archive connection</source>
        <translation>档案库连接</translation>
    </message>
    <message>
        <location filename="../../ui/shell/connection_dialog.py" line="49" />
        <source>Embedded archive (this computer)</source>
        <translation>单机档案库（本机）</translation>
    </message>
    <message>
        <location filename="../../ui/shell/connection_dialog.py" line="50" />
        <source>Branch archive (PostgreSQL server)</source>
        <translation>分局档案库（PostgreSQL 服务器）</translation>
    </message>
    <message>
        <location filename="../../ui/shell/connection_dialog.py" line="51" />
        <source>Archive server</source>
        <translation>档案服务器</translation>
    </message>
    <message>
        <location filename="../../ui/shell/connection_dialog.py" line="53" />
        <location filename="../../ui/shell/connection_dialog.py" line="61" />
        <location filename="../../ui/shell/connection_dialog.py" line="77" />
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location filename="../../ui/shell/connection_dialog.py" line="58" />
        <source>kept in the system credential store</source>
        <translation>保存在系统凭据管理器中</translation>
    </message>
    <message>
        <location filename="../../ui/shell/connection_dialog.py" line="66" />
        <source>Archive folder</source>
        <translation>档案库文件夹</translation>
    </message>
    <message>
        <location filename="../../ui/shell/connection_dialog.py" line="69" />
        <source>Server</source>
        <translation>服务器</translation>
    </message>
    <message>
        <location filename="../../ui/shell/connection_dialog.py" line="70" />
        <source>Port</source>
        <translation>端口</translation>
    </message>
    <message>
        <location filename="../../ui/shell/connection_dialog.py" line="71" />
        <source>Database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <location filename="../../ui/shell/connection_dialog.py" line="72" />
        <source>User</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location filename="../../ui/shell/connection_dialog.py" line="73" />
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../ui/shell/connection_dialog.py" line="74" />
        <source>Media share</source>
        <translation>媒体存储路径</translation>
    </message>
    <message>
        <location filename="../../ui/shell/connection_dialog.py" line="76" />
        <source>the server's cert.pem, from the IT department</source>
        <translation>服务器证书 cert.pem，由信息科提供</translation>
    </message>
    <message>
        <location filename="../../ui/shell/connection_dialog.py" line="81" />
        <source>Server address</source>
        <translation>服务器地址</translation>
    </message>
    <message>
        <location filename="../../ui/shell/connection_dialog.py" line="82" />
        <source>Server certificate</source>
        <translation>服务器证书</translation>
    </message>
    <message>
        <location filename="../../ui/shell/connection_dialog.py" line="90" />
        <source>Test connection</source>
        <translation>测试连接</translation>
    </message>
    <message>
        <location filename="../../ui/shell/connection_dialog.py" line="93" />
        <source>Save and use</source>
        <translation>保存并使用</translation>
    </message>
    <message>
        <location filename="../../ui/shell/connection_dialog.py" line="97" />
        <source>Profile name</source>
        <translation>配置名称</translation>
    </message>
    <message>
        <location filename="../../ui/shell/connection_dialog.py" line="98" />
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../ui/shell/connection_dialog.py" line="112" />
        <source>Choose a folder</source>
        <translation>选择文件夹</translation>
    </message>
    <message>
        <location filename="../../ui/shell/connection_dialog.py" line="118" />
        <source>Choose the server's certificate</source>
        <translation>选择服务器证书</translation>
    </message>
    <message>
        <location filename="../../ui/shell/connection_dialog.py" line="118" />
        <source>Certificates (*.pem *.crt)</source>
        <translation>证书 (*.pem *.crt)</translation>
    </message>
    <message>
        <location filename="../../ui/shell/connection_dialog.py" line="162" />
        <source>Give the profile a name.</source>
        <translation>请填写配置名称。</translation>
    </message>
    <message>
        <location filename="../../ui/shell/connection_dialog.py" line="165" />
        <source>Give the server's address, beginning with https://.</source>
        <translation>请填写服务器地址，以 https:// 开头。</translation>
    </message>
    <message>
        <location filename="../../ui/shell/connection_dialog.py" line="174" />
        <source>Connecting…</source>
        <translation>正在连接…</translation>
    </message>
    <message>
        <location filename="../../ui/shell/connection_dialog.py" line="185" />
        <source>Connected.</source>
        <translation>连接成功。</translation>
    </message>
</context>
<context>
    <name>CorrectDialog</name>
    <message>
        <location filename="../../ui/admin/clock_dialogs.py" line="117" />
        <source>Correct the clock of %1</source>
        <translation>批量校正 %1 的时间</translation>
    </message>
    <message>
        <location filename="../../ui/admin/clock_dialogs.py" line="122" />
        <source>e.g. the recorder was 7 s fast at the dock</source>
        <translation>例如：接入工作站时记录仪快 7 秒</translation>
    </message>
    <message>
        <location filename="../../ui/admin/clock_dialogs.py" line="126" />
        <source>From (recorder date)</source>
        <translation>起始日期（记录仪日期）</translation>
    </message>
    <message>
        <location filename="../../ui/admin/clock_dialogs.py" line="127" />
        <source>To</source>
        <translation>至</translation>
    </message>
    <message>
        <location filename="../../ui/admin/clock_dialogs.py" line="128" />
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../ui/admin/clock_dialogs.py" line="142" />
        <source>%1 files of this period will get the fitted offset; their recorder times are kept.</source>
        <translation>将按拟合偏差校正此期间的 %1 个文件；记录仪原始时间保留不变。</translation>
    </message>
    <message>
        <location filename="../../ui/admin/clock_dialogs.py" line="156" />
        <source>The period ends before it begins.</source>
        <translation>结束日期早于开始日期。</translation>
    </message>
    <message>
        <location filename="../../ui/admin/clock_dialogs.py" line="158" />
        <source>Counting the files…</source>
        <translation>正在统计文件数……</translation>
    </message>
</context>
<context>
    <name>CorrectionModel</name>
    <message>
        <location filename="../../ui/admin/clock_panel.py" line="81" />
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../ui/admin/clock_panel.py" line="82" />
        <source>Period (recorder dates)</source>
        <translation>期间（记录仪日期）</translation>
    </message>
    <message>
        <location filename="../../ui/admin/clock_panel.py" line="83" />
        <source>Offset (s)</source>
        <translation>偏差（秒）</translation>
    </message>
    <message>
        <location filename="../../ui/admin/clock_panel.py" line="84" />
        <source>Drift (s/day)</source>
        <translation>漂移（秒/天）</translation>
    </message>
    <message>
        <location filename="../../ui/admin/clock_panel.py" line="85" />
        <source>Files</source>
        <translation>文件数</translation>
    </message>
    <message>
        <location filename="../../ui/admin/clock_panel.py" line="86" />
        <source>Corrected by</source>
        <translation>校正人</translation>
    </message>
    <message>
        <location filename="../../ui/admin/clock_panel.py" line="87" />
        <source>Corrected at</source>
        <translation>校正时间</translation>
    </message>
    <message>
        <location filename="../../ui/admin/clock_panel.py" line="88" />
        <source>Reverted</source>
        <translation>撤销情况</translation>
    </message>
    <message>
        <location filename="../../ui/admin/clock_panel.py" line="89" />
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../ui/admin/clock_panel.py" line="98" />
        <source>%1 by %2: %3</source>
        <translation>%1 由 %2 撤销：%3</translation>
    </message>
</context>
<context>
    <name>DestructionRequestTableModel</name>
    <message>
        <location filename="../../ui/common/destruction_model.py" line="23" />
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../ui/common/destruction_model.py" line="24" />
        <source>Submitted</source>
        <translation>提交时间</translation>
    </message>
    <message>
        <location filename="../../ui/common/destruction_model.py" line="25" />
        <source>Requester</source>
        <translation>申请人</translation>
    </message>
    <message>
        <location filename="../../ui/common/destruction_model.py" line="26" />
        <source>Approving unit</source>
        <translation>审批单位</translation>
    </message>
    <message>
        <location filename="../../ui/common/destruction_model.py" line="27" />
        <source>Files</source>
        <translation>文件数</translation>
    </message>
    <message>
        <location filename="../../ui/common/destruction_model.py" line="28" />
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <location filename="../../ui/common/destruction_model.py" line="29" />
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../ui/common/destruction_model.py" line="30" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/common/destruction_model.py" line="31" />
        <source>Approval route</source>
        <translation>审批流程</translation>
    </message>
    <message>
        <location filename="../../ui/common/destruction_model.py" line="32" />
        <source>Reported to</source>
        <translation>报备单位</translation>
    </message>
    <message>
        <location filename="../../ui/common/destruction_model.py" line="33" />
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../ui/common/destruction_model.py" line="62" />
        <source>%1 (reported %2)</source>
        <translation>%1（%2 已报备）</translation>
    </message>
</context>
<context>
    <name>DestructionTab</name>
    <message>
        <location filename="../../ui/admin/destruction_tab.py" line="35" />
        <source>Execute destruction…</source>
        <translation>执行销毁…</translation>
    </message>
    <message>
        <location filename="../../ui/admin/destruction_tab.py" line="37" />
        <source>Export approval form…</source>
        <translation>导出审批表…</translation>
    </message>
    <message>
        <location filename="../../ui/admin/destruction_tab.py" line="39" />
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../ui/admin/destruction_tab.py" line="85" />
        <source>Export approval form</source>
        <translation>导出审批表</translation>
    </message>
    <message>
        <location filename="../../ui/admin/destruction_tab.py" line="98" />
        <source>%1 files destroyed.</source>
        <translation>已销毁 %1 个文件。</translation>
    </message>
    <message>
        <location filename="../../ui/admin/destruction_tab.py" line="98" />
        <source>%1 files destroyed; the request is not finished.</source>
        <translation>已销毁 %1 个文件；该申请尚未执行完毕。</translation>
    </message>
    <message>
        <location filename="../../ui/admin/destruction_tab.py" line="105" />
        <source>Approval form with %1 files written to %2.</source>
        <translation>含 %1 个文件的销毁审批表已导出至 %2。</translation>
    </message>
</context>
<context>
    <name>DeviceTableModel</name>
    <message>
        <location filename="../../ui/admin/device_table_model.py" line="34" />
        <source>Device no.</source>
        <translation>设备编号</translation>
    </message>
    <message>
        <location filename="../../ui/admin/device_table_model.py" line="35" />
        <source>Model</source>
        <translation>型号</translation>
    </message>
    <message>
        <location filename="../../ui/admin/device_table_model.py" line="36" />
        <source>Serial no.</source>
        <translation>序列号</translation>
    </message>
    <message>
        <location filename="../../ui/admin/device_table_model.py" line="37" />
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../ui/admin/device_table_model.py" line="38" />
        <source>Holder</source>
        <translation>持有人</translation>
    </message>
    <message>
        <location filename="../../ui/admin/device_table_model.py" line="39" />
        <source>Held since</source>
        <translation>持有起始</translation>
    </message>
    <message>
        <location filename="../../ui/admin/device_table_model.py" line="40" />
        <source>Registered</source>
        <translation>登记时间</translation>
    </message>
    <message>
        <location filename="../../ui/admin/device_table_model.py" line="42" />
        <source>Unassigned</source>
        <translation>待分配</translation>
    </message>
</context>
<context>
    <name>DevicesView</name>
    <message>
        <location filename="../../ui/admin/devices_view.py" line="79" />
        <source>Filter by device no., model, serial no., unit, holder or badge no.</source>
        <translation>按设备编号、型号、序列号、单位、持有人或警号筛选</translation>
    </message>
    <message>
        <location filename="../../ui/admin/devices_view.py" line="83" />
        <source>Unassigned only</source>
        <translation>只看待分配</translation>
    </message>
    <message>
        <location filename="../../ui/admin/devices_view.py" line="85" />
        <source>Handover…</source>
        <translation>交接…</translation>
    </message>
    <message>
        <location filename="../../ui/admin/devices_view.py" line="88" />
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../ui/admin/devices_view.py" line="109" />
        <source>Assign to unit</source>
        <translation>分配到单位</translation>
    </message>
    <message>
        <location filename="../../ui/admin/devices_view.py" line="133" />
        <source>Holder history</source>
        <translation>交接记录</translation>
    </message>
    <message>
        <location filename="../../ui/admin/devices_view.py" line="134" />
        <source>Clock correction</source>
        <translation>时钟校正</translation>
    </message>
    <message>
        <location filename="../../ui/admin/devices_view.py" line="138" />
        <source>Officers registered by ingest from an unknown badge no. Put each in a unit.</source>
        <translation>以下执法人员是导入时按未登记的警号自动登记的，请为其分配单位。</translation>
    </message>
    <message>
        <location filename="../../ui/admin/devices_view.py" line="169" />
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <location filename="../../ui/admin/devices_view.py" line="214" />
        <source>%1 now belongs to %2.</source>
        <translation>%1 已分配到 %2。</translation>
    </message>
    <message>
        <location filename="../../ui/admin/devices_view.py" line="237" />
        <source>Recorder %1 handed over to %2.</source>
        <translation>设备 %1 已交接给 %2。</translation>
    </message>
    <message>
        <location filename="../../ui/admin/devices_view.py" line="263" />
        <source>%1 recorders, %2 of them unassigned.</source>
        <translation>共 %1 台执法记录仪，其中 %2 台待分配。</translation>
    </message>
    <message>
        <location filename="../../ui/admin/devices_view.py" line="274" />
        <source>Officers awaiting a unit (%1)</source>
        <translation>待分配执法人员（%1）</translation>
    </message>
    <message>
        <location filename="../../ui/admin/devices_view.py" line="277" />
        <source>%1 (name not registered)</source>
        <translation>%1（未登记姓名）</translation>
    </message>
    <message>
        <location filename="../../ui/admin/devices_view.py" line="308" />
        <source>Select a recorder to see who held it when.</source>
        <translation>选择一台执法记录仪，查看历任持有人。</translation>
    </message>
    <message>
        <location filename="../../ui/admin/devices_view.py" line="311" />
        <source>%1 has never been handed to an officer.</source>
        <translation>%1 尚未交给任何执法人员。</translation>
    </message>
    <message>
        <location filename="../../ui/admin/devices_view.py" line="315" />
        <source>%1: %2 holding periods, newest first.</source>
        <translation>%1：共 %2 段持有记录，最新的在前。</translation>
    </message>
</context>
<context>
    <name>DryRunDialog</name>
    <message>
        <location filename="../../ui/admin/retention_dry_run_dialog.py" line="24" />
        <source>Retention policy change: dry run</source>
        <translation>保存规则变更：预演</translation>
    </message>
    <message>
        <location filename="../../ui/admin/retention_dry_run_dialog.py" line="30" />
        <source>Reason for the change (required)</source>
        <translation>变更理由（必填）</translation>
    </message>
    <message>
        <location filename="../../ui/admin/retention_dry_run_dialog.py" line="32" />
        <source>Save the change</source>
        <translation>保存变更</translation>
    </message>
    <message>
        <location filename="../../ui/admin/retention_dry_run_dialog.py" line="49" />
        <source>Rules changed: %1</source>
        <translation>变更的规则：%1</translation>
    </message>
    <message>
        <location filename="../../ui/admin/retention_dry_run_dialog.py" line="49" />
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../ui/admin/retention_dry_run_dialog.py" line="50" />
        <source>This change would make %1 clips expire earlier and %2 later.</source>
        <translation>此变更将使 %1 个文件提前到期，%2 个文件延后到期。</translation>
    </message>
    <message>
        <location filename="../../ui/admin/retention_dry_run_dialog.py" line="53" />
        <source>Expired at once: %1; of the rest, within %2 days: %3, within %4 days: %5.</source>
        <translation>立即到期：%1 个；其余 %2 天内到期：%3 个，%4 天内到期：%5 个。</translation>
    </message>
    <message>
        <location filename="../../ui/admin/retention_dry_run_dialog.py" line="59" />
        <source>%1 of them are under a legal hold and stay kept while it lasts.</source>
        <translation>其中 %1 个处于法律保全中，保全期间继续保存。</translation>
    </message>
    <message>
        <location filename="../../ui/admin/retention_dry_run_dialog.py" line="65" />
        <source>No clip would expire earlier.</source>
        <translation>没有文件会提前到期。</translation>
    </message>
    <message>
        <location filename="../../ui/admin/retention_dry_run_dialog.py" line="66" />
        <source>Unit, new keep-until date, clips:</source>
        <translation>单位、新的保存截止日期、文件数：</translation>
    </message>
    <message>
        <location filename="../../ui/admin/retention_dry_run_dialog.py" line="66" />
        <source>Unassigned</source>
        <translation>待分配</translation>
    </message>
    <message>
        <location filename="../../ui/admin/retention_dry_run_dialog.py" line="72" />
        <source>… and %1 more dates</source>
        <translation>…… 另有 %1 个日期</translation>
    </message>
</context>
<context>
    <name>EvidenceExportsView</name>
    <message>
        <location filename="../../ui/evidence/view.py" line="34" />
        <source>Search: export no., document no., case no., purpose, receiver, file</source>
        <translation>查询：导出编号、文书编号、案件编号、事由、接收人、文件名</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/view.py" line="37" />
        <source>Search</source>
        <translation>查询</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/view.py" line="42" />
        <source>Write / go on…</source>
        <translation>制作/继续…</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/view.py" line="43" />
        <source>Record handover…</source>
        <translation>登记移交…</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/view.py" line="44" />
        <source>Export ledger…</source>
        <translation>导出登记表…</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/view.py" line="111" />
        <source>Handover of %1 recorded.</source>
        <translation>已登记 %1 的移交。</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/view.py" line="119" />
        <source>Export to Excel</source>
        <translation>导出为 Excel</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/view.py" line="119" />
        <source>Excel (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/view.py" line="124" />
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/view.py" line="129" />
        <source>%1 export(s) written to %2</source>
        <translation>已将 %1 条导出记录写入 %2</translation>
    </message>
</context>
<context>
    <name>ExecutionDialog</name>
    <message>
        <location filename="../../ui/admin/destruction_progress.py" line="39" />
        <source>Executing destruction request %1</source>
        <translation>正在执行销毁申请 %1</translation>
    </message>
    <message>
        <location filename="../../ui/admin/destruction_progress.py" line="48" />
        <source>Each file is checked once more before it is destroyed.</source>
        <translation>每个文件在销毁前都会再次核验。</translation>
    </message>
    <message>
        <location filename="../../ui/admin/destruction_progress.py" line="63" />
        <source>Stopping after the current batch…</source>
        <translation>当前批次完成后停止…</translation>
    </message>
    <message>
        <location filename="../../ui/admin/destruction_progress.py" line="92" />
        <source>Done.</source>
        <translation>已完成。</translation>
    </message>
    <message>
        <location filename="../../ui/admin/destruction_progress.py" line="94" />
        <source>Stopped. Execute the request again to go on with the remaining files.</source>
        <translation>已停止。再次执行该申请即可继续处理其余文件。</translation>
    </message>
    <message>
        <location filename="../../ui/admin/destruction_progress.py" line="105" />
        <source>Destroyed: %1 (%2 freed). Kept: %3</source>
        <translation>已销毁：%1 个（释放 %2）。保留：%3</translation>
    </message>
</context>
<context>
    <name>ExpiryTab</name>
    <message>
        <location filename="../../ui/admin/expiry_tab.py" line="107" />
        <source>Next %1 days</source>
        <translation>未来 %1 天</translation>
    </message>
    <message>
        <location filename="../../ui/admin/expiry_tab.py" line="110" />
        <source>All my units</source>
        <translation>我管辖的全部单位</translation>
    </message>
    <message>
        <location filename="../../ui/admin/expiry_tab.py" line="121" />
        <source>Review statement / reason (required), printed on the destruction form</source>
        <translation>筛查情况/事由（必填），打印在销毁审批表上</translation>
    </message>
    <message>
        <location filename="../../ui/admin/expiry_tab.py" line="123" />
        <source>Request destruction of selected</source>
        <translation>申请销毁所选文件</translation>
    </message>
    <message>
        <location filename="../../ui/admin/expiry_tab.py" line="125" />
        <source>Request destruction of all expired in the unit</source>
        <translation>申请销毁该单位全部到期文件</translation>
    </message>
    <message>
        <location filename="../../ui/admin/expiry_tab.py" line="127" />
        <source>Place legal hold on selected</source>
        <translation>对所选文件法律保全</translation>
    </message>
    <message>
        <location filename="../../ui/admin/expiry_tab.py" line="132" />
        <source>Expiring in:</source>
        <translation>到期范围：</translation>
    </message>
    <message>
        <location filename="../../ui/admin/expiry_tab.py" line="134" />
        <source>Unit:</source>
        <translation>单位：</translation>
    </message>
    <message>
        <location filename="../../ui/admin/expiry_tab.py" line="165" />
        <source>Select expired files that nothing keeps (status: expired).</source>
        <translation>请选择已到期且无保留原因的文件（状态：已到期）。</translation>
    </message>
    <message>
        <location filename="../../ui/admin/expiry_tab.py" line="172" />
        <source>Choose the unit first.</source>
        <translation>请先选择单位。</translation>
    </message>
    <message>
        <location filename="../../ui/admin/expiry_tab.py" line="183" />
        <source>Give the review statement for the destruction form.</source>
        <translation>请填写销毁审批表上的筛查情况。</translation>
    </message>
    <message>
        <location filename="../../ui/admin/expiry_tab.py" line="193" />
        <source>Destruction request %1 lists %2 files; it goes to %3 for approval.</source>
        <translation>销毁申请 %1 共列 %2 个文件，已提交 %3 审批。</translation>
    </message>
    <message>
        <location filename="../../ui/admin/expiry_tab.py" line="215" />
        <source>The first %1 files are shown, oldest date first.</source>
        <translation>仅显示最早到期的 %1 个文件。</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../ui/evidence/export_dialog.py" line="49" />
        <source>Export evidence</source>
        <translation>导出证据</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/export_dialog.py" line="57" />
        <source>e.g. 检调〔2026〕7号</source>
        <translation>如：检调〔2026〕7号</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/export_dialog.py" line="59" />
        <source>e.g. transfer for review and prosecution</source>
        <translation>如：移送审查起诉</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/export_dialog.py" line="61" />
        <source>optional</source>
        <translation>选填</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/export_dialog.py" line="67" />
        <source>Submit</source>
        <translation>提交</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/export_dialog.py" line="73" />
        <source>Footage to export</source>
        <translation>导出资料</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/export_dialog.py" line="74" />
        <source>Amount</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/export_dialog.py" line="75" />
        <source>Receiving body</source>
        <translation>接收单位</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/export_dialog.py" line="76" />
        <source>Document no.</source>
        <translation>文书编号</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/export_dialog.py" line="77" />
        <source>Purpose</source>
        <translation>事由</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/export_dialog.py" line="78" />
        <source>Receiver</source>
        <translation>接收人</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/export_dialog.py" line="79" />
        <source>Write as</source>
        <translation>制作方式</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/export_dialog.py" line="95" />
        <source>Counting…</source>
        <translation>正在统计…</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/export_dialog.py" line="111" />
        <source>Choose where to write the package.</source>
        <translation>请选择证据包的保存位置。</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/export_dialog.py" line="115" />
        <source>Asking the archive…</source>
        <translation>正在提交…</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/export_dialog.py" line="131" />
        <source>Export %1 has gone to legal review and then to the head for approval. Once it is approved, write it from the Evidence export page.</source>
        <translation>证据导出 %1 已提交法制审核，再报单位负责人审批。批准后，请在“证据导出”页制作证据包。</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/export_dialog.py" line="137" />
        <source>Export %1 was refused.</source>
        <translation>证据导出 %1 未获批准。</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/export_dialog.py" line="142" />
        <source>Export %1 is authorised. Write it from the Evidence export page.</source>
        <translation>证据导出 %1 已获授权，请在“证据导出”页制作证据包。</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/export_dialog.py" line="155" />
        <source>For the own unit: your download right decides, and the package is written at once.</source>
        <translation>本单位使用：凭您的下载权限办理，证据包立即制作。</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/export_dialog.py" line="158" />
        <source>For an outside body: the export goes to legal review and then to the head for approval; it is written after approval. The place to write may be chosen then.</source>
        <translation>向外单位提供：须经法制审核、单位负责人审批，批准后方可制作证据包，届时再选择保存位置亦可。</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/export_dialog.py" line="164" />
        <source>%1 file(s), %2</source>
        <translation>%1 个文件，%2</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/export_dialog.py" line="165" />
        <source>at least %1</source>
        <translation>至少 %1</translation>
    </message>
</context>
<context>
    <name>ExportTableModel</name>
    <message>
        <location filename="../../ui/evidence/model.py" line="18" />
        <source>Export no.</source>
        <translation>导出编号</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/model.py" line="19" />
        <source>Requester</source>
        <translation>申请人</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/model.py" line="20" />
        <source>Receiving body and document</source>
        <translation>接收单位及文书</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/model.py" line="21" />
        <source>Purpose</source>
        <translation>事由</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/model.py" line="22" />
        <source>Files</source>
        <translation>文件数</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/model.py" line="23" />
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/model.py" line="24" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/model.py" line="25" />
        <source>Completed</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/model.py" line="26" />
        <source>Format</source>
        <translation>格式</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/model.py" line="27" />
        <source>Medium</source>
        <translation>移交介质</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/model.py" line="28" />
        <source>Receiver</source>
        <translation>接收人</translation>
    </message>
</context>
<context>
    <name>FigureModel</name>
    <message>
        <location filename="../../ui/statistics/figures.py" line="40" />
        <source>Double-click to list these files in the archive</source>
        <translation>双击在档案中列出这些文件</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <location filename="../../ui/archive/filters.py" line="33" />
        <source>Search officer, badge no., device or case</source>
        <translation>搜索执法人员、警号、设备编号或警情/案件编号</translation>
    </message>
    <message>
        <location filename="../../ui/archive/filters.py" line="34" />
        <source>Unit code</source>
        <translation>单位代码</translation>
    </message>
    <message>
        <location filename="../../ui/archive/filters.py" line="35" />
        <source>Badge no.</source>
        <translation>警号</translation>
    </message>
    <message>
        <location filename="../../ui/archive/filters.py" line="36" />
        <source>Device no.</source>
        <translation>设备编号</translation>
    </message>
    <message>
        <location filename="../../ui/archive/filters.py" line="37" />
        <source>Incident/case no.</source>
        <translation>警情/案件编号</translation>
    </message>
    <message>
        <location filename="../../ui/archive/filters.py" line="38" />
        <source>Recorded from</source>
        <translation>录制日期</translation>
    </message>
    <message>
        <location filename="../../ui/archive/filters.py" line="44" />
        <source>Important: any</source>
        <translation>重点：全部</translation>
    </message>
    <message>
        <location filename="../../ui/archive/filters.py" line="44" />
        <source>Important</source>
        <translation>重点</translation>
    </message>
    <message>
        <location filename="../../ui/archive/filters.py" line="44" />
        <source>Not important</source>
        <translation>非重点</translation>
    </message>
    <message>
        <location filename="../../ui/archive/filters.py" line="47" />
        <source>Marks: any</source>
        <translation>标记：全部</translation>
    </message>
    <message>
        <location filename="../../ui/archive/filters.py" line="47" />
        <source>Marked</source>
        <translation>有标记</translation>
    </message>
    <message>
        <location filename="../../ui/archive/filters.py" line="47" />
        <source>Not marked</source>
        <translation>无标记</translation>
    </message>
    <message>
        <location filename="../../ui/archive/filters.py" line="51" />
        <source>All types</source>
        <translation>全部类型</translation>
    </message>
    <message>
        <location filename="../../ui/archive/filters.py" line="52" />
        <source>Video</source>
        <translation>视频</translation>
    </message>
    <message>
        <location filename="../../ui/archive/filters.py" line="53" />
        <source>Audio</source>
        <translation>音频</translation>
    </message>
    <message>
        <location filename="../../ui/archive/filters.py" line="54" />
        <source>Photo</source>
        <translation>照片</translation>
    </message>
    <message>
        <location filename="../../ui/archive/filters.py" line="55" />
        <source>Log</source>
        <translation>日志</translation>
    </message>
    <message>
        <location filename="../../ui/archive/filters.py" line="56" />
        <source>Video, audio and photos</source>
        <translation>视音频和照片</translation>
    </message>
    <message>
        <location filename="../../ui/archive/filters.py" line="57" />
        <source>Video and audio</source>
        <translation>视频和音频</translation>
    </message>
    <message>
        <location filename="../../ui/archive/filters.py" line="62" />
        <source>Upload: any</source>
        <translation>上传：不限</translation>
    </message>
    <message>
        <location filename="../../ui/archive/filters.py" line="63" />
        <source>Uploaded after 24 h</source>
        <translation>超过 24 小时上传</translation>
    </message>
    <message>
        <location filename="../../ui/archive/filters.py" line="64" />
        <source>Uploaded within 24 h</source>
        <translation>24 小时内上传</translation>
    </message>
    <message>
        <location filename="../../ui/archive/filters.py" line="68" />
        <source>Case link: any</source>
        <translation>关联：不限</translation>
    </message>
    <message>
        <location filename="../../ui/archive/filters.py" line="68" />
        <source>Linked to a case</source>
        <translation>已关联警情/案件</translation>
    </message>
    <message>
        <location filename="../../ui/archive/filters.py" line="68" />
        <source>Not linked</source>
        <translation>未关联</translation>
    </message>
    <message>
        <location filename="../../ui/archive/filters.py" line="73" />
        <source>Pre-screen: any</source>
        <translation>预筛查：不限</translation>
    </message>
    <message>
        <location filename="../../ui/archive/filters.py" line="74" />
        <source>Any pre-screen finding</source>
        <translation>有预筛查提示</translation>
    </message>
    <message>
        <location filename="../../ui/archive/filters.py" line="75" />
        <source>Picture findings</source>
        <translation>画面类提示</translation>
    </message>
    <message>
        <location filename="../../ui/archive/filters.py" line="76" />
        <source>Sound findings</source>
        <translation>声音类提示</translation>
    </message>
    <message>
        <location filename="../../ui/archive/filters.py" line="80" />
        <source>Review: any</source>
        <translation>复核：不限</translation>
    </message>
    <message>
        <location filename="../../ui/archive/filters.py" line="82" />
        <source>Clear filters</source>
        <translation>清除条件</translation>
    </message>
    <message>
        <location filename="../../ui/archive/filters.py" line="98" />
        <source>to</source>
        <translation>至</translation>
    </message>
</context>
<context>
    <name>FindingsPanel</name>
    <message>
        <location filename="../../ui/playback/findings_panel.py" line="50" />
        <source>Pre-screen findings: hints for a person to check, never a verdict</source>
        <translation>预筛查提示：供人工复核的线索，并非结论</translation>
    </message>
    <message>
        <location filename="../../ui/playback/findings_panel.py" line="55" />
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../ui/playback/findings_panel.py" line="55" />
        <source>Finding</source>
        <translation>提示</translation>
    </message>
    <message>
        <location filename="../../ui/playback/findings_panel.py" line="55" />
        <source>Confidence</source>
        <translation>置信度</translation>
    </message>
    <message>
        <location filename="../../ui/playback/findings_panel.py" line="55" />
        <source>Review</source>
        <translation>复核</translation>
    </message>
    <message>
        <location filename="../../ui/playback/findings_panel.py" line="61" />
        <source>No pre-screen findings on this footage.</source>
        <translation>该视音频没有预筛查提示。</translation>
    </message>
    <message>
        <location filename="../../ui/playback/findings_panel.py" line="65" />
        <source>Review note, optional</source>
        <translation>复核说明（可选）</translation>
    </message>
    <message>
        <location filename="../../ui/playback/findings_panel.py" line="66" />
        <source>Confirm</source>
        <translation>确认</translation>
    </message>
    <message>
        <location filename="../../ui/playback/findings_panel.py" line="67" />
        <source>Dismiss</source>
        <translation>排除</translation>
    </message>
    <message>
        <location filename="../../ui/playback/findings_panel.py" line="87" />
        <source>Picture</source>
        <translation>画面</translation>
    </message>
    <message>
        <location filename="../../ui/playback/findings_panel.py" line="88" />
        <source>Sound</source>
        <translation>声音</translation>
    </message>
    <message>
        <location filename="../../ui/playback/findings_panel.py" line="89" />
        <source>Cannot be decoded</source>
        <translation>无法解码</translation>
    </message>
    <message>
        <location filename="../../ui/playback/findings_panel.py" line="90" />
        <source>Officer's day records</source>
        <translation>当日记录</translation>
    </message>
</context>
<context>
    <name>FirstAdministratorDialog</name>
    <message>
        <location filename="../../ui/shell/sign_in_dialog.py" line="121" />
        <source>Set up a new archive</source>
        <translation>初始化档案库</translation>
    </message>
    <message>
        <location filename="../../ui/shell/sign_in_dialog.py" line="127" />
        <source>Fire</source>
        <translation>消防</translation>
    </message>
    <message>
        <location filename="../../ui/shell/sign_in_dialog.py" line="139" />
        <source>This archive has no users yet. Create its unit and first administrator.</source>
        <translation>该档案库尚无用户。请创建本单位和第一个管理员账户。</translation>
    </message>
    <message>
        <location filename="../../ui/shell/sign_in_dialog.py" line="142" />
        <source>Unit code</source>
        <translation>单位代码</translation>
    </message>
    <message>
        <location filename="../../ui/shell/sign_in_dialog.py" line="143" />
        <source>Unit name</source>
        <translation>单位名称</translation>
    </message>
    <message>
        <location filename="../../ui/shell/sign_in_dialog.py" line="144" />
        <source>Level</source>
        <translation>级别</translation>
    </message>
    <message>
        <location filename="../../ui/shell/sign_in_dialog.py" line="145" />
        <source>Police type</source>
        <translation>警种</translation>
    </message>
    <message>
        <location filename="../../ui/shell/sign_in_dialog.py" line="146" />
        <source>Login name</source>
        <translation>登录名</translation>
    </message>
    <message>
        <location filename="../../ui/shell/sign_in_dialog.py" line="147" />
        <source>Display name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../ui/shell/sign_in_dialog.py" line="148" />
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../ui/shell/sign_in_dialog.py" line="149" />
        <source>Repeat password</source>
        <translation>确认密码</translation>
    </message>
    <message>
        <location filename="../../ui/shell/sign_in_dialog.py" line="157" />
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
    <message>
        <location filename="../../ui/shell/sign_in_dialog.py" line="161" />
        <source>Fill in every field.</source>
        <translation>请填写所有项目。</translation>
    </message>
</context>
<context>
    <name>HandoverDialog</name>
    <message>
        <location filename="../../ui/admin/device_handover_dialog.py" line="38" />
        <source>Handover of recorder %1</source>
        <translation>设备交接 — %1</translation>
    </message>
    <message>
        <location filename="../../ui/admin/device_handover_dialog.py" line="47" />
        <source>Type a name, badge no. or unit</source>
        <translation>输入姓名、警号或单位</translation>
    </message>
    <message>
        <location filename="../../ui/admin/device_handover_dialog.py" line="54" />
        <source>Why the recorder changes hands, e.g. transfer, repair, new issue</source>
        <translation>交接原因，如调岗移交、维修后重新配发、新领用</translation>
    </message>
    <message>
        <location filename="../../ui/admin/device_handover_dialog.py" line="59" />
        <location filename="../../ui/admin/device_handover_dialog.py" line="114" />
        <source>Unassigned</source>
        <translation>待分配</translation>
    </message>
    <message>
        <location filename="../../ui/admin/device_handover_dialog.py" line="61" />
        <source>Recorder</source>
        <translation>执法记录仪</translation>
    </message>
    <message>
        <location filename="../../ui/admin/device_handover_dialog.py" line="62" />
        <source>Current holder</source>
        <translation>当前持有人</translation>
    </message>
    <message>
        <location filename="../../ui/admin/device_handover_dialog.py" line="63" />
        <source>New holder</source>
        <translation>新持有人</translation>
    </message>
    <message>
        <location filename="../../ui/admin/device_handover_dialog.py" line="64" />
        <source>Handover note</source>
        <translation>交接说明</translation>
    </message>
    <message>
        <location filename="../../ui/admin/device_handover_dialog.py" line="68" />
        <source>Confirm handover</source>
        <translation>确认交接</translation>
    </message>
    <message>
        <location filename="../../ui/admin/device_handover_dialog.py" line="94" />
        <source>Choose the officer who receives the recorder.</source>
        <translation>请选择接收设备的执法人员。</translation>
    </message>
    <message>
        <location filename="../../ui/admin/device_handover_dialog.py" line="96" />
        <source>Write a handover note.</source>
        <translation>请填写交接说明。</translation>
    </message>
    <message>
        <location filename="../../ui/admin/device_handover_dialog.py" line="98" />
        <source>The note is too long: %1 of at most %2 characters.</source>
        <translation>交接说明过长：%1 字，最多 %2 字。</translation>
    </message>
    <message>
        <location filename="../../ui/admin/device_handover_dialog.py" line="107" />
        <source>%1: %2 → %3. The current holding period ends now and is kept in the history.</source>
        <translation>%1：%2 → %3。当前持有人的持有期到此结束，并保留在交接记录中。</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/handover_dialog.py" line="24" />
        <source>Record the handover of %1</source>
        <translation>登记 %1 的移交</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/handover_dialog.py" line="27" />
        <source>Optical disc</source>
        <translation>光盘</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/handover_dialog.py" line="27" />
        <source>USB drive</source>
        <translation>U盘</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/handover_dialog.py" line="27" />
        <source>Portable hard disk</source>
        <translation>移动硬盘</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/handover_dialog.py" line="29" />
        <source>Name and unit of the person who received it</source>
        <translation>接收人姓名及单位</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/handover_dialog.py" line="41" />
        <source>Medium</source>
        <translation>移交介质</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/handover_dialog.py" line="42" />
        <source>Received by</source>
        <translation>接收人</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/handover_dialog.py" line="43" />
        <source>Received at</source>
        <translation>接收时间</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/handover_dialog.py" line="44" />
        <source>Note</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>HoldTableModel</name>
    <message>
        <location filename="../../ui/admin/holds_tab.py" line="23" />
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../ui/admin/holds_tab.py" line="24" />
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../ui/admin/holds_tab.py" line="25" />
        <source>Files</source>
        <translation>文件数</translation>
    </message>
    <message>
        <location filename="../../ui/admin/holds_tab.py" line="26" />
        <source>Placed by</source>
        <translation>保全人</translation>
    </message>
    <message>
        <location filename="../../ui/admin/holds_tab.py" line="27" />
        <source>Placed</source>
        <translation>保全时间</translation>
    </message>
    <message>
        <location filename="../../ui/admin/holds_tab.py" line="28" />
        <source>Released by</source>
        <translation>解除人</translation>
    </message>
    <message>
        <location filename="../../ui/admin/holds_tab.py" line="29" />
        <source>Released</source>
        <translation>解除时间</translation>
    </message>
    <message>
        <location filename="../../ui/admin/holds_tab.py" line="30" />
        <source>Reason for release</source>
        <translation>解除理由</translation>
    </message>
</context>
<context>
    <name>HolderHistoryModel</name>
    <message>
        <location filename="../../ui/admin/device_table_model.py" line="124" />
        <source>Holder</source>
        <translation>持有人</translation>
    </message>
    <message>
        <location filename="../../ui/admin/device_table_model.py" line="125" />
        <source>From</source>
        <translation>起始时间</translation>
    </message>
    <message>
        <location filename="../../ui/admin/device_table_model.py" line="126" />
        <source>Until</source>
        <translation>结束时间</translation>
    </message>
    <message>
        <location filename="../../ui/admin/device_table_model.py" line="128" />
        <source>Handover note</source>
        <translation>交接说明</translation>
    </message>
    <message>
        <location filename="../../ui/admin/device_table_model.py" line="127" />
        <source>Recorded by</source>
        <translation>登记人</translation>
    </message>
    <message>
        <location filename="../../ui/admin/device_table_model.py" line="130" />
        <source>Current</source>
        <translation>至今</translation>
    </message>
</context>
<context>
    <name>HoldsTab</name>
    <message>
        <location filename="../../ui/admin/holds_tab.py" line="67" />
        <source>Show released holds</source>
        <translation>显示已解除的保全</translation>
    </message>
    <message>
        <location filename="../../ui/admin/holds_tab.py" line="70" />
        <source>File numbers, e.g. 12, 15, 17</source>
        <translation>文件编号，如 12, 15, 17</translation>
    </message>
    <message>
        <location filename="../../ui/admin/holds_tab.py" line="72" />
        <source>Reason (required), e.g. the case or complaint it concerns</source>
        <translation>理由（必填），如所涉案件或投诉</translation>
    </message>
    <message>
        <location filename="../../ui/admin/holds_tab.py" line="73" />
        <source>Place hold</source>
        <translation>法律保全</translation>
    </message>
    <message>
        <location filename="../../ui/admin/holds_tab.py" line="75" />
        <source>Release selected hold</source>
        <translation>解除所选保全</translation>
    </message>
    <message>
        <location filename="../../ui/admin/holds_tab.py" line="79" />
        <source>Files:</source>
        <translation>文件：</translation>
    </message>
    <message>
        <location filename="../../ui/admin/holds_tab.py" line="81" />
        <source>Reason:</source>
        <translation>调阅事由：</translation>
    </message>
    <message>
        <location filename="../../ui/admin/holds_tab.py" line="100" />
        <source>Enter the numbers of the files to hold.</source>
        <translation>请填写要保全的文件编号。</translation>
    </message>
    <message>
        <location filename="../../ui/admin/holds_tab.py" line="107" />
        <source>Give the reason for the hold.</source>
        <translation>请填写保全理由。</translation>
    </message>
    <message>
        <location filename="../../ui/admin/holds_tab.py" line="118" />
        <source>Give the reason for releasing the hold.</source>
        <translation>请填写解除保全的理由。</translation>
    </message>
    <message>
        <location filename="../../ui/admin/holds_tab.py" line="129" />
        <source>Legal hold %1 placed on %2 files.</source>
        <translation>已对 %2 个文件实施法律保全 %1。</translation>
    </message>
    <message>
        <location filename="../../ui/admin/holds_tab.py" line="136" />
        <source>Legal hold %1 released.</source>
        <translation>法律保全 %1 已解除。</translation>
    </message>
</context>
<context>
    <name>IngestDialog</name>
    <message>
        <location filename="../../ui/archive/ingest_dialog.py" line="79" />
        <source>Import from recorders</source>
        <translation>导入执法记录仪数据</translation>
    </message>
    <message>
        <location filename="../../ui/archive/ingest_dialog.py" line="84" />
        <source>Add folder…</source>
        <translation>添加文件夹…</translation>
    </message>
    <message>
        <location filename="../../ui/archive/ingest_dialog.py" line="86" />
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location filename="../../ui/archive/ingest_dialog.py" line="90" />
        <source>Verify and clear: delete each file from the recorder once its verified copy is archived</source>
        <translation>校验清空：文件校验无误并入库后，从执法记录仪上删除原文件</translation>
    </message>
    <message>
        <location filename="../../ui/archive/ingest_dialog.py" line="94" />
        <source>Progress</source>
        <translation>导入进度</translation>
    </message>
    <message>
        <location filename="../../ui/archive/ingest_dialog.py" line="105" />
        <source>Result</source>
        <translation>导入结果</translation>
    </message>
    <message>
        <location filename="../../ui/archive/ingest_dialog.py" line="112" />
        <source>Start import</source>
        <translation>开始导入</translation>
    </message>
    <message>
        <location filename="../../ui/archive/ingest_dialog.py" line="115" />
        <location filename="../../ui/archive/ingest_dialog.py" line="270" />
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../ui/archive/ingest_dialog.py" line="123" />
        <source>Source folders (a recorder mounted as a folder, or a dock's export folder)</source>
        <translation>源文件夹（以文件夹方式接入的执法记录仪，或采集站的导出文件夹）</translation>
    </message>
    <message>
        <location filename="../../ui/archive/ingest_dialog.py" line="133" />
        <source>Collection station</source>
        <translation>采集站</translation>
    </message>
    <message>
        <location filename="../../ui/archive/ingest_dialog.py" line="150" />
        <source>Imported</source>
        <translation>已导入</translation>
    </message>
    <message>
        <location filename="../../ui/archive/ingest_dialog.py" line="151" />
        <source>Skipped (already archived)</source>
        <translation>已跳过（重复）</translation>
    </message>
    <message>
        <location filename="../../ui/archive/ingest_dialog.py" line="152" />
        <source>Rejected (left on the recorder)</source>
        <translation>拒收（留在记录仪上）</translation>
    </message>
    <message>
        <location filename="../../ui/archive/ingest_dialog.py" line="153" />
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <location filename="../../ui/archive/ingest_dialog.py" line="154" />
        <source>Imported but damaged</source>
        <translation>已导入但损坏</translation>
    </message>
    <message>
        <location filename="../../ui/archive/ingest_dialog.py" line="170" />
        <source>File</source>
        <translation>文件名</translation>
    </message>
    <message>
        <location filename="../../ui/archive/ingest_dialog.py" line="170" />
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../ui/archive/ingest_dialog.py" line="170" />
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../ui/archive/ingest_dialog.py" line="170" />
        <source>Details</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../../ui/archive/ingest_dialog.py" line="201" />
        <source>Choose a recorder or export folder</source>
        <translation>选择执法记录仪或导出文件夹</translation>
    </message>
    <message>
        <location filename="../../ui/archive/ingest_dialog.py" line="208" />
        <source>Clear the recorders?</source>
        <translation>清空执法记录仪？</translation>
    </message>
    <message>
        <location filename="../../ui/archive/ingest_dialog.py" line="210" />
        <source>Each file is deleted from the recorder only after its copy in the archive has been verified (SHA-256) and recorded. Rejected and failed files stay on the recorder. Continue?</source>
        <translation>每个文件只有在档案库中的副本校验（SHA-256）无误并入库登记后，才会从执法记录仪上删除；被拒收或导入失败的文件保留在记录仪上。是否继续？</translation>
    </message>
    <message>
        <location filename="../../ui/archive/ingest_dialog.py" line="227" />
        <source>Add at least one source folder first.</source>
        <translation>请先添加至少一个源文件夹。</translation>
    </message>
    <message>
        <location filename="../../ui/archive/ingest_dialog.py" line="230" />
        <source>Enter the collection station's name.</source>
        <translation>请填写采集站名称。</translation>
    </message>
    <message>
        <location filename="../../ui/archive/ingest_dialog.py" line="237" />
        <source>Importing… Copies are verified before anything is recorded.</source>
        <translation>正在导入……每个文件复制后先校验，再入库登记。</translation>
    </message>
    <message>
        <location filename="../../ui/archive/ingest_dialog.py" line="251" />
        <source>Stop the import?</source>
        <translation>停止导入？</translation>
    </message>
    <message>
        <location filename="../../ui/archive/ingest_dialog.py" line="253" />
        <source>The files being copied now are finished, then the import stops. Nothing is lost or left half-done: run the import again later and it continues where it stopped.</source>
        <translation>正在复制的文件完成后，导入即停止。不会丢失文件，也不会留下不完整的数据：以后再次导入，将从中断处继续。</translation>
    </message>
    <message>
        <location filename="../../ui/archive/ingest_dialog.py" line="261" />
        <source>Stopping after the files being copied now…</source>
        <translation>正在停止，等待当前文件复制完成……</translation>
    </message>
    <message>
        <location filename="../../ui/archive/ingest_dialog.py" line="270" />
        <source>Stop and close</source>
        <translation>停止并关闭</translation>
    </message>
    <message>
        <location filename="../../ui/archive/ingest_dialog.py" line="291" />
        <source>Import stopped. Run it again to continue.</source>
        <translation>导入已停止。再次导入即可从中断处继续。</translation>
    </message>
    <message>
        <location filename="../../ui/archive/ingest_dialog.py" line="293" />
        <source>Import finished.</source>
        <translation>导入完成。</translation>
    </message>
    <message>
        <location filename="../../ui/archive/ingest_dialog.py" line="329" />
        <source>%1 verified files were deleted from the recorders.</source>
        <translation>已从执法记录仪上删除 %1 个校验无误的文件。</translation>
    </message>
    <message>
        <location filename="../../ui/archive/ingest_dialog.py" line="359" />
        <source>Rejected, left on the recorder</source>
        <translation>拒收，留在记录仪上</translation>
    </message>
    <message>
        <location filename="../../ui/archive/ingest_dialog.py" line="361" />
        <source>Failed, left on the recorder</source>
        <translation>失败，留在记录仪上</translation>
    </message>
    <message>
        <location filename="../../ui/archive/ingest_dialog.py" line="362" />
        <source>Imported, damaged</source>
        <translation>已导入，文件损坏</translation>
    </message>
    <message>
        <location filename="../../ui/archive/ingest_dialog.py" line="366" />
        <source>Unrecognised file name</source>
        <translation>无法识别的文件名</translation>
    </message>
    <message>
        <location filename="../../ui/archive/ingest_dialog.py" line="367" />
        <source>Unsupported file type</source>
        <translation>不支持的文件类型</translation>
    </message>
    <message>
        <location filename="../../ui/archive/ingest_dialog.py" line="368" />
        <source>Invalid time in file name</source>
        <translation>文件名中的时间无效</translation>
    </message>
    <message>
        <location filename="../../ui/archive/ingest_dialog.py" line="369" />
        <source>Invalid file name</source>
        <translation>文件名无效</translation>
    </message>
    <message>
        <location filename="../../ui/archive/ingest_dialog.py" line="370" />
        <source>Link (not followed)</source>
        <translation>链接（不跟随）</translation>
    </message>
    <message>
        <location filename="../../ui/archive/ingest_dialog.py" line="371" />
        <source>Cannot read the source file</source>
        <translation>无法读取源文件</translation>
    </message>
    <message>
        <location filename="../../ui/archive/ingest_dialog.py" line="372" />
        <source>Copy or verification failed</source>
        <translation>复制或校验失败</translation>
    </message>
    <message>
        <location filename="../../ui/archive/ingest_dialog.py" line="373" />
        <source>Damaged</source>
        <translation>已损坏</translation>
    </message>
    <message>
        <location filename="../../ui/archive/ingest_dialog.py" line="374" />
        <source>Incomplete</source>
        <translation>不完整</translation>
    </message>
    <message>
        <location filename="../../ui/archive/ingest_dialog.py" line="382" />
        <source>The archive storage is full; the import stopped. Every file imported so far is complete. Free or add storage, then import again: it continues where it stopped.</source>
        <translation>档案存储空间已满，导入已停止。已导入的文件完整有效。请清理或扩容存储后重新导入，将从中断处继续。</translation>
    </message>
</context>
<context>
    <name>ItemTableModel</name>
    <message>
        <location filename="../../ui/spotcheck/models.py" line="116" />
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../ui/spotcheck/models.py" line="117" />
        <source>Officer</source>
        <translation>执法人员</translation>
    </message>
    <message>
        <location filename="../../ui/spotcheck/models.py" line="118" />
        <source>Badge no.</source>
        <translation>警号</translation>
    </message>
    <message>
        <location filename="../../ui/spotcheck/models.py" line="119" />
        <source>Recorded</source>
        <translation>录制时间</translation>
    </message>
    <message>
        <location filename="../../ui/spotcheck/models.py" line="120" />
        <source>Duration</source>
        <translation>时长</translation>
    </message>
    <message>
        <location filename="../../ui/spotcheck/models.py" line="121" />
        <source>File</source>
        <translation>文件名</translation>
    </message>
    <message>
        <location filename="../../ui/spotcheck/models.py" line="122" />
        <source>Drawn as</source>
        <translation>抽取方式</translation>
    </message>
    <message>
        <location filename="../../ui/spotcheck/models.py" line="123" />
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/spotcheck/models.py" line="124" />
        <source>Claimed by</source>
        <translation>领取人</translation>
    </message>
    <message>
        <location filename="../../ui/spotcheck/models.py" line="125" />
        <source>Due</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <location filename="../../ui/spotcheck/models.py" line="133" />
        <source>%1 (overdue)</source>
        <translation>%1（已逾期）</translation>
    </message>
</context>
<context>
    <name>LedgerTableModel</name>
    <message>
        <location filename="../../ui/spotcheck/models.py" line="205" />
        <source>Checked at</source>
        <translation>检查时间</translation>
    </message>
    <message>
        <location filename="../../ui/spotcheck/models.py" line="206" />
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../ui/spotcheck/models.py" line="207" />
        <source>Officer</source>
        <translation>执法人员</translation>
    </message>
    <message>
        <location filename="../../ui/spotcheck/models.py" line="208" />
        <source>Badge no.</source>
        <translation>警号</translation>
    </message>
    <message>
        <location filename="../../ui/spotcheck/models.py" line="209" />
        <source>Recorded</source>
        <translation>录制时间</translation>
    </message>
    <message>
        <location filename="../../ui/spotcheck/models.py" line="210" />
        <source>File</source>
        <translation>文件名</translation>
    </message>
    <message>
        <location filename="../../ui/spotcheck/models.py" line="211" />
        <source>Reviewer</source>
        <translation>检查人</translation>
    </message>
    <message>
        <location filename="../../ui/spotcheck/models.py" line="212" />
        <source>Coverage</source>
        <translation>回放覆盖率</translation>
    </message>
    <message>
        <location filename="../../ui/spotcheck/models.py" line="213" />
        <source>Top speed</source>
        <translation>最高倍速</translation>
    </message>
    <message>
        <location filename="../../ui/spotcheck/models.py" line="214" />
        <source>Verdict</source>
        <translation>结论</translation>
    </message>
    <message>
        <location filename="../../ui/spotcheck/models.py" line="215" />
        <source>Problem</source>
        <translation>存在问题</translation>
    </message>
    <message>
        <location filename="../../ui/spotcheck/models.py" line="216" />
        <source>Rectification</source>
        <translation>整改要求</translation>
    </message>
</context>
<context>
    <name>LedgerView</name>
    <message>
        <location filename="../../ui/spotcheck/ledger_view.py" line="57" />
        <source>Name or badge no.</source>
        <translation>姓名或警号</translation>
    </message>
    <message>
        <location filename="../../ui/spotcheck/ledger_view.py" line="59" />
        <source>Name or login</source>
        <translation>姓名或登录名</translation>
    </message>
    <message>
        <location filename="../../ui/spotcheck/ledger_view.py" line="61" />
        <source>All verdicts</source>
        <translation>全部结论</translation>
    </message>
    <message>
        <location filename="../../ui/spotcheck/ledger_view.py" line="64" />
        <source>Search</source>
        <translation>查询</translation>
    </message>
    <message>
        <location filename="../../ui/spotcheck/ledger_view.py" line="66" />
        <source>Export to Excel…</source>
        <translation>导出为 Excel…</translation>
    </message>
    <message>
        <location filename="../../ui/spotcheck/ledger_view.py" line="80" />
        <source>Checked from:</source>
        <translation>检查日期：</translation>
    </message>
    <message>
        <location filename="../../ui/spotcheck/ledger_view.py" line="82" />
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <location filename="../../ui/spotcheck/ledger_view.py" line="85" />
        <source>Unit:</source>
        <translation>单位：</translation>
    </message>
    <message>
        <location filename="../../ui/spotcheck/ledger_view.py" line="86" />
        <source>Officer:</source>
        <translation>执法人员：</translation>
    </message>
    <message>
        <location filename="../../ui/spotcheck/ledger_view.py" line="87" />
        <source>Reviewer:</source>
        <translation>检查人：</translation>
    </message>
    <message>
        <location filename="../../ui/spotcheck/ledger_view.py" line="88" />
        <source>Verdict:</source>
        <translation>结论：</translation>
    </message>
    <message>
        <location filename="../../ui/spotcheck/ledger_view.py" line="125" />
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <location filename="../../ui/spotcheck/ledger_view.py" line="138" />
        <source>Export to Excel</source>
        <translation>导出为 Excel</translation>
    </message>
    <message>
        <location filename="../../ui/spotcheck/ledger_view.py" line="138" />
        <source>Excel (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../ui/spotcheck/ledger_view.py" line="144" />
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <location filename="../../ui/spotcheck/ledger_view.py" line="161" />
        <source>%1 checks shown (at most %2, newest first).</source>
        <translation>显示 %1 条检查记录（最多 %2 条，最新的在前）。</translation>
    </message>
    <message>
        <location filename="../../ui/spotcheck/ledger_view.py" line="168" />
        <source>Ledger exported: %1 checks to %2.</source>
        <translation>检查台帐已导出：%1 条检查记录，保存至 %2。</translation>
    </message>
    <message>
        <location filename="../../ui/spotcheck/ledger_view.py" line="170" />
        <source>%1 of them differ from the audit log and are marked so in the 备注 column.</source>
        <translation>其中 %1 条与审计日志不符，已在“备注”列中标明。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/shell/main_window.py" line="81" />
        <location filename="../../ui/shell/smoke_test.py" line="131" />
        <source>Archive</source>
        <translation>档案</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="88" />
        <source>Spot check</source>
        <translation>抽查</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="91" />
        <location filename="../../ui/shell/main_window.py" line="220" />
        <source>Approvals</source>
        <translation>审批</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="106" />
        <location filename="../../ui/shell/main_window.py" line="108" />
        <source>Reports</source>
        <translation>统计</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="130" />
        <source>Administration</source>
        <translation>管理</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="86" />
        <source>Daily spot check</source>
        <translation>每日抽查</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="87" />
        <source>Check ledger</source>
        <translation>检查台帐</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="95" />
        <source>Evidence export</source>
        <translation>证据导出</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="103" />
        <source>Figures</source>
        <translation>统计图表</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="104" />
        <location filename="../../ui/shell/main_window.py" line="228" />
        <source>Report tasks</source>
        <translation>报表任务</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="118" />
        <source>Recorders and holders</source>
        <translation>记录仪与持有人</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="120" />
        <source>User accounts</source>
        <translation>用户账户</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="123" />
        <source>Audit log and access register</source>
        <translation>审计日志与调阅登记</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="127" />
        <source>Retention periods</source>
        <translation>保存期限</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="129" />
        <source>Your role has no administration functions.</source>
        <translation>您的角色没有管理功能。</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="227" />
        <source>Report tasks (%1 not delivered)</source>
        <translation>报表任务（%1 个未送达）</translation>
    </message>
</context>
<context>
    <name>MarkerPanel</name>
    <message>
        <location filename="../../ui/playback/marker_panel.py" line="50" />
        <location filename="../../ui/playback/marker_panel.py" line="77" />
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../ui/playback/marker_panel.py" line="50" />
        <location filename="../../ui/playback/marker_panel.py" line="78" />
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../ui/playback/marker_panel.py" line="50" />
        <source>By</source>
        <translation>添加人</translation>
    </message>
    <message>
        <location filename="../../ui/playback/marker_panel.py" line="50" />
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../ui/playback/marker_panel.py" line="62" />
        <source>Note (备注), optional</source>
        <translation>备注（可选）</translation>
    </message>
    <message>
        <location filename="../../ui/playback/marker_panel.py" line="63" />
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../ui/playback/marker_panel.py" line="64" />
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../ui/playback/marker_panel.py" line="65" />
        <source>New</source>
        <translation>新建</translation>
    </message>
    <message>
        <location filename="../../ui/playback/marker_panel.py" line="71" />
        <source>M: marker at the playhead · I / O: segment start / end · Enter: save</source>
        <translation>M：当前位置标记点 · I / O：片段起点/终点 · Enter：保存</translation>
    </message>
    <message>
        <location filename="../../ui/playback/marker_panel.py" line="86" />
        <source>Markers and segments</source>
        <translation>标记点与片段</translation>
    </message>
</context>
<context>
    <name>MeasureDialog</name>
    <message>
        <location filename="../../ui/admin/clock_dialogs.py" line="70" />
        <source>Enter a clock offset of %1</source>
        <translation>登记 %1 的时钟偏差</translation>
    </message>
    <message>
        <location filename="../../ui/admin/clock_dialogs.py" line="76" />
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../ui/admin/clock_dialogs.py" line="77" />
        <source>e.g. burned-in time of the clip against the duty room clock</source>
        <translation>例如：画面叠加时间与值班室标准时钟比对</translation>
    </message>
    <message>
        <location filename="../../ui/admin/clock_dialogs.py" line="80" />
        <source>The offset is the recorder's time minus the true time (positive: the recorder is fast).</source>
        <translation>偏差 = 记录仪时间 − 标准时间（正数表示记录仪偏快）。</translation>
    </message>
    <message>
        <location filename="../../ui/admin/clock_dialogs.py" line="84" />
        <source>Recorder time</source>
        <translation>记录仪时间</translation>
    </message>
    <message>
        <location filename="../../ui/admin/clock_dialogs.py" line="85" />
        <source>True time</source>
        <translation>标准时间</translation>
    </message>
    <message>
        <location filename="../../ui/admin/clock_dialogs.py" line="86" />
        <source>Offset</source>
        <translation>偏差</translation>
    </message>
    <message>
        <location filename="../../ui/admin/clock_dialogs.py" line="87" />
        <source>Clip ID (optional)</source>
        <translation>文件编号（可选）</translation>
    </message>
    <message>
        <location filename="../../ui/admin/clock_dialogs.py" line="88" />
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../ui/admin/clock_dialogs.py" line="107" />
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
</context>
<context>
    <name>MeasurementModel</name>
    <message>
        <location filename="../../ui/admin/clock_panel.py" line="51" />
        <source>True time</source>
        <translation>标准时间</translation>
    </message>
    <message>
        <location filename="../../ui/admin/clock_panel.py" line="52" />
        <source>Recorder time</source>
        <translation>记录仪时间</translation>
    </message>
    <message>
        <location filename="../../ui/admin/clock_panel.py" line="53" />
        <source>Offset (s)</source>
        <translation>偏差（秒）</translation>
    </message>
    <message>
        <location filename="../../ui/admin/clock_panel.py" line="54" />
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../ui/admin/clock_panel.py" line="55" />
        <source>Clip</source>
        <translation>文件编号</translation>
    </message>
    <message>
        <location filename="../../ui/admin/clock_panel.py" line="56" />
        <source>Entered by</source>
        <translation>登记人</translation>
    </message>
    <message>
        <location filename="../../ui/admin/clock_panel.py" line="57" />
        <source>Note</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>OfficerTree</name>
    <message>
        <location filename="../../ui/archive/officer_tree.py" line="33" />
        <source>One archive per officer</source>
        <translation>一人一档</translation>
    </message>
    <message>
        <location filename="../../ui/archive/officer_tree.py" line="56" />
        <source>Unassigned (待分配)</source>
        <translation>待分配</translation>
    </message>
    <message>
        <location filename="../../ui/archive/officer_tree.py" line="105" />
        <source>(no name)</source>
        <translation>（未登记姓名）</translation>
    </message>
    <message>
        <location filename="../../ui/archive/officer_tree.py" line="115" />
        <source>%1  (%2 files)</source>
        <translation>%1（%2 个文件）</translation>
    </message>
    <message>
        <location filename="../../ui/archive/officer_tree.py" line="141" />
        <source>Play the whole day</source>
        <translation>播放全天</translation>
    </message>
    <message>
        <location filename="../../ui/archive/officer_tree.py" line="142" />
        <source>Export evidence of this day…</source>
        <translation>导出当日证据…</translation>
    </message>
</context>
<context>
    <name>OutputChooser</name>
    <message>
        <location filename="../../ui/evidence/output.py" line="42" />
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/output.py" line="74" />
        <source>Folder to write the package into</source>
        <translation>选择存放证据包的文件夹</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/output.py" line="77" />
        <source>ZIP (*.zip)</source>
        <translation>ZIP 压缩包 (*.zip)</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/output.py" line="77" />
        <source>Disc image (*.iso)</source>
        <translation>光盘镜像 (*.iso)</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/output.py" line="78" />
        <source>Save the package as</source>
        <translation>证据包另存为</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/output.py" line="90" />
        <source>Folder (the package folder is made inside it)</source>
        <translation>文件夹（证据包文件夹建在其中）</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/output.py" line="92" />
        <source>File name of the package</source>
        <translation>证据包文件名</translation>
    </message>
</context>
<context>
    <name>OutputDialog</name>
    <message>
        <location filename="../../ui/evidence/output.py" line="111" />
        <source>Write evidence package %1</source>
        <translation>制作证据包 %1</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/output.py" line="115" />
        <source>To go on with an interrupted package, choose the same format and place as before.</source>
        <translation>继续制作中断的证据包时，请选择与上次相同的格式和位置。</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/output.py" line="124" />
        <source>Format and place</source>
        <translation>格式与位置</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <location filename="../../ui/common/password_dialog.py" line="46" />
        <source>Current password</source>
        <translation>原密码</translation>
    </message>
    <message>
        <location filename="../../ui/common/password_dialog.py" line="47" />
        <source>New password</source>
        <translation>新密码</translation>
    </message>
    <message>
        <location filename="../../ui/common/password_dialog.py" line="48" />
        <source>Repeat password</source>
        <translation>确认密码</translation>
    </message>
    <message>
        <location filename="../../ui/common/password_dialog.py" line="55" />
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
</context>
<context>
    <name>PlanTableModel</name>
    <message>
        <location filename="../../ui/spotcheck/models.py" line="61" />
        <source>Plan</source>
        <translation>方案</translation>
    </message>
    <message>
        <location filename="../../ui/spotcheck/models.py" line="62" />
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../ui/spotcheck/models.py" line="63" />
        <source>Recorded on</source>
        <translation>录制日期</translation>
    </message>
    <message>
        <location filename="../../ui/spotcheck/models.py" line="64" />
        <source>Ratio</source>
        <translation>抽取比例</translation>
    </message>
    <message>
        <location filename="../../ui/spotcheck/models.py" line="65" />
        <source>Minimum</source>
        <translation>每人最少</translation>
    </message>
    <message>
        <location filename="../../ui/spotcheck/models.py" line="66" />
        <source>Candidates</source>
        <translation>候选数</translation>
    </message>
    <message>
        <location filename="../../ui/spotcheck/models.py" line="67" />
        <source>Drawn</source>
        <translation>抽中数</translation>
    </message>
    <message>
        <location filename="../../ui/spotcheck/models.py" line="68" />
        <source>Added for findings</source>
        <translation>预筛查加抽</translation>
    </message>
    <message>
        <location filename="../../ui/spotcheck/models.py" line="69" />
        <source>Checked</source>
        <translation>已检查</translation>
    </message>
    <message>
        <location filename="../../ui/spotcheck/models.py" line="70" />
        <source>Drawn at</source>
        <translation>抽取时间</translation>
    </message>
    <message>
        <location filename="../../ui/spotcheck/models.py" line="71" />
        <source>Drawn by</source>
        <translation>抽取人</translation>
    </message>
    <message>
        <location filename="../../ui/spotcheck/models.py" line="72" />
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/spotcheck/models.py" line="82" />
        <source>In force</source>
        <translation>有效</translation>
    </message>
    <message>
        <location filename="../../ui/spotcheck/models.py" line="84" />
        <source>Redrawn %1</source>
        <translation>已于 %1 重新抽取</translation>
    </message>
    <message>
        <location filename="../../ui/spotcheck/models.py" line="104" />
        <source>%1 (at most %2)</source>
        <translation>%1（至多 %2）</translation>
    </message>
</context>
<context>
    <name>PlayerShortcuts</name>
    <message>
        <location filename="../../player/shortcuts.py" line="31" />
        <source>Play / pause</source>
        <translation>播放/暂停</translation>
    </message>
    <message>
        <location filename="../../player/shortcuts.py" line="32" />
        <source>Slower</source>
        <translation>减速</translation>
    </message>
    <message>
        <location filename="../../player/shortcuts.py" line="33" />
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <location filename="../../player/shortcuts.py" line="34" />
        <source>Play; faster when playing</source>
        <translation>播放；播放中再按则加速</translation>
    </message>
    <message>
        <location filename="../../player/shortcuts.py" line="35" />
        <source>One frame back</source>
        <translation>后退一帧</translation>
    </message>
    <message>
        <location filename="../../player/shortcuts.py" line="36" />
        <source>One frame forward</source>
        <translation>前进一帧</translation>
    </message>
    <message>
        <location filename="../../player/shortcuts.py" line="37" />
        <source>5 seconds back</source>
        <translation>后退 5 秒</translation>
    </message>
    <message>
        <location filename="../../player/shortcuts.py" line="38" />
        <source>5 seconds forward</source>
        <translation>前进 5 秒</translation>
    </message>
    <message>
        <location filename="../../player/shortcuts.py" line="39" />
        <source>30 seconds back</source>
        <translation>后退 30 秒</translation>
    </message>
    <message>
        <location filename="../../player/shortcuts.py" line="40" />
        <source>30 seconds forward</source>
        <translation>前进 30 秒</translation>
    </message>
    <message>
        <location filename="../../player/shortcuts.py" line="41" />
        <source>Volume up</source>
        <translation>音量加大</translation>
    </message>
    <message>
        <location filename="../../player/shortcuts.py" line="42" />
        <source>Volume down</source>
        <translation>音量减小</translation>
    </message>
    <message>
        <location filename="../../player/shortcuts.py" line="43" />
        <source>Mute / unmute</source>
        <translation>静音/取消静音</translation>
    </message>
    <message>
        <location filename="../../player/shortcuts.py" line="44" />
        <source>Marker at the playhead</source>
        <translation>在当前位置添加标记点</translation>
    </message>
    <message>
        <location filename="../../player/shortcuts.py" line="45" />
        <source>Segment start (in)</source>
        <translation>片段起点（入点）</translation>
    </message>
    <message>
        <location filename="../../player/shortcuts.py" line="46" />
        <source>Segment end (out)</source>
        <translation>片段终点（出点）</translation>
    </message>
    <message>
        <location filename="../../player/shortcuts.py" line="47" />
        <source>Save the marker or segment</source>
        <translation>保存标记点或片段</translation>
    </message>
    <message>
        <location filename="../../player/shortcuts.py" line="51" />
        <source>Discard the unsaved marker; leave full screen</source>
        <translation>放弃未保存的标记；退出全屏</translation>
    </message>
    <message>
        <location filename="../../player/shortcuts.py" line="53" />
        <source>Save the frame as a still</source>
        <translation>将当前画面保存为截图</translation>
    </message>
    <message>
        <location filename="../../player/shortcuts.py" line="54" />
        <source>Full screen</source>
        <translation>全屏</translation>
    </message>
    <message>
        <location filename="../../player/shortcuts.py" line="55" />
        <source>These shortcuts</source>
        <translation>显示快捷键</translation>
    </message>
</context>
<context>
    <name>PlayerWidget</name>
    <message>
        <location filename="../../player/widget.py" line="114" />
        <source>Recording time at the playhead (device clock corrected)</source>
        <translation>播放位置的录制时间（已按设备时钟偏差校正）</translation>
    </message>
    <message>
        <location filename="../../player/widget.py" line="143" />
        <source>Play / pause</source>
        <translation>播放/暂停</translation>
    </message>
    <message>
        <location filename="../../player/widget.py" line="144" />
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <location filename="../../player/widget.py" line="145" />
        <source>Slower</source>
        <translation>减速</translation>
    </message>
    <message>
        <location filename="../../player/widget.py" line="146" />
        <source>Play / faster</source>
        <translation>播放/加速</translation>
    </message>
    <message>
        <location filename="../../player/widget.py" line="147" />
        <source>Frame back</source>
        <translation>上一帧</translation>
    </message>
    <message>
        <location filename="../../player/widget.py" line="148" />
        <source>Frame forward</source>
        <translation>下一帧</translation>
    </message>
    <message>
        <location filename="../../player/widget.py" line="149" />
        <source>−5 s</source>
        <translation>−5 秒</translation>
    </message>
    <message>
        <location filename="../../player/widget.py" line="150" />
        <source>+5 s</source>
        <translation>+5 秒</translation>
    </message>
    <message>
        <location filename="../../player/widget.py" line="151" />
        <source>−30 s</source>
        <translation>−30 秒</translation>
    </message>
    <message>
        <location filename="../../player/widget.py" line="152" />
        <source>+30 s</source>
        <translation>+30 秒</translation>
    </message>
    <message>
        <location filename="../../player/widget.py" line="153" />
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <location filename="../../player/widget.py" line="154" />
        <source>Volume up</source>
        <translation>音量加大</translation>
    </message>
    <message>
        <location filename="../../player/widget.py" line="155" />
        <source>Volume down</source>
        <translation>音量减小</translation>
    </message>
    <message>
        <location filename="../../player/widget.py" line="156" />
        <source>Mute</source>
        <translation>静音</translation>
    </message>
    <message>
        <location filename="../../player/widget.py" line="157" />
        <source>Marker</source>
        <translation>标记点</translation>
    </message>
    <message>
        <location filename="../../player/widget.py" line="158" />
        <source>In</source>
        <translation>入点</translation>
    </message>
    <message>
        <location filename="../../player/widget.py" line="159" />
        <source>Out</source>
        <translation>出点</translation>
    </message>
    <message>
        <location filename="../../player/widget.py" line="160" />
        <source>Save mark</source>
        <translation>保存标记</translation>
    </message>
    <message>
        <location filename="../../player/widget.py" line="161" />
        <source>Discard mark</source>
        <translation>放弃标记</translation>
    </message>
    <message>
        <location filename="../../player/widget.py" line="162" />
        <source>Still</source>
        <translation>截图</translation>
    </message>
    <message>
        <location filename="../../player/widget.py" line="163" />
        <source>Full screen</source>
        <translation>全屏</translation>
    </message>
    <message>
        <location filename="../../player/widget.py" line="164" />
        <source>Shortcuts</source>
        <translation>快捷键</translation>
    </message>
    <message>
        <location filename="../../player/widget.py" line="397" />
        <source>Not saved yet</source>
        <translation>尚未保存</translation>
    </message>
    <message>
        <location filename="../../player/widget.py" line="439" />
        <source>The file is missing</source>
        <translation>文件缺失</translation>
    </message>
    <message>
        <location filename="../../player/widget.py" line="440" />
        <source>The archive cannot be reached</source>
        <translation>无法连接档案存储</translation>
    </message>
    <message>
        <location filename="../../player/widget.py" line="441" />
        <source>The file cannot be read</source>
        <translation>无法读取文件</translation>
    </message>
    <message>
        <location filename="../../player/widget.py" line="442" />
        <source>The file is damaged</source>
        <translation>文件已损坏</translation>
    </message>
    <message>
        <location filename="../../player/widget.py" line="443" />
        <source>The file does not respond</source>
        <translation>文件无响应</translation>
    </message>
    <message>
        <location filename="../../player/widget.py" line="444" />
        <source>The video player is not installed</source>
        <translation>未安装视频播放组件</translation>
    </message>
    <message>
        <location filename="../../player/widget.py" line="447" />
        <source>%1 is not where the archive keeps it. Ask the archive administrator.</source>
        <translation>%1 不在档案库的存放位置。请联系执法记录仪管理员。</translation>
    </message>
    <message>
        <location filename="../../player/widget.py" line="449" />
        <source>The archive share holding %1 is offline. Check the network connection to the file server, then try again.</source>
        <translation>存放 %1 的档案共享存储已离线。请检查与文件服务器的网络连接，然后重试。</translation>
    </message>
    <message>
        <location filename="../../player/widget.py" line="452" />
        <source>This workstation has no permission to read %1.</source>
        <translation>本工作站没有读取 %1 的权限。</translation>
    </message>
    <message>
        <location filename="../../player/widget.py" line="454" />
        <source>%1 cannot be decoded: it is corrupt or was cut short when it was recorded. The original is kept unchanged as evidence.</source>
        <translation>%1 无法解码：文件已损坏或录制时被中断。原始文件作为证据原样保存。</translation>
    </message>
    <message>
        <location filename="../../player/widget.py" line="458" />
        <source>%1 did not start playing in time. The archive share may be slow or offline; try again.</source>
        <translation>%1 未能及时开始播放。档案共享存储可能较慢或已离线，请重试。</translation>
    </message>
    <message>
        <location filename="../../player/widget.py" line="460" />
        <source>Install VLC 3.0 (libVLC) to play recordings.</source>
        <translation>请安装 VLC 3.0（libVLC）以播放录像。</translation>
    </message>
    <message>
        <location filename="../../player/widget.py" line="467" />
        <source>No file open</source>
        <translation>未打开文件</translation>
    </message>
    <message>
        <location filename="../../player/widget.py" line="468" />
        <source>Officer: %1</source>
        <translation>执法人员：%1</translation>
    </message>
    <message>
        <location filename="../../player/widget.py" line="469" />
        <source>Device: %1</source>
        <translation>设备：%1</translation>
    </message>
    <message>
        <location filename="../../player/widget.py" line="472" />
        <source>Clip %1 of %2</source>
        <translation>第 %1 段，共 %2 段</translation>
    </message>
</context>
<context>
    <name>PlayerWindow</name>
    <message>
        <location filename="../../ui/playback/player_window.py" line="86" />
        <source>Footage playback</source>
        <translation>录像回放</translation>
    </message>
    <message>
        <location filename="../../ui/playback/player_window.py" line="171" />
        <source>This file is no longer in the archive.</source>
        <translation>档案库中已没有这个文件。</translation>
    </message>
    <message>
        <location filename="../../ui/playback/player_window.py" line="187" />
        <source>Playback — %1</source>
        <translation>回放 — %1</translation>
    </message>
    <message>
        <location filename="../../ui/playback/player_window.py" line="201" />
        <source>%1 (%2), %3</source>
        <translation>%1（%2），%3</translation>
    </message>
    <message>
        <location filename="../../ui/playback/player_window.py" line="202" />
        <source>An officer's day — %1</source>
        <translation>执法人员当日录像 — %1</translation>
    </message>
    <message>
        <location filename="../../ui/playback/player_window.py" line="206" />
        <source>No recordings of %1 on this day.</source>
        <translation>%1 当日没有录像。</translation>
    </message>
    <message>
        <location filename="../../ui/playback/player_window.py" line="235" />
        <source>%1 recordings, %2 gaps (%3 min without recording)</source>
        <translation>%1 段录像，%2 处间断（%3 分钟无录像）</translation>
    </message>
    <message>
        <location filename="../../ui/playback/player_window.py" line="243" />
        <source>Ingest found this file damaged: %1</source>
        <translation>入库时发现该文件已损坏：%1</translation>
    </message>
    <message>
        <location filename="../../ui/playback/player_window.py" line="244" />
        <source>Ingest found this file incomplete: %1</source>
        <translation>入库时发现该文件不完整：%1</translation>
    </message>
    <message>
        <location filename="../../ui/playback/player_window.py" line="245" />
        <source>The last verification did not find this file: %1</source>
        <translation>上次校验时未找到该文件：%1</translation>
    </message>
    <message>
        <location filename="../../ui/playback/player_window.py" line="246" />
        <source>The last verification found this file changed since ingest: %1</source>
        <translation>上次校验发现该文件与入库时不一致：%1</translation>
    </message>
    <message>
        <location filename="../../ui/playback/player_window.py" line="248" />
        <source>The last verification could not prove this file against the audit log: %1</source>
        <translation>上次校验无法以审计日志证明该文件：%1</translation>
    </message>
    <message>
        <location filename="../../ui/playback/player_window.py" line="359" />
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location filename="../../ui/playback/player_window.py" line="401" />
        <source>Added by %1: only they may change it.</source>
        <translation>由 %1 添加：只有添加人可以修改。</translation>
    </message>
    <message>
        <location filename="../../ui/playback/player_window.py" line="407" />
        <source>%1, moving to %2</source>
        <translation>%1，改为 %2</translation>
    </message>
    <message>
        <location filename="../../ui/playback/player_window.py" line="409" />
        <source>Editing the marker at %1</source>
        <translation>正在编辑 %1 的标记</translation>
    </message>
    <message>
        <location filename="../../ui/playback/player_window.py" line="414" />
        <source>Press M for a marker, I and O for a segment.</source>
        <translation>按 M 添加标记点，按 I 和 O 标记片段。</translation>
    </message>
    <message>
        <location filename="../../ui/playback/player_window.py" line="417" />
        <source>New: %1</source>
        <translation>新建：%1</translation>
    </message>
    <message>
        <location filename="../../ui/playback/player_window.py" line="427" />
        <source>marker at %1</source>
        <translation>%1 的标记点</translation>
    </message>
    <message>
        <location filename="../../ui/playback/player_window.py" line="428" />
        <source>(press O for the end)</source>
        <translation>（按 O 设置终点）</translation>
    </message>
    <message>
        <location filename="../../ui/playback/player_window.py" line="429" />
        <source>segment %1 – %2</source>
        <translation>片段 %1 – %2</translation>
    </message>
    <message>
        <location filename="../../ui/playback/player_window.py" line="479" />
        <source>Saved: %1</source>
        <translation>已保存：%1</translation>
    </message>
    <message>
        <location filename="../../ui/playback/player_window.py" line="494" />
        <source>Marker deleted.</source>
        <translation>标记已删除。</translation>
    </message>
    <message>
        <location filename="../../ui/playback/player_window.py" line="517" />
        <source>No picture to save yet.</source>
        <translation>还没有可保存的画面。</translation>
    </message>
    <message>
        <location filename="../../ui/playback/player_window.py" line="530" />
        <source>Still saved: %1</source>
        <translation>截图已保存：%1</translation>
    </message>
</context>
<context>
    <name>PolicyTab</name>
    <message>
        <location filename="../../ui/admin/retention_policy_tab.py" line="74" />
        <source>Switch profile…</source>
        <translation>切换规定…</translation>
    </message>
    <message>
        <location filename="../../ui/admin/retention_policy_tab.py" line="83" />
        <source>Change rule…</source>
        <translation>修改规则…</translation>
    </message>
    <message>
        <location filename="../../ui/admin/retention_policy_tab.py" line="88" />
        <source>Organisation's regulations:</source>
        <translation>适用规定：</translation>
    </message>
    <message>
        <location filename="../../ui/admin/retention_policy_tab.py" line="93" />
        <source>Selected rule keeps footage at least:</source>
        <translation>所选规则的最短保存期限：</translation>
    </message>
    <message>
        <location filename="../../ui/admin/retention_policy_tab.py" line="99" />
        <source>Retention classes</source>
        <translation>保存类别</translation>
    </message>
    <message>
        <location filename="../../ui/admin/retention_policy_tab.py" line="101" />
        <source>Rules (a clip is kept as long as the longest class of the rules that apply)</source>
        <translation>规则（文件按适用规则中最长的保存类别保存）</translation>
    </message>
    <message>
        <location filename="../../ui/admin/retention_policy_tab.py" line="121" />
        <source>Select a rule first.</source>
        <translation>请先选择一条规则。</translation>
    </message>
    <message>
        <location filename="../../ui/admin/retention_policy_tab.py" line="134" />
        <source>Working out what the change would do…</source>
        <translation>正在预演变更的影响…</translation>
    </message>
    <message>
        <location filename="../../ui/admin/retention_policy_tab.py" line="162" />
        <source>The change is saved: %1 clips now expire earlier, %2 later.</source>
        <translation>变更已保存：%1 个文件提前到期，%2 个文件延后到期。</translation>
    </message>
    <message>
        <location filename="../../ui/admin/retention_policy_tab.py" line="182" />
        <source>(remove the rule)</source>
        <translation>（删除该规则）</translation>
    </message>
</context>
<context>
    <name>ProgressTableModel</name>
    <message>
        <location filename="../../ui/spotcheck/models.py" line="161" />
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../ui/spotcheck/models.py" line="162" />
        <source>Officer</source>
        <translation>执法人员</translation>
    </message>
    <message>
        <location filename="../../ui/spotcheck/models.py" line="163" />
        <source>Badge no.</source>
        <translation>警号</translation>
    </message>
    <message>
        <location filename="../../ui/spotcheck/models.py" line="164" />
        <source>Clips recorded</source>
        <translation>录制文件数</translation>
    </message>
    <message>
        <location filename="../../ui/spotcheck/models.py" line="165" />
        <source>Drawn</source>
        <translation>抽中数</translation>
    </message>
    <message>
        <location filename="../../ui/spotcheck/models.py" line="166" />
        <source>Checked</source>
        <translation>已检查</translation>
    </message>
    <message>
        <location filename="../../ui/spotcheck/models.py" line="167" />
        <source>Overdue</source>
        <translation>逾期</translation>
    </message>
    <message>
        <location filename="../../ui/spotcheck/models.py" line="168" />
        <source>Check progress</source>
        <translation>检查进度</translation>
    </message>
    <message>
        <location filename="../../ui/spotcheck/models.py" line="175" />
        <source>No plan drawn</source>
        <translation>未抽取</translation>
    </message>
    <message>
        <location filename="../../ui/spotcheck/models.py" line="177" />
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../ui/spotcheck/models.py" line="179" />
        <source>%1 to check</source>
        <translation>待检查 %1 个</translation>
    </message>
</context>
<context>
    <name>QueueModel</name>
    <message>
        <location filename="../../ui/admin/expiry_tab.py" line="54" />
        <source>File no.</source>
        <translation>文件编号</translation>
    </message>
    <message>
        <location filename="../../ui/admin/expiry_tab.py" line="55" />
        <source>File</source>
        <translation>文件名</translation>
    </message>
    <message>
        <location filename="../../ui/admin/expiry_tab.py" line="56" />
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../ui/admin/expiry_tab.py" line="57" />
        <source>Officer</source>
        <translation>执法人员</translation>
    </message>
    <message>
        <location filename="../../ui/admin/expiry_tab.py" line="58" />
        <source>Recorded</source>
        <translation>录制时间</translation>
    </message>
    <message>
        <location filename="../../ui/admin/expiry_tab.py" line="59" />
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <location filename="../../ui/admin/expiry_tab.py" line="60" />
        <source>Set by rule</source>
        <translation>决定规则</translation>
    </message>
    <message>
        <location filename="../../ui/admin/expiry_tab.py" line="61" />
        <source>Keep until</source>
        <translation>保存至</translation>
    </message>
    <message>
        <location filename="../../ui/admin/expiry_tab.py" line="62" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/admin/expiry_tab.py" line="63" />
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../ui/admin/expiry_tab.py" line="74" />
        <source>Unassigned</source>
        <translation>待分配</translation>
    </message>
    <message>
        <location filename="../../ui/admin/expiry_tab.py" line="87" />
        <source>Legal hold %1 keeps it whatever its class.</source>
        <translation>法律保全 %1：不论保存类别，继续保存。</translation>
    </message>
    <message>
        <location filename="../../ui/admin/expiry_tab.py" line="89" />
        <source>Listed on destruction request %1.</source>
        <translation>已列入销毁申请 %1。</translation>
    </message>
    <message>
        <location filename="../../ui/admin/expiry_tab.py" line="91" />
        <source>Its period has ended and nothing keeps it longer.</source>
        <translation>保存期限已满，且无延长保存的原因。</translation>
    </message>
    <message>
        <location filename="../../ui/admin/expiry_tab.py" line="92" />
        <source>Kept until its period ends.</source>
        <translation>保存至期限届满。</translation>
    </message>
</context>
<context>
    <name>RegisterTableModel</name>
    <message>
        <location filename="../../ui/admin/audit_table_model.py" line="45" />
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../ui/admin/audit_table_model.py" line="46" />
        <source>User</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location filename="../../ui/admin/audit_table_model.py" line="47" />
        <source>File no.</source>
        <translation>文件编号</translation>
    </message>
    <message>
        <location filename="../../ui/admin/audit_table_model.py" line="48" />
        <source>File</source>
        <translation>文件名</translation>
    </message>
    <message>
        <location filename="../../ui/admin/audit_table_model.py" line="49" />
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../ui/admin/audit_table_model.py" line="50" />
        <source>Right</source>
        <translation>依据</translation>
    </message>
    <message>
        <location filename="../../ui/admin/audit_table_model.py" line="51" />
        <source>Purpose</source>
        <translation>事由</translation>
    </message>
    <message>
        <location filename="../../ui/admin/audit_table_model.py" line="52" />
        <source>Started</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <location filename="../../ui/admin/audit_table_model.py" line="53" />
        <source>Ended</source>
        <translation>结束时间</translation>
    </message>
    <message>
        <location filename="../../ui/admin/audit_table_model.py" line="54" />
        <source>Played</source>
        <translation>播放时长</translation>
    </message>
    <message>
        <location filename="../../ui/admin/audit_table_model.py" line="64" />
        <source>%1 (request %2)</source>
        <translation>%1（申请 %2）</translation>
    </message>
</context>
<context>
    <name>ReportTasksPanel</name>
    <message>
        <location filename="../../ui/statistics/tasks_panel.py" line="99" />
        <source>New task…</source>
        <translation>新建任务…</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/tasks_panel.py" line="101" />
        <source>Delete task</source>
        <translation>删除任务</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/tasks_panel.py" line="103" />
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/tasks_panel.py" line="107" />
        <source>Reports are sent by the computer that keeps the archive, when the system scheduler runs “workstation report run-due”. A delivery that fails is tried again at later runs.</source>
        <translation>报表由保存档案库的计算机在系统计划任务运行“workstation report run-due”时发送；发送失败的报表会在之后的运行中重试。</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/tasks_panel.py" line="154" />
        <source>Report task %1 set up; first run %2.</source>
        <translation>已设置报表任务 %1，首次运行时间 %2。</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/tasks_panel.py" line="176" />
        <source>Delete report task</source>
        <translation>删除报表任务</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/tasks_panel.py" line="177" />
        <source>Delete report task %1 (%2, %3)? Its reports are no longer sent.</source>
        <translation>删除报表任务 %1（%2，%3）？删除后不再发送其报表。</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/tasks_panel.py" line="204" />
        <source>Report task %1 deleted.</source>
        <translation>已删除报表任务 %1。</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/tasks_panel.py" line="212" />
        <source>%1 reports could not be delivered and are no longer retried (the tasks marked in red). Put right the cause shown, then delete the task and set it up again.</source>
        <translation>有 %1 个报表未能送达，已停止重试（见标红的任务）。请按所示原因排除问题，然后删除该任务并重新设置。</translation>
    </message>
</context>
<context>
    <name>RetentionView</name>
    <message>
        <location filename="../../ui/admin/retention_view.py" line="27" />
        <source>Retention classes</source>
        <translation>保存类别</translation>
    </message>
    <message>
        <location filename="../../ui/admin/retention_view.py" line="28" />
        <source>Legal holds</source>
        <translation>法律保全</translation>
    </message>
    <message>
        <location filename="../../ui/admin/retention_view.py" line="29" />
        <source>Expiry queue</source>
        <translation>到期队列</translation>
    </message>
    <message>
        <location filename="../../ui/admin/retention_view.py" line="30" />
        <source>Destruction requests</source>
        <translation>销毁申请</translation>
    </message>
</context>
<context>
    <name>RevertDialog</name>
    <message>
        <location filename="../../ui/admin/clock_dialogs.py" line="171" />
        <source>Revert correction %1</source>
        <translation>撤销第 %1 号校正</translation>
    </message>
    <message>
        <location filename="../../ui/admin/clock_dialogs.py" line="174" />
        <source>%1 to %2, %3 files: they get back the times they had before this correction.</source>
        <translation>%1 至 %2，共 %3 个文件：恢复为此次校正前的时间。</translation>
    </message>
    <message>
        <location filename="../../ui/admin/clock_dialogs.py" line="181" />
        <source>Why the correction is taken back</source>
        <translation>撤销校正的原因</translation>
    </message>
    <message>
        <location filename="../../ui/admin/clock_dialogs.py" line="184" />
        <source>Reason</source>
        <translation>原因</translation>
    </message>
</context>
<context>
    <name>ReviewChecklist</name>
    <message>
        <location filename="../../ui/spotcheck/review_checklist.py" line="85" />
        <source>Checklist</source>
        <translation>检查项目</translation>
    </message>
    <message>
        <location filename="../../ui/spotcheck/review_checklist.py" line="110" />
        <source>Required unless the verdict is Pass</source>
        <translation>结论不是“合格”时必填</translation>
    </message>
    <message>
        <location filename="../../ui/spotcheck/review_checklist.py" line="113" />
        <source>Required when the verdict is Fail</source>
        <translation>结论为“不合格”时必填</translation>
    </message>
    <message>
        <location filename="../../ui/spotcheck/review_checklist.py" line="115" />
        <source>Submit check</source>
        <translation>提交检查结果</translation>
    </message>
    <message>
        <location filename="../../ui/spotcheck/review_checklist.py" line="121" />
        <source>Verdict:</source>
        <translation>结论：</translation>
    </message>
    <message>
        <location filename="../../ui/spotcheck/review_checklist.py" line="122" />
        <source>Problem found:</source>
        <translation>存在问题：</translation>
    </message>
    <message>
        <location filename="../../ui/spotcheck/review_checklist.py" line="123" />
        <source>Rectification required:</source>
        <translation>整改要求：</translation>
    </message>
    <message>
        <location filename="../../ui/spotcheck/review_checklist.py" line="155" />
        <source>Claim an item in the review queue to check it.</source>
        <translation>请在待查队列中领取一项后进行检查。</translation>
    </message>
    <message>
        <location filename="../../ui/spotcheck/review_checklist.py" line="158" />
        <source>%1 · %2 (%3) · %4 · recorded %5 · %6</source>
        <translation>%1 · %2（%3）· %4 · 录制于 %5 · 时长 %6</translation>
    </message>
    <message>
        <location filename="../../ui/spotcheck/review_checklist.py" line="204" />
        <source>Choose a verdict.</source>
        <translation>请选择结论。</translation>
    </message>
    <message>
        <location filename="../../ui/spotcheck/review_checklist.py" line="210" />
        <source>Submitting…</source>
        <translation>正在提交…</translation>
    </message>
    <message>
        <location filename="../../ui/spotcheck/review_checklist.py" line="224" />
        <source>Played %1 of the clip (Pass needs %2), top speed %3×</source>
        <translation>已回放 %1（判定合格需达到 %2），最高倍速 %3×</translation>
    </message>
    <message>
        <location filename="../../ui/spotcheck/review_checklist.py" line="233" />
        <source>%1 (from the archive)</source>
        <translation>%1（系统判定）</translation>
    </message>
    <message>
        <location filename="../../ui/spotcheck/review_checklist.py" line="239" />
        <source>Check recorded in the ledger: %1.</source>
        <translation>检查结果已记入台帐：%1。</translation>
    </message>
</context>
<context>
    <name>ReviewWindow</name>
    <message>
        <location filename="../../ui/spotcheck/review_window.py" line="37" />
        <source>Spot-check checklist</source>
        <translation>抽查检查项目</translation>
    </message>
</context>
<context>
    <name>RuleTableModel</name>
    <message>
        <location filename="../../ui/admin/retention_policy_tab.py" line="38" />
        <source>Applies to</source>
        <translation>适用于</translation>
    </message>
    <message>
        <location filename="../../ui/admin/retention_policy_tab.py" line="38" />
        <source>Keep at least</source>
        <translation>至少保存</translation>
    </message>
    <message>
        <location filename="../../ui/admin/retention_policy_tab.py" line="38" />
        <source>Changed</source>
        <translation>修改时间</translation>
    </message>
    <message>
        <location filename="../../ui/admin/retention_policy_tab.py" line="38" />
        <source>Changed by</source>
        <translation>修改人</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../ui/shell/settings_dialog.py" line="12" />
        <source>Preferences</source>
        <translation>首选项</translation>
    </message>
    <message>
        <location filename="../../ui/shell/settings_dialog.py" line="17" />
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <location filename="../../ui/shell/settings_dialog.py" line="18" />
        <source>never</source>
        <translation>从不</translation>
    </message>
    <message>
        <location filename="../../ui/shell/settings_dialog.py" line="24" />
        <source>Language</source>
        <translation>界面语言</translation>
    </message>
    <message>
        <location filename="../../ui/shell/settings_dialog.py" line="25" />
        <source>A new language applies after the program restarts.</source>
        <translation>更改语言后需重新启动程序。</translation>
    </message>
    <message>
        <location filename="../../ui/shell/settings_dialog.py" line="26" />
        <source>Lock the screen when idle for</source>
        <translation>无操作自动锁屏</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <location filename="../../player/shortcuts.py" line="74" />
        <source>Player shortcuts</source>
        <translation>播放器快捷键</translation>
    </message>
    <message>
        <location filename="../../player/shortcuts.py" line="76" />
        <source>Key</source>
        <translation>按键</translation>
    </message>
    <message>
        <location filename="../../player/shortcuts.py" line="76" />
        <source>What it does</source>
        <translation>功能</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <location filename="../../ui/shell/sign_in_dialog.py" line="52" />
        <source>Screen locked</source>
        <translation>屏幕已锁定</translation>
    </message>
    <message>
        <location filename="../../ui/shell/sign_in_dialog.py" line="52" />
        <location filename="../../ui/shell/sign_in_dialog.py" line="60" />
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <location filename="../../ui/shell/sign_in_dialog.py" line="60" />
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
    <message>
        <location filename="../../ui/shell/sign_in_dialog.py" line="65" />
        <source>Body-worn camera footage review workstation</source>
        <translation>执法记录仪视音频回放审查工作站</translation>
    </message>
    <message>
        <location filename="../../ui/shell/sign_in_dialog.py" line="68" />
        <source>Archive: %1</source>
        <translation>档案库：%1</translation>
    </message>
    <message>
        <location filename="../../ui/shell/sign_in_dialog.py" line="69" />
        <source>Login name</source>
        <translation>登录名</translation>
    </message>
    <message>
        <location filename="../../ui/shell/sign_in_dialog.py" line="70" />
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../ui/shell/sign_in_dialog.py" line="92" />
        <source>Set a new password</source>
        <translation>设置新密码</translation>
    </message>
    <message>
        <location filename="../../ui/shell/sign_in_dialog.py" line="93" />
        <source>An administrator has reset your password. Choose a new one before you continue.</source>
        <translation>管理员已重置您的密码。请先设置新密码再继续。</translation>
    </message>
</context>
<context>
    <name>SignedInWindow</name>
    <message>
        <location filename="../../ui/shell/signed_in_window.py" line="47" />
        <source>Body-worn camera footage review workstation</source>
        <translation>执法记录仪视音频回放审查工作站</translation>
    </message>
    <message>
        <location filename="../../ui/shell/signed_in_window.py" line="51" />
        <source>%1 (%2) · %3 · %4</source>
        <translation>%1（%2）· %3 · %4</translation>
    </message>
    <message>
        <location filename="../../ui/shell/signed_in_window.py" line="59" />
        <source>Retry</source>
        <translation>重试</translation>
    </message>
    <message>
        <location filename="../../ui/shell/signed_in_window.py" line="65" />
        <source>Archive: %1</source>
        <translation>档案库：%1</translation>
    </message>
    <message>
        <location filename="../../ui/shell/signed_in_window.py" line="83" />
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../ui/shell/signed_in_window.py" line="84" />
        <source>Lock screen</source>
        <translation>锁定屏幕</translation>
    </message>
    <message>
        <location filename="../../ui/shell/signed_in_window.py" line="86" />
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location filename="../../ui/shell/signed_in_window.py" line="88" />
        <source>Import from recorders…</source>
        <translation>从记录仪导入…</translation>
    </message>
    <message>
        <location filename="../../ui/shell/signed_in_window.py" line="91" />
        <source>&amp;Settings</source>
        <translation>设置(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ui/shell/signed_in_window.py" line="92" />
        <source>Preferences…</source>
        <translation>首选项…</translation>
    </message>
    <message>
        <location filename="../../ui/shell/signed_in_window.py" line="94" />
        <source>Change password…</source>
        <translation>修改密码…</translation>
    </message>
    <message>
        <location filename="../../ui/shell/signed_in_window.py" line="118" />
        <source>The archive could not be read: %1</source>
        <translation>无法读取档案库：%1。请检查网络或存储后点击“重试”。</translation>
    </message>
    <message>
        <location filename="../../ui/shell/signed_in_window.py" line="133" />
        <source>Change password</source>
        <translation>修改密码</translation>
    </message>
    <message>
        <location filename="../../ui/shell/signed_in_window.py" line="134" />
        <source>Five wrong current passwords lock the account, as at sign-in.</source>
        <translation>与登录时一样，连续五次输错原密码将锁定账户。</translation>
    </message>
</context>
<context>
    <name>SourceProgress</name>
    <message>
        <location filename="../../ui/archive/ingest_progress.py" line="91" />
        <source>Waiting…</source>
        <translation>等待中…</translation>
    </message>
    <message>
        <location filename="../../ui/archive/ingest_progress.py" line="109" />
        <source>%1 of %2 files · %3 of %4</source>
        <translation>%1 / %2 个文件 · %3 / %4</translation>
    </message>
    <message>
        <location filename="../../ui/archive/ingest_progress.py" line="119" />
        <source>No files to import here</source>
        <translation>没有可导入的文件</translation>
    </message>
    <message>
        <location filename="../../ui/archive/ingest_progress.py" line="124" />
        <source>Stopped; the next import continues from here</source>
        <translation>已停止，下次导入将从此处继续</translation>
    </message>
</context>
<context>
    <name>SpotCheckView</name>
    <message>
        <location filename="../../ui/spotcheck/view.py" line="95" />
        <source>Favour long clips</source>
        <translation>偏重长录像</translation>
    </message>
    <message>
        <location filename="../../ui/spotcheck/view.py" line="96" />
        <source>Add each officer's first clip</source>
        <translation>含每人首段</translation>
    </message>
    <message>
        <location filename="../../ui/spotcheck/view.py" line="97" />
        <source>Leave out clips already checked</source>
        <translation>排除已检查</translation>
    </message>
    <message>
        <location filename="../../ui/spotcheck/view.py" line="99" />
        <source>Add clips with pre-screen findings, at most:</source>
        <translation>另加抽有预筛查提示的文件，至多：</translation>
    </message>
    <message>
        <location filename="../../ui/spotcheck/view.py" line="102" />
        <source>On top of the random sample, each plan adds up to this many of its clips with pre-screen findings of a kind reviewers have confirmed (not dismissed ones), one per officer first. They are marked as added in the plan and the ledger; the random part stays verifiable.</source>
        <translation>在随机抽取之外，每个方案另加抽至多该数量的有预筛查提示的文件（提示类型须曾被人工确认，已排除的提示不计），先每名执法人员各一个。加抽文件在方案和台帐中标为“预筛查加抽”，随机部分仍可复核。</translation>
    </message>
    <message>
        <location filename="../../ui/spotcheck/view.py" line="112" />
        <source>Draw</source>
        <translation>抽取</translation>
    </message>
    <message>
        <location filename="../../ui/spotcheck/view.py" line="114" />
        <source>Redraw…</source>
        <translation>重新抽取…</translation>
    </message>
    <message>
        <location filename="../../ui/spotcheck/view.py" line="127" />
        <source>Claim next</source>
        <translation>领取下一个</translation>
    </message>
    <message>
        <location filename="../../ui/spotcheck/view.py" line="129" />
        <source>Claim selected</source>
        <translation>领取所选</translation>
    </message>
    <message>
        <location filename="../../ui/spotcheck/view.py" line="131" />
        <source>Give back</source>
        <translation>退回</translation>
    </message>
    <message>
        <location filename="../../ui/spotcheck/view.py" line="133" />
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../ui/spotcheck/view.py" line="141" />
        <source>Review queue</source>
        <translation>待查队列</translation>
    </message>
    <message>
        <location filename="../../ui/spotcheck/view.py" line="142" />
        <source>Plans and samples</source>
        <translation>抽查方案</translation>
    </message>
    <message>
        <location filename="../../ui/spotcheck/view.py" line="143" />
        <source>Check progress</source>
        <translation>检查进度</translation>
    </message>
    <message>
        <location filename="../../ui/spotcheck/view.py" line="187" />
        <source>Drawing…</source>
        <translation>正在抽取…</translation>
    </message>
    <message>
        <location filename="../../ui/spotcheck/view.py" line="199" />
        <source>Select a plan in force on the Plans tab first.</source>
        <translation>请先在“抽查方案”页选择一个有效的方案。</translation>
    </message>
    <message>
        <location filename="../../ui/spotcheck/view.py" line="203" />
        <source>Redraw plan %1</source>
        <translation>重新抽取方案 %1</translation>
    </message>
    <message>
        <location filename="../../ui/spotcheck/view.py" line="203" />
        <source>Why is the plan drawn again?</source>
        <translation>重新抽取的理由：</translation>
    </message>
    <message>
        <location filename="../../ui/spotcheck/view.py" line="221" />
        <source>Select an item in the queue first.</source>
        <translation>请先在待查队列中选择一项。</translation>
    </message>
    <message>
        <location filename="../../ui/spotcheck/view.py" line="249" />
        <source>Unit:</source>
        <translation>单位：</translation>
    </message>
    <message>
        <location filename="../../ui/spotcheck/view.py" line="250" />
        <source>Recorded on:</source>
        <translation>录制日期：</translation>
    </message>
    <message>
        <location filename="../../ui/spotcheck/view.py" line="251" />
        <source>Ratio:</source>
        <translation>抽取比例：</translation>
    </message>
    <message>
        <location filename="../../ui/spotcheck/view.py" line="252" />
        <source>At least per officer:</source>
        <translation>每人最少：</translation>
    </message>
    <message>
        <location filename="../../ui/spotcheck/view.py" line="314" />
        <source>%1 items to check, %2 overdue.</source>
        <translation>待检查 %1 项，其中逾期 %2 项。</translation>
    </message>
    <message>
        <location filename="../../ui/spotcheck/view.py" line="321" />
        <source>%1 of %2 officers who recorded that day are checked; %3 still unchecked (%4 without a plan).</source>
        <translation>当天有录像的 %2 名执法人员中已检查完毕 %1 名；尚有 %3 名未检查（其中 %4 名所在单位未抽取）。</translation>
    </message>
    <message>
        <location filename="../../ui/spotcheck/view.py" line="345" />
        <source>No video or audio was recorded that day.</source>
        <translation>当天没有可抽查的视频或音频。</translation>
    </message>
    <message>
        <location filename="../../ui/spotcheck/view.py" line="347" />
        <source>%1 plans drawn, %2 clips sampled.</source>
        <translation>已抽取 %1 个方案，共抽中 %2 个文件。</translation>
    </message>
    <message>
        <location filename="../../ui/spotcheck/view.py" line="351" />
        <source>%1 clips added for pre-screen findings.</source>
        <translation>另有 %1 个文件因预筛查提示加抽。</translation>
    </message>
    <message>
        <location filename="../../ui/spotcheck/view.py" line="353" />
        <source>%1 units already had a plan in force (use Redraw to replace one).</source>
        <translation>%1 个单位已有有效方案（如需替换，请使用“重新抽取”）。</translation>
    </message>
    <message>
        <location filename="../../ui/spotcheck/view.py" line="362" />
        <source>Plan %1 replaces plan %2.</source>
        <translation>方案 %1 已替代方案 %2。</translation>
    </message>
    <message>
        <location filename="../../ui/spotcheck/view.py" line="368" />
        <source>Nothing left to check in the queue.</source>
        <translation>待查队列中已没有可领取的项目。</translation>
    </message>
    <message>
        <location filename="../../ui/spotcheck/view.py" line="371" />
        <source>You are checking %1 (%2) until %3.</source>
        <translation>您已领取 %1（%2），请于 %3 前完成检查。</translation>
    </message>
</context>
<context>
    <name>StationWindow</name>
    <message>
        <location filename="../../ui/shell/station_window.py" line="33" />
        <source>Ingest station: %1</source>
        <translation>采集站：%1</translation>
    </message>
    <message>
        <location filename="../../ui/shell/station_window.py" line="37" />
        <source>This account uploads the footage of docked recorders to the archive and has no other function. Reviewing, spot checks and approvals are done on a review workstation.</source>
        <translation>本账户用于将接入的执法记录仪中的视音频上传到档案库，没有其他功能。回放审查、抽查和审批请在审查工作站上进行。</translation>
    </message>
    <message>
        <location filename="../../ui/shell/station_window.py" line="42" />
        <source>Import from recorders…</source>
        <translation>从记录仪导入…</translation>
    </message>
    <message>
        <location filename="../../ui/shell/station_window.py" line="45" />
        <source>No import in this session yet.</source>
        <translation>本次登录后尚未导入。</translation>
    </message>
    <message>
        <location filename="../../ui/shell/station_window.py" line="66" />
        <source>%1: the import did not finish (see the import window).</source>
        <translation>%1：导入未完成（详见导入窗口）。</translation>
    </message>
    <message>
        <location filename="../../ui/shell/station_window.py" line="70" />
        <source>%1: %2 imported, %3 already archived, %4 rejected, %5 failed.</source>
        <translation>%1：导入 %2 个，已归档跳过 %3 个，拒收 %4 个，失败 %5 个。</translation>
    </message>
</context>
<context>
    <name>StatisticsView</name>
    <message>
        <location filename="../../ui/statistics/view.py" line="58" />
        <source>This week</source>
        <translation>本周</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/view.py" line="59" />
        <source>This month</source>
        <translation>本月</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/view.py" line="60" />
        <source>Last month</source>
        <translation>上月</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/view.py" line="61" />
        <source>This year</source>
        <translation>本年</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/view.py" line="62" />
        <source>Custom</source>
        <translation>自定义</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/view.py" line="66" />
        <source>Export report…</source>
        <translation>导出报表…</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/view.py" line="68" />
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/view.py" line="82" />
        <source>Workload</source>
        <translation>工作量</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/view.py" line="83" />
        <source>Recorders</source>
        <translation>执法记录仪</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/view.py" line="84" />
        <source>Spot checks</source>
        <translation>抽查</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/view.py" line="85" />
        <source>Viewing requests</source>
        <translation>调阅审批</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/view.py" line="86" />
        <source>Pre-screen</source>
        <translation>预筛查</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/view.py" line="93" />
        <source>Unit:</source>
        <translation>单位：</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/view.py" line="95" />
        <source>Period:</source>
        <translation>时间段：</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/view.py" line="98" />
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/view.py" line="141" />
        <source>All units in my charge</source>
        <translation>全部管辖单位</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/view.py" line="174" />
        <source>The period ends before it begins.</source>
        <translation>结束日期早于开始日期。</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/view.py" line="183" />
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/view.py" line="193" />
        <source>Files per unit</source>
        <translation>各单位文件数</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/view.py" line="196" />
        <source>Hours switched on per recorder</source>
        <translation>各执法记录仪开机时长（小时）</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/view.py" line="199" />
        <source>Reviews per unit</source>
        <translation>各单位已查条数</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/view.py" line="202" />
        <source>Viewing requests per deciding unit</source>
        <translation>各审批单位调阅申请数</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/view.py" line="205" />
        <source>Findings per kind</source>
        <translation>各类发现数</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/view.py" line="223" />
        <source>Export report</source>
        <translation>导出报表</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/view.py" line="223" />
        <source>Web page (*.html);;Excel (*.xlsx)</source>
        <translation>网页 (*.html);;Excel (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/view.py" line="230" />
        <source>Name the file .html or .xlsx.</source>
        <translation>请将文件命名为 .html 或 .xlsx。</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/view.py" line="233" />
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/view.py" line="238" />
        <source>%1 rows exported to %2</source>
        <translation>已导出 %1 行到 %2</translation>
    </message>
</context>
<context>
    <name>TaskDialog</name>
    <message>
        <location filename="../../ui/statistics/task_dialog.py" line="47" />
        <source>New report task</source>
        <translation>新建报表任务</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/task_dialog.py" line="55" />
        <source>Every day</source>
        <translation>每天</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/task_dialog.py" line="56" />
        <source>Every week</source>
        <translation>每周</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/task_dialog.py" line="57" />
        <source>Every month</source>
        <translation>每月</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/task_dialog.py" line="61" />
        <source> (day of the month)</source>
        <translation> 日</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/task_dialog.py" line="69" />
        <source>By e-mail to</source>
        <translation>发送电子邮件至</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/task_dialog.py" line="70" />
        <source>Into the folder</source>
        <translation>放入文件夹</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/task_dialog.py" line="76" />
        <source>Addresses, separated by commas</source>
        <translation>电子邮件地址，以逗号分隔</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/task_dialog.py" line="79" />
        <source>Full path of a folder on the computer that sends the reports (no mail server)</source>
        <translation>发送报表的计算机上的文件夹完整路径（无邮件服务器时）</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/task_dialog.py" line="85" />
        <source>Report</source>
        <translation>报表</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/task_dialog.py" line="86" />
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/task_dialog.py" line="87" />
        <source>Format</source>
        <translation>格式</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/task_dialog.py" line="88" />
        <source>Report on</source>
        <translation>统计期间</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/task_dialog.py" line="89" />
        <source>Runs</source>
        <translation>运行时间</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/task_dialog.py" line="93" />
        <source>Set up task</source>
        <translation>设置任务</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/task_dialog.py" line="143" />
        <source>You have no unit in your charge to report on.</source>
        <translation>您没有可统计的管辖单位。</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/task_dialog.py" line="145" />
        <source>Enter the e-mail addresses the report goes to.</source>
        <translation>请填写接收报表的电子邮件地址。</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/task_dialog.py" line="147" />
        <source>Enter the folder the report is put into.</source>
        <translation>请填写放置报表的文件夹。</translation>
    </message>
</context>
<context>
    <name>TaskTableModel</name>
    <message>
        <location filename="../../ui/statistics/tasks_panel.py" line="43" />
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/tasks_panel.py" line="44" />
        <source>Report</source>
        <translation>报表</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/tasks_panel.py" line="45" />
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/tasks_panel.py" line="46" />
        <source>Format</source>
        <translation>格式</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/tasks_panel.py" line="47" />
        <source>Report on</source>
        <translation>统计期间</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/tasks_panel.py" line="48" />
        <source>Runs</source>
        <translation>运行时间</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/tasks_panel.py" line="49" />
        <source>Send to</source>
        <translation>发送至</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/tasks_panel.py" line="50" />
        <source>Next run</source>
        <translation>下次运行</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/tasks_panel.py" line="51" />
        <source>Last delivery</source>
        <translation>最近一次发送</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/tasks_panel.py" line="53" />
        <source>Last error</source>
        <translation>最近一次错误</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/tasks_panel.py" line="52" />
        <source>Set up by</source>
        <translation>设置人</translation>
    </message>
</context>
<context>
    <name>TransportBar</name>
    <message>
        <location filename="../../player/transport.py" line="50" />
        <source>Speed</source>
        <translation>倍速</translation>
    </message>
    <message>
        <location filename="../../player/transport.py" line="65" />
        <source>Volume</source>
        <translation>音量</translation>
    </message>
</context>
<context>
    <name>UnitExpiryModel</name>
    <message>
        <location filename="../../ui/admin/expiry_tab.py" line="40" />
        <source>Within %1 days</source>
        <translation>%1 天内</translation>
    </message>
    <message>
        <location filename="../../ui/admin/expiry_tab.py" line="41" />
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../ui/admin/expiry_tab.py" line="41" />
        <source>Expired</source>
        <translation>已过期</translation>
    </message>
    <message>
        <location filename="../../ui/admin/expiry_tab.py" line="41" />
        <source>Held</source>
        <translation>保全中</translation>
    </message>
    <message>
        <location filename="../../ui/admin/expiry_tab.py" line="41" />
        <source>On a request</source>
        <translation>已申请销毁</translation>
    </message>
    <message>
        <location filename="../../ui/admin/expiry_tab.py" line="46" />
        <source>Unassigned</source>
        <translation>待分配</translation>
    </message>
</context>
<context>
    <name>UserTableModel</name>
    <message>
        <location filename="../../ui/admin/users_view.py" line="23" />
        <source>Login name</source>
        <translation>登录名</translation>
    </message>
    <message>
        <location filename="../../ui/admin/users_view.py" line="23" />
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../ui/admin/users_view.py" line="23" />
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../ui/admin/users_view.py" line="23" />
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../ui/admin/users_view.py" line="23" />
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/admin/users_view.py" line="35" />
        <source>Locked until %1</source>
        <translation>锁定至 %1</translation>
    </message>
    <message>
        <location filename="../../ui/admin/users_view.py" line="37" />
        <source>Deactivated</source>
        <translation>已停用</translation>
    </message>
    <message>
        <location filename="../../ui/admin/users_view.py" line="39" />
        <source>Must change password</source>
        <translation>须修改密码</translation>
    </message>
    <message>
        <location filename="../../ui/admin/users_view.py" line="40" />
        <source>Normal</source>
        <translation>正常</translation>
    </message>
</context>
<context>
    <name>UsersView</name>
    <message>
        <location filename="../../ui/admin/users_view.py" line="58" />
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
    <message>
        <location filename="../../ui/admin/users_view.py" line="60" />
        <source>Reset password…</source>
        <translation>重置密码…</translation>
    </message>
    <message>
        <location filename="../../ui/admin/users_view.py" line="62" />
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../ui/admin/users_view.py" line="95" />
        <source>%1 is unlocked.</source>
        <translation>已解除 %1 的锁定。</translation>
    </message>
    <message>
        <location filename="../../ui/admin/users_view.py" line="105" />
        <source>Reset password of %1</source>
        <translation>重置 %1 的密码</translation>
    </message>
    <message>
        <location filename="../../ui/admin/users_view.py" line="106" />
        <source>Give the user this temporary password in person. They must change it when they next sign in.</source>
        <translation>请当面将临时密码告知该用户。该用户下次登录时须修改密码。</translation>
    </message>
    <message>
        <location filename="../../ui/admin/users_view.py" line="111" />
        <source>The password of %1 is reset; they must change it at the next sign-in.</source>
        <translation>已重置 %1 的密码；该用户下次登录时须修改密码。</translation>
    </message>
</context>
<context>
    <name>VideoSurface</name>
    <message>
        <location filename="../../player/video_surface.py" line="49" />
        <source>Try again</source>
        <translation>重试</translation>
    </message>
    <message>
        <location filename="../../player/video_surface.py" line="160" />
        <source>Audio only</source>
        <translation>仅音频</translation>
    </message>
</context>
<context>
    <name>WriteDialog</name>
    <message>
        <location filename="../../ui/evidence/write_dialog.py" line="92" />
        <source>Writing evidence package %1</source>
        <translation>正在制作证据包 %1</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/write_dialog.py" line="96" />
        <source>%1, to %2</source>
        <translation>%1，写入 %2</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/write_dialog.py" line="107" />
        <source>Go on writing</source>
        <translation>继续制作</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/write_dialog.py" line="126" />
        <source>Writing the package; every file is hashed as it is copied…</source>
        <translation>正在制作证据包，每个文件复制时同时计算校验值…</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/write_dialog.py" line="139" />
        <source>Stopping…</source>
        <translation>正在停止…</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/write_dialog.py" line="147" />
        <source>%1 of %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/write_dialog.py" line="156" />
        <source>Files</source>
        <translation>文件数</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/write_dialog.py" line="157" />
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/write_dialog.py" line="158" />
        <source>Format</source>
        <translation>格式</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/write_dialog.py" line="159" />
        <source>Written to</source>
        <translation>位置</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/write_dialog.py" line="160" />
        <source>Manifest SHA-256</source>
        <translation>清单 SHA-256</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/write_dialog.py" line="161" />
        <source>Check</source>
        <translation>校验</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/write_dialog.py" line="161" />
        <source>Verified: every file has the archive's SHA-256</source>
        <translation>已校验：每个文件的 SHA-256 均与档案一致</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/write_dialog.py" line="164" />
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/write_dialog.py" line="168" />
        <source>Evidence package %1 is complete.</source>
        <translation>证据包 %1 已制作完成。</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/write_dialog.py" line="177" />
        <source>Cancelled. The package was not completed; export again to the same place to go on where it stopped.</source>
        <translation>已取消。证据包未制作完成；再次导出到同一位置即可从中断处继续。</translation>
    </message>
</context>
<context>
    <name>access_labels</name>
    <message>
        <location filename="../../ui/common/access_labels.py" line="11" />
        <location filename="../../ui/common/access_labels.py" line="22" />
        <source>Pending</source>
        <translation>待审批</translation>
    </message>
    <message>
        <location filename="../../ui/common/access_labels.py" line="12" />
        <location filename="../../ui/common/access_labels.py" line="24" />
        <source>Rejected</source>
        <translation>已驳回</translation>
    </message>
    <message>
        <location filename="../../ui/common/access_labels.py" line="13" />
        <location filename="../../ui/common/access_labels.py" line="23" />
        <source>Approved</source>
        <translation>已批准</translation>
    </message>
    <message>
        <location filename="../../ui/common/access_labels.py" line="14" />
        <source>Expired</source>
        <translation>已过期</translation>
    </message>
    <message>
        <location filename="../../ui/common/access_labels.py" line="15" />
        <source>Revoked</source>
        <translation>已撤销</translation>
    </message>
    <message>
        <location filename="../../ui/common/access_labels.py" line="21" />
        <source>Waiting</source>
        <translation>等待中</translation>
    </message>
    <message>
        <location filename="../../ui/common/access_labels.py" line="25" />
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location filename="../../ui/common/access_labels.py" line="31" />
        <source>Selected files</source>
        <translation>按文件</translation>
    </message>
    <message>
        <location filename="../../ui/common/access_labels.py" line="32" />
        <source>Officer and time range</source>
        <translation>按执法人员和时间段</translation>
    </message>
    <message>
        <location filename="../../ui/common/access_labels.py" line="33" />
        <source>Incident or case</source>
        <translation>按警情/案件</translation>
    </message>
    <message>
        <location filename="../../ui/common/access_labels.py" line="39" />
        <source>Procuratorate</source>
        <translation>人民检察院</translation>
    </message>
    <message>
        <location filename="../../ui/common/access_labels.py" line="40" />
        <source>Court</source>
        <translation>人民法院</translation>
    </message>
    <message>
        <location filename="../../ui/common/access_labels.py" line="41" />
        <source>Discipline inspection and supervision</source>
        <translation>纪检监察机关</translation>
    </message>
    <message>
        <location filename="../../ui/common/access_labels.py" line="42" />
        <source>Judicial administration</source>
        <translation>司法行政机关</translation>
    </message>
    <message>
        <location filename="../../ui/common/access_labels.py" line="48" />
        <source>Playback</source>
        <translation>播放</translation>
    </message>
    <message>
        <location filename="../../ui/common/access_labels.py" line="49" />
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location filename="../../ui/common/access_labels.py" line="55" />
        <source>Own unit</source>
        <translation>本单位权限</translation>
    </message>
    <message>
        <location filename="../../ui/common/access_labels.py" line="56" />
        <source>Own footage</source>
        <translation>本人资料</translation>
    </message>
    <message>
        <location filename="../../ui/common/access_labels.py" line="57" />
        <source>Unassigned footage</source>
        <translation>待分配资料</translation>
    </message>
    <message>
        <location filename="../../ui/common/access_labels.py" line="58" />
        <source>Approved request</source>
        <translation>调阅审批</translation>
    </message>
    <message>
        <location filename="../../ui/common/access_labels.py" line="65" />
        <source>Viewing request</source>
        <translation>提交调阅申请</translation>
    </message>
    <message>
        <location filename="../../ui/common/access_labels.py" line="66" />
        <source>Request approved</source>
        <translation>批准调阅申请</translation>
    </message>
    <message>
        <location filename="../../ui/common/access_labels.py" line="67" />
        <source>Request rejected</source>
        <translation>驳回调阅申请</translation>
    </message>
    <message>
        <location filename="../../ui/common/access_labels.py" line="68" />
        <source>Grant revoked</source>
        <translation>撤销授权</translation>
    </message>
    <message>
        <location filename="../../ui/common/access_labels.py" line="69" />
        <source>Access refused</source>
        <translation>拒绝访问</translation>
    </message>
    <message>
        <location filename="../../ui/common/access_labels.py" line="70" />
        <source>Playback started</source>
        <translation>开始播放</translation>
    </message>
    <message>
        <location filename="../../ui/common/access_labels.py" line="71" />
        <source>Playback ended</source>
        <translation>播放结束</translation>
    </message>
    <message>
        <location filename="../../ui/common/access_labels.py" line="72" />
        <source>Export started</source>
        <translation>开始导出</translation>
    </message>
    <message>
        <location filename="../../ui/common/access_labels.py" line="73" />
        <source>Export ended</source>
        <translation>导出结束</translation>
    </message>
    <message>
        <location filename="../../ui/common/access_labels.py" line="74" />
        <source>File imported</source>
        <translation>文件入库</translation>
    </message>
    <message>
        <location filename="../../ui/common/access_labels.py" line="75" />
        <source>Marked important</source>
        <translation>标记为重点</translation>
    </message>
    <message>
        <location filename="../../ui/common/access_labels.py" line="76" />
        <source>Marked important by the recorder (IMP)</source>
        <translation>记录仪标记为重点文件（IMP）</translation>
    </message>
    <message>
        <location filename="../../ui/common/access_labels.py" line="79" />
        <source>Important mark removed</source>
        <translation>取消重点标记</translation>
    </message>
    <message>
        <location filename="../../ui/common/access_labels.py" line="80" />
        <source>Linked to case</source>
        <translation>关联警情/案件</translation>
    </message>
    <message>
        <location filename="../../ui/common/access_labels.py" line="81" />
        <source>Case link removed</source>
        <translation>解除案件关联</translation>
    </message>
    <message>
        <location filename="../../ui/common/access_labels.py" line="82" />
        <source>Original destroyed</source>
        <translation>原始文件已销毁</translation>
    </message>
    <message>
        <location filename="../../ui/common/access_labels.py" line="83" />
        <source>Retention period recomputed</source>
        <translation>保存期限重新计算</translation>
    </message>
    <message>
        <location filename="../../ui/common/access_labels.py" line="84" />
        <source>Retention period assessed</source>
        <translation>保存期限评定</translation>
    </message>
    <message>
        <location filename="../../ui/common/access_labels.py" line="85" />
        <source>Retention rules changed</source>
        <translation>保存规则变更</translation>
    </message>
    <message>
        <location filename="../../ui/common/access_labels.py" line="86" />
        <source>Legal hold placed</source>
        <translation>实施法律保全</translation>
    </message>
    <message>
        <location filename="../../ui/common/access_labels.py" line="87" />
        <source>Legal hold released</source>
        <translation>解除法律保全</translation>
    </message>
    <message>
        <location filename="../../ui/common/access_labels.py" line="88" />
        <source>Destruction requested</source>
        <translation>申请销毁</translation>
    </message>
    <message>
        <location filename="../../ui/common/access_labels.py" line="89" />
        <source>Destruction approved</source>
        <translation>批准销毁</translation>
    </message>
    <message>
        <location filename="../../ui/common/access_labels.py" line="90" />
        <source>Destruction rejected</source>
        <translation>驳回销毁</translation>
    </message>
    <message>
        <location filename="../../ui/common/access_labels.py" line="91" />
        <source>Destruction reported upwards</source>
        <translation>销毁报上级备案</translation>
    </message>
    <message>
        <location filename="../../ui/common/access_labels.py" line="92" />
        <source>Audit log exported</source>
        <translation>导出审计日志</translation>
    </message>
    <message>
        <location filename="../../ui/common/access_labels.py" line="93" />
        <source>Access register exported</source>
        <translation>导出调阅登记</translation>
    </message>
    <message>
        <location filename="../../ui/common/access_labels.py" line="94" />
        <source>Archive verified</source>
        <translation>档案校验</translation>
    </message>
    <message>
        <location filename="../../ui/common/access_labels.py" line="95" />
        <source>Import started</source>
        <translation>开始导入</translation>
    </message>
    <message>
        <location filename="../../ui/common/access_labels.py" line="96" />
        <source>Import finished</source>
        <translation>导入结束</translation>
    </message>
    <message>
        <location filename="../../ui/common/access_labels.py" line="97" />
        <source>User created</source>
        <translation>新建用户</translation>
    </message>
    <message>
        <location filename="../../ui/common/access_labels.py" line="98" />
        <source>Signed in</source>
        <translation>登录</translation>
    </message>
    <message>
        <location filename="../../ui/common/access_labels.py" line="99" />
        <source>Sign-in failed</source>
        <translation>登录失败</translation>
    </message>
    <message>
        <location filename="../../ui/common/access_labels.py" line="100" />
        <source>Password changed</source>
        <translation>修改密码</translation>
    </message>
    <message>
        <location filename="../../ui/common/access_labels.py" line="101" />
        <source>Password change failed</source>
        <translation>修改密码失败</translation>
    </message>
    <message>
        <location filename="../../ui/common/access_labels.py" line="102" />
        <source>Unit created</source>
        <translation>新建单位</translation>
    </message>
    <message>
        <location filename="../../ui/common/access_labels.py" line="103" />
        <source>Officer registered</source>
        <translation>登记执法人员</translation>
    </message>
    <message>
        <location filename="../../ui/common/access_labels.py" line="104" />
        <source>Officer assigned to unit</source>
        <translation>人员分配单位</translation>
    </message>
    <message>
        <location filename="../../ui/common/access_labels.py" line="105" />
        <source>Unknown badge no. registered</source>
        <translation>登记未知警号</translation>
    </message>
    <message>
        <location filename="../../ui/common/access_labels.py" line="106" />
        <source>Recorder registered</source>
        <translation>登记记录仪</translation>
    </message>
    <message>
        <location filename="../../ui/common/access_labels.py" line="107" />
        <source>Unknown recorder registered</source>
        <translation>登记未知记录仪</translation>
    </message>
    <message>
        <location filename="../../ui/common/access_labels.py" line="108" />
        <source>Recorder handed over</source>
        <translation>记录仪交接</translation>
    </message>
    <message>
        <location filename="../../ui/common/access_labels.py" line="109" />
        <source>Spot-check day seeds committed</source>
        <translation>抽查日种子已承诺</translation>
    </message>
    <message>
        <location filename="../../ui/common/access_labels.py" line="110" />
        <source>Spot-check sample drawn</source>
        <translation>抽查样本已抽取</translation>
    </message>
    <message>
        <location filename="../../ui/common/access_labels.py" line="111" />
        <source>Spot-check sample redrawn</source>
        <translation>抽查样本已重新抽取</translation>
    </message>
    <message>
        <location filename="../../ui/common/access_labels.py" line="112" />
        <source>Spot-check item taken</source>
        <translation>领取抽查项目</translation>
    </message>
    <message>
        <location filename="../../ui/common/access_labels.py" line="113" />
        <source>Spot-check item released</source>
        <translation>退回抽查项目</translation>
    </message>
    <message>
        <location filename="../../ui/common/access_labels.py" line="114" />
        <source>Spot check recorded</source>
        <translation>抽查结果已登记</translation>
    </message>
    <message>
        <location filename="../../ui/common/access_labels.py" line="115" />
        <source>Check ledger exported</source>
        <translation>导出检查台帐</translation>
    </message>
    <message>
        <location filename="../../ui/common/access_labels.py" line="116" />
        <source>Audit key exported</source>
        <translation>导出审计密钥</translation>
    </message>
    <message>
        <location filename="../../ui/common/access_labels.py" line="117" />
        <source>Audit key imported</source>
        <translation>导入审计密钥</translation>
    </message>
    <message>
        <location filename="../../ui/common/access_labels.py" line="118" />
        <source>Audit key changed</source>
        <translation>更换审计密钥</translation>
    </message>
    <message>
        <location filename="../../ui/common/access_labels.py" line="119" />
        <source>File details corrected</source>
        <translation>更正文件信息</translation>
    </message>
    <message>
        <location filename="../../ui/common/access_labels.py" line="120" />
        <source>Recorder clock offset entered</source>
        <translation>登记记录仪时钟偏差</translation>
    </message>
    <message>
        <location filename="../../ui/common/access_labels.py" line="121" />
        <source>Recording times corrected</source>
        <translation>校正录制时间</translation>
    </message>
    <message>
        <location filename="../../ui/common/access_labels.py" line="122" />
        <source>Time correction reverted</source>
        <translation>撤销时间校正</translation>
    </message>
    <message>
        <location filename="../../ui/common/access_labels.py" line="123" />
        <source>Destruction executed</source>
        <translation>执行销毁</translation>
    </message>
    <message>
        <location filename="../../ui/common/access_labels.py" line="124" />
        <source>Kept at destruction</source>
        <translation>销毁时保留</translation>
    </message>
    <message>
        <location filename="../../ui/common/access_labels.py" line="125" />
        <source>Destruction forms printed</source>
        <translation>导出销毁表单</translation>
    </message>
    <message>
        <location filename="../../ui/common/access_labels.py" line="126" />
        <source>Evidence export requested</source>
        <translation>申请证据导出</translation>
    </message>
    <message>
        <location filename="../../ui/common/access_labels.py" line="127" />
        <source>Evidence export started</source>
        <translation>开始制作证据包</translation>
    </message>
    <message>
        <location filename="../../ui/common/access_labels.py" line="128" />
        <source>Evidence export resumed</source>
        <translation>继续制作证据包</translation>
    </message>
    <message>
        <location filename="../../ui/common/access_labels.py" line="129" />
        <source>Evidence package written</source>
        <translation>证据包制作完成</translation>
    </message>
    <message>
        <location filename="../../ui/common/access_labels.py" line="130" />
        <source>Evidence handed over</source>
        <translation>登记证据移交</translation>
    </message>
    <message>
        <location filename="../../ui/common/access_labels.py" line="131" />
        <source>Evidence export register exported</source>
        <translation>导出证据导出登记表</translation>
    </message>
    <message>
        <location filename="../../ui/common/access_labels.py" line="132" />
        <source>Mark added</source>
        <translation>添加标记</translation>
    </message>
    <message>
        <location filename="../../ui/common/access_labels.py" line="133" />
        <source>Mark changed</source>
        <translation>修改标记</translation>
    </message>
    <message>
        <location filename="../../ui/common/access_labels.py" line="134" />
        <source>Mark removed</source>
        <translation>删除标记</translation>
    </message>
    <message>
        <location filename="../../ui/common/access_labels.py" line="135" />
        <source>Mark category added</source>
        <translation>添加标记类别</translation>
    </message>
    <message>
        <location filename="../../ui/common/access_labels.py" line="136" />
        <source>Mark category changed</source>
        <translation>修改标记类别</translation>
    </message>
    <message>
        <location filename="../../ui/common/access_labels.py" line="137" />
        <source>Pre-screen scan</source>
        <translation>预筛查扫描</translation>
    </message>
    <message>
        <location filename="../../ui/common/access_labels.py" line="138" />
        <source>Pre-screen finding decided</source>
        <translation>预筛查结果复核</translation>
    </message>
    <message>
        <location filename="../../ui/common/access_labels.py" line="139" />
        <source>Report exported</source>
        <translation>导出报表</translation>
    </message>
    <message>
        <location filename="../../ui/common/access_labels.py" line="140" />
        <source>Scheduled report delivered</source>
        <translation>定时报表已送达</translation>
    </message>
    <message>
        <location filename="../../ui/common/access_labels.py" line="141" />
        <source>Scheduled report not delivered</source>
        <translation>定时报表送达失败</translation>
    </message>
    <message>
        <location filename="../../ui/common/access_labels.py" line="142" />
        <source>Report task created</source>
        <translation>新建报表任务</translation>
    </message>
    <message>
        <location filename="../../ui/common/access_labels.py" line="143" />
        <source>Report task removed</source>
        <translation>删除报表任务</translation>
    </message>
    <message>
        <location filename="../../ui/common/access_labels.py" line="144" />
        <source>Signed in to the archive server</source>
        <translation>登录档案服务器</translation>
    </message>
    <message>
        <location filename="../../ui/common/access_labels.py" line="145" />
        <source>Still captured</source>
        <translation>截取图片</translation>
    </message>
    <message>
        <location filename="../../ui/common/access_labels.py" line="146" />
        <source>Still exported</source>
        <translation>导出截图</translation>
    </message>
    <message>
        <location filename="../../ui/common/access_labels.py" line="147" />
        <source>Upload refused (checksum)</source>
        <translation>上传被拒（校验不符）</translation>
    </message>
    <message>
        <location filename="../../ui/common/access_labels.py" line="148" />
        <source>Password hash upgraded</source>
        <translation>密码哈希升级</translation>
    </message>
    <message>
        <location filename="../../ui/common/access_labels.py" line="149" />
        <source>Password reset</source>
        <translation>重置密码</translation>
    </message>
    <message>
        <location filename="../../ui/common/access_labels.py" line="150" />
        <source>Account unlocked</source>
        <translation>解锁账户</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <location filename="../../ui/app.py" line="94" />
        <location filename="../../ui/app.py" line="196" />
        <source>Cannot open the archive</source>
        <translation>无法打开档案库</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="96" />
        <source>Retry</source>
        <translation>重试</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="98" />
        <source>Change connection…</source>
        <translation>更改连接…</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="100" />
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="121" />
        <source>The details were written to {0}; please send that file to support.</source>
        <translation>详细信息已写入 {0}，请将该文件发送给技术支持。</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="128" />
        <source>Internal error</source>
        <translation>程序内部错误</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="129" />
        <source>Something went wrong inside the program ({0}). What was saved before is kept.</source>
        <translation>程序内部出错（{0}）。此前已保存的内容不受影响。</translation>
    </message>
</context>
<context>
    <name>clocks</name>
    <message>
        <location filename="../../ui/admin/clock_panel.py" line="37" />
        <source>Entered by an administrator</source>
        <translation>管理员登记</translation>
    </message>
    <message>
        <location filename="../../ui/admin/clock_panel.py" line="270" />
        <source>No measurements yet: enter one, or dock the recorder at a station that writes its time.</source>
        <translation>尚无偏差测量：请登记偏差，或在写入工作站时间的采集站上接入该记录仪。</translation>
    </message>
    <message>
        <location filename="../../ui/admin/clock_panel.py" line="275" />
        <source>(fast)</source>
        <translation>（偏快）</translation>
    </message>
    <message>
        <location filename="../../ui/admin/clock_panel.py" line="277" />
        <source>(slow)</source>
        <translation>（偏慢）</translation>
    </message>
    <message>
        <location filename="../../ui/admin/clock_panel.py" line="279" />
        <source>%1 s/day</source>
        <translation>%1 秒/天</translation>
    </message>
    <message>
        <location filename="../../ui/admin/clock_panel.py" line="281" />
        <source>unknown (one measurement)</source>
        <translation>未知（仅一次测量）</translation>
    </message>
    <message>
        <location filename="../../ui/admin/clock_panel.py" line="284" />
        <source>Offset now %1 s %2 · drift %3 · fitted over %4 of %5 measurements</source>
        <translation>当前偏差 %1 秒%2 · 漂移 %3 · 依据 %5 次测量中的 %4 次拟合</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <location filename="../../ui/common/error_text.py" line="36" />
        <source>{name} (badge {badge_no})</source>
        <translation>{name}（警号 {badge_no}）</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="38" />
        <source>badge {badge_no}</source>
        <translation>警号 {badge_no}</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="53" />
        <location filename="../../ui/common/error_text.py" line="69" />
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="61" />
        <source>a whole number</source>
        <translation>整数</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="62" />
        <source>a number</source>
        <translation>数字</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="63" />
        <source>text</source>
        <translation>文本</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="64" />
        <source>a list</source>
        <translation>列表</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="70" />
        <source> or </source>
        <translation>或</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="74" />
        <source>unknown section [{place}] (known: {known})</source>
        <translation>未知的设置节 [{place}]（可用：{known}）</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="75" />
        <source>[{place}] should be a section</source>
        <translation>[{place}] 应是一个设置节</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="76" />
        <source>[{place}] has no setting {key} (known: {known})</source>
        <translation>[{place}] 中没有设置项 {key}（可用：{known}）</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="77" />
        <source>[{place}] {key} should be {expected}, not {value}</source>
        <translation>[{place}] {key} 应为{expected}，而不是 {value}</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="78" />
        <source>name pattern {place} should be a table ({known})</source>
        <translation>[[ingest.patterns]] 第 {place} 条应是一个设置表（{known}）</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="79" />
        <source>name pattern {place} lacks {key}</source>
        <translation>[[ingest.patterns]] 第 {place} 条缺少 {key}</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="80" />
        <source>name pattern {place} has no setting {key}</source>
        <translation>[[ingest.patterns]] 第 {place} 条中没有设置项 {key}</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="81" />
        <source>name pattern {place}: {key} should be text</source>
        <translation>[[ingest.patterns]] 第 {place} 条的 {key} 应为文本</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="95" />
        <source>The ledger export needs a start and an end date, the end not before the start.</source>
        <translation>导出检查台帐需要起止日期，且截止日期不早于起始日期。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="98" />
        <location filename="../../ui/common/error_text.py" line="240" />
        <source>There is no unit with the code "{unit_code}".</source>
        <translation>单位代码“{unit_code}”不存在。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="99" />
        <source>You may not see the check ledger of unit {unit_code}.</source>
        <translation>您无权查看单位 {unit_code} 的检查台帐。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="102" />
        <source>A redraw needs a reason.</source>
        <translation>重新抽取必须填写理由。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="103" />
        <source>Spot-check plan {plan_id} does not exist.</source>
        <translation>抽查方案 {plan_id} 不存在。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="104" />
        <source>Spot-check plan {plan_id} was redrawn on {superseded_at}.</source>
        <translation>抽查方案 {plan_id} 已于 {superseded_at} 被重新抽取。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="107" />
        <source>All {count} day seeds of unit {unit_code} for {day} are used up; that day cannot be drawn or redrawn again. Ask inspection staff.</source>
        <translation>单位 {unit_code} {day} 的 {count} 个日种子已全部用完，不能再抽取或重新抽取该日；请联系督察处理。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="112" />
        <source>The day seed of {day} does not match its commitment in the audit log (seq {seq}); the draw was refused. Run workstation audit verify and tell the administrator.</source>
        <translation>{day} 的日种子与审计日志中序号 {seq} 的种子承诺不符，已拒绝抽取；请运行 workstation audit verify 并联系管理员。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="117" />
        <source>The unit has no footage left to check in this period; the plan was not redrawn.</source>
        <translation>该单位在此期间已没有可抽查的录像，未重新抽取。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="120" />
        <source>You may not run spot checks for unit {unit_code}.</source>
        <translation>您无权对单位 {unit_code} 进行抽查。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="123" />
        <source>You may not see or work on another unit's spot-check plans.</source>
        <translation>您无权查看或处理其他单位的抽查方案。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="126" />
        <source>The period ends before it starts.</source>
        <translation>抽查期间的截止日期早于起始日期。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="127" />
        <source>A spot-check plan covers at most {max_days} days.</source>
        <translation>一个抽查方案最多覆盖 {max_days} 天。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="128" />
        <source>Add between 0 and {maximum} clips with pre-screen findings.</source>
        <translation>预筛查加抽的数量应在 0 到 {maximum} 之间。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="131" />
        <source>The [spotcheck] settings in workstation.toml are wrong: {detail}</source>
        <translation>workstation.toml 的 [spotcheck] 设置有误：{detail}</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="134" />
        <source>Your role can neither run spot checks nor see the check ledger.</source>
        <translation>您的角色不能进行回放抽查或查看检查台帐。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="137" />
        <source>Spot-check item {item_id} was taken by another reviewer, or was checked or withdrawn.</source>
        <translation>抽查项 {item_id} 已由其他检查人领取，或已检查、已撤回。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="140" />
        <source>File {clip_id} does not exist.</source>
        <translation>文件 {clip_id} 不存在。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="141" />
        <source>You may not check spot-check item {item_id}.</source>
        <translation>您无权检查抽查项 {item_id}。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="142" />
        <source>Answer the checklist items: {items}.</source>
        <translation>请填写检查项：{items}。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="143" />
        <source>The verdict "{verdict}" needs the problems found.</source>
        <translation>结论为“{verdict}”时必须填写存在问题。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="144" />
        <source>The verdict "Fail" needs the rectification required.</source>
        <translation>结论为“不合格”时必须填写整改要求。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="147" />
        <source>The checklist items "{items}" are answered "No": the verdict cannot be "Pass".</source>
        <translation>检查项“{items}”为“否”，不能判定为“合格”。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="150" />
        <source>Playback speed {speed} is implausible.</source>
        <translation>播放倍速 {speed} 不合理。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="151" />
        <source>Spot-check item {item_id} was already checked or withdrawn (the plan was redrawn).</source>
        <translation>抽查项 {item_id} 已检查或已撤回（方案被重新抽取）。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="154" />
        <source>Spot-check item {item_id} is held by another reviewer.</source>
        <translation>抽查项 {item_id} 已由其他检查人领取。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="155" />
        <source>The file's duration is unknown, so a full playback cannot be confirmed: the verdict cannot be "Pass".</source>
        <translation>文件时长未知，无法确认已完整回放，不能判定为“合格”。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="159" />
        <source>The file is incomplete (damaged, missing or failing its checksum): the verdict cannot be "Pass".</source>
        <translation>该文件不完整（损坏、缺失或校验不符），不能判定为“合格”。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="162" />
        <source>Playback covered {covered} of the file; "Pass" needs {required}. Play the file in full before submitting, or choose another verdict.</source>
        <translation>回放覆盖率为 {covered}，低于判定“合格”所需的 {required}。请将该文件完整回放后再提交，或选择其他结论。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="167" />
        <source>The user "{login}" does not exist or is deactivated.</source>
        <translation>用户“{login}”不存在或已停用。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="170" />
        <source>"{name}" is a system identity and cannot do what needs a user.</source>
        <translation>“{name}”是系统身份，不能执行需要用户身份的操作。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="173" />
        <source>You do not have this right.</source>
        <translation>您没有此项权限。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="174" />
        <source>You may not do this ({action}) with file {clip_id}. If you need the footage, submit a viewing request.</source>
        <translation>您无权对文件 {clip_id} 执行此操作（{action}）。如确需调阅，请提交调阅申请。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="178" />
        <source>The played time cannot be negative.</source>
        <translation>播放时长不能为负数。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="179" />
        <source>Register entry {entry_id} is not your viewing.</source>
        <translation>登记 {entry_id} 不是您的调阅记录。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="180" />
        <source>Register entry {entry_id} is already finished.</source>
        <translation>登记 {entry_id} 已结束。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="181" />
        <source>You may not export file {clip_id}. If you need the footage, submit a viewing request.</source>
        <translation>您无权导出文件 {clip_id}。如确需调阅，请提交调阅申请。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="184" />
        <source>You may not play file {clip_id}. If you need the footage, submit a viewing request.</source>
        <translation>您无权播放文件 {clip_id}。如确需调阅，请提交调阅申请。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="187" />
        <source>All the footage asked for is within your rights; no request is needed.</source>
        <translation>所申请的资料均在您的权限范围内，无需申请。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="190" />
        <source>Give a reason when rejecting a request.</source>
        <translation>驳回申请时请填写理由。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="191" />
        <source>Viewing request {request_id} has no grant in force to revoke.</source>
        <translation>调阅申请 {request_id} 没有生效中的授权，无法撤销。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="194" />
        <source>Only a head of the approving unit may revoke this grant.</source>
        <translation>只有批准单位的负责人可以撤销此授权。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="197" />
        <source>Give the reason for viewing.</source>
        <translation>请填写调阅事由。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="198" />
        <source>The reason may have at most {max_chars} characters.</source>
        <translation>调阅事由不能超过 {max_chars} 字。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="199" />
        <source>The viewing period must be 1 to {max_days} days.</source>
        <translation>调阅期限应为 1 至 {max_days} 天。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="200" />
        <source>A request from an outside body needs the legal document number.</source>
        <translation>外单位调取须填写法律文书编号。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="203" />
        <source>Name the files to view.</source>
        <translation>请指定要调阅的文件。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="204" />
        <source>Give the badge number and a valid start and end time.</source>
        <translation>请填写警号和有效的起止时间。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="207" />
        <source>Give the incident/case number.</source>
        <translation>请填写警情/案件编号。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="208" />
        <source>There is no officer with badge number {badge_no}.</source>
        <translation>没有警号为 {badge_no} 的执法人员。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="209" />
        <source>The archive has no such files: {clip_ids}</source>
        <translation>档案中没有这些文件：{clip_ids}</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="210" />
        <source>No footage matches.</source>
        <translation>没有符合条件的资料。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="211" />
        <source>A request may name at most {max_clips} files; narrow it down.</source>
        <translation>一次申请最多 {max_clips} 个文件，请缩小范围。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="214" />
        <source>There is no viewing request number {request_id}.</source>
        <translation>没有编号为 {request_id} 的调阅申请。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="215" />
        <source>The request has already been decided.</source>
        <translation>该申请已处理完毕。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="216" />
        <source>You cannot approve your own viewing request.</source>
        <translation>不能审批本人提交的调阅申请。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="217" />
        <source>This request is not yours to approve now.</source>
        <translation>此申请当前不由您审批。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="218" />
        <source>No footage matches that is past its keep-until date, not on legal hold and not on another destruction request.</source>
        <translation>没有符合条件、已超过保存期限且未法律保全、未列入其他销毁申请的资料。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="223" />
        <source>File {clip_id} has already been destroyed.</source>
        <translation>文件 {clip_id} 已销毁。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="224" />
        <source>File {clip_id} is not assigned to a unit yet, so no unit can approve its destruction; assign it first.</source>
        <translation>文件 {clip_id} 尚未分配单位，无法确定审批单位；请先分配后再申请销毁。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="228" />
        <source>File {clip_id} is under legal hold (hold {hold_ids}) and cannot be destroyed.</source>
        <translation>文件 {clip_id} 处于法律保全中（保全编号 {hold_ids}），不能销毁。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="231" />
        <source>File {clip_id} is already on destruction request {request_id}.</source>
        <translation>文件 {clip_id} 已列入销毁申请 {request_id}。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="234" />
        <source>File {clip_id} must be kept until {keep_until}; it cannot be destroyed before then.</source>
        <translation>文件 {clip_id} 须保存至 {keep_until}，尚未到期，不能销毁。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="237" />
        <source>File {clip_id} is kept permanently and cannot be destroyed.</source>
        <translation>文件 {clip_id} 须永久保存，不能销毁。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="241" />
        <source>The files' units have no common superior unit to approve them; submit a separate request for each.</source>
        <translation>所列资料的单位没有共同的上级单位，无法由同一单位审批，请分别申请。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="245" />
        <source>Give the reason for the destruction (what was screened and why).</source>
        <translation>请填写筛查情况（销毁事由）。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="248" />
        <source>The reason may be at most {max_chars} characters long.</source>
        <translation>销毁事由不能超过 {max_chars} 字。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="251" />
        <source>There is no destruction request number {request_id}, or you may not see it.</source>
        <translation>没有编号为 {request_id} 的销毁申请，或您无权查看。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="254" />
        <source>Destruction request {request_id} has already been decided ({status}).</source>
        <translation>销毁申请 {request_id} 已处理（{status}）。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="257" />
        <source>Destruction request {request_id} is {status}; only an approved request can be executed.</source>
        <translation>销毁申请 {request_id} 当前状态为 {status}，只有已批准的申请才能执行。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="260" />
        <source>Each pass must handle at least one file (asked for {limit}).</source>
        <translation>每次处理的文件数应至少为 1（当前为 {limit}）。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="263" />
        <source>--before is used together with --unit.</source>
        <translation>--before 须与 --unit 一起使用。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="264" />
        <source>Only a footage administrator may request destruction, and only of footage of their own unit and the units below it.</source>
        <translation>只有执法记录仪管理员可以对本单位及下级单位的资料申请销毁。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="269" />
        <source>The scheduled clean-up is run by the scheduler (retention run) only.</source>
        <translation>定期清理只能由计划任务（retention run）执行。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="272" />
        <source>Executing destruction request {request_id} needs the delete right of a footage administrator at corps level.</source>
        <translation>执行销毁申请 {request_id} 需要总队执法记录仪管理员的删除权限。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="277" />
        <source>You cannot approve your own destruction request.</source>
        <translation>不能审批本人提交的销毁申请。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="280" />
        <source>The archive's media folder {folder} cannot be reached (the network share may be offline). Reconnect it and try again; nothing was changed.</source>
        <translation>无法访问档案存储目录 {folder}（网络共享可能已断开）。请恢复连接后重试，未做任何更改。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="285" />
        <source>File {clip_id} was destroyed after approval; only its destruction record remains.</source>
        <translation>文件 {clip_id} 已按审批销毁，只保留销毁记录。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="288" />
        <source>The request holds no footage that needs approval.</source>
        <translation>申请中没有需要审批的资料。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="289" />
        <source>These files belong to different superior units; submit a separate request for each.</source>
        <translation>所申请的资料分属不同的上级单位，无法由同一单位审批，请分别提交申请。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="293" />
        <source>The file name rule "{name}" is not a valid regular expression: {detail}</source>
        <translation>文件名规则“{name}”不是有效的正则表达式：{detail}</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="296" />
        <source>The file name rule "{name}" lacks the named groups: {groups}</source>
        <translation>文件名规则“{name}”缺少命名分组：{groups}</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="299" />
        <source>A file name rule lacks the field {field}</source>
        <translation>文件名规则缺少字段 {field}</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="300" />
        <source>The archive's storage is full; the import stopped. The files imported so far are complete. Free or add space, then import again: it resumes where it stopped.</source>
        <translation>档案存储空间已满，导入已停止。已导入的文件完整有效。请清理或扩容存储后重新导入，将从中断处继续。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="305" />
        <source>The import source "{source}" is inside the archive's own storage ({root}) and cannot be imported from: its files are already archived, and verify-and-clear would delete the originals. Choose a recorder's or a collection station's export folder.</source>
        <translation>导入源“{source}”位于档案库自己的存储目录（{root}）之内，不能从这里导入：其中的文件已经归档，校验清空会删除原始文件。请选择执法记录仪或采集站的导出文件夹。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="311" />
        <source>The upload {upload_id} expired, or the bytes the server had received are lost. Import again (the file is sent from the start).</source>
        <translation>上传 {upload_id} 已过期，或服务器已接收的数据已丢失。请重新导入（该文件将从头上传）。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="316" />
        <source>The upload {upload_id} was begun by another account; you cannot continue or finish it.</source>
        <translation>上传 {upload_id} 由其他账户开始，您不能继续或完成它。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="320" />
        <source>Receiving a part of the upload {upload_id} failed on the server; nothing of that part was kept. The station sends it again.</source>
        <translation>服务器接收上传 {upload_id} 的一段数据时出错，该段数据未保留；采集站将重新发送。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="325" />
        <source>The import run {run_id} was begun by another account; you cannot end it.</source>
        <translation>导入批次 {run_id} 由其他账户开始，您不能结束它。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="329" />
        <source>There is no open import run {run_id}.</source>
        <translation>没有进行中的导入批次 {run_id}。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="333" />
        <source>The upload {upload_id} sent more bytes than the file's size ({size} bytes); they were refused.</source>
        <translation>上传 {upload_id} 的数据超出了文件大小（{size} 字节），已拒收。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="337" />
        <source>The server has received {expected} bytes; the upload must continue there, not at byte {offset}.</source>
        <translation>服务器已接收 {expected} 字节，应从该处续传，而不是从第 {offset} 字节处。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="341" />
        <source>The upload {upload_id} is not complete ({received} of {size} bytes received); send the rest, then finish it.</source>
        <translation>上传 {upload_id} 尚未传完（已接收 {received} / {size} 字节），请续传后再完成。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="346" />
        <source>The file "{source}" the server received does not have the checksum (SHA-256) the station read: nothing was archived and the received bytes were discarded. Import the file again.</source>
        <translation>服务器收到的“{source}”与采集站读取的校验值（SHA-256）不一致：未归档，收到的数据已丢弃。请重新导入该文件。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="351" />
        <source>The upload request is invalid ({field}). Update the station's program and try again.</source>
        <translation>上传请求无效（{field}）。请更新采集站程序后重试。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="355" />
        <source>There is no category "{category}".</source>
        <translation>没有类别“{category}”。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="356" />
        <source>Only a footage administrator may change the marker categories.</source>
        <translation>只有执法记录仪管理员可以修改标记类别。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="359" />
        <source>A category name has 1 to {max_chars} characters.</source>
        <translation>类别名称须为 1 至 {max_chars} 个字符。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="362" />
        <source>There already is a category named "{name}".</source>
        <translation>已有名为“{name}”的类别。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="363" />
        <source>The colour "{color}" is not valid; use #rrggbb.</source>
        <translation>颜色“{color}”无效，应为 #rrggbb。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="364" />
        <source>The archive has no file number {clip_id}.</source>
        <translation>档案库中没有编号为 {clip_id} 的文件。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="365" />
        <source>Only video and audio can be marked with moments or spans.</source>
        <translation>只能在视频和音频上标记时间点或片段。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="368" />
        <source>Marker {marker_id} does not exist (it may have been deleted).</source>
        <translation>标记 {marker_id} 不存在（可能已被删除）。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="371" />
        <source>This marker was added by {author}; only its author may change or delete it.</source>
        <translation>这个标记由 {author} 添加，只有添加人可以修改或删除。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="374" />
        <source>A marker cannot be before the start of the file.</source>
        <translation>标记时间不能早于文件开头。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="375" />
        <source>A span must end after it starts.</source>
        <translation>片段的结束时间必须晚于开始时间。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="376" />
        <source>The marker is beyond the end of the file.</source>
        <translation>标记时间超出了文件的时长。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="377" />
        <source>The category "{category}" is not among the current marker categories.</source>
        <translation>类别“{category}”不在当前的标记类别中。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="380" />
        <source>A note has at most {max_chars} characters.</source>
        <translation>备注最多 {max_chars} 个字符。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="381" />
        <source>The still is not a valid PNG image.</source>
        <translation>截图不是有效的 PNG 图像。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="382" />
        <source>Stills can be taken from video only.</source>
        <translation>只能从视频中截取画面。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="383" />
        <source>The still is too large.</source>
        <translation>截图文件过大。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="384" />
        <source>Still {still_id} does not exist.</source>
        <translation>截图 {still_id} 不存在。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="385" />
        <source>Still {still_id} fails its checksum; the data may have been altered.</source>
        <translation>截图 {still_id} 的校验值不符，数据可能已被改动。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="388" />
        <source>Unlinking needs a reason.</source>
        <translation>取消关联须填写原因。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="389" />
        <source>The file is not linked to {case_no}.</source>
        <translation>该文件未关联 {case_no}。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="390" />
        <source>A password needs at least {min_length} characters.</source>
        <translation>密码至少需要 {min_length} 位。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="393" />
        <source>A password has at most {max_length} characters.</source>
        <translation>密码不能超过 {max_length} 位。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="394" />
        <source>The password cannot be the login name.</source>
        <translation>密码不能与登录名相同。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="395" />
        <source>Wrong login name or password.</source>
        <translation>用户名或密码错误。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="396" />
        <source>The account is locked: try again after {until}, or ask an administrator to unlock it.</source>
        <translation>账户已被锁定，请于 {until} 后再试，或联系管理员解锁。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="399" />
        <source>The password was changed just now; enter it again.</source>
        <translation>密码刚刚被修改，请重新输入。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="402" />
        <source>The archive already has users; an administrator adds accounts.</source>
        <translation>档案库已有用户，请由管理员添加账户。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="405" />
        <source>The new password must differ from the old one.</source>
        <translation>新密码不能与原密码相同。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="406" />
        <source>The current password is wrong.</source>
        <translation>原密码错误。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="407" />
        <source>You cannot reset your own password; use "Change password".</source>
        <translation>不能重置自己的密码，请使用“修改密码”。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="410" />
        <source>Only a footage administrator may manage user accounts.</source>
        <translation>只有执法记录仪管理员可以管理用户账户。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="413" />
        <source>The user "{login}" does not exist or is not in a unit you manage.</source>
        <translation>用户“{login}”不存在，或不属于您管理的单位。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="416" />
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="417" />
        <source>The device cannot be found; another workstation may have changed it. Refresh and try again.</source>
        <translation>找不到该设备，可能已被其他工作站更改。请刷新后重试。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="420" />
        <source>The officer cannot be found; another workstation may have changed them. Refresh and try again.</source>
        <translation>找不到该执法人员，可能已被其他工作站更改。请刷新后重试。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="423" />
        <source>The unit cannot be found; another workstation may have changed it. Refresh and try again.</source>
        <translation>找不到该单位，可能已被其他工作站更改。请刷新后重试。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="426" />
        <source>The handover note is too long ({length} characters); at most {max_chars}.</source>
        <translation>交接说明过长（{length} 字），最多 {max_chars} 字。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="429" />
        <source>Enter the device number (without spaces).</source>
        <translation>请填写设备编号（不能含空格）。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="430" />
        <source>The device number is too long; at most {max_chars} characters.</source>
        <translation>设备编号过长，最多 {max_chars} 个字符。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="433" />
        <source>The serial number is too long; at most {max_chars} characters.</source>
        <translation>序列号过长，最多 {max_chars} 个字符。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="436" />
        <source>The model is too long; at most {max_chars} characters.</source>
        <translation>型号过长，最多 {max_chars} 个字符。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="439" />
        <source>Device number {device_no} is already registered.</source>
        <translation>设备编号 {device_no} 已登记，不能重复登记。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="440" />
        <source>Only a footage administrator may maintain the device registry.</source>
        <translation>只有执法记录仪管理员可以维护设备登记。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="443" />
        <source>The device or officer is not in a unit you manage.</source>
        <translation>该设备或人员不属于您管理的单位。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="446" />
        <source>Device {device_no} is already held by {person}; no handover is needed.</source>
        <translation>设备 {device_no} 当前已由 {person} 持有，无需交接。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="449" />
        <source>{person} already belongs to {unit}.</source>
        <translation>{person} 已属于 {unit}。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="450" />
        <source>Set a new password to sign in.</source>
        <translation>设置新密码后才能登录。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="451" />
        <source>Cannot connect to the archive database ({where}). Check the network, the server, and the user name and password, then try again.</source>
        <translation>无法连接档案库数据库（{where}）。请检查网络、服务器是否正常以及用户名和密码是否正确，然后重试。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="456" />
        <source>The archive database's disk is full. Free disk space or ask an administrator to add some, then try again; the unfinished operation was not saved.</source>
        <translation>档案库数据库所在磁盘已满。请清理磁盘空间或联系管理员扩容，然后重试；未完成的操作没有保存。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="461" />
        <source>Another program is writing to the archive database ({where}) and the wait timed out. Try again later; if this persists, check whether another program (such as another collection station) holds the archive for long.</source>
        <translation>档案库数据库（{where}）正被另一个程序写入，等待超时。请稍后重试；若一直如此，请检查是否有其他程序（如另一台采集站）长时间占用该档案库。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="467" />
        <source>The archive database file is damaged ({where}: {detail}). Nothing was changed. Stop using the archive; an administrator restores the database file from a backup, then runs "workstation verify" and "workstation audit verify".</source>
        <translation>档案库数据库文件已损坏（{where}：{detail}）。没有做任何修改。请停止使用该档案库，由管理员从备份恢复数据库文件后运行“workstation verify”和“workstation audit verify”。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="473" />
        <source>The archive database file is damaged ({where}: the header is not a SQLite database's). Nothing was changed. Stop using the archive; an administrator restores the database file from a backup, then runs "workstation verify" and "workstation audit verify".</source>
        <translation>档案库数据库文件已损坏（{where}：文件头不是 SQLite 数据库）。没有做任何修改。请停止使用该档案库，由管理员从备份恢复数据库文件后运行“workstation verify”和“workstation audit verify”。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="479" />
        <source>The archive database file is damaged ({where}: its length, {size} bytes, is not a whole number of pages). Nothing was changed. Stop using the archive; an administrator restores the database file from a backup, then runs "workstation verify" and "workstation audit verify".</source>
        <translation>档案库数据库文件已损坏（{where}：文件长度 {size} 字节不是整页）。没有做任何修改。请停止使用该档案库，由管理员从备份恢复数据库文件后运行“workstation verify”和“workstation audit verify”。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="485" />
        <source>The archive database file is damaged ({where}: it is cut off, {size} bytes instead of at least {expected}). Nothing was changed. Stop using the archive; an administrator restores the database file from a backup, then runs "workstation verify" and "workstation audit verify".</source>
        <translation>档案库数据库文件已损坏（{where}：文件被截断（{size} 字节，应至少 {expected} 字节））。没有做任何修改。请停止使用该档案库，由管理员从备份恢复数据库文件后运行“workstation verify”和“workstation audit verify”。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="491" />
        <source>There is no archive ({database}) in {folder}. Check the path, or create the archive first.</source>
        <translation>在 {folder} 找不到档案库（{database}）。请检查路径，或先创建档案库。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="494" />
        <source>The archive database is at version {current}; this program needs {wanted}. An administrator upgrades it with "workstation db upgrade".</source>
        <translation>档案库数据库版本为 {current}，本程序需要 {wanted}。请由管理员运行“workstation db upgrade”升级数据库。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="499" />
        <source>The archive database upgrade failed: {detail}. The connection is fine; nothing of the unfinished upgrade was kept. Send this message to technical support, and keep using the previous version of the program until then.</source>
        <translation>档案库数据库升级失败：{detail}。数据库连接正常，升级未完成的部分没有保存。请把这条信息发给技术支持；在此之前请继续使用原版本的程序。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="505" />
        <source>The archive ({where}) was upgraded by a newer version of the program (database version {revisions}) and cannot be used by this one. Install the latest workstation program, then open it again.</source>
        <translation>档案库（{where}）已由更新版本的程序升级（数据库版本 {revisions}），本程序不能使用。请安装最新版本的工作站程序后再打开。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="510" />
        <source>Cannot read the archive database file {database} ({detail}).</source>
        <translation>无法读取档案库数据库文件 {database}（{detail}）。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="513" />
        <source>The connection profiles file {path} is damaged and cannot be read ({detail}). Correct or delete it, then add the connection profiles again.</source>
        <translation>连接配置文件 {path} 已损坏，无法读取（{detail}）。请改正或删除该文件，然后重新添加连接配置。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="518" />
        <source>Unknown archive kind: {kind}</source>
        <translation>未知的档案库类型：{kind}</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="519" />
        <source>Cannot save the password in the system's credential store ({detail}). The connection profile was not saved. Make sure the credential store (Windows Credential Manager or Secret Service) works, then try again.</source>
        <translation>无法把密码保存到系统凭据管理器（{detail}）。连接配置没有保存。请确认本机的凭据管理器（Windows 凭据管理器或 Secret Service）可用后重试。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="525" />
        <source>There is no connection profile named "{name}". Create it in the connection settings first.</source>
        <translation>没有名为“{name}”的连接配置。请先在连接设置中创建。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="528" />
        <source>Connection profile "{name}" is an archive server: sign in through the server instead.</source>
        <translation>连接配置“{name}”是档案服务器，请通过服务器登录。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="531" />
        <source>Cannot read the password of connection "{name}" from the system's credential store ({detail}). Make sure the credential store works, then try again.</source>
        <translation>无法从系统凭据管理器读取连接“{name}”的密码（{detail}）。请确认凭据管理器可用后重试。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="536" />
        <source>The settings file {path} has a syntax error ({detail}). Correct it and try again.</source>
        <translation>配置文件 {path} 有语法错误（{detail}）。请改正后重试。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="539" />
        <source>Cannot read the settings file {path} ({detail}).</source>
        <translation>无法读取配置文件 {path}（{detail}）。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="540" />
        <source>Cannot make the archive folder {folder} accessible to this account only (icacls: {detail}). Check the permissions of its disk, then try again.</source>
        <translation>无法将档案库文件夹 {folder} 设为仅本账户可访问（icacls：{detail}）。请检查该文件夹所在磁盘的权限后重试。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="545" />
        <source>The demo needs 1 to {max_officers} officers</source>
        <translation>演示执法人员数应在 1 到 {max_officers} 之间</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="548" />
        <source>The demo covers 1 to {max_days} days</source>
        <translation>演示天数应在 1 到 {max_days} 之间</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="549" />
        <source>{folder} already holds archive data ({units} units, {clips} files); demo data goes into a new, empty archive only. Choose another folder.</source>
        <translation>{folder} 中已有档案库数据（{units} 个单位，{clips} 个文件），演示数据只能建在新的空档案库中。请换一个文件夹。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="554" />
        <source>{path} is not a folder; give the folder to write to.</source>
        <translation>{path} 不是文件夹，请给出要写入的文件夹。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="557" />
        <source>A PostgreSQL connection profile needs --host, --database, --user and --media-root.</source>
        <translation>PostgreSQL 连接配置需要 --host、--database、--user 和 --media-root。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="560" />
        <source>The settings file {path} is wrong: {problems}. Correct it and try again.</source>
        <translation>配置文件 {path} 有误：{problems}。请改正后重试。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="563" />
        <source>Sign in to the archive server first.</source>
        <translation>请先登录档案服务器。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="564" />
        <source>The sign-in is not known to the archive server (signed out elsewhere, or another server): sign in again.</source>
        <translation>档案服务器不认可当前登录（可能已在别处退出，或连接的是另一台服务器），请重新登录。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="568" />
        <source>The sign-in has expired: sign in again.</source>
        <translation>登录已过期，请重新登录。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="569" />
        <source>The sign-in was ended (signed out, revoked by an administrator, or the account was deactivated): sign in again.</source>
        <translation>登录已结束（已退出、被管理员撤销或账户已停用），请重新登录。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="574" />
        <source>The server carried the request out, but its answer was lost: refresh to see the result.</source>
        <translation>服务器已执行该操作，但结果未能返回，请刷新查看。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="577" />
        <source>The server is still carrying out this request: wait a moment and refresh.</source>
        <translation>服务器仍在执行该操作，请稍候刷新。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="580" />
        <source>The archive server refused the request {call} ({detail}): client and server versions may differ.</source>
        <translation>档案服务器拒绝了请求 {call}（{detail}），工作站与服务器的版本可能不一致。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="583" />
        <source>The archive server does not know the request {call}: client and server versions may differ.</source>
        <translation>档案服务器不支持请求 {call}，工作站与服务器的版本可能不一致。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="586" />
        <source>An administrator reset your password: change it before doing anything else.</source>
        <translation>管理员已重置您的密码，请先修改密码再操作。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="589" />
        <source>The archive server {server} does not answer. Check the network and the address, then try again.</source>
        <translation>档案服务器 {server} 无响应，请检查网络和地址后重试。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="592" />
        <source>The server {server} presented a certificate other than the pinned one: the connection was refused. Ask the administrator which certificate is right.</source>
        <translation>服务器 {server} 出示的证书与固定信任的证书不符，已拒绝连接。请向管理员核实正确的证书。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="597" />
        <source>{server} answered with something that is not the archive server's (HTTP {status}). Check the address.</source>
        <translation>{server} 的应答不是档案服务器的（HTTP {status}），请检查地址。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="601" />
        <source>The pinned certificate {path} cannot be read ({detail}).</source>
        <translation>无法读取固定信任的证书 {path}（{detail}）。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="604" />
        <source>Not signed in to {server}: run workstation --server {server} login --user LOGIN first.</source>
        <translation>尚未登录 {server}，请先运行 workstation --server {server} login --user 登录名。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="607" />
        <source>Through the archive server a command acts as the signed-in user: leave out --user.</source>
        <translation>经档案服务器操作时以登录的用户身份执行，请去掉 --user。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="610" />
        <source>On an archive opened here, name the workstation user to act as with --user LOGIN.</source>
        <translation>在本机档案库上操作时，请用 --user 登录名 指定以哪位用户的身份操作。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="613" />
        <source>The command {command} works only on an archive opened on this computer (--archive or --profile), not through the server.</source>
        <translation>命令 {command} 只能用于本机打开的档案库（--archive 或 --profile），不能经档案服务器执行。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="618" />
        <source>The server needs --listen HOST:PORT, --tls-cert FILE and --tls-key FILE (or the [server] section of workstation.toml).</source>
        <translation>启动服务器需要 --listen 主机:端口、--tls-cert 文件 和 --tls-key 文件（或 workstation.toml 的 [server] 节）。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="623" />
        <source>{listen} is not a listen address: write HOST:PORT, e.g. 0.0.0.0:8443.</source>
        <translation>{listen} 不是有效的监听地址，应写作 主机:端口，如 0.0.0.0:8443。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="626" />
        <source>Cannot listen on {listen} ({detail}): the port may be in use, or need other rights.</source>
        <translation>无法在 {listen} 上监听（{detail}），端口可能已被占用或需要其他权限。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="629" />
        <source>The TLS certificate {certificate} and key {key} cannot be used ({detail}).</source>
        <translation>无法使用 TLS 证书 {certificate} 和私钥 {key}（{detail}）。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="632" />
        <source>{workers} worker processes cannot be: give a whole number from 1 to {most} (--workers or [server] workers).</source>
        <translation>工作进程数 {workers} 无效，应为 1 到 {most} 之间的整数（--workers 或 [server] workers）。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="637" />
        <source>Worker process {number} of the archive server did not start (exit code {exit_code}); the server stopped. The log above says why.</source>
        <translation>档案服务器的第 {number} 个工作进程未能启动（退出码 {exit_code}），服务器已停止；原因见上方日志。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="642" />
        <source>{command} needs --server URL.</source>
        <translation>{command} 需要 --server 地址。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="643" />
        <source>The sign-in token cannot be read from the system credential store ({detail}).</source>
        <translation>无法从系统凭据管理器读取登录令牌（{detail}）。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="646" />
        <source>The sign-in token cannot be kept in the system credential store ({detail}).</source>
        <translation>无法将登录令牌保存到系统凭据管理器（{detail}）。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="649" />
        <source>The archive server failed to carry out the request (an internal error, recorded in its log). Tell the administrator.</source>
        <translation>档案服务器执行该请求时出现内部错误（已记入服务器日志），请告知管理员。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="654" />
        <source>A station account uploads recorder dumps and does nothing else: sign in with a personal account.</source>
        <translation>采集站账户只能上传记录仪数据，不能进行其他操作，请使用个人账户登录。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="657" />
        <source>The connection to the archive server broke during the upload; it continues where it stopped.</source>
        <translation>上传时与档案服务器的连接中断，将从中断处继续。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="660" />
        <source>The file {media_path} is missing from the archive's media store or cannot be read. Tell the administrator (workstation verify finds such files).</source>
        <translation>档案存储中缺少文件 {media_path} 或无法读取，请告知管理员（workstation verify 可查出此类文件）。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="665" />
        <source>The audit key of this archive (id {archive}) is not in the key store ({where}). Without it nothing can be recorded or verified. Restore it from its backup with `workstation audit import-key --from FILE`, or set [audit] key_file to the server's key file.</source>
        <translation>本档案库（编号 {archive}）的审计密钥不在密钥库（{where}）中，没有它既不能记录也不能校验。请用“workstation audit import-key --from 文件”从备份恢复，或在 [audit] key_file 中指定服务器的密钥文件。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="671" />
        <source>The audit key store {where} is damaged or not a key file. Restore it from its backup.</source>
        <translation>审计密钥库 {where} 已损坏或不是密钥文件，请从备份恢复。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="674" />
        <source>Cannot write the audit key file {where} ({detail}). Check that the folder exists and may be written, then try again.</source>
        <translation>无法写入审计密钥文件 {where}（{detail}）。请确认该文件夹存在且可写后重试。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="679" />
        <source>The system's credential store cannot be used for the audit key ({detail}). Make sure it works, or set [audit] key_file in workstation.toml.</source>
        <translation>无法使用系统凭据管理器保存审计密钥（{detail}）。请确认凭据管理器可用，或在 workstation.toml 的 [audit] key_file 中指定密钥文件。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="684" />
        <source>The file {where} holds no audit key of this archive (id {archive}).</source>
        <translation>文件 {where} 中没有本档案库（编号 {archive}）的审计密钥。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="687" />
        <source>The key store {where} already holds the audit key of this archive (id {archive}); nothing was changed.</source>
        <translation>密钥库 {where} 中已有本档案库（编号 {archive}）的审计密钥，未作任何更改。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="691" />
        <source>Key {key} in {where} does not verify the audit log of this archive: it is not this archive's key. Nothing was changed.</source>
        <translation>{where} 中的密钥 {key} 无法校验本档案库的审计日志，不是本档案库的密钥，未作任何更改。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="696" />
        <source>"{text}" is not an anchor: write it as SEQ:HEX with at least 16 hexadecimal digits, as printed on the ledger.</source>
        <translation>“{text}”不是锚点：请按台帐上的打印格式写成 序号:摘要（至少 16 位十六进制）。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="701" />
        <source>Cannot read the anchor file {where} ({detail}).</source>
        <translation>无法读取锚点文件 {where}（{detail}）。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="704" />
        <source>Line {line} of the anchor file {where} is not an anchor (SEQ:HEX). Anchor files are only appended to: restore it from its copy.</source>
        <translation>锚点文件 {where} 第 {line} 行不是锚点（序号:摘要）。锚点文件只能追加，请从其副本恢复。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="709" />
        <source>Cannot append to the anchor file {where} ({detail}). Check that the medium is present and writable, then try again.</source>
        <translation>无法追加写入锚点文件 {where}（{detail}）。请确认存储介质已连接且可写后重试。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="714" />
        <source>--incremental starts from the last anchor of an anchor file: give the file with --anchor FILE.</source>
        <translation>--incremental 从锚点文件的最后一个锚点开始校验，请同时用 --anchor 指定锚点文件。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="717" />
        <source>Only administrators, heads, legal and inspection staff see retention and destruction.</source>
        <translation>只有执法记录仪管理员、单位负责人、法制和督察人员可以查看保存期限与销毁。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="720" />
        <source>Only administrators of the top unit (the corps) change the retention policy.</source>
        <translation>只有最高一级单位（总队）的管理员可以修改保存期限规则。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="723" />
        <source>Only legal (法制) and inspection (督察) staff place or lift legal holds.</source>
        <translation>只有法制和督察人员可以设置或解除法律保全。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="726" />
        <source>Give the reason for the legal hold.</source>
        <translation>请填写法律保全的理由。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="727" />
        <source>Choose the files to hold.</source>
        <translation>请选择要保全的文件。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="728" />
        <source>Give the reason for lifting the hold.</source>
        <translation>请填写解除保全的理由。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="729" />
        <source>There is no legal hold number {hold_id}.</source>
        <translation>没有编号为 {hold_id} 的法律保全。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="730" />
        <source>Legal hold {hold_id} has already been lifted.</source>
        <translation>法律保全 {hold_id} 已解除。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="731" />
        <source>Unit {unit_code} is not one of the units in your charge.</source>
        <translation>单位 {unit_code} 不在您的管辖范围内。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="734" />
        <source>Give the reason for changing the retention policy.</source>
        <translation>请填写修改保存期限规则的理由。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="737" />
        <source>The base rule (all footage) cannot be removed; set another class instead.</source>
        <translation>基本规则（适用于全部资料）不能删除，可改为其他保存类别。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="740" />
        <source>There is no retention class {class_code}. See `workstation retention classes`.</source>
        <translation>没有保存类别 {class_code}。可用 workstation retention classes 查看。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="743" />
        <source>{trigger} is not a rule this archive knows (base, important, unit:CODE, site:…, case:…, marker:…).</source>
        <translation>{trigger} 不是可用的规则（base、important、unit:单位代码、site:…、case:…、marker:…）。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="747" />
        <source>Give the reason for the correction.</source>
        <translation>请填写更正理由。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="748" />
        <source>Say what the export is for (purpose).</source>
        <translation>请填写导出用途（事由）。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="749" />
        <source>The purpose may be at most {max_chars} characters.</source>
        <translation>导出用途最多 {max_chars} 个字。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="752" />
        <source>Enter the number of the receiving body's document (or the internal approval number).</source>
        <translation>请填写接收单位的法律文书编号（内部使用请填写内部审批编号）。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="755" />
        <source>The document number may be at most {max_chars} characters.</source>
        <translation>文书编号最多 {max_chars} 个字。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="758" />
        <source>Enter the medium and who received the package.</source>
        <translation>请填写移交介质和接收人。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="759" />
        <source>Evidence export {export_id} is not yours: only the person who asked for it may write it.</source>
        <translation>证据导出 {export_id} 不是您申请的，只有申请人可以制作。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="762" />
        <source>Evidence export {export_id} is not complete yet; record the handover after the package is written.</source>
        <translation>证据导出 {export_id} 尚未制作完成，请制作完成后再登记移交。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="766" />
        <source>There is no evidence export number {export_id}.</source>
        <translation>没有编号为 {export_id} 的证据导出。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="767" />
        <source>Evidence export {export_id} has not been started; start the export again.</source>
        <translation>证据导出 {export_id} 尚未开始制作，请重新执行导出。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="770" />
        <source>The package of evidence export {export_id} does not hold exactly the files asked for; run the export again.</source>
        <translation>证据导出 {export_id} 的数据包与申请的文件不一致，请重新执行导出。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="775" />
        <source>File {clip_id} read for the export does not have the archive's SHA-256: nothing was recorded. Run `workstation verify` and tell the administrator.</source>
        <translation>导出时读取的文件 {clip_id} 与档案记录的 SHA-256 不一致，未登记导出。请运行完整性核验并报告管理员。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="780" />
        <source>The export waits for approval of viewing request {request_id} (legal review, then the head). Run the export again once it is approved.</source>
        <translation>该导出正在等待调阅申请 {request_id} 的审批（法制审核后由负责人审批），批准后请再次执行导出。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="785" />
        <source>Evidence export {export_id} was refused, or its approval was revoked or has expired. Ask again if it is still needed.</source>
        <translation>证据导出 {export_id} 未获批准，或批准已撤销、已过期。如仍需要，请重新申请。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="790" />
        <source>Evidence export {export_id} is already complete; see `workstation evidence list`.</source>
        <translation>证据导出 {export_id} 已制作完成，请用 workstation evidence list 查看。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="793" />
        <source>Name the receiving body once with --to: procuratorate, court, supervision, justice or internal.</source>
        <translation>请用 --to 指定一个接收单位：检察院（procuratorate）、法院（court）、纪检监察（supervision）、司法行政（justice）或本单位（internal）。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="796" />
        <source>An officer's export needs --from and --to with the first and last day (YYYY-MM-DD).</source>
        <translation>按执法人员导出时，请用 --from 和 --to 给出起止日期（YYYY-MM-DD）。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="799" />
        <source>--from and a date after --to go with --officer.</source>
        <translation>--from 和日期形式的 --to 须与 --officer 一起使用。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="802" />
        <source>No Chinese TrueType font was found for the PDF description sheet (searched: {searched}). Install SimSun (simsun.ttc) on Windows, or fonts-wqy-microhei on Linux, then export again.</source>
        <translation>找不到可嵌入 PDF 提取固定清单的中文 TrueType 字体（已查找：{searched}）。请在 Windows 上安装宋体（simsun.ttc），或在 Linux 上安装 fonts-wqy-microhei，然后重新导出。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="807" />
        <source>Unit {unit} is not in your charge: statistics cover only the units you may view.</source>
        <translation>单位 {unit} 不在您的管辖范围内，只能统计您有权查看的单位。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="810" />
        <source>A report is written as .html or .xlsx, not {suffix}.</source>
        <translation>报表文件应为 .html 或 .xlsx，而不是 {suffix}。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="811" />
        <source>--to is before --from: give the first day, then the last.</source>
        <translation>--to 早于 --from：请先给起始日期，再给截止日期。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="814" />
        <source>{path} already exists. Choose another folder or file name; nothing was written there.</source>
        <translation>{path} 已存在。请另选文件夹或文件名，未写入任何内容。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="818" />
        <source>The bytes read for file {clip_id} ({name}) do not have the hash recorded at ingest, so it cannot be exported. Nothing was marked complete; have the archive checked (workstation integrity).</source>
        <translation>文件 {clip_id}（{name}）读出的内容与入库时记录的校验值不符，不能导出，未标记为完成。请检查档案完整性（workstation integrity）。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="823" />
        <source>File {clip_id} ({name}) cannot be read ({detail}). Check the archive storage, then run the export again; it resumes where it stopped.</source>
        <translation>无法读取文件 {clip_id}（{name}）（{detail}）。请检查档案存储后重新导出，将从中断处继续。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="828" />
        <source>The target {folder} is full. Free some space or use a larger medium, then run the export again; it resumes where it stopped.</source>
        <translation>目标位置 {folder} 空间已满。请腾出空间或换用更大的介质后重新导出，将从中断处继续。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="833" />
        <source>The target {folder} cannot hold a file this large (a FAT32 drive holds at most 4 GB per file). Use an exFAT or NTFS drive, or the disc image format.</source>
        <translation>目标位置 {folder} 不能存放这么大的文件（FAT32 格式的 U 盘单个文件最大 4 GB）。请改用 exFAT 或 NTFS 格式的介质，或选择光盘镜像格式。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="838" />
        <source>Cannot write to {folder} ({detail}). Check that the medium is present and writable, then run the export again; it resumes where it stopped.</source>
        <translation>无法写入 {folder}（{detail}）。请确认介质已插好且可写，然后重新导出，将从中断处继续。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="843" />
        <source>{folder} holds an unfinished package of another export. Choose another target, or remove that folder if it is no longer needed.</source>
        <translation>{folder} 中是另一次导出未完成的证据包。请另选目标位置，或在确认不再需要后删除该文件夹。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="848" />
        <source>The written copy of {path} differs from what was read when checked. The medium may be faulty; run the export again (that file is written anew) or use another medium.</source>
        <translation>写入的 {path} 在复核时与读出的内容不一致，介质可能有故障。请重新导出（该文件将重新写入），或换用其他介质。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="853" />
        <source>The export was cancelled. What was written is kept; run it again to go on.</source>
        <translation>导出已取消。已写入的内容会保留，重新导出即可继续。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="857" />
        <source>{path} is not an evidence package (a folder, .zip or .iso with bagit.txt and manifest-sha256.txt at its root), or cannot be read.</source>
        <translation>{path} 不是证据包（根目录下应有 bagit.txt 与 manifest-sha256.txt 的文件夹、.zip 或 .iso），或无法读取。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="862" />
        <source>workstation {action} needs {options} (see workstation report --help).</source>
        <translation>workstation {action} 须给出 {options}（见 workstation report --help）。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="865" />
        <source>The task's schedule is not valid: choose daily (--daily), weekly (--weekly 1–7, 1 is Monday) or monthly (--monthly 1–28), with --hour 0–23.</source>
        <translation>报表任务的运行时间不正确：每天（--daily）、每周（--weekly 1–7，1 为周一）或每月（--monthly 1–28）选其一，并用 --hour 给出 0–23 时。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="870" />
        <source>There is no report task {task_id} (see workstation report tasks).</source>
        <translation>没有编号为 {task_id} 的报表任务（用 workstation report tasks 查看）。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="873" />
        <source>A report task goes either to e-mail addresses (--mail) or to a drop folder (--drop-folder): give one of them.</source>
        <translation>报表任务须指定收件人（--mail）或放置文件夹（--drop-folder），二者选其一。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="878" />
        <source>“{address}” is not an e-mail address (name@domain).</source>
        <translation>“{address}”不是电子邮件地址（应为 名称@域名）。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="881" />
        <source>The drop folder {folder} does not exist or is not a full path: create it first and give its full path.</source>
        <translation>放置文件夹 {folder} 不存在或不是绝对路径：请先创建该文件夹，并给出完整路径。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="885" />
        <source>Only administrators set up report tasks, for the units in their charge.</source>
        <translation>只有管理员可以设置报表任务，且只能为其管辖的单位设置。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="888" />
        <source>No mail server is set up: give host, port, security, sender (and user if it signs in) in the [mail] section of workstation.toml, or use a drop folder (--drop-folder).</source>
        <translation>未配置邮件服务器：请在 workstation.toml 的 [mail] 中设置 host、port、security、sender（需登录时还有 user），或改用放置文件夹（--drop-folder）。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="893" />
        <source>The [mail] section of workstation.toml is incomplete: host and sender are needed, and user to keep a password.</source>
        <translation>workstation.toml 的 [mail] 不完整：须设置 host 和 sender；保存密码还须设置 user。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="898" />
        <source>[mail] security in workstation.toml is starttls or tls, not “{value}” (mail is never sent in clear text).</source>
        <translation>workstation.toml 的 [mail] security 应为 starttls 或 tls，而不是“{value}”（不支持明文发送）。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="902" />
        <source>The SMTP password cannot be read from the credential store ({detail}). Run the scheduled task as the account that saved it.</source>
        <translation>无法从系统凭据管理器读取 SMTP 密码（{detail}）。请确认计划任务以保存密码的系统账户运行。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="907" />
        <source>The credential store holds no SMTP password for {user}@{host}: run workstation report mail-password as the account that runs the scheduled task.</source>
        <translation>系统凭据管理器中没有 {user}@{host} 的 SMTP 密码：请以运行计划任务的系统账户执行 workstation report mail-password。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="912" />
        <source>The encrypted connection to the mail server {host} failed ({detail}). For a private mail server, give its certificate or CA in [mail] ca_file.</source>
        <translation>与邮件服务器 {host} 的加密连接失败（{detail}）。如果是单位自建的邮件服务器，请在 [mail] ca_file 中指定其证书或 CA 证书。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="917" />
        <source>The mail server {host} refused user {user} ({detail}): save the password again with workstation report mail-password.</source>
        <translation>邮件服务器 {host} 拒绝了用户 {user} 的登录（{detail}）：请用 workstation report mail-password 重新保存密码。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="922" />
        <source>The mail server {host} refused the report ({detail}). Check the recipients and the sender.</source>
        <translation>邮件服务器 {host} 拒收了报表邮件（{detail}）。请检查收件人地址和发件人设置。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="925" />
        <source>The mail server {host}:{port} cannot be reached ({detail}). It is tried again at the next run.</source>
        <translation>无法连接邮件服务器 {host}:{port}（{detail}）。将在下次运行时重试。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="928" />
        <source>The report cannot be written to the drop folder {folder} ({detail}). Check that the folder exists and can be written.</source>
        <translation>无法将报表写入放置文件夹 {folder}（{detail}）。请检查该文件夹是否存在、可写。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="933" />
        <source>workstation clock {action} needs {options} (see workstation clock --help).</source>
        <translation>workstation clock {action} 须给出 {options}（见 workstation clock --help）。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="936" />
        <source>No recorder with device number {device_no} is registered.</source>
        <translation>没有设备编号为 {device_no} 的执法记录仪。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="939" />
        <source>The note is too long ({length} characters); at most {max_chars}.</source>
        <translation>备注过长（{length} 个字符），最多 {max_chars} 个字符。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="942" />
        <source>The clock of recorder {device_no} is more than {max_days} days off: set the recorder's clock right instead of measuring it.</source>
        <translation>记录仪 {device_no} 的时钟偏差超过 {max_days} 天：请直接校准记录仪时钟，而不是登记偏差。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="947" />
        <source>File {clip_id} was not recorded by recorder {device_no}: give a file of this recorder.</source>
        <translation>文件 {clip_id} 不是记录仪 {device_no} 录制的：请指定该记录仪的文件。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="950" />
        <source>Give the reason for the clock correction.</source>
        <translation>请填写时钟校正的原因。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="951" />
        <source>The reason is too long ({length} characters); at most {max_chars}.</source>
        <translation>原因过长（{length} 个字符），最多 {max_chars} 个字符。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="954" />
        <source>The end date of the correction is before its start date.</source>
        <translation>校正的截止日期早于起始日期。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="957" />
        <source>Recorder {device_no} has no clock measurement yet: enter one first (workstation clock measure).</source>
        <translation>记录仪 {device_no} 尚无时钟偏差记录：请先登记一次（workstation clock measure）。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="960" />
        <source>There is no clock correction {correction_id} (see workstation clock show).</source>
        <translation>没有编号为 {correction_id} 的时钟校正（用 workstation clock show 查看）。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="963" />
        <source>Clock correction {correction_id} was already reverted at {at}.</source>
        <translation>时钟校正 {correction_id} 已于 {at} 撤销。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="966" />
        <source>Clock correction {correction_id} is overridden by the later correction {later} of the same footage: revert {later} first.</source>
        <translation>时钟校正 {correction_id} 已被同一批文件的后续校正 {later} 覆盖：请先撤销 {later}。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="971" />
        <source>The unit {unit} is not in your charge: the pre-screen covers only the units you may view.</source>
        <translation>单位 {unit} 不在您的管辖范围内，只能预筛查您有权查看的单位。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="975" />
        <source>You may not review finding {finding_id}: only administrators, reviewers and inspection staff of its unit or a unit above it may (or there is no such finding).</source>
        <translation>无权复核发现 {finding_id}：只有该单位及其上级单位的管理员、抽查人员和督察人员可以复核（或没有这条发现）。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="980" />
        <source>The end date {date_to} is before the start date {date_from}.</source>
        <translation>截止日期 {date_to} 早于起始日期 {date_from}。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="984" />
        <source>The review note is too long (at most {limit} characters).</source>
        <translation>复核说明太长（最多 {limit} 字）。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="988" />
        <source>The archive server has no pre-screen scan {job_id} of yours (run it again after a server restart).</source>
        <translation>档案服务器上没有您启动的预筛查扫描 {job_id}（服务器重启后请重新运行）。</translation>
    </message>
    <message>
        <location filename="../../ui/common/error_text.py" line="992" />
        <source>Only an administrator of the unit may start a pre-screen scan (not a station account or another role).</source>
        <translation>只有单位的执法记录仪管理员可以启动预筛查扫描（采集站账号和其他角色不能）。</translation>
    </message>
</context>
<context>
    <name>evidence_labels</name>
    <message>
        <location filename="../../ui/evidence/labels.py" line="19" />
        <source>Procuratorate</source>
        <translation>人民检察院</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/labels.py" line="20" />
        <source>Court</source>
        <translation>人民法院</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/labels.py" line="21" />
        <source>Discipline inspection</source>
        <translation>纪检监察机关</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/labels.py" line="22" />
        <source>Justice administration</source>
        <translation>司法行政机关</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/labels.py" line="23" />
        <source>Own unit (internal use)</source>
        <translation>本单位（内部使用）</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/labels.py" line="29" />
        <source>Awaiting approval</source>
        <translation>待审批</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/labels.py" line="30" />
        <source>Authorised, not written</source>
        <translation>已授权，未制作</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/labels.py" line="31" />
        <source>Interrupted</source>
        <translation>已中断</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/labels.py" line="32" />
        <source>Completed</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/labels.py" line="33" />
        <source>Refused</source>
        <translation>未获批准</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/labels.py" line="41" />
        <source>Folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/labels.py" line="42" />
        <source>ZIP</source>
        <translation>ZIP 压缩包</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/labels.py" line="43" />
        <source>Disc image (ISO)</source>
        <translation>光盘镜像（ISO）</translation>
    </message>
</context>
<context>
    <name>evidence_progress</name>
    <message>
        <location filename="../../ui/evidence/write_dialog.py" line="64" />
        <source>%1 MB/s, about %2 left</source>
        <translation>%1 MB/s，剩余约 %2</translation>
    </message>
</context>
<context>
    <name>export_target</name>
    <message>
        <location filename="../../ui/common/export_target.py" line="32" />
        <source>%1 selected file(s)</source>
        <translation>所选 %1 个文件</translation>
    </message>
    <message>
        <location filename="../../ui/common/export_target.py" line="37" />
        <source>Every file of incident/case %1</source>
        <translation>警情/案件 %1 的全部文件</translation>
    </message>
    <message>
        <location filename="../../ui/common/export_target.py" line="43" />
        <source>%1 (%2) on %3</source>
        <translation>%1（%2）%3 当日</translation>
    </message>
</context>
<context>
    <name>labels</name>
    <message>
        <location filename="../../ui/common/labels.py" line="14" />
        <source>Footage administrator</source>
        <translation>执法记录仪管理员</translation>
    </message>
    <message>
        <location filename="../../ui/common/labels.py" line="15" />
        <source>Spot-check reviewer</source>
        <translation>抽查人员</translation>
    </message>
    <message>
        <location filename="../../ui/common/labels.py" line="16" />
        <source>Unit head</source>
        <translation>单位负责人</translation>
    </message>
    <message>
        <location filename="../../ui/common/labels.py" line="17" />
        <source>Legal</source>
        <translation>法制</translation>
    </message>
    <message>
        <location filename="../../ui/common/labels.py" line="18" />
        <source>Inspection</source>
        <translation>督察</translation>
    </message>
    <message>
        <location filename="../../ui/common/labels.py" line="19" />
        <source>Officer</source>
        <translation>执法人员</translation>
    </message>
    <message>
        <location filename="../../ui/common/labels.py" line="20" />
        <source>Ingest station</source>
        <translation>采集站账户</translation>
    </message>
    <message>
        <location filename="../../ui/common/labels.py" line="27" />
        <source>Corps</source>
        <translation>总队</translation>
    </message>
    <message>
        <location filename="../../ui/common/labels.py" line="28" />
        <source>Detachment</source>
        <translation>支队</translation>
    </message>
    <message>
        <location filename="../../ui/common/labels.py" line="29" />
        <source>Brigade</source>
        <translation>大队</translation>
    </message>
    <message>
        <location filename="../../ui/common/labels.py" line="60" />
        <source>Power on</source>
        <translation>开机</translation>
    </message>
    <message>
        <location filename="../../ui/common/labels.py" line="61" />
        <source>Power off</source>
        <translation>关机</translation>
    </message>
    <message>
        <location filename="../../ui/common/labels.py" line="62" />
        <source>Recording started</source>
        <translation>开始录像</translation>
    </message>
    <message>
        <location filename="../../ui/common/labels.py" line="63" />
        <source>Recording stopped</source>
        <translation>停止录像</translation>
    </message>
    <message>
        <location filename="../../ui/common/labels.py" line="64" />
        <source>Low battery</source>
        <translation>电量低</translation>
    </message>
    <message>
        <location filename="../../ui/common/labels.py" line="65" />
        <source>Battery changed</source>
        <translation>更换电池</translation>
    </message>
    <message>
        <location filename="../../ui/common/labels.py" line="66" />
        <source>Abnormal interruption</source>
        <translation>异常中断</translation>
    </message>
    <message>
        <location filename="../../ui/common/labels.py" line="67" />
        <source>Docked at a station</source>
        <translation>接入工作站</translation>
    </message>
    <message>
        <location filename="../../ui/common/labels.py" line="68" />
        <source>Clock set</source>
        <translation>校时</translation>
    </message>
    <message>
        <location filename="../../ui/common/labels.py" line="69" />
        <source>Other event</source>
        <translation>其他事件</translation>
    </message>
</context>
<context>
    <name>messages</name>
    <message>
        <location filename="../../ui/common/messages.py" line="24" />
        <source>Internal error (%1). What was saved before is kept.</source>
        <translation>程序内部错误（%1）。此前已保存的内容不受影响。</translation>
    </message>
    <message>
        <location filename="../../ui/common/messages.py" line="34" />
        <source>The operation failed</source>
        <translation>操作未能完成</translation>
    </message>
</context>
<context>
    <name>prescreen</name>
    <message>
        <location filename="../../ui/common/findings_text.py" line="35" />
        <source>confidence %1</source>
        <translation>置信度 %1</translation>
    </message>
    <message>
        <location filename="../../ui/common/labels.py" line="91" />
        <source>Lens covered</source>
        <translation>镜头遮挡</translation>
    </message>
    <message>
        <location filename="../../ui/common/labels.py" line="92" />
        <source>Picture too dark</source>
        <translation>画面过暗</translation>
    </message>
    <message>
        <location filename="../../ui/common/labels.py" line="93" />
        <source>Picture frozen</source>
        <translation>画面冻结</translation>
    </message>
    <message>
        <location filename="../../ui/common/labels.py" line="94" />
        <source>No sound</source>
        <translation>无声</translation>
    </message>
    <message>
        <location filename="../../ui/common/labels.py" line="95" />
        <source>Sound clipped</source>
        <translation>声音失真</translation>
    </message>
    <message>
        <location filename="../../ui/common/labels.py" line="96" />
        <source>Cannot be decoded</source>
        <translation>无法解码</translation>
    </message>
    <message>
        <location filename="../../ui/common/labels.py" line="97" />
        <source>Gap in recording</source>
        <translation>录制空档</translation>
    </message>
    <message>
        <location filename="../../ui/common/labels.py" line="98" />
        <source>Overlapping recordings</source>
        <translation>录制重叠</translation>
    </message>
    <message>
        <location filename="../../ui/common/labels.py" line="99" />
        <source>Ended by abnormal interruption</source>
        <translation>异常中断结束</translation>
    </message>
    <message>
        <location filename="../../ui/common/labels.py" line="100" />
        <source>Ended on low battery</source>
        <translation>电量低结束</translation>
    </message>
    <message>
        <location filename="../../ui/common/labels.py" line="101" />
        <source>Uploaded over 24 h late</source>
        <translation>超24小时上传</translation>
    </message>
    <message>
        <location filename="../../ui/common/labels.py" line="102" />
        <source>Day not linked to an incident</source>
        <translation>全天未关联警情</translation>
    </message>
    <message>
        <location filename="../../ui/common/labels.py" line="103" />
        <source>Recorder clock drifts</source>
        <translation>时钟漂移</translation>
    </message>
    <message>
        <location filename="../../ui/common/labels.py" line="115" />
        <source>Needs human review</source>
        <translation>需人工复核</translation>
    </message>
    <message>
        <location filename="../../ui/common/labels.py" line="116" />
        <source>Confirmed by a reviewer</source>
        <translation>已确认</translation>
    </message>
    <message>
        <location filename="../../ui/common/labels.py" line="117" />
        <source>Dismissed by a reviewer</source>
        <translation>已排除</translation>
    </message>
</context>
<context>
    <name>report_tasks</name>
    <message>
        <location filename="../../ui/statistics/task_words.py" line="24" />
        <source>Workload</source>
        <translation>工作量</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/task_words.py" line="25" />
        <source>Recorders</source>
        <translation>执法记录仪</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/task_words.py" line="26" />
        <source>Spot checks</source>
        <translation>抽查</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/task_words.py" line="27" />
        <source>Viewing requests</source>
        <translation>调阅审批</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/task_words.py" line="28" />
        <source>Pre-screen</source>
        <translation>预筛查</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/task_words.py" line="35" />
        <source>Web page (HTML)</source>
        <translation>网页（HTML）</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/task_words.py" line="36" />
        <source>Excel workbook</source>
        <translation>Excel 工作簿</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/task_words.py" line="43" />
        <source>The day before</source>
        <translation>前一天</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/task_words.py" line="44" />
        <source>The week before (Monday to Sunday)</source>
        <translation>上一周（周一至周日）</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/task_words.py" line="45" />
        <source>The month before</source>
        <translation>上一个月</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/task_words.py" line="53" />
        <source>Monday</source>
        <translation>周一</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/task_words.py" line="54" />
        <source>Tuesday</source>
        <translation>周二</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/task_words.py" line="55" />
        <source>Wednesday</source>
        <translation>周三</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/task_words.py" line="56" />
        <source>Thursday</source>
        <translation>周四</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/task_words.py" line="57" />
        <source>Friday</source>
        <translation>周五</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/task_words.py" line="58" />
        <source>Saturday</source>
        <translation>周六</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/task_words.py" line="59" />
        <source>Sunday</source>
        <translation>周日</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/task_words.py" line="69" />
        <source>Every %1 at %2</source>
        <translation>每%1 %2</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/task_words.py" line="75" />
        <source>Monthly on day %1 at %2</source>
        <translation>每月 %1 日 %2</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/task_words.py" line="79" />
        <source>Daily at %1</source>
        <translation>每天 %1</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/task_words.py" line="84" />
        <source>Folder %1</source>
        <translation>文件夹 %1</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/task_words.py" line="91" />
        <source>Not run yet</source>
        <translation>尚未运行</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/task_words.py" line="93" />
        <source>Delivered %1</source>
        <translation>已送达 %1</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/task_words.py" line="95" />
        <source>Not delivered after %1 attempts</source>
        <translation>已尝试 %1 次，未能送达</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/task_words.py" line="99" />
        <source>Attempt %1 failed; tried again at %2</source>
        <translation>第 %1 次发送失败，将于 %2 重试</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/task_words.py" line="102" />
        <source>Waiting to be sent</source>
        <translation>待发送</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/task_words.py" line="104" />
        <source>%1 to %2</source>
        <translation>%1 至 %2</translation>
    </message>
</context>
<context>
    <name>retention_labels</name>
    <message>
        <location filename="../../ui/common/retention_labels.py" line="26" />
        <source>Fire and rescue</source>
        <translation>消防救援</translation>
    </message>
    <message>
        <location filename="../../ui/common/retention_labels.py" line="27" />
        <source>Public security</source>
        <translation>公安</translation>
    </message>
    <message>
        <location filename="../../ui/common/retention_labels.py" line="28" />
        <source>Emergency management</source>
        <translation>应急管理</translation>
    </message>
    <message>
        <location filename="../../ui/common/retention_labels.py" line="34" />
        <source>Public gathering place</source>
        <translation>公众聚集场所</translation>
    </message>
    <message>
        <location filename="../../ui/common/retention_labels.py" line="35" />
        <source>High fire risk site</source>
        <translation>火灾高危单位</translation>
    </message>
    <message>
        <location filename="../../ui/common/retention_labels.py" line="36" />
        <source>Site with a major fire hazard</source>
        <translation>重大火灾隐患单位</translation>
    </message>
    <message>
        <location filename="../../ui/common/retention_labels.py" line="42" />
        <source>Incident</source>
        <translation>警情</translation>
    </message>
    <message>
        <location filename="../../ui/common/retention_labels.py" line="43" />
        <source>Case</source>
        <translation>案件</translation>
    </message>
    <message>
        <location filename="../../ui/common/retention_labels.py" line="44" />
        <source>Complaint</source>
        <translation>投诉</translation>
    </message>
    <message>
        <location filename="../../ui/common/retention_labels.py" line="67" />
        <source>All footage</source>
        <translation>全部视音频</translation>
    </message>
    <message>
        <location filename="../../ui/common/retention_labels.py" line="69" />
        <source>Marked important (a recorder's IMP mark included)</source>
        <translation>重点标记（含记录仪 IMP 标记）</translation>
    </message>
    <message>
        <location filename="../../ui/common/retention_labels.py" line="71" />
        <source>Default of unit %1</source>
        <translation>%1 的默认期限</translation>
    </message>
    <message>
        <location filename="../../ui/common/retention_labels.py" line="73" />
        <source>Site: %1</source>
        <translation>场所：%1</translation>
    </message>
    <message>
        <location filename="../../ui/common/retention_labels.py" line="75" />
        <source>Linked to: %1</source>
        <translation>关联%1</translation>
    </message>
    <message>
        <location filename="../../ui/common/retention_labels.py" line="79" />
        <source>Mark: %1</source>
        <translation>标记：%1</translation>
    </message>
    <message>
        <location filename="../../ui/common/retention_labels.py" line="85" />
        <source>Permanent</source>
        <translation>永久</translation>
    </message>
    <message>
        <location filename="../../ui/common/retention_labels.py" line="87" />
        <source>%1 years</source>
        <translation>%1 年</translation>
    </message>
    <message>
        <location filename="../../ui/common/retention_labels.py" line="88" />
        <source>%1 months</source>
        <translation>%1 个月</translation>
    </message>
    <message>
        <location filename="../../ui/common/retention_labels.py" line="95" />
        <source>Not assessed</source>
        <translation>未评定</translation>
    </message>
    <message>
        <location filename="../../ui/common/retention_labels.py" line="100" />
        <source>Kept permanently</source>
        <translation>永久保存</translation>
    </message>
    <message>
        <location filename="../../ui/common/retention_labels.py" line="105" />
        <source>Expired, may be destroyed</source>
        <translation>已到期，可销毁</translation>
    </message>
    <message>
        <location filename="../../ui/common/retention_labels.py" line="106" />
        <source>Expiring</source>
        <translation>即将到期</translation>
    </message>
    <message>
        <location filename="../../ui/common/retention_labels.py" line="107" />
        <location filename="../../ui/common/retention_labels.py" line="125" />
        <source>Kept: legal hold</source>
        <translation>保留：法律保全</translation>
    </message>
    <message>
        <location filename="../../ui/common/retention_labels.py" line="108" />
        <source>On a destruction request</source>
        <translation>已申请销毁</translation>
    </message>
    <message>
        <location filename="../../ui/common/retention_labels.py" line="114" />
        <source>Pending</source>
        <translation>待审批</translation>
    </message>
    <message>
        <location filename="../../ui/common/retention_labels.py" line="115" />
        <source>Approved</source>
        <translation>已批准</translation>
    </message>
    <message>
        <location filename="../../ui/common/retention_labels.py" line="116" />
        <source>Rejected</source>
        <translation>已驳回</translation>
    </message>
    <message>
        <location filename="../../ui/common/retention_labels.py" line="117" />
        <source>Executed</source>
        <translation>已执行</translation>
    </message>
    <message>
        <location filename="../../ui/common/retention_labels.py" line="123" />
        <source>Not executed yet</source>
        <translation>尚未执行</translation>
    </message>
    <message>
        <location filename="../../ui/common/retention_labels.py" line="124" />
        <source>Destroyed</source>
        <translation>已销毁</translation>
    </message>
    <message>
        <location filename="../../ui/common/retention_labels.py" line="126" />
        <source>Kept: no longer expired</source>
        <translation>保留：已不再到期</translation>
    </message>
    <message>
        <location filename="../../ui/common/retention_labels.py" line="127" />
        <source>Kept: file changed (SHA-256 differs)</source>
        <translation>保留：文件已改变（SHA-256 不符）</translation>
    </message>
    <message>
        <location filename="../../ui/common/retention_labels.py" line="130" />
        <source>Kept: file missing</source>
        <translation>保留：文件缺失</translation>
    </message>
</context>
<context>
    <name>spotcheck</name>
    <message>
        <location filename="../../ui/common/labels.py" line="36" />
        <source>Pass</source>
        <translation>合格</translation>
    </message>
    <message>
        <location filename="../../ui/common/labels.py" line="37" />
        <source>Mostly compliant</source>
        <translation>基本合格</translation>
    </message>
    <message>
        <location filename="../../ui/common/labels.py" line="38" />
        <source>Fail</source>
        <translation>不合格</translation>
    </message>
    <message>
        <location filename="../../ui/common/labels.py" line="45" />
        <source>Recording announced</source>
        <translation>规范告知</translation>
    </message>
    <message>
        <location filename="../../ui/common/labels.py" line="46" />
        <source>ID shown</source>
        <translation>出示证件</translation>
    </message>
    <message>
        <location filename="../../ui/common/labels.py" line="47" />
        <source>Continuous, no interruption</source>
        <translation>全程连续无中断</translation>
    </message>
    <message>
        <location filename="../../ui/common/labels.py" line="48" />
        <source>Picture and sound clear</source>
        <translation>画面声音清晰</translation>
    </message>
    <message>
        <location filename="../../ui/common/labels.py" line="49" />
        <source>Lens not blocked</source>
        <translation>镜头无遮挡</translation>
    </message>
    <message>
        <location filename="../../ui/common/labels.py" line="50" />
        <source>Conduct proper</source>
        <translation>执法行为规范</translation>
    </message>
    <message>
        <location filename="../../ui/common/labels.py" line="51" />
        <source>Uploaded within 24 h</source>
        <translation>24 小时内上传</translation>
    </message>
    <message>
        <location filename="../../ui/common/labels.py" line="52" />
        <source>Linked to incident/case</source>
        <translation>关联警情/案件</translation>
    </message>
    <message>
        <location filename="../../ui/common/labels.py" line="53" />
        <source>File intact</source>
        <translation>文件完整</translation>
    </message>
    <message>
        <location filename="../../ui/spotcheck/labels.py" line="15" />
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../ui/spotcheck/labels.py" line="16" />
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../../ui/spotcheck/labels.py" line="17" />
        <source>N/A</source>
        <translation>不适用</translation>
    </message>
    <message>
        <location filename="../../ui/spotcheck/labels.py" line="25" />
        <source>Random</source>
        <translation>随机抽取</translation>
    </message>
    <message>
        <location filename="../../ui/spotcheck/labels.py" line="26" />
        <source>First clip</source>
        <translation>首段</translation>
    </message>
    <message>
        <location filename="../../ui/spotcheck/labels.py" line="27" />
        <source>Added for pre-screen findings</source>
        <translation>预筛查加抽</translation>
    </message>
    <message>
        <location filename="../../ui/spotcheck/labels.py" line="31" />
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location filename="../../ui/spotcheck/labels.py" line="37" />
        <source>To check</source>
        <translation>待检查</translation>
    </message>
    <message>
        <location filename="../../ui/spotcheck/labels.py" line="38" />
        <source>Checked</source>
        <translation>已检查</translation>
    </message>
    <message>
        <location filename="../../ui/spotcheck/labels.py" line="39" />
        <source>Withdrawn</source>
        <translation>已撤回</translation>
    </message>
</context>
<context>
    <name>statistics</name>
    <message>
        <location filename="../../ui/statistics/tables.py" line="41" />
        <source>Badge no.</source>
        <translation>警号</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/tables.py" line="42" />
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/tables.py" line="43" />
        <location filename="../../ui/statistics/tables.py" line="175" />
        <source>Unit code</source>
        <translation>单位代码</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/finding_tables.py" line="30" />
        <source>Number of findings</source>
        <translation>发现数</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/finding_tables.py" line="31" />
        <source>Awaiting review</source>
        <translation>待复核</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/finding_tables.py" line="32" />
        <source>Confirmed</source>
        <translation>已确认</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/finding_tables.py" line="33" />
        <source>Dismissed</source>
        <translation>已排除</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/finding_tables.py" line="34" />
        <source>Precision</source>
        <translation>准确率</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/finding_tables.py" line="39" />
        <location filename="../../ui/statistics/finding_tables.py" line="54" />
        <source>Finding kind</source>
        <translation>发现类型</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/finding_tables.py" line="44" />
        <location filename="../../ui/statistics/tables.py" line="47" />
        <location filename="../../ui/statistics/tables.py" line="226" />
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/finding_tables.py" line="46" />
        <source>Files with findings</source>
        <translation>有发现的文件</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/finding_tables.py" line="47" />
        <source>Files with confirmed findings</source>
        <translation>有确认发现的文件</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/finding_tables.py" line="133" />
        <source>Findings %1 (previous period %2) · confirmed %3 · dismissed %4 · pending %5 · precision %6</source>
        <translation>发现 %1（上期 %2）· 已确认 %3 · 已排除 %4 · 待复核 %5 · 准确率 %6</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/tables.py" line="48" />
        <source>Officers with footage</source>
        <translation>有资料的执法人员</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/tables.py" line="53" />
        <location filename="../../ui/statistics/tables.py" line="141" />
        <source>Files</source>
        <translation>文件数</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/tables.py" line="54" />
        <source>Video</source>
        <translation>视频</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/tables.py" line="55" />
        <source>Audio</source>
        <translation>音频</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/tables.py" line="56" />
        <source>Photo</source>
        <translation>照片</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/tables.py" line="57" />
        <location filename="../../ui/statistics/tables.py" line="142" />
        <source>Hours</source>
        <translation>时长（小时）</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/tables.py" line="58" />
        <source>Recording days</source>
        <translation>录制天数</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/tables.py" line="59" />
        <location filename="../../ui/statistics/tables.py" line="144" />
        <source>On-time upload rate</source>
        <translation>上传及时率</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/tables.py" line="60" />
        <source>Uploaded late</source>
        <translation>超24小时上传</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/tables.py" line="61" />
        <location filename="../../ui/statistics/tables.py" line="149" />
        <source>Link rate</source>
        <translation>警情关联率</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/tables.py" line="62" />
        <location filename="../../ui/statistics/tables.py" line="154" />
        <source>Marked share</source>
        <translation>标注率</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/tables.py" line="63" />
        <source>Gaps</source>
        <translation>空档次数</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/tables.py" line="64" />
        <source>Gap hours</source>
        <translation>空档时长（小时）</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/tables.py" line="160" />
        <source>%1 %2 (previous period %3)</source>
        <translation>%1 %2（上期 %3）</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/tables.py" line="173" />
        <source>Device no.</source>
        <translation>设备编号</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/finding_tables.py" line="53" />
        <location filename="../../ui/statistics/tables.py" line="174" />
        <source>Model</source>
        <translation>型号</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/tables.py" line="176" />
        <source>Holder</source>
        <translation>持有人</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/tables.py" line="177" />
        <source>Hours on</source>
        <translation>开机时长（小时）</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/tables.py" line="178" />
        <source>Hours recording</source>
        <translation>录像时长（小时）</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/tables.py" line="179" />
        <source>Recording share</source>
        <translation>录像占比</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/tables.py" line="180" />
        <source>Footage archived (h)</source>
        <translation>入库资料时长（小时）</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/tables.py" line="218" />
        <source>%1 recorders · log events: %2</source>
        <translation>执法记录仪 %1 台 · 日志事件：%2</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/tables.py" line="227" />
        <source>Plans</source>
        <translation>抽查计划</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/tables.py" line="228" />
        <source>Planned</source>
        <translation>应查</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/tables.py" line="229" />
        <source>Reviewed</source>
        <translation>已查</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/tables.py" line="230" />
        <source>Completion rate</source>
        <translation>完成率</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/tables.py" line="231" />
        <source>Officers planned</source>
        <translation>应查人员</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/tables.py" line="232" />
        <source>Officers reviewed</source>
        <translation>已查人员</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/tables.py" line="233" />
        <source>Pass</source>
        <translation>合格</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/tables.py" line="234" />
        <source>Mostly compliant</source>
        <translation>基本合格</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/tables.py" line="235" />
        <source>Fail</source>
        <translation>不合格</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/tables.py" line="236" />
        <source>Pass rate</source>
        <translation>合格率</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/tables.py" line="237" />
        <source>Most frequent problems</source>
        <translation>主要问题</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/tables.py" line="268" />
        <source>Reviewed %1 of %2 planned (%3) · pass rate %4</source>
        <translation>应查 %2 条，已查 %1 条（%3）· 合格率 %4</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/tables.py" line="278" />
        <source>Deciding unit</source>
        <translation>审批单位</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/tables.py" line="279" />
        <source>Requests</source>
        <translation>申请数</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/tables.py" line="280" />
        <source>Approved</source>
        <translation>已批准</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/tables.py" line="281" />
        <source>Rejected</source>
        <translation>已驳回</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/tables.py" line="282" />
        <source>Pending</source>
        <translation>待审批</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/tables.py" line="283" />
        <source>From outside bodies</source>
        <translation>外部单位</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/tables.py" line="284" />
        <source>Median decision time (h)</source>
        <translation>审批用时中位数（小时）</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/tables.py" line="285" />
        <source>Longest decision time (h)</source>
        <translation>最长审批用时（小时）</translation>
    </message>
    <message>
        <location filename="../../ui/statistics/tables.py" line="311" />
        <source>%1 viewing requests · %2 pending</source>
        <translation>调阅申请 %1 件 · 待审批 %2 件</translation>
    </message>
</context>
</TS>