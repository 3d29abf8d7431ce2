from odoo import fields, models


class AccountMoveLine(models.Model):
    _inherit = "account.move.line"

    support_charge_id = fields.Many2one(
        "support.ticket.charge",
        string="Support charge",
        index="btree_not_null",
        ondelete="restrict",
        copy=False,
        readonly=True,
    )

    _sql_constraints = [
        (
            "support_charge_unique",
            "UNIQUE(support_charge_id)",
            "A support charge is invoiced once.",
        ),
    ]

    def unlink(self):
        # a charge whose draft invoice line is deleted is to invoice again
        # (sudo: the accountant who deletes it does not write charges)
        charges = self.support_charge_id
        res = super().unlink()
        charges.exists().filtered(lambda c: c.state == "invoiced").sudo().write(
            {"state": "to_invoice"}
        )
        return res
