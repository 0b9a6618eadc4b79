"""The accuracy evaluation: spoken answers generated with espeak-ng, with exact ground truth.

`clips` defines what is said, `synth` turns a clip into audio and its truth, `metrics`
compares the analysis with the truth, `runner` drives a real Transcriber over the set.
"""
