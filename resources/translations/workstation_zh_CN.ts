<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>ClipTableModel</name>
    <message>
        <location filename="../../ui/clip_table_model.py" line="20" />
        <source>Recorded</source>
        <translation>录制时间</translation>
    </message>
    <message>
        <location filename="../../ui/clip_table_model.py" line="21" />
        <source>Duration</source>
        <translation>时长</translation>
    </message>
    <message>
        <location filename="../../ui/clip_table_model.py" line="22" />
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../ui/clip_table_model.py" line="23" />
        <source>Officer</source>
        <translation>执法人员</translation>
    </message>
    <message>
        <location filename="../../ui/clip_table_model.py" line="24" />
        <source>Badge no.</source>
        <translation>警号</translation>
    </message>
    <message>
        <location filename="../../ui/clip_table_model.py" line="25" />
        <source>Device</source>
        <translation>设备编号</translation>
    </message>
    <message>
        <location filename="../../ui/clip_table_model.py" line="26" />
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../ui/clip_table_model.py" line="27" />
        <source>File</source>
        <translation>文件名</translation>
    </message>
    <message>
        <location filename="../../ui/clip_table_model.py" line="28" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/clip_table_model.py" line="31" />
        <source>Video</source>
        <translation>视频</translation>
    </message>
    <message>
        <location filename="../../ui/clip_table_model.py" line="32" />
        <source>Audio</source>
        <translation>音频</translation>
    </message>
    <message>
        <location filename="../../ui/clip_table_model.py" line="33" />
        <source>Photo</source>
        <translation>照片</translation>
    </message>
    <message>
        <location filename="../../ui/clip_table_model.py" line="34" />
        <source>Log</source>
        <translation>日志</translation>
    </message>
    <message>
        <location filename="../../ui/clip_table_model.py" line="37" />
        <source>OK</source>
        <translation>正常</translation>
    </message>
    <message>
        <location filename="../../ui/clip_table_model.py" line="38" />
        <source>Damaged</source>
        <translation>已损坏</translation>
    </message>
    <message>
        <location filename="../../ui/clip_table_model.py" line="39" />
        <source>Incomplete</source>
        <translation>不完整</translation>
    </message>
    <message>
        <location filename="../../ui/clip_table_model.py" line="40" />
        <source>Missing</source>
        <translation>缺失</translation>
    </message>
    <message>
        <location filename="../../ui/clip_table_model.py" line="41" />
        <source>Hash mismatch</source>
        <translation>校验不符</translation>
    </message>
    <message>
        <location filename="../../ui/clip_table_model.py" line="43" />
        <source>Unassigned</source>
        <translation>待分配</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="21" />
        <source>Body-worn camera footage review workstation</source>
        <translation>执法记录仪视音频回放审查工作站</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="31" />
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="33" />
        <source>Archive: %1</source>
        <translation>档案库：%1</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="49" />
        <source>%1 files in the archive, newest %2 shown</source>
        <translation>档案库共 %1 个文件，显示最新 %2 个</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="53" />
        <source>Could not read the archive: %1</source>
        <translation>无法读取档案库：%1</translation>
    </message>
</context>
<context>
    <name>run_gui</name>
    <message>
        <location filename="../../ui/app.py" line="48" />
        <source>Cannot open the archive</source>
        <translation>无法打开档案库</translation>
    </message>
</context>
</TS>