from odoo import api, fields, models
from odoo.osv import expression
from odoo.tools import SQL

from ..rules.late_payment import (
    PAID_STATES,
    SETTLED_STATES,
    UNPAID_STATES,
    overdue_before,
    paid_late,
)

# an invoice still owed: neither paid nor credited
NOT_SETTLED = [("payment_state", "not in", SETTLED_STATES)]


class AccountMove(models.Model):
    _inherit = "account.move"

    support_suspension_id = fields.Many2one(
        "support.service.suspension",
        string="Suspension for overdue payment",
        index="btree_not_null",
        copy=False,
        readonly=True,
        ondelete="restrict",
        help="The suspension waiting for this invoice to be paid. An invoice "
        "has one suspension: a payment undone after it was lifted suspends the "
        "services again in it.",
    )
    support_reactivation_suspension_id = fields.Many2one(
        "support.service.suspension",
        string="Reactivation fee of",
        index="btree_not_null",
        copy=False,
        readonly=True,
        ondelete="restrict",
    )
    support_reactivation_fee = fields.Boolean(
        string="Reactivation fee",
        readonly=True,
        help="This invoice charges a reactivation fee: it never suspends the "
        "services nor counts as a late payment by itself. Kept by the invoice "
        "that corrects it (reverse and create).",
    )

    _sql_constraints = [
        (
            "support_one_reactivation_fee",
            "UNIQUE(support_reactivation_suspension_id)",
            "A suspension has one reactivation fee invoice.",
        ),
    ]

    def write(self, vals):
        result = super().write(vals)
        if "state" in vals:
            self.env["support.service.suspension"]._release_invoices(
                self.filtered(lambda m: m.state != "posted")
            )
        return result

    # -- payment -----------------------------------------------------------

    def _invoice_paid_hook(self):
        """A payment may reactivate services, activate those paid before
        activation (from the day they were paid; ``_on_service_state_change``
        is where provisioning hooks in) and make a repeat late payer."""
        result = super()._invoice_paid_hook()
        # the customer's services and terms follow its invoices, whoever
        # records the payment
        invoices = self.sudo().filtered(
            lambda m: m.move_type == "out_invoice" and m.payment_state in PAID_STATES
        )
        invoices.support_suspension_id._lift_settled()
        paid_on = {
            move_id: paid for move_id, _p, _d, paid in invoices._support_paid_on_rows()
        }
        for move in invoices.filtered(lambda m: paid_on.get(m.id)):
            move.invoice_line_ids.contract_line_id.filtered(
                lambda line: line.service_state == "waiting_payment"
            ).write(
                {"service_state": "active", "service_activated_on": paid_on[move.id]}
            )
        late = invoices.filtered(
            lambda m: paid_late(
                m.invoice_date_due,
                paid_on.get(m.id),
                m.company_id.support_overdue_grace_days,
            )
        )
        for company, moves in late.grouped("company_id").items():
            customers = moves.commercial_partner_id.with_company(company)
            customers._support_check_late_payer()
        return result

    def _support_paid_on_rows(self):
        """``(move id, commercial partner id, due date, paid on)`` of these
        invoices in one query. ``paid on`` is the date of the last payment
        reconciled with the invoice (the day the customer paid, whatever day
        it was recorded); a credit note is not a payment."""
        if not self.ids:
            return []
        for model in ("account.move", "account.move.line", "account.partial.reconcile"):
            self.env[model].flush_model()
        return self.env.execute_query(
            SQL(
                """
                SELECT m.id, m.commercial_partner_id, m.invoice_date_due, paid.paid_on
                  FROM account_move m
                  LEFT JOIN LATERAL (
                      SELECT max(counterpart.date) AS paid_on
                        FROM account_move_line l
                        JOIN account_partial_reconcile p ON p.debit_move_id = l.id
                        JOIN account_move_line counterpart
                          ON counterpart.id = p.credit_move_id
                        JOIN account_move cm ON cm.id = counterpart.move_id
                       WHERE l.move_id = m.id
                         AND l.display_type = 'payment_term'
                         AND cm.move_type != 'out_refund'
                  ) paid ON TRUE
                 WHERE m.id IN %s
                """,
                tuple(self.ids),
            )
        )

    # -- scheduled action ----------------------------------------------------

    @api.model
    def _support_overdue_domain(self):
        """Overdue customer invoices (``rules.late_payment.is_overdue``) on
        their company's day, not waited for by a suspension, or whose payment
        was undone after it, of customers with a service in force in the
        companies that turned the suspension on; a reactivation fee never
        suspends by itself."""
        by_company = []
        for company in self.env["res.company"].search(
            [("support_overdue_suspension", "=", True)]
        ):
            today = company._support_today()
            company_lines = [
                *self.env["contract.line"]._support_in_force_domain(today),
                ("company_id", "=", company.id),
            ]
            contracts = self.env["contract.contract"]._search(
                [("contract_line_ids", "any", company_lines)]
            )
            customers = contracts.subselect(
                SQL.identifier(contracts.table, "commercial_partner_id")
            )
            grace = company.support_overdue_grace_days
            by_company.append(
                [
                    ("company_id", "=", company.id),
                    ("invoice_date_due", "<", overdue_before(today, grace)),
                    ("commercial_partner_id", "in", customers),
                ]
            )
        # no company suspends: the OR of nothing matches no invoice
        return [
            ("move_type", "=", "out_invoice"),
            ("state", "=", "posted"),
            ("payment_state", "in", UNPAID_STATES),
            "|",
            ("support_suspension_id", "=", False),
            (
                "support_suspension_id",
                "any",
                [
                    # lifted when settled, so due again when a payment is
                    # undone; a manager's lift holds (only a suspension for
                    # overdue payment waits for invoices)
                    ("state", "=", "lifted"),
                    ("lift_reason", "!=", "manager"),
                ],
            ),
            ("support_reactivation_fee", "=", False),
        ] + expression.OR(by_company)

    @api.model
    def _support_reactivation_domain(self):
        """Invoices of open overdue suspensions whose invoices are all settled
        (paid or credited): the domain form of ``rules.late_payment.all_settled``
        (tested to agree with it)."""
        return [
            (
                "support_suspension_id",
                "any",
                # only a suspension for overdue payment waits for invoices
                [("state", "=", "active"), ("invoice_ids", "not any", NOT_SETTLED)],
            ),
        ]

    @api.model
    def _support_fee_due_domain(self):
        """Invoices of lifted suspensions whose reactivation fee is still to
        invoice (stored, indexed ``fee_state``), as long as they are settled:
        a payment undone meanwhile costs no fee yet."""
        return [
            ("support_suspension_id.fee_state", "=", "to_invoice"),
            ("support_suspension_id.invoice_ids", "not any", NOT_SETTLED),
        ]
