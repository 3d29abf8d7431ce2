from odoo import api, fields, models
from odoo.tools.translate import LazyTranslate

from ..terms_templates.common import (
    CALENDARS,
    CATEGORY_NAMES,
    CHANNEL_NAMES,
    PLAN_DEFAULTS,
    SERVICE_KIND_BY_KEY,
    TZ,
)

_lt = LazyTranslate(__name__)

# the namespace of the xml ids of what a template makes: no module, so that
# uninstalling the application never deletes a company's plans or products
TEMPLATE_XMLID_MODULE = "__support_terms_template__"

# the plan fields a template's plan sets as they are: its take-in-charge
# hours and the terms of PLAN_DEFAULTS but those naming records
NAMING_RECORDS = ("calendar", "urgent_calendar", "urgency_fee_product")
PLAN_FIELDS = (
    "take_in_charge_hours",
    "urgent_take_in_charge_hours",
    *(name for name in PLAN_DEFAULTS if name not in NAMING_RECORDS),
)

# the name of the SLA of each take-in-charge target of a plan, after the
# plan's name in the company's language
SLA_NAMES = {
    "normal": _lt("Take in charge: %(plan)s"),
    "urgent": _lt("Urgent take in charge: %(plan)s"),
}
# the labels of the names SLAs had before ("<plan code>: <label>"), to find
# them again
LEGACY_SLA_LABELS = {
    "normal": _lt("take in charge"),
    "urgent": _lt("urgent take in charge"),
}


def _hour(hour):
    """9.5 -> "09:30"."""
    minutes = round(hour * 60)
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


class SupportTermsTemplateRecords(models.AbstractModel):
    """The records a terms template makes in a company, and their texts.

    Each gets a noupdate xml id (``_xmlid``): applying again finds it whatever
    staff renamed it to; a record made before the xml ids is found as it was
    then (plan code, product reference, name) and gets its xml id. Texts are
    ``_lt`` terms in English, translated from the module's .po files.
    """

    _name = "support.terms.template.records"
    _description = "Records of a terms template"

    # -- records, found by xml id -----------------------------------------

    def _xmlid(self, company, kind, key=None, shared=False):
        """``__support_terms_template__.terms_<company id>_<template>_<kind>_<key>``
        (a namespace of no module: uninstalling the application keeps them),
        without the template when ``shared`` by all templates (calendars,
        channels); ``support_terms.<prefix>_<kind>_<key>`` with a prefix (the
        demo data)."""
        parts = [kind] + ([str(key).lower()] if key else [])
        prefix = self.env.context.get("support_terms_xmlid_prefix")
        module = "support_terms"
        if not prefix:
            template = self.env.context["support_terms_template"]
            prefix = f"terms_{company.id}" + ("" if shared else f"_{template}")
            module = TEMPLATE_XMLID_MODULE
        return f"{module}." + "_".join([prefix, *parts])

    def _own(self, company, kind, key=None):
        """A record an earlier part of the template made."""
        return self.env.ref(self._xmlid(company, kind, key))

    def _upsert(self, model, xmlid, fallback_domain, values, create_values):
        """Update the record named ``xmlid``, or create it; a record made
        before the templates named their records is found by ``fallback_domain``."""
        record = self.env.ref(xmlid, raise_if_not_found=False)
        if record is None or record._name != model:
            with_archived = self.env[model].with_context(active_test=False)
            record = with_archived.search(fallback_domain, limit=1)
        if record:
            record.write(values)
            self._log(record, "updated")
        else:
            record = self.env[model].create(dict(values, **create_values))
            self._log(record, "created")
        self._name_record(record, xmlid)
        return record

    def _log(self, record, what):
        """Note ``record`` as ``what`` in the wizard's log, for its summary."""
        log = self.env.context.get("support_terms_template_log")
        if log is not None:
            log.setdefault(what, {}).setdefault(record._name, []).append(record.id)

    def _name_record(self, record, xmlid):
        self.env["ir.model.data"]._update_xmlids(
            [{"xml_id": xmlid, "record": record, "noupdate": True}]
        )

    def _ensure_calendar(self, company, key):
        spec = CALENDARS[key]
        # the day's name in the company's language, as Odoo names them
        lang_env = self.with_context(lang=self._lang(company)).env
        dayofweek = self.env["resource.calendar.attendance"]._fields["dayofweek"]
        day_names = dict(dayofweek._description_selection(lang_env))
        attendances = [
            fields.Command.create(
                {
                    "name": f"{day_names[str(day)]} {_hour(hour_from)}-"
                    f"{_hour(hour_to)}",
                    "dayofweek": str(day),
                    "hour_from": hour_from,
                    "hour_to": hour_to,
                    "day_period": "morning" if hour_to <= 13 else "afternoon",
                }
            )
            for days, hour_from, hour_to in spec["hours"]
            for day in days
        ]
        calendar = self._upsert(
            "resource.calendar",
            self._xmlid(company, "calendar", key, shared=True),
            [
                ("name", "in", self._texts(spec["name"], company)),
                ("company_id", "=", company.id),
            ],
            {"tz": TZ, "attendance_ids": [fields.Command.clear(), *attendances]},
            {"name": self._text(spec["name"], "en_US"), "company_id": company.id},
        )
        self._set_texts(calendar, company, name=spec["name"])
        if spec.get("holidays", True):
            patron = self.env.context.get("support_terms_patron", (False, False))
            calendar._support_keep_public_holidays(*patron)
        return calendar

    def _ensure_channel(self, company, kind):
        """The channel of ``kind``: the one shipped or the company's, else a
        new one of the company."""
        xmlid = self._xmlid(company, "channel", kind, shared=True)
        channels = self.env["helpdesk.ticket.channel"].with_context(active_test=False)
        channel = self.env.ref(xmlid, raise_if_not_found=False) or channels.search(
            [("support_kind", "=", kind), ("company_id", "in", [company.id, False])],
            order="company_id, id",
            limit=1,
        )
        if not channel:
            english = self._text(CHANNEL_NAMES[kind], "en_US")
            channel = channels.create(
                {"name": english, "support_kind": kind, "company_id": company.id}
            )
            self._log(channel, "created")
            self._set_texts(channel, company, name=CHANNEL_NAMES[kind])
        if channel.company_id == company:
            self._name_record(channel, xmlid)
        channel.active = True
        return channel

    def _ensure_product(self, company, key, values):
        template = self.env.context["support_terms_template"]
        # products had this internal reference, shown before their name,
        # until they had an xml id; new ones have none
        legacy_code = f"ST-{template}-{key}".upper()
        product = self._upsert(
            "product.product",
            self._xmlid(company, "product", key),
            [
                ("company_id", "=", company.id),
                "|",
                ("default_code", "=", legacy_code),
                "&",
                ("default_code", "=", False),
                ("name", "in", self._texts(values["name"], company)),
            ],
            {"active": True},
            {
                "name": self._text(values["name"], "en_US"),
                "type": "service",
                "list_price": values["price"],
                "sale_ok": True,
                "purchase_ok": False,
                "company_id": company.id,
            },
        )
        product.product_tmpl_id.active = True
        if product.default_code == legacy_code:
            product.default_code = False
        self._set_texts(product.product_tmpl_id, company, name=values["name"])
        return product

    def _ensure_team(self, company, name, calendar):
        """The support team, in the hours of the template's first plan."""
        team = self._upsert(
            "helpdesk.ticket.team",
            self._xmlid(company, "team"),
            [
                ("name", "in", self._texts(name, company)),
                ("company_id", "=", company.id),
            ],
            {
                "active": True,
                "show_in_portal": True,
                "use_sla": True,
                "resource_calendar_id": calendar.id,
            },
            {"name": self._text(name, "en_US"), "company_id": company.id},
        )
        self._set_texts(team, company, name=name)
        return team

    def _ensure_plan(self, company, team, calendars, values, coverage):
        """The plan of ``values`` (a template's plan), its take-in-charge SLAs
        and its ``coverage`` of each kind of request."""
        products = [self._own(company, "product", key).id for key in values["products"]]
        channels = [
            self._ensure_channel(company, kind).id for kind in values["channels"]
        ]
        urgent = values["urgent_calendar"]
        fee = values["urgency_fee_product"]
        plan = self._upsert(
            "support.plan",
            self._xmlid(company, "plan", values["code"]),
            [("code", "=", values["code"]), ("company_id", "=", company.id)],
            {
                "active": True,
                "product_ids": [fields.Command.set(products)],
                "channel_ids": [fields.Command.set(channels)],
                "team_id": team.id,
                "resource_calendar_id": calendars[values["calendar"]].id,
                "urgent_calendar_id": calendars[urgent].id if urgent else False,
                "urgency_fee_product_id": (
                    self._own(company, "product", fee).id if fee else False
                ),
                **{name: values[name] for name in PLAN_FIELDS},
            },
            {
                "code": values["code"],
                "name": self._text(values["name"], "en_US"),
                "company_id": company.id,
            },
        )
        self._set_texts(
            plan,
            company,
            name=values["name"],
            terms_html=values["terms"],
            urgency_terms=values["urgency_terms"],
        )
        self._ensure_slas(company, team, plan)
        self._ensure_coverage_rules(company, plan, coverage)
        return plan

    def _ensure_product_terms(self, company, spec):
        """How each product of the template renews; a credit pack's credits."""
        plan_keys = {key for plan in spec["plans"] for key in plan["products"]}
        notice = spec.get("notice_days", 0)
        for key, values in spec["products"].items():
            product = self._own(company, "product", key).product_tmpl_id
            if key in plan_keys:
                # a product granting a plan is a support plan, hosting included
                kind, policy = "support_plan", "anniversary"
            else:
                kind, policy = SERVICE_KIND_BY_KEY.get(key, ("other", False))
            # what staff changed stays (a product granting a plan already is a
            # support plan); terms naming no notice let the customer cancel up
            # to the expiry
            if not product.renewal_policy and product.service_kind in (False, kind):
                product.write(
                    dict(service_kind=kind, renewal_policy=policy, notice_days=notice)
                )
            if spec.get("renewal_by_choice") and key in plan_keys:
                product.renewal_by_choice = True
            pack = values.get("credit_pack")
            if pack:
                product.write(
                    {
                        "support_credit_pack": True,
                        "support_credits": pack["credits"],
                        "support_credit_validity_days": pack["validity_days"],
                    }
                )

    def _ensure_slas(self, company, team, plan):
        """The plan's take-in-charge targets as SLAs of the team, met when the
        ticket is in progress: in the support hours and, when the plan promises
        one, an urgent one in the urgent hours."""
        in_progress = self.env.ref("helpdesk_mgmt.helpdesk_ticket_stage_in_progress")
        normal, urgent = plan.take_in_charge_hours, plan.urgent_take_in_charge_hours
        support_hours = plan.resource_calendar_id
        # (target, urgency of the tickets, hours, calendar)
        targets = [
            ("normal", "normal" if urgent else "any", normal, support_hours),
            ("urgent", "urgent", urgent, plan.urgent_calendar_id or support_hours),
        ]
        lang = self._lang(company)
        plan_name = plan.with_context(lang=lang).name
        for target, urgency, hours, calendar in targets:
            if not hours:
                continue
            # the name in the company's language first; then the names SLAs
            # had before, to find them
            names = [self._text(SLA_NAMES[target], lang) % {"plan": plan_name}] + [
                f"{plan.code}: {label}"
                for label in self._texts(LEGACY_SLA_LABELS[target], company)
            ]
            minutes = round(hours * 60)
            self._upsert(
                "helpdesk.sla",
                self._xmlid(company, "sla", f"{plan.code}_{target}"),
                [("name", "in", names), ("company_id", "=", company.id)],
                {
                    "name": names[0],
                    "active": True,
                    "team_ids": [fields.Command.set(team.ids)],
                    "support_plan_ids": [fields.Command.set(plan.ids)],
                    "urgency": urgency,
                    "days": 0,
                    "hours": minutes // 60,
                    "minutes": minutes % 60,
                    "resource_calendar_id": calendar.id,
                    "stage_id": in_progress.id,
                },
                {"company_id": company.id},
            )

    def _ensure_coverage_rules(self, company, plan, rules):
        """The plan's coverage per kind of request, one rule per kind."""
        for key, spec in rules.items():
            category = self.env.ref(
                f"support_terms_coverage.helpdesk_ticket_category_{key}"
            )
            self._name_category(category, key)
            product = spec.get("product")
            rule = self._upsert(
                "support.coverage.rule",
                self._xmlid(company, "coverage", f"{plan.code}_{key}"),
                [("plan_id", "=", plan.id), ("category_id", "=", category.id)],
                {
                    "coverage": spec["coverage"],
                    "billing_mode": spec.get("billing_mode") or False,
                    "credits": spec.get("credits", 0.0),
                    "product_id": (
                        self._own(company, "product", product).id if product else False
                    ),
                },
                {"plan_id": plan.id, "category_id": category.id},
            )
            if spec.get("note"):
                self._set_texts(rule, company, note=spec["note"])
            else:
                rule.note = False

    # -- texts, from the .po files ------------------------------------------

    def _lang(self, company):
        return company.partner_id.lang or self.env.lang or "en_US"

    @api.model
    def _text(self, text, lang):
        """``text`` (an ``_lt`` term) in ``lang``, as the module's .po says."""
        return self.with_context(lang=lang).env._(text)

    def _texts(self, text, company):
        """``text`` in the company's language, then English: the names a
        record made before the xml ids may have."""
        names = [self._text(text, self._lang(company)), self._text(text, "en_US")]
        return list(dict.fromkeys(names))

    def _set_texts(self, record, company, **texts):
        """Write ``texts`` ({field name: ``_lt`` term}): a translated field gets
        the English source and each installed language's text from the .po,
        any other field the text in the company's language."""
        installed = self.env["res.lang"].get_installed()
        langs = [code for code, _name in installed if code != "en_US"]
        for field_name, text in texts.items():
            field = record._fields[field_name]
            if not field.translate:
                record[field_name] = self._text(text, self._lang(company))
                continue
            source = self._text(text, "en_US")
            record.with_context(lang="en_US")[field_name] = source
            translations = {lang: self._text(text, lang) for lang in langs}
            if callable(field.translate):
                # HTML is translated term by term (paragraph by paragraph): a
                # translation keeps the paragraphs of the English text.
                source_terms = field.get_trans_terms(source)
                translations = {
                    lang: dict(
                        zip(source_terms, field.get_trans_terms(value), strict=True)
                    )
                    for lang, value in translations.items()
                }
            if translations:
                record.update_field_translations(field_name, translations)

    def _name_category(self, category, key):
        """Name a shipped kind of request in the languages its own module's
        translations leave it untranslated, never replacing a translation."""
        source = category.with_context(lang="en_US").name
        if source != self._text(CATEGORY_NAMES[key], "en_US"):
            return  # renamed by the provider
        translations = {}
        for lang, _name in self.env["res.lang"].get_installed():
            text = self._text(CATEGORY_NAMES[key], lang)
            if text != source and category.with_context(lang=lang).name == source:
                translations[lang] = text
        if translations:
            category.update_field_translations("name", translations)
