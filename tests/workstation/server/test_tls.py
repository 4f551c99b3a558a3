"""`workstation tls self-signed`: a pair a TLS server loads and a client that pins the certificate trusts."""

import shlex
import socket
import ssl
import stat
import threading
from pathlib import Path
from xml.etree import ElementTree

import pytest
from cryptography import x509

from workstation import cli
from workstation.server import tls

REPOSITORY = Path(__file__).resolve().parents[3]


def test_the_command_writes_a_certificate_and_a_private_key(tmp_path, capsys):
    assert cli.main(["tls", "self-signed", "--out", str(tmp_path / "tls"), "--host", "archive.branch"]) == 0
    certificate = x509.load_pem_x509_certificate((tmp_path / "tls" / "cert.pem").read_bytes())
    names = certificate.extensions.get_extension_for_class(x509.SubjectAlternativeName).value
    assert names.get_values_for_type(x509.DNSName) == ["archive.branch", "localhost"]
    assert stat.S_IMODE((tmp_path / "tls" / "key.pem").stat().st_mode) == 0o600
    assert "SHA-256 指纹" in capsys.readouterr().out


def test_an_ip_address_host_and_a_rerun_replace_the_pair_whole(tmp_path):
    first = tls.self_signed(tmp_path, "10.20.30.40")
    second = tls.self_signed(tmp_path, "10.20.30.40")
    assert first.fingerprint_sha256 != second.fingerprint_sha256
    certificate = x509.load_pem_x509_certificate(second.certificate.read_bytes())
    addresses = certificate.extensions.get_extension_for_class(x509.SubjectAlternativeName).value
    assert [str(a) for a in addresses.get_values_for_type(x509.IPAddress)] == ["10.20.30.40", "127.0.0.1"]
    assert sorted(path.name for path in tmp_path.iterdir()) == ["cert.pem", "key.pem"]


def test_a_client_pinning_the_certificate_completes_a_handshake_and_refuses_another(tmp_path):
    pair = tls.self_signed(tmp_path / "site")
    other = tls.self_signed(tmp_path / "other")
    server_context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    server_context.load_cert_chain(pair.certificate, pair.key)
    with socket.create_server(("127.0.0.1", 0)) as listener:
        port = listener.getsockname()[1]

        def serve_twice() -> None:
            for _ in range(2):
                connection, _ = listener.accept()
                try:
                    with server_context.wrap_socket(connection, server_side=True) as wrapped:
                        wrapped.recv(1)
                except (ssl.SSLError, OSError):
                    connection.close()

        server = threading.Thread(target=serve_twice, daemon=True)
        server.start()
        for pinned, trusted in ((pair.certificate, True), (other.certificate, False)):
            client_context = ssl.create_default_context(cafile=str(pinned))
            with socket.create_connection(("127.0.0.1", port), timeout=10) as raw:
                if trusted:
                    with client_context.wrap_socket(raw, server_hostname="localhost") as wrapped:
                        wrapped.sendall(b"x")
                else:
                    with pytest.raises(ssl.SSLCertVerificationError):
                        client_context.wrap_socket(raw, server_hostname="localhost")
        server.join(10)


def test_an_output_that_is_a_file_is_refused(tmp_path, capsys):
    (tmp_path / "taken").write_text("x")
    assert cli.main(["tls", "self-signed", "--out", str(tmp_path / "taken")]) == 2
    assert "不是文件夹" in capsys.readouterr().err


def test_the_service_definitions_start_the_server_with_arguments_the_program_accepts():
    unit = (REPOSITORY / "installer" / "workstation-server.service").read_text(encoding="utf-8")
    exec_start = next(line for line in unit.splitlines() if line.startswith("ExecStart="))
    winsw = ElementTree.parse(REPOSITORY / "installer" / "workstation-server.xml").getroot()
    for arguments in (shlex.split(exec_start.removeprefix("ExecStart="))[1:], str(winsw.findtext("arguments")).split()):
        parsed = cli.parse_arguments(arguments)
        assert parsed.command == "serve" and parsed.profile  # the service names the archive by its profile
        assert parsed.listen and parsed.tls_cert and parsed.tls_key
