from odoo import _, api, fields, models
from odoo.exceptions import AccessError
from odoo.tools import format_list

SERVICE_STATES = [
    ("active", "Active"),
    ("suspended", "Suspended"),
    ("terminated", "Terminated"),
]


class ContractLine(models.Model):
    _inherit = "contract.line"

    service_state = fields.Selection(
        selection=SERVICE_STATES,
        string="Service state",
        default="active",
        required=True,
        index=True,
        copy=False,
        readonly=True,
        help="Whether the service is delivered: suspended for an overdue payment "
        "or an abuse (still invoiced), terminated (never invoiced again). Changes "
        "are logged on the contract.",
    )
    support_suspension_ids = fields.Many2many(
        comodel_name="support.service.suspension",
        relation="support_service_suspension_contract_line_rel",
        column1="contract_line_id",
        column2="suspension_id",
        string="Suspensions",
        copy=False,
        readonly=True,
    )
    support_suspension_reason = fields.Char(
        string="Suspension reason",
        compute="_compute_support_suspension_reason",
        compute_sudo=True,
    )

    @api.depends("service_state", "support_suspension_ids.state")
    def _compute_support_suspension_reason(self):
        reasons = dict(
            self.env["support.service.suspension"]._fields["reason"]._description_selection(
                self.env
            )
        )
        for line in self:
            active = line.support_suspension_ids.filtered(lambda s: s.state == "active")
            line.support_suspension_reason = (
                format_list(self.env, [reasons[r] for r in dict.fromkeys(active.mapped("reason"))])
                if line.service_state == "suspended"
                else False
            )

    def write(self, vals):
        if "service_state" not in vals:
            return super().write(vals)
        old_states = {line.id: line.service_state for line in self}
        result = super().write(vals)
        changed = self.filtered(lambda line: old_states[line.id] != line.service_state)
        if changed:
            changed._log_service_state_change(old_states)
            changed._on_service_state_change(old_states)
        return result

    def _log_service_state_change(self, old_states):
        """contract.line is no mail.thread: the change goes on the contract's chatter."""
        labels = dict(self._fields["service_state"]._description_selection(self.env))
        bodies = {}
        for line in self:
            bodies.setdefault(line.contract_id.id, []).append(
                _(
                    "Service %(line)s: %(old)s → %(new)s",
                    line=line.name or line.product_id.display_name,
                    old=labels[old_states[line.id]],
                    new=labels[line.service_state],
                )
            )
        contracts = self.env["contract.contract"].browse(list(bodies))
        contracts.sudo()._message_log_batch(
            {cid: "<br/>".join(lines) for cid, lines in bodies.items()}
        )

    def _on_service_state_change(self, old_states):
        """Called after every change of ``service_state``, for provisioning.

        ``self`` holds the lines whose state changed; ``old_states`` maps each
        line id to its previous state. Override it to suspend, reactivate or
        remove the service on the hosting platform.
        """
        return True

    def _can_be_invoiced(self, date_ref):
        """A suspended service is still invoiced (the fee is due), a terminated one never."""
        return self.service_state != "terminated" and super()._can_be_invoiced(date_ref)

    def action_terminate_service(self):
        if not self.env.user.has_group("support_terms.group_support_terms_manager"):
            raise AccessError(_("Only a support terms manager can terminate a service."))
        self.sudo().write({"service_state": "terminated"})
        return True
