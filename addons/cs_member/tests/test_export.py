# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import json

from odoo import http
from odoo.exceptions import AccessError
from odoo.tests import HttpCase, tagged
from odoo.tools import mute_logger

from .common import CsMemberCommon


@tagged("post_install", "-at_install")
class TestCustomerExport(CsMemberCommon, HttpCase):
    """Only supervisors export customer data (A3); every export is logged."""

    def _export(self, user, model="res.partner", records=None):
        records = records or self.customer_a | self.customer_b
        return (
            self.env[model]
            .with_user(user)
            .browse(records.ids)
            .export_data(["name", "email"])
        )

    def _logs(self):
        return self.env["cs.export.log"].search([])

    def test_agents_and_other_users_refused(self):
        card = self.env["cs.member.card"].create(
            {"partner_id": self.customer_a.id, "level_id": self.silver.id}
        )
        for user in (self.agent_a, self.quality, self.internal_user, self.contact_user):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                self._export(user)
        with self.assertRaises(AccessError):
            self.env["cs.member.card"].with_user(self.agent_a).browse(
                card.ids
            ).export_data(["number"])
        self.assertFalse(self._logs())

    def test_supervisor_export_is_logged(self):
        result = self._export(self.supervisor)
        self.assertEqual(len(result["datas"]), 2)
        log = self._logs()
        self.assertEqual(len(log), 1)
        self.assertEqual(
            (log.user_id, log.model, log.row_count, log.field_names),
            (self.supervisor, "res.partner", 2, "name, email"),
        )
        # the log is the system's: nobody edits or deletes it
        for user in (self.manager, self.admin_user):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                log.with_user(user).write({"row_count": 0})
        with self.assertRaises(AccessError):
            log.with_user(self.manager).unlink()
        # managers read it, agents do not
        log.with_user(self.manager).read(["row_count"])
        with self.assertRaises(AccessError):
            log.with_user(self.agent_a).read(["row_count"])

    def test_company_may_allow_agents(self):
        self.company.cs_agents_may_export = True
        self._export(self.agent_a)
        self.assertEqual(self._logs().user_id, self.agent_a)
        # still not other employees
        with self.assertRaises(AccessError):
            self._export(self.internal_user)

    def _web_export(self, login):
        """The list view's Export, as ``login``, of customer A's name."""
        self.authenticate(login, login)
        data = {
            "model": "res.partner",
            "fields": [{"name": "name", "label": "Name"}],
            "ids": self.customer_a.ids,
            "domain": [],
            "import_compat": False,
        }
        return self.url_open(
            "/web/export/csv",
            data={
                "data": json.dumps(data),
                "csrf_token": http.Request.csrf_token(self),
            },
        )

    def test_web_export_refused_over_http(self):
        # the refusal is logged as a failed request: expected here
        with mute_logger("odoo.addons.web.controllers.export"):
            response = self._web_export("cs_agent_a")
        self.assertNotIn(b"Customer of A", response.content)
        self.assertFalse(self._logs())
        response = self._web_export("cs_supervisor")
        self.assertIn(b"Customer of A", response.content)
        self.assertEqual(len(self._logs()), 1)
