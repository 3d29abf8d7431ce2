import io
from pathlib import Path

import polib

from odoo.tests import TransactionCase, tagged
from odoo.tools.translate import trans_export

ROOT = Path(__file__).parent.parent.parent
ADDONS = (
    "support_terms",
    "support_terms_auto_close",
    "support_terms_base",
    "support_terms_coverage",
    "support_terms_livechat",
    "support_terms_l10n_it",
    "support_terms_plan",
    "support_terms_renewal",
    "support_terms_sla",
    "support_terms_suspension",
    "support_terms_web_design",
)


@tagged("post_install", "-at_install")
class TestItalianTranslation(TransactionCase):
    """Italian first: every user-facing string of the addon is translated."""

    def test_pot_is_current_and_it_po_complete(self):
        for addon in ADDONS:
            with self.subTest(addon=addon):
                self._check_addon(addon)

    def _check_addon(self, addon):
        buffer = io.BytesIO()
        trans_export(False, [addon], buffer, "po", self.env.cr)
        exported = polib.pofile(buffer.getvalue().decode())
        # demo records (created only when demo data is loaded) are not terms
        current = {
            entry.msgid
            for entry in exported
            if not all(".demo_" in place for place, _line in entry.occurrences)
        }
        self.assertTrue(current, f"{addon} exports no string")
        i18n = ROOT / addon / "i18n"
        pot = {entry.msgid for entry in polib.pofile(str(i18n / f"{addon}.pot"))}
        self.assertEqual(
            current - pot, set(), f"{addon}.pot lacks strings: export it again"
        )
        italian = polib.pofile(str(i18n / "it.po"))
        translated = {e.msgid for e in italian if e.msgstr and not e.obsolete}
        self.assertEqual(
            current - translated, set(), f"{addon} it.po lacks translations"
        )
        fuzzy = [e.msgid for e in italian if "fuzzy" in e.flags]
        self.assertEqual(fuzzy, [])

    def test_plan_labels_in_italian(self):
        self.env["res.lang"]._activate_lang("it_IT")
        self.env["ir.module.module"]._load_module_terms(list(ADDONS), ["it_IT"])
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
