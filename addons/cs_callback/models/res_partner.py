# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import api, fields, models
from odoo.tools import SQL

from odoo.addons.cs_member.models.cs_protected_mixin import workflow_action


class ResPartner(models.Model):
    _name = "res.partner"
    _inherit = ["res.partner", "cs.callback.mixin"]

    cs_callback_ids = fields.One2many(
        "cs.callback",
        "partner_id",
        string="Callbacks",
        groups="cs_member.group_cs_agent",
    )

    def _cs_on_birthday(self):
        """A birthday greeting call (occasion callback, B5/C3)."""
        res = super()._cs_on_birthday()
        for partner in self.filtered(lambda p: not p.cs_do_not_call):
            partner._cs_request_callback(
                "occasion",
                partner,
                deadline_days=self.env.company.cs_callback_deadline_days,
            )
        return res

    @api.model
    @workflow_action
    def _cron_callback_coverage(self, batch_size=2000):
        """Every active member has a completed callback within their level's
        interval (C4: 100% of members are called back). Creates the missing
        routine callbacks, at most one open per member; idempotent."""
        today = self.env.company._cs_today()
        self.env.flush_all()
        self.env.cr.execute(
            SQL(
                """
                SELECT p.id
                  FROM res_partner p
                  JOIN cs_member_level lvl ON lvl.id = p.cs_level_id
                 WHERE p.cs_is_member AND p.active
                   AND NOT COALESCE(p.cs_do_not_call, FALSE)
                   AND NOT EXISTS (
                        SELECT 1 FROM cs_callback c
                         WHERE c.partner_id = p.id AND c.state = 'todo')
                   AND NOT EXISTS (
                        SELECT 1 FROM cs_callback c
                         WHERE c.partner_id = p.id AND c.state = 'done'
                           AND c.date_done >= %s::date - lvl.callback_interval_days)
              ORDER BY p.id
                 LIMIT %s
                """,
                today,
                batch_size + 1,
            )
        )
        ids = [row[0] for row in self.env.cr.fetchall()]
        more = len(ids) > batch_size
        partners = self.browse(ids[:batch_size])
        Callback = self.env["cs.callback"]
        now = fields.Datetime.now()
        company = self.env.company
        deadline = today + timedelta(days=company.cs_callback_deadline_days)
        callbacks = Callback.create(
            [
                {
                    "partner_id": partner.id,
                    "kind": "routine",
                    "user_id": partner.cs_agent_id.id,
                    "date_deadline": deadline,
                    "scheduled_at": Callback._cs_next_slot(partner, now, company),
                    "company_id": company.id,
                }
                for partner in partners
            ]
        )
        self.env["ir.cron"]._notify_progress(
            done=len(callbacks), remaining=1 if more else 0
        )
        return callbacks
