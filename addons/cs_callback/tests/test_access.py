# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError
from odoo.tests import freeze_time

from .common import TODAY, CsCallbackCommon


@freeze_time(TODAY)
class TestAccess(CsCallbackCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.plan = cls._create_plan()
        cls.callback_a = cls._create_callback(cls.customer_a, cls.agent_a)
        cls.callback_a2 = cls._create_callback(cls.customer_a2, cls.agent_a2)
        cls.callback_b = cls._create_callback(cls.customer_b, cls.agent_b)
        cls.all_callbacks = cls.callback_a | cls.callback_a2 | cls.callback_b

    def _visible(self, user):
        return self.Callback.with_user(user).search(
            [("id", "in", self.all_callbacks.ids)]
        )

    def test_agent_own_and_team(self):
        Callback = self.Callback.with_user(self.agent_a)
        self.assertEqual(
            self._visible(self.agent_a), self.callback_a | self.callback_a2
        )
        self.assertEqual(self._visible(self.agent_b), self.callback_b)
        own = self.callback_a.with_user(self.agent_a)
        own.write({"outcome": "reached", "satisfaction": "satisfied", "score": 4})
        own.action_done()
        self.assertEqual(own.state, "done")
        # another team's callback
        other = self.callback_b.with_user(self.agent_a)
        with self.assertRaises(AccessError):
            other.read(["partner_id"])
        with self.assertRaises(AccessError):
            other.write({"feedback": "Hacked"})
        with self.assertRaises(AccessError):
            other.action_done()
        # creating a callback for oneself, not for another team's agent
        mine = Callback.create(
            {"partner_id": self.customer_a.id, "date_deadline": "2026-03-12"}
        )
        self.assertEqual(mine.user_id, self.agent_a)
        with self.assertRaises(AccessError):
            Callback.create(
                {
                    "partner_id": self.customer_b.id,
                    "user_id": self.agent_b.id,
                    "date_deadline": "2026-03-12",
                }
            )
        # callbacks are cancelled, never deleted
        with self.assertRaises(AccessError):
            own.unlink()

    def test_department_reads_all(self):
        for user in (self.supervisor, self.quality, self.manager):
            with self.subTest(user=user.login):
                self.assertEqual(self._visible(user), self.all_callbacks)
                self.callback_b.with_user(user).read(["partner_id", "state"])
                self.assertEqual(
                    self.plan.with_user(user).read(["name"])[0]["name"], "Plan (test)"
                )
        supervised = self.callback_b.with_user(self.supervisor)
        supervised.user_id = self.agent_a
        self.assertEqual(self.callback_b.user_id, self.agent_a)

    def test_outsiders(self):
        for user in (self.internal_user, self.portal_user):
            for record in (self.callback_a, self.plan, self.script):
                with (
                    self.subTest(user=user.login, model=record._name),
                    self.assertRaises(AccessError),
                ):
                    record.with_user(user).read(["display_name"])
            with self.assertRaises(AccessError):
                self.Callback.with_user(user).search([])
            with self.assertRaises(AccessError):
                self.Callback.with_user(user).create(
                    {"partner_id": self.customer_a.id, "date_deadline": "2026-03-12"}
                )

    def test_agent_cannot_configure(self):
        plan = self.plan.with_user(self.agent_a)
        plan.read(["name", "agent_ids"])
        with self.assertRaises(AccessError):
            plan.write({"name": "Mine"})
        with self.assertRaises(AccessError):
            self.Plan.with_user(self.agent_a).create({"name": "Agent plan"})
        script = self.script.with_user(self.agent_a)
        self.assertTrue(script.read(["opening"]))
        with self.assertRaises(AccessError):
            script.write({"opening": "Hi"})
        with self.assertRaises(AccessError):
            self.env["cs.callback.script"].with_user(self.agent_a).create(
                {
                    "name": "Agent script",
                    "opening": "Hi",
                    "question": "Happy?",
                    "closing_satisfied": "Bye",
                    "closing_unsatisfied": "Sorry",
                }
            )
        # supervisors configure
        self.Plan.with_user(self.supervisor).create(
            {"name": "Supervisor plan", "agent_ids": [self.agent_a.id]}
        )
        self.script.with_user(self.supervisor).opening = "Hello {customer}"

    def test_partner_callbacks_field(self):
        """Only customer service sees a customer's callbacks."""
        self.assertEqual(
            self.customer_a.with_user(self.agent_a).cs_callback_ids, self.callback_a
        )
        with self.assertRaises(AccessError):
            self.customer_a.with_user(self.internal_user).read(["cs_callback_ids"])
