# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields
from odoo.exceptions import AccessError
from odoo.tests import HttpCase, tagged
from odoo.tests.common import JsonRpcException

from ..models.cs_service_request import WORKFLOW_FIELDS
from .common import CsServiceCommon


def _sample_value(request, fname):
    field = request._fields[fname]
    return {
        "datetime": fields.Datetime.to_string(fields.Datetime.now().replace(year=2030)),
        "boolean": not request[fname],
        "char": "FORGED",
        "binary": "iVBORw0KGgo=",
        "many2one": request.env["ir.attachment"]
        .create({"name": "forged.pdf", "raw": b"%PDF"})
        .id,
        "selection": {
            "state": "closed",
            "sla_status": "breached",
            "escalation_level": "2",
        }.get(fname),
    }[field.type]


PROTECTED = sorted(WORKFLOW_FIELDS | {"state", "sla_status", "escalation_level"})


@tagged("post_install", "-at_install")
class TestServiceIntegrity(CsServiceCommon):
    """The workflow holds on the server, whatever a client writes."""

    def test_service_every_workflow_field_refused_for_every_role(self):
        request = self._advance(self._create_request(), "dispatched")
        users = {
            "agent": self.agent_a,
            "supervisor": self.supervisor,
            "manager": self.manager,
            "technician": self.tech_user_1,
            "admin": self.admin_user,
        }
        for fname in PROTECTED:
            value = _sample_value(request, fname)
            for role, user in users.items():
                with (
                    self.subTest(field=fname, role=role),
                    self.assertRaises(AccessError),
                ):
                    request.with_user(user).write({fname: value})
        self.assertEqual(request.state, "dispatched")

    def test_service_create_in_the_initial_state_only(self):
        Request = self.Request.with_user(self.agent_a)
        vals = {"partner_id": self.customer_a.id, "problem": "<p>x</p>"}
        for extra in (
            {"state": "done"},
            {"signed_by": "Forged"},
            {"date_dispatched": "2026-01-01 00:00:00"},
            {"name": "FW-FORGED"},
            {"sla_status": "breached"},
        ):
            with self.subTest(extra=extra), self.assertRaises(AccessError):
                Request.create(dict(vals, **extra))
        with self.assertRaises(AccessError):
            Request.with_context(default_state="closed").create(vals)
        self.assertEqual(Request.create(dict(vals, state="new")).state, "new")

    def test_service_unlink_refused(self):
        request = self._create_request()
        with self.assertRaises(AccessError):
            request.with_user(self.manager).unlink()


@tagged("post_install", "-at_install")
class TestServiceRpcIntegrity(CsServiceCommon, HttpCase):
    """Over JSON-RPC (the web client's /web/dataset/call_kw) the protected
    fields are refused too, and the buttons still work."""

    def _call(self, model, method, *args, **kwargs):
        return self.make_jsonrpc_request(
            "/web/dataset/call_kw",
            {"model": model, "method": method, "args": list(args), "kwargs": kwargs},
        )

    def assertRefused(self, model, method, *args, **kwargs):
        with self.assertRaises(JsonRpcException) as caught:
            self._call(model, method, *args, **kwargs)
        self.assertTrue(str(caught.exception).startswith("odoo.exceptions."))

    def test_service_rpc_state_write_refused(self):
        request = self._create_request()
        self.authenticate(self.agent_a.login, self.agent_a.login)
        for fname in ("state", "date_dispatched", "signed_by", "dispatch_in_time"):
            with self.subTest(field=fname):
                self.assertRefused(
                    "cs.service.request",
                    "write",
                    request.ids,
                    {fname: _sample_value(request, fname)},
                )
        self.assertRefused(
            "cs.service.request",
            "create",
            [
                {
                    "partner_id": self.customer_a.id,
                    "problem": "<p>x</p>",
                    "state": "done",
                }
            ],
        )
        request.invalidate_recordset()
        self.assertEqual(request.state, "new")
        # the technician over RPC: no direct state either, the button works
        request.technician_id = self.tech_1
        self._call("cs.service.request", "action_dispatch", request.ids)
        self.authenticate(self.tech_user_1.login, self.tech_user_1.login)
        self.assertRefused(
            "cs.service.request", "write", request.ids, {"state": "done"}
        )
        self._call("cs.service.request", "action_start", request.ids)
        request.invalidate_recordset()
        self.assertEqual(request.state, "on_site")
        # a private method is not reachable over RPC
        self.assertRefused(
            "cs.service.request", "_cs_sign", request.ids, "Forged", "iVBORw0KGgo="
        )
