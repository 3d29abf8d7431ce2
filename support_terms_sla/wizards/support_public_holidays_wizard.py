from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

MAX_YEARS = 50
MIN_YEAR = 1900
MAX_YEAR = 2999


class SupportPublicHolidaysWizard(models.TransientModel):
    """Add the Italian national holidays to a working calendar, as global
    leaves that the deadlines skip; running it again adds nothing."""

    _name = "support.public.holidays.wizard"
    _description = "Add Italian public holidays to a working calendar"

    def _default_calendar_id(self):
        context = self.env.context
        if context.get("active_model") == "resource.calendar":
            return context.get("active_id")
        return False

    def _default_year_from(self):
        return self.env.company._support_today().year

    def _default_year_to(self):
        return self.env.company._support_today().year + 1

    calendar_id = fields.Many2one(
        comodel_name="resource.calendar",
        string="Working hours",
        required=True,
        ondelete="cascade",
        default=_default_calendar_id,
    )
    year_from = fields.Integer(
        string="From year", required=True, default=_default_year_from
    )
    year_to = fields.Integer(string="To year", required=True, default=_default_year_to)
    patron_day = fields.Boolean(
        string="Local patron day",
        help="Also add the feast of the local patron saint, a day off in the "
        "town where the support is given.",
    )
    patron_date = fields.Date(
        string="Patron day date",
        help="Only its day and month are used: the day is added every year.",
    )
    patron_name = fields.Char(
        string="Patron day name",
        help="Name of the time off, e.g. Sant'Ambrogio. Empty: Patron saint's day.",
    )

    @api.constrains("year_from", "year_to", "patron_day", "patron_date")
    def _check_input(self):
        for wizard in self:
            years = (wizard.year_from, wizard.year_to)
            if min(years) < MIN_YEAR or max(years) > MAX_YEAR:
                message = _(
                    "Give years between %(min)s and %(max)s.",
                    min=MIN_YEAR,
                    max=MAX_YEAR,
                )
                raise ValidationError(message)
            if wizard.year_from > wizard.year_to:
                message = _(
                    "The first year (%(year_from)s) comes after the last one "
                    "(%(year_to)s).",
                    year_from=wizard.year_from,
                    year_to=wizard.year_to,
                )
                raise ValidationError(message)
            if wizard.year_to - wizard.year_from + 1 > MAX_YEARS:
                message = _(
                    "Add the holidays of at most %(max)s years at a time.",
                    max=MAX_YEARS,
                )
                raise ValidationError(message)
            if wizard.patron_day and not wizard.patron_date:
                message = _("Give the date of the local patron day, or untick it.")
                raise ValidationError(message)

    def action_add_holidays(self):
        """Add the holidays of the years chosen; the calendar then keeps
        them, the yearly action adding each next year's."""
        self.ensure_one()
        calendar = self.calendar_id
        # the leaves are written by the calendar's method: the user's right
        # to change the calendar is checked here
        calendar.check_access("write")
        patron = self.patron_day and calendar._support_patron(
            self.patron_date, self.patron_name
        )
        years = range(self.year_from, self.year_to + 1)
        created = calendar._support_add_public_holidays(years, patron)
        values = {"support_public_holidays": True}
        if self.patron_day:
            values.update(
                support_patron_date=self.patron_date,
                support_patron_name=self.patron_name or False,
            )
        calendar.write(values)
        if created:
            message = _(
                "%(count)s public holidays added to %(calendar)s.",
                count=len(created),
                calendar=calendar.display_name,
            )
        else:
            message = _(
                "%(calendar)s already has all these public holidays.",
                calendar=calendar.display_name,
            )
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "title": _("Public holidays"),
                "message": message,
                "type": "success" if created else "info",
                "next": {"type": "ir.actions.act_window_close"},
            },
        }
