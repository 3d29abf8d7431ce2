from odoo import models


class HelpdeskTicketStage(models.Model):
    _inherit = "helpdesk.ticket.stage"

    def _support_is_work_stage(self):
        """Work is done in any stage but a new request's, a closed one or
        one waiting for the customer."""
        if not self:
            return False
        self.ensure_one()
        waiting = "waiting_customer" in self._fields and self.waiting_customer
        return not (self.unattended or self.closed or waiting)
