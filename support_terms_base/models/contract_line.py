from markupsafe import Markup

from odoo import _, api, fields, models

from ..tools import check_manager

SERVICE_STATES = [
    ("waiting_payment", "Waiting for payment"),
    ("active", "Active"),
    ("suspended", "Suspended"),
    ("terminated", "Terminated"),
]
# a service's state on the company's day, or that its period is over or to come
SERVICE_STATUSES = [
    ("upcoming", "Not started"),
    *SERVICE_STATES,
    ("ended", "Ended"),
]


class ContractLine(models.Model):
    _inherit = "contract.line"

    service_kind = fields.Selection(
        related="product_id.product_tmpl_id.service_kind",
        store=True,
        index=True,
    )
    service_state = fields.Selection(
        SERVICE_STATES,
        string="Service state",
        default="active",
        required=True,
        index=True,
        copy=False,
        readonly=True,
        help="Whether the service is delivered: waiting for the payment of its "
        "first invoice (a service paid before activation: invoiced once, not "
        "in force), suspended for an overdue payment or an abuse (still "
        "invoiced), terminated (never invoiced again). Changes are logged on "
        "the contract.",
    )
    service_activated_on = fields.Date(
        string="Activated on",
        readonly=True,
        copy=False,
        help="The day the customer paid the first invoice of a service paid "
        "before activation: the service is in force since then.",
    )
    service_status = fields.Selection(
        SERVICE_STATUSES,
        string="Status",
        compute="_compute_service_status",
        help="The service's state on the company's day: an active service "
        "whose period is over reads Ended, one not begun Not started.",
    )

    @api.depends("service_state", "date_start", "date_end", "is_canceled")
    def _compute_service_status(self):
        for line in self:
            today = line.company_id._support_today()
            if line.service_state == "terminated":
                line.service_status = "terminated"
            elif line.is_canceled or (line.date_end and line.date_end < today):
                line.service_status = "ended"
            elif line.date_start and line.date_start > today:
                line.service_status = "upcoming"
            else:
                line.service_status = line.service_state

    def write(self, vals):
        if "service_state" not in vals:
            return super().write(vals)
        # OCA lets accounting write lines: the state is the terms' own
        message = _(
            "Only a support terms manager can suspend, reactivate or "
            "terminate a service."
        )
        check_manager(self, message, model_rights=False)
        old_states = {line.id: line.service_state for line in self}
        result = super().write(vals)
        changed = self.filtered(lambda line: old_states[line.id] != line.service_state)
        if changed:
            changed._log_service_state_change(old_states)
            changed._on_service_state_change(old_states)
        return result

    def _log_service_state_change(self, old_states):
        # contract.line is no mail.thread: the change goes on the contract
        labels = dict(self._fields["service_state"]._description_selection(self.env))
        bodies = {
            contract.id: Markup("<br/>").join(
                _(
                    "Service %(line)s: %(old)s → %(new)s",
                    line=line.name or line.product_id.display_name,
                    old=labels[old_states[line.id]],
                    new=labels[line.service_state],
                )
                for line in lines
            )
            for contract, lines in self.grouped("contract_id").items()
        }
        # logs without access checks: the state change itself was checked
        self.contract_id._message_log_batch(bodies)

    def _on_service_state_change(self, old_states):
        """Override to provision (suspend, reactivate, remove the service on
        the hosting platform) the lines whose state changed from
        ``old_states`` (``{line id: previous state}``)."""
        return True

    @api.model
    def _support_in_force_domain(self, on_date, include_future=False):
        """THE services in force on ``on_date`` (for plans, invoicing,
        suspension, the customer's services): started (or later, with
        ``include_future``), not ended nor canceled, active or suspended, on an
        active sale contract."""
        domain = [
            ("display_type", "=", False),
            ("is_canceled", "=", False),
            ("service_state", "in", ("active", "suspended")),
            ("contract_id.active", "=", True),
            ("contract_id.contract_type", "=", "sale"),
            "|",
            ("date_end", "=", False),
            ("date_end", ">=", on_date),
        ]
        if not include_future:
            domain.append(("date_start", "<=", on_date))
        return domain

    def _support_in_force(self, on_date):
        return self.filtered_domain(self._support_in_force_domain(on_date))

    def _can_be_invoiced(self, date_ref):
        """A service sold is invoiced for a period it is in force at the start
        of; one paid before activation also for its first period, the invoice
        it waits for."""
        awaits_first_invoice = (
            self.service_state == "waiting_payment"
            and not self.last_date_invoiced
            and not self.is_canceled
            and self.contract_id.active
        )
        if (
            not self.display_type
            and self.contract_id.contract_type == "sale"
            and not self._support_in_force(self.next_period_date_start or date_ref)
            and not awaits_first_invoice
        ):
            return False
        return super()._can_be_invoiced(date_ref)

    def action_terminate_service(self):
        message = _("Only a support terms manager can terminate a service.")
        check_manager(self, message, model_rights=False)
        # the state is recorded by the addon, never written by users
        self.sudo().write({"service_state": "terminated"})
        return True
