# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from contextlib import contextmanager

from odoo import fields
from odoo.tests import TransactionCase, new_test_user

# Every date-dependent test freezes time at noon UTC: the date is then the same
# in every time zone a test user could have.
TODAY = "2026-03-10 12:00:00"


class CsMemberCommon(TransactionCase):
    """Shared users, teams, levels and customers of the cs_member tests.

    Users, one per role: ``agent_a`` and ``agent_a2`` (team A), ``agent_b``
    (team B), ``supervisor``, ``quality``, ``manager``, ``admin_user``
    (settings), ``internal_user`` (base.group_user only), ``contact_user``
    (internal user who may edit contacts, but is not in customer service) and
    ``portal_user``.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, no_reset_password=True))
        cls.company = cls.env.company
        cls.company.write(
            {
                "cs_card_validity_months": 12,
                "cs_expiry_reminder_days": 30,
                "cs_first_contact_days": 7,
                "email": "service@example.com",
            }
        )
        cls._setup_levels()

        cls.team_a = cls.env["cs.team"].create({"name": "Team A (test)"})
        cls.team_b = cls.env["cs.team"].create({"name": "Team B (test)"})
        agent = "cs_member.group_cs_agent"
        cls.agent_a = new_test_user(
            cls.env, "cs_agent_a", groups=agent, cs_team_id=cls.team_a.id
        )
        cls.agent_a2 = new_test_user(
            cls.env, "cs_agent_a2", groups=agent, cs_team_id=cls.team_a.id
        )
        cls.agent_b = new_test_user(
            cls.env, "cs_agent_b", groups=agent, cs_team_id=cls.team_b.id
        )
        cls.supervisor = new_test_user(
            cls.env, "cs_supervisor", groups="cs_member.group_cs_supervisor"
        )
        cls.quality = new_test_user(
            cls.env, "cs_quality", groups="cs_member.group_cs_quality"
        )
        cls.manager = new_test_user(
            cls.env, "cs_manager", groups="cs_member.group_cs_manager"
        )
        cls.admin_user = new_test_user(
            cls.env, "cs_admin", groups="base.group_user,base.group_system"
        )
        cls.internal_user = new_test_user(
            cls.env, "cs_internal", groups="base.group_user"
        )
        cls.contact_user = new_test_user(
            cls.env,
            "cs_contacts",
            groups="base.group_user,base.group_partner_manager",
        )
        cls.portal_user = new_test_user(
            cls.env, "cs_portal", groups="base.group_portal"
        )

        Partner = cls.env["res.partner"]
        cls.customer_a = Partner.create(
            {
                "name": "Customer of A",
                "email": "customer.a@example.com",
                "cs_agent_id": cls.agent_a.id,
                "cs_grade": "important",
                "cs_birthday": "1980-05-17",
                "cs_id_number": "110101198005170000",
                "cs_preferences": "Prefers e-mail",
            }
        )
        cls.customer_a2 = Partner.create(
            {
                "name": "Customer of A2",
                "email": "customer.a2@example.com",
                "cs_agent_id": cls.agent_a2.id,
                "cs_grade": "normal",
            }
        )
        cls.customer_b = Partner.create(
            {
                "name": "Customer of B",
                "email": "customer.b@example.com",
                "cs_agent_id": cls.agent_b.id,
                "cs_grade": "key",
            }
        )

    @classmethod
    def _setup_levels(cls):
        """Reuse the levels of the module's data file with known values, and
        archive any other level (demo data may add some)."""
        Level = cls.env["cs.member.level"]
        cls.silver = cls.env.ref("cs_member.cs_member_level_silver")
        cls.gold = cls.env.ref("cs_member.cs_member_level_gold")
        cls.diamond = cls.env.ref("cs_member.cs_member_level_diamond")
        levels = cls.silver | cls.gold | cls.diamond
        (Level.search([]) - levels).action_archive()
        levels.action_unarchive()
        # highest first, so that every intermediate state is valid
        for level, sequence, points in (
            (cls.diamond, 30, 10000),
            (cls.gold, 20, 5000),
            (cls.silver, 10, 0),
        ):
            level.write(
                {
                    "sequence": sequence,
                    "min_points": points,
                    "validity_months": 0,
                    "callback_interval_days": 90,
                }
            )

    # ------------------------------------------------------------------
    # helpers
    # ------------------------------------------------------------------

    @classmethod
    def _create_member(cls, name, agent=None, **vals):
        return cls.env["res.partner"].create(
            dict(
                {
                    "name": name,
                    "email": f"{name.lower().replace(' ', '.')}@example.com",
                    "cs_agent_id": agent.id if agent else False,
                },
                **vals,
            )
        )

    @classmethod
    def _create_card(cls, partner, level=None, date_start=None, activate=True, **vals):
        """Create a card as superuser (and activate it by default)."""
        values = dict(
            {"partner_id": partner.id, "level_id": (level or cls.silver).id}, **vals
        )
        if date_start:
            values["date_start"] = date_start
        card = cls.env["cs.member.card"].create(values)
        cls._end_request()
        if activate:
            card.action_activate()
            cls._end_request()
        return card

    @classmethod
    def _end_request(cls):
        """Flush and run the pre-commit hooks as at the end of a request: the
        chatter tracks what changed since then (Odoo does not track a change
        made in the same transaction as the record's creation)."""
        cls.env.flush_all()
        cls.env.cr.flush()

    @classmethod
    def _book(cls, partner, points, kind="earn", reason="Purchase", env=None):
        env = env or cls.env
        return env["cs.member.points"].create(
            {
                "partner_id": partner.id,
                "points": points,
                "kind": kind,
                "reason": reason,
            }
        )

    @contextmanager
    def assertRaisesText(self, exception, text):
        """``assertRaises`` (which rolls back to a savepoint) that also checks
        that the message shown to the user contains ``text``."""
        with self.assertRaises(exception) as catcher:
            yield catcher
        self.assertIn(text, str(catcher.exception))

    def _tracked_states(self, record):
        """(old, new) state values tracked in the chatter of ``record``."""
        self._end_request()
        record.invalidate_recordset(["message_ids"])
        trackings = record.message_ids.tracking_value_ids.filtered(
            lambda t: t.field_id.name == "state"
        )
        return {(t.old_value_char, t.new_value_char) for t in trackings}

    @staticmethod
    def _date(value):
        return fields.Date.to_date(value)
