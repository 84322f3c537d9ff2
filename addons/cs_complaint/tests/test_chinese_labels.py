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
