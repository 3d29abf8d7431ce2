from odoo import models
from odoo.tools.translate import LazyGettext

from ..terms_templates import TEMPLATES
from ..terms_templates.common import CALENDARS, CHANNEL_NAMES

# the records the templates name, by the field that holds their name
NAMED_BY_TEMPLATES = [
    ("product.template", "name"),
    ("support.plan", "name"),
    ("helpdesk.ticket.team", "name"),
    ("helpdesk.ticket.channel", "name"),
    ("resource.calendar", "name"),
]


def _terms(value):
    """The ``_lt`` terms in the templates' data."""
    if isinstance(value, LazyGettext):
        yield value
    elif isinstance(value, dict | list | tuple):
        for item in value.values() if isinstance(value, dict) else value:
            yield from _terms(item)


class IrModuleModule(models.Model):
    _inherit = "ir.module.module"

    def _load_module_terms(self, modules, langs, *args, **kwargs):
        res = super()._load_module_terms(modules, langs, *args, **kwargs)
        if "support_terms" in modules:
            self._support_translate_template_names(langs)
        return res

    def _support_translate_template_names(self, langs):
        """A language installed after a template was applied: the names the
        template gave (products, plans, team, channels, calendars) get their
        translation from the .po, where nobody translated them yet."""
        wizard = self.env["support.terms.template.records"]
        sources = {}
        for term in _terms([TEMPLATES, CALENDARS, CHANNEL_NAMES]):
            sources.setdefault(wizard._text(term, "en_US"), term)
        for model_name, field_name in NAMED_BY_TEMPLATES:
            # the system translates the company's named data, as Odoo does
            # its own terms when a language is installed
            model = self.env[model_name].with_context(lang="en_US", active_test=False)
            for record in model.sudo().search([(field_name, "in", list(sources))]):
                source = record[field_name]
                translations = {
                    lang: wizard._text(sources[source], lang)
                    for lang in langs
                    if lang != "en_US"
                    and record.with_context(lang=lang)[field_name] == source
                }
                if translations:
                    record.update_field_translations(field_name, translations)
