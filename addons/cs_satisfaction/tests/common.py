# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from odoo import Command
from odoo.tests import new_test_user

from odoo.addons.cs_callback.tests.common import CsCallbackCommon

APRIL = date(2026, 4, 1)
MAY = date(2026, 5, 1)
# 1 April 2026 01:00 in Shanghai, still 31 March in UTC
FIRST_OF_APRIL = "2026-03-31 17:00:00"
# 1 May 2026 01:00 in Shanghai
FIRST_OF_MAY = "2026-04-30 17:00:00"
# 1 June 2026 01:00 in Shanghai
FIRST_OF_JUNE = "2026-05-31 17:00:00"


class CsSatisfactionCommon(CsCallbackCommon):
    """A survey of two rating questions (1-5), a plan sampling two silver
    and one gold member a month; silver members: four with an e-mail, one
    without; the gold member has no e-mail. The threshold is 3.5."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # levels of their own: members of demo data are never sampled
        Level = cls.env["cs.member.level"]
        cls.level_a = Level.create(
            {
                "name": "Survey A (test)",
                "code": "SA",
                "sequence": 900,
                "min_points": 10**8,
            }
        )
        cls.level_b = Level.create(
            {
                "name": "Survey B (test)",
                "code": "SB",
                "sequence": 901,
                "min_points": 2 * 10**8,
            }
        )
        cls.company.write(
            {
                "cs_satisfaction_threshold": 3.5,
                "cs_improvement_days": 30,
                "email": "service@example.com",
            }
        )
        cls.survey = cls.env["survey.survey"].create(
            {
                "title": "Satisfaction (test)",
                "access_mode": "token",
                "questions_layout": "one_page",
                "question_and_page_ids": [
                    Command.create(cls._scale("Attitude (test)", 1)),
                    Command.create(cls._scale("Speed (test)", 2)),
                ],
            }
        )
        cls.q_attitude, cls.q_speed = cls.survey.question_ids.sorted("sequence")
        # other members (demo data) must not be sampled: their level is off
        cls.silver_members = cls.env["res.partner"]
        for i in range(4):
            cls.silver_members |= cls._create_customer(
                f"Silver {i} (test)", level=cls.level_a
            )
        cls.silver_phone = cls._create_customer(
            "Silver phone (test)", agent=cls.agent_a, email=False, level=cls.level_a
        )
        cls.gold_phone = cls._create_customer(
            "Gold phone (test)", agent=cls.agent_a, email=False, level=cls.level_b
        )
        cls.department = cls.env["hr.department"].create(
            {"name": "After-sales (test)", "company_id": cls.company.id}
        )
        cls.dept_user = new_test_user(
            cls.env, "cs_sat_dept", groups="base.group_user", tz="Asia/Shanghai"
        )
        cls.env["hr.employee"].create(
            {
                "name": "Dept member (test)",
                "user_id": cls.dept_user.id,
                "department_id": cls.department.id,
                "company_id": cls.company.id,
            }
        )
        cls.plan = cls.env["cs.satisfaction.plan"].create(
            {
                "name": "Monthly survey (test)",
                "survey_id": cls.survey.id,
                "agent_ids": [Command.set(cls.agent_a.ids)],
                "owner_user_id": cls.internal_user.id,
                "line_ids": [
                    Command.create({"level_id": cls.level_a.id, "sample_size": 2}),
                    Command.create({"level_id": cls.level_b.id, "sample_size": 1}),
                ],
            }
        )
        cls.Run = cls.env["cs.satisfaction.run"]
        cls.Action = cls.env["cs.improvement.action"]
        cls.Result = cls.env["cs.satisfaction.result"]

    @classmethod
    def _scale(cls, title, sequence):
        return {
            "title": title,
            "sequence": sequence,
            "question_type": "scale",
            "scale_min": 1,
            "scale_max": 5,
        }

    def _answer(self, answers, scores):
        """Complete ``answers`` with ``scores`` ({question: [value per
        answer]})."""
        for question, values in scores.items():
            for answer, value in zip(answers, values, strict=True):
                answer._save_lines(question, str(value))
        answers._mark_done()

    def _manual_action(self, **vals):
        return self.Action.with_user(self.supervisor).create(
            dict(
                {
                    "name": "Slow replies (test)",
                    "user_id": self.internal_user.id,
                    "date_deadline": "2026-05-31",
                },
                **vals,
            )
        )
