"""Small inline SVG charts for the HTML report, drawn by plain Python (no plotting library)."""

from __future__ import annotations

from html import escape

from interviewer.reporting.marks import fmt_clock

WIDTH, HEIGHT = 360, 70  # px of each chart


def _svg(body: str, label: str, height: int = HEIGHT) -> str:
    return (
        f'<svg class="chart" role="img" aria-label="{escape(label)}" width="{WIDTH}" height="{height}" '
        f'viewBox="0 0 {WIDTH} {height}" xmlns="http://www.w3.org/2000/svg">{body}</svg>'
    )


def duration_chart(duration_s: float, lo: float, hi: float) -> str:
    """A horizontal scale from 0 to 1.5 x the band's top, the band shaded, the answer as a bar."""
    scale = max(hi * 1.5, duration_s, 1.0)
    x = lambda s: 10 + (WIDTH - 20) * s / scale  # noqa: E731 - a tiny local scale
    inside = lo <= duration_s <= hi
    body = (
        f'<rect x="{x(lo):.1f}" y="8" width="{x(hi) - x(lo):.1f}" height="34" fill="#d8f0d8"/>'
        f'<rect class="answer-bar" x="10" y="18" width="{x(duration_s) - 10:.1f}" height="14" '
        f'fill="{"#3a8f3a" if inside else "#d08a1c"}"/>'
        f'<text x="{x(lo):.1f}" y="58" font-size="11" text-anchor="middle">{fmt_clock(lo)}</text>'
        f'<text x="{x(hi):.1f}" y="58" font-size="11" text-anchor="middle">{fmt_clock(hi)}</text>'
        f'<text x="{min(x(duration_s) + 4, WIDTH - 40):.1f}" y="30" font-size="11">{fmt_clock(duration_s)}</text>'
    )
    return _svg(body, f"answer length {fmt_clock(duration_s)} against a target of {fmt_clock(lo)} to {fmt_clock(hi)}")


def pace_chart(series: list[tuple[float, float]], band: tuple[float, float]) -> str:
    """Words per minute over the answer as a line, the comfortable band shaded."""
    return line_chart(series, band, "pace in words per minute over the answer", "pace-line")


def pitch_chart(series: list[tuple[float, float]], monotone_st: float) -> str:
    """Pitch spread (semitones) per window over the answer, the monotone zone shaded."""
    return line_chart(series, (0.0, monotone_st), "pitch variation in semitones over the answer", "pitch-line")


def line_chart(series: list[tuple[float, float]], band: tuple[float, float], label: str, css_class: str) -> str:
    """`series` of (seconds, value) as a line over a shaded `band`."""
    if len(series) < 2:
        return ""
    t_max = max(t for t, _ in series) or 1.0
    v_max = max(max(v for _, v in series), band[1]) * 1.1
    v_min = min(min(v for _, v in series), band[0]) * 0.85
    v_max = v_max if v_max > v_min else v_min + 1.0
    x = lambda t: 30 + (WIDTH - 40) * t / t_max  # noqa: E731
    y = lambda v: HEIGHT - 12 - (HEIGHT - 20) * (v - v_min) / (v_max - v_min)  # noqa: E731
    points = " ".join(f"{x(t):.1f},{y(v):.1f}" for t, v in series)
    body = (
        f'<rect x="30" y="{y(band[1]):.1f}" width="{WIDTH - 40}" height="{y(band[0]) - y(band[1]):.1f}" '
        f'fill="#e4eefb"/>'
        f'<polyline class="{css_class}" points="{points}" fill="none" stroke="#2a5db0" stroke-width="2"/>'
        f'<text x="2" y="{y(band[1]) + 4:.1f}" font-size="10">{band[1]:.0f}</text>'
        f'<text x="2" y="{y(band[0]) + 4:.1f}" font-size="10">{band[0]:.0f}</text>'
    )
    return _svg(body, label)


def fillers_chart(by_type: dict[str, int]) -> str:
    """One bar per filler type."""
    if not by_type:
        return ""
    items = sorted(by_type.items(), key=lambda kv: (-kv[1], kv[0]))[:6]
    top = max(n for _, n in items) or 1
    row = 16
    body = "".join(
        f'<text x="0" y="{i * row + 12}" font-size="11">{escape(kind)}</text>'
        f'<rect class="filler-bar" x="80" y="{i * row + 3}" width="{(WIDTH - 120) * n / top:.1f}" height="11" '
        f'fill="#e0b400"/><text x="{84 + (WIDTH - 120) * n / top:.1f}" y="{i * row + 12}" font-size="11">{n}</text>'
        for i, (kind, n) in enumerate(items)
    )
    return _svg(body, "fillers by type", height=len(items) * row + 4)
