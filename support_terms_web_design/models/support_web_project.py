from datetime import timedelta

from odoo import Command, api, fields, models
from odoo.exceptions import UserError
from odoo.tools import format_amount, format_date

from odoo.addons.support_terms_base.tools import run_due_batch

# "entro 180 giorni dalla firma del contratto sarà comunque tenuto al
# pagamento del saldo"
BALANCE_DAYS = 180
# the customer is told this many days before the balance falls due
REMINDER_DAYS = 30
BATCH_PARAM = "support_terms.web_project_batch_size"
BATCH_DEFAULT = 200

STATES = [
    ("draft", "Not signed"),
    ("signed", "Signed"),
    ("balance_invoiced", "Balance invoiced, material missing"),
    ("delivered", "Delivered"),
]


# what the buttons and the scheduled action record, each with its invoice
MILESTONES = {
    "state",
    "signed_on",
    "delivered_on",
    "deposit_invoice_id",
    "balance_invoice_id",
    "reminder_sent_on",
}


class SupportWebProject(models.Model):
    """A web design project: a percentage agreed at signing, the balance at
    delivery or, when the customer's material has not arrived, 180 days
    after signing."""

    _name = "support.web.project"
    _description = "Web design project"
    _inherit = ["mail.thread"]
    _order = "id desc"

    name = fields.Char(compute="_compute_name", store=True, compute_sudo=True)
    contract_line_id = fields.Many2one(
        "contract.line",
        string="Contract line",
        required=True,
        readonly=True,
        ondelete="restrict",
        index=True,
    )
    contract_id = fields.Many2one(
        related="contract_line_id.contract_id", store=True, index=True
    )
    partner_id = fields.Many2one(
        string="Customer",
        related="contract_line_id.contract_id.commercial_partner_id",
        store=True,
        index=True,
    )
    company_id = fields.Many2one(
        related="contract_line_id.contract_id.company_id", store=True, index=True
    )
    currency_id = fields.Many2one(related="contract_line_id.currency_id")
    deposit_percent = fields.Float(
        related="contract_line_id.support_deposit_percent", readonly=False
    )
    amount_total = fields.Monetary(
        related="contract_line_id.price_subtotal", string="Price (untaxed)"
    )
    deposit_amount = fields.Monetary(compute="_compute_amounts")
    balance_amount = fields.Monetary(compute="_compute_amounts")
    state = fields.Selection(
        selection=STATES,
        default="draft",
        required=True,
        readonly=True,
        index=True,
        tracking=True,
        copy=False,
    )
    signed_on = fields.Date(readonly=True, copy=False, tracking=True)
    material_received_on = fields.Date(
        string="Material received on",
        readonly=True,
        copy=False,
        tracking=True,
        help="The day the customer's material (photos, texts, what was "
        "agreed) reached us: the balance then waits for the delivery.",
    )
    delivered_on = fields.Date(readonly=True, copy=False, tracking=True)
    balance_due_on = fields.Date(
        string="Balance due at the latest on",
        compute="_compute_due_dates",
        store=True,
        index=True,
        help="180 days after signing: the balance is invoiced that day if the "
        "customer's material has not arrived.",
    )
    reminder_on = fields.Date(
        string="Customer reminded on",
        compute="_compute_due_dates",
        store=True,
        index=True,
    )
    reminder_sent_on = fields.Date(readonly=True, copy=False)
    deposit_invoice_id = fields.Many2one(
        "account.move", readonly=True, copy=False, index="btree_not_null"
    )
    balance_invoice_id = fields.Many2one(
        "account.move", readonly=True, copy=False, index="btree_not_null"
    )
    # plain texts the reminder email reads (see mail_allowed_qweb_expressions)
    mail_balance_amount = fields.Char(compute="_compute_mail_texts")
    mail_balance_due_on = fields.Char(compute="_compute_mail_texts")
    mail_signed_on = fields.Char(compute="_compute_mail_texts")

    _sql_constraints = [
        (
            "support_one_project_per_line",
            "UNIQUE(contract_line_id)",
            "A contract line holds one web design project.",
        ),
        (
            "support_one_balance_invoice",
            "UNIQUE(balance_invoice_id)",
            "A web design project has one balance invoice.",
        ),
    ]

    @api.depends("contract_line_id.name", "contract_line_id.contract_id.name")
    def _compute_name(self):
        for project in self:
            line = project.contract_line_id
            project.name = f"{line.contract_id.name} - {line.name}"

    @api.depends("deposit_percent", "amount_total", "currency_id")
    def _compute_amounts(self):
        for project in self:
            currency = project.currency_id or project.company_id.currency_id
            total = project.amount_total
            deposit = currency.round(total * project.deposit_percent / 100)
            project.deposit_amount = deposit
            project.balance_amount = currency.round(total - deposit)

    @api.depends("signed_on")
    def _compute_due_dates(self):
        for project in self:
            due = project.signed_on and project.signed_on + timedelta(days=BALANCE_DAYS)
            project.balance_due_on = due
            project.reminder_on = due and due - timedelta(days=REMINDER_DAYS)

    def _compute_mail_texts(self):
        for project in self:
            lang = project.partner_id.lang or None
            env = project.with_context(lang=lang).env
            project.mail_balance_amount = format_amount(
                env, project.balance_amount, project.currency_id
            )
            project.mail_balance_due_on = format_date(
                env, project.balance_due_on, lang_code=lang
            )
            project.mail_signed_on = format_date(env, project.signed_on, lang_code=lang)

    def mail_allowed_qweb_expressions(self):
        return super().mail_allowed_qweb_expressions() + (
            "object.company_id.name",
            "object.company_id.partner_id.email_formatted",
            "object.partner_id.id",
            "object.partner_id.lang",
            "object.partner_id.name",
            "object.name",
            "object.mail_balance_amount",
            "object.mail_balance_due_on",
            "object.mail_signed_on",
        )

    def write(self, vals):
        if not self.env.su and MILESTONES & set(vals):
            # who may not write the project is told so first; a milestone
            # written by hand would skip its invoice
            self.check_access("write")
            raise UserError(
                self.env._(
                    "The milestones of a web design project are recorded by its "
                    "buttons (sign, deliver), each with its invoice."
                )
            )
        return super().write(vals)

    def action_sign(self):
        """The customer signed: the deposit is invoiced on the company's day."""
        # managers sign, deliver and record material: the access list says so
        self.check_access("write")
        for project in self:
            if project.state != "draft":
                raise UserError(
                    self.env._("%(project)s is already signed.", project=project.name)
                )
        today = self.env.company._support_today()
        # a manager's decision, checked above; invoices are accounting's
        values = {"state": "signed", "signed_on": today}
        self.sudo()._record_milestone(values, "deposit", today)
        return True

    def action_material_received(self):
        """The customer's material arrived: the balance waits for delivery."""
        self.check_access("write")
        for project in self:
            if project.state != "signed":
                raise UserError(
                    self.env._(
                        "The material of %(project)s can be recorded only on a "
                        "signed project whose balance is not invoiced yet.",
                        project=project.name,
                    )
                )
        self.write({"material_received_on": self.env.company._support_today()})
        return True

    def action_deliver(self):
        """The finished work is delivered: the balance is invoiced, unless it
        was already invoiced 180 days after signing."""
        self.check_access("write")
        for project in self:
            if project.state == "draft":
                raise UserError(
                    self.env._(
                        "The balance of %(project)s cannot be invoiced before "
                        "its deposit: the contract must be signed first.",
                        project=project.name,
                    )
                )
            if project.state == "delivered":
                raise UserError(
                    self.env._(
                        "%(project)s is already delivered.", project=project.name
                    )
                )
        today = self.env.company._support_today()
        # a manager's decision, checked above; invoices are accounting's
        values = {"state": "delivered", "delivered_on": today}
        self.sudo()._record_milestone(values, "balance", today)
        return True

    def _record_milestone(self, values, kind, today):
        """Write the milestone ``values`` with the invoice of ``kind``
        ('deposit' or 'balance'), issued unless already issued or of no amount."""
        for project in self:
            invoice = project[f"{kind}_invoice_id"]
            if not invoice and project[f"{kind}_amount"]:
                invoice = project._create_invoice(kind, today)
            project.write(dict(values, **{f"{kind}_invoice_id": invoice.id}))

    def _create_invoice(self, kind, invoice_date):
        """One posted customer invoice of this project's deposit or balance
        (``kind``), described in the customer's language."""
        self.ensure_one()
        line = self.contract_line_id
        contract = line.contract_id
        partner = contract.invoice_partner_id or contract.partner_id
        env = self.with_context(lang=partner.lang or None).env
        if kind == "deposit":
            label = env._(
                "Deposit of %(percent)s%% on signing: %(project)s",
                percent=f"{self.deposit_percent:g}",
                project=line.name,
            )
        else:
            label = env._("Balance: %(project)s", project=line.name)
        # a fresh context: the caller's (tracking, defaults) is not the invoice's
        Move = self.env(context={"default_move_type": "out_invoice"})["account.move"]
        move = Move.with_company(self.company_id).create(
            {
                "move_type": "out_invoice",
                "company_id": self.company_id.id,
                "partner_id": partner.id,
                "currency_id": (self.currency_id or self.company_id.currency_id).id,
                "invoice_date": invoice_date,
                "invoice_origin": contract.name,
                "invoice_line_ids": [
                    Command.create(
                        {
                            "product_id": line.product_id.id,
                            "name": label,
                            "quantity": 1.0,
                            "price_unit": self[f"{kind}_amount"],
                            "contract_line_id": line.id,
                        }
                    )
                ],
            }
        )
        move.action_post()
        return move

    @api.model
    def _cron_web_projects(self):
        """Invoice the balances due 180 days after signing, then remind the
        customers whose balance falls due in 30 days. Each project leaves its
        due set in the transaction that handles it: a second or overlapping
        run invoices and emails nothing twice."""
        today = self.env.company._support_today()
        without_material = [
            ("state", "=", "signed"),
            ("material_received_on", "=", False),
        ]
        return run_due_batch(
            # the scheduler records the milestones, as the buttons do, whoever
            # the action runs as
            self.sudo().with_context(tracking_disable=True),
            BATCH_PARAM,
            BATCH_DEFAULT,
            "id",
            [
                (
                    [*without_material, ("balance_due_on", "<=", today)],
                    lambda due: due._invoice_balance_without_material(today),
                ),
                (
                    [
                        *without_material,
                        ("reminder_sent_on", "=", False),
                        ("reminder_on", "<=", today),
                        ("balance_due_on", ">", today),
                    ],
                    lambda due: due._send_balance_reminder(today),
                ),
            ],
        )

    def _invoice_balance_without_material(self, today):
        self._record_milestone({"state": "balance_invoiced"}, "balance", today)
        for project in self:
            project.message_post(
                body=self.env._(
                    "The customer's material did not arrive within %(days)s days "
                    "of signing: the balance is invoiced.",
                    days=BALANCE_DAYS,
                )
            )

    def _send_balance_reminder(self, today):
        template = self.env.ref(
            "support_terms_web_design.mail_template_web_project_balance_reminder"
        )
        # one email per project, in its customer's language (the template's)
        template.send_mail_batch(
            self.ids,
            email_values={
                "message_type": "auto_comment",
                "subtype_id": self.env.ref("mail.mt_comment").id,
            },
        )
        self.write({"reminder_sent_on": today})
