"""Screenshots of the demo for the README (called by scripts/screenshots).

    python3 scripts/screenshots.py BASE_URL DB OUT_DIR

Logs in over HTTP as the demo's users, hands the session to a headless
Chromium through its DevTools protocol and saves PNGs of what they see: the
portal home, a request and "My services" of a customer, the ticket form of
the staff.
"""

import base64
import json
import re
import shutil
import subprocess
import sys
import tempfile
import time
import xmlrpc.client
from pathlib import Path

import requests
import websocket

# (file, login, password, path or (model, xmlid) for a record)
SHOTS = [
    ("portal_home.png", "luigi@trattoriadagino.example", "luigi", "/my"),
    (
        "portal_ticket.png",
        "luigi@trattoriadagino.example",
        "luigi",
        ("portal", "support_terms.demo_ticket_gino_down"),
    ),
    ("portal_services.png", "anna@studioferri.example", "anna", "/my/services"),
    (
        "staff_ticket_form.png",
        "admin",
        "admin",
        ("backend", "support_terms.demo_ticket_gino_down"),
    ),
]
WIDTH, HEIGHT = 1366, 900


def record_id(base, db, xmlid):
    models = xmlrpc.client.ServerProxy(f"{base}/xmlrpc/2/object")
    uid = xmlrpc.client.ServerProxy(f"{base}/xmlrpc/2/common").login(
        db, "admin", "admin"
    )
    module, name = xmlid.split(".")
    found = models.execute_kw(
        db,
        uid,
        "admin",
        "ir.model.data",
        "search_read",
        [[("module", "=", module), ("name", "=", name)]],
        {"fields": ["res_id"]},
    )
    return found[0]["res_id"]


def session_of(base, login, password):
    session = requests.Session()
    page = session.get(f"{base}/web/login", timeout=60)
    csrf = re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)
    answer = session.post(
        f"{base}/web/login",
        data={"login": login, "password": password, "csrf_token": csrf},
        timeout=60,
    )
    if "/web/login" in answer.url:
        raise SystemExit(f"cannot log in as {login}")
    return session.cookies["session_id"]


class Chromium:
    def __init__(self):
        binary = next(
            filter(None, map(shutil.which, ["chromium", "google-chrome", "chrome"])),
            None,
        )
        if not binary:
            raise SystemExit("no chromium on PATH")
        self.profile = tempfile.mkdtemp(prefix="screenshots_")
        self.process = subprocess.Popen(
            [
                binary,
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--hide-scrollbars",
                "--remote-debugging-port=0",
                f"--user-data-dir={self.profile}",
                f"--window-size={WIDTH},{HEIGHT}",
                "--lang=it-IT",
                "about:blank",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        port_file = Path(self.profile, "DevToolsActivePort")
        for _wait in range(100):
            if port_file.exists() and port_file.read_text().strip():
                break
            time.sleep(0.2)
        port = port_file.read_text().split()[0]
        targets = requests.get(f"http://127.0.0.1:{port}/json", timeout=30).json()
        page = next(t for t in targets if t["type"] == "page")
        self.ws = websocket.create_connection(
            page["webSocketDebuggerUrl"], timeout=60, suppress_origin=True
        )
        self.next_id = 0

    def call(self, method, **params):
        self.next_id += 1
        self.ws.send(
            json.dumps({"id": self.next_id, "method": method, "params": params})
        )
        while True:
            message = json.loads(self.ws.recv())
            if message.get("id") == self.next_id:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                return message.get("result", {})

    def wait_event(self, name, timeout=60):
        end = time.time() + timeout
        while time.time() < end:
            message = json.loads(self.ws.recv())
            if message.get("method") == name:
                return message
        raise TimeoutError(name)

    def wait_rendered(self, timeout=90):
        """The portal's cards and the backend's views render after the page
        loads (their scripts load the counters and the record): wait until
        neither the portal's spinner nor the backend's loading is shown."""
        busy = (
            "!!document.querySelector('.o_portal_doc_spinner, .o_loading_indicator, "
            ".o_blockUI') || !document.querySelector('.o_portal_wrap, .o_form_view, "
            ".o_portal')"
        )
        end = time.time() + timeout
        while time.time() < end:
            result = self.call("Runtime.evaluate", expression=busy)
            if not result["result"].get("value"):
                break
            time.sleep(1)
        time.sleep(2)

    def close(self):
        self.ws.close()
        self.process.terminate()
        self.process.wait(10)
        shutil.rmtree(self.profile, ignore_errors=True)


def main():
    base, db, out = sys.argv[1], sys.argv[2], Path(sys.argv[3])
    out.mkdir(parents=True, exist_ok=True)
    browser = Chromium()
    try:
        browser.call("Page.enable")
        browser.call("Network.enable")
        browser.call(
            "Emulation.setDeviceMetricsOverride",
            width=WIDTH,
            height=HEIGHT,
            deviceScaleFactor=1,
            mobile=False,
        )
        # the backend shows dates in the browser's time zone: the provider's
        browser.call("Emulation.setTimezoneOverride", timezoneId="Europe/Rome")
        for filename, login, password, where in SHOTS:
            if isinstance(where, tuple):
                kind, xmlid = where
                rec = record_id(base, db, xmlid)
                where = (
                    f"/my/ticket/{rec}"
                    if kind == "portal"
                    else f"/odoo/action-helpdesk_mgmt.helpdesk_ticket_action/{rec}"
                )
            browser.call("Network.clearBrowserCookies")
            browser.call(
                "Network.setCookie",
                name="session_id",
                value=session_of(base, login, password),
                url=base,
            )
            browser.call("Page.navigate", url=base + where)
            browser.wait_event("Page.loadEventFired")
            browser.wait_rendered()
            shot = browser.call("Page.captureScreenshot", format="png")
            (out / filename).write_bytes(base64.b64decode(shot["data"]))
            print(out / filename)
    finally:
        browser.close()


if __name__ == "__main__":
    main()
