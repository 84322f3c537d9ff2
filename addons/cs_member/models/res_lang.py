# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models


class ResLang(models.Model):
    _inherit = "res.lang"

    @api.model
    def _cs_load_terms_before_demo(self, module):
        """Demo data only: load ``module``'s translations into the installed
        languages before its demo records are created. Odoo loads a module's
        terms after its demo data, so the chatter of the demo records
        (creation messages, tracked states) would name the module's models
        and values in English inside Chinese sentences."""
        langs = [code for code, __ in self.get_installed() if code != "en_US"]
        if langs:
            self.env["ir.module.module"]._load_module_terms([module], langs)
            # the names already read (models, selection labels) are cached
            self.env.invalidate_all()
            self.env.registry.clear_cache()

    @api.model
    def _cs_demo_lang(self, lang):
        """Demo data only: point the xml id ``cs_member.demo_lang`` at
        ``lang`` when it is installed, else at English. Data files are loaded
        without a language, so the demo files set theirs in their root
        context from this xml id; their records then write their chatter in
        ``lang``, as a Chinese department would."""
        installed = self.with_context(active_test=True).search(
            [("code", "=", lang)], limit=1
        )
        target = installed or self.env.ref("base.lang_en")
        self.env["ir.model.data"]._update_xmlids(
            [{"xml_id": "cs_member.demo_lang", "record": target, "noupdate": True}],
            update=True,
        )

    @api.model
    def _cs_demo_users_speak(self, lang, user_xmlids):
        """Demo data only: the demo company's users, and OdooBot whose
        scheduled actions write in the chatter, use ``lang`` when it is
        installed (a Chinese company's department works in Chinese)."""
        if lang not in dict(self.get_installed()):
            return
        users = self.env["res.users"]
        for xmlid in user_xmlids:
            users |= self.env.ref(xmlid, raise_if_not_found=False) or users
        users.write({"lang": lang})
