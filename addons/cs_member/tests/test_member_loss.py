# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, tagged

from .common import CsMemberCommon


@tagged("post_install", "-at_install")
class TestMemberLoss(CsMemberCommon):
    """Lost members (D10): a reason on every cancelled or lapsed card, and the
    monthly movements with the renewal rate."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.partner_id.tz = "Asia/Shanghai"
        if "resource_calendar_id" in cls.company._fields:
            cls.company.resource_calendar_id.tz = "Asia/Shanghai"
        cls.price = cls.env.ref("cs_member.cs_member_loss_reason_price")
        cls.competitor = cls.env.ref("cs_member.cs_member_loss_reason_competitor")
        cls.lapsed = cls.env.ref("cs_member.cs_member_loss_reason_lapsed")
        cls.Report = cls.env["cs.member.movement.report"]

    def test_cancel_asks_the_reason(self):
        card = self._create_card(self.customer_a)
        as_sup = card.with_user(self.supervisor)
        action = as_sup.action_cancel()
        self.assertEqual(action["res_model"], "cs.member.card.cancel.wizard")
        self.assertEqual(card.state, "active")
        with Form(
            self.env["cs.member.card.cancel.wizard"]
            .with_user(self.supervisor)
            .with_context(**action["context"])
        ) as wizard:
            wizard.loss_reason_id = self.competitor
            wizard.loss_note = "Cheaper card at the mall next door"
        wizard.record.action_confirm()
        self.assertEqual(card.state, "cancelled")
        self.assertEqual(card.loss_reason_id, self.competitor)
        self.assertEqual(card.loss_note, "Cheaper card at the mall next door")
        self.assertEqual(card.date_lost, self.company._cs_today())

    def test_cancel_draft_needs_no_reason(self):
        card = self._create_card(self.customer_a, activate=False)
        self.assertTrue(card.with_user(self.supervisor).action_cancel())
        self.assertEqual(card.state, "cancelled")
        self.assertFalse(card.date_lost)

    def test_agent_cannot_cancel_nor_write_the_reason(self):
        card = self._create_card(self.customer_a)
        with self.assertRaises(AccessError):
            card.with_user(self.agent_a).action_cancel(self.price.id)
        for vals in (
            {"loss_reason_id": self.price.id},
            {"date_lost": "2026-03-01"},
            {"loss_note": "x"},
        ):
            for user in (self.agent_a, self.supervisor, self.manager):
                with (
                    self.subTest(vals=vals, user=user.login),
                    self.assertRaises(AccessError),
                ):
                    card.with_user(user).write(vals)
        self.assertEqual(card.state, "active")

    def test_lapse_records_default_reason_and_asks_the_agent(self):
        self.env.user.tz = "UTC"
        with freeze_time("2026-03-10 04:00:00"):
            card = self._create_card(self.customer_a, date_start="2025-04-01")
        self.assertEqual(card.date_end, date(2026, 3, 31))
        # 23:00 on 31 March in Beijing: still valid
        with freeze_time("2026-03-31 15:00:00"):
            self.Card_cron()
        self.assertEqual(card.state, "active")
        # 01:00 on 1 April in Beijing, still 31 March in UTC: it lapsed on
        # the company's 1 April
        with freeze_time("2026-03-31 17:00:00"):
            self.Card_cron()
        self.assertEqual(card.state, "expired")
        self.assertEqual(card.loss_reason_id, self.lapsed)
        self.assertEqual(card.date_lost, date(2026, 4, 1))
        activity = card.activity_ids
        self.assertEqual(activity.user_id, self.agent_a)
        self.assertEqual(
            activity.activity_type_id,
            self.env.ref("cs_member.mail_activity_type_loss_reason"),
        )
        # the lapse counts in April, not in March
        march = self._lost_of(self.agent_a, date(2026, 3, 1), date(2026, 3, 31))
        april = self._lost_of(self.agent_a, date(2026, 4, 1), date(2026, 4, 30))
        self.assertEqual((march, april), (0, 1))
        # another team's agent may not record it; the member's agent does
        with self.assertRaises(AccessError):
            card.with_user(self.agent_b).action_open_loss_reason_wizard()
        card.with_user(self.agent_a).action_record_loss_reason(self.price.id, "Fee")
        self.assertEqual(card.loss_reason_id, self.price)
        card.invalidate_recordset(["activity_ids"])
        self.assertFalse(card.activity_ids)
        with self.assertRaises(UserError):
            self._create_card(self.customer_b).with_user(
                self.supervisor
            ).action_record_loss_reason(self.price.id)

    def test_renewal_on_its_way_is_not_a_loss(self):
        with freeze_time("2026-03-10 04:00:00"):
            card = self._create_card(self.customer_a, date_start="2025-04-01")
            card.action_renew()
        with freeze_time("2026-04-02 04:00:00"):
            self.Card_cron()
        self.assertEqual(card.state, "expired")
        self.assertFalse(card.loss_reason_id)
        self.assertFalse(card.activity_ids)

    def _lost_of(self, agent, date_from, date_to):
        lines = self.Report._cs_movements(
            self.company, date_from, date_to, groupby="agent"
        )
        return lines.get(agent.id, {}).get("lost", 0)

    def Card_cron(self):
        return self.env["cs.member.card"]._cron_expire_cards()

    def test_movements_by_level_and_agent(self):
        """March 2026: one new silver, one renewal and one upgrade, one loss;
        three cards due in March of which two renewed. (Figures are compared
        with those before, as the database may hold other cards.)"""
        march = (self.company, date(2026, 3, 1), date(2026, 3, 31))
        before = self.Report._cs_movements(*march)[None]
        reasons_before = self.Report._cs_loss_reasons(*march).get(None, {})
        m1 = self._create_member("Loss One", self.agent_a)
        m2 = self._create_member("Loss Two", self.agent_a)
        m3 = self._create_member("Loss Three", self.agent_b)
        m4 = self._create_member("Loss Four", self.agent_b)
        with freeze_time("2026-03-10 04:00:00"):
            self._create_card(m4, date_start="2026-03-10")
            old1 = self._create_card(m1, date_start="2025-03-20")
            renewal = self.env["cs.member.card"].browse(old1.action_renew()["res_id"])
            renewal.action_activate()
            old2 = self._create_card(m2, date_start="2025-03-25")
            upgrade = self.env["cs.member.card"].browse(
                old2.action_upgrade(self.gold)["res_id"]
            )
            upgrade.action_activate()
            lost = self._create_card(m3, date_start="2025-03-15")
            lost.action_cancel(self.price.id)
        self.assertEqual(renewal.date_start, date(2026, 3, 20))
        movements = self.Report._cs_movements(*march)[None]
        for kind, delta in (
            ("new", 1),
            ("renew", 1),
            ("upgrade", 1),
            ("lost", 1),
            ("due", 3),
            ("due_renewed", 2),
        ):
            with self.subTest(kind=kind):
                self.assertEqual(movements[kind] - before[kind], delta)
        by_agent = self.Report._cs_movements(
            self.company, date(2026, 3, 1), date(2026, 3, 31), groupby="agent"
        )
        self.assertEqual(by_agent[self.agent_a.id]["renewal_rate"], 100.0)
        self.assertEqual(by_agent[self.agent_b.id]["renewal_rate"], 0.0)
        self.assertEqual(by_agent[self.agent_b.id]["new"], 1)
        by_level = self.Report._cs_movements(
            self.company, date(2026, 3, 1), date(2026, 3, 31), groupby="level"
        )
        self.assertEqual(by_level[self.gold.id]["upgrade"], 1)
        self.assertEqual(by_agent[self.agent_a.id]["due"], 2)
        reasons = self.Report._cs_loss_reasons(*march)
        self.assertEqual(
            reasons[None][self.price] - reasons_before.get(self.price, 0), 1
        )
        # the pivot reads the same rows
        count = self.Report.search_count(
            [
                ("company_id", "=", self.company.id),
                ("date", ">=", "2026-03-01"),
                ("date", "<=", "2026-03-31"),
                ("kind", "=", "lost"),
                ("user_id", "=", self.agent_b.id),
            ]
        )
        self.assertEqual(count, 1)
        wizard = (
            self.env["cs.member.movement.report.wizard"]
            .with_user(self.supervisor)
            .create(
                {
                    "date_from": "2026-03-01",
                    "date_to": "2026-03-31",
                    "groupby": "agent",
                }
            )
        )
        data = wizard._get_data()
        self.assertEqual(data["total"]["lost"], movements["lost"])
        self.assertIn(
            (self.agent_a.name, 100.0),
            [(row["name"], row["renewal_rate"]) for row in data["rows"]],
        )
        logs_before = self.env["cs.export.log"].search([])
        self.assertTrue(wizard.action_export_xlsx()["url"])
        log = self.env["cs.export.log"].search([]) - logs_before
        self.assertEqual(len(log), 1)
        self.assertEqual(
            (log.user_id, log.model, log.row_count, log.company_id),
            (
                self.supervisor,
                "cs.member.movement.report",
                len(data["rows"]),
                self.company,
            ),
        )
        self.assertIn("Renewal Rate", log.field_names)
        html = self.env["ir.actions.report"]._render_qweb_html(
            "cs_member.action_report_member_movements", wizard.ids
        )[0]
        self.assertIn(b"100.0 %", html)

    def test_default_period_is_the_company_month(self):
        """The wizard's default period is the company's month: on 1 April
        01:00 in Shanghai (still 31 March in UTC) it is April."""
        with freeze_time("2026-03-31 17:00:00"):
            wizard = (
                self.env["cs.member.movement.report.wizard"]
                .with_user(self.supervisor)
                .create({})
            )
            self.assertEqual(
                (wizard.date_from, wizard.date_to),
                (date(2026, 4, 1), date(2026, 4, 30)),
            )
            self.assertEqual(
                self.company._cs_month_span(12, to_today=True),
                (date(2025, 5, 1), date(2026, 4, 1)),
            )
            self.assertEqual(
                self.company._cs_month_span(3), (date(2026, 2, 1), date(2026, 4, 30))
            )

    def test_period_must_not_end_before_it_starts(self):
        Wizard = self.env["cs.member.movement.report.wizard"].with_user(self.supervisor)
        with self.assertRaisesRegex(ValidationError, "on or before the end date"):
            Wizard.create({"date_from": "2026-04-01", "date_to": "2026-03-31"})
        wizard = Wizard.create({"date_from": "2026-04-01", "date_to": "2026-04-01"})
        self.assertEqual(wizard.date_from, wizard.date_to)

    def test_report_access(self):
        self.Report.with_user(self.supervisor).search([])
        for user in (self.agent_a, self.quality, self.internal_user):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                self.Report.with_user(user).search([])
        with self.assertRaises(AccessError):
            self.env["cs.member.movement.report.wizard"].with_user(self.agent_a).create(
                {}
            )
        with self.assertRaises(AccessError):
            self.env["cs.member.loss.reason"].with_user(self.supervisor).create(
                {"name": "Test"}
            )
        self.env["cs.member.loss.reason"].with_user(self.manager).create(
            {"name": "Test"}
        )
