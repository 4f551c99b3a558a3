"""The command line's words for every typed error: `describe(error)` gives the plain Chinese message.

Services raise errors carrying a code and data (`workstation.errors`); this is the one place the command
line turns them into sentences. The window has its own, translated catalogue (`ui.common.error_text`);
a test keeps both complete. A code without an entry (which that test prevents) falls back to the
error's neutral form rather than failing while reporting a failure.
"""

from collections.abc import Callable, Mapping
from datetime import datetime

from workstation import clock
from workstation.config import SettingsProblem
from workstation.errors import WorkstationError
from workstation.spotcheck.text import CHECK_ITEM_NAMES, VERDICT_NAMES, percent
from workstation.spotcheck.types import CheckItem, Verdict

Wording = str | Callable[[Mapping[str, object]], str]


def describe(error: WorkstationError) -> str:
    """The Chinese message for `error`: what went wrong and what to do."""
    wording = MESSAGES.get(error.code)
    if wording is None:
        return str(error)
    if callable(wording):
        return wording(error.data)
    fields = {name: _text(value) for name, value in error.data.items()}
    if "badge_no" in error.data and "name" in error.data:  # an officer: 张伟（警号 010203）, or just the 警号
        name, badge_no = fields["name"], fields["badge_no"]
        fields["person"] = f"{name}（警号 {badge_no}）" if name else f"警号 {badge_no}"
    return wording.format(**fields)


def _text(value: object) -> str:
    if isinstance(value, CheckItem):
        return CHECK_ITEM_NAMES[value]
    if isinstance(value, Verdict):
        return VERDICT_NAMES[value]
    if isinstance(value, datetime):
        return clock.format_time(value)
    if isinstance(value, list | tuple | set | frozenset):
        return "、".join(_texts(value)) or "—"
    return str(value)


def _texts(values: object) -> list[str]:
    assert isinstance(values, list | tuple | set | frozenset)
    return [_text(item) for item in values]


_TYPE_WORDS = {"integer": "整数", "number": "数字", "text": "文本", "list": "列表"}


def _problems(data: Mapping[str, object]) -> list[SettingsProblem]:
    problems = data["problems"]
    assert isinstance(problems, list)
    return problems


def _settings_problem(problem: SettingsProblem) -> str:
    """One problem of workstation.toml in Chinese (workstation.config.SettingsProblem)."""
    known = "、".join(problem.expected)
    types = "或".join(_TYPE_WORDS.get(code, code) for code in problem.expected)
    pattern = f"[[ingest.patterns]] 第 {problem.place} 条"
    wordings = {
        "unknown_section": f"未知的设置节 [{problem.place}]（可用：{known}）",
        "not_a_section": f"[{problem.place}] 应是一个设置节",
        "unknown_key": f"[{problem.place}] 中没有设置项 {problem.key}（可用：{known}）",
        "wrong_type": (f"[{problem.place}] {problem.key} 应为{types}，而不是 {problem.value}"),
        "pattern_not_a_table": f"{pattern}应是一个设置表（{known}）",
        "pattern_missing_key": f"{pattern}缺少 {problem.key}",
        "pattern_unknown_key": f"{pattern}中没有设置项 {problem.key}",
        "pattern_not_text": f"{pattern}的 {problem.key} 应为文本",
    }
    return wordings[problem.kind]


def _int(value: object) -> int:
    assert isinstance(value, int)
    return value


MESSAGES: dict[str, Wording] = {
    "ledger_period_invalid": "导出检查台帐需要起止日期，且截止日期不早于起始日期。",
    "unit_code_unknown": "单位代码“{unit_code}”不存在。",
    "ledger_unit_denied": "您无权查看单位 {unit_code} 的检查台帐。",
    "redraw_needs_reason": "重新抽取必须填写理由。",
    "plan_not_found": "抽查方案 {plan_id} 不存在。",
    "plan_superseded": "抽查方案 {plan_id} 已于 {superseded_at} 被重新抽取。",
    "redraw_found_nothing": "该单位在此期间已没有可抽查的录像，未重新抽取。",
    "sample_seeds_used_up": (
        "单位 {unit_code} {day} 的 {count} 个日种子已全部用完，不能再抽取或重新抽取该日；请联系督察处理。"
    ),
    "seed_commitment_broken": (
        "{day} 的日种子与审计日志中序号 {seq} 的种子承诺不符，已拒绝抽取；"
        "请运行 workstation audit verify 并联系管理员。"
    ),
    "spotcheck_unit_denied": "您无权对单位 {unit_code} 进行抽查。",
    "plan_of_other_unit": "您无权查看或处理其他单位的抽查方案。",
    "period_reversed": "抽查期间的截止日期早于起始日期。",
    "period_too_long": "一个抽查方案最多覆盖 {max_days} 天。",
    "findings_extra_invalid": "预筛查加抽的数量应在 0 到 {maximum} 之间。",
    "spotcheck_settings_invalid": "workstation.toml 的 [spotcheck] 设置有误：{detail}",
    "spotcheck_role_denied": "您的角色不能进行回放抽查或查看检查台帐。",
    "item_unavailable": "抽查项 {item_id} 已由其他检查人领取，或已检查、已撤回。",
    "review_clip_missing": "文件 {clip_id} 不存在。",
    "review_item_denied": "您无权检查抽查项 {item_id}。",
    "checklist_unanswered": "请填写检查项：{items}。",
    "problem_missing": "结论为“{verdict}”时必须填写存在问题。",
    "rectification_missing": "结论为“不合格”时必须填写整改要求。",
    "pass_with_failed_items": "检查项“{items}”为“否”，不能判定为“合格”。",
    "speed_implausible": "播放倍速 {speed} 不合理。",
    "item_closed": "抽查项 {item_id} 已检查或已撤回（方案被重新抽取）。",
    "item_claimed": "抽查项 {item_id} 已由其他检查人领取。",
    "duration_unknown": "文件时长未知，无法确认已完整回放，不能判定为“合格”。",
    "pass_on_damaged_file": "该文件不完整（损坏、缺失或校验不符），不能判定为“合格”。",
    "coverage_too_low": lambda data: (
        f"回放覆盖率为 {percent(_int(data['covered_bp']))}，低于判定“合格”所需的 {percent(_int(data['required_bp']))}。"
        "请将该文件完整回放后再提交，或选择其他结论。"
    ),
    "user_unknown_or_inactive": "用户“{login}”不存在或已停用。",
    "system_identity": "“{name}”是系统身份，不能执行需要用户身份的操作。",
    "duty_missing": "您没有此项权限。",
    "clip_action": "您无权对文件 {clip_id} 执行此操作（{action}）。如确需调阅，请提交调阅申请。",
    "played_negative": "播放时长不能为负数。",
    "entry_not_yours": "登记 {entry_id} 不是您的调阅记录。",
    "entry_finished": "登记 {entry_id} 已结束。",
    "export_denied": "您无权导出文件 {clip_id}。如确需调阅，请提交调阅申请。",
    "playback_denied": "您无权播放文件 {clip_id}。如确需调阅，请提交调阅申请。",
    "request_not_needed": "所申请的资料均在您的权限范围内，无需申请。",
    "rejection_needs_reason": "驳回申请时请填写理由。",
    "no_grant_to_revoke": "调阅申请 {request_id} 没有生效中的授权，无法撤销。",
    "revoke_denied": "只有批准单位的负责人可以撤销此授权。",
    "reason_missing": "请填写调阅事由。",
    "reason_too_long": "调阅事由不能超过 {max_chars} 字。",
    "days_out_of_range": "调阅期限应为 1 至 {max_days} 天。",
    "legal_document_missing": "外单位调取须填写法律文书编号。",
    "clips_missing": "请指定要调阅的文件。",
    "officer_period_missing": "请填写警号和有效的起止时间。",
    "case_no_missing": "请填写警情/案件编号。",
    "officer_unknown": "没有警号为 {badge_no} 的执法人员。",
    "clips_unknown": "档案中没有这些文件：{clip_ids}",
    "nothing_matches": "没有符合条件的资料。",
    "too_many_clips": "一次申请最多 {max_clips} 个文件，请缩小范围。",
    "request_not_found": "没有编号为 {request_id} 的调阅申请。",
    "request_decided": "该申请已处理完毕。",
    "own_request": "不能审批本人提交的调阅申请。",
    "not_your_step": "此申请当前不由您审批。",
    "nothing_expired": "没有符合条件、已超过保存期限且未法律保全、未列入其他销毁申请的资料。",
    "clip_already_destroyed": "文件 {clip_id} 已销毁。",
    "clip_unassigned": "文件 {clip_id} 尚未分配单位，无法确定审批单位；请先分配后再申请销毁。",
    "clip_held": "文件 {clip_id} 处于法律保全中（保全编号 {hold_ids}），不能销毁。",
    "clip_requested": "文件 {clip_id} 已列入销毁申请 {request_id}。",
    "clip_not_expired": "文件 {clip_id} 须保存至 {keep_until}，尚未到期，不能销毁。",
    "clip_kept_permanently": "文件 {clip_id} 须永久保存，不能销毁。",
    "unit_unknown": "单位代码“{unit_code}”不存在。",
    "units_unrelated": "所列资料的单位没有共同的上级单位，无法由同一单位审批，请分别申请。",
    "destruction_reason_missing": "请填写筛查情况（销毁事由）。",
    "destruction_reason_too_long": "销毁事由不能超过 {max_chars} 字。",
    "destruction_not_found": "没有编号为 {request_id} 的销毁申请，或您无权查看。",
    "destruction_decided": "销毁申请 {request_id} 已处理（{status}）。",
    "destruction_not_approved": "销毁申请 {request_id} 当前状态为 {status}，只有已批准的申请才能执行。",
    "execute_limit": "每次处理的文件数应至少为 1（当前为 {limit}）。",
    "before_needs_unit": "--before 须与 --unit 一起使用。",
    "destruction_request_denied": "只有执法记录仪管理员可以对本单位及下级单位的资料申请销毁。",
    "scheduler_only": "定期清理只能由计划任务（retention run）执行。",
    "destruction_execute_denied": "执行销毁申请 {request_id} 需要总队执法记录仪管理员的删除权限。",
    "own_destruction_request": "不能审批本人提交的销毁申请。",
    "media_root_unreachable": "无法访问档案存储目录 {folder}（网络共享可能已断开）。请恢复连接后重试，未做任何更改。",
    "clip_destroyed": "文件 {clip_id} 已按审批销毁，只保留销毁记录。",
    "nothing_to_approve": "申请中没有需要审批的资料。",
    "approvers_differ": "所申请的资料分属不同的上级单位，无法由同一单位审批，请分别提交申请。",
    "pattern_invalid": "文件名规则“{name}”不是有效的正则表达式：{detail}",
    "pattern_groups_missing": "文件名规则“{name}”缺少命名分组：{groups}",
    "pattern_field_missing": "文件名规则缺少字段 {field}",
    "ingest_disk_full": (
        "档案存储空间已满，导入已停止。已导入的文件完整有效。请清理或扩容存储后重新导入，将从中断处继续。"
    ),
    "SourceInsideArchive": (
        "导入源“{source}”位于档案库自己的存储目录（{root}）之内，不能从这里导入：其中的文件已经归档，"
        "校验清空会删除原始文件。请选择执法记录仪或采集站的导出文件夹。"
    ),
    "upload_gone": "上传 {upload_id} 已过期，或服务器已接收的数据已丢失。请重新导入（该文件将从头上传）。",
    "upload_not_yours": "上传 {upload_id} 由其他账户开始，您不能继续或完成它。",
    "upload_append_failed": "服务器接收上传 {upload_id} 的一段数据时出错，该段数据未保留；采集站将重新发送。",
    "upload_run_not_yours": "导入批次 {run_id} 由其他账户开始，您不能结束它。",
    "upload_run_not_open": "没有进行中的导入批次 {run_id}。",
    "upload_beyond_size": "上传 {upload_id} 的数据超出了文件大小（{size} 字节），已拒收。",
    "upload_offset_mismatch": "服务器已接收 {expected} 字节，应从该处续传，而不是从第 {offset} 字节处。",
    "upload_incomplete": "上传 {upload_id} 尚未传完（已接收 {received} / {size} 字节），请续传后再完成。",
    "upload_checksum_mismatch": (
        "服务器收到的“{source}”与采集站读取的校验值（SHA-256）不一致：未归档，收到的数据已丢弃。请重新导入该文件。"
    ),
    "upload_spec_invalid": "上传请求无效（{field}）。请更新采集站程序后重试。",
    "category_unknown": "没有类别“{category}”。",
    "categories_admin_only": "只有执法记录仪管理员可以修改标记类别。",
    "category_name_length": "类别名称须为 1 至 {max_chars} 个字符。",
    "category_name_taken": "已有名为“{name}”的类别。",
    "color_invalid": "颜色“{color}”无效，应为 #rrggbb。",
    "clip_not_found": "档案库中没有编号为 {clip_id} 的文件。",
    "clip_not_markable": "只能在视频和音频上标记时间点或片段。",
    "marker_not_found": "标记 {marker_id} 不存在（可能已被删除）。",
    "marker_not_yours": "这个标记由 {author} 添加，只有添加人可以修改或删除。",
    "marker_before_start": "标记时间不能早于文件开头。",
    "span_reversed": "片段的结束时间必须晚于开始时间。",
    "marker_after_end": "标记时间超出了文件的时长。",
    "category_inactive": "类别“{category}”不在当前的标记类别中。",
    "note_too_long": "备注最多 {max_chars} 个字符。",
    "still_not_png": "截图不是有效的 PNG 图像。",
    "still_needs_video": "只能从视频中截取画面。",
    "still_too_large": "截图文件过大。",
    "still_not_found": "截图 {still_id} 不存在。",
    "still_checksum_mismatch": "截图 {still_id} 的校验值不符，数据可能已被改动。",
    "unlink_needs_reason": "取消关联须填写原因。",
    "case_not_linked": "该文件未关联 {case_no}。",
    "password_too_short": "密码至少需要 {min_length} 位。",
    "password_too_long": "密码不能超过 {max_length} 位。",
    "password_is_login": "密码不能与登录名相同。",
    "wrong_credentials": "用户名或密码错误。",
    "account_locked": "账户已被锁定，请于 {until} 后再试，或联系管理员解锁。",
    "password_changed_meanwhile": "密码刚刚被修改，请重新输入。",
    "archive_has_users": "档案库已有用户，请由管理员添加账户。",
    "password_unchanged": "新密码不能与原密码相同。",
    "old_password_wrong": "原密码错误。",
    "reset_own_password": "不能重置自己的密码，请使用“修改密码”。",
    "users_admin_only": "只有执法记录仪管理员可以管理用户账户。",
    "user_not_managed": "用户“{login}”不存在，或不属于您管理的单位。",
    "passwords_differ": "两次输入的密码不一致。",
    "device_gone": "找不到该设备，可能已被其他工作站更改。请刷新后重试。",
    "officer_gone": "找不到该执法人员，可能已被其他工作站更改。请刷新后重试。",
    "unit_gone": "找不到该单位，可能已被其他工作站更改。请刷新后重试。",
    "handover_note_too_long": "交接说明过长（{length} 字），最多 {max_chars} 字。",
    "device_no_missing": "请填写设备编号（不能含空格）。",
    "device_no_too_long": "设备编号过长，最多 {max_chars} 个字符。",
    "serial_too_long": "序列号过长，最多 {max_chars} 个字符。",
    "model_too_long": "型号过长，最多 {max_chars} 个字符。",
    "device_no_taken": "设备编号 {device_no} 已登记，不能重复登记。",
    "devices_admin_only": "只有执法记录仪管理员可以维护设备登记。",
    "device_not_managed": "该设备或人员不属于您管理的单位。",
    "already_holder": "设备 {device_no} 当前已由 {person} 持有，无需交接。",
    "already_in_unit": "{person} 已属于 {unit}。",
    "new_password_required": "设置新密码后才能登录。",
    "database_unreachable": (
        "无法连接档案库数据库（{where}）。请检查网络、服务器是否正常以及用户名和密码是否正确，然后重试。"
    ),
    "database_disk_full": "档案库数据库所在磁盘已满。请清理磁盘空间或联系管理员扩容，然后重试；未完成的操作没有保存。",
    "ArchiveBusy": (
        "档案库数据库（{where}）正被另一个程序写入，等待超时。请稍后重试；若一直如此，"
        "请检查是否有其他程序（如另一台采集站）长时间占用该档案库。"
    ),
    "damaged_per_driver": (
        "档案库数据库文件已损坏（{where}：{detail}）。没有做任何修改。请停止使用该档案库，"
        "由管理员从备份恢复数据库文件后运行“workstation verify”和“workstation audit verify”。"
    ),
    "damaged_header": (
        "档案库数据库文件已损坏（{where}：文件头不是 SQLite 数据库）。没有做任何修改。请停止使用该档案库，"
        "由管理员从备份恢复数据库文件后运行“workstation verify”和“workstation audit verify”。"
    ),
    "damaged_partial_page": (
        "档案库数据库文件已损坏（{where}：文件长度 {size} 字节不是整页）。没有做任何修改。请停止使用该档案库，"
        "由管理员从备份恢复数据库文件后运行“workstation verify”和“workstation audit verify”。"
    ),
    "damaged_truncated": (
        "档案库数据库文件已损坏（{where}：文件被截断（{size} 字节，应至少 {expected} 字节））。没有做任何修改。"
        "请停止使用该档案库，由管理员从备份恢复数据库文件后运行“workstation verify”和“workstation audit verify”。"
    ),
    "archive_not_found": "在 {folder} 找不到档案库（{database}）。请检查路径，或先创建档案库。",
    "ArchiveNeedsUpgrade": (
        "档案库数据库版本为 {current}，本程序需要 {wanted}。请由管理员运行“workstation db upgrade”升级数据库。"
    ),
    "MigrationFailed": (
        "档案库数据库升级失败：{detail}。数据库连接正常，升级未完成的部分没有保存。请把这条信息发给技术支持；"
        "在此之前请继续使用原版本的程序。"
    ),
    "ArchiveTooNew": (
        "档案库（{where}）已由更新版本的程序升级（数据库版本 {revisions}），本程序不能使用。"
        "请安装最新版本的工作站程序后再打开。"
    ),
    "database_unreadable": "无法读取档案库数据库文件 {database}（{detail}）。",
    "profiles_damaged": "连接配置文件 {path} 已损坏，无法读取（{detail}）。请改正或删除该文件，然后重新添加连接配置。",
    "profile_kind_unknown": "未知的档案库类型：{kind}",
    "password_not_saved": (
        "无法把密码保存到系统凭据管理器（{detail}）。连接配置没有保存。请确认本机的凭据管理器（Windows 凭据管理器或 "
        "Secret Service）可用后重试。"
    ),
    "profile_not_found": "没有名为“{name}”的连接配置。请先在连接设置中创建。",
    "profile_is_server": "连接配置“{name}”是档案服务器，不能在本机直接打开档案库；请通过服务器登录。",
    "password_not_read": "无法从系统凭据管理器读取连接“{name}”的密码（{detail}）。请确认凭据管理器可用后重试。",
    "settings_syntax": "配置文件 {path} 有语法错误（{detail}）。请改正后重试。",
    "settings_unreadable": "无法读取配置文件 {path}（{detail}）。",
    "folder_not_private": (
        "无法将档案库文件夹 {folder} 设为仅本账户可访问（icacls：{detail}）。请检查该文件夹所在磁盘的权限后重试。"
    ),
    "demo_officers_out_of_range": "演示执法人员数应在 1 到 {max_officers} 之间",
    "demo_days_out_of_range": "演示天数应在 1 到 {max_days} 之间",
    "DemoArchiveExists": (
        "{folder} 中已有档案库数据（{units} 个单位，{clips} 个文件），演示数据只能建在新的空档案库中。请换一个文件夹。"
    ),
    "output_not_folder": "{path} 不是文件夹，请给出要写入的文件夹。",
    "postgres_profile_incomplete": "PostgreSQL 连接配置需要 --host、--database、--user 和 --media-root。",
    "settings_invalid": lambda data: (
        f"配置文件 {data['path']} 有误：{'；'.join(_settings_problem(p) for p in _problems(data))}。请改正后重试。"
    ),
    "session_missing": "请先登录档案服务器。",
    "session_unknown": "档案服务器不认可当前登录（可能已在别处退出，或连接的是另一台服务器），请重新登录。",
    "session_expired": "登录已过期，请重新登录。",
    "session_ended": "登录已结束（已退出、被管理员撤销或账户已停用），请重新登录。",
    "request_done_answer_lost": "服务器已执行该操作，但结果未能返回，请刷新查看。",
    "request_in_progress": "服务器仍在执行该操作，请稍候刷新。",
    "bad_arguments": "档案服务器拒绝了请求 {call}（{detail}），工作站与服务器的版本可能不一致。",
    "unknown_call": "档案服务器不支持请求 {call}，工作站与服务器的版本可能不一致。",
    "password_change_required": "管理员已重置您的密码，请先修改密码再操作。",
    "server_unreachable": "档案服务器 {server} 无响应，请检查网络和地址后重试。",
    "server_certificate_mismatch": (
        "服务器 {server} 出示的证书与固定信任的证书不符，已拒绝连接。请向管理员核实正确的证书。"
    ),
    "server_answer_invalid": "{server} 的应答不是档案服务器的（HTTP {status}），请检查地址。",
    "pin_unreadable": "无法读取固定信任的证书 {path}（{detail}）。",
    "not_signed_in": "尚未登录 {server}，请先运行 workstation --server {server} login --user 登录名。",
    "user_option_remote": "经档案服务器操作时以登录的用户身份执行，请去掉 --user。",
    "user_option_required": "在本机档案库上操作时，请用 --user 登录名 指定以哪位用户的身份操作。",
    "command_not_remote": "命令 {command} 只能用于本机打开的档案库（--archive 或 --profile），不能经档案服务器执行。",
    "serve_options_missing": (
        "启动服务器需要 --listen 主机:端口、--tls-cert 文件 和 --tls-key 文件（或 workstation.toml 的 [server] 节）。"
    ),
    "listen_address_invalid": "{listen} 不是有效的监听地址，应写作 主机:端口，如 0.0.0.0:8443。",
    "listen_failed": "无法在 {listen} 上监听（{detail}），端口可能已被占用或需要其他权限。",
    "tls_files_unusable": "无法使用 TLS 证书 {certificate} 和私钥 {key}（{detail}）。",
    "serve_workers_invalid": (
        "工作进程数 {workers} 无效，应为 1 到 {most} 之间的整数（--workers 或 [server] workers）。"
    ),
    "WorkerFailed": "档案服务器的第 {number} 个工作进程未能启动（退出码 {exit_code}），服务器已停止；原因见上方日志。",
    "server_option_required": "{command} 需要 --server 地址。",
    "token_not_read": "无法从系统凭据管理器读取登录令牌（{detail}）。",
    "token_not_saved": "无法将登录令牌保存到系统凭据管理器（{detail}）。",
    "server_internal_error": "档案服务器执行该请求时出现内部错误（已记入服务器日志），请告知管理员。",
    "station_account_uploads_only": "采集站账户只能上传记录仪数据，不能进行其他操作，请使用个人账户登录。",
    "UploadInterrupted": "上传时与档案服务器的连接中断，将从中断处继续。",
    "media_file_unavailable": (
        "档案存储中缺少文件 {media_path} 或无法读取，请告知管理员（workstation verify 可查出此类文件）。"
    ),
    "audit_key_missing": (
        "本档案库（编号 {archive}）的审计密钥不在密钥库（{where}）中，没有它既不能"
        "记录也不能校验。请用“workstation audit import-key --fro"
        "m 文件”从备份恢复，或在 [audit] key_file 中指定服务器的密钥文件。"
    ),
    "audit_key_invalid": ("审计密钥库 {where} 已损坏或不是密钥文件，请从备份恢复。"),
    "audit_key_not_saved": ("无法写入审计密钥文件 {where}（{detail}）。请确认该文件夹存在且可写后重试。"),
    "audit_key_store_unavailable": (
        "无法使用系统凭据管理器保存审计密钥（{detail}）。请确认凭据管理器可用，或在 wor"
        "kstation.toml 的 [audit] key_file 中指定密钥文件。"
    ),
    "audit_key_not_in_file": ("文件 {where} 中没有本档案库（编号 {archive}）的审计密钥。"),
    "audit_key_exists": ("密钥库 {where} 中已有本档案库（编号 {archive}）的审计密钥，未作任何更改。"),
    "audit_key_does_not_match": (
        "{where} 中的密钥 {key} 无法校验本档案库的审计日志，不是本档案库的密钥，未作任何更改。"
    ),
    "anchor_malformed": ("“{text}”不是锚点：请按台帐上的打印格式写成 序号:摘要（至少 16 位十六进制）。"),
    "anchor_file_unreadable": ("无法读取锚点文件 {where}（{detail}）。"),
    "anchor_file_malformed": ("锚点文件 {where} 第 {line} 行不是锚点（序号:摘要）。锚点文件只能追加，请从其副本恢复。"),
    "anchor_file_unwritable": ("无法追加写入锚点文件 {where}（{detail}）。请确认存储介质已连接且可写后重试。"),
    "incremental_needs_anchor_file": (
        "--incremental 从锚点文件的最后一个锚点开始校验，请同时用 --anchor 指定锚点文件。"
    ),
    "retention_role": ("只有执法记录仪管理员、单位负责人、法制和督察人员可以查看保存期限与销毁。"),
    "retention_policy_admin": ("只有最高一级单位（总队）的管理员可以修改保存期限规则。"),
    "hold_role": ("只有法制和督察人员可以设置或解除法律保全。"),
    "hold_needs_reason": ("请填写法律保全的理由。"),
    "hold_needs_clips": ("请选择要保全的文件。"),
    "release_needs_reason": ("请填写解除保全的理由。"),
    "hold_not_found": ("没有编号为 {hold_id} 的法律保全。"),
    "hold_released": ("法律保全 {hold_id} 已解除。"),
    "unit_not_in_charge": ("单位 {unit_code} 不在您的管辖范围内。"),
    "policy_change_needs_reason": ("请填写修改保存期限规则的理由。"),
    "base_rule_required": ("基本规则（适用于全部资料）不能删除，可改为其他保存类别。"),
    "class_unknown": ("没有保存类别 {class_code}。可用 workstation retention classes 查看。"),
    "trigger_unknown": ("{trigger} 不是可用的规则（base、important、unit:单位代码、site:…、case:…、marker:…）。"),
    "edit_needs_reason": ("请填写更正理由。"),
    "export_purpose_missing": ("请填写导出用途（事由）。"),
    "export_purpose_too_long": ("导出用途最多 {max_chars} 个字。"),
    "export_document_missing": ("请填写接收单位的法律文书编号（内部使用请填写内部审批编号）。"),
    "export_document_too_long": ("文书编号最多 {max_chars} 个字。"),
    "handover_incomplete": ("请填写移交介质和接收人。"),
    "export_not_yours": ("证据导出 {export_id} 不是您申请的，只有申请人可以制作。"),
    "export_not_completed": ("证据导出 {export_id} 尚未制作完成，请制作完成后再登记移交。"),
    "export_not_found": ("没有编号为 {export_id} 的证据导出。"),
    "export_not_started": ("证据导出 {export_id} 尚未开始制作，请重新执行导出。"),
    "export_files_differ": ("证据导出 {export_id} 的数据包与申请的文件不一致，请重新执行导出。"),
    "export_hash_mismatch": (
        "导出时读取的文件 {clip_id} 与档案记录的 SHA-256 不一致，未登记导出。请运行完整性核验并报告管理员。"
    ),
    "export_awaiting_approval": (
        "该导出正在等待调阅申请 {request_id} 的审批（法制审核后由负责人审批），批准后请再次执行导出。"
    ),
    "export_refused": ("证据导出 {export_id} 未获批准，或批准已撤销、已过期。如仍需要，请重新申请。"),
    "export_already_completed": ("证据导出 {export_id} 已制作完成，请用 workstation evidence list 查看。"),
    "export_body_missing": (
        "请用 --to 指定一个接收单位：检察院（procuratorate）、法院（court）"
        "、纪检监察（supervision）、司法行政（justice）或本单位（internal"
        "）。"
    ),
    "export_period_missing": ("按执法人员导出时，请用 --from 和 --to 给出起止日期（YYYY-MM-DD）。"),
    "export_period_needs_officer": ("--from 和日期形式的 --to 须与 --officer 一起使用。"),
    "export_no_cjk_font": (
        "找不到可嵌入 PDF 提取固定清单的中文 TrueType 字体（已查找：{searched}）。"
        "请在 Windows 上安装宋体（simsun.ttc），或在 Linux 上安装 fonts-wqy-microhei，然后重新导出。"
    ),
    "statistics_unit_denied": ("单位 {unit} 不在您的管辖范围内，只能统计您有权查看的单位。"),
    "report_suffix": ("报表文件应为 .html 或 .xlsx，而不是 {suffix}。"),
    "report_period_reversed": ("--to 早于 --from：请先给起始日期，再给截止日期。"),
    "export_out_exists": "{path} 已存在。请另选文件夹或文件名，未写入任何内容。",
    "export_source_changed": (
        "文件 {clip_id}（{name}）读出的内容与入库时记录的校验值不符，不能导出，未标记为完成。"
        "请检查档案完整性（workstation integrity）。"
    ),
    "export_source_unreadable": (
        "无法读取文件 {clip_id}（{name}）（{detail}）。请检查档案存储后重新导出，将从中断处继续。"
    ),
    "export_disk_full": ("目标位置 {folder} 空间已满。请腾出空间或换用更大的介质后重新导出，将从中断处继续。"),
    "export_file_too_big": (
        "目标位置 {folder} 不能存放这么大的文件（FAT32 格式的 U 盘单个文件最大 4 GB）。"
        "请改用 exFAT 或 NTFS 格式的介质，或选择光盘镜像格式。"
    ),
    "export_out_unwritable": ("无法写入 {folder}（{detail}）。请确认介质已插好且可写，然后重新导出，将从中断处继续。"),
    "export_staging_other": ("{folder} 中是另一次导出未完成的证据包。请另选目标位置，或在确认不再需要后删除该文件夹。"),
    "export_check_failed": (
        "写入的 {path} 在复核时与读出的内容不一致，介质可能有故障。请重新导出（该文件将重新写入），或换用其他介质。"
    ),
    "export_cancelled": "导出已取消。已写入的内容会保留，重新导出即可继续。",
    "export_not_a_package": (
        "{path} 不是证据包（应为根目录下有 bagit.txt 与 manifest-sha256.txt 的文件夹、.zip 或 .iso），或无法读取。"
    ),
    "report_options_missing": ("workstation {action} 须给出 {options}（见 workstation report --help）。"),
    "report_schedule_invalid": (
        "报表任务的运行时间不正确：每天（--daily）、每周（--weekly 1–7，1 为周一）或每月（--monthly 1–28）选其一，"
        "并用 --hour 给出 0–23 时。"
    ),
    "report_task_not_found": ("没有编号为 {task_id} 的报表任务（用 workstation report tasks 查看）。"),
    "report_task_destination": ("报表任务须指定收件人（--mail）或放置文件夹（--drop-folder），二者选其一。"),
    "report_recipient_invalid": ("“{address}”不是电子邮件地址（应为 名称@域名）。"),
    "report_drop_folder_invalid": ("放置文件夹 {folder} 不存在或不是绝对路径：请先创建该文件夹，并给出完整路径。"),
    "report_task_admin_only": ("只有管理员可以设置报表任务，且只能为其管辖的单位设置。"),
    "mail_not_configured": (
        "未配置邮件服务器：请在 workstation.toml 的 [mail] 中设置 host、port、security、sender（需登录时还有 user），"
        "或改用放置文件夹（--drop-folder）。"
    ),
    "mail_settings_incomplete": ("workstation.toml 的 [mail] 不完整：须设置 host 和 sender；保存密码还须设置 user。"),
    "mail_security_unknown": (
        "workstation.toml 的 [mail] security 应为 starttls 或 tls，而不是“{value}”（不支持明文发送）。"
    ),
    "mail_password_unreadable": (
        "无法从系统凭据管理器读取 SMTP 密码（{detail}）。请确认计划任务以保存密码的系统账户运行。"
    ),
    "mail_password_missing": (
        "系统凭据管理器中没有 {user}@{host} 的 SMTP 密码："
        "请以运行计划任务的系统账户执行 workstation report mail-password。"
    ),
    "mail_tls_failed": (
        "与邮件服务器 {host} 的加密连接失败（{detail}）。"
        "如果是单位自建的邮件服务器，请在 [mail] ca_file 中指定其证书或 CA 证书。"
    ),
    "mail_sign_in_failed": (
        "邮件服务器 {host} 拒绝了用户 {user} 的登录（{detail}）：请用 workstation report mail-password 重新保存密码。"
    ),
    "mail_refused": ("邮件服务器 {host} 拒收了报表邮件（{detail}）。请检查收件人地址和发件人设置。"),
    "mail_unreachable": ("无法连接邮件服务器 {host}:{port}（{detail}）。将在下次运行时重试。"),
    "drop_failed": ("无法将报表写入放置文件夹 {folder}（{detail}）。请检查该文件夹是否存在、可写。"),
    # recorder clocks (R3)
    "clock_options_missing": "workstation clock {action} 须给出 {options}（见 workstation clock --help）。",
    "clock_device_unknown": "没有设备编号为 {device_no} 的执法记录仪。",
    "clock_note_too_long": "备注过长（{length} 个字符），最多 {max_chars} 个字符。",
    "clock_offset_too_large": "记录仪 {device_no} 的时钟偏差超过 {max_days} 天：请直接校准记录仪时钟，而不是登记偏差。",
    "clock_clip_not_of_device": "文件 {clip_id} 不是记录仪 {device_no} 录制的：请指定该记录仪的文件。",
    "clock_reason_missing": "请填写时钟校正的原因。",
    "clock_reason_too_long": "原因过长（{length} 个字符），最多 {max_chars} 个字符。",
    "clock_period_reversed": "校正的截止日期早于起始日期。",
    "clock_no_measurements": "记录仪 {device_no} 尚无时钟偏差记录：请先登记一次（workstation clock measure）。",
    "clock_correction_unknown": "没有编号为 {correction_id} 的时钟校正（用 workstation clock show 查看）。",
    "clock_correction_reverted": "时钟校正 {correction_id} 已于 {at} 撤销。",
    "clock_correction_superseded": "时钟校正 {correction_id} 已被同一批文件的后续校正 {later} 覆盖：请先撤销 {later}。",
    # pre-screen (issue 17)
    "prescreen_unit_denied": ("单位 {unit} 不在您的管辖范围内，只能预筛查您有权查看的单位。"),
    "finding_review_denied": (
        "无权复核发现 {finding_id}：只有该单位及其上级单位的管理员、抽查人员和督察人员可以复核（或没有这条发现）。"
    ),
    "prescreen_period_invalid": ("截止日期 {date_to} 早于起始日期 {date_from}。"),
    "finding_note_too_long": ("复核说明太长（最多 {limit} 字）。"),
    "prescreen_scan_unknown": "档案服务器上没有您启动的预筛查扫描 {job_id}（服务器重启后请重新运行）。",
    "prescreen_scan_denied": ("只有单位的执法记录仪管理员可以启动预筛查扫描（采集站账号和其他角色不能）。"),
}
