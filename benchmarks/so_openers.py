"""Is "so" a filler or a conjunction? A probe of the final transcript's sentence breaks before "so"
(`hearing/careful.py`, `with_draft_sentence_openers`) on answers no other figure used.

    .venv/bin/python benchmarks/so_openers.py [--half tune|report|both] [--heard DIR] [--show]

Twelve answers of six sentences (espeak-ng en-us, en-gb, en-us+f3, en-gb-scotland, Piper twice), each
with three conjunctions (", so we reweighted": traps) and three sentences opened by a filler "So" ("...
at first. So we walked"), split before anything heard them: six tune, six report, the same voices.
Both hearings (tiny.en draft, base careful) hear each answer in the app's chunks; the transcripts are
kept in DIR (default /tmp/so-openers), so a second run only re-analyses. For the final transcript with
and without the draft's sentence breaks it prints filler "so"s said / found / matched and conjunctions
counted as fillers.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from interviewer.domain.hearing import careful as hearing  # noqa: E402
from interviewer.domain.hearing.recording import transcribe_recording  # noqa: E402
from interviewer.domain.session import analyse_answer  # noqa: E402
from interviewer.domain.transcript import Transcript  # noqa: E402
from interviewer.evaluation.clip import answer  # noqa: E402
from interviewer.evaluation.metrics import compare  # noqa: E402
from interviewer.evaluation.runner import clip_glossary  # noqa: E402
from interviewer.evaluation.synth import synthesize  # noqa: E402

VOICES = [
    ("en-us", 160),
    ("en-gb", 165),
    ("en-us+f3", 150),
    ("piper-joe", 1.0),
    ("en-gb-scotland", 160),
    ("piper-joe", 1.1),
]

TUNE = [
    (
        "The training set had very few positive cases, so we reweighted the loss for the rare class.",
        "The first model overfit badly on the small sites. {So} I cut the number of features in half.",
        "The labels came from three different annotators, so I measured their agreement before training.",
        "Nobody trusted the dashboard at first. {So} we walked the clinicians through ten real cases.",
        "The latency was too high on the old servers, so they moved inference to a smaller model.",
        "Our validation score looked too good. {So} I checked for leakage between patients.",
    ),
    (
        "The scanner vendors changed every year, so I normalised the intensities for each site.",
        "The job failed every night at two. {So} I added retries and an alert.",
        "Most of the notes were written in shorthand, so we built a small dictionary of abbreviations.",
        "The product team wanted a single number. {So} we agreed on recall at a fixed precision.",
        "The data arrived late every Monday, so the pipeline waited for a signal instead of a clock.",
        "The first version was hard to explain. {So} I replaced it with a simple scorecard.",
    ),
    (
        "The memory kept growing during long runs, so I profiled each stage of the loader.",
        "Two hospitals used different codes. {So} we mapped everything to one vocabulary.",
        "The reviewers could not see why a case was flagged, so we showed the top three reasons.",
        "The baseline was already strong. {So} I focused on the cases it missed.",
        "The cluster was shared with other teams, so I scheduled the big jobs overnight.",
        "We had no labels for the new site. {So} we used the old model to pick cases for review.",
    ),
    (
        "The model drifted after the coding change, so we retrained it on the new months.",
        "Our alerts fired far too often. {So} I raised the threshold and grouped the duplicates.",
        "The radiologists were busy, so I asked for only twenty minutes a week.",
        "The features were computed in two places. {So} we moved them into one shared store.",
        "The test set was tiny, so I reported intervals instead of single numbers.",
        "People kept asking for the raw data. {So} I built a small export page.",
    ),
    (
        "The images were very large, so we trained on patches and stitched the results.",
        "The calibration was off for older patients. {So} I fit a separate curve for them.",
        "The contract required every prediction to be logged, so we kept an audit table.",
        "The team had never used the cloud. {So} I wrote a short guide with the common commands.",
        "The experiment took three days to run, so I tested the ideas on a sample first.",
        "Our partner site had different scanners. {So} we held it out as an external test.",
    ),
    (
        "The notes mixed English and Spanish, so I added a language detector up front.",
        "The first pilot confused the nurses. {So} we changed the wording of every alert.",
        "The budget covered only one graphics card, so we kept the model small.",
        "The regulators asked how it would fail. {So} I wrote down the known failure modes.",
        "The queue had thousands of old cases, so they were scored in batches overnight.",
        "Nobody owned the model after launch. {So} I set up a monthly review.",
    ),
]
REPORT = [
    (
        "The survey answers were free text, so I grouped them into themes by hand first.",
        "The model missed small nodules. {So} we added more of them to the training set.",
        "The servers restarted every weekend, so the jobs saved a checkpoint each hour.",
        "The doctors wanted to see the evidence. {So} I highlighted the sentences that mattered.",
        "The vendor changed the file format, so we wrote a converter and tested it on old files.",
        "Our first metric hid the failures. {So} I broke the results down by site.",
    ),
    (
        "The labels were noisy near the boundary, so I dropped the cases with split votes.",
        "The pipeline took six hours. {So} we cached the cleaned tables.",
        "Each hospital kept its own data, so we trained with federated averaging.",
        "The stakeholders disagreed on the goal. {So} I wrote down three options with their costs.",
        "The new feature was expensive to compute, so I checked whether it helped at all.",
        "The model was right but too slow. {So} we distilled it into a smaller one.",
    ),
    (
        "The readmission rate was very low, so accuracy told us almost nothing.",
        "The first dashboard was ignored. {So} I asked the users what they looked at every morning.",
        "Some scans had metal implants, so we flagged them for a human reader.",
        "The manager asked for a date. {So} I gave a range and the risks behind it.",
        "The codes changed in October, so I split the evaluation at that month.",
        "Our interns were new to the tools. {So} we paired each of them with a senior.",
    ),
    (
        "The old model used postcode as a feature, so we removed it and checked the fairness again.",
        "The results were hard to reproduce. {So} I pinned every version and the random seeds.",
        "The nurses worked night shifts, so the alerts had to be quiet and short.",
        "The data had many duplicates. {So} we matched patients on several fields.",
        "The trial ended early, so I reported the interim numbers with a warning.",
        "The review board wanted more detail. {So} we shared the full error analysis.",
    ),
    (
        "The reports were dictated quickly, so the transcripts had many small errors.",
        "Our cost per prediction was too high. {So} I batched the requests.",
        "The partner could not share images, so they sent us only the model updates.",
        "The lead engineer left in March. {So} I documented every step of the pipeline.",
        "The hospital network was slow, so we ran the model on a local machine.",
        "The clinicians wanted fewer false alarms. {So} we tuned for precision.",
    ),
    (
        "The study had only two hundred patients, so I used cross validation instead of one split.",
        "The heatmaps looked convincing but wrong. {So} I tested them by removing the marked regions.",
        "The billing codes lagged by weeks, so we used the notes as an early signal.",
        "The first release broke an old report. {So} we added a test for every report.",
        "The labels cost a lot of money, so I chose the most informative cases to label.",
        "The team argued about the threshold. {So} I showed the trade off on a single chart.",
    ),
]


def conjunctions(script: tuple[str, ...]) -> tuple[str, ...]:
    """The traps: "<word before>, so <word after>" for each conjunction."""
    return tuple(
        f"{before.split()[-1]}, so {after.split()[0]}"
        for before, after in (s.split(", so ", 1) for s in script if ", so " in s)
    )


def probe_clips(halves: tuple[str, ...]):
    for half, scripts in (("tune", TUNE), ("report", REPORT)):
        if half in halves:
            for k, (script, (voice, pace)) in enumerate(zip(scripts, VOICES, strict=True)):
                yield half, answer(f"so-{half}-{k}", "probe/so", "Tell me about a hard project.", "", voice, pace,
                                   script, traps=conjunctions(script))  # fmt: skip


def heard(clip, audio, folder: Path, models: dict) -> tuple[Transcript, Transcript]:
    """(draft, careful) transcripts of `clip`, heard once and kept in `folder`."""
    saved = folder / f"{clip.id}.json"
    if not saved.exists():
        if not models:
            from interviewer.adapters.engines import build_careful_transcriber, build_transcriber

            models["draft"] = build_transcriber("faster-whisper", "tiny.en")
            models["careful"] = build_careful_transcriber("faster-whisper", "base", threads=0)
            for model in models.values():
                model.load(None)
        glossary = clip_glossary(clip)
        pair = {k: transcribe_recording(m, audio, clip.question, clip.hint, glossary) for k, m in models.items()}
        saved.write_text(json.dumps({k: t.to_dict() for k, t in pair.items()}))
    pair = json.loads(saved.read_text())
    return Transcript.from_dict(pair["draft"]), Transcript.from_dict(pair["careful"])


VARIANTS = {
    "without the draft's breaks": lambda careful, draft: hearing.with_confirmed_hesitations(careful, draft),
    "with the draft's breaks (the app)": lambda careful, draft: hearing.final_transcript(careful, draft),
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--half", choices=("tune", "report", "both"), default="tune")
    parser.add_argument("--heard", default="/tmp/so-openers")
    parser.add_argument("--show", action="store_true", help="each answer's counts and both transcripts")
    args = parser.parse_args()
    folder = Path(args.heard)
    folder.mkdir(parents=True, exist_ok=True)
    halves = ("tune", "report") if args.half == "both" else (args.half,)
    totals: dict[tuple[str, str], list[int]] = {}
    models: dict = {}
    for half, clip in probe_clips(halves):
        audio, truth = synthesize(clip)
        draft, careful = heard(clip, audio, folder, models)
        for name, final_of in VARIANTS.items():
            analysis = analyse_answer(final_of(careful, draft), audio, clip.hint, (120, 180), 2.0, clip.question)
            result = compare(clip, truth, analysis, 0.0)
            traps, hits = next(((n, hit) for kind, n, hit in result.traps_by_type if kind == "so"), (0, 0))
            row = [result.fillers_true, result.fillers_found, result.fillers_matched, traps, hits]
            totals[(half, name)] = [a + b for a, b in zip(totals.get((half, name), [0] * 5), row, strict=True)]
            if args.show:
                print(
                    f"{clip.id} {clip.voice} {name}: said {row[0]} found {row[1]} matched {row[2]} traps hit {row[4]}"
                )
        if args.show:
            print(f"  careful: {careful.text}\n  draft:   {draft.text}")
    for (half, name), (said, found, matched, traps, hits) in totals.items():
        print(
            f"{half} {name}: 'So' said {said}, found {found}, matched {matched}; conjunctions {traps}, counted {hits}"
        )


if __name__ == "__main__":
    main()
