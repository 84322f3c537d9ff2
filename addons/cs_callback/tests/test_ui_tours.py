# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import fields
from odoo.tests import HttpCase, tagged

from odoo.addons.cs_member.tests.tour_common import CsTourMixin, load_chinese

from .common import CsCallbackCommon


@tagged("post_install", "-at_install", "cs_tour")
class TestCallListTour(CsTourMixin, CsCallbackCommon, HttpCase):
    """Agent A works through today's call list in the web client: a reached
    but unsatisfied customer, then one who does not answer and is called
    again later. In Chinese and in English."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        load_chinese(cls.env, ["web", "mail", "cs_member", "cs_callback"])
        cls.agent_a.name = "Li Na 李娜"
        # The list's "Today" is the browser's clock's day: the calls are
        # scheduled now, which no quiet hour may refuse.
        cls.company.write({"cs_quiet_hour_start": 0.0, "cs_quiet_hour_end": 0.0})
        cls.unhappy = cls._create_customer(
            "Tour Unhappy Customer", cls.agent_a, member=False, phone="+86 21 5550 1001"
        )
        cls.away = cls._create_customer(
            "Tour Away Customer", cls.agent_a, member=False, phone="+86 21 5550 1002"
        )
        tomorrow = cls._create_customer(
            "Tour Tomorrow Customer", cls.agent_a, member=False
        )
        cls.tomorrow_call = cls._create_callback(
            tomorrow,
            cls.agent_a,
            scheduled_at=fields.Datetime.now() + timedelta(days=1),
            date_deadline=fields.Date.today() + timedelta(days=3),
        )

    def _todays_call(self, partner, now):
        return self._create_callback(
            partner,
            self.agent_a,
            scheduled_at=now,
            date_deadline=fields.Date.today() + timedelta(days=3),
        )

    def test_agent_records_todays_calls(self):
        follow_up = self.env.ref("cs_callback.mail_activity_type_follow_up")
        for lang in ("zh_CN", "en_US"):
            with self.subTest(lang=lang):
                self.agent_a.lang = lang
                start = fields.Datetime.now()
                unhappy_call = self._todays_call(self.unhappy, start)
                away_call = self._todays_call(self.away, start)
                self.start_tour(
                    "/odoo",
                    "cs_callback_call_list_tour",
                    login="cs_agent_a",
                    screenshots=lang == "zh_CN",
                )
                # reached, unsatisfied: done, and a supervisor follows up
                self.assertEqual(unhappy_call.state, "done")
                self.assertEqual(unhappy_call.outcome, "reached")
                self.assertEqual(unhappy_call.satisfaction, "unsatisfied")
                self.assertIn("two days late", unhappy_call.unsatisfied_reason)
                self.assertTrue(unhappy_call.date_done)
                activity = unhappy_call.activity_ids
                self.assertEqual(activity.activity_type_id, follow_up)
                self.assertEqual(activity.user_id, self.supervisor)
                # no answer: still to do, one attempt, called again later
                self.assertEqual(away_call.state, "todo")
                self.assertEqual(away_call.attempt_count, 1)
                self.assertFalse(away_call.outcome)
                self.assertGreaterEqual(
                    away_call.scheduled_at, start + timedelta(hours=4)
                )
                # tomorrow's call was only filtered out
                self.assertEqual(self.tomorrow_call.state, "todo")
                self.assertEqual(self.tomorrow_call.attempt_count, 0)
                # the next round finds only its own calls to make today
                away_call.action_cancel()
