# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, tagged

from .common import (
    APRIL,
    FIRST_OF_APRIL,
    FIRST_OF_JUNE,
    FIRST_OF_MAY,
    MAY,
    CsSatisfactionCommon,
)


@tagged("post_install", "-at_install")
class TestSurveyRun(CsSatisfactionCommon):
    def _cron(self):
        self.env["cs.satisfaction.plan"]._cron_monthly_survey()

    def _run(self, month):
        return self.Run.search(
            [("plan_id", "=", self.plan.id), ("date_month", "=", month)]
        )

    def test_sample_by_level_company_month(self):
        """On the company's 1 April (still 31 March in UTC) the cron samples
        April: two members of level A, one of level B."""
        with freeze_time(FIRST_OF_APRIL):
            self._cron()
        run = self._run(APRIL)
        self.assertEqual(len(run), 1)
        answers = run.user_input_ids
        self.assertEqual(len(answers), 3)
        self.assertEqual(answers.mapped("cs_level_id").ids.count(self.level_b.id), 1)
        self.assertIn(self.gold_phone, answers.partner_id)
        self.assertEqual(
            len(answers.filtered(lambda a: a.cs_level_id == self.level_a)), 2
        )
        self.assertEqual(set(answers.survey_id.ids), {self.survey.id})
        self.assertTrue(all(answer.access_token for answer in answers))

    def test_sample_is_deterministic(self):
        first = self.plan._sample(APRIL)
        self.assertEqual(self.plan._sample(APRIL), first)
        self.assertEqual(len(first), 3)

    def test_idempotent(self):
        """Running the cron again in the month samples nobody again."""
        with freeze_time(FIRST_OF_APRIL):
            self._cron()
        mails = self.env["mail.mail"].search_count([])
        callbacks = self.env["cs.callback"].search_count([])
        with freeze_time("2026-04-20 03:00:00"):
            self._cron()
            self.plan.with_user(self.supervisor).action_run_now()
        self.assertEqual(len(self._run(APRIL)), 1)
        self.assertEqual(len(self._run(APRIL).user_input_ids), 3)
        self.assertEqual(self.env["mail.mail"].search_count([]), mails)
        self.assertEqual(self.env["cs.callback"].search_count([]), callbacks)

    def test_email_and_phone(self):
        """Members with an e-mail get survey's invitation with their own
        link; members without one get a phone callback of the plan whose
        survey answer is theirs."""
        with freeze_time(FIRST_OF_APRIL):
            self._cron()
        run = self._run(APRIL)
        by_mail = run.user_input_ids.filtered("partner_id.email")
        by_phone = run.user_input_ids - by_mail
        self.assertIn(self.gold_phone, by_phone.partner_id)
        for answer in by_mail:
            mail = self.env["mail.mail"].search(
                [("body_html", "ilike", answer.access_token)]
            )
            self.assertEqual(len(mail), 1)
            self.assertTrue(mail.recipient_ids or mail.email_to)
        callbacks = self.env["cs.callback"].search(
            [("survey_user_input_id", "in", run.user_input_ids.ids)]
        )
        self.assertEqual(callbacks.partner_id, by_phone.partner_id)
        self.assertEqual(set(callbacks.mapped("kind")), {"satisfaction_survey"})
        self.assertEqual(callbacks.plan_id, self.plan.callback_plan_id)
        self.assertEqual(callbacks.user_id, self.agent_a)
        self.assertEqual(run.phone_count, len(callbacks))
        self.assertEqual(run.email_count, len(by_mail))

    def test_agent_fills_in_the_survey(self):
        """The agent records the customer's scores from the callback; the
        answer is completed and the callback reached."""
        with freeze_time(FIRST_OF_APRIL):
            self._cron()
        callback = self.env["cs.callback"].search(
            [("partner_id", "=", self.gold_phone.id)]
        )
        action = callback.with_user(self.agent_a).action_cs_fill_survey()
        wizard_form = Form(
            self.env[action["res_model"]]
            .with_user(self.agent_a)
            .with_context(**action["context"])
        )
        self.assertEqual(len(wizard_form.line_ids), 2)
        with wizard_form.line_ids.edit(0) as line:
            line.value = 2
        wizard = wizard_form.save()
        wizard.action_confirm()
        answer = callback.survey_user_input_id
        self.assertEqual(answer.state, "done")
        self.assertEqual(
            sorted(answer.user_input_line_ids.mapped("value_scale")), [2, 5]
        )
        self.assertEqual(callback.outcome, "reached")
        # done once: the same answer cannot be filled in twice
        with self.assertRaises(UserError):
            callback.with_user(self.agent_a).action_cs_fill_survey()

    def test_run_now_needs_supervisor(self):
        with self.assertRaises(AccessError):
            self.plan.with_user(self.agent_a).action_run_now()

    def test_threshold_once_per_question_and_effect(self):
        """April's speed scores 2.0 (< 3.5): on the company's 1 May the
        cron opens one action for it, none for attitude (4.0), and not again
        on the next run; May's speed score is the action's effect."""
        with freeze_time(FIRST_OF_APRIL):
            self._cron()
        april = self._run(APRIL)
        self._answer(
            april.user_input_ids,
            {self.q_attitude: [4, 4, 4], self.q_speed: [2, 2, 2]},
        )
        with freeze_time("2026-04-30 15:00:00"):
            # 30 April 23:00 in Shanghai: the month is not over
            self._cron()
        self.assertFalse(self.Action.search([("run_id", "=", april.id)]))
        with freeze_time(FIRST_OF_MAY):
            self._cron()
            self._cron()
        actions = self.Action.search([("run_id", "=", april.id)])
        self.assertEqual(actions.question_id, self.q_speed)
        self.assertEqual(len(actions), 1)
        self.assertEqual(actions.source, "survey")
        self.assertEqual(actions.date_month, APRIL)
        self.assertAlmostEqual(actions.score, 2.0)
        self.assertEqual(actions.user_id, self.internal_user)
        self.assertEqual(str(actions.date_deadline), "2026-05-31")
        self.assertTrue(april.date_evaluated)
        self.assertEqual(
            actions.activity_ids.user_id, self.internal_user, "the owner's to-do"
        )
        self.assertFalse(actions.has_effect)
        # May's answers measure the effect
        may = self._run(MAY)
        self.assertEqual(len(may.user_input_ids), 3)
        self._answer(
            may.user_input_ids, {self.q_attitude: [4, 5, 4], self.q_speed: [4, 3, 4]}
        )
        actions.invalidate_recordset(["effect_score", "has_effect", "effect_delta"])
        self.assertTrue(actions.has_effect)
        self.assertAlmostEqual(actions.effect_score, 11 / 3, places=2)
        self.assertAlmostEqual(actions.effect_delta, 11 / 3 - 2.0, places=2)
        with freeze_time(FIRST_OF_JUNE):
            self._cron()
        # May is fine: no new action
        self.assertEqual(
            self.Action.search_count(
                [("source", "=", "survey"), ("run_id.plan_id", "=", self.plan.id)]
            ),
            1,
        )

    def test_members_rest_between_months(self):
        """A member sampled in April is not sampled again in May while other
        members of the level are left."""
        with freeze_time(FIRST_OF_APRIL):
            self._cron()
        april = self._run(APRIL).user_input_ids.partner_id
        with freeze_time(FIRST_OF_MAY):
            self._cron()
        may = self._run(MAY).user_input_ids.partner_id
        level_a = self.silver_members | self.silver_phone
        self.assertFalse((april & may) & level_a)
