from collections import Counter

from odoo import _, api, fields, models
from odoo.tools import SQL, sql

from odoo.addons.support_terms_base.tools import check_manager, send_customer_mail

from ..rules.late_payment import (
    PAID_STATES,
    late_window_start,
    paid_late,
    reaches_do_not_renew,
)


class ResPartner(models.Model):
    _inherit = "res.partner"

    late_payment_count = fields.Integer(
        string="Late payments",
        compute="_compute_late_payment_count",
        compute_sudo=True,
        groups="support_terms_base.group_support_terms_user",
        help="Invoices of this customer paid after their due date in the company's "
        "late payments window, since the company counts them.",
    )
    do_not_renew = fields.Boolean(
        string="Do not renew",
        company_dependent=True,
        copy=False,
        tracking=True,
        groups="support_terms_base.group_support_terms_user",
        help="A repeat late payer of the current company: its auto-renewing "
        "services in this company stop renewing and end at their expiry (set by "
        "a manager, or automatically at the company's threshold of late "
        "payments). Each company judges its own invoices.",
    )

    support_suspension_count = fields.Integer(
        string="Suspensions in force",
        compute="_compute_support_suspension_count",
        compute_sudo=True,
        groups="support_terms_base.group_support_terms_user",
        help="The customer's suspensions not lifted yet in the current company.",
    )
    support_suspended_since = fields.Date(
        string="Suspended since",
        compute="_compute_support_suspension_count",
        compute_sudo=True,
        groups="support_terms_base.group_support_terms_user",
    )

    @api.depends_context("company")
    def _compute_support_suspension_count(self):
        groups = self.env["support.service.suspension"]._read_group(
            [
                ("partner_id", "in", self.commercial_partner_id.ids),
                ("company_id", "=", self.env.company.id),
                ("state", "=", "active"),
            ],
            ["partner_id"],
            ["__count", "date_start:min"],
        )
        in_force = {partner: (count, since) for partner, count, since in groups}
        for partner in self:
            partner.support_suspension_count, partner.support_suspended_since = (
                in_force.get(partner.commercial_partner_id, (0, False))
            )

    def action_view_support_suspensions(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "support_terms_suspension.support_service_suspension_action"
        )
        action["domain"] = [("partner_id", "=", self.commercial_partner_id.id)]
        return action

    def _auto_init(self):
        """A database where ``do_not_renew`` is one boolean for every company:
        a customer marked there stays marked in each company (Odoo cannot
        cast a boolean column to the company-dependent jsonb by itself)."""
        column = sql.table_columns(self.env.cr, "res_partner").get("do_not_renew")
        if column and column["udt_name"] == "bool":
            self.env.cr.execute(
                SQL(
                    """
                    ALTER TABLE res_partner
                          ALTER COLUMN do_not_renew DROP DEFAULT,
                          ALTER COLUMN do_not_renew TYPE jsonb
                          USING CASE WHEN do_not_renew THEN '{}'::jsonb END;
                    UPDATE res_partner
                       SET do_not_renew = (
                           SELECT jsonb_object_agg(id::text, true) FROM res_company
                       )
                     WHERE do_not_renew IS NOT NULL
                    """
                )
            )
        return super()._auto_init()

    # -- repeat late payers ------------------------------------------------

    @api.depends_context("company")
    def _compute_late_payment_count(self):
        counts = self.commercial_partner_id._support_late_payment_counts(
            self.env.company
        )
        for partner in self:
            partner.late_payment_count = counts.get(partner.commercial_partner_id.id, 0)

    def _support_late_payment_counts(self, company):
        """``{commercial partner id: invoices paid late}`` in the company's
        rolling window, never before the day it turned the counting on.

        Late is judged by ``rules.late_payment.paid_late`` on the date the
        customer paid (the last payment's date, credit notes aside), with the
        company's grace days. A reactivation fee is the consequence of a late
        payment already counted, never a late payment of its own."""
        since = company.support_late_payment_since
        if not self.ids or not since:
            return {}
        months = company.support_late_payment_months
        start = max(late_window_start(company._support_today(), months), since)
        invoices = self.env["account.move"].search(
            [
                ("commercial_partner_id", "in", self.ids),
                ("company_id", "=", company.id),
                ("move_type", "=", "out_invoice"),
                ("state", "=", "posted"),
                ("payment_state", "in", PAID_STATES),
                ("support_reactivation_fee", "=", False),
            ]
        )
        rows = invoices._support_paid_on_rows()
        grace = company.support_overdue_grace_days
        return Counter(
            partner_id
            for _move_id, partner_id, date_due, paid_on in rows
            if paid_on and paid_on >= start and paid_late(date_due, paid_on, grace)
        )

    def _support_check_late_payer(self):
        """Mark do not renew the customers that reached the company's threshold."""
        company = self.env.company
        threshold = company.support_do_not_renew_threshold
        if not threshold:
            return
        customers = self.commercial_partner_id.filtered(lambda p: not p.do_not_renew)
        counts = customers._support_late_payment_counts(company)
        reached = customers.filtered(
            lambda p: reaches_do_not_renew(counts.get(p.id, 0), threshold)
        )
        if reached:
            reached.write({"do_not_renew": True})
            reached._message_log_batch(
                {
                    partner.id: self.env._(
                        "Marked do not renew: %(count)s late payments in the last "
                        "%(months)s months.",
                        count=counts[partner.id],
                        months=company.support_late_payment_months,
                    )
                    for partner in reached
                }
            )

    def write(self, vals):
        if "do_not_renew" in vals:
            check_manager(
                self,
                _("Only a support terms manager can mark a customer do not renew."),
                model_rights=False,
            )
        newly = self.filtered(lambda p: vals.get("do_not_renew") and not p.do_not_renew)
        if set(vals) == {"do_not_renew"} and not self.env.su:
            # a manager decides it even without the right to edit contacts
            result = super(ResPartner, self.sudo()).write(vals)
        else:
            result = super().write(vals)
        if newly:
            newly._support_stop_renewals()
        return result

    def _support_stop_renewals(self):
        """The services of a repeat late payer end at their expiry: its lines
        stop renewing (OCA's ``is_auto_renew``), each contract says so, the
        account manager gets an activity and the customer an email."""
        customers = self.commercial_partner_id
        lines = self.env["contract.line"].sudo()
        # without contract_line_successor nothing renews: no line to stop
        if "is_auto_renew" in lines._fields:
            lines = lines.search(
                [
                    ("contract_id.commercial_partner_id", "in", customers.ids),
                    ("contract_id.company_id", "=", self.env.company.id),
                    ("is_auto_renew", "=", True),
                    ("is_canceled", "=", False),
                ]
            )
        lines.write({"is_auto_renew": False})
        for contract, stopped in lines.grouped("contract_id").items():
            contract.message_post(
                body=_(
                    "Customer marked do not renew: %(lines)s will not renew and "
                    "end at their expiry.",
                    lines=", ".join(
                        f"{line.name} ({line.date_end or ''})" for line in stopped
                    ),
                )
            )
            manager = contract.user_id or contract.commercial_partner_id.user_id
            if manager:
                contract.activity_schedule(
                    "mail.mail_activity_data_todo",
                    user_id=manager.id,
                    summary=_("Do not renew: tell the customer, plan the end"),
                    note=_(
                        "%(customer)s paid late too often: its services end at "
                        "their expiry.",
                        customer=contract.commercial_partner_id.name,
                    ),
                )
        send_customer_mail(
            customers.filtered("email"),
            "support_terms_suspension.mail_template_do_not_renew",
        )
