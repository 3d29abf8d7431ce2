from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import SQL

from odoo.addons.support_terms_base.tools import check_manager, lock_due, run_due_batch

INVOICE_BATCH_PARAM = "support_terms.charge_invoicing_batch_size"
INVOICE_BATCH_DEFAULT = 500
# first key of the advisory lock a run holds on a customer it invoices
CUSTOMER_LOCK_NAMESPACE = 0x53544348


class SupportTicketCharge(models.Model):
    """A fixed-fee extra of a request: an unjustified urgency, a channel the
    plan does not include, a request outside the plan, missing credits. A
    customer's pending charges go into one draft invoice, one line per
    charge; a charge has at most one invoice line (unique constraint)."""

    _name = "support.ticket.charge"
    _description = "Support ticket charge"
    _order = "id desc"
    _check_company_auto = True

    ticket_id = fields.Many2one(
        "helpdesk.ticket", required=True, index=True, ondelete="restrict"
    )
    partner_id = fields.Many2one(
        "res.partner",
        string="Customer",
        compute="_compute_partner_id",
        store=True,
        precompute=True,
        index=True,
        readonly=False,
    )
    company_id = fields.Many2one(
        related="ticket_id.company_id", store=True, index=True, precompute=True
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    kind = fields.Selection(
        [
            ("urgency", "Unjustified urgency"),
            ("channel", "Channel outside the plan"),
            ("outside_plan", "Request outside the plan"),
            ("credit_shortfall", "Missing credits"),
        ],
        required=True,
    )
    name = fields.Char(string="Description")
    product_id = fields.Many2one(
        "product.product", required=True, check_company=True, ondelete="restrict"
    )
    quantity = fields.Float(default=1.0, digits="Product Unit of Measure")
    price_unit = fields.Float(string="Unit price", digits="Product Price")
    # stored: the charges' report sums it
    amount = fields.Monetary(compute="_compute_amount", store=True)
    state = fields.Selection(
        [
            ("to_invoice", "To invoice"),
            ("invoiced", "Invoiced"),
            ("cancelled", "Cancelled"),
        ],
        default="to_invoice",
        required=True,
        index=True,
    )
    invoice_line_ids = fields.One2many(
        "account.move.line", "support_charge_id", string="Invoice line", readonly=True
    )
    invoice_id = fields.Many2one(
        "account.move", string="Invoice", compute="_compute_invoice_id"
    )

    def init(self):
        # one charge of each automatic kind per ticket, however it is created
        self.env.cr.execute(
            "CREATE UNIQUE INDEX IF NOT EXISTS support_ticket_charge_one_per_kind "
            "ON support_ticket_charge (ticket_id, kind) "
            "WHERE kind IN ('urgency', 'channel', 'outside_plan')"
        )

    @api.depends("ticket_id")
    def _compute_partner_id(self):
        for charge in self:
            customer = charge.ticket_id.partner_id.commercial_partner_id
            charge.partner_id = customer or charge.partner_id

    @api.depends("quantity", "price_unit")
    def _compute_amount(self):
        for charge in self:
            charge.amount = charge.quantity * charge.price_unit

    @api.depends("invoice_line_ids")
    def _compute_invoice_id(self):
        for charge in self:
            charge.invoice_id = charge.invoice_line_ids[:1].move_id

    @api.constrains("quantity", "price_unit", "partner_id")
    def _check_amounts(self):
        for charge in self:
            if charge.price_unit < 0:
                raise ValidationError(_("The price of a charge cannot be negative."))
            if charge.quantity <= 0:
                raise ValidationError(_("The quantity of a charge must be positive."))
            if not charge.partner_id:
                raise ValidationError(
                    _(
                        "Ticket %(ticket)s has no customer to charge.",
                        ticket=charge.ticket_id.display_name,
                    )
                )

    def action_cancel(self):
        self.filtered(lambda c: c.state == "to_invoice").write({"state": "cancelled"})

    # -- invoicing --------------------------------------------------------------

    def action_invoice(self):
        """Invoice the selected pending charges: one draft invoice a customer.
        A support terms manager decides it, who need not keep the books: the
        invoices are made as superuser once checked."""
        check_manager(
            self,
            _("Only a support terms manager can invoice or change charges."),
        )
        pending = lock_due(
            self.sudo(),
            [("id", "in", self.ids), ("state", "=", "to_invoice")],
            None,
            "id",
        )
        busy = pending.partner_id - pending._lock_customers()
        if busy:
            raise UserError(
                _(
                    "The charges of %(customers)s are being invoiced right now by "
                    "another run: try again in a moment.",
                    customers=", ".join(busy.mapped("display_name")),
                )
            )
        invoices = pending._invoice()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "account.action_move_out_invoice_type"
        )
        action["domain"] = [("id", "in", invoices.ids)]
        action["context"] = {"default_move_type": "out_invoice"}
        return action

    @api.model
    def _cron_invoice_charges(self):
        """Put each customer's pending charges into one draft invoice, one
        batch per call; locked charges leave the pending set with their
        invoice line, so overlapping runs never invoice a charge twice."""
        return run_due_batch(
            self,
            INVOICE_BATCH_PARAM,
            INVOICE_BATCH_DEFAULT,
            "id",
            [([("state", "=", "to_invoice")], lambda due: due._invoice())],
        )

    def _lock_customers(self):
        """The customers of these charges this transaction now invoices alone
        (an advisory lock per customer, never waited for): those another run
        is invoicing wait for the next run rather than get a second invoice."""
        customers = self.partner_id.sorted("id")
        if not customers:
            return customers
        rows = self.env.execute_query(
            SQL(
                "SELECT id FROM unnest(%s) AS id "
                "WHERE pg_try_advisory_xact_lock(%s, id)",
                customers.ids,
                CUSTOMER_LOCK_NAMESPACE,
            )
        )
        return customers.browse(row[0] for row in rows)

    def _invoice(self):
        """One draft invoice per customer and company for these locked
        charges, with the customers' other pending charges not locked by
        another run: a batch boundary does not split a customer's invoice."""
        customers = self._lock_customers()
        mine = self.filtered(lambda charge: charge.partner_id in customers)
        more = lock_due(
            self,
            [
                ("state", "=", "to_invoice"),
                ("partner_id", "in", customers.ids),
                ("company_id", "in", mine.company_id.ids),
                ("id", "not in", mine.ids),
            ],
            None,
            "id",
        )
        charges = mine | more
        values = [
            {
                "move_type": "out_invoice",
                "partner_id": partner.id,
                "company_id": company.id,
                # the env's language: a comprehension's frame has none
                "invoice_origin": self.env._("Support charges"),
                "invoice_line_ids": [
                    fields.Command.create(
                        {
                            "product_id": charge.product_id.id,
                            "name": f"{charge.ticket_id.number}: "
                            f"{charge.name or charge.product_id.name}",
                            "quantity": charge.quantity,
                            "price_unit": charge.price_unit,
                            "support_charge_id": charge.id,
                        }
                    )
                    for charge in group
                ],
            }
            for (company, partner), group in charges.grouped(
                lambda c: (c.company_id, c.partner_id)
            ).items()
        ]
        moves = self.env["account.move"].with_context(default_move_type="out_invoice")
        invoices = moves.create(values)
        charges.write({"state": "invoiced"})
        return invoices
