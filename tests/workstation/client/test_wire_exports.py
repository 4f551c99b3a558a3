"""An export's counts travel in the server's answer headers: the ledger's lines marked 与审计日志不符 arrive as
the local export returned them."""

from workstation.client.wire import export_headers, ledger_export_of
from workstation.spotcheck.types import LedgerExport


def test_a_ledger_exports_counts_and_named_reviews_cross_the_wire():
    for written in (LedgerExport(120, 0), LedgerExport(120, 3, (7, 19, 44))):
        assert ledger_export_of(export_headers(written)) == written


def test_the_other_exports_carry_their_row_count():
    assert export_headers(42) == {"X-Row-Count": "42"}
