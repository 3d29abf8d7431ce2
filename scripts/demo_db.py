"""Build steps of the Italian demo database (used by scripts/_common.sh).

    python3 scripts/demo_db.py create CONF DB   empty database, base in it_IT,
                                                company in Italy (EUR)
    python3 scripts/demo_db.py finish CONF DB   after the addons' install: the
                                                provider's identity, languages,
                                                OCA's demo helpdesk put away

The company is Italian from the first module on, so that installing
``account`` loads Italy's chart of accounts (l10n_it: EUR, 22% IVA) exactly
as a provider creating its database from Odoo's database manager gets it.
What makes the provider Italian beyond that (name, VAT, PEC, languages of
staff and customers) is written here rather than in the addons' demo data,
which also runs on the US test database of scripts/test.
"""

import sys
from datetime import timedelta

import odoo
from odoo import SUPERUSER_ID, api, fields
from odoo.tools import config

COMPANY = {
    "name": "Nuvola Appenninica Srl",
    "street": "Via dell'Indipendenza 31",
    "zip": "40121",
    "city": "Bologna",
    "vat": "IT03856941202",
    "email": "assistenza@nuvolaappenninica.example",
    "phone": "+39 051 4567890",
    "website": "https://www.nuvolaappenninica.example",
    "company_registry": "BO-548213",
}
PEC = "nuvolaappenninica@pec.example"
STAFF = {
    # Odoo's own demo users, renamed so that customers see the provider's
    # staff (the portal shows the assignee's name, email and phone)
    "base.user_admin": (
        "Giulia Ferretti",
        "giulia.ferretti@nuvolaappenninica.example",
        "+39 051 4567891",
    ),
    "base.user_demo": (
        "Marco Landi",
        "marco.landi@nuvolaappenninica.example",
        "+39 051 4567892",
    ),
}
# customers that write in English (all the others are served in Italian)
ENGLISH_CUSTOMERS = (
    "support_terms.demo_partner_poggio",
    "support_terms.demo_partner_poggio_emma",
)


def create(db_name):
    from odoo.service import db

    db._create_empty_database(db_name)
    db._initialize_db(None, db_name, True, "it_IT", "admin", "admin", "IT")


def _italian_partners(env):
    data = env["ir.model.data"].search(
        [
            ("module", "=", "support_terms"),
            ("model", "=", "res.partner"),
            ("name", "=like", "demo\\_%"),
        ]
    )
    partners = env["res.partner"].browse(data.mapped("res_id"))
    english = env["res.partner"]
    for xmlid in ENGLISH_CUSTOMERS:
        english |= env.ref(xmlid, raise_if_not_found=False) or english
    return partners - english, english


def _logo():
    """The provider's logo: its name on a cloud blue, drawn here so that
    customers do not see Odoo's "Your logo" placeholder."""
    import base64
    import io

    from PIL import Image, ImageDraw, ImageFont

    try:
        font = ImageFont.truetype("DejaVuSans-Bold.ttf", 30)
    except OSError:
        font = ImageFont.load_default()
    name = "Nuvola Appenninica"
    width = int(ImageDraw.Draw(Image.new("RGB", (1, 1))).textlength(name, font=font))
    image = Image.new("RGB", (width + 110, 90), "#1f5f8b")
    draw = ImageDraw.Draw(image)
    draw.ellipse((14, 22, 74, 68), fill="#ffffff")
    draw.text((90, 26), name, fill="#ffffff", font=font)
    out = io.BytesIO()
    image.save(out, "PNG")
    return base64.b64encode(out.getvalue())


def finish(env):
    company = env.ref("base.main_company")
    company.write(dict(COMPANY, country_id=env.ref("base.it").id, logo=_logo()))
    company.partner_id.write({"lang": "it_IT", "l10n_it_pec_email": PEC})
    for xmlid, (name, email, phone) in STAFF.items():
        user = env.ref(xmlid)
        user.write({"name": name, "lang": "it_IT", "tz": "Europe/Rome"})
        user.partner_id.write({"email": email, "phone": phone, "mobile": False})
    internal = env["res.users"].search([("share", "=", False)])
    internal.write({"lang": "it_IT"})
    italian, english = _italian_partners(env)
    italian.write({"lang": "it_IT"})
    english.write({"lang": "en_US"})
    env["res.users"].search([("partner_id", "in", italian.ids)]).write(
        {"lang": "it_IT", "tz": "Europe/Rome"}
    )
    # The provider's helpdesk holds its own teams and requests only: the demo
    # teams and tickets of OCA's helpdesk addons are put away here, not in
    # our demo data, because OCA's suites rely on them on the test database.
    ours = env["ir.model.data"].search(
        [("module", "like", "support_terms%"), ("model", "=", "helpdesk.ticket")]
    )
    foreign = env["helpdesk.ticket"].search([("id", "not in", ours.mapped("res_id"))])
    foreign.unlink()
    ours_teams = env["ir.model.data"].search(
        [
            ("module", "like", "support_terms%"),
            ("model", "=", "helpdesk.ticket.team"),
        ]
    )
    env["helpdesk.ticket.team"].search(
        [("id", "not in", ours_teams.mapped("res_id"))]
    ).write({"active": False})
    # so are the kinds of request, tags and SLAs of OCA's demo: the portal's
    # form offers the provider's kinds only
    for model in ("helpdesk.ticket.category", "helpdesk.ticket.tag", "helpdesk.sla"):
        data = env["ir.model.data"].search(
            [("module", "=like", "helpdesk\\_mgmt%"), ("model", "=", model)]
        )
        env[model].browse(data.mapped("res_id")).write({"active": False})
    # "Pay now" in the customers' area: Odoo's demo provider, in test mode
    provider = env.ref("payment.payment_provider_demo")
    provider.write({"state": "test", "is_published": True})
    _history(env)


def _history(env):
    """What days of use would have left, which the addons' demo data does not
    hold because the US test database loads it too (where a pending charge
    would be billed by the tests' invoicing runs): Ottica Visconti's urgency
    judged unjustified, so charged with the plan's fee; Studio Ferri silent
    for five and a half days, so warned that its request closes by itself."""
    photo = env.ref("support_terms.demo_ticket_visconti_photo")
    photo.urgency_review = "unjustified"
    ticket = env.ref("support_terms.demo_ticket_ferri_plugin")
    env.cr.execute(
        "UPDATE helpdesk_ticket SET waiting_since = %s WHERE id = %s",
        (fields.Datetime.now() - timedelta(days=5, hours=12), ticket.id),
    )
    ticket.invalidate_recordset(["waiting_since"])
    env.add_to_compute(ticket._fields["auto_close_warning_date"], ticket)
    env.add_to_compute(ticket._fields["auto_close_date"], ticket)
    ticket.flush_recordset()
    cron = env.ref("support_terms_auto_close.ir_cron_auto_close_tickets")
    cron.ir_actions_server_id.run()


def main():
    step, conf, db_name = sys.argv[1:4]
    config.parse_config(["-c", conf, "-d", db_name, "--log-level=warn"])
    if step == "create":
        create(db_name)
        return
    registry = odoo.modules.registry.Registry(db_name)
    with registry.cursor() as cr:
        finish(api.Environment(cr, SUPERUSER_ID, {"active_test": False}))


if __name__ == "__main__":
    main()
