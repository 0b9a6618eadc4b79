"""Practice over time: mock interview plans, attempts compared, spaced review, cuts, progress."""
