"""The main menu's button, which every feature's screens offer as the way home."""

from __future__ import annotations

from handlers.shared.buttons import Button, button


@button("menu:home")
class MainMenu(Button):
    """Back to the main menu (answered by the account feature)."""
