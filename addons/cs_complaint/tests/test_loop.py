# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from odoo.exceptions import UserError
from odoo.tests import freeze_time

from .common import CsComplaintCommon, local


@freeze_time(local("2026-04-08 10:00"))
class TestLoop(CsComplaintCommon):
    """Resolving asks for a callback within 3 days; the customer's answer
    closes the loop or reopens the complaint (D1, C8)."""

    def _callback_of(self, complaint):
        return self.env["cs.callback"].search(
            [("res_model", "=", "cs.complaint"), ("res_id", "=", complaint.id)]
        )

    def test_resolve_requests_after_complaint_callback(self):
        complaint = self._advance(self._create_complaint(), "resolved")
        callback = self._callback_of(complaint)
        self.assertEqual(len(callback), 1)
        self.assertEqual(callback.kind, "after_complaint")
        self.assertEqual(callback.partner_id, self.customer_a)
        self.assertEqual(callback.date_deadline, date(2026, 4, 11))
        self.assertEqual(callback.complaint_id, complaint)
        self.assertEqual(complaint.callback_count, 1)

    def test_unsatisfied_callback_reopens(self):
        complaint = self._advance(self._create_complaint(), "closed")
        callback = self._callback_of(complaint).with_user(self.agent_a)
        callback.write(
            {
                "outcome": "reached",
                "satisfaction": "unsatisfied",
                "score": 1,
                "unsatisfied_reason": "Still leaking",
            }
        )
        callback.action_done()
        self.assertEqual(complaint.state, "investigating")
        self.assertEqual(complaint.reopen_count, 1)
        self.assertIn("Still leaking", complaint.message_ids[0].body)

    def test_satisfied_callback_keeps_it_resolved(self):
        complaint = self._advance(self._create_complaint(), "resolved")
        callback = self._callback_of(complaint).with_user(self.agent_a)
        callback.write({"outcome": "reached", "satisfaction": "satisfied", "score": 5})
        callback.action_done()
        self.assertEqual(complaint.state, "resolved")

    def test_unsatisfied_callback_opens_complaint(self):
        callback = self.env["cs.callback"].create(
            {
                "partner_id": self.customer_a.id,
                "user_id": self.agent_a.id,
                "kind": "routine",
                "date_deadline": "2026-04-10",
            }
        )
        callback = callback.with_user(self.agent_a)
        callback.write(
            {
                "outcome": "reached",
                "satisfaction": "unsatisfied",
                "unsatisfied_reason": "Nobody came <b>twice</b>",
            }
        )
        callback.action_done()
        action = callback.action_open_complaint()
        complaint = self.Complaint.browse(action["res_id"])
        self.assertEqual(complaint.channel, "callback")
        self.assertEqual(complaint.partner_id, self.customer_a)
        self.assertEqual(complaint.user_id, self.agent_a)
        self.assertIn("Nobody came &lt;b&gt;twice&lt;/b&gt;", complaint.description)
        self.assertEqual(callback.opened_complaint_id, complaint)
        with self.assertRaisesText(UserError, "already opened"):
            callback.action_open_complaint()

    def test_satisfied_callback_cannot_open_complaint(self):
        callback = self.env["cs.callback"].create(
            {
                "partner_id": self.customer_a.id,
                "user_id": self.agent_a.id,
                "date_deadline": "2026-04-10",
                "satisfaction": "satisfied",
            }
        )
        with self.assertRaisesText(UserError, "Only an unsatisfied callback"):
            callback.action_open_complaint()
