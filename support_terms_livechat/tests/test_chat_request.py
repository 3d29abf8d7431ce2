import json
from datetime import datetime

from odoo import Command
from odoo.exceptions import UserError
from odoo.tests import HttpCase, new_test_user, tagged
from odoo.tests.common import JsonRpcException

from odoo.addons.support_terms_sla.tests.common import PlanSlaCase

# the chat started on Tuesday 10 March 2026 at 15:00 in Rome
CHAT_START = datetime(2026, 3, 10, 14, 0)


@tagged("post_install", "-at_install")
class TestChatRequest(HttpCase, PlanSlaCase):
    """Seed 002: "Il nostro servizio di assistenza è svolto unicamente da
    remoto, via mail o chat (per tutte le richieste di assistenza)".

    A customer whose plan includes chat chats with the operator through
    Odoo's live chat; the operator turns the chat into the customer's request
    with one action, its transcript on the request, and the plan's targets
    counted from the start of the chat. The chat is not offered to the
    customers whose plan has none."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("it_IT")
        cls.env["ir.module.module"]._load_module_terms(
            ["support_terms_livechat"], ["it_IT"], overwrite=True
        )
        cls.chat = cls.env.ref("support_terms_livechat.helpdesk_ticket_channel_chat")
        cls.email = cls.env.ref("helpdesk_mgmt.helpdesk_ticket_channel_email")
        # BASIC: mail or chat; PREMIUM here: mail only
        cls.plan_basic.write(
            {
                "channel_ids": [Command.set((cls.email | cls.chat).ids)],
                "channel_rule": "refuse",
                "team_id": cls.team.id,
            }
        )
        cls.plan_premium.channel_ids = [Command.set(cls.email.ids)]
        cls.operator = new_test_user(
            cls.env,
            login="chat_operator",
            groups="base.group_user,helpdesk_mgmt.group_helpdesk_user,"
            "im_livechat.im_livechat_group_user",
            name="Giulia Operatrice",
        )
        cls.livechat = cls.env["im_livechat.channel"].create(
            {
                "name": "Assistenza in chat",
                "user_ids": [Command.set(cls.operator.ids)],
                "support_plan_chat_only": True,
            }
        )
        cls.env["bus.presence"].create({"user_id": cls.operator.id, "status": "online"})
        cls.env["res.users"].create(
            {
                "name": "Mario Rossi",
                "login": "mario_chat",
                "password": "mario-chat-1",
                "partner_id": cls.contact.id,
                "groups_id": [Command.set(cls.env.ref("base.group_portal").ids)],
            }
        )
        cls.premium_contact = cls.env["res.partner"].create(
            {
                "name": "Laura Bianchi",
                "parent_id": cls.other_customer.id,
                "lang": "it_IT",
            }
        )
        cls.env["res.users"].create(
            {
                "name": "Laura Bianchi",
                "login": "laura_chat",
                "password": "laura-chat-1",
                "partner_id": cls.premium_contact.id,
                "groups_id": [Command.set(cls.env.ref("base.group_portal").ids)],
            }
        )

    def setUp(self):
        super().setUp()

        # the operator is online: im_livechat reads it from the bus presence
        def available(livechat):
            for record in livechat:
                record.available_operator_ids = record.user_ids

        self.patch(
            type(self.env["im_livechat.channel"]),
            "_compute_available_operator_ids",
            available,
        )

    def _init(self):
        return self.make_jsonrpc_request(
            "/im_livechat/init", {"channel_id": self.livechat.id}
        )

    def _get_session(self):
        return self.make_jsonrpc_request(
            "/im_livechat/get_session",
            {
                "channel_id": self.livechat.id,
                "anonymous_name": "Visitatore",
                "previous_operator_id": self.operator.partner_id.id,
            },
        )

    def _refused_session(self):
        """The error the visitor's browser receives for a session asked for
        anyway."""
        response = self.url_open(
            "/im_livechat/get_session",
            data=json.dumps(
                {
                    "jsonrpc": "2.0",
                    "method": "call",
                    "id": 1,
                    "params": {
                        "channel_id": self.livechat.id,
                        "anonymous_name": "Visitatore",
                    },
                }
            ),
            headers={"Content-Type": "application/json"},
        )
        error = response.json()["error"]["data"]
        self.assertEqual(error["name"], "odoo.exceptions.UserError")
        return error["message"]

    def _chats(self):
        return self.env["discuss.channel"].search_count(
            [("channel_type", "=", "livechat")]
        )

    def test_chat_of_a_plan_with_chat_becomes_a_request(self):
        self.authenticate("mario_chat", "mario-chat-1")
        self.assertTrue(self._init()["available_for_me"])
        data = self._get_session()
        chat = self.env["discuss.channel"].browse(data["discuss.channel"][0]["id"])
        self.assertIn(self.contact, chat.channel_member_ids.partner_id)
        # the customer writes in the chat window
        self.make_jsonrpc_request(
            "/mail/message/post",
            {
                "thread_model": "discuss.channel",
                "thread_id": chat.id,
                "post_data": {
                    "body": "Il modulo contatti del sito non invia le email",
                    "message_type": "comment",
                },
            },
        )
        chat.with_user(self.operator).message_post(
            body="Controllo subito la configurazione.", message_type="comment"
        )
        # the chat started earlier than the operator turns it into a request
        self.env.cr.execute(
            "UPDATE discuss_channel SET create_date = %s WHERE id = %s",
            (CHAT_START, chat.id),
        )
        chat.invalidate_recordset(["create_date"])

        action = chat.with_user(self.operator).action_support_create_ticket()
        ticket = self.env["helpdesk.ticket"].browse(action["res_id"])
        self.assertEqual(ticket.partner_id, self.contact)
        self.assertEqual(ticket.support_plan_id, self.plan_basic)
        self.assertEqual(ticket.channel_id, self.chat)
        self.assertEqual(ticket.support_chat_id, chat)
        self.assertEqual(ticket.team_id, self.team)
        self.assertEqual(ticket.name, "Il modulo contatti del sito non invia le email")
        self.assertIn(
            "Il modulo contatti del sito non invia le email", ticket.description
        )
        self.assertIn("Controllo subito la configurazione.", ticket.description)
        self.assertIn("Giulia Operatrice", ticket.description)
        # the take in charge counts from the chat's start: 4 working hours of
        # Mon-Fri 15-18 from Tuesday 15:00 end on Wednesday at 16:00 in Rome
        self.assertEqual(
            self._deadline(ticket, self.take_in_charge), datetime(2026, 3, 11, 15, 0)
        )
        # one request per chat
        with self.assertRaises(UserError) as caught:
            chat.with_user(self.operator).with_context(
                lang="it_IT"
            ).action_support_create_ticket()
        self.assertIn("Questa chat è già la richiesta", str(caught.exception))

    def test_ticket_command_in_the_chat(self):
        """``/ticket`` typed by the operator in the chat does the same."""
        self.authenticate("mario_chat", "mario-chat-1")
        data = self._get_session()
        chat = self.env["discuss.channel"].browse(data["discuss.channel"][0]["id"])
        self.authenticate("chat_operator", "chat_operator")
        self.make_jsonrpc_request(
            "/web/dataset/call_kw/discuss.channel/execute_command_support_ticket",
            {
                "model": "discuss.channel",
                "method": "execute_command_support_ticket",
                "args": [[chat.id]],
                "kwargs": {"body": "/ticket"},
            },
        )
        ticket = chat.sudo().support_ticket_ids
        self.assertEqual(len(ticket), 1)
        self.assertEqual(ticket.partner_id, self.contact)
        self.assertEqual(ticket.channel_id, self.chat)

    def test_chat_not_offered_to_plans_without_chat(self):
        """Nothing created: the session is refused with a clear error."""
        self.authenticate("laura_chat", "laura-chat-1")
        self.assertFalse(self._init()["available_for_me"])
        before = self._chats()
        self.assertIn(
            "La chat è per i clienti il cui piano di assistenza la comprende",
            self._refused_session(),
        )
        self.assertEqual(self._chats(), before)

    def test_visitor_not_logged_in_gets_no_chat(self):
        self.authenticate(None, None)
        self.assertFalse(self._init()["available_for_me"])
        before = self._chats()
        self.assertIn("The chat is for customers", self._refused_session())
        self.assertEqual(self._chats(), before)

    def test_chat_of_a_customer_without_chat_is_no_request(self):
        """A chat open to all (the option off) reached by a customer whose
        plan has no chat cannot become its request: refused in Italian,
        nothing written."""
        self.livechat.support_plan_chat_only = False
        self.authenticate("laura_chat", "laura-chat-1")
        data = self._get_session()
        chat = self.env["discuss.channel"].browse(data["discuss.channel"][0]["id"])
        tickets = self.env["helpdesk.ticket"]
        before = tickets.search_count([])
        with self.assertRaises(UserError) as caught:
            chat.with_user(self.operator).with_context(
                lang="it_IT"
            ).action_support_create_ticket()
        self.assertIn(
            "non ha un piano di assistenza che comprenda la chat", str(caught.exception)
        )
        self.assertEqual(tickets.search_count([]), before)
        self.assertFalse(chat.sudo().support_ticket_ids)

    def test_only_support_staff_turn_a_chat_into_a_request(self):
        """The operator turns the chat into the customer's request; over
        JSON-RPC the customer in the chat, or an employee who answers chats
        but does not work the helpdesk, would record requests with the
        plan's targets counted from the chat's start."""
        self.authenticate("mario_chat", "mario-chat-1")
        data = self._get_session()
        chat = self.env["discuss.channel"].browse(data["discuss.channel"][0]["id"])
        seller = new_test_user(
            self.env,
            login="chat_seller",
            groups="base.group_user,im_livechat.im_livechat_group_user",
        )
        chat.sudo().add_members(partner_ids=seller.partner_id.ids)
        tickets = self.env["helpdesk.ticket"]
        before = tickets.search_count([])
        for login, password in (
            ("mario_chat", "mario-chat-1"),
            ("chat_seller", "chat_seller"),
        ):
            self.authenticate(login, password)
            with self.subTest(user=login):
                with self.assertRaises(JsonRpcException) as caught:
                    self.make_jsonrpc_request(
                        "/web/dataset/call_kw/discuss.channel/"
                        "action_support_create_ticket",
                        {
                            "model": "discuss.channel",
                            "method": "action_support_create_ticket",
                            "args": [[chat.id]],
                            "kwargs": {},
                        },
                    )
                self.assertEqual(str(caught.exception), "odoo.exceptions.AccessError")
                # the /ticket command only answers in the chat
                self.make_jsonrpc_request(
                    "/web/dataset/call_kw/discuss.channel/"
                    "execute_command_support_ticket",
                    {
                        "model": "discuss.channel",
                        "method": "execute_command_support_ticket",
                        "args": [[chat.id]],
                        "kwargs": {"body": "/ticket"},
                    },
                )
        self.assertEqual(tickets.search_count([]), before)
        self.assertFalse(chat.sudo().support_ticket_ids)
