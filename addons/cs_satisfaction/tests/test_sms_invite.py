# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from freezegun import freeze_time

from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import APRIL, FIRST_OF_APRIL, CsSatisfactionCommon


@tagged("post_install", "-at_install")
class TestSmsInvite(CsSatisfactionCommon):
    """C7 "e-mail or SMS link": members without an e-mail but with a mobile
    get their own survey link by SMS; members with neither get the phone
    callback."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # every silver member is sampled: the test knows who is invited
        cls.plan.line_ids.filtered(
            lambda line: line.level_id == cls.level_a
        ).sample_size = 5
        cls.gold_phone.mobile = "+86 139 1000 2001"
        cls.both = cls.silver_members[0]
        cls.both.mobile = "+86 139 1000 2002"

    def _cron(self):
        with freeze_time(FIRST_OF_APRIL):
            self.env["cs.satisfaction.plan"]._cron_monthly_survey()
        return self.Run.search(
            [("plan_id", "=", self.plan.id), ("date_month", "=", APRIL)]
        )

    def _sms(self, partners):
        return self.env["sms.sms"].search([("partner_id", "in", partners.ids)])

    def test_sms_link_for_members_without_email(self):
        run = self._cron()
        answers = run.user_input_ids
        self.assertEqual(len(answers), 6)
        gold_answer = answers.filtered(lambda a: a.partner_id == self.gold_phone)
        sms = self._sms(answers.partner_id)
        # e-mail first: the member with both gets the e-mail only
        self.assertEqual(sms.partner_id, self.gold_phone)
        self.assertEqual(sms.state, "outgoing")
        self.assertIn(gold_answer.access_token, sms.body)
        self.assertIn(gold_answer._cs_survey_link(), sms.body)
        # the mobile as Odoo formats it (E.164 when phonenumbers is there)
        self.assertEqual(sms.number, gold_answer._phone_format(fname="cs_mobile"))
        self.assertEqual(gold_answer.cs_invited_by, "sms")
        # logged on the answer
        self.assertIn(
            gold_answer.access_token,
            "".join(gold_answer.message_ids.mapped("body")),
        )
        # no e-mail to the member reached by SMS, and no callback
        self.assertFalse(
            self.env["mail.mail"].search(
                [("body_html", "ilike", gold_answer.access_token)]
            )
        )
        callbacks = self.env["cs.callback"].search(
            [("survey_user_input_id", "in", answers.ids)]
        )
        # the phone callback only for the member with neither
        self.assertEqual(callbacks.partner_id, self.silver_phone)
        self.assertEqual((run.email_count, run.sms_count, run.phone_count), (4, 1, 1))
        self.assertEqual(
            set(answers.mapped("cs_invited_by")), {"email", "sms", "phone"}
        )

    def test_nothing_sent_twice(self):
        run = self._cron()
        sms_count = self.env["sms.sms"].search_count([])
        mails = self.env["mail.mail"].search_count([])
        callbacks = self.env["cs.callback"].search_count([])
        self._cron()
        run._send_sms_invitations(run.user_input_ids)
        run._send_invitations(run.user_input_ids)
        self.assertEqual(self.env["sms.sms"].search_count([]), sms_count)
        self.assertEqual(self.env["mail.mail"].search_count([]), mails)
        self.assertEqual(self.env["cs.callback"].search_count([]), callbacks)
        self.assertEqual(len(self._sms(self.gold_phone)), 1)

    def test_sms_first(self):
        self.plan.invite_channel = "sms"
        run = self._cron()
        both_answer = run.user_input_ids.filtered(lambda a: a.partner_id == self.both)
        self.assertEqual(
            self._sms(run.user_input_ids.partner_id).partner_id,
            self.gold_phone | self.both,
        )
        self.assertEqual(both_answer.cs_invited_by, "sms")
        self.assertFalse(
            self.env["mail.mail"].search(
                [("body_html", "ilike", both_answer.access_token)]
            )
        )
        self.assertEqual((run.email_count, run.sms_count, run.phone_count), (3, 2, 1))

    def test_invite_channel_set_by_supervisors(self):
        with self.assertRaises(AccessError):
            self.plan.with_user(self.agent_a).write({"invite_channel": "sms"})
