"""Turning a saved analysis into things people read: marked-up transcript pieces, figures, exports.

Pure Python (stdlib only): the Textual widgets and the md/html/json exports share these, so a
filler highlighted on screen is the same filler highlighted in a report.
"""
