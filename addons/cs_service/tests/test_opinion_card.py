# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from psycopg2 import IntegrityError

from odoo.exceptions import UserError
from odoo.tests import tagged
from odoo.tools import mute_logger

from ..models.cs_callback import RATING_FIELDS
from .common import CsServiceCommon

RATINGS = dict.fromkeys(RATING_FIELDS, 4)


@tagged("post_install", "-at_install")
class TestServiceOpinionCard(CsServiceCommon):
    def test_service_done_requests_opinion_card(self):
        request = self._advance(self._create_request(), "done")
        card = request.callback_ids
        self.assertEqual(len(card), 1)
        self.assertEqual(card.kind, "after_service")
        self.assertEqual(card.state, "todo")
        self.assertEqual(card.partner_id, self.customer_a)
        self.assertEqual(card.res_model, "cs.service.request")
        self.assertEqual(card.service_request_id, request)
        # called by the customer's agent, not by the technician
        self.assertEqual(card.user_id, self.agent_a)
        self.assertEqual(request.callback_count, 1)

    def test_service_ratings_required_then_locked(self):
        request = self._advance(self._create_request(), "done")
        card = request.callback_ids.with_user(self.agent_a)
        card.write({"outcome": "reached", "satisfaction": "satisfied"})
        with self.assertRaisesRegex(UserError, "four ratings"):
            card.action_done()
        card.write(RATINGS)
        card.action_done()
        self.assertEqual(card.state, "done")
        for fname in RATING_FIELDS:
            with self.subTest(field=fname), self.assertRaises(UserError):
                card.write({fname: 1})
        # the same value again is accepted (the web client sends it back)
        card.write({"service_rating_skill": 4})
        self.assertEqual(card.service_rating_skill, 4)

    def test_service_ratings_range(self):
        request = self._advance(self._create_request(), "done")
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError):
            request.callback_ids.write({"service_rating_attitude": 6})
            self.env.flush_all()

    def test_service_opinion_card_view(self):
        arch = self.env["cs.callback"].get_view(view_type="form")["arch"]
        for fname in RATING_FIELDS:
            self.assertIn(fname, arch)
        self.assertIn("kind != 'after_service'", arch)
