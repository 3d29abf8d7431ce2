from odoo.exceptions import AccessError
from odoo.tests import Form, new_test_user, tagged

from .common import ItalianLawCase


@tagged("post_install", "-at_install")
class TestConsumer(ItalianLawCase):
    """Codice del consumo art. 3: "consumatore o utente: la persona fisica
    che agisce per scopi estranei all'attività imprenditoriale, commerciale,
    artigianale o professionale eventualmente svolta"."""

    def test_natural_person_without_vat_is_a_consumer(self):
        self.assertTrue(self.consumer.support_is_consumer)

    def test_company_its_contacts_and_a_professional_are_not(self):
        self.assertFalse(self.customer.support_is_consumer, "a company")
        self.assertFalse(self.contact.support_is_consumer, "a company's contact")
        freelancer = self.env["res.partner"].create(
            {"name": "Arch. Luca Neri", "vat": "IT12345670017"}
        )
        self.assertFalse(freelancer.support_is_consumer, "a person with VAT")

    def test_recomputed_when_the_customer_becomes_a_business(self):
        with Form(self.consumer) as form:
            form.vat = "IT12345670017"
        self.assertFalse(self.consumer.support_is_consumer)

    def test_manager_corrects_it_and_it_is_noted(self):
        manager = new_test_user(
            self.env,
            login="it_law_manager",
            groups="base.group_partner_manager,"
            "support_terms_base.group_support_terms_manager",
        )
        self.consumer.with_user(manager).write({"support_is_consumer": False})
        self.assertFalse(self.consumer.support_is_consumer)
        notes = self.consumer.message_ids.filtered(
            lambda m: "Marked as not a consumer" in m.body
        )
        self.assertEqual(len(notes), 1)
        self.assertIn(manager.name, notes.body)

    def test_a_salesman_cannot_change_it(self):
        salesman = new_test_user(
            self.env,
            login="it_law_salesman",
            groups="base.group_partner_manager,"
            "support_terms_base.group_support_terms_user",
        )
        with self.assertRaisesRegex(AccessError, "Only a support terms manager"):
            self.consumer.with_user(salesman).write({"support_is_consumer": False})
        self.assertTrue(self.consumer.support_is_consumer, "nothing written")
        # a form that changes what it follows recomputes it, for anyone
        with Form(self.consumer.with_user(salesman)) as form:
            form.vat = "IT12345670017"
        self.assertFalse(self.consumer.support_is_consumer)

    def test_a_salesman_cannot_set_it_beside_what_it_follows(self):
        """Sending the flag with a field it follows (as a form does) does not
        let anyone but a manager decide it: it is computed again."""
        salesman = new_test_user(
            self.env,
            login="it_law_salesman_rpc",
            groups="base.group_partner_manager,"
            "support_terms_base.group_support_terms_user",
        )
        business = self.env["res.partner"].create(
            {"name": "Edil Bianchi Srl", "is_company": True}
        )
        self.assertFalse(business.support_is_consumer)
        business.with_user(salesman).write(
            {"support_is_consumer": True, "is_company": True}
        )
        self.assertFalse(business.support_is_consumer)
        self.consumer.with_user(salesman).write(
            {"support_is_consumer": False, "parent_id": False}
        )
        self.assertTrue(self.consumer.support_is_consumer)
