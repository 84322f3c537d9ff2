# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models


class IrModuleModule(models.Model):
    _inherit = "ir.module.module"

    def _load_module_terms(
        self, modules, langs, overwrite=False, imported_module=False
    ):
        """Load cs_member's terms again with every module that depends on it.

        cs_member's mixins (deadline status and escalation, Find by Phone,
        ...) add their fields to the models of the modules that inherit them.
        Odoo names those fields and their selection values after cs_member,
        so their translations are in cs_member's file, which Odoo read when
        cs_member was installed, before those models existed: without this
        a complaint's or a service request's deadline status would show in
        English in a Chinese database. Existing translations are kept unless
        ``overwrite`` asks otherwise."""
        modules = list(modules)
        if "cs_member" not in modules and self._cs_depend_on_member(modules):
            modules.append("cs_member")
        return super()._load_module_terms(
            modules, langs, overwrite=overwrite, imported_module=imported_module
        )

    def _cs_depend_on_member(self, names):
        loaded = self.sudo().search([("name", "in", list(names))])
        depends = loaded.upstream_dependencies(exclude_states=("uninstallable",))
        return "cs_member" in depends.mapped("name")
