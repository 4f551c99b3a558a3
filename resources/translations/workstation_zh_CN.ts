<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>ArchiveView</name>
    <message>
        <location filename="../../ui/archive_view.py" line="99" />
        <source>%1 files</source>
        <translation>共 %1 个文件</translation>
    </message>
</context>
<context>
    <name>CaseLinkDialog</name>
    <message>
        <location filename="../../ui/case_link_dialog.py" line="13" />
        <source>Link to incident/case</source>
        <translation>关联警情/案件</translation>
    </message>
    <message>
        <location filename="../../ui/case_link_dialog.py" line="15" />
        <source>Incident (警情)</source>
        <translation>警情</translation>
    </message>
    <message>
        <location filename="../../ui/case_link_dialog.py" line="16" />
        <source>Case (案件)</source>
        <translation>案件</translation>
    </message>
    <message>
        <location filename="../../ui/case_link_dialog.py" line="17" />
        <source>e.g. J2026112100123</source>
        <translation>例如 J2026112100123</translation>
    </message>
    <message>
        <location filename="../../ui/case_link_dialog.py" line="26" />
        <source>%1 file(s) selected</source>
        <translation>已选择 %1 个文件</translation>
    </message>
    <message>
        <location filename="../../ui/case_link_dialog.py" line="27" />
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../ui/case_link_dialog.py" line="28" />
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../ui/case_link_dialog.py" line="29" />
        <source>Party</source>
        <translation>当事人</translation>
    </message>
    <message>
        <location filename="../../ui/case_link_dialog.py" line="30" />
        <source>Handler</source>
        <translation>承办人</translation>
    </message>
    <message>
        <location filename="../../ui/case_link_dialog.py" line="31" />
        <source>Summary</source>
        <translation>简要案情</translation>
    </message>
    <message>
        <location filename="../../ui/case_link_dialog.py" line="37" />
        <source>Enter the incident or case number.</source>
        <translation>请填写警情/案件编号。</translation>
    </message>
</context>
<context>
    <name>ClipDetailPane</name>
    <message>
        <location filename="../../ui/clip_detail_pane.py" line="23" />
        <source>Ingested into the archive</source>
        <translation>入库</translation>
    </message>
    <message>
        <location filename="../../ui/clip_detail_pane.py" line="24" />
        <source>Linked to incident/case</source>
        <translation>关联警情/案件</translation>
    </message>
    <message>
        <location filename="../../ui/clip_detail_pane.py" line="25" />
        <source>Link removed</source>
        <translation>取消关联</translation>
    </message>
    <message>
        <location filename="../../ui/clip_detail_pane.py" line="26" />
        <source>Marked important</source>
        <translation>标记为重点</translation>
    </message>
    <message>
        <location filename="../../ui/clip_detail_pane.py" line="27" />
        <source>Important mark removed</source>
        <translation>取消重点标记</translation>
    </message>
    <message>
        <location filename="../../ui/clip_detail_pane.py" line="30" />
        <source>Play</source>
        <translation>播放</translation>
    </message>
    <message>
        <location filename="../../ui/clip_detail_pane.py" line="31" />
        <location filename="../../ui/clip_detail_pane.py" line="55" />
        <source>Mark important</source>
        <translation>标记为重点</translation>
    </message>
    <message>
        <location filename="../../ui/clip_detail_pane.py" line="32" />
        <source>Link to incident/case…</source>
        <translation>关联警情/案件…</translation>
    </message>
    <message>
        <location filename="../../ui/clip_detail_pane.py" line="55" />
        <source>Remove important mark</source>
        <translation>取消重点标记</translation>
    </message>
    <message>
        <location filename="../../ui/clip_detail_pane.py" line="57" />
        <source>File</source>
        <translation>文件名</translation>
    </message>
    <message>
        <location filename="../../ui/clip_detail_pane.py" line="58" />
        <source>Recorded</source>
        <translation>录制时间</translation>
    </message>
    <message>
        <location filename="../../ui/clip_detail_pane.py" line="59" />
        <source>Device clock offset</source>
        <translation>设备时钟偏差</translation>
    </message>
    <message>
        <location filename="../../ui/clip_detail_pane.py" line="60" />
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../ui/clip_detail_pane.py" line="60" />
        <source>Unassigned</source>
        <translation>待分配</translation>
    </message>
    <message>
        <location filename="../../ui/clip_detail_pane.py" line="61" />
        <source>Officer</source>
        <translation>执法人员</translation>
    </message>
    <message>
        <location filename="../../ui/clip_detail_pane.py" line="62" />
        <source>Device</source>
        <translation>设备编号</translation>
    </message>
    <message>
        <location filename="../../ui/clip_detail_pane.py" line="63" />
        <source>Format</source>
        <translation>格式</translation>
    </message>
    <message>
        <location filename="../../ui/clip_detail_pane.py" line="64" />
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <location filename="../../ui/clip_detail_pane.py" line="66" />
        <source>Ingested</source>
        <translation>入库时间</translation>
    </message>
    <message>
        <location filename="../../ui/clip_detail_pane.py" line="67" />
        <source>Incident/case</source>
        <translation>警情/案件</translation>
    </message>
    <message>
        <location filename="../../ui/clip_detail_pane.py" line="67" />
        <source>not linked</source>
        <translation>未关联</translation>
    </message>
    <message>
        <location filename="../../ui/clip_detail_pane.py" line="68" />
        <source>Integrity</source>
        <translation>完整性</translation>
    </message>
    <message>
        <location filename="../../ui/clip_detail_pane.py" line="68" />
        <source>OK</source>
        <translation>正常</translation>
    </message>
    <message>
        <location filename="../../ui/clip_detail_pane.py" line="69" />
        <source>Archive path</source>
        <translation>存储路径</translation>
    </message>
</context>
<context>
    <name>ClipPageModel</name>
    <message>
        <location filename="../../ui/archive_model.py" line="72" />
        <source>Recorded</source>
        <translation>录制时间</translation>
    </message>
    <message>
        <location filename="../../ui/archive_model.py" line="73" />
        <source>Duration</source>
        <translation>时长</translation>
    </message>
    <message>
        <location filename="../../ui/archive_model.py" line="74" />
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../ui/archive_model.py" line="75" />
        <source>Officer</source>
        <translation>执法人员</translation>
    </message>
    <message>
        <location filename="../../ui/archive_model.py" line="76" />
        <source>Badge no.</source>
        <translation>警号</translation>
    </message>
    <message>
        <location filename="../../ui/archive_model.py" line="77" />
        <source>Device</source>
        <translation>设备编号</translation>
    </message>
    <message>
        <location filename="../../ui/archive_model.py" line="78" />
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../ui/archive_model.py" line="79" />
        <source>Important</source>
        <translation>重点</translation>
    </message>
    <message>
        <location filename="../../ui/archive_model.py" line="80" />
        <source>Incident/case</source>
        <translation>警情/案件</translation>
    </message>
    <message>
        <location filename="../../ui/archive_model.py" line="81" />
        <source>Marks</source>
        <translation>标记</translation>
    </message>
    <message>
        <location filename="../../ui/archive_model.py" line="82" />
        <source>Notes</source>
        <translation>提示</translation>
    </message>
    <message>
        <location filename="../../ui/archive_model.py" line="83" />
        <source>File</source>
        <translation>文件名</translation>
    </message>
    <message>
        <location filename="../../ui/archive_model.py" line="86" />
        <source>Video</source>
        <translation>视频</translation>
    </message>
    <message>
        <location filename="../../ui/archive_model.py" line="87" />
        <source>Audio</source>
        <translation>音频</translation>
    </message>
    <message>
        <location filename="../../ui/archive_model.py" line="88" />
        <source>Photo</source>
        <translation>照片</translation>
    </message>
    <message>
        <location filename="../../ui/archive_model.py" line="89" />
        <source>Log</source>
        <translation>日志</translation>
    </message>
    <message>
        <location filename="../../ui/archive_model.py" line="226" />
        <source>Unassigned</source>
        <translation>待分配</translation>
    </message>
    <message>
        <location filename="../../ui/archive_model.py" line="248" />
        <source>Integrity problem: %1</source>
        <translation>完整性问题：%1</translation>
    </message>
    <message>
        <location filename="../../ui/archive_model.py" line="250" />
        <source>Uploaded after 24 h</source>
        <translation>超过 24 小时上传</translation>
    </message>
    <message>
        <location filename="../../ui/archive_model.py" line="252" />
        <source>Not linked to a case</source>
        <translation>未关联警情/案件</translation>
    </message>
</context>
<context>
    <name>ConnectionDialog</name>
    <message>
        <location filename="../../ui/connection_dialog.py" line="36" />
        <source>Archive connection</source>
        <translation>档案库连接</translation>
    </message>
    <message>
        <location filename="../../ui/connection_dialog.py" line="43" />
        <source>Embedded archive (this computer)</source>
        <translation>单机档案库（本机）</translation>
    </message>
    <message>
        <location filename="../../ui/connection_dialog.py" line="44" />
        <source>Branch archive (PostgreSQL server)</source>
        <translation>分局档案库（PostgreSQL 服务器）</translation>
    </message>
    <message>
        <location filename="../../ui/connection_dialog.py" line="46" />
        <location filename="../../ui/connection_dialog.py" line="54" />
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location filename="../../ui/connection_dialog.py" line="51" />
        <source>kept in the system credential store</source>
        <translation>保存在系统凭据管理器中</translation>
    </message>
    <message>
        <location filename="../../ui/connection_dialog.py" line="59" />
        <source>Archive folder</source>
        <translation>档案库文件夹</translation>
    </message>
    <message>
        <location filename="../../ui/connection_dialog.py" line="62" />
        <source>Server</source>
        <translation>服务器</translation>
    </message>
    <message>
        <location filename="../../ui/connection_dialog.py" line="63" />
        <source>Port</source>
        <translation>端口</translation>
    </message>
    <message>
        <location filename="../../ui/connection_dialog.py" line="64" />
        <source>Database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <location filename="../../ui/connection_dialog.py" line="65" />
        <source>User</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location filename="../../ui/connection_dialog.py" line="66" />
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../ui/connection_dialog.py" line="67" />
        <source>Media share</source>
        <translation>媒体存储路径</translation>
    </message>
    <message>
        <location filename="../../ui/connection_dialog.py" line="74" />
        <source>Test connection</source>
        <translation>测试连接</translation>
    </message>
    <message>
        <location filename="../../ui/connection_dialog.py" line="77" />
        <source>Save and use</source>
        <translation>保存并使用</translation>
    </message>
    <message>
        <location filename="../../ui/connection_dialog.py" line="81" />
        <source>Profile name</source>
        <translation>配置名称</translation>
    </message>
    <message>
        <location filename="../../ui/connection_dialog.py" line="82" />
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../ui/connection_dialog.py" line="96" />
        <source>Choose a folder</source>
        <translation>选择文件夹</translation>
    </message>
    <message>
        <location filename="../../ui/connection_dialog.py" line="130" />
        <source>Give the profile a name.</source>
        <translation>请填写配置名称。</translation>
    </message>
    <message>
        <location filename="../../ui/connection_dialog.py" line="139" />
        <source>Connecting…</source>
        <translation>正在连接…</translation>
    </message>
    <message>
        <location filename="../../ui/connection_dialog.py" line="144" />
        <source>Connected.</source>
        <translation>连接成功。</translation>
    </message>
    <message>
        <location filename="../../ui/connection_dialog.py" line="150" />
        <source>Unexpected error: %1</source>
        <translation>意外错误：%1</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <location filename="../../ui/archive_filters.py" line="23" />
        <source>Search officer, badge no., device or case</source>
        <translation>搜索执法人员、警号、设备编号或警情/案件编号</translation>
    </message>
    <message>
        <location filename="../../ui/archive_filters.py" line="24" />
        <source>Unit code</source>
        <translation>单位代码</translation>
    </message>
    <message>
        <location filename="../../ui/archive_filters.py" line="25" />
        <source>Badge no.</source>
        <translation>警号</translation>
    </message>
    <message>
        <location filename="../../ui/archive_filters.py" line="26" />
        <source>Device no.</source>
        <translation>设备编号</translation>
    </message>
    <message>
        <location filename="../../ui/archive_filters.py" line="27" />
        <source>Incident/case no.</source>
        <translation>警情/案件编号</translation>
    </message>
    <message>
        <location filename="../../ui/archive_filters.py" line="28" />
        <source>Recorded from</source>
        <translation>录制日期</translation>
    </message>
    <message>
        <location filename="../../ui/archive_filters.py" line="35" />
        <source>Important: any</source>
        <translation>重点：全部</translation>
    </message>
    <message>
        <location filename="../../ui/archive_filters.py" line="35" />
        <source>Important</source>
        <translation>重点</translation>
    </message>
    <message>
        <location filename="../../ui/archive_filters.py" line="35" />
        <source>Not important</source>
        <translation>非重点</translation>
    </message>
    <message>
        <location filename="../../ui/archive_filters.py" line="38" />
        <source>Marks: any</source>
        <translation>标记：全部</translation>
    </message>
    <message>
        <location filename="../../ui/archive_filters.py" line="38" />
        <source>Marked</source>
        <translation>有标记</translation>
    </message>
    <message>
        <location filename="../../ui/archive_filters.py" line="38" />
        <source>Not marked</source>
        <translation>无标记</translation>
    </message>
    <message>
        <location filename="../../ui/archive_filters.py" line="42" />
        <source>All types</source>
        <translation>全部类型</translation>
    </message>
    <message>
        <location filename="../../ui/archive_filters.py" line="43" />
        <source>Video</source>
        <translation>视频</translation>
    </message>
    <message>
        <location filename="../../ui/archive_filters.py" line="44" />
        <source>Audio</source>
        <translation>音频</translation>
    </message>
    <message>
        <location filename="../../ui/archive_filters.py" line="45" />
        <source>Photo</source>
        <translation>照片</translation>
    </message>
    <message>
        <location filename="../../ui/archive_filters.py" line="46" />
        <source>Log</source>
        <translation>日志</translation>
    </message>
    <message>
        <location filename="../../ui/archive_filters.py" line="49" />
        <source>Clear filters</source>
        <translation>清除条件</translation>
    </message>
    <message>
        <location filename="../../ui/archive_filters.py" line="62" />
        <source>to</source>
        <translation>至</translation>
    </message>
</context>
<context>
    <name>FirstAdministratorDialog</name>
    <message>
        <location filename="../../ui/sign_in_dialog.py" line="82" />
        <source>Set up a new archive</source>
        <translation>初始化档案库</translation>
    </message>
    <message>
        <location filename="../../ui/sign_in_dialog.py" line="88" />
        <source>Fire</source>
        <translation>消防</translation>
    </message>
    <message>
        <location filename="../../ui/sign_in_dialog.py" line="99" />
        <source>This archive has no users yet. Create its unit and first administrator.</source>
        <translation>该档案库尚无用户。请创建本单位和第一个管理员账户。</translation>
    </message>
    <message>
        <location filename="../../ui/sign_in_dialog.py" line="102" />
        <source>Unit code</source>
        <translation>单位代码</translation>
    </message>
    <message>
        <location filename="../../ui/sign_in_dialog.py" line="103" />
        <source>Unit name</source>
        <translation>单位名称</translation>
    </message>
    <message>
        <location filename="../../ui/sign_in_dialog.py" line="104" />
        <source>Level</source>
        <translation>级别</translation>
    </message>
    <message>
        <location filename="../../ui/sign_in_dialog.py" line="105" />
        <source>Police type</source>
        <translation>警种</translation>
    </message>
    <message>
        <location filename="../../ui/sign_in_dialog.py" line="106" />
        <source>Login name</source>
        <translation>登录名</translation>
    </message>
    <message>
        <location filename="../../ui/sign_in_dialog.py" line="107" />
        <source>Display name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../ui/sign_in_dialog.py" line="108" />
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../ui/sign_in_dialog.py" line="109" />
        <source>Repeat password</source>
        <translation>确认密码</translation>
    </message>
    <message>
        <location filename="../../ui/sign_in_dialog.py" line="117" />
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
    <message>
        <location filename="../../ui/sign_in_dialog.py" line="121" />
        <source>Fill in every field.</source>
        <translation>请填写所有项目。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="28" />
        <source>Body-worn camera footage review workstation</source>
        <translation>执法记录仪视音频回放审查工作站</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="36" />
        <source>Archive</source>
        <translation>档案</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="38" />
        <source>Spot check</source>
        <translation>抽查</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="39" />
        <source>Approvals</source>
        <translation>审批</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="40" />
        <source>Reports</source>
        <translation>统计</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="41" />
        <source>Administration</source>
        <translation>管理</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="43" />
        <source>%1 arrives with a later release.</source>
        <translation>“%1”功能将在后续版本中提供。</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="53" />
        <source>%1 (%2) · %3 · %4</source>
        <translation>%1（%2）· %3 · %4</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="90" />
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="91" />
        <source>Lock screen</source>
        <translation>锁定屏幕</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="93" />
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="96" />
        <source>&amp;Settings</source>
        <translation>设置(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="97" />
        <source>Preferences…</source>
        <translation>首选项…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="62" />
        <source>Archive: %1</source>
        <translation>档案库：%1</translation>
    </message>
</context>
<context>
    <name>OfficerTree</name>
    <message>
        <location filename="../../ui/officer_tree.py" line="30" />
        <source>One archive per officer</source>
        <translation>一人一档</translation>
    </message>
    <message>
        <location filename="../../ui/officer_tree.py" line="53" />
        <source>Unassigned (待分配)</source>
        <translation>待分配</translation>
    </message>
    <message>
        <location filename="../../ui/officer_tree.py" line="113" />
        <source>%1  (%2 files)</source>
        <translation>%1（%2 个文件）</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../ui/settings_dialog.py" line="12" />
        <source>Preferences</source>
        <translation>首选项</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="17" />
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="18" />
        <source>never</source>
        <translation>从不</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="24" />
        <source>Language</source>
        <translation>界面语言</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="25" />
        <source>A new language applies after the program restarts.</source>
        <translation>更改语言后需重新启动程序。</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="26" />
        <source>Lock the screen when idle for</source>
        <translation>无操作自动锁屏</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <location filename="../../ui/sign_in_dialog.py" line="34" />
        <source>Screen locked</source>
        <translation>屏幕已锁定</translation>
    </message>
    <message>
        <location filename="../../ui/sign_in_dialog.py" line="34" />
        <location filename="../../ui/sign_in_dialog.py" line="41" />
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <location filename="../../ui/sign_in_dialog.py" line="41" />
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
    <message>
        <location filename="../../ui/sign_in_dialog.py" line="46" />
        <source>Body-worn camera footage review workstation</source>
        <translation>执法记录仪视音频回放审查工作站</translation>
    </message>
    <message>
        <location filename="../../ui/sign_in_dialog.py" line="49" />
        <source>Archive: %1</source>
        <translation>档案库：%1</translation>
    </message>
    <message>
        <location filename="../../ui/sign_in_dialog.py" line="50" />
        <source>Login name</source>
        <translation>登录名</translation>
    </message>
    <message>
        <location filename="../../ui/sign_in_dialog.py" line="51" />
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../ui/sign_in_dialog.py" line="72" />
        <source>The archive cannot be reached.</source>
        <translation>无法连接档案库。</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <location filename="../../ui/app.py" line="64" />
        <location filename="../../ui/app.py" line="98" />
        <source>Cannot open the archive</source>
        <translation>无法打开档案库</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="66" />
        <source>Retry</source>
        <translation>重试</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="68" />
        <source>Change connection…</source>
        <translation>更改连接…</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="70" />
        <source>Quit</source>
        <translation>退出</translation>
    </message>
</context>
<context>
    <name>labels</name>
    <message>
        <location filename="../../ui/labels.py" line="10" />
        <source>Footage administrator</source>
        <translation>执法记录仪管理员</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="11" />
        <source>Spot-check reviewer</source>
        <translation>抽查人员</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="12" />
        <source>Unit head</source>
        <translation>单位负责人</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="13" />
        <source>Legal</source>
        <translation>法制</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="14" />
        <source>Inspection</source>
        <translation>督察</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="15" />
        <source>Officer</source>
        <translation>执法人员</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="22" />
        <source>Corps</source>
        <translation>总队</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="23" />
        <source>Detachment</source>
        <translation>支队</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="24" />
        <source>Brigade</source>
        <translation>大队</translation>
    </message>
</context>
</TS>