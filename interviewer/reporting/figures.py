"""The headline figures of an analysis as plain rows, shared by the figures panel and the exports.

Only figures that are in the analysis are shown; a missing key gives no row, never a made-up number.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from interviewer.reporting.marks import fmt_clock

SPARK_CHARS = "▁▂▃▄▅▆▇█"
BAR_WIDTH = 24  # cells of the duration bar


@dataclass(frozen=True)
class Figure:
    """One row: `label` `value` and a `detail` line; `level` is good (a goal reached), ok, warn or bad."""

    key: str
    label: str
    value: str
    detail: str = ""
    level: str = "ok"
    series: tuple[float, ...] = field(default=())
    bar: str = ""  # a text bar of the value against its band (for terminals)


def sparkline(values) -> str:
    numbers = [float(v) for v in values]
    if not numbers:
        return ""
    low, high = min(numbers), max(numbers)
    span = (high - low) or 1.0
    top = len(SPARK_CHARS) - 1
    return "".join(SPARK_CHARS[round((v - low) / span * top)] for v in numbers)


def band_bar(value: float, lo: float, hi: float, width: int = BAR_WIDTH) -> str:
    """`──══●══──` : the target band as `═`, the value as `●`, on a scale from 0 to 1.5 x `hi`."""
    scale = max(hi * 1.5, value, 1.0)
    cells = ["─"] * width
    for i in range(width):
        if lo <= (i + 0.5) / width * scale <= hi:
            cells[i] = "═"
    cells[min(width - 1, int(value / scale * width))] = "●"
    return "".join(cells)


def pace_series(analysis: dict) -> list[float]:
    series = (analysis.get("pace") or {}).get("series") or []
    out = []
    for item in series:
        value = item.get("wpm") if isinstance(item, dict) else item[-1] if isinstance(item, list) else item
        if value is not None:
            out.append(float(value))
    return out


def _duration(analysis: dict) -> Figure | None:
    if "duration_s" not in analysis:
        return None
    duration = float(analysis["duration_s"])
    timing = analysis.get("timing") or {}
    lo, hi = (timing.get("target_s") or [0, 0])[:2]
    verdict = str(timing.get("verdict", ""))
    level = "good" if verdict == "in band" else "ok" if not verdict else "warn"  # analysis.timing's verdicts
    detail = f"target {fmt_clock(lo)}–{fmt_clock(hi)}" if hi else ""
    value = fmt_clock(duration)
    if verdict:
        value += f"  {verdict}"
    over = timing.get("over_s")
    if over:
        value += f" by {abs(float(over)):.0f} s"
    return Figure("duration", "Duration", value, detail, level, bar=band_bar(duration, lo, hi) if hi else "")


def _pace(analysis: dict) -> Figure | None:
    if analysis.get("wpm") is None:
        return None
    series = pace_series(analysis)
    pace = analysis.get("pace") or {}
    detail = f"{analysis.get('words', '?')} words"
    dropped = pace.get("dropped") or []
    if dropped:
        where = ", ".join(fmt_clock(a) for a, _, _ in dropped[:3])
        missing = round(float(pace.get("missing_words", 0)))
        detail += f" (the transcript lacks ~{missing}, heard in the sound at {where})"
    return Figure("pace", "Pace", f"{float(analysis['wpm']):.0f} wpm", detail, series=tuple(series))


def _fillers(analysis: dict) -> Figure | None:
    fillers = analysis.get("fillers")
    if not fillers:
        return None
    by_type = sorted((fillers.get("by_type") or {}).items(), key=lambda kv: (-kv[1], kv[0]))
    detail = ", ".join(f"{kind} {n}" for kind, n in by_type) or "none"
    per_min = float(fillers.get("per_min", 0.0))
    level = "ok" if per_min < 3 else "warn"
    return Figure("fillers", "Fillers", f"{per_min:.1f}/min ({fillers.get('total', 0)})", detail, level)


def _pauses(analysis: dict) -> Figure | None:
    pauses = analysis.get("pauses")
    if not pauses:
        return None
    items = pauses.get("items") or []
    longest = max((float(p["end"]) - float(p["start"]) for p in items), default=0.0)
    detail = f"≥ {float(pauses.get('threshold_s', 0)):.1f} s" + (f", longest {longest:.1f} s" if items else "")
    count = pauses.get("long", len(items))
    return Figure("pauses", "Long pauses", str(count), detail, "ok" if not count else "warn")


def _coverage(analysis: dict) -> Figure | None:
    coverage = analysis.get("coverage")
    if not coverage:
        return None
    points = coverage.get("points") or []
    covered = sum(1 for p in points if p.get("covered"))
    ratio = float(coverage.get("ratio", covered / len(points) if points else 0.0))
    items = [i for p in points for i in p.get("items") or []]
    if len(items) > len(points):
        said = sum(1 for i in items if i.get("covered"))
        detail = f"{covered}/{len(points)} points whole, {ratio:.0%}"
        return Figure("coverage", "Coverage", f"{said}/{len(items)} items", detail, "ok" if ratio >= 0.6 else "warn")
    level = "ok" if ratio >= 0.6 else "warn"
    return Figure("coverage", "Coverage", f"{covered}/{len(points)} points", f"{ratio:.0%}", level)


UNTRUSTED_KEYS = {"pace": "wpm", "fillers": "fillers", "pauses": "pauses", "coverage": "coverage"}


def figures(analysis: dict) -> list[Figure]:
    """The rows; a figure the reliability check distrusts is marked `bad` and says so."""
    untrusted = set((analysis.get("reliability") or {}).get("untrusted") or [])
    rows = []
    for make in (_duration, _pace, _fillers, _pauses, _coverage):
        row = make(analysis)
        if row is None:
            continue
        if UNTRUSTED_KEYS.get(row.key) in untrusted or row.key in untrusted:
            row = Figure(row.key, row.label, row.value + " (unreliable)", row.detail, "bad", row.series, row.bar)
        rows.append(row)
    return rows


def verdict_lines(analysis: dict) -> list[str]:
    verdict = analysis.get("verdict") or {}
    lines = [str(verdict["summary"])] if verdict.get("summary") else []
    return lines + [f"→ {item}" for item in verdict.get("fix_first") or []]


def score_lines(analysis: dict) -> list[str]:
    """`Delivery 7/10`, `Content 6/10`, as the analysis saved them."""
    score = analysis.get("score")
    if not isinstance(score, dict):
        return []
    lines = []
    for key in ("delivery", "content"):
        if score.get(key) is not None:
            lines.append(f"{key.capitalize()} {_score_value(score[key])}")
    return lines


def score_reasons(analysis: dict) -> list[str]:
    score = analysis.get("score")
    reasons = (score.get("reasons") if isinstance(score, dict) else None) or []
    if isinstance(reasons, dict):
        reasons = [r for values in reasons.values() for r in (values if isinstance(values, list) else [values])]
    return [str(reason) for reason in reasons]


SCORE_SCALE = 100  # scores are out of 100 (interviewer.domain.scoring)


def _score_value(value) -> str:
    if isinstance(value, dict):
        value = value.get("value", value.get("score", ""))
    if isinstance(value, (int, float)):
        return f"{value:g}/{SCORE_SCALE}"
    return str(value)


def warnings(analysis: dict) -> list[str]:
    """Reliability warnings: when present, the figures above should not be trusted."""
    reliability = analysis.get("reliability") or {}
    return [str(w) for w in reliability.get("warnings") or []]


def trusted(analysis: dict) -> bool:
    return bool((analysis.get("reliability") or {}).get("ok", True))
