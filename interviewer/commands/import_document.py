"""`interviewer import` (being built)."""

from interviewer.errors import InterviewerError


def add_arguments(parser) -> None:
    pass


def run(args, config) -> int:
    raise InterviewerError("'interviewer import' is not available yet")
