"""The pure core: stdlib and numpy only. No UI, audio or ML library is imported here."""
