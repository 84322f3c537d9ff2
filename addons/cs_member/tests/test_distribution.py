# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from collections import Counter
from unittest.mock import patch

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, freeze_time, new_test_user

from .common import TODAY, CsMemberCommon


@freeze_time(TODAY)
class TestDistribution(CsMemberCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        agent = "cs_member.group_cs_agent"
        cls.dist_1 = new_test_user(cls.env, "cs_dist_1", groups=agent, cs_capacity=1)
        cls.dist_2 = new_test_user(cls.env, "cs_dist_2", groups=agent, cs_capacity=1)
        cls.dist_3 = new_test_user(cls.env, "cs_dist_3", groups=agent, cs_capacity=2)
        cls.agents = cls.dist_1 | cls.dist_2 | cls.dist_3
        cls.customers = cls.env["res.partner"].create(
            [{"name": f"Distributed Customer {i:03d}"} for i in range(100)]
        )
        cls.first_contact = cls.env.ref("cs_member.mail_activity_type_first_contact")

    def _distribute(self, partners, agents, user=None, **vals):
        wizard = (
            self.env["cs.member.distribution.wizard"]
            .with_user(user or self.supervisor)
            .create(
                dict(
                    {
                        "partner_ids": [(6, 0, partners.ids)],
                        "agent_ids": [(6, 0, agents.ids)],
                    },
                    **vals,
                )
            )
        )
        return wizard.action_distribute()

    def _counts(self, partners):
        partners.invalidate_recordset(["cs_agent_id"])
        return Counter(partner.cs_agent_id.login for partner in partners)

    def _first_contacts(self, partners):
        return self.env["mail.activity"].search(
            [
                ("res_model", "=", "res.partner"),
                ("res_id", "in", partners.ids),
                ("activity_type_id", "=", self.first_contact.id),
            ]
        )

    def test_weighted_by_capacity(self):
        action = self._distribute(self.customers, self.agents)
        self.assertEqual(action["tag"], "display_notification")
        self.assertEqual(
            self._counts(self.customers),
            {"cs_dist_1": 25, "cs_dist_2": 25, "cs_dist_3": 50},
        )
        self.assertEqual(
            set(self.customers.mapped("cs_date_assigned")), {self._date("2026-03-10")}
        )
        self.assertEqual(self.dist_3.cs_customer_count, 50)

    def test_balances_existing_load(self):
        # dist_1 already has 20 customers, dist_2 has 5, dist_3 none
        self.customers[:20].cs_agent_id = self.dist_1
        self.customers[20:25].cs_agent_id = self.dist_2
        new = self.customers[25:65]  # 40 new customers: 65 in total
        self._distribute(new, self.agents)
        counts = self._counts(new)
        # totals 20 / 21 / 24 would be unbalanced; the heap gives the ideal
        # totals for capacities 1/1/2 of 65 customers: ~16/16/33, so dist_1
        # (already over its share) gets nothing.
        self.assertEqual(counts["cs_dist_1"], 0)
        totals = {agent.login: agent.cs_customer_count for agent in self.agents}
        self.assertEqual(sum(totals.values()), 65)
        self.assertEqual(totals["cs_dist_1"], 20)
        # the other two share the rest in the ratio of their capacity
        self.assertEqual(totals["cs_dist_2"], 15)
        self.assertEqual(totals["cs_dist_3"], 30)

    def test_existing_load_can_be_ignored(self):
        self.customers[:20].cs_agent_id = self.dist_1
        new = self.customers[20:60]
        self._distribute(new, self.agents, count_existing_load=False)
        self.assertEqual(
            self._counts(new), {"cs_dist_1": 10, "cs_dist_2": 10, "cs_dist_3": 20}
        )

    def test_capacity_zero_gets_nothing(self):
        self.dist_2.cs_capacity = 0
        self._distribute(self.customers[:30], self.agents)
        self.assertEqual(
            self._counts(self.customers[:30]), {"cs_dist_1": 10, "cs_dist_3": 20}
        )

    def test_all_zero_capacity_refused(self):
        self.agents.cs_capacity = 0
        with self.assertRaisesText(UserError, "capacity"):
            self._distribute(self.customers[:10], self.agents)
        self.assertFalse(self.customers[:10].cs_agent_id)

    def test_negative_capacity_refused(self):
        with self.assertRaises(ValidationError):
            self.dist_1.cs_capacity = -1
        self.assertEqual(self.dist_1.cs_capacity, 1)
        # also when the agent is created
        with self.assertRaises(ValidationError):
            new_test_user(
                self.env,
                "cs_dist_neg",
                groups="cs_member.group_cs_agent",
                cs_capacity=-2,
            )

    def test_reassign_off_keeps_agents(self):
        assigned = self.customers[:10]
        assigned.cs_agent_id = self.dist_1
        free = self.customers[10:20]
        self._distribute(assigned | free, self.dist_2 | self.dist_3)
        self.assertEqual(set(assigned.mapped("cs_agent_id")), {self.dist_1})
        self.assertEqual(self._counts(free), {"cs_dist_2": 3, "cs_dist_3": 7})
        self.assertFalse(self._first_contacts(assigned))
        # nothing to do when every customer has an agent
        with self.assertRaisesText(UserError, "no customer to distribute"):
            self._distribute(assigned, self.dist_2)

    def test_first_contact_activity(self):
        partners = self.customers[:9]
        self._distribute(partners, self.agents)
        activities = self._first_contacts(partners)
        self.assertEqual(len(activities), 9)
        self.assertEqual(Counter(activities.mapped("res_id")), Counter(partners.ids))
        for activity in activities:
            partner = self.env["res.partner"].browse(activity.res_id)
            self.assertEqual(activity.user_id, partner.cs_agent_id)
            self.assertEqual(activity.date_deadline, self._date("2026-03-17"))
            self.assertEqual(activity.res_name, partner.display_name)
            self.assertEqual(activity.summary, self.first_contact.summary)
            # as mail.activity.create does: the agent follows the customer,
            # and the activity shows on the customer and in the agent's list
            self.assertIn(partner.cs_agent_id.partner_id, partner.message_partner_ids)
            self.assertIn(activity, partner.activity_ids)
            self.assertEqual(partner.activity_user_id, partner.cs_agent_id)
            follower = partner.message_follower_ids.filtered(
                lambda f, p=partner: f.partner_id == p.cs_agent_id.partner_id
            )
            self.assertTrue(follower.subtype_ids, "followers get the default subtypes")
        # the company delay is the wizard's default
        self.company.cs_first_contact_days = 3
        self._distribute(self.customers[9:10], self.agents)
        self.assertEqual(
            self._first_contacts(self.customers[9:10]).date_deadline,
            self._date("2026-03-13"),
        )

    def test_reassign_moves_first_contact(self):
        partners = self.customers[:4]
        self._distribute(partners, self.dist_1)
        self.assertEqual(self._first_contacts(partners).user_id, self.dist_1)
        with freeze_time("2026-03-12 12:00:00"):
            self._distribute(partners, self.dist_2, reassign=True)
        self.assertEqual(set(partners.mapped("cs_agent_id")), {self.dist_2})
        activities = self._first_contacts(partners)
        self.assertEqual(len(activities), 4, "the old activities are removed")
        self.assertEqual(activities.user_id, self.dist_2)
        self.assertEqual(
            set(activities.mapped("date_deadline")), {self._date("2026-03-19")}
        )

    def test_only_supervisors_distribute(self):
        with self.assertRaises(AccessError):
            self._distribute(self.customers[:5], self.agents, user=self.agent_a)
        with self.assertRaises(AccessError):
            self._distribute(self.customers[:5], self.agents, user=self.internal_user)
        # the button checks the right itself, not only the access to the wizard
        wizard = self.env["cs.member.distribution.wizard"].create(
            {
                "partner_ids": [(6, 0, self.customers[:5].ids)],
                "agent_ids": [(6, 0, self.agents.ids)],
            }
        )
        with self.assertRaises(AccessError):
            wizard.with_user(self.agent_a)._check_distribution_right()
        self.assertFalse(self.customers[:5].cs_agent_id)

    def test_wizard_from_selected_customers(self):
        partners = self.customers[:6]
        context = {"active_model": "res.partner", "active_ids": partners.ids}
        form = Form(
            self.env["cs.member.distribution.wizard"]
            .with_user(self.supervisor)
            .with_context(**context)
        )
        for agent in self.agents:
            form.agent_ids.add(agent)
        self.assertIn("cs_dist_3", form.preview)
        wizard = form.save()
        self.assertEqual(wizard.partner_ids, partners)
        self.assertEqual(wizard.first_contact_days, 7)
        wizard.action_distribute()
        self.assertEqual(
            self._counts(partners), {"cs_dist_1": 2, "cs_dist_2": 1, "cs_dist_3": 3}
        )

    def test_one_update_same_as_write(self):
        """The assignment in one UPDATE leaves what write() left: the same
        plan, agent, date, author of the change, activities and followers."""
        Wizard = type(self.env["cs.member.distribution.wizard"])

        def effects(partners):
            self.env.flush_all()
            self.env.invalidate_all()
            return [
                (
                    partner.cs_agent_id.login,
                    partner.cs_date_assigned,
                    partner.write_uid,
                    partner.activity_ids.mapped(
                        lambda a: (a.user_id, a.date_deadline, a.summary, a.res_name)
                    ),
                    partner.message_partner_ids,
                )
                for partner in partners
            ]

        by_write, by_update = self.customers[:30], self.customers[30:60]
        with patch.object(Wizard, "_can_assign_in_one_update", return_value=False):
            self._distribute(by_write, self.agents)
        with patch.object(
            Wizard,
            "_assign_in_one_update",
            autospec=True,
            side_effect=Wizard._assign_in_one_update,
        ) as one_update:
            self._distribute(by_update, self.agents, count_existing_load=False)
        one_update.assert_called_once()
        written, updated = effects(by_write), effects(by_update)
        self.assertEqual(
            [(w[0], w[1], w[2], len(w[3])) for w in written],
            [(u[0], u[1], u[2], len(u[3])) for u in updated],
        )
        for partner, (_login, _date, author, activities, followers) in zip(
            by_update, updated, strict=True
        ):
            self.assertEqual(author, self.supervisor)
            self.assertEqual(len(activities), 1)
            self.assertEqual(activities[0][0], partner.cs_agent_id)
            self.assertEqual(activities[0][3], partner.display_name)
            self.assertIn(partner.cs_agent_id.partner_id, followers)
        # the agents' counters see the new customers straight away
        self.assertEqual(self.dist_3.cs_customer_count, 30)

    def test_one_update_checks_the_rights(self):
        Wizard = type(self.env["cs.member.distribution.wizard"])
        with (
            patch.object(Wizard, "_check_distribution_right", return_value=None),
            self.assertRaises(AccessError),
        ):
            self._distribute(self.customers[:5], self.agents, user=self.internal_user)
        self.assertFalse(self.customers[:5].cs_agent_id)
