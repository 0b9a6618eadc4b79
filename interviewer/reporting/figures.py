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


def _pitch(analysis: dict) -> Figure | None:
    pitch = analysis.get("pitch")
    if not pitch:
        return None
    if not pitch.get("measured"):
        return Figure("pitch", "Pitch", "not measured", "too little voiced speech", "ok")
    spread, line = float(pitch["spread_st"]), float(pitch.get("threshold_st", 0.0))
    value = f"{spread:.1f} st" + ("  monotone" if pitch.get("monotone") else "")
    detail = f"10-90 % range, monotone under {line:.0f} · median {float(pitch.get('median_hz', 0)):.0f} Hz"
    flattest = pitch.get("flattest")
    if flattest:
        detail += f" · flattest at {fmt_clock(flattest['start'])} ({flattest.get('note', '')})"
    series = tuple(float(item[-1]) for item in pitch.get("series") or [])
    return Figure("pitch", "Pitch", value, detail, "warn" if pitch.get("monotone") else "ok", series)


def _energy(analysis: dict) -> Figure | None:
    energy = analysis.get("energy")
    if not energy:
        return None
    if not energy.get("measured") and not energy.get("trailing"):
        return Figure("energy", "Energy", "not measured", "fewer than 4 sentences", "ok")
    flags = [
        name for name, key in (("flat", "flat"), ("trails off", "trails_off"), ("fades", "dropping")) if energy.get(key)
    ]
    value = f"{float(energy.get('spread_db', 0)):.1f} dB" + "".join(f"  {flag}" for flag in flags)
    trailing = energy.get("trailing") or []
    detail = (
        f"sentence loudness range, flat under {float(energy.get('threshold_db', 0)):.0f} dB · "
        f"{len(trailing)}/{energy.get('sentences', 0)} longer sentences trailed off · "
        f"last third {-float(energy.get('drop_db', 0)):+.1f} dB"
    )
    series = tuple(float(v) for v in energy.get("series") or [])
    return Figure("energy", "Energy", value, detail, "warn" if flags else "ok", series)


def _repetition(analysis: dict) -> Figure | None:
    repetition = analysis.get("repetition")
    if repetition is None:
        return None
    phrases = repetition.get("phrases") or []
    off = [p for p in phrases if not p.get("on_topic")]
    value = ", ".join(f"'{p['text']}' ×{p['count']}" for p in off[:2]) or "none off topic"
    words = repetition.get("top_words") or []
    detail = "most used: " + (", ".join(f"{w['text']} {w['count']}" + (" (topic)" if w.get("on_topic") else "")
                                        for w in words[:4]) or "-")  # fmt: skip
    topic = [p for p in phrases if p.get("on_topic")]
    if topic:
        detail += " · on topic, fine: " + ", ".join(f"'{p['text']}' ×{p['count']}" for p in topic[:2])
    return Figure("repetition", "Repetition", value, detail, "warn" if off else "ok")


def _hedging(analysis: dict) -> Figure | None:
    from interviewer.domain.analysis.verdict import HEDGES_PER_MIN_HIGH  # numpy: not at the first screen

    hedging = analysis.get("hedging")
    if hedging is None:
        return None
    items = hedging.get("items") or []
    counted = [h for h in items if not h.get("excused")]
    kinds: dict[str, int] = {}
    for item in counted:
        kinds[item["kind"]] = kinds.get(item["kind"], 0) + 1
    detail = ", ".join(f"{k} {n}" for k, n in sorted(kinds.items(), key=lambda kv: (-kv[1], kv[0]))) or "none"
    if len(items) > len(counted):
        detail += f" · {len(items) - len(counted)} stating the view asked for, not counted"
    opener = hedging.get("opener")
    if opener:
        detail += f" · opened with '{opener['text']}'"
    per_min = float(hedging.get("per_min", 0.0))
    level = "warn" if per_min > HEDGES_PER_MIN_HIGH or opener else "ok"
    return Figure("hedging", "Hedging", f"{per_min:.1f}/min ({len(counted)})", detail, level)


def _wordiness(analysis: dict) -> Figure | None:
    from interviewer.domain.analysis.wordiness import LONG_IDLE_S

    wordiness = analysis.get("wordiness")
    if not wordiness or not wordiness.get("measured"):
        return None
    longest = wordiness.get("longest_idle")
    seconds = float(wordiness.get("longest_idle_s", 0.0))
    detail = f"{wordiness.get('idle_sentences', 0)}/{wordiness.get('sentences', 0)} sentences carry no hint point"
    if longest:
        detail += f" · longest {seconds:.0f} s at {fmt_clock(longest['start'])}"
    value = f"{float(wordiness.get('idle_share', 0.0)):.0%} off the hint"
    return Figure("wordiness", "Wordiness", value, detail, "warn" if seconds >= LONG_IDLE_S else "ok")


UNTRUSTED_KEYS = {
    "pace": "wpm",
    "fillers": "fillers",
    "pauses": "pauses",
    "coverage": "coverage",
    "hedging": "fillers",
    "repetition": "fillers",
    "wordiness": "coverage",
}
MAKERS = (_duration, _pace, _fillers, _pauses, _coverage, _pitch, _energy, _repetition, _hedging, _wordiness)


def figures(analysis: dict) -> list[Figure]:
    """The rows; a figure the reliability check distrusts is marked `bad` and says so."""
    untrusted = set((analysis.get("reliability") or {}).get("untrusted") or [])
    rows = []
    for make in MAKERS:
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
