"""Is a request urgent? The terms say: URGENTE in the email subject.

The subject is compared without case and accents, keyword by keyword, as a
whole word ("urgentemente" is not "urgente"). A keyword that a negation
governs does not count: the negation right before it ("non urgente", "not
urgent", "no urgent action"), or separated from it only by a verb or an
adverb ("non è urgente", "niente di urgente", "not so urgent", "it isn't
really urgent"), or by the noun the keyword qualifies ("non è un problema
urgente", "nessuna richiesta urgente", "non si tratta di una richiesta
urgente", "no urgent issue"). A negation about something else ("URGENTE:
non riesco ad accedere", "non riesco ad accedere, urgente") leaves the
keyword urgent: other words or a punctuation mark between them end the
negation.
"""

import re
import unicodedata

DEFAULT_KEYWORDS = "URGENTE, URGENT"
NEGATIONS = frozenset(
    # Italian
    "non niente nulla nessun nessuna nessuno mai "
    # English
    "not no nothing never".split()
)
# Words that may stand between a negation and the keyword it governs: verbs
# "to be", prepositions and adverbs of degree ("non è più urgente", "nulla di
# così urgente", "not that urgent", "it's not really urgent").
NEGATION_FILLERS = frozenset(
    # Italian
    "e sono era sia sembra c di per un una piu cosi molto troppo tanto "
    "affatto proprio davvero realmente particolarmente estremamente granche "
    "ancora poi si tratta trattasi il lo la uno del della alcun alcuna "
    "alcuno "
    # English
    "is are was be it s a an so that too very really quite super "
    "particularly terribly extremely exactly actually yet at all".split()
)
# Nouns an urgency keyword may qualify ("un problema urgente", "an urgent
# issue"): one of them may stand between the negation and the keyword.
NEGATED_NOUNS = frozenset(
    # Italian
    "problema problemi richiesta richieste questione cosa situazione "
    "intervento caso segnalazione necessita bisogno guasto ticket "
    # English
    "problem request issue matter thing case need".split()
)
# At most this many fillers between a negation and its keyword.
MAX_FILLERS = 4
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


def _plain_words(text):
    """``normalize``, and written forms that hide words made plain: "isn't"
    is "is not", "e'" is "e", "non-urgent" is "non urgent"."""
    text = re.sub(r"[\u2018\u2019\u02bc`]", "'", normalize(text))
    text = re.sub(r"(?<=\w)n't(?!\w)", " not", text)
    text = re.sub(r"(?<=\w)'", " ", text)
    text = re.sub(r"(?<=\w)-(?=\w)", " ", text)
    return " ".join(text.split())


def _negated(before):
    """Whether the text ``before`` a keyword ends with a negation of it."""
    fillers = 0
    noun = False
    for token in reversed(re.findall(r"\w+|[^\w\s]", before)):
        if token in NEGATIONS:
            return True
        if token in NEGATED_NOUNS and not noun:
            # the noun the keyword qualifies: "nessuna richiesta urgente"
            noun = True
            continue
        if token not in NEGATION_FILLERS or fillers >= MAX_FILLERS:
            # another word, or a punctuation mark: the negation is about
            # something else
            return False
        fillers += 1
    return False


def is_urgent(subject, keywords):
    """Whether ``subject`` asks for urgency with one of ``keywords``, as
    whole words wherever they stand (after Re:, R:, Fwd:, I:, Inoltro:…)."""
    text = _plain_words((subject or "")[:MAX_SUBJECT])
    if not text:
        return False
    for keyword in keywords:
        pattern = re.compile(rf"(?<!\w){re.escape(_plain_words(keyword))}(?!\w)")
        for match in pattern.finditer(text):
            if not _negated(text[: match.start()]):
                return True
    return False
