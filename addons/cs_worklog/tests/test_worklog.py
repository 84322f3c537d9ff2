# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from psycopg2 import IntegrityError

from odoo import fields
from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, freeze_time, new_test_user
from odoo.tools import mute_logger

from odoo.addons.cs_member.tests.query_common import QueryBudgetMixin

from .common import CsWorklogCommon, local


class TestWorklogPrefill(CsWorklogCommon):
    """The cron creates and prefills the logs of the agents who worked, at
    the end of the company's day, from the owners of the figures."""

    def test_cron_at_the_end_of_the_day(self):
        with freeze_time(local("2026-04-08 21:30")):
            self.Worklog._cron_prefill_logs()
        log = self._log(self.agent_a)
        self.assertEqual(log.state, "draft")
        self.assertEqual(
            (
                log.callback_done,
                log.callback_failed,
                log.callback_reached,
                log.callback_satisfied,
                log.callback_unsatisfied,
                log.callback_score,
            ),
            (2, 1, 2, 1, 1, 3.5),
        )
        self.assertEqual(
            (
                log.complaint_registered,
                log.complaint_resolved,
                log.complaint_resolved_in_time,
            ),
            (1, 1, 1),
        )
        # the same figures as their owners give
        figures = self.env["cs.callback.figures"]._cs_callbacks(
            self.company, log.date, log.date, groupby="user"
        )[self.agent_a.id]
        self.assertEqual(log.callback_done, figures["done"])
        self.assertEqual(log.callback_score, figures["average_score"])
        # agent B's day, and the previous day of agent A (23:30 on 7 April)
        self.assertEqual(self._log(self.agent_b).callback_done, 1)
        self.assertEqual(self._log(self.agent_a, "2026-04-07").callback_done, 1)
        # who did nothing has no log
        self.assertFalse(self._log(self.agent_a2))
        self.assertEqual(log.team_id, self.team_a)
        # lists computed on reading, as the form does
        log.invalidate_recordset(["callback_ids", "complaint_ids"])
        self.assertIn(self.registered, log.complaint_ids)
        self.assertIn(self.resolved, log.complaint_ids)
        self.assertEqual(len(log.callback_ids), 3)

    def test_cron_before_the_end_of_the_day(self):
        """At 15:00 in Shanghai the day is not over: only yesterday's logs."""
        with freeze_time(local("2026-04-08 15:00")):
            self.Worklog._cron_prefill_logs()
        self.assertFalse(self._log(self.agent_a))
        self.assertTrue(self._log(self.agent_a, "2026-04-07"))
        # the next morning, yesterday's logs are made
        with freeze_time(local("2026-04-09 08:00")):
            self.Worklog._cron_prefill_logs()
        self.assertEqual(self._log(self.agent_a).callback_done, 2)

    def test_cron_idempotent_and_refreshes_drafts(self):
        with freeze_time(local("2026-04-08 21:30")):
            self.Worklog._cron_prefill_logs()
            count = self.Worklog.search_count([])
            self.Worklog._cron_prefill_logs()
            self.assertEqual(self.Worklog.search_count([]), count)
        log = self._log(self.agent_a)
        log_b = self._log(self.agent_b)
        log_b.with_user(self.agent_b).write({"work_done": "Calls"})
        log_b.with_user(self.agent_b).action_submit()
        # two more callbacks that evening: the draft log follows, the
        # submitted one keeps what was submitted
        self._done(self.agent_a, "2026-04-08 22:00", "satisfied", 5)
        self._done(self.agent_b, "2026-04-08 22:10", "satisfied", 5)
        self.env.flush_all()
        with freeze_time(local("2026-04-08 23:00")):
            self.Worklog._cron_prefill_logs()
        self.assertEqual(log.callback_done, 3)
        self.assertEqual(log_b.callback_done, 1)

    def test_agent_creates_today_s_log(self):
        """The agent opens today's log (the company's day) before the cron:
        it starts with the day's figures."""
        with freeze_time(local("2026-04-08 18:00")):
            form = Form(self.Worklog.with_user(self.agent_a))
            form.work_done = "Callbacks and one complaint"
            log = form.save()
        self.assertEqual(str(log.date), self.DAY)
        self.assertEqual(log.callback_done, 2)
        # one log a day
        with freeze_time(local("2026-04-08 18:30")):
            with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError):
                with self.env.cr.savepoint():
                    self.Worklog.with_user(self.agent_a).create({})

    def test_company_day(self):
        """00:30 on 8 April in Shanghai is 16:30 UTC on the 7th: it is a
        callback of the 8th, and the log created at 01:00 there is the
        8th's."""
        with freeze_time(local("2026-04-08 01:00")):
            log = self.Worklog.with_user(self.agent_a).create({})
        self.assertEqual(str(log.date), self.DAY)
        self.assertEqual(log.callback_satisfied, 1)


class TestWorklogQueries(QueryBudgetMixin, CsWorklogCommon):
    """Creating the logs of a day costs the same for 2 or 12 agents."""

    def test_cron_queries_do_not_grow(self):
        counts = []
        for index, day in enumerate(("2026-04-13", "2026-04-14", "2026-04-15")):
            for number in range(4 * index):
                agent = new_test_user(
                    self.env,
                    f"cs_worklog_q{index}_{number}",
                    groups="cs_member.group_cs_agent",
                )
                self._done(agent, f"{day} 10:00", "satisfied", 5)
            self._done(self.agent_a, f"{day} 11:00", "satisfied", 4)
            self._done(self.agent_b, f"{day} 11:00", "average", 3)
            with freeze_time(local(f"{day} 21:30")):
                counts.append(
                    self._queries(
                        lambda day=day: self.Worklog._cs_prefill_day(
                            self.company, fields.Date.to_date(day)
                        )
                    )
                )
            self.assertEqual(
                self.Worklog.search_count([("date", "=", day)]), 2 + 4 * index
            )
        self.assertQueriesDoNotGrow(counts[1:], 40)


@freeze_time(local("2026-04-08 18:00"))
class TestWorklogWorkflow(CsWorklogCommon):
    """The agent completes and submits their log; the supervisor returns
    it; nobody types figures or states."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        with freeze_time(local("2026-04-08 18:00")):
            cls.log = cls.Worklog.with_user(cls.agent_a).create({})

    def test_submit(self):
        log = self.log.with_user(self.agent_a)
        with self.assertRaisesText(UserError, "work done"):
            log.action_submit()
        log.write(
            {
                "work_done": "Two callbacks, one complaint",
                "problems": "Customer A unhappy with the seal",
                "plan_tomorrow": "Follow up customer A",
            }
        )
        log.action_submit()
        self.assertEqual(log.state, "submitted")
        self.assertTrue(log.date_submitted)
        with self.assertRaises(UserError):
            log.write({"plan_tomorrow": "Something else"})
        with self.assertRaises(UserError):
            log.action_submit()
        with self.assertRaises(UserError):
            log.unlink()
        # the agent does not return it; their team lead does
        with self.assertRaises(AccessError):
            log.action_return()
        self.log.with_user(self.supervisor).action_return()
        self.assertEqual(self.log.state, "draft")
        log.write({"plan_tomorrow": "Something else"})

    def test_figures_and_states_are_the_server_s(self):
        log = self.log.with_user(self.agent_a)
        for vals in (
            {"state": "submitted"},
            {"callback_done": 40},
            {"complaint_resolved": 9},
            {"date": "2026-04-01"},
            {"user_id": self.agent_a2.id},
            {"date_submitted": "2026-04-08 10:00:00"},
        ):
            with self.assertRaises(AccessError, msg=vals):
                log.write(vals)
        Worklog = self.Worklog.with_user(self.agent_a2)
        with self.assertRaises(AccessError):
            Worklog.create({"user_id": self.agent_a.id})
        with self.assertRaises(AccessError):
            Worklog.create({"date": "2026-04-01"})
        with self.assertRaises(AccessError):
            Worklog.create({"callback_done": 12})

    def test_only_the_agent_submits_and_writes(self):
        with self.assertRaises(AccessError):
            self.log.with_user(self.supervisor).action_submit()
        with self.assertRaises(AccessError):
            self.log.with_user(self.supervisor).write({"work_done": "Nothing"})
        with self.assertRaises(AccessError):
            self.log.with_user(self.manager).write({"work_done": "Nothing"})
        with self.assertRaises(UserError):
            self.log.with_user(self.supervisor).unlink()

    def test_refresh(self):
        self._done(self.agent_a, "2026-04-08 17:00", "satisfied", 5)
        self.env.flush_all()
        self.log.with_user(self.agent_a).action_refresh()
        self.assertEqual(self.log.callback_done, 3)


@freeze_time(local("2026-04-08 18:00"))
class TestWorklogAccess(CsWorklogCommon):
    """Agents see their own logs, supervisors their team's (and their
    department's as its manager), managers all; nobody else any."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        with freeze_time(local("2026-04-08 22:00")):
            cls.Worklog._cron_prefill_logs()
        cls.log_a = cls._log(cls, cls.agent_a)
        cls.log_b = cls._log(cls, cls.agent_b)

    def _visible(self, user):
        return self.Worklog.with_user(user).search(
            [("id", "in", (self.log_a | self.log_b).ids)]
        )

    def test_agents_see_their_own(self):
        self.assertEqual(self._visible(self.agent_a), self.log_a)
        self.assertFalse(self._visible(self.agent_a2))
        with self.assertRaises(AccessError):
            self.log_a.with_user(self.agent_a2).read(["work_done"])
        with self.assertRaises(AccessError):
            self.log_a.with_user(self.agent_b).write({"work_done": "Mine"})

    def test_supervisor_sees_the_team(self):
        self.assertEqual(self._visible(self.supervisor), self.log_a)
        with self.assertRaises(AccessError):
            self.log_b.with_user(self.supervisor).read(["work_done"])
        # as the manager of agent B's department, they see agent B's too
        Employee = self.env["hr.employee"]
        boss = Employee.create({"name": "Supervisor", "user_id": self.supervisor.id})
        department = self.env["hr.department"].create(
            {"name": "Hotline (test)", "manager_id": boss.id}
        )
        Employee.create(
            {
                "name": "Agent B",
                "user_id": self.agent_b.id,
                "department_id": department.id,
            }
        )
        self.assertEqual(self.log_b.department_id, department)
        self.assertEqual(self._visible(self.supervisor), self.log_a | self.log_b)

    def test_manager_sees_all(self):
        self.assertEqual(self._visible(self.manager), self.log_a | self.log_b)

    def test_others_see_nothing(self):
        for user in (self.internal_user, self.dept_member_user, self.portal_user):
            with self.assertRaises(AccessError):
                self.Worklog.with_user(user).search([])
