# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import UserError
from odoo.tests import freeze_time
from odoo.tools import html2plaintext

from odoo.addons.cs_callback.tests.common import TODAY, CsCallbackCommon
from odoo.addons.cs_member.tests.query_common import QueryBudgetMixin
from odoo.addons.sms.tests.common import SMSCase

CITY = "Smsville"
# E.164 numbers: Odoo sends them as they are, whether or not the
# ``phonenumbers`` library is there to check them
MOBILE = "+8613800138001"
PHONE = "+862161234568"


@freeze_time(TODAY)
class TestSmsCallback(QueryBudgetMixin, CsCallbackCommon, SMSCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        new = cls._create_customer
        cls.mobile_customer = new(
            "Sms Mobile", city=CITY, mobile=MOBILE, phone="+862161234567"
        )
        cls.phone_customer = new("Sms Phone", city=CITY, phone=PHONE)
        cls.no_number_customer = new("Sms Nobody", city=CITY)
        cls.city_domain = repr([("city", "=", CITY)])
        cls.template = cls.env.ref("cs_callback_sms.sms_template_callback")
        cls.survey = cls.env["survey.survey"].create(
            {"title": "Service satisfaction (test)", "access_mode": "public"}
        )

    def _sms_plan(self, **vals):
        return self._create_plan(channel="sms", partner_domain=self.city_domain, **vals)

    def _generate(self, plan):
        with self.mockSMSGateway():
            return plan.with_user(self.supervisor).action_generate()

    def _by_partner(self, callbacks):
        return {callback.partner_id: callback for callback in callbacks}

    def _body(self, partner, survey_line=""):
        return (
            f"Dear {partner.name}, thank you for choosing {self.company.name}. "
            "How satisfied are you with our service? Our agent will call you to "
            f"hear your answer.{survey_line}"
        )

    def _logged_sms(self, callback):
        return callback.message_ids.filtered(lambda m: m.message_type == "sms")

    def test_sms_plan_queues_template(self):
        plan = self._sms_plan(survey_id=self.survey.id)
        self.assertEqual(plan.sms_template_id, self.template)
        callbacks = self._generate(plan)
        self.assertEqual(
            callbacks.partner_id,
            self.mobile_customer | self.phone_customer | self.no_number_customer,
        )
        url = self.survey.get_base_url() + self.survey.get_start_url()
        survey_line = f"\nOr answer our short survey: {url}"
        # one SMS per customer with a number, to the mobile first
        self.assertEqual(len(self._new_sms), 2)
        for partner, number in (
            (self.mobile_customer, MOBILE),
            (self.phone_customer, PHONE),
        ):
            sms = self._find_sms_sms(partner, number, "outgoing")
            self.assertEqual(sms.body, self._body(partner, survey_line))
        by_partner = self._by_partner(callbacks)
        sent = by_partner[self.mobile_customer] | by_partner[self.phone_customer]
        unsent = by_partner[self.no_number_customer]
        self.assertRecordValues(
            sent | unsent,
            [
                {"state": "todo", "attempt_count": 1, "outcome": False},
                {"state": "todo", "attempt_count": 1, "outcome": False},
                {"state": "todo", "attempt_count": 0, "outcome": False},
            ],
        )
        # the SMS is logged in the callback's chatter, by the supervisor
        for callback in sent:
            message = self._logged_sms(callback)
            self.assertEqual(len(message), 1)
            self.assertEqual(message.author_id, self.supervisor.partner_id)
            self.assertEqual(
                html2plaintext(message.body).split("\n")[0],
                self._body(callback.partner_id),
            )
        # the customer without a number: a note, and the agent calls
        self.assertFalse(self._logged_sms(unsent))
        self.assertIn(
            "has no valid mobile or phone number",
            unsent.message_ids.filtered(lambda m: m.message_type == "notification")[
                :1
            ].body,
        )
        # Odoo's SMS queue sends them through the gateway (IAP)
        queued = self._new_sms
        with self.mockSMSGateway():
            queued.send()
        self.assertEqual(queued.mapped("state"), ["pending", "pending"])
        self.assertSMSIapSent([MOBILE, PHONE], content=url)

    def test_sms_without_survey(self):
        callbacks = self._generate(self._sms_plan())
        callback = self._by_partner(callbacks)[self.mobile_customer]
        sms = self._find_sms_sms(self.mobile_customer, MOBILE, "outgoing")
        self.assertEqual(sms.body, self._body(callback.partner_id))

    def test_sms_in_customer_language(self):
        self.env["res.lang"]._activate_lang("zh_CN")
        self.env["ir.module.module"]._load_module_terms(["cs_callback_sms"], ["zh_CN"])
        self.mobile_customer.lang = "zh_CN"
        self._generate(self._sms_plan(survey_id=self.survey.id))
        url = self.survey.get_base_url() + self.survey.get_start_url()
        chinese = self._find_sms_sms(self.mobile_customer, MOBILE, "outgoing")
        self.assertTrue(chinese.body.startswith("尊敬的Sms Mobile，"), chinese.body)
        self.assertIn(f"\n或填写我们的简短问卷：{url}", chinese.body)
        english = self._find_sms_sms(self.phone_customer, PHONE, "outgoing")
        self.assertTrue(english.body.startswith("Dear Sms Phone,"), english.body)

    def test_no_template_raises(self):
        plan = self._sms_plan(sms_template_id=False)
        with self.assertRaisesText(UserError, "has no SMS template"):
            self._generate(plan)
        self.assertFalse(plan.callback_ids)
        self.assertEqual(plan.state, "draft")
        self.assertFalse(self._new_sms)

    def test_blacklisted_number_not_sent(self):
        self.env["phone.blacklist"].sudo().create({"number": MOBILE})
        callbacks = self._generate(self._sms_plan())
        self.assertSMSCanceled(self.mobile_customer, MOBILE, "sms_blacklist")
        self.assertSMSOutgoing(self.phone_customer, PHONE)
        by_partner = self._by_partner(callbacks)
        blacklisted = by_partner[self.mobile_customer]
        self.assertEqual(blacklisted.attempt_count, 0)
        self.assertEqual(by_partner[self.phone_customer].attempt_count, 1)
        self.assertIn(
            "was not sent (Blacklisted)",
            blacklisted.message_ids.filtered(
                lambda m: m.message_type == "notification"
            )[:1].body,
        )

    def test_other_channels_send_no_sms(self):
        email = self._generate(
            self._create_plan(channel="email", partner_domain=self.city_domain)
        )
        self.assertEqual(len(email), 3)
        self.assertEqual(email.mapped("attempt_count"), [1, 1, 1])
        self.assertEqual(
            len(
                self.env["mail.mail"].search(
                    [("model", "=", "cs.callback"), ("res_id", "in", email.ids)]
                )
            ),
            3,
        )
        self.assertFalse(self._new_sms)
        phone = self._generate(self._create_plan(partner_domain=self.city_domain))
        self.assertEqual(phone.mapped("attempt_count"), [0, 0, 0])
        self.assertFalse(self._new_sms)
        self.assertFalse(
            (email | phone).message_ids.filtered(lambda m: m.message_type == "sms")
        )

    def test_number_fields(self):
        self.assertEqual(
            self.Callback._phone_get_number_fields(),
            ["partner_mobile", "partner_phone"],
        )
        self.assertTrue(self.env["ir.model"]._get("cs.callback").is_mail_thread_sms)

    def test_send_in_batch(self):
        """Queueing the SMS of more callbacks costs no more queries."""
        plan = self._sms_plan()
        partners = [
            self._create_customer(f"Batch {index}", mobile=f"+86139001390{index:02d}")
            for index in range(8)
        ]

        def queries(count):
            callbacks = self.Callback.concat(
                *(
                    self._create_callback(
                        partner, self.agent_a, plan_id=plan.id, channel="sms"
                    )
                    for partner in partners[:count]
                )
            )
            callbacks = callbacks.with_user(self.supervisor)
            with self.mockSMSGateway():
                count_queries = self._queries(callbacks._send_sms_callbacks)
            self.assertEqual(callbacks.mapped("attempt_count"), [1] * count)
            callbacks.sudo().unlink()
            return count_queries

        queries(2)  # warm the caches
        self.assertQueriesDoNotGrow([queries(2), queries(8)], 15)
