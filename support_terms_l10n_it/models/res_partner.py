from odoo import api, fields, models
from odoo.exceptions import UserError

from odoo.addons.support_terms_base.tools import (
    check_manager,
    company_day_domain,
    is_manager,
)

# what the computed value follows: a write of them recomputes it
CONSUMER_DEPENDS = {"is_company", "vat", "parent_id"}


class ResPartner(models.Model):
    _inherit = "res.partner"

    support_is_consumer = fields.Boolean(
        string="Consumer",
        compute="_compute_support_is_consumer",
        store=True,
        readonly=False,
        help="A natural person acting outside any business (Consumer Code "
        "art. 3): no company, no VAT number, not a contact of a company. "
        "Computed; a support terms manager may correct it.",
    )

    @api.depends(
        "is_company",
        "vat",
        "parent_id",
        "commercial_partner_id.is_company",
        "commercial_partner_id.vat",
    )
    def _compute_support_is_consumer(self):
        for partner in self:
            commercial = partner.commercial_partner_id
            partner.support_is_consumer = not (
                partner.is_company
                or partner.vat
                or commercial.is_company
                or commercial.vat
            )

    def write(self, vals):
        if (
            "support_is_consumer" in vals
            and CONSUMER_DEPENDS & set(vals)
            and not is_manager(self.env)
        ):
            # a form sends the value its onchange computed with what it
            # follows: anyone but a manager gets it computed again, never set
            vals = {k: v for k, v in vals.items() if k != "support_is_consumer"}
        if "support_is_consumer" in vals and not CONSUMER_DEPENDS & set(vals):
            changed = self.filtered(
                lambda p: p.support_is_consumer != bool(vals["support_is_consumer"])
            )
            # a form sends the value its onchange recomputed: only a change
            # by hand is a correction
            if changed:
                # whether the law protects a customer as a consumer changes
                # its rights
                check_manager(
                    changed,
                    self.env._(
                        "Only a support terms manager can change whether a "
                        "customer is a consumer."
                    ),
                    model_rights=False,
                )
                # noted on the partner: what the data say changes it silently
                user = self.env.user.name
                body = (
                    self.env._("Marked as a consumer by %(user)s.", user=user)
                    if vals["support_is_consumer"]
                    else self.env._("Marked as not a consumer by %(user)s.", user=user)
                )
                for partner in changed:
                    partner._message_log(body=body)
        return super().write(vals)

    support_terms_acceptance_ids = fields.One2many(
        "support.terms.acceptance",
        "partner_id",
        string="Acceptances of the terms",
        groups="support_terms_base.group_support_terms_user",
    )
    support_missing_approval = fields.Boolean(
        string="Onerous clauses not approved",
        compute="_compute_support_missing_approval",
        search="_search_support_missing_approval",
        groups="support_terms_base.group_support_terms_user",
        help="A customer with services under terms whose onerous clauses it "
        "has not specifically approved in writing (Codice civile art. 1341).",
    )

    def _support_unapproved_clauses(self, company, rule=None):
        """The clauses of ``company``'s terms needing specific approval (of
        ``rule`` only, if given) that this customer has not approved in an
        acceptance of the current version."""
        self.ensure_one()
        # the rule applies whoever acts (the scheduler, accounting, the
        # customer's own notice); the terms' records are the support staff's
        customer = self.commercial_partner_id.sudo()
        clauses = company.with_env(customer.env).support_terms_clause_ids.filtered(
            lambda c: c.specific_approval and (not rule or c.rule == rule)
        )
        accepted = customer.support_terms_acceptance_ids.filtered(
            lambda a: a.company_id == company
            and a.terms_version == company.support_terms_version
        )
        return clauses - accepted.approved_clause_ids

    def _compute_support_missing_approval(self):
        customers = self._support_customers_missing_approval()
        for partner in self:
            partner.support_missing_approval = (
                partner.commercial_partner_id in customers
            )

    def _search_support_missing_approval(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(self.env._("Operation not supported"))
        customers = self._support_customers_missing_approval()
        positive = (operator == "=") == value
        return [
            ("commercial_partner_id", "in" if positive else "not in", customers.ids)
        ]

    def _support_customers_missing_approval(self):
        """The customers holding services in a company whose onerous clauses
        they have not all approved."""
        lines = self.env["contract.line"].search(
            [
                ("display_type", "=", False),
                ("is_canceled", "=", False),
                ("company_id.support_terms_clause_ids.specific_approval", "=", True),
                "|",
                ("date_end", "=", False),
                *company_day_domain(self.env, "date_end", ">="),
            ]
        )
        pairs = {
            (line.contract_id.partner_id.commercial_partner_id, line.company_id)
            for line in lines
        }
        return self.env["res.partner"].union(
            *(c for c, company in pairs if c._support_unapproved_clauses(company))
        )

    def _support_warn_unapproved(self, company, rule, what):
        """An activity for staff: ``what`` (a rule of the terms) acted on
        these customers, who did not approve its clause; once while open."""
        activity_type = self.env.ref("mail.mail_activity_data_todo")
        managers = self.env.ref("support_terms_base.group_support_terms_manager").users
        # the warning is the staff's, whoever's action applies the rule
        for customer in self.commercial_partner_id.sudo():
            clauses = customer._support_unapproved_clauses(company, rule)
            if not clauses:
                continue
            summary = self.env._(
                "%(rule)s without specific approval of clause %(clauses)s",
                rule=what,
                clauses=clauses._label(),
            )
            if summary in customer.activity_ids.mapped("summary"):
                continue
            user = (
                customer.user_id
                or managers.filtered(
                    lambda u: company in u.company_ids and not u.share
                )[:1]
            )
            if not user:
                continue
            customer.activity_schedule(
                activity_type_id=activity_type.id,
                summary=summary,
                note=self.env._(
                    "The clause binds the customer only if specifically approved "
                    "in writing (Codice civile art. 1341-1342): ask for the "
                    "approval, or decide whether to apply the rule."
                ),
                user_id=user.id,
                date_deadline=company._support_today(),
            )
