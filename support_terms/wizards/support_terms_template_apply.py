from markupsafe import Markup, escape

from odoo import _, api, fields, models
from odoo.exceptions import UserError

from ..rules.terms_templates import (
    CALENDARS,
    CATEGORY_NAMES,
    CHANNEL_NAMES,
    COVERAGE_RULES,
    TEMPLATE_SELECTION,
    TEMPLATES,
    TZ,
    notice_judged_on,
    product_service_terms,
)


class SupportTermsTemplateApply(models.TransientModel):
    """Set a company up from one of the shipped terms templates.

    Applying a template twice updates what the first run created instead of
    duplicating it: plans are matched by code, products by internal reference,
    calendars, channels and teams by name or kind in the company.
    """

    _name = "support.terms.template.apply"
    _description = "Apply a terms template"

    template = fields.Selection(selection=TEMPLATE_SELECTION, required=True)
    company_id = fields.Many2one(
        comodel_name="res.company",
        required=True,
        readonly=True,
        default=lambda self: self.env.company,
    )
    summary_html = fields.Html(
        string="What will be created", compute="_compute_summary_html"
    )

    @api.depends("template", "company_id")
    def _compute_summary_html(self):
        for wizard in self:
            spec = TEMPLATES.get(wizard.template)
            if not spec:
                wizard.summary_html = False
                continue
            lang = wizard._lang(wizard.company_id)
            items = [
                Markup("<li>%s</li>")
                % self.env._(
                    "Plan %(name)s (%(code)s): %(hours)s, channels %(channels)s",
                    name=self._text(plan["name"], lang),
                    code=plan["code"],
                    hours=self._text(CALENDARS[plan["calendar"]]["name"], lang),
                    channels=", ".join(
                        self._text(CHANNEL_NAMES[c], lang) for c in plan["channels"]
                    ),
                )
                for plan in spec["plans"]
            ]
            items.append(
                Markup("<li>%s</li>")
                % _(
                    "Products: %(products)s",
                    products=", ".join(
                        self._text(p["name"], lang) for p in spec["products"].values()
                    ),
                )
            )
            items.append(
                Markup("<li>%s</li>")
                % _("Helpdesk team: %(team)s", team=self._text(spec["team"], lang))
            )
            settings = spec.get("company", {})
            if settings.get("support_overdue_suspension"):
                items.append(
                    Markup("<li>%s</li>")
                    % self.env._("Suspension of customers with overdue invoices: on")
                )
            if spec.get("reactivation_fee"):
                items.append(
                    Markup("<li>%s</li>")
                    % self.env._("Reactivation fee after a suspension: on")
                )
            if settings.get("support_auto_close_without_plan"):
                items.append(
                    Markup("<li>%s</li>")
                    % self.env._(
                        "Closing of requests without a plan after the team's days: on"
                    )
                )
            wizard.summary_html = Markup("<ul>%s</ul>") % Markup("").join(items)

    def action_apply(self):
        self.ensure_one()
        plans = self._apply_template(self.template, self.company_id)
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "support_terms_plan.support_plan_action"
        )
        action["domain"] = [("id", "in", plans.ids)]
        return action

    # -- applying ---------------------------------------------------------

    @api.model
    def _apply_template(self, template, company, xmlid_prefix=None):
        """Create or update in ``company`` everything ``template`` describes.

        ``xmlid_prefix`` names the created records ``support_terms.<prefix>_…``
        (used by the demo data to refer to them).
        """
        spec = TEMPLATES.get(template)
        if not spec:
            raise UserError(_("Unknown terms template: %s", escape(template)))
        if not self.env.su and not self.env.user.has_group(
            "support_terms_base.group_support_terms_manager"
        ):
            raise UserError(_("Only support managers can apply a terms template."))
        if company not in self.env.user.company_ids and not self.env.su:
            raise UserError(_("You cannot set up a company you do not work in."))
        # The template creates calendars and products, which support managers
        # may not be allowed to create one by one: the check is above.
        env_self = self.sudo().with_company(company)
        names = {}
        calendars = {
            key: env_self._ensure_calendar(company, key) for key in spec["calendars"]
        }
        names.update({f"calendar_{k}": v for k, v in calendars.items()})
        kinds = {kind for plan in spec["plans"] for kind in plan["channels"]}
        channels = {kind: env_self._ensure_channel(company, kind) for kind in kinds}
        plan_keys = {key for plan in spec["plans"] for key in plan["products"]}
        products = {
            key: env_self._ensure_product(company, template, key, values, plan_keys)
            for key, values in spec["products"].items()
        }
        names.update({f"product_{k}": v for k, v in products.items()})
        first_calendar = calendars[spec["plans"][0]["calendar"]]
        names["team"] = env_self._ensure_team(company, spec["team"], first_calendar)
        plans = env_self.env["support.plan"]
        for values in spec["plans"]:
            plan = env_self._ensure_plan(company, values, calendars, channels, products)
            names[f"plan_{values['code'].lower()}"] = plan
            env_self._ensure_slas(company, names["team"], plan)
            env_self._ensure_coverage_rules(
                plan, COVERAGE_RULES.get(template, {}).get(values["code"], {}), products
            )
            plans |= plan
        company.sudo().write(
            dict(
                env_self._company_settings(spec, company),
                support_terms_template=template,
                support_notice_judged_on=notice_judged_on(template),
            )
        )
        if xmlid_prefix:
            self.env["ir.model.data"].sudo()._update_xmlids(
                [
                    {
                        "xml_id": f"support_terms.{xmlid_prefix}_{name}",
                        "record": record,
                        "noupdate": True,
                    }
                    for name, record in names.items()
                ]
            )
        return plans.with_env(self.env)

    def _company_settings(self, spec, company):
        """What the template's terms turn on in the company; never an "off"."""
        values = dict(spec.get("company", {}))
        if spec.get("reactivation_fee"):
            fee = self.env.ref("support_terms_suspension.product_reactivation_fee")
            tax = company.account_sale_tax_id
            if tax and not fee.product_tmpl_id._support_sale_taxes(company):
                # the terms say "+ iva": the company's sales VAT
                fee.taxes_id = [fields.Command.link(tax.id)]
            values["support_reactivation_fee_product_id"] = fee.id
        return values

    def _lang(self, company):
        return company.partner_id.lang or self.env.lang or "en_US"

    @api.model
    def _text(self, texts, lang):
        return texts.get(lang) or texts.get(lang[:2]) or texts["en_US"]

    def _translate(self, record, field_name, texts):
        installed = {code for code, _name in self.env["res.lang"].get_installed()}
        translations = {lang: text for lang, text in texts.items() if lang in installed}
        field = record._fields[field_name]
        if callable(field.translate):
            # HTML is translated term by term (paragraph by paragraph): the
            # template's texts have the same paragraphs in every language.
            source_terms = field.get_trans_terms(texts["en_US"])
            translations = {
                lang: dict(zip(source_terms, field.get_trans_terms(text), strict=True))
                for lang, text in translations.items()
            }
        if translations:
            record.update_field_translations(field_name, translations)

    def _ensure_calendar(self, company, key):
        spec = CALENDARS[key]
        name = self._text(spec["name"], self._lang(company))
        calendar_model = self.env["resource.calendar"]
        calendar = calendar_model.search(
            [("name", "=", name), ("company_id", "=", company.id)], limit=1
        )
        attendances = [
            (
                0,
                0,
                {
                    "name": f"{day}: {hour_from:g}-{hour_to:g}",
                    "dayofweek": str(day),
                    "hour_from": hour_from,
                    "hour_to": hour_to,
                    "day_period": "morning" if hour_to <= 13 else "afternoon",
                },
            )
            for days, hour_from, hour_to in spec["hours"]
            for day in days
        ]
        values = {"tz": TZ, "attendance_ids": [(5, 0, 0)] + attendances}
        if calendar:
            calendar.write(values)
        else:
            calendar = calendar_model.create(
                dict(values, name=name, company_id=company.id)
            )
        return calendar

    def _ensure_channel(self, company, kind):
        channel_model = self.env["helpdesk.ticket.channel"].with_context(
            active_test=False
        )
        channel = channel_model.search(
            [
                ("support_kind", "=", kind),
                ("company_id", "in", [company.id, False]),
            ],
            order="company_id, id",
            limit=1,
        )
        if not channel:
            channel = channel_model.create(
                {
                    "name": CHANNEL_NAMES[kind]["en_US"],
                    "support_kind": kind,
                    "company_id": company.id,
                }
            )
            self._translate(channel, "name", CHANNEL_NAMES[kind])
        channel.active = True
        return channel

    def _ensure_product(self, company, template, key, values, plan_keys=()):
        code = f"ST-{template}-{key}".upper()
        product_model = self.env["product.product"].with_context(active_test=False)
        product = product_model.search(
            [("default_code", "=", code), ("company_id", "=", company.id)], limit=1
        )
        if not product:
            product = product_model.create(
                {
                    "name": values["name"]["en_US"],
                    "default_code": code,
                    "type": "service",
                    "list_price": values["price"],
                    "sale_ok": True,
                    "purchase_ok": False,
                    "company_id": company.id,
                }
            )
        product.product_tmpl_id.active = True
        if values.get("credit_pack"):
            product.product_tmpl_id.write(
                {
                    "support_credit_pack": True,
                    "support_credits": values["credit_pack"]["credits"],
                    "support_credit_validity_days": values["credit_pack"][
                        "validity_days"
                    ],
                }
            )
        if not product.service_kind:
            product.product_tmpl_id.write(product_service_terms(key, plan_keys))
        self._translate(product.product_tmpl_id, "name", values["name"])
        return product

    def _ensure_team(self, company, team_names, calendar):
        team_model = self.env["helpdesk.ticket.team"].with_context(active_test=False)
        team = team_model.search(
            [
                ("name", "in", list(team_names.values())),
                ("company_id", "=", company.id),
            ],
            limit=1,
        )
        values = {
            "resource_calendar_id": calendar.id,
            "show_in_portal": True,
            "use_sla": True,
        }
        if team:
            team.write(dict(values, active=True))
        else:
            team = team_model.create(
                dict(values, name=team_names["en_US"], company_id=company.id)
            )
        self._translate(team, "name", team_names)
        return team

    def _ensure_slas(self, company, team, plan):
        """The plan's take-in-charge targets as SLAs of the team.

        A normal one in the support hours and, when the plan promises one, an
        urgent one in the urgent hours; met when the ticket is in progress.
        """
        in_progress = self.env.ref("helpdesk_mgmt.helpdesk_ticket_stage_in_progress")
        lang = self._lang(company)
        targets = [
            (
                "normal" if plan.urgent_take_in_charge_hours else "any",
                plan.take_in_charge_hours,
                plan.resource_calendar_id,
                {"it_IT": "presa in carico", "en_US": "take in charge"},
            ),
            (
                "urgent",
                plan.urgent_take_in_charge_hours,
                plan.urgent_calendar_id or plan.resource_calendar_id,
                {"it_IT": "presa in carico urgente", "en_US": "urgent take in charge"},
            ),
        ]
        sla_model = self.env["helpdesk.sla"].with_context(active_test=False)
        for urgency, hours, calendar, label in targets:
            if not hours:
                continue
            name = f"{plan.code}: {self._text(label, lang)}"
            minutes = round(hours * 60)
            values = {
                "name": name,
                "company_id": company.id,
                "active": True,
                "team_ids": [(6, 0, team.ids)],
                "support_plan_ids": [(6, 0, plan.ids)],
                "urgency": urgency,
                "days": 0,
                "hours": minutes // 60,
                "minutes": minutes % 60,
                "resource_calendar_id": calendar.id,
                "stage_id": in_progress.id,
            }
            sla = sla_model.search(
                [("name", "=", name), ("company_id", "=", company.id)], limit=1
            )
            if sla:
                sla.write(values)
            else:
                sla_model.create(values)

    def _ensure_plan(self, company, values, calendars, channels, products):
        plan_model = self.env["support.plan"].with_context(active_test=False)
        plan = plan_model.search(
            [("code", "=", values["code"]), ("company_id", "=", company.id)], limit=1
        )
        urgent = values["urgent_calendar"]
        plan_values = {
            "sequence": values.get("sequence", 10),
            "active": True,
            "product_ids": [(6, 0, [products[key].id for key in values["products"]])],
            "resource_calendar_id": calendars[values["calendar"]].id,
            "urgent_calendar_id": calendars[urgent].id if urgent else False,
            "channel_ids": [(6, 0, [channels[kind].id for kind in values["channels"]])],
        }
        for field_name in (
            "take_in_charge_hours",
            "urgent_take_in_charge_hours",
            "auto_close_days",
            "auto_close_warning_days",
            "includes_extraordinary",
            "duration_days",
            "refund_window_hours",
            "renewal_reminder_days",
        ):
            plan_values[field_name] = values[field_name]
        if values.get("urgency_fee_product"):
            plan_values["urgency_fee_product_id"] = products[
                values["urgency_fee_product"]
            ].id
        if plan:
            plan.write(plan_values)
        else:
            plan = plan_model.create(
                dict(
                    plan_values,
                    code=values["code"],
                    name=values["name"]["en_US"],
                    terms_html=values["terms"]["en_US"],
                    urgency_terms=values["urgency_terms"]["en_US"],
                    company_id=company.id,
                )
            )
        self._translate(plan, "name", values["name"])
        self._translate(plan, "terms_html", values["terms"])
        self._translate(plan, "urgency_terms", values["urgency_terms"])
        return plan

    def _ensure_coverage_rules(self, plan, rules, products):
        """The plan's coverage per kind of request, one rule per kind."""
        existing = {rule.category_id: rule for rule in plan.coverage_rule_ids}
        for key, spec in rules.items():
            category = self.env.ref(
                f"support_terms_coverage.helpdesk_ticket_category_{key}"
            )
            self._translate(category, "name", CATEGORY_NAMES[key])
            values = {
                "coverage": spec["coverage"],
                "billing_mode": spec.get("billing_mode") or False,
                "credits": spec.get("credits", 0.0),
                "product_id": products[spec["product"]].id
                if spec.get("product")
                else False,
                "note": spec["note"]["en_US"] if spec.get("note") else False,
            }
            rule = existing.get(category)
            if rule:
                rule.write(values)
            else:
                rule = self.env["support.coverage.rule"].create(
                    dict(values, plan_id=plan.id, category_id=category.id)
                )
            if spec.get("note"):
                self._translate(rule, "note", spec["note"])
