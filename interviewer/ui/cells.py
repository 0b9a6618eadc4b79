"""Table cells as plain Text: never read as markup (a question may hold "[...]"), and faster to add."""

from __future__ import annotations

from rich.text import Text


def plain_cells(*cells: object) -> list[Text]:
    return [Text(str(cell), no_wrap=True) for cell in cells]
