import re

from odoo import Command, api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import email_normalize, html2plaintext

# subjects the PEC providers give the transport envelope and the receipts
# (DM 2 novembre 2005, regole tecniche della PEC)
PEC_ENVELOPE = "POSTA CERTIFICATA:"
PEC_RECEIPTS = ("ACCETTAZIONE:", "CONSEGNA:", "AVVENUTA CONSEGNA:")
PEC_SENDER = re.compile(r"per conto di:\s*([^\s\"<>]+@[^\s\"<>]+)", re.IGNORECASE)
# the address a PEC provider sends envelopes and receipts from
PEC_PROVIDER_LOCALPART = "posta-certificata"


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
        "ir.attachment",
        "support_cancellation_notice_pec_receipt_rel",
        "notice_id",
        "attachment_id",
        string="PEC receipts",
        readonly=True,
        help="The PEC acceptance and delivery receipts received for this "
        "notice, kept as evidence of when it was sent and delivered.",
    )

    def _support_consumer_rights(self):
        """{service: 'withdrawal' or 'free_withdrawal'} of the services this
        notice names that the consumer law lets it end, whatever the terms."""
        self.ensure_one()
        return {
            service: right
            for service in self.contract_line_ids
            if (right := service._support_consumer_right(self))
        }

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
            rights = set(notice._support_consumer_rights().values())
            pec = notice.channel == "pec"
            bases = [
                (
                    pec and notice.company_id._support_pec_as_registered_mail(),
                    self.env._(
                        "PEC valid as a registered letter with return receipt: "
                        "Codice dell'amministrazione digitale (D.Lgs. 82/2005) "
                        "art. 48; Cass. ord. 11808/2022."
                    ),
                ),
                (
                    "withdrawal" in rights,
                    self.env._(
                        "Withdrawal within 14 days of a purchase at a distance, "
                        "refunded in full: Codice del consumo art. 52-54."
                    ),
                ),
                (
                    "free_withdrawal" in rights,
                    self.env._(
                        "Free withdrawal, the renewal notice not given in time: "
                        "Codice del consumo art. 65-bis."
                    ),
                ),
            ]
            notice.legal_basis = "\n".join(text for on, text in bases if on) or False

    @api.depends("result_ids.outcome")
    def _compute_on_time(self):
        res = super()._compute_on_time()
        for notice in self.filtered("result_ids"):
            notice.on_time = all(
                r.outcome
                in ("on_time", "early", "refunded", "withdrawn", "free_withdrawal")
                for r in notice.result_ids
            )
        return res

    @api.model
    @api.private
    def message_new(self, msg_dict, custom_values=None):
        """A cancellation arriving at the mailbox an alias routes here: a PEC
        (its envelope's subject says so) or a plain email, of a customer
        found by its address, naming the services of that customer that
        renew by themselves; staff confirm or reject it as any notice."""
        customer = self._support_sender(msg_dict.get("email_from") or "")
        lines = self.env["contract.line"]
        if customer:
            lines = lines.search(
                [
                    ("contract_id.partner_id", "child_of", customer.id),
                    ("is_auto_renew", "=", True),
                    ("is_canceled", "=", False),
                    ("date_end", "!=", False),
                    ("display_type", "=", False),
                    ("successor_contract_line_id", "=", False),
                ]
            )
        if not lines:
            raise ValidationError(
                self.env._(
                    "No service that renews by itself belongs to the sender "
                    "%(sender)s: the cancellation cannot be recorded by itself.",
                    sender=msg_dict.get("email_from"),
                )
            )
        subject = (msg_dict.get("subject") or "").strip()
        envelope = subject.upper().startswith(PEC_ENVELOPE) and self._support_from_pec(
            msg_dict.get("email_from")
        )
        company = lines[0].company_id
        note = [html2plaintext(msg_dict.get("body") or "")[:2000]]
        if msg_dict.get("date"):
            note.insert(0, self.env._("Dated %(date)s", date=msg_dict["date"]))
        values = {
            # the reference comes from the sequence, not the subject
            "name": "/",
            "partner_id": customer.id,
            "company_id": company.id,
            "contract_line_ids": [
                Command.set(lines.filtered(lambda ln: ln.company_id == company).ids)
            ],
            "channel": "pec" if envelope else "email",
            # received when the gateway got it: the Date header is the
            # sender's word (staff read it, and the PEC's certification data,
            # before confirming)
            "received_at": fields.Datetime.now(),
            "note": "\n".join(filter(None, note)) or False,
        }
        values.update(custom_values or {})
        return super().message_new(msg_dict, custom_values=values)

    @api.model
    def _support_from_pec(self, email_from):
        address = email_normalize(email_from or "") or ""
        return address.split("@")[0] == PEC_PROVIDER_LOCALPART

    @api.model
    def _support_sender(self, email_from):
        """The customer who sent a message, by its email or PEC address; a PEC
        provider's envelope names the sender "per conto di", read only there."""
        match = self._support_from_pec(email_from) and PEC_SENDER.search(email_from)
        address = email_normalize(match.group(1) if match else email_from or "")
        if not address:
            return self.env["res.partner"]
        # exact, case-insensitive: no pattern of the sender's reaches the search
        literal = address.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        partner = self.env["res.partner"].search(
            [
                "|",
                ("email_normalized", "=", address),
                ("l10n_it_pec_email", "=ilike", literal),
            ],
            limit=1,
        )
        return partner.commercial_partner_id

    def _message_post_after_hook(self, message, msg_vals):
        """What a PEC carries is evidence: the envelope's attachments (the
        certification data and the original message) prove the notice, the
        acceptance and delivery receipts when it was sent and delivered."""
        res = super()._message_post_after_hook(message, msg_vals)
        # only what the mail gateway delivers from a PEC provider is evidence
        if (
            message.message_type == "email"
            and message.attachment_ids
            and self.env.context.get("support_mail_gateway")
            and self._support_from_pec(message.email_from)
        ):
            subject = (message.subject or "").strip().upper()
            for notice in self.filtered(lambda n: n.state == "draft"):
                if subject.startswith(PEC_RECEIPTS):
                    notice.pec_receipt_ids |= message.attachment_ids
                elif subject.startswith(PEC_ENVELOPE):
                    notice.attachment_ids |= message.attachment_ids
        return res
