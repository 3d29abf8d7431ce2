from odoo.tests import HttpCase, tagged


@tagged("post_install", "-at_install")
class TestBackendServed(HttpCase):
    """The server answers with the addon installed, and its screens load."""

    def test_login_page(self):
        response = self.url_open("/web/login")
        self.assertEqual(response.status_code, 200)

    def test_plan_action_loads_for_a_manager(self):
        self.authenticate("admin", "admin")
        result = self.make_jsonrpc_request(
            "/web/action/load", {"action_id": "support_terms_plan.support_plan_action"}
        )
        self.assertEqual(result["res_model"], "support.plan")
        views = self.make_jsonrpc_request(
            "/web/dataset/call_kw/support.plan/get_views",
            {
                "model": "support.plan",
                "method": "get_views",
                "args": [[[False, "list"], [False, "form"]]],
                "kwargs": {},
            },
        )
        self.assertIn("resource_calendar_id", views["models"]["support.plan"]["fields"])
