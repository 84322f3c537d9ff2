# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tools import SQL


def insert_followers(env, res_model, res_ids, partner_ids, subtype_ids):
    """Make ``partner_ids[i]`` follow record ``res_ids[i]`` of ``res_model``
    with ``subtype_ids``, for a whole batch in one statement; existing
    followers are kept as they are.

    The suite's mass operations (distribution of customers, registration of
    complaints by the thousand) subscribe this way instead of one
    ``message_subscribe`` per record. No access is checked: the caller has
    written the records through the ORM just before."""
    if not res_ids:
        return
    env.cr.execute(
        SQL(
            """
            WITH follower AS (
                INSERT INTO mail_followers (res_model, res_id, partner_id)
                SELECT DISTINCT %(model)s, new.res_id, new.partner_id
                  FROM unnest(%(res_ids)s::int[], %(partner_ids)s::int[])
                       AS new(res_id, partner_id)
                ON CONFLICT DO NOTHING
                RETURNING id
            )
            INSERT INTO mail_followers_mail_message_subtype_rel
                   (mail_followers_id, mail_message_subtype_id)
            SELECT follower.id, subtype_id
              FROM follower, unnest(%(subtype_ids)s::int[]) AS subtype_id
            """,
            model=res_model,
            res_ids=list(res_ids),
            partner_ids=list(partner_ids),
            subtype_ids=list(subtype_ids),
        )
    )
    env["mail.followers"].invalidate_model()
    env[res_model].invalidate_model(["message_follower_ids", "message_partner_ids"])
