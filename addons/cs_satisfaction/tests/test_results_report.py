# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from freezegun import freeze_time

from odoo.exceptions import AccessError
from odoo.tests import tagged

from odoo.addons.cs_member.tests.report_common import ReportTestMixin

from .common import APRIL, FIRST_OF_APRIL, MAY, CsSatisfactionCommon

MONTHLY_REPORT = "cs_kpi.action_report_kpi_monthly"


@tagged("post_install", "-at_install")
class TestResultsAndReport(ReportTestMixin, CsSatisfactionCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        with freeze_time(FIRST_OF_APRIL):
            cls.env["cs.satisfaction.plan"]._cron_monthly_survey()
        cls.april_run = cls.env["cs.satisfaction.run"].search(
            [("plan_id", "=", cls.plan.id)]
        )

    def test_question_scores(self):
        """The score of a question in a month: the average of the completed
        answers of that month's survey; open answers and test entries do not
        count; the results view shows the same figure."""
        answers = self.april_run.user_input_ids.sorted("id")
        self._answer(answers[:2], {self.q_attitude: [5, 4], self.q_speed: [3, 2]})
        answers[2]._save_lines(self.q_speed, "1")  # not completed
        test_entry = self.survey._create_answer(
            user=self.env.user,
            test_entry=True,
            cs_satisfaction_run_id=self.april_run.id,
        )
        self._answer(test_entry, {self.q_attitude: [1], self.q_speed: [1]})
        self.env.flush_all()
        scores = self.Result._cs_question_scores(self.company, APRIL)
        self.assertEqual(
            scores,
            {
                self.q_attitude.id: {"score": 4.5, "count": 2},
                self.q_speed.id: {"score": 2.5, "count": 2},
            },
        )
        self.assertEqual(self.Result._cs_question_scores(self.company, MAY), {})
        # what the pivot shows, as a supervisor
        groups = self.Result.with_user(self.supervisor).read_group(
            [("date_month", "=", APRIL), ("company_id", "=", self.company.id)],
            ["score:avg"],
            ["question_id"],
        )
        by_question = {g["question_id"][0]: g["score"] for g in groups}
        self.assertEqual(by_question[self.q_speed.id], 2.5)
        self.assertEqual(by_question[self.q_attitude.id], 4.5)

    def _period(self):
        return self.env["cs.kpi.period"].create(
            {
                "name": "2026-04 (test)",
                "date_from": "2026-04-01",
                "date_to": "2026-04-30",
                "company_id": self.company.id,
            }
        )

    def test_open_problems_in_monthly_report(self):
        with freeze_time("2026-04-10 02:00:00"):
            open_action = self._manual_action(name="Slow replies at the peak (test)")
            verified = self._manual_action(name="Rude technician (test)")
            verified.action_start()
            verified.measure = "Training"
            verified.action_done()
            verified.action_verify()
        period = self._period()
        html = (
            self.env["ir.actions.report"]
            .with_user(self.manager)
            ._render_qweb_html(MONTHLY_REPORT, period.ids)[0]
            .decode()
        )
        section = html[html.index("Open Problems") :]
        self.assertIn("Improvement Actions Open or in Progress", section)
        self.assertIn(open_action.name, section)
        self.assertNotIn(verified.name, html)
        month = (
            self.env["report.cs_kpi.report_kpi_monthly"]
            .with_user(self.supervisor)
            ._get_month(period)
        )
        self.assertIn(open_action, month["improvements"]["actions"])
        self.assertNotIn(verified, month["improvements"]["actions"])
        with self.assertRaises(AccessError):
            self.env["report.cs_kpi.report_kpi_monthly"].with_user(
                self.agent_a
            )._get_month(period)

    def test_open_problems_in_pdf(self):
        with freeze_time("2026-04-10 02:00:00"):
            action = self._manual_action(name="Slow replies PDF (test)")
        text = self._pdf_text(self._render_pdf(MONTHLY_REPORT, self._period()))
        self.assertIn("Improvement Actions Open or in Progress", text)
        self.assertIn(action.name, text)

    def _action_at(self, name, opened, steps=()):
        """An action opened at ``opened`` (UTC), then moved on by the
        supervisor through ``steps``: (UTC time, action method name)."""
        with freeze_time(opened):
            action = self._manual_action(name=name)
        for moment, step in steps:
            with freeze_time(moment):
                if step == "action_done":
                    action.with_user(self.supervisor).measure = "Done (test)"
                getattr(action.with_user(self.supervisor), step)()
        return action

    def test_open_problems_at_month_end(self):
        """The *Open Problems* of March are the actions open at the end of
        March in Shanghai, whatever happened later: reprinted in May, March
        shows the same list, with the state they had then."""
        start = ("2026-03-06 02:00:00", "action_start")
        still_open = self._action_at("Still open (test)", "2026-03-10 02:00:00")
        done_in_march = self._action_at(
            "Done in March (test)",
            "2026-03-05 02:00:00",
            [start, ("2026-03-20 02:00:00", "action_done")],
        )
        # 31 March 23:30 in Shanghai: done within March
        done_last_evening = self._action_at(
            "Done on the last evening (test)",
            "2026-03-05 02:00:00",
            [start, ("2026-03-31 15:30:00", "action_done")],
        )
        # 1 April 00:30 in Shanghai: still in progress at March's end
        done_after_midnight = self._action_at(
            "Done after midnight (test)",
            "2026-03-05 02:00:00",
            [start, ("2026-03-31 16:30:00", "action_done")],
        )
        opened_in_april = self._action_at("Opened in April (test)", "2026-04-02")
        verified_in_april = self._action_at(
            "Verified in April (test)",
            "2026-03-03 02:00:00",
            [
                start,
                ("2026-04-05 02:00:00", "action_done"),
                ("2026-04-06 02:00:00", "action_verify"),
            ],
        )
        reopened_in_april = self._action_at(
            "Reopened in April (test)",
            "2026-03-01 02:00:00",
            [
                start,
                ("2026-03-15 02:00:00", "action_done"),
                ("2026-04-03 02:00:00", "action_reopen"),
            ],
        )
        self.assertEqual(reopened_in_april.state, "in_progress")
        self.assertTrue(reopened_in_april.date_done)
        march = self.env["cs.kpi.period"].create(
            {
                "name": "2026-03 (test)",
                "date_from": "2026-03-01",
                "date_to": "2026-03-31",
                "company_id": self.company.id,
            }
        )
        april = self._period()
        Report = self.env["report.cs_kpi.report_kpi_monthly"].with_user(self.supervisor)
        expected_march = still_open | done_after_midnight | verified_in_april
        for moment in ("2026-04-10 02:00:00", "2026-05-20 02:00:00"):
            with freeze_time(moment):
                improvements = Report._get_improvements(march)
            self.assertEqual(improvements["actions"], expected_march, moment)
            self.assertEqual(improvements["count"], 3)
            self.assertEqual(
                improvements["state_of"],
                {
                    still_open.id: "open",
                    done_after_midnight.id: "in_progress",
                    verified_in_april.id: "in_progress",
                },
            )
        for absent in (done_in_march, done_last_evening, opened_in_april):
            self.assertNotIn(absent, expected_march)
        with freeze_time("2026-05-20 02:00:00"):
            html = (
                self.env["ir.actions.report"]
                .with_user(self.manager)
                ._render_qweb_html(MONTHLY_REPORT, march.ids)[0]
                .decode()
            )
            april_list = Report._get_improvements(april)["actions"]
        self.assertIn("Done after midnight (test)", html)
        self.assertIn("Verified in April (test)", html)
        self.assertNotIn("Done in March (test)", html)
        self.assertNotIn("Opened in April (test)", html)
        self.assertEqual(april_list, still_open | opened_in_april | reopened_in_april)

    def test_opening_date_is_protected(self):
        action = self._manual_action()
        with self.assertRaises(AccessError):
            action.with_user(self.supervisor).write(
                {"date_opened": "2026-01-01 00:00:00"}
            )
        with self.assertRaises(AccessError):
            self._manual_action(date_opened="2026-01-01 00:00:00")
        with self.assertRaises(AccessError):
            action.with_user(self.supervisor).write({"date_done": "2026-01-01"})
