"""How the answer is heard: from the recorded sound to what the analysis measures (pitch first)."""
