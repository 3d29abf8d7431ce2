from datetime import timedelta

from odoo import Command
from odoo.tests import HttpCase, new_test_user


class PortalCustomerCase(HttpCase):
    """A provider and two customers, each with services, invoices, a
    suspension and credits, for the pages the customers read in the portal.

    Dates are counted from the company's day: the pages read the same at
    any hour.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        cls.company = cls.env.company
        cls.today = cls.company._support_today()
        cls.company.write(
            {
                "support_notice_registered_mail": True,
                "support_notice_pec": True,
                "support_notice_portal": False,
                "support_notice_email": False,
                "support_notice_pec_email": "disdette@pec.provider.example",
                "support_renewal_reminder_days": 30,
            }
        )
        cls.company.partner_id.write(
            {
                "street": "Via dei Servizi 12",
                "zip": "50123",
                "city": "Firenze",
                "country_id": cls.env.ref("base.it").id,
            }
        )
        cls.customer = cls.env["res.partner"].create(
            {
                "name": "Trattoria Da Gino Srl",
                "is_company": True,
                "street": "Via del Corso 3",
                "zip": "50122",
                "city": "Firenze",
                "country_id": cls.env.ref("base.it").id,
                "lang": "en_US",
            }
        )
        cls.luigi = cls.env["res.partner"].create(
            {
                "name": "Luigi Bernardi",
                "parent_id": cls.customer.id,
                "email": "luigi@gino.example",
                "lang": "en_US",
                # staff let this contact request cancellations
                "support_may_cancel_services": True,
            }
        )
        cls.marta = cls.env["res.partner"].create(
            {
                "name": "Marta Sala",
                "parent_id": cls.customer.id,
                "email": "marta@gino.example",
                "lang": "en_US",
            }
        )
        cls.other = cls.env["res.partner"].create(
            {"name": "Hotel Bianchi Snc", "is_company": True, "lang": "en_US"}
        )
        new_test_user(
            cls.env,
            login="luigi_gino",
            password="luigi-gino-1",
            groups="base.group_portal",
            partner_id=cls.luigi.id,
        )
        new_test_user(
            cls.env,
            login="marta_gino",
            password="marta-gino-1",
            groups="base.group_portal",
            partner_id=cls.marta.id,
        )
        cls.hosting = cls._product("Hosting Gino", "hosting", 240.0)
        cls.mailbox = cls._product("Caselle PEC Gino", "pec", 10.0)
        cls.website = cls._product("Sito vetrina Gino", "showcase", 300.0)
        cls.banner = cls._product("Banner Bianchi", "banner", 90.0)
        today = cls.today
        cls.hosting_line = cls._service(
            cls.customer,
            cls.hosting,
            today - timedelta(days=300),
            today + timedelta(days=20),
        )
        cls.mail_line = cls._service(
            cls.customer,
            cls.mailbox,
            today - timedelta(days=100),
            today + timedelta(days=265),
            recurring_rule_type="monthly",
        )
        cls.future_line = cls._service(
            cls.customer,
            cls.website,
            today + timedelta(days=30),
            today + timedelta(days=394),
        )
        cls.other_line = cls._service(
            cls.other,
            cls.banner,
            today - timedelta(days=50),
            today + timedelta(days=10),
        )

    @classmethod
    def _product(cls, name, kind, price):
        return cls.env["product.product"].create(
            {
                "name": name,
                "type": "service",
                "list_price": price,
                "service_kind": kind,
                "renewal_policy": "anniversary",
                "notice_days": 60,
            }
        )

    @classmethod
    def _service(cls, partner, product, start, end, recurring_rule_type="yearly"):
        contract = cls.env["contract.contract"].create(
            {
                "name": f"{partner.name} - {product.name}",
                "partner_id": partner.id,
                "line_recurrence": True,
                "contract_line_ids": [
                    Command.create(
                        {
                            "product_id": product.id,
                            "name": product.name,
                            "quantity": 1,
                            "price_unit": product.list_price,
                            "recurring_rule_type": recurring_rule_type,
                            "recurring_interval": 1,
                            "date_start": start,
                            "date_end": end,
                            "is_auto_renew": True,
                            "auto_renew_rule_type": "yearly",
                            "auto_renew_interval": 1,
                        }
                    )
                ],
            }
        )
        return contract.contract_line_ids

    @classmethod
    def _posted_invoice(cls, partner, amount, days_overdue, product):
        """A posted invoice of ``partner`` due ``days_overdue`` days ago."""
        invoice = cls.env["account.move"].create(
            {
                "move_type": "out_invoice",
                "partner_id": partner.id,
                "invoice_date": cls.today - timedelta(days=days_overdue + 30),
                "invoice_date_due": cls.today - timedelta(days=days_overdue),
                "invoice_payment_term_id": False,
                "invoice_line_ids": [
                    Command.create(
                        {
                            "product_id": product.id,
                            "quantity": 1,
                            "price_unit": amount,
                            "tax_ids": [Command.clear()],
                        }
                    )
                ],
            }
        )
        invoice.action_post()
        return invoice

    @classmethod
    def _suspend_overdue_customers(cls):
        """The company suspends late payers; its daily action runs."""
        cls.company.write(
            {"support_overdue_suspension": True, "support_overdue_grace_days": 0}
        )
        cron = cls.env.ref("support_terms_suspension.ir_cron_overdue_suspension")
        # what the commit of the setup's transaction writes first
        cls.env.flush_all()
        # as the cron worker: called again while it reports work left
        for _call in range(50):
            _cron, progress = cron._add_progress()
            cron.ir_actions_server_id.with_context(
                ir_cron_progress_id=progress.id
            ).run()
            if not progress.remaining:
                break

    @classmethod
    def _enable_demo_payments(cls):
        """The provider turns on a payment provider as in its settings: the
        demo provider in test mode, published for customers."""
        provider = cls.env.ref("payment.payment_provider_demo")
        provider.write({"state": "test", "company_id": cls.company.id})
        if not provider.is_published:
            provider.action_toggle_is_published()
        return provider
