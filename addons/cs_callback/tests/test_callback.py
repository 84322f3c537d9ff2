# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from odoo.exceptions import UserError, ValidationError
from odoo.tests import freeze_time, new_test_user

from .common import TODAY, CsCallbackCommon


@freeze_time(TODAY)
class TestCallback(CsCallbackCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.salesman = new_test_user(
            cls.env, "cs_salesman", groups="sales_team.group_sale_salesman"
        )
        cls.customer_a.user_id = cls.salesman
        cls.plan = cls._create_plan(agents=cls.agent_a)

    def setUp(self):
        super().setUp()
        self.callback = self._create_callback(
            self.customer_a, self.agent_a, plan_id=self.plan.id
        ).with_user(self.agent_a)

    def _record(self, **vals):
        """The agent records the call and completes it."""
        self.callback.write(vals)
        return self.callback.action_done()

    def test_done_needs_outcome(self):
        with self.assertRaisesText(UserError, "outcome"):
            self.callback.action_done()
        self.assertEqual(self.callback.state, "todo")

    def test_reached_satisfied(self):
        self._record(
            outcome="reached", satisfaction="satisfied", score=5, feedback="All good"
        )
        self.assertEqual(self.callback.state, "done")
        self.assertEqual(self.callback.date_done, self._utc("2026-03-10 12:00"))
        self.assertEqual(self.callback.attempt_count, 0)
        self.assertFalse(self.callback.activity_ids)
        self.assertFalse(self.callback.lead_id)
        # a closed callback cannot be completed again
        with self.assertRaises(UserError):
            self.callback.action_done()

    def test_refused_is_recorded(self):
        self._record(outcome="refused")
        self.assertEqual(self.callback.state, "done")

    def test_unreached_retried_then_failed(self):
        # 10:00 in Shanghai
        with freeze_time("2026-03-10 02:00:00"):
            self._record(outcome="no_answer")
            self.assertRecordValues(
                self.callback,
                [{"state": "todo", "attempt_count": 1, "outcome": False}],
            )
            # 4 hours later: 14:00 in Shanghai
            self.assertEqual(self.callback.scheduled_at, self._utc("2026-03-10 06:00"))
            self.assertFalse(self.callback.date_done)
        # 20:00 in Shanghai: 4 hours later is in the quiet hours, so the next
        # morning at 09:00
        with freeze_time("2026-03-10 12:00:00"):
            self._record(outcome="busy")
            self.assertRecordValues(
                self.callback, [{"state": "todo", "attempt_count": 2}]
            )
            self.assertEqual(self.callback.scheduled_at, self._utc("2026-03-11 01:00"))
        with freeze_time("2026-03-11 01:00:00"):
            self._record(outcome="no_answer")
            self.assertRecordValues(
                self.callback, [{"state": "failed", "attempt_count": 3}]
            )
            self.assertEqual(self.callback.date_done, self._utc("2026-03-11 01:00"))

    def test_max_attempts_per_company(self):
        self.company.cs_callback_max_attempts = 1
        self._record(outcome="busy")
        self.assertRecordValues(
            self.callback, [{"state": "failed", "attempt_count": 1}]
        )
        with self.assertRaises(ValidationError):
            self.company.cs_callback_max_attempts = 0

    def test_wrong_number_fails(self):
        self._record(outcome="wrong_number")
        self.assertEqual(self.callback.state, "failed")
        self.assertEqual(self.callback.date_done, self._utc("2026-03-10 12:00"))

    def test_unsatisfied_needs_reason(self):
        self.callback.write({"outcome": "reached", "satisfaction": "unsatisfied"})
        with self.assertRaisesText(UserError, "unsatisfied"):
            self.callback.action_done()
        self.callback.unsatisfied_reason = "   "
        with self.assertRaises(UserError):
            self.callback.action_done()
        self.assertEqual(self.callback.state, "todo")

    def test_unsatisfied_follow_up(self):
        follow_up = self.env.ref("cs_callback.mail_activity_type_follow_up")
        self._record(
            outcome="reached",
            satisfaction="unsatisfied",
            score=1,
            unsatisfied_reason="Delivery was late",
        )
        self.assertEqual(self.callback.state, "done")
        activity = self.callback.sudo().activity_ids
        self.assertRecordValues(
            activity,
            [
                {
                    "activity_type_id": follow_up.id,
                    "user_id": self.supervisor.id,
                    "res_model": "cs.callback",
                    "res_id": self.callback.id,
                }
            ],
        )
        self.assertIn("Delivery was late", activity.note)
        self.assertIn(self.customer_a.name, activity.summary)

    def test_unsatisfied_follow_up_without_plan(self):
        """Without a plan, the agent's team leader follows up."""
        callback = self._create_callback(self.customer_a2, self.agent_a2)
        callback.with_user(self.agent_a2).write(
            {
                "outcome": "reached",
                "satisfaction": "unsatisfied",
                "unsatisfied_reason": "Rude staff",
            }
        )
        callback.with_user(self.agent_a2).action_done()
        self.assertEqual(callback.activity_ids.user_id, self.supervisor)

    def test_interested_upgrade_creates_lead(self):
        self._record(
            outcome="reached",
            satisfaction="satisfied",
            interested_upgrade=True,
            feedback="Wants the gold card",
        )
        lead = self.callback.sudo().lead_id
        self.assertTrue(lead)
        self.assertRecordValues(
            lead,
            [
                {
                    "partner_id": self.customer_a.id,
                    "user_id": self.salesman.id,
                    "type": "opportunity",
                }
            ],
        )
        self.assertIn("Wants the gold card", lead.description)
        leads = self.env["crm.lead"].search([("partner_id", "=", self.customer_a.id)])
        self.assertEqual(leads, lead)
        # once: the callback is closed and cannot create a second lead
        with self.assertRaises(UserError):
            self.callback.action_done()
        self.callback.sudo()._create_leads()
        self.assertEqual(
            self.env["crm.lead"].search([("partner_id", "=", self.customer_a.id)]),
            lead,
        )

    def test_no_lead_without_interest(self):
        self._record(outcome="reached", satisfaction="average")
        self.assertFalse(self.callback.sudo().lead_id)

    def test_score_range(self):
        for score in (1, 5, 0):
            self.callback.score = score
        for score in (6, -1):
            with self.subTest(score=score), self.assertRaises(ValidationError):
                self.callback.score = score
        with self.assertRaises(ValidationError):
            self._create_callback(self.customer_a, self.agent_a, score=7)

    def test_script_text(self):
        self.agent_a.name = "Alice Agent"
        self.assertEqual(
            self.callback.script_text,
            f"Hello {self.customer_a.name}, this is Alice Agent from "
            f"{self.company.name}.\n\nHow satisfied are you with our service?",
        )
        self.callback.satisfaction = "satisfied"
        self.assertTrue(
            self.callback.script_text.endswith(f"Thank you, {self.customer_a.name}!")
        )
        for satisfaction in ("average", "unsatisfied"):
            self.callback.satisfaction = satisfaction
            self.assertTrue(
                self.callback.script_text.endswith(
                    f"We apologise and will improve, {self.customer_a.name}."
                )
            )
        self.assertFalse(
            self._create_callback(self.customer_a, self.agent_a).script_text
        )

    def test_script_bad_placeholder(self):
        for text in ("Hello {client}", "Hello {0}", "Hello {customer"):
            with (
                self.subTest(text=text),
                self.assertRaisesText(UserError, "placeholder"),
            ):
                self.script.opening = text
        with self.assertRaises(UserError):
            self.env["cs.callback.script"].create(
                {
                    "name": "Bad",
                    "opening": "Hi",
                    "question": "Happy?",
                    "closing_satisfied": "Bye {name}",
                    "closing_unsatisfied": "Sorry",
                }
            )
        # a script already broken in the database (e.g. by an import) is
        # reported when rendered
        self.env.cr.execute(
            "UPDATE cs_callback_script SET opening = %s WHERE id = %s",
            ['{"en_US": "Hello {client}"}', self.script.id],
        )
        self.script.invalidate_recordset(["opening"])
        self.callback.invalidate_recordset(["script_text"])
        with self.assertRaisesText(UserError, "placeholder"):
            self.callback.read(["script_text"])

    def test_cancel(self):
        self.callback.action_cancel()
        self.assertEqual(self.callback.state, "cancelled")
        with self.assertRaises(UserError):
            self._record(outcome="reached")

    def test_overdue(self):
        self.assertFalse(self.callback.is_overdue)
        with freeze_time("2026-03-14 12:00:00"):
            self.callback.invalidate_recordset(["is_overdue"])
            self.assertTrue(self.callback.is_overdue)
            self.assertIn(
                self.callback, self.Callback.search([("is_overdue", "=", True)])
            )
            self.assertNotIn(
                self.callback, self.Callback.search([("is_overdue", "!=", True)])
            )
