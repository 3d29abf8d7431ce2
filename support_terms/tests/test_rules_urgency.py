from odoo.tests import BaseCase, tagged

from ..rules.urgency import DEFAULT_KEYWORDS, is_urgent, normalize, parse_keywords

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
        ):
            with self.subTest(subject=subject):
                self.assertTrue(is_urgent(subject, KEYWORDS))

    def test_not_urgent_subjects(self):
        for subject in (
            "Non urgente: domanda",
            "not urgent: question",
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
