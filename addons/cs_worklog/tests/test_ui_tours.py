# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from odoo.tests import HttpCase, tagged

from odoo.addons.cs_member.tests.tour_common import CsTourMixin, load_chinese

from .common import CsWorklogCommon

WORK_DONE = "Worklog tour: called the members of the week"
ACHIEVEMENTS = "Worklog tour: every member called back"
PLAN = "Worklog tour: call the lapsed members"


@tagged("post_install", "-at_install", "cs_tour")
class TestWorklogTours(CsTourMixin, CsWorklogCommon, HttpCase):
    """工作日志 (E5), each role from its own menu, in Chinese and in English:
    the agent completes and submits the day's prefilled log; the team
    leader reads it in the team's logs and submits the month's summary; the
    manager acknowledges it."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        load_chinese(cls.env, ["web", "mail", "cs_worklog"])
        cls.team_a.leader_id = cls.supervisor

    def test_agent_supervisor_manager(self):
        Summary = self.env["cs.worklog.summary"]
        for lang in ("zh_CN", "en_US"):
            with self.subTest(lang=lang):
                (self.agent_a | self.supervisor | self.manager).write({"lang": lang})
                # a fresh day's log and no summary of the supervisor
                self.Worklog.search([("user_id", "=", self.agent_a.id)]).unlink()
                Summary.search([("user_id", "=", self.supervisor.id)]).sudo().unlink()
                self.Worklog._cs_prefill_day(self.company, date(2026, 4, 8))
                log = self._log(self.agent_a)
                self.assertEqual(log.state, "draft")
                self.assertEqual(log.callback_done, 2)
                self.start_tour("/odoo", "cs_worklog_agent_tour", login="cs_agent_a")
                log.invalidate_recordset()
                self.assertEqual(log.state, "submitted")
                self.assertEqual(log.work_done, WORK_DONE)
                self.assertTrue(log.date_submitted)
                self.assertEqual(log.callback_done, 2)
                self.start_tour(
                    "/odoo", "cs_worklog_supervisor_tour", login="cs_supervisor"
                )
                summary = Summary.search([("user_id", "=", self.supervisor.id)])
                self.assertEqual(len(summary), 1)
                self.assertEqual(summary.state, "submitted")
                self.assertEqual(summary.period_kind, "month")
                self.assertEqual(summary.date_from.day, 1)
                self.assertEqual(summary.achievements, ACHIEVEMENTS)
                self.assertEqual(summary.plan, PLAN)
                self.start_tour("/odoo", "cs_worklog_manager_tour", login="cs_manager")
                summary.invalidate_recordset()
                self.assertEqual(summary.state, "acknowledged")
                self.assertEqual(summary.acknowledged_by_id, self.manager)
                self.assertTrue(summary.date_acknowledged)
