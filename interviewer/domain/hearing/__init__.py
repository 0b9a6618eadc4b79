"""Hearing: the answer's way from sound to words, one module per step.

signal      frame energy: where the recording holds sound (one detector for every step)
pitch       the voice's F0 every 10 ms (YIN), for monotone and for syllable nuclei
syllables   syllable nuclei: the speaking rate from the sound, and words Whisper dropped
chunker     voice activity and cutting the recording into chunks at pauses
prompt      what Whisper is told: the disfluent style, the bank's glossary, the text so far
recovery    one chunk heard: the prompted pass, dropped speech heard again, lone hesitations
hint_guard  beam search's words, but greedy's where the beam alone wrote a hint term
phantoms    words Whisper wrote that the sound does not hold, and decoder loops
stream      decoding chunk by chunk while the person speaks, and a finished file the same way
stream_info the stream's options, updates and statistics

The analysis (`domain/analysis/`) takes only what hearing gives it: a transcript and the signal levels.
"""
