from . import res_partner_archive_card
