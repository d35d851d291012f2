"""States of the offers conversation: which typed text it is waiting for."""

SEARCH, DESCRIPTION, VALUE, INTRO, BUTTONS = range(5)
