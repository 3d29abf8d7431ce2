from odoo import models


class HelpdeskTicketMerge(models.TransientModel):
    """The merged request keeps the earliest SLA: the customer asked first
    in the request merged away, its deadlines stand."""

    _inherit = "helpdesk.ticket.merge"

    def merge_tickets(self):
        self.ensure_one()
        # sudo: agents merging requests move their SLA lines, the system's
        # count, which they may not write
        tickets = (self.ticket_ids | self.dst_ticket_id).sudo()
        earliest = {}
        lines = tickets.ticket_sla_ids.filtered(lambda r: r.state != "replaced")
        # each SLA's line of the earliest deadline (the first of equal ones)
        for line in lines.filtered("deadline").sorted("deadline"):
            earliest.setdefault(line.sla_id, line)
        res = super().merge_tickets()
        # the destination's SLAs that an earlier request had too take that
        # request's line (its start, its time consumed, its deadline)
        destination = tickets & self.dst_ticket_id
        for line in destination.ticket_sla_ids:
            first = earliest.get(line.sla_id)
            if first and first != line and first.exists():
                first.ticket_id = destination
                line.unlink()
        return res
