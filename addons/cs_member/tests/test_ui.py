# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install", "cs_tour")
class TestCsMemberUi(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.supervisor = new_test_user(
            cls.env,
            login="cs_tour_supervisor",
            name="Tour Supervisor",
            groups="base.group_user,cs_member.group_cs_supervisor",
        )
        cls.level = cls.env["cs.member.level"].create(
            {
                "name": "Tour Level",
                "code": "TOURLEVEL",
                "sequence": 1000,
                "min_points": 10_000_000,
            }
        )
        cls.member = cls.env["res.partner"].create(
            {
                "name": "Tour Member Alice",
                "email": "alice.tour@example.com",
                "cs_grade": "important",
                "cs_agent_id": cls.supervisor.id,
                "cs_contact_window": "custom",
                "cs_contact_hour_from": 10.0,
                "cs_contact_hour_to": 11.5,
            }
        )
        cls.card = cls.env["cs.member.card"].create(
            {
                "number": "TOUR-0001",
                "partner_id": cls.member.id,
                "level_id": cls.level.id,
            }
        )

    def test_cs_member_tour(self):
        self.assertEqual(self.card.state, "draft")
        self.assertFalse(self.member.cs_is_member)
        self.start_tour("/odoo", "cs_member_tour", login=self.supervisor.login)
        self.card.invalidate_recordset()
        self.member.invalidate_recordset()
        self.assertEqual(self.card.state, "active")
        self.assertTrue(self.member.cs_is_member)
        self.assertEqual(self.member.cs_card_id, self.card)
        self.assertEqual(self.member.cs_level_id, self.level)
