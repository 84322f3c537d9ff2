# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import CsServiceCommon


@tagged("post_install", "-at_install")
class TestServiceAccess(CsServiceCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.portal_partner = cls.portal_user.partner_id
        cls.portal_partner.write({"street": "5 Portal Street", "city": "Beijing"})
        cls.own = cls._create_request(user=cls.agent_a)
        cls.team = cls._create_request(user=cls.agent_a2)
        cls.other_team = cls._create_request(partner=cls.customer_b, user=cls.agent_b)
        cls.portal_request = cls._create_request(
            partner=cls.portal_partner, user=cls.agent_b
        )
        cls._advance(cls.other_team, "dispatched", technician=cls.tech_1)

    def _visible(self, user):
        return self.Request.with_user(user).search([])

    def test_service_agent_sees_own_and_team(self):
        visible = self._visible(self.agent_a)
        self.assertIn(self.own, visible)
        self.assertIn(self.team, visible)
        self.assertNotIn(self.other_team, visible)
        with self.assertRaises(AccessError):
            self.other_team.with_user(self.agent_a).read(["name"])
        with self.assertRaises(AccessError):
            self.other_team.with_user(self.agent_a).write({"serial_number": "X"})
        self.assertIn(self.other_team, self._visible(self.supervisor))

    def test_service_technician_sees_assigned_only(self):
        self.assertEqual(self._visible(self.tech_user_1), self.other_team)
        self.assertFalse(self._visible(self.tech_user_2))
        with self.assertRaises(AccessError):
            self.own.with_user(self.tech_user_1).read(["name"])
        with self.assertRaises(AccessError):
            self.Request.with_user(self.tech_user_1).create(
                {"partner_id": self.customer_a.id, "problem": "<p>x</p>"}
            )
        # records the work of their own request
        self.other_team.with_user(self.tech_user_1).action_start()
        self.env["cs.service.line"].with_user(self.tech_user_1).create(
            {"request_id": self.other_team.id, "hours": 1.0}
        )
        with self.assertRaises(AccessError):
            self.env["cs.service.line"].with_user(self.tech_user_2).create(
                {"request_id": self.other_team.id, "hours": 1.0}
            )

    def test_service_portal_sees_own_only(self):
        self.assertEqual(self._visible(self.portal_user), self.portal_request)
        with self.assertRaises(AccessError):
            self.own.with_user(self.portal_user).read(["name"])
        with self.assertRaises(AccessError):
            self.portal_request.with_user(self.portal_user).write({"city": "X"})
        with self.assertRaises(AccessError):
            self.Request.with_user(self.portal_user).create(
                {"partner_id": self.portal_partner.id, "problem": "<p>x</p>"}
            )

    def test_service_portal_reads_only_customer_fields(self):
        mine = self.portal_request.with_user(self.portal_user)
        self.assertEqual(mine.read(["name", "state", "problem"])[0]["name"], mine.name)
        for fname in ("user_id", "sla_status", "escalation_level", "cancel_reason"):
            with self.subTest(field=fname), self.assertRaises(AccessError):
                mine.read([fname])
        with self.assertRaises(AccessError):
            self.Request.with_user(self.portal_user).search(
                [("sla_status", "=", "breached")]
            )

    def test_service_other_internal_user_sees_nothing(self):
        self.assertFalse(self._visible(self.internal_user))
        with self.assertRaises(AccessError):
            self.own.with_user(self.internal_user).read(["name"])
        with self.assertRaises(AccessError):
            self.Request.with_user(self.internal_user).create(
                {"partner_id": self.customer_a.id, "problem": "<p>x</p>"}
            )

    def test_service_quality_reads_but_does_not_write(self):
        self.assertIn(self.other_team, self._visible(self.quality))
        with self.assertRaises(AccessError):
            self.other_team.with_user(self.quality).write({"serial_number": "Q"})
