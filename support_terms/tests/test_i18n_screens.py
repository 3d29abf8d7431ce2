import html
import re
from pathlib import Path

import polib
from dateutil.relativedelta import relativedelta

from odoo.tests import new_test_user, tagged

from .test_portal_requests import PortalRequestCase

ROOT = Path(__file__).parent.parent.parent
ADDONS = sorted(path.name for path in ROOT.glob("support_terms*") if path.is_dir())
# where a string of the .pot is shown to people: views and pages, messages of
# the code, field labels, help and choices
SHOWN = (
    "model_terms:ir.ui.view",
    "code:",
    "model:ir.model.fields,field_description",
    "model:ir.model.fields,help",
    "model:ir.model.fields.selection,name",
)
PLACEHOLDER = re.compile(r"%\(\w+\)s|%s|%d|\{\{.*?\}\}|#\{.*?\}|\$\{.*?\}")


def _visible(text):
    """The text a person reads in HTML: tags dropped, entities resolved,
    blanks collapsed."""
    text = re.sub(r"(?is)<(script|style)\b.*?</\1>", " ", text)
    attributes = re.findall(r'(?:title|placeholder|aria-label)="([^"]*)"', text)
    text = re.sub(r"<[^>]+>", " ", text)
    return _blank(html.unescape(" ".join([text, *attributes])))


def _blank(text):
    return re.sub(r"\s+", " ", text).strip()


def english_sources():
    """The English sentences of our addons that Italian screens must not show:
    user-visible strings of each .pot whose Italian differs, at least three
    words long once tags and placeholders are dropped (shorter labels are too
    often Odoo's own words as well)."""
    sources = set()
    for addon in ADDONS:
        i18n = ROOT / addon / "i18n"
        pot = i18n / f"{addon}.pot"
        if not pot.exists():
            continue
        italian = {
            entry.msgid: entry.msgstr
            for entry in polib.pofile(str(i18n / "it.po"))
            if not entry.obsolete
        }
        for entry in polib.pofile(str(pot)):
            places = [place for place, _line in entry.occurrences]
            if not any(place.startswith(SHOWN) for place in places):
                continue
            if all(".demo_" in place for place in places):
                continue
            if italian.get(entry.msgid, entry.msgid) == entry.msgid:
                continue
            # each piece between placeholders is looked for on its own
            for piece in PLACEHOLDER.split(re.sub(r"<[^>]+>", " ", entry.msgid)):
                piece = _blank(html.unescape(piece)).strip(" :;,.()")
                if len(piece.split()) >= 3 and len(piece) >= 15:
                    sources.add(piece)
    return sources


@tagged("post_install", "-at_install")
class TestNoEnglishOnItalianScreens(PortalRequestCase):
    """ "Italian first": an Italian customer's portal pages and an Italian
    agent's ticket form show no English sentence of our addons."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["ir.module.module"]._load_module_terms(
            ADDONS + ["web", "mail", "contract", "helpdesk_mgmt_sale", "sale"],
            ["it_IT"],
        )
        cls.contact.support_may_cancel_services = True
        cls.agent = new_test_user(
            cls.env,
            login="agente_it",
            password="agente-it-1",
            groups="helpdesk_mgmt.group_helpdesk_user",
            lang="it_IT",
            tz="Europe/Rome",
        )

    def _assert_italian(self, screen, text):
        found = sorted(source for source in self.sources if source in text)
        self.assertEqual(found, [], f"English on the Italian screen {screen}")

    def setUp(self):
        super().setUp()
        self.sources = english_sources()
        # the test itself can fail: the .pot gives it sentences to look for
        self.assertGreater(len(self.sources), 100)

    def test_portal_pages_in_italian(self):
        self._invoice()
        ticket = self._ticket(self.cat_logs, is_urgent=True)
        ticket.waiting_since = ticket.create_date
        # a hosting service that renews tacitly: its cancellation form shows
        today = self.company._support_today()
        _contract, line = self._create_contract(
            self.customer,
            self._create_product("Hosting", self.company),
            today - relativedelta(months=1),
            today + relativedelta(months=11),
            is_auto_renew=True,
        )
        self.authenticate("mario_richieste", "mario-richieste-1")
        # each page with a word that shows it is the Italian one
        pages = {
            "home": ("/my", "La mia assistenza"),
            "my services": ("/my/services", "I miei servizi"),
            "my support": ("/my/support", "Crediti prepagati"),
            "tickets": ("/my/tickets", ticket.number),
            "ticket": (f"/my/ticket/{ticket.id}", "Copertura"),
            "new request": ("/new/ticket", "Tipo di richiesta"),
            "cancellation": (f"/my/services/{line.id}/cancel", "disdetta"),
        }
        for screen, (url, italian) in pages.items():
            with self.subTest(screen=screen):
                response = self.url_open(url, timeout=60)
                self.assertEqual(response.status_code, 200, url)
                text = _visible(response.text)
                self.assertIn(italian, text)
                self._assert_italian(screen, text)

    def test_ticket_form_in_italian(self):
        self._invoice()
        ticket = self._ticket(self.cat_logs, is_urgent=True)
        tickets = (
            self.env["helpdesk.ticket"].with_user(self.agent).with_context(lang="it_IT")
        )
        views = tickets.get_views([(False, "form")])
        arch = views["views"]["form"]["arch"]
        texts = [_visible(arch)]
        texts += re.findall(r'(?:string|help|placeholder|confirm)="([^"]*)"', arch)
        fields = views["models"]["helpdesk.ticket"]["fields"]
        described = tickets.fields_get(list(fields), ["string", "help", "selection"])
        for description in described.values():
            texts += [description.get("string") or "", description.get("help") or ""]
            texts += [label for _key, label in description.get("selection") or []]
        shown = ("char", "text", "html", "many2one")
        record = tickets.browse(ticket.id).web_read(
            {
                name: {"fields": {"display_name": {}}}
                if fields[name]["type"] == "many2one"
                else {}
                for name in fields
                if fields[name]["type"] in shown
            }
        )
        texts += [str(value) for value in record[0].values()]
        text = _blank(html.unescape(" ".join(texts)))
        self.assertIn("Copertura", text)
        self._assert_italian("ticket form", text)
