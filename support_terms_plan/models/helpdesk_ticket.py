from collections import defaultdict
from datetime import timedelta

from odoo import _, api, fields, models
from odoo.exceptions import AccessError
from odoo.tools.mail import email_normalize, email_normalize_all, email_split_tuples

from odoo.addons.support_terms_base.tools import MANAGER_GROUP, send_customer_mail

from ..rules.duplicates import similar_subjects


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

    support_duplicate_of_id = fields.Many2one(
        comodel_name="helpdesk.ticket",
        string="Probable duplicate of",
        copy=False,
        readonly=True,
        index="btree_not_null",
        help="An open request of the same customer, received in the last days "
        "with a similar subject, when this one arrived: merge them if they "
        "are about the same problem.",
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
        tickets = self.filtered(lambda t: t.partner_id or t.partner_email)
        return send_customer_mail(tickets, template, email_layout_xmlid)

    def _message_track_post_template(self, changes):
        """A stage's email (the resolution of the Done stage) to a requester
        known only by the ticket's email: Odoo's composer would find no
        recipient (or make a contact of it), so it is queued to the email;
        the other tracked templates go the usual way."""
        if (
            len(self) == 1
            and "stage_id" in changes
            and not self.partner_id
            and self.partner_email
        ):
            template = self._track_template({"stage_id"}).get("stage_id")
            if template and template[0]:
                self._send_customer_email(
                    template[0], email_layout_xmlid="mail.mail_notification_light"
                )
            changes = set(changes) - {"stage_id"}
        return super()._message_track_post_template(changes)

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._check_system_fields(vals)
        if not self._can_set_support_plan():
            for vals in vals_list:
                vals.pop("support_plan_id", None)
        for vals in vals_list:
            # a customer's request, whatever its door; staff's own tickets
            # without a requester keep the team staff give them
            requester = vals.get("partner_id") or vals.get("partner_email")
            if requester and not vals.get("team_id"):
                team = self._support_default_team(vals)
                if team:
                    vals["team_id"] = team.id
        tickets = super().create(vals_list)
        # they arrive now, on the application's clock
        tickets.filtered(lambda t: not t.support_plan_id)._snapshot_support_plan(
            fields.Datetime.now()
        )
        tickets._support_mark_probable_duplicate()
        return tickets

    # -- one request per problem ----------------------------------------------

    @api.model
    def _support_similar_open_requests(self, partner, email, subject, company):
        """The open requests of ``partner``'s customer (or, without one, of
        ``email``) in ``company``, received in its duplicate window, whose
        subject is like ``subject``: newest first."""
        days = company.support_duplicate_days
        if days <= 0 or not subject:
            return self.browse()
        domain = [
            ("closed", "=", False),
            ("company_id", "=", company.id),
            ("create_date", ">=", fields.Datetime.now() - timedelta(days=days)),
        ]
        customer = partner.commercial_partner_id
        if customer:
            domain.append(("partner_id", "child_of", customer.id))
        elif email_normalize(email or ""):
            domain += [
                ("partner_id", "=", False),
                ("partner_email", "=ilike", email_normalize(email)),
            ]
        else:
            return self.browse()
        # read whatever the caller may read: the customer is the check
        candidates = self.sudo().search(domain, order="create_date desc, id desc")
        return candidates.filtered(lambda t: similar_subjects(t.name, subject))

    def _support_mark_probable_duplicate(self):
        """A new request like an open one of the same customer: staff see it
        as a probable duplicate of the earliest of them."""
        for ticket in self.sudo():
            similar = (
                ticket._support_similar_open_requests(
                    ticket.partner_id,
                    ticket.partner_email,
                    ticket.name,
                    ticket.company_id or self.env.company,
                )
                - ticket
            )
            if similar:
                ticket.support_duplicate_of_id = similar[-1]

    def write(self, vals):
        # what the addons record is refused first, whatever else is wrong
        self._check_system_fields(vals)
        self._support_check_write(vals)
        res = super().write(vals)
        if "partner_id" in vals and "support_plan_id" not in vals:
            self._support_plan_follow_customer()
        return res

    @api.model
    def _support_default_team(self, vals):
        """The team of a new request that names none, whatever way it comes
        (email, portal, staff): its customer's plan's team, else its
        company's support team."""
        company = self.env["res.company"].browse(vals.get("company_id"))
        company = (company or self.env.company).sudo()
        partner = self.env["res.partner"].browse(vals.get("partner_id")).sudo()
        if partner.exists():
            # the arrival day, as the plan's snapshot reads it
            today = company._support_today()
            plan = partner._support_plan_at(company, today).get(
                partner.commercial_partner_id.id
            )
            if plan and plan.team_id:
                return plan.team_id
        return company.support_team_id

    def _support_plan_follow_customer(self):
        """The request's customer is set or corrected: the request takes the
        plan that customer had when the request arrived (none if it had
        none), as if it had come from it."""
        with_customer = self.filtered("partner_id")
        plans = with_customer._support_plans_at_arrival()
        changed = defaultdict(lambda: self.browse())
        for ticket in with_customer:
            plan = plans.get(ticket.id) or self.env["support.plan"]
            if ticket.support_plan_id != plan:
                changed[plan] |= ticket
        for plan, tickets in changed.items():
            # sudo: the plan follows the customer, it is not the user's choice
            tickets.sudo().write({"support_plan_id": plan.id})

    def _support_check_write(self, vals):
        """What a write may not do, checked before anything is written: each
        feature adds the rules it owns (the coverage an agent may set, work
        before a quote is accepted)."""
        if "support_plan_id" in vals and not self._can_set_support_plan():
            raise AccessError(
                _("Only support managers can change the support plan of a ticket.")
            )
        return True

    def _support_system_fields(self):
        """Fields the addons record themselves (as superuser) from what
        happened: never written by users. Each feature adds its own."""
        return {"support_waiting_paused", "support_duplicate_of_id"}

    def _check_system_fields(self, vals):
        """The quote, the coverage rule, the take in charge and the waiting
        clock are what happened, recorded by the addon: read only on the
        server too (work waits for the quote's acceptance)."""
        self._refuse_system_fields(self._support_system_fields() & set(vals))

    def _refuse_system_fields(self, written):
        """Refuse a user's write of ``written``, fields the addons record."""
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

    def _snapshot_support_plan(self, arrived=None):
        """Record the plan in force for each ticket's customer on its arrival
        (``arrived``, a UTC datetime, for requests arriving now)."""
        plans = self._support_plans_at_arrival(arrived)
        by_plan = defaultdict(lambda: self.browse())
        for ticket in self:
            if plans.get(ticket.id):
                by_plan[plans[ticket.id]] |= ticket
        for plan, tickets in by_plan.items():
            # sudo: the snapshot is the system's, not the user's choice
            tickets.sudo().write({"support_plan_id": plan.id})

    def _support_plans_at_arrival(self, arrived=None):
        """``{ticket id: plan}``: the plan in force for each ticket's customer
        on its arrival (``arrived``, else its creation); tickets without one
        are missing."""
        groups = defaultdict(lambda: self.browse())
        for ticket in self:
            if ticket.partner_id:
                # the arrival day is the company's, whoever (or whatever
                # gateway user) created the request
                arrival = ticket.company_id._support_date_of(
                    arrived or ticket.create_date
                )
                groups[(ticket.company_id, arrival)] |= ticket
        result = {}
        for (company, arrival), tickets in groups.items():
            plans = tickets.partner_id._support_plan_at(company, arrival)
            for ticket in tickets:
                plan = plans.get(ticket.partner_id.commercial_partner_id.id)
                if plan:
                    result[ticket.id] = plan
        return result

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

    @api.private
    def message_update(self, msg, update_vals=None):
        author = self.env["res.partner"].browse(msg.get("author_id") or [])
        if not all(
            t._support_message_trusted(author, msg.get("email_from")) for t in self
        ):
            # someone else writing in the thread (a forward, a Cc): the email
            # is logged, and nobody it names becomes a follower
            msg = dict(msg, to="", cc="")
        return super().message_update(msg, update_vals=update_vals)

    def message_post(self, **kwargs):
        ticket = self
        if len(self) == 1 and kwargs.get("message_type") == "email":
            author = self.env["res.partner"].browse(kwargs.get("author_id") or [])
            if not self._support_message_trusted(author, kwargs.get("email_from")):
                # the gateway subscribes the author of an email: someone else
                # writing in the thread would then read the request
                ticket = self.with_context(mail_create_nosubscribe=True)
        return super(HelpdeskTicket, ticket).message_post(**kwargs)

    def _support_message_trusted(self, author, email_from):
        """The customer's own message, or staff's."""
        return self._support_from_customer(author, email_from) or any(
            not user.share for user in author.sudo().user_ids
        )

    def _support_from_customer(self, author, email_from):
        """Whether a message is the customer's own: written by a contact of
        the request's customer, or, for a request without a contact, sent
        from the request's own address. Only such a message acts on the
        request (urgency, waiting clock, reopening, follow-up)."""
        self.ensure_one()
        if self.env.context.get("mail_autogenerated_header"):
            # an out-of-office answer is the customer's mail server, not the
            # customer
            return False
        # who wrote is read whatever the writer may read: the check is ours
        ticket, author = self.sudo(), author.sudo()
        customer = ticket.partner_id.commercial_partner_id
        if customer:
            return bool(author) and author.commercial_partner_id == customer
        sender = email_normalize(email_from or author.email or "")
        return bool(sender) and sender in email_normalize_all(
            ticket.partner_email or ""
        )
