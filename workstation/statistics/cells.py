"""How the report documents print rates: a percentage with one decimal, or — where there is nothing to divide by."""


def percent(rate: float | None) -> float | None:
    """A table cell: the rate in percent, one decimal (None prints as —)."""
    return round(rate * 100, 1) if rate is not None else None


def percent_text(rate: float | None) -> str:
    """A headline figure: 12.5%, or —."""
    return f"{rate * 100:.1f}%" if rate is not None else "—"
