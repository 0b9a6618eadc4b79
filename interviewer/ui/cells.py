"""Bank text as plain Text: never read as markup (a question may hold "[...]"); table cells faster to add."""

from __future__ import annotations

from rich.text import Text


def plain_cells(*cells: object) -> list[Text]:
    return [Text(str(cell), no_wrap=True) for cell in cells]


def plain(*parts: str | tuple[str, str]) -> Text:
    """Bank and answer text as written, with styles: `plain((question, "bold"), "\n", (meta, "dim"))`.
    The one way a screen draws a question, a hint or a bank's title: never read as markup."""
    text = Text()
    for part in parts:
        content, style = (part, "") if isinstance(part, str) else part
        text.append(content, style=style)
    return text
