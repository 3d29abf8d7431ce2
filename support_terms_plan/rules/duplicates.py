"""Is a new request about the same problem as an open one? The terms ask
"non aprire ticket differenti per il medesimo problema": two subjects are
similar when, once reply prefixes, urgency words, case and accents are set
aside, they share most of their words, or read almost the same.
"""

import re
import unicodedata
from difflib import SequenceMatcher

# Re:, R:, Fwd:, I:, Inoltro:, Rif:, AW:, SV:, TR:, with a counter ([2])
PREFIXES = re.compile(
    r"^\s*(?:(?:re|r|fw|fwd|i|inoltro|rif|aw|sv|tr)\s*(?:\[\d+\])?\s*:\s*)+",
    re.IGNORECASE,
)
# words that say nothing about the problem, in Italian and in English
STOPWORDS = frozenset(
    "il lo la gli le un una uno di del della dei delle per con non che sul "
    "sulla nel nella urgente aiuto problema richiesta assistenza "
    "the and for with not urgent help problem request issue".split()
)
# share at least this part of their words
MIN_SHARED = 0.6
# or read at least this alike, letter by letter
MIN_RATIO = 0.85


def subject_words(subject):
    """The words of ``subject`` that say what the problem is."""
    text = PREFIXES.sub("", subject or "")
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    return [w for w in re.findall(r"\w+", plain) if len(w) > 1 and w not in STOPWORDS]


def similar_subjects(first, second):
    words_a, words_b = subject_words(first), subject_words(second)
    if not words_a or not words_b:
        return False
    set_a, set_b = set(words_a), set(words_b)
    if len(set_a & set_b) / len(set_a | set_b) >= MIN_SHARED:
        return True
    ratio = SequenceMatcher(None, " ".join(words_a), " ".join(words_b)).ratio()
    return ratio >= MIN_RATIO
