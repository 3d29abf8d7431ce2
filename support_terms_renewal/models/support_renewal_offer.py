from datetime import timedelta

from odoo import Command, api, fields, models
from odoo.tools import format_date


class SupportRenewalOffer(models.Model):
    """The offer to renew a service the customer renews by choice: a
    quotation for the next period which, confirmed, renews the service; else
    the service ends on its day."""

    _name = "support.renewal.offer"
    _description = "Renewal offer"
    _order = "id desc"

    contract_line_id = fields.Many2one(
        "contract.line",
        "Service",
        required=True,
        ondelete="cascade",
        index=True,
        readonly=True,
    )
    contract_id = fields.Many2one(
        related="contract_line_id.contract_id", store=True, index=True
    )
    partner_id = fields.Many2one(related="contract_id.partner_id", string="Customer")
    company_id = fields.Many2one(
        related="contract_line_id.contract_id.company_id", store=True, index=True
    )
    period_end = fields.Date("Period ending on", required=True, readonly=True)
    sale_order_id = fields.Many2one(
        "sale.order",
        "Renewal quotation",
        readonly=True,
        index="btree_not_null",
        ondelete="restrict",
    )
    user_id = fields.Many2one("res.users", "Account manager", readonly=True)
    state = fields.Selection(
        [
            ("offered", "Offered: quotation sent"),
            ("renewed", "Renewed: quotation confirmed"),
            ("lapsed", "Not renewed: ended on its day"),
        ],
        required=True,
        default="offered",
        readonly=True,
        index=True,
    )
    renewed_line_id = fields.Many2one("contract.line", "Next period", readonly=True)

    _sql_constraints = [
        (
            "line_period_uniq",
            "unique(contract_line_id, period_end)",
            "A service is offered for renewal once per period.",
        )
    ]

    @api.model
    def _offer(self, lines):
        """One quotation, one activity for the account manager and one email
        to the customer per line."""
        offers = self.create(
            [
                {
                    "contract_line_id": line.id,
                    "period_end": line.date_end,
                    "user_id": line._support_account_manager().id,
                }
                for line in lines
            ]
        )
        for offer in offers:
            order = offer._create_quotation()
            offer.sale_order_id = order
            end = format_date(self.env, offer.period_end)
            if offer.user_id:
                order.activity_schedule(
                    "mail.mail_activity_data_todo",
                    date_deadline=offer.company_id._support_today(),
                    user_id=offer.user_id.id,
                    summary=self.env._(
                        "Contact %(customer)s to renew %(service)s (ends on %(end)s)",
                        customer=offer.partner_id.display_name,
                        service=offer.contract_line_id.product_id.display_name,
                        end=end,
                    ),
                )
            # Odoo's quotation email, with the link to sign and pay it
            order.with_context(mark_so_as_sent=True).message_post_with_source(
                order._find_mail_template(),
                subtype_xmlid="mail.mt_comment",
                message_type="comment",
                partner_ids=order.partner_id.ids,
                email_layout_xmlid="mail.mail_notification_layout_with_responsible_signature",
            )
            offer.contract_id.message_post(
                body=self.env._(
                    "Renewal of %(service)s offered to %(customer)s: quotation "
                    "%(quote)s, to confirm by %(end)s.",
                    service=offer.contract_line_id.name,
                    customer=offer.partner_id.display_name,
                    quote=order.name,
                    end=end,
                ),
                subtype_xmlid="mail.mt_note",
            )
        return offers

    def _create_quotation(self):
        """The quotation of the next period, at the product's current price,
        to sign and pay in the portal."""
        self.ensure_one()
        line = self.contract_line_id
        start = line.date_end + timedelta(days=1)
        end = line._get_renewal_new_date_end()
        lang = self.partner_id.lang or self.env.lang
        name = self.with_context(lang=lang).env._(
            "%(service)s: renewal from %(start)s to %(end)s",
            service=line.product_id.with_context(lang=lang).display_name,
            start=format_date(self.env, start, lang_code=lang),
            end=format_date(self.env, end, lang_code=lang),
        )
        orders = self.env["sale.order"].with_company(self.company_id)
        return orders.create(
            {
                "partner_id": self.partner_id.id,
                "company_id": self.company_id.id,
                "origin": line.contract_id.name,
                "user_id": self.user_id.id,
                "validity_date": self.period_end,
                "require_signature": True,
                "require_payment": True,
                "prepayment_percent": 1.0,
                "order_line": [
                    Command.create(
                        {
                            "product_id": line.product_id.id,
                            "product_uom_qty": line.quantity,
                            "name": name,
                        }
                    )
                ],
            }
        )

    def _renew(self):
        """The quotation is confirmed: a line for the next period, bought now
        (its own refund window) and invoiced by the quotation, not the contract."""
        for offer in self.filtered(lambda o: o.state == "offered"):
            line = offer.contract_line_id
            new_line = line._renew_create_line(line._get_renewal_new_date_end())
            new_line.write(
                {
                    "previous_period_end": line.date_end,
                    "purchase_datetime": fields.Datetime.now(),
                    "last_date_invoiced": new_line.date_end,
                    "recurring_next_date": False,
                }
            )
            offer.contract_id.message_post(
                body=self.env._(
                    "%(service)s renewed by the customer from %(start)s to %(end)s.",
                    service=line.name,
                    start=format_date(self.env, new_line.date_start),
                    end=format_date(self.env, new_line.date_end),
                ),
                subtype_xmlid="mail.mt_note",
            )
            offer.write({"state": "renewed", "renewed_line_id": new_line.id})

    def _lapse(self):
        """The period ended without the quotation confirmed: the service
        ends on its day, the quotation is cancelled."""
        for offer in self.filtered(lambda o: o.state == "offered"):
            offer.state = "lapsed"
            order = offer.sale_order_id
            if order.state in ("draft", "sent"):
                order._action_cancel()
            offer.contract_id.message_post(
                body=self.env._(
                    "%(service)s not renewed: it ended on %(end)s.",
                    service=offer.contract_line_id.name,
                    end=format_date(self.env, offer.period_end),
                ),
                subtype_xmlid="mail.mt_note",
            )
