"""Benchmarks a person can run on their own machine (`interviewer bench`). Not part of the domain."""
