# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

import pytz

from odoo.exceptions import AccessError
from odoo.tests import freeze_time

from .common import TZ, CsCallbackCommon


class TestCoverageReport(CsCallbackCommon):
    """Member coverage (C4) and daily quota (C6) reports.

    The reports are SQL views computed by PostgreSQL from its own clock, so
    the Python clock is frozen at the database's transaction time (rather
    than at a fixed date) and every date is relative to it."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env.cr.execute("SELECT now() AT TIME ZONE 'UTC'")
        cls.now = cls.env.cr.fetchone()[0].replace(microsecond=0)
        cls.enterClassContext(freeze_time(cls.now))
        cls.today = pytz.utc.localize(cls.now).astimezone(pytz.timezone(TZ)).date()
        cls.gold.callback_interval_days = 30
        cls.company.cs_callback_daily_quota = 5

        new = cls._new_member
        cls.m_recent = new("Cov Recent", cls.agent_a, done_days=[10, 120])
        cls.m_old = new("Cov Old", cls.agent_a, done_days=[100], open_callback=True)
        cls.m_gold_recent = new("Cov Gold Recent", cls.agent_b, cls.gold, [20])
        cls.m_gold_old = new("Cov Gold Old", cls.agent_b, cls.gold, [40])
        cls.m_never = new("Cov Never", cls.agent_b)
        cls._create_callback(cls.m_never, cls.agent_b).write(
            {"state": "failed", "date_done": cls.now}
        )
        cls.q_member = new("Quota Member", cls.agent_a2)
        cls.prospect = cls._create_member("Quota Prospect", cls.agent_a2, tz=TZ)
        cls.members = (
            cls.m_recent
            | cls.m_old
            | cls.m_gold_recent
            | cls.m_gold_old
            | cls.m_never
            | cls.q_member
        )

        # agent A: 5 member callbacks today, one yesterday; a prospect's
        # callback and an open one do not count. Agent B: 2 today.
        for _i in range(5):
            cls._done(cls.q_member, cls.agent_a, cls.now)
        cls._done(cls.q_member, cls.agent_a, cls.now - timedelta(days=1))
        cls._done(cls.prospect, cls.agent_a, cls.now)
        cls._create_callback(cls.q_member, cls.agent_a)
        for _i in range(2):
            cls._done(cls.q_member, cls.agent_b, cls.now)
        cls.env.flush_all()

    @classmethod
    def _new_member(cls, name, agent, level=None, done_days=(), open_callback=False):
        """A member with an active card (activated by the superuser), done
        callbacks ``done_days`` ago and optionally an open one."""
        partner = cls._create_member(name, agent, tz=TZ)
        cls._create_card(partner, level)
        for days in done_days:
            cls._done(partner, agent, cls.now - timedelta(days=days))
        if open_callback:
            cls._create_callback(partner, agent)
        return partner

    @classmethod
    def _done(cls, partner, agent, date_done):
        callback = cls._create_callback(partner, agent)
        callback.write({"state": "done", "date_done": date_done})
        return callback

    def _coverage(self, user=None):
        self.env.flush_all()
        self.env.invalidate_all()
        Report = self.env["cs.callback.coverage.report"]
        if user:
            Report = Report.with_user(user)
        rows = Report.search([("partner_id", "in", self.members.ids)])
        return {row.partner_id: row for row in rows}

    def _quota(self, user=None, domain=()):
        self.env.flush_all()
        self.env.invalidate_all()
        Report = self.env["cs.callback.quota.report"]
        if user:
            Report = Report.with_user(user)
        return Report.search(list(domain))

    def test_coverage_rows(self):
        self.assertTrue(self.m_recent.cs_is_member)
        rows = self._coverage()
        self.assertEqual(set(rows), set(self.members))
        self.assertNotIn(self.prospect, rows)
        expected = {
            # member: (is_covered, has_open, days_since, level)
            self.m_recent: (True, False, 10, self.silver),
            self.m_old: (False, True, 100, self.silver),
            self.m_gold_recent: (True, False, 20, self.gold),
            self.m_gold_old: (False, False, 40, self.gold),
            self.m_never: (False, False, 0, self.silver),
            self.q_member: (True, True, 0, self.silver),
        }
        for member, (covered, has_open, days, level) in expected.items():
            row = rows[member]
            self.assertEqual(
                (row.is_covered, row.has_open, row.days_since, row.level_id),
                (covered, has_open, days, level),
                member.name,
            )
            self.assertEqual(row.agent_id, member.cs_agent_id)
            self.assertEqual(row.covered, 1 if covered else 0)
            self.assertEqual(row.coverage_pct, 100.0 if covered else 0.0)
            self.assertEqual(row.company_id, self.company)
        self.assertEqual(
            rows[self.m_recent].date_last_done, self.now - timedelta(days=10)
        )
        self.assertFalse(rows[self.m_never].date_last_done)

    def test_coverage_by_agent(self):
        self._coverage()
        groups = self.env["cs.callback.coverage.report"]._read_group(
            [("partner_id", "in", self.members.ids)],
            ["agent_id"],
            ["__count", "covered:sum", "coverage_pct:avg"],
        )
        result = {
            agent: (count, covered, round(pct, 2))
            for agent, count, covered, pct in groups
        }
        self.assertEqual(result[self.agent_a], (2, 1, 50.0))
        self.assertEqual(result[self.agent_b], (3, 1, 33.33))
        self.assertEqual(result[self.agent_a2], (1, 1, 100.0))

    def test_quota_rows(self):
        rows = self._quota(domain=[("user_id", "=", self.agent_a.id)])
        self.assertEqual(len(rows), 31)
        self.assertEqual(max(rows.mapped("date")), self.today)
        self.assertEqual(min(rows.mapped("date")), self.today - timedelta(days=30))
        today = rows.filtered(lambda r: r.date == self.today)
        yesterday = rows.filtered(lambda r: r.date == self.today - timedelta(days=1))
        self.assertEqual((today.done_count, today.quota, today.quota_met), (5, 5, True))
        self.assertEqual(yesterday.done_count, 1)
        self.assertFalse(yesterday.quota_met)
        self.assertEqual(today.company_id, self.company)

    def test_quota_met(self):
        agents = self.agent_a | self.agent_a2 | self.agent_b
        domain = [("user_id", "in", agents.ids), ("date", "=", self.today)]
        rows = self._quota(domain=domain)
        met = {row.user_id: (row.done_count, row.quota_met) for row in rows}
        self.assertEqual(
            met,
            {
                self.agent_a: (5, True),
                self.agent_a2: (0, False),
                self.agent_b: (2, False),
            },
        )
        self.company.cs_callback_daily_quota = 2
        rows = self._quota(domain=domain)
        met = {row.user_id: (row.quota, row.quota_met) for row in rows}
        self.assertEqual(
            met,
            {
                self.agent_a: (2, True),
                self.agent_a2: (2, False),
                self.agent_b: (2, True),
            },
        )

    def test_quota_agents_only(self):
        users = self._quota(domain=[("date", "=", self.today)]).user_id
        self.assertIn(self.supervisor, users)
        self.assertNotIn(self.internal_user, users)
        self.assertNotIn(self.portal_user, users)

    def test_agent_sees_own_rows(self):
        rows = self._coverage(self.agent_a)
        self.assertEqual(set(rows), {self.m_recent, self.m_old})
        all_rows = self.env["cs.callback.coverage.report"].with_user(self.agent_a)
        self.assertEqual(all_rows.search([]).agent_id, self.agent_a)
        quota = self._quota(self.agent_b)
        self.assertEqual(quota.user_id, self.agent_b)
        self.assertEqual(len(quota), 31)

    def test_supervisor_sees_all(self):
        for user in (self.supervisor, self.quality):
            self.assertEqual(set(self._coverage(user)), set(self.members))
            users = self._quota(user, [("date", "=", self.today)]).user_id
            self.assertLessEqual(self.agent_a | self.agent_a2 | self.agent_b, users)

    def test_internal_user_denied(self):
        for model in ("cs.callback.coverage.report", "cs.callback.quota.report"):
            with self.assertRaises(AccessError):
                self.env[model].with_user(self.internal_user).search([])
