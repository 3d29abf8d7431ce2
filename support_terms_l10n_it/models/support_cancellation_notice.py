from odoo import api, fields, models


class SupportCancellationNotice(models.Model):
    """A consumer's notice may be a withdrawal (Consumer Code art. 52-54) or
    a free withdrawal after a renewal notice not given (art. 65-bis), valid
    by any channel; a PEC is valid wherever a registered letter is (CAD
    art. 48). The notice says which law it was decided by."""

    _inherit = "support.cancellation.notice"

    legal_basis = fields.Text(
        compute="_compute_legal_basis",
        help="The rules of law, over the terms, that decide this notice.",
    )
    pec_receipt_ids = fields.Many2many(
        comodel_name="ir.attachment",
        relation="support_cancellation_notice_pec_receipt_rel",
        column1="notice_id",
        column2="attachment_id",
        string="PEC receipts",
        readonly=True,
        help="The PEC acceptance and delivery receipts received for this "
        "notice, kept as evidence of when it was sent and delivered.",
    )

    def _support_consumer_rights(self):
        """{service: 'withdrawal' or 'free_withdrawal'} of the services this
        notice names that the consumer law lets it end, whatever the terms."""
        self.ensure_one()
        rights = {}
        for service in self.contract_line_ids:
            right = service._support_consumer_right(self)
            if right:
                rights[service] = right
        return rights

    @api.depends(
        "contract_line_ids.free_withdrawal_until",
        "contract_line_ids.purchase_datetime",
        "partner_id.support_is_consumer",
        "company_id.support_it_law",
        "sent_date",
    )
    def _compute_channel_accepted(self):
        res = super()._compute_channel_accepted()
        for notice in self.filtered(lambda n: not n.channel_accepted):
            rights = notice._support_consumer_rights()
            # a consumer withdraws by any explicit statement (art. 54)
            notice.channel_accepted = bool(rights) and len(rights) == len(
                notice.contract_line_ids
            )
        return res

    @api.depends(
        "channel",
        "company_id.support_it_law",
        "company_id.support_notice_registered_mail",
        "sent_date",
        "contract_line_ids",
    )
    @api.depends_context("lang")
    def _compute_legal_basis(self):
        for notice in self:
            bases = []
            if notice.channel == "pec" and notice.company_id.sudo()._support_pec_as_registered_mail():
                bases.append(
                    self.env._(
                        "PEC valid as a registered letter with return receipt: "
                        "Codice dell'amministrazione digitale (D.Lgs. 82/2005) "
                        "art. 48; Cass. ord. 11808/2022."
                    )
                )
            rights = set(notice._support_consumer_rights().values()) if notice.contract_line_ids else set()
            if "withdrawal" in rights:
                bases.append(
                    self.env._(
                        "Withdrawal within 14 days of a purchase at a distance, "
                        "refunded in full: Codice del consumo art. 52-54."
                    )
                )
            if "free_withdrawal" in rights:
                bases.append(
                    self.env._(
                        "Free withdrawal, the renewal notice not given in time: "
                        "Codice del consumo art. 65-bis."
                    )
                )
            notice.legal_basis = "\n".join(bases) or False

    @api.depends("result_ids.outcome")
    def _compute_on_time(self):
        res = super()._compute_on_time()
        for notice in self.filtered("result_ids"):
            notice.on_time = all(
                r.outcome in ("on_time", "early", "refunded", "withdrawn", "free_withdrawal")
                for r in notice.result_ids
            )
        return res
