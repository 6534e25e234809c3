"""Screening a collector's notes for threatening, abusive or degrading wording.

Collection rules forbid threats, insults and shaming (China's rules on outsourced collection; the
FDCPA's harassment clause). The screen finds listed terms in a note so the user is warned before
saving; the list itself is data (resources/wording/abusive_terms.txt plus the user's own).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable


def _folded(text: str) -> str:
    """Full-width forms folded to their plain forms and case ignored."""
    return unicodedata.normalize("NFKC", text).casefold()


def _matches(term: str, folded_text: str, squeezed_text: str) -> bool:
    folded_term = _folded(term).strip()
    if not folded_term:
        return False
    if re.search(r"[a-z]", folded_term):
        # Latin words match whole words only, any spacing between them: "liar" is not in
        # "familiar", "kill   you" is "kill you".
        words = r"\s+".join(re.escape(word) for word in folded_term.split())
        return re.search(rf"(?<![a-z]){words}(?![a-z])", folded_text) is not None
    # Chinese is written without spaces; spaces typed inside a term do not hide it.
    return re.sub(r"\s+", "", folded_term) in squeezed_text


def parse_terms(lines: Iterable[str]) -> tuple[str, ...]:
    """The terms of a list file: one per line, '#' starts a comment line, blanks ignored."""
    terms = []
    for line in lines:
        stripped = line.strip()
        if stripped and not stripped.startswith("#"):
            terms.append(stripped)
    return tuple(dict.fromkeys(terms))


def flagged_terms(text: str, terms: Iterable[str]) -> tuple[str, ...]:
    """The listed terms found in `text`, in list order, each once."""
    folded = _folded(text)
    squeezed = re.sub(r"\s+", "", folded)
    return tuple(dict.fromkeys(term for term in terms if _matches(term, folded, squeezed)))
