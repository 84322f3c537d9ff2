# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import UserError
from odoo.tests import tagged

from odoo.addons.cs_service.tests.common import CsServiceCommon


@tagged("post_install", "-at_install")
class TestServiceOpenComplaint(CsServiceCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.department = cls.env["hr.department"].create(
            {"name": "After-sales (service test)"}
        )
        cls.tech_1.department_id = cls.department

    def _card(self, satisfaction):
        request = self._advance(self._create_request(), "done")
        card = request.callback_ids.with_user(self.agent_a)
        card.write(
            {
                "outcome": "reached",
                "satisfaction": satisfaction,
                "unsatisfied_reason": "Came two hours late and was rude",
                "service_rating_attitude": 1,
                "service_rating_skill": 3,
                "service_rating_punctuality": 1,
                "service_rating_promise": 2,
            }
        )
        card.action_done()
        return request, card

    def test_service_unsatisfied_card_opens_complaint_against_technician(self):
        request, card = self._card("unsatisfied")
        action = card.action_open_complaint()
        complaint = self.env["cs.complaint"].browse(action["res_id"])
        self.assertEqual(card.opened_complaint_id, complaint)
        self.assertEqual(complaint.partner_id, self.customer_a)
        self.assertEqual(complaint.channel, "callback")
        self.assertEqual(complaint.responsible_employee_ids, self.tech_1)
        self.assertEqual(complaint.department_id, self.department)
        self.assertIn(request.name, complaint.subject)
        self.assertIn("rude", complaint.description)
        with self.assertRaises(UserError):
            card.action_open_complaint()

    def test_service_satisfied_card_opens_nothing(self):
        _request, card = self._card("satisfied")
        with self.assertRaises(UserError):
            card.action_open_complaint()
