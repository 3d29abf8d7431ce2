from odoo import models


class ResourceCalendar(models.Model):
    _inherit = "resource.calendar"

    def _support_has_working_hours(self):
        """Whether deadlines can be counted on this calendar."""
        self.ensure_one()
        return not self.flexible_hours and bool(self.attendance_ids)
