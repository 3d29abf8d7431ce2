from odoo import models
from odoo.exceptions import UserError
from odoo.tools.mail import email_normalize


class HelpdeskTicketMerge(models.TransientModel):
    """OCA's merge, of the requests of one customer in one company only."""

    _inherit = "helpdesk.ticket.merge"

    def merge_tickets(self):
        # one problem of one customer (or of one address) in one company,
        # checked before anything is written
        for wizard in self:
            tickets = wizard.ticket_ids
            if not wizard.create_new_ticket:
                tickets |= wizard.dst_ticket_id
            names = ", ".join(tickets.mapped("display_name"))
            customers = {
                t.partner_id.commercial_partner_id.id
                or email_normalize(t.partner_email or "")
                or False
                for t in tickets
            }
            if len(customers) > 1:
                message = self.env._(
                    "%(tickets)s: requests of different customers are not "
                    "merged, each keeps its own.",
                    tickets=names,
                )
                raise UserError(message)
            companies = tickets.company_id
            team_company = wizard.dst_helpdesk_team_id.company_id
            if len(companies) > 1 or (
                wizard.create_new_ticket and team_company and team_company != companies
            ):
                message = self.env._(
                    "%(tickets)s: requests of different companies are not merged.",
                    tickets=names,
                )
                raise UserError(message)
        return super().merge_tickets()
