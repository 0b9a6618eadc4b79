"""`interviewer score AUDIO`: transcribe and analyse a spoken answer, headless.

The same listening (prompt, jargon, dropped-speech recovery), analysis and score as
the interviewer's feedback screen; the hint comes from `--hint` or a bank question.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from interviewer.config import careful_model
from interviewer.errors import InterviewerError


def add_arguments(parser) -> None:
    parser.add_argument("audio", type=Path, metavar="AUDIO", help="the spoken answer (wav, mp3, flac, ...)")
    source = parser.add_mutually_exclusive_group()
    source.add_argument("--hint", help="what a strong answer covers (the points are scored)")
    source.add_argument("--bank", dest="score_bank", metavar="B", help="take the hint from this bank ...")
    parser.add_argument("--question", metavar="ID", help="... and this question id")
    parser.add_argument("--question-text", default=None, metavar="T", help="the question as asked")
    parser.add_argument("--json", action="store_true", help="print the analysis as one JSON object")
    parser.add_argument("--verbose", action="store_true", help="report loading progress on stderr")


def run(args, config) -> int:
    from interviewer.commands.transcribe import read_audio

    question_text, hint, target_s, glossary = _question(args, config)
    audio = read_audio(args.audio)
    result = score_audio(
        audio,
        question_text,
        hint,
        config.engine,
        config.model,
        target_s,
        config.pause_threshold_s,
        progress=_stderr if args.verbose else None,
        glossary=glossary,
        careful_model=careful_model(config),
    )
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=2))
    else:
        print(human_report(result))
    return 0


def score_audio(
    audio,
    question_text: str,
    hint: str,
    engine: str,
    model: str,
    target_s: tuple[int, int],
    pause_threshold_s: float,
    progress=None,
    glossary: tuple[str, ...] = (),
    careful_model: str = "",
) -> dict:
    """Transcribe `audio` as the interviewer hears an answer (with the careful model too, when one
    is named), then analyse and score it (one dict)."""
    from interviewer.adapters.engines import build_after_the_fact
    from interviewer.domain.hearing.recording import transcribe_recording
    from interviewer.domain.session import analyse_answer

    transcriber, careful = build_after_the_fact(engine, model, careful_model)
    transcriber.load(progress)
    if careful is not None:
        careful.load(progress)
    transcript = transcribe_recording(transcriber, audio, question_text, hint, glossary, careful)
    result = analyse_answer(transcript, audio, hint, target_s, pause_threshold_s, question_text)
    result["engine"], result["model"] = engine, "+".join(m for m in (model, careful_model) if m)
    return result


def _question(args, config) -> tuple[str, str, tuple[int, int], tuple[str, ...]]:
    """(question text, hint, target band, the bank's glossary for it) from --hint or --bank/--question."""
    bank_id = args.score_bank or (config.bank if args.question else "")
    if args.hint is not None:
        if not args.hint.strip():
            raise InterviewerError("--hint is empty", "give the points a strong answer covers")
        if args.question:
            raise InterviewerError("--question goes with --bank, not --hint")
        return args.question_text or "", args.hint, config.target_s, ()
    if not bank_id or not args.question:
        raise InterviewerError(
            "no hint to score against", "give --hint TEXT, or --bank B --question ID (see 'interviewer banks list')"
        )
    from interviewer import paths
    from interviewer.domain.bank import find_bank

    bank = find_bank(bank_id, [paths.shipped_banks_dir(), paths.user_banks_dir()])
    question = bank.question(args.question)
    if question is None:
        known = ", ".join(q.id for q in bank.questions[:12])
        raise InterviewerError(f"bank {bank.id!r} has no question {args.question!r}", f"its questions: {known} ...")
    if not question.hint.strip():
        raise InterviewerError(f"question {question.id!r} of bank {bank.id!r} has no hint", "use --hint TEXT")
    from interviewer.domain.hearing.prompt import question_glossary

    text = args.question_text or question.text
    glossary = question_glossary(bank, question.text, question.hint)
    return text, question.hint, bank.target_for(question, config.target_s), glossary


def human_report(result: dict) -> str:
    from interviewer.reporting.marks import heard_apart

    t, p, f, c, r, s = (result[k] for k in ("timing", "pauses", "fillers", "coverage", "reliability", "score"))
    lo, hi = t["target_s"]
    lines = [
        f"Answer: {result['duration_s']:.1f} s ({t['verdict']}, target {lo}-{hi} s"
        + (f", {t['over_s']:+.0f} s" if t["over_s"] else "")
        + f"), lead-in {result['lead_in_s']:.1f} s",
        f"Pace: {result['wpm']:.0f} words a minute ({result['words']} words, fillers not counted)",
        f"Long pauses (>= {p['threshold_s']:.1f} s): {p['long']}"
        + "".join(f"\n  {x['start']:.1f}-{x['end']:.1f} s" for x in p["items"]),
        f"Fillers: {f['total']} ({f['per_min']:.1f} a minute)"
        + (": " + ", ".join(f"{k} {v}" for k, v in f["by_type"].items()) if f["total"] else ""),
        f"Hint points covered: {sum(x['covered'] for x in c['points'])} of {len(c['points'])}",
    ]
    for point in c["points"]:
        apart = " (its words heard apart)" if heard_apart([point]) else ""
        where = f' at {point["at_s"]:.0f} s: "{point["evidence"]}"{apart}' if point["covered"] else ""
        lines.append(f"  [{'x' if point['covered'] else ' '}] {point['point']}{where}")
    lines += delivery_lines(result)
    lines.append(f"Score: delivery {s['delivery']}/100, content {s['content']}/100")
    lines += [f"  - {reason}" for reason in s["reasons"]]
    if not r["ok"]:
        lines.append("Do not trust: " + ", ".join(r["untrusted"]) + " (" + "; ".join(r["warnings"]) + ")")
    lines.append("Verdict: " + result["verdict"]["summary"])
    lines += [f"  fix first: {item}" for item in result["verdict"]["fix_first"]]
    lines.append(f"Transcript: {result['transcript']['text']}")
    return "\n".join(lines)


def delivery_lines(result: dict) -> list[str]:
    """The voice and wording figures and their moments, as the feedback screen shows them."""
    from interviewer.reporting.figures import figures
    from interviewer.reporting.moments import delivery_moments

    keys = ("pitch", "energy", "repetition", "hedging", "wordiness")
    lines = [f"{f.label}: {f.value} ({f.detail})" for f in figures(result) if f.key in keys]
    moments = delivery_moments(result)
    if moments:
        lines.append("Moments:")
        lines += [f"  {m.when}  {m.label}" + (f': "{m.said}"' if m.said else "") for m in moments]
    return lines


def _stderr(message: str) -> None:
    print(message, file=sys.stderr, flush=True)
