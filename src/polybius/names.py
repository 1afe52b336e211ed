"""The shape of a name that two stages must agree on.

The NLP stage keeps a hyphenated given name one token; the actor stage reads such a token
as part of a person's name even where the small model tags it a common noun.
"""

from __future__ import annotations

import re

__all__ = ["HYPHENATED_GIVEN_NAME"]

# "Jae-in", "Ki-moon", "Ing-wen": two syllables of a given name joined by a hyphen.
HYPHENATED_GIVEN_NAME = re.compile(r"[A-Z][a-z]{1,4}-[a-z]{2,5}")
