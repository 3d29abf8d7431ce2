from odoo import http
from odoo.exceptions import AccessError, MissingError
from odoo.http import request

from odoo.addons.account.controllers.portal import PortalAccount


class SupportInvoicePortal(PortalAccount):
    """A posted invoice reads as the invoice it is, never as a PROFORMA.

    Odoo shows and downloads a "PROFORMA" for a posted invoice whose PDF was
    never generated (an invoice not sent yet, as the contract's invoicing
    posts them); the customer pays it as an invoice.
    """

    @http.route()
    def portal_my_invoice_detail(
        self, invoice_id, access_token=None, report_type=None, download=False, **kw
    ):
        if report_type == "pdf" and download:
            try:
                invoice_sudo = self._document_check_access(
                    "account.move", invoice_id, access_token
                )
            except (AccessError, MissingError):
                return request.redirect("/my")
            if (
                invoice_sudo.state == "posted"
                and not invoice_sudo.invoice_pdf_report_id
            ):
                report = (
                    invoice_sudo.partner_id.invoice_template_pdf_report_id.report_name
                    or "account.account_invoices"
                )
                return self._show_report(invoice_sudo, "pdf", report, download=True)
        return super().portal_my_invoice_detail(
            invoice_id,
            access_token=access_token,
            report_type=report_type,
            download=download,
            **kw,
        )

    def _show_report(self, model, report_type, report_ref, download=False):
        if model._name == "account.move" and set(model.mapped("state")) == {"posted"}:
            request.update_context(proforma_invoice=False)
        return super()._show_report(model, report_type, report_ref, download=download)
