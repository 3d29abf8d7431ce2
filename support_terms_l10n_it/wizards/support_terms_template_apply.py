from odoo import api, models

from ..templates import CLAUSES


class SupportTermsTemplateApply(models.TransientModel):
    """A terms template also numbers its clauses and says which need the
    customer's specific approval (Codice civile art. 1341)."""

    _inherit = "support.terms.template.apply"

    @api.model
    def _apply_template(self, template, company, xmlid_prefix=None):
        plans = super()._apply_template(template, company, xmlid_prefix)
        # checked by super(): a manager of the company; the clauses and the
        # version are the template's, written as the system
        wizard = self.sudo().with_context(lang="en_US")
        wizard._apply_clauses(template, company.with_env(wizard.env))
        return plans

    def _apply_clauses(self, template, company):
        records = self.env["support.terms.template.records"]
        Clause = self.env["support.terms.clause"].with_context(active_test=False)
        specs = CLAUSES.get(template, [])
        for number, spec in enumerate(specs, start=1):
            key = spec["key"]
            clause = Clause.search([("company_id", "=", company.id), ("key", "=", key)])
            values = {
                "sequence": number,
                "specific_approval": spec["approval"],
                "rule": spec.get("rule") or False,
                "active": True,
            }
            if clause:
                clause.write(values)
            else:
                clause = Clause.create(
                    dict(
                        values,
                        company_id=company.id,
                        key=key,
                        name=str(spec["title"]),
                        text=str(spec["text"]),
                    )
                )
            records._set_texts(clause, company, name=spec["title"], text=spec["text"])
        Clause.search(
            [
                ("company_id", "=", company.id),
                ("key", "!=", False),
                ("key", "not in", [spec["key"] for spec in specs]),
            ]
        ).active = False
        company.support_terms_version = self.env._(
            "%(template)s of %(day)s",
            template=dict(
                self._fields["template"]._description_selection(self.env)
            ).get(template, template),
            day=company._support_today().isoformat(),
        )
