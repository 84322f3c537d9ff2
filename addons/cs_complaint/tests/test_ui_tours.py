# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import HttpCase, new_test_user, tagged

from .common import CsComplaintCommon


def load_chinese(env, modules):
    """Chinese active, with the terms of ``modules``: the tours run in it."""
    env["res.lang"]._activate_lang("zh_CN")
    env["ir.module.module"]._load_module_terms(modules, ["zh_CN"])


@tagged("post_install", "-at_install")
class TestCustomerTours(HttpCase):
    """A portal customer files a complaint on /my/complaints and finds it in
    their list; a visitor uses /complaint. Each in Chinese and in English."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        load_chinese(cls.env, ["web", "portal", "cs_complaint"])
        cls.portal_user = new_test_user(
            cls.env, "cs_tour_portal", groups="base.group_portal", name="Tour Customer"
        )
        cls.public_user = cls.env.ref("base.public_user")
        cls.env["cs.complaint.category"].create(
            {"name": "Tour category", "kind": "service"}
        )

    def _complaints(self, subject):
        return self.env["cs.complaint"].search([("subject", "=", subject)], order="id")

    def test_portal_tour(self):
        for lang in ("zh_CN", "en_US"):
            with self.subTest(lang=lang):
                self.portal_user.lang = lang
                before = self._complaints("Portal tour: broken parcel")
                self.start_tour(
                    "/my/complaints", "cs_complaint_portal_tour", login="cs_tour_portal"
                )
                complaint = self._complaints("Portal tour: broken parcel") - before
                if lang == "zh_CN":
                    # the customer saw the pages in Chinese
                    self.authenticate("cs_tour_portal", "cs_tour_portal")
                    self.assertIn("投诉", self.url_open("/my/complaints").text)
                self.assertEqual(len(complaint), 1)
                self.assertEqual(complaint.partner_id, self.portal_user.partner_id)
                self.assertEqual(complaint.channel, "portal")
                self.assertEqual(complaint.state, "new")

    def test_public_tour(self):
        for lang in ("zh_CN", "en_US"):
            with self.subTest(lang=lang):
                self.public_user.lang = lang
                before = self._complaints("Public tour: late delivery")
                self.start_tour("/complaint", "cs_complaint_public_tour")
                complaint = self._complaints("Public tour: late delivery") - before
                self.assertEqual(len(complaint), 1)
                self.assertEqual(complaint.channel, "web")


@tagged("post_install", "-at_install")
class TestDepartmentTour(CsComplaintCommon, HttpCase):
    """A member of the after-sales department answers the complaint routed to
    them using only what the web client shows them, in Chinese and English."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        load_chinese(cls.env, ["web", "mail", "cs_complaint"])

    def test_department_member_replies_from_the_inbox(self):
        for lang in ("zh_CN", "en_US"):
            with self.subTest(lang=lang):
                self.dept_member_user.lang = lang
                complaint = self._create_complaint(
                    subject="Department tour: scratched table",
                    department_id=self.dept_after_sales.id,
                )
                self.start_tour(
                    "/odoo", "cs_complaint_department_tour", login="cs_dept_member"
                )
                self.assertEqual(complaint.reply_ids.user_id, self.dept_member_user)
                self.assertTrue(complaint.date_reply)
                # answered, it leaves the To Reply list of the next round
