from collections import defaultdict

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


class AccountMove(models.Model):
    _inherit = "account.move"

    support_suspension_id = fields.Many2one(
        comodel_name="support.service.suspension",
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
        comodel_name="support.service.suspension",
        string="Reactivation fee of",
        index="btree_not_null",
        copy=False,
        readonly=True,
        ondelete="restrict",
    )
    support_reactivation_fee = fields.Boolean(
        string="Reactivation fee",
        readonly=True,
        copy=True,
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

    # -- payment -----------------------------------------------------------

    def _invoice_paid_hook(self):
        """A payment may reactivate services and make a repeat late payer."""
        result = super()._invoice_paid_hook()
        invoices = self.filtered(
            lambda m: m.move_type == "out_invoice" and m.payment_state in PAID_STATES
        )
        invoices._support_settled_hook()
        paid_on = {
            move_id: paid for move_id, _p, _d, paid in invoices._support_paid_on_rows()
        }
        late = invoices.filtered(
            lambda m: paid_late(
                m.invoice_date_due,
                paid_on.get(m.id),
                m.company_id.support_overdue_grace_days,
            )
        )
        for company, moves in late.grouped("company_id").items():
            moves.commercial_partner_id.sudo().with_company(
                company
            )._support_check_late_payer()
        return result

    def _support_settled_hook(self):
        """These invoices were just paid or credited: lift the overdue
        suspensions they settle. Never creates the fee here: a payment must
        not fail because of it (the scheduled action creates it)."""
        suspensions = (
            self.filtered(lambda m: m.move_type == "out_invoice")
            .sudo()
            .support_suspension_id.filtered(
                lambda s: s.state == "active" and s.reason == "overdue"
            )
        )
        if suspensions:
            suspensions._lift_settled()

    def _support_paid_on_rows(self, where=None):
        """``(move id, commercial partner id, due date, paid on)`` of these
        invoices (or of those matching the SQL condition ``where`` on
        ``account_move m``), in one query.

        ``paid on`` is the date of the last payment reconciled with the
        invoice: the date the customer paid, whatever day it was recorded.
        Credit notes are not payments: an invoice settled only by a credit
        note has no ``paid on``.
        """
        if where is None:
            ids = [move_id for move_id in self.ids if isinstance(move_id, int)]
            if not ids:
                return []
            where = SQL("m.id IN %s", tuple(ids))
        self.env["account.move"].flush_model()
        self.env["account.move.line"].flush_model()
        self.env["account.partial.reconcile"].flush_model()
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
                 WHERE %s
                """,
                where,
            )
        )

    # -- scheduled action ----------------------------------------------------

    @api.model
    def _support_overdue_domain(self, today):
        """Overdue customer invoices not yet waited for by a suspension (or
        whose suspension a payment lifted, the payment since undone), of
        customers with a service in force in the invoice's company, in the
        companies that turned the suspension on. A suspension lifted by a
        manager never comes back by itself.

        The domain form of ``rules.late_payment.is_overdue`` (tested to agree
        with it). A reactivation fee invoice never suspends by itself.
        """
        by_company = []
        for company in (
            self.env["res.company"]
            .sudo()
            .search([("support_overdue_suspension", "=", True)])
        ):
            lines = (
                self.env["contract.line"]
                .sudo()
                ._search(
                    self.env["contract.line"]._support_in_force_domain(today)
                    + [("company_id", "=", company.id)]
                )
            )
            contracts = (
                self.env["contract.contract"]
                .sudo()
                ._search(
                    [
                        (
                            "id",
                            "in",
                            lines.subselect(SQL.identifier(lines.table, "contract_id")),
                        )
                    ]
                )
            )
            customers = contracts.subselect(
                SQL.identifier(contracts.table, "commercial_partner_id")
            )
            by_company.append(
                [
                    ("company_id", "=", company.id),
                    (
                        "invoice_date_due",
                        "<",
                        overdue_before(today, company.support_overdue_grace_days),
                    ),
                    ("commercial_partner_id", "in", customers),
                ]
            )
        if not by_company:
            return [("id", "=", False)]
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
                    ("state", "=", "lifted"),
                    ("reason", "=", "overdue"),
                    # set when settled; a manager's lift leaves it empty
                    ("fee_state", "!=", False),
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
                [
                    ("state", "=", "active"),
                    ("reason", "=", "overdue"),
                    (
                        "invoice_ids",
                        "not any",
                        [("payment_state", "not in", SETTLED_STATES)],
                    ),
                ],
            ),
        ]

    @api.model
    def _support_fee_due_domain(self):
        """Invoices of lifted suspensions whose reactivation fee is still to
        invoice (stored, indexed ``fee_state``), as long as they are settled:
        a payment undone meanwhile costs no fee yet."""
        return [
            ("support_suspension_id.fee_state", "=", "to_invoice"),
            (
                "support_suspension_id.invoice_ids",
                "not any",
                [("payment_state", "not in", SETTLED_STATES)],
            ),
        ]

    def _support_suspend_overdue(self, today):
        """One overdue suspension per customer and company for these invoices.

        A customer with an open one gets these invoices (and any new service)
        added to it; an invoice whose payment was undone opens its lifted
        suspension again; the others get a new one covering their active
        services.
        A constant number of queries per batch, plus the chatter and emails.
        """
        Suspension = self.env["support.service.suspension"]
        invoices = defaultdict(list)
        for move in self:
            invoices[(move.company_id.id, move.commercial_partner_id.id)].append(
                move.id
            )
        partner_ids = list({partner for _company, partner in invoices})
        open_suspensions = {
            (s.company_id.id, s.partner_id.id): s
            for s in Suspension.search(
                [
                    ("state", "=", "active"),
                    ("reason", "=", "overdue"),
                    ("partner_id", "in", partner_ids),
                ]
            )
        }
        # a payment undone after the lift: the suspension comes back
        reopened = Suspension
        for suspension in self.support_suspension_id.filtered(
            lambda s: s.state == "lifted"
        ):
            key = (suspension.company_id.id, suspension.partner_id.id)
            if key not in open_suspensions:
                open_suspensions[key] = suspension
                reopened |= suspension
        reopened._reopen()
        lines = defaultdict(list)
        for line in self.env["contract.line"].search(
            self.env["contract.line"]._support_in_force_domain(today)
            + [("contract_id.commercial_partner_id", "in", partner_ids)]
        ):
            key = (line.company_id.id, line.contract_id.commercial_partner_id.id)
            lines[key].append(line.id)
        to_create, targets = [], {}
        for key in invoices:
            if key in open_suspensions:
                suspension = open_suspensions[key]
                new_lines = set(lines.get(key, [])) - set(suspension.line_ids.ids)
                if new_lines:
                    suspension.line_ids = [fields.Command.link(i) for i in new_lines]
                targets[key] = suspension
            elif lines.get(key):
                to_create.append(
                    {
                        "company_id": key[0],
                        "partner_id": key[1],
                        "reason": "overdue",
                        "date_start": today,
                        "line_ids": [fields.Command.set(lines[key])],
                    }
                )
        created = Suspension.create(to_create)
        for suspension in created:
            targets[(suspension.company_id.id, suspension.partner_id.id)] = suspension
        pairs = [
            (move_id, targets[key].id)
            for key, move_ids in invoices.items()
            if key in targets
            for move_id in move_ids
        ]
        if pairs:
            # one UPDATE for the batch; never over an invoice already waited for
            self.env.cr.execute(
                SQL(
                    """
                    UPDATE account_move m
                       SET support_suspension_id = v.suspension_id
                      FROM (VALUES %s) AS v(move_id, suspension_id)
                     WHERE m.id = v.move_id
                       AND (
                           m.support_suspension_id IS NULL
                           OR m.support_suspension_id IN (
                               SELECT id
                                 FROM support_service_suspension
                                WHERE state = 'lifted'
                           )
                       )
                    """,
                    SQL(", ").join(SQL("(%s, %s)", m, s) for m, s in pairs),
                )
            )
            self.invalidate_recordset(["support_suspension_id"])
            Suspension.browse([s for _m, s in pairs]).invalidate_recordset(
                ["invoice_ids"]
            )
        (created | reopened)._send_mail(
            "support_terms_suspension.mail_template_services_suspended"
        )
        return created | reopened
