# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError, UserError
from odoo.tests import new_test_user, tagged

from .common import CsServiceCommon


@tagged("post_install", "-at_install")
class TestServiceDefects(CsServiceCommon):
    """G4: the recurring defects of a product go to its owner as an
    improvement proposal."""

    def _proposals(self, product):
        todo = self.env.ref("mail.mail_activity_data_todo")
        return product.product_tmpl_id.activity_ids.filtered(
            lambda a: a.activity_type_id == todo
        )

    def test_service_propose_improvement_to_the_product_owner(self):
        owner = new_test_user(self.env, "cs_product_owner", groups="base.group_user")
        self.product.product_tmpl_id.cs_owner_id = owner
        first = self._advance(self._create_request(), "done")
        again = self._create_request()
        self.assertEqual(again.repeat_of_id, first)
        requests = first | again
        # the analysis is the supervisors'
        with self.assertRaises(AccessError):
            requests.with_user(self.agent_a).action_propose_improvement()
        action = requests.with_user(self.supervisor).action_propose_improvement()
        proposal = self._proposals(self.product)
        self.assertEqual(len(proposal), 1)
        self.assertEqual(proposal.user_id, owner)
        self.assertIn("2 repairs, 1 repeat visits", proposal.summary)
        self.assertIn(first.name, proposal.note)
        self.assertIn(again.name, proposal.note)
        self.assertEqual(action["params"]["type"], "success")
        self.assertIn(owner.name, action["params"]["message"])

    def test_service_propose_improvement_without_owner_to_the_manager(self):
        self.assertFalse(self.part.product_tmpl_id.cs_owner_id)
        request = self._create_request(product_id=self.part.id)
        action = request.with_user(self.supervisor).action_propose_improvement()
        proposal = self._proposals(self.part)
        # cs_service_manager_id of the company
        self.assertEqual(proposal.user_id, self.manager)
        self.assertIn("No product owner", proposal.note)
        self.assertIn("no product owner", action["params"]["message"])
        self.assertIn(self.manager.name, action["params"]["message"])

    def test_service_propose_improvement_needs_a_product(self):
        request = self._create_request(product_id=False)
        with self.assertRaisesRegex(UserError, "repairs of a product"):
            request.with_user(self.supervisor).action_propose_improvement()
