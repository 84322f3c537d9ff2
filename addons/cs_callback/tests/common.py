# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import datetime

from odoo import Command

from odoo.addons.cs_member.tests.common import TODAY, CsMemberCommon

__all__ = ["TODAY", "CsCallbackCommon"]

TZ = "Asia/Shanghai"


class CsCallbackCommon(CsMemberCommon):
    """Shared setup of the cs_callback tests, on top of cs_member's users,
    teams, levels and customers.

    The company, its users and customers live in Asia/Shanghai (UTC+8, no
    daylight saving time), quiet hours are 21:00-09:00 local time, a callback
    is due within 3 days, unreached customers are called again 4 hours later,
    3 attempts at most. ``TODAY`` (12:00 UTC) is 20:00 in Shanghai.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.write(
            {
                "cs_callback_deadline_days": 3,
                "cs_callback_max_attempts": 3,
                "cs_callback_retry_hours": 4.0,
            }
        )
        cls.company.partner_id.tz = TZ
        # the company's day is its working schedule's: a Chinese company
        cls.company.resource_calendar_id.tz = TZ
        cls.users = (
            cls.agent_a
            | cls.agent_a2
            | cls.agent_b
            | cls.supervisor
            | cls.quality
            | cls.manager
            | cls.internal_user
            | cls.portal_user
        )
        cls.users.write({"tz": TZ})
        cls.env.user.tz = TZ
        (cls.customer_a | cls.customer_a2 | cls.customer_b).write({"tz": TZ})
        cls.team_a.leader_id = cls.supervisor
        cls.Callback = cls.env["cs.callback"]
        cls.Plan = cls.env["cs.callback.plan"]
        cls.script = cls.env["cs.callback.script"].create(
            {
                "name": "Routine script (test)",
                "opening": "Hello {customer}, this is {agent} from {company}.",
                "question": "How satisfied are you with our service?",
                "closing_satisfied": "Thank you, {customer}!",
                "closing_unsatisfied": "We apologise and will improve, {customer}.",
            }
        )

    # ------------------------------------------------------------------
    # helpers
    # ------------------------------------------------------------------

    @classmethod
    def _create_customer(cls, name, agent=None, member=True, level=None, **vals):
        """A customer in Shanghai, with an active card of ``level`` (silver)
        when ``member``."""
        partner = cls._create_member(name, agent, **dict({"tz": TZ}, **vals))
        if member:
            cls._create_card(partner, level, activate=False, state="active")
        return partner

    @classmethod
    def _create_callback(cls, partner, agent, **vals):
        return cls.Callback.create(
            dict(
                {
                    "partner_id": partner.id,
                    "user_id": agent.id if agent else False,
                    "date_deadline": "2026-03-13",
                },
                **vals,
            )
        )

    @classmethod
    def _create_plan(cls, agents=None, **vals):
        agents = cls.agent_a | cls.agent_b if agents is None else agents
        return cls.Plan.create(
            dict(
                {
                    "name": "Plan (test)",
                    "agent_ids": [Command.set(agents.ids)],
                    "script_id": cls.script.id,
                    "supervisor_id": cls.supervisor.id,
                    "members_only": False,
                },
                **vals,
            )
        )

    @staticmethod
    def _utc(value):
        """A naive UTC datetime from ``"YYYY-MM-DD HH:MM"`` (UTC)."""
        return datetime.strptime(value, "%Y-%m-%d %H:%M")
