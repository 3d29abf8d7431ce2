from odoo import api, fields, models

NOTICE_CHANNELS = [
    ("registered_mail", "Registered mail"),
    ("pec", "PEC"),
    ("portal", "Portal request"),
    ("email", "Email"),
    ("other", "Other"),
]


class SupportCancellationNoticeResult(models.Model):
    """What a confirmed notice did to one service, and why."""

    _name = "support.cancellation.notice.result"
    _description = "Cancellation Notice Outcome"
    _order = "id"

    notice_id = fields.Many2one(
        comodel_name="support.cancellation.notice",
        required=True,
        ondelete="cascade",
        index=True,
    )
    company_id = fields.Many2one(related="notice_id.company_id", store=True)
    contract_line_id = fields.Many2one(
        comodel_name="contract.line", string="Service", required=True, index=True
    )
    outcome = fields.Selection(
        selection=[
            ("on_time", "On time: not renewed"),
            ("late", "Late: renewed once"),
            ("early", "Early termination, no refund"),
            ("refunded", "Refunded in full"),
        ],
        required=True,
    )
    notice_deadline = fields.Date(string="Last day to cancel")
    end_date = fields.Date(string="Service ends on")
    explanation = fields.Char(compute="_compute_explanation")

    def init(self):
        # a service is refunded once, whatever the number of notices
        self.env.cr.execute(
            "CREATE UNIQUE INDEX IF NOT EXISTS support_notice_result_refund_once "
            "ON support_cancellation_notice_result (contract_line_id) "
            "WHERE outcome = 'refunded'"
        )

    @api.depends(
        "outcome",
        "notice_deadline",
        "end_date",
        "notice_id.sent_date",
        "notice_id.received_date",
        "notice_id.judged_on",
    )
    def _compute_explanation(self):
        for result in self:
            notice = result.notice_id
            received = (
                self.env._("sent on %(day)s", day=notice.sent_date)
                if notice.judged_on == "sent"
                else self.env._("received on %(day)s", day=notice.received_date)
            )
            if result.outcome == "on_time":
                text = self.env._(
                    "%(received)s, by the last day to cancel "
                    "(%(deadline)s): the service ends on %(end)s and is not "
                    "renewed.",
                    received=received,
                    deadline=result.notice_deadline,
                    end=result.end_date,
                )
            elif result.outcome == "late":
                text = self.env._(
                    "%(received)s, after the last day to cancel "
                    "(%(deadline)s): the renewal is due, the service is renewed "
                    "once and ends on %(end)s.",
                    received=received,
                    deadline=result.notice_deadline,
                    end=result.end_date,
                )
            elif result.outcome == "early":
                text = self.env._(
                    "terminated early on %(end)s as requested; the period "
                    "already paid is not refunded.",
                    end=result.end_date,
                )
            else:
                text = self.env._(
                    "cancelled within the refund window after purchase: "
                    "refunded in full by a credit note."
                )
            result.explanation = text
