# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import freeze_time

from .common import TODAY, CsCallbackCommon


@freeze_time(TODAY)
class TestHooks(CsCallbackCommon):
    def _callbacks(self, record, kind=None):
        domain = [("res_model", "=", record._name), ("res_id", "=", record.id)]
        if kind:
            domain.append(("kind", "=", kind))
        return self.Callback.search(domain)

    def test_expiry_reminder(self):
        Card = self.env["cs.member.card"]
        partner = self._create_member("Expiring", self.agent_a, tz="Asia/Shanghai")
        # ends on 2026-03-31, inside the 30-day reminder window
        card = self._create_card(
            partner, date_start="2025-04-01", activate=False, state="active"
        )
        self.assertIn(card, Card._cron_remind_expiring())
        callback = self._callbacks(card)
        self.assertRecordValues(
            callback,
            [
                {
                    "partner_id": partner.id,
                    "kind": "expiry",
                    "user_id": self.agent_a.id,
                    "state": "todo",
                    "res_model": "cs.member.card",
                    "res_id": card.id,
                }
            ],
        )
        self.assertEqual(callback.date_deadline, self._date("2026-03-13"))
        self.assertEqual(callback.scheduled_at, self._utc("2026-03-10 12:00"))
        # once: the card is reminded once, and the hook does not duplicate
        self.assertNotIn(card, Card._cron_remind_expiring())
        card._cs_on_expiry_reminder()
        self.assertEqual(self._callbacks(card), callback)

    def test_birthday(self):
        born = self._create_customer(
            "Born Today", self.agent_b, cs_birthday="1980-03-10"
        )
        do_not_call = self._create_customer(
            "Born Today DNC",
            self.agent_b,
            cs_birthday="1985-03-10",
            cs_do_not_call=True,
        )
        greeted = self.env["res.partner"]._cron_birthday_greetings()
        self.assertEqual(greeted & (born | do_not_call), born | do_not_call)
        callback = self._callbacks(born)
        self.assertRecordValues(
            callback,
            [
                {
                    "partner_id": born.id,
                    "kind": "occasion",
                    "user_id": self.agent_b.id,
                    "res_model": "res.partner",
                }
            ],
        )
        self.assertFalse(self._callbacks(do_not_call))

    def test_request_callback_once(self):
        # a kind that no other module asks more of on completion (cs_service
        # requires the four ratings of an after-service opinion card)
        partner = self.customer_b
        first = partner._cs_request_callback("occasion", partner)
        self.assertEqual(len(first), 1)
        self.assertEqual(first.date_deadline, self._date("2026-03-13"))
        self.assertEqual(partner._cs_request_callback("occasion", partner), first)
        # another kind is another callback
        other = partner._cs_request_callback("satisfaction_survey", partner, 7)
        self.assertNotEqual(other, first)
        self.assertEqual(other.date_deadline, self._date("2026-03-17"))
        # once done, a new one may be requested
        first.write({"outcome": "reached", "satisfaction": "satisfied"})
        first.with_user(self.agent_b).action_done()
        again = partner._cs_request_callback("occasion", partner)
        self.assertNotEqual(again, first)
        self.assertEqual(again.state, "todo")

    def test_request_callback_by_another_agent(self):
        """An agent (e.g. a complaint handler) requests a callback of a
        customer of another team: it goes to the customer's agent, once."""
        partner = self.customer_b.with_user(self.agent_a)
        callback = partner._cs_request_callback("after_service", partner)
        self.assertEqual(callback.env.uid, self.agent_a.id)
        self.assertFalse(callback.env.su)
        self.assertEqual(callback.sudo().user_id, self.agent_b)
        partner._cs_request_callback("after_service", partner)
        self.assertEqual(len(self._callbacks(self.customer_b, "after_service")), 1)
