# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Cards, points and member-private partner fields are readable only by the
customer-service groups; agents only see the members of their own team."""

from odoo.exceptions import AccessError
from odoo.tests import freeze_time

from .common import TODAY, CsMemberCommon

PRIVATE_FIELDS = ["cs_birthday", "cs_id_number", "cs_preferences", "cs_points"]


@freeze_time(TODAY)
class TestAccess(CsMemberCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.card_a = cls._create_card(cls.customer_a, cls.gold)
        cls.card_a2 = cls._create_card(cls.customer_a2)
        cls.card_b = cls._create_card(cls.customer_b, cls.diamond)
        cls.points_a = cls._book(cls.customer_a, 100)
        cls.points_a2 = cls._book(cls.customer_a2, 200)
        cls.points_b = cls._book(cls.customer_b, 300)
        cls.cards = cls.card_a | cls.card_a2 | cls.card_b
        cls.points = cls.points_a | cls.points_a2 | cls.points_b
        cls.portal_partner = cls.portal_user.partner_id
        cls.portal_partner.write({"cs_birthday": "1985-01-02", "cs_id_number": "X123"})
        cls._create_card(cls.portal_partner)
        cls.outsiders = cls.internal_user | cls.contact_user | cls.portal_user

    # ------------------------------------------------------------------
    # users outside customer service
    # ------------------------------------------------------------------

    def test_outsiders_cannot_read_cards_or_points(self):
        for user in self.outsiders:
            for records in (self.card_a, self.points_a):
                with self.subTest(user=user.login, model=records._name):
                    with self.assertRaises(AccessError):
                        records.with_user(user).read(["partner_id"])
                    with self.assertRaises(AccessError):
                        self.env[records._name].with_user(user).search([])
            # not even their own card (portal user)
            with (
                self.subTest(user=user.login, own=True),
                self.assertRaises(AccessError),
            ):
                self.portal_partner.with_user(user).cs_card_ids.read(["number"])

    def test_outsiders_cannot_write_cards_or_points(self):
        for user in self.outsiders:
            with self.subTest(user=user.login):
                with self.assertRaises(AccessError):
                    self.env["cs.member.card"].with_user(user).create(
                        {"partner_id": self.customer_a.id, "level_id": self.gold.id}
                    )
                with self.assertRaises(AccessError):
                    self._book(self.customer_a, 10, env=self.env(user=user))
                with self.assertRaises(AccessError):
                    self.card_a.with_user(user).note = "x"

    def test_outsiders_cannot_read_private_partner_fields(self):
        for user, partner in (
            (self.internal_user, self.customer_a),
            (self.contact_user, self.customer_a),
            (self.portal_user, self.portal_partner),
        ):
            as_user = partner.with_user(user)
            # control: the partner itself is readable
            self.assertEqual(as_user.read(["name"])[0]["name"], partner.name)
            for fname in PRIVATE_FIELDS + ["cs_card_id", "cs_level_id", "cs_grade"]:
                with self.subTest(user=user.login, field=fname):
                    with self.assertRaises(AccessError):
                        as_user.read([fname])
            # searching on a private field would reveal it as well
            with self.subTest(user=user.login, search=True):
                with self.assertRaises(AccessError):
                    self.env["res.partner"].with_user(user).search(
                        [("cs_birthday", "=", "1980-05-17")]
                    )
            # the fields a user may read leave the private ones out
            readable = as_user.check_field_access_rights("read", None)
            self.assertFalse(set(PRIVATE_FIELDS) & set(readable))
            self.assertIn("name", readable)

    def test_outsiders_cannot_write_private_partner_fields(self):
        values = {
            "cs_birthday": "1970-01-01",
            "cs_id_number": "999",
            "cs_preferences": "Anything",
            "cs_points": 1000000,
        }
        for user, partner in (
            (self.internal_user, self.customer_a),
            # may edit contacts, still not their private data
            (self.contact_user, self.customer_a),
            (self.portal_user, self.portal_partner),
        ):
            for fname, value in values.items():
                with self.subTest(user=user.login, field=fname):
                    with self.assertRaises(AccessError):
                        partner.with_user(user).write({fname: value})
        # control: the contact user may edit the contact itself
        self.customer_a.with_user(self.contact_user).phone = "+86 10 1234 5678"
        self.assertEqual(self.customer_a.cs_id_number, "110101198005170000")
        self.assertEqual(self.customer_a.cs_points, 100)

    def test_outsiders_cannot_set_private_fields_on_create(self):
        Partner = self.env["res.partner"].with_user(self.contact_user)
        for fname, value in (
            ("cs_birthday", "1970-01-01"),
            ("cs_id_number", "999"),
            ("cs_grade", "key"),
        ):
            with self.subTest(field=fname), self.assertRaises(AccessError):
                Partner.create({"name": "Smuggled", fname: value})
        # control: an ordinary contact is created, and an agent may set them
        self.assertTrue(Partner.create({"name": "Plain contact"}))
        created = (
            self.env["res.partner"]
            .with_user(self.agent_a)
            .create({"name": "New member", "cs_id_number": "123", "cs_grade": "normal"})
        )
        self.assertEqual(created.sudo().cs_id_number, "123")

    def test_outsiders_cannot_read_card_messages(self):
        self.card_a.message_post(body="Internal note about the member")
        for user in self.outsiders:
            with self.subTest(user=user.login):
                messages = (
                    self.env["mail.message"]
                    .with_user(user)
                    .search([("model", "=", "cs.member.card")])
                )
                self.assertFalse(messages)

    # ------------------------------------------------------------------
    # agents
    # ------------------------------------------------------------------

    def test_agent_reads_own_and_team_members(self):
        Card = self.env["cs.member.card"].with_user(self.agent_a)
        Points = self.env["cs.member.points"].with_user(self.agent_a)
        self.assertEqual(
            Card.search([("id", "in", self.cards.ids)]), self.card_a | self.card_a2
        )
        self.assertEqual(
            Points.search([("id", "in", self.points.ids)]),
            self.points_a | self.points_a2,
        )
        for records in (self.card_a, self.card_a2, self.points_a, self.points_a2):
            records.with_user(self.agent_a).check_access("read")
            self.assertTrue(records.with_user(self.agent_a).read(["partner_id"]))
        partner = self.customer_a.with_user(self.agent_a)
        values = partner.read(PRIVATE_FIELDS)[0]
        self.assertEqual(values["cs_id_number"], "110101198005170000")
        self.assertEqual(values["cs_points"], 100)
        self.assertEqual(partner.cs_card_id, self.card_a)

    def test_agent_cannot_read_other_team_members(self):
        for records in (self.card_b, self.points_b):
            as_agent = records.with_user(self.agent_a)
            with self.subTest(model=records._name):
                with self.assertRaises(AccessError):
                    as_agent.check_access("read")
                with self.assertRaises(AccessError):
                    as_agent.read(["partner_id", "create_date"])
        # and the other team sees nothing of team A
        Card = self.env["cs.member.card"].with_user(self.agent_b)
        self.assertEqual(Card.search([("id", "in", self.cards.ids)]), self.card_b)
        with self.assertRaises(AccessError):
            self.card_a.with_user(self.agent_b).read(["number"])
        # the member's page shows none of their cards to the other team
        self.assertFalse(self.customer_b.with_user(self.agent_a).cs_card_ids)

    def test_agent_cannot_issue_for_other_team(self):
        with self.assertRaises(AccessError):
            self.env["cs.member.card"].with_user(self.agent_a).create(
                {"partner_id": self.customer_b.id, "level_id": self.silver.id}
            )
        with self.assertRaises(AccessError):
            self._book(self.customer_b, 10, env=self.env(user=self.agent_a))
        with self.assertRaises(AccessError):
            self.card_b.with_user(self.agent_a).action_renew()
        # own team: fine
        self._book(self.customer_a2, 10, env=self.env(user=self.agent_a))
        self.assertEqual(self.customer_a2.cs_points, 210)

    def test_agent_without_team_sees_own_members_only(self):
        self.agent_a2.cs_team_id = False
        Card = self.env["cs.member.card"].with_user(self.agent_a2)
        self.assertEqual(Card.search([("id", "in", self.cards.ids)]), self.card_a2)

    def test_agent_cannot_reassign_customers(self):
        """Customers are assigned by supervisors (B1): an agent taking a
        customer of another team would also get to read their cards."""
        for partner, agent in (
            (self.customer_b, self.agent_a),  # take another team's customer
            (self.customer_a, self.agent_b),  # give own customer away
            (self.customer_a, False),  # drop own customer
        ):
            with self.subTest(partner=partner.name), self.assertRaises(AccessError):
                partner.with_user(self.agent_a).write(
                    {"cs_agent_id": agent and agent.id}
                )
        self.assertEqual(self.customer_b.cs_agent_id, self.agent_b)
        # an unassigned customer may be claimed by the agent
        free = self.env["res.partner"].create({"name": "Walk-in customer"})
        free.with_user(self.agent_a).write({"cs_agent_id": self.agent_a.id})
        self.assertEqual(free.cs_agent_id, self.agent_a)
        # the supervisor reassigns freely
        self.customer_b.with_user(self.supervisor).cs_agent_id = self.agent_a
        self.assertEqual(self.customer_b.cs_agent_id, self.agent_a)

    def test_department_reads_everything(self):
        for user in (self.supervisor, self.quality, self.manager):
            with self.subTest(user=user.login):
                Card = self.env["cs.member.card"].with_user(user)
                Points = self.env["cs.member.points"].with_user(user)
                self.assertEqual(
                    Card.search([("id", "in", self.cards.ids)]), self.cards
                )
                self.assertEqual(
                    Points.search([("id", "in", self.points.ids)]), self.points
                )
                self.cards.with_user(user).check_access("read")
                values = self.customer_b.with_user(user).read(PRIVATE_FIELDS)[0]
                self.assertEqual(values["cs_points"], 300)

    # ------------------------------------------------------------------
    # configuration
    # ------------------------------------------------------------------

    def test_levels_configured_by_manager(self):
        for user in (self.agent_a, self.supervisor, self.quality):
            with self.subTest(user=user.login):
                Level = self.env["cs.member.level"].with_user(user)
                self.assertIn(self.gold, Level.search([]))
                with self.assertRaises(AccessError):
                    Level.create(
                        {
                            "name": "Platinum",
                            "code": "PLAT",
                            "sequence": 40,
                            "min_points": 20000,
                        }
                    )
                with self.assertRaises(AccessError):
                    self.gold.with_user(user).benefits = "<p>Free coffee</p>"
        for user in self.outsiders:
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                self.gold.with_user(user).read(["name"])
        Level = self.env["cs.member.level"].with_user(self.manager)
        level = Level.create(
            {"name": "Platinum", "code": "PLAT", "sequence": 40, "min_points": 20000}
        )
        level.callback_interval_days = 15
        self.assertEqual(level.callback_interval_days, 15)
        # levels are archived, not deleted
        with self.assertRaises(AccessError):
            level.unlink()
        level.action_archive()
        self.assertFalse(level.active)

    def test_teams_configured_by_supervisor(self):
        with self.assertRaises(AccessError):
            self.team_a.with_user(self.agent_a).name = "Renamed"
        with self.assertRaises(AccessError):
            self.env["cs.team"].with_user(self.internal_user).search([])
        self.team_a.with_user(self.supervisor).leader_id = self.supervisor
        self.assertEqual(self.team_a.member_count, 2)

    def test_grading_export_only_by_supervisor(self):
        Wizard = self.env["cs.member.grading.report.wizard"]
        for user in self.agent_a | self.quality | self.outsiders:
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                Wizard.with_user(user).create({}).action_export_xlsx()
        # the button checks the right itself too
        wizard = Wizard.with_user(self.supervisor).create({})
        with self.assertRaises(AccessError):
            wizard.with_user(self.agent_a).action_export_xlsx()
        action = wizard.action_export_xlsx()
        self.assertEqual(action["type"], "ir.actions.act_url")
