from datetime import datetime

from odoo.addons.support_terms.tests.common_renewal import RenewalCase


class ItalianLawCase(RenewalCase):
    """An Italian provider that applies the consumer law, selling hosting
    (renewed every year from the purchase, 60 days' notice) and support plans
    to consumers and to businesses."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.support_it_law = True
        cls.consumer = cls.env["res.partner"].create(
            {
                "name": "Giulia Verdi",
                "email": "giulia.verdi@example.com",
                "lang": "en_US",
            }
        )

    def _consumer_notice(self, line, received, channel="email", **values):
        """A notice of the consumer received at ``received`` (a day: its
        first minute)."""
        if not isinstance(received, datetime):
            received = datetime.combine(received, datetime.min.time())
        return self.env["support.cancellation.notice"].create(
            dict(
                {
                    "partner_id": line.contract_id.partner_id.id,
                    "contract_line_ids": [(6, 0, line.ids)],
                    "received_at": received,
                    "channel": channel,
                },
                **values,
            )
        )

    def _invoice(self, line):
        invoice = line.contract_id.recurring_create_invoice()
        invoice.action_post()
        return invoice
