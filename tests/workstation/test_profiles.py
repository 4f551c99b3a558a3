"""Connection profiles: everything in profiles.json except the password, which goes to the keyring."""

import io

import pytest
from sqlalchemy.engine import make_url

from tests.helpers.cli_archive import postgresql_profile
from workstation import cli
from workstation.cli import messages, target
from workstation.errors import ArchiveUnavailable, ProfileError
from workstation.profiles import KEYRING_SERVICE, Profile, load_profiles, open_profile, save_profile
from workstation.server.tls import self_signed


def test_password_goes_to_the_keyring_never_to_the_file(isolated_config, memory_keyring):
    profile = Profile(
        name="分局", kind="postgresql", host="10.1.2.3", database="archive", user="ws", media_root="/mnt/x"
    )
    save_profile(profile, password="s3cret-口令")

    assert load_profiles() == {"分局": profile}
    assert "s3cret" not in (isolated_config / "profiles.json").read_text(encoding="utf-8")
    assert memory_keyring.get_password(KEYRING_SERVICE, "分局:ws") == "s3cret-口令"


def test_profile_opens_a_postgresql_archive_with_the_keyring_password(postgres_database, tmp_path):
    url = make_url(postgres_database)
    profile = postgresql_profile(url, tmp_path / "media")
    save_profile(profile, password="wrong")
    with pytest.raises(ArchiveUnavailable):
        open_profile("branch")
    save_profile(profile, password=url.password)
    archive = open_profile("branch")
    assert archive.media_root == tmp_path / "media"
    archive.close()


def test_unreachable_server_gives_a_plain_message():
    save_profile(Profile(name="down", kind="postgresql", host="127.0.0.1", port=9, database="x", user="u"), "pw")
    with pytest.raises(ArchiveUnavailable, match="database_unreachable") as caught:
        open_profile("down")
    assert "pw" not in str(caught.value) and "pw" not in messages.describe(caught.value)


def test_unknown_profile():
    with pytest.raises(ProfileError):
        open_profile("nope")


def test_cli_profile_add_reads_the_password_from_stdin(monkeypatch, memory_keyring, capsys):
    monkeypatch.setattr("sys.stdin", io.StringIO("pw-from-stdin\n"))
    arguments = ["profile", "add", "p1", "--host", "db", "--database", "a", "--user", "u", "--media-root", "/m"]
    assert cli.main([*arguments, "--password-stdin"]) == 0
    assert memory_keyring.get_password(KEYRING_SERVICE, "p1:u") == "pw-from-stdin"
    assert cli.main(["profile", "list"]) == 0
    assert "p1\tpostgresql\tu@db:5432/a\t/m" in capsys.readouterr().out


def test_cli_profile_of_an_archive_server_acts_as_server_and_pin(tmp_path, memory_keyring, capsys):
    pin = self_signed(tmp_path / "tls").certificate
    assert cli.main(["profile", "add", "分局服务器", "--server", "https://192.0.2.10:8443/", "--pin", str(pin)]) == 0
    saved = load_profiles()["分局服务器"]
    assert (saved.kind, saved.server, saved.pin) == ("server", "https://192.0.2.10:8443", str(pin.resolve()))
    assert cli.main(["profile", "list"]) == 0
    assert f"分局服务器\tserver\thttps://192.0.2.10:8443\t{pin.resolve()}" in capsys.readouterr().out
    args = cli.parse_arguments(["--profile", "分局服务器", "clips"])
    target.use_server_profile(args)
    assert (args.server, args.pin, args.profile) == ("https://192.0.2.10:8443", pin.resolve(), None)
    assert cli.main(["--profile", "分局服务器", "clips"]) == 2  # through the server: not signed in there yet
    assert "尚未登录 https://192.0.2.10:8443" in capsys.readouterr().err
    with pytest.raises(ProfileError, match="profile_is_server"):
        open_profile("分局服务器")
