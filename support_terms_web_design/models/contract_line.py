from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError


class ContractLine(models.Model):
    """A web design project sold on a contract: the deposit agreed at signing
    is on its line; the project (``support.web.project``) invoices it."""

    _inherit = "contract.line"

    support_deposit_percent = fields.Float(
        string="Deposit (%)",
        digits=(5, 2),
        help="The share of a web design project the customer pays when the "
        "contract is signed; the rest is the balance, due at delivery or at "
        "the latest 180 days after signing.",
    )
    support_web_project_ids = fields.One2many(
        "support.web.project",
        "contract_line_id",
        string="Web design project",
        readonly=True,
    )

    @api.constrains("support_deposit_percent")
    def _check_support_deposit_percent(self):
        for line in self:
            if not 0 <= line.support_deposit_percent <= 100:
                raise ValidationError(
                    self.env._(
                        "The deposit of %(service)s must be a percentage between "
                        "0 and 100, not %(percent)s.",
                        service=line.name or line.product_id.display_name,
                        percent=f"{line.support_deposit_percent:g}",
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        lines = super().create(vals_list)
        lines._support_create_web_projects()
        return lines

    def write(self, vals):
        if "support_deposit_percent" in vals:
            self._support_check_deposit_agreed()
        return super().write(vals)

    def _support_check_deposit_agreed(self):
        """The deposit is agreed at signing: it never changes afterwards."""
        signed = self.support_web_project_ids.filtered(lambda p: p.state != "draft")
        if signed:
            raise UserError(
                self.env._(
                    "The deposit of %(projects)s was agreed when the contract "
                    "was signed: it cannot change.",
                    projects=", ".join(signed.mapped("name")),
                )
            )

    def _support_create_web_projects(self):
        """Each new line of a web design product is a project to sign."""
        lines = self.filtered(
            lambda line: line.service_kind == "web_design"
            and not line.display_type
            and line.contract_id.contract_type == "sale"
        )
        if lines:
            # the project follows the line whoever sells it (sales, accounting)
            self.env["support.web.project"].sudo().create(
                [{"contract_line_id": line.id} for line in lines]
            )

    def _can_be_invoiced(self, date_ref):
        """A web design project is invoiced by its project (deposit and
        balance), never by the contract's recurring invoicing."""
        return self.service_kind != "web_design" and super()._can_be_invoiced(date_ref)
