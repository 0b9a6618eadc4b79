"""`interviewer sessions`: list, show, export, re-score, delete and finish saved sessions."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from interviewer.commands.options import add_engine_options
from interviewer.config import careful_model
from interviewer.errors import InterviewerError, StorageError

FIX_LIST = "`interviewer sessions list` shows the session ids"
LARGE_EXPORT_BYTES = 10_000_000  # many mail servers refuse attachments above 10-25 MB


def add_arguments(parser) -> None:
    sub = parser.add_subparsers(dest="sessions_command", metavar="SUBCOMMAND", required=True)
    listing = sub.add_parser("list", help="every saved answer, newest session first")
    listing.add_argument("--json", action="store_true", help="print JSON")
    listing.add_argument("--search", default="", help="only answers whose bank, question or words match")
    show = sub.add_parser("show", help="one session: its answers, figures and transcripts")
    show.add_argument("id", metavar="ID")
    show.add_argument("--json", action="store_true", help="print JSON")
    export = sub.add_parser("export", help="write a report a person can read or send")
    export.add_argument("id", metavar="ID")
    export.add_argument("--format", choices=("md", "html", "json"), default="html")
    export.add_argument("-o", "--output", type=Path, help="file or folder (default: ./<ID>.<format>; - for stdout)")
    export.add_argument("--audio", action="store_true", help="embed the recordings in the HTML (large)")
    export.add_argument("--answer", type=int, action="append", help="only this answer number (repeatable)")
    rescore = sub.add_parser("rescore", help="analyse saved answers again with this version; old results kept")
    rescore.add_argument("id", metavar="ID", nargs="?")
    rescore.add_argument("--all", action="store_true", help="every answer scored by another analysis version")
    delete = sub.add_parser("delete", help="delete a session or one of its answers")
    delete.add_argument("id", metavar="ID")
    delete.add_argument("--answer", type=int, help="only this answer number")
    delete.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    finish = sub.add_parser("finish", help="repair, transcribe and analyse interrupted or failed answers")
    finish.add_argument("id", metavar="ID", nargs="?")
    finish.add_argument("--all", action="store_true", help="every unfinished answer")
    add_engine_options(finish, default=argparse.SUPPRESS)


def run(args, config) -> int:
    from interviewer.domain.storage import SessionStore

    store = SessionStore(Path(config.recordings_dir))
    handlers = {
        "list": _list,
        "show": _show,
        "export": _export,
        "rescore": _rescore,
        "delete": _delete,
        "finish": _finish,
    }
    return handlers[args.sessions_command](args, config, store)


def _load(store, session_id: str):
    try:
        return store.load(session_id)
    except FileNotFoundError as e:
        raise InterviewerError(f"no saved session {session_id!r} in {store.root}", FIX_LIST) from e
    except ValueError as e:
        raise StorageError(str(e), "the session file is damaged; its recordings are still in that folder") from e


def _row_dict(row, current) -> dict:
    from dataclasses import asdict

    summary = asdict(row.summary)
    summary.pop("said")
    return {
        "session": row.session.id,
        "started_at": row.session.started_at,
        "bank": row.session.bank_id,
        "answer": row.answer.number,
        "question": row.answer.question_text,
        "status": row.answer.status,
        "interrupted": row.answer.interrupted,
        "error": row.answer.error,
        "outdated": row.outdated(current),
        **summary,
    }


def _list(args, config, store) -> int:
    from interviewer.reporting.history import current_analysis_version, load_history

    history = load_history(store)
    current = current_analysis_version()
    rows = [r for r in history.rows if r.matches(args.search)]
    if args.json:
        data = {
            "answers": [_row_dict(r, current) for r in rows],
            "disk_bytes": store.disk_usage(),
            "broken": [{"id": b.id, "problem": b.problem} for b in history.broken],
        }
        print(json.dumps(data, indent=2, ensure_ascii=False))
        return 0
    for row in rows:
        print(_row_line(row, current))
    for broken in history.broken:
        print(f"{broken.id}  BROKEN: {broken.problem}")
    print(
        f"{len(rows)} answer(s) in {len({r.session.id for r in rows})} session(s); "
        f"{store.disk_usage() / 1e6:.1f} MB on disk in {store.root}",
        file=sys.stderr,
    )
    return 0


def _row_line(row, current) -> str:
    from interviewer.reporting.marks import fmt_clock

    s = row.summary
    if row.answer.unfinished:
        figures = f"{row.answer.status.upper()}" + (f" ({row.answer.interrupted})" if row.answer.interrupted else "")
    else:
        figures = (
            f"{fmt_clock(s.duration_s)} {s.wpm or 0:>4.0f} wpm {s.fillers_per_min or 0:4.1f} fil/min "
            f"{(s.coverage or 0):>4.0%} cov" + ("  (older analysis)" if row.outdated(current) else "")
        )
    return f"{row.session.id}  #{row.answer.number:<2} {row.answer.question_text[:48]:<48}  {figures}"


def _show(args, config, store) -> int:
    from interviewer.reporting.export import collect, render

    session = _load(store, args.id)
    print(render("json" if args.json else "md", session, collect(store, session)), end="")
    return 0


def _export(args, config, store) -> int:
    from interviewer.domain.storage import safe_name, write_bytes_atomic
    from interviewer.reporting.export import collect, render

    session = _load(store, args.id)
    answers = collect(store, session, args.answer)
    if args.answer and not answers:
        raise InterviewerError(
            f"session {session.id} has no answer {args.answer}", f"see `interviewer sessions show {session.id}`"
        )
    text = render(args.format, session, answers, audio=args.audio)
    if args.output is not None and str(args.output) == "-":
        sys.stdout.write(text)
        return 0
    target = args.output or Path(f"{safe_name(session.id)}.{args.format}")
    if target.is_dir():
        target = target / f"{safe_name(session.id)}.{args.format}"
    try:
        write_bytes_atomic(target, text.encode("utf-8"))
    except OSError as e:
        raise StorageError(f"cannot write {target}: {e.strerror or e}", "choose another place with -o") from e
    size = target.stat().st_size
    print(f"wrote {target} ({size / 1e3:.1f} kB)", file=sys.stderr)
    if size > LARGE_EXPORT_BYTES:
        print("  that is large to send by e-mail: --answer N exports one answer", file=sys.stderr)
    return 0


def _targets(args, store, wanted) -> list:
    if args.all:
        sessions, _ = store.sessions()
    elif args.id:
        sessions = [_load(store, args.id)]
    else:
        raise InterviewerError("say which session, or --all", FIX_LIST)
    return [(s, a) for s in sessions for a in s.answers if wanted(store, s, a)]


def _rescore(args, config, store) -> int:
    from interviewer.reporting.rescore import needs_rescore, rescore_answer

    targets = _targets(args, store, needs_rescore)
    if not targets:
        print("nothing to re-score: every analysed answer is at the installed analysis version", file=sys.stderr)
        return 0
    failed = 0
    for session, answer in targets:
        try:
            result = rescore_answer(store, session, answer)
            print(f"{session.id} #{answer.number}: v{result.old_version} -> v{result.new_version} (both kept)")
        except (OSError, ValueError) as e:
            failed += 1
            print(f"{session.id} #{answer.number}: not re-scored: {e}", file=sys.stderr)
    return 1 if failed else 0


def _delete(args, config, store) -> int:
    session = _load(store, args.id)
    answer = None
    if args.answer is not None:
        answer = next((a for a in session.answers if a.number == args.answer), None)
        if answer is None:
            raise InterviewerError(
                f"session {session.id} has no answer {args.answer}", f"see `interviewer sessions show {session.id}`"
            )
    what = f"answer {answer.number} ({answer.question_text[:40]})" if answer else f"session {session.id}"
    if not args.yes and input(f"Delete {what} and its recording? [y/N] ").strip().lower() not in ("y", "yes"):
        print("nothing deleted", file=sys.stderr)
        return 1
    store.delete_answer(session, answer) if answer else store.delete_session(session)
    print(f"deleted {what}", file=sys.stderr)
    return 0


def _finish(args, config, store) -> int:
    from interviewer import paths
    from interviewer.adapters.engines import build_after_the_fact
    from interviewer.domain.bank import discover_banks
    from interviewer.domain.hearing.prompt import question_glossary
    from interviewer.domain.session import recover_answer

    targets = _targets(args, store, lambda _store, _s, a: a.unfinished)
    if not targets:
        print("no unfinished answers", file=sys.stderr)
        return 0
    transcriber, careful = build_after_the_fact(config.engine, config.model, careful_model(config))
    transcriber.load(lambda text: print(text, file=sys.stderr))
    if careful is not None:
        careful.load(lambda text: print(text, file=sys.stderr))
    banks = {b.id: b for b in discover_banks([paths.shipped_banks_dir(), paths.user_banks_dir()])[0]}
    failed = 0
    for session, answer in targets:
        bank = banks.get(answer.bank_id or session.bank_id)
        glossary = question_glossary(bank, answer.question_text, answer.hint)
        try:
            result = recover_answer(store, session, answer, transcriber, config.pause_threshold_s, glossary, careful)
            print(f"{session.id} #{answer.number}: analysed ({result.analysis.get('recording_s', 0):.0f} s)")
        except Exception as e:  # noqa: BLE001 - the answer is kept as failed with the reason; go on
            failed += 1
            print(f"{session.id} #{answer.number}: could not finish: {e}", file=sys.stderr)
    return 1 if failed else 0
