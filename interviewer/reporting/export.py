"""A session as Markdown, a self-contained HTML page, or JSON: the same marks and figures as on screen.

The HTML has its styles and charts inline (SVG) and no external references, so it can be sent
as one file; the recordings are embedded (base64 WAV) only when asked.
"""

from __future__ import annotations

import base64
import json
from dataclasses import asdict, dataclass
from html import escape
from pathlib import Path

from interviewer.domain.storage import AnswerRecord, SessionRecord, SessionStore, in_asked_order
from interviewer.reporting import svg
from interviewer.reporting.figures import figures, score_lines, score_reasons, verdict_lines, warnings
from interviewer.reporting.marks import (
    APART_NOTE,
    FILLER,
    HEDGE,
    PAUSE,
    UNSURE,
    fmt_clock,
    heard_apart,
    hint_points,
    pause_label,
    point_line,
    point_sign,
    point_state,
    transcript_marks,
)
from interviewer.reporting.moments import delivery_moments

FORMATS = ("md", "html", "json")
CSS_FILE = Path(__file__).with_name("report.css")


@dataclass(frozen=True)
class AnswerExport:
    answer: AnswerRecord
    analysis: dict | None
    analyses: list[tuple[int, dict]]
    wav: Path


def collect(store: SessionStore, session: SessionRecord, numbers: list[int] | None = None) -> list[AnswerExport]:
    chosen = [a for a in in_asked_order(session.answers) if not numbers or a.number in numbers]
    out = []
    for answer in chosen:
        analyses = store.analyses(session, answer)
        out.append(
            AnswerExport(answer, analyses[-1][1] if analyses else None, analyses, store.wav_path(session, answer))
        )
    return out


def to_json(session: SessionRecord, answers: list[AnswerExport]) -> str:
    data = {
        "session": session.to_dict(),
        "answers": [
            {"answer": asdict(a.answer), "analysis": a.analysis, "older_analyses": [d for _, d in a.analyses[:-1]]}
            for a in answers
        ],
    }
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def _title(session: SessionRecord) -> str:
    return f"{session.bank_title or session.bank_id} — {session.started_at.replace('T', ' ')}"


# --- Markdown -------------------------------------------------------------------------------


def _md_transcript(analysis: dict) -> str:
    parts = []
    for mark in transcript_marks(analysis):
        if mark.kind == PAUSE:
            parts.append(f"`{pause_label(mark)}`")
        elif mark.kind == FILLER:
            parts.append(f"**=={mark.text}==**")
        elif mark.kind == HEDGE:
            parts.append(f"~{mark.text}~")
        elif mark.kind == UNSURE:
            parts.append(f"_{mark.text}_?")
        else:
            parts.append(mark.text)
    return " ".join(parts)


MD_LEVEL_MARK = {"good": "✓ ", "warn": "⚠ ", "bad": "⚠ "}  # Markdown has no colour: the level as a sign


def _md_answer(item: AnswerExport) -> list[str]:
    a = item.answer
    lines = [f"## {a.number}. {a.title}", ""]
    if item.analysis is None:
        status = a.status + (f" ({a.interrupted})" if a.interrupted else "") + (f": {a.error}" if a.error else "")
        return lines + [f"_Not analysed: {status}._", ""]
    analysis = item.analysis
    lines += [f"> ⚠ {w}" for w in warnings(analysis)] + ([""] if warnings(analysis) else [])
    lines += ["| Figure | Value | |", "|---|---|---|"]
    lines += [f"| {f.label} | {MD_LEVEL_MARK.get(f.level, '')}{f.value} | {f.detail} |" for f in figures(analysis)]
    notes = verdict_lines(analysis) + score_lines(analysis) + score_reasons(analysis)
    lines += [""] + [f"- {line}" for line in notes] + [""]
    lines += ["**Hint points**", ""] + hint_lines(analysis)
    moments = delivery_moments(analysis)
    if moments:
        lines += ["", "**Moments**", ""]
        lines += [f"- {m.when} — {m.label}" + (f": “{m.said}”" if m.said else "") for m in moments]
    lines += [
        "",
        "**Transcript** (==fillers== in bold, ~hedges~, `[⏸ s]` long pauses, _unsure_? words)",
        "",
        _md_transcript(analysis),
        "",
        f"_Analysis version {analysis.get('analysis_version', '?')}._",
        "",
    ]
    return lines


def to_markdown(session: SessionRecord, answers: list[AnswerExport]) -> str:
    engine = f" Engine: {session.engine} {session.model}." if session.engine else ""
    lines = [f"# {_title(session)}", "", f"{len(answers)} answer(s).{engine}", ""]
    for item in answers:
        lines += _md_answer(item)
    return "\n".join(lines)


# --- HTML -----------------------------------------------------------------------------------


def _html_transcript(analysis: dict) -> str:
    spans = []
    for mark in transcript_marks(analysis):
        t = f' data-t="{mark.start:.2f}"'
        if mark.kind == PAUSE:
            spans.append(
                f'<span class="pause"{t} title="silence of {mark.duration:.1f} s">{pause_label(mark, "‖")}</span>'
            )
        elif mark.kind == FILLER:
            spans.append(f'<mark class="filler"{t} title="filler">{escape(mark.text)}</mark>')
        elif mark.kind == HEDGE:
            spans.append(f'<span class="hedge"{t} title="hedge">{escape(mark.text)}</span>')
        elif mark.kind == UNSURE:
            spans.append(
                f'<span class="unsure"{t} title="Whisper was unsure of this word '
                f'(probability {mark.probability:.2f})">{escape(mark.text)}</span>'
            )
        else:
            spans.append(f'<span class="w"{t}>{escape(mark.text)}</span>')
    return " ".join(spans)


def _html_charts(analysis: dict) -> str:
    from interviewer.domain.analysis.verdict import PACE_BAND_WPM

    charts = []
    timing = analysis.get("timing") or {}
    if "duration_s" in analysis and timing.get("target_s"):
        lo, hi = timing["target_s"][:2]
        charts.append(("Length against the target", svg.duration_chart(float(analysis["duration_s"]), lo, hi)))
    series = [
        (float(p[0]), float(p[1]))
        for p in (analysis.get("pace") or {}).get("series") or []
        if isinstance(p, (list, tuple))
    ]
    if series:
        charts.append(("Pace over the answer (wpm)", svg.pace_chart(series, PACE_BAND_WPM)))
    pitch = analysis.get("pitch") or {}
    if len(pitch.get("series") or []) > 1:
        points = [(float(t), float(v)) for t, v in pitch["series"]]
        chart = svg.pitch_chart(points, float(pitch.get("threshold_st", 2.0)))
        window = float(pitch.get("window_s") or 10.0)
        charts.append((f"Pitch variation per {window:.0f} s (semitones; shaded: monotone)", chart))
    by_type = (analysis.get("fillers") or {}).get("by_type") or {}
    if by_type:
        charts.append(("Fillers by type", svg.fillers_chart(by_type)))
    return "".join(
        f"<figure>{chart}<figcaption>{escape(caption)}</figcaption></figure>" for caption, chart in charts if chart
    )


def _html_figures(analysis: dict) -> str:
    rows = "".join(
        f'<tr class="{f.level}"><th>{escape(f.label)}</th><td>{escape(f.value)}</td><td>{escape(f.detail)}</td></tr>'
        for f in figures(analysis)
    )
    lines = verdict_lines(analysis) + score_lines(analysis) + score_reasons(analysis)
    notes = "".join(f"<li>{escape(line)}</li>" for line in lines)
    alert = "".join(f'<p class="warning">⚠ {escape(w)}</p>' for w in warnings(analysis))
    return f'{alert}<table class="figures">{rows}</table><ul class="notes">{notes}</ul>'


def hint_lines(analysis: dict) -> list[str]:
    """The hint points as Markdown list lines, each with its sign and when it was said."""
    lines = []
    for p in hint_points(analysis):
        when = f" — at {fmt_clock(p.get('at_s'))}" if p.get("at_s") is not None else ""
        lines.append(f"- {point_sign(p)} {point_line(p)}{when}")
    if heard_apart(hint_points(analysis)):
        lines.append(f"- _{APART_NOTE}_")
    return lines


def _html_hints(analysis: dict) -> str:
    items = []
    for p in hint_points(analysis):
        state, at = point_state(p), p.get("at_s")
        when = f' data-t="{at:.2f}"' if at is not None else ""
        clock = f' <span class="at">{fmt_clock(at)}</span>' if at is not None else ""
        items.append(f'<li class="{state}"{when}>{point_sign(p)} {escape(point_line(p))}{clock}</li>')
    if heard_apart(hint_points(analysis)):
        items.append(f'<li class="note">{escape(APART_NOTE)}</li>')
    return f'<ul class="hints">{"".join(items)}</ul>' if items else ""


def _html_moments(analysis: dict) -> str:
    items = []
    for m in delivery_moments(analysis):
        times = " ".join(f'<span class="at" data-t="{t:.2f}">{fmt_clock(t)}</span>' for t in (m.start, *m.also_at))
        said = f" <q>{escape(m.said)}</q>" if m.said else ""
        items.append(f'<li class="{m.figure}" data-t="{m.start:.2f}">{times} {escape(m.label)}{said}</li>')
    return f'<h3>Moments</h3><ul class="moments">{"".join(items)}</ul>' if items else ""


def _html_audio(wav: Path) -> str:
    if not wav.exists():
        return '<p class="note">The recording is missing.</p>'
    data = base64.b64encode(wav.read_bytes()).decode("ascii")
    return f'<audio controls preload="metadata" src="data:audio/wav;base64,{data}"></audio>'


def _html_answer(item: AnswerExport, audio: bool) -> str:
    a = item.answer
    head = f'<section class="answer" id="answer-{a.number}"><h2>{a.number}. {escape(a.title)}</h2>'
    if item.analysis is None:
        status = a.status + (f" ({a.interrupted})" if a.interrupted else "")
        return head + f'<p class="note">Not analysed: {escape(status)}.</p></section>'
    analysis = item.analysis
    player = _html_audio(item.wav) if audio else ""
    return (
        f'{head}{player}<div class="grid"><div class="transcript">{_html_transcript(analysis)}</div>'
        f'<div class="side">{_html_figures(analysis)}{_html_hints(analysis)}{_html_moments(analysis)}</div></div>'
        f'<div class="charts">{_html_charts(analysis)}</div>'
        f'<p class="version">Analysis version {escape(str(analysis.get("analysis_version", "?")))}</p></section>'
    )


SEEK_SCRIPT = """<script>
document.querySelectorAll('section.answer').forEach(function (s) {
  var audio = s.querySelector('audio'); if (!audio) return;
  s.addEventListener('click', function (e) {
    var t = e.target.closest('[data-t]'); if (!t) return;
    audio.currentTime = parseFloat(t.dataset.t); audio.play();
  });
});
</script>"""


def to_html(session: SessionRecord, answers: list[AnswerExport], audio: bool = False) -> str:
    body = "".join(_html_answer(item, audio) for item in answers)
    title = escape(_title(session))
    engine = f" · transcribed by {escape(session.engine)} {escape(session.model)}" if session.engine else ""
    legend = (
        '<p class="legend"><mark class="filler">filler</mark> <span class="hedge">hedge</span> '
        '<span class="pause">[‖ s]</span> long pause '
        '<span class="unsure">unsure</span> word Whisper was unsure of'
        + (" · click a word to hear it" if audio else "")
        + "</p>"
    )
    return (
        f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{title}</title>'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<style>{CSS_FILE.read_text(encoding='utf-8')}</style></head><body>"
        f"<header><h1>{title}</h1><p>{len(answers)} answer(s){engine}</p>{legend}</header>"
        f"{body}{SEEK_SCRIPT if audio else ''}</body></html>\n"
    )


def render(fmt: str, session: SessionRecord, answers: list[AnswerExport], audio: bool = False) -> str:
    if fmt == "json":
        return to_json(session, answers)
    if fmt == "md":
        return to_markdown(session, answers)
    return to_html(session, answers, audio)
