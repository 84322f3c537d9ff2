# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import pytz

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, freeze_time, new_test_user, tagged

from odoo.addons.cs_member.tests.query_common import QueryBudgetMixin

from .common import TODAY, TZ, CsCallbackCommon

CITY = "Callbackville"


@freeze_time(TODAY)
class TestPlanGenerate(QueryBudgetMixin, CsCallbackCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        new = cls._create_customer
        cls.silver_key = new("Silver Key", cs_grade="key", city=CITY)
        cls.gold_normal = new(
            "Gold Normal", level=cls.gold, cs_grade="normal", city=CITY
        )
        cls.gold_key_dnc = new(
            "Gold Key DNC",
            level=cls.gold,
            cs_grade="key",
            city=CITY,
            cs_do_not_call=True,
        )
        cls.gold_potential = new(
            "Gold Potential", level=cls.gold, cs_grade="potential", city=CITY
        )
        cls.prospect_key = new("Prospect Key", member=False, cs_grade="key", city=CITY)
        cls.gold_key_elsewhere = new(
            "Gold Key Elsewhere", level=cls.gold, cs_grade="key", city="Elsewhere"
        )
        cls.city_domain = repr([("city", "=", CITY)])

    def _generate(self, plan, user=None):
        return plan.with_user(user or self.supervisor).action_generate()

    def test_generate_filters(self):
        plan = self._create_plan(
            level_ids=[self.gold.id],
            grades="key, normal",
            members_only=True,
            partner_domain=self.city_domain,
        )
        self.assertEqual(plan.state, "draft")
        callbacks = self._generate(plan)
        # silver: level; do not call; potential: grade; prospect: not a member;
        # elsewhere: customer filter
        self.assertEqual(callbacks.partner_id, self.gold_normal)
        self.assertEqual(plan.state, "running")
        self.assertEqual(plan.callback_count, 1)
        self.assertIn("1 callbacks generated", plan.message_ids[0].body)

        members = self._generate(
            self._create_plan(members_only=True, partner_domain=self.city_domain)
        )
        self.assertEqual(
            members.partner_id,
            self.silver_key | self.gold_normal | self.gold_potential,
        )
        everyone = self._generate(self._create_plan(partner_domain=self.city_domain))
        self.assertEqual(
            everyone.partner_id,
            self.silver_key
            | self.gold_normal
            | self.gold_potential
            | self.prospect_key,
        )

    def test_generate_values(self):
        plan = self._create_plan(
            kind="occasion",
            channel="sms",
            deadline_days=5,
            partner_domain=repr([("id", "=", self.gold_normal.id)]),
        )
        callback = self._generate(plan)
        self.assertRecordValues(
            callback,
            [
                {
                    "plan_id": plan.id,
                    "partner_id": self.gold_normal.id,
                    "kind": "occasion",
                    "channel": "sms",
                    "state": "todo",
                    "attempt_count": 0,
                    "company_id": self.company.id,
                }
            ],
        )
        self.assertIn(callback.user_id, self.agent_a | self.agent_b)
        self.assertEqual(callback.date_deadline, self._date("2026-03-15"))
        # 20:00 in Shanghai: inside the contact window, outside quiet hours
        self.assertEqual(callback.scheduled_at, self._utc("2026-03-10 12:00"))
        self.assertFalse(callback.is_overdue)
        # the agent follows the callback, without an e-mail per assignment
        self.assertIn(callback.user_id.partner_id, callback.message_partner_ids)
        self.assertFalse(
            self.env["mail.mail"].search(
                [("model", "=", "cs.callback"), ("res_id", "=", callback.id)]
            )
        )

    def test_generate_default_deadline(self):
        self.company.cs_callback_deadline_days = 2
        plan = self._create_plan(partner_domain=repr([("id", "=", self.silver_key.id)]))
        self.assertEqual(plan.deadline_days, 2)
        self.assertEqual(self._generate(plan).date_deadline, self._date("2026-03-12"))

    def test_generate_in_contact_window(self):
        """Callbacks are planned in the customer's contact window, even when
        the supervisor lives in another time zone."""
        self.supervisor.tz = "Europe/Brussels"
        self.gold_normal.cs_contact_window = "morning"
        plan = self._create_plan(
            partner_domain=repr([("id", "=", self.gold_normal.id)])
        )
        callback = self._generate(plan)
        local = pytz.utc.localize(callback.scheduled_at).astimezone(pytz.timezone(TZ))
        self.assertEqual(local.strftime("%Y-%m-%d %H:%M"), "2026-03-11 09:00")

    def test_generate_never_twice(self):
        plan = self._create_plan(partner_domain=self.city_domain)
        first = self._generate(plan)
        self.assertEqual(len(first), 4)
        # a second run finds every customer with an open callback of the plan
        self.assertFalse(self._generate(plan))
        self.assertEqual(plan.callback_count, 4)
        # once a callback is done (or failed), the customer may be called again
        done = first.filtered(lambda c: c.partner_id == self.silver_key)
        done.write({"outcome": "reached", "satisfaction": "satisfied"})
        done.with_user(done.user_id).action_done()
        failed = first.filtered(lambda c: c.partner_id == self.gold_normal)
        failed.write({"outcome": "wrong_number"})
        failed.with_user(failed.user_id).action_done()
        self.assertEqual((done | failed).mapped("state"), ["done", "failed"])
        again = self._generate(plan)
        self.assertEqual(again.partner_id, self.silver_key | self.gold_normal)
        self.assertFalse(self._generate(plan))
        # an open callback of another plan does not count
        other = self._generate(self._create_plan(partner_domain=self.city_domain))
        self.assertEqual(len(other), 4)

    def test_generate_spread_by_open_load(self):
        busy = new_test_user(
            self.env, "cs_busy_agent", groups="cs_member.group_cs_agent"
        )
        idle = new_test_user(
            self.env, "cs_idle_agent", groups="cs_member.group_cs_agent"
        )
        for name in ("Busy 1", "Busy 2", "Busy 3"):
            self._create_callback(self._create_customer(name, member=False), busy)
        # a closed callback is no load
        self._create_callback(
            self._create_customer("Busy done", member=False), busy, state="done"
        )
        partners = self.env["res.partner"]
        for index in range(5):
            partners |= self._create_customer(f"Spread {index}", member=False)
        plan = self._create_plan(
            agents=busy | idle, partner_domain=repr([("id", "in", partners.ids)])
        )
        callbacks = self._generate(plan)
        self.assertEqual(callbacks.partner_id, partners)
        mine = callbacks.filtered(lambda c: c.user_id == idle)
        # idle takes 3 to catch up, then the last two are shared
        self.assertEqual(len(mine), 4)
        self.assertEqual(len(callbacks - mine), 1)
        self.assertEqual(
            self.Callback.search_count(
                [("user_id", "=", busy.id), ("state", "=", "todo")]
            ),
            4,
        )

    def test_generate_spread_evenly(self):
        partners = self.env["res.partner"]
        for index in range(6):
            partners |= self._create_customer(f"Even {index}", member=False)
        plan = self._create_plan(
            agents=self.agent_a2 | self.quality,
            partner_domain=repr([("id", "in", partners.ids)]),
        )
        callbacks = self._generate(plan)
        self.assertEqual(
            len(callbacks.filtered(lambda c: c.user_id == self.agent_a2)), 3
        )
        self.assertEqual(
            len(callbacks.filtered(lambda c: c.user_id == self.quality)), 3
        )

    def test_generate_without_agents(self):
        plan = self._create_plan(
            agents=self.env["res.users"], partner_domain=self.city_domain
        )
        with self.assertRaisesText(UserError, "has no agents"):
            self._generate(plan)
        self.assertFalse(self.Callback.search([("plan_id", "=", plan.id)]))
        self.assertEqual(plan.state, "draft")

    def test_generate_closed_plan(self):
        plan = self._create_plan(partner_domain=self.city_domain)
        plan.with_user(self.supervisor).action_cancel()
        with self.assertRaises(UserError):
            self._generate(plan)

    def test_invalid_filters(self):
        with self.assertRaisesText(ValidationError, "vip"):
            self._create_plan(grades="key, vip")
        plan = self._create_plan()
        with self.assertRaises(ValidationError):
            plan.grades = "gold"
        for domain in ("[('city', '=', ", "{'city': 'x'}", "[('city', '=', unknown)]"):
            with self.subTest(domain=domain), self.assertRaises(ValidationError):
                plan.partner_domain = domain
        with self.assertRaises(ValidationError):
            plan.deadline_days = 0

    def test_only_supervisors_generate(self):
        plan = self._create_plan(partner_domain=self.city_domain)
        for user in (self.agent_a, self.quality):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                self._generate(plan, user)
        with self.assertRaises(AccessError):
            plan.with_user(self.agent_a).action_cancel()
        self.assertFalse(plan.callback_ids)
        # the manager is a supervisor too
        self.assertEqual(len(self._generate(plan, self.manager)), 4)

    def test_generate_query_count(self):
        """Generating does not cost queries per customer."""
        partners = self.env["res.partner"]
        for index in range(41):
            partners |= self._create_customer(
                f"Bulk {index}",
                member=False,
                cs_contact_window=("any", "evening", "morning")[index % 3],
            )
        warmup, small, large = partners[:1], partners[1:11], partners[11:]

        def generate(selected):
            plan = self._create_plan(partner_domain=repr([("id", "in", selected.ids)]))
            count = self._queries(lambda: self._generate(plan))
            self.assertEqual(len(plan.callback_ids), len(selected))
            return count

        generate(warmup)
        self.assertQueriesDoNotGrow([generate(small), generate(large)], 35)


@tagged("post_install", "-at_install")
class TestPlanGradeChoice(CsCallbackCommon):
    def test_grades_chosen_from_the_list(self):
        form = Form(self.env["cs.callback.plan"].with_user(self.supervisor))
        form.name = "Key and important customers"
        form.grade_key = True
        form.grade_important = True
        plan = form.save()
        self.assertEqual(plan._get_grades(), ["key", "important"])
        self.assertTrue(plan.grade_key and not plan.grade_normal)
