"""Shared fixtures live in tests/plugins/, one module per kind of real component."""

pytest_plugins = ["tests.plugins.audio_env", "tests.plugins.whisper_models"]
