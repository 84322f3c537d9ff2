# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError


class CsImprovementActionDoneWizard(models.TransientModel):
    """The owner of an improvement action writes the measures taken and
    marks it done. Owners outside customer service only read their
    actions: this dialog is their way to write the measures."""

    _name = "cs.improvement.action.done.wizard"
    _description = "Mark an Improvement Action Done"

    action_id = fields.Many2one(
        "cs.improvement.action", required=True, readonly=True, ondelete="cascade"
    )
    name = fields.Char(related="action_id.name", string="Problem")
    measure = fields.Text(string="Measures Taken", required=True)

    @api.model
    def default_get(self, fields_list):
        res = super().default_get(fields_list)
        action = self.env["cs.improvement.action"].browse(res.get("action_id"))
        if "measure" in fields_list and action.exists() and not res.get("measure"):
            res["measure"] = action.measure
        return res

    def action_confirm(self):
        self.ensure_one()
        action = self.action_id
        action.check_access("read")
        action._cs_require_state(["in_progress"], self.env._("done"))
        action._check_owner_right()
        if not (self.measure or "").strip():
            raise UserError(
                self.env._("Write the measures taken before marking the action done.")
            )
        action._write_as_owner({"measure": self.measure})
        action.action_done()
        return {"type": "ir.actions.act_window_close"}
