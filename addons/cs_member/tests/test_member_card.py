# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from psycopg2 import IntegrityError

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, freeze_time
from odoo.tools import mute_logger

from .common import TODAY, CsMemberCommon


@freeze_time(TODAY)
class TestMemberCard(CsMemberCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.member = cls._create_member("Card Member", cls.agent_a)

    # ------------------------------------------------------------------
    # numbering and dates
    # ------------------------------------------------------------------

    def test_number_from_sequence_and_unique(self):
        card1 = self._create_card(self.member, activate=False)
        card2 = self._create_card(self.customer_a2, activate=False)
        self.assertTrue(card1.number.startswith("MC2026"), card1.number)
        self.assertTrue(card2.number.startswith("MC2026"), card2.number)
        self.assertNotEqual(card1.number, card2.number)
        self.assertEqual(card1.display_name, f"{card1.number} (Silver)")
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError):
            self._create_card(self.customer_b, activate=False, number=card1.number)

    def test_number_cannot_be_blank(self):
        with self.assertRaises(ValidationError):
            self._create_card(self.member, activate=False, number="   ")

    def test_date_end_from_company_validity(self):
        card = self._create_card(self.member, activate=False)
        self.assertEqual(card.date_start, self._date("2026-03-10"))
        self.assertEqual(card.date_end, self._date("2027-03-09"))
        self.company.cs_card_validity_months = 6
        card = self._create_card(self.customer_a2, activate=False)
        self.assertEqual(card.date_end, self._date("2026-09-09"))

    def test_date_end_from_level_validity_in_form(self):
        self.gold.validity_months = 24
        with Form(self.env["cs.member.card"]) as form:
            form.partner_id = self.member
            form.level_id = self.silver
            self.assertEqual(form.date_end, self._date("2027-03-09"))
            form.level_id = self.gold
            self.assertEqual(form.date_end, self._date("2028-03-09"))
            form.date_start = self._date("2026-04-01")
            self.assertEqual(form.date_end, self._date("2028-03-31"))
            # the end date stays editable (e.g. a promotional validity)
            form.date_end = self._date("2028-06-30")
        card = form.record
        self.assertEqual(card.date_end, self._date("2028-06-30"))
        self.assertEqual(card.state, "draft")
        self.assertTrue(card.number)

    def test_end_before_start_refused(self):
        card = self._create_card(self.member, activate=False)
        with self.assertRaisesText(ValidationError, "cannot end"):
            card.date_end = self._date("2026-03-09")
        # the database refuses it too
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError):
            self._create_card(self.customer_a2, activate=False, date_end="2026-01-01")

    # ------------------------------------------------------------------
    # lifecycle
    # ------------------------------------------------------------------

    def test_lifecycle(self):
        card = self._create_card(self.member, self.gold, activate=False)
        self.assertEqual(card.state, "draft")
        self.assertFalse(self.member.cs_is_member)
        Card = card.with_user(self.supervisor)
        Card.action_activate()
        self._end_request()
        self.assertEqual(card.state, "active")
        self.assertRecordValues(
            self.member,
            [
                {
                    "cs_card_id": card.id,
                    "cs_is_member": True,
                    "cs_level_id": self.gold.id,
                    "cs_card_date_end": self._date("2027-03-09"),
                }
            ],
        )
        Card.action_suspend()
        self._end_request()
        self.assertEqual(card.state, "suspended")
        self.assertFalse(self.member.cs_is_member)
        self.assertFalse(self.member.cs_card_id)
        self.assertFalse(self.member.cs_level_id)
        Card.action_resume()
        self._end_request()
        self.assertEqual(card.state, "active")
        self.assertEqual(self.member.cs_card_id, card)
        price = self.env.ref("cs_member.cs_member_loss_reason_price")
        Card.action_cancel(price.id)
        self.assertEqual(card.state, "cancelled")
        self.assertFalse(self.member.cs_is_member)
        self.assertFalse(self.member.cs_card_date_end)
        self.assertEqual(
            self._tracked_states(card),
            {
                ("Draft", "Active"),
                ("Active", "Suspended"),
                ("Suspended", "Active"),
                ("Active", "Cancelled"),
            },
        )

    def test_invalid_transitions(self):
        card = self._create_card(self.member, activate=False)
        with self.assertRaises(UserError):
            card.action_suspend()
        with self.assertRaises(UserError):
            card.action_resume()
        card.action_activate()
        with self.assertRaises(UserError):
            card.action_activate()
        with self.assertRaises(UserError):
            card.action_resume()
        card.action_cancel(self.env.ref("cs_member.cs_member_loss_reason_moved").id)
        with self.assertRaises(UserError):
            card.action_cancel()
        with self.assertRaises(UserError):
            card.action_activate()

    def test_cannot_activate_or_resume_past_end(self):
        card = self._create_card(
            self.member,
            activate=False,
            date_start="2025-01-01",
            date_end="2025-12-31",
        )
        with self.assertRaisesText(UserError, "cannot be activated"):
            card.action_activate()
        card2 = self._create_card(self.customer_a2, date_start="2025-06-01")
        card2.action_suspend()
        card2.date_end = "2026-03-09"
        with self.assertRaisesText(UserError, "renew it instead"):
            card2.action_resume()

    def test_one_active_card_per_member(self):
        card1 = self._create_card(self.member)
        card2 = self._create_card(self.member, self.gold, activate=False)
        with self.assertRaisesText(
            ValidationError, "already has an active member card"
        ):
            card2.with_user(self.supervisor).action_activate()
        self.assertEqual(card2.state, "draft")
        # a suspended card does not count, but cannot be resumed while another
        # card is active
        card1.action_suspend()
        card2.action_activate()
        with self.assertRaisesText(ValidationError, card2.number):
            card1.action_resume()
        # activating two cards of one member at once is refused too
        other = self._create_member("Twice Member")
        cards = self._create_card(other, activate=False) | self._create_card(
            other, activate=False
        )
        with self.assertRaisesText(ValidationError, "cannot be active together"):
            cards.action_activate()
        self.assertEqual(set(cards.mapped("state")), {"draft"})

    def test_one_active_card_database_index(self):
        self.env.cr.execute(
            "SELECT indexdef FROM pg_indexes WHERE indexname = %s",
            ["cs_member_card_one_active_idx"],
        )
        indexdef = self.env.cr.fetchone()[0]
        self.assertIn("UNIQUE", indexdef)
        self.assertIn("'active'", indexdef)
        card1 = self._create_card(self.member)
        card2 = self._create_card(self.member, activate=False)
        self.env.flush_all()
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError):
            self.env.cr.execute(
                "UPDATE cs_member_card SET state = 'active' WHERE id = %s",
                [card2.id],
            )
        self.assertEqual(card1.state, "active")

    # ------------------------------------------------------------------
    # renew / upgrade
    # ------------------------------------------------------------------

    def test_renew_active_card(self):
        card = self._create_card(self.member)
        action = card.with_user(self.supervisor).action_renew()
        new_card = self.env["cs.member.card"].browse(action["res_id"])
        self.assertEqual(action["res_model"], "cs.member.card")
        self.assertRecordValues(
            new_card,
            [
                {
                    "state": "draft",
                    "change_type": "renew",
                    "previous_card_id": card.id,
                    "partner_id": self.member.id,
                    "level_id": self.silver.id,
                    "date_start": self._date("2027-03-10"),
                    "date_end": self._date("2028-03-09"),
                }
            ],
        )
        self.assertEqual(card.next_card_ids, new_card)
        self.assertEqual(card.state, "active", "the old card is valid until activation")
        with self.assertRaisesText(UserError, "already has a successor"):
            card.action_renew()
        new_card.with_user(self.supervisor).action_activate()
        self.assertEqual(card.state, "expired")
        self.assertEqual(new_card.state, "active")
        self.assertEqual(self.member.cs_card_id, new_card)
        self.assertEqual(self.member.cs_card_date_end, self._date("2028-03-09"))
        # the old card stays in the history
        self.assertEqual(self.member.cs_card_ids, card | new_card)
        self.assertIn(("Active", "Expired"), self._tracked_states(card))

    def test_renew_expired_card_starts_today(self):
        card = self._create_card(
            self.member,
            activate=False,
            date_start="2025-01-01",
            state="expired",
        )
        self.assertEqual(card.date_end, self._date("2025-12-31"))
        action = card.action_renew()
        new_card = self.env["cs.member.card"].browse(action["res_id"])
        self.assertEqual(new_card.date_start, self._date("2026-03-10"))
        self.assertEqual(new_card.date_end, self._date("2027-03-09"))
        new_card.action_activate()
        self.assertEqual(card.state, "expired")
        self.assertEqual(self.member.cs_card_id, new_card)

    def test_renew_refused_for_draft_or_cancelled(self):
        card = self._create_card(self.member, activate=False)
        with self.assertRaises(UserError):
            card.action_renew()
        card.action_cancel()
        with self.assertRaises(UserError):
            card.action_renew()
        with self.assertRaises(UserError):
            card.action_upgrade()

    def test_upgrade_to_next_level_by_default(self):
        card = self._create_card(self.member, self.silver)
        action = card.action_upgrade()
        new_card = self.env["cs.member.card"].browse(action["res_id"])
        self.assertRecordValues(
            new_card,
            [
                {
                    "state": "draft",
                    "change_type": "upgrade",
                    "level_id": self.gold.id,
                    "previous_card_id": card.id,
                    "date_start": self._date("2026-03-10"),
                }
            ],
        )
        new_card.action_activate()
        self.assertEqual(card.state, "expired")
        self.assertEqual(self.member.cs_level_id, self.gold)

    def test_upgrade_to_chosen_level(self):
        card = self._create_card(self.member, self.silver)
        action = card.action_upgrade(level=self.diamond)
        new_card = self.env["cs.member.card"].browse(action["res_id"])
        self.assertEqual(new_card.level_id, self.diamond)
        # the level of an upgrade cannot be lowered afterwards
        with self.assertRaisesText(ValidationError, "higher level"):
            new_card.level_id = self.silver

    def test_upgrade_requires_higher_level(self):
        card = self._create_card(self.member, self.gold)
        for level in (self.silver, self.gold):
            with self.subTest(level=level.name):
                with self.assertRaisesText(ValidationError, "higher level"):
                    card.action_upgrade(level=level)
        self.assertFalse(card.next_card_ids)

    def test_highest_level_cannot_be_upgraded(self):
        card = self._create_card(self.member, self.diamond)
        with self.assertRaisesText(UserError, "highest member level"):
            card.action_upgrade()

    # ------------------------------------------------------------------
    # rights
    # ------------------------------------------------------------------

    def test_agent_prepares_but_does_not_issue(self):
        card = self._create_card(self.member)
        as_agent = card.with_user(self.agent_a)
        renewal = self.env["cs.member.card"].browse(as_agent.action_renew()["res_id"])
        self.assertEqual(renewal.state, "draft")
        self.assertEqual(renewal.create_uid, self.agent_a)
        renewal.action_cancel()
        upgrade = self.env["cs.member.card"].browse(as_agent.action_upgrade()["res_id"])
        self.assertEqual(upgrade.level_id, self.gold)
        for method in ("action_activate", "action_cancel"):
            with self.subTest(method=method), self.assertRaises(AccessError):
                getattr(upgrade.with_user(self.agent_a), method)()
        for method in ("action_suspend", "action_cancel"):
            with self.subTest(method=method), self.assertRaises(AccessError):
                getattr(as_agent, method)()
        card.action_suspend()
        with self.assertRaises(AccessError):
            as_agent.action_resume()
        with self.assertRaises(AccessError):
            as_agent.write({"state": "active"})
        self.assertEqual(upgrade.state, "draft")
        self.assertEqual(card.state, "suspended")

    def test_agent_cannot_issue_through_create_or_write(self):
        Card = self.env["cs.member.card"].with_user(self.agent_a)
        with self.assertRaises(AccessError):
            Card.create(
                {
                    "partner_id": self.member.id,
                    "level_id": self.gold.id,
                    "state": "active",
                }
            )
        # a draft card is a request: the agent may prepare it
        draft = Card.create({"partner_id": self.member.id, "level_id": self.gold.id})
        self.assertEqual(draft.state, "draft")
        draft.date_end = "2027-12-31"
        # an issued card's level and validity change only with a supervisor
        card = self._create_card(self.customer_a)
        for vals in (
            {"level_id": self.diamond.id},
            {"date_end": "2030-12-31"},
            {"fee": 0.0},
        ):
            with self.subTest(vals=vals), self.assertRaises(AccessError):
                card.with_user(self.agent_a).write(vals)
        card.with_user(self.supervisor).date_end = "2027-06-30"
        self.assertEqual(card.date_end, self._date("2027-06-30"))

    def test_supervisor_runs_the_lifecycle(self):
        card = self._create_card(self.member, activate=False)
        as_sup = card.with_user(self.supervisor)
        as_sup.action_activate()
        as_sup.action_suspend()
        as_sup.action_resume()
        as_sup.action_cancel(self.env.ref("cs_member.cs_member_loss_reason_other").id)
        self.assertEqual(card.state, "cancelled")

    def test_only_admin_deletes_cards(self):
        card = self._create_card(self.member, activate=False)
        for user in (self.agent_a, self.supervisor, self.manager):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                card.with_user(user).unlink()
        # even with the right to delete, the model itself refuses anyone but
        # an administrator
        with self.assertRaisesText(UserError, "never deleted"):
            card.with_user(self.manager)._unlink_except_issued()
        card.with_user(self.admin_user).unlink()
        self.assertFalse(card.exists())

    def test_issued_card_member_and_number_locked(self):
        draft = self._create_card(self.member, activate=False)
        draft.write({"number": "MC-MANUAL-1", "partner_id": self.customer_a2.id})
        self.assertEqual(draft.number, "MC-MANUAL-1")
        card = self._create_card(self.member)
        for vals in ({"partner_id": self.customer_a2.id}, {"number": "MC-OTHER"}):
            with (
                self.subTest(vals=vals),
                self.assertRaisesText(UserError, "cannot be changed"),
            ):
                card.write(vals)
        self.assertEqual(card.partner_id, self.member)

    def test_state_changes_in_chatter(self):
        card = self._create_card(self.member, activate=False)
        card.action_activate()
        self.assertIn(("Draft", "Active"), self._tracked_states(card))
        self._end_request()
        renewal = self.env["cs.member.card"].browse(card.action_renew()["res_id"])
        self._end_request()
        self.assertTrue(
            card.message_ids.filtered(lambda m: renewal.number in (m.body or ""))
        )
        renewal.action_activate()
        self.assertIn(("Active", "Expired"), self._tracked_states(card))
        self.assertTrue(
            card.message_ids.filtered(
                lambda m: "Replaced by card" in (m.body or "")
                and renewal.number in m.body
            )
        )

    def test_view_history_action(self):
        card = self._create_card(self.member)
        self.assertEqual(
            card.action_view_history()["domain"],
            [("partner_id", "=", self.member.id)],
        )
