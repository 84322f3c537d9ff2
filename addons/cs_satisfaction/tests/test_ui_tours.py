# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import HttpCase, tagged

from odoo.addons.cs_member.tests.tour_common import CsTourMixin, load_chinese

from .common import CsSatisfactionCommon

PROBLEM = "Improvement tour: technicians arrive late"


@tagged("post_install", "-at_install", "cs_tour")
class TestImprovementActionTour(CsTourMixin, CsSatisfactionCommon, HttpCase):
    """A member of the after-sales department (a plain internal user) works
    on the action owned by their department from *My Improvement Actions*;
    a supervisor verifies it from the Customer Service menu. In Chinese and
    in English."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        load_chinese(cls.env, ["web", "mail", "survey", "cs_satisfaction"])

    def test_department_member_then_supervisor(self):
        for lang in ("zh_CN", "en_US"):
            with self.subTest(lang=lang):
                self.dept_user.lang = lang
                self.supervisor.lang = lang
                self.Action.search([("name", "=", PROBLEM)]).sudo().write(
                    {"name": f"{PROBLEM} (before {lang})"}
                )
                action = self.Action.with_user(self.supervisor).create(
                    {
                        "name": PROBLEM,
                        "department_id": self.department.id,
                        "date_deadline": "2026-12-31",
                        "description": "<p>Customers say the technicians come "
                        "an hour after the time agreed.</p>",
                    }
                )
                self.assertFalse(self.dept_user.has_group("cs_member.group_cs_agent"))
                self.start_tour(
                    "/odoo",
                    "cs_improvement_action_owner_tour",
                    login="cs_sat_dept",
                    screenshots=lang == "zh_CN",
                )
                action.invalidate_recordset()
                self.assertEqual(action.state, "done")
                self.assertEqual(
                    action.measure, "Two more technicians on the morning shift."
                )
                self.assertTrue(action.date_done)
                self.assertFalse(action.date_verified)
                # started and marked done in the member's name
                moves = (
                    action.sudo()
                    .message_ids.sudo()
                    .tracking_value_ids.filtered(lambda t: t.field_id.name == "state")
                )
                self.assertEqual(len(moves), 2)
                self.assertEqual(
                    moves.mail_message_id.author_id, self.dept_user.partner_id
                )
                self.start_tour(
                    "/odoo",
                    "cs_improvement_action_verify_tour",
                    login="cs_supervisor",
                )
                action.invalidate_recordset()
                self.assertEqual(action.state, "verified")
                self.assertEqual(action.verified_by_id, self.supervisor)
                self.assertTrue(action.date_verified >= action.date_done)


SUGGESTION = "Suggestion tour: text members before their visit"


@tagged("post_install", "-at_install", "cs_tour")
class TestSuggestionTour(CsTourMixin, CsSatisfactionCommon, HttpCase):
    """An agent proposes and submits a suggestion; a supervisor adopts it
    (H3)."""

    def test_agent_proposes_supervisor_adopts(self):
        employee = self.env["hr.employee"].create(
            {
                "name": "Agent A (tour)",
                "user_id": self.agent_a.id,
                "company_id": self.company.id,
            }
        )
        self.start_tour("/odoo", "cs_suggestion_propose_tour", login="cs_agent_a")
        suggestion = self.env["cs.suggestion"].search([("name", "=", SUGGESTION)])
        self.assertEqual(len(suggestion), 1)
        self.assertEqual(suggestion.state, "submitted")
        self.assertEqual(suggestion.employee_id, employee)
        self.assertEqual(suggestion.expected_benefit, "Fewer missed visits.")
        self.start_tour("/odoo", "cs_suggestion_adopt_tour", login="cs_supervisor")
        suggestion.invalidate_recordset()
        self.assertEqual(suggestion.state, "adopted")
        self.assertEqual(suggestion.adopted_by_id, self.supervisor)
        self.assertEqual(suggestion.improvement_action_id.source, "suggestion")
        self.assertEqual(suggestion.improvement_action_id.user_id, self.agent_a)
