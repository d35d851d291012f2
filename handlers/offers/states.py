"""States of the offers conversation besides the posting form's: which typed text it expects.

Every button of the feature is an entry point, so it works whatever state the person is in.
"""

SEARCH = "search"  # words to search for
INTRO = "intro"  # the message of an introduction
WAITING = "waiting"  # only a button: typed text is answered with a hint
