"""The demo users have the rights of their role, nothing more: the department
rules rely on who may edit employees (an HR officer could move themselves
into another department and read its complaints)."""

from odoo.tests import TransactionCase, tagged

DEMO_USERS = (
    "cs_member.user_manager_demo",
    "cs_member.user_supervisor_demo",
    "cs_member.user_quality_demo",
    "cs_member.user_agent1_demo",
    "cs_member.user_agent2_demo",
    "cs_member.user_agent3_demo",
    "cs_member.user_sales_demo",
    "cs_service.user_technician_zhao_demo",
    "cs_service.user_technician_sun_demo",
)


@tagged("post_install", "-at_install")
class TestDemoUsers(TransactionCase):
    def test_demo_users_are_not_hr_officers(self):
        users = [self.env.ref(xmlid, raise_if_not_found=False) for xmlid in DEMO_USERS]
        users = [user for user in users if user]
        if not users:
            self.skipTest("installed without demo data")
        hr_groups = [
            self.env.ref(xmlid, raise_if_not_found=False)
            for xmlid in ("hr.group_hr_user", "hr.group_hr_manager")
        ]
        for user in users:
            for group in filter(None, hr_groups):
                with self.subTest(user=user.login, group=group.full_name):
                    groups = sorted(user.groups_id.mapped("full_name"))
                    self.assertNotIn(user, group.users, f"{user.login} has {groups}")
