from collections import defaultdict

from odoo import _, api, fields, models
from odoo.exceptions import AccessError
from odoo.tools.mail import email_split_tuples

MANAGER_GROUP = "support_terms_base.group_support_terms_manager"


class HelpdeskTicket(models.Model):
    _inherit = "helpdesk.ticket"

    support_plan_id = fields.Many2one(
        comodel_name="support.plan",
        string="Support plan",
        index=True,
        tracking=True,
        copy=False,
        ondelete="restrict",
        help="The plan in force for the customer when the request arrived. "
        "It does not follow later changes of the contracts. Empty: the "
        "request is served as paid support.",
    )
    # What the customer emails show, computed in batch, so that their
    # templates use plain field reads (mail_allowed_qweb_expressions) and
    # Odoo renders them without compiling QWeb for each ticket.
    support_customer_name = fields.Char(
        string="Customer name in emails", compute="_compute_support_mail_values"
    )
    support_email_to = fields.Char(
        string="Email of a customer without contact",
        compute="_compute_support_mail_values",
    )

    support_waiting_paused = fields.Boolean(
        string="Waiting clock paused",
        compute="_compute_support_waiting_paused",
        store=True,
        copy=False,
        help="Set while the request waits for the customer to act elsewhere "
        "(a quotation to sign): the request is not closed for lack of reply "
        "meanwhile.",
    )

    def _compute_support_waiting_paused(self):
        """Nothing pauses the waiting clock here: features that make the
        customer act elsewhere (a quotation) extend it with their depends."""
        for ticket in self:
            ticket.support_waiting_paused = False

    def _support_may_enter_stage(self, stage):
        """Whether the addons' own flows (a customer's reply) may move these
        tickets to ``stage``: features that guard a stage say no."""
        return True

    def _support_waiting_resumed(self):
        """Called on the tickets whose pause ended without the work starting
        (a quotation declined): the waiting feature restarts its clock."""
        return True

    @api.depends("partner_name", "partner_email", "partner_id.name")
    def _compute_support_mail_values(self):
        for ticket in self:
            partner = ticket.partner_id
            ticket.support_customer_name = ticket.partner_name or partner.name
            ticket.support_email_to = not partner and ticket.partner_email

    def mail_allowed_qweb_expressions(self):
        return super().mail_allowed_qweb_expressions() + (
            "object.number",
            "object.display_name",
            "object.lang",
            "object.partner_id.id",
            "object.partner_id.lang",
            "object.company_id.partner_id.email_formatted",
            "object.support_customer_name",
            "object.support_email_to",
        )

    def _send_customer_email(self, template, email_layout_xmlid=False):
        """Render and queue one email per ticket to its customer, logged in
        its chatter.

        The customer is the contact, or only the ticket's email when the
        request came from an address that matches no contact: the templates
        write to ``partner_to`` and ``email_to`` (``support_email_to``), and
        the email is queued as such (``send_mail_batch``), never turned into
        a new contact as Odoo's composer would do.
        """
        if isinstance(template, str):
            template = self.env.ref(template)
        tickets = self.filtered(lambda t: t.partner_id or t.partner_email)
        if not tickets:
            return
        template.sudo().send_mail_batch(
            tickets.ids,
            email_values={
                "message_type": "auto_comment",
                "subtype_id": self.env.ref("mail.mt_comment").id,
            },
            email_layout_xmlid=email_layout_xmlid,
        )

    def _track_template(self, changes):
        """A stage's email (the resolution of the Done stage) to a requester
        known only by the ticket's email: Odoo's composer would find no
        recipient (or make a contact of it), so it is queued to the email."""
        res = super()._track_template(changes)
        ticket = self[:1]
        if (
            "stage_id" in res
            and ticket
            and not ticket.partner_id
            and ticket.partner_email
        ):
            template, _values = res.pop("stage_id")
            ticket._send_customer_email(
                template, email_layout_xmlid="mail.mail_notification_light"
            )
        return res

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._check_system_fields(vals)
        if not self._can_set_support_plan():
            for vals in vals_list:
                vals.pop("support_plan_id", None)
        tickets = super().create(vals_list)
        tickets.filtered(lambda t: not t.support_plan_id)._snapshot_support_plan()
        return tickets

    def write(self, vals):
        self._check_system_fields(vals)
        if "support_plan_id" in vals and not self._can_set_support_plan():
            raise AccessError(
                _("Only support managers can change the support plan of a ticket.")
            )
        res = super().write(vals)
        if "partner_id" in vals and "support_plan_id" not in vals:
            # A request first received from an unknown address gets the plan
            # the customer had when the request arrived, once it is linked.
            self.filtered(
                lambda t: not t.support_plan_id and t.partner_id
            )._snapshot_support_plan()
        return res

    def _support_system_fields(self):
        """Fields the addons record themselves (as superuser) from what
        happened: never written by users. Each feature adds its own."""
        return {"support_waiting_paused"}

    def _check_system_fields(self, vals):
        """The quote, the coverage rule, the take in charge and the waiting
        clock are what happened, recorded by the addon: read only on the
        server too (work waits for the quote's acceptance)."""
        written = self._support_system_fields() & set(vals)
        if written and not self.env.su:
            raise AccessError(
                _(
                    "%(fields)s: recorded by the support terms, they cannot be "
                    "written.",
                    fields=", ".join(
                        self._fields[name]._description_string(self.env)
                        for name in sorted(written)
                    ),
                )
            )

    def _can_set_support_plan(self):
        return self.env.su or self.env.user.has_group(MANAGER_GROUP)

    def _snapshot_support_plan(self):
        """Record the plan in force for each ticket's customer on its arrival."""
        groups = defaultdict(lambda: self.browse())
        for ticket in self:
            if ticket.partner_id:
                arrival = fields.Date.context_today(ticket, ticket.create_date)
                groups[(ticket.company_id, arrival)] |= ticket
        by_plan = defaultdict(lambda: self.browse())
        for (company, arrival), tickets in groups.items():
            plans = tickets.partner_id._support_plan_at(company, arrival)
            for ticket in tickets:
                plan = plans.get(ticket.partner_id.commercial_partner_id.id)
                if plan:
                    by_plan[plan] |= ticket
        for plan, tickets in by_plan.items():
            # sudo: the snapshot is the system's, not the user's choice
            tickets.sudo().write({"support_plan_id": plan.id})

    @api.private
    @api.model
    def message_new(self, msg, custom_values=None):
        ticket = super().message_new(msg, custom_values=custom_values)
        if not ticket.partner_id and not ticket.partner_name:
            # a sender that matches no contact: its name greets it in emails
            name = email_split_tuples(msg.get("email_from") or "")[:1]
            if name and name[0][0]:
                ticket.partner_name = name[0][0]
        return ticket
