import io
from pathlib import Path

import polib

from odoo.tests import TransactionCase, tagged
from odoo.tools.translate import trans_export

I18N = Path(__file__).parent.parent / "i18n"


@tagged("post_install", "-at_install")
class TestItalianTranslation(TransactionCase):
    """Italian first: every user-facing string of the addon is translated."""

    def test_pot_is_current_and_it_po_complete(self):
        buffer = io.BytesIO()
        trans_export(False, ["support_terms"], buffer, "po", self.env.cr)
        exported = polib.pofile(buffer.getvalue().decode())
        # demo records (created only when demo data is loaded) are not terms
        current = {
            entry.msgid
            for entry in exported
            if not all(
                "support_terms.demo_" in place for place, _line in entry.occurrences
            )
        }
        self.assertIn("Support plans", current)
        pot = {entry.msgid for entry in polib.pofile(str(I18N / "support_terms.pot"))}
        self.assertEqual(
            current - pot, set(), "support_terms.pot lacks strings: export it again"
        )
        italian = polib.pofile(str(I18N / "it.po"))
        translated = {e.msgid for e in italian if e.msgstr and not e.obsolete}
        self.assertEqual(current - translated, set(), "it.po lacks translations")
        fuzzy = [e.msgid for e in italian if "fuzzy" in e.flags]
        self.assertEqual(fuzzy, [])

    def test_plan_labels_in_italian(self):
        self.env["res.lang"]._activate_lang("it_IT")
        self.env["ir.module.module"]._load_module_terms(["support_terms"], ["it_IT"])
        fields = (
            self.env["support.plan"]
            .with_context(lang="it_IT")
            .fields_get(["resource_calendar_id", "take_in_charge_hours"], ["string"])
        )
        self.assertEqual(
            fields["resource_calendar_id"]["string"], "Orario di assistenza"
        )
        self.assertEqual(
            fields["take_in_charge_hours"]["string"], "Obiettivo di presa in carico"
        )
