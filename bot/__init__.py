from pathlib import Path

# Packaged data files (legal facts, keywords, demo offers), wherever the module using them lives.
DATA_DIR = Path(__file__).resolve().parent / "data"
