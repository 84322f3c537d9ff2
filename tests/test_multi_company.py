"""Companies apart: a user of one company neither reads the other's records
of the suite nor links records of the other company."""

import os
import unittest

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from odoo.addons.cs_kpi.tests.common import CsKpiCommon

SUITE_INSTALLED = "cs_kpi" in os.environ.get("CS_MODULES", "cs_kpi")


@unittest.skipUnless(SUITE_INSTALLED, "needs every module of the suite (cs_kpi)")
@tagged("post_install", "-at_install")
class TestMultiCompany(CsKpiCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company_a = cls.company
        cls.company_b = cls.env["res.company"].create({"name": "Company B (test)"})
        cls.manager_b = cls.env["res.users"].create(
            {
                "name": "Manager B",
                "login": "cs_mc_manager_b",
                "company_id": cls.company_b.id,
                "company_ids": [Command.set(cls.company_b.ids)],
                "groups_id": [
                    Command.set(
                        [
                            cls.env.ref("base.group_user").id,
                            cls.env.ref("cs_member.group_cs_manager").id,
                        ]
                    )
                ],
            }
        )
        cls.manager.company_ids = cls.company_a
        complaint = cls._create_complaint(category_id=cls.cat_service.id)
        cls.records_a = {
            "cs.complaint": complaint,
            "cs.callback": cls.env["cs.callback"].create(
                {
                    "partner_id": cls.customer_a.id,
                    "user_id": cls.agent_a.id,
                    "date_deadline": "2026-04-30",
                }
            ),
            "cs.callback.plan": cls.env["cs.callback.plan"].create({"name": "A plan"}),
            "cs.member.card": cls.env["cs.member.card"].create(
                {"partner_id": cls.customer_a.id, "level_id": cls.silver.id}
            ),
            "cs.team": cls.team_a,
            "cs.kpi.period": cls.period,
            "cs.kpi.template": cls.template,
            "cs.kpi.event": cls._event(cls.emp_agent_a, "praise", state="draft"),
            "cs.qa.inspection": cls.env["cs.qa.inspection"].create(
                {"agent_id": cls.agent_a.id, "form_id": cls.qa_form.id}
            ),
            "cs.complaint.sla": cls.sla_normal,
        }
        cls.sla_normal.company_id = cls.company_a
        cls.period.with_user(cls.supervisor).action_compute()
        cls.records_a["cs.kpi.scorecard"] = cls.period.scorecard_ids[:1]

    def test_other_company_reads_nothing(self):
        for model, record in self.records_a.items():
            self.assertTrue(record, model)
            with self.subTest(model=model), self.assertRaises(AccessError):
                record.with_user(self.manager_b).read(["display_name"])
            with self.subTest(model=model, search=True):
                self.assertFalse(
                    self.env[model]
                    .with_user(self.manager_b)
                    .search([("id", "=", record.id)])
                )
        # the company's own manager reads them
        for model, record in self.records_a.items():
            with self.subTest(model=model, own=True):
                record.with_user(self.manager).read(["display_name"])

    def test_links_stay_in_the_company(self):
        category_b = self.env["cs.complaint.category"].create(
            {"name": "B only", "company_id": self.company_b.id}
        )
        department_b = self.env["hr.department"].create(
            {"name": "B department", "company_id": self.company_b.id}
        )
        employee_b = self.env["hr.employee"].create(
            {"name": "B employee", "company_id": self.company_b.id}
        )
        complaint = self.records_a["cs.complaint"]
        for vals in (
            {"category_id": category_b.id},
            {"department_id": department_b.id},
            {"responsible_employee_ids": [Command.set(employee_b.ids)]},
        ):
            with self.subTest(vals=vals), self.assertRaises(UserError):
                complaint.write(vals)
        with self.assertRaises(UserError):
            self.env["cs.kpi.event"].create(
                {
                    "employee_id": employee_b.id,
                    "kind": "praise",
                    "reason": "x",
                    "company_id": self.company_a.id,
                }
            )
