# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import TransactionCase, tagged

from odoo.addons.cs_member.reporting import selection_labels
from odoo.addons.cs_member.tests.tour_common import load_chinese


@tagged("post_install", "-at_install")
class TestChineseLabels(TransactionCase):
    """The deadline status and escalation levels of a complaint come from a
    mixin of cs_member: their Chinese labels are cs_member's terms for the
    complaint's selection values, which only an export made with every
    module installed lists (scripts/i18n.sh)."""

    def test_mixin_selections_in_chinese(self):
        load_chinese(self.env, ["cs_member", "cs_complaint"])
        Complaint = self.env["cs.complaint"].with_context(lang="zh_CN")
        self.assertEqual(
            selection_labels(Complaint, "sla_status"),
            {"on_track": "正常", "at_risk": "即将超时", "breached": "已超时"},
        )
        self.assertEqual(
            selection_labels(Complaint, "escalation_level"),
            {"0": "处理人", "1": "部门经理", "2": "客服经理"},
        )

    def test_mixin_terms_follow_the_module_that_inherits(self):
        """Installing a module that inherits cs_member's mixins loads
        cs_member's terms for its models too: Odoo reads a module's own file
        only, and cs_member's was read before the complaint existed."""
        load_chinese(self.env, ["cs_member", "cs_complaint"])
        self.env.cr.execute(
            """
            UPDATE ir_model_fields_selection s
               SET name = s.name - 'zh_CN'
              FROM ir_model_fields f
             WHERE f.id = s.field_id
               AND f.model = 'cs.complaint'
               AND f.name = 'sla_status'
            """
        )
        self.env.invalidate_all()
        self.env.registry.clear_cache()
        Complaint = self.env["cs.complaint"].with_context(lang="zh_CN")
        self.assertEqual(
            selection_labels(Complaint, "sla_status")["on_track"], "On Track"
        )
        # what Odoo runs when it installs or updates cs_complaint
        self.env["ir.module.module"]._load_module_terms(["cs_complaint"], ["zh_CN"])
        self.env.invalidate_all()
        self.env.registry.clear_cache()
        self.assertEqual(selection_labels(Complaint, "sla_status")["on_track"], "正常")
