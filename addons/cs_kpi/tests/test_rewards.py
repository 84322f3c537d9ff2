# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from psycopg2 import IntegrityError

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, freeze_time
from odoo.tools import mute_logger

from .common import CsKpiCommon, local

# REQUIREMENTS E4 and H3: every discipline fine of the documents, with its
# amount range (0 as maximum: "and more"), or its basis and multiple
FINES = {
    # E4
    "chatting": (5, 10, "range", 0),
    "sleeping": (50, 100, "range", 0),
    "impolite": (5, 10, "range", 0),
    "insult": (100, 0, "range", 0),
    "altering": (50, 0, "range", 0),
    # H3
    "absence": (0, 0, "day_wage", 3),
    "dress": (10, 20, "range", 0),
    "insubordination": (50, 0, "range", 0),
    "fighting": (200, 0, "range", 0),
    "found_items": (0, 0, "dismissal", 0),
    "property": (0, 0, "compensation", 0),
    "taking_money": (0, 0, "double", 2),
    "headcount": (100, 0, "range", 0),
    "cleaning": (5, 10, "range", 0),
    "forms": (5, 10, "range", 0),
}
CHINESE = {
    "chatting": "上班时间闲聊或接打私人电话",
    "absence": "无故旷工（每天）",
    "dress": "未按规定着装",
    "insubordination": "不服从上级安排",
    "fighting": "骂人、打架或赌博",
    "found_items": "拾物不交",
    "property": "损坏公司财物",
    "taking_money": "收受客户钱物",
    "headcount": "虚报人数",
    "cleaning": "卫生清洁不合格",
    "forms": "表格填写错误",
}


class TestFineCatalogue(CsKpiCommon):
    """The discipline fines of the documents (E4, H3) are all shipped."""

    def test_every_fine_of_the_documents(self):
        for code, (low, high, basis, factor) in FINES.items():
            fine = self.env.ref(f"cs_kpi.cs_kpi_fine_type_{code}")
            self.assertEqual(
                (fine.amount_min, fine.amount_max, fine.basis, fine.factor),
                (low, high, basis, factor),
                code,
            )

    def test_chinese_names(self):
        self.env["res.lang"]._activate_lang("zh_CN")
        self.env["ir.module.module"]._load_module_terms(["cs_kpi"], ["zh_CN"])
        for code, name in CHINESE.items():
            fine = self.env.ref(f"cs_kpi.cs_kpi_fine_type_{code}")
            self.assertEqual(fine.with_context(lang="zh_CN").name, name)

    def test_fine_not_in_a_range(self):
        """A fine of a day's wage, of the damage or of the money taken has
        no range: the supervisor types the amount."""
        absence = self.env.ref("cs_kpi.cs_kpi_fine_type_absence")
        fine = (
            self.env["cs.kpi.event"]
            .with_user(self.supervisor)
            .create(
                {
                    "employee_id": self.emp_agent_a.id,
                    "kind": "fine",
                    "fine_type_id": absence.id,
                    "amount": 450,
                    "reason": "Absent on 3 April without leave",
                }
            )
        )
        self.assertEqual(fine.amount, 450)


class TestPenaltyLoss(CsKpiCommon):
    """The loss to be compensated by the person at fault (D7) goes with the
    penalty into the ledger."""

    def test_loss_booked_with_the_penalty(self):
        with freeze_time(local("2026-04-08 10:00")):
            complaint = self._advance(self._create_complaint(), "investigating")
            penalty = (
                self.env["cs.complaint.penalty"]
                .with_user(self.supervisor)
                .create(
                    {
                        "complaint_id": complaint.id,
                        "employee_id": self.emp_agent_a.id,
                        "amount": 300,
                        "loss_amount": 1200,
                        "reason": "Broke the customer's screen",
                    }
                )
            )
            with self.assertRaises(ValidationError):
                penalty.loss_amount = -5
            penalty.with_user(self.manager).action_confirm()
        event = self.env["cs.kpi.event"].search([("penalty_id", "=", penalty.id)])
        self.assertEqual((event.amount, event.loss_amount), (300, 1200))
        # and on the complaint's handling form (客户投诉处理表)
        html, _kind = (
            self.env["ir.actions.report"]
            .with_user(self.supervisor)
            ._render_qweb_html(
                "cs_complaint.action_report_complaint_handling", complaint.ids
            )
        )
        self.assertIn("Loss to Compensate", html.decode())
        self.assertIn("1,200.00", html.decode())
        # confirmed: the loss is fixed, as in the ledger
        with self.assertRaises(UserError):
            penalty.with_user(self.manager).loss_amount = 100
        with self.assertRaises(UserError):
            event.with_user(self.manager).loss_amount = 100


@freeze_time(local("2026-04-20 10:00"))
class TestNominations(CsKpiCommon):
    """Colleagues nominate the star of the month (D8): any internal user,
    once a month, a colleague and not themselves."""

    def _nominate(self, user, employee, reason="Stayed late for a customer"):
        return (
            self.env["cs.kpi.nomination"]
            .with_user(user)
            .create({"employee_id": employee.id, "reason": reason})
        )

    def test_any_internal_user_once_a_month(self):
        nomination = self._nominate(self.internal_user, self.emp_agent_a)
        self.assertEqual(str(nomination.month), "2026-04-01")
        self.assertEqual(nomination.nominator_id, self.internal_user)
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError):
            with self.env.cr.savepoint():
                self._nominate(self.internal_user, self.emp_agent_a2)
        with freeze_time(local("2026-05-02 10:00")):
            self.assertEqual(
                str(self._nominate(self.internal_user, self.emp_agent_a2).month),
                "2026-05-01",
            )

    def test_month_is_the_company_s(self):
        """1 May 01:00 in Shanghai is still 30 April in UTC: a May
        nomination."""
        with freeze_time(local("2026-05-01 01:00")):
            nomination = self._nominate(self.agent_b, self.emp_agent_a)
        self.assertEqual(str(nomination.month), "2026-05-01")

    def test_not_oneself(self):
        with self.assertRaisesText(ValidationError, "not yourself"):
            self._nominate(self.agent_a, self.emp_agent_a)

    def test_nominator_and_month_set_by_the_server(self):
        Nomination = self.env["cs.kpi.nomination"].with_user(self.agent_b)
        vals = {"employee_id": self.emp_agent_a.id, "reason": "Kind"}
        with self.assertRaises(AccessError):
            Nomination.create(dict(vals, nominator_id=self.agent_a2.id))
        with self.assertRaises(AccessError):
            Nomination.create(dict(vals, month="2026-03-01"))
        nomination = Nomination.create(vals)
        with self.assertRaises(AccessError):
            nomination.write({"nominator_id": self.agent_a2.id})

    def test_who_sees_and_changes(self):
        nomination = self._nominate(self.agent_b, self.emp_agent_a)
        # the nominator edits and withdraws their own within the month
        nomination.with_user(self.agent_b).reason = "Very kind"
        # a colleague neither reads nor changes it
        with self.assertRaises(AccessError):
            nomination.with_user(self.agent_a2).read(["reason"])
        with self.assertRaises(AccessError):
            nomination.with_user(self.agent_a2).write({"reason": "Hacked"})
        # the supervisor of the nominee's department reads it
        nomination.with_user(self.supervisor).read(["reason"])
        # the manager reads all, but does not rewrite a colleague's words
        nomination.with_user(self.manager).read(["reason"])
        with self.assertRaises(AccessError):
            nomination.with_user(self.manager).write({"reason": "Other"})
        with self.assertRaises(AccessError):
            nomination.with_user(self.manager).unlink()
        # a past month's nomination is fixed
        with freeze_time(local("2026-05-02 10:00")):
            with self.assertRaises(AccessError):
                nomination.with_user(self.agent_b).write({"reason": "Later"})
            with self.assertRaises(AccessError):
                nomination.with_user(self.agent_b).unlink()
        nomination.with_user(self.agent_b).unlink()
        self.assertFalse(nomination.exists())


@freeze_time(local("2026-05-03 10:00"))
class TestStarOfTheMonth(CsKpiCommon):
    """The manager chooses the star of the month from the scorecards, the
    customers' praise and the colleagues' nominations (D8)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        for day in range(1, 4):
            cls._done_callback(cls.agent_a, cls.customer_a, f"2026-04-0{day} 10:00", 5)
        cls._event(cls.emp_agent_a2, "praise")
        cls._event(cls.emp_agent_a2, "praise")
        Nomination = cls.env["cs.kpi.nomination"]
        with freeze_time(local("2026-04-20 10:00")):
            for user in (cls.internal_user, cls.agent_b):
                Nomination.with_user(user).create(
                    {"employee_id": cls.emp_agent_a2.id, "reason": "Patient"}
                )
        cls.env.flush_all()
        cls.period.with_user(cls.supervisor).action_compute()

    def _wizard(self, user=None):
        return Form(
            self.env["cs.kpi.star.wizard"]
            .with_user(user or self.manager)
            .with_context(default_period_id=self.period.id)
        )

    def test_candidates(self):
        self.period.with_user(self.manager).action_confirm()
        lines = {
            line["employee"]: line
            for line in self.period._cs_star_candidates()["lines"]
        }
        a2 = lines[self.emp_agent_a2]
        self.assertEqual((a2["praise"], a2["nominations"]), (2, 2))
        self.assertEqual(lines[self.emp_agent_a]["nominations"], 0)
        self.assertEqual(self.period.nomination_count, 2)
        wizard = self._wizard()
        self.assertEqual(
            len(wizard.line_ids), len(self.period._cs_star_candidates()["lines"])
        )

    def test_manager_chooses(self):
        self.period.with_user(self.manager).action_confirm()
        form = self._wizard()
        form.employee_id = self.emp_agent_a2
        form.amount = 150
        form.save().action_choose()
        self.assertEqual(self.period.star_employee_id, self.emp_agent_a2)
        event = self.period.star_event_id
        self.assertEqual(
            (event.employee_id, event.kind, event.amount, event.state),
            (self.emp_agent_a2, "reward", 150, "confirmed"),
        )
        self.assertEqual(str(event.date), "2026-04-30")
        self.assertIn("Star of the month", self.period.message_ids[0].body)
        # once a month
        with self.assertRaisesText(UserError, "chosen already"):
            self.period.with_user(self.manager).action_choose_star(self.emp_agent_a.id)

    def test_only_the_manager_once_confirmed(self):
        with self.assertRaisesText(UserError, "once its assessment is confirmed"):
            self.period.with_user(self.manager).action_choose_star(self.emp_agent_a.id)
        self.period.with_user(self.manager).action_confirm()
        for user in (self.supervisor, self.agent_a):
            with self.assertRaises(AccessError):
                self.period.with_user(user).action_choose_star(self.emp_agent_a.id)
        # nor by writing the month
        with self.assertRaises(AccessError):
            self.period.with_user(self.manager).write(
                {"star_employee_id": self.emp_agent_a.id}
            )
        # and among the candidates only
        outsider = self.env["hr.employee"].create({"name": "Outsider (test)"})
        with self.assertRaisesText(UserError, "among the candidates"):
            self.period.with_user(self.manager).action_choose_star(outsider.id)


class TestHalfYearSatisfaction(CsKpiCommon):
    """The half-year reward also goes to the best callback satisfaction
    (D8), the figure of cs.callback.figures."""

    def _propose(self, **vals):
        wizard = (
            self.env["cs.kpi.reward.wizard"]
            .with_user(self.supervisor)
            .create(
                dict(
                    {
                        "date_from": "2024-01-01",
                        "date_to": "2024-06-30",
                        "min_answered": 3,
                        "satisfaction_amount": 250,
                    },
                    **vals,
                )
            )
        )
        action = wizard.action_propose()
        return self.env["cs.kpi.event"].browse(action["domain"][0][2])

    def test_best_satisfaction_rewarded(self):
        for day in ("10", "11", "12"):
            self._done_callback(self.agent_a, self.customer_a, f"2024-03-{day} 10:00")
        for day, score in (("10", 5), ("11", 5), ("12", 2)):
            self._done_callback(
                self.agent_a2, self.customer_a2, f"2024-03-{day} 10:00", score
            )
        # more satisfied answers, but too few
        for day in ("10", "11"):
            self._done_callback(self.agent_b, self.customer_b, f"2024-03-{day} 10:00")
        self.env.flush_all()
        rewards = self._propose()
        self.assertEqual(rewards.employee_id, self.emp_agent_a)
        self.assertEqual((rewards.amount, rewards.state), (250, "draft"))
        self.assertIn("3 satisfied of 3 answers", rewards.reason)
        # proposing again adds nothing
        self.assertFalse(self._propose())

    def test_no_answers_no_reward(self):
        self.assertFalse(self._propose())
