from odoo.tests import BaseCase, tagged

from odoo.addons.support_terms_sla.rules.urgency import (
    DEFAULT_KEYWORDS,
    is_urgent,
    normalize,
    parse_keywords,
)

KEYWORDS = parse_keywords(DEFAULT_KEYWORDS)


@tagged("post_install", "-at_install")
class TestUrgencyRules(BaseCase):
    def test_keywords(self):
        self.assertEqual(KEYWORDS, ["urgente", "urgent"])
        self.assertEqual(parse_keywords(" Urgènte ;\n  , SOS "), ["urgente", "sos"])
        self.assertEqual(parse_keywords("  ,  "), [])
        self.assertEqual(normalize("  ÙRGÉNTE  subito "), "urgente subito")

    def test_urgent_subjects(self):
        for subject in (
            "URGENTE: sito down",
            "Re: urgente!!",
            "R: [URGENTE] posta",
            "I: Inoltro: Urgènte - pagamenti",
            "Fwd: URGENT site down",
            "sito down - urgente",
            "urgente, non funziona nulla",
            "non funziona, problema urgente",
        ):
            with self.subTest(subject=subject):
                self.assertTrue(is_urgent(subject, KEYWORDS))

    def test_not_urgent_subjects(self):
        for subject in (
            "Non urgente: domanda",
            "not urgent: question",
            "non è un problema urgente",
            "Nessuna richiesta urgente",
            "non si tratta di una richiesta urgente",
            "Non c'è nessun problema urgente",
            "it is not an urgent issue",
            "urgentemente",
            "insurgente",
            "",
            None,
            "Domanda sul fatturato",
        ):
            with self.subTest(subject=subject):
                self.assertFalse(is_urgent(subject, KEYWORDS))

    def test_long_subject(self):
        self.assertTrue(is_urgent("URGENTE " + "x" * 10_000, KEYWORDS))
        self.assertFalse(is_urgent("x " * 5_000 + "URGENTE", KEYWORDS))

    def test_negation_only_spoils_its_own_keyword(self):
        self.assertTrue(is_urgent("non urgente? anzi: URGENTE davvero", KEYWORDS))

    def test_html_is_just_text(self):
        self.assertTrue(is_urgent("<b>URGENTE</b> sito", KEYWORDS))
        self.assertFalse(is_urgent("<urgentemente>", KEYWORDS))


@tagged("post_install", "-at_install")
class TestUrgencyNegations(BaseCase):
    """A negation before the keyword, possibly with a verb or an adverb between
    them, says the request is not urgent; a negation elsewhere in the subject
    says nothing about the urgency."""

    def assertNotUrgent(self, subject):
        self.assertFalse(is_urgent(subject, KEYWORDS), subject)

    def assertUrgent(self, subject):
        self.assertTrue(is_urgent(subject, KEYWORDS), subject)

    def test_subject_non_e_urgente_is_not_urgent(self):
        self.assertNotUrgent("Non è urgente: cambio logo")
        self.assertNotUrgent("Non e' urgente: cambio logo")
        self.assertNotUrgent("NON È URGENTE")

    def test_subject_niente_di_urgente_is_not_urgent(self):
        self.assertNotUrgent("Niente di urgente")
        self.assertNotUrgent("Niente di particolarmente urgente, cambio testi")

    def test_subject_nulla_di_urgente_is_not_urgent(self):
        self.assertNotUrgent("Nulla di urgente")
        self.assertNotUrgent("Re: nulla di così urgente")

    def test_subject_not_so_urgent_is_not_urgent(self):
        self.assertNotUrgent("Not so urgent")
        self.assertNotUrgent("not so urgent: new logo")

    def test_subject_no_urgent_action_needed_is_not_urgent(self):
        self.assertNotUrgent("No urgent action needed")

    def test_subject_sensible_variants_are_not_urgent(self):
        for subject in (
            "Not really urgent",
            "It's not urgent",
            "It isn't urgent",
            "Nothing urgent, just a question",
            "Non-urgent: update the footer",
            "Non molto urgente",
            "Non è più urgente",
            "Non è per niente urgente",
            "Not very urgent",
            "Not that urgent",
            "Not urgent at all",
        ):
            with self.subTest(subject=subject):
                self.assertNotUrgent(subject)

    def test_subject_urgente_non_riesco_ad_accedere_stays_urgent(self):
        """The keyword comes first: a negation after it is about the problem."""
        self.assertUrgent("URGENTE: non riesco ad accedere")
        self.assertUrgent("Urgent: cannot log in, no email since yesterday")

    def test_subject_negation_about_the_problem_before_the_keyword_stays_urgent(self):
        for subject in (
            "Non riesco ad accedere, URGENTE",
            "Il sito non funziona - urgente",
            "Non funziona nulla: URGENTE!",
            "No email since yesterday: URGENT",
            "Backup: no. Urgent please",
            "Niente posta da ieri urgente",
        ):
            with self.subTest(subject=subject):
                self.assertUrgent(subject)
