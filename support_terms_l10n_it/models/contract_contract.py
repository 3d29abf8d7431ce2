from odoo import fields, models


class ContractContract(models.Model):
    _inherit = "contract.contract"

    support_sold_at_distance = fields.Boolean(
        string="Sold at a distance",
        default=True,
        tracking=True,
        help="Concluded online, by email or phone, without the customer and "
        "the provider together (Consumer Code art. 45): a consumer may withdraw "
        "within 14 days. Untick for a contract signed on the premises.",
    )
