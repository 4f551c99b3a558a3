"""Kill -9 a real `workstation ledger export --out FILE` at random moments; FILE is whole or absent.

After every kill the target is either missing or a complete workbook that openpyxl opens, with every sheet
as long as an uninterrupted export's; nothing else is in the folder but at most one hidden partial file
(`.FILE.HOST-PID.partial`), which the next export removes. Every version of the file that appeared has an
audit row: the export is logged before the file takes its name. Half the time the finished file is left
in place, so kills also land while a complete older export is being replaced.
"""

from datetime import date

import pytest
from openpyxl import load_workbook
from sqlalchemy import func, select

from db.models import AuditEvent
from tests.benchmarks.spotcheck_data import load_ledger, record_as_reviewed
from tests.faults.kill import KillClock, kill_generator, kill_points, run, run_and_kill
from tests.helpers.cli_archive import cli_invocation
from workstation.atomic_file import PARTIAL_SUFFIX

KILLS = kill_points(3)
LEDGER_ROWS = 2000
FIRST_DAY = date(2026, 10, 1)


def _sheet_lengths(path) -> dict[str, int]:
    workbook = load_workbook(path, read_only=True)
    try:
        return {sheet.title: sum(1 for _ in sheet.iter_rows(values_only=True)) for sheet in workbook.worksheets}
    finally:
        workbook.close()


def _exports_logged(archive) -> int:
    with archive.sessions.read() as session:
        return session.scalar(select(func.count()).where(AuditEvent.action == "ledger.export"))


@pytest.mark.slow
@pytest.mark.soak
def test_a_killed_ledger_export_leaves_the_whole_file_or_none(archive, database_kind, tmp_path, isolated_config):
    load_ledger(archive.engine, LEDGER_ROWS, seed=20261203, first_day=FIRST_DAY, days=20)
    record_as_reviewed(archive)
    where, env = cli_invocation(database_kind, archive, tmp_path)
    folder = tmp_path / "exports"
    folder.mkdir()
    target = folder / "检查台帐.xlsx"
    export = [*where, "ledger", "export", "--from", "2026-09-01", "--to", "2026-12-31", "--out", str(target)]

    idle, startup = run([*where, "spotcheck", "list", "--date", "2000-01-01"], env, tmp_path)
    assert idle.returncode == 0, idle.stderr
    first, full = run(export, env, tmp_path)
    assert first.returncode == 0, first.stderr
    expected = _sheet_lengths(target)
    assert expected["检查台帐"] > LEDGER_ROWS
    print(f"ledger export: start-up {startup:.2f} s, export of {LEDGER_ROWS} checks {full:.2f} s")
    generator = kill_generator(20261203)
    clock = KillClock(generator, startup, full, KILLS)
    versions = {(target.stat().st_ino, target.stat().st_mtime_ns)}

    kills = runs = 0
    while kills < KILLS:
        runs += 1
        assert runs <= 3 * KILLS + 2, f"only {kills} of {runs} runs were killed before they finished"
        finished = run_and_kill(export, env, tmp_path, clock.moment(), f"ledger export #{runs}")
        if finished is None:
            kills += 1
        else:
            assert finished.returncode == 0, finished.stderr
        others = [path.name for path in folder.iterdir() if path != target]
        assert len(others) <= 1 and all(name.startswith(f".{target.name}.") for name in others), others
        assert all(name.endswith(PARTIAL_SUFFIX) for name in others), others
        whole = target.exists()
        if whole:
            assert _sheet_lengths(target) == expected
            versions.add((target.stat().st_ino, target.stat().st_mtime_ns))
        assert _exports_logged(archive) >= len(versions), "a file appeared without its audit row"
        print(f"  target {'whole' if whole else 'absent'}, partial files {others}")
        if whole and generator.random() < 0.5:
            target.unlink()

    last = run(export, env, tmp_path)[0]
    assert last.returncode == 0, last.stderr
    assert [path.name for path in folder.iterdir()] == [target.name], "the partial files of killed exports are gone"
    assert _sheet_lengths(target) == expected
