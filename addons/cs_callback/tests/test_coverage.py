# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta
from unittest.mock import patch

from odoo.tests import freeze_time

from .common import TODAY, CsCallbackCommon


@freeze_time(TODAY)
class TestCoverage(CsCallbackCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.gold.callback_interval_days = 30
        cls.Partner = cls.env["res.partner"]

    def _done_callback(self, partner, days_ago):
        return self._create_callback(
            partner,
            partner.cs_agent_id,
            state="done",
            outcome="reached",
            date_done=self._utc("2026-03-10 12:00") - timedelta(days=days_ago),
        )

    def _run(self, batch_size=2000):
        with patch.object(
            type(self.env["ir.cron"]), "_notify_progress", autospec=True
        ) as progress:
            callbacks = self.Partner._cron_callback_coverage(batch_size=batch_size)
        self.assertEqual(progress.call_count, 1)
        return callbacks, progress.call_args.kwargs

    def test_coverage(self):
        never = self._create_customer("Never Called", self.agent_a)
        silver_recent = self._create_customer("Silver Recent", self.agent_a)
        self._done_callback(silver_recent, 45)
        gold_stale = self._create_customer("Gold Stale", self.agent_b, level=self.gold)
        self._done_callback(gold_stale, 45)
        gold_recent = self._create_customer(
            "Gold Recent", self.agent_b, level=self.gold
        )
        self._done_callback(gold_recent, 10)
        failed_only = self._create_customer("Failed Only", self.agent_a)
        self._create_callback(failed_only, self.agent_a, state="failed")
        open_one = self._create_customer("Open", self.agent_a)
        self._create_callback(open_one, self.agent_b, kind="expiry")
        do_not_call = self._create_customer(
            "Do Not Call", self.agent_a, cs_do_not_call=True
        )
        prospect = self._create_customer("Prospect", self.agent_a, member=False)
        mine = (
            never
            | silver_recent
            | gold_stale
            | gold_recent
            | failed_only
            | open_one
            | do_not_call
            | prospect
        )

        callbacks, progress = self._run()
        self.assertEqual(callbacks.partner_id & mine, never | gold_stale | failed_only)
        self.assertEqual(progress, {"done": len(callbacks), "remaining": 0})
        created = callbacks.filtered(lambda c: c.partner_id in mine).sorted(
            lambda c: c.partner_id.id
        )
        self.assertRecordValues(
            created,
            [
                {
                    "partner_id": partner.id,
                    "user_id": partner.cs_agent_id.id,
                    "kind": "routine",
                    "state": "todo",
                    "company_id": self.company.id,
                }
                for partner in never | gold_stale | failed_only
            ],
        )
        self.assertEqual(
            set(created.mapped("date_deadline")), {self._date("2026-03-13")}
        )
        # 20:00 in Shanghai, outside quiet hours
        self.assertEqual(
            set(created.mapped("scheduled_at")), {self._utc("2026-03-10 12:00")}
        )
        # idempotent
        callbacks, progress = self._run()
        self.assertFalse(callbacks)
        self.assertEqual(progress, {"done": 0, "remaining": 0})

        # once the interval has passed since the last completed callback
        created.write({"state": "done", "date_done": self._utc("2026-03-10 12:00")})
        with freeze_time("2026-04-10 12:00:00"):
            callbacks, _progress = self._run()
        self.assertEqual(callbacks.partner_id & mine, gold_stale | gold_recent)

    def test_batches(self):
        # nobody else is left without a callback
        self._run()
        partners = self.Partner
        for index in range(5):
            partners |= self._create_customer(f"Batch {index}", self.agent_a)
        first, progress = self._run(batch_size=2)
        self.assertEqual(progress, {"done": 2, "remaining": 1})
        second, progress = self._run(batch_size=2)
        self.assertEqual(progress, {"done": 2, "remaining": 1})
        third, progress = self._run(batch_size=2)
        self.assertEqual(progress, {"done": 1, "remaining": 0})
        self.assertEqual((first | second | third).partner_id, partners)
        self.assertFalse(self._run(batch_size=2)[0])

    def test_scheduled_action(self):
        partner = self._create_customer("Cron Member", self.agent_a)
        self.env.ref("cs_callback.ir_cron_callback_coverage").method_direct_trigger()
        self.assertEqual(
            self.Callback.search([("partner_id", "=", partner.id)]).kind, "routine"
        )
