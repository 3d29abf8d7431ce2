from datetime import datetime, timedelta

from odoo.tests import new_test_user

from odoo.addons.support_terms_plan.tests.common import SupportPlanCase

T0 = datetime(2026, 3, 2, 10, 0)  # a Monday


def day(days, hours=0):
    return T0 + timedelta(days=days, hours=hours)


class AutoCloseCase(SupportPlanCase):
    """A team that closes the requests left waiting for the customer, and the
    customer's BASIC plan (7 days, warned 2 days before)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.stage_new = cls.env.ref("helpdesk_mgmt.helpdesk_ticket_stage_new")
        cls.stage_progress = cls.env.ref(
            "helpdesk_mgmt.helpdesk_ticket_stage_in_progress"
        )
        cls.stage_waiting = cls.env.ref("helpdesk_mgmt.helpdesk_ticket_stage_awaiting")
        cls.stage_no_reply = cls.env.ref(
            "support_terms_auto_close.helpdesk_ticket_stage_closed_no_reply"
        )
        cls.company.support_auto_close_without_plan = True
        cls.team = cls.env["helpdesk.ticket.team"].create(
            {
                "name": "Assistenza",
                "alias_name": "assistenza-test",
                "auto_close_stage_id": cls.stage_no_reply.id,
                "customer_replied_stage_id": cls.stage_progress.id,
            }
        )
        cls.agent = new_test_user(
            cls.env,
            login="agent_ac",
            groups="helpdesk_mgmt.group_helpdesk_user",
            name="Agent",
        )
        cls._create_contract(cls.customer, cls.product_basic, "2026-01-01")
        cls.cron = cls.env.ref("support_terms_auto_close.ir_cron_auto_close_tickets")
        cls.env["ir.config_parameter"].set_param(
            "support_terms.auto_close_batch_size", 2
        )

    def _ticket(self, partner=None, team=None, name="Sito lento", **values):
        return self.env["helpdesk.ticket"].create(
            dict(
                name=name,
                description="<p>Il sito è lento</p>",
                partner_id=(partner or self.contact).id,
                team_id=(team or self.team).id,
                stage_id=self.stage_progress.id,
                **values,
            )
        )

    def _wait(self, tickets):
        tickets.write({"stage_id": self.stage_waiting.id})

    def run_cron(self):
        return self.run_like_the_cron_worker(self.cron)

    def mails(self, ticket, template_xmlid):
        subject = self.env.ref(template_xmlid)._render_field("subject", ticket.ids)[
            ticket.id
        ]
        return self.env["mail.mail"].search(
            [
                ("model", "=", "helpdesk.ticket"),
                ("res_id", "=", ticket.id),
                ("subject", "=", subject),
            ]
        )

    def warnings(self, ticket):
        return self.mails(
            ticket, "support_terms_auto_close.mail_template_auto_close_warning"
        )

    def closings(self, ticket):
        return self.mails(ticket, "support_terms_auto_close.mail_template_auto_closed")
