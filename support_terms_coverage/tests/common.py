from odoo import Command, fields

from odoo.addons.support_terms_plan.tests.common import SupportPlanCase


class CoverageCase(SupportPlanCase):
    """A plan with coverage rules, a credit pack, a team and invoicing helpers."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("it_IT")
        cls.company.email = "supporto@provider.example"
        cls.stage_new = cls.env.ref("helpdesk_mgmt.helpdesk_ticket_stage_new")
        cls.stage_progress = cls.env.ref(
            "helpdesk_mgmt.helpdesk_ticket_stage_in_progress"
        )
        cls.stage_waiting = cls.env.ref("helpdesk_mgmt.helpdesk_ticket_stage_awaiting")
        cls.stage_cancelled = cls.env.ref(
            "helpdesk_mgmt.helpdesk_ticket_stage_cancelled"
        )
        cls.team = cls.env["helpdesk.ticket.team"].create(
            {"name": "Supporto hosting", "alias_name": "supporto-cov"}
        )
        cls.cat_outage = cls.env.ref(
            "support_terms_coverage.helpdesk_ticket_category_outage"
        )
        cls.cat_logs = cls.env.ref(
            "support_terms_coverage.helpdesk_ticket_category_log_analysis"
        )
        cls.cat_own_code = cls.env.ref(
            "support_terms_coverage.helpdesk_ticket_category_own_code"
        )
        cls.cat_feature = cls.env.ref(
            "support_terms_coverage.helpdesk_ticket_category_new_feature"
        )
        cls.cat_misuse = cls.env.ref(
            "support_terms_coverage.helpdesk_ticket_category_misuse"
        )
        cls.cat_status = cls.env.ref(
            "support_terms_coverage.helpdesk_ticket_category_status_check"
        )
        cls.product_dev = cls._create_product("Development on quote", cls.company)
        cls.product_repair = cls._create_product("Repair", cls.company)
        cls.product_repair.lst_price = 80.0
        cls.credit_pack = cls.env["product.product"].create(
            {
                "name": "WPCRED 10 credits",
                "type": "service",
                "list_price": 100.0,
                "company_id": cls.company.id,
                "support_credit_pack": True,
                "support_credits": 10,
                "support_credit_validity_days": 365,
            }
        )
        rules = cls.env["support.coverage.rule"]
        cls.rule_outage = rules.create(
            {
                "plan_id": cls.plan_basic.id,
                "category_id": cls.cat_outage.id,
                "coverage": "included",
            }
        )
        cls.rule_logs = rules.create(
            {
                "plan_id": cls.plan_basic.id,
                "category_id": cls.cat_logs.id,
                "coverage": "extra",
                "billing_mode": "credits",
                "credits": 3,
                "note": "Log analysis is paid with 3 credits.",
            }
        )
        cls.rule_own_code = rules.create(
            {
                "plan_id": cls.plan_basic.id,
                "category_id": cls.cat_own_code.id,
                "coverage": "excluded",
                "billing_mode": "quote",
                "product_id": cls.product_dev.id,
                "note": "Your own code is not covered: we can point you to the errors.",
            }
        )
        cls.rule_feature = rules.create(
            {
                "plan_id": cls.plan_basic.id,
                "category_id": cls.cat_feature.id,
                "coverage": "extra",
                "billing_mode": "quote",
                "product_id": cls.product_dev.id,
                "note": "New features are quoted.",
            }
        )
        cls.rule_misuse = rules.create(
            {
                "plan_id": cls.plan_basic.id,
                "category_id": cls.cat_misuse.id,
                "coverage": "extra",
                "billing_mode": "fixed_fee",
                "product_id": cls.product_repair.id,
                "note": "Repairs due to misuse are charged.",
            }
        )
        cls.rule_own_code.update_field_translations(
            "note",
            {"it_IT": "Il codice del cliente non è coperto: vi indichiamo gli errori."},
        )
        cls._create_contract(cls.customer, cls.product_basic, "2026-01-01")

    def _ticket(self, category=None, partner=None, **values):
        return self.env["helpdesk.ticket"].create(
            dict(
                {
                    "name": "Richiesta",
                    "description": "<p>Aiuto</p>",
                    "partner_id": (partner or self.contact).id,
                    "team_id": self.team.id,
                    "category_id": category.id if category else False,
                },
                **values,
            )
        )

    def _invoice(self, product=None, quantity=1, partner=None, date=None, post=True):
        invoice = self.env["account.move"].create(
            {
                "move_type": "out_invoice",
                "partner_id": (partner or self.customer).id,
                "invoice_date": date or fields.Date.today(),
                "invoice_line_ids": [
                    Command.create(
                        {
                            "product_id": (product or self.credit_pack).id,
                            "quantity": quantity,
                            "price_unit": 100.0,
                        }
                    )
                ],
            }
        )
        if post:
            invoice.action_post()
        return invoice

    def _pay(self, invoice):
        self.env["account.payment.register"].with_context(
            active_model="account.move", active_ids=invoice.ids
        ).create({})._create_payments()

    def _grants(self, partner=None):
        return self.env["support.credit.move"].search(
            [
                ("partner_id", "=", (partner or self.customer).id),
                ("move_type", "=", "grant"),
            ]
        )

    def _balance(self, partner=None):
        partner = partner or self.customer
        partner.invalidate_recordset(["support_credit_balance"])
        return partner.support_credit_balance
