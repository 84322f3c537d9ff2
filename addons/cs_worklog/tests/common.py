# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.addons.cs_complaint.tests.common import CsComplaintCommon, local

__all__ = ["CsWorklogCommon", "local"]


class CsWorklogCommon(CsComplaintCommon):
    """The suite's users and teams (``supervisor`` leads team A: ``agent_a``
    and ``agent_a2``; ``agent_b`` is in team B), the company in Shanghai.
    On Wednesday 8 April 2026 (Shanghai), agent A completes two callbacks
    and fails one, registers a complaint and resolves another; agent B
    completes one callback; a callback of agent A at 23:30 on 7 April and
    one at 00:30 on 8 April (16:30 UTC on the 7th) fall on their company
    days."""

    DAY = "2026-04-08"

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Worklog = cls.env["cs.worklog"]
        cls._done(cls.agent_a, "2026-04-08 00:30", "satisfied", 5)
        cls._done(cls.agent_a, "2026-04-08 10:00", "unsatisfied", 2)
        cls._done(cls.agent_a, "2026-04-08 11:00", state="failed")
        cls._done(cls.agent_a, "2026-04-07 23:30", "satisfied", 4)
        cls._done(cls.agent_b, "2026-04-08 15:00", "average", 3)
        cls.registered = cls._create_complaint(
            env=cls.env(user=cls.agent_a),
            date_received=local("2026-04-08 09:15"),
        )
        cls.resolved = cls._create_complaint(date_received=local("2026-04-01 09:00"))
        cls.resolved.write(
            {
                "state": "resolved",
                "date_resolved": local("2026-04-08 16:00"),
                "sla_met": True,
            }
        )
        cls.env.flush_all()

    @classmethod
    def _done(cls, agent, when, satisfaction=None, score=0, state="done"):
        callback = cls._create_callback(cls.customer_a, agent, date_deadline=when[:10])
        values = {"state": state, "date_done": local(when)}
        if state == "done":
            values.update(outcome="reached", satisfaction=satisfaction, score=score)
        callback.write(values)
        return callback

    def _log(self, user, day=None):
        return self.Worklog.search(
            [("user_id", "=", user.id), ("date", "=", day or self.DAY)]
        )
