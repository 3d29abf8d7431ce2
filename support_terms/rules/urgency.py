"""Is a request urgent? The terms say: URGENTE in the email subject.

The subject is compared without case and accents, keyword by keyword, as a
whole word ("urgentemente" is not "urgente"); a keyword right after a
negation ("non urgente", "not urgent") does not count.
"""

import re
import unicodedata

DEFAULT_KEYWORDS = "URGENTE, URGENT"
NEGATIONS = ("non", "not", "no", "nessuna", "niente")
# Subjects longer than this are cut: a keyword lost after it is not a subject.
MAX_SUBJECT = 1000


def normalize(text):
    """Lower case, no accents, single spaces."""
    decomposed = unicodedata.normalize("NFKD", text or "")
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(plain.casefold().split())


def parse_keywords(text):
    """The keywords of a comma- or newline-separated list, normalized."""
    return [
        word for word in (normalize(k) for k in re.split(r"[,;\n]", text or "")) if word
    ]


def is_urgent(subject, keywords):
    """Whether ``subject`` asks for urgency with one of ``keywords``.

    Reply and forward prefixes (Re:, R:, Fwd:, I:, Inoltro:…) need no special
    handling: keywords count wherever they stand, as whole words.
    """
    text = normalize((subject or "")[:MAX_SUBJECT])
    if not text:
        return False
    for keyword in keywords:
        pattern = re.compile(rf"(?<!\w){re.escape(keyword)}(?!\w)")
        for match in pattern.finditer(text):
            before = re.findall(r"\w+", text[: match.start()])
            if not before or before[-1] not in NEGATIONS:
                return True
    return False
