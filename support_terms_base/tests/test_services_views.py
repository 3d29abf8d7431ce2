from datetime import date

from freezegun import freeze_time
from lxml import etree

from odoo.tests import Form, new_test_user, tagged
from odoo.tools.safe_eval import safe_eval

from .common import SupportTermsBaseCase


@tagged("post_install", "-at_install")
class TestServicesViews(SupportTermsBaseCase):
    """Staff find the customers' services without digging.

    Issue scenario: "a services list (customer, plan, state, end, last day to
    cancel, days left, notice) coloured by urgency; the customer form with
    services ...; an ended service never shown active"; "contract-line
    columns are cut".
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.user = new_test_user(
            cls.env,
            login="services_user",
            groups="base.group_user,support_terms_base.group_support_terms_user",
        )
        cls.contract, cls.running = cls._create_contract(
            cls.customer, cls.product_hosting, date(2026, 1, 1)
        )
        _contract, cls.ended = cls._create_contract(
            cls.customer, cls.product_hosting, date(2025, 1, 1), date(2025, 12, 31)
        )

    def _action(self):
        return self.env["ir.actions.act_window"]._for_xml_id(
            "support_terms_base.support_service_action"
        )

    def test_services_menu_for_support_staff(self):
        menu = self.env.ref("support_terms_base.support_service_menu")
        visible = self.env["ir.ui.menu"].with_user(self.user)._visible_menu_ids()
        self.assertIn(menu.id, visible)
        self.assertEqual(
            menu.action, self.env.ref("support_terms_base.support_service_action")
        )

    @freeze_time("2026-03-10 10:00:00")
    def test_ended_service_reads_ended_never_active(self):
        """A service whose period is over reads Ended in the list and the
        form: its recorded "active" state is not shown."""
        action = self._action()
        lines = self.env["contract.line"].with_user(self.user)
        arch = lines.get_views([(action["view_id"][0], "list")])["views"]["list"][
            "arch"
        ]
        root = etree.fromstring(arch)
        columns = [f.get("name") for f in root.iter("field")]
        self.assertIn("service_status", columns)
        self.assertNotIn("service_state", columns)
        for name in ("partner_id", "product_id", "date_end"):
            self.assertIn(name, columns)
        rows = {
            row["id"]: row["service_status"]
            for row in lines.search_read(
                [*safe_eval(action["domain"]), ("partner_id", "=", self.customer.id)],
                ["service_status"],
            )
        }
        self.assertEqual(rows[self.ended.id], "ended")
        self.assertEqual(rows[self.running.id], "active")
        self.assertEqual(self.ended.service_state, "active")
        ended = self.ended.with_user(self.user)
        self.assertFalse(self._shown(ended, "//field[@name='service_state']"))
        self.assertTrue(self._shown(ended, "//field[@name='service_status']"))
        self.assertEqual(Form(ended).service_status, "ended")
        # the contract's own list of lines too
        contracts = self.env["contract.contract"].with_user(self.user)
        arch = contracts.get_views([(False, "form")])["views"]["form"]["arch"]
        lines_list = etree.fromstring(arch).xpath(
            "//field[@name='contract_line_ids']/list"
        )[0]
        names = [f.get("name") for f in lines_list.iter("field")]
        self.assertIn("service_status", names)
        self.assertNotIn("service_state", names)

    def test_contract_lines_keep_room_for_dates(self):
        """OCA's secondary columns of the contract's lines are optional and
        hidden by default, so that dates and the status are not cut."""
        contracts = self.env["contract.contract"].with_user(self.user)
        arch = contracts.get_views([(False, "form")])["views"]["form"]["arch"]
        lines_list = etree.fromstring(arch).xpath(
            "//field[@name='contract_line_ids']/list"
        )[0]
        optional = {f.get("name"): f.get("optional") for f in lines_list.iter("field")}
        for name in ("uom_id", "automatic_price", "discount"):
            self.assertEqual(optional.get(name), "hide", name)

    @freeze_time("2026-03-10 10:00:00")
    def test_customer_form_lists_its_services(self):
        """The customer form counts the services in force or to come and
        lists them; the button opens them in the services list."""
        customer = self.customer.with_user(self.user)
        self.assertEqual(customer.support_service_count, 1)
        self.assertEqual(customer.support_service_line_ids, self.running)
        self.assertTrue(
            self._shown(customer, "//button[@name='action_view_support_services']")
        )
        self.assertTrue(self._shown(customer, "//page[@name='support_terms']"))
        action = customer.action_view_support_services()
        found = self.env["contract.line"].with_user(self.user).search(action["domain"])
        self.assertEqual(found, self.running | self.ended)
        # a contact of the customer shows no second copy of the services
        contact = self.contact.with_user(self.user)
        self.assertFalse(self._shown(contact, "//page[@name='support_terms']"))
