# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError
from odoo.tests import tagged

from ..models.cs_protected_mixin import allow_protected_writes
from .common import CsMemberCommon


@tagged("post_install", "-at_install")
class TestProtectedFields(CsMemberCommon):
    """The mechanism every workflow model uses (``cs.protected.mixin``),
    exercised on member cards."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.card = cls.env["cs.member.card"].create(
            {"partner_id": cls.customer_a.id, "level_id": cls.silver.id}
        )

    def test_state_refused_from_every_user(self):
        for user in (self.agent_a, self.supervisor, self.manager, self.admin_user):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                self.card.with_user(user).write({"state": "active"})
        self.assertEqual(self.card.state, "draft")

    def test_action_sets_the_state(self):
        self.card.with_user(self.supervisor).action_activate()
        self.assertEqual(self.card.state, "active")

    def test_create_only_in_initial_state(self):
        Card = self.env["cs.member.card"].with_user(self.manager)
        vals = {"partner_id": self.customer_b.id, "level_id": self.silver.id}
        for extra in (
            {"state": "active"},
            {"state": False},
            {"change_type": "upgrade"},
            {"previous_card_id": self.card.id},
            {"date_reminded": "2026-01-01"},
        ):
            with self.subTest(extra=extra), self.assertRaises(AccessError):
                Card.create(dict(vals, **extra))
        # a client's context cannot propose another initial state
        with self.assertRaises(AccessError):
            Card.with_context(default_state="active").create(vals)
        # the initial state and the defaults are accepted (the web client
        # sends them back)
        card = Card.create(dict(vals, state="draft", change_type="new"))
        self.assertEqual(card.state, "draft")

    def test_unchanged_value_passes(self):
        self.card.with_user(self.agent_a).write({"state": "draft", "note": "x"})
        self.assertEqual(self.card.note, "x")

    def test_message_is_translated_and_names_the_field(self):
        with self.assertRaisesRegex(AccessError, "State|Status"):
            self.card.with_user(self.manager).write({"state": "cancelled"})

    def test_superuser_and_workflow_code_pass(self):
        self.card.sudo().write({"date_reminded": "2026-02-01"})
        with allow_protected_writes():
            self.card.with_user(self.agent_a).write({"date_reminded": "2026-02-02"})
        self.assertEqual(str(self.card.date_reminded), "2026-02-02")
        # the permission ends with the block
        with self.assertRaises(AccessError):
            self.card.with_user(self.agent_a).write({"date_reminded": "2026-02-03"})

    def test_copy_starts_afresh(self):
        self.card.action_activate()
        copy = self.card.with_user(self.supervisor).copy({"number": "COPY-1"})
        self.assertEqual(copy.state, "draft")
