# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError, UserError, ValidationError

from .common import CsKpiCommon


class TestQualityInspection(CsKpiCommon):
    """Inspectors score calls against the standard; the agent acknowledges
    or appeals; the manager decides the appeal (E3)."""

    def _new(self, user=None):
        return (
            self.env["cs.qa.inspection"]
            .with_user(user or self.quality)
            .create(
                {
                    "agent_id": self.agent_a.id,
                    "form_id": self.qa_form.id,
                    "feedback": "Greet by name",
                }
            )
        )

    def test_scores_and_total(self):
        inspection = self._new()
        self.assertEqual(len(inspection.line_ids), 5)
        self.assertEqual(inspection.total_score, 100.0)
        inspection.line_ids[2].score = 15  # accuracy 15 / 30
        self.assertEqual(inspection.total_points, 85)
        self.assertAlmostEqual(inspection.total_score, 85.0)
        with self.assertRaisesText(ValidationError, "is scored from 0 to 30"):
            inspection.line_ids[2].score = 31
        with self.assertRaises(ValidationError):
            inspection.line_ids[2].score = -1

    def test_only_inspectors_score(self):
        with self.assertRaises(AccessError):
            self._new(self.agent_a)
        with self.assertRaises(AccessError):
            self._new(self.supervisor)
        inspection = self._new()
        with self.assertRaises(AccessError):
            inspection.with_user(self.supervisor).action_done()

    def test_acknowledge(self):
        inspection = self._new()
        inspection.action_done()
        self.assertEqual(inspection.state, "done")
        self.assertIn(
            self.agent_a.partner_id, inspection.message_ids[0].notified_partner_ids
        )
        with self.assertRaises(AccessError):
            inspection.with_user(self.agent_a2).action_acknowledge()
        inspection.with_user(self.agent_a).action_acknowledge()
        self.assertEqual(inspection.state, "acknowledged")
        with self.assertRaises(UserError):
            inspection.with_user(self.agent_a).action_appeal("Too late")

    def test_appeal_decided_by_manager(self):
        inspection = self._new()
        inspection.action_done()
        agent_view = inspection.with_user(self.agent_a)
        with self.assertRaisesText(UserError, "why you appeal"):
            agent_view.action_appeal()
        agent_view.action_appeal("The customer hung up first")
        self.assertEqual(inspection.state, "appealed")
        with self.assertRaises(AccessError):
            inspection.with_user(self.supervisor).action_accept_appeal()
        inspection.with_user(self.manager).action_decide(
            "accepted", "Recording checked"
        )
        self.assertEqual(inspection.state, "decided")
        self.assertEqual(inspection.appeal_decision, "accepted")
        with self.assertRaises(UserError):
            inspection.with_user(self.manager).action_reject_appeal()

    def test_criterion_needs_a_maximum(self):
        with self.assertRaisesText(ValidationError, "maximum greater than zero"):
            self.env["cs.qa.criterion"].create(
                {"form_id": self.qa_form.id, "name": "Empty", "max_points": 0}
            )
