"""Exports of a fixed session: Markdown, JSON, and HTML rendered in headless Chromium."""

from __future__ import annotations

import base64
import json
import re
import shutil
import subprocess

import pytest

from interviewer.domain.analysis import ANALYSIS_VERSION
from interviewer.reporting.export import collect, render
from tests.reporting_fixtures import QUESTION, UNSURE_WORD, make_session

CHROMIUM_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip
PROBE = """<script>
const style = (sel) => { const e = document.querySelector(sel); return e ? getComputedStyle(e) : null; };
const report = {
  fillers: [...document.querySelectorAll('mark.filler')].map(e => e.textContent).filter(t => t !== 'filler'),
  filler_bg: style('.transcript mark.filler').backgroundColor,
  pauses: [...document.querySelectorAll('.transcript .pause')].map(e => e.textContent),
  pause_color: style('.transcript .pause').color,
  unsure: [...document.querySelectorAll('.transcript .unsure')].map(e => e.textContent),
  unsure_decoration: style('.transcript .unsure').textDecorationLine,
  charts: [...document.querySelectorAll('svg.chart')].map(e => e.getAttribute('aria-label')),
  chart_heights: [...document.querySelectorAll('svg.chart')].map(e => e.getBoundingClientRect().height),
  hints: [...document.querySelectorAll('ul.hints li')].map(e => e.textContent),
};
document.body.setAttribute('data-probe', JSON.stringify(report));
</script>"""


def _session(tmp_path):
    store, session, answer = make_session(tmp_path / "rec")
    return store, session, answer, collect(store, session)


def test_markdown_has_the_same_highlights_as_the_screen(tmp_path):
    store, session, answer, answers = _session(tmp_path)
    md = render("md", session, answers)
    assert f"## 1. {QUESTION}" in md
    assert "**==um==**" in md and "**==like==**" in md
    assert "`[⏸ 3.2 s]`" in md and f"_{UNSURE_WORD}_?" in md
    assert "- ✓ what you did — at 0:10" in md and "- ✗ what you learned" in md
    assert "| Fillers | ⚠ 6.3/min (2) | like 1, um 1 |" in md


def test_json_holds_every_analysis_version(tmp_path):
    store, session, answer, _ = _session(tmp_path)
    newer = store.latest_analysis(session, answer) | {"analysis_version": 99, "wpm": 130.0}
    store.save_analysis(session, answer, newer, 99)
    data = json.loads(render("json", session, collect(store, session)))
    exported = data["answers"][0]
    assert exported["analysis"]["wpm"] == 130.0
    assert [a["analysis_version"] for a in exported["older_analyses"]] == [ANALYSIS_VERSION]
    assert exported["analysis"]["analysis_version"] == 99
    assert data["session"]["id"] == session.id


def test_html_is_self_contained_and_audio_only_when_asked(tmp_path):
    store, session, answer, answers = _session(tmp_path)
    plain = render("html", session, answers)
    assert "<audio" not in plain and "base64" not in plain
    assert not re.search(r"""(src|href)=["']?(https?:|//)""", plain) and "<link" not in plain
    with_audio = render("html", session, answers, audio=True)
    embedded = re.search(r'src="data:audio/wav;base64,([^"]+)"', with_audio).group(1)
    assert base64.b64decode(embedded) == store.wav_path(session, answer).read_bytes()


@pytest.fixture(scope="module")
def chromium():
    path = shutil.which("chromium")
    assert path, "chromium is needed for the HTML export tests: apt-get install chromium (./dev does it)"
    return path


SEEK_PROBE = """<script>
const word = [...document.querySelectorAll('.transcript [data-t]')].find(e => e.textContent === 'proposed');
word.click();
document.body.setAttribute('data-probe', JSON.stringify(
  {now: document.querySelector('audio').currentTime, word: parseFloat(word.dataset.t)}));
</script>"""


def _rendered_probe(chromium: str, html_path, tmp_path, probe: str = PROBE) -> dict:
    probed = html_path.with_name("probe.html")
    probed.write_text(html_path.read_text(encoding="utf-8").replace("</body>", probe + "</body>"))
    done = subprocess.run(
        [chromium, *CHROMIUM_FLAGS, f"--user-data-dir={tmp_path / 'chromium'}",
         "--autoplay-policy=no-user-gesture-required", "--dump-dom", probed.as_uri()],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    found = re.search(r"data-probe=\"([^\"]+)\"", done.stdout)
    assert found, done.stderr[-2000:]
    return json.loads(found.group(1).replace("&quot;", '"'))


def test_html_renders_with_highlights_in_headless_chromium(tmp_path, chromium):
    from interviewer import cli

    store, session, answer, _ = _session(tmp_path)
    out = tmp_path / "report.html"
    assert cli.main(["--recordings-dir", str(store.root), "sessions", "export", session.id,
                     "--format", "html", "-o", str(out)]) == 0  # fmt: skip
    probe = _rendered_probe(chromium, out, tmp_path)
    assert probe["fillers"] == ["um", "like"]
    assert probe["filler_bg"] == "rgb(255, 224, 102)"  # the yellow of mark.filler
    assert probe["pauses"] == ["[‖ 3.2 s]"] and probe["pause_color"] == "rgb(160, 48, 138)"
    assert probe["unsure"] == [UNSURE_WORD] and "underline" in probe["unsure_decoration"]
    assert len(probe["charts"]) == 3 and all(h > 20 for h in probe["chart_heights"])
    assert probe["hints"][1].startswith("✓ what you did") and probe["hints"][3] == "✗ what you learned"
    shot = tmp_path / "report.png"
    subprocess.run([chromium, *CHROMIUM_FLAGS, f"--user-data-dir={tmp_path / 'chromium'}",
                    "--window-size=1200,900", f"--screenshot={shot}", out.as_uri()],
                   capture_output=True, timeout=120, check=True)  # fmt: skip
    assert shot.stat().st_size > 20_000  # a page with text and charts, not a blank one


def test_html_with_audio_plays_from_the_clicked_word_in_chromium(tmp_path, chromium):
    store, session, answer, answers = _session(tmp_path)
    out = tmp_path / "with-audio.html"
    out.write_text(render("html", session, answers, audio=True), encoding="utf-8")
    probe = _rendered_probe(chromium, out, tmp_path, SEEK_PROBE)
    word = next(w for w in store.latest_analysis(session, answer)["transcript"]["words"] if w["word"] == " proposed")
    assert probe["word"] == pytest.approx(word["start"], abs=0.01)
    assert probe["now"] == pytest.approx(probe["word"], abs=0.01)


def test_hyphenated_words_are_shown_as_written_in_every_export(tmp_path):
    """Whisper splits "cross-validation" into " cross" + "-validation"; a report shows the word."""
    store, session, answer, _ = _session(tmp_path)
    analysis = store.latest_analysis(session, answer)
    words = analysis["transcript"]["words"]
    second = dict(words[1], word="-validation", start=words[1]["start"], end=words[1]["end"])
    analysis["transcript"]["words"] = [dict(words[0], word=" cross"), second, *words[2:]]
    store.save_analysis(session, answer, analysis, analysis["analysis_version"])
    answers = collect(store, session)
    md, html = render("md", session, answers), render("html", session, answers)
    assert "cross-validation" in md and "cross -validation" not in md
    assert re.search(r"cross-validation</span>", html) and "-validation</span>" not in html.replace(
        "cross-validation</span>", ""
    )


def test_an_answer_in_band_is_shown_as_good_in_html_markdown_and_the_tui(tmp_path):
    from interviewer.ui.widgets.figures import render_figures

    store, session, answer, _ = _session(tmp_path)
    analysis = store.latest_analysis(session, answer)
    analysis["duration_s"] = 124.0
    analysis["timing"] = {"target_s": [120, 180], "verdict": "in band", "over_s": 0.0}
    store.save_analysis(session, answer, analysis, analysis["analysis_version"])
    answers = collect(store, session)
    html, md = render("html", session, answers), render("md", session, answers)
    row = re.search(r'<tr class="(\w+)"><th>Duration</th><td>2:04  in band</td>', html)
    assert row and row.group(1) == "good", html[html.find("Duration") - 40 : html.find("Duration") + 60]
    assert "tr.good td:first-of-type { color: #1a7f37; }" in html
    assert "| Duration | ✓ 2:04  in band |" in md
    shown = render_figures(analysis)
    start = shown.plain.index("2:04  in band")
    styles = {str(span.style) for span in shown.spans if span.start <= start < span.end}
    assert "bold green" in styles, styles


def test_exports_show_the_voice_and_wording_figures_with_their_moments(tmp_path):
    from interviewer.domain.storage import SessionStore
    from tests.test_feedback_delivery import saved_analysis

    session, _, _, analysis = saved_analysis(tmp_path)
    answers = collect(SessionStore(tmp_path), session)
    md = render("md", session, answers)
    assert "| Pitch |" in md and "monotone" in md and "| Hedging |" in md and "| Wordiness |" in md
    assert "**Moments**" in md and "hedge 'i think'" in md and "~I~ ~think~" in md
    html = render("html", session, answers)
    flattest = analysis["pitch"]["flattest"]["start"]
    assert f'<li class="pitch" data-t="{flattest:.2f}">' in html
    assert '<span class="hedge"' in html and 'aria-label="pitch variation in semitones over the answer"' in html
    assert json.loads(render("json", session, answers))["answers"][0]["analysis"]["hedging"]["total"] >= 2
