from markupsafe import Markup, escape

from odoo import api, fields, models
from odoo.exceptions import UserError

from ..terms_templates import TEMPLATE_SELECTION, TEMPLATES, notice_judged_on
from ..terms_templates.common import CALENDARS, CHANNEL_NAMES


def _html_list(items):
    """``items`` (texts, escaped, or markup) as an HTML list."""
    return Markup("<ul>%s</ul>") % Markup("").join(
        Markup("<li>%s</li>") % item for item in items
    )


class SupportTermsTemplateApply(models.TransientModel):
    """Set a company up from one of the shipped terms templates: a preview,
    the company settings to change, what was done. How each record is made,
    found again and translated is in ``support.terms.template.records``."""

    _name = "support.terms.template.apply"
    _inherit = "support.terms.template.records"
    _description = "Apply a terms template"

    template = fields.Selection(TEMPLATE_SELECTION, required=True)
    company_id = fields.Many2one(
        "res.company",
        required=True,
        readonly=True,
        default=lambda self: self.env.company,
    )
    patron_date = fields.Date(
        string="Patron day",
        help="The local patron saint's day off of your support, added every "
        "year with the Italian national holidays to the support hours the "
        "template creates (only its day and month count).",
    )
    patron_name = fields.Char(
        string="Patron day name", help="e.g. Sant'Ambrogio, Santa Rosalia."
    )
    state = fields.Selection(
        [("preview", "Preview"), ("done", "Applied")], default="preview", required=True
    )
    summary_html = fields.Html(
        string="What will be created", compute="_compute_summary_html"
    )
    change_ids = fields.One2many(
        "support.terms.template.change",
        "wizard_id",
        string="Company settings",
        compute="_compute_change_ids",
        store=True,
        readonly=False,
        help="The company settings the template sets differently. A setting "
        "the company already chose is kept unless you tick it.",
    )
    result_html = fields.Html(string="What was done", readonly=True)
    plan_ids = fields.Many2many("support.plan", readonly=True)

    @api.depends("template", "company_id")
    def _compute_summary_html(self):
        for wizard in self:
            spec = TEMPLATES.get(wizard.template)
            if not spec:
                wizard.summary_html = False
                continue
            lang = wizard._lang(wizard.company_id)

            def names(texts, lang=lang):
                return ", ".join(self._text(text, lang) for text in texts)

            items = [
                self.env._(
                    "Plan %(name)s: %(hours)s, channels %(channels)s",
                    name=self._text(plan["name"], lang),
                    hours=self._text(CALENDARS[plan["calendar"]]["name"], lang),
                    channels=names(CHANNEL_NAMES[kind] for kind in plan["channels"]),
                )
                for plan in spec["plans"]
            ]
            items += [
                self.env._(
                    "Products: %(products)s",
                    products=names(p["name"] for p in spec["products"].values()),
                ),
                self.env._("Helpdesk team: %(team)s", team=names([spec["team"]])),
            ]
            wizard.summary_html = _html_list(items)

    @api.depends("template", "company_id")
    def _compute_change_ids(self):
        """Each setting the template sets differently from the company, its
        value now and the template's, in the user's language. A value the
        company chose (not the setting's default) is kept unless ticked."""
        for wizard in self:
            company = wizard.company_id
            settings = wizard.template and self._template_settings(
                wizard.template, company
            )
            commands = [fields.Command.clear()]
            for sequence, (name, new) in enumerate((settings or {}).items()):
                field = company._fields[name]
                current = company[name]
                if not isinstance(new, str) and current == new:
                    continue
                default = field.default(company) if field.default else False
                values = {
                    "sequence": sequence,
                    "field_name": name,
                    "name": field._description_string(self.env),
                    "current_value": self._setting_text(company, name, current),
                    "new_value": self._setting_text(company, name, new),
                    "apply": not current or current == default,
                }
                commands.append(fields.Command.create(values))
            wizard.change_ids = commands

    # -- the company settings a template sets -------------------------------

    @api.model
    def _template_settings(self, template, company):
        """{company field: value} of every company setting ``template`` sets;
        the support team by the name it will have (it may not exist yet)."""
        spec = TEMPLATES[template]
        values = dict(spec.get("company", {}))
        values["support_notice_judged_on"] = notice_judged_on(template)
        if spec.get("reactivation_fee"):
            values["support_reactivation_fee_product_id"] = self.env.ref(
                "support_terms_suspension.product_reactivation_fee"
            )
        team = self.env.ref(
            self.with_context(support_terms_template=template)._xmlid(company, "team"),
            raise_if_not_found=False,
        )
        # a team's name is translated: the reader's language
        values["support_team_id"] = team or self._text(
            spec["team"], self.env.lang or "en_US"
        )
        return values

    def _setting_text(self, company, name, value):
        """A setting's value as the user reads it on the settings page."""
        field = company._fields[name]
        if field.type == "boolean":
            return self.env._("Yes") if value else self.env._("No")
        if field.type == "selection":
            labels = dict(field._description_selection(self.env))
            return labels.get(value, self.env._("None"))
        if isinstance(value, models.BaseModel):
            return value.display_name if value else self.env._("None")
        # a number, or a record to be made, by its name
        return str(value)

    # -- applying -------------------------------------------------------------

    def action_apply(self):
        """Apply the template, keeping the settings left unticked, and show
        what was created and changed."""
        self.ensure_one()
        keep = self.change_ids.filtered(lambda line: not line.apply)
        log = {}
        plans = self.with_context(
            support_terms_patron=(self.patron_date, self.patron_name),
            support_terms_keep_settings=tuple(keep.mapped("field_name")),
            support_terms_template_log=log,
        )._apply_template(self.template, self.company_id)
        self.write(
            {
                "state": "done",
                "plan_ids": [fields.Command.set(plans.ids)],
                "result_html": self._result_html(log, self.change_ids - keep, keep),
            }
        )
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "target": "new",
            "name": self.env._("Terms template applied"),
        }

    def action_open_plans(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "support_terms_plan.support_plan_action"
        )
        action["domain"] = [("id", "in", self.plan_ids.ids)]
        return action

    def _result_html(self, log, changed, kept):
        """What was created and updated, by kind of record, and the settings
        changed and kept, in the user's language."""
        _ = self.env._
        # the names of what the manager made, in the company it set up
        company_env = self.with_company(self.company_id).env
        sections = []
        for what, title in (("created", _("Created")), ("updated", _("Updated"))):
            items = []
            for model, ids in log.get(what, {}).items():
                records = company_env[model].browse(dict.fromkeys(ids))
                kind = self.env["ir.model"]._get(model).name
                names = ", ".join(records.mapped("display_name"))
                item = Markup("<strong>%s</strong> (%s): %s")
                items.append(item % (kind, len(records), names))
            sections.append((title, items))
        changed_items = [
            _(
                "%(setting)s: from %(from)s to %(to)s",
                setting=line.name,
                **{"from": line.current_value, "to": line.new_value},
            )
            for line in changed
        ]
        kept_items = [
            _(
                "%(setting)s: %(value)s kept (the template says %(template)s)",
                setting=line.name,
                value=line.current_value,
                template=line.new_value,
            )
            for line in kept
        ]
        sections += [
            (_("Company settings changed"), changed_items),
            (_("Company settings kept"), kept_items),
        ]
        return Markup("").join(
            Markup("<h4>%s</h4>%s") % (title, _html_list(items))
            for title, items in sections
            if items
        )

    @api.model
    def _apply_template(self, template, company, xmlid_prefix=None):
        """Create or update in ``company`` everything ``template`` describes.

        ``xmlid_prefix`` names the created records ``support_terms.<prefix>_…``
        instead (used by the demo data to refer to them).
        """
        spec = TEMPLATES.get(template)
        if not spec:
            raise UserError(self.env._("Unknown terms template: %s", escape(template)))
        # who applies a template is the wizard's access list: managers
        self.check_access("create")
        if company not in self.env.user.company_ids and not self.env.su:
            raise UserError(
                self.env._("You cannot set up a company you do not work in.")
            )
        # The template creates calendars, products, teams and their xml ids,
        # which a support manager may not create one by one: checked above, a
        # manager of the company applies it as superuser. The English texts
        # are the source of the translated fields.
        records = (
            self.sudo()
            .with_company(company)
            .with_context(
                lang="en_US",
                support_terms_template=template,
                support_terms_xmlid_prefix=xmlid_prefix,
            )
        )
        company = company.with_env(records.env)
        for key, values in spec["products"].items():
            records._ensure_product(company, key, values)
        # the plans' support hours and urgent hours
        calendars = {}
        for values in spec["plans"]:
            for key in (values["calendar"], values["urgent_calendar"]):
                if key and key not in calendars:
                    calendars[key] = records._ensure_calendar(company, key)
        team = records._ensure_team(
            company, spec["team"], calendars[spec["plans"][0]["calendar"]]
        )
        plans = records.env["support.plan"]
        for values in spec["plans"]:
            coverage = spec.get("coverage", {}).get(values["code"], {})
            plans |= records._ensure_plan(company, team, calendars, values, coverage)
        records._ensure_product_terms(company, spec)
        keep = self.env.context.get("support_terms_keep_settings") or ()
        settings = records._template_settings(template, company)
        fee = settings.get("support_reactivation_fee_product_id")
        tax = company.account_sale_tax_id
        if fee and tax and not fee.product_tmpl_id._support_sale_taxes(company):
            # the terms say "+ iva": the company's sales VAT, before the fee is
            # the company's (a fee without it fails the company's check)
            fee.taxes_id = [fields.Command.link(tax.id)]
        company.write(
            {
                name: value.id if isinstance(value, models.BaseModel) else value
                for name, value in settings.items()
                if name not in keep
            }
        )
        company.support_terms_template = template
        return plans.with_env(self.env)


class SupportTermsTemplateChange(models.TransientModel):
    """One company setting a terms template sets differently: shown before
    applying, applied only when ticked."""

    _name = "support.terms.template.change"
    _description = "Company setting changed by a terms template"
    _order = "sequence, id"

    wizard_id = fields.Many2one(
        "support.terms.template.apply", required=True, ondelete="cascade"
    )
    sequence = fields.Integer()
    field_name = fields.Char(required=True)
    name = fields.Char(string="Setting")
    current_value = fields.Char(string="Now")
    new_value = fields.Char(string="Template")
    apply = fields.Boolean(
        string="Change",
        help="Ticked: the template's value replaces the company's.",
    )
