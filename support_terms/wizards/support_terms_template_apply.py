from markupsafe import Markup, escape

from odoo import api, fields, models
from odoo.exceptions import UserError

from ..terms_templates import (
    CALENDARS,
    CHANNEL_NAMES,
    TEMPLATE_SELECTION,
    TEMPLATES,
    notice_judged_on,
    product_service_terms,
)


class SupportTermsTemplateApply(models.TransientModel):
    """Set a company up from one of the shipped terms templates.

    Each feature configures its own part of the company from its own keys of
    the template (``_apply_plans``, ``_apply_sla``, ``_apply_auto_close``,
    ``_apply_coverage``, ``_apply_renewal``, ``_apply_suspension``); how the
    records are found again and translated is in
    ``support.terms.template.records``.
    """

    _name = "support.terms.template.apply"
    _inherit = "support.terms.template.records"
    _description = "Apply a terms template"

    template = fields.Selection(selection=TEMPLATE_SELECTION, required=True)
    company_id = fields.Many2one(
        comodel_name="res.company",
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
        selection=[("preview", "Preview"), ("done", "Applied")],
        default="preview",
        required=True,
    )
    summary_html = fields.Html(
        string="What will be created", compute="_compute_summary_html"
    )
    change_ids = fields.One2many(
        comodel_name="support.terms.template.change",
        inverse_name="wizard_id",
        string="Company settings",
        compute="_compute_change_ids",
        store=True,
        readonly=False,
        help="The company settings the template sets differently. A setting "
        "the company already chose is kept unless you tick it.",
    )
    result_html = fields.Html(string="What was done", readonly=True)
    plan_ids = fields.Many2many(comodel_name="support.plan", readonly=True)

    @api.depends("template", "company_id")
    def _compute_summary_html(self):
        for wizard in self:
            spec = TEMPLATES.get(wizard.template)
            if not spec:
                wizard.summary_html = False
                continue
            lang = wizard._lang(wizard.company_id)
            items = [
                self.env._(
                    "Plan %(name)s: %(hours)s, channels %(channels)s",
                    name=self._text(plan["name"], lang),
                    hours=self._text(CALENDARS[plan["calendar"]]["name"], lang),
                    channels=", ".join(
                        self._text(CHANNEL_NAMES[c], lang) for c in plan["channels"]
                    ),
                )
                for plan in spec["plans"]
            ]
            items.append(
                self.env._(
                    "Products: %(products)s",
                    products=", ".join(
                        self._text(p["name"], lang) for p in spec["products"].values()
                    ),
                )
            )
            items.append(
                self.env._(
                    "Helpdesk team: %(team)s", team=self._text(spec["team"], lang)
                )
            )
            wizard.summary_html = Markup("<ul>%s</ul>") % Markup("").join(
                Markup("<li>%s</li>") % item for item in items
            )

    @api.depends("template", "company_id")
    def _compute_change_ids(self):
        for wizard in self:
            commands = [fields.Command.clear()]
            if wizard.template:
                commands += [
                    fields.Command.create(values)
                    for values in wizard._setting_changes(
                        wizard.template, wizard.company_id
                    )
                ]
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

    def _setting_changes(self, template, company):
        """The values of the change lines: each setting ``template`` sets
        differently from ``company``, its value now and the template's, in
        the user's language. A value the company chose (not the setting's
        default) is kept unless the manager ticks it."""
        changes = []
        for sequence, (name, new) in enumerate(
            self._template_settings(template, company).items()
        ):
            field = company._fields[name]
            current = company[name]
            if not isinstance(new, str) and current == new:
                continue
            default = field.default(company) if field.default else False
            changes.append(
                {
                    "sequence": sequence,
                    "field_name": name,
                    "name": field._description_string(self.env),
                    "current_value": self._setting_text(company, name, current),
                    "new_value": self._setting_text(company, name, new),
                    "apply": not current or current == default,
                }
            )
        return changes

    def _setting_text(self, company, name, value):
        """A setting's value as the user reads it on the settings page."""
        field = company._fields[name]
        if field.type == "boolean":
            return self.env._("Yes") if value else self.env._("No")
        if field.type == "selection":
            labels = dict(field._description_selection(self.env))
            return labels.get(value, self.env._("None"))
        if field.type == "many2one":
            if isinstance(value, str):
                return value
            return value.display_name if value else self.env._("None")
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
        sections = []
        titles = {"created": self.env._("Created"), "updated": self.env._("Updated")}
        created = set(log.get("created", []))
        for what in ("created", "updated"):
            by_model = {}
            for model, record_id in log.get(what, []):
                if what == "updated" and (model, record_id) in created:
                    continue  # made, then completed, in this run
                by_model.setdefault(model, []).append(record_id)
            items = []
            for model, ids in by_model.items():
                # the names of what the manager made, in the company it set up
                records = (
                    self.env[model]
                    .with_company(self.company_id)
                    .browse(dict.fromkeys(ids))
                )
                items.append(
                    Markup("<li><strong>%s</strong> (%s): %s</li>")
                    % (
                        self.env["ir.model"]._get(model).name,
                        len(records),
                        ", ".join(records.mapped("display_name")),
                    )
                )
            if items:
                sections.append(
                    Markup("<h4>%s</h4><ul>%s</ul>")
                    % (titles[what], Markup("").join(items))
                )
        if changed:
            sections.append(
                Markup("<h4>%s</h4><ul>%s</ul>")
                % (
                    self.env._("Company settings changed"),
                    Markup("").join(
                        Markup("<li>%s</li>")
                        % self.env._(
                            "%(setting)s: from %(from)s to %(to)s",
                            setting=line.name,
                            **{"from": line.current_value, "to": line.new_value},
                        )
                        for line in changed
                    ),
                )
            )
        if kept:
            sections.append(
                Markup("<h4>%s</h4><ul>%s</ul>")
                % (
                    self.env._("Company settings kept"),
                    Markup("").join(
                        Markup("<li>%s</li>")
                        % self.env._(
                            "%(setting)s: %(value)s kept (the template says "
                            "%(template)s)",
                            setting=line.name,
                            value=line.current_value,
                            template=line.new_value,
                        )
                        for line in kept
                    ),
                )
            )
        return Markup("").join(sections)

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
        feature_self = (
            self.sudo()
            .with_company(company)
            .with_context(
                lang="en_US",
                support_terms_template=template,
                support_terms_xmlid_prefix=xmlid_prefix,
            )
        )
        company = company.with_env(feature_self.env)
        plans = feature_self._apply_plans(spec, company)
        feature_self._apply_sla(spec, company)
        feature_self._apply_auto_close(spec, company)
        feature_self._apply_coverage(spec, company)
        feature_self._apply_renewal(spec, company)
        feature_self._apply_suspension(spec, company)
        company.support_terms_template = template
        return plans.with_env(self.env)

    # -- each feature's part of a template ----------------------------------

    def _apply_plans(self, spec, company):
        """Plans: the products sold, the helpdesk team, the plans with their
        products, channels and terms."""
        for key, values in spec["products"].items():
            self._ensure_product(company, key, values)
        team = self._upsert(
            "helpdesk.ticket.team",
            self._xmlid(company, "team"),
            [
                ("name", "in", self._texts(spec["team"], company)),
                ("company_id", "=", company.id),
            ],
            {"active": True, "show_in_portal": True},
            {"name": self._text(spec["team"], "en_US"), "company_id": company.id},
        )
        self._set_texts(team, company, name=spec["team"])
        plans = self.env["support.plan"]
        for values in spec["plans"]:
            channels = [
                self._ensure_channel(company, kind).id for kind in values["channels"]
            ]
            products = [
                self._own(company, "product", key).id for key in values["products"]
            ]
            plan = self._upsert(
                "support.plan",
                self._xmlid(company, "plan", values["code"]),
                [("code", "=", values["code"]), ("company_id", "=", company.id)],
                {
                    "active": True,
                    "sequence": values.get("sequence", 10),
                    "product_ids": [fields.Command.set(products)],
                    "channel_ids": [fields.Command.set(channels)],
                    "channel_rule": values.get("channel_rule", "accept"),
                    "team_id": team.id,
                },
                {
                    "code": values["code"],
                    "name": self._text(values["name"], "en_US"),
                    "company_id": company.id,
                    # a plan has support hours: the SLA part sets them again
                    "resource_calendar_id": self._ensure_calendar(
                        company, values["calendar"]
                    ).id,
                },
            )
            self._set_texts(
                plan, company, name=values["name"], terms_html=values["terms"]
            )
            plans |= plan
        # the requests of customers without a plan reach the team too
        self._write_company(company, {"support_team_id": team.id})
        self._company_settings(spec, company, ["support_duplicate_days"])
        return plans

    def _apply_sla(self, spec, company):
        """SLA: support and urgent hours, the support hours with the Italian
        public holidays and the patron day chosen, take-in-charge targets,
        urgency terms and fee; the targets as SLAs of the team, in the team's
        hours."""
        calendars = {
            key: self._ensure_calendar(company, key) for key in spec["calendars"]
        }
        patron_date, patron_name = self.env.context.get(
            "support_terms_patron", (False, False)
        )
        for key, calendar in calendars.items():
            if CALENDARS[key].get("holidays", True):
                calendar._support_keep_public_holidays(patron_date, patron_name)
        team = self._own(company, "team")
        team.write(
            {
                "resource_calendar_id": calendars[spec["plans"][0]["calendar"]].id,
                "use_sla": True,
            }
        )
        for values in spec["plans"]:
            plan = self._own(company, "plan", values["code"])
            urgent = values["urgent_calendar"]
            fee = values.get("urgency_fee_product")
            plan.write(
                {
                    "resource_calendar_id": calendars[values["calendar"]].id,
                    "urgent_calendar_id": calendars[urgent].id if urgent else False,
                    "take_in_charge_hours": values["take_in_charge_hours"],
                    "urgent_take_in_charge_hours": values[
                        "urgent_take_in_charge_hours"
                    ],
                    "urgency_fee_product_id": (
                        self._own(company, "product", fee).id if fee else False
                    ),
                    "impact_priority": values.get("impact_priority", False),
                }
            )
            self._set_texts(plan, company, urgency_terms=values["urgency_terms"])
            self._ensure_slas(company, team, plan)

    def _apply_auto_close(self, spec, company):
        """Auto-close: the days after which a plan's unanswered requests close;
        whether requests without a plan close too."""
        for values in spec["plans"]:
            self._own(company, "plan", values["code"]).write(
                {
                    "auto_close_days": values["auto_close_days"],
                    "auto_close_warning_days": values["auto_close_warning_days"],
                }
            )
        self._company_settings(spec, company, ["support_auto_close_without_plan"])

    def _apply_coverage(self, spec, company):
        """Coverage: the credit packs sold, whether a plan includes
        extraordinary work, whether its requests are assessed before work,
        and its coverage of each kind of request."""
        for key, values in spec["products"].items():
            pack = values.get("credit_pack")
            if pack:
                self._own(company, "product", key).product_tmpl_id.write(
                    {
                        "support_credit_pack": True,
                        "support_credits": pack["credits"],
                        "support_credit_validity_days": pack["validity_days"],
                    }
                )
        for values in spec["plans"]:
            plan = self._own(company, "plan", values["code"])
            plan.write(
                {
                    "includes_extraordinary": values["includes_extraordinary"],
                    "assess_before_work": values.get("assess_before_work", False),
                }
            )
            rules = spec.get("coverage", {}).get(values["code"], {})
            self._ensure_coverage_rules(company, plan, rules)
        self._company_settings(spec, company, ["support_no_plan_mode"])

    def _apply_renewal(self, spec, company):
        """Renewal: how each product renews, how long a plan lasts, when it is
        refunded and reminded, which day a cancellation notice is judged on."""
        plan_keys = {key for plan in spec["plans"] for key in plan["products"]}
        for key in spec["products"]:
            product = self._own(company, "product", key)
            terms = product_service_terms(key, plan_keys, spec.get("notice_days", 0))
            # what staff changed stays (a product granting a plan already
            # is a support plan)
            if not product.renewal_policy and product.service_kind in (
                False,
                terms["service_kind"],
            ):
                product.product_tmpl_id.write(terms)
            if spec.get("renewal_by_choice") and key in plan_keys:
                product.product_tmpl_id.renewal_by_choice = True
        for values in spec["plans"]:
            self._own(company, "plan", values["code"]).write(
                {
                    "duration_days": values["duration_days"],
                    "refund_window_hours": values["refund_window_hours"],
                    "renewal_reminder_days": values["renewal_reminder_days"],
                }
            )
        template = self.env.context["support_terms_template"]
        self._write_company(
            company, {"support_notice_judged_on": notice_judged_on(template)}
        )
        self._company_settings(
            spec,
            company,
            [
                "support_notice_email",
                "support_notice_portal",
                "support_renewal_reminders",
            ],
        )

    def _apply_suspension(self, spec, company):
        """Suspension: whether late payers are suspended, after how many days,
        and whether their reactivation is charged."""
        self._company_settings(
            spec,
            company,
            ["support_overdue_suspension", "support_overdue_grace_days"],
        )
        if spec.get("reactivation_fee"):
            fee = self.env.ref("support_terms_suspension.product_reactivation_fee")
            tax = company.account_sale_tax_id
            if tax and not fee.product_tmpl_id._support_sale_taxes(company):
                # the terms say "+ iva": the company's sales VAT
                fee.taxes_id = [fields.Command.link(tax.id)]
            self._write_company(
                company, {"support_reactivation_fee_product_id": fee.id}
            )


class SupportTermsTemplateChange(models.TransientModel):
    """One company setting a terms template sets differently: shown before
    applying, applied only when ticked."""

    _name = "support.terms.template.change"
    _description = "Company setting changed by a terms template"
    _order = "sequence, id"

    wizard_id = fields.Many2one(
        comodel_name="support.terms.template.apply",
        required=True,
        ondelete="cascade",
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
