"""Ukrainian grammar for documents: names of communities, authorities and people in the
case a sentence needs (see `declension`, `places`, `persons`)."""
