"""Pieces every feature uses: screens, the button codec, the form engine, the place picker."""
