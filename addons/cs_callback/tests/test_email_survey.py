# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from markupsafe import Markup

from odoo import Command
from odoo.tests import freeze_time

from .common import TODAY, CsCallbackCommon

CITY = "Mailville"


@freeze_time(TODAY)
class TestEmailSurvey(CsCallbackCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.mail_one = cls._create_customer("Mail One", city=CITY)
        cls.mail_two = cls._create_customer("Mail Two", city=CITY)
        cls.city_domain = repr([("city", "=", CITY)])
        cls.survey = cls.env["survey.survey"].create(
            {
                "title": "Service satisfaction (test)",
                "access_mode": "public",
                "scoring_type": "scoring_without_answers",
                "question_and_page_ids": [
                    Command.create(
                        {
                            "title": "How satisfied are you?",
                            "question_type": "simple_choice",
                            "suggested_answer_ids": [
                                Command.create({"value": "Very", "answer_score": 5}),
                                Command.create({"value": "Rather", "answer_score": 3}),
                                Command.create({"value": "Not", "answer_score": 1}),
                            ],
                        }
                    )
                ],
            }
        )
        cls.question = cls.survey.question_ids
        cls.answers = cls.question.suggested_answer_ids.sorted("answer_score")

    def _email_plan(self, **vals):
        return self._create_plan(
            channel="email", partner_domain=self.city_domain, **vals
        )

    def _mails(self, callbacks):
        return self.env["mail.mail"].search(
            [("model", "=", "cs.callback"), ("res_id", "in", callbacks.ids)]
        )

    def _answer(self, partner, answer):
        user_input = self.survey._create_answer(partner=partner)
        user_input._save_lines(self.question, answer.id)
        user_input._mark_done()
        return user_input

    def test_email_plan_sends_template(self):
        plan = self._email_plan(survey_id=self.survey.id)
        self.assertEqual(
            plan.mail_template_id,
            self.env.ref("cs_callback.mail_template_callback_email"),
        )
        callbacks = plan.with_user(self.supervisor).action_generate()
        self.assertEqual(callbacks.partner_id, self.mail_one | self.mail_two)
        mails = self._mails(callbacks)
        self.assertEqual(len(mails), 2)
        for callback in callbacks:
            mail = mails.filtered(lambda m, c=callback: m.res_id == c.id)
            self.assertEqual(mail.recipient_ids, callback.partner_id)
            self.assertIn(callback.partner_id.name, mail.body_html)
            self.assertIn(self.survey.get_start_url(), mail.body_html)
        self.assertRecordValues(
            callbacks,
            [{"state": "todo", "attempt_count": 1, "outcome": False}] * 2,
        )
        # nothing posted on the callbacks besides the outgoing e-mails
        self.assertEqual(
            set(callbacks.message_ids.mapped("message_type")),
            {"notification", "email_outgoing"},
        )

    def test_email_without_survey_has_no_link(self):
        callbacks = self._email_plan().action_generate()
        self.assertEqual(len(self._mails(callbacks)), 2)
        self.assertNotIn("/survey/start/", self._mails(callbacks)[0].body_html)

    def test_phone_plan_sends_nothing(self):
        plan = self._create_plan(partner_domain=self.city_domain)
        callbacks = plan.action_generate()
        self.assertEqual(len(callbacks), 2)
        self.assertFalse(self._mails(callbacks))
        self.assertEqual(callbacks.mapped("attempt_count"), [0, 0])

    def test_reply_records_feedback(self):
        callbacks = self._email_plan().action_generate()
        callback = callbacks.filtered(lambda c: c.partner_id == self.mail_one)
        other = callbacks - callback
        callback.message_post(
            body=Markup("<p>Quite happy, but the <b>delivery</b> was slow.</p>"),
            message_type="email",
            author_id=self.mail_one.id,
        )
        self.assertEqual(callback.outcome, "reached")
        self.assertEqual(callback.feedback, "Quite happy, but the *delivery* was slow.")
        self.assertFalse(callback.satisfaction)
        self.assertEqual(callback.state, "todo")
        self.assertFalse(other.outcome)
        # an internal note or someone else's e-mail is not the customer's answer
        other.message_post(body="Called, no answer", message_type="comment")
        other.message_post(
            body="Spam", message_type="email", author_id=self.mail_one.id
        )
        self.assertFalse(other.outcome)
        self.assertFalse(other.feedback)

    def test_reply_on_phone_callback_ignored(self):
        callback = self._create_plan(partner_domain=self.city_domain).action_generate()[
            0
        ]
        callback.message_post(
            body="Hello", message_type="email", author_id=callback.partner_id.id
        )
        self.assertFalse(callback.outcome)

    def test_survey_satisfied_closes_callback(self):
        callbacks = self._email_plan(survey_id=self.survey.id).action_generate()
        callback = callbacks.filtered(lambda c: c.partner_id == self.mail_one)
        user_input = self._answer(self.mail_one, self.answers[-1])
        self.assertEqual(user_input.scoring_percentage, 100)
        self.assertRecordValues(
            callback,
            [
                {
                    "survey_user_input_id": user_input.id,
                    "outcome": "reached",
                    "satisfaction": "satisfied",
                    "score": 5,
                    "state": "done",
                }
            ],
        )
        self.assertFalse((callbacks - callback).survey_user_input_id)

    def test_survey_average_and_unsatisfied_stay_todo(self):
        callbacks = self._email_plan(survey_id=self.survey.id).action_generate()
        self._answer(self.mail_one, self.answers[1])
        self._answer(self.mail_two, self.answers[0])
        self.assertRecordValues(
            callbacks.sorted(lambda c: c.partner_id.id),
            [
                {"outcome": "reached", "satisfaction": "average", "score": 3},
                {"outcome": "reached", "satisfaction": "unsatisfied", "score": 1},
            ],
        )
        self.assertEqual(callbacks.mapped("state"), ["todo", "todo"])

    def test_survey_without_scoring(self):
        self.survey.scoring_type = "no_scoring"
        callback = self._create_plan(
            partner_domain=self.city_domain, survey_id=self.survey.id
        ).action_generate()[0]
        user_input = self._answer(callback.partner_id, self.answers[-1])
        self.assertRecordValues(
            callback,
            [
                {
                    "survey_user_input_id": user_input.id,
                    "outcome": "reached",
                    "satisfaction": False,
                    "score": 0,
                    "state": "todo",
                }
            ],
        )

    def test_survey_of_another_plan_ignored(self):
        callback = self._email_plan().action_generate()[0]
        self._answer(callback.partner_id, self.answers[-1])
        self.assertFalse(callback.survey_user_input_id)
        self.assertFalse(callback.outcome)
