"""TLS for the branch archive server: a self-signed certificate and key for a test site.

`workstation tls self-signed --out DIR [--host NAME]` writes `cert.pem` and `key.pem`. The workstations
pin the certificate (`--pin cert.pem`), so no certificate authority is involved: a client accepts exactly
this certificate and no other. A production site may use its own CA's certificate the same way.
"""

import ipaddress
import os
from dataclasses import dataclass
from datetime import UTC, timedelta
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from workstation import clock
from workstation.atomic_file import replacing
from workstation.errors import BadOutputPath

CERTIFICATE_FILE = "cert.pem"
KEY_FILE = "key.pem"
VALID_DAYS = 825
"""The longest validity common clients accept for a server certificate."""


@dataclass(frozen=True)
class CertificatePair:
    certificate: Path
    key: Path
    fingerprint_sha256: str


def self_signed(folder: Path, host: str = "localhost") -> CertificatePair:
    """Write a new P-256 key and a self-signed server certificate for `host` (a name or an IP address;
    `localhost` and 127.0.0.1 are always included) into `folder`. The key is readable by its owner only.
    An existing pair in the folder is replaced whole, never half."""
    if folder.exists() and not folder.is_dir():
        raise BadOutputPath("output_not_folder", path=str(folder))
    folder.mkdir(parents=True, exist_ok=True)
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, host)])
    now = clock.now().replace(tzinfo=clock.ARCHIVE_ZONE).astimezone(UTC)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(minutes=5))
        .not_valid_after(now + timedelta(days=VALID_DAYS))
        .add_extension(x509.SubjectAlternativeName(_alternative_names(host)), critical=False)
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(x509.ExtendedKeyUsage([x509.oid.ExtendedKeyUsageOID.SERVER_AUTH]), critical=False)
        .sign(key, hashes.SHA256())
    )
    key_path, certificate_path = folder / KEY_FILE, folder / CERTIFICATE_FILE
    with replacing(key_path) as partial:
        partial.write_bytes(
            key.private_bytes(
                serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
            )
        )
        os.chmod(partial, 0o600)
    with replacing(certificate_path) as partial:
        partial.write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
    return CertificatePair(certificate_path, key_path, certificate.fingerprint(hashes.SHA256()).hex(":"))


def _alternative_names(host: str) -> list[x509.GeneralName]:
    names: list[x509.GeneralName] = [x509.DNSName("localhost"), x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        if host != "localhost":
            names.insert(0, x509.DNSName(host))
    else:
        if str(address) != "127.0.0.1":
            names.insert(0, x509.IPAddress(address))
    return names
