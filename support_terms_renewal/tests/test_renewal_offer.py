from datetime import date

from freezegun import freeze_time

from odoo.tests import new_test_user, tagged

from .common import RenewalCase


@tagged("post_install", "-at_install")
class TestRenewalByChoice(RenewalCase):
    """ "vanno rinnovati di anno in anno (verrai contattato dal nostro staff
    un mese prima della scadenza)": a service renewed by the customer's
    choice is never renewed tacitly; a month before its end it is offered
    on a quotation, once; confirmed, the next period starts."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.maintenance = cls._service_product(
            "Manutenzione annuale", "other", "anniversary"
        )
        cls.maintenance.renewal_by_choice = True
        cls.responsible = new_test_user(
            cls.env,
            login="responsabile_contratti",
            groups="sales_team.group_sale_salesman",
            name="Responsabile Contratti",
        )
        cls.company.support_renewal_reminder_days = 30

    def _offers(self, line):
        return self.env["support.renewal.offer"].search(
            [("contract_line_id", "=", line.id)]
        )

    def test_offered_once_a_month_before_and_renewed_when_confirmed(self):
        line = self._service(self.maintenance, date(2026, 3, 15))
        line.contract_id.user_id = self.responsible
        # whatever the caller asked, not renewed tacitly
        self.assertFalse(line.is_auto_renew)
        self.assertEqual(line.date_end, date(2027, 3, 14))
        self.assertEqual(line.renewal_offer_date, date(2027, 2, 12))
        with freeze_time("2027-02-12 10:00"):
            self.run_renewal()
            self.run_renewal()
        offer = self._offers(line)
        self.assertEqual(len(offer), 1)
        quote = offer.sale_order_id
        self.assertEqual(quote.order_line.product_id, self.maintenance)
        # no salesperson: the contract's responsible
        self.assertEqual(quote.activity_ids.user_id, self.responsible)
        self.assertEqual(len(quote.activity_ids), 1)
        self.assertFalse(line.renewal_reminder_ids)
        # the deadline OCA would renew at passes: still not renewed
        with freeze_time("2027-03-10 10:00"):
            self.run_renewal()
        self.assertFalse(line.successor_contract_line_id)
        # the customer pays by bank transfer: staff confirm the quotation
        quote.action_confirm()
        self.assertEqual(offer.state, "renewed")
        self.assertEqual(offer.renewed_line_id.date_start, date(2027, 3, 15))
        self.assertEqual(offer.renewed_line_id.date_end, date(2028, 3, 14))
        # confirmed twice (a second payment): one next period
        offer.sale_order_id._support_renew_offered()
        self.assertEqual(len(line.contract_id.contract_line_ids), 2)

    def test_each_year_offered_on_its_own_period(self):
        """Renewed "di anno in anno": the offer stays with the period it
        renewed, and the next period is offered a month before its own end."""
        line = self._service(self.maintenance, date(2026, 3, 15))
        with freeze_time("2027-02-12 10:00"):
            self.run_renewal()
        offer = self._offers(line)
        offer.sale_order_id.action_confirm()
        next_line = offer.renewed_line_id
        self.assertEqual(offer.contract_line_id, line)
        self.assertEqual(line.renewal_offer_ids, offer)
        self.assertFalse(self._offers(next_line))
        self.assertEqual(next_line.renewal_offer_date, date(2028, 2, 13))
        with freeze_time("2028-02-13 10:00"):
            self.run_renewal()
            self.run_renewal()
        next_offer = self._offers(next_line)
        self.assertEqual(len(next_offer), 1)
        self.assertEqual(next_offer.state, "offered")
        self.assertEqual(
            next_offer.sale_order_id.order_line.product_id, self.maintenance
        )

    def test_nothing_offered_where_the_company_sends_no_reminders(self):
        self.company.support_renewal_reminders = False
        line = self._service(self.maintenance, date(2026, 3, 15))
        with freeze_time("2027-02-12 10:00"):
            self.run_renewal()
        self.assertFalse(self._offers(line))
        self.assertFalse(
            self.env["sale.order"].search([("origin", "=", line.contract_id.name)])
        )
