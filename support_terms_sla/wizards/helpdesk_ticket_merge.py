from odoo import models


class HelpdeskTicketMerge(models.TransientModel):
    """The merged request keeps the earliest SLA: the customer asked first
    in the request merged away, its deadlines stand."""

    _inherit = "helpdesk.ticket.merge"

    def merge_tickets(self):
        earliest = self._support_earliest_slas()
        res = super().merge_tickets()
        self._support_keep_earliest_slas(earliest)
        return res

    def _support_earliest_slas(self):
        """{SLA: the running line with the earliest deadline} among the
        requests merged."""
        self.ensure_one()
        earliest = {}
        # sudo: agents merging requests only read their SLA lines
        lines = (self.ticket_ids | self.dst_ticket_id).sudo().ticket_sla_ids
        for line in lines.filtered(lambda r: r.deadline and r.state != "replaced"):
            kept = earliest.get(line.sla_id)
            if not kept or line.deadline < kept.deadline:
                earliest[line.sla_id] = line
        return earliest

    def _support_keep_earliest_slas(self, earliest):
        """The destination's SLAs that an earlier request had too take that
        request's line (its start, its time consumed, its deadline)."""
        # sudo: agents merging requests only read their SLA lines
        destination = self.dst_ticket_id.sudo()
        for line in destination.ticket_sla_ids:
            first = earliest.get(line.sla_id)
            if first and first != line and first.exists():
                first.ticket_id = destination
                line.unlink()
