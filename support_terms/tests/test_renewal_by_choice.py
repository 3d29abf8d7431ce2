import json
from datetime import date, datetime, timedelta

from freezegun import freeze_time

from odoo.tests import Form, HttpCase, new_test_user, tagged

from .test_plan_term_renewal import WpMaintenanceCase

# a 1x1 transparent PNG: the customer's signature
SIGNATURE = (
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAA"
    "ASUVORK5CYII="
)


@tagged("post_install", "-at_install")
class TestPlansRenewedByChoice(HttpCase, WpMaintenanceCase):
    """ "I Piani di manutenzione acquistati durano un anno (365 giorni dalla
    data di acquisto). Non sono rimborsabili (se non entro max. 24h
    dall'acquisto) e vanno rinnovati di anno in anno (verrai contattato dal
    nostro staff un mese prima della scadenza)": the template's plans are not
    renewed tacitly; a month before the end the account manager is asked to
    contact the customer, who gets a renewal quotation to sign and pay in the
    portal; not renewed, the plan ends on its day. Hosting stays tacitly
    renewed."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.by_choice = cls.plan_wp.product_ids.filtered("renewal_by_choice")
        cls.salesperson = new_test_user(
            cls.env,
            login="commerciale_rinnovi",
            groups="sales_team.group_sale_salesman",
            name="Commerciale Rinnovi",
        )
        cls.leader = new_test_user(
            cls.env,
            login="capo_squadra_wp",
            groups="support_terms_base.group_support_terms_user",
            name="Capo Squadra WP",
        )
        cls.plan_wp.team_id.user_id = cls.leader
        cls.portal_user = new_test_user(
            cls.env,
            login="rossi_rinnovo",
            password="rossi-rinnovo-1",
            groups="base.group_portal",
            partner_id=cls.contact.id,
        )

    def _plan_bought_on(self, start, partner=None):
        """The plan sold on the contract form."""
        with Form(self.env["contract.contract"]) as form:
            form.name = "Manutenzione WordPress"
            form.partner_id = partner or self.customer
            form.line_recurrence = True
            with form.contract_line_ids.new() as line:
                line.product_id = self.by_choice
                line.date_start = start
        return form.record.contract_line_ids

    def _offers(self, line):
        return self.env["support.renewal.offer"].search(
            [("contract_line_id", "=", line.id)]
        )

    def _emails_to_customer(self, order):
        return order.message_ids.filtered(
            lambda m: m.message_type == "comment" and self.customer in m.partner_ids
        )

    def _offer_day(self, line):
        return datetime.combine(line.date_end - timedelta(days=30), datetime.min.time())

    def test_the_template_sets_its_plans_renewed_by_choice(self):
        self.assertTrue(self.by_choice)
        self.assertEqual(self.by_choice.service_kind, "support_plan")
        line = self._plan_bought_on(date(2026, 1, 10))
        self.assertTrue(line.renewal_by_choice)
        self.assertFalse(line.is_auto_renew)
        self.assertEqual(line.date_end, date(2027, 1, 9))
        # tacit renewal stays for the hosting services
        hosting = self._service(self.hosting, date(2026, 1, 10))
        self.assertFalse(hosting.renewal_by_choice)
        self.assertTrue(hosting.is_auto_renew)

    def test_contacted_a_month_before_signed_and_paid_in_the_portal(self):
        self.customer.user_id = self.salesperson
        line = self._plan_bought_on(date(2026, 1, 10))
        hosting = self._service(self.hosting, date(2026, 1, 10))
        self.assertEqual(line.renewal_offer_date, date(2026, 12, 10))
        # the day before: nothing yet
        with freeze_time(self._offer_day(line) - timedelta(days=1)):
            self.run_renewal()
        self.assertFalse(self._offers(line))
        # 30 days before the end (9:00 UTC, 10:00 in Rome), run twice
        with freeze_time(self._offer_day(line) + timedelta(hours=9)):
            self.run_renewal()
            self.run_renewal()
        offer = self._offers(line)
        self.assertEqual(len(offer), 1)
        self.assertEqual(offer.state, "offered")
        self.assertEqual(offer.period_end, date(2027, 1, 9))
        quote = offer.sale_order_id
        self.assertEqual(
            self.env["sale.order"].search_count(
                [("order_line.product_id", "=", self.by_choice.id)]
            ),
            1,
        )
        self.assertEqual(quote.partner_id, self.customer)
        self.assertEqual(quote.order_line.product_id, self.by_choice)
        self.assertIn("renewal from 01/10/2027 to 01/09/2028", quote.order_line.name)
        self.assertEqual(quote.state, "sent")
        self.assertTrue(quote.require_signature)
        self.assertTrue(quote.require_payment)
        # one activity for the customer's salesperson, one email
        self.assertEqual(len(quote.activity_ids), 1)
        self.assertEqual(quote.activity_ids.user_id, self.salesperson)
        self.assertIn("Rossi Costruzioni", quote.activity_ids.summary)
        self.assertEqual(len(self._emails_to_customer(quote)), 1)
        # not renewed tacitly, no plain reminder besides the offer
        self.assertFalse(line.successor_contract_line_id)
        self.assertFalse(line.renewal_reminder_ids)
        self.assertFalse(self._offers(hosting))
        self.assertTrue(hosting.is_auto_renew)

        # the customer signs in the portal
        self.authenticate("rossi_rinnovo", "rossi-rinnovo-1")
        page = self.url_open(quote.get_portal_url()).text
        self.assertIn(quote.name, page)
        response = self.url_open(
            f"/my/orders/{quote.id}/accept",
            data=json.dumps(
                {
                    "params": {
                        "access_token": quote.access_token,
                        "name": "Mario Rossi",
                        "signature": SIGNATURE,
                    }
                }
            ),
            headers={"Content-Type": "application/json"},
        )
        self.assertNotIn("error", response.json()["result"])
        self.assertEqual(quote.signed_by, "Mario Rossi")
        # signed, not paid: not renewed yet
        self.assertEqual(quote.state, "sent")
        self.assertFalse(line.successor_contract_line_id)
        # and pays: the payment confirms the quotation
        self._pay_online(quote)
        self.assertEqual(quote.state, "sale")
        self.assertEqual(offer.state, "renewed")
        new_line = line.successor_contract_line_id
        self.assertEqual(offer.renewed_line_id, new_line)
        self.assertEqual(new_line.date_start, date(2027, 1, 10))
        self.assertEqual(new_line.date_end, date(2028, 1, 9))
        self.assertFalse(new_line.is_auto_renew)
        # invoiced by the quotation the customer paid, not by the contract
        self.assertFalse(new_line.recurring_next_date)
        self.assertEqual(line.date_end, date(2027, 1, 9))
        # the next period is offered in its turn, a month before its end
        self.assertEqual(new_line.renewal_offer_date, date(2027, 12, 10))

    def _pay_online(self, quote):
        """The customer pays in the portal, as the quotation page does: a
        transaction through the order's payment route with Odoo's demo
        provider, the provider's answer, then the status page's poll that
        post-processes it."""
        provider = self.env.ref("payment.payment_provider_demo")
        journal = self.env["account.journal"].search(
            [("type", "=", "bank"), ("company_id", "=", self.company.id)], limit=1
        )
        provider.write(
            {"state": "test", "company_id": self.company.id, "journal_id": journal.id}
        )
        method = self.env.ref("payment_demo.payment_method_demo")

        def json_call(url, params):
            response = self.url_open(
                url,
                data=json.dumps({"params": params}),
                headers={"Content-Type": "application/json"},
            )
            body = response.json()
            self.assertNotIn("error", body, body.get("error"))
            return body.get("result")

        processing = json_call(
            f"/my/orders/{quote.id}/transaction",
            {
                "access_token": quote.access_token,
                "provider_id": provider.id,
                "payment_method_id": method.id,
                "token_id": None,
                "amount": quote.amount_total,
                "flow": "direct",
                "tokenization_requested": False,
                "landing_route": quote.get_portal_url(),
                "is_validation": False,
            },
        )
        json_call(
            "/payment/demo/simulate_payment",
            {
                "reference": processing["reference"],
                "payment_details": "4242",
                "simulated_state": "done",
            },
        )
        # the status page polls: the payment is done and post-processed
        status = json_call("/payment/status/poll", {})
        self.assertEqual(status["state"], "done")

    def test_not_renewed_ends_on_its_day(self):
        """A customer without salesperson: the plan team's leader is asked
        to contact it, in Italian; the quotation not confirmed, the plan
        ends."""
        self.env["res.lang"]._activate_lang("it_IT")
        self.customer.lang = "it_IT"
        line = self._plan_bought_on(date(2026, 1, 10))
        with freeze_time(self._offer_day(line) + timedelta(hours=9)):
            self.run_renewal()
        offer = self._offers(line)
        self.assertEqual(offer.sale_order_id.activity_ids.user_id, self.leader)
        self.assertIn(
            "rinnovo dal 10/01/2027 al 09/01/2028", offer.sale_order_id.order_line.name
        )
        end = line.date_end
        plan_on = self.customer._support_plan_at
        self.assertEqual(plan_on(self.company, end).get(self.customer.id), self.plan_wp)
        with freeze_time(
            datetime.combine(end + timedelta(days=1), datetime.min.time())
        ):
            self.run_renewal()
            self.run_renewal()
        self.assertEqual(offer.state, "lapsed")
        self.assertEqual(offer.sale_order_id.state, "cancel")
        self.assertFalse(line.successor_contract_line_id)
        self.assertEqual(line.date_end, end)
        self.assertFalse(plan_on(self.company, end + timedelta(days=1)))
        self.assertEqual(len(self._offers(line)), 1)
