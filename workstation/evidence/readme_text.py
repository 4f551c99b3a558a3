"""README.txt of the evidence package: what it is and how anyone can check it, in plain Chinese.

The text starts with a byte order mark and uses CRLF line ends: the receiving bodies open it with Notepad,
and the Notepad of Windows 7 and of Windows 10 before 1903 reads UTF-8 without a BOM as GBK (garbled
Chinese) and shows LF-only text as one long line; the BOM is invisible in every newer editor and in
`type`/`more`. Write it as `readme_text(...).encode("utf-8")` with no newline translation.
"""

from workstation.evidence.sheet_facts import case_numbers, files_summary
from workstation.evidence.text import DESCRIPTION_STEM, MANIFEST_SHA256, MANIFEST_SM3, time_text
from workstation.evidence.types import ExportPlan

BOM = "\ufeff"


def readme_text(plan: ExportPlan, manifest_sha256: str, manifest_sm3: str) -> str:
    """The content of README.txt (BOM first, CRLF line ends)."""
    export = plan.export
    lines = [
        f"证据包说明（导出编号 {export.export_no}）",
        "",
        f"导出编号：{export.export_no}",
        f"关联案件：{case_numbers(plan)}",
        f"发送单位：{plan.sending_unit}",
        f"接收单位：{plan.receiving}",
        f"文书编号：{export.document_ref}",
        f"用　　途：{export.purpose}",
        f"提 取 人：{plan.extractor}",
        f"提取时间：{time_text(plan.extracted_at)}",
        f"文　　件：{files_summary(plan)}",
        "",
        "一、这是什么",
        "",
        "本证据包是从执法记录仪视音频档案中提取、固定的电子数据，供接收单位审查使用。包内：",
        "  data/                  原始文件：从档案存储逐字节复制，未经转码、剪辑或任何改动。",
        "  data/derived/          派生文件：由原始文件制作的截图等，仅便于查看，不是原始证据；",
        "                         data/derived/说明.txt 逐一写明每个派生文件的来源。",
        f"  {DESCRIPTION_STEM}.pdf / .xlsx",
        "                         电子数据提取固定清单：每个文件的录制时间、执法记录仪编号、",
        "                         执法人员、单位、地点、校验值，以及审批、标注和审计记录，供打印签字。",
        f"  {MANIFEST_SHA256}    每个文件的 SHA-256 校验值。",
        f"  {MANIFEST_SM3}       每个文件的 SM3 校验值（国家密码杂凑算法，GB/T 32905）。",
        "  tagmanifest-sha256.txt 以上说明文件和清单文件自身的 SHA-256 校验值。",
        "  bagit.txt、bag-info.txt  BagIt（RFC 8493）格式标识和包信息。",
        "  verify_package.py      自动核对程序。",
        "",
        "两份清单文件的摘要（与提取固定清单上印出的数值及二维码一致）：",
        f"  SHA-256（{MANIFEST_SHA256}）= {manifest_sha256}",
        f"  SM3（{MANIFEST_SM3}）      = {manifest_sm3}",
        "",
        "二、如何核对（任选一种）",
        "",
        "方法一：自动核对程序（需要 Python 3，不需要其他软件）",
        "  Windows：双击 verify_package.py；或在本文件夹的地址栏输入 cmd 回车，再运行：",
        "      python verify_package.py",
        "  Linux：在本文件夹运行  python3 verify_package.py",
        "  程序重新计算每个文件的 SHA-256 和 SM3，与两份清单逐一比对，最后显示核对结果；",
        "  全部一致时退出码为 0，有任何不一致时为 1，并列出不一致的文件。",
        "  Windows 版 Python 自带的 OpenSSL 支持 SM3；所用 Python 不支持时，程序改用其内置的 SM3 计算（较慢）。",
        "",
        "方法二：在装有执法记录仪视音频回放审查工作站的电脑上运行：",
        "      workstation evidence verify 证据包路径",
        "",
        "方法三：手工核对",
        "  Windows（命令提示符，系统自带 certutil）：",
        '      certutil -hashfile "data\\文件名" SHA256',
        f"    将显示的值与 {MANIFEST_SHA256} 中该文件一行的值比对（旧版 Windows 每两位之间有空格，",
        "    比对时忽略空格和大小写）。",
        f"  Linux：在本文件夹运行  sha256sum -c {MANIFEST_SHA256}  ，每个文件都应显示 OK（成功）。",
        "  SM3：用 GmSSL 运行  gmssl sm3 < 文件  ，或用 OpenSSL 运行  openssl dgst -sm3 文件  ，",
        f"    与 {MANIFEST_SM3} 比对。",
        f"  清单文件本身：certutil -hashfile {MANIFEST_SHA256} SHA256（或 sha256sum {MANIFEST_SHA256}）",
        "    的结果应等于上面印出的摘要。",
        "",
        "三、发现不一致怎么办",
        "",
        "  任何文件的校验值与清单不符、清单列出的文件缺失、或出现清单中没有的文件，都说明证据包",
        "  在提取之后被改动、损坏或复制不完整。请不要使用该证据包中的文件，保留收到的原介质，",
        "  并与发送单位联系，说明导出编号：",
        f"      发送单位：{plan.sending_unit}",
        f"      提 取 人：{plan.extractor}",
        f"      导出编号：{export.export_no}",
        "  发送单位可依导出编号核查档案中保存的原始文件和导出登记，并重新提供。",
        "",
        f"审计链头（提取时）：{plan.chain_stamp}",
    ]
    return BOM + "\r\n".join(lines) + "\r\n"
