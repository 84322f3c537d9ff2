# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import freeze_time

from .common import CsWorklogCommon, local


@freeze_time(local("2026-04-30 18:00"))
class TestSummary(CsWorklogCommon):
    """Weekly, monthly and annual summaries with a plan, written by a
    supervisor with the figures of the period from their owners,
    acknowledged by the manager only."""

    def _summary(self, user=None, **vals):
        return (
            self.env["cs.worklog.summary"]
            .with_user(user or self.supervisor)
            .create(dict({"period_kind": "month", "date_from": "2026-04-01"}, **vals))
        )

    def test_prefilled_from_the_owners(self):
        summary = self._summary()
        self.assertEqual(summary.date_to, date(2026, 4, 30))
        callbacks = self.env["cs.callback.figures"]._cs_callbacks(
            self.company, summary.date_from, summary.date_to
        )[None]
        coverage = self.env["cs.callback.figures"]._cs_coverage(
            self.company, summary.date_from, summary.date_to
        )[None]
        Stats = self.env["cs.complaint.stats"]
        resolved = Stats._get_resolved(
            summary.date_from, summary.date_to, self.company
        )[None]
        received = self.env["cs.complaint"].search_count(
            Stats._received_domain(summary.date_from, summary.date_to, self.company)
        )
        self.assertGreaterEqual(callbacks["made"], 5)
        self.assertEqual(
            (
                summary.callback_made,
                summary.callback_done,
                summary.callback_satisfied,
                summary.callback_score,
                summary.coverage_rate,
                summary.complaint_received,
                summary.complaint_resolved,
                summary.complaint_sla_rate,
            ),
            (
                callbacks["made"],
                callbacks["done"],
                callbacks["satisfaction"]["satisfied"],
                callbacks["average_score"] or 0.0,
                coverage["rate"] or 0.0,
                received,
                resolved["count"],
                resolved["sla_rate"] or 0.0,
            ),
        )

    def test_periods(self):
        self.assertEqual(
            self._summary(period_kind="week", date_from="2026-04-06").date_to,
            date(2026, 4, 12),
        )
        self.assertEqual(
            self._summary(period_kind="year", date_from="2026-01-01").date_to,
            date(2026, 12, 31),
        )
        for kind, start in (
            ("week", "2026-04-08"),
            ("month", "2026-04-02"),
            ("year", "2026-02-01"),
        ):
            with self.assertRaises(ValidationError):
                self._summary(period_kind=kind, date_from=start)

    def test_workflow(self):
        summary = self._summary()
        with self.assertRaisesText(UserError, "summary and the plan"):
            summary.action_submit()
        summary.write(
            {
                "achievements": "Coverage up",
                "problems": "Two late complaints",
                "plan": "Train the new agents",
            }
        )
        summary.action_submit()
        self.assertEqual(summary.state, "submitted")
        with self.assertRaises(UserError):
            summary.write({"plan": "Another plan"})
        # only the manager acknowledges, and comments
        with self.assertRaises(AccessError):
            summary.action_acknowledge()
        with self.assertRaises(AccessError):
            summary.write({"manager_comment": "Fine"})
        as_manager = summary.with_user(self.manager)
        as_manager.write({"manager_comment": "Agreed"})
        as_manager.action_return()
        self.assertEqual(summary.state, "draft")
        summary.action_submit()
        as_manager.action_acknowledge()
        self.assertEqual(
            (summary.state, summary.acknowledged_by_id), ("acknowledged", self.manager)
        )
        with self.assertRaises(UserError):
            as_manager.write({"manager_comment": "Changed my mind"})
        with self.assertRaises(UserError):
            as_manager.action_acknowledge()
        with self.assertRaises(UserError):
            as_manager.unlink()

    def test_protected_fields(self):
        summary = self._summary()
        for vals in (
            {"state": "acknowledged"},
            {"acknowledged_by_id": self.manager.id},
            {"complaint_received": 0},
            {"callback_made": 99},
            {"user_id": self.manager.id},
        ):
            with self.assertRaises(AccessError, msg=vals):
                summary.with_user(self.manager).write(vals)
        with self.assertRaises(AccessError):
            self._summary(state="acknowledged")

    def test_access(self):
        summary = self._summary()
        # agents neither write nor read summaries
        with self.assertRaises(AccessError):
            self._summary(user=self.agent_a, date_from="2026-03-01")
        with self.assertRaises(AccessError):
            summary.with_user(self.agent_a).read(["plan"])
        # another supervisor does not read it; the manager does
        other = self.env["res.users"].create(
            {
                "name": "Other supervisor",
                "login": "cs_other_supervisor",
                "groups_id": [(6, 0, [self.ref("cs_member.group_cs_supervisor")])],
            }
        )
        with self.assertRaises(AccessError):
            summary.with_user(other).read(["plan"])
        summary.with_user(self.manager).read(["plan"])
        # only its author submits it
        with self.assertRaises(AccessError):
            summary.with_user(self.manager).action_submit()
