"""The suite under load, as its users use it (``make load``).

- portal customers submit complaints through ``/my/complaints/new``;
- agents save callback results through the web client's JSON-RPC;
- department members reply to the complaints routed to them (the *Department
  Reply* wizard, over JSON-RPC);
- an administrator runs the SLA and acknowledgement crons by hand now and
  then, beside the cron worker.

Each user has a fixed quota and stops when it is done; the run ends when
every user has stopped. What was submitted and saved is written to
``CS_LOAD_RESULTS`` for ``check.py`` to compare with the database.
"""

import itertools
import json
import os
import re
import threading
import uuid

from locust import FastHttpUser, between, events, task
from locust.exception import StopUser

SETUP = json.load(open(os.environ["CS_LOAD_SETUP"], encoding="utf-8"))
COMPLAINTS = int(os.environ.get("CS_LOAD_COMPLAINTS", 1000))
CSRF = re.compile(r'name="csrf_token"\s+value="([^"]+)"')

_lock = threading.Lock()
_results = {"submitted": [], "callbacks": [], "replies": 0}
# every user of the run: the run ends when all of them have stopped
_users = {
    "total": len(SETUP["portals"]) + len(SETUP["agents"]) + len(SETUP["members"]) + 1
}
_users["stopped"] = 0
_rpc_ids = itertools.count(1)


def _record(key, value):
    with _lock:
        if key == "replies":
            _results[key] += value
        else:
            _results[key].append(value)


@events.quitting.add_listener
def _save_results(environment, **_kwargs):
    with open(os.environ["CS_LOAD_RESULTS"], "w", encoding="utf-8") as handle:
        json.dump(_results, handle)


class OdooUser(FastHttpUser):
    abstract = True
    # people, not robots: a few seconds between two actions keeps the two
    # workers of a small server busy without queueing requests for minutes
    wait_time = between(0.5, 2.0)
    # Odoo's prefork workers answer one request at a time and give up on a
    # connection that sends nothing for 2 seconds: wait for them
    connection_timeout = 60.0
    network_timeout = 120.0

    def on_start(self):
        self.login = self._next_login()
        for _attempt in range(5):
            if self._log_in():
                return
        # a user who cannot log in is an error of the run, and is done
        self.environment.events.request.fire(
            request_type="LOGIN",
            name="login failed",
            response_time=0,
            response_length=0,
            exception=RuntimeError(f"{self.login} could not log in"),
            context={},
        )
        raise StopUser()

    def _log_in(self):
        page = self.client.get("/web/login", name="login page")
        token = CSRF.search(page.text or "")
        if not token:
            return False
        with self.client.post(
            "/web/login",
            data={
                "login": self.login,
                "password": self.login,
                "csrf_token": token.group(1),
                "redirect": "/odoo" if self.internal else "/my",
            },
            name="login",
            catch_response=True,
        ) as response:
            if not response.ok or 'name="password"' in (response.text or ""):
                response.failure(f"{self.login} could not log in")
                return False
        return True

    def _next_login(self):
        with _lock:
            return next(self.logins)

    def on_stop(self):
        with _lock:
            _users["stopped"] += 1
            last = _users["stopped"] >= _users["total"]
        if last:
            self.environment.runner.quit()

    def rpc(self, model, method, args, kwargs=None, name=None, allowed_error=None):
        payload = {
            "jsonrpc": "2.0",
            "method": "call",
            "id": next(_rpc_ids),
            "params": {
                "model": model,
                "method": method,
                "args": args,
                "kwargs": kwargs or {},
            },
        }
        with self.client.post(
            f"/web/dataset/call_kw/{model}/{method}",
            json=payload,
            name=name or f"{model}.{method}",
            catch_response=True,
        ) as response:
            try:
                body = response.json() if response.ok else {}
            except ValueError:
                body = {"error": {"message": "not a JSON-RPC answer"}}
            error = (
                body.get("error") if response.ok else {"message": str(response.error)}
            )
            if error:
                message = (error.get("data") or {}).get("message") or str(error)
                if allowed_error and allowed_error in message:
                    response.success()
                    return None
                response.failure(message[:300])
                return None
            return body.get("result")


class PortalCustomer(OdooUser):
    fixed_count = len(SETUP["portals"])
    internal = False
    logins = itertools.cycle(SETUP["portals"])

    def on_start(self):
        super().on_start()
        self.quota = COMPLAINTS // self.fixed_count

    @task
    def submit_complaint(self):
        if self.quota <= 0:
            raise StopUser()
        self.quota -= 1
        form = self.client.get("/my/complaints/new", name="portal form")
        match = CSRF.search(form.text or "")
        if not match:
            return
        subject = f"LOAD-{uuid.uuid4().hex}"
        with self.client.post(
            "/my/complaints/new",
            data={
                "csrf_token": match.group(1),
                "subject": subject,
                "category_id": str(SETUP["category_id"]),
                "description": "The delivery arrived broken. 送货时已损坏。",
                "customer_request": "Replace it",
            },
            name="portal submit",
            catch_response=True,
        ) as response:
            # the complaint's page greets a new complaint with its number
            if response.ok and "alert-success" in (response.text or ""):
                _record("submitted", subject)
            else:
                response.failure(f"HTTP {response.status_code}: not registered")


class Agent(OdooUser):
    fixed_count = len(SETUP["agents"])
    internal = True
    logins = iter(SETUP["agents"])

    def on_start(self):
        super().on_start()
        self.todo = list(SETUP["agents"][self.login])

    @task
    def save_callback_result(self):
        if not self.todo:
            raise StopUser()
        callback_id = self.todo.pop()
        self.rpc(
            "cs.callback",
            "write",
            [
                [callback_id],
                {"outcome": "reached", "satisfaction": "satisfied", "score": 5},
            ],
            name="callback result",
        )
        if self.rpc(
            "cs.callback", "action_done", [[callback_id]], name="callback done"
        ):
            _record("callbacks", callback_id)


class DepartmentMember(OdooUser):
    fixed_count = len(SETUP["members"])
    internal = True
    logins = iter(SETUP["members"])

    def on_start(self):
        super().on_start()
        self.todo = list(SETUP["members"][self.login])

    @task
    def reply(self):
        if not self.todo:
            raise StopUser()
        complaint_id = self.todo.pop()
        wizard_id = self.rpc(
            "cs.complaint.reply.wizard",
            "create",
            [{"complaint_id": complaint_id, "body": "<p>We are replacing it.</p>"}],
            name="reply wizard",
        )
        if (
            wizard_id
            and self.rpc(
                "cs.complaint.reply.wizard",
                "action_send",
                [[wizard_id]],
                name="reply send",
            )
            is not None
        ):
            _record("replies", 1)


class CronRunner(OdooUser):
    """The administrator runs the crons by hand while the cron worker runs
    them too: both must leave the data consistent."""

    fixed_count = 1
    internal = True
    wait_time = between(2, 4)

    logins = itertools.repeat("admin")

    def on_start(self):
        super().on_start()
        self.rounds = 10

    @task
    def run_crons(self):
        if self.rounds <= 0:
            raise StopUser()
        self.rounds -= 1
        for cron_id in SETUP["crons"]:
            # the cron worker may be running it: Odoo refuses a second run
            self.rpc(
                "ir.cron",
                "method_direct_trigger",
                [[cron_id]],
                name="cron by hand",
                allowed_error="currently being executed",
            )
