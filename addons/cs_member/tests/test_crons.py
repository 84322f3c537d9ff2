# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from unittest.mock import patch

from odoo.tests import freeze_time

from .common import CsMemberCommon


class TestCrons(CsMemberCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Card = cls.env["cs.member.card"]
        cls.expiry_template = cls.env.ref("cs_member.mail_template_card_expiry")
        cls.birthday_template = cls.env.ref("cs_member.mail_template_birthday")

    def _active_card(self, name, date_start, level=None, **partner_vals):
        """An active card created directly in that state (as if activated on
        ``date_start``), for a new member."""
        partner = self._create_member(name, self.agent_a, **partner_vals)
        return self._create_card(
            partner, level, date_start=date_start, activate=False, state="active"
        )

    def _mails(self, records):
        return self.env["mail.mail"].search(
            [("model", "=", records._name), ("res_id", "in", records.ids)]
        )

    def _patch_hook(self, model, method):
        return patch.object(
            self.registry[model], method, autospec=True, return_value=True
        )

    @staticmethod
    def _hook_records(mock):
        """Records the patched hook was called with, over all its calls."""
        records = None
        for call in mock.call_args_list:
            records = call.args[0] if records is None else records | call.args[0]
        return records

    # ------------------------------------------------------------------
    # expiry
    # ------------------------------------------------------------------

    @freeze_time("2026-03-10 12:00:00")
    def test_expire_cards(self):
        # cards from earlier days already past their end date are expired first,
        # so that only this test's cards are left
        self.Card._cron_expire_cards()
        past = self._active_card("Past 1", "2025-03-01")  # ended 2026-02-28
        past |= self._active_card("Past 2", "2025-03-10")  # ended yesterday
        suspended = self._active_card("Past Suspended", "2025-03-05")
        suspended.action_suspend()
        ends_today = self._active_card("Ends Today", "2025-03-11")
        self.assertEqual(ends_today.date_end, self._date("2026-03-10"))
        future = self._active_card("Future", "2026-01-01")
        draft = self._create_card(
            self._create_member("Past Draft"), date_start="2025-01-01", activate=False
        )
        self.assertTrue(past.partner_id[0].cs_is_member)

        first = self.Card._cron_expire_cards(batch_size=2)
        self.assertEqual(len(first), 2)
        second = self.Card._cron_expire_cards(batch_size=2)
        self.assertEqual(len(second), 1)
        self.assertEqual(first | second, past | suspended)
        self.assertEqual(set((past | suspended).mapped("state")), {"expired"})
        self.assertEqual((ends_today | future).mapped("state"), ["active", "active"])
        self.assertEqual(draft.state, "draft")
        self.assertFalse(past.partner_id.filtered("cs_is_member"))
        self.assertTrue(ends_today.partner_id.cs_is_member)
        self.assertIn(("Active", "Expired"), self._tracked_states(past[0]))

        # idempotent: nothing left to do
        self.assertFalse(self.Card._cron_expire_cards())
        self.assertEqual(set((past | suspended).mapped("state")), {"expired"})

        # the next day, the card that ended today expires
        with freeze_time("2026-03-11 12:00:00"):
            self.assertEqual(self.Card._cron_expire_cards(), ends_today)
        self.assertEqual(ends_today.state, "expired")

    @freeze_time("2026-03-10 12:00:00")
    def test_scheduled_actions_run(self):
        """The scheduled actions shipped in the data file call existing methods
        and report their progress."""
        card = self._active_card("Cron Past", "2025-01-01")
        for xmlid in (
            "cs_member.ir_cron_expire_cards",
            "cs_member.ir_cron_remind_expiring_cards",
            "cs_member.ir_cron_upgrade_levels",
            "cs_member.ir_cron_birthday_greetings",
        ):
            with self.subTest(cron=xmlid):
                self.env.ref(xmlid).method_direct_trigger()
        self.assertEqual(card.state, "expired")

    # ------------------------------------------------------------------
    # expiry reminder
    # ------------------------------------------------------------------

    @freeze_time("2026-03-10 12:00:00")
    def test_remind_expiring(self):
        # start_date + 12 months - 1 day = end date
        in_range = self._active_card("Ends In 30 Days", "2025-04-10")  # 2026-04-09
        today = self._active_card("Ends Today R", "2025-03-11")  # 2026-03-10
        later = self._active_card("Ends In 31 Days", "2025-04-11")  # 2026-04-10
        renewed = self._active_card("Renewed", "2025-03-21")  # 2026-03-20
        renewed.action_renew()
        cancelled_renewal = self._active_card("Renewal Cancelled", "2025-03-22")
        self.Card.browse(cancelled_renewal.action_renew()["res_id"]).action_cancel()
        suspended = self._active_card("Suspended R", "2025-03-23")
        suspended.action_suspend()
        no_email = self._active_card("No Email", "2025-03-24", email=False)
        mine = in_range | today | later | renewed | cancelled_renewal | suspended
        mine |= no_email
        expected = in_range | today | cancelled_renewal | no_email

        with self._patch_hook("cs.member.card", "_cs_on_expiry_reminder") as hook:
            reminded = self.Card._cron_remind_expiring()
        self.assertEqual(reminded & mine, expected)
        self.assertEqual(self._hook_records(hook) & mine, expected)
        self.assertEqual(
            set(expected.mapped("date_reminded")), {self._date("2026-03-10")}
        )
        self.assertFalse((later | renewed | suspended).filtered("date_reminded"))
        mails = self._mails(mine)
        self.assertEqual(len(mails), 3)
        self.assertEqual(
            set(mails.mapped("res_id")),
            set((in_range | today | cancelled_renewal).ids),
        )
        mail = mails.filtered(lambda m: m.res_id == in_range.id)
        self.assertEqual(mail.recipient_ids, in_range.partner_id)
        self.assertIn(in_range.number, mail.subject)
        self.assertIn("2026", mail.subject)

        # the next day: no second reminder; the 31-day card enters the window
        with freeze_time("2026-03-11 12:00:00"):
            with self._patch_hook("cs.member.card", "_cs_on_expiry_reminder") as hook:
                reminded = self.Card._cron_remind_expiring()
        self.assertEqual(reminded & mine, later)
        self.assertEqual(self._hook_records(hook) & mine, later)
        self.assertEqual(len(self._mails(mine)), 4)
        self.assertEqual(len(self._mails(in_range)), 1)

    @freeze_time("2026-03-10 12:00:00")
    def test_remind_expiring_delay_per_company(self):
        self.company.cs_expiry_reminder_days = 5
        card = self._active_card("Ends In 6 Days", "2025-03-17")  # 2026-03-16
        soon = self._active_card("Ends In 5 Days", "2025-03-16")  # 2026-03-15
        reminded = self.Card._cron_remind_expiring()
        self.assertEqual(reminded & (card | soon), soon)

    # ------------------------------------------------------------------
    # birthdays
    # ------------------------------------------------------------------

    def _member_born(self, name, birthday, member=True, **vals):
        partner = self._create_member(name, self.agent_a, cs_birthday=birthday, **vals)
        if member:
            self._create_card(
                partner, date_start="2026-01-01", activate=False, state="active"
            )
        return partner

    def _greet(self):
        with self._patch_hook("res.partner", "_cs_on_birthday") as hook:
            greeted = self.env["res.partner"]._cron_birthday_greetings()
        return greeted, self._hook_records(hook)

    def test_birthday_greetings(self):
        with freeze_time("2026-05-17 12:00:00"):
            today = self._member_born("Born Today", "1980-05-17")
            no_email = self._member_born(
                "Born Today No Mail", "1990-05-17", email=False
            )
            tomorrow = self._member_born("Born Tomorrow", "1980-05-18")
            not_member = self._member_born("Not Member", "1980-05-17", member=False)
            mine = today | no_email | tomorrow | not_member
            greeted, hooked = self._greet()
            self.assertEqual(greeted & mine, today | no_email)
            self.assertEqual(hooked & mine, today | no_email)
            self.assertEqual(today.cs_birthday_greeted_year, 2026)
            mails = self._mails(mine)
            self.assertEqual(len(mails), 1)
            self.assertEqual(mails.recipient_ids, today)
            self.assertIn("Happy birthday", mails.subject)
            # once a year: a second run the same day greets nobody
            greeted, hooked = self._greet()
            self.assertFalse(greeted & mine)
            self.assertEqual(len(self._mails(mine)), 1)
        with freeze_time("2026-05-18 12:00:00"):
            greeted, _hooked = self._greet()
            self.assertEqual(greeted & mine, tomorrow)
        with freeze_time("2027-05-17 12:00:00"):
            # the card must still be active a year later
            (today | no_email).cs_card_id.date_end = "2027-12-31"
            greeted, _hooked = self._greet()
            self.assertEqual(greeted & mine, today | no_email)
            self.assertEqual(today.cs_birthday_greeted_year, 2027)

    def test_birthday_29_february(self):
        with freeze_time("2026-02-28 12:00:00"):
            leap = self._member_born("Leap Day", "2000-02-29")
            regular = self._member_born("Born 28 Feb", "2001-02-28")
            mine = leap | regular
            greeted, hooked = self._greet()
            # a common year: the 29 February member is greeted on 28 February
            self.assertEqual(greeted & mine, leap | regular)
            self.assertEqual(hooked & mine, leap | regular)
        with freeze_time("2026-03-01 12:00:00"):
            greeted, _hooked = self._greet()
            self.assertFalse(greeted & mine)
        mine.cs_card_id.date_end = "2028-12-31"
        with freeze_time("2028-02-28 12:00:00"):
            # a leap year: only the members born on 28 February
            greeted, _hooked = self._greet()
            self.assertEqual(greeted & mine, regular)
        with freeze_time("2028-02-29 12:00:00"):
            greeted, _hooked = self._greet()
            self.assertEqual(greeted & mine, leap)

    # ------------------------------------------------------------------
    # automatic upgrade
    # ------------------------------------------------------------------

    @freeze_time("2026-03-10 12:00:00")
    def test_upgrade_levels(self):
        silver = self._active_card("Reaches Gold", "2026-01-01", self.silver)
        self._book(silver.partner_id, 5000)
        to_diamond = self._active_card("Reaches Diamond", "2026-01-01", self.silver)
        self._book(to_diamond.partner_id, 12000)
        stays = self._active_card("Stays Silver", "2026-01-01", self.silver)
        self._book(stays.partner_id, 4999)
        # never downgraded, whatever the balance
        diamond = self._active_card("Keeps Diamond", "2026-01-01", self.diamond)
        self._book(diamond.partner_id, 10)
        mine = silver | to_diamond | stays | diamond

        new_cards = self.Card._cron_upgrade_levels()
        self.assertEqual(new_cards.previous_card_id & mine, silver | to_diamond)
        gold_card = new_cards.filtered(lambda c: c.previous_card_id == silver)
        self.assertRecordValues(
            gold_card,
            [
                {
                    "state": "active",
                    "level_id": self.gold.id,
                    "change_type": "upgrade",
                    "partner_id": silver.partner_id.id,
                    "date_start": self._date("2026-03-10"),
                }
            ],
        )
        self.assertEqual(silver.state, "expired")
        self.assertEqual(silver.next_card_ids, gold_card)
        self.assertEqual(silver.partner_id.cs_level_id, self.gold)
        self.assertEqual(silver.partner_id.cs_card_id, gold_card)
        self.assertEqual(to_diamond.partner_id.cs_card_id.level_id, self.diamond)
        self.assertEqual(to_diamond.state, "expired")
        self.assertTrue(
            gold_card.message_ids.filtered(
                lambda m: "Upgraded automatically" in (m.body or "")
            )
        )
        self.assertEqual((stays | diamond).mapped("state"), ["active", "active"])
        self.assertFalse((stays | diamond).next_card_ids)
        self.assertEqual(diamond.partner_id.cs_level_id, self.diamond)

        # second run: nothing to do
        again = self.Card._cron_upgrade_levels()
        self.assertFalse(again.previous_card_id & (mine | new_cards))

    @freeze_time("2026-03-10 12:00:00")
    def test_upgrade_levels_in_batches(self):
        cards = self._active_card("Batch 1", "2026-01-01", self.silver)
        cards |= self._active_card("Batch 2", "2026-01-01", self.silver)
        for card in cards:
            self._book(card.partner_id, 6000)
        # a member whose upgrade or renewal is being prepared is left alone
        pending = self._active_card("Pending", "2026-01-01", self.silver)
        self._book(pending.partner_id, 6000)
        pending.action_renew()
        upgraded = self.Card.browse()
        for _run in range(10):
            new_cards = self.Card._cron_upgrade_levels(batch_size=1)
            if not new_cards:
                break
            self.assertEqual(len(new_cards), 1)
            upgraded |= new_cards
        self.assertEqual(upgraded.previous_card_id & (cards | pending), cards)
        self.assertEqual(set(cards.mapped("state")), {"expired"})
        self.assertEqual(pending.state, "active")
        self.assertEqual(pending.partner_id.cs_level_id, self.silver)
