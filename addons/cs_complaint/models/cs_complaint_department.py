# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError, ValidationError


class CsComplaintDepartmentInbox(models.AbstractModel):
    """The inbox of the departments complaints are routed to (部门投诉): the
    department manager names the member who answers (负责人), who gets the
    reply activity; the persons complained about are told the result. A part
    of ``cs.complaint``, as ``mail.thread.cc`` is of ``mail.thread``."""

    _name = "cs.complaint.department.inbox"
    _description = "Complaint Routed to a Department"

    department_user_id = fields.Many2one(
        "res.users",
        string="Department Handler",
        tracking=True,
        index="btree_not_null",
        copy=False,
        help="The member of the responsible department who answers (负责人), "
        "named by the department's manager.",
    )
    is_my_department = fields.Boolean(
        string="Routed to My Department",
        compute="_compute_is_my_department",
        search="_search_is_my_department",
    )
    is_department_manager = fields.Boolean(compute="_compute_is_my_department")

    @api.model
    def _cs_my_departments(self):
        """The departments of the user's employees and their sub-departments,
        and those the user manages."""
        Department = self.env["hr.department"].sudo()
        mine = self.env.user.employee_ids.department_id | Department.search(
            [("manager_id.user_id", "=", self.env.user.id)]
        )
        return Department.search([("id", "child_of", mine.ids)]) if mine else mine

    def _compute_is_my_department(self):
        departments = self._cs_my_departments()
        for complaint in self:
            complaint.is_my_department = complaint.department_id in departments
            complaint.is_department_manager = (
                complaint.department_id.manager_id.user_id == self.env.user
            )

    def _search_is_my_department(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise ValidationError(self.env._("Unsupported search on the department."))
        domain = [("department_id", "in", self._cs_my_departments().ids)]
        return domain if (operator == "=") == value else ["!", *domain]

    def write(self, vals):
        if set(vals) == {"department_user_id"} and not self.env.su:
            return self._cs_assign_department_user(vals["department_user_id"])
        return super().write(vals)

    def _cs_assign_department_user(self, user_id):
        """The department's manager (or a supervisor) names the member who
        answers; the reply activity moves to them and they follow."""
        user = self.env["res.users"].browse(user_id)
        is_supervisor = self.env.user.has_group("cs_member.group_cs_supervisor")
        for complaint in self:
            manager = complaint.department_id.manager_id.user_id
            if not is_supervisor and manager != self.env.user:
                raise AccessError(
                    self.env._(
                        "Only the manager of %(department)s names who answers "
                        "complaint %(number)s.",
                        department=complaint.department_id.display_name,
                        number=complaint.name,
                    )
                )
            members = (
                self.env["hr.employee"]
                .sudo()
                .search([("department_id", "child_of", complaint.department_id.ids)])
                .user_id
            )
            if user and user not in members | manager:
                raise ValidationError(
                    self.env._(
                        "%(user)s is not a member of %(department)s.",
                        user=user.name,
                        department=complaint.department_id.display_name,
                    )
                )
        # sudo: department members and managers read routed complaints but do
        # not write them; the right was checked above, and only this field
        # and the reply activity change
        complaints = self.sudo()
        res = super(CsComplaintDepartmentInbox, complaints).write(
            {"department_user_id": user_id}
        )
        if user:
            complaints.message_subscribe(partner_ids=user.partner_id.ids)
            complaints.activity_ids.filtered(
                lambda a: a.activity_type_id
                == self.env.ref("cs_complaint.mail_activity_type_department_reply")
            ).write({"user_id": user.id})
        return res

    def _cs_tell_responsible_persons(self):
        """The result goes back to the persons complained about too (H2): an
        internal note on the complaint and a message to each of them."""
        for complaint in self.filtered("responsible_employee_ids"):
            users = complaint.responsible_employee_ids.user_id
            body = self.env._(
                "Complaint %(number)s about you is resolved: %(solution)s",
                number=complaint.name,
                solution=complaint.solution or "",
            )
            complaint.message_post(
                body=body,
                subtype_xmlid="mail.mt_note",
                partner_ids=users.partner_id.ids,
            )
