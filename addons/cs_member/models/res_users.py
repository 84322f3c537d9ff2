# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command, api, fields, models
from odoo.exceptions import ValidationError


class ResUsers(models.Model):
    _inherit = "res.users"

    cs_team_id = fields.Many2one(
        "cs.team", string="Customer Service Team", index="btree_not_null"
    )
    cs_capacity = fields.Float(
        string="Customer Capacity",
        default=1.0,
        help="Relative capacity of the agent when customers are distributed: "
        "an agent of capacity 2 receives twice as many customers as an agent "
        "of capacity 1. Zero means the agent receives no new customers.",
    )
    cs_customer_count = fields.Integer(
        string="Assigned Customers", compute="_compute_cs_customer_count"
    )

    @property
    def SELF_READABLE_FIELDS(self):
        return super().SELF_READABLE_FIELDS + ["cs_team_id", "cs_capacity"]

    def _compute_cs_customer_count(self):
        counts = dict(
            self.env["res.partner"]._read_group(
                [("cs_agent_id", "in", self.ids)], ["cs_agent_id"], ["__count"]
            )
        )
        for user in self:
            user.cs_customer_count = counts.get(user, 0)

    @api.model
    def _cs_demo_drop_hr_rights(self, xmlids):
        """Give the demo users of ``xmlids`` back their own role: installing
        ``hr`` makes every existing internal user an HR manager (it adds the
        group to the default user template, which Odoo applies to all
        users), and the department rules rely on who may edit employees.
        Called by the demo data of each module that brings ``hr``."""
        hr_groups = [
            group.id
            for group in (
                self.env.ref("hr.group_hr_manager", raise_if_not_found=False),
                self.env.ref("hr.group_hr_user", raise_if_not_found=False),
            )
            if group
        ]
        users = self.browse(
            user.id
            for user in (
                self.env.ref(xmlid, raise_if_not_found=False) for xmlid in xmlids
            )
            if user
        )
        if hr_groups and users:
            users.write({"groups_id": [Command.unlink(gid) for gid in hr_groups]})
        return True

    @api.constrains("cs_capacity")
    def _check_cs_capacity(self):
        if any(user.cs_capacity < 0 for user in self):
            raise ValidationError(
                self.env._("The customer capacity of an agent cannot be negative.")
            )
