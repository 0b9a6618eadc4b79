"""The accuracy evaluation: spoken answers generated on this machine (espeak-ng and Piper), with exact truth.

`clip` says what one answer is, `clips` (with `clips_precision`, `clips_radiology`, `clips_general`,
`clips_round7` and the tuned-on `clips_legacy`) holds the set and its split into tune and report halves, `voices`
speaks one sentence (cached), `synth` builds an answer's audio and truth, `metrics` compares one
analysis with the truth, `summary` adds clips up into rows, `runner` drives a real Transcriber
through the TUI's own path.
"""
